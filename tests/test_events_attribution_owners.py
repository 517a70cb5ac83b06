"""Attribution rules for owners, members, hosts and sources (hand-built actor spans)."""

from __future__ import annotations

from hadath.arabic.tokens import split_sentences
from hadath.events import EventCoder
from hadath.model import Actor, Document, Location

CODER = EventCoder()


def _actor(text: str, span: str, code: str | None, sector: str | None, kind: str = "ROLE",
           nth: int = 0) -> Actor:
    start = -1
    for _ in range(nth + 1):
        start = text.index(span, start + 1)
    return Actor(start, start + len(span), span, None, code, sector, kind=kind)


def _events(text: str, actors=(), locations=(), date="2015-08-01"):
    doc = Document(doc_id="d", text=text, source="t", date=date, sentences=split_sentences(text),
                   actors=tuple(actors), locations=tuple(locations))
    return CODER(doc).events


def _who(event):
    return ([(a.code, a.sector) for a in event.actor], [(a.code, a.sector) for a in event.recipient])


def _one(events, kind):
    found = [e for e in events if e.event == kind]
    assert found, [(e.event, e.event_text) for e in events]
    return found[0]


def test_owner_of_a_definite_target_after_its_adjectives():
    text = "وكان سلاح الجو التركي شن سلسلة غارات على القواعد الخلفية لحزب العمال الكردستاني."
    actors = [_actor(text, "سلاح الجو التركي", "TUR", "MIL"),
              _actor(text, "حزب العمال الكردستاني", "TUR", "REB", kind="GROUP")]
    event = _one(_events(text, actors), "ASSAULT")
    assert _who(event) == ([("TUR", "MIL")], [("TUR", "REB")])


def test_owner_after_a_bracketed_name():
    text = "وقالت المصادر إن طائرات الاحتلال قصفت موقع (عيسى البطران) التابع لكتائب القسام بصاروخ."
    actors = [_actor(text, "طائرات الاحتلال", "ISR", "MIL"),
              _actor(text, "كتائب القسام", "PSE", "REB", kind="GROUP")]
    event = _one(_events(text, actors), "ASSAULT")
    assert _who(event) == ([("ISR", "MIL")], [("PSE", "REB")])


def test_rank_named_with_the_body_it_serves_in():
    text = "وقالت الوكالة إن ضابطي صف في قوة الدرك قتلا أمس في انفجار عبوة ناسفة استهدفت سيارتهما."
    actors = [_actor(text, "ضابطي", "TUR", "MIL"), _actor(text, "قوة الدرك", "TUR", "COP")]
    event = _one(_events(text, actors), "ASSAULT")
    assert _who(event)[1] == [("TUR", "COP")]


def test_people_who_belong_to_a_group_are_its_members():
    text = "أعلنت الحكومة التركية عن اعتقال 320 شخصا ينتمون لتنظيم «داعش»."
    actors = [_actor(text, "الحكومة التركية", "TUR", "GOV"), _actor(text, "شخصا", "TUR", "CVL"),
              _actor(text, "داعش", "IMG", "REB", kind="GROUP")]
    event = _one(_events(text, actors), "COERCE")
    assert _who(event) == ([("TUR", "GOV")], [("IMG", "REB")])


def test_visited_country_is_its_government():
    text = "وقال المسؤول إن كيري يزور قطر لإجراء محادثات مع نظرائه."
    actors = [_actor(text, "كيري", "USA", "GOV", kind="PER"), _actor(text, "قطر", "QAT", None, kind="GPE")]
    event = _one(_events(text, actors), "CONSULT")
    assert _who(event) == ([("USA", "GOV")], [("QAT", "GOV")])


def test_genitive_place_of_a_visit_is_the_host():
    text = "وأكد الوزير الإيراني أنه سيقوم بزيارة العراق يوم الأحد."
    actors = [_actor(text, "الوزير الإيراني", "IRN", "GOV"), _actor(text, "العراق", "IRQ", None, kind="GPE")]
    event = _one(_events(text, actors), "CONSULT")
    assert _who(event)[1] == [("IRQ", "GOV")]
    assert ("IRQ", None) not in _who(event)[0]


def test_request_from_a_country_names_its_source():
    text = "أفرجت السلطات عن الصحفي بعد احتجازه بناء على طلب من مصر."
    actors = [_actor(text, "السلطات", "DEU", "GOV"), _actor(text, "مصر", "EGY", None, kind="GPE")]
    event = _one(_events(text, actors), "REQUEST")
    assert _who(event) == ([("EGY", None)], [])


