"""With fork workers the parent builds the default pipeline once (warmed up) and the workers inherit it."""

import dataclasses
import multiprocessing
import os

import pytest

from hadath import runner
from hadath.model import Document, RawDocument
from hadath.settings import Settings

SEEN: list[str] = []


def _clean(raw: RawDocument) -> list[Document]:
    return [Document(doc_id=raw.source, text=raw.content, source=raw.source)]


def _pipeline(doc: Document) -> Document:
    SEEN.append(doc.doc_id)  # in the parent only for the warm-up document
    return dataclasses.replace(doc, country=f"P{os.getpid()}")


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="needs the fork start method")
def test_runner_fork_workers_inherit_the_pipeline_built_once_in_the_parent(monkeypatch):
    built: list[int] = []

    def make(settings):
        built.append(os.getpid())
        return _pipeline

    monkeypatch.setattr(runner, "make_pipeline", make)
    SEEN.clear()
    items = [("raw", RawDocument(source=f"s{k}", content="نص")) for k in range(6)]
    out = list(runner._results(iter(items), Settings(workers=2), _clean, None))
    assert built == [os.getpid()]  # once, here, not in each worker
    assert SEEN == [runner._WARM_UP.doc_id]  # warmed up here; the inputs were coded in the workers
    docs = [doc for _, (_, result) in out for doc in result]
    assert [d.doc_id for d in docs] == [f"s{k}" for k in range(6)]
    assert all(d.country != f"P{os.getpid()}" for d in docs)


def test_runner_given_pipeline_is_not_warmed_up(monkeypatch):
    monkeypatch.setattr(runner, "make_pipeline", lambda settings: pytest.fail("must not build"))
    SEEN.clear()
    items = [("raw", RawDocument(source="s0", content="نص"))]
    out = list(runner._results(iter(items), Settings(workers=2), _clean, _pipeline))
    assert SEEN == [] and out[0][0] == "coded"
