"""Trigger lexicons of the 14 types other than ASSAULT and PROTEST, on hand-written news
sentences (tests/cases/events_types.jsonl) run through the full pipeline without the CRF.

Each case gives the ``type`` that must be coded (with its ``mode`` where given) and/or a type
that must be ``absent`` (precision rules: a report about "the agreement" is not AGREE)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.model import Document
from hadath.pipeline import build_pipeline

CASES = [json.loads(line) for line in
         (Path(__file__).parent / "cases" / "events_types.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]
OTHER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
               "ACCUSE", "REJECT", "THREATEN", "SANCTION", "MOBILIZE", "COERCE"}


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline(use_crf=False)


def _events(pipeline, text: str):
    doc = Document(doc_id="t", text=text, source="test", date="2015-08-01")
    return pipeline(doc).events


def test_cases_cover_the_fourteen_types():
    assert {c["type"] for c in CASES if "type" in c} == OTHER_TYPES
    assert len(CASES) >= 40
    assert sum("absent" in c for c in CASES) >= 5


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_case(pipeline, case):
    events = _events(pipeline, case["text"])
    got = [(e.event, e.event_text, e.mode) for e in events]
    if "absent" in case:
        assert all(e.event != case["absent"] for e in events), got
    if "type" not in case:
        return
    found = [e for e in events if e.event == case["type"]]
    assert found, f"expected {case['type']}, got {got}"
    modes = {m for e in found for m in e.mode}
    for mode in case.get("mode", ()):
        assert mode in modes, got
