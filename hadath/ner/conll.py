"""CoNLL-style token files and BIO spans.

A CoNLL file has one token per line (the first whitespace-separated column is
the token, the last one the tag when there is one) and a blank line between
sentences.

>>> bio_spans(["B-PERS", "I-PERS", "O", "I-LOC", "B-LOC"])
[('PERS', 0, 2), ('LOC', 3, 4), ('LOC', 4, 5)]
>>> format_conll([[("زار", "O"), ("بكين", "B-LOC")]])
'زار O\\nبكين B-LOC\\n'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

__all__ = ["Row", "read_conll", "parse_conll", "format_conll", "write_conll", "bio_spans", "spans_to_bio"]

Row = tuple[str, ...]  # the columns of one token line; row[0] is the token


def parse_conll(lines: Iterable[str]) -> Iterator[list[Row]]:
    """Sentences of ``lines``: lists of column tuples, split at blank lines.

    A UTF-8 byte-order mark, carriage returns and left-to-right marks are
    dropped; lines are split on whitespace.
    """
    sentence: list[Row] = []
    for raw in lines:
        line = raw.replace("\ufeff", "").replace("\u200e", "").replace("\u200f", "").strip()
        if not line:
            if sentence:
                yield sentence
            sentence = []
            continue
        sentence.append(tuple(line.split()))
    if sentence:
        yield sentence


def read_conll(path: str | Path) -> list[list[Row]]:
    """The sentences of the CoNLL file at ``path`` (see :func:`parse_conll`)."""
    with open(path, encoding="utf-8-sig") as handle:
        return list(parse_conll(handle))


def format_conll(sentences: Iterable[Sequence[Sequence[str]]]) -> str:
    """``token TAG`` lines, a blank line between sentences (none after the last)."""
    blocks = ["".join(" ".join(row) + "\n" for row in sentence) for sentence in sentences]
    return "\n".join(blocks)


def write_conll(path: str | Path, sentences: Iterable[Sequence[Sequence[str]]]) -> None:
    Path(path).write_text(format_conll(sentences), encoding="utf-8")


def bio_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """``(label, start, end)`` spans of a BIO tag sequence, conlleval-style:
    an ``I-X`` that does not continue an ``X`` span starts a new span."""
    spans: list[tuple[str, int, int]] = []
    label, start = None, 0
    for i, tag in enumerate(tags):
        if tag == "O":  # most tags: no parsing
            if label is not None:
                spans.append((label, start, i))
                label = None
            continue
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label
        if label is not None and not continues:
            spans.append((label, start, i))
            label = None
        if prefix in ("B", "I") and not continues:
            label, start = kind, i
    if label is not None:
        spans.append((label, start, len(tags)))
    return spans


def spans_to_bio(spans: Iterable[tuple[str, int, int]], length: int) -> list[str]:
    """BIO tags of ``length`` tokens with ``spans`` (non-overlapping) set.

    >>> spans_to_bio([("ORG", 1, 3)], 4)
    ['O', 'B-ORG', 'I-ORG', 'O']
    """
    tags = ["O"] * length
    for label, start, end in spans:
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tags
