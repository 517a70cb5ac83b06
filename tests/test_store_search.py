"""Event text search in the store: Arabic search keys, the FTS index kept in step, the v1 → v2 migration."""

from __future__ import annotations

import sqlite3

from test_store_support import coded

from hadath.store import SQLiteStore
from hadath.store.schema import _V1, SCHEMA_VERSION, migrate
from hadath.store.sqlite import EventFilter


def texts(store: SQLiteStore, text: str) -> list[str]:
    return [row["text_norm"] for row in store.query_events(EventFilter(text=text))]


def test_search_matches_other_forms_of_the_words():
    store = SQLiteStore(":memory:")
    store.add_document(coded("هاجم نيامي أبوجا."))
    assert len(texts(store, "نيامي")) == 1
    assert len(texts(store, "ونيامي")) == 1  # conjunction on the query word
    assert texts(store, "نيامي القاهرة") == []  # every word must be there
    assert len(texts(store, "  ")) == 1  # no words: no text filter


def test_deleted_events_leave_the_index():
    store = SQLiteStore(":memory:")
    store.add_document(coded("هاجم نيامي أبوجا."))
    store.conn.execute("DELETE FROM events")
    left = store.conn.execute("SELECT COUNT(*) FROM event_fts WHERE event_fts MATCH 'نيامي'")
    assert left.fetchone()[0] == 0


def test_a_version_1_database_is_migrated_and_indexed(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    conn.executescript(_V1)
    conn.execute("INSERT INTO schema_version VALUES (1)")
    conn.execute("INSERT INTO documents (doc_id, source, text, added_at) VALUES ('d', 's', 'نص', 'now')")
    conn.execute(
        "INSERT INTO events (id, doc_id, event, text_norm, record) "
        "VALUES ('e', 'd', 'PROTEST', 'تظاهر المحتجون في بغداد', '{}')"
    )
    assert migrate(conn) == SCHEMA_VERSION
    conn.close()
    with SQLiteStore(str(path)) as store:
        assert len(texts(store, "المحتجين")) == 1
        assert len(texts(store, "بغداد")) == 1
