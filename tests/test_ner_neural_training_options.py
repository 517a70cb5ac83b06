"""BiLSTM training: word dropout and device choice train a working model, seeded; the shipped model
keeps the inference size (hidden units, character filters, embedding width) it had."""

import json

import numpy as np
import pytest

from hadath.ner.crf import MODEL_DIR
from hadath.ner.neural_train import NeuralOptions

TRAIN = [[("زار", "O"), ("محمد", "B-PERS"), ("بكين", "B-LOC")], [("وصل", "O"), ("علي", "B-PERS")],
         [("في", "O"), ("باريس", "B-LOC"), ("أمس", "O")]] * 4
WORDS = ["زار", "محمد", "بكين", "وصل", "علي", "في", "باريس", "أمس"]


def _train(**kw):
    torch = pytest.importorskip("torch")
    from hadath.ner.neural_train import model_of, train_neural

    vectors = np.random.default_rng(0).standard_normal((len(WORDS), 8)).astype(np.float32)
    options = NeuralOptions(epochs=2, hidden=8, char_dim=4, char_filters=6, gazetteer=False, device="cpu",
                            **kw)
    arrays, record = train_neural(TRAIN, TRAIN[:3], WORDS, vectors, options, log=lambda _: None)
    return torch, arrays, record, model_of(arrays)


def test_ner_neural_training_with_word_dropout_is_seeded():
    _, first, record, model = _train(word_dropout=0.5, lr_decay=0.9)
    _, second, _, _ = _train(word_dropout=0.5, lr_decay=0.9)
    assert record["device"] == "cpu" and len(record["history"]) == 2
    assert all(np.array_equal(first[k], second[k]) for k in ("fw_w_ih", "out_w", "trans"))
    tags = model.tag_many([[w for w, _ in s] for s in TRAIN[:3]])
    assert [len(t) for t in tags] == [3, 2, 3]
    _, plain, _, _ = _train(word_dropout=0.0)
    assert not np.array_equal(first["out_w"], plain["out_w"])  # dropout changes training


def test_ner_neural_device_auto_picks_cpu_without_cuda():
    torch = pytest.importorskip("torch")
    from hadath.ner.neural_train import _device

    expected = "cuda" if torch.cuda.is_available() else "cpu"
    assert _device(torch, "auto").type == expected
    assert _device(torch, "cpu").type == "cpu"


def test_ner_neural_shipped_model_keeps_its_inference_size():
    info = json.loads((MODEL_DIR / "bilstm.json").read_text(encoding="utf-8"))
    assert info["hidden"] <= 128 and info["char_filters"] <= 64 and info["char_dim"] <= 32
    assert "100 dims" in info["word_vectors"]["method"] and info["model_bytes"] < 50e6
    defaults = NeuralOptions()
    assert (defaults.hidden, defaults.char_filters, defaults.word_dropout) == (128, 64, 0.25)
    assert info["word_dropout"] == defaults.word_dropout and info["dropout"] == defaults.dropout
