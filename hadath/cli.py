"""The ``hadath`` command: a thin layer that parses, calls the library, formats.

Expected errors become a message and an exit status here, at the edge: bad
parameters and missing files exit 2, failures of the work itself exit 1,
Ctrl-C during ``process`` exits 130.  Tests inject fakes through the click
context object: ``obj={"pipeline": ..., "reader": ..., "cleaner": ...}``.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import logging
import re
import sqlite3
import sys
from datetime import date as _date
from pathlib import Path
from typing import Any

import click

from hadath.settings import Settings, SettingsError, load_settings, settings_table

__all__ = ["cli", "cli_reference", "main"]

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CODE = re.compile(r"^[A-Za-z]{3}$")


class _Group(click.Group):
    """Turns the library's expected errors into messages (never a traceback)."""

    def invoke(self, ctx: click.Context) -> Any:
        from hadath.export import ExportError
        from hadath.store.schema import SchemaError

        try:
            return super().invoke(ctx)
        except SettingsError as err:
            raise click.UsageError(str(err), ctx) from err
        except (ExportError, SchemaError, sqlite3.DatabaseError) as err:
            raise click.ClickException(str(err)) from err


# -- shared helpers ------------------------------------------------------------------------------


def _settings(ctx: click.Context, **flags: Any) -> Settings:
    return load_settings(ctx.find_root().params.get("config"), overrides=flags)


def _open_store(ctx: click.Context, db: str | None, must_exist: bool = True):
    from hadath.store import SQLiteStore

    settings = _settings(ctx, db=db)
    if must_exist and not Path(settings.db).exists():
        raise click.BadParameter(
            f"no database at {settings.db}; run `hadath process PATH… --db {settings.db}` first",
            param_hint="--db",
        )
    return SQLiteStore(settings.db)


def _injected(ctx: click.Context, name: str) -> Any:
    return (ctx.find_root().obj or {}).get(name)


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    if not _DATE.match(value):
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD (or YYYY-MM, YYYY)")
    if len(value) == 10:
        try:
            _date.fromisoformat(value)
        except ValueError as err:
            raise click.BadParameter(f"{value!r}: {err}") from err
    return value


