"""Trigger detection on hand-written sentences (tests/cases/events.jsonl), no actors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.arabic.tokens import split_sentences
from hadath.events import EventCoder
from hadath.model import Document

CASES = [json.loads(line) for line in
         (Path(__file__).parent / "cases" / "events.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]
CODER = EventCoder()


def _events(text: str):
    doc = Document(doc_id="t", text=text, source="test", date="2024-03-14",
                   sentences=split_sentences(text))
    return CODER(doc).events


def test_cases_cover_all_types():
    from hadath.events.ontology import QUAD

    assert {c["type"] for c in CASES if c["type"]} == set(QUAD)
    assert len(CASES) >= 50


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_case(case):
    events = _events(case["text"])
    if case["type"] is None:
        assert events == (), [e.why for e in events]
        return
    found = [e for e in events if e.event == case["type"]]
    assert found, f"expected {case['type']}, got {[(e.event, e.event_text) for e in events]}"
    event = found[0]
    if "negated" in case:
        assert event.negated == case["negated"], event.why
    if "hypothetical" in case:
        assert event.hypothetical == case["hypothetical"], event.why
    for mode in case.get("mode", ()):
        assert mode in event.mode, event.mode
