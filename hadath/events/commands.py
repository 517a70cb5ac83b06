"""Click commands of the events package (wired into ``hadath`` by ``hadath.cli``).

``explain`` is registered on the top-level group as ``hadath explain``.
"""

from __future__ import annotations

import json
import re

import click

__all__ = ["explain"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not _DATE.match(value):
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2015-07-21")
    return value


def _check_country(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    code = value.upper()
    if not _ISO3.match(code):
        raise click.BadParameter(f"{value!r} is not an ISO 3166 alpha-3 code; use e.g. YEM, IRQ, USA")
    return code


@click.command("explain")
@click.argument("sentence")
@click.option("--date", callback=_check_date, default=None,
              help="Publication date YYYY-MM-DD, used to resolve event dates and office-holders.")
@click.option("--country", callback=_check_country, default=None,
              help="ISO3 code of the story's main country (overrides the one the actor coder infers).")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as one JSON object.")
@click.option("--verbose", "-v", is_flag=True, help="Show every reason the event coder gave.")
def explain(sentence: str, date: str | None, country: str | None, as_json: bool, verbose: bool) -> None:
    """Code SENTENCE and show every mention, actor and trigger considered, with why each
    trigger was or was not coded, then the final PLOVER events."""
    from dataclasses import asdict

    from hadath.events.explain import explain as run_explain
    from hadath.events.explain import format_explanation

    if not sentence.strip():
        raise click.UsageError("SENTENCE is empty; pass the Arabic sentence to explain in quotes")
    result = run_explain(sentence, date=date, country=country)
    if as_json:
        click.echo(json.dumps(asdict(result), ensure_ascii=False))
        return
    for line in format_explanation(result, verbose=verbose):
        click.echo(line)
