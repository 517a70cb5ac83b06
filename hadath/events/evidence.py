"""How specific a conflict trigger is: reports of a particular attack or protest
carry counts, times, weapons or crowds; essays, questions and anniversaries do not.

>>> from hadath.arabic.tokens import tokenize
>>> from hadath.events.lexicon import load_default
>>> cues = load_default().cues
>>> specificity(tokenize("قتل مسلحون عشرة أشخاص أمس"), "ASSAULT", "verb", 10, "relative", False, cues)[0]
4
>>> specificity(tokenize("هل يجوز تبرير الاغتيال؟"), "ASSAULT", "noun", None, "publication", False, cues)[0]
-2
"""

from __future__ import annotations

from collections.abc import Sequence

from hadath.events.lexicon import Cues
from hadath.model import Token

__all__ = ["specificity", "CHECKED_TYPES"]

CHECKED_TYPES = frozenset({"ASSAULT", "PROTEST"})


def specificity(tokens: Sequence[Token], kind: str, pos: str, count: int | None, date_how: str,
                irrealis: bool, cues: Cues) -> tuple[int, list[str]]:
    """A small integer score and the reasons for it."""
    score, why = 0, []
    words = {s for t in tokens for s in t.stems}
    if count is not None:
        score, why = score + 1, [*why, "count"]
    if date_how in ("explicit", "weekday", "relative"):
        score, why = score + 1, [*why, "time"]
    if pos == "verb" and not irrealis:
        score, why = score + 1, [*why, "realis verb"]
    evidence = cues.sets.get(f"{kind.lower()}_evidence", frozenset())
    if words & evidence:
        score, why = score + 1, [*why, "event detail"]
    if any(t.norm in ("؟", "?") for t in tokens):
        score, why = score - 2, [*why, "question"]
    if irrealis:
        score, why = score - 1, [*why, "irrealis"]
    if words & cues.sets["generic_cues"]:
        score, why = score - 1, [*why, "generic"]
    return score, why
