"""Actor/recipient attribution, flags and locations with hand-built actor spans."""

from __future__ import annotations

from hadath.arabic.tokens import split_sentences
from hadath.events import EventCoder
from hadath.model import Actor, Document, Location

CODER = EventCoder()


def _actor(text: str, span: str, code: str, sector: str | None, nth: int = 0) -> Actor:
    start = -1
    for _ in range(nth + 1):
        start = text.index(span, start + 1)
    return Actor(start, start + len(span), span, None, code, sector)


def _code(text: str, actors=(), locations=(), date="2023-08-10"):
    doc = Document(doc_id="d", text=text, source="t", date=date, sentences=split_sentences(text),
                   actors=tuple(actors), locations=tuple(locations))
    return CODER(doc).events


def _who(event):
    return ([(a.code, a.sector) for a in event.actor], [(a.code, a.sector) for a in event.recipient])


def test_vso_sign_with_recipient_after_preposition():
    text = "وقعت الولايات المتحدة اتفاقيات مع طاجيكستان أمس."
    actors = [_actor(text, "الولايات المتحدة", "USA", "GOV"), _actor(text, "طاجيكستان", "TJK", "GOV")]
    (event,) = _code(text, actors)
    assert event.event == "AGREE"
    assert _who(event) == ([("USA", "GOV")], [("TJK", "GOV")])
    assert event.date == "2023-08-09"


def test_svo_meeting():
    text = "وأضاف أن الرئيس الأمريكي جو بايدن التقى الرئيس الكيني وليام روتو."
    actors = [_actor(text, "الرئيس الأمريكي جو بايدن", "USA", "GOV"),
              _actor(text, "الرئيس الكيني وليام روتو", "KEN", "GOV")]
    (event,) = _code(text, actors)
    assert event.event == "CONSULT"
    assert _who(event) == ([("USA", "GOV")], [("KEN", "GOV")])


def test_visit_idafa_with_host_from_place():
    text = "بعد زيارة وزير الخارجية البريطاني لأنقرة."
    loc_start = text.index("أنقرة")
    loc = Location("أنقرة", loc_start, loc_start + 5, "Ankara", "TUR")
    actors = [_actor(text, "وزير الخارجية البريطاني", "GBR", "GOV")]
    (event,) = _code(text, actors, [loc])
    assert event.event == "CONSULT" and event.mode == ("visit",)
    assert _who(event) == ([("GBR", "GOV")], [("TUR", "GOV")])
    assert event.event_loc == loc


def test_condemned_refusal_to_meet():
    text = "ويأتي ذلك في ضوء تنديد باريس برفض الانقلابيين لقاء وفد من الاتحاد الأفريقي."
    actors = [_actor(text, "باريس", "FRA", "GOV"), _actor(text, "الانقلابيين", "MLI", "MIL"),
              _actor(text, "وفد من الاتحاد الأفريقي", "IGO", None)]
    events = {e.event: e for e in _code(text, actors)}
    assert _who(events["ACCUSE"]) == ([("FRA", "GOV")], [("MLI", "MIL")])
    assert events["REJECT"].mode == ("meet",)
    assert _who(events["REJECT"]) == ([("MLI", "MIL")], [("IGO", None)])


def test_removal_masdar_takes_object_and_speaker_as_actor():
    text = "كان جيش مالي، أعلن الأسبوع الماضي، عزل الرئيس من منصبه."
    actors = [_actor(text, "جيش مالي", "MLI", "MIL"), _actor(text, "الرئيس", "MLI", "GOV")]
    (event,) = _code(text, actors)
    assert event.event == "COERCE" and event.mode == ("seize",)
    assert _who(event) == ([("MLI", "MIL")], [("MLI", "GOV")])


