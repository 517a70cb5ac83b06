"""Exact-span precision, recall and F1 per type and micro-averaged (the conlleval logic).

>>> s = score([["B-PERS", "I-PERS", "O"]], [["B-PERS", "O", "O"]])
>>> (s.micro.tp, s.micro.fp, s.micro.fn)
(0, 1, 1)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hadath.ner.conll import bio_spans

__all__ = ["Counts", "Scores", "score", "format_scores"]


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.tp + self.fn,
        }


@dataclass(frozen=True)
class Scores:
    by_type: dict[str, Counts]
    micro: Counts

    def as_dict(self) -> dict[str, dict[str, float | int]]:
        out = {label: c.as_dict() for label, c in sorted(self.by_type.items())}
        out["micro"] = self.micro.as_dict()
        return out


def score(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> Scores:
    """Scores of predicted BIO sequences against gold ones (same sentences, same lengths)."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold sentences but {len(pred)} predicted: tag the same file")
    counts: dict[str, list[int]] = {}
    for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
        if len(g) != len(p):
            raise ValueError(f"sentence {i}: {len(g)} gold tags but {len(p)} predicted")
        gold_spans, pred_spans = set(bio_spans(g)), set(bio_spans(p))
        for label, _, _ in gold_spans | pred_spans:
            counts.setdefault(label, [0, 0, 0])
        for span in gold_spans & pred_spans:
            counts[span[0]][0] += 1
        for span in pred_spans - gold_spans:
            counts[span[0]][1] += 1
        for span in gold_spans - pred_spans:
            counts[span[0]][2] += 1
    by_type = {label: Counts(*c) for label, c in counts.items()}
    micro = Counts(*(sum(c[k] for c in counts.values()) for k in range(3)))
    return Scores(by_type, micro)


def format_scores(scores: Scores) -> str:
    """A table: type, precision, recall, F1, support; micro last."""
    lines = [f"{'type':<8}{'prec':>8}{'rec':>8}{'f1':>8}{'support':>9}"]
    for label, row in scores.as_dict().items():
        lines.append(
            f"{label:<8}{row['precision']:>8.4f}{row['recall']:>8.4f}{row['f1']:>8.4f}{row['support']:>9}"
        )
    return "\n".join(lines)
