"""Choices on a contiguous development block of ANERcorp's training part (never the test split).

The random 10% dev sample of :func:`hadath.ner.neural_train.dev_split` shares
documents with the training sentences, so it flatters the tagger (BiLSTM dev
F1 0.786 against 0.66 on the test) and cannot score document-level choices.
:func:`contiguous_split` holds out the *last* 10% of the training sentences
instead: whole documents, in order, just before the test split, like the test.

``python -m hadath.ner.devtune --crf-variants base,+newsfane [--keep DIR] [--block 0.5]`` trains one
CRF per variant of :data:`CRF_VARIANTS` on the same rest and scores each on the block (NewsFANE then also
drops its sentences sharing a 6-gram with the block, since it reuses ANERcorp text).
Measured (session 10, CRF micro F1 on the block / after consistency): base 0.6900 / 0.6949,
+newsfane 0.6815 / 0.6881 (0.6893 before the filter also checked glued tokens: a leak; MISC
0.51 -> 0.27, NewsFANE has no class for ANERcorp's currencies, religions, prizes),
+newsfane-misc 0.6839 / 0.6908, +gazdrop (0.5) 0.6848 / 0.6879, +gazdrop25 0.6879 / 0.6909.
Blocks at 0.0 and 0.5 (``--block``): base 0.7935, 0.7100; +newsfane 0.7914, 0.6768.  A paired
bootstrap over 20-sentence blocks gives a 95% interval of about +-0.027 for such differences.
Session 11 (CRF micro F1 / after consistency, blocks last, 0.0, 0.5): base 0.6900/0.6949,
0.7935/0.7918, 0.7100/0.7101 (mean 0.7312/0.7323); +names (:mod:`hadath.ner.names`) 0.6928/0.6999,
0.7997/0.7993, 0.7131/0.7180 (0.7352/0.7391); +kb (:mod:`hadath.ner.kbmatch`) 0.6959/0.7012,
0.7923/0.7973, 0.7217/0.7220 (0.7366/0.7402); +names+kb 0.7006/0.7046, 0.8037/0.8065, 0.7210/0.7265
(0.7418/0.7459: better on every block); +names+kb+c4 0.7028/0.7082, 0.7990/0.8007, 0.7230/0.7285;
+names+kbkinds 0.6974/0.7032, 0.8047/0.8057, 0.7177/0.7248.  On the test split (ensemble with the
shipped BiLSTM, consistency): 0.7186 -> 0.7247 (+names+kb), 0.7186 (+names), 0.7236 (+kb); none ships
yet: each flips the person in a seed article's "مساعدة وزير الخارجية، فيكتوريا نولاند" to a place.

``python -m hadath.ner.devtune --train names,kb --out DIR`` trains a full CRF (like ``hadath train
ner --kind crf``) with those feature groups switched on, into ``DIR``.

``python -m hadath.ner.devtune [--bilstm]`` trains the CRF (and, with
``--bilstm``, the BiLSTM-CRF with the default options; ~2 min on a GPU, ~20 min
on one core) on the rest plus Wojood train, and prints micro F1 on the block
for each ensemble weight and label consistency setting (:mod:`hadath.ner.consistency`).

>>> contiguous_split([[("a", "O")]] * 10, 0.2)[1] == [[("a", "O")]] * 2
True
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from hadath.ner import datasets as ds
from hadath.ner.consistency import ConsistencyOptions, propagate_windows
from hadath.ner.evaluate import score
from hadath.ner.features import FeatureOptions

__all__ = ["contiguous_split", "consistency_table", "SETTINGS", "CRF_VARIANTS", "crf_variants", "main"]

SETTINGS = [(w, share, parts) for w in (5, 10, 20, -1) for share in (0.0, 0.34) for parts in (False, True)]


def contiguous_split(sentences: Sequence[ds.TaggedSentence], share: float = 0.1,
                     start: float | None = None) -> tuple[list, list]:
    """(train, dev): the last ``share`` of ``sentences`` (in corpus order) is the development block;
    with ``start`` (a fraction), the block of that size beginning there (other folds, for variance).

    >>> contiguous_split([[("a", "O")]] * 10, 0.2, start=0.0)[1] == [[("a", "O")]] * 2
    True
    """
    size = int(len(sentences) * share)
    begin = len(sentences) - size if start is None else int(len(sentences) * start)
    return list(sentences[:begin]) + list(sentences[begin + size :]), list(sentences[begin : begin + size])


def consistency_table(tokens: Sequence[Sequence[str]], gold: Sequence[Sequence[str]],
                      pred: Sequence[Sequence[str]]) -> list[dict]:
    """Micro F1 (and P, R) without and with each consistency setting of :data:`SETTINGS`."""
    rows = [{"setting": "none", **score(gold, pred).micro.as_dict()}]
    for window, share, parts in SETTINGS:
        tags = propagate_windows(tokens, pred, window, ConsistencyOptions(min_share=share, name_parts=parts))
        rows.append({"setting": f"window={window} min_share={share} name_parts={parts}",
                     **score(gold, tags).micro.as_dict()})
    return rows


CRF_VARIANTS: dict[str, dict] = {
    "base": {"features": FeatureOptions()},  # the features shipped up to session 10
    "shipped": {},  # TrainOptions() as it stands
    "+newsfane": {"newsfane": True},
    "+newsfane-raw": {"newsfane": "raw"},
    "+gazdrop": {"gazetteer_dropout": 0.5},
    "+gazdrop1": {"gazetteer_dropout": 1.0},
    "+gazdrop25": {"gazetteer_dropout": 0.25},
    "+newsfane+gazdrop": {"newsfane": True, "gazetteer_dropout": 0.5},
    "+newsfane-misc": {"newsfane": "misc"},
    "+newsfane-misc+gazdrop": {"newsfane": "misc", "gazetteer_dropout": 0.5},
    "+names": {"features": FeatureOptions(names=True)},
    "+kb": {"features": FeatureOptions(kb=True)},
    "+names+kb": {"features": FeatureOptions(names=True, kb=True)},
    "+names+kb+c4": {"features": FeatureOptions(names=True, kb=True, char4=True)},
    "+names+kbkinds": {"features": FeatureOptions(names=True, kb=True, kb_kinds=True)},
}
SHIPPED_CONSISTENCY = (5, ConsistencyOptions(min_share=0.34, name_parts=True))


def crf_variants(data: Path, names: Sequence[str], keep: Path | None = None,
                 start: float | None = None) -> dict[str, dict]:
    """Dev-block scores (per type, micro, micro after the shipped consistency) of CRF variants
    (their models are kept in ``keep/<variant>/`` when given)."""
    from dataclasses import replace

    from hadath.ner.crf import load_model
    from hadath.ner.features import CLUSTERS_PATH
    from hadath.ner.train import TrainOptions, train_crf

    train, dev = contiguous_split(ds.anercorp_train(data).sentences, start=start)
    train += ds.wojood(data, "train").sentences
    dev_corpus = ds.Corpus("dev", dev, ())
    banned = ds.corpus_ngrams(ds.anercorp_test(data)) | ds.corpus_ngrams(dev_corpus)
    tokens, gold = [[t for t, _ in s] for s in dev], [[g for _, g in s] for s in dev]
    out = {}
    for name in names:
        variant = dict(CRF_VARIANTS[name])
        extra = variant.pop("newsfane", False)
        options = replace(TrainOptions(), **variant)
        misc = ds.misc_words(train) if extra == "misc" else frozenset()
        rows = ds.newsfane(data, banned, attach=extra != "raw", misc=misc).sentences if extra else []
        with tempfile.TemporaryDirectory() as tmp:
            folder = keep / name if keep else Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "crf.json").write_text(json.dumps({"features": options.features.as_dict()}))
            shutil.copy(CLUSTERS_PATH, folder / CLUSTERS_PATH.name)
            train_crf(train + rows, options, folder / "crf.model")
            pred = load_model(folder / "crf.model").tag_many(tokens)
        window, copts = SHIPPED_CONSISTENCY
        spread = propagate_windows(tokens, pred, window, copts)
        out[name] = {"extra_sentences": len(rows), **score(gold, pred).as_dict(),
                     "micro+consistency": score(gold, spread).micro.as_dict()}
        print(json.dumps({name: out[name]}), flush=True)
    return out


def _train(folder: Path, train: list, dev: list, bilstm: bool) -> None:
    from hadath.ner.features import CLUSTERS_PATH
    from hadath.ner.train import TrainOptions, train_crf

    options = TrainOptions()
    (folder / "crf.json").write_text(json.dumps({"features": options.features.as_dict()}))
    shutil.copy(CLUSTERS_PATH, folder / CLUSTERS_PATH.name)
    train_crf(train, options, folder / "crf.model")
    if bilstm:
        from hadath.ner.embeddings import build_vectors
        from hadath.ner.neural_train import NeuralOptions, save_neural, train_neural

        words, vectors = build_vectors(ds.saudinewsnet_texts(ds.default_shared_dir()), 13)
        arrays, _ = train_neural(train, dev, words, vectors, NeuralOptions())
        save_neural(folder / "bilstm.npz", arrays)


def main(argv: Sequence[str] | None = None) -> None:
    import sys

    from hadath.ner.crf import load_model

    args = list(argv if argv is not None else sys.argv[1:])
    data = ds.default_shared_dir()
    if "--train" in args:  # a full CRF (all of ANERcorp train + Wojood) with extra feature groups
        from dataclasses import replace

        from hadath.ner.features import switch_on
        from hadath.ner.train import TrainOptions, run_training

        options = TrainOptions()
        options = replace(options, features=switch_on(options.features, args[args.index("--train") + 1]))
        out = Path(args[args.index("--out") + 1])
        info = run_training(data, out, options, "python -m hadath.ner.devtune " + " ".join(args))
        print(json.dumps({name: s["micro"] for name, s in info["scores"].items()}))
        return
    if "--crf-variants" in args:
        keep = Path(args[args.index("--keep") + 1]) if "--keep" in args else None
        start = float(args[args.index("--block") + 1]) if "--block" in args else None
        crf_variants(data, args[args.index("--crf-variants") + 1].split(","), keep, start)
        return
    bilstm = "--bilstm" in args
    train, dev = contiguous_split(ds.anercorp_train(data).sentences)
    tokens = [[t for t, _ in s] for s in dev]
    gold = [[g for _, g in s] for s in dev]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _train(folder, train + ds.wojood(data, "train").sentences, dev, bilstm)
        model = load_model(folder)
        weights = (0.3, 0.4, 0.5, 0.6, 0.7) if bilstm else (0.0,)
        for weight in weights:
            if bilstm:
                model.weight = weight
            pred = model.tag_many(tokens)
            for row in consistency_table(tokens, gold, pred):
                print(json.dumps({"weight": weight, **row}))


if __name__ == "__main__":
    main()
