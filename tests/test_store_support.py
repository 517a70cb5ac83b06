"""Small fakes shared by the store, runner and CLI tests (no tests here).

A fake reader (``*.txt`` files of a folder), cleaner and pipeline stand in for
the real stages so these tests check storing and orchestration only.  The fake
pipeline is a module-level class, so it pickles for ``--workers 2``.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
import types
from collections.abc import Iterator, Sequence
from pathlib import Path

from hadath.model import Actor, Document, Event, Location, Mention, RawDocument, Rejection, stable_id
from hadath.pipeline import Segmenter

PLOVER_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip


def ensure_ontology() -> None:
    """``Event.quad_class`` needs ``hadath.events.ontology``; until the events module is in
    the tree, stand in for it with the PLOVER table (the real module wins when present)."""
    if "hadath.events.ontology" in sys.modules or importlib.util.find_spec("hadath.events.ontology"):
        return
    stub = types.ModuleType("hadath.events.ontology")
    stub.QUAD = PLOVER_QUAD
    sys.modules["hadath.events.ontology"] = stub


ensure_ontology()

# A tiny gazetteer for the fake coder: word -> (code, sector, English name)
_PLACES = {
    "واشنطن": ("USA", "GOV", "United States"),
    "نيامي": ("NER", "GOV", "Niger"),
    "أبوجا": ("NGA", "GOV", "Nigeria"),
}
_TRIGGERS = {"زار": ("CONSULT", ("visit",)), "هاجم": ("ASSAULT", ()), "رفض": ("REJECT", ("meet",))}


class FakeCoder:
    """Codes ``<trigger> <place> <place>`` sentences: the first place acts on the second."""

    name = "fake_coder"

    def __call__(self, doc: Document) -> Document:
        actors, mentions, events = [], [], []
        for sentence in doc.sentences:
            found = [(t, _PLACES[t.text]) for t in sentence.tokens if t.text in _PLACES]
            for token, (code, sector, name) in found:
                mentions.append(Mention(token.start, token.end, token.text, "GPE"))
                actors.append(Actor(token.start, token.end, token.text, name, code, sector))
            trigger = next((t for t in sentence.tokens if t.text in _TRIGGERS), None)
            if trigger is None or not found:
                continue
            kind, mode = _TRIGGERS[trigger.text]
            who = tuple(actors[-len(found) :])
            events.append(
                Event(
                    id=stable_id(doc.doc_id, sentence.start, kind),
                    doc_id=doc.doc_id, event=kind, sentence_start=sentence.start, sentence_end=sentence.end,
                    text=sentence.text, trigger_start=trigger.start, trigger_end=trigger.end,
                    event_text=trigger.text, actor=who[:1], recipient=who[1:2], mode=mode, date=doc.date,
                    event_loc=Location(who[-1].entity_text, who[-1].start, who[-1].end, who[-1].name,
                                       who[-1].code, 1, 1.5, 2.5),
                    coder="fake", why="test",
                )
            )  # fmt: skip
        return dataclasses.replace(doc, mentions=tuple(mentions), actors=tuple(actors), events=tuple(events))


class FakePipeline:
    """Segmenter + FakeCoder; raises ``boom`` on documents whose text contains ``boom``."""

    def __init__(self, boom: str | None = None):
        self.segmenter, self.coder, self.boom = Segmenter(), FakeCoder(), boom

    def __call__(self, doc: Document) -> Document:
        if self.boom and self.boom in doc.text:
            raise ValueError(f"fake failure on {doc.source}")
        return self.coder(self.segmenter(doc))


class InterruptingPipeline(FakePipeline):
    """Presses Ctrl-C on the document whose text contains ``marker``."""

    def __init__(self, marker: str):
        super().__init__()
        self.marker = marker

    def __call__(self, doc: Document) -> Document:
        if self.marker in doc.text:
            raise KeyboardInterrupt
        return super().__call__(doc)


def fake_reader(paths: Sequence[str]) -> Iterator[RawDocument | Rejection]:
    """``*.txt`` files of the given folders/files, sorted; empty files are rejected."""
    for path in map(Path, paths):
        for file in sorted(path.glob("*.txt")) if path.is_dir() else [path]:
            text = file.read_text(encoding="utf-8")
            if not text.strip():
                yield Rejection(str(file), "empty", "no content")
            else:
                yield RawDocument(source=str(file), content=text, date="2023-08-01", outlet="fake")


def fake_clean(raw: RawDocument) -> list[Document] | Rejection:
    """One document per ``---``-separated part."""
    parts = [p.strip() for p in raw.content.split("---") if p.strip()]
    if not parts:
        return Rejection(raw.source, "no_article")
    return [
        Document(doc_id=stable_id(Document.make_id(raw.url, None, text), i), text=text, source=raw.source,
                 date=raw.date, outlet=raw.outlet, title=text.split(".")[0], part=i,
                 removed=("اقرأ أيضا",))
        for i, text in enumerate(parts)
    ]  # fmt: skip


def coded(text: str, doc_id: str = "d1", date: str | None = "2023-08-01", outlet: str = "fake") -> Document:
    """A hand-made document run through the fake pipeline."""
    doc = Document(doc_id=doc_id, text=text, source=f"{doc_id}.txt", date=date, outlet=outlet, title="عنوان")
    return FakePipeline()(doc)


def write_inputs(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


SAMPLE_TEXTS = {
    "a.txt": "زار واشنطن نيامي. ثم عاد.",
    "b.txt": "هاجم نيامي أبوجا.",
    "c.txt": "رفض أبوجا واشنطن. --- زار نيامي أبوجا.",
    "d.txt": "   ",
    "e.txt": "لا شيء هنا.",
}
