"""Click commands for the NER taggers: ``train ner``, ``tag``, ``eval ner``.

The CLI registers :data:`train_ner` under its ``train`` group and
:data:`eval_ner` under ``eval``; ``python -m hadath.ner.commands`` runs them
standalone.
"""

from __future__ import annotations

import dataclasses
import shlex
import sys
from pathlib import Path

import click

from hadath.ner.conll import format_conll, read_conll

__all__ = ["train_ner", "tag", "eval_ner", "main", "EVAL_FLOOR"]

# Pinned micro-F1 floor on the ANERcorp CAMeL test split (--scheme anercorp): measured minus a margin.
EVAL_FLOOR = 0.70  # measured 0.7186 (ensemble bilstm.npz + crf.model, consistency window 5; 0.7029 without)
SCHEMES = click.Choice(["hadath", "anercorp"])
# Label consistency over +-5 neighbouring sentences, min share 0.34, name parts (the best setting on the
# contiguous ANERcorp dev block, hadath.ner.devtune: ensemble 0.7222 -> 0.7262 with the previous BiLSTM).
CONSISTENCY_WINDOW = 5
_CONSISTENCY = click.option(
    "--consistency", "window", type=int, default=CONSISTENCY_WINDOW, show_default=True,
    help="Spread names tagged once to their untagged occurrences within this many sentences "
         "before and after (-1: none).")


@click.command("ner")
@click.option("--kind", type=click.Choice(["bilstm", "crf"]), default="bilstm", show_default=True,
              help="bilstm: BiLSTM-CRF (needs `pip install hadath[train]`, i.e. torch); crf: crfsuite CRF.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the model and its provenance JSON [default: hadath/data/models/ner].")
@click.option("--seed", type=int, default=13, show_default=True,
              help="Seed (word-cluster k-means, dev sampling).")
