"""Knowledge-base matches as CRF features: which tokens start or continue a lexicon phrase.

The actor knowledge base (:func:`hadath.actors.kb.load_default`: our own lexicons of
persons, organisations, countries, capitals, roles and nisbas, plus CLDR names) is matched
longest first over a sentence; the first token may carry clitics (``والأمم المتحدة``),
the others are taken as they are.  A match is a feature, not a decision: the CRF weighs it.

>>> from hadath.arabic.normalize import normalize
>>> index = {"الامم المتحده": "ORG", "بكين": "GPE"}
>>> words = [normalize("والأمم"), "المتحده", "في", "بكين"]
>>> kb_tags(words, [("الامم",), (), (), ("بكين",)], index, {"الامم": 2})
['ORG-B', 'ORG-I', None, 'GPE-B']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

__all__ = ["kb_tags", "is_head", "load_kb_index", "kb_fingerprint"]

MAX_WORDS = 6


@lru_cache(maxsize=1)
def load_kb_index(kinds: bool = False) -> tuple[dict[str, str], dict[str, int]]:
    """(normalised phrase -> label of its first entry, first word -> longest phrase length), from
    the bundled actor knowledge base (ambiguous forms, also common words, left out); with ``kinds``,
    the entry's kind (``person``, ``igo``, ``group``, ``media``, ``capital``, ``country``, ``role``,
    ``nisba``, ``nisba_plural``) instead of its label."""
    from hadath.actors.kb import load_default

    kb = load_default()
    index = {phrase: (kb.entries[ids[0]].kind if kinds else kb.entries[ids[0]].label)
             for phrase, ids in kb.index.items() if ids and phrase not in kb.ambiguous}
    return index, dict(kb.first)


def kb_fingerprint(kinds: bool = False) -> dict[str, object]:
    """Size and sha256 of the index the features use in this process (provenance: the lexicons
    change between releases, so a model records the state it was trained with)."""
    import hashlib

    index, _ = load_kb_index(kinds)
    text = "\n".join(f"{k}\t{v}" for k, v in sorted(index.items()))
    return {"phrases": len(index), "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}


def kb_tags(words: Sequence[str], heads: Sequence[Sequence[str]], index: Mapping[str, str],
            first: Mapping[str, int]) -> list[str | None]:
    """Per token, ``LABEL-B``/``LABEL-I`` of the longest knowledge-base phrase covering it, else None.
    ``words``: the normalised tokens; ``heads``: per token, those of its forms (normalised, then
    clitic-stripped) that start a phrase (:func:`is_head`): most tokens have none."""
    n = len(words)
    out: list[str | None] = [None] * n
    covered = 0  # tokens before this are inside a match already
    for i, forms in enumerate(heads):
        if not forms or i < covered:
            continue
        size, label = 0, ""
        for head in forms:
            for span in range(min(first.get(head, 1), MAX_WORDS, n - i), size, -1):
                found = index.get(head if span == 1 else " ".join([head, *words[i + 1 : i + span]]))
                if found is not None:
                    size, label = span, found
                    break
        if size:
            out[i] = label + "-B"
            for k in range(i + 1, i + size):
                out[k] = label + "-I"
            covered = i + size
    return out


def is_head(form: str, index: Mapping[str, str], first: Mapping[str, int]) -> bool:
    """Whether a phrase of the index can start with ``form``."""
    return form in index or form in first
