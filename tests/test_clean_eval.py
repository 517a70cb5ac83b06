"""The cleaning gold set and its evaluator (hadath.clean.evaluate)."""

from __future__ import annotations

import json

from hadath.clean.evaluate import FLOOR_DROP, FLOOR_KEEP, GOLD_PATH, run_cleaning_eval, score_item
from hadath.model import Document, Rejection


def test_clean_eval_gold_meets_floors(shared_dir, capsys):
    assert run_cleaning_eval(shared_dir) == 0
    out = capsys.readouterr().out
    assert "overall:" in out and "snn-" in out


def test_clean_eval_skips_saudinewsnet_when_shared_absent(tmp_path, capsys):
    assert run_cleaning_eval(tmp_path) == 0
    out = capsys.readouterr().out
    assert "SaudiNewsNet not found" in out and "seed-000" in out


def test_clean_eval_fails_below_floor(tmp_path):
    gold = tmp_path / "gold.jsonl"
    item = {"id": "x", "kind": "seed", "file": "004_5598de805fd80989.txt", "drop": []}
    item["keep"] = [{"text": "نص غير موجود"}]
    gold.write_text(json.dumps(item, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cleaning_eval(tmp_path, gold=gold) == 1


def test_clean_eval_gold_shape():
    items = [json.loads(line) for line in GOLD_PATH.read_text(encoding="utf-8").splitlines()]
    snn = [i for i in items if i["kind"] == "saudinewsnet"]
    assert len(snn) >= 24 and len({i["outlet"] for i in snn}) >= 8
    for item in snn:
        assert len(item["keep"]) >= 3
        assert all("text" not in s and len(s["sha1"]) == 40 for s in item["keep"] + item["drop"])
    assert 0 < FLOOR_DROP <= 1 and 0 < FLOOR_KEEP <= 1


def test_clean_eval_score_item_counts_document_placement():
    docs = [Document(doc_id="a", text="نص أول", source="s"), Document(doc_id="b", text="نص ثان", source="s")]
    item = {"id": "t", "documents": 2}
    keep = [{"text": "نص أول", "doc": 0}, {"text": "نص ثان", "doc": 0}]
    score = score_item(docs, item, keep, [{"text": "ثان"}])
    assert (score.keep_hit, score.drop_hit, score.docs_ok) == (1, 0, True)
    rejected = score_item(Rejection("s", "empty"), item, [{"text": "نص"}], [])
    assert rejected.keep_hit == 0 and not rejected.docs_ok


def test_clean_eval_report_api_on_seeds_only(tmp_path):
    from hadath.clean.evaluate import evaluate_cleaning

    report = evaluate_cleaning(GOLD_PATH.parent, tmp_path)
    assert {s.item_id for s in report.scores} >= {"seed-000", "seed-004"}
    assert all(s.item_id.startswith("seed") for s in report.scores)
    assert report.skipped >= 24 and any("SaudiNewsNet not found" in m for m in report.messages)
    assert report.keep_recall("seed") >= FLOOR_KEEP and report.drop_rate("seed") >= FLOOR_DROP
    assert report.wrong_document_count == ()


def test_clean_eval_single_floor_applies_to_both(tmp_path):
    # The CLI passes one --floor positionally; an impossible floor must fail.
    assert run_cleaning_eval(tmp_path, 1.01) == 1
    assert run_cleaning_eval(tmp_path, 0.5) == 0
