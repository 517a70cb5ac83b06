"""Phrase → actor code table (tests/cases/actors.jsonl): realistic news phrasing beyond the seeds.

Each case names a phrase, the actor text expected inside one coded actor's span, its
PLOVER code and sector, and optionally the document date (for office-holders).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.actors import ActorCoder
from hadath.model import Document
from hadath.ner.lexicon import LexiconRecognizer
from hadath.pipeline import Pipeline, Segmenter

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "cases" / "actors.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline([Segmenter(), LexiconRecognizer(), ActorCoder()])


def test_actors_cases_table_is_large_enough():
    assert len(CASES) >= 60


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}-{c['actor']}" for i, c in enumerate(CASES)])
def test_actors_case(pipeline, case):
    doc = pipeline(Document(doc_id="case", text=case["text"], source="case", date=case.get("date")))
    found = [a for a in doc.actors if case["actor"] in a.entity_text]
    assert found, [(a.entity_text, a.code, a.sector) for a in doc.actors]
    actor = min(found, key=lambda a: len(a.entity_text))
    assert (actor.code, actor.sector) == (case["code"], case["sector"]), actor.why
    assert doc.text[actor.start : actor.end] == actor.entity_text
