"""Read-only SQL queries over the store schema (hadath/store/schema.py) for the API."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from hadath.store.sqlite import EventFilter

__all__ = ["connect", "list_events", "list_documents", "get_document", "list_actors", "stats"]

_JSON_COLUMNS = ("mode", "context", "record", "removed")


def connect(path: str) -> sqlite3.Connection:
    """Open ``path`` read-only (raises sqlite3.OperationalError when it is missing)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


def _row(row: sqlite3.Row) -> dict[str, Any]:
    out = dict(row)
    for key in _JSON_COLUMNS:
        if isinstance(out.get(key), str):
            out[key] = json.loads(out[key])
    return out


def list_events(conn: sqlite3.Connection, query: EventFilter, limit: int, offset: int) -> dict[str, Any]:
    """One page of events matching ``query`` (its own limit and offset are ignored), newest first,
    with the total count."""
    where, args = query.where()
    base = f"FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id{where}"
    total = conn.execute(f"SELECT COUNT(*) {base}", args).fetchone()[0]
    rows = conn.execute(
        "SELECT e.id, e.doc_id, e.date, e.event, e.quad_class, e.mode, e.context, e.actor_code, "
        "e.actor_sector, e.recipient_code, e.recipient_sector, e.loc_country, e.negated, "
        f"e.hypothetical, e.confidence, e.record, d.outlet, d.title {base} "
        "ORDER BY e.date DESC, e.id LIMIT ? OFFSET ?",
        [*args, limit, offset],
    ).fetchall()
    return {"total": total, "limit": limit, "offset": offset, "items": [_row(r) for r in rows]}


def list_documents(conn: sqlite3.Connection, outlet: str | None, limit: int, offset: int) -> dict[str, Any]:
    """One page of documents (without text), newest first."""
    where, args = (" WHERE outlet = ?", [outlet]) if outlet else ("", [])
    total = conn.execute(f"SELECT COUNT(*) FROM documents{where}", args).fetchone()[0]
    rows = conn.execute(
        f"SELECT doc_id, url, title, outlet, author, date, country, part FROM documents{where} "
        "ORDER BY date DESC, doc_id LIMIT ? OFFSET ?",
        [*args, limit, offset],
    ).fetchall()
    return {"total": total, "limit": limit, "offset": offset, "items": [dict(r) for r in rows]}


def get_document(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    """A document with its entities and events, or None."""
    row = conn.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    doc = _row(row)
    doc["entities"] = [
        dict(r) for r in conn.execute(
            'SELECT layer, start, "end", text, label, code, sector, name FROM entities '
            "WHERE doc_id = ? ORDER BY start", (doc_id,))
    ]
    doc["events"] = [
        _row(r) for r in conn.execute(
            "SELECT id, event, quad_class, trigger_start, record FROM events WHERE doc_id = ?", (doc_id,))
    ]
    return doc


def list_actors(conn: sqlite3.Connection, limit: int, offset: int) -> dict[str, Any]:
    """Actor codes with their event counts as actor and as recipient, most active first."""
    rows = conn.execute(
        "SELECT code, SUM(role = 'actor') AS as_actor, SUM(role = 'recipient') AS as_recipient, "
        "COUNT(*) AS events FROM event_actors WHERE code IS NOT NULL "
        "GROUP BY code ORDER BY events DESC, code LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
    return {"limit": limit, "offset": offset, "items": [dict(r) for r in rows]}


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts of documents and events, events by type, quad class and day."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    pairs = lambda sql: {str(k): v for k, v in conn.execute(sql)}  # noqa: E731
    return {
        "documents": one("SELECT COUNT(*) FROM documents"),
        "events": one("SELECT COUNT(*) FROM events"),
        "by_event": pairs("SELECT event, COUNT(*) FROM events GROUP BY event ORDER BY 2 DESC"),
        "by_quad_class": pairs("SELECT quad_class, COUNT(*) FROM events GROUP BY quad_class"),
        "by_day": pairs(
            "SELECT date, COUNT(*) FROM events WHERE date IS NOT NULL GROUP BY date ORDER BY date"
        ),
    }
