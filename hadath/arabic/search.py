"""Search keys: Arabic words matched as people type them.

A word is normalised (alef, ya and ta marbuta variants, no diacritics or
tatweel), then light-stemmed the way Arabic information retrieval usually
does it (after Larkey, Ballesteros and Connell's "light10": strip ``و``, the
article with its prepositions, and common suffixes; no root extraction).
PyStemmer's Snowball Arabic was tried first and rejected: it reads the ``ف``
of ``فلسطينية`` as a conjunction and keys it as ``لسط``.

The index side stores, for each word, its key and the key of the word with a
leading preposition (``ب ل ك ف``) removed, so ``بغزة`` is found by ``غزة``;
the query side uses one key per word, so a query never widens itself.

>>> query_keys("الفلسطينيين")
['فلسطين']
>>> "غز" in index_keys("وقصفت بغزة")
True
>>> query_keys("غزة") == query_keys("غزه")
True
>>> query_keys("المتظاهرون") == query_keys("والمتظاهرين")
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from hadath.arabic.normalize import normalize

__all__ = ["light_stem", "index_keys", "query_keys", "fts_match"]

_WORD = re.compile(r"[\w]+", re.UNICODE)
_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
_PREPOSITIONS = ("ب", "ل", "ك", "ف")


def light_stem(word: str) -> str:
    """Light stem of one normalised word (Latin words are lower-cased, digits kept).

    >>> light_stem("والحكومات")
    'حكوم'
    >>> light_stem("Reuters")
    'reuters'
    """
    if not word or not ("\u0600" <= word[0] <= "\u06ff"):
        return word.lower()
    if word.startswith("و") and len(word) > 3:
        word = word[1:]
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            word = word[len(article):]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
    return word


def _words(text: str) -> list[str]:
    return _WORD.findall(normalize(text))


def index_keys(text: str) -> list[str]:
    """Keys to index for ``text``: each word's light stem, its stem without a preposition, and
    without the past tense's feminine ``ت`` (``قصفت`` is found by ``قصف``).

    >>> index_keys("قصفت")
    ['قصفت', 'قصف']
    """
    keys: list[str] = []
    for word in _words(text):
        keys += _word_keys(word)
    return keys


@lru_cache(maxsize=100_000)
def _word_keys(word: str) -> tuple[str, ...]:
    """The index keys of one normalised word (cached: the store indexes every event's text)."""
    stem = light_stem(word)
    keys = [stem]
    if word[:1] in _PREPOSITIONS and len(word) >= 4 and not word.startswith(_ARTICLES):
        keys.append(light_stem(word[1:]))
    if stem.endswith("ت") and len(stem) >= 4:
        keys.append(stem[:-1])
    return tuple(keys)


def query_keys(query: str) -> list[str]:
    """One key per word of the query."""
    return [light_stem(word) for word in _words(query)]


def fts_match(query: str) -> str | None:
    """An SQLite FTS5 MATCH expression requiring every query word, or None for an empty query.

    >>> fts_match('قصف "غزة"')
    '"قصف" AND "غز"'
    """
    keys = [k.replace('"', "") for k in query_keys(query)]
    keys = [k for k in keys if k]
    return " AND ".join(f'"{k}"' for k in keys) if keys else None
