"""Coded actors in a store with counts: the data behind ``hadath actors``.

Counts come from two tables: ``entities`` (layer ``actor``: every coded actor mention, with its
English name and kind) and ``event_actors`` (the codes of each event's actors and recipients).

>>> from hadath.store import SQLiteStore
>>> actor_counts(SQLiteStore(":memory:").conn)
[]
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["ActorCount", "KINDS", "actor_counts"]

KINDS = ("GPE", "IGO", "GROUP", "ROLE", "PER", "ORG")


@dataclass(frozen=True)
class ActorCount:
    """One coded actor (code, sector, kind, English name) and how often the store has it.

    ``as_source``/``as_target`` count the events whose actor/recipient has this code and sector
    (whatever its name: events keep only codes)."""

    code: str | None
    sector: str | None
    kind: str | None
    name: str | None
    mentions: int
    documents: int
    as_source: int = 0
    as_target: int = 0


def _event_counts(conn: sqlite3.Connection) -> dict[tuple[str | None, str | None, str], int]:
    rows = conn.execute(
        "SELECT code, sector, role, COUNT(DISTINCT event_id) FROM event_actors GROUP BY code, sector, role"
    )
    return {(code, sector, role): n for code, sector, role, n in rows}


def actor_counts(
    conn: sqlite3.Connection,
    kinds: Sequence[str] = (),
    code: str | None = None,
    limit: int | None = None,
) -> list[ActorCount]:
    """Coded actors, most mentioned first; ``kinds`` (see :data:`KINDS`) and ``code`` filter."""
    where, args = ["layer = 'actor'"], []
    if kinds:
        where.append(f"kind IN ({', '.join('?' for _ in kinds)})")
        args += [k.upper() for k in kinds]
    if code:
        where.append("code = ?")
        args.append(code.upper())
    sql = (
        "SELECT code, sector, kind, name, COUNT(*) AS n, COUNT(DISTINCT doc_id) AS docs FROM entities "
        f"WHERE {' AND '.join(where)} GROUP BY code, sector, kind, name "
        "ORDER BY n DESC, docs DESC, code, sector, name"
    )
    if limit:
        sql += " LIMIT ?"
        args.append(limit)
    events = _event_counts(conn)
    return [
        ActorCount(c, s, k, name, n, docs, events.get((c, s, "actor"), 0), events.get((c, s, "recipient"), 0))
        for c, s, k, name, n, docs in conn.execute(sql, args)
    ]
