"""A learned filter for conflict triggers: is this sentence a report of a
specific ASSAULT or PROTEST event, or a past reference, threat, condemnation,
statistic or essay that merely names one?

The lexicon proposes candidates (high recall); a logistic model over sparse
binary features of the sentence decides.  Scoring is a dictionary look-up per
feature, so it costs microseconds and needs no third-party library.

>>> model = LogisticModel({"w:قتل": 2.0}, bias=-1.0, threshold=0.5)
>>> round(model.probability(["w:قتل", "w:unknown"]), 3)
0.731
>>> features_of([], None)
[]
>>> from hadath.arabic.tokens import tokenize
>>> hit = Hit("demonstrate", "noun", 1, 1, False, False)
>>> [f for f in features_of([hit], tokenize("اندلعت مظاهرات أمس"), families=("g",)) if f.startswith("g:")]
['g:occur', 'g:time']
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from hadath.arabic.normalize import normalize
from hadath.events.extract import bare_word
from hadath.model import Token

__all__ = [
    "Hit",
    "LogisticModel",
    "EventFilter",
    "features_of",
    "fit_logistic",
    "load_filter",
    "FILTER_PATH",
    "FEATURE_VERSION",
    "FAMILIES",
]

FEATURE_VERSION = 5
FILTER_PATH = Path(str(resources.files("hadath") / "data" / "models" / "events" / "filter.json"))
GROUPS_PATH = Path(str(resources.files("hadath") / "data" / "lexicons" / "events" / "filter_cues.yaml"))
_CONTEXT = 3  # words either side of a trigger that become features
_NEAR = 4  # words either side of a trigger whose cue groups become ``gn:`` features
# optional feature families (a model names those it reads): cue group anywhere (g), near a
# trigger (gn), among the first two words (gs); trigger with its clitic prefix (tpre); where
# the first trigger stands: opening the sentence, before or after the first comma (start);
# words inside a name read as its class, ``<GPE>``, in the word features (names): place and
# group names tie a model to the years and regions it was trained on; whether the trigger
# has a coded actor / recipient and of which sector (who)
FAMILIES = ("g", "gn", "gs", "tpre", "start", "names", "who")


@dataclass(frozen=True)
class Hit:
    """A lexicon trigger of the filtered type in a sentence, as the features see it."""

    trigger_id: str
    pos: str
    head: int
    last: int
    negated: bool
    hypothetical: bool
    evidence: tuple[str, ...] = ()
    actor: str = ""  # the coded actor's sector (else its kind), "" when none was found
    recipient: str = ""


def _prefix(tok: Token) -> str:
    """The clitics before the trigger's stem: ``ال``, ``بال``, ``و`` ... (``-`` for none)."""
    stem = bare_word(tok)
    at = tok.norm.rfind(stem) if stem else -1
    return tok.norm[:at] or "-" if at > 0 else "-"


def _old_year(tokens: Sequence[Token], year: int | None) -> bool:
    """A four-digit year before the publication year: a past reference."""
    if year is None:
        return False
    return any(t.norm.isdigit() and len(t.norm) == 4 and 1900 < int(t.norm) < year for t in tokens)


