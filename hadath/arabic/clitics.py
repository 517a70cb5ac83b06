"""Clitic segmentation for look-ups.

Arabic attaches conjunctions (و ف), prepositions (ب ل ك), the article (ال)
and the future marker (س) in front of words, and pronouns after them.  For
matching a word against a lexicon we generate the candidate stems a word can
have; the lexicon decides which one is a word it knows.

>>> stems("والولايات")
('والولايات', 'الولايات', 'ولايات')
>>> stems("ورئيسها")[-1]
'رييس'
>>> stems("للرئيس")[-1]
'رييس'
"""

from __future__ import annotations

from functools import lru_cache

from hadath.arabic.normalize import normalize, strip_diacritics

__all__ = ["stems", "strip_article", "PROCLITIC_CONJ", "PROCLITIC_PREP", "PRONOUN_SUFFIXES"]

PROCLITIC_CONJ = ("و", "ف")
PROCLITIC_PREP = ("ب", "ل", "ك")
PRONOUN_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك", "ي")
_MIN_STEM = 2


def strip_article(word: str) -> str:
    """Drop a leading ال (or the لل that ل + ال makes) from a normalised word."""
    if word.startswith("ال") and len(word) - 2 >= _MIN_STEM:
        return word[2:]
    return word


def _prefix_variants(word: str) -> list[str]:
    out = [word]
    bases = [word]
    if word[:1] in PROCLITIC_CONJ and len(word) - 1 >= _MIN_STEM + 1:
        bases.append(word[1:])
    for base in list(bases):
        if base.startswith("لل") and len(base) - 2 >= _MIN_STEM:
            # ل + ال: "للرئيس" -> "الرئيس" -> "رئيس"
            bases.append("ال" + base[2:])
        elif base[:1] in PROCLITIC_PREP and len(base) - 1 >= _MIN_STEM + 1:
            bases.append(base[1:])
    for base in bases:
        if base not in out:
            out.append(base)
        bare = strip_article(base)
        if bare not in out:
            out.append(bare)
    return out


def _suffix_variants(word: str, ta_marbuta: bool) -> list[str]:
    out: list[str] = []
    if word.startswith("ال"):
        return out  # the article and a pronoun suffix do not co-occur
    for suffix in PRONOUN_SUFFIXES:
        if ta_marbuta and suffix == "ه":
            continue
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM + 1:
            stem = word[: -len(suffix)]
            out.append(stem)
            # A ta marbuta becomes ta before a suffix: حكومتها -> حكومه
            if stem.endswith("ت"):
                out.append(stem[:-1] + "ه")
    return out


@lru_cache(maxsize=200_000)
def stems(token: str) -> tuple[str, ...]:
    """Candidate matching forms of ``token``: its normalised form first, then
    forms with proclitics and the article removed, then with pronoun suffixes
    removed.  Forms are normalised (:func:`hadath.arabic.normalize.normalize`)."""
    word = normalize(token)
    if not word or not word[0].isalpha():
        return (word,)
    ta_marbuta = strip_diacritics(token).rstrip().endswith("ة")
    out = _prefix_variants(word)
    for form in list(out):
        for variant in _suffix_variants(form, ta_marbuta):
            if variant not in out:
                out.append(variant)
    return tuple(out)
