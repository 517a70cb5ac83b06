"""Stored events out: PLOVER JSONL, POLECAT-style TSV, CSV and Parquet.

>>> sorted(FORMATS)
['csv', 'parquet', 'plover', 'polecat']
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from hadath.export.formats import CSV_COLUMNS, POLECAT_COLUMNS, csv_row, polecat_row

__all__ = [
    "FORMATS",
    "ExportError",
    "export_events",
    "write_csv",
    "write_jsonl",
    "write_parquet",
    "write_polecat",
]


class ExportError(RuntimeError):
    """An export could not be written; the message says what to do."""


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """One PLOVER record (``Event.to_plover()`` as stored) per line."""
    n = 0
    for row in rows:
        out.write(json.dumps(row["record"], ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_flat(rows: Iterable[dict[str, Any]], out: IO[str], columns, convert, delimiter: str) -> int:
    writer = csv.DictWriter(out, fieldnames=list(columns), delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(convert(row))
        n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    return _write_flat(rows, out, [name for name, _ in CSV_COLUMNS], csv_row, ",")


def write_polecat(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Tab-separated, POLECAT's column names (tabs and newlines inside values are quoted)."""
    return _write_flat(rows, out, POLECAT_COLUMNS, polecat_row, "\t")


def write_parquet(rows: Iterable[dict[str, Any]], path: str | Path) -> int:
    """The CSV columns as a Parquet file (needs the optional ``pyarrow``)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise ExportError(
            "Parquet export needs pyarrow: run `pip install 'hadath[parquet]'` (or pip install pyarrow)"
        ) from err
    types = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    schema = pa.schema([(name, types[kind]) for name, kind in CSV_COLUMNS])
    table = pa.Table.from_pylist([csv_row(r) for r in rows], schema=schema)
    pq.write_table(table, str(path))
    return table.num_rows


FORMATS = {"plover": write_jsonl, "polecat": write_polecat, "csv": write_csv, "parquet": write_parquet}


def export_events(rows: Iterable[dict[str, Any]], fmt: str, path: str | Path) -> int:
    """Write ``rows`` (from ``SQLiteStore.query_events``) to ``path`` in ``fmt``; returns the count."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return write_parquet(rows, path)
    with open(path, "w", encoding="utf-8", newline="") as out:
        return FORMATS[fmt](rows, out)
