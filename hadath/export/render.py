"""Human-readable views for the terminal: an events table and an annotated document.

>>> from hadath.model import Actor, Document, Sentence
>>> doc = Document(doc_id="d", text="زار بلينكن أبوجا.", source="s",
...                sentences=(Sentence(0, 17, "زار بلينكن أبوجا."),),
...                actors=(Actor(4, 10, "بلينكن", "Antony Blinken", "USA", "GOV", kind="PER"),))
>>> mark_entities(doc, 0, 17)
'زار [[بلينكن|USA GOV]] أبوجا.'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from hadath.model import Document, Event

__all__ = ["events_table", "mark_entities", "render_document", "truncate"]

_COLOURS = {"actor": "\x1b[1;34m", "mention": "\x1b[36m", "location": "\x1b[32m", "event": "\x1b[1;33m"}
_RESET = "\x1b[0m"


def truncate(text: str | None, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis.

    >>> truncate("a b\\nc", 4)
    'a b…'
    """
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _who(entities: list[dict[str, Any]]) -> str:
    return (
        "; ".join(" ".join(x for x in (e.get("code"), e.get("sector")) if x) or "?" for e in entities) or "-"
    )


def events_table(rows: Iterable[dict[str, Any]], evidence_width: int = 60) -> Iterator[str]:
    """Lines of a fixed-width table: date, type, actor, recipient, place, evidence."""
    header = f"{'date':<10}  {'event':<9}  {'actor':<14}  {'recipient':<14}  {'place':<12}  evidence"
    yield header
    yield "-" * (len(header) + evidence_width - len("evidence"))
    for row in rows:
        rec = row["record"]
        loc = rec.get("event_loc") or {}
        flags = ("NEG " if rec["negated"] else "") + ("HYP " if rec["hypothetical"] else "")
        place = truncate(loc.get("name") or loc.get("country"), 12)
        yield (
            f"{rec['date'] or '?':<10}  {rec['event']:<9}  {truncate(_who(rec['actor']), 14):<14}  "
            f"{truncate(_who(rec['recipient']), 14):<14}  {place:<12}  "
            f"{flags}{truncate(rec['text'], evidence_width)}"
        )


def _spans(doc: Document) -> list[tuple[int, int, str, str]]:
    """Non-overlapping (start, end, tag, layer): actors first, then places, then other mentions."""
    candidates = [
        (a.start, a.end, " ".join(x for x in (a.code, a.sector) if x) or a.kind, "actor") for a in doc.actors
    ]
    candidates += [(p.start, p.end, f"LOC {p.country or '?'}", "location") for p in doc.locations]
    candidates += [(m.start, m.end, m.label, "mention") for m in doc.mentions]
    chosen: list[tuple[int, int, str, str]] = []
    for span in candidates:
        if span[0] < span[1] and all(span[1] <= s or span[0] >= e for s, e, _, _ in chosen):
            chosen.append(span)
    return sorted(chosen)


def mark_entities(doc: Document, start: int, end: int, colour: bool = False) -> str:
    """``doc.text[start:end]`` with entities marked ``[[text|CODE SECTOR]]`` (or coloured)."""
    out: list[str] = []
    pos = start
    for s, e, tag, layer in _spans(doc):
        if s < start or e > end:
            continue
        out.append(doc.text[pos:s])
        if colour:
            out.append(f"{_COLOURS[layer]}{doc.text[s:e]}{_RESET}\x1b[2m[{tag}]{_RESET}")
        else:
            out.append(f"[[{doc.text[s:e]}|{tag}]]")
        pos = e
    out.append(doc.text[pos:end])
    return "".join(out)


def _event_line(event: Event, colour: bool) -> str:
    def who(actors) -> str:
        return (
            "; ".join(
                f"{' '.join(x for x in (a.code, a.sector) if x) or '?'} ({a.name or a.entity_text})"
                for a in actors
            )
            or "-"
        )

    kind = f"{_COLOURS['event']}{event.event}{_RESET}" if colour else event.event
    parts = [f"  → {kind}"]
    if event.mode:
        parts.append(f"[{', '.join(event.mode)}]")
    parts.append(f"actor: {who(event.actor)}  recipient: {who(event.recipient)}")
    parts.append(f"trigger «{event.event_text}»")
    if event.event_loc:
        parts.append(f"at {event.event_loc.name or event.event_loc.text} ({event.event_loc.country or '?'})")
    parts.append(f"date {event.date or '?'}")
    flags = [f for f, on in (("negated", event.negated), ("hypothetical", event.hypothetical)) if on]
    if flags:
        parts.append("(" + ", ".join(flags) + ")")
    return " ".join(parts)


def render_document(doc: Document, colour: bool = False, boilerplate: bool = False) -> str:
    """The cleaned document, sentence by sentence, entities marked, events under their sentence."""
    lines = [
        f"doc_id   {doc.doc_id}" + (f" (part {doc.part})" if doc.part else ""),
        f"title    {doc.title or '-'}",
        f"outlet   {doc.outlet or '-'}   date {doc.date or '-'}   country {doc.country or '-'}",
        f"url      {doc.url or '-'}",
        f"source   {doc.source}",
        "",
    ]
    by_sentence: dict[tuple[int, int], list[Event]] = {}
    for event in doc.events:
        by_sentence.setdefault((event.sentence_start, event.sentence_end), []).append(event)
    paragraph = None
    spans = [(s.start, s.end, s.paragraph) for s in doc.sentences] or [(0, len(doc.text), 0)]
    for start, end, par in spans:
        if paragraph is not None and par != paragraph:
            lines.append("")
        paragraph = par
        lines.append(mark_entities(doc, start, end, colour))
        lines.extend(_event_line(e, colour) for e in by_sentence.pop((start, end), []))
    for events in by_sentence.values():  # events whose sentence is not a stored sentence
        lines.extend(_event_line(e, colour) for e in events)
    if boilerplate:
        lines += ["", f"-- removed boilerplate ({len(doc.removed)} lines) --"]
        lines += [f"  ✗ {line}" for line in doc.removed]
    return "\n".join(lines)
