"""The optional CRF features from name units (arabic-name-romanizer) and the actor knowledge base."""

from __future__ import annotations

import pytest

from hadath.ner.features import FeatureExtractor, FeatureOptions, load_gazetteer
from hadath.ner.kbmatch import kb_tags, load_kb_index
from hadath.ner.names import load_name_units


def test_kb_tags_longest_match_with_clitic_on_first_word():
    index = {"الامم": "GPE", "الامم المتحده": "ORG", "بكين": "GPE"}
    tags = kb_tags(["للامم", "المتحده", "و", "بكين"], [("الامم",), (), (), ("بكين",)], index, {"الامم": 2})
    assert tags == ["ORG-B", "ORG-I", None, "GPE-B"]


def test_kb_tags_no_match_leaves_none():
    assert kb_tags(["قال", "انه"], [(), ()], {"بكين": "GPE"}, {}) == [None, None]


def test_kb_features_mark_match_and_neighbours():
    fx = FeatureExtractor(load_gazetteer(), FeatureOptions(kb=True))
    rows = fx.sentence(["قالت", "الأمم", "المتحدة", "إن"])
    assert "kb=ORG-B" in rows[1] and "kb=ORG-I" in rows[2]
    assert "1:kb=ORG" in rows[0] and "-1:kb=ORG" in rows[3]


def test_kb_index_holds_organisations():
    index, _ = load_kb_index()
    assert index.get("الامم المتحده") == "ORG"


def test_default_options_add_no_new_features():
    rows = FeatureExtractor(load_gazetteer()).sentence(["قال", "محمد", "في", "الأمم", "المتحدة"])
    assert not any(f.startswith(("kb=", "nm=")) or ":kb=" in f or ":nm=" in f for row in rows for f in row)


def test_name_features_mark_given_names():
    if not load_name_units():
        pytest.skip("arabic-name-romanizer is not installed")
    rows = FeatureExtractor(load_gazetteer(), FeatureOptions(names=True)).sentence(["قال", "ومحمد"])
    assert "nm=G4" in rows[1] and "1:nm=G" in rows[0]


def test_numpy_scorer_adds_knowledge_base_features_like_crfsuite(tmp_path):
    import numpy as np

    pycrfsuite = pytest.importorskip("pycrfsuite")
    from hadath.ner.crf import NerModel
    from hadath.ner.ensemble import CRFScorer, read_crfsuite
    from hadath.ner.features import Gazetteer
    from hadath.ner.neural import marginals

    extractor = FeatureExtractor(Gazetteer({}), FeatureOptions(clusters=False, kb=True, names=True))
    train = [(["قالت", "الأمم", "المتحدة", "إن", "محمد", "وصل"], ["O", "B-ORG", "I-ORG", "O", "B-PERS", "O"]),
             (["زار", "الأمين", "العام", "بكين"], ["O", "O", "O", "B-LOC"])]
    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, tags in train:
        trainer.append(extractor.sentence(tokens), tags)
    trainer.set_params({"c2": 0.01, "max_iterations": 30})
    path = tmp_path / "crf.model"
    trainer.train(str(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    model = NerModel(tagger, extractor, {}, path)
    weights = read_crfsuite(path)
    sentences = [["وأعلنت", "الأمم", "المتحدة", "أن", "علي", "زار", "بكين"], ["الأمين", "العام"]]
    lengths = np.array([len(s) for s in sentences])
    scores = CRFScorer(weights, extractor).emissions(sentences, int(lengths.max()))
    zero = np.zeros(len(weights.labels))
    got = marginals(scores, lengths, weights.trans, zero, zero)
    for b, tokens in enumerate(sentences):
        model.tagger.set(extractor.sentence(tokens))
        expected = [[model.tagger.marginal(label, t) for label in weights.labels] for t in range(len(tokens))]
        np.testing.assert_allclose(got[b, : len(tokens)], np.array(expected), atol=1e-9)


def test_switch_on_sets_groups_and_rejects_unknown():
    from hadath.ner.features import switch_on

    on = switch_on(FeatureOptions(), "names, kb")
    assert on.names and on.kb and not on.char4 and on.clusters
    with pytest.raises(ValueError, match="choose from"):
        switch_on(FeatureOptions(), "names,bogus")
