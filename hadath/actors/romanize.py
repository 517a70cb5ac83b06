"""English spellings of Arabic person names.

Uses the ``arabic-name-romanizer`` package (offline: its name dictionary and
rules; its neural fallback is not loaded, to keep coding fast) and falls back
to a small letter map of our own when the package is not installed.

>>> romanize("محمد بازوم")
'Mohamed Bazoum'
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["romanize", "simple_romanize"]

# source: own (a plain, reversible-enough letter map; vowels are guessed from long letters only)
_LETTERS = {
    "ا": "a",
    "أ": "a",
    "إ": "i",
    "آ": "a",
    "ء": "",
    "ؤ": "u",
    "ئ": "i",
    "ب": "b",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "ة": "a",
    "و": "o",
    "ي": "i",
    "ى": "a",
}


def simple_romanize(name: str) -> str:
    """Letter-by-letter romanisation, each word capitalised.

    >>> simple_romanize("نولاند")
    'Noland'
    """
    words = ("".join(_LETTERS.get(ch, "") for ch in word) for word in name.split())
    return " ".join(w.capitalize() for w in words if w)


@lru_cache(maxsize=1)
def _transliterator():
    try:
        from arabic_name_romanizer import Transliterator
    except ImportError:  # optional at run time: the letter map still gives a name
        return None
    return Transliterator(auto_load_model=False)


@lru_cache(maxsize=20_000)
def romanize(name: str) -> str:
    """The most likely English spelling of an Arabic person name."""
    tr = _transliterator()
    if tr is None:
        return simple_romanize(name)
    result = tr.transliterate(name)
    text = result[0] if isinstance(result, list) and result else result
    text = getattr(text, "text", text)
    return str(text) if text else simple_romanize(name)


@lru_cache(maxsize=50_000)
def is_name_word(word: str) -> bool:
    """Whether ``word`` is attested as a personal-name unit (in the romaniser's name dictionary).

    Without the package, a word that does not start with a proclitic letter counts.
    """
    tr = _transliterator()
    if tr is None or getattr(tr, "index", None) is None:
        return word[:1] not in "وفبلك"
    from arabic_name_romanizer.normalize import lookup_key, normalize_arabic

    return bool(tr.index.lookup_unit(lookup_key(normalize_arabic(word))))
