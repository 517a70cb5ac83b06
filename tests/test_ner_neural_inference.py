"""The numpy BiLSTM-CRF: Viterbi is exact, batching changes nothing, and it matches the torch network."""

import itertools
import time

import numpy as np
import pytest

from hadath.ner.crf import NEURAL_FILE, CRFRecognizer, default_model_path, load_model
from hadath.ner.features import Gazetteer
from hadath.ner.neural import SHAPES, Encoder, NeuralModel, viterbi

TAGS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC"]
SENTENCES = [["زار", "محمد", "بكين", "أمس"], ["وقال", "علي"],
             ["في", "بكين", "و", "طوكيو", "،", "2024", "CNN"]]


def _encoder() -> Encoder:
    gazetteer = Gazetteer({"بكين": frozenset({"CITY"})})
    return Encoder(["زار", "محمد", "بكين", "قال"], list("زارمحدبكينقلعو"), ["CITY", "GIVEN"], gazetteer)


def _random_model(seed: int = 3, hidden: int = 6) -> NeuralModel:
    rng = np.random.default_rng(seed)
    enc = _encoder()
    dim_in = 2 * 5 + 4 + enc.n_features
    shapes = {"word_emb": (6, 5), "char_emb": (len(enc.chars) + 2, 3), "conv_w": (4, 3, 3), "conv_b": (4,),
              "fw_w_ih": (4 * hidden, dim_in), "fw_w_hh": (4 * hidden, hidden), "fw_b": (4 * hidden,),
              "bw_w_ih": (4 * hidden, dim_in), "bw_w_hh": (4 * hidden, hidden), "bw_b": (4 * hidden,),
              "out_w": (len(TAGS), 2 * hidden), "out_b": (len(TAGS),), "trans": (len(TAGS), len(TAGS)),
              "start": (len(TAGS),), "end": (len(TAGS),)}
    weights = {k: rng.standard_normal(s).astype(np.float32) for k, s in shapes.items()}
    weights["word_emb"][0] = weights["char_emb"][0] = 0.0
    return NeuralModel(weights, enc, {"tags": TAGS})


def test_ner_neural_viterbi_finds_the_best_path_by_brute_force():
    rng = np.random.default_rng(0)
    em = rng.standard_normal((3, 4, 3))
    trans, start, end = rng.standard_normal((3, 3)), rng.standard_normal(3), rng.standard_normal(3)
    lengths = np.array([4, 2, 1])
    paths = viterbi(em, lengths, trans, start, end)
    for b, n in enumerate(lengths):
        def total(path, b=b, n=n):
            s = start[path[0]] + end[path[-1]] + sum(em[b, t, path[t]] for t in range(n))
            return s + sum(trans[path[t - 1], path[t]] for t in range(1, n))
        best = max(itertools.product(range(3), repeat=int(n)), key=total)
        assert paths[b] == list(best)


def test_ner_neural_batch_and_padding_do_not_change_tags():
    model = _random_model()
    together = model.tag_many(SENTENCES)
    alone = [_random_model().tag(s) for s in SENTENCES]
    assert together == alone
    assert [len(t) for t in together] == [len(s) for s in SENTENCES]
    assert model.tag_many([[], ["زار"]])[0] == []


def test_ner_neural_encoder_uses_stems_shapes_and_gazetteer():
    enc = _encoder()
    word, stem, chars, feats = enc.encode("وبكين")
    assert word == 1 and stem == enc.word_index["بكين"]  # unknown form, known stem
    assert feats[SHAPES.index("A")] == 1.0 and feats[len(SHAPES) + enc.class_index["CITY"]] == 1.0
    assert len(chars) == 5
    assert enc.encode("2024")[3][SHAPES.index("D")] == 1.0


def test_ner_neural_numpy_matches_torch_network():
    torch = pytest.importorskip("torch")
    from hadath.ner.neural_train import NeuralOptions, _export, _network, _numpy_model, _tensors

    torch.manual_seed(0)
    enc = _encoder()
    options = NeuralOptions(hidden=5, char_dim=3, char_filters=4, dropout=0.0)
    net = _network(torch, len(enc.words) + 2, 7, len(enc.chars) + 2, enc.n_features, options).eval()
    arrays = _export(net, enc, {"tags": ["O", *[f"{p}-{x}" for x in ("PERS", "LOC", "ORG", "MISC")
                                                  for p in "BI"]]})
    arrays["word_emb"] = arrays["word_emb"].astype(np.float32)
    with torch.no_grad():
        net.word_emb.weight.copy_(torch.from_numpy(arrays["word_emb"]))
    encoded = [[enc.encode(t) for t in s] for s in SENTENCES]
    w, s, c, f, _, _, lengths = _tensors(torch, encoded, [[0] * len(x) for x in encoded])
    with torch.no_grad():
        expected = net(w, s, c, f, lengths).numpy()
    got, _ = _numpy_model(arrays, enc).emissions(SENTENCES)
    for b, sent in enumerate(SENTENCES):
        np.testing.assert_allclose(got[b, : len(sent)], expected[b, : len(sent)], atol=1e-4)


@pytest.mark.skipif(not (default_model_path().parent / NEURAL_FILE).exists(), reason="no bilstm.npz shipped")
def test_ner_neural_bundled_model_loads_fast_and_tags():
    began = time.perf_counter()
    model = load_model(default_model_path().parent / NEURAL_FILE)
    assert time.perf_counter() - began < 5.0  # the benchmark target is 2 s; slack for a busy CI
    assert isinstance(model, NeuralModel)
    tags = model.tag(["وقال", "الرئيس", "الفرنسي", "جاك", "شيراك", "في", "باريس"])
    assert tags[3:5] == ["B-PERS", "I-PERS"] and tags[6] == "B-LOC"
    assert isinstance(CRFRecognizer(model).model, NeuralModel)


def test_ner_neural_marginals_match_brute_force():
    from hadath.ner.neural import marginals

    rng = np.random.default_rng(1)
    em = rng.standard_normal((2, 3, 3))
    trans, start, end = rng.standard_normal((3, 3)), rng.standard_normal(3), rng.standard_normal(3)
    lengths = np.array([3, 2])
    got = marginals(em, lengths, trans, start, end)
    for b, n in enumerate(lengths):
        expected = np.zeros((int(n), 3))
        for path in itertools.product(range(3), repeat=int(n)):
            s = start[path[0]] + end[path[-1]] + sum(em[b, t, path[t]] for t in range(n))
            s += sum(trans[path[t - 1], path[t]] for t in range(1, n))
            for t in range(n):
                expected[t, path[t]] += np.exp(s)
        np.testing.assert_allclose(got[b, :n], expected / expected.sum(axis=1, keepdims=True), atol=1e-9)


def test_ner_ensemble_decodes_valid_bio():
    from hadath.ner.conll import bio_spans
    from hadath.ner.ensemble import EnsembleModel

    class _Uniform:  # a CRF stand-in whose posteriors say nothing
        class tagger:  # noqa: N801
            @staticmethod
            def set(_):
                pass

            @staticmethod
            def labels():
                return TAGS

            @staticmethod
            def marginal(tag, t):
                return 1.0 / len(TAGS)

        class extractor:  # noqa: N801
            @staticmethod
            def sentence(tokens):
                return tokens

    model = _random_model()
    tagged = EnsembleModel(model, _Uniform(), 0.5).tag_many(SENTENCES)
    for tags in tagged:
        assert all(t == "O" or t.startswith("B-") or tags[i - 1][2:] == t[2:] for i, t in enumerate(tags))
        assert all(tags[s].startswith("B-") for _, s, _ in bio_spans(tags))
