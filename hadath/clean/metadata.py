"""Metadata found in an article's own lines: dates, bylines, trailing names, outlets.

>>> from hadath.clean.patterns import load_patterns
>>> p = load_patterns()
>>> find_date("الأحد 15 تموز 2015", p)
'2015-07-15'
>>> find_date("نشر في 2023-08-09 10:00", p)
'2023-08-09'
>>> byline_name("كتب: محمد علي", p)
'محمد علي'
>>> is_name_line("دومينيكا نوابوفو", p)
True
>>> is_name_line("والله الموفق", p)
False
"""

from __future__ import annotations

import re

from hadath.clean.patterns import Patterns, line_key

__all__ = ["find_date", "date_span", "byline_name", "is_name_line", "source_outlet", "dateline_name"]

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d\d)(?!\d)")
_WORDY = re.compile(
    r"(?<!\d)(\d{1,2})\s+(?:من\s+)?([^\W\d_]+(?:\s+[^\W\d_]+)?)\s*[،,]?\s+((?:19|20)\d\d)(?!\d)"
)
_ARABIC_WORD = re.compile(r"^[\u0621-\u064a\u0671-\u06d3]+$")
_NOT_NAME_PREFIXES = ("وال", "بال", "فال", "كال", "لل")
_VERB_PREFIXES = ("وأ", "وإ", "وا", "وت", "وي", "ون")
_DATELINE = re.compile(
    r"^(?P<name>[^\d:،.,]{2,40}?)\s*[ـ–—-]\s*(?:\S+\s*[ـ–—-]\s*)?(?P<place>[^\d:،.,]{2,20})$"
)


def _iso(year: str, month: int, day: str) -> str | None:
    d = int(day)
    if 1 <= month <= 12 and 1 <= d <= 31:
        return f"{int(year):04d}-{month:02d}-{d:02d}"
    return None


def date_span(line: str, patterns: Patterns) -> tuple[str, int, int] | None:
    """The first date in ``line`` as (YYYY-MM-DD, start, end), or ``None``."""
    text = line.translate(_DIGITS)
    for m in _WORDY.finditer(text):
        words = m.group(2)
        month = patterns.months.get(line_key(words)) or patterns.months.get(line_key(words.split()[0]))
        if month:
            value = _iso(m.group(3), month, m.group(1))
            if value:
                return value, m.start(), m.end()
    m = _ISO.search(text)
    if m and (value := _iso(m.group(1), int(m.group(2)), m.group(3))):
        return value, m.start(), m.end()
    m = _DMY.search(text)
    if m and (value := _iso(m.group(3), int(m.group(2)), m.group(1))):
        return value, m.start(), m.end()
    return None


def find_date(line: str, patterns: Patterns) -> str | None:
    """The first Arabic-month or numeric date in ``line`` as YYYY-MM-DD."""
    found = date_span(line, patterns)
    return found[0] if found else None


def byline_name(line: str, patterns: Patterns, max_words: int = 4) -> str | None:
    """The name in a byline line ("كتب: …", "بقلم …"), or ``None``."""
    m = patterns.byline.match(line)
    if not m:
        return None
    name = m.group("name").strip(" -ـ")
    return name if 1 <= len(name.split()) <= max_words else None


def is_name_line(line: str, patterns: Patterns) -> bool:
    """A lone 2–3-word Arabic line that reads as a personal name (a trailing byline)."""
    words = line.split()
    if not 2 <= len(words) <= 3 or not all(_ARABIC_WORD.match(w) for w in words):
        return False
    if any(line_key(w) in patterns.not_name_words for w in words):
        return False
    if words[0].startswith(_VERB_PREFIXES) or any(w.startswith("ال") for w in words[:-1]):
        return False
    if line_key(line) in patterns.outlets:
        return False
    return not any(w.startswith(_NOT_NAME_PREFIXES) for w in words)


def source_outlet(line: str, patterns: Patterns) -> str | None:
    """"المصدر: صحيفة عاجل" → "صحيفة عاجل" (wire credits such as "وكالات" → "")."""
    m = patterns.source_line.match(line)
    if not m:
        return None
    outlet = m.group("outlet").strip(" .،,")
    if len(outlet.split()) > 5:
        return None
    return "" if line_key(outlet) in patterns.credits else outlet


def dateline_name(line: str, patterns: Patterns) -> str | None:
    """"طلال عبدالله ـ جدة" → "طلال عبدالله"; "" when the credit is not a person."""
    if len(line.split()) > 6:
        return None
    m = _DATELINE.match(line)
    if not m:
        return None
    name = m.group("name").strip()
    if any(line_key(side.strip()) in patterns.outlets for side in (name, m.group("place"))):
        other = m.group("place").strip() if line_key(name) in patterns.outlets else name
        return other if is_name_line(other, patterns) else ""
    return name if 2 <= len(name.split()) <= 3 and is_name_line(name, patterns) else ""
