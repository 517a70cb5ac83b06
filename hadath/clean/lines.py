"""Classify one line of a page: prose, boilerplate, a "read also" heading, a credit.

>>> from hadath.clean.patterns import load_patterns
>>> p = load_patterns()
>>> classify("[ad_1]", p).kind, classify("[ad_1]", p).reason
('drop', 'ad_marker')
>>> classify("إقرأ أيضاً:", p).kind
'related'
>>> classify("المصدر: صحيفة عاجل", p).value
'صحيفة عاجل'
>>> classify("قالت الولايات المتحدة إنها تأمل في حل.", p).kind
'body'
"""

from __future__ import annotations

from dataclasses import dataclass

from hadath.clean.metadata import source_outlet
from hadath.clean.patterns import Patterns, line_key
from hadath.clean.text import BULLET, word_count

__all__ = ["LineInfo", "classify", "inline_related"]

_SHORT_KEY = 8  # words: longer lines are never compared against the phrase lists


@dataclass(frozen=True)
class LineInfo:
    """A line and what it is: ``body``, ``drop`` (``reason`` says why), ``related``
    (a heading that opens a list of other stories) or ``source`` (``value`` = outlet)."""

    text: str
    kind: str
    reason: str = ""
    value: str = ""

    @property
    def bullet(self) -> bool:
        return bool(BULLET.match(self.text))


def inline_related(line: str, patterns: Patterns) -> bool:
    """"اقرأ أيضاً: عنوان قصة أخرى" — a heading and one teaser on the same line."""
    head, sep, rest = line.partition(":")
    if not sep:
        head, sep, rest = line.partition("：")
    return bool(sep and rest.strip()) and line_key(head) in patterns.related_headings


def classify(line: str, patterns: Patterns) -> LineInfo:
    """What ``line`` is, judged from the line alone (context is applied later)."""
    words = word_count(line)
    if words <= _SHORT_KEY:
        key = line_key(line)
        if not any(ch.isalnum() for ch in line):
            return LineInfo(line, "drop", "separator")
        if key in patterns.related_headings:
            return LineInfo(line, "related", "related_heading")
        if key in patterns.debris:
            return LineInfo(line, "drop", "debris")
        outlet = source_outlet(line, patterns)
        if outlet is not None:
            return LineInfo(line, "source", "source", outlet)
    if words <= 40:
        if inline_related(line, patterns):
            return LineInfo(line, "drop", "read_also")
        for name, regex in patterns.line_patterns:
            if regex.search(line):
                return LineInfo(line, "drop", name)
    return LineInfo(line, "body")
