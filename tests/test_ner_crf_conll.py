"""CoNLL reading/writing and conlleval-style span scoring."""

import pytest

from hadath.ner.conll import bio_spans, format_conll, parse_conll, read_conll, write_conll
from hadath.ner.evaluate import score


def test_ner_crf_conll_round_trip(tmp_path):
    sentences = [[("زار", "O"), ("بكين", "B-LOC")], [("قال", "O"), ("محمد", "B-PERS"), ("علي", "I-PERS")]]
    path = tmp_path / "a.conll"
    write_conll(path, sentences)
    assert read_conll(path) == sentences
    assert path.read_text(encoding="utf-8").count("\n\n") == 1


def test_ner_crf_conll_strips_bom_crlf_and_marks():
    lines = ["\ufeff\u200eزار\tO\r\n", "\u200eبكين\tB-Nation\r\n", "\r\n", "\r\n", "ثم O\n"]
    assert list(parse_conll(lines)) == [[("زار", "O"), ("بكين", "B-Nation")], [("ثم", "O")]]
    assert format_conll([[("a", "O")], [("b", "B-X")]]) == "a O\n\nb B-X\n"


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PERS", "I-PERS", "O"], [("PERS", 0, 2)]),
        (["I-ORG", "I-ORG"], [("ORG", 0, 2)]),  # I- without B- starts a span
        (["B-LOC", "I-ORG"], [("LOC", 0, 1), ("ORG", 1, 2)]),  # type change starts a new one
        (["B-LOC", "B-LOC"], [("LOC", 0, 1), ("LOC", 1, 2)]),
        (["O", "I-PERS"], [("PERS", 1, 2)]),  # ends at the sentence end
        (["O", "O"], []),
    ],
)
def test_ner_crf_conll_bio_spans(tags, spans):
    assert bio_spans(tags) == spans


def test_ner_crf_eval_exact_span_matching():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG"]]
    pred = [["B-PERS", "O", "O", "B-LOC"], ["I-ORG", "I-ORG"]]
    s = score(gold, pred)
    assert (s.micro.tp, s.micro.fp, s.micro.fn) == (2, 1, 1)  # the partial PERS is a miss and a false alarm
    assert s.by_type["ORG"].f1 == 1.0
    assert s.by_type["PERS"].f1 == 0.0
    assert s.micro.precision == pytest.approx(2 / 3)
    assert s.micro.f1 == pytest.approx(2 / 3)


def test_ner_crf_eval_rejects_misaligned_input():
    with pytest.raises(ValueError, match="sentence 0"):
        score([["O", "O"]], [["O"]])
