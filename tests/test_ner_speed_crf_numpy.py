"""The numpy CRF posteriors (hadath.ner.ensemble.CRFScorer) equal crfsuite's own, on a small model
trained here and on the bundled model when it ships."""

from pathlib import Path

import numpy as np
import pytest

from hadath.ner.crf import MODEL_DIR, MODEL_FILE, NerModel, load_model
from hadath.ner.ensemble import CRFScorer, EnsembleModel, read_crfsuite
from hadath.ner.features import FeatureExtractor, FeatureOptions, Gazetteer
from hadath.ner.neural import marginals, viterbi

pycrfsuite = pytest.importorskip("pycrfsuite")

TRAIN = [
    (["زار", "محمد", "بكين", "أمس"], ["O", "B-PERS", "B-LOC", "O"]),
    (["وقال", "علي", "حسن", "في", "طوكيو"], ["O", "B-PERS", "I-PERS", "O", "B-LOC"]),
    (["أعلنت", "الأمم", "المتحدة", "في", "بكين"], ["O", "B-ORG", "I-ORG", "O", "B-LOC"]),
    (["قال", "CNN", "إن", "محمد", "علي", "وصل", "،", "2024"],
     ["O", "B-ORG", "O", "B-PERS", "I-PERS", "O", "O", "O"]),
]
SENTENCES = [["زار", "علي", "طوكيو"], ["الأمم", "المتحدة", "و", "محمد", "حسن", "في", "بكين", "أمس", "."],
             ["محمد"], ["قال", "CNN", "في", "2024", "إن", "الأمم", "المتحدة", "زار", "علي", "حسن"]]


def _extractor() -> FeatureExtractor:
    gazetteer = Gazetteer({"بكين": frozenset({"CITY"}), "طوكيو": frozenset({"CITY"})})
    return FeatureExtractor(gazetteer, FeatureOptions(clusters=False))


def _train(path: Path, data: list[tuple[list[str], list[str]]]) -> NerModel:
    extractor = _extractor()
    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, tags in data:
        trainer.append(extractor.sentence(tokens), tags)
    trainer.set_params({"c2": 0.01, "max_iterations": 30})
    trainer.train(str(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return NerModel(tagger, extractor, {}, path)


@pytest.fixture(scope="module")
def small_crf(tmp_path_factory) -> NerModel:
    """Labels O, B/I-PERS, B-LOC, B/I-ORG: not the random BiLSTM's tags."""
    return _train(tmp_path_factory.mktemp("crf") / "crf.model", TRAIN)


@pytest.fixture(scope="module")
def same_tags_crf(tmp_path_factory) -> NerModel:
    """The random BiLSTM's tags exactly: O, B/I-PERS, B/I-LOC."""
    data = [(tokens, [t if "ORG" not in t else "O" for t in tags]) for tokens, tags in TRAIN]
    data.append((["في", "هونغ", "كونغ"], ["O", "B-LOC", "I-LOC"]))
    return _train(tmp_path_factory.mktemp("crf") / "crf.model", data)


def _crfsuite_marginals(model: NerModel, tokens: list[str], labels: list[str]) -> np.ndarray:
    model.tagger.set(model.extractor.sentence(tokens))
    return np.array([[model.tagger.marginal(label, t) for label in labels] for t in range(len(tokens))])


def _check(model: NerModel, sentences: list[list[str]]) -> None:
    weights = read_crfsuite(model.path)
    scorer = CRFScorer(weights, model.extractor)
    lengths = np.array([len(s) for s in sentences])
    scores = scorer.emissions(sentences, int(lengths.max()))
    zero = np.zeros(len(weights.labels))
    got = marginals(scores, lengths, weights.trans, zero, zero)
    paths = viterbi(scores, lengths, weights.trans, zero, zero)
    for b, tokens in enumerate(sentences):
        expected = _crfsuite_marginals(model, tokens, weights.labels)
        np.testing.assert_allclose(got[b, : len(tokens)], expected, atol=1e-9)
        assert [weights.labels[i] for i in paths[b]] == model.tag(tokens)


def test_ner_speed_crf_weights_match_crfsuite_dump(small_crf):
    weights = read_crfsuite(small_crf.path)
    info = small_crf.tagger.info()
    assert sorted(weights.labels) == sorted(small_crf.tagger.labels())
    for (attr, label), value in info.state_features.items():  # the dump rounds to 6 decimals
        assert abs(weights.state[weights.attributes.index(attr), weights.labels.index(label)] - value) < 1e-6
    for (a, b), value in info.transitions.items():
        assert abs(weights.trans[weights.labels.index(a), weights.labels.index(b)] - value) < 1e-6


def test_ner_speed_crf_numpy_marginals_and_viterbi_equal_crfsuite(small_crf, same_tags_crf):
    _check(small_crf, SENTENCES)
    _check(small_crf, [s for s in reversed(SENTENCES)])  # warm cache, other batch order
    _check(same_tags_crf, SENTENCES)


def test_ner_speed_crf_numpy_batches_of_one_token_sentences(small_crf):
    """A batch whose longest sentence is one token (a document of headlines or bullet words)."""
    _check(small_crf, [[s[0]] for s in SENTENCES])
    _check(small_crf, [[SENTENCES[0][0]]])


@pytest.mark.parametrize("crf_name", ["small_crf", "same_tags_crf"])
def test_ner_speed_ensemble_numpy_crf_equals_crfsuite_path(crf_name, request):
    from test_ner_neural_inference import TAGS, _random_model  # a small random BiLSTM-CRF

    crf = request.getfixturevalue(crf_name)
    assert (set(TAGS) == set(crf.tagger.labels())) == (crf_name == "same_tags_crf")
    fast = EnsembleModel(_random_model(), crf, 0.5)
    slow = EnsembleModel(_random_model(), NerModel(crf.tagger, crf.extractor, {}), 0.5)
    assert fast.scorer is not None and slow.scorer is None
    p_fast, lengths = fast.posteriors(SENTENCES)
    p_slow, _ = slow.posteriors(SENTENCES)
    for b, n in enumerate(lengths):
        np.testing.assert_allclose(p_fast[b, :n], p_slow[b, :n], atol=1e-9)
    assert fast.tag_many(SENTENCES) == slow.tag_many(SENTENCES)


@pytest.mark.skipif(not (MODEL_DIR / MODEL_FILE).exists(), reason="no crf.model shipped")
def test_ner_speed_bundled_crf_numpy_equals_crfsuite():
    model = load_model(Path(MODEL_DIR / MODEL_FILE))
    _check(model, SENTENCES)
