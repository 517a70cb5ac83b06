"""Boilerplate markers and date words, loaded by name from ``hadath/data/clean/``.

>>> p = load_patterns()
>>> line_key("  • إقرأ أيضاً:") in p.related_headings
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

__all__ = ["Patterns", "load_patterns", "line_key", "DATA_DIR"]

DATA_DIR = Path(str(resources.files("hadath") / "data" / "clean"))

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_EDGE = re.compile(r"^[\s\W\d_]+|[\s\W_]+$")
_SPACES = re.compile(r"\s+")
_KEY_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def line_key(line: str) -> str:
    """A comparison key for a short line: no diacritics, bullets or end punctuation.

    Only for matching; cleaned text keeps the original letters.

    >>> line_key("• مقالاتٌ مشابهة :")
    'مقالات مشابهه'
    """
    key = _DIACRITICS.sub("", line).translate(_KEY_MAP)
    key = _EDGE.sub("", key)
    return _SPACES.sub(" ", key).lower()


@dataclass(frozen=True)
class Patterns:
    """Compiled boilerplate markers (see ``boilerplate.yaml``)."""

    related_headings: frozenset[str]
    debris: frozenset[str]
    line_patterns: tuple[tuple[str, re.Pattern[str]], ...]
    source_line: re.Pattern[str]
    byline: re.Pattern[str]
    not_name_words: frozenset[str]
    credits: frozenset[str]
    outlets: frozenset[str]
    months: dict[str, int]


def _read_yaml(name: str, base: Path) -> dict:
    path = base / f"{name}.yaml"
    if not path.exists():
        raise FileNotFoundError(f"{path}: boilerplate data file missing; reinstall hadath or pass base=")
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=8)
def load_patterns(name: str = "boilerplate", dates: str = "dates", base: Path = DATA_DIR) -> Patterns:
    """Load and compile the marker file ``name`` and month names ``dates``."""
    data = _read_yaml(name, base)
    months = {}
    for number, names in _read_yaml(dates, base)["months"].items():
        for month in names:
            months[line_key(month)] = int(number)
    flags = re.IGNORECASE
    return Patterns(
        related_headings=frozenset(line_key(x) for x in data["related_headings"]),
        debris=frozenset(line_key(x) for x in data["debris"]),
        line_patterns=tuple((p["name"], re.compile(p["regex"], flags)) for p in data["line_patterns"]),
        source_line=re.compile(data["source_line"], flags),
        byline=re.compile(data["byline"], flags),
        not_name_words=frozenset(line_key(x) for x in data["not_name_words"]),
        credits=frozenset(line_key(x) for x in data["credits"]),
        outlets=frozenset(line_key(x) for x in data["outlets"]),
        months=months,
    )
