"""Locative contexts: when a place name is a place ("في النيجر", "لنيامي") rather than an actor.

>>> from hadath.arabic.tokens import tokenize
>>> toks = tokenize("وصل إلى نيامي")
>>> has_locative_context(toks, 2, ""), has_locative_context(toks, 1, "")
(True, False)
"""

from __future__ import annotations

from collections.abc import Sequence

from hadath.arabic.normalize import normalize
from hadath.model import Token

__all__ = ["LOCATIVE", "has_locative_context"]

# Normalised words after which a place name is a location ("in/to/from X"). source: own.
LOCATIVE = frozenset(
    normalize(w)
    for w in (
        "في إلى الى داخل نحو قرب من عبر بمدينه مدينه بلده عاصمه محافظه ولايه اقليم منطقه"
        " شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي ضواحي انحاء"
    ).split()
)
_PREP_CLITICS = ("ب", "ل")


def has_locative_context(tokens: Sequence[Token], i: int, clitic: str) -> bool:
    """Whether token ``i`` (with proclitic letters ``clitic``) is in a locative context."""
    bare = clitic.lstrip("وف")
    if bare[:1] in _PREP_CLITICS:
        return True
    return i > 0 and tokens[i - 1].norm in LOCATIVE
