"""ActorCoder rules on hand-built sentences: qualifiers, context, dated offices, linking, places."""

from __future__ import annotations

import dataclasses

from hadath.actors import ActorCoder
from hadath.actors.kb import nisba_forms, nisba_stems
from hadath.model import Document, Mention
from hadath.ner.lexicon import LexiconRecognizer
from hadath.pipeline import Segmenter


def _code(actor_pipeline, text: str, date: str | None = None, title: str | None = None) -> Document:
    return actor_pipeline(Document(doc_id="t", text=text, source="t", date=date, title=title))


def _by_text(doc: Document) -> dict[str, tuple[str | None, str | None]]:
    return {a.entity_text: (a.code, a.sector) for a in doc.actors}


def test_actors_rules_nisba_generation():
    assert nisba_stems("السعودية") == ["سعودي"]
    singular, plural = nisba_forms("مصري")
    assert "المصريه" in singular and "المصريين" in plural


def test_actors_rules_unqualified_role_takes_the_document_country(actor_pipeline):
    doc = _code(actor_pipeline, "وقع انقلاب في تشاد.\nوقال العسكريون إنهم سيطروا على السلطة.")
    assert doc.country == "TCD"
    assert _by_text(doc)["العسكريون"] == ("TCD", "MIL")


def test_actors_rules_same_institution_nearby_gives_the_country(actor_pipeline):
    text = (
        "قالت الخارجية الفرنسية إن الزيارة مهمة، وجاءت بعد لقاء مستشار وزير الخارجية، جان دوبون، "
        "مع المسؤولين في الجزائر."
    )
    doc = _code(actor_pipeline, text)
    actor = next(a for a in doc.actors if "جان دوبون" in a.entity_text)
    assert (actor.code, actor.sector, actor.kind) == ("FRA", "GOV", "PER")


def test_actors_rules_unknown_person_is_linked_by_surname(actor_pipeline):
    doc = _code(
        actor_pipeline, "قال وزير الخارجية الكيني جورج موراغا إن بلاده مستعدة.\nوأضاف موراغا أن الحوار مستمر."
    )
    linked = [a for a in doc.actors if a.entity_text == "موراغا"]
    assert linked and (linked[0].code, linked[0].sector, linked[0].kind) == ("KEN", "GOV", "PER")
    assert "surname" in linked[0].why


def test_actors_rules_office_by_date(actor_pipeline):
    # Trump is coded by the office held on the document's date, else by the title in the text
    doc = _code(actor_pipeline, "قال دونالد ترامب إنه سيترشح.", date="2019-05-01")
    assert _by_text(doc)["دونالد ترامب"] == (
        "USA",
        "GOV",
    )
    tchiani = _code(actor_pipeline, "ظهر عبد الرحمن تياني على التلفزيون.", date="2023-08-01")
    assert _by_text(tchiani)["عبد الرحمن تياني"] == ("NER", "MIL")


def test_actors_rules_ambiguous_nisba_follows_the_document(actor_pipeline):
    niger = _code(actor_pipeline, "وقع انقلاب في النيجر.\nوقال الجيش النيجري إنه سيطر على نيامي.")
    assert _by_text(niger)["الجيش النيجري"] == ("NER", "MIL")
    nigeria = _code(actor_pipeline, "وقعت هجمات في نيجيريا.\nوقال الجيش النيجري إنه قتل مسلحين.")
    assert _by_text(nigeria)["الجيش النيجري"] == ("NGA", "MIL")


def test_actors_rules_places_and_capital_metonyms(actor_pipeline):
    doc = _code(actor_pipeline, "وصل الوزير إلى أبوجا، وانتقدت موسكو الزيارة.")
    assert _by_text(doc)["موسكو"] == ("RUS", "GOV")
    assert "أبوجا" not in _by_text(doc)
    abuja = next(loc for loc in doc.locations if loc.text == "أبوجا")
    assert (abuja.country, abuja.name, abuja.feature) == ("NGA", "Abuja", "PPLC")
    assert abuja.lat and abuja.lon and abuja.geonameid


