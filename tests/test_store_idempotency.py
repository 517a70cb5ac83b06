"""Storing is idempotent: the same document, events or rejection twice gives one row."""

from __future__ import annotations

import dataclasses

from test_store_support import coded

from hadath.model import Rejection
from hadath.store import SQLiteStore
from hadath.store.schema import SCHEMA_VERSION


def _rows(store: SQLiteStore, table: str) -> int:
    return store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_store_same_document_twice_is_one_row(tmp_path):
    doc = coded("زار واشنطن نيامي. ثم عاد.")
    with SQLiteStore(str(tmp_path / "h.db")) as store:
        assert store.add_document(doc) is True
        assert store.add_document(doc) is False
        assert store.has_document(doc.doc_id)
        assert (_rows(store, "documents"), _rows(store, "events"), _rows(store, "sentences")) == (1, 1, 2)
        assert _rows(store, "entities") == 4  # 2 mentions + 2 actors (+ no separate locations)


def test_store_same_events_under_a_new_document_are_not_duplicated(tmp_path):
    doc = coded("زار واشنطن نيامي.")
    with SQLiteStore(str(tmp_path / "h.db")) as store:
        store.add_document(doc)
        store.add_document(dataclasses.replace(doc, doc_id="other"))  # same event ids
        assert _rows(store, "documents") == 2
        assert _rows(store, "events") == 1


def test_store_reopening_the_file_keeps_rows_and_schema(tmp_path):
    path = str(tmp_path / "h.db")
    with SQLiteStore(path) as store:
        store.add_document(coded("هاجم نيامي أبوجا."))
    with SQLiteStore(path) as store:
        assert store.counts()["events_by_type"] == {"ASSAULT": 1}
        assert store.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_rejection_twice_is_one_row_and_counted_by_reason():
    store = SQLiteStore(":memory:")
    assert store.add_rejection(Rejection("a.html", "no_article", "only menus"))
    assert not store.add_rejection(Rejection("a.html", "no_article", "only menus"))
    store.add_rejection(Rejection("b.bin", "binary"))
    store.add_rejection(Rejection("c.bin", "binary"))
    assert store.rejection_counts() == {"binary": 2, "no_article": 1}
    assert [r["source"] for r in store.rejections(reason="binary")] == ["b.bin", "c.bin"]


def test_store_source_is_done_only_with_the_same_fingerprint():
    store = SQLiteStore(":memory:")
    docs = [coded("زار واشنطن نيامي.", doc_id="p0"), coded("هاجم نيامي أبوجا.", doc_id="p1")]
    assert store.add_source("in.txt", "fp1", docs) == 2
    assert store.has_source("in.txt") and store.has_source("in.txt", "fp1")
    assert not store.has_source("in.txt", "fp2")
    assert store.add_source("in.txt", "fp1", docs) == 0