@lru_cache(maxsize=1)
def cue_groups(path: str = str(GROUPS_PATH)) -> dict[str, tuple[str, ...]]:
    """Word -> names of the cue groups (``filter_cues.yaml``) it belongs to."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    out: dict[str, list[str]] = {}
    for name, words in data.items():
        for word in words:
            bucket = out.setdefault(normalize(str(word)), [])
            if name not in bucket:
                bucket.append(name)
    return {w: tuple(names) for w, names in out.items()}


def _token_groups(tok: Token, groups: Mapping[str, tuple[str, ...]]) -> set[str]:
    found = set(groups.get(tok.norm, ()))
    for stem in tok.stems:
        found.update(groups.get(stem, ()))
    return found


def _family_features(hits: Sequence[Hit], tokens: Sequence[Token], families: Sequence[str]) -> set[str]:
    groups = cue_groups()
    per_token = [_token_groups(t, groups) for t in tokens]
    feats: set[str] = set()
    if "g" in families:
        feats.update(f"g:{g}" for found in per_token for g in found)
    if "gs" in families:
        feats.update(f"gs:{g}" for found in per_token[:2] for g in found)
    for hit in hits:
        if "gn" in families:
            lo, hi = max(0, hit.head - _NEAR), min(len(tokens), hit.last + _NEAR + 1)
            feats.update(f"gn:{g}" for found in per_token[lo:hi] for g in found)
        if "who" in families:
            feats.update((f"who:a:{hit.actor or '-'}", f"who:r:{hit.recipient or '-'}",
                          f"who:{hit.trigger_id}:{'a' if hit.actor else '-'}"))
        if "tpre" in families:
            feats.add(f"tpre:{hit.trigger_id}:{_prefix(tokens[hit.head])}")
    if "start" in families:
        first = min(hit.head for hit in hits)
        comma = next((i for i, t in enumerate(tokens) if t.norm in ("،", ",")), len(tokens))
        feats.add(f"start:{'0' if first <= 1 else 'pre' if first < comma else 'post'}")
    return feats


def _words(tokens: Sequence[Token], names: Mapping[int, str] | None) -> list[str]:
    """Each token's bare word, or ``<LABEL>`` for a token inside a name (``names``)."""
    words = [bare_word(t) for t in tokens]
    for i, label in (names or {}).items():
        if i < len(words):
            words[i] = f"<{label}>"
    return words


def features_of(hits: Sequence[Hit], tokens: Sequence[Token] | None, year: int | None = None,
                bag: bool = True, families: Sequence[str] = (),
                names: Mapping[int, str] | None = None) -> list[str]:
    """Sparse binary features of a sentence with its candidate ``hits`` (empty without hits);
    ``bag`` adds every word of the sentence (``w:``), not only those near a trigger;
    ``families`` adds the optional feature families named in :data:`FAMILIES`; with the
    ``names`` family, the tokens of ``names`` (index -> mention label) read as their label."""
    if not hits or not tokens:
        return []
    words = _words(tokens, names if "names" in families else None)
    feats = {f"n:{min(len(hits), 3)}"}
    for hit in hits:
        feats.update((f"t:{hit.trigger_id}", f"p:{hit.pos}", f"tp:{hit.trigger_id}:{hit.pos}"))
        if hit.negated:
            feats.add("flag:negated")
        if hit.hypothetical:
            feats.add("flag:hypothetical")
        feats.update(f"e:{e}" for e in hit.evidence)
        feats.add(f"ee:{hit.trigger_id}:{len(hit.evidence)}")
        lo, hi = max(0, hit.head - _CONTEXT), min(len(tokens), hit.last + _CONTEXT + 1)
        feats.update(f"c:{w}" for w in words[lo : hit.head])
        feats.update(f"a:{w}" for w in words[hit.last + 1 : hi])
        feats.add(f"at:{min(hit.head, 6)}")
        if hit.head > 0:
            feats.add(f"b1:{words[hit.head - 1]}")
        feats.add(f"pre:{_prefix(tokens[hit.head])}")
    if bag:
        feats.update(f"w:{w}" for w in words)
    if _old_year(tokens, year):
        feats.add("oldyear")
    if any(t.norm in ("؟", "?") for t in tokens):
        feats.add("question")
    # under 20 words is one bucket: the GSR's few sentences under 10 words are headlines and
    # fragments, almost never events, which taught the filter to reject every short report
    feats.add(f"len:{max(1, min(len(tokens) // 10, 5))}")
    if families:
        feats |= _family_features(hits, tokens, families)
    return sorted(feats)


