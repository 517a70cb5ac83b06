"""End to end on the bundled sample (the two seed articles): ingest, clean,
code, and check the events a human coder finds there.

Nothing in the code names these articles: these tests check that general
lexicons and rules carry to them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.clean import clean
from hadath.ingest import read_paths
from hadath.model import Document, Event, Rejection
from hadath.pipeline import build_pipeline

SAMPLE = Path(__file__).resolve().parents[1] / "hadath" / "data" / "sample"


@pytest.fixture(scope="module")
def coded() -> dict[str, list[Document]]:
    pipeline = build_pipeline()
    out: dict[str, list[Document]] = {}
    for raw in read_paths([str(SAMPLE)]):
        assert not isinstance(raw, Rejection), raw
        docs = clean(raw)
        assert not isinstance(docs, Rejection), docs
        out[Path(raw.source).name[:3]] = [pipeline(d) for d in docs]
    return out


def _codes(actors) -> set[tuple[str | None, str | None]]:
    return {(a.code, a.sector) for a in actors}


def _find(events: list[Event], kind: str, actor=None, recipient=None, mode=None) -> list[Event]:
    """Events of type ``kind`` whose actors include ``actor`` (code, sector|None) and
    recipients include ``recipient``; a None sector matches any sector."""

    def match(want, actors) -> bool:
        if want is None:
            return True
        code, sector = want
        return any(a.code == code and (sector is None or a.sector == sector) for a in actors)

    return [
        e
        for e in events
        if e.event == kind
        and match(actor, e.actor)
        and match(recipient, e.recipient)
        and (mode is None or mode in e.mode)
    ]


def _both_ways(events, kind, a, b):
    return _find(events, kind, a, b) + _find(events, kind, b, a)


def test_seeds_niger_article_splits_off_the_tajikistan_article(coded):
    docs = coded["000"]
    assert len(docs) == 2
    assert "طاجيكستان" not in docs[0].text
    assert "وقعت الولايات المتحدة الأمريكية اتفاقيات مع طاجيكستان" in docs[1].text
    assert docs[0].doc_id != docs[1].doc_id


def test_seeds_nuland_visit_to_niamey_is_consult_visit(coded):
    events = list(coded["000"][0].events)
    found = _find(events, "CONSULT", actor=("USA", "GOV"), mode="visit")
    assert found, [e.to_plover() for e in events]
    assert any(
        (e.event_loc and e.event_loc.country == "NER") or any(r.code == "NER" for r in e.recipient)
        for e in found
    )
    assert any("نولاند" in a.entity_text for e in found for a in e.actor)


def test_seeds_military_reject_meeting_with_ecowas_delegation(coded):
    events = list(coded["000"][0].events)
    found = _find(events, "REJECT", actor=("NER", "MIL"), recipient=("IGO", None))
    assert found, [e.to_plover() for e in events]
    assert any("meet" in e.mode for e in found)
    assert any("ECOWAS" in (r.name or "") or "إيكواس" in r.entity_text for e in found for r in e.recipient)


def test_seeds_coup_is_coerce_by_niger_military_on_niger_government(coded):
    events = list(coded["000"][0].events)
    assert _find(events, "COERCE", actor=("NER", "MIL"), recipient=("NER", "GOV")), [
        e.to_plover() for e in events
    ]


def test_seeds_us_tajikistan_agreement_and_leaders_meeting(coded):
    events = list(coded["000"][1].events)
    assert _both_ways(events, "AGREE", ("USA", None), ("TJK", None)), [e.to_plover() for e in events]
    consult = _both_ways(events, "CONSULT", ("USA", "GOV"), ("TJK", "GOV"))
    assert consult
    names = {a.entity_text for e in consult for a in e.actor + e.recipient}
    assert any("ترامب" in n for n in names) and any("رحمون" in n for n in names)


def test_seeds_blinken_tuggar_meeting_in_abuja(coded):
    docs = coded["004"]
    assert len(docs) == 1
    events = list(docs[0].events)
    found = _both_ways(events, "CONSULT", ("USA", "GOV"), ("NGA", "GOV"))
    assert found, [e.to_plover() for e in events]
    assert any(e.event_loc and e.event_loc.country == "NGA" for e in found)


def test_seeds_records_are_plover_shaped(coded):
    for docs in coded.values():
        for doc in docs:
            for e in doc.events:
                rec = e.to_plover()
                start, end = rec["text_info"]["start"], rec["text_info"]["end"]
                assert doc.text[start:end] == rec["text"]
                assert rec["event_text"] in rec["text"]
                for ent in rec["actor"] + rec["recipient"]:
                    assert doc.text[ent["start"] : ent["end"]] == ent["entity_text"]
