"""``hadath actors`` and ``hadath explain-actor``: the click commands the CLI registers.

Register (in ``hadath.cli._EXTERNAL_COMMANDS``): ``("hadath.actors.commands", "actors", cli,
"actors")``, ``("hadath.actors.commands", "explain_actor", cli, "explain-actor")`` and
``("hadath.actors.commands", "actor_misses", cli, "actor-misses")``.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from pathlib import Path

import click

from hadath.actors.listing import KINDS, ActorCount, actor_counts

__all__ = ["actors", "explain_actor", "actor_misses"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _db_path(ctx: click.Context, db: str | None) -> str:
    from hadath.settings import load_settings

    settings = load_settings(ctx.find_root().params.get("config"), overrides={"db": db})
    if not Path(settings.db).exists():
        raise click.BadParameter(
            f"no database at {settings.db}; run `hadath process PATH… --db {settings.db}` first",
            param_hint="--db",
        )
    return settings.db


def _table(rows: list[ActorCount]) -> str:
    head = f"{'code':<6}{'sector':<7}{'kind':<7}{'mentions':>9}{'docs':>6}{'source':>8}{'target':>8}  name"
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(
            f"{r.code or '-':<6}{r.sector or '-':<7}{r.kind or '-':<7}{r.mentions:>9}{r.documents:>6}"
            f"{r.as_source:>8}{r.as_target:>8}  {r.name or ''}"
        )
    return "\n".join(lines)


@click.command("actors")
@click.option("--db", type=click.Path(dir_okay=False), help="Database file (default: setting `db`).")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True, help="Rows to show.")
@click.option(
    "--type",
    "kinds",
    multiple=True,
    type=click.Choice(KINDS, case_sensitive=False),
    help="Only actors of this kind (repeatable).",
)
@click.option("--code", help="Only actors with this code (ISO3 or IGO, UNO, EUR, NGO, IMG…).")
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
@click.pass_context
def actors(
    ctx: click.Context, db: str | None, limit: int, kinds: tuple[str, ...], code: str | None, as_json: bool
) -> None:
    """List the coded actors in the store with counts.

    Each row is one actor (code, sector, kind, English name) with its number of mentions and
    documents, and the number of events whose source / target has its code and sector.
    """
    import sqlite3

    from hadath.store import SQLiteStore

    try:
        with SQLiteStore(_db_path(ctx, db)) as store:
            rows = actor_counts(store.conn, kinds, code, limit)
    except sqlite3.DatabaseError as err:
        raise click.ClickException(f"{err}: is --db a Hadath database?") from err
    if as_json:
        for r in rows:
            click.echo(json.dumps(asdict(r), ensure_ascii=False))
    elif not rows:
        click.echo("no coded actors (match these filters) in this database")
    else:
        click.echo(_table(rows))


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not _DATE.match(value):
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD")
    return value


def _check_country(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from hadath.actors.kb import load_default

    code = value.upper()
    if f"cty:{code}" not in load_default().entries:
        raise click.BadParameter(f"{value!r} is not a country code: use ISO3 (NER, USA, PSE…)")
    return code


@click.command("explain-actor")
@click.argument("phrase")
@click.option("--date", callback=_check_date, help="Document date (YYYY-MM-DD): picks office terms.")
@click.option("--country", callback=_check_country, help="Document country (ISO3) for unqualified roles.")
@click.option("--json", "as_json", is_flag=True, help="The explanation as JSON.")
def explain_actor(phrase: str, date: str | None, country: str | None, as_json: bool) -> None:
    """Show how PHRASE is coded and why.

    Prints the mentions found with the knowledge-base entries they match (kind, id, English
    name), and for each actor the rule that fired (apposition, idafa, nisba, surname link,
    document country…), the office term chosen by --date, the final code and English name.
    """
    from hadath.actors.explain import explain_actor as explain

    if not phrase.strip():
        raise click.BadParameter('give an Arabic phrase, e.g. "وزير الخارجية النيجري"', param_hint="PHRASE")
    result = explain(phrase, date=date, country=country)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(result.to_text())


@click.command("actor-misses")
@click.option(
    "--shared",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder holding arabic-event-gsr-dev/ and saudinewsnet/ (default: $HADATH_SHARED, ../shared/data).",
)
@click.option("--only", "sources", multiple=True, type=click.Choice(["dev", "gsr"]),
              help="Only this gold set (repeatable; default both).")
@click.option("--cause", "causes", multiple=True, help="List only misses whose cause contains this text.")
@click.option("--list/--counts", "listing", default=False, show_default=True,
              help="List every miss (sentence, gold code, actors found) or only count them per cause.")
def actor_misses(
    shared: Path | None, sources: tuple[str, ...], causes: tuple[str, ...], listing: bool
) -> None:
    """Gold actors and recipients that no coded actor of their sentence carries.

    The event coder can only choose among the actors the actor coder found: this counts, per
    guessed cause, the gold slots of the development set and of the GSR codings whose
    "CODE SECTOR" none of the sentence's actors has, and with --list shows each of them.
    """
    from hadath.actors.misses import CAUSES, count_causes, slot_misses
    from hadath.evaluate.common import SharedDataMissing, default_shared_dir, require_shared
    from hadath.pipeline import build_pipeline

    try:
        shared = require_shared(shared or default_shared_dir())
    except SharedDataMissing as err:
        raise click.ClickException(str(err)) from err
    misses = slot_misses(build_pipeline(), shared, sources or ("dev", "gsr"))
    if causes:
        misses = [m for m in misses if any(c in m.cause for c in causes)]
    if listing:
        for m in misses:
            click.echo(f"{m.source} {m.key} {m.slot}: gold {m.gold} [{m.cause}]\n  {m.text}\n"
                       f"  found: {' | '.join(m.found) or '-'}")
    counts = count_causes(misses)
    for source in sorted({m.source for m in misses}):
        click.echo(f"{source}: {sum(v for (s, _), v in counts.items() if s == source)} missed slots")
        for name, _rule in CAUSES:
            if counts[(source, name)]:
                click.echo(f"  {counts[(source, name)]:>4}  {name}")
