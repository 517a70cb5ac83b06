"""Training and cross-validating the learned filter on a small GSR-shaped data set written here."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from hadath.events.classifier import EventFilter
from hadath.events.train import (
    assign_folds,
    cross_validate,
    gsr_examples,
    near_duplicate_groups,
    repeated_cross_validate,
    train_events,
)

YES = [
    "قتل مسلحون خمسة جنود في هجوم على نقطة تفتيش أمس.",
    "لقي عشرة أشخاص مصرعهم في انفجار سيارة مفخخة يوم الاثنين.",
    "اغتال مسلحون مجهولون قائدا عسكريا بالرصاص أمس.",
    "قصفت المدفعية أحياء المدينة يوم الأربعاء مما أدى إلى مقتل ثلاثة مدنيين.",
    "اختطف مسلحون صحفيا أجنبيا أمس في شمال البلاد.",
    "قتل جنديان بهجوم شنه مسلحون على دورية أمس.",
]
NO = [
    "شاهد الجمهور فيلما عن اغتيال زعيم تاريخي.",
    "أدان الوزير الهجوم الذي وقع عام 1999 في العاصمة.",
    "بدأت محاكمة المتهمين بتفجير السفارة عام 1998.",
    "هل يجوز تبرير الاغتيال؟",
    "تتوقع الشرطة هجمات جديدة في الصيف.",
    "ارتفعت درجات الحرارة في الرياض اليوم.",
]


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    root = tmp_path_factory.mktemp("shared")
    folder = root / "arabic-event-gsr-dev"
    folder.mkdir()
    for kind, rows in (("assault", [(t, "yes") for t in YES] + [(t, "easy no") for t in NO]),
                       ("protest", [("تظاهر آلاف الطلاب أمس أمام مبنى البرلمان.", "yes"),
                                    ("ارتفعت أسعار النفط اليوم.", "easy no"),
                                    ("تحدث الكاتب عن تاريخ المظاهرات في القرن الماضي.", "difficult no")])):
        with (folder / f"{kind}_gsr.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["accept", "event_type", "id", "label", "reject", "text", "total"])
            for i, (text, label) in enumerate(rows):
                writer.writerow([3, kind.upper(), f"X_ARB_20080102.{i:04d}", label, 0, text, 3])
    return root


def test_near_duplicates_share_a_group_and_a_fold():
    texts = ["قتل مسلحون خمسة جنود في هجوم على نقطة تفتيش", "وقال إن مسلحون خمسة جنود في هجوم على نقطة",
             "نص آخر مختلف تماما"]
    groups = near_duplicate_groups(texts)
    assert groups[0] == groups[1] != groups[2]
    folds = assign_folds(groups * 5 + [7, 8, 9], k=3, seed=2)
    assert folds[0] == folds[1] and folds[3] == folds[4]
    assert assign_folds(groups, k=3, seed=2) == assign_folds(groups, k=3, seed=2)


def test_cross_validation_codes_every_sentence_with_a_filter_that_never_saw_it(shared):
    examples = {"ASSAULT": gsr_examples(shared, "ASSAULT")}
    counts, held_out = cross_validate(examples, k=3, seed=1)
    c = counts["ASSAULT"]
    assert c.tp + c.fn == len(YES)
    assert set(held_out) == set(YES + NO)
    assert len({id(f) for f in held_out.values()}) == 3
    pooled, _ = repeated_cross_validate(examples, k=3, seed=1, repeats=2)
    assert pooled["ASSAULT"].tp + pooled["ASSAULT"].fn == 2 * len(YES)


def test_train_command_writes_model_and_provenance(shared, tmp_path):
    out = tmp_path / "filter.json"
    result = CliRunner().invoke(train_events, ["--shared", str(shared), "--out", str(out), "--folds", "2",
                                               "--repeats", "1", "--seed", "5"])
    assert result.exit_code == 0, result.output
    assert "cross-validated" in result.output
    flt = EventFilter.from_json(out.read_text(encoding="utf-8"))
    assert set(flt.models) == {"ASSAULT", "PROTEST"}
    prov = json.loads((tmp_path / "filter.provenance.json").read_text(encoding="utf-8"))
    assert prov["seed"] == 5 and len(prov["files_sha256"]) == 2
    assert prov["cross_validated"]["ASSAULT"]["folds"] == 2
    assert "--seed 5" in prov["command"]


def test_train_command_explains_missing_data(tmp_path):
    result = CliRunner().invoke(train_events, ["--shared", str(tmp_path / "nowhere")])
    assert result.exit_code != 0 and "--shared" in result.output


def test_ambiguous_sentences_train_by_majority_but_are_never_scored(tmp_path):
    folder = tmp_path / "arabic-event-gsr-dev"
    folder.mkdir()
    maybe = [("انفجرت عبوة ناسفة قرب دورية للشرطة أمس.", 2, 1),
             ("ذكر التقرير تاريخ الهجمات في المنطقة.", 0, 1),
             ("أصيب جنديان في كمين أمس.", 1, 1)]
    with (folder / "assault_gsr.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["accept", "event_type", "id", "label", "reject", "text", "total"])
        rows = [(t, "yes", 3, 0) for t in YES] + [(t, "easy no", 0, 3) for t in NO]
        rows += [(t, "ambiguous", a, r) for t, a, r in maybe]
        for i, (text, label, accept, reject) in enumerate(rows):
            key = f"X_ARB_20080102.{i:04d}"
            writer.writerow([accept, "ASSAULT", key, label, reject, text, accept + reject])
    examples = gsr_examples(tmp_path, "ASSAULT")
    assert len(examples) == len(YES) + len(NO)
    assert [(e.text, e.positive) for e in examples.training_only] == [(t, a > r) for t, a, r in maybe[:2]]
    counts, held_out = cross_validate({"ASSAULT": examples}, k=3, seed=1)
    c = counts["ASSAULT"]
    assert c.tp + c.fn == len(YES) and c.tp + c.fp + c.fn <= len(YES) + len(NO)
    assert set(held_out) == set(YES + NO)
