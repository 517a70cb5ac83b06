"""The learned ASSAULT/PROTEST filter: features, scoring, training, JSON, and how the coder uses it."""

from __future__ import annotations

import pytest

from hadath.arabic.tokens import split_sentences, tokenize
from hadath.events import EventCoder
from hadath.events.classifier import (
    FEATURE_VERSION,
    EventFilter,
    Hit,
    LogisticModel,
    features_of,
    fit_logistic,
    load_filter,
)
from hadath.model import Document

ATTACK = "قتل مسلحون خمسة جنود في هجوم على نقطة تفتيش أمس."


def _doc(text: str, date: str = "2024-03-14") -> Document:
    return Document(doc_id="d", text=text, source="t", date=date, sentences=split_sentences(text))


def test_features_name_trigger_context_flags_and_old_years():
    tokens = tokenize("وكان مسلحون قد قتلوا خمسة جنود عام 1999.")
    hit = Hit("kill", "verb", 3, 3, negated=False, hypothetical=True, evidence=("count",))
    feats = features_of([hit], tokens, year=2008)
    assert {"t:kill", "p:verb", "flag:hypothetical", "e:count", "oldyear", "n:1"} <= set(feats)
    assert any(f.startswith("c:") for f in feats) and any(f.startswith("a:") for f in feats)
    assert any(f.startswith("w:") for f in feats)
    assert not any(f.startswith("w:") for f in features_of([hit], tokens, 2008, bag=False))
    assert "oldyear" not in features_of([hit], tokens, year=1999)
    assert features_of([], tokens) == []


def test_fit_logistic_separates_a_toy_problem_deterministically():
    rows = [["w:قتل", "e:time"]] * 20 + [["w:ذكرى", "oldyear"]] * 20
    labels = [True] * 20 + [False] * 20
    model = fit_logistic(rows, labels, seed=3)
    assert model.probability(["w:قتل", "e:time"]) > 0.8
    assert model.probability(["w:ذكرى", "oldyear"]) < 0.2
    assert fit_logistic(rows, labels, seed=3).weights == model.weights


def test_fit_logistic_drops_rare_and_bag_features():
    model = fit_logistic([["w:a", "t:x"], ["w:a", "t:x"], ["t:once"]], [True, True, False], bag=False)
    assert "w:a" not in model.weights and "t:once" not in model.weights and "t:x" in model.weights
    assert model.bag is False


def test_filter_json_round_trip_and_version_check():
    flt = EventFilter({"ASSAULT": LogisticModel({"t:kill": 1.5}, -0.5, 0.4, bag=False)}, {"seed": 1})
    back = EventFilter.from_json(flt.to_json())
    assert back.models["ASSAULT"] == flt.models["ASSAULT"] and back.meta == {"seed": 1}
    bad = flt.to_json().replace(f'"feature_version": {FEATURE_VERSION}', '"feature_version": 0')
    with pytest.raises(ValueError, match="hadath train events"):
        EventFilter.from_json(bad)


def test_shipped_filter_loads_and_is_small():
    flt = load_filter()
    if flt is None:
        pytest.skip("no learned filter shipped")
    assert set(flt.models) == {"ASSAULT", "PROTEST"}
    assert all(0 < m.threshold < 1 for m in flt.models.values())
    assert len(flt.to_json()) < 50_000_000


def test_coder_follows_a_rejecting_filter_and_says_why():
    never = EventFilter({"ASSAULT": LogisticModel({}, bias=-20.0, threshold=0.5)})
    coder = EventCoder(event_filter=never)
    assert not [e for e in coder(_doc(ATTACK)).events if e.event == "ASSAULT"]
    reasons = [r for c in coder.candidates(_doc(ATTACK)) for r in c.reasons]
    assert any("learned filter p=0.00" in r for r in reasons)


def test_coder_override_codes_a_very_specific_report_the_filter_doubts():
    doubt = EventFilter({"ASSAULT": LogisticModel({}, bias=-1.0, threshold=0.5)})  # p = 0.27
    events = EventCoder(event_filter=doubt)(_doc(ATTACK)).events
    assert [e.event for e in events] == ["ASSAULT"]
    assert "learned filter p=0.27" in events[0].why


def test_coder_without_filter_uses_the_specificity_rule():
    coder = EventCoder(event_filter=None)
    assert [e.event for e in coder(_doc(ATTACK)).events] == ["ASSAULT"]
    assert not coder(_doc("هل يجوز تبرير الاغتيال؟")).events


def test_sentence_features_empty_without_a_candidate():
    doc = _doc("ارتفعت درجات الحرارة في الرياض اليوم.")
    coder = EventCoder(event_filter=None)
    assert coder.sentence_features(doc, doc.sentences[0], "ASSAULT") == []
    doc = _doc(ATTACK)
    assert "t:kill" in coder.sentence_features(doc, doc.sentences[0], "ASSAULT")
