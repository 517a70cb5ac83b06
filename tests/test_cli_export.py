"""``hadath export``: PLOVER JSONL, POLECAT TSV, CSV and Parquet."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner
from test_store_support import SAMPLE_TEXTS, FakePipeline, fake_clean, fake_reader, write_inputs

from hadath.cli import cli
from hadath.export import POLECAT_COLUMNS, ExportError, export_events
from hadath.export.formats import CSV_COLUMNS
from hadath.store import SQLiteStore

FAKES = {"reader": fake_reader, "cleaner": fake_clean, "pipeline": FakePipeline()}


@pytest.fixture()
def db(tmp_path) -> str:
    path = str(tmp_path / "h.db")
    folder = write_inputs(tmp_path / "in", SAMPLE_TEXTS)
    assert (
        CliRunner().invoke(cli, ["process", str(folder), "--db", path, "--no-progress"], obj=FAKES).exit_code
        == 0
    )
    return path


def _export(db: str, fmt: str, out, *extra: str):
    result = CliRunner().invoke(
        cli, ["export", "--db", db, "--format", fmt, "-o", str(out), *extra], obj=FAKES
    )
    assert result.exit_code == 0, result.output
    return result


def test_export_plover_is_one_stored_record_per_line(db, tmp_path):
    out = tmp_path / "events.jsonl"
    assert "4 events written" in _export(db, "plover", out).output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    with SQLiteStore(db) as store:
        assert records == [row["record"] for row in store.query_events()]


def test_export_polecat_tsv_has_polecat_columns(db, tmp_path):
    out = tmp_path / "events.tsv"
    _export(db, "polecat", out, "--type", "CONSULT")
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert list(rows[0]) == list(POLECAT_COLUMNS)
    first = rows[0]
    assert (first["Event Type"], first["Quad Code"], first["Actor Country"], first["Recipient Country"]) == (
        "CONSULT", "1", "USA", "NER",
    )  # fmt: skip
    assert first["Event Mode"] == "visit" and first["Latitude"] == "1.5" and first["Source"] == "fake"
    assert first["Event Text"] == "زار واشنطن نيامي."


def test_export_csv_flat_columns(db, tmp_path):
    out = tmp_path / "events.csv"
    _export(db, "csv", out)
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == [name for name, _ in CSV_COLUMNS]
    assert len(rows) == 4 and {r["actor_code"] for r in rows} == {"USA", "NER", "NGA"}


def test_export_parquet_round_trip(db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is optional (pip install 'hadath[parquet]')")
    out = tmp_path / "events.parquet"
    _export(db, "parquet", out)
    table = pq.read_table(out)
    assert table.column_names == [name for name, _ in CSV_COLUMNS]
    rows = table.to_pylist()
    with SQLiteStore(db) as store:
        ids = [row["id"] for row in store.query_events()]
    assert [r["id"] for r in rows] == ids
    assert {r["event"] for r in rows} == {"CONSULT", "ASSAULT", "REJECT"}
    assert all(isinstance(r["lat"], float) and isinstance(r["negated"], bool) for r in rows)


def test_export_unknown_format_names_the_choices(tmp_path):
    with pytest.raises(ExportError, match="choose one of plover, polecat, csv, parquet"):
        export_events([], "xml", tmp_path / "x")