@click.option("--shared", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The shared data folder [default: ../shared/data next to the repository].")
@click.option("--max-iterations", type=int, default=150, show_default=True, help="CRF: L-BFGS iterations.")
@click.option("--epochs", type=int, default=None, help="BiLSTM: epochs (the best on dev is kept).")
@click.option("--refit", is_flag=True, help="BiLSTM: train on all of ANERcorp train (the dev block too) "
              "and keep the last epoch (pass --epochs, chosen on dev before).")
@click.option("--teachers", type=int, default=None,
              help="BiLSTM self-training: teacher BiLSTMs (other seeds) that label SaudiNewsNet sentences.")
@click.option("--silver", type=int, default=None, help="BiLSTM self-training: news sentences to label.")
@click.option("--silver-threshold", type=float, default=None,
              help="BiLSTM self-training: keep a sentence when its least sure token is this sure.")
@click.option("--workers", type=int, default=None, help="BiLSTM self-training: labelling processes.")
@click.option("--gazetteer-dropout", type=float, default=None,
              help="Share of training sentences (CRF: copied without gazetteer features) or tokens "
                   "(BiLSTM: gazetteer features zeroed) [default: the model's TrainOptions/NeuralOptions].")
@click.option("--newsfane/--no-newsfane", default=None,
              help="Add NewsFANE (clitics glued back, no sentence sharing a 6-gram with the ANERcorp test) "
                   "[default: the model's TrainOptions/NeuralOptions].")
@click.option("--variants", default="", help="Comma-separated variants to compare instead of training "
              "(base,+clitics,+charngrams,+gazetteer,+profiles,+clusters,+clusters+wojood,"
              "+wojood,+newsfane,+both).")
def train_ner(
    kind: str, out_dir: Path | None, seed: int, shared: Path | None, max_iterations: int,
    epochs: int | None, variants: str, refit: bool = False, **neural: int | float | None
) -> None:
    """Train the named-entity tagger on ANERcorp (+ Wojood; the CRF also filtered NewsFANE)."""
    import json

    from hadath.ner import datasets as ds
    from hadath.ner.crf import MODEL_DIR
    from hadath.ner.train import TrainOptions, compare_variants, run_training

    data_dir = shared or ds.default_shared_dir()
    if not (data_dir / ds.ANER_FULL).exists():
        raise click.ClickException(
            f"{data_dir / ds.ANER_FULL} not found: pass --shared PATH to the shared data"
        )
    args = [shlex.quote(a) for a in sys.argv[1:] if a not in ("train", "ner")]
    command = ("hadath train ner " + " ".join(args)).strip()
    if kind == "bilstm" and not variants:
        _train_bilstm(data_dir, out_dir or MODEL_DIR, seed, command,
                      {"epochs": epochs, "refit": refit, **neural})
        return
    chosen = {k: neural.pop(k) for k in ("gazetteer_dropout", "newsfane")}
    options = TrainOptions(seed=seed, max_iterations=max_iterations,
                           **{k: v for k, v in chosen.items() if v is not None})
    if variants:
        result = compare_variants(data_dir, options, [v.strip() for v in variants.split(",")])
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    info = run_training(data_dir, out_dir or MODEL_DIR, options, command)
    for name, scores in info["scores"].items():
        click.echo(f"{name}: micro F1 {scores['micro']['f1']:.4f}")
    click.echo(f"model: {info['model_bytes'] / 1e6:.1f} MB, trained in {info['train_seconds']} s")


def _train_bilstm(data_dir: Path, out_dir: Path, seed: int, command: str,
                  overrides: dict[str, object]) -> None:
    try:
        import torch  # noqa: F401
    except ImportError as err:
        raise click.ClickException("the BiLSTM needs torch: pip install 'hadath[train]' "
                                   "(or train the CRF: --kind crf)") from err
    from hadath.ner.neural_train import NeuralOptions, run_neural

    options = NeuralOptions(seed=seed)
    chosen = {k: v for k, v in overrides.items() if v is not None and v is not False}
    options = dataclasses.replace(options, **chosen)
    info = run_neural(data_dir, out_dir, options, command, log=lambda line: click.echo(line, err=True))
    for name, scores in info["scores"].items():
        click.echo(f"{name}: micro F1 {scores['micro']['f1']:.4f}")
    for name, scores in info.get("ensemble", {}).get("scores", {}).items():
        click.echo(f"{name} (ensemble with crf.model): micro F1 {scores['micro']['f1']:.4f}")
    click.echo(f"model: {info['model_bytes'] / 1e6:.1f} MB, best epoch {info['best_epoch']}, "
               f"trained in {info['train_seconds']} s")


def _tag_sentences(path: Path, scheme: str, model_dir: Path | None,
                   window: int = CONSISTENCY_WINDOW) -> list[list[tuple[str, str]]]:
    """Tag a CoNLL file's sentences; with ``window >= 0`` names tagged once are spread to their untagged
    occurrences within ``window`` sentences before and after (:mod:`hadath.ner.consistency`: a CoNLL
    file has no document breaks, so neighbouring sentences stand in for the document)."""
    from hadath.ner.consistency import propagate_windows
    from hadath.ner.crf import load_model, to_scheme

    try:
        model = load_model(model_dir)
    except FileNotFoundError as err:
        raise click.ClickException(str(err)) from err
    sentences = [[r[0] for r in rows] for rows in read_conll(path)]
    tagged = model.tag_many(sentences)
    if window >= 0:
        tagged = propagate_windows(sentences, tagged, window)
    return [list(zip(tokens, to_scheme(tags, scheme), strict=True))
            for tokens, tags in zip(sentences, tagged, strict=True)]


@click.command("tag")
@click.option("--conll", "conll", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Input: one token per line (first column), blank lines between sentences.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Output file [stdout].")
@click.option("--scheme", type=SCHEMES, default="hadath", show_default=True,
              help="anercorp: PERS/LOC/ORG/MISC as in ANERcorp; hadath: PER/GPE/ORG/MISC.")
@click.option("--model", "model_dir", type=click.Path(path_type=Path), default=None,
              help="Model file or folder.")
@_CONSISTENCY
def tag(conll: Path, output, scheme: str, model_dir: Path | None, window: int) -> None:  # noqa: ANN001
    """Tag a CoNLL token file: writes `token TAG` (BIO) per line, blank lines kept."""
    output.write(format_conll(_tag_sentences(conll, scheme, model_dir, window)))


@click.command("ner")
@click.option("--conll", "conll", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold file: token and tag (last column) per line, blank lines between sentences.")
@click.option("--scheme", type=SCHEMES, default="anercorp", show_default=True,
              help="Tag scheme of the gold file.")
@click.option("--floor", type=float, default=EVAL_FLOOR, show_default=True,
              help="Fail when micro F1 is below.")
@click.option("--model", "model_dir", type=click.Path(path_type=Path), default=None,
              help="Model file or folder.")
@_CONSISTENCY
def eval_ner(conll: Path, scheme: str, floor: float, model_dir: Path | None, window: int) -> None:
    """Score the tagger on a gold CoNLL file (exact spans, per type and micro); exit 1 below --floor."""
    from hadath.ner.evaluate import format_scores, score

    gold = [[r[-1] for r in rows] for rows in read_conll(conll)]
    pred = [[t for _, t in s] for s in _tag_sentences(conll, scheme, model_dir, window)]
    scores = score(gold, pred)
    click.echo(format_scores(scores))
    if scores.micro.f1 < floor:
        click.echo(f"micro F1 {scores.micro.f1:.4f} is below the floor {floor}", err=True)
        sys.exit(1)


@click.group()
def main() -> None:
    """NER commands (standalone): train, tag, eval."""


main.add_command(train_ner, "train")
main.add_command(tag, "tag")
main.add_command(eval_ner, "eval")

if __name__ == "__main__":
    main()
