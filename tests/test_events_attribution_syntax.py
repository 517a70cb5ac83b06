"""Who did what to whom across Arabic clause structures, with hand-built actor spans:
VSO over construct heads, passives and nominal attacks, attached pronouns, quotes,
coordination, relative clauses and per-type recipient prepositions."""

from __future__ import annotations

import pytest

from hadath.arabic.tokens import split_sentences, tokenize
from hadath.events import EventCoder
from hadath.events.syntax import Scene, load_frames, pronoun_suffix
from hadath.model import Actor, Document

CODER = EventCoder(event_filter=None, min_specificity=-5)


def _actor(text: str, span: str, code: str | None, sector: str | None, kind: str = "ROLE") -> Actor:
    start = text.index(span)
    return Actor(start, start + len(span), span, None, code, sector, kind=kind)


def _events(text: str, *actors: tuple, kind: str | None = None):
    doc = Document(doc_id="d", text=text, source="t", date="2023-08-10", sentences=split_sentences(text),
                   actors=tuple(_actor(text, *a) for a in actors))
    return [e for e in CODER(doc).events if kind is None or e.event == kind]


def _who(event) -> tuple:
    def one(xs):
        return (xs[0].code, xs[0].sector) if xs else None

    return one(event.actor), one(event.recipient)


def test_vso_subject_over_construct_heads_and_recipient_after_min():
    text = "طالبت رئاسة إقليم كردستان العراق من حزب العمال الكردستاني إخراج قواعده."
    (event,) = _events(text, ("العراق", "IRQ", "GOV"), ("حزب العمال الكردستاني", "TUR", "REB"),
                       kind="REQUEST")
    assert _who(event) == (("IRQ", "GOV"), ("TUR", "REB"))


def test_passive_killing_takes_the_agent_of_the_air_strike():
    text = "قتل خمسة مدنيين أمس في غارة جوية لقوات الحلف في ولاية لوغار."
    events = _events(text, ("مدنيين", "AFG", "CVL"), ("قوات الحلف", "IGO", "MIL"), kind="ASSAULT")
    assert events and all(_who(e) == (("IGO", "MIL"), ("AFG", "CVL")) for e in events)


def test_counted_subject_before_a_kill_verb_is_its_victim():
    text = "وقال المتحدث إن 22 مسلحا قتلوا بانفجار عبوة ناسفة."
    (event,) = _events(text, ("مسلحا", "AFG", "UAF"), kind="ASSAULT")
    assert _who(event) == (None, ("AFG", "UAF"))


def test_attack_and_the_deaths_it_caused_share_actor_and_recipient():
    text = "أسفرت غارة أمريكية أمس عن مقتل عشرة جنود أفغان."
    events = _events(text, ("أمريكية", "USA", "MIL", "GPE"), ("جنود أفغان", "AFG", "MIL"), kind="ASSAULT")
    assert events and {_who(e) for e in events} == {(("USA", "MIL"), ("AFG", "MIL"))}


def test_verbal_noun_with_pronoun_takes_its_antecedent_and_a_partner():
    text = "ووصف الوزير السعودي لقاءه مع نظيره الروسي بالإيجابي."
    (event,) = _events(text, ("الوزير السعودي", "SAU", "GOV"), ("نظيره الروسي", "RUS", "GOV"),
                       kind="CONSULT")
    assert _who(event) == (("SAU", "GOV"), ("RUS", "GOV"))


def test_first_person_verb_in_a_quote_belongs_to_the_speaker():
    text = "وأضاف رئيس الإقليم: «نطالب الحكومة التركية بوقف القصف»."
    (event,) = _events(text, ("رئيس الإقليم", "IRQ", "GOV"), ("الحكومة التركية", "TUR", "GOV"),
                       kind="REQUEST")
    assert _who(event) == (("IRQ", "GOV"), ("TUR", "GOV"))


def test_coordinated_subject_of_talks_names_both_sides():
    text = "وقالت المصادر إن إسرائيل والولايات المتحدة تجريان محادثات بشأن المساعدات."
    (event,) = _events(text, ("إسرائيل", "ISR", None, "GPE"), ("الولايات المتحدة", "USA", None, "GPE"),
                       kind="CONSULT")
    assert _who(event) == (("ISR", None), ("USA", None))


