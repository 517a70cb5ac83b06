"""Trigger lexicons: YAML files under ``hadath/data/lexicons/events`` compiled
into dictionary look-ups keyed by normalised words.

>>> lex = load_default()
>>> [t.type for t in lex.heads["زياره"]][:1]
['CONSULT']
>>> "قتلوا" in lex.heads and "يقتلون" in lex.heads
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from hadath.arabic.normalize import normalize
from hadath.events.ontology import MODES, QUAD

__all__ = ["Trigger", "TriggerLexicon", "Cues", "load_lexicon", "load_default", "LEXICON_DIR"]

LEXICON_DIR = Path(str(resources.files("hadath") / "data" / "lexicons" / "events"))
_PAST_ENDINGS = ("", "ت", "ا", "وا", "تا", "ن", "نا", "تم")
_PRESENT = (("ي", ""), ("ت", ""), ("ن", ""), ("ا", ""), ("ي", "ون"), ("ت", "ون"), ("ي", "ان"),
            ("ت", "ان"), ("ي", "ن"), ("ي", "وا"))


@dataclass(frozen=True)
class Trigger:
    """One trigger: ``words`` (normalised tokens, the head first) and its coding."""

    id: str
    type: str
    words: tuple[str, ...]
    pos: str = "noun"
    mode: tuple[str, ...] = ()
    with_: tuple[frozenset[str], ...] = ()
    window: int = 4
    genitive: str = "subject"
    around: bool = False  # ``with`` words may also stand before the trigger
    not_forms: frozenset[str] = frozenset()  # surface forms (norm or clitic-stripped) it never fires on
    unless_before: tuple[frozenset[str], ...] = ()  # words that block it within ``unless_window`` before
    unless_window: int = 2


@dataclass(frozen=True)
class Cues:
    """Negation, hypothetical, clause and number cues (``cues.yaml``)."""

    sets: dict[str, frozenset[str]]
    numbers: dict[str, int]
    weekdays: dict[str, int]
    months: dict[str, int]
    relative_days: dict[str, int]


@dataclass
class TriggerLexicon:
    """``heads`` maps the first word of a trigger to its candidates (longest first)."""

    heads: dict[str, list[Trigger]] = field(default_factory=dict)
    cues: Cues | None = None
    contexts: dict[str, frozenset[str]] = field(default_factory=dict)
    # the coder's cache: a token's (norm, stems) -> (base, its forms that head a trigger)
    head_forms: dict[tuple, tuple[str, tuple[str, ...]]] = field(default_factory=dict, repr=False,
                                                                compare=False)

    def add(self, trig: Trigger) -> None:
        self.head_forms.clear()  # a new head word may change any cached answer
        bucket = self.heads.setdefault(trig.words[0], [])
        if trig not in bucket:
            bucket.append(trig)
            bucket.sort(key=lambda t: (-len(t.words), -len(t.with_)))


def verb_forms(past: str, present: str) -> list[str]:
    """Common inflections of a verb from its past stem and present stem.

    >>> verb_forms("قتل", "قتل")[:4]
    ['قتل', 'قتلت', 'قتلا', 'قتلوا']
    """
    past, present = normalize(past), normalize(present)
    forms = [past + e for e in _PAST_ENDINGS]
    if past.endswith("ي"):  # weak final: التقى -> التقت, التقوا
        forms += [past[:-1] + e for e in ("ت", "وا", "يا")]
    forms += [p + present + s for p, s in _PRESENT]
    return forms


def _entry_triggers(kind: str, entry: dict[str, Any], source: str) -> list[Trigger]:
    modes = tuple(entry.get("mode") or ())
    bad = [m for m in modes if m not in MODES[kind]]
    if bad:
        raise ValueError(f"{source}: modes {bad} are not PLOVER modes of {kind}; see ontology.MODES")
    with_ = tuple(frozenset(normalize(w) for w in alts) for alts in entry.get("with") or ())
    unless = tuple(frozenset(normalize(str(w)) for w in alts) for alts in entry.get("unless_before") or ())
    common = dict(type=kind, mode=modes, with_=with_, window=int(entry.get("window", 4)),
                  genitive=entry.get("genitive", "subject"), around=bool(entry.get("around")),
                  not_forms=frozenset(normalize(str(w)) for w in entry.get("not_forms") or ()),
                  unless_before=unless, unless_window=int(entry.get("unless_window", 2)))
    out = []
    listed = [tuple(normalize(str(form)).split()) for form in entry.get("forms") or ()]
    single = {w[0] for w in listed if len(w) == 1}
    if entry.get("verb"):
        for form in verb_forms(*entry["verb"]):
            if form not in single:  # a listed form spelt like the verb is read as the noun
                out.append(Trigger(entry["id"], words=(form,), pos="verb", **common))
    for words in listed:
        pos = entry.get("pos") or ("verb" if len(words) == 1 and _looks_verbal(words[0]) else "noun")
        out.append(Trigger(entry["id"], words=words, pos=pos, **common))
    return out


def _looks_verbal(word: str) -> bool:
    """A listed form that is a finite verb (``نددت``, ``اعتقلوا``, ``يندد``), not a noun.

    >>> _looks_verbal("نددت"), _looks_verbal("احتجاجات"), _looks_verbal("يندد")
    (True, False, True)
    """
    if word.endswith("وا") or word.startswith("ي"):
        return True
    return word.endswith("ت") and not word.endswith("ات") and len(word) <= 6


def _load_cues(path: Path) -> Cues:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    sets = {k: frozenset(normalize(str(w)) for w in v) for k, v in data.items() if isinstance(v, list)}

    def table(name: str) -> dict[str, int]:
        return {normalize(str(k)): int(v) for k, v in data[name].items()}

    return Cues(sets, table("number_words"), table("weekdays"), table("months"), table("relative_days"))


def load_lexicon(base: Path = LEXICON_DIR) -> TriggerLexicon:
    """Read every ``<type>.yaml`` trigger file, ``cues.yaml`` and ``contexts.yaml`` in ``base``."""
    lex = TriggerLexicon()
    for kind in QUAD:
        path = base / f"{kind.lower()}.yaml"
        if not path.exists():
            raise FileNotFoundError(f"missing trigger lexicon {path}; restore it from the repository")
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data["entries"]:
            for trig in _entry_triggers(kind, entry, str(path)):
                lex.add(trig)
    lex.cues = _load_cues(base / "cues.yaml")
    ctx = yaml.safe_load((base / "contexts.yaml").read_text(encoding="utf-8"))
    lex.contexts = {k: frozenset(normalize(str(w)) for w in v or ()) for k, v in ctx.items()}
    return lex


@lru_cache(maxsize=1)
def load_default() -> TriggerLexicon:
    """The bundled lexicon, loaded once."""
    return load_lexicon()