@dataclass(frozen=True)
class LogisticModel:
    """``P(event) = sigmoid(bias + sum of weights of the present features)``."""

    weights: Mapping[str, float]
    bias: float
    threshold: float = 0.5
    bag: bool = True  # the model reads whole-sentence word features
    families: tuple[str, ...] = ()  # optional feature families it reads (see FAMILIES)

    def probability(self, feats: Sequence[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class EventFilter:
    """One logistic model per filtered event type, plus where it came from."""

    models: Mapping[str, LogisticModel]
    meta: Mapping[str, object] = field(default_factory=dict)

    def to_json(self) -> str:
        models = {
            kind: {"bias": round(m.bias, 6), "threshold": m.threshold, "bag": m.bag,
                   "families": list(m.families),
                   "weights": {f: round(w, 6) for f, w in sorted(m.weights.items()) if abs(w) >= 1e-4}}
            for kind, m in sorted(self.models.items())
        }
        return json.dumps({"feature_version": FEATURE_VERSION, "meta": dict(self.meta), "models": models},
                          ensure_ascii=False, indent=1, sort_keys=True)

    @staticmethod
    def from_json(text: str) -> EventFilter:
        data = json.loads(text)
        if data.get("feature_version") != FEATURE_VERSION:
            raise ValueError(
                f"event filter has feature version {data.get('feature_version')}, this code reads "
                f"{FEATURE_VERSION}; retrain it with `hadath train events`"
            )
        models = {k: LogisticModel(v["weights"], float(v["bias"]), float(v["threshold"]), bool(v["bag"]),
                                   tuple(v.get("families", ())))
                  for k, v in data["models"].items()}
        return EventFilter(models, data.get("meta", {}))


def load_filter(path: Path | None = None) -> EventFilter | None:
    """The shipped filter (``None`` when no model file exists: the coder then
    falls back to its hand-written specificity rule)."""
    return _load_cached(str(path or FILTER_PATH))


@lru_cache(maxsize=4)
def _load_cached(path: str) -> EventFilter | None:
    file = Path(path)
    if not file.exists():
        return None
    return EventFilter.from_json(file.read_text(encoding="utf-8"))


def fit_logistic(rows: Sequence[Sequence[str]], labels: Sequence[bool], *, l2: float = 1e-3,
                 epochs: int = 40, rate: float = 0.3, min_count: int = 2, seed: int = 13,
                 threshold: float = 0.5, bag: bool = True, families: Sequence[str] = (),
                 weights: Sequence[float] | None = None) -> LogisticModel:
    """L2-regularised logistic regression by AdaGrad SGD on binary features.

    Features seen in fewer than ``min_count`` rows (and ``w:`` features unless
    ``bag``) are dropped; positives are
    weighted by the class ratio (at most 5x) so rare types are not ignored, and
    each row's loss further by ``weights`` (default 1).  ``families`` is only
    recorded: the rows must already carry those features.
    """
    counts = Counter(f for row in rows for f in set(row))
    keep = {f for f, n in counts.items() if n >= min_count and (bag or not f.startswith("w:"))}
    row_weights = list(weights) if weights is not None else [1.0] * len(rows)
    data = [([f for f in row if f in keep], bool(y), w)
            for row, y, w in zip(rows, labels, row_weights, strict=True)]
    n_pos = sum(y for _, y, _ in data)
    pos_weight = min(5.0, max(1.0, (len(data) - n_pos) / max(n_pos, 1)))
    model, bias = _sgd(data, l2, pos_weight, epochs, rate, seed)
    return LogisticModel(model, bias, threshold, bag, tuple(families))


def _sgd(data: Sequence[tuple[list[str], bool, float]], l2: float, pos_weight: float,
         epochs: int, rate: float, seed: int) -> tuple[dict[str, float], float]:
    """AdaGrad SGD over ``(features, label, row weight)`` rows: (weights, bias)."""
    model: dict[str, float] = {}
    grad_sq: dict[str, float] = {}
    bias, bias_sq = 0.0, 1e-8
    order = list(range(len(data)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, y, row_weight = data[i]
            z = bias + sum(model.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) * (pos_weight if y else 1.0) * row_weight
            bias_sq += g * g
            bias -= rate * g / math.sqrt(bias_sq)
            for f in feats:
                w = model.get(f, 0.0)
                gf = g + l2 * w
                grad_sq[f] = grad_sq.get(f, 1e-8) + gf * gf
                model[f] = w - rate * gf / math.sqrt(grad_sq[f])
    return model, bias
