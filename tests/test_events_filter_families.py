"""The learned filter's cue-group feature families, row weights, and one event per attack report."""

from __future__ import annotations

from hadath.arabic.tokens import split_sentences, tokenize
from hadath.events import EventCoder
from hadath.events.classifier import (
    FAMILIES,
    EventFilter,
    Hit,
    LogisticModel,
    cue_groups,
    features_of,
    fit_logistic,
)
from hadath.events.train import PARAMS
from hadath.model import Actor, Document

RULE = EventCoder(event_filter=None)  # the specificity rule: no dependence on the shipped model


def _doc(text: str, actors: tuple[Actor, ...] = ()) -> Document:
    return Document(doc_id="d", text=text, source="t", date="2024-03-14", sentences=split_sentences(text),
                    actors=actors)


def _actor(text: str, span: str, code: str) -> Actor:
    start = text.index(span)
    return Actor(start, start + len(span), span, span, code, "MIL", kind="ORG")


def test_cue_groups_are_normalised_words_with_their_groups():
    groups = cue_groups()
    assert "occur" in groups["اندلعت"] and "crowd" in groups["الاف"]
    assert all(" " not in word for word in groups)


def test_each_family_adds_its_features_and_none_without_families():
    tokens = tokenize("اندلعت مظاهرات حاشدة أمس، وهتف المتظاهرون ضد الحكومة.")
    hit = Hit("demonstrate", "noun", 1, 1, negated=False, hypothetical=False)
    plain = features_of([hit], tokens, 2024)
    assert not any(f.startswith(("g:", "gn:", "gs:", "tpre:", "start:")) for f in plain)
    feats = set(features_of([hit], tokens, 2024, families=FAMILIES))
    assert {"g:occur", "g:voice", "g:time", "gn:occur", "gs:occur", "start:0", "tpre:demonstrate:-"} <= feats
    assert "gn:voice" in feats  # هتف stands four words after the trigger
    far = tokenize("اندلعت مظاهرات حاشدة في العاصمة أمس بعد ساعات، وهتف المتظاهرون.")
    assert "gn:voice" not in features_of([hit], far, 2024, families=("gn",))
    late = Hit("demonstrate", "noun", 9, 9, negated=False, hypothetical=False)
    assert "start:post" in features_of([late], tokens, 2024, families=("start",))


def test_a_model_records_its_families_and_the_json_keeps_them():
    model = fit_logistic([["g:occur", "t:x"]] * 3 + [["g:voice", "t:x"]] * 3, [True] * 3 + [False] * 3,
                         families=("g",), bag=False)
    assert model.families == ("g",)
    back = EventFilter.from_json(EventFilter({"PROTEST": model}).to_json()).models["PROTEST"]
    assert back.families == ("g",) and back.weights.keys() == model.weights.keys()


def test_a_zero_weight_row_teaches_nothing():
    rows = [["t:a", "only-here"], ["t:a"], ["t:a"], ["t:b"], ["t:b"]]
    model = fit_logistic(rows, [True, True, True, False, False], min_count=1, weights=[0, 1, 1, 1, 1])
    assert model.weights["only-here"] == 0.0
    assert model.weights["t:a"] > 0


def test_training_settings_name_known_families():
    for params in PARAMS.values():
        assert set(params["families"]) <= set(FAMILIES)
        assert 0 < params["difficult_weight"] <= 1 and 0 < params["threshold"] < 1


def test_the_coder_feeds_a_model_its_families():
    text = "اندلعت مظاهرات حاشدة أمس في العاصمة."
    flt = EventFilter({"PROTEST": LogisticModel({"g:occur": 5.0}, -3.0, 0.5, bag=False, families=("g",))})
    assert [e.event for e in EventCoder(event_filter=flt)(_doc(text)).events] == ["PROTEST"]
    flt = EventFilter({"PROTEST": LogisticModel({"g:occur": 5.0}, -3.0, 0.5, bag=False)})
    assert not EventCoder(event_filter=flt)(_doc(text)).events


def test_several_trigger_words_of_one_attack_code_one_event():
    text = "قتل مسلحون عشرة جنود أمس بانفجار عبوة ناسفة."
    events = [e for e in RULE(_doc(text)).events if e.event == "ASSAULT"]
    assert len(events) == 1 and "explosives" in events[0].mode
    assert any("merged" in r for c in RULE.candidates(_doc(text)) for r in c.reasons)


def test_a_trigger_naming_another_party_stays_a_separate_event():
    text = "قتل الجيش عشرة مسلحين أمس، وهاجمت الميليشيا نقطة تفتيش."
    actors = (_actor(text, "الجيش", "SYR"), _actor(text, "الميليشيا", "IMG"))
    events = [e for e in RULE(_doc(text, actors)).events if e.event == "ASSAULT"]
    assert len(events) == 2


def test_opening_fire_and_launching_raids_are_attacks():
    text = "فتح مسلحون النار على دورية للشرطة أمس."
    assert [(e.event, e.mode) for e in RULE(_doc(text)).events] == [("ASSAULT", ("firearms",))]
    cands = RULE.candidates(_doc("شن الطيران ليل الجمعة سلسلة غارات على المواقع."))
    assert [c.trigger.id for c in cands] == ["launch"]
