"""The ``hadath`` command line, with fake stages injected through the click context."""

from __future__ import annotations

import csv
import io
import json

import click
import pytest
from click.testing import CliRunner
from test_store_support import (
    SAMPLE_TEXTS,
    FakePipeline,
    InterruptingPipeline,
    fake_clean,
    fake_reader,
    write_inputs,
)

from hadath.cli import cli

FAKES = {"reader": fake_reader, "cleaner": fake_clean, "pipeline": FakePipeline()}


def _invoke(args, obj=None, **kwargs):
    return CliRunner().invoke(cli, args, obj=obj or FAKES, catch_exceptions=False, **kwargs)


@pytest.fixture()
def db(tmp_path) -> str:
    folder = write_inputs(tmp_path / "in", SAMPLE_TEXTS)
    path = str(tmp_path / "h.db")
    result = _invoke(["process", str(folder), "--db", path, "--no-progress"])
    assert result.exit_code == 0, result.output
    return path


def _all_commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from _all_commands(command, (*prefix, name))


@pytest.mark.parametrize("path", [(), *_all_commands(cli)], ids=lambda p: " ".join(p) or "hadath")
def test_cli_every_command_has_help(path):
    result = _invoke([*path, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output and len(result.output.splitlines()) > 3


def test_cli_process_prints_the_summary(db, tmp_path):
    result = _invoke(["process", str(tmp_path / "in"), "--db", db, "--no-progress"])
    assert result.exit_code == 0
    assert "4 read, 4 skipped" in result.output and "rejected   1" in result.output


def test_cli_process_ctrl_c_exits_130_with_how_to_resume(tmp_path):
    folder = write_inputs(tmp_path / "in", SAMPLE_TEXTS)
    obj = FAKES | {"pipeline": InterruptingPipeline("هاجم")}
    result = _invoke(["process", str(folder), "--db", str(tmp_path / "h.db"), "--no-progress"], obj=obj)
    assert result.exit_code == 130
    assert "run the same command again" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["process", "/no/such/dir"], "does not exist"),
        (["process", ".", "--workers", "0"], "--workers"),
        (["events", "--db", "DB", "--from", "2023-13-01"], "month must be in 1..12"),
        (["events", "--db", "DB", "--from", "yesterday"], "is not a date"),
        (["events", "--db", "DB", "--type", "HUG"], "unknown event type HUG"),
        (["events", "--db", "DB", "--country", "United States"], "is not a code"),
        (["events", "--db", "DB", "--limit", "-1"], "--limit"),
        (["events", "--db", "DB", "--format", "xml"], "'xml' is not one of"),
        (["events", "--db", "missing.db"], "no database at missing.db"),
        (["show", "nope", "--db", "DB"], "no document 'nope'"),
        (["export", "--db", "DB", "--format", "plover"], "Missing option '-o'"),
        (["code-sentences", "/no/such.jsonl", "-o", "-"], "No such file"),
        (["--config", "CONFIG", "settings"], "unknown setting(s) colour"),
    ],
)
def test_cli_bad_parameters_exit_2_with_a_message(db, tmp_path, args, message):
    config = tmp_path / "bad.toml"
    config.write_text("colour = true\n", encoding="utf-8")
    args = [db if a == "DB" else str(config) if a == "CONFIG" else a for a in args]
    result = CliRunner().invoke(cli, args, obj=FAKES)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_cli_events_table_jsonl_and_csv(db):
    table = _invoke(["events", "--db", db])
    assert table.exit_code == 0
    assert "CONSULT" in table.output and "USA GOV" in table.output and "ASSAULT" in table.output
    jsonl = _invoke(["events", "--db", db, "--format", "jsonl", "--type", "consult"])
    records = [json.loads(line) for line in jsonl.output.splitlines()]
    assert len(records) == 2 and all(r["event"] == "CONSULT" and r["quad_class"] == 1 for r in records)
    assert {"id", "date", "actor", "recipient", "event_loc", "text_info", "negated"} <= set(records[0])
    rows = list(csv.DictReader(io.StringIO(_invoke(["events", "--db", db, "--format", "csv"]).output)))
    assert len(rows) == 4 and {r["event"] for r in rows} == {"CONSULT", "ASSAULT", "REJECT"}
    only = _invoke(["events", "--db", db, "--format", "jsonl", "--actor", "usa", "--from", "2023-08"])
    assert [json.loads(x)["event"] for x in only.output.splitlines()] == ["CONSULT"]


def test_cli_show_marks_entities_and_lists_events(db):
    doc_id = json.loads(_invoke(["events", "--db", db, "--format", "jsonl", "--type", "ASSAULT"]).output)[
        "text_info"
    ]["doc_id"]
    result = _invoke(["show", doc_id, "--db", db, "--boilerplate", "--no-colour"])
    assert result.exit_code == 0
    assert "هاجم [[نيامي|NER GOV]] [[أبوجا|NGA GOV]]." in result.output
    assert "→ ASSAULT" in result.output and "actor: NER GOV (Niger)" in result.output
    assert "removed boilerplate (1 lines)" in result.output and "اقرأ أيضا" in result.output


def test_cli_code_sentences_one_output_line_per_input_line(tmp_path):
    lines = [
        json.dumps({"id": "s1", "text": "زار واشنطن نيامي.", "date": "2023-07-01"}, ensure_ascii=False),
        "{not json",
        "",
        json.dumps({"id": "s4", "text": "هاجم نيامي أبوجا."}, ensure_ascii=False),
        json.dumps({"id": "s5"}),
    ]
    infile = tmp_path / "in.jsonl"
    infile.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _invoke(["code-sentences", str(infile), "-o", str(out), "--date", "2023-08-05"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(lines)
    assert [r.get("id") for r in records] == ["s1", None, None, "s4", None]
    assert ["error" in r for r in records] == [False, True, True, False, True]
    first = records[0]
    assert first["events"][0]["event"] == "CONSULT" and first["events"][0]["date"] == "2023-07-01"
    assert first["entities"][0] == {
        "text": "واشنطن", "start": 4, "end": 10, "label": "GPE", "code": "USA", "sector": "GOV",
        "name": "United States",
    }  # fmt: skip
    assert records[3]["events"][0]["date"] == "2023-08-05"


def test_cli_stats_rejections_and_settings(db):
    stats = _invoke(["stats", "--db", db, "--json"])
    counts = json.loads(stats.output)
    assert counts["documents"] == 5 and counts["rejections_by_reason"] == {"empty": 1}
    assert "events by type" in _invoke(["stats", "--db", db]).output
    rejections = _invoke(["rejections", "--db", db]).output
    assert "empty" in rejections and "d.txt" in rejections
    settings = _invoke(["settings"], env={"HADATH_WORKERS": "2"}).output
    assert "workers" in settings and " 2 " in settings and "SQLite database file" in settings


def test_cli_reference_lists_every_command():
    from hadath.cli import cli_reference

    reference = cli_reference()
    for path in _all_commands(cli):
        assert f"### `hadath {' '.join(path)}`" in reference
