"""Choices on a contiguous development block of ANERcorp's training part (never the test split).

The random 10% dev sample of :func:`hadath.ner.neural_train.dev_split` shares
documents with the training sentences, so it flatters the tagger (BiLSTM dev
F1 0.786 against 0.66 on the test) and cannot score document-level choices.
:func:`contiguous_split` holds out the *last* 10% of the training sentences
instead: whole documents, in order, just before the test split, like the test.

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

__all__ = ["contiguous_split", "consistency_table", "SETTINGS", "main"]

SETTINGS = [(w, share, parts) for w in (5, 10, 20, -1) for share in (0.0, 0.34) for parts in (False, True)]


def contiguous_split(sentences: Sequence[ds.TaggedSentence], share: float = 0.1) -> tuple[list, list]:
    """(train, dev): the last ``share`` of ``sentences`` (in corpus order) is the development block."""
    cut = len(sentences) - int(len(sentences) * share)
    return list(sentences[:cut]), list(sentences[cut:])


def consistency_table(tokens: Sequence[Sequence[str]], gold: Sequence[Sequence[str]],
                      pred: Sequence[Sequence[str]]) -> list[dict]:
    """Micro F1 (and P, R) without and with each consistency setting of :data:`SETTINGS`."""
    rows = [{"setting": "none", **score(gold, pred).micro.as_dict()}]
    for window, share, parts in SETTINGS:
        tags = propagate_windows(tokens, pred, window, ConsistencyOptions(min_share=share, name_parts=parts))
        rows.append({"setting": f"window={window} min_share={share} name_parts={parts}",
                     **score(gold, tags).micro.as_dict()})
    return rows


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

    bilstm = "--bilstm" in (argv if argv is not None else sys.argv[1:])
    data = ds.default_shared_dir()
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
