"""Arabic normalisation for matching.

The stored text is never changed: these functions produce keys for lexicon
look-ups, search and comparison.

>>> normalize("أَمْرِيكِيّة")
'امريكيه'
>>> normalize("إيكـــواس")
'ايكواس'
>>> normalize("٢٠٢٣")
'2023'
"""

from __future__ import annotations

import re

__all__ = ["normalize", "strip_diacritics", "normalize_alef", "DIACRITICS"]

DIACRITICS = "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a" + "".join(
    chr(c) for c in range(0x064B, 0x0660)
) + "\u0670\u06d6\u06d7\u06d8\u06d9\u06da\u06db\u06dc\u06df\u06e0\u06e1\u06e2\u06e3\u06e4" + (
    "\u06e7\u06e8\u06ea\u06eb\u06ec\u06ed"
)
TATWEEL = "\u0640"
_INVISIBLE = "\u200c\u200d\u200e\u200f\u061c\ufeff"

_DROP = {ord(c): None for c in DIACRITICS + TATWEEL + _INVISIBLE}
_ALEF = {ord(c): "ا" for c in "أإآٱ"}
_MAP = dict(_DROP)
_MAP.update(_ALEF)
_MAP.update(
    {
        ord("ى"): "ي",
        ord("ة"): "ه",
        ord("ؤ"): "و",
        ord("ئ"): "ي",
        ord("ک"): "ك",
        ord("ی"): "ي",
        ord("ی"): "ي",
        ord("ے"): "ي",
        ord("ٰ"): None,
    }
)
# Arabic-Indic and extended (Persian) digits to ASCII.
_MAP.update({0x0660 + i: str(i) for i in range(10)})
_MAP.update({0x06F0 + i: str(i) for i in range(10)})

_SPACES = re.compile(r"\s+")


def strip_diacritics(text: str) -> str:
    """Remove harakat, tatweel and invisible direction marks."""
    return text.translate(_DROP)


def normalize_alef(text: str) -> str:
    """Map the hamza and madda forms of alef to bare alef."""
    return text.translate(_ALEF)


def normalize(text: str) -> str:
    """The matching key: no diacritics/tatweel, alef/ya/ta-marbuta/hamza-seat
    forms unified, ASCII digits, lower-cased Latin, single spaces."""
    return _SPACES.sub(" ", text.translate(_MAP)).strip().lower()
