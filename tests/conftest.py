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
