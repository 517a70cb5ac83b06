"""The GSR evaluation reads the gold files' shapes and scores a real pipeline
(on sentences written for this test, in the gold files' format)."""

from __future__ import annotations

import csv
import json

import pytest

from hadath.evaluate.gsr import evaluate_detection, evaluate_spans, load_codings, load_detection
from hadath.pipeline import build_pipeline

ATTACK = "قتل مسلحون عشرة جنود في هجوم على نقطة تفتيش أمس شمال بغداد."
WEATHER = "ارتفعت درجات الحرارة في الرياض اليوم إلى خمسين درجة."


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    root = tmp_path_factory.mktemp("shared")
    folder = root / "arabic-event-gsr-dev"
    folder.mkdir()
    with (folder / "assault_gsr.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["accept", "event_type", "id", "label", "reject", "text", "total"])
        writer.writerow([3, "ASSAULT", "XYZ_ARB_20070102.0001-1", "yes", 0, ATTACK, 3])
        writer.writerow([0, "ASSAULT", "XYZ_ARB_20070102.0001-2", "easy no", 3, WEATHER, 3])
        writer.writerow([1, "ASSAULT", "XYZ_ARB_20070102.0001-3", "ambiguous", 1, WEATHER, 2])
    rows = [
        {"id": "a", "date": "2007-01-02", "plover": "ASSAULT", "text": ATTACK,
         "sourcecode": "None UAF", "targetcode": "None MIL"},
        {"id": "b", "date": "2007-01-02", "plover": "ASSAULT", "text": WEATHER,
         "sourcecode": "None None", "targetcode": "None None"},
    ]
    (folder / "gsr_codings.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    return root


def test_evaluate_gsr_detection_leaves_out_ambiguous_and_counts(shared):
    gold = list(load_detection(shared, "ASSAULT"))
    assert [g.positive for g in gold] == [True, False]
    assert gold[0].date == "2007-01-02"
    counts = evaluate_detection(build_pipeline(), gold)
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)


def test_evaluate_gsr_spans_counts_nothing_coded_as_none_none(shared):
    score = evaluate_spans(build_pipeline(), list(load_codings(shared)))
    assert score.sentences == 2
    assert score.generous >= 1  # the weather sentence: nothing coded, gold has no actors
    assert score.by_type["ASSAULT"][0] == 2
