"""``hadath eval events``: event detection and actor-code figures on the gold
standard, with pinned floors (floors rise, never fall silently)."""

from __future__ import annotations

from pathlib import Path

import click

from hadath.evaluate.common import SharedDataMissing, default_shared_dir, require_shared
from hadath.evaluate.gsr import evaluate_detection, evaluate_spans, load_codings, load_detection

# Pinned floors: measured 2026-11-22 on the development half (ASSAULT F1 0.514, PROTEST 0.324,
# generous 0.139), less a small margin.
DETECTION_FLOORS = {"ASSAULT": 0.50, "PROTEST": 0.30}
GENEROUS_FLOOR = 0.13


def _print_detection(pipeline, shared: Path) -> list[str]:
    failures = []
    click.echo("Detection on arabic-event-gsr-dev (*_gsr.csv; yes vs easy/difficult no):")
    click.echo(f"  {'type':<10}{'n':>6}{'P':>8}{'R':>8}{'F1':>8}{'floor':>8}")
    for event, floor in DETECTION_FLOORS.items():
        gold = list(load_detection(shared, event))
        prf = evaluate_detection(pipeline, gold)
        click.echo(
            f"  {event:<10}{len(gold):>6}{prf.precision:>8.3f}{prf.recall:>8.3f}{prf.f1:>8.3f}{floor:>8.2f}"
        )
        if prf.f1 < floor:
            failures.append(f"{event} detection F1 {prf.f1:.3f} < floor {floor:.2f}")
    return failures


def _print_spans(pipeline, shared: Path) -> list[str]:
    score = evaluate_spans(pipeline, list(load_codings(shared)))
    click.echo(f"Actor codes on gsr_codings.jsonl ({score.sentences} sentences):")
    click.echo(f"  generous (type + exact source and target codes): {score.share(score.generous):.3f}")
    for event, (n, ok) in sorted(score.by_type.items()):
        click.echo(f"    {event:<10} {ok}/{n} = {ok / n:.3f}")
    click.echo(
        f"  source code exact {score.share(score.source_exact):.3f}, "
        f"country {score.share(score.source_country):.3f}"
    )
    click.echo(
        f"  target code exact {score.share(score.target_exact):.3f}, "
        f"country {score.share(score.target_country):.3f}"
    )
    generous = score.share(score.generous)
    return [f"generous {generous:.3f} < floor {GENEROUS_FLOOR:.2f}"] if generous < GENEROUS_FLOOR else []


@click.command("events")
@click.option(
    "--shared",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder holding arabic-event-gsr-dev/ (default: $HADATH_SHARED or ../shared/data).",
)
def eval_events(shared: Path | None) -> None:
    """Print event detection P/R/F1 and actor-code accuracy; exit 1 below the floors."""
    from hadath.pipeline import build_pipeline

    try:
        shared = require_shared(shared or default_shared_dir())
    except SharedDataMissing as err:
        raise click.UsageError(str(err)) from err
    pipeline = build_pipeline()
    failures = _print_detection(pipeline, shared) + _print_spans(pipeline, shared)
    for failure in failures:
        click.echo(f"FAIL: {failure}", err=True)
    if failures:
        raise SystemExit(1)
