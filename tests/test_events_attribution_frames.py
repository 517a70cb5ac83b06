"""Attribution rules of session 10: per-entry recipient prepositions, VSO objects after an
aside, apposition, counted patients, participles, sentence openers, aid received (hand-written
sentences, hand-built actor spans)."""

from __future__ import annotations

from hadath.arabic.tokens import split_sentences, tokenize
from hadath.events import EventCoder
from hadath.events.discourse import _opens
from hadath.events.lexicon import load_default
from hadath.events.syntax import Scene, load_frames
from hadath.model import Actor, Document

CODER = EventCoder()


def _actor(text: str, span: str, code: str | None, sector: str | None, kind: str = "ROLE") -> Actor:
    start = text.index(span)
    return Actor(start, start + len(span), span, None, code, sector, kind=kind)


def _events(text: str, *actors: Actor):
    doc = Document(doc_id="d", text=text, source="t", date="2024-01-10", sentences=split_sentences(text),
                   actors=tuple(actors))
    return CODER(doc).events


def _who(event) -> tuple:
    return ([(a.code, a.sector) for a in event.actor], [(a.code, a.sector) for a in event.recipient])


def _one(events, kind: str):
    found = [e for e in events if e.event == kind]
    assert len(found) == 1, [(e.event, e.why) for e in events]
    return found[0]


def test_vso_object_after_a_time_aside():
    text = "التقى وزير الخارجية الفرنسي، صباح اليوم، نظيره الألماني في باريس."
    event = _one(_events(text, _actor(text, "وزير الخارجية الفرنسي", "FRA", "GOV"),
                         _actor(text, "نظيره الألماني", "DEU", "GOV")), "CONSULT")
    assert _who(event) == ([("FRA", "GOV")], [("DEU", "GOV")])


def test_an_aside_on_the_subject_is_not_an_object():
    text = "قتل أربعة جنود، بينهم ضابط من الشرطة، في انفجار."
    event = _one(_events(text, _actor(text, "جنود", "KEN", "MIL"), _actor(text, "الشرطة", "KEN", "COP")),
                 "ASSAULT")
    assert not event.actor and _who(event)[1] == [("KEN", "MIL")]


def test_apposition_after_an_uncoded_definite_noun_names_the_object():
    text = "وطالب الرئيس الكيني، الدولة الجارة إثيوبيا بسحب قواتها."
    event = _one(_events(text, _actor(text, "الرئيس الكيني", "KEN", "GOV"),
                         _actor(text, "إثيوبيا", "ETH", None, kind="GPE")), "REQUEST")
    assert _who(event) == ([("KEN", "GOV")], [("ETH", None)])


def test_verb_and_object_are_not_read_as_apposition():
    text = "ودعا البيان الحكومة الكينية إلى الحوار."
    event = _one(_events(text, _actor(text, "الحكومة الكينية", "KEN", "GOV")), "REQUEST")
    assert not event.actor or event.actor[0].code != "KEN"


def test_member_of_a_body_stands_for_the_body():
    text = "وقال الوزير إن الجيش يسعى لإقناع المشرعين في البرلمان بتمديد المهمة."
    event = _one(_events(text, _actor(text, "الجيش", "KEN", "MIL"), _actor(text, "البرلمان", "KEN", "LEG")),
                 "REQUEST")
    assert _who(event) == ([("KEN", "MIL")], [("KEN", "LEG")])


def test_a_counted_noun_after_a_verb_of_killing_suffered_it():
    text = "وقتل جنود الجيش 12 مسلحا من حركة الشباب."
    event = _one(_events(text, _actor(text, "جنود الجيش", "KEN", "MIL"),
                         _actor(text, "مسلحا من حركة الشباب", "SOM", "REB")), "ASSAULT")
    assert _who(event)[1] == [("SOM", "REB")]
    text = "وقتل 12 مسلحا من حركة الشباب في الغارة."
    event = _one(_events(text, _actor(text, "مسلحا من حركة الشباب", "SOM", "REB")), "ASSAULT")
    assert _who(event) == ([], [("SOM", "REB")])


def test_accuse_takes_a_direct_object_and_denounce_takes_bi():
    text = "اتهمت الحكومة الكينية حركة الشباب بتنفيذ الهجوم."
    event = _one(_events(text, _actor(text, "الحكومة الكينية", "KEN", "GOV"),
                         _actor(text, "حركة الشباب", "SOM", "REB")), "ACCUSE")
    assert _who(event) == ([("KEN", "GOV")], [("SOM", "REB")])
    text = "وندد الاتحاد الأفريقي بالحكومة الصومالية."
    event = _one(_events(text, _actor(text, "الاتحاد الأفريقي", "IGO", None),
                         _actor(text, "الحكومة الصومالية", "SOM", "GOV")), "ACCUSE")
    assert _who(event) == ([("IGO", None)], [("SOM", "GOV")])


def test_per_entry_prepositions_release_defend_attribute():
    text = "وأفرجت السلطات الكينية عن خمسة صحفيين أمس."
    event = _one(_events(text, _actor(text, "السلطات الكينية", "KEN", "GOV"),
                         _actor(text, "صحفيين", "KEN", "JRN")), "RETREAT")
    assert _who(event) == ([("KEN", "GOV")], [("KEN", "JRN")])
    text = "ودافع رئيس الوزراء عن قرار البرلمان."
    event = _one(_events(text, _actor(text, "رئيس الوزراء", "KEN", "GOV"),
                         _actor(text, "البرلمان", "KEN", "LEG")), "SUPPORT")
    assert _who(event) == ([("KEN", "GOV")], [("KEN", "LEG")])
    text = "ونسبت الشرطة الهجوم إلى حركة الشباب."
    event = _one(_events(text, _actor(text, "الشرطة", "KEN", "COP"),
                         _actor(text, "حركة الشباب", "SOM", "REB")), "ACCUSE")
    assert _who(event) == ([("KEN", "COP")], [("SOM", "REB")])


