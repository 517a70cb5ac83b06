"""The NER training data never overlaps the ANERcorp test split."""

from pathlib import Path

import pytest

from hadath.ner import datasets as ds


@pytest.fixture(scope="module")
def shared_dir() -> Path:
    path = Path(__file__).resolve().parents[2] / "shared" / "data"
    if not (path / ds.ANER_FULL).exists():
        pytest.skip("../shared/data is absent")
    return path


def test_ner_data_anercorp_test_is_the_tail_after_the_boundary(shared_dir):
    test = ds.anercorp_test(shared_dir)
    full_lines = (shared_dir / ds.ANER_FULL).read_text(encoding="utf-8").splitlines()
    assert len(full_lines) - ds.ANER_TRAIN_TOKENS == test.tokens
    assert ds.anercorp_tail_agreement(shared_dir) > 0.95
    assert ds.anercorp_tail_agreement(shared_dir, ds.ANER_TRAIN_TOKENS - 1000) < 0.1


def test_ner_data_anercorp_train_stops_at_the_boundary(shared_dir):
    train = ds.anercorp_train(shared_dir)
    assert ds.ANER_TRAIN_TOKENS - 200 < train.tokens <= ds.ANER_TRAIN_TOKENS
    test_grams = ds.corpus_ngrams(ds.anercorp_test(shared_dir), 12)
    train_grams = ds.word_ngrams([tok for s in train.sentences[-50:] for tok, _ in s], 12)
    assert not train_grams & test_grams


def test_ner_data_newsfane_kept_sentences_share_no_6gram_with_test(shared_dir):
    banned = ds.corpus_ngrams(ds.anercorp_test(shared_dir))
    corpus = ds.newsfane(shared_dir, banned)
    assert corpus.notes["dropped_sentences"] > 100
    for sentence in corpus.sentences:
        assert not ds.word_ngrams([tok for tok, _ in sentence]) & banned
    assert all("\u200e" not in tok and "\ufeff" not in tok for s in corpus.sentences for tok, _ in s)


def test_ner_data_labels_are_anercorp_classes(shared_dir):
    allowed = {"O"} | {f"{p}-{label}" for p in "BI" for label in ds.LABELS}
    for corpus in (ds.wojood(shared_dir, "train"), ds.anercorp_train(shared_dir)):
        assert {tag for s in corpus.sentences for _, tag in s} <= allowed


def test_ner_data_bilstm_train_and_dev_come_from_the_training_part_only(shared_dir):
    from hadath.ner.neural_train import dev_split

    aner = ds.anercorp_train(shared_dir).sentences
    train, dev = dev_split(aner, 13)
    assert len(dev) == len(aner) // 10 and len(train) + len(dev) == len(aner)
    assert dev_split(aner, 13) == (train, dev)  # seeded
    test_grams = ds.corpus_ngrams(ds.anercorp_test(shared_dir), 12)
    for corpus in (dev, ds.wojood(shared_dir, "train").sentences):
        assert not ds.word_ngrams([tok for s in corpus for tok, _ in s], 12) & test_grams
    # ANERcorp repeats a few sentences of its own before the split point (4 of 4,285): no more
    assert sum(1 for s in train if ds.word_ngrams([tok for tok, _ in s], 12) & test_grams) <= 4
