"""Event filters, document round trip and counts."""

from __future__ import annotations

import pytest
from test_store_support import coded

from hadath.store import EventFilter, SQLiteStore


@pytest.fixture()
def store() -> SQLiteStore:
    s = SQLiteStore(":memory:")
    s.add_document(coded("زار واشنطن نيامي. هاجم نيامي أبوجا.", doc_id="d1", date="2023-07-30", outlet="A"))
    s.add_document(coded("رفض أبوجا واشنطن.", doc_id="d2", date="2023-08-02", outlet="B"))
    s.add_document(coded("زار أبوجا نيامي.", doc_id="d3", date=None, outlet="B"))
    return s


def _types(store: SQLiteStore, **filters) -> list[str]:
    return [row["event"] for row in store.query_events(EventFilter(**filters))]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["CONSULT", "ASSAULT", "REJECT", "CONSULT"]),  # by date, undated last
        ({"date_from": "2023-08-01"}, ["REJECT"]),
        ({"date_to": "2023-07-30"}, ["CONSULT", "ASSAULT"]),
        ({"date_from": "2023-07", "date_to": "2023-07"}, ["CONSULT", "ASSAULT"]),
        ({"types": ("CONSULT",)}, ["CONSULT", "CONSULT"]),
        ({"types": ("REJECT", "ASSAULT")}, ["ASSAULT", "REJECT"]),
        ({"quad_class": 4}, ["ASSAULT"]),
        ({"actor": "USA"}, ["CONSULT"]),
        ({"recipient": "USA"}, ["REJECT"]),
        ({"actor": "NGA", "recipient": "NER"}, ["CONSULT"]),
        ({"country": "USA"}, ["CONSULT", "REJECT"]),
        ({"outlet": "B"}, ["REJECT", "CONSULT"]),
        ({"doc_id": "d1"}, ["CONSULT", "ASSAULT"]),
        ({"text": "هاجم"}, ["ASSAULT"]),
        ({"text": "100%_"}, []),
        ({"limit": 2}, ["CONSULT", "ASSAULT"]),
        ({"limit": 2, "offset": 3}, ["CONSULT"]),
    ],
)
def test_store_event_filters(store, filters, expected):
    assert sorted(_types(store, **filters)) == sorted(expected)
    if "limit" in filters or not filters:
        assert _types(store, **filters) == expected


def test_store_query_rows_carry_the_plover_record_and_document(store):
    row = next(store.query_events(EventFilter(types=("REJECT",))))
    assert row["record"]["event"] == "REJECT" and row["record"]["text_info"]["doc_id"] == "d2"
    assert row["outlet"] == "B" and row["published"] == "2023-08-02" and row["mode"] == ["meet"]
    assert (row["actor_code"], row["recipient_code"]) == ("NGA", "USA")


def test_store_get_document_round_trips(store):
    original = coded("زار واشنطن نيامي. هاجم نيامي أبوجا.", doc_id="d1", date="2023-07-30", outlet="A")
    doc = store.get_document("d1")
    assert doc is not None and store.get_document("nope") is None
    assert (doc.text, doc.date, doc.outlet, doc.title) == (original.text, "2023-07-30", "A", original.title)
    assert [(s.start, s.end, s.text) for s in doc.sentences] == [
        (s.start, s.end, s.text) for s in original.sentences
    ]
    assert doc.mentions == original.mentions
    assert doc.actors == original.actors
    assert [e.to_plover() for e in doc.events] == [e.to_plover() for e in original.events]


def test_store_counts(store):
    counts = store.counts()
    assert counts["documents"] == 3 and counts["events"] == 4
    assert counts["events_by_type"] == {"CONSULT": 2, "ASSAULT": 1, "REJECT": 1}
    assert counts["event_dates"] == ["2023-07-30", "2023-08-02"]