def test_actors_rules_role_located_in_a_place(actor_pipeline):
    doc = _code(
        actor_pipeline,
        "قال المتحدث باسم الرئاسة في القاهرة إن الرئيس سيزور باريس.\nوانتقدت قوات الأمن في نيجيريا.",
    )
    assert _by_text(doc)["المتحدث باسم الرئاسة"] == ("EGY", "GOV")


def test_actors_rules_common_words_are_not_actors(actor_pipeline):
    doc = _code(actor_pipeline, "قدمت الشركة المساعدة التقنية للمزارعين، وبحثت الحل الدبلوماسي.")
    assert not any(a.entity_text == "المساعدة" for a in doc.actors)
    assert all(a.sector != "GOV" for a in doc.actors)


def test_actors_rules_title_weighs_in_the_main_country(actor_pipeline):
    doc = _code(actor_pipeline, "قال الوزير إن الاتفاق مهم.", title="الأردن يوقع اتفاقا مع مصر")
    assert doc.country == "JOR"
    assert _by_text(doc)["الوزير"] == ("JOR", "GOV")


def test_actors_rules_empty_and_foreign_mentions_do_not_break(actor_pipeline):
    assert _code(actor_pipeline, "").actors == ()
    assert _code(actor_pipeline, "...").country is None
    # a trained tagger's PER mention right after a title becomes the person's name
    text = "قال الوزير زيد عمرو إن الوضع هادئ."
    seg = Segmenter()(Document(doc_id="t", text=text, source="t"))
    doc = LexiconRecognizer()(seg)
    crf = Mention(11, 19, text[11:19], "PER", "crf")
    doc = ActorCoder()(dataclasses.replace(doc, mentions=doc.mentions + (crf,)))
    person = next(a for a in doc.actors if a.kind == "PER")
    assert person.entity_text == "الوزير زيد عمرو" and person.code is None and person.sector == "GOV"


def test_actors_rules_definiteness_separates_names_from_nisbas(actor_pipeline):
    # a definite title before an indefinite nisba-looking word: a name (Prince Turki), not "Turkish"
    doc = _code(actor_pipeline, "قال الأمير تركي الفيصل إن السعودية لن تقبل بذلك.")
    assert doc.country == "SAU" and "TUR" not in {a.code for a in doc.actors}
    # both indefinite (or both definite) agree: a nisba
    assert _by_text(_code(actor_pipeline, "قتل ثلاثة مواطنين أتراك."))["مواطنين أتراك"] == ("TUR", "CVL")
    # "السمو الملكي" is an adjective, not the role noun الملك
    assert not any(
        a.entity_text == "الملكي" for a in _code(actor_pipeline, "صاحب السمو الملكي زار المدينة.").actors
    )


def test_actors_rules_idafa_with_a_word_the_recogniser_skipped(actor_pipeline):
    assert _by_text(_code(actor_pipeline, "أعلنت حكومة مالي طرد السفير."))["حكومة مالي"] == ("MLI", "GOV")
    assert _by_text(_code(actor_pipeline, "قالت شرطة دبي إنها اعتقلت عصابة."))["شرطة دبي"] == ("ARE", "COP")
    # only an indefinite noun heads an idafa
    assert "الحكومة مالي" not in _by_text(_code(actor_pipeline, "قالت الحكومة مالي إنها سترد."))


def test_actors_rules_a_body_does_not_chain_with_its_object(actor_pipeline):
    doc = _code(actor_pipeline, "ضبطت السلطات في السعودية شحنة.\nواعتقل حرس الحدود المهربين.")
    assert _by_text(doc)["حرس الحدود"] == ("SAU", "COP")
    assert _by_text(doc)["المهربين"] == ("SAU", "CRM")


def test_actors_rules_known_surname_after_an_unknown_first_name(actor_pipeline):
    text = "قالت المستشارة الألمانية أنغيلا ميركل إن أوروبا تواجه تحديا."
    doc = _code(actor_pipeline, text, date="2015-09-01")
    person = next(a for a in doc.actors if "ميركل" in a.entity_text)
    assert person.entity_text == "المستشارة الألمانية أنغيلا ميركل"
    assert (person.code, person.identifier_id) == ("DEU", "per:merkel")
