"""Dates and counts found around a trigger.

>>> from hadath.arabic.tokens import tokenize
>>> from hadath.events.lexicon import load_default
>>> cues = load_default().cues
>>> resolve_date(tokenize("زار الوزير نيامي يوم الثلاثاء"), "2023-08-10", cues)
('2023-08-08', 'weekday')
>>> count_near(tokenize("مقتل عشرة أشخاص وإصابة 5 آخرين"), cues)
(10, 5, None)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hadath.events.lexicon import Cues
from hadath.model import Token

__all__ = ["resolve_date", "parse_number", "count_near", "bare_word"]


def _parse_pub(date: str | None) -> dt.date | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10])
    except ValueError:
        return None


def bare_word(tok: Token) -> str:
    """The token without its clitics: its shortest stem candidate (``بالهجوم`` -> ``هجوم``).

    >>> from hadath.arabic.tokens import tokenize
    >>> bare_word(tokenize("بالهجوم")[0])
    'هجوم'
    """
    return tok.stems[-1] if tok.stems else tok.norm


def _explicit(tokens: Sequence[Token], i: int, cues: Cues, pub: dt.date | None) -> dt.date | None:
    """``22 يوليو 2015`` / ``5 أغسطس`` with the month at ``i``."""
    if i == 0 or not tokens[i - 1].norm.isdigit():
        return None
    nxt = i + 1
    month = None
    if i + 1 < len(tokens):  # two-word months: كانون الثاني
        month = cues.months.get(tokens[i].norm + " " + tokens[i + 1].norm)
        nxt = i + 2
    if month is None:
        month = cues.months.get(tokens[i].norm) or cues.months.get(bare_word(tokens[i]))
        nxt = i + 1
    if month is None:
        return None
    day = int(tokens[i - 1].norm)
    year = None
    if nxt < len(tokens) and tokens[nxt].norm.isdigit() and len(tokens[nxt].norm) == 4:
        year = int(tokens[nxt].norm)
    elif pub is not None:
        year = pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve_date(tokens: Sequence[Token], pub_date: str | None, cues: Cues) -> tuple[str | None, str]:
    """The event date from the text relative to ``pub_date``; ``(date, how)``.

    Weekdays resolve to the most recent such day on or before publication;
    ``الشهر الماضي`` to the first of the previous month (how = ``month``).
    """
    pub = _parse_pub(pub_date)
    for i in range(len(tokens)):
        found = _explicit(tokens, i, cues, pub)
        if found is not None:
            return found.isoformat(), "explicit"
    if pub is None:
        return None, "none"
    for i, tok in enumerate(tokens):
        word = bare_word(tok) if tok.norm not in cues.weekdays else tok.norm
        for form in (tok.norm, word, "ال" + word):
            if form in cues.weekdays:
                back = (pub.weekday() - cues.weekdays[form]) % 7
                return (pub - dt.timedelta(days=back)).isoformat(), "weekday"
        if tok.norm in cues.relative_days or word in cues.relative_days:
            delta = cues.relative_days.get(tok.norm, cues.relative_days.get(word, 0))
            return (pub + dt.timedelta(days=delta)).isoformat(), "relative"
        if word in ("شهر", "الشهر") and i + 1 < len(tokens) and tokens[i + 1].norm == "الماضي":
            first = (pub.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
            return first.isoformat(), "month"
    return pub.isoformat(), "publication"


def parse_number(tok: Token, cues: Cues) -> int | None:
    """Digits or an Arabic number word (``عشرة``, ``آلاف``).

    >>> from hadath.arabic.tokens import tokenize
    >>> parse_number(tokenize("آلاف")[0], load_default_cues())
    1000
    """
    text = tok.norm.replace(",", "").replace("٬", "")
    if text.isdigit():
        return int(text)
    for form in tok.stems or (tok.norm,):
        if form in cues.numbers:
            return cues.numbers[form]
    return None


def load_default_cues() -> Cues:
    from hadath.events.lexicon import load_default

    cues = load_default().cues
    assert cues is not None
    return cues


def _near(tokens: Sequence[Token], i: int, words: frozenset[str], span: int) -> bool:
    lo, hi = max(0, i - span), min(len(tokens), i + span + 1)
    return any(s in words for t in tokens[lo:hi] for s in t.stems)


def count_near(tokens: Sequence[Token], cues: Cues) -> tuple[int | None, int | None, int | None]:
    """``(dead, injured, size)`` from numbers next to death/injury/crowd words."""
    dead = injured = size = None
    for i, tok in enumerate(tokens):
        value = parse_number(tok, cues)
        if value is None or (tok.norm.isdigit() and len(tok.norm) == 4 and 1900 < value < 2100):
            continue
        if dead is None and _near(tokens, i, cues.sets["dead_words"], 2):
            dead = value
        elif injured is None and _near(tokens, i, cues.sets["injured_words"], 2):
            injured = value
        elif size is None and _near(tokens, i, cues.sets["size_words"], 1):
            size = value
    return dead, injured, size
