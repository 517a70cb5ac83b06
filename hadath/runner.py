"""A processing run: read inputs, clean, code, store, count.

The reader, cleaner and pipeline are parameters (the defaults come from
:mod:`hadath.ingest`, :mod:`hadath.clean` and :func:`hadath.pipeline.build_pipeline`),
so tests and other front ends can swap any of them.

Error policy: a :class:`~hadath.model.Rejection` is stored and the run goes on;
an unexpected exception while cleaning or coding one input is stored as a
rejection with reason ``pipeline_error`` (and logged), and the run goes on.
Ctrl-C stops after the current input's transaction and raises
:class:`RunInterrupted`; running the same command again skips finished inputs.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import json
import logging
import multiprocessing
import os
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from hadath.model import Document, RawDocument, Rejection, stable_id
from hadath.settings import Settings
from hadath.store import SQLiteStore

__all__ = [
    "RunInterrupted",
    "RunSummary",
    "code_sentences",
    "fingerprint",
    "make_pipeline",
    "make_reader",
    "process",
]

log = logging.getLogger(__name__)

Reader = Callable[[Sequence[str]], Iterable[RawDocument | Rejection]]
Cleaner = Callable[[RawDocument], "list[Document] | Rejection"]
Pipeline = Callable[[Document], Document]
RESUME_HINT = "run the same command again; finished inputs are skipped"


@dataclass
class RunSummary:
    """What a run did (mutable: it is filled in while the run goes)."""

    inputs: int = 0  # inputs read (RawDocuments), including skipped ones
    skipped: int = 0  # inputs already fully processed in an earlier run (same content)
    documents: int = 0  # documents cleaning produced and the pipeline coded
    new: int = 0  # of those, newly stored
    already_stored: int = 0  # of those, already in the store (same doc_id)
    parts: int = 0  # documents split off an input after its first article
    rejected: Counter[str] = field(default_factory=Counter)  # by reason
    events: Counter[str] = field(default_factory=Counter)  # by event type, of coded documents
    seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["rejected"] = dict(sorted(self.rejected.items()))
        out["events"] = dict(sorted(self.events.items()))
        out["docs_per_second"] = round(self.docs_per_second, 2)
        out["seconds"] = round(self.seconds, 3)
        return out


class RunInterrupted(KeyboardInterrupt):
    """Ctrl-C during :func:`process`; everything finished before it is committed."""

    def __init__(self, summary: RunSummary):
        super().__init__(RESUME_HINT)
        self.summary = summary


def fingerprint(raw: RawDocument) -> str:
    """Changes whenever the input's content or metadata changes (so it is re-processed)."""
    return stable_id(raw.content, raw.title, raw.url, raw.date, raw.outlet, raw.author, raw.format, length=20)


def make_pipeline(settings: Settings) -> Pipeline:
    """The default pipeline for ``settings`` (the one place that calls ``build_pipeline``)."""
    from hadath.pipeline import build_pipeline

    return build_pipeline(use_crf=settings.use_crf)


def make_reader(settings: Settings) -> Reader:
    """:func:`hadath.ingest.read_paths` with the size limit from ``settings``."""
    from hadath.ingest import IngestOptions, read_paths

    return functools.partial(read_paths, options=IngestOptions(max_bytes=settings.max_bytes))


def _default_cleaner() -> Cleaner:
    from hadath.clean import clean

    return clean


# -- the work done for one input (in this process or in a worker) --------------------------------

_WORKER: dict[str, Any] = {}


def _code_input(raw: RawDocument, cleaner: Cleaner, pipeline: Pipeline) -> list[Document] | Rejection:
    """Clean and code one input.  A failure here must not end a run over thousands of
    inputs, so this is the one place a broad ``except Exception`` is right: the error
    becomes a ``pipeline_error`` rejection that names the input and the exception.
    KeyboardInterrupt is not an ``Exception`` and still stops the run."""
    try:
        cleaned = cleaner(raw)
        if isinstance(cleaned, Rejection):
            return cleaned
        return [pipeline(doc) for doc in cleaned]
    except Exception as err:  # noqa: BLE001 -- see docstring
        log.warning("pipeline_error on %s: %s: %s", raw.source, type(err).__name__, err, exc_info=True)
        return Rejection(raw.source, "pipeline_error", f"{type(err).__name__}: {err}")