def test_joint_press_conference_is_a_meeting():
    text = ("أعلن ذلك وزير الخارجية الفرنسي يوم الثلاثاء خلال مؤتمر صحفي مشترك"
            " مع وزير الخارجية المصري في القاهرة.")
    start = text.index("القاهرة")
    loc = Location("القاهرة", start, start + 7, "Cairo", "EGY")
    actors = [_actor(text, "وزير الخارجية الفرنسي", "FRA", "GOV"),
              _actor(text, "وزير الخارجية المصري", "EGY", "GOV")]
    (event,) = _code(text, actors, [loc])
    assert event.event == "CONSULT"
    assert _who(event) == ([("FRA", "GOV")], [("EGY", "GOV")])
    assert event.date == "2023-08-08" and event.event_loc == loc


def test_reported_event_actor_is_the_speaker_when_none_in_clause():
    text = "قال الرئيس إن بلاده ستفرض عقوبات على الشركات."
    actors = [_actor(text, "الرئيس", "USA", "GOV")]
    (event,) = _code(text, actors)
    assert event.event == "SANCTION" and event.hypothetical
    assert _who(event)[0] == [("USA", "GOV")]


def test_statement_alone_is_no_event():
    text = "قال وزير الخارجية إن المحادثات كانت غير مثمرة."
    events = _code(text)
    assert [e.event for e in events] == ["CONSULT"]
    assert not events[0].negated


def test_ids_are_stable_and_distinct():
    text = "أدانت فرنسا الهجوم، وطالبت بالتحقيق."
    first, second = _code(text), _code(text)
    assert [e.id for e in first] == [e.id for e in second]
    assert len({e.id for e in first}) == len(first) == 2


def test_candidates_keep_reasons_for_dropped_triggers():
    text = "شاهد الجمهور فيلما عن اغتيال زعيم."
    doc = Document(doc_id="d", text=text, source="t", sentences=split_sentences(text))
    cands = CODER.candidates(doc)
    assert cands and not cands[0].coded
    assert any("not coded" in r for r in cands[0].reasons)


def test_to_plover_record():
    text = "قتل مسلحون عشرة أشخاص وأصيب خمسة آخرون بجروح في هجوم أمس."
    (event,) = _code(text)
    rec = event.to_plover()
    assert rec["event"] == "ASSAULT" and rec["dead"] == 10 and rec["injured"] == 5
    assert rec["coder"] == "hadath 0.1.0" and rec["quad_class"] == 4
    assert 0 < rec["confidence"] <= 1


def test_events_attribution_vso_subject_and_object_touching():
    """Verb, subject, object with nothing between the two actors (VSO)."""
    from hadath.pipeline import build_pipeline

    text = "التقى وزير الخارجية السعودي نظيره الإيراني في طهران أمس."
    doc = build_pipeline()(Document(doc_id="vso", text=text, source="t", date="2023-06-17"))
    consult = [e for e in doc.events if e.event == "CONSULT"]
    assert consult
    assert [(a.code, a.sector) for a in consult[0].actor] == [("SAU", "GOV")]
    assert [(a.code, a.sector) for a in consult[0].recipient] == [("IRN", "GOV")]
    assert consult[0].date == "2023-06-16"


def test_events_attribution_protesters_named_by_the_trigger_are_the_actor():
    text = "تجمع مئات المتظاهرين أمس أمام البرلمان مطالبين الحكومة بالاستقالة."
    actors = [_actor(text, "المتظاهرين", "EGY", "CVL"), _actor(text, "الحكومة", "EGY", "GOV")]
    events = [e for e in _code(text, actors) if e.event == "PROTEST"]
    assert events and _who(events[0]) == ([("EGY", "CVL")], [("EGY", "GOV")])


def test_events_attribution_attack_agent_after_passive_marker():
    text = "قتل جنديان أمس في هجوم شنه مسلحون على نقطة تفتيش."
    actors = [_actor(text, "مسلحون", None, "UAF")]
    events = [e for e in _code(text, actors) if e.event == "ASSAULT"]
    assert events and _who(events[0])[0] == [(None, "UAF")]


def test_events_attribution_reporter_of_an_attack_is_not_its_actor():
    text = "أعلنت الشرطة أمس مقتل سبعة أشخاص بتفجير سيارة مفخخة."
    actors = [_actor(text, "الشرطة", "IRQ", "COP")]
    events = [e for e in _code(text, actors) if e.event == "ASSAULT"]
    assert events and all(not e.actor for e in events)
