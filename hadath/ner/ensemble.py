"""Ensemble of the BiLSTM-CRF and the crfsuite CRF: averaged tag posteriors, BIO-constrained decoding.

Each model gives per-token tag posteriors (forward-backward); the ensemble takes
their weighted mean and decodes the best path that is valid BIO (no ``I-X``
after anything but ``B-X``/``I-X``).  The CRF's posteriors are computed in numpy
(:class:`CRFScorer`) from the weights in its model file, as crfsuite computes them.

>>> allowed = bio_transitions(["O", "B-PERS", "I-PERS"])
>>> allowed[0].tolist(), allowed[1].tolist()
([0.0, 0.0, -10000.0], [0.0, 0.0, 0.0])
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from hadath.ner.neural import FormCache, NeuralModel, marginals, tag_batched, viterbi

__all__ = ["EnsembleModel", "CRFScorer", "CRFWeights", "bio_transitions", "read_crfsuite"]

_FORBIDDEN = -1e4
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])  # 20 bytes
_CACHE_LIMIT = 100_000  # cached token score rows: 100k × 5 × 9 floats (36 MB) at most


def bio_transitions(tags: Sequence[str]) -> np.ndarray:
    """``(tags, tags)`` scores: 0 where a BIO transition is valid, a large negative number where not."""
    out = np.zeros((len(tags), len(tags)))
    for j, tag in enumerate(tags):
        if tag.startswith("I-"):
            for i, prev in enumerate(tags):
                if prev[2:] != tag[2:]:
                    out[i, j] = _FORBIDDEN
    return out


@dataclass(frozen=True)
class CRFWeights:
    """A crfsuite CRF1d model: label and attribute names, state weights ``(attributes, labels)``
    and transition weights ``(labels, labels)``."""

    labels: list[str]
    attributes: list[str]
    state: np.ndarray
    trans: np.ndarray


def _cqdb_strings(data: bytes, offset: int) -> list[str]:
    """The strings of a crfsuite CQDB chunk, by id (from its backward array)."""
    chunk, _size, _flag, _order, count, backward = struct.unpack_from("<4sIIIII", data, offset)
    if chunk != b"CQDB":
        raise ValueError(f"not a crfsuite model (no CQDB chunk at {offset}): retrain with `hadath train ner`")
    out = []
    for ref in struct.unpack_from(f"<{count}I", data, offset + backward):
        (size,) = struct.unpack_from("<I", data, offset + ref + 4)
        out.append(data[offset + ref + 8 : offset + ref + 7 + size].decode("utf-8"))
    return out


def read_crfsuite(path: str | Path) -> CRFWeights:
    """The exact weights of a crfsuite ``crf.model`` file (``Tagger.info()`` rounds them to 6 places)."""
    data = Path(path).read_bytes()
    magic, _size, kind, _version, _n, n_labels, n_attrs, off_feat, off_labels, off_attrs = struct.unpack_from(
        "<4sI4s7I", data, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"{path} is not a crfsuite CRF1d model: retrain with `hadath train ner`")
    chunk, _chunk_size, count = struct.unpack_from("<4sII", data, off_feat)
    features = np.frombuffer(data, dtype=_FEATURE, count=count, offset=off_feat + 12)
    state = np.zeros((n_attrs, n_labels))
    trans = np.zeros((n_labels, n_labels))
    is_state = features["type"] == 0
    np.add.at(state, (features["src"][is_state], features["dst"][is_state]), features["weight"][is_state])
    np.add.at(trans, (features["src"][~is_state], features["dst"][~is_state]), features["weight"][~is_state])
    return CRFWeights(_cqdb_strings(data, off_labels), _cqdb_strings(data, off_attrs), state, trans)


class CRFScorer:
    """The crfsuite CRF's tag scores in numpy, for the features of ``extractor``.

    A token's own features and its context features (seen from each offset of the window) depend
    on its form only, so their summed weights are cached per form; per sentence only the
    word-bigram features are looked up."""

    def __init__(self, weights: CRFWeights, extractor) -> None:  # noqa: ANN001 -- FeatureExtractor
        self.weights = weights
        self.extractor = extractor
        self.index = {a: i for i, a in enumerate(weights.attributes)}
        window = extractor.options.window
        self.offsets = [d for d in range(-window, window + 1) if d]
        self._bound = [self._sum([f"{d}:BOUND"]) for d in self.offsets]
        # context feature -> its (offset group, weight row) pairs, so a form looks each up once
        self._context: dict[str, list[tuple[int, int]]] = {}
        for g, d in enumerate(self.offsets, 1):
            prefix = f"{d}:"
            for name, row in self.index.items():
                if name.startswith(prefix):
                    self._context.setdefault(name[len(prefix) :], []).append((g, row))
        self._cache = FormCache(_CACHE_LIMIT)

    def _sum(self, attributes: Sequence[str]) -> np.ndarray:
        rows = [i for i in map(self.index.get, attributes) if i is not None]
        return self.weights.state[rows].sum(axis=0)

    def _add_forms(self, tokens: set[str]) -> None:
        """Cache the summed weights of each new form's own and context features (one numpy call)."""
        new = self._cache.missing(tokens)
        if not new:
            return
        index, by_context, segments, rows, words = self.index, self._context, [], [], []
        groups = 1 + len(self.offsets)
        for k, token in enumerate(new):
            own, context = self.extractor.token(token, cache=False)  # cached here
            words.append(context[0])
            base = k * groups
            for name in own:
                row = index.get(name)
                if row is not None:
                    segments.append(base)
                    rows.append(row)
            for name in context:
                for g, row in by_context.get(name, ()):
                    segments.append(base + g)
                    rows.append(row)
        sums = np.zeros((len(new) * groups, self.weights.state.shape[1]))
        np.add.at(sums, segments, self.weights.state[rows])
        sums = sums.reshape(len(new), groups, -1)
        self._cache.update(zip(new, zip(sums, words, strict=True), strict=True))

    def emissions(self, sentences: Sequence[Sequence[str]], steps: int) -> np.ndarray:
        """State scores ``(batch, steps, labels)`` of non-empty sentences (crfsuite's feature sums;
        zero past a sentence's end)."""
        self._add_forms({t for s in sentences for t in s})
        lengths = np.array([len(s) for s in sentences])
        rows = np.repeat(np.arange(len(sentences)), lengths)
        pos = np.concatenate([np.arange(n) for n in lengths])
        forms = [self._cache[t] for s in sentences for t in s]
        pad = max(abs(d) for d in self.offsets)
        parts = np.zeros((len(sentences), steps + 2 * pad) + forms[0][0].shape)  # batch, time, group, label
        parts[rows, pos + pad] = np.stack([f[0] for f in forms])
        out = parts[:, pad : pad + steps, 0].copy()
        for k, d in enumerate(self.offsets, 1):  # token i + d's context features, seen from token i
            out += parts[:, pad + d : pad + d + steps, k]
            first = -1 - d  # the token whose offset d falls just before the sentence ...
            if 0 <= first < steps:
                out[lengths > first, first] += self._bound[k - 1]
            if d > 0:  # ... and the tokens whose offset d falls just after it
                ends = np.flatnonzero(lengths >= d)
                out[ends, lengths[ends] - d] += self._bound[k - 1]
        words = [f[1] for f in forms]
        hits, found = [], []
        index = self.index
        for j, (b, i) in enumerate(zip(rows.tolist(), pos.tolist(), strict=True)):
            n = lengths[b]
            prev = words[j - 1] if i else "BOS"
            nxt = words[j + 1] if i + 1 < n else "EOS"
            for key in ("-1|0=" + prev + "|" + words[j], "0|1=" + words[j] + "|" + nxt):
                row = index.get(key)
                if row is not None:
                    hits.append(j)
                    found.append(row)
        self._add_extras(sentences, hits, found, lengths)
        if hits:
            np.add.at(out, (rows[hits], pos[hits]), self.weights.state[found])
        return out

    def _add_extras(self, sentences: Sequence[Sequence[str]], hits: list[int], found: list[int],
                    lengths: np.ndarray) -> None:
        """Append the (flat token index, weight row) pairs of the extractor's sentence-level features."""
        if not self.extractor.has_extras:
            return
        index, start = self.index, 0
        for tokens, n in zip(sentences, lengths.tolist(), strict=True):
            for i, name in self.extractor.extras(tokens):
                row = index.get(name)
                if row is not None:
                    hits.append(start + i)
                    found.append(row)
            start += n


