"""Phrase → actor code table (tests/cases/actors.jsonl): realistic news phrasing beyond the seeds.

Each case names a phrase (a short sentence written in the style of the news, its phrases drawn from
real reporting), the actor text expected inside one coded actor's span, its PLOVER code and sector,
and optionally the document date (for office-holders).  A case the coder still gets wrong may stay
in the table with ``"xfail": "reason"``: it is reported as an expected failure (and as XPASS once
the coder gets it right), so known gaps stay visible instead of being dropped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.model import Document

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "cases" / "actors.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
KEYS = {"text", "actor", "code", "sector", "date", "xfail"}


def _param(i: int, case: dict) -> object:
    marks = [pytest.mark.xfail(reason=str(case["xfail"]), strict=False)] if case.get("xfail") else []
    return pytest.param(case, id=f"{i:03d}-{case['actor']}", marks=marks)


def test_actors_cases_table_is_large_and_well_formed():
    assert len(CASES) >= 300
    for case in CASES:
        assert set(case) <= KEYS and {"text", "actor", "code", "sector"} <= set(case), case
        assert case["actor"] in case["text"], case
        assert len(case["text"].split()) <= 20, case  # a short phrase, not a copied paragraph
    assert len({(c["text"], c["actor"], c.get("date")) for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", [_param(i, c) for i, c in enumerate(CASES)])
def test_actors_case(actor_pipeline, case):
    doc = actor_pipeline(Document(doc_id="case", text=case["text"], source="case", date=case.get("date")))
    found = [a for a in doc.actors if case["actor"] in a.entity_text]
    assert found, [(a.entity_text, a.code, a.sector) for a in doc.actors]
    actor = min(found, key=lambda a: len(a.entity_text))
    assert (actor.code, actor.sector) == (case["code"], case["sector"]), actor.why
    assert doc.text[actor.start : actor.end] == actor.entity_text
