"""Conversions between the records of :mod:`hadath.model` and database rows."""

from __future__ import annotations

import json
from typing import Any

from hadath.arabic import normalize
from hadath.arabic.search import index_keys
from hadath.model import Actor, Document, Event, Location, Mention, Sentence

__all__ = ["document_rows", "event_from_record", "event_row", "entity_rows"]


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # one, not one per call


def _json(value: Any) -> str:
    return _ENCODER.encode(value)


def event_row(event: Event) -> dict[str, Any]:
    """The ``events`` row of ``event`` (``record`` is its PLOVER JSON)."""
    record = event.to_plover()
    first_actor = event.actor[0] if event.actor else None
    first_recipient = event.recipient[0] if event.recipient else None
    return {
        "id": event.id,
        "doc_id": event.doc_id,
        "sentence_start": event.sentence_start,
        "trigger_start": event.trigger_start,
        "date": event.date,
        "event": event.event,
        "quad_class": record["quad_class"],
        "mode": _json(list(event.mode)),
        "context": _json(list(event.context)),
        "actor_code": first_actor.code if first_actor else None,
        "actor_sector": first_actor.sector if first_actor else None,
        "recipient_code": first_recipient.code if first_recipient else None,
        "recipient_sector": first_recipient.sector if first_recipient else None,
        "loc_country": event.event_loc.country if event.event_loc else None,
        "negated": int(event.negated),
        "hypothetical": int(event.hypothetical),
        "confidence": event.confidence,
        "text_norm": normalize(event.text),
        "search_keys": " ".join(index_keys(event.text)),
        "why": event.why,
        "record": _json(record),
    }


def event_actor_rows(event: Event) -> set[tuple[str, str, str | None, str | None]]:
    rows = {(event.id, "actor", a.code, a.sector) for a in event.actor}
    rows |= {(event.id, "recipient", a.code, a.sector) for a in event.recipient}
    return rows


def entity_rows(doc: Document) -> list[tuple[Any, ...]]:
    """``entities`` rows: mentions, actors and locations of ``doc``."""
    rows: list[tuple[Any, ...]] = []
    for m in doc.mentions:
        extra = _json({"source": m.source, "key": m.key})
        rows.append(
            (doc.doc_id, "mention", m.start, m.end, m.text, m.label, None, None, None, None, None, extra)
        )
    for a in doc.actors:
        extra = _json({"identifier_id": a.identifier_id})
        rows.append(
            (
                doc.doc_id,
                "actor",
                a.start,
                a.end,
                a.entity_text,
                None,
                a.code,
                a.sector,
                a.name,
                a.kind,
                a.why,
                extra,
            )
        )
    for loc in doc.locations:
        extra = _json({"geonameid": loc.geonameid, "lat": loc.lat, "lon": loc.lon, "feature": loc.feature})
        rows.append(
            (
                doc.doc_id,
                "location",
                loc.start,
                loc.end,
                loc.text,
                "LOC",
                loc.country,
                None,
                loc.name,
                None,
                None,
                extra,
            )
        )
    return rows


def document_rows(doc: Document, added_at: str) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "url": doc.url,
        "title": doc.title,
        "outlet": doc.outlet,
        "author": doc.author,
        "date": doc.date,
        "text": doc.text,
        "removed": _json(list(doc.removed)),
        "country": doc.country,
        "part": doc.part,
        "added_at": added_at,
    }


def _actor_from(entity: dict[str, Any]) -> Actor:
    return Actor(
        start=entity["start"],
        end=entity["end"],
        entity_text=entity["entity_text"],
        name=entity.get("name"),
        code=entity.get("code"),
        sector=entity.get("sector"),
        identifier_id=entity.get("identifier_id"),
    )


def event_from_record(record: dict[str, Any], why: str = "") -> Event:
    """The :class:`Event` a stored PLOVER record came from (``kind`` of actors is not kept)."""
    loc = record.get("event_loc")
    return Event(
        id=record["id"],
        doc_id=record["text_info"]["doc_id"],
        event=record["event"],
        sentence_start=record["text_info"]["start"],
        sentence_end=record["text_info"]["end"],
        text=record["text"],
        trigger_start=record["trigger"]["start"],
        trigger_end=record["trigger"]["end"],
        event_text=record["event_text"],
        actor=tuple(_actor_from(a) for a in record["actor"]),
        recipient=tuple(_actor_from(a) for a in record["recipient"]),
        mode=tuple(record["mode"]),
        context=tuple(record["context"]),
        date=record["date"],
        event_loc=Location(start=-1, end=-1, **loc) if loc else None,
        negated=record["negated"],
        hypothetical=record["hypothetical"],
        confidence=record["confidence"],
        coder=record.get("coder", ""),
        dead=record.get("dead"),
        injured=record.get("injured"),
        size=record.get("size"),
        why=why,
    )


def entity_from_row(row: dict[str, Any]) -> Mention | Actor | Location:
    extra = json.loads(row["extra"] or "{}")
    if row["layer"] == "mention":
        return Mention(
            row["start"],
            row["end"],
            row["text"],
            row["label"],
            extra.get("source", "lexicon"),
            extra.get("key"),
        )
    if row["layer"] == "actor":
        return Actor(
            row["start"],
            row["end"],
            row["text"],
            row["name"],
            row["code"],
            row["sector"],
            row["kind"] or "GPE",
            extra.get("identifier_id"),
            row["why"] or "",
        )
    return Location(
        row["text"],
        row["start"],
        row["end"],
        row["name"],
        row["code"],
        extra.get("geonameid"),
        extra.get("lat"),
        extra.get("lon"),
        extra.get("feature"),
    )


def sentence_from_row(row: dict[str, Any], text: str) -> Sentence:
    return Sentence(row["start"], row["end"], text[row["start"] : row["end"]], (), row["paragraph"])