# One BLAS/OpenMP thread per worker: the workers are the parallelism, and extra threads in each
# (OpenBLAS starts one per core) oversubscribe the cores: spinning threads made two workers on two
# cores 5x slower than one.  The NER tagger also limits BLAS itself (hadath.ner.neural.blas_one_thread)
# for when numpy was imported before the fork.
_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


_WARM_UP = Document(doc_id="warm-up", text="قال وزير الخارجية إن الرياض ستستضيف القمة.", source="warm-up")


def _worker_init(settings: Settings, cleaner: Cleaner | None, pipeline: Pipeline | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    for var in _THREAD_VARS:
        os.environ.setdefault(var, "1")
    _WORKER["cleaner"] = cleaner or _default_cleaner()
    _WORKER["pipeline"] = pipeline or make_pipeline(settings)


def _without_tokens(doc: Document) -> Document:
    """``doc`` without sentence tokens: the store does not keep them, and leaving them out
    makes sending a coded document back to the parent process several times cheaper."""
    return dataclasses.replace(doc, sentences=tuple(dataclasses.replace(s, tokens=()) for s in doc.sentences))


def _worker_code(item: tuple[str, Any]) -> tuple[str, Any]:
    kind, value = item
    if kind != "raw":
        return item
    result = _code_input(value, _WORKER["cleaner"], _WORKER["pipeline"])
    if not isinstance(result, Rejection):
        result = [_without_tokens(doc) for doc in result]
    return "coded", (value, result)


# -- the run -------------------------------------------------------------------------------------


def _items(
    reader_output: Iterable[RawDocument | Rejection], done: dict[str, str]
) -> Iterator[tuple[str, Any]]:
    """Tag reader output: ("rejection", r), ("skip", raw) for finished inputs, ("raw", raw)."""
    for item in reader_output:
        if isinstance(item, Rejection):
            yield "rejection", item
        elif done.get(item.source) == fingerprint(item):
            yield "skip", item
        else:
            yield "raw", item


def _store_result(store: SQLiteStore, summary: RunSummary, item: tuple[str, Any]) -> None:
    kind, value = item
    if kind == "rejection":
        summary.rejected[value.reason] += 1
        store.add_rejection(value, commit=False)
        return
    summary.inputs += 1
    if kind == "skip":
        summary.skipped += 1
        return
    raw, result = value
    if isinstance(result, Rejection):
        summary.rejected[result.reason] += 1
        store.add_rejection(result, commit=False)
        return
    summary.documents += len(result)
    summary.parts += sum(1 for d in result if d.part > 0)
    summary.events.update(e.event for d in result for e in d.events)
    new = store.add_source(raw.source, fingerprint(raw), result, commit=False)
    summary.new += new
    summary.already_stored += len(result) - new


def _results(
    items: Iterator[tuple[str, Any]], settings: Settings, cleaner, pipeline
) -> Iterator[tuple[str, Any]]:
    """Coded items in input order, from this process or from ``settings.workers`` workers."""
    if settings.workers <= 1:
        cleaner = cleaner or _default_cleaner()
        pipeline = pipeline or make_pipeline(settings)
        for kind, value in items:
            yield (
                (kind, value) if kind != "raw" else ("coded", (value, _code_input(value, cleaner, pipeline)))
            )
        return
    ctx = multiprocessing.get_context()
    if ctx.get_start_method() == "fork":
        # Forked workers inherit what the parent built: load the models once here instead of
        # once per worker (~3 s CPU each), and freeze the heap so that the workers' garbage
        # collector does not touch (and copy) the inherited pages.  Spawned workers still build
        # their own (``None`` below).
        cleaner = cleaner or _default_cleaner()
        if pipeline is None:
            pipeline = make_pipeline(settings)
            pipeline(_WARM_UP)  # components load some data on first use
        gc.freeze()
    pool = ctx.Pool(settings.workers, initializer=_worker_init, initargs=(settings, cleaner, pipeline))
    gc.unfreeze()  # the workers are forked: only their copies of the heap stay frozen
    try:
        yield from pool.imap(_worker_code, items, chunksize=8)  # imap keeps input order
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def process(
    paths: Sequence[str],
    settings: Settings,
    store: SQLiteStore,
    *,
    reader: Reader | None = None,
    cleaner: Cleaner | None = None,
    pipeline: Pipeline | None = None,
    progress: bool | None = None,
) -> RunSummary:
    """Read ``paths``, clean and code each input, store the results; returns the counts.

    With ``settings.workers > 1`` the injected ``cleaner``/``pipeline`` must be picklable
    (``None`` builds the defaults in each worker).  Raises :class:`RunInterrupted` on Ctrl-C.
    """
    from tqdm import tqdm

    reader = reader or make_reader(settings)
    summary = RunSummary()
    done = store.done_sources()
    run_id = store.start_run()
    started = time.perf_counter()
    bar = tqdm(unit=" inputs", disable=not (settings.progress if progress is None else progress), leave=False)
    results = _results(_items(reader(paths), done), settings, cleaner, pipeline)
    try:
        for n, item in enumerate(results, 1):
            _store_result(store, summary, item)
            bar.update(item[0] != "rejection")
            if n % settings.batch_size == 0:
                store.commit()
    except KeyboardInterrupt as err:
        summary.seconds = time.perf_counter() - started
        store.commit()
        store.finish_run(run_id, summary.to_dict() | {"interrupted": True})
        raise RunInterrupted(summary) from err
    finally:
        results.close()  # stops the worker pool, if any
        bar.close()
        store.commit()
    summary.seconds = time.perf_counter() - started
    store.finish_run(run_id, summary.to_dict())
    return summary


def code_sentences(
    lines: Iterable[str], pipeline: Pipeline, date: str | None = None
) -> Iterator[dict[str, Any]]:
    """One output record per input line ``{"id", "text", "date"?}``: the entities and PLOVER
    events coded from the text as a small document; a bad line gives ``{"id", "error"}``."""
    for number, line in enumerate(lines, 1):
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError('expected a JSON object with a "text" string')
        except ValueError as err:
            yield {"id": None, "line": number, "error": f"line {number}: {err}"}
            continue
        yield _code_line(item, number, pipeline, date)


def _code_line(item: dict[str, Any], number: int, pipeline: Pipeline, date: str | None) -> dict[str, Any]:
    """Code one sentence.  The output must keep one line per input line, so an unexpected
    error in the pipeline becomes this line's ``error`` (logged) rather than ending the file:
    the same reasoning as :func:`_code_input`."""
    ident = item.get("id", number)
    doc = Document(
        doc_id=stable_id("sentence", ident, item["text"]),
        text=item["text"],
        source=f"line {number}",
        date=item.get("date") or date,
    )
    try:
        doc = pipeline(doc)
    except Exception as err:  # noqa: BLE001 -- see docstring
        log.warning("pipeline_error on line %d: %s: %s", number, type(err).__name__, err, exc_info=True)
        return {"id": ident, "line": number, "error": f"pipeline_error: {type(err).__name__}: {err}"}
    return {"id": ident, "entities": entities_of(doc), "events": [e.to_plover() for e in doc.events]}


def entities_of(doc: Document) -> list[dict[str, Any]]:
    """The named entities of ``doc``, each with the actor coding of the same span (if any)."""
    actors = {(a.start, a.end): a for a in doc.actors}
    out: list[dict[str, Any]] = []
    for m in sorted(doc.mentions, key=lambda m: (m.start, m.end)):
        actor = actors.pop((m.start, m.end), None)
        out.append(_entity(m.text, m.start, m.end, m.label, actor))
    for actor in actors.values():  # actors found without a named-entity mention (role nouns)
        out.append(_entity(actor.entity_text, actor.start, actor.end, actor.kind, actor))
    return sorted(out, key=lambda e: (e["start"], e["end"]))


def _entity(text: str, start: int, end: int, label: str, actor) -> dict[str, Any]:
    return {
        "text": text,
        "start": start,
        "end": end,
        "label": label,
        "code": actor.code if actor else None,
        "sector": actor.sector if actor else None,
        "name": actor.name if actor else None,
    }
