"""Read-only JSON HTTP API and dashboard over a Hadath SQLite store (``hadath serve``)."""
