"""Role nouns added from GSR misses (tests/cases/actors_roles_extra.jsonl): suicide attackers,
attackers, aircraft/units/strikes with a nationality, people counts, riot police, accusative forms.

Runs like tests/test_actors_cases.py; ``code`` null means no country (sentences carry none).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.model import Document

CASE_FILE = Path(__file__).parent / "cases" / "actors_roles_extra.jsonl"
CASES = [json.loads(line) for line in CASE_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


def _code(doc: Document, phrase: str) -> tuple[str | None, str | None] | None:
    found = [a for a in doc.actors if phrase in a.entity_text]
    if not found:
        return None
    actor = min(found, key=lambda a: len(a.entity_text))
    return actor.code, actor.sector


def test_actors_roles_extra_table_is_well_formed():
    assert len(CASES) >= 15
    for case in CASES:
        assert {"text", "actor", "code", "sector"} == set(case), case
        assert case["actor"] in case["text"] and len(case["text"].split()) <= 15, case


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}-{c['actor']}" for i, c in enumerate(CASES)])
def test_actors_roles_extra_case(actor_pipeline, case):
    doc = actor_pipeline(Document(doc_id="case", text=case["text"], source="case"))
    got = _code(doc, case["actor"])
    assert got == (case["code"], case["sector"]), [(a.entity_text, a.code, a.sector) for a in doc.actors]


@pytest.mark.parametrize("text", ["تعرض الحاجز لهجوم مسلح ليلا.", "اندلع نزاع مسلح في الإقليم."])
def test_actors_roles_extra_armed_adjective_is_no_actor(actor_pipeline, text):
    doc = actor_pipeline(Document(doc_id="case", text=text, source="case"))
    assert not [a for a in doc.actors if a.entity_text == "مسلح"]
