"""Ensemble of the BiLSTM-CRF and the crfsuite CRF: averaged tag posteriors, BIO-constrained decoding.

Each model gives per-token tag posteriors (forward-backward); the ensemble takes
their weighted mean and decodes the best path that is valid BIO (no ``I-X``
after anything but ``B-X``/``I-X``).

>>> allowed = bio_transitions(["O", "B-PERS", "I-PERS"])
>>> allowed[0].tolist(), allowed[1].tolist()
([0.0, 0.0, -10000.0], [0.0, 0.0, 0.0])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from hadath.ner.neural import NeuralModel, marginals, viterbi

__all__ = ["EnsembleModel", "bio_transitions"]

_FORBIDDEN = -1e4


def bio_transitions(tags: Sequence[str]) -> np.ndarray:
    """``(tags, tags)`` scores: 0 where a BIO transition is valid, a large negative number where not."""
    out = np.zeros((len(tags), len(tags)))
    for j, tag in enumerate(tags):
        if tag.startswith("I-"):
            for i, prev in enumerate(tags):
                if prev[2:] != tag[2:]:
                    out[i, j] = _FORBIDDEN
    return out


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

    def _crf_marginals(self, tokens: Sequence[str]) -> np.ndarray:
        tagger = self.crf.tagger
        tagger.set(self.crf.extractor.sentence(tokens))
        known = set(tagger.labels())
        return np.array([[tagger.marginal(tag, t) if tag in known else 0.0 for tag in self.tags]
                         for t in range(len(tokens))])

    def tag_many(self, sentences: Sequence[Sequence[str]], batch: int = 64) -> list[list[str]]:
        out: list[list[str]] = [[] for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        w = self.neural.w
        for k in range(0, len(order), batch):
            ids = order[k : k + batch]
            scores, lengths = self.neural.emissions([sentences[i] for i in ids])
            probs = self.weight * marginals(scores, lengths, w["trans"], w["start"], w["end"])
            for b, i in enumerate(ids):
                probs[b, : lengths[b]] += (1 - self.weight) * self._crf_marginals(sentences[i])
            paths = viterbi(np.log(probs + 1e-9), lengths, self._trans, self._start, np.zeros(len(self.tags)))
            for i, path in zip(ids, paths, strict=True):
                out[i] = [self.tags[p] for p in path]
        return out

    def tag(self, tokens: Sequence[str]) -> list[str]:
        return self.tag_many([tokens])[0] if tokens else []
