"""Where coded documents and events are kept (SQLite by default)."""

from hadath.store.sqlite import EventFilter, SQLiteStore

__all__ = ["EventFilter", "SQLiteStore"]
