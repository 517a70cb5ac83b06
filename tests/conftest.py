"""Fixtures shared by the test files.

``shared_dir`` is ``../shared`` beside the repository (the project's third-party data); tests that
need it skip with the reason when it is absent, as in a user's fresh clone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared``, with SaudiNewsNet in it; skips the test when it is absent."""
    if not (SHARED / "data" / "saudinewsnet" / "dataset").is_dir():
        pytest.skip("../shared/data/saudinewsnet is absent (no shared data beside the clone)")
    return SHARED


@pytest.fixture(scope="session")
def actor_pipeline():
    """Segmenter → lexicon recogniser → ActorCoder: the actor stage on hand-written text, without the
    trained tagger (whose guesses would move the expected codes)."""
    from hadath.actors import ActorCoder
    from hadath.ner.lexicon import LexiconRecognizer
    from hadath.pipeline import Pipeline, Segmenter

    return Pipeline([Segmenter(), LexiconRecognizer(), ActorCoder()])


@pytest.fixture(scope="session")
def coded_actors(actor_pipeline):
    """``code(text, date=None)`` → {actor surface: (code, sector)} for the actors of ``text``."""
    from hadath.model import Document

    def code(text: str, date: str | None = None) -> dict[str, tuple[str | None, str | None]]:
        doc = actor_pipeline(Document(doc_id="t", text=text, source="t", date=date))
        return {a.entity_text: (a.code, a.sector) for a in doc.actors}

    return code