@dataclass
class EnsembleModel:
    """``weight`` × BiLSTM posteriors + (1 − ``weight``) × CRF posteriors."""

    neural: NeuralModel
    crf: object  # hadath.ner.crf.NerModel
    weight: float = 0.5

    def __post_init__(self) -> None:
        self.tags = self.neural.tags
        self.info = {"kind": "ensemble", "weight": self.weight}
        self._trans = bio_transitions(self.tags)
        self._start = np.array([_FORBIDDEN if t.startswith("I-") else 0.0 for t in self.tags])
        path = getattr(self.crf, "path", None)
        self.scorer = CRFScorer(read_crfsuite(path), self.crf.extractor) if path else None
        if self.scorer is not None:
            labels = self.scorer.weights.labels
            self._columns = np.array([labels.index(t) if t in labels else -1 for t in self.tags])
            self._known = self._columns >= 0

    def _crf_marginals(self, tokens: Sequence[str]) -> np.ndarray:
        """Per-token tag posteriors from crfsuite itself (for a CRF without a model file)."""
        tagger = self.crf.tagger
        tagger.set(self.crf.extractor.sentence(tokens))
        known = set(tagger.labels())
        return np.array([[tagger.marginal(tag, t) if tag in known else 0.0 for tag in self.tags]
                         for t in range(len(tokens))])

    def _crfsuite_marginals(self, sentences: Sequence[Sequence[str]], steps: int) -> np.ndarray:
        out = np.zeros((len(sentences), steps, len(self.tags)))
        for b, tokens in enumerate(sentences):
            out[b, : len(tokens)] = self._crf_marginals(tokens)
        return out

    def posteriors(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """The averaged tag posteriors ``(batch, time, tags)`` of non-empty sentences, and their lengths."""
        w = self.neural.w
        scores, lengths = self.neural.emissions(sentences)
        if self.scorer is None:
            probs = self.weight * marginals(scores, lengths, w["trans"], w["start"], w["end"])
            probs += (1 - self.weight) * self._crfsuite_marginals(sentences, scores.shape[1])
            return probs, lengths
        cols, known = self._columns, self._known
        crf = self.scorer.emissions(sentences, scores.shape[1])
        if not known.all() or len(cols) != crf.shape[2]:  # other label sets: the CRF's posteriors apart
            probs = self.weight * marginals(scores, lengths, w["trans"], w["start"], w["end"])
            zero = np.zeros(crf.shape[2])
            crf_probs = marginals(crf, lengths, self.scorer.weights.trans, zero, zero)
            probs[:, :, known] += (1 - self.weight) * crf_probs[:, :, cols[known]]
            return probs, lengths
        # the same labels: both models' forward-backward in one pass, in the BiLSTM's tag order
        zero = np.zeros(len(self.tags))
        both = marginals(np.stack([scores.astype(np.float64), crf[:, :, cols]]), lengths,
                         np.stack([w["trans"], self.scorer.weights.trans[np.ix_(cols, cols)]]),
                         np.stack([w["start"], zero]), np.stack([w["end"], zero]))
        probs = self.weight * both[0]
        probs += (1 - self.weight) * both[1]
        return probs, lengths

    def tag_many(self, sentences: Sequence[Sequence[str]], batch: int = 64) -> list[list[str]]:
        return tag_batched(sentences, self.tags, self._paths, batch)

    def _paths(self, sentences: Sequence[Sequence[str]]) -> list[list[int]]:
        probs, lengths = self.posteriors(sentences)
        return viterbi(np.log(probs + 1e-9), lengths, self._trans, self._start, np.zeros(len(self.tags)))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        return self.tag_many([tokens])[0] if tokens else []