def _check_code(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    if not _CODE.match(value):
        raise click.BadParameter(
            f"{value!r} is not a code: use three letters (ISO3 such as USA, or IGO, UNO, …)"
        )
    return value.upper()


def _check_types(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    from hadath.events.ontology import QUAD

    upper = tuple(v.upper() for v in values)
    unknown = [v for v in upper if v not in QUAD]
    if unknown:
        raise click.BadParameter(
            f"unknown event type {', '.join(unknown)}; PLOVER types: {', '.join(sorted(QUAD))}"
        )
    return upper


def _filter_options(func):
    """The event filters shared by ``events`` and ``export``."""
    options = [
        click.option(
            "--type", "types", multiple=True, callback=_check_types, help="PLOVER event type (repeatable)."
        ),
        click.option(
            "--from", "date_from", callback=_check_date, help="Events on or after this date (YYYY-MM-DD)."
        ),
        click.option(
            "--to", "date_to", callback=_check_date, help="Events on or before this date (YYYY-MM-DD)."
        ),
        click.option("--quad", "quad_class", type=click.IntRange(1, 4), help="Quad class: 1-4."),
        click.option("--actor", callback=_check_code, help="An actor of the event has this code (e.g. USA)."),
        click.option("--recipient", callback=_check_code, help="A recipient of the event has this code."),
        click.option(
            "--country", callback=_check_code, help="Actor, recipient or place in this country (ISO3)."
        ),
        click.option("--outlet", help="Only events from documents of this outlet."),
        click.option("--doc", "doc_id", help="Only events of this document id."),
        click.option("--text", help="The evidence sentence contains this text (normalised match)."),
        click.option("--limit", type=click.IntRange(min=0), help="At most this many events."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _event_filter(limit: int | None = None, **values: Any):
    from hadath.store import EventFilter

    return EventFilter(limit=limit, **values)


_DB_OPTION = click.option(
    "--db", type=click.Path(dir_okay=False), help="Database file (default: setting `db`)."
)


# -- the commands --------------------------------------------------------------------------------


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    type=click.Path(exists=True, dir_okay=False),
    help="Settings file (TOML or YAML); default hadath.toml.",
)
@click.version_option(package_name="hadath")
def cli(config: str | None) -> None:
    """Hadath (حدث): Arabic news in, coded PLOVER political events out."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@_DB_OPTION
@click.option("--workers", type=click.IntRange(min=1), help="Processes that clean and code in parallel.")
@click.option(
    "--progress/--no-progress", default=None, help="Show a progress bar on stderr (default: on a TTY)."
)
@click.pass_context
def process(
    ctx: click.Context, paths: tuple[str, ...], db: str | None, workers: int | None, progress
) -> None:
    """Read PATHS (files, folders, archives), code their events and store them.

    Inputs already processed into the same database are skipped, so an interrupted
    run resumes where it stopped when the same command is run again.
    """
    from hadath.runner import RESUME_HINT, RunInterrupted
    from hadath.runner import process as run

    settings = _settings(ctx, db=db, workers=workers, progress=progress)
    logging.basicConfig(level=settings.log_level.upper(), stream=sys.stderr, format="hadath: %(message)s")
    show_bar = settings.progress and (progress is True or sys.stderr.isatty())
    with _open_store(ctx, settings.db, must_exist=False) as store:
        try:
            injected = {name: _injected(ctx, name) for name in ("reader", "cleaner", "pipeline")}
            summary = run(list(paths), settings, store, progress=show_bar, **injected)
        except RunInterrupted as stop:
            click.echo(_format_summary(stop.summary, settings.db))
            click.echo(f"interrupted: {RESUME_HINT}", err=True)
            ctx.exit(130)
    click.echo(_format_summary(summary, settings.db))


def _format_summary(summary, db: str) -> str:
    lines = [
        f"inputs     {summary.inputs} read, {summary.skipped} skipped (already processed)",
        f"documents  {summary.documents} coded ({summary.parts} split off), {summary.new} new, "
        f"{summary.already_stored} already stored",
        f"events     {sum(summary.events.values())}"
        + "".join(f"\n  {t:<10} {n}" for t, n in sorted(summary.events.items(), key=lambda x: (-x[1], x[0]))),
        f"rejected   {sum(summary.rejected.values())}"
        + "".join(f"\n  {r:<14} {n}" for r, n in sorted(summary.rejected.items())),
        f"time       {summary.seconds:.1f} s, {summary.docs_per_second:.1f} documents/s",
        f"database   {db}",
    ]
    return "\n".join(lines)


@cli.command()
@_DB_OPTION
@_filter_options
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True,
    help="table for reading, jsonl = one PLOVER record per line, csv = flat columns.",
)  # fmt: skip
@click.pass_context
def events(ctx: click.Context, db: str | None, fmt: str, **filters: Any) -> None:
    """List stored events, filtered."""
    from hadath.export import write_csv, write_jsonl
    from hadath.export.render import events_table

    out = sys.stdout
    with _open_store(ctx, db) as store:
        rows = store.query_events(_event_filter(**filters))
        if fmt == "jsonl":
            write_jsonl(rows, out)
        elif fmt == "csv":
            write_csv(rows, out)
        else:
            for line in events_table(rows):
                click.echo(line)


@cli.command()
@click.argument("doc_id")
@_DB_OPTION
@click.option("--boilerplate", is_flag=True, help="Also show the lines cleaning removed.")
@click.option("--colour/--no-colour", "colour", default=None, help="ANSI colours (default: on a TTY).")
@click.pass_context
def show(ctx: click.Context, doc_id: str, db: str | None, boilerplate: bool, colour: bool | None) -> None:
    """Print a stored document with its entities marked and its events under their sentences."""
    from hadath.export.render import render_document

    with _open_store(ctx, db) as store:
        doc = store.get_document(doc_id)
    if doc is None:
        raise click.BadParameter(
            f"no document {doc_id!r} in the database; `hadath events --format csv` lists doc ids",
            param_hint="DOC_ID",
        )
    use_colour = sys.stdout.isatty() if colour is None else colour
    click.echo(render_document(doc, colour=use_colour, boilerplate=boilerplate))


@cli.command("code-sentences")
@click.argument("infile", type=click.File("r", encoding="utf-8"))
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    required=True,
    help="Output JSONL ('-' = stdout).",
)
@click.option(
    "--date", callback=_check_date, help="Publication date for lines without a 'date' (YYYY-MM-DD)."
)
@click.pass_context
def code_sentences(ctx: click.Context, infile, output, date: str | None) -> None:
    """Code sentences from INFILE (JSONL of {"id", "text", "date"?}): one output line per input
    line, in order, with the entities and PLOVER events found (or an "error")."""
    from hadath.runner import code_sentences as code
    from hadath.runner import make_pipeline

    pipeline = _injected(ctx, "pipeline") or make_pipeline(_settings(ctx))
    errors = 0
    for record in code((line.rstrip("\n") for line in infile), pipeline, date):
        errors += "error" in record
        output.write(json.dumps(record, ensure_ascii=False) + "\n")
    if errors:
        click.echo(f'{errors} line(s) could not be coded; see their "error" field', err=True)


@cli.command("export")
@_DB_OPTION
@_filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["plover", "polecat", "csv", "parquet"]),
    required=True,
    help="plover = PLOVER JSONL, polecat = POLECAT-style TSV, csv, parquet (needs pyarrow).",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True, help="Output file."
)
@click.pass_context
def export(ctx: click.Context, db: str | None, fmt: str, output: str, **filters: Any) -> None:
    """Write stored events to a file."""
    from hadath.export import export_events

    with _open_store(ctx, db) as store:
        n = export_events(store.query_events(_event_filter(**filters)), fmt, output)
    click.echo(f"{n} events written to {output} ({fmt})", err=True)


@cli.command()
@_DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_context
def stats(ctx: click.Context, db: str | None, as_json: bool) -> None:
    """Counts of documents, sentences, entities, events (by type) and rejections."""
    with _open_store(ctx, db) as store:
        counts = store.counts()
        counts["rejections_by_reason"] = store.rejection_counts()
    if as_json:
        click.echo(json.dumps(counts, ensure_ascii=False, indent=2))
        return
    for key in ("documents", "sentences", "mentions", "entities", "events", "rejections", "sources", "runs"):
        click.echo(f"{key:<12} {counts[key]}")
    click.echo(f"event dates  {counts['event_dates'][0] or '-'} .. {counts['event_dates'][1] or '-'}")
    for title, key in (
        ("events by type", "events_by_type"),
        ("rejections by reason", "rejections_by_reason"),
    ):
        click.echo(title)
        for name, n in counts[key].items():
            click.echo(f"  {name:<14} {n}")


@cli.command()
@_DB_OPTION
@click.option("--reason", help="Only this reason.")
@click.option(
    "--limit", type=click.IntRange(min=0), default=20, show_default=True, help="Sources listed per run."
)
@click.pass_context
def rejections(ctx: click.Context, db: str | None, reason: str | None, limit: int) -> None:
    """Rejected inputs: counts by reason, then the sources with the detail."""
    with _open_store(ctx, db) as store:
        counts = store.rejection_counts()
        listed = list(store.rejections(reason=reason, limit=limit))
    for name, n in counts.items():
        click.echo(f"{name:<14} {n}")
    if listed:
        click.echo("")
    for row in listed:
        click.echo(f"{row['reason']:<14} {row['source']}  {row['detail'] or ''}".rstrip())


@cli.command("settings")
@click.pass_context
def settings_command(ctx: click.Context) -> None:
    """Every setting with its type, current value and help (file < HADATH_* env < flags)."""
    click.echo(f"{'name':<12} {'type':<5} {'value':<14} help")
    for name, kind, value, help_text in settings_table(_settings(ctx)):
        click.echo(f"{name:<12} {kind:<5} {value:<14} {help_text}")


# -- evaluation, training and tagging commands ---------------------------------------------------


@cli.group("eval")
def eval_group() -> None:
    """Evaluate a stage on gold data (needs ../shared/data); exits 1 below the pinned floors."""


@cli.group("train")
def train_group() -> None:
    """Train the models that ship with Hadath (needs ../shared/data)."""


@eval_group.command("cleaning")
@click.option(
    "--shared", type=click.Path(path_type=Path), help="The shared data folder (default: ../shared/data)."
)
@click.option(
    "--floor", type=float, help="Fail below this score (default: the floor pinned in the evaluation)."
)
def eval_cleaning(shared: Path | None, floor: float | None) -> None:
    """Boilerplate removal against the gold pages."""
    from hadath.clean.evaluate import run_cleaning_eval

    shared = shared or Path.cwd().parent / "shared" / "data"
    sys.exit(run_cleaning_eval(shared, floor))


# Commands other modules define, registered by an explicit list (module, attribute, group, name).
# A module not written yet is skipped; one that exists is imported, so its errors still show.
_EXTERNAL_COMMANDS = (
    ("hadath.ner.commands", "train_ner", train_group, "ner"),
    ("hadath.events.train", "train_events", train_group, "events"),
    ("hadath.ner.commands", "tag", cli, "tag"),
    ("hadath.ner.commands", "eval_ner", eval_group, "ner"),
    ("hadath.evaluate.commands", "eval_events", eval_group, "events"),
    ("hadath.evaluate.locations", "eval_locations", eval_group, "locations"),
    ("hadath.api.commands", "serve", cli, "serve"),
    ("hadath.actors.commands", "actors", cli, "actors"),
    ("hadath.actors.commands", "explain_actor", cli, "explain-actor"),
    ("hadath.events.commands", "explain", cli, "explain"),
    ("hadath.actors.commands", "actor_misses", eval_group, "actor-misses"),
)


def _register_external_commands() -> None:
    for module, attribute, group, name in _EXTERNAL_COMMANDS:
        command = getattr(importlib.import_module(module), attribute)
        # the same -h/--help whether the command runs under `hadath` or on its own (tests), since
        # click keeps the help option it first builds
        command.context_settings.setdefault("help_option_names", ["-h", "--help"])
        group.add_command(command, name)


_register_external_commands()


def cli_reference() -> str:
    """Markdown with the ``--help`` of every command, for the README (docs cannot drift)."""
    parts: list[str] = []

    def walk(command: click.Command, path: list[str], parent: click.Context | None) -> None:
        ctx = click.Context(
            command, info_name=path[-1], parent=parent, terminal_width=100, **command.context_settings
        )
        parts.append(f"### `{' '.join(path)}`\n\n```\n{command.get_help(ctx)}\n```\n")
        if isinstance(command, click.Group):
            for name in sorted(command.commands):
                walk(command.commands[name], [*path, name], ctx)

    walk(cli, ["hadath"], None)
    return "\n".join(parts)


def main() -> None:
    """Console entry point ``hadath``."""
    cli(prog_name="hadath")