def test_threat_takes_the_next_participant_as_recipient():
    text = "لكن الدول الأعضاء لوحت بإمكانية إعادة فرض عقوبات على طهران."
    actors = [_actor(text, "طهران", "IRN", "GOV", kind="GPE")]
    event = _one(_events(text, actors), "THREATEN")
    assert _who(event)[1] == [("IRN", "GOV")]


def test_welcomed_order_names_its_author():
    text = "ورحبت الولايات المتحدة بالأمر الذي أصدره رئيس الوزراء الإسرائيلي لقوات الأمن."
    actors = [_actor(text, "الولايات المتحدة", "USA", None, kind="GPE"),
              _actor(text, "رئيس الوزراء الإسرائيلي", "ISR", "GOV")]
    event = _one(_events(text, actors), "SUPPORT")
    assert _who(event) == ([("USA", None)], [("ISR", "GOV")])


def test_condemned_attack_victims_are_not_its_author():
    text = "وقال البيان: إننا ندين هذا القصف الذي أدى إلى استشهاد عدد من سكان القرية."
    actors = [_actor(text, "سكان القرية", "IRQ", "CVL")]
    event = _one(_events(text, actors), "ACCUSE")
    assert _who(event)[1] == []


def test_first_person_inside_a_continued_quote_is_not_a_victim():
    text = ("وقالت رئاسة الإقليم في بيان «إن القصف أدى إلى مقتل مدنيين. "
            "وفي الوقت الذي ندين هذا القصف الذي قتل عددا من سكان القرية نطالب الحكومة التركية بوقفه».")
    actors = [_actor(text, "رئاسة الإقليم", "IRQ", "GOV"), _actor(text, "مدنيين", "IRQ", "CVL"),
              _actor(text, "سكان القرية", "IRQ", "CVL"), _actor(text, "الحكومة التركية", "TUR", "GOV")]
    events = [e for e in _events(text, actors) if e.event == "REQUEST"]
    assert events and _who(events[-1])[1] == [("TUR", "GOV")]
    assert ("IRQ", "CVL") not in _who(events[-1])[0]


def test_passive_attribution_keeps_no_carried_actor():
    text = "وأعلنت السلطات العراقية حالة الطوارئ. ونسب الهجوم الى متمردي حزب العمال الكردستاني."
    actors = [_actor(text, "السلطات العراقية", "IRQ", "GOV"),
              _actor(text, "متمردي حزب العمال الكردستاني", "TUR", "REB")]
    event = _one(_events(text, actors), "ACCUSE")
    assert _who(event) == ([], [("TUR", "REB")])


def test_visit_host_from_the_place_when_no_recipient_is_coded():
    text = "بعد زيارة وزير الخارجية البريطاني لأنقرة."
    start = text.index("أنقرة")
    loc = Location("أنقرة", start, start + 5, "Ankara", "TUR")
    event = _one(_events(text, [_actor(text, "وزير الخارجية البريطاني", "GBR", "GOV")], [loc]), "CONSULT")
    assert _who(event) == ([("GBR", "GOV")], [("TUR", "GOV")])


def test_gunmen_named_as_members_of_a_group_are_the_group():
    text = "وقال المصدر إن المعارك أسفرت عن مقتل 42 مسلحا من عناصر ميليشيات الحوثي وإصابة 93 آخرين."
    actors = [_actor(text, "مسلحا", None, "UAF"), _actor(text, "عناصر ميليشيات الحوثي", "YEM", "REB")]
    event = _one(_events(text, actors), "ASSAULT")
    assert _who(event)[1] == [("YEM", "REB")]


def test_sentence_length_and_place_do_not_end_the_recipient_search():
    text = "وقضت محكمة في فيينا بالسجن عامين ونصف العام على شاب نمساوي بتهمة الإرهاب."
    actors = [_actor(text, "محكمة", "AUT", "JUD"), _actor(text, "شاب نمساوي", "AUT", "CVL")]
    event = _one(_events(text, actors), "SANCTION")
    assert _who(event) == ([("AUT", "JUD")], [("AUT", "CVL")])


def test_refusal_names_the_author_of_what_it_refuses():
    text = ("وأكد البيان أن الرفض المتكرر من الميليشيات لإعلان الهدنات التي دعت لها قيادة التحالف "
            "يؤكد نواياها.")
    actors = [_actor(text, "الميليشيات", "YEM", "REB"), _actor(text, "قيادة التحالف", "SAU", "MIL")]
    event = _one(_events(text, actors), "REJECT")
    assert _who(event) == ([("YEM", "REB")], [("SAU", "MIL")])
