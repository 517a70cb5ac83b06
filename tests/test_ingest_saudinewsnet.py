"""SaudiNewsNet's daily zips (one JSON array each) load as they are.

Skipped when ../shared is absent (a fresh clone).
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from hadath.ingest import read_paths
from hadath.model import RawDocument, Rejection


@pytest.fixture(scope="module")
def one_day(shared_dir: Path) -> list[RawDocument | Rejection]:
    path = shared_dir / "data" / "saudinewsnet" / "dataset" / "2015-07-23.zip"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    return list(read_paths([str(path)]))


@pytest.mark.shared
def test_ingest_saudinewsnet_day_loads_without_parse_errors(one_day: list[RawDocument | Rejection]) -> None:
    reasons = Counter(r.reason for r in one_day if isinstance(r, Rejection))
    docs = [d for d in one_day if isinstance(d, RawDocument)]
    assert reasons["parse_error"] == 0 and reasons["truncated"] == 0, reasons
    assert len(docs) > 500
    assert set(reasons) <= {"empty"}  # only records without content may be rejected


@pytest.mark.shared
def test_ingest_saudinewsnet_fields_are_mapped(one_day: list[RawDocument | Rejection]) -> None:
    docs = [d for d in one_day if isinstance(d, RawDocument)]
    first = docs[0]
    assert first.source.endswith("2015-07-23.zip!2015-07-23.json#0")
    assert all(d.date == "2015-07-23" for d in docs[:50])
    assert all(d.outlet and d.url and d.url.startswith("http") and d.title for d in docs[:50])
    assert all(d.format == "jsonl" for d in docs[:50])
    assert len({d.source for d in docs}) == len(docs)


@pytest.mark.shared
@pytest.mark.slow
def test_ingest_saudinewsnet_all_days(shared_dir: Path) -> None:
    folder = shared_dir / "data" / "saudinewsnet" / "dataset"
    start = time.perf_counter()
    counts: Counter[str] = Counter()
    for item in read_paths([str(folder)]):
        counts["document" if isinstance(item, RawDocument) else item.reason] += 1
    seconds = time.perf_counter() - start
    print(f"SaudiNewsNet: {dict(counts)} in {seconds:.2f}s")
    assert counts["parse_error"] == 0 and counts["truncated"] == 0
    assert counts["document"] + counts["empty"] == 31030
