"""Stored events as flat rows: Hadath's CSV columns and POLECAT-style columns.

Both take the dicts :meth:`hadath.store.SQLiteStore.query_events` yields
(event columns, the parsed PLOVER ``record`` and the document's metadata).
Several actors or recipients are joined with ``;``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["CSV_COLUMNS", "POLECAT_COLUMNS", "csv_row", "polecat_row"]

# (name, type) -- the type is used for Parquet: str, int, float or bool
CSV_COLUMNS: tuple[tuple[str, type], ...] = (
    ("id", str), ("date", str), ("event", str), ("quad_class", int), ("mode", str), ("context", str),
    ("actor_code", str), ("actor_sector", str), ("actor_name", str), ("actor_text", str),
    ("recipient_code", str), ("recipient_sector", str), ("recipient_name", str), ("recipient_text", str),
    ("place", str), ("place_country", str), ("geonameid", int), ("lat", float), ("lon", float),
    ("negated", bool), ("hypothetical", bool), ("confidence", float), ("coder", str),
    ("event_text", str), ("text", str), ("doc_id", str), ("sentence_start", int), ("sentence_end", int),
    ("outlet", str), ("title", str), ("url", str), ("published", str), ("source", str),
)  # fmt: skip

POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Actor Sector", "Actor Text",
    "Recipient Name", "Recipient Country", "Recipient COW", "Recipient Sector", "Recipient Text",
    "Placename", "Country", "GeoNames ID", "Latitude", "Longitude",
    "Story ID", "Doc ID", "Headline", "Publication Date", "Source", "URL",
    "Event Text", "Trigger", "Negated", "Hypothetical", "Confidence",
)  # fmt: skip


def _join(values) -> str | None:
    kept = [str(v) for v in values if v not in (None, "")]
    return ";".join(kept) if kept else None


def _entities(record: dict[str, Any], role: str, field: str) -> str | None:
    return _join(e.get(field) for e in record.get(role, []))


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """Flat columns (:data:`CSV_COLUMNS`) of one stored event."""
    rec = row["record"]
    loc = rec.get("event_loc") or {}
    out: dict[str, Any] = {
        "id": rec["id"], "date": rec["date"], "event": rec["event"], "quad_class": rec["quad_class"],
        "mode": _join(rec["mode"]), "context": _join(rec["context"]),
        "place": loc.get("name") or loc.get("text"), "place_country": loc.get("country"),
        "geonameid": loc.get("geonameid"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "negated": rec["negated"], "hypothetical": rec["hypothetical"], "confidence": rec["confidence"],
        "coder": rec.get("coder"), "event_text": rec["event_text"], "text": rec["text"],
        "doc_id": rec["text_info"]["doc_id"], "sentence_start": rec["text_info"]["start"],
        "sentence_end": rec["text_info"]["end"],
        "outlet": row.get("outlet"), "title": row.get("title"), "url": row.get("url"),
        "published": row.get("published"), "source": row.get("source"),
    }  # fmt: skip
    for role in ("actor", "recipient"):
        for field in ("code", "sector", "name"):
            out[f"{role}_{field}"] = _entities(rec, role, field)
        out[f"{role}_text"] = _entities(rec, role, "entity_text")
    return {name: out[name] for name, _ in CSV_COLUMNS}


def polecat_row(row: dict[str, Any]) -> dict[str, Any]:
    """POLECAT-style columns (:data:`POLECAT_COLUMNS`) of one stored event.

    Hadath codes countries as ISO3 and has no COW codes, so the COW columns are empty;
    "Story ID" is the document id until stories are clustered.
    """
    flat = csv_row(row)
    rec = row["record"]
    values = (
        flat["id"], flat["date"], flat["event"], flat["mode"], flat["quad_class"], flat["context"],
        flat["actor_name"], flat["actor_code"], None, flat["actor_sector"], flat["actor_text"],
        flat["recipient_name"], flat["recipient_code"], None, flat["recipient_sector"],
        flat["recipient_text"],
        flat["place"], flat["place_country"], flat["geonameid"], flat["lat"], flat["lon"],
        flat["doc_id"], flat["doc_id"], flat["title"], flat["published"], flat["outlet"], flat["url"],
        flat["text"], rec["event_text"], flat["negated"], flat["hypothetical"], flat["confidence"],
    )  # fmt: skip
    return dict(zip(POLECAT_COLUMNS, values, strict=True))
