"""Label consistency within a unit of text (a document): a name tagged once gets the same label elsewhere.

A tagger decides each sentence on its own, so a name it recognises in one
sentence can be missed in the next.  :func:`propagate` takes the BIO tags of
all sentences of one unit (a news document in the pipeline; a window of
consecutive sentences for a CoNLL file, which has no document breaks) and

* collects the names tagged in the unit, keyed by their normalised tokens (the
  first token also without a one-letter conjunction/preposition clitic, so
  ``وواشنطن`` and ``واشنطن`` share a key), with the label most often given;
* tags each untagged occurrence of such a name (longest first, all its tokens
  ``O``) with that label, when the name was tagged in at least ``min_share`` of
  its occurrences in the unit;
* with ``name_parts``, also the single tokens of multi-token person names
  (``أوباما`` after ``باراك أوباما``).

The function is pure: tags in, tags out; it never removes a tagged span.

>>> toks = [["قال", "باراك", "أوباما"], ["وأضاف", "أوباما", "إن", "واشنطن"], ["في", "واشنطن"]]
>>> tags = [["O", "B-PERS", "I-PERS"], ["O", "O", "O", "O"], ["O", "B-LOC"]]
>>> propagate(toks, tags)[1]
['O', 'B-PERS', 'O', 'B-LOC']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from hadath.arabic.normalize import normalize
from hadath.ner.conll import bio_spans

__all__ = ["ConsistencyOptions", "propagate", "propagate_windows", "name_keys"]

_CLITICS = ("و", "ف", "ب", "ل", "ك")
Key = tuple[str, ...]


@dataclass(frozen=True)
class ConsistencyOptions:
    """``min_share``: tagged occurrences / all occurrences of a name in the unit for it to spread;
    ``max_tokens``: longest name spread; ``min_chars``: shortest (normalised) single-token name;
    ``name_parts``: spread the single tokens of multi-token PERS names too."""

    min_share: float = 0.34  # chosen on the contiguous ANERcorp dev block (hadath.ner.devtune)
    max_tokens: int = 4
    min_chars: int = 3
    name_parts: bool = True


def _norm(token: str) -> str:
    return normalize(token) or token


def _strip(word: str) -> str | None:
    return word[1:] if len(word) >= 5 and word[0] in _CLITICS else None


def name_keys(tokens: Sequence[str]) -> list[Key]:
    """The lookup keys of a token sequence: normalised, and with the first token's clitic stripped.

    >>> name_keys(["وواشنطن"])
    [('وواشنطن',), ('واشنطن',)]
    """
    return _keys([_norm(t) for t in tokens])


def _keys(words: Sequence[str]) -> list[Key]:
    stripped = _strip(words[0])
    return [tuple(words)] if stripped is None else [tuple(words), (stripped, *words[1:])]


def _wordlike(key: Key, min_chars: int) -> bool:
    return all(any(ch.isalpha() for ch in w) for w in key) and sum(len(w) for w in key) >= min_chars


def _names(units: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
           options: ConsistencyOptions) -> dict[Key, Counter]:
    """Key -> label counts of the spans tagged in the unit (plus PERS name parts, counted apart)."""
    names: dict[Key, Counter] = {}
    parts: dict[Key, Counter] = {}
    for words, sent_tags in zip(units, tags, strict=True):
        if all(t == "O" for t in sent_tags):
            continue
        for label, i, j in bio_spans(sent_tags):
            if j - i > options.max_tokens:
                continue
            for key in _keys(words[i:j]):
                if _wordlike(key, options.min_chars):
                    names.setdefault(key, Counter())[label] += 1
            if options.name_parts and label == "PERS" and j - i >= 2:
                for k in range(i, j):
                    for key in _keys(words[k : k + 1]):
                        if len(key[0]) >= max(options.min_chars, 3):
                            parts.setdefault(key, Counter())[label] += 1
    for key, counts in parts.items():
        names.setdefault(key, counts)
    return names


def _matches(words: Sequence[str], sent_tags: Sequence[str], names: dict[Key, Counter],
             firsts: set[str], longest: int) -> list[tuple[Key, int, int]]:
    """Untagged token runs whose key is a known name (longest first, non-overlapping)."""
    out: list[tuple[Key, int, int]] = []
    free = [t == "O" for t in sent_tags]
    starts = [i for i, w in enumerate(words) if free[i] and (w in firsts or _strip(w) in firsts)]
    for n in range(min(longest, len(words)), 0, -1):
        for i in starts:
            if i + n > len(words) or not all(free[i : i + n]):
                continue
            key = next((k for k in _keys(words[i : i + n]) if k in names), None)
            if key is not None:
                out.append((key, i, i + n))
                free[i : i + n] = [False] * n
    return out


def _propagate(units: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
               options: ConsistencyOptions) -> list[list[str]]:
    out = [list(t) for t in tags]
    names = _names(units, tags, options)
    if not names:
        return out
    firsts = {k[0] for k in names}
    longest = max(len(k) for k in names)
    found = [_matches(words, t, names, firsts, longest) for words, t in zip(units, out, strict=True)]
    untagged = Counter(key for sent in found for key, _, _ in sent)
    for sent_tags, matches in zip(out, found, strict=True):
        for key, i, j in matches:
            counts = names[key]
            tagged = sum(counts.values())
            if tagged / (tagged + untagged[key]) < options.min_share:
                continue
            label = counts.most_common(1)[0][0]
            sent_tags[i] = f"B-{label}"
            for k in range(i + 1, j):
                sent_tags[k] = f"I-{label}"
    return out


def propagate(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
              options: ConsistencyOptions | None = None, normalized: bool = False) -> list[list[str]]:
    """The tags of one unit's sentences with names tagged elsewhere in the unit spread to their
    untagged occurrences (see the module docstring).  ``normalized``: the tokens are already
    :func:`~hadath.arabic.normalize.normalize`d (``Token.norm``), so they are used as they are."""
    if not any(t != "O" for sent in tags for t in sent):
        return [list(t) for t in tags]
    units = sentences if normalized else [[_norm(t) for t in s] for s in sentences]
    return _propagate(units, tags, options or ConsistencyOptions())


def propagate_windows(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]], window: int,
                      options: ConsistencyOptions | None = None) -> list[list[str]]:
    """:func:`propagate` for a file without document breaks: each sentence's unit is itself and the
    ``window`` sentences before and after it (``window < 0``: the whole file is one unit)."""
    options = options or ConsistencyOptions()
    units = [[_norm(t) for t in s] for s in sentences]
    if window < 0:
        return _propagate(units, tags, options)
    out = []
    for i in range(len(sentences)):
        lo, hi = max(0, i - window), min(len(sentences), i + window + 1)
        out.append(_propagate(units[lo:hi], tags[lo:hi], options)[i - lo])
    return out
