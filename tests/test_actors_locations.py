"""Place resolution: locative evidence, same-name cities, common words, and the SaudiNewsNet sample."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from hadath.actors.geo import load_places
from hadath.actors.kb import load_default
from hadath.actors.locative import (
    CLITIC,
    PLACE_NOUN,
    WORD,
    city_strength,
    has_locative_context,
    locative_strength,
)
from hadath.arabic.tokens import tokenize
from hadath.evaluate.locations import (
    FLOOR,
    GOLD_PATH,
    eval_locations,
    evaluate_locations,
    load_gold,
    score_item,
)
from hadath.model import Document, Location
from hadath.pipeline import Pipeline


@pytest.fixture(scope="module")
def shared_dir() -> Path:
    path = Path(__file__).resolve().parents[2] / "shared"
    if not (path / "data" / "saudinewsnet" / "dataset").is_dir():
        pytest.skip("../shared/data/saudinewsnet not available")
    return path


def _locations(pipe: Pipeline, text: str) -> tuple[Location, ...]:
    return pipe(Document(doc_id="t", text=text, source="test")).locations


def _strength(text: str, i: int, clitic: str = "") -> int:
    return locative_strength(tokenize(text), i, clitic)


# -- the pipeline ---------------------------------------------------------------------------------


def test_tripoli_in_a_libya_story_is_tripoli_libya(actor_pipeline):
    locs = _locations(actor_pipeline, "اشتباكات في ليبيا. وقال مسؤولون في طرابلس إن القتال توقف.")
    tripoli = next(loc for loc in locs if loc.text == "طرابلس")
    assert (tripoli.geonameid, tripoli.country) == (2210247, "LBY")


def test_hope_is_not_a_place(actor_pipeline):
    assert _locations(actor_pipeline, "وبقي الوفد في الفندق على أمل التوصل إلى اتفاق.") == ()
    assert load_places().cities("أمل") == ()


def test_a_capital_after_the_capital_noun_and_its_nisba_is_a_place(actor_pipeline):
    locs = _locations(actor_pipeline, "أصدرت محكمة في العاصمة الليبية طرابلس حكما بالإعدام.")
    assert [(loc.text, loc.geonameid) for loc in locs] == [("طرابلس", 2210247)]


def test_coordinated_cities_after_a_dual_place_noun_are_places(actor_pipeline):
    text = "فتحت القوات ممرات آمنة لخروج الأهالي من مدينتي الرمادي والفلوجة في العراق."
    locs = _locations(actor_pipeline, text)
    assert {loc.text: loc.geonameid for loc in locs}.items() >= {("الرمادي", 98717), ("الفلوجة", 99454)}


# -- locative evidence -----------------------------------------------------------------------------


def test_locative_strength_by_kind_of_evidence():
    assert _strength("وصل إلى مدينة سبها", 3) == PLACE_NOUN
    assert _strength("اشتباكات بمحافظة تعز", 2) == PLACE_NOUN  # place noun with a clitic
    assert _strength("ودخلت القوات إلى صنعاء", 3) == WORD
    assert _strength("قال مصدر بمصراتة", 2, "ب") == CLITIC
    assert _strength("قال علي إن الوضع", 1) == 0


def test_a_list_under_a_plural_place_noun_takes_the_place_noun():
    toks = tokenize("تبوك ومحافظات تيماء وحقل وضباء والوجه")
    assert locative_strength(toks, 5, "و") == PLACE_NOUN


def test_coordination_needs_a_place_at_the_head_of_the_list():
    assert not has_locative_context(tokenize("وقال علي والحكومة"), 2, "و")
    assert has_locative_context(tokenize("في الرمادي والفلوجة"), 2, "و")


def test_a_statement_by_a_country_is_not_a_dateline():
    assert _strength("إيران: لن نتراجع", 0) == 0
    assert _strength("رويترز- بنغازي (ليبيا): قال", 2) == WORD


def test_a_definite_word_after_a_definite_place_noun_is_an_adjective():
    assert _strength("أغلقت القوات المنطقة الخضراء", 3) == WORD


# -- same-name places, towns and common words --------------------------------------------------------


def test_same_name_city_follows_the_document_country():
    places, kb = load_places(), load_default()
    assert places.resolve("طرابلس", Counter({"LBN": 3.0}), kb.iso2).iso2 == "LB"
    assert places.resolve("طرابلس", Counter({"LBY": 1.0}), kb.iso2).iso2 == "LY"
    assert places.resolve("طرابلس", Counter(), kb.iso2).iso2 == "LY"  # the most populous
    assert places.is_ambiguous("طرابلس") and not places.is_ambiguous("بنغازي")


def test_city_named_with_a_place_noun_also_means_the_bare_name():
    places = load_places()
    assert places.resolve("مدينة زنجبار", {"YE": 2.0}).name == "Zinjibār"
    assert places.resolve("مدينة زنجبار", {}).name == "Zanzibar"


def test_a_much_larger_city_keeps_its_name_when_its_country_is_mentioned():
    places = load_places()
    riyadh = places.resolve("الرياض", {"EG": 5.0, "SA": 1.0})
    assert (riyadh.name, riyadh.iso2) == ("Riyadh", "SA")


def test_town_needs_its_country_in_the_document():
    places, kb = load_places(), load_default()
    saada = places.cities("صعدة")[0]
    assert places.plausible(saada, WORD, Counter({"YEM": 2.0}), kb.iso2)
    assert not places.plausible(saada, WORD, Counter({"SAU": 2.0}), kb.iso2)
    assert places.plausible(saada, PLACE_NOUN, Counter(), kb.iso2)  # a local story naming no country


def test_population_needed_grows_as_evidence_weakens():
    places = load_places()
    sabha = places.cities("سبها")[0]  # about 150,000, Libya
    assert [places.accepts(sabha, s) for s in (0, CLITIC, WORD, PLACE_NOUN)] == [False, False, True, True]


def test_common_word_city_needs_a_place_noun():
    places = dataclasses.replace(load_places(), common=frozenset({"الوجه"}))
    wajh = places.cities("الوجه")[0]
    assert not places.accepts(wajh, WORD, "الوجه")  # جرح عميق في الوجه: the face
    assert places.accepts(wajh, PLACE_NOUN, "الوجه")  # محافظة الوجه


# -- idafa, city-only contexts, lists, own names ------------------------------------------------------


def _places_of(pipe: Pipeline, text: str) -> dict[str, int | None]:
    return {loc.text: loc.geonameid for loc in _locations(pipe, text)}


def test_a_place_in_idafa_after_a_heritage_or_parts_noun(actor_pipeline):
    text = "ترميم الأضرحة في مالي. ويعود تاريخ الكثير من تراث تمبكتو للقرن الثالث عشر."
    assert _places_of(actor_pipeline, text)["تمبكتو"] == 2449067
    locs = _locations(actor_pipeline, "تنامي الفراغ الأمني في ركن قصي من أركان ليبيا.")
    assert [(loc.text, loc.country, loc.feature) for loc in locs] == [("ليبيا", "LBY", "PCLI")]
    assert _places_of(actor_pipeline, "توفي في أحد مستشفيات كراتشي.") == {"كراتشي": 1174872}


def test_headquarters_take_a_place(actor_pipeline):
    locs = _locations(actor_pipeline, "وذكرت مؤسسة ماركت للأبحاث ومقرها لندن أن المؤشر ارتفع.")
    assert [loc.geonameid for loc in locs] == [2643743]


def test_a_city_between_or_under_control_is_a_place_but_a_country_stays_an_actor(actor_pipeline):
    toks = tokenize("الطريق بين اجدابيا وطبرق ثم السيطرة على عدن والهجوم على إيران")
    assert [city_strength(toks, i, c) for i, c in ((2, ""), (3, "و"), (7, ""))] == [WORD, WORD, WORD]
    assert locative_strength(toks, 7, "") == 0 and locative_strength(toks, 10, "") == 0
    doc = actor_pipeline(Document(doc_id="t", text="وقع الهجوم على إيران بين اجدابيا وطبرق.", source="t"))
    assert {loc.text for loc in doc.locations} == {"اجدابيا", "طبرق"}
    assert [a.code for a in doc.actors if a.entity_text == "إيران"] == ["IRN"]


def test_a_city_in_apposition_is_a_place(actor_pipeline):
    text = "قتال في اليمن للسيطرة على زنجبار عاصمة أبين. وهاجموا داماتورو مركز ولاية يوبي في نيجيريا."
    assert _places_of(actor_pipeline, text).items() >= {("زنجبار", 69426), ("داماتورو", 2345521)}


def test_same_name_town_of_the_story_country_wins_over_a_larger_one_abroad(actor_pipeline):
    text = "اشتباكات في اليمن.\nوقال مسؤول في مدينة زنجبار إن القتال توقف في زنجبار وضواحيها."
    towns = {loc.geonameid for loc in _locations(actor_pipeline, text) if loc.feature == "PPL"}
    assert towns == {69426}  # Zinjibar, not Zanzibar
    places = load_places()
    assert not places.votes(places.cities("زنجبار")[0], "زنجبار")  # a shared name does not vote


def test_names_in_a_comma_list_under_a_plural_place_noun(actor_pipeline):
    text = "انتشر اللاجئون في لبنان في مناطق الكورة، المنية، زغرتا، صيدا، طرابلس، وبعلبك."
    found = _places_of(actor_pipeline, text)
    assert found["صيدا"] == 268064 and found["طرابلس"] == 266826  # Tripoli, Lebanon
    toks = tokenize("شجعت المدن لاجتذاب السياح، صيدا")
    assert locative_strength(toks, 5, "") == 0  # one comma is a clause, not a list


def test_a_country_in_brackets_after_a_name_makes_it_a_place(actor_pipeline):
    locs = _locations(actor_pipeline, "على أن تكون أنجامينا (تشاد) مقرا لقيادتها.")
    assert [loc.geonameid for loc in locs if loc.text == "أنجامينا"] == [2427123]


def test_own_arabic_names_and_two_letter_names_need_their_evidence(actor_pipeline):
    assert _places_of(actor_pipeline, "تجمع في بلدة كوباني السورية.") == {"كوباني": 172256}
    assert _places_of(actor_pipeline, "شهدت مدينة مروة أقصى شمال الكاميرون هجوما.")["مروة"] == 2228373
    assert _places_of(actor_pipeline, "وصلت مروة إلى الكاميرون.").get("مروة") is None  # a personal name
    assert _places_of(actor_pipeline, "تحتدم المواجهات في محافظة إب بجنوب صنعاء.")["إب"] == 74477
    assert "بن" not in _places_of(actor_pipeline, "عقدت اجتماعات شعبية بمدينة بن قردان.")


# -- the evaluation ------------------------------------------------------------------------------------


def test_score_item_rules():
    libya = Location("ليبيا", 10, 15, "Libya", "LBY", 2215636, None, None, "PCLI")
    assert score_item({"gold": "LBY", "start": 10, "end": 15}, [libya])[0]
    assert not score_item({"gold": None, "start": 12, "end": 14}, [libya])[0]
    assert score_item({"gold": None, "start": 0, "end": 5}, [libya])[0]
    assert score_item({"gold": 1, "also": [2215636], "start": 10, "end": 15}, [libya])[0]
    assert not score_item({"gold": 2210247, "start": 10, "end": 15}, [])[0]


def test_gold_sample_is_well_formed():
    gold = load_gold(GOLD_PATH)
    assert len(gold) >= 120 and len({g["id"] for g in gold}) == len(gold)
    assert len({g["url"] for g in gold}) >= 30 and len({g["outlet"] for g in gold}) >= 8
    assert sum(g["split"] == "check" for g in gold) >= 30
    for g in gold:
        assert g["end"] - g["start"] == len(g["surface"]) and len(g["surface"].split()) <= 3
        assert g["gold"] is None or isinstance(g["gold"], int) or len(g["gold"]) == 3
        assert g["note"]


def test_command_skips_without_shared_data(tmp_path):
    result = CliRunner().invoke(eval_locations, ["--shared", str(tmp_path)])
    assert result.exit_code == 0 and "skipped" in result.output


def test_sample_accuracy_is_above_the_floor(shared_dir):
    from hadath.pipeline import build_pipeline

    rep = evaluate_locations(build_pipeline(), load_gold(GOLD_PATH), shared_dir / "data")
    assert not rep.messages
    assert rep.count() == len(load_gold(GOLD_PATH))
    assert rep.accuracy() >= FLOOR
