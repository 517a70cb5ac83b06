"""Persons who share a name form (بوش, كلينتون): the document date picks the office-holder."""

from __future__ import annotations

import pytest

from hadath.actors.context import person_by_date
from hadath.actors.kb import load_default
from hadath.model import Document, Mention
from hadath.pipeline import Pipeline


def _person(actor_pipeline: Pipeline, text: str, surface: str, date: str | None):
    doc = actor_pipeline(Document(doc_id="t", text=text, source="t", date=date))
    actor = next(a for a in doc.actors if a.entity_text == surface)
    mention = next(m for m in doc.mentions if m.text == surface)
    return actor, mention


@pytest.mark.parametrize(
    ("date", "english", "identifier"),
    [
        ("1991-02-15", "George H. W. Bush", "per:usa_bush_sr"),
        ("2005-06-01", "George W. Bush", "per:usa_bush"),
        (None, "George W. Bush", "per:usa_bush"),  # no date: the most recent holder
    ],
)
def test_bush_is_the_president_in_office_on_the_document_date(actor_pipeline, date, english, identifier):
    actor, mention = _person(actor_pipeline, "وقال بوش إن القوات ستبقى في المنطقة.", "بوش", date)
    assert (actor.name, actor.identifier_id, actor.code, actor.sector) == (
        english,
        identifier,
        "USA",
        "GOV",
    )
    assert mention.key == "per:usa_bush"  # the mention's key does not depend on the date


def test_full_name_shared_by_father_and_son_follows_the_date(actor_pipeline):
    actor, _ = _person(actor_pipeline, "استقبل جورج بوش الوفد في البيت الأبيض.", "جورج بوش", "1990-08-10")
    assert actor.name == "George H. W. Bush"
    actor, _ = _person(actor_pipeline, "استقبل جورج بوش الوفد في البيت الأبيض.", "جورج بوش", "2003-03-20")
    assert actor.name == "George W. Bush"


@pytest.mark.parametrize(
    ("date", "english"),
    [
        ("1998-08-20", "Bill Clinton"),  # head of state 1993-2001
        ("2011-05-03", "Hillary Clinton"),  # Secretary of State 2009-2013
        ("2016-10-01", "Hillary Clinton"),  # no term covers: the holder whose term began last
    ],
)
def test_clinton_is_bill_or_hillary_by_date(actor_pipeline, date, english):
    actor, _ = _person(actor_pipeline, "وأكدت كلينتون دعم بلادها للحل السياسي.", "كلينتون", date)
    assert (actor.name, actor.code) == (english, "USA")


def test_a_form_before_every_term_takes_the_earliest_holder():
    kb = load_default()
    key = kb.lookup("بوش")[0]
    mention = Mention(0, 3, "بوش", "PER", "lexicon", key)
    assert person_by_date(kb, mention, kb.entries[key], "1985-01-01").name == "George H. W. Bush"


def test_a_form_of_one_person_is_left_alone():
    kb = load_default()
    key = kb.lookup("تيلرسون")[0]
    mention = Mention(0, 7, "تيلرسون", "PER", "lexicon", key)
    assert person_by_date(kb, mention, kb.entries[key], "1991-01-01") is kb.entries[key]
