"""The SQLite schema and its migrations.

``MIGRATIONS[n]`` (SQL text, or a function of the connection) takes a database
from version ``n - 1`` to ``n``; the ``schema_version`` table records the version
reached.  To change the schema, append a migration (never edit a released one).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "SchemaError", "migrate"]

_V1 = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT, title TEXT, outlet TEXT, author TEXT, date TEXT,
    text TEXT NOT NULL,
    removed TEXT NOT NULL DEFAULT '[]',      -- JSON list of dropped boilerplate lines
    country TEXT,
    part INTEGER NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_url ON documents(url);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);

CREATE TABLE IF NOT EXISTS sentences (
    doc_id TEXT NOT NULL, idx INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, paragraph INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_id, idx)
);

-- layer: mention (NER), actor (coded actor), location (place with GeoNames info)
CREATE TABLE IF NOT EXISTS entities (
    doc_id TEXT NOT NULL, layer TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    label TEXT, code TEXT, sector TEXT, name TEXT, kind TEXT, why TEXT,
    extra TEXT,                              -- JSON: layer-specific fields (key, source, lat, lon, ...)
    PRIMARY KEY (doc_id, layer, start, "end", text)
);

CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    sentence_start INTEGER, trigger_start INTEGER,
    date TEXT, event TEXT NOT NULL, quad_class INTEGER,
    mode TEXT NOT NULL DEFAULT '[]', context TEXT NOT NULL DEFAULT '[]',
    actor_code TEXT, actor_sector TEXT, recipient_code TEXT, recipient_sector TEXT,
    loc_country TEXT,
    negated INTEGER NOT NULL DEFAULT 0, hypothetical INTEGER NOT NULL DEFAULT 0,
    confidence REAL,
    text_norm TEXT,                          -- normalised evidence sentence, for text search
    why TEXT,
    record TEXT NOT NULL                     -- JSON: Event.to_plover()
);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_event ON events(event);
CREATE INDEX IF NOT EXISTS events_actor_code ON events(actor_code);
CREATE INDEX IF NOT EXISTS events_recipient_code ON events(recipient_code);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);

-- every actor and recipient of an event (events.actor_code holds only the first)
CREATE TABLE IF NOT EXISTS event_actors (
    event_id TEXT NOT NULL, role TEXT NOT NULL, code TEXT, sector TEXT,
    PRIMARY KEY (event_id, role, code, sector)
);
CREATE INDEX IF NOT EXISTS event_actors_code ON event_actors(code, role);

CREATE TABLE IF NOT EXISTS rejections (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT, added_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS rejections_reason ON rejections(reason);

-- inputs fully processed: re-running skips a source whose fingerprint is unchanged
CREATE TABLE IF NOT EXISTS sources (
    source TEXT PRIMARY KEY, status TEXT NOT NULL, fingerprint TEXT NOT NULL,
    doc_ids TEXT NOT NULL DEFAULT '[]', added_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL, finished TEXT, counts TEXT
);
"""


class SchemaError(RuntimeError):
    """The database cannot be used by this version of Hadath."""


# v2: full-text search over event sentences with Arabic search keys (hadath.arabic.search):
# events.search_keys holds the keys, event_fts indexes them and triggers keep it in step.
_V2 = (
    "ALTER TABLE events ADD COLUMN search_keys TEXT",
    "CREATE VIRTUAL TABLE event_fts USING fts5(search_keys, content='events', content_rowid='rowid')",
    "CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN "
    "INSERT INTO event_fts (rowid, search_keys) VALUES (new.rowid, new.search_keys); END",
    "CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN "
    "INSERT INTO event_fts (event_fts, rowid, search_keys) "
    "VALUES ('delete', old.rowid, old.search_keys); END",
    "CREATE TRIGGER events_fts_update AFTER UPDATE OF search_keys ON events BEGIN "
    "INSERT INTO event_fts (event_fts, rowid, search_keys) "
    "VALUES ('delete', old.rowid, old.search_keys); "
    "INSERT INTO event_fts (rowid, search_keys) VALUES (new.rowid, new.search_keys); END",
)


def _v2(conn: sqlite3.Connection) -> None:
    from hadath.arabic.search import index_keys

    conn.execute(_V2[0])
    rows = conn.execute("SELECT rowid, text_norm FROM events").fetchall()
    conn.executemany(
        "UPDATE events SET search_keys = ? WHERE rowid = ?",
        [(" ".join(index_keys(text or "")), rowid) for rowid, text in rows],
    )
    conn.execute(_V2[1])
    conn.execute("INSERT INTO event_fts (event_fts) VALUES ('rebuild')")
    for statement in _V2[2:]:
        conn.execute(statement)


Migration = str | Callable[[sqlite3.Connection], None]
MIGRATIONS: dict[int, Migration] = {1: _V1, 2: _v2}
SCHEMA_VERSION = max(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring ``conn`` (autocommit mode) to :data:`SCHEMA_VERSION`; returns the version.

    Raises :class:`SchemaError` when the database was written by a newer Hadath.
    """
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    current = row[0] or 0
    if current > SCHEMA_VERSION:
        raise SchemaError(
            f"this database has schema version {current}, newer than this Hadath ({SCHEMA_VERSION}); "
            "upgrade hadath or use another --db"
        )
    for version in range(current + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            step = MIGRATIONS[version]
            if callable(step):
                step(conn)
            else:
                for statement in step.split(";"):
                    if statement.strip():
                        conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return SCHEMA_VERSION
