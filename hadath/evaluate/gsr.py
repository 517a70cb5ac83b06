"""Evaluation on the Arabic event gold standard (``arabic-event-gsr-dev``).

Two measures, both printed by ``hadath eval events``:

* **detection** on ``{assault,protest}_gsr.csv``: a sentence is predicted
  positive when the coder codes at least one non-negated event of the file's
  type; ``yes`` is positive, ``easy no`` and ``difficult no`` negative,
  ``ambiguous`` left out.
* **spans** on ``gsr_codings.jsonl`` (the gold source and target codes of the
  sentences in ``*_spans.json``): UniversalPetrarch's "generous" measure, the
  share of sentences where an event of the gold type carries exactly the gold
  source and target codes ("COUNTRY SECTOR"; coding nothing counts as
  "None None" on both slots), plus per-slot accuracy, exact and country-only.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from hadath.evaluate.common import code_sentence, code_text
from hadath.events.classifier import EventFilter
from hadath.model import Document, Event
from hadath.ner.evaluate import Counts
from hadath.pipeline import Pipeline

__all__ = ["GoldSentence", "load_detection", "load_codings", "evaluate_detection", "evaluate_spans"]

GSR_DIR = "arabic-event-gsr-dev"
_ID_DATE = re.compile(r"_(\d{4})(\d{2})(\d{2})\.")


@dataclass(frozen=True)
class GoldSentence:
    key: str
    text: str
    event: str
    date: str | None = None
    positive: bool | None = None  # detection label
    source: str | None = None  # "COUNTRY SECTOR" gold codes
    target: str | None = None


def _date_from_id(sentence_id: str) -> str | None:
    m = _ID_DATE.search(sentence_id)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def load_detection(shared: Path, event: str) -> Iterator[GoldSentence]:
    """Labelled sentences of ``{event}_gsr.csv`` (ambiguous ones left out)."""
    path = shared / GSR_DIR / f"{event.lower()}_gsr.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["label"] == "ambiguous":
                continue
            yield GoldSentence(
                key=row["id"],
                text=row["text"],
                event=row["event_type"],
                date=_date_from_id(row["id"]),
                positive=row["label"] == "yes",
            )


def load_codings(shared: Path) -> Iterator[GoldSentence]:
    """Sentences with gold source and target codes."""
    with (shared / GSR_DIR / "gsr_codings.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            yield GoldSentence(
                key=row["id"],
                text=row["text"],
                event=row["plover"],
                date=row.get("date"),
                source=row["sourcecode"],
                target=row["targetcode"],
            )


def _of_type(doc: Document, event: str) -> list[Event]:
    return [e for e in doc.events if e.event == event and not e.negated]


def evaluate_detection(pipeline: Pipeline, gold: list[GoldSentence]) -> Counts:
    tp = fp = fn = 0
    for item in gold:
        doc = code_sentence(pipeline, item.text, item.date, item.key)
        predicted, positive = bool(_of_type(doc, item.event)), bool(item.positive)
        tp += predicted and positive
        fp += predicted and not positive
        fn += positive and not predicted
    return Counts(tp, fp, fn)


def _slot_codes(actors) -> list[str]:
    return [code_text(a.code, a.sector) for a in actors] or ["None None"]


def _country(code: str) -> str:
    return code.split(" ", 1)[0]


@dataclass
class SpanScore:
    sentences: int = 0
    generous: int = 0
    source_exact: int = 0
    target_exact: int = 0
    source_country: int = 0
    target_country: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)

    def share(self, count: int) -> float:
        return round(count / self.sentences, 4) if self.sentences else 0.0


def _best(candidates: list[tuple[list[str], list[str]]], gold: GoldSentence) -> tuple[bool, ...]:
    """Best (generous, src exact, tgt exact, src country, tgt country) over candidate events."""
    best = (False, False, False, False, False)
    for sources, targets in candidates:
        s_ok = gold.source in sources
        t_ok = gold.target in targets
        s_cty = _country(gold.source) in {_country(c) for c in sources}
        t_cty = _country(gold.target) in {_country(c) for c in targets}
        cand = (s_ok and t_ok, s_ok, t_ok, s_cty, t_cty)
        best = max(best, cand, key=lambda c: (c[0], sum(c)))
    return best


def _coder_for(held_out: Mapping[str, EventFilter], text: str, cache: dict):
    """The event coder whose learned filter never saw ``text`` (the shipped one otherwise)."""
    from hadath.events import EventCoder

    chosen = held_out.get(text)
    if id(chosen) not in cache:
        cache[id(chosen)] = EventCoder() if chosen is None else EventCoder(event_filter=chosen)
    return cache[id(chosen)]


def evaluate_spans(pipeline: Pipeline, gold: list[GoldSentence],
                   held_out: Mapping[str, EventFilter] | None = None) -> SpanScore:
    """Actor-code scores; with ``held_out`` (text -> cross-validation fold filter) the
    events are coded by the filter that did not train on the sentence."""
    from hadath.events.train import before_events

    score = SpanScore()
    before, cache = before_events(pipeline), {}
    for item in gold:
        if held_out is None:
            doc = code_sentence(pipeline, item.text, item.date, item.key)
        else:
            coder = _coder_for(held_out, item.text, cache)
            doc = coder(code_sentence(before, item.text, item.date, item.key))
        events = _of_type(doc, item.event)
        candidates = [(_slot_codes(e.actor), _slot_codes(e.recipient)) for e in events]
        if not candidates:
            candidates = [(["None None"], ["None None"])]
        generous, s_ok, t_ok, s_cty, t_cty = _best(candidates, item)
        score.sentences += 1
        score.generous += generous
        score.source_exact += s_ok
        score.target_exact += t_ok
        score.source_country += s_cty
        score.target_country += t_cty
        per = score.by_type.setdefault(item.event, [0, 0])
        per[0] += 1
        per[1] += generous
    return score
