"""The tag command writes one `token TAG` line per input token, blank lines kept."""

import pytest
from click.testing import CliRunner

from hadath.ner.commands import eval_ner, tag
from hadath.ner.crf import default_model_path

pytestmark = pytest.mark.skipif(not default_model_path().exists(), reason="no trained NER model")

INPUT = "قال\tx\tO\nالرئيس\ty\nجورج\nبوش\nفي\nواشنطن\n\nزار\nبغداد\n.\n"


def test_ner_crf_cli_tag_one_line_per_token(tmp_path):
    path = tmp_path / "in.conll"
    path.write_text(INPUT, encoding="utf-8")
    result = CliRunner().invoke(tag, ["--conll", str(path), "--scheme", "anercorp"])
    assert result.exit_code == 0, result.output
    lines = result.output.split("\n")
    assert lines[0].split(" ")[0] == "قال"
    assert lines[6] == ""
    rows = [line.split(" ") for line in lines if line]
    assert [r[0] for r in rows] == ["قال", "الرئيس", "جورج", "بوش", "في", "واشنطن", "زار", "بغداد", "."]
    assert all(len(r) == 2 and (r[1] == "O" or r[1][2:] in {"PERS", "LOC", "ORG", "MISC"}) for r in rows)
    assert ["جورج", "B-PERS"] in rows


def test_ner_crf_cli_eval_fails_below_floor(tmp_path):
    path = tmp_path / "gold.conll"
    path.write_text("زار O\nبغداد B-LOC\n. O\n", encoding="utf-8")
    ok = CliRunner().invoke(eval_ner, ["--conll", str(path), "--floor", "0.5"])
    assert ok.exit_code == 0 and "micro" in ok.output
    bad = CliRunner().invoke(eval_ner, ["--conll", str(path), "--floor", "1.01"])
    assert bad.exit_code == 1


def test_ner_crf_cli_tag_consistency_spreads_a_name_and_can_be_switched_off(tmp_path):
    path = tmp_path / "in.conll"
    path.write_text("قال\nالرئيس\nجورج\nبوش\n.\n\nو\nقال\nبوش\n\n", encoding="utf-8")
    on = CliRunner().invoke(tag, ["--conll", str(path), "--scheme", "anercorp"])
    off = CliRunner().invoke(tag, ["--conll", str(path), "--scheme", "anercorp", "--consistency", "-1"])
    assert on.exit_code == 0 and off.exit_code == 0, on.output + off.output
    rows_on = [line.split(" ") for line in on.output.split("\n") if line]
    rows_off = [line.split(" ") for line in off.output.split("\n") if line]
    assert [r[0] for r in rows_on] == [r[0] for r in rows_off]
    if rows_on[3][1] == "I-PERS":  # the model found جورج بوش: the lone بوش is a person too
        assert rows_on[-1] == ["بوش", "B-PERS"]
