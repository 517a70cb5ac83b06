"""A failure while writing a document leaves none of its rows behind."""

from __future__ import annotations

import pytest
from test_store_support import coded

from hadath.store import SQLiteStore
from hadath.store import rows as store_rows


def _counts(store: SQLiteStore) -> tuple[int, ...]:
    tables = ("documents", "sentences", "entities", "events", "event_actors", "sources")
    return tuple(store.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables)


@pytest.mark.parametrize("error", [RuntimeError("disk on fire"), KeyboardInterrupt()])
def test_store_exception_mid_document_leaves_no_partial_rows(tmp_path, monkeypatch, error):
    store = SQLiteStore(str(tmp_path / "h.db"))
    good = coded("زار واشنطن نيامي.", doc_id="good")
    store.add_document(good)
    before = _counts(store)
    bad = coded("زار واشنطن نيامي. هاجم نيامي أبوجا.", doc_id="bad")
    original = store_rows.event_row
    calls = []

    def failing_event_row(event):  # the second event of the document fails
        calls.append(event.id)
        if len(calls) == 2:
            raise error
        return original(event)

    monkeypatch.setattr(store_rows, "event_row", failing_event_row)
    with pytest.raises(type(error)):
        store.add_source("bad.txt", "fp", [bad])
    assert _counts(store) == before
    assert not store.has_document("bad") and not store.has_source("bad.txt")
    monkeypatch.undo()
    assert store.add_source("bad.txt", "fp", [bad]) == 1  # and it can be stored afterwards


def test_store_batched_writes_roll_back_only_the_failing_document(tmp_path, monkeypatch):
    path = str(tmp_path / "h.db")
    store = SQLiteStore(path)
    store.add_document(coded("زار واشنطن نيامي.", doc_id="one"), commit=False)
    monkeypatch.setattr(store_rows, "event_row", lambda event: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        store.add_document(coded("هاجم نيامي أبوجا.", doc_id="two"), commit=False)
    store.commit()
    store.conn.close()
    reopened = SQLiteStore(path)
    assert reopened.has_document("one") and not reopened.has_document("two")
