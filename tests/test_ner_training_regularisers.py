"""Training options of issue 3: gazetteer-feature dropout (CRF copies, BiLSTM token masks) and
NewsFANE with its split clitics glued back the way ANERcorp writes them."""

from pathlib import Path

import numpy as np
import pytest

from hadath.ner import datasets as ds
from hadath.ner.features import FeatureOptions
from hadath.ner.train import TrainOptions, train_crf, without_gazetteer

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
TRAIN = [[("زار", "O"), ("محمد", "B-PERS"), ("بكين", "B-LOC")], [("وصل", "O"), ("علي", "B-PERS")],
         [("في", "O"), ("باريس", "B-LOC"), ("أمس", "O")]] * 4


@pytest.fixture
def data_dir() -> Path:
    if not (DATA / ds.NEWSFANE).exists():
        pytest.skip("../shared/data/newsfane-gold is absent")
    return DATA


def test_ner_without_gazetteer_drops_own_and_neighbour_classes_only():
    rows = [["w=باريس", "g=CITY", "-2:g=TITLE", "1:w=أمس", "-1|0=في|باريس", "k0=3"]]
    assert without_gazetteer(rows) == [["w=باريس", "1:w=أمس", "-1|0=في|باريس", "k0=3"]]


def test_ner_gazetteer_dropout_must_be_a_share():
    with pytest.raises(ValueError, match="gazetteer_dropout"):
        TrainOptions(gazetteer_dropout=1.5)


class _Recorder:
    """Stands in for pycrfsuite.Trainer: records the appended sequences."""

    seen: list = []

    def __init__(self, verbose: bool = False):
        _Recorder.seen = []

    def append(self, rows, tags):  # noqa: ANN001, ANN201
        _Recorder.seen.append((rows, tags))

    def set_params(self, params):  # noqa: ANN001, ANN201
        pass

    def train(self, path):  # noqa: ANN001, ANN201
        pass


def _appended(monkeypatch, tmp_path, share: float) -> list:
    import pycrfsuite

    monkeypatch.setattr(pycrfsuite, "Trainer", _Recorder)
    options = TrainOptions(gazetteer_dropout=share, features=FeatureOptions(clusters=False))
    train_crf(TRAIN, options, tmp_path / "crf.model")
    return list(_Recorder.seen)


def test_ner_crf_gazetteer_dropout_adds_seeded_bare_copies(monkeypatch, tmp_path):
    plain = _appended(monkeypatch, tmp_path, 0.0)
    full = _appended(monkeypatch, tmp_path, 1.0)
    half, again = _appended(monkeypatch, tmp_path, 0.5), _appended(monkeypatch, tmp_path, 0.5)
    assert len(plain) == len(TRAIN) and half == again  # seeded
    assert len(plain) < len(half) < len(full)
    copies = [rows for rows, _ in full if not any(f.startswith("g=") for row in rows for f in row)]
    assert copies and all(tags in [t for _, t in plain] for _, tags in full)
    assert any(f.startswith("g=") for rows, _ in plain for row in rows for f in row)  # باريس: a city


def test_ner_neural_gazetteer_dropout_zeroes_class_columns_only():
    torch = pytest.importorskip("torch")
    from hadath.ner.neural import SHAPES
    from hadath.ner.neural_train import drop_gazetteer

    feats = torch.ones((2, 5, len(SHAPES) + 3))
    torch.manual_seed(0)
    assert torch.equal(drop_gazetteer(torch, feats, 0.0), feats)
    gone = drop_gazetteer(torch, feats, 1.0)
    assert gone[..., : len(SHAPES)].eq(1).all() and gone[..., len(SHAPES):].eq(0).all()
    some = drop_gazetteer(torch, feats, 0.5)[..., len(SHAPES):]
    rows = some.sum(dim=2).flatten().tolist()  # per token all classes kept or all dropped
    assert set(rows) <= {0.0, 3.0} and 0.0 in rows and 3.0 in rows


def test_ner_attach_clitics_glues_conjunction_prepositions_and_pronouns():
    rows = [("و", "O"), ("ب", "O"), ("القاهرة", "B-LOC"), ("قال", "O"), ("وزير", "O"), ("ها", "O"),
            ("،", "O"), ("و", "O")]
    assert ds.attach_clitics(rows) == [("وبالقاهرة", "B-LOC"), ("قال", "O"), ("وزيرها", "O"),
                                       ("،", "O"), ("و", "O")]
    assert ds.attach_clitics([("ل", "O"), ("الشعب", "O")]) == [("للشعب", "O")]


def test_ner_newsfane_tokens_look_like_anercorp_after_glueing(data_dir):
    banned = ds.corpus_ngrams(ds.anercorp_test(data_dir))
    glued = ds.newsfane(data_dir, banned)
    tokens = [t for s in glued.sentences for t, _ in s]
    assert tokens.count("و") / len(tokens) < 0.005  # ANERcorp: 0.15%; split NewsFANE: 6%
    assert all(not ds.word_ngrams([t for t, _ in s]) & banned for s in glued.sentences[:500])
    assert np.mean([len(s) for s in glued.sentences]) > 20


def test_ner_train_command_offers_the_regularisers():
    from click.testing import CliRunner

    from hadath.ner.commands import train_ner

    result = CliRunner().invoke(train_ner, ["--help"])
    assert result.exit_code == 0
    assert "--gazetteer-dropout" in result.output and "--newsfane / --no-newsfane" in result.output


def test_ner_newsfane_misc_filter_drops_sentences_leaving_misc_words_untagged(data_dir):
    banned = ds.corpus_ngrams(ds.anercorp_test(data_dir))
    misc = ds.misc_words([[("دولار", "B-MISC")], [("الدولار", "B-MISC")], [("دولار", "B-MISC")]])
    kept = ds.newsfane(data_dir, banned, misc=misc)
    assert kept.notes["dropped_untagged_misc"] > 0
    assert not any(t == "O" and ds.normalize(w) in misc for s in kept.sentences for w, t in s)
