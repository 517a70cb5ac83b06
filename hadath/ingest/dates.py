"""Dates from metadata fields, normalised to ``YYYY-MM-DD``.

>>> normalize_date("2015-07-21 02:51:35")
'2015-07-21'
>>> normalize_date("Tue, 21 Jul 2015 02:51:35 +0300")
'2015-07-21'
>>> normalize_date("21/07/2015")
'2015-07-21'
>>> normalize_date("yesterday") is None
True
"""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime

__all__ = ["normalize_date"]

_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def normalize_date(value: object) -> str | None:
    """``YYYY-MM-DD`` for an ISO/RFC 2822/``DD/MM/YYYY`` string, a datetime, a
    ``time.struct_time`` or epoch seconds; ``None`` when it cannot be read."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, time.struct_time):
        return _valid(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, int | float):
        if 0 < value < 1e11:  # seconds since 1970
            return datetime.fromtimestamp(value).date().isoformat()
        return None
    if not isinstance(value, str):
        return None
    return _parse_string(value.strip().translate(_EASTERN_DIGITS))


def _parse_string(text: str) -> str | None:
    if not text:
        return None
    match = _YMD.search(text)
    if match:
        return _valid(*(int(g) for g in match.groups()))
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    match = _DMY.search(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return _valid(year, month, day) or _valid(year, day, month)
    return None
