"""Self-training: news text becomes ANERcorp-like sentences; only confident, name-bearing teacher
labels are kept, decoded as valid BIO, the same in parallel as in one process."""

import numpy as np

from hadath.ner.selftrain import news_sentences, silver_labels, silver_labels_parallel, teacher_posteriors

TAGS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC"]


class FixedTeacher:
    """A teacher whose posteriors are set per token form."""

    tags = TAGS

    def __init__(self, table: dict[str, list[float]]):
        self.table = table

    def posteriors(self, sentences):
        steps = max(len(s) for s in sentences)
        out = np.full((len(sentences), steps, len(TAGS)), 1.0 / len(TAGS))
        for b, sent in enumerate(sentences):
            for t, tok in enumerate(sent):
                out[b, t] = self.table.get(tok, [0.96, 0.01, 0.01, 0.01, 0.01])
        return out, np.array([len(s) for s in sentences])


SURE_PER = [0.02, 0.95, 0.01, 0.01, 0.01]
SURE_IPER = [0.02, 0.01, 0.95, 0.01, 0.01]
UNSURE = [0.5, 0.3, 0.0, 0.2, 0.0]


def test_ner_selftrain_news_sentences_split_filter_and_sample():
    text = "قال محمد علي إن الوفد وصل. نعم. وأكد الوزير أن المحادثات ستستمر غدا في الرياض!"
    found = news_sentences([text], limit=10, seed=1, min_tokens=3)
    assert found == [["قال", "محمد", "علي", "إن", "الوفد", "وصل", "."],
                     ["وأكد", "الوزير", "أن", "المحادثات", "ستستمر", "غدا", "في", "الرياض", "!"]]
    many = [f"جملة رقم {i} في النص هنا ." for i in range(50)]
    first = news_sentences(many, limit=5, seed=3, min_tokens=3)
    assert len(first) == 5 and first == news_sentences(many, limit=5, seed=3, min_tokens=3)
    assert first == sorted(first, key=lambda s: int(s[2]))  # text order kept


def test_ner_selftrain_keeps_only_confident_sentences_with_names():
    teacher = FixedTeacher({"محمد": SURE_PER, "علي": SURE_IPER, "ربما": UNSURE})
    sentences = [["قال", "محمد", "علي"], ["قال", "ربما", "محمد"], ["قال", "الوزير", "أمس"]]
    kept = silver_labels([teacher], sentences, threshold=0.9)
    assert kept == [[("قال", "O"), ("محمد", "B-PERS"), ("علي", "I-PERS")]]
    assert len(silver_labels([teacher], sentences, threshold=0.4)) == 2  # the unsure one passes a low bar


def test_ner_selftrain_decodes_valid_bio_and_averages_teachers():
    lone_inside = FixedTeacher({"علي": SURE_IPER})  # I-PERS with no B-PERS before it
    kept = silver_labels([lone_inside], [["قال", "علي"]], threshold=0.0)
    assert kept == [] or kept[0][1][1] != "I-PERS"
    a, b = FixedTeacher({"محمد": SURE_PER}), FixedTeacher({"محمد": [0.96, 0.01, 0.01, 0.01, 0.01]})
    probs, lengths = teacher_posteriors([a, b], [["محمد"]])
    assert lengths.tolist() == [1] and np.isclose(probs[0, 0, 1], 0.48)


def test_ner_selftrain_parallel_labels_equal_serial():
    teacher = FixedTeacher({"محمد": SURE_PER, "علي": SURE_IPER})
    sentences = [["قال", "محمد", "علي"], ["قال", "الوزير"], ["زار", "محمد"]] * 7
    serial = silver_labels([teacher], sentences, threshold=0.9)
    assert silver_labels_parallel([teacher], sentences, 0.9, workers=2, chunk=4) == serial
    assert len(serial) == 14
