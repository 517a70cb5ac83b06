"""Sentences and tokens with character offsets.

>>> text = "زار الوزير نيامي. ثم عاد؟"
>>> [s.text for s in split_sentences(text)]
['زار الوزير نيامي.', 'ثم عاد؟']
>>> [(t.text, t.start, t.end) for t in tokenize("قال: 3.2 مليار")]
[('قال', 0, 3), (':', 3, 4), ('3.2', 5, 8), ('مليار', 9, 14)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from hadath.arabic.clitics import stems
from hadath.model import Sentence, Token

__all__ = ["tokenize", "split_sentences", "paragraph_spans"]

_MARKS = "\u0640\u064b-\u065f\u0670"
TOKEN_RE = re.compile(
    rf"\d+(?:[.,٫٬]\d+)*"  # numbers, with decimal/thousands separators
    rf"|(?:[^\W\d_]|[{_MARKS}])+(?:\d+)?"  # words (letters + diacritics/tatweel)
    rf"|\S",
)
# A sentence ends at . ! ? ؟ … ; or a line break, unless the dot sits between digits.
_SENT_END = re.compile(r"(?<!\d)[.!?؟…]+(?:[\"'»”’)\]]*)|(?<=\d)[.!?؟…]+(?!\d)[\"'»”’)\]]*|\n+")
_PARA_RE = re.compile(r"[^\n]+")


@lru_cache(maxsize=200_000)
def _forms(word: str) -> tuple[str, tuple[str, ...]]:
    forms = stems(word)  # its first form is always ``normalize(word)``
    return forms[0], forms


_new = object.__new__
_set = object.__setattr__


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Tokens of ``text``; offsets are shifted by ``offset``.

    The tokens are built without the frozen dataclass ``__init__`` (five guarded
    ``object.__setattr__`` calls per token): the same instance dict in field order,
    set at once; equal, hashable and picklable like ``Token(...)``.
    """
    out = []
    for m in TOKEN_RE.finditer(text):
        word = m.group()
        norm, forms = _forms(word)
        token = _new(Token)
        _set(token, "__dict__", {"text": word, "start": m.start() + offset, "end": m.end() + offset,
                                 "norm": norm, "stems": forms})  # fmt: skip
        out.append(token)
    return tuple(out)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-empty line (a paragraph in cleaned text)."""
    return [(m.start(), m.end()) for m in _PARA_RE.finditer(text) if m.group().strip()]


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        yield pos, m.end()
        pos = m.end()
    yield pos, end


def split_sentences(text: str, with_tokens: bool = True) -> tuple[Sentence, ...]:
    """Split cleaned text into sentences, each within one paragraph (line)."""
    out = []
    for para, (p_start, p_end) in enumerate(paragraph_spans(text)):
        for s, e in _sentence_spans(text, p_start, p_end):
            chunk = text[s:e]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk) - len(chunk.rstrip())
            s, e = s + lead, e - trail
            if e <= s or not any(ch.isalnum() for ch in text[s:e]):
                continue
            tokens = tokenize(text[s:e], s) if with_tokens else ()
            out.append(Sentence(s, e, text[s:e], tokens, para))
    return tuple(out)
