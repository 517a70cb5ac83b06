"""Participants carried across sentences (hadath/events/discourse.py) and the clause rules
added with them: anaphoric nouns, pronouns after a frame preposition with gender agreement,
the attacker named by the trigger, the author of a condemned act, the target of an attack."""

from __future__ import annotations

from test_events_attribution_syntax import _events, _who  # the shared hand-built actor spans

from hadath.events.discourse import agrees
from hadath.model import Actor

MEETING = "التقى وزير الخارجية السعودي نظيره المصري في جدة أمس."
SIDES = (("وزير الخارجية السعودي", "SAU", "GOV"), ("نظيره المصري", "EGY", "GOV"))


def test_the_meeting_of_the_next_sentence_has_the_sides_of_the_earlier_one():
    text = MEETING + " وتناول اللقاء العلاقات الثنائية بين البلدين."
    first, second = _events(text, *SIDES, kind="CONSULT")
    assert _who(first) == _who(second) == (("SAU", "GOV"), ("EGY", "GOV"))
    assert "earlier event" in second.why


def test_the_meeting_does_not_borrow_from_an_event_of_another_type():
    text = "أدان وزير الخارجية السعودي الهجوم أمس. وتناول اللقاء العلاقات الثنائية."
    events = _events(text, SIDES[0], kind="CONSULT")
    assert events and all(e.recipient == () for e in events)


def test_pronoun_after_the_preposition_agrees_with_its_antecedent():
    people = (("الرئيس المصري", "EGY", "GOV"), ("الرياض", "SAU", None, "GPE"),
              ("الملك سلمان", "SAU", "GOV", "PER"))
    man = "وصل الرئيس المصري إلى الرياض أمس. وعقد الملك سلمان اجتماعا معه في قصر اليمامة."
    (event,) = _events(man, *people, kind="CONSULT")
    assert _who(event) == (("SAU", "GOV"), ("EGY", "GOV"))
    city = man.replace("معه", "معها")
    (event,) = _events(city, *people, kind="CONSULT")
    assert _who(event) == (("SAU", "GOV"), ("SAU", None))


def test_pronouns_do_not_reach_into_another_paragraph():
    text = "وصل الرئيس المصري إلى الرياض أمس.\nوعقد الملك سلمان اجتماعا معه في قصر اليمامة."
    (event,) = _events(text, ("الرئيس المصري", "EGY", "GOV"), ("الملك سلمان", "SAU", "GOV", "PER"),
                       kind="CONSULT")
    assert _who(event) == (("SAU", "GOV"), None)


def test_agreement_cues():
    country = Actor(0, 5, "مصر", None, "EGY", None, kind="GPE")
    army = Actor(0, 5, "الجيش", None, "EGY", "MIL", kind="ROLE")
    rebels = Actor(0, 5, "المسلحين", None, None, "UAF", kind="ROLE")
    assert agrees(country, "ها") and not agrees(country, "ه")
    assert agrees(army, "ه") and not agrees(army, "هم")
    assert agrees(rebels, "هم") and not agrees(rebels, "ه")


def test_the_bomber_named_by_the_trigger_is_the_actor():
    text = "وقالت الشرطة إن انتحاريا يقود سيارة مفخخة فجر نفسه فقتل خمسة من رجال الشرطة."
    events = _events(text, ("الشرطة", "IRQ", "COP"), ("انتحاريا", None, "UAF"), ("رجال الشرطة", "IRQ", "COP"),
                     kind="ASSAULT")
    assert events and _who(events[0]) == ((None, "UAF"), ("IRQ", "COP"))


def test_a_suicide_attack_adjective_is_not_the_attacker():
    text = "وأعلنت حركة طالبان المسؤولية عن الهجوم الانتحاري في كابل."
    events = _events(text, ("حركة طالبان", "AFG", "REB"), ("الانتحاري", None, "UAF"), kind="ASSAULT")
    assert events and all(_who(e)[0] != (None, "UAF") for e in events)


def test_condemned_attack_names_its_author_as_the_recipient():
    text = "أدانت الحكومة العراقية هجوما بدأته تركيا على المقاتلين الأكراد."
    (event,) = _events(text, ("الحكومة العراقية", "IRQ", "GOV"), ("تركيا", "TUR", None, "GPE"), kind="ACCUSE")
    assert _who(event) == (("IRQ", "GOV"), ("TUR", None))


def test_what_a_bombing_targeted_is_its_recipient():
    text = "وقامت امرأة بلجيكية بتفجير نفسها مستهدفة دورية للقوات الأمريكية جنوب بغداد."
    events = _events(text, ("امرأة", "BEL", "CVL"), ("للقوات الأمريكية", "USA", "MIL"), kind="ASSAULT")
    assert events and _who(events[0]) == (("BEL", "CVL"), ("USA", "MIL"))
