"""Train the learned ASSAULT/PROTEST filter (:mod:`hadath.events.classifier`)
and cross-validate it honestly.

The only labelled Arabic event sentences we have are the GSR development half
(``arabic-event-gsr-dev/*_gsr.csv``), which is also the evaluation set.  So the
shipped model is trained on all of it, and every figure reported for it is
k-fold cross-validated: folds are fixed by a seed and *grouped*, so sentences
sharing a run of six words (near-duplicates, repeated wire copy) are always in
the same fold.

>>> near_duplicate_groups(["a b c d e f g", "x a b c d e f", "p q r"], width=6)
[0, 0, 2]
>>> folds = assign_folds([0, 0, 2, 3], k=2, seed=1)
>>> folds[0] == folds[1], sorted(set(folds))
(True, [0, 1])
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from hadath.events.classifier import FILTER_PATH, EventFilter, fit_logistic
from hadath.events.coder import EventCoder
from hadath.events.evidence import CHECKED_TYPES
from hadath.model import Document
from hadath.ner.evaluate import Counts
from hadath.pipeline import Pipeline

__all__ = [
    "GsrExample",
    "GsrExamples",
    "PARAMS",
    "near_duplicate_groups",
    "assign_folds",
    "gsr_examples",
    "before_events",
    "fit_filter",
    "cross_validate",
    "repeated_cross_validate",
    "train_events",
]

# Chosen by grouped cross-validation with fold seeds 101-103 (l2 0.01-0.1, threshold 0.2-0.6,
# with/without the sentence bag of words, each feature family of classifier.FAMILIES left
# out in turn, weight of "difficult no" rows 0.5/1); the figures we report use the other fold
# seeds 13-15, so the settings were not picked on the reported splits (on the same data, though).
# PROTEST has 39 positives: the whole-sentence bag of words overfits there; the cue groups
# (filter_cues.yaml) generalise over rare words.  ASSAULT's "difficult no" rows (a dissenting
# annotator, often 2 against 2) count half in training: they are near the boundary.
# Session 10: the "who" family (sector of the coded actor/recipient) adds ASSAULT +0.01 and, with
# "names", PROTEST +0.04 F1 (fold seeds 101-106); "names" (a word inside a place/person/group name
# reads as its class) costs ASSAULT ~0.01 on the GSR but gains 0.02 dev-set (2015) ASSAULT F1:
# the 2006-2008 GSR rewards memorising place names (w:كردستان was among the strongest reasons
# for rejecting 2015 attack reports), which does not carry over to other years and outlets.
# Session 11 (fold seeds 101-106; GSR figures on the sentences before this session's pipeline
# changes): ASSAULT's "ambiguous" sentences with a majority (mostly 2 accept against 1 reject)
# train at weight 0.25, labelled by the majority (never scored): +0.007 to +0.03 F1 on every
# seed tried, recall .74 -> .80, and dev-set ASSAULT type F1 0.585 -> 0.607; for PROTEST they
# cost 0.10 (its 2-1 sentences are mostly not protest reports) and stay out.  PROTEST features
# seen in fewer than 4 training rows are dropped (min_count 4): +0.01 to +0.04 (39 positives).
# Tried and left: ASSAULT threshold 0.45 (+0.01 GSR but dev-set ASSAULT type F1 -0.02), l2 0.01
# or 0.1, min_count 3/5, all families for ASSAULT, a wider protester window (all within noise).
COMMON = {"l2": 0.03, "epochs": 40, "rate": 0.3, "min_count": 2}
PARAMS = {
    "ASSAULT": {**COMMON, "bag": True, "threshold": 0.35, "families": ("g", "gn", "who", "names"),
                "difficult_weight": 0.5, "ambiguous_weight": 0.25},
    "PROTEST": {**COMMON, "bag": False, "threshold": 0.4, "min_count": 4,
                "families": ("g", "gn", "gs", "tpre", "start", "who", "names"), "difficult_weight": 1.0},
}
SEED = 13
FOLDS = 5
REPEATS = 3  # cross-validation is repeated with seeds SEED, SEED+1, ... and the counts pooled


@dataclass(frozen=True)
class GsrExample:
    """A labelled GSR sentence, run through the pipeline up to (not including) events."""

    kind: str
    text: str
    positive: bool
    doc: Document
    features: tuple[str, ...]
    difficult: bool = False  # gold "difficult no": a dissenting annotator
    ambiguous: bool = False  # gold "ambiguous" (too few annotations): trains by majority, never scored


class GsrExamples(list):
    """The scored examples of one type (a list of :class:`GsrExample`) and, in
    ``training_only``, its ``ambiguous`` sentences: they train the filter (labelled by the
    annotators' majority) but are never scored, as the evaluation leaves them out.

    >>> GsrExamples([], [1]).training_only
    (1,)
    """

    def __init__(self, items: Sequence[GsrExample] = (), training_only: Sequence[GsrExample] = ()) -> None:
        super().__init__(items)
        self.training_only = tuple(training_only)


def near_duplicate_groups(texts: Sequence[str], width: int = 6) -> list[int]:
    """Group index per text: texts sharing any ``width``-word run share a group."""
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[str, int] = {}
    for i, text in enumerate(texts):
        words = text.split()
        for j in range(max(1, len(words) - width + 1)):
            shingle = " ".join(words[j : j + width])
            if shingle in seen:
                parent[find(i)] = find(seen[shingle])
            else:
                seen[shingle] = i
    return [find(i) for i in range(len(texts))]


def assign_folds(groups: Sequence[int], k: int = FOLDS, seed: int = SEED) -> list[int]:
    """Fold per item; whole groups go to one fold, shuffled by ``seed``."""
    unique = sorted(set(groups))
    random.Random(seed).shuffle(unique)
    fold_of = {g: i % k for i, g in enumerate(unique)}
    return [fold_of[g] for g in groups]


def example_features(coder: EventCoder, doc: Document, kind: str) -> tuple[str, ...]:
    feats: set[str] = set()
    families = PARAMS.get(kind, {}).get("families", ())
    for sent in doc.sentences:
        feats.update(coder.sentence_features(doc, sent, kind, families))
    return tuple(sorted(feats))


def _difficult_ids(shared: Path, kind: str) -> frozenset[str]:
    """Ids of the ``difficult no`` sentences of ``{kind}_gsr.csv``."""
    from hadath.evaluate.gsr import GSR_DIR

    with (shared / GSR_DIR / f"{kind.lower()}_gsr.csv").open(encoding="utf-8", newline="") as fh:
        return frozenset(row["id"] for row in csv.DictReader(fh) if row["label"] == "difficult no")


def _ambiguous_rows(shared: Path, kind: str) -> list[dict[str, str]]:
    """The ``ambiguous`` rows of ``{kind}_gsr.csv`` with a majority (accept != reject)."""
    from hadath.evaluate.gsr import GSR_DIR

    with (shared / GSR_DIR / f"{kind.lower()}_gsr.csv").open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh)
                if row["label"] == "ambiguous" and int(row["accept"]) != int(row["reject"])]


def before_events(pipeline: Pipeline) -> Pipeline:
    """``pipeline`` without its event coder (the events are coded afterwards, per fold)."""
    return Pipeline([c for c in pipeline.components if c.name != "events"])


def gsr_examples(shared: Path, kind: str, pipeline: Pipeline | None = None) -> GsrExamples:
    """The non-ambiguous sentences of ``{kind}_gsr.csv`` with their features; the ambiguous
    ones ride along as ``training_only`` when the type's ``ambiguous_weight`` is set."""
    from hadath.evaluate.common import code_sentence
    from hadath.evaluate.gsr import _date_from_id, load_detection
    from hadath.pipeline import build_pipeline

    before = before_events(pipeline or build_pipeline())
    coder = EventCoder(event_filter=None)
    difficult = _difficult_ids(shared, kind)
    out = []
    for item in load_detection(shared, kind):
        doc = code_sentence(before, item.text, item.date, item.key)
        out.append(GsrExample(kind, item.text, bool(item.positive), doc,
                              example_features(coder, doc, kind), item.key in difficult))
    extra = []
    if PARAMS.get(kind, {}).get("ambiguous_weight"):
        for row in _ambiguous_rows(shared, kind):
            doc = code_sentence(before, row["text"], _date_from_id(row["id"]), row["id"])
            extra.append(GsrExample(kind, row["text"], int(row["accept"]) > int(row["reject"]), doc,
                                    example_features(coder, doc, kind), ambiguous=True))
    return GsrExamples(out, extra)


def fit_filter(examples: dict[str, list[GsrExample]], meta: dict | None = None,
               seed: int = SEED) -> EventFilter:
    """One logistic model per type, trained on the examples that have a candidate trigger."""
    models = {}
    for kind, items in examples.items():
        rows = [e for e in (*items, *getattr(items, "training_only", ())) if e.features]
        params = dict(PARAMS[kind])
        difficult_weight = params.pop("difficult_weight", 1.0)
        ambiguous_weight = params.pop("ambiguous_weight", 0.0)
        weights = [ambiguous_weight if e.ambiguous else difficult_weight if e.difficult else 1.0
                   for e in rows]
        models[kind] = fit_logistic([e.features for e in rows], [e.positive for e in rows], seed=seed,
                                    weights=weights, **params)
    return EventFilter(models, meta or {})


def _detected(coder: EventCoder, doc: Document, kind: str) -> bool:
    return any(e.event == kind and not e.negated for e in coder(doc).events)


def cross_validate(examples: dict[str, list[GsrExample]], k: int = FOLDS, seed: int = SEED
                   ) -> tuple[dict[str, Counts], dict[str, EventFilter]]:
    """Out-of-fold detection counts per type, and the fold filter that held out each text.

    Each fold's filter is trained on the other folds (all types at once); the
    returned map sends a sentence text to the filter that never saw it.
    """
    every = {kind: [*items, *getattr(items, "training_only", ())] for kind, items in examples.items()}
    folds = {kind: assign_folds(near_duplicate_groups([e.text for e in items]), k, seed)
             for kind, items in every.items()}
    counts = {kind: Counts(0, 0, 0) for kind in examples}
    held_out: dict[str, EventFilter] = {}
    for fold in range(k):
        train = {}
        for kind, items in every.items():
            kept = [e for e, f in zip(items, folds[kind], strict=True) if f != fold]
            train[kind] = GsrExamples([e for e in kept if not e.ambiguous], [e for e in kept if e.ambiguous])
        coder = EventCoder(event_filter=fit_filter(train, seed=seed))
        for kind, items in examples.items():
            c = counts[kind]
            for e, f in zip(items, folds[kind][: len(items)], strict=True):  # the scored come first
                if f != fold:
                    continue
                held_out[e.text] = coder.filter  # type: ignore[assignment]
                pred = _detected(coder, e.doc, kind)
                c = Counts(c.tp + (pred and e.positive), c.fp + (pred and not e.positive),
                           c.fn + (e.positive and not pred))
            counts[kind] = c
    return counts, held_out


def repeated_cross_validate(examples: dict[str, list[GsrExample]], k: int = FOLDS, seed: int = SEED,
                            repeats: int = REPEATS) -> tuple[dict[str, Counts], dict[str, EventFilter]]:
    """:func:`cross_validate` with ``repeats`` fold seeds, counts pooled (one split of a few
    dozen positives moves F1 by several points); the held-out map is the first repeat's."""
    pooled: dict[str, Counts] = {}
    first: dict[str, EventFilter] = {}
    for r in range(repeats):
        counts, held_out = cross_validate(examples, k, seed + r)
        first = first or held_out
        for kind, c in counts.items():
            p = pooled.get(kind, Counts(0, 0, 0))
            pooled[kind] = Counts(p.tp + c.tp, p.fp + c.fp, p.fn + c.fn)
    return pooled, first


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _provenance(shared: Path, seed: int, k: int, repeats: int, counts: dict[str, Counts],
                examples: dict[str, list[GsrExample]]) -> dict:
    from hadath.evaluate.gsr import GSR_DIR

    files = {f"{GSR_DIR}/{kind.lower()}_gsr.csv": _sha256(shared / GSR_DIR / f"{kind.lower()}_gsr.csv")
             for kind in examples}
    return {
        "model": "logistic regression (AdaGrad SGD, L2) over sparse sentence features and cue groups "
                 "(filter_cues.yaml); hadath/events/classifier.py",
        "data": "arabic-event-gsr-dev *_gsr.csv, yes vs easy/difficult no; ambiguous "
                "sentences with a majority train ASSAULT (weight 0.25) and are never scored; "
                "only sentences with a lexicon candidate of the type",
        "files_sha256": files,
        "examples": {kind: {"sentences": len(items), "with_candidate": sum(bool(e.features) for e in items),
                            "positive": sum(e.positive for e in items)} for kind, items in examples.items()},
        "command": f"hadath train events --seed {seed} --folds {k} --repeats {repeats}",
        "seed": seed,
        "params": PARAMS,
        "params_chosen_on": "grouped 5-fold cross-validation with fold seeds 101-103 (the who/names "
                            "families, ambiguous_weight and PROTEST min_count also 104-106) and "
                            "the dev set's ASSAULT F1, not the reported seeds",
        "cross_validated": {kind: {"folds": k, "repeats": repeats, "grouping": "shared 6-word run",
                                   "precision": round(c.precision, 3), "recall": round(c.recall, 3),
                                   "f1": round(c.f1, 3)} for kind, c in counts.items()},
        "trained": dt.date.today().isoformat(),
        "python": sys.version.split()[0],
    }


@click.command("events")
@click.option("--shared", type=click.Path(path_type=Path), default=None,
              help="Folder holding arabic-event-gsr-dev/ (default: $HADATH_SHARED or ../shared/data).")
@click.option("--out", type=click.Path(path_type=Path), default=FILTER_PATH,
              help="Where to write the filter (default: the shipped hadath/data/models/events/"
                   "filter.json; a provenance JSON is written beside it).")
@click.option("--seed", type=int, default=SEED, show_default=True, help="Seed for SGD order and folds.")
@click.option("--folds", type=int, default=FOLDS, show_default=True, help="Cross-validation folds.")
@click.option("--repeats", type=int, default=REPEATS, show_default=True,
              help="Cross-validation repeats (fold seeds seed, seed+1, ...; counts pooled).")
def train_events(shared: Path | None, out: Path, seed: int, folds: int, repeats: int) -> None:
    """Train the ASSAULT/PROTEST filter on the GSR dev half; print cross-validated figures."""
    from hadath.evaluate.common import SharedDataMissing, default_shared_dir, require_shared

    try:
        shared = require_shared(shared or default_shared_dir())
    except SharedDataMissing as err:
        raise click.UsageError(str(err)) from err
    examples = {kind: gsr_examples(shared, kind) for kind in sorted(CHECKED_TYPES)}
    counts, _ = repeated_cross_validate(examples, folds, seed, repeats)
    for kind, c in counts.items():
        click.echo(f"{kind:<10} {folds}-fold x{repeats} cross-validated P {c.precision:.3f} "
                   f"R {c.recall:.3f} F1 {c.f1:.3f}")
    meta = _provenance(shared, seed, folds, repeats, counts, examples)
    model = fit_filter(examples, {"provenance": "filter.provenance.json"}, seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(model.to_json() + "\n", encoding="utf-8")
    meta["model_sha256"] = _sha256(out)
    prov = out.with_name(out.stem + ".provenance.json")
    prov.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    click.echo(f"wrote {out} ({out.stat().st_size // 1024} KiB) and {prov}")

