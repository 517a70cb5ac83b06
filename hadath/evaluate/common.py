"""Helpers shared by the evaluation commands."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from hadath.model import Document, stable_id
from hadath.pipeline import Pipeline

__all__ = ["PRF", "default_shared_dir", "code_text", "require_shared"]


@dataclass
class PRF:
    """Counts of true positives, false positives and false negatives.

    >>> PRF(8, 2, 2).f1
    0.8
    """

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
        return round(2 * p * r / (p + r), 4) if p + r else 0.0

    def add(self, predicted: bool, gold: bool) -> None:
        if predicted and gold:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1


def default_shared_dir() -> Path:
    """``$HADATH_SHARED`` or ``../shared/data`` from the current directory."""
    return Path(os.environ.get("HADATH_SHARED", Path.cwd().parent / "shared" / "data"))


class SharedDataMissing(FileNotFoundError):
    """The evaluation data is not where we looked."""


def require_shared(path: Path) -> Path:
    if not path.exists():
        raise SharedDataMissing(
            f"{path} not found: evaluation needs the project's shared data; "
            "pass --shared PATH (the folder holding arabic-event-gsr-dev/) or set HADATH_SHARED"
        )
    return path


def code_sentence(pipeline: Pipeline, text: str, date: str | None, key: str) -> Document:
    """Run the pipeline on one sentence as a mini-document (no cleaning)."""
    doc = Document(doc_id=stable_id("eval", key), text=text, source=key, date=date)
    return pipeline(doc)


def code_text(code: str | None, sector: str | None) -> str:
    """The gold files' "COUNTRY SECTOR" form, with None for a missing part.

    >>> code_text("USA", None)
    'USA None'
    """
    return f"{code or 'None'} {sector or 'None'}"
