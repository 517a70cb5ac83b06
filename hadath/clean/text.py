"""Whitespace clean-up and shape tests for lines of an article (no letter changes).

>>> split_lines("  سطر\u00a0 أول \\r\\n\\n\u200fسطر ثان ")
['سطر أول', 'سطر ثان']
>>> is_headline("الولايات المتحدة تعزز علاقاتها مع طاجيكستان")
True
>>> is_headline("وقعت الولايات المتحدة اتفاقيات مع طاجيكستان.")
False
"""

from __future__ import annotations

import re

__all__ = [
    "split_lines",
    "word_count",
    "ends_sentence",
    "is_headline",
    "is_paragraph",
    "arabic_share",
    "sentence_count",
    "BULLET",
]

_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_SPACE_RUN = re.compile(r"\s+")
_TERMINAL = ".!?؟…:؛"
_SENTENCE_END = re.compile(r"[.!?؟…]+(?=\s|$)")
_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f]")
_OTHER_LETTER = re.compile("[^\\W\\d_\u0600-\u06ff\u0750-\u077f]")
BULLET = re.compile(r"^[•·●▪■◦○►▶◆*\-–—]\s*")


def split_lines(content: str) -> list[str]:
    """Non-empty lines, stripped, with whitespace runs (NBSP etc.) collapsed."""
    out = []
    for line in _INVISIBLE.sub("", content).splitlines():
        line = _SPACE_RUN.sub(" ", line).strip()
        if line:
            out.append(line)
    return out


def word_count(line: str) -> int:
    return len(line.split())


def ends_sentence(line: str) -> bool:
    """Whether the line ends with sentence punctuation (allowing closing quotes)."""
    tail = line.rstrip("»”\"')]} ")
    return bool(tail) and tail[-1] in _TERMINAL


def is_headline(line: str, max_words: int = 25) -> bool:
    """A short line without final punctuation, shaped like a title."""
    words = word_count(line)
    return 2 <= words <= max_words and len(line) <= 200 and not ends_sentence(line)


def is_paragraph(line: str, min_words: int = 15) -> bool:
    """A line long enough to be real article prose."""
    return word_count(line) >= min_words


def sentence_count(text: str) -> int:
    """Rough sentence count: sentence-final marks, plus an unterminated tail.

    >>> sentence_count("جملة أولى. جملة ثانية")
    2
    """
    marks = len(_SENTENCE_END.findall(text))
    return marks + (0 if ends_sentence(text) else 1) if text.strip() else 0


def arabic_share(text: str) -> float:
    """Share of letters that are Arabic script (1.0 when there are no letters).

    >>> arabic_share("abc نص")
    0.4
    """
    sample = text[:4000]
    arabic = len(_ARABIC_LETTER.findall(sample))
    other = len(_OTHER_LETTER.findall(sample))
    return arabic / (arabic + other) if arabic + other else 1.0
