"""Hadath's default store: one SQLite file (stdlib ``sqlite3``, WAL mode).

A document and all its rows (sentences, entities, events) are written in one
transaction with ``INSERT OR IGNORE`` on their keys, so an interrupted run
leaves no partial document and a re-run adds no duplicates.

>>> from hadath.model import Document
>>> store = SQLiteStore(":memory:")
>>> store.add_document(Document(doc_id="d1", text="نص", source="a.txt"))
True
>>> store.add_document(Document(doc_id="d1", text="نص", source="a.txt"))
False
>>> store.counts()["documents"]
1
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from hadath.arabic.search import fts_match
from hadath.model import Actor, Document, Location, Mention, Rejection
from hadath.store import rows as R
from hadath.store.schema import migrate

__all__ = ["EventFilter", "SQLiteStore"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class EventFilter:
    """What :meth:`SQLiteStore.query_events` selects; ``None``/empty means "any"."""

    date_from: str | None = None  # inclusive, YYYY-MM-DD (a prefix such as 2015-07 works too)
    date_to: str | None = None  # inclusive
    types: tuple[str, ...] = ()
    quad_class: int | None = None
    actor: str | None = None  # any actor of the event has this code
    recipient: str | None = None
    country: str | None = None  # actor, recipient or event place in this country (ISO3)
    outlet: str | None = None
    doc_id: str | None = None
    text: str | None = None  # words of the evidence sentence, any form (hadath.arabic.search)
    limit: int | None = None
    offset: int = 0

    def where(self) -> tuple[str, list[Any]]:
        """SQL ``WHERE`` clause (over ``events e JOIN documents d``) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.date_from:
            clauses.append("e.date >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("e.date <= ?")
            params.append(self.date_to + "\uffff")  # so that a prefix date_to includes its days
        if self.types:
            clauses.append(f"e.event IN ({','.join('?' * len(self.types))})")
            params.extend(self.types)
        if self.quad_class is not None:
            clauses.append("e.quad_class = ?")
            params.append(self.quad_class)
        for role, code in (("actor", self.actor), ("recipient", self.recipient)):
            if code:
                clauses.append("e.id IN (SELECT event_id FROM event_actors WHERE code = ? AND role = ?)")
                params.extend([code, role])
        if self.country:
            clauses.append(
                "(e.loc_country = ? OR e.id IN (SELECT event_id FROM event_actors WHERE code = ?))"
            )
            params.extend([self.country, self.country])
        for column, value in (("d.outlet", self.outlet), ("e.doc_id", self.doc_id)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        match = fts_match(self.text) if self.text else None
        if match:
            clauses.append("e.rowid IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)")
            params.append(match)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class SQLiteStore:
    """Documents, events and rejections in a SQLite file (``:memory:`` for tests)."""

    def __init__(self, path: str = "hadath.db"):
        self.path = str(path)
        self.conn = sqlite3.connect(self.path, isolation_level=None)  # we manage transactions
        self.conn.row_factory = sqlite3.Row
        if self.path != ":memory:":
            self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        migrate(self.conn)
        self._pending = 0  # writes since the last commit (batched mode)

    # -- transactions --------------------------------------------------------------------------

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.commit()
        self.conn.close()

    def commit(self) -> None:
        """Commit writes made with ``commit=False`` (a no-op when there are none)."""
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self._pending = 0

    @contextmanager
    def _atomic(self, commit: bool) -> Iterator[sqlite3.Connection]:
        """All-or-nothing writes: a savepoint inside the (possibly batched) transaction."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")
        self.conn.execute("SAVEPOINT unit")
        try:
            yield self.conn
        except BaseException:  # KeyboardInterrupt too: undo the partial unit, then re-raise
            self.conn.execute("ROLLBACK TO unit")
            self.conn.execute("RELEASE unit")
            raise
        self.conn.execute("RELEASE unit")
        self._pending += 1
        if commit:
            self.commit()

    # -- writing -------------------------------------------------------------------------------

    def add_document(self, doc: Document, *, commit: bool = True) -> bool:
        """Store ``doc`` with all its rows in one transaction; False if it was already there."""
        return self.add_source(doc.source, "", [doc], commit=commit, mark_done=False) == 1

    def add_source(
        self,
        source: str,
        fingerprint: str,
        docs: Sequence[Document],
        *,
        commit: bool = True,
        mark_done: bool = True,
    ) -> int:
        """Store the documents made from one input and (``mark_done``) mark the input done,
        all in one transaction.  Returns how many documents were new.

        When the input was stored before with other content, the documents that came
        only from its old version are removed, and so are its earlier rejections."""
        added_at = _now()
        new = 0
        with self._atomic(commit) as conn:
            if mark_done:
                self._forget_source(conn, source, keep={d.doc_id for d in docs})
            for doc in docs:
                new += self._insert_document(conn, doc, added_at)
            if mark_done:
                conn.execute(
                    "INSERT OR REPLACE INTO sources (source, status, fingerprint, doc_ids, added_at) "
                    "VALUES (?, 'done', ?, ?, ?)",
                    (source, fingerprint, json.dumps([d.doc_id for d in docs]), added_at),
                )
        return new

    def _forget_source(self, conn: sqlite3.Connection, source: str, keep: set[str]) -> None:
        """Remove what only the previous version of ``source`` produced (see ``add_source``)."""
        conn.execute("DELETE FROM rejections WHERE source = ?", (source,))
        row = conn.execute("SELECT doc_ids FROM sources WHERE source = ?", (source,)).fetchone()
        for doc_id in [d for d in json.loads(row[0]) if d not in keep] if row else []:
            other = conn.execute(
                "SELECT source FROM sources WHERE source != ? AND instr(doc_ids, ?) > 0 ORDER BY source",
                (source, json.dumps(doc_id)),
            ).fetchone()
            if other:  # another input carries the same article: it keeps the document
                conn.execute(
                    "UPDATE documents SET source = ? WHERE doc_id = ? AND source = ?",
                    (other[0], doc_id, source),
                )
                continue
            if conn.execute(
                "DELETE FROM documents WHERE doc_id = ? AND source = ?", (doc_id, source)
            ).rowcount:
                conn.execute(
                    "DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE doc_id = ?)",
                    (doc_id,),
                )
                for table in ("sentences", "entities", "events"):
                    conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))

    def _insert_document(self, conn: sqlite3.Connection, doc: Document, added_at: str) -> int:
        row = R.document_rows(doc, added_at)
        cur = conn.execute(
            f"INSERT OR IGNORE INTO documents ({','.join(row)}) VALUES ({','.join('?' * len(row))})",
            list(row.values()),
        )
        if cur.rowcount == 0:
            return 0  # same doc_id already stored (same URL, title and text): keep the first
        conn.executemany(
            'INSERT OR IGNORE INTO sentences (doc_id, idx, start, "end", paragraph) VALUES (?, ?, ?, ?, ?)',
            [(doc.doc_id, i, s.start, s.end, s.paragraph) for i, s in enumerate(doc.sentences)],
        )
        conn.executemany(
            'INSERT OR IGNORE INTO entities (doc_id, layer, start, "end", text, label, code, sector, name, '
            "kind, why, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            R.entity_rows(doc),
        )
        erows = [R.event_row(event) for event in doc.events]
        if erows:  # one statement per table, the rows in the same order as one by one
            columns = list(erows[0])
            conn.executemany(
                f"INSERT OR IGNORE INTO events ({','.join(columns)}) VALUES ({','.join('?' * len(columns))})",
                [[erow[c] for c in columns] for erow in erows],
            )
            conn.executemany(
                "INSERT OR IGNORE INTO event_actors (event_id, role, code, sector) VALUES (?, ?, ?, ?)",
                [row for event in doc.events for row in R.event_actor_rows(event)],
            )
        return 1

    def add_rejection(self, rejection: Rejection, *, commit: bool = True) -> bool:
        """Store ``rejection``; False if the same (source, reason) was already stored."""
        with self._atomic(commit) as conn:
            cur = conn.execute(
                "INSERT OR IGNORE INTO rejections (id, source, reason, detail, added_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (rejection.id, rejection.source, rejection.reason, rejection.detail, _now()),
            )
        return cur.rowcount == 1

    def start_run(self) -> int:
        with self._atomic(True) as conn:
            cur = conn.execute("INSERT INTO runs (started) VALUES (?)", (_now(),))
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, Any]) -> None:
        with self._atomic(True) as conn:
            conn.execute(
                "UPDATE runs SET finished = ?, counts = ? WHERE id = ?", (_now(), json.dumps(counts), run_id)
            )

    # -- reading -------------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def has_source(self, source: str, fingerprint: str | None = None) -> bool:
        """Whether ``source`` was fully processed (with this ``fingerprint``, when given)."""
        row = self.conn.execute(
            "SELECT fingerprint FROM sources WHERE source = ? AND status = 'done'", (source,)
        ).fetchone()
        return row is not None and (fingerprint is None or row[0] == fingerprint)

    def done_sources(self) -> dict[str, str]:
        """Fingerprint of every fully processed input, by source."""
        return dict(self.conn.execute("SELECT source, fingerprint FROM sources WHERE status = 'done'"))

    def query_events(self, filters: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        """Events with their document's metadata, ordered by date then id.

        Each dict has the ``events`` columns (``record`` parsed into the PLOVER dict) and
        ``title``, ``url``, ``outlet``, ``source``, ``published`` of the document.
        """
        filters = filters or EventFilter()
        where, params = filters.where()
        sql = (
            "SELECT e.*, d.title, d.url, d.outlet, d.source, d.date AS published "
            f"FROM events e JOIN documents d ON d.doc_id = e.doc_id{where} "
            "ORDER BY e.date IS NULL, e.date, e.doc_id, e.sentence_start, e.trigger_start, e.id"
        )
        if filters.limit is not None or filters.offset:
            sql += " LIMIT ? OFFSET ?"
            params += [-1 if filters.limit is None else filters.limit, filters.offset]
        for row in self.conn.execute(sql, params):
            out = dict(row)
            out["record"] = json.loads(out["record"])
            out["mode"] = json.loads(out["mode"])
            out["context"] = json.loads(out["context"])
            yield out

    def get_document(self, doc_id: str) -> Document | None:
        """The stored document with its sentences (without tokens), entities and events."""
        row = self.conn.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        text = row["text"]
        sentences = tuple(
            R.sentence_from_row(dict(s), text)
            for s in self.conn.execute("SELECT * FROM sentences WHERE doc_id = ? ORDER BY idx", (doc_id,))
        )
        found = [
            R.entity_from_row(dict(e))
            for e in self.conn.execute(
                'SELECT * FROM entities WHERE doc_id = ? ORDER BY start, "end"', (doc_id,)
            )
        ]
        events = tuple(
            R.event_from_record(json.loads(e["record"]), e["why"] or "")
            for e in self.conn.execute(
                "SELECT record, why FROM events WHERE doc_id = ? ORDER BY id", (doc_id,)
            )
        )
        return Document(
            doc_id=doc_id, text=text, source=row["source"], title=row["title"], url=row["url"],
            date=row["date"], outlet=row["outlet"], author=row["author"], part=row["part"],
            removed=tuple(json.loads(row["removed"])), sentences=sentences,
            mentions=tuple(x for x in found if isinstance(x, Mention)),
            actors=tuple(x for x in found if isinstance(x, Actor)),
            locations=tuple(x for x in found if isinstance(x, Location)),
            events=tuple(sorted(events, key=lambda e: (e.sentence_start, e.trigger_start, e.id))),
            country=row["country"],
        )  # fmt: skip

    def counts(self) -> dict[str, Any]:
        """Rows per table and events per type."""
        out: dict[str, Any] = {}
        for table in ("documents", "sentences", "events", "rejections", "sources", "runs"):
            out[table] = self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        out["entities"] = self.conn.execute("SELECT COUNT(*) FROM entities WHERE layer = 'actor'").fetchone()[
            0
        ]
        out["mentions"] = self.conn.execute(
            "SELECT COUNT(*) FROM entities WHERE layer = 'mention'"
        ).fetchone()[0]
        out["events_by_type"] = dict(
            self.conn.execute(
                "SELECT event, COUNT(*) FROM events GROUP BY event ORDER BY COUNT(*) DESC, event"
            )
        )
        dates = self.conn.execute("SELECT MIN(date), MAX(date) FROM events WHERE date IS NOT NULL").fetchone()
        out["event_dates"] = [dates[0], dates[1]]
        return out

    def rejection_counts(self) -> dict[str, int]:
        """Rejections per reason, most frequent first."""
        return dict(
            self.conn.execute(
                "SELECT reason, COUNT(*) FROM rejections GROUP BY reason ORDER BY COUNT(*) DESC, reason"
            )
        )

    def rejections(self, reason: str | None = None, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Stored rejections (source, reason, detail), by reason then source."""
        sql = "SELECT source, reason, detail FROM rejections"
        params: list[Any] = []
        if reason:
            sql += " WHERE reason = ?"
            params.append(reason)
        sql += " ORDER BY reason, source LIMIT ?"
        params.append(-1 if limit is None else limit)
        for row in self.conn.execute(sql, params):
            yield dict(row)
