"""Ordered components over a :class:`~hadath.model.Document`.

A component is a callable ``component(doc) -> doc`` with a ``name``; it keeps
its configuration in itself and never mutates the document (it returns a
``dataclasses.replace``d copy), so results never depend on document order.

>>> from hadath.model import Document
>>> p = Pipeline([Segmenter()])
>>> doc = p(Document(doc_id="x", text="قال الوزير. ثم غادر.", source="t"))
>>> len(doc.sentences)
2
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from hadath.arabic.tokens import split_sentences
from hadath.model import Document

__all__ = ["Component", "Pipeline", "Segmenter"]


class Component(Protocol):
    name: str

    def __call__(self, doc: Document) -> Document: ...


class Segmenter:
    """Sets ``doc.sentences`` (with tokens, offsets, clitic stems)."""

    name = "segmenter"

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, sentences=split_sentences(doc.text))


class Pipeline:
    """Runs its components in order on each document."""

    def __init__(self, components: Sequence[Component]):
        self.components = list(components)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def __call__(self, doc: Document) -> Document:
        for component in self.components:
            doc = component(doc)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


def build_pipeline(use_crf: bool = True) -> Pipeline:
    """The default pipeline: segmenter, lexicon NER, the trained CRF tagger
    (when its model ships with the package and ``use_crf``), actors, events."""
    from hadath import __version__
    from hadath.actors import ActorCoder
    from hadath.events import EventCoder
    from hadath.ner.lexicon import LexiconRecognizer

    components: list[Component] = [Segmenter(), LexiconRecognizer()]
    if use_crf:
        from hadath.ner.crf import CRFRecognizer, default_model_path

        if default_model_path().exists():
            components.append(CRFRecognizer())
    components += [ActorCoder(), EventCoder(coder=f"hadath {__version__}")]
    return Pipeline(components)
