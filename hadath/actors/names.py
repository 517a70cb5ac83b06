"""Person names after a title: which words after "وزير الخارجية الكيني" are a name.

A name is 1-4 words (بن/عبد/أبو/آل do not count) that are not known words, particles or places;
past the second word only words attested as name units (in the romaniser's name dictionary)
continue it.  A portfolio (للشؤون السياسية) and ranks (ركن، الدكتور) before the name are skipped.

>>> from hadath.actors.geo import load_places
>>> from hadath.actors.kb import load_default
>>> from hadath.arabic.tokens import tokenize
>>> unknown_name(tokenize("الوزير جورج موراغا إن"), 6, load_default(), load_places(), set())
('جورج موراغا', 18)
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from hadath.actors.geo import Places
from hadath.actors.kb import KnowledgeBase
from hadath.actors.romanize import is_name_word
from hadath.arabic.normalize import normalize
from hadath.model import Token

__all__ = ["unknown_name", "is_plural_title", "first_names", "former_end"]

_COMMAS = ("،", ",")
_PORTFOLIO = frozenset({"للشوون", "لشوون"})
_RANKS = frozenset(
    {"اول", "ركن", "طيار", "بحري", "دكتور", "الدكتور", "د", "المهندس", "مهندس", "السيد", "السيده", "الشيخ"}
)
_LINKERS = frozenset({"بن", "بنت", "ابن", "ال", "عبد", "ابو", "ابي", "ام", "ولد"})  # parts of compound names


def unknown_name(
    tokens: Sequence[Token], end: int, kb: KnowledgeBase, places: Places, covered: set[int]
) -> tuple[str, int]:
    """1-4 name words after offset ``end`` (one comma allowed first; بن/عبد/أبو/آل do not count);
    ("", end) when none.  Past the second word a word continues the name when it is attested as a
    name unit or when the phrase ends right after it (punctuation, a particle such as إن)."""
    k = next((n for n, t in enumerate(tokens) if t.start >= end), len(tokens))
    if k + 1 < len(tokens) and tokens[k].norm in _PORTFOLIO:
        k += 2  # "نائب وزير الخارجية للشؤون السياسية، X": the portfolio before the name
    if k < len(tokens) and tokens[k].text in _COMMAS:
        k += 1
    while k < len(tokens) and tokens[k].norm in _RANKS:
        k += 1  # "الفريق أول ركن عبد الرحمن", "العقيد الدكتور X"
    words: list[Token] = []
    while k < len(tokens) and sum(t.norm not in _LINKERS for t in words) < 4:
        tok = tokens[k]
        ends = _ends_phrase(tokens, k + 1, kb)
        if not _may_continue_name(tok, words, kb, places, ends) or tok.start in covered:
            break
        if _needs_attestation(words) and not is_name_word(tok.text) and not _ends_phrase(tokens, k + 1, kb):
            break  # "اللواء محسن مخلوف أرفع رتبة": an unattested third word must end the phrase
        words.append(tok)
        k += 1
    while words and words[-1].norm in _LINKERS:
        words.pop()
    if not words or not _plausible_name(words, _ends_phrase(tokens, k, kb)):
        return "", end
    return " ".join(t.text for t in words), words[-1].end


def _is_city(places: Places, norm: str) -> bool:
    cities = places.by_arabic.get(norm)
    return bool(cities) and cities[0].population >= 500_000  # "محافظ جدة": not a person


def is_plural_title(text: str) -> bool:
    """A plural (or dual) title such as مسؤولون/ضباط أمريكيين takes no name after it."""
    last = normalize(text).split(" ")[-1]
    return len(last) > 5 and last.endswith(("ون", "ين", "ان"))


def _may_continue_name(
    tok: Token, words: list[Token], kb: KnowledgeBase, places: Places, ends: bool = False
) -> bool:
    """Whether ``tok`` may be the next name word; ``ends``: the phrase ends right after it."""
    norm = tok.norm
    if not tok.text.isalpha() or len(norm) < 2 or norm in kb.name_stop:
        return False
    if norm in kb.index and not (not words and _indefinite_nisba(kb, norm)):
        return False  # a known word ends the name, but تركي/مصري may be a first name (الأمير تركي)
    if not words and (norm.startswith("ال") or norm in _LINKERS):
        return False
    if norm in _LINKERS:
        return True
    if norm.startswith(("بال", "لل")) or (_is_city(places, norm) and not is_name_word(tok.text)):
        return False
    if words and not ends and norm[:1] in "وب" and not is_name_word(tok.text):
        return False  # "X وشارع", "X بمدينة": a clitic ends the name (unless a stop follows: بيشوب إن)
    if words and norm.startswith("ال") and not is_name_word(tok.text):
        return False  # "فهد الجوية": an adjective ends the name
    return True


def _indefinite_nisba(kb: KnowledgeBase, norm: str) -> bool:
    ids = kb.index.get(norm, ())
    return bool(ids) and not norm.startswith("ال") and all(i.startswith("nis:") for i in ids)


def _needs_attestation(words: list[Token]) -> bool:
    return len([w for w in words if w.norm not in _LINKERS]) >= 2


def _ends_phrase(tokens: Sequence[Token], k: int, kb: KnowledgeBase) -> bool:
    """Whether token ``k`` cannot continue a phrase: the end, punctuation, a particle or a known word."""
    if k >= len(tokens):
        return True
    tok = tokens[k]
    return not tok.text.isalpha() or tok.norm in kb.name_stop or tok.norm in kb.index


def _plausible_name(words: Sequence[Token], ends: bool = False) -> bool:
    """A name needs an attested name word (بشار الأسد), or two words or more with no sign of
    being ordinary words: a first word that starts with a conjunction or preposition (وفهم، بوقف)
    unless the phrase ends right after the name (باولو جينتيلوني إن), or a word with ال."""
    if words[0].norm[:1] in "وبلك" and not is_name_word(words[0].text) and not (ends and len(words) > 1):
        return False
    if any(is_name_word(t.text) for t in words):
        return True
    return len(words) > 1 and not any(t.norm.startswith("ال") for t in words)


def first_names(kb: KnowledgeBase, between: str) -> bool:
    """Whether the text between a title and a known person's surname is 1-2 first-name words
    (a spelling the lexicon lacks: "المستشارة الألمانية أنغيلا ميركل")."""
    words = between.strip(" ،,").split()
    return 0 < len(words) <= 2 and all(
        w.isalpha()
        and not (n := normalize(w)).startswith("ال")
        and n not in kb.index
        and n not in kb.name_stop
        for w in words
    )


def former_end(kb: KnowledgeBase, sentence, end: int) -> int | None:
    """The end of a "former" adjective (السابق، الأسبق، المخلوع) right after offset ``end``:
    a former office-holder is coded ELI (وزير الخارجية الأمريكي السابق → USA ELI)."""
    tokens = sentence.tokens
    k = bisect.bisect_left(tokens, end, key=lambda t: t.start)
    if k == len(tokens) or tokens[k].start - end > 1 or tokens[k].norm not in kb.former:
        return None
    return tokens[k].end
