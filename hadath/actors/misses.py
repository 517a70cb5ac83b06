"""Gold parties the actor coder never offers (diagnostic for the event coder's actor side).

The event coder can only choose among the actors of a sentence.  For each gold actor or
recipient slot of the development set (``eval/events_dev``) and of the GSR codings
(``gsr_codings.jsonl``) whose "CODE SECTOR" is not among the coded actors of its sentence, this
lists the sentence, the gold code, the actors found and a cause guessed from the text, and
counts the misses per cause.  The causes are cues, not a verdict: read the sentences.

>>> cause("SAU MIL", "وأعلنت قيادة قوات التحالف هدنة", ())
'coalition (التحالف)'
>>> cause("IRQ CVL", "قتل شخص في بغداد", ("بغداد=IRQ GOV",))
'wrong or missing sector (country found)'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from hadath.evaluate.common import code_sentence, code_text
from hadath.model import Document
from hadath.pipeline import Pipeline

__all__ = ["SlotMiss", "CAUSES", "cause", "slot_misses", "count_causes"]

_Rule = Callable[[str, str, str, Sequence[str]], bool]
_ARMED_CUES = re.compile("مسلح|انتحاري|مجهول|متمرد|إرهابي|ارهابي|متشدد")
_PROTEST_CUES = re.compile("متظاهر|محتج|تظاهر")
_GROUP_CUES = re.compile(
    r"(^|\s)(لل|ل|و|)(الحزب|التنظيم|الحركة|الجماعة|الميليشيات|المليشيات)|حزب العمال(?! الكردستاني)"
)
_VISIT_CUES = re.compile("زيار|يزور|زار|وصل")


def _found_code(found: Sequence[str], code: str) -> bool:
    return any(f.rsplit("=", 1)[-1].split()[0] == code for f in found)


def _found_sector(found: Sequence[str], sector: str) -> bool:
    return any(f.rsplit("=", 1)[-1].split()[-1] == sector for f in found)


# (cause, rule on gold code, gold sector, sentence text, found "text=CODE SECTOR"): first match wins
CAUSES: tuple[tuple[str, _Rule], ...] = (
    ("coalition (التحالف)", lambda c, s, t, f: "تحالف" in t and s == "MIL"),
    ("group anaphora or short name (الحزب، التنظيم)", lambda c, s, t, f: s in ("REB", "PTY", "OPP")
     and bool(_GROUP_CUES.search(t))),
    ("Kurds (KUR code, Kurdish groups)", lambda c, s, t, f: c == "KUR"
     or ("كرد" in t and c in ("IRQ", "TUR"))),
    ("Israeli occupation (الاحتلال)", lambda c, s, t, f: c == "ISR" and "احتلال" in t),
    ("IGO, UN, INT or IMG", lambda c, s, t, f: c in ("IGO", "UNO", "EUR", "INT", "IMG", "NGO")),
    ("gunmen or attackers", lambda c, s, t, f: s in ("REB", "UAF", "CRM") and bool(_ARMED_CUES.search(t))),
    ("protesters", lambda c, s, t, f: s == "CVL" and bool(_PROTEST_CUES.search(t))),
    ("unnamed victims without country in the gold", lambda c, s, t, f: c == "None" and s == "CVL"),
    ("people of a nation (plural nisba)", lambda c, s, t, f: s in ("None", "CVL")
     and any(x.endswith((f"={c} None", f"={c} CVL")) for x in f)),
    ("other gold without country", lambda c, s, t, f: c == "None"),
    ("visit host or place as recipient (event coder)", lambda c, s, t, f: s == "GOV"
     and bool(_VISIT_CUES.search(t))),
    ("wrong or missing sector (country found)", lambda c, s, t, f: _found_code(f, c)),
    ("wrong country (sector found)", lambda c, s, t, f: _found_sector(f, s)),
    ("no actor of that code", lambda c, s, t, f: True),
)


@dataclass(frozen=True)
class SlotMiss:
    """A gold slot whose code none of the sentence's actors carries."""

    source: str  # "dev" or "gsr"
    key: str  # article@sentence start, or the GSR sentence id
    slot: str  # actor / recipient (dev), source / target (GSR)
    gold: str  # "CODE SECTOR"
    text: str
    found: tuple[str, ...]  # "entity text=CODE SECTOR" of the sentence's actors
    cause: str


def cause(gold: str, text: str, found: Sequence[str]) -> str:
    """The first cause of :data:`CAUSES` whose rule holds."""
    code, sector = gold.split()
    return next(name for name, rule in CAUSES if rule(code, sector, text, found))


def _miss(
    source: str, key: str, slot: str, gold: str, doc: Document, start: int, end: int
) -> SlotMiss | None:
    if gold == "None None":
        return None
    inside = (a for a in doc.actors if start <= a.start < end)
    found = tuple(f"{a.entity_text}={code_text(a.code, a.sector)}" for a in inside)
    if any(f.rsplit("=", 1)[-1] == gold for f in found):
        return None
    text = doc.text[start:end]
    return SlotMiss(source, key, slot, gold, text, found, cause(gold, text, found))


def _dev_misses(pipeline: Pipeline, shared: Path) -> Iterator[SlotMiss]:
    from hadath.evaluate.devset import ArticleArchive, cleaned_document, dataset_dir, load_gold

    archive = ArticleArchive(dataset_dir(shared))
    for article in load_gold():
        doc = cleaned_document(article, archive)
        if isinstance(doc, str):
            continue
        doc = pipeline(doc)
        for ev in article.events:
            key = f"{article.id}@{ev.sentence_start}"
            for slot, gold in (("actor", ev.actor), ("recipient", ev.recipient)):
                miss = _miss("dev", key, slot, gold, doc, ev.sentence_start, ev.sentence_end)
                if miss is not None:
                    yield miss


def _gsr_misses(pipeline: Pipeline, shared: Path) -> Iterator[SlotMiss]:
    from hadath.evaluate.gsr import load_codings

    for item in load_codings(shared):
        doc = code_sentence(pipeline, item.text, item.date, item.key)
        for slot, gold in (("source", item.source), ("target", item.target)):
            miss = _miss("gsr", item.key, slot, gold or "None None", doc, 0, len(doc.text))
            if miss is not None:
                yield miss


def slot_misses(pipeline: Pipeline, shared: Path, sources: Sequence[str] = ("dev", "gsr")) -> list[SlotMiss]:
    """Every missed gold slot of the chosen gold sets (``shared``: the folder holding
    ``arabic-event-gsr-dev/`` and ``saudinewsnet/``)."""
    out: list[SlotMiss] = []
    if "dev" in sources:
        out += _dev_misses(pipeline, shared)
    if "gsr" in sources:
        out += _gsr_misses(pipeline, shared)
    return out


def count_causes(misses: Sequence[SlotMiss]) -> Counter[tuple[str, str]]:
    """(source, cause) -> number of missed slots."""
    return Counter((m.source, m.cause) for m in misses)
