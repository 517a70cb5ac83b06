"""The records that flow through Hadath's pipeline.

Every stage exchanges these frozen dataclasses; a component takes a
:class:`Document` and returns a new one (``dataclasses.replace``), never
mutating it.  Every span carries ``start``/``end`` character offsets into the
cleaned document text (``Document.text``).

>>> raw = RawDocument(source="a.txt", content="نص")
>>> raw.content
'نص'
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "RawDocument",
    "Rejection",
    "Token",
    "Sentence",
    "Mention",
    "Actor",
    "Location",
    "Event",
    "Document",
    "stable_id",
]


def stable_id(*parts: object, length: int = 16) -> str:
    """A short, stable hexadecimal id made from ``parts`` (order matters).

    >>> stable_id("a", 1) == stable_id("a", 1)
    True
    """
    h = hashlib.sha1()
    for part in parts:
        h.update(str(part).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


@dataclass(frozen=True)
class RawDocument:
    """One article as read from an input, before cleaning.

    ``source`` names where it came from (a path, ``path#3`` for the fourth
    record of a file, or a URL) and is used in error messages.  Metadata found
    by the reader (HTML meta tags, JSON fields, feed entries) is passed on; the
    cleaner fills what is missing from the text itself.
    """

    source: str
    content: str
    title: str | None = None
    url: str | None = None
    date: str | None = None  # YYYY-MM-DD when known
    outlet: str | None = None
    author: str | None = None
    format: str = "text"  # text | html | jsonl | warc | rss
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Rejection:
    """An input that was not processed, with the reason (a short code) and detail.

    Reasons are stable codes such as ``empty``, ``binary``, ``undecodable``,
    ``no_article``, ``not_arabic``, ``too_large``, ``truncated``, ``parse_error``.
    """

    source: str
    reason: str
    detail: str = ""

    @property
    def id(self) -> str:
        return stable_id(self.source, self.reason)


@dataclass(frozen=True)
class Token:
    """A token of the cleaned text with its offsets and matching forms.

    ``norm`` is the normalised surface form (for matching only); ``stems`` are
    the candidate forms after clitic segmentation, most specific last, always
    starting with ``norm`` itself.
    """

    text: str
    start: int
    end: int
    norm: str
    stems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...] = ()
    paragraph: int = 0


@dataclass(frozen=True)
class Mention:
    """A named-entity mention: ``label`` is PER, ORG, GPE, LOC, NORP, OCC, ..."""

    start: int
    end: int
    text: str
    label: str
    source: str = "lexicon"  # lexicon | crf | title | link
    key: str | None = None  # lexicon entry id when the lexicon knows it


@dataclass(frozen=True)
class Actor:
    """A coded actor mention (PLOVER entity).

    ``code`` is ISO3 or a non-state code (IGO, UNO, EUR, NGO, MNC, IMG);
    ``sector`` is GOV, MIL, COP, ... or ``None``.  ``why`` explains the coding.
    """

    start: int
    end: int
    entity_text: str
    name: str | None
    code: str | None
    sector: str | None
    kind: str = "GPE"  # GPE | IGO | GROUP | ROLE | PER | ORG
    identifier_id: str | None = None
    why: str = ""

    def to_plover(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "entity_text": self.entity_text,
            "name": self.name,
            "code": self.code,
            "sector": self.sector,
            "start": self.start,
            "end": self.end,
        }
        if self.identifier_id:
            out["identifier_id"] = self.identifier_id
        return out


@dataclass(frozen=True)
class Location:
    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None  # ISO3
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None

    def to_plover(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
        }


@dataclass(frozen=True)
class Event:
    """A PLOVER event; ``to_plover`` gives the record in ``PLOVER.md``."""

    id: str
    doc_id: str
    event: str
    sentence_start: int
    sentence_end: int
    text: str
    trigger_start: int
    trigger_end: int
    event_text: str
    actor: tuple[Actor, ...] = ()
    recipient: tuple[Actor, ...] = ()
    mode: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    date: str | None = None
    event_loc: Location | None = None
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.5
    coder: str = ""
    dead: int | None = None
    injured: int | None = None
    size: int | None = None
    why: str = ""

    @property
    def quad_class(self) -> int:
        from hadath.events.ontology import QUAD

        return QUAD[self.event]

    def to_plover(self) -> dict[str, Any]:
        rec: dict[str, Any] = {
            "id": self.id,
            "date": self.date,
            "event": self.event,
            "mode": list(self.mode),
            "context": list(self.context),
            "actor": [a.to_plover() for a in self.actor],
            "recipient": [a.to_plover() for a in self.recipient],
            "event_loc": self.event_loc.to_plover() if self.event_loc else None,
            "event_text": self.event_text,
            "text": self.text,
            "text_info": {
                "doc_id": self.doc_id,
                "start": self.sentence_start,
                "end": self.sentence_end,
            },
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "confidence": round(self.confidence, 3),
            "coder": self.coder,
            "quad_class": self.quad_class,
            "trigger": {"start": self.trigger_start, "end": self.trigger_end},
        }
        for name in ("dead", "injured", "size"):
            value = getattr(self, name)
            if value is not None:
                rec[name] = value
        return rec


@dataclass(frozen=True)
class Document:
    """A cleaned article and everything the pipeline found in it.

    ``text`` is the cleaned text that all offsets point into; ``removed`` holds
    the boilerplate lines that cleaning dropped (for the "rejected boilerplate"
    view); ``part`` numbers documents split off the same input (0 = first).
    """

    doc_id: str
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    outlet: str | None = None
    author: str | None = None
    part: int = 0
    removed: tuple[str, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    actors: tuple[Actor, ...] = ()
    locations: tuple[Location, ...] = ()
    events: tuple[Event, ...] = ()
    country: str | None = None  # the document's main country (ISO3), for context

    @staticmethod
    def make_id(url: str | None, title: str | None, text: str) -> str:
        """Stable id from the URL (when known) and the cleaned content."""
        return stable_id(url or "", title or "", text)
