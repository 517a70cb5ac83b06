"""End-to-end throughput and peak memory on the first N SaudiNewsNet articles.

    .venv/bin/python benchmarks/bench_pipeline.py --n 5000 --workers 2

Reads ``../shared/data/saudinewsnet/dataset/*.zip`` (skips with a message when
absent), runs ingest → clean → pipeline → SQLite into a temporary database and
prints articles/s and peak memory beside the targets (>= 50 articles/s on 2
cores, <= 1 GB).  ``--partial`` measures reading + segmenting + storing only.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from hadath.model import Document, RawDocument, Rejection
from hadath.pipeline import Pipeline, Segmenter
from hadath.runner import make_reader, process
from hadath.settings import Settings
from hadath.store import SQLiteStore

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "saudinewsnet" / "dataset"
TARGET_RATE = 50.0  # articles per second, 2 cores, everything included
TARGET_MB = 1024.0


def raw_as_document(raw: RawDocument) -> list[Document] | Rejection:
    """No cleaning (for ``--partial``): the raw text as the document."""
    return [
        Document(
            doc_id=Document.make_id(raw.url, raw.title, raw.content), text=raw.content, source=raw.source
        )
    ]


def _peak_mb() -> float:
    """Peak resident memory of this process and of its (finished) workers, in MB (Linux: KB units)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return max(own, children) / scale


def _cpu_seconds() -> tuple[float, float]:
    """CPU seconds of this process, and of its finished (joined) worker processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=5000, help="articles to read (default 5000)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--data", type=Path, default=DATA, help="folder of SaudiNewsNet zips")
    parser.add_argument("--partial", action="store_true", help="read + segment + store only")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations (slower)")
    args = parser.parse_args(argv)
    if not args.data.is_dir() or not any(args.data.glob("*.zip")):
        print(f"skipped: no SaudiNewsNet zips in {args.data} (the shared data is not here)")
        return 0
    settings = Settings(workers=args.workers, progress=False)
    read = make_reader(settings)

    def reader(paths):
        return itertools.islice(read(paths), args.n)

    extra = {"cleaner": raw_as_document, "pipeline": Pipeline([Segmenter()])} if args.partial else {}
    if args.tracemalloc:
        tracemalloc.start()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        with SQLiteStore(db) as store:
            started, cpu_started = time.perf_counter(), _cpu_seconds()
            summary = process([str(p) for p in sorted(args.data.glob("*.zip"))], settings, store,
                              reader=reader, progress=sys.stderr.isatty(), **extra)  # fmt: skip
            seconds = time.perf_counter() - started
            own, workers = (end - begin for end, begin in zip(_cpu_seconds(), cpu_started, strict=True))
            counts = store.counts()
        db_mb = Path(db).stat().st_size / 1e6
    rate = summary.inputs / seconds
    rejected = sum(summary.rejected.values())
    print(f"inputs read        {summary.inputs} ({rejected} rejected: {dict(summary.rejected)})")
    print(f"documents coded    {summary.documents} ({summary.parts} split off), events {counts['events']}")
    print(f"events by type     {counts['events_by_type']}")
    print(f"workers            {args.workers}{'  (partial: read + segment + store)' if args.partial else ''}")
    print(f"time               {seconds:.1f} s (incl. pipeline start-up)")
    print(f"throughput         {rate:.1f} articles/s   (target >= {TARGET_RATE:.0f})")
    per_article, parent = (own + workers) / max(summary.inputs, 1), own / max(summary.inputs, 1)
    print(f"CPU time           {1000 * per_article:.1f} ms/article ({1000 * parent:.1f} "
          "in this process, the rest in workers; less noisy than the throughput on a busy machine: "
          f"2 free cores could do {2 / max(per_article, 1e-9):.0f} articles/s at best)")
    print(f"peak memory (RSS)  {_peak_mb():.0f} MB   (target <= {TARGET_MB:.0f})")
    if args.tracemalloc:
        print(f"peak Python heap   {tracemalloc.get_traced_memory()[1] / 1e6:.0f} MB (tracemalloc)")
    print(f"database size      {db_mb:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