def test_party_inside_the_criticised_object_is_not_the_recipient():
    text = "وانتقدت إسرائيل الاتفاق مع إيران."
    (event,) = _events(text, ("إسرائيل", "ISR", "GOV", "GPE"), ("إيران", "IRN", "GOV", "GPE"), kind="ACCUSE")
    assert _who(event) == (("ISR", "GOV"), None)


def test_relative_clause_verb_takes_its_antecedent_as_subject():
    text = "ومن المقرر أن يجتمع لافروف مع جون كيري الذي يزور قطر لإجراء محادثات."
    events = _events(text, ("لافروف", "RUS", "GOV", "PER"), ("جون كيري", "USA", "GOV", "PER"),
                     ("قطر", "QAT", "GOV", "GPE"), kind="CONSULT")
    assert (("USA", "GOV"), ("QAT", "GOV")) in {_who(e) for e in events}


def test_role_and_name_with_titles_between_are_one_person():
    text = "التقى وزير الخارجية الأستاذ عادل الجبير اليوم في موسكو وزير خارجية روسيا سيرجي لافروف."
    (event,) = _events(text, ("وزير الخارجية", "RUS", "GOV"), ("عادل الجبير", "SAU", "GOV", "PER"),
                       ("وزير خارجية روسيا سيرجي لافروف", "RUS", "GOV", "PER"), kind="CONSULT")
    assert _who(event) == (("SAU", "GOV"), ("RUS", "GOV"))


def test_uncoded_definite_subject_leaves_the_actor_empty():
    text = "ودعا البيان الحكومة التركية إلى العودة إلى عملية السلام."
    (event,) = _events(text, ("الحكومة التركية", "TUR", "GOV"), kind="REQUEST")
    assert _who(event) == (None, ("TUR", "GOV"))


def test_claim_of_responsibility_names_the_attacker():
    text = "تبنت حركة طالبان الهجوم على مركز الشرطة في المدينة."
    events = _events(text, ("حركة طالبان", "AFG", "REB"), ("الشرطة", "AFG", "COP"), kind="ASSAULT")
    assert events and _who(events[0])[0] == ("AFG", "REB")


def test_protesters_and_police_touching_stay_two_participants():
    text = "ورشق مئات المتظاهرين قوات مكافحة الشغب بالحجارة."
    events = _events(text, ("المتظاهرين", None, "CVL"), ("قوات مكافحة الشغب", None, "COP"), kind="PROTEST")
    assert events and _who(events[0]) == ((None, "CVL"), (None, "COP"))


@pytest.mark.parametrize("word, form, suffix", [
    ("لقاءه", "لقاء", "ه"), ("زيارته", "زياره", "ه"), ("مباحثاتها", "مباحثات", "ها"),
    ("مطالبنا", "مطالب", "نا"), ("الزيارة", "زياره", ""), ("قتلوا", "قتلوا", ""),
])
def test_pronoun_suffix_after_the_trigger_form(word, form, suffix):
    assert pronoun_suffix(tokenize(word)[0], form, load_frames()) == suffix


def test_phrase_reads_over_time_words_and_quantities_to_the_unit():
    from hadath.events.attribution import units_of

    text = "قتل أمس سبعة من عناصر الشرطة الأفغانية في هجوم."
    tokens = tokenize(text)
    actors = [_actor(text, "عناصر الشرطة الأفغانية", "AFG", "COP")]
    scene = Scene(tokens, units_of(actors, tokens, text, 0), CODER.cues, load_frames())
    found = scene.phrase(1)
    assert found.stop == "unit" and found.unit is not None and found.unit.best.sector == "COP"


def test_lexicon_entry_may_name_its_own_recipient_prepositions(tmp_path):
    from hadath.events.lexicon import Trigger
    from hadath.events.syntax import FRAMES_PATH

    (tmp_path / "consult.yaml").write_text(
        "type: CONSULT\nentries:\n- id: call\n  forms: [اتصال]\n  recipient_preps: [ب]\n", encoding="utf-8")
    frames = load_frames(FRAMES_PATH, tmp_path)
    assert frames.preps_for(Trigger("call", "CONSULT", ("اتصال",))) == frozenset({"ب"})
    assert "مع" in frames.preps_for(Trigger("meet", "CONSULT", ("لقاء",)))
