"""``hadath explain``: why a sentence was (or was not) coded as PLOVER events.

Runs the pipeline on one sentence and collects, as plain records, every mention the
recognisers found, every actor the actor coder coded, every trigger the event coder
considered (from :meth:`EventCoder.candidates`) with the verdict and its reasons, and the
final events.

>>> from hadath.pipeline import Pipeline, Segmenter
>>> from hadath.events import EventCoder
>>> ex = explain("قتل مسلحون عشرة أشخاص في هجوم.", date="2023-08-01",
...              pipeline=Pipeline([Segmenter(), EventCoder()]))
>>> [(t.text, t.type, t.coded) for t in ex.triggers][:1]
[('قتل', 'ASSAULT', True)]
>>> ex.events[0]["event"], ex.events[0]["dead"]
('ASSAULT', 10)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from hadath.events.coder import Candidate, EventCoder
from hadath.model import Document, Event, stable_id
from hadath.pipeline import Pipeline

__all__ = ["MentionView", "ActorView", "TriggerView", "Explanation", "explain", "format_explanation"]

# reason prefixes that say why a trigger did not become an event
_NOT_CODED = ("not coded", "merged into")


@dataclass(frozen=True)
class MentionView:
    text: str
    label: str
    source: str
    key: str | None
    start: int
    end: int


@dataclass(frozen=True)
class ActorView:
    text: str
    code: str | None
    sector: str | None
    name: str | None
    kind: str
    why: str
    start: int
    end: int


@dataclass(frozen=True)
class TriggerView:
    """A trigger the coder considered: what it is, the verdict, and the coder's reasons."""

    text: str
    type: str
    mode: tuple[str, ...]
    trigger_id: str
    coded: bool
    verdict: str  # "coded", "coded (negated)", "not coded: ..."
    reasons: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Explanation:
    text: str
    date: str | None
    country: str | None
    mentions: tuple[MentionView, ...]
    actors: tuple[ActorView, ...]
    triggers: tuple[TriggerView, ...]
    events: tuple[dict[str, Any], ...]  # Event.to_plover() records


def _event_coder(pipeline: Pipeline) -> EventCoder:
    for component in pipeline.components:
        if isinstance(component, EventCoder):
            return component
    raise ValueError("the pipeline has no EventCoder; build it with hadath.pipeline.build_pipeline()")


def _run(pipeline: Pipeline, doc: Document, country: str | None) -> tuple[Document, Document]:
    """(document before the event coder, final document); ``country`` overrides doc.country."""
    before = doc
    for component in pipeline.components:
        if isinstance(component, EventCoder):
            before = doc
        doc = component(doc)
        if country and component.name != "events":
            doc = dataclasses.replace(doc, country=country)
    return before, doc


def _verdict(cand: Candidate, events: Sequence[Event], start: int) -> str:
    stop = next((r for r in cand.reasons if r.startswith(_NOT_CODED)), None)
    if not cand.coded:
        return stop if stop else "not coded"
    event = next((e for e in events if e.trigger_start == start and e.event == cand.trigger.type), None)
    flags = [name for name in ("negated", "hypothetical") if event is not None and getattr(event, name)]
    missing = []
    if event is not None and not event.actor:
        missing.append("no actor")
    if event is not None and not event.recipient:
        missing.append("no recipient")
    notes = flags + missing
    return "coded" + (f" ({', '.join(notes)})" if notes else "")


def _trigger_view(doc: Document, cand: Candidate) -> TriggerView:
    sent = next(s for s in doc.sentences if s.start == cand.sentence_start)
    start, end = sent.tokens[cand.first].start, sent.tokens[cand.last].end
    return TriggerView(
        text=doc.text[start:end], type=cand.trigger.type, mode=cand.trigger.mode,
        trigger_id=cand.trigger.id, coded=cand.coded, verdict=_verdict(cand, doc.events, start),
        reasons=cand.reasons, start=start, end=end,
    )


def explain(sentence: str, date: str | None = None, country: str | None = None,
            pipeline: Pipeline | None = None) -> Explanation:
    """Run ``pipeline`` (default: :func:`hadath.pipeline.build_pipeline`) on ``sentence``
    and say what each stage found; ``country`` (ISO3) sets the document's main country."""
    if pipeline is None:
        from hadath.pipeline import build_pipeline

        pipeline = build_pipeline()
    coder = _event_coder(pipeline)
    doc = Document(doc_id=stable_id("explain", sentence, date), text=sentence, source="explain",
                   date=date, country=country)
    before, doc = _run(pipeline, doc, country)
    triggers = tuple(_trigger_view(doc, c) for c in coder.candidates(before))
    return Explanation(
        text=sentence, date=date, country=doc.country,
        mentions=tuple(MentionView(m.text, m.label, m.source, m.key, m.start, m.end) for m in doc.mentions),
        actors=tuple(ActorView(a.entity_text, a.code, a.sector, a.name, a.kind, a.why, a.start, a.end)
                     for a in doc.actors),
        triggers=triggers,
        events=tuple(e.to_plover() for e in doc.events),
    )


def _party(entities: list[dict[str, Any]]) -> str:
    if not entities:
        return "-"
    e = entities[0]
    return f"{e['entity_text']} [{e['code'] or '?'} {e['sector'] or ''}]".replace(" ]", "]")


def format_explanation(ex: Explanation, verbose: bool = False) -> list[str]:
    """Human-readable lines for ``hadath explain`` (``verbose`` adds every trigger reason)."""
    lines = [f"sentence: {ex.text}", f"date: {ex.date or '-'}   document country: {ex.country or '-'}", ""]
    lines.append(f"mentions ({len(ex.mentions)}):")
    lines += [f"  {m.text}  {m.label}  key={m.key or '-'}  ({m.source})" for m in ex.mentions]
    lines.append(f"actors ({len(ex.actors)}):")
    lines += [f"  {a.text}  → {a.code or '?'} {a.sector or '-'}  {a.name or ''}  [{a.kind}] {a.why}"
              for a in ex.actors]
    lines.append(f"triggers considered ({len(ex.triggers)}):")
    for t in ex.triggers:
        mode = f"/{','.join(t.mode)}" if t.mode else ""
        lines.append(f"  {t.text}  {t.type}{mode}  ({t.trigger_id}): {t.verdict}")
        shown = t.reasons if verbose else [r for r in t.reasons if not r.startswith(("trigger ", "date "))]
        lines += [f"      - {r}" for r in shown]
    lines.append(f"events ({len(ex.events)}):")
    for e in ex.events:
        flags = [f for f in ("negated", "hypothetical") if e["negated" if f == "negated" else f]]
        extra = "".join(f" {k}={e[k]}" for k in ("dead", "injured", "size") if k in e)
        lines.append(
            f"  {e['event']}{'/' + ','.join(e['mode']) if e['mode'] else ''}  "
            f"actor={_party(e['actor'])}  recipient={_party(e['recipient'])}  "
            f"trigger='{e['event_text']}'  date={e['date'] or '-'}{extra}"
            + (f"  [{', '.join(flags)}]" if flags else "")
            + (f"  location={e['event_loc']['name'] or e['event_loc']['text']}" if e["event_loc"] else "")
            + (f"  context={','.join(e['context'])}" if e["context"] else "")
            + f"  confidence={e['confidence']}"
        )
    return lines
