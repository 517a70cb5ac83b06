"""Helpers shared by the evaluation commands."""

from __future__ import annotations

import os
from pathlib import Path

from hadath.model import Document, stable_id
from hadath.pipeline import Pipeline

__all__ = ["default_shared_dir", "code_text", "require_shared"]


def default_shared_dir() -> Path:
    """``$HADATH_SHARED``, else the NER trainer's default (``../shared/data`` beside the repository)."""
    from hadath.ner.datasets import default_shared_dir as beside_repository

    return Path(os.environ["HADATH_SHARED"]) if os.environ.get("HADATH_SHARED") else beside_repository()


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