def test_clash_verb_takes_its_other_side_after_maa():
    text = "واشتبكت قوات الجيش مع مسلحين في الشمال."
    events = [e for e in _events(text, _actor(text, "قوات الجيش", "KEN", "MIL"),
                                 _actor(text, "مسلحين", None, "UAF")) if e.event == "ASSAULT"]
    assert events and all("/clash " in e.why for e in events)
    assert all(_who(e) == ([("KEN", "MIL")], [(None, "UAF")]) for e in events)


def test_condemnation_noun_takes_its_genitive_as_object():
    text = "وأكد البيان إدانة الاستيطان الإسرائيلي في الضفة."
    event = _one(_events(text, _actor(text, "الإسرائيلي", "ISR", None, kind="NORP")), "ACCUSE")
    assert _who(event)[1] == [("ISR", None)]


def test_feminine_participle_takes_the_sentence_subject():
    text = "وأصدرت الحكومة الكينية بيانا، منددة بالهجوم على القافلة."
    event = _one(_events(text, _actor(text, "الحكومة الكينية", "KEN", "GOV")), "ACCUSE")
    assert _who(event)[0] == [("KEN", "GOV")]


def test_subject_before_an_apposition_in_commas():
    text = "وكانت الحكومة الكينية، الطرف الأبرز في الأزمة، دانت في بيان الهجوم على القافلة."
    event = _one(_events(text, _actor(text, "الحكومة الكينية", "KEN", "GOV")), "ACCUSE")
    assert _who(event)[0] == [("KEN", "GOV")]


def test_agent_named_by_a_launched_missile():
    text = "وأصيب ثلاثة جنود بصاروخ أطلقته حركة الشباب على المعسكر."
    event = _one(_events(text, _actor(text, "جنود", "KEN", "MIL"), _actor(text, "حركة الشباب", "SOM", "REB")),
                 "ASSAULT")
    assert _who(event) == ([("SOM", "REB")], [("KEN", "MIL")])


def test_aid_received_has_the_receiver_as_recipient():
    text = "وتلقت الحكومة الصومالية مساعدات عسكرية من الاتحاد الأوروبي."
    event = _one(_events(text, _actor(text, "الحكومة الصومالية", "SOM", "GOV"),
                         _actor(text, "الاتحاد الأوروبي", "EUR", None)), "AID")
    assert _who(event) == ([("EUR", None)], [("SOM", "GOV")])


def test_multi_word_openers_and_commas_open_the_sentence():
    frames, cues = load_frames(), load_default().cues
    for text, verb in (("ومن جهته، أكد الوزير", 3), ("من جانبها انتقدت الحكومة", 2), ("كما طالب", 1),
                       ("وفي المقابل، رفض", 3)):
        assert _opens(Scene(tokenize(text), [], cues, frames), verb), text
    assert not _opens(Scene(tokenize("من الوزير طالب"), [], cues, frames), 2)


def test_pronoun_subject_after_anna_is_the_sentence_subject():
    text = "وأعلنت قيادة الجيش الكيني، الأحد، وقف العمليات إلا أنها أكدت أنها سترد على أي هجوم."
    event = _one(_events(text, _actor(text, "قيادة الجيش الكيني", "KEN", "MIL")), "THREATEN")
    assert _who(event)[0] == [("KEN", "MIL")]


def test_release_of_takes_its_genitive_as_the_released():
    text = "أعلنت السلطات الكينية إخلاء سبيل الصحفي أمس."
    event = _one(_events(text, _actor(text, "السلطات الكينية", "KEN", "GOV"),
                         _actor(text, "الصحفي", "KEN", "JRN")), "RETREAT")
    assert _who(event) == ([("KEN", "GOV")], [("KEN", "JRN")])


def test_shelling_read_as_a_noun_names_the_attacker():
    text = "وقتل مدني واحد جراء قصف حركة الشباب للأحياء السكنية."
    coded = _events(text, _actor(text, "مدني", "SOM", "CVL"), _actor(text, "حركة الشباب", "SOM", "REB"))
    events = [e for e in coded if e.event == "ASSAULT" and "kill" in e.why]
    assert events and _who(events[0]) == ([("SOM", "REB")], [("SOM", "CVL")])


def test_aid_received_by_a_dropped_subject_goes_to_the_sentence_subject():
    text = "وتمكنت القوات الكينية من صد الهجوم وحصلوا على مساعدات عسكرية."
    event = _one(_events(text, _actor(text, "القوات الكينية", "KEN", "MIL")), "AID")
    assert _who(event)[1] == [("KEN", "MIL")]


def test_pronoun_on_an_object_noun_is_its_recipient_from_an_earlier_sentence():
    text = "وصل الصحفي الكيني إلى نيروبي. وأعلنت الشرطة اعتقاله أمس."
    doc = Document(doc_id="d", text=text, source="t", date="2024-01-10", sentences=split_sentences(text),
                   actors=(_actor(text, "الصحفي الكيني", "KEN", "JRN"), _actor(text, "الشرطة", "KEN", "COP")))
    event = _one(CODER(doc).events, "COERCE")
    assert _who(event) == ([("KEN", "COP")], [("KEN", "JRN")])
