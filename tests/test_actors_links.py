"""Links between actor phrases (hadath.actors.links) on hand-written sentences: coalitions and
"led by", group anaphora and short names, surnames of known persons, place frames, regions,
owner nouns with a nationality adjective, and the role nouns added with them."""

from __future__ import annotations

import pytest

from hadath.actors import ActorCoder
from hadath.model import Document
from hadath.ner.lexicon import LexiconRecognizer
from hadath.pipeline import Pipeline, Segmenter


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline([Segmenter(), LexiconRecognizer(), ActorCoder()])


def _actors(pipeline, text: str, date: str | None = None) -> dict[str, tuple[str | None, str | None]]:
    doc = pipeline(Document(doc_id="t", text=text, source="t", date=date))
    return {a.entity_text: (a.code, a.sector) for a in doc.actors}


def test_actors_links_bare_coalition_in_its_theatre(pipeline):
    text = "تدور معارك في اليمن منذ أشهر.\nوأعلنت قيادة قوات التحالف هدنة جديدة في اليمن."
    assert _actors(pipeline, text, "2016-04-10")["قوات التحالف"] == ("SAU", "MIL")
    # before the intervention began, "the coalition" in a Yemen story is no known coalition
    assert "قوات التحالف" not in _actors(pipeline, text, "2012-01-01")


def test_actors_links_coalition_with_an_adjective_is_another_alliance(pipeline):
    text = "تدور معارك في اليمن منذ أشهر.\nوقال التحالف الوطني إنه يرفض الهدنة."
    assert "التحالف" not in _actors(pipeline, text, "2016-04-10")


def test_actors_links_forces_led_by_a_state(pipeline):
    got = _actors(pipeline, "هاجم مسلحون قوات التحالف الذي تقوده الولايات المتحدة في أفغانستان.")
    assert got["قوات التحالف الذي تقوده الولايات المتحدة"] == ("USA", "MIL")


def test_actors_links_group_anaphora(pipeline):
    text = "قصف الجيش مواقع حزب العمال الكردستاني في الجبال.\nواعتبر الحزب هذا القصف عدوانا."
    assert _actors(pipeline, text)["الحزب"] == ("TUR", "REB")


def test_actors_links_group_anaphora_not_before_an_adjective(pipeline):
    text = "قصف الجيش مواقع حزب العمال الكردستاني في الجبال.\nوقال الحزب الشيوعي إنه يدين القصف."
    assert ("TUR", "REB") not in [v for k, v in _actors(pipeline, text).items() if "الحزب" in k]


def test_actors_links_short_group_name(pipeline):
    text = "قصفت الطائرات مواقع حزب العمال الكردستاني.\nوطالبت الحكومة حزب العمال بسحب مقاتليه."
    assert _actors(pipeline, text)["حزب العمال"] == ("TUR", "REB")


def test_actors_links_organisation_anaphora_to_a_transnational_group(pipeline):
    text = "قتل خمسة من عناصر تنظيم القاعدة في غارة.\nوقتل قيادي آخر من التنظيم في أبريل."
    assert _actors(pipeline, text)["التنظيم"] == ("IMG", "REB")


def test_actors_links_surname_of_a_known_person_named_in_full(pipeline):
    text = "وصل وزير الدفاع الأمريكي آشتون كارتر إلى بغداد.\nوقال كارتر إن المحادثات كانت مثمرة."
    assert _actors(pipeline, text, "2015-07-22")["كارتر"] == ("USA", "GOV")


def test_actors_links_sentence_opening_with_a_place_sets_its_roles_there(pipeline):
    text = ("قال الرئيس الأمريكي إن واشنطن ستدرس الاتفاق في الكونغرس.\n"
            "وفي طهران، قال البرلمان إنه يريد الاطلاع على نص الاتفاق.")
    assert _actors(pipeline, text)["البرلمان"] == ("IRN", "LEG")


def test_actors_links_regions_code_as_their_country(pipeline):
    got = _actors(pipeline, "طالب رئيس إقليم كردستان بوقف القصف، وحكم على شاب شيشاني بالسجن.")
    assert got["رئيس إقليم كردستان"] == ("IRQ", "GOV")
    assert got["شاب شيشاني"] == ("RUS", "CVL")


def test_actors_links_owner_noun_with_nationality_adjectives(pipeline):
    got = _actors(pipeline, "وصلت مساعدات سعودية واماراتية جديدة إلى ميناء عدن.")
    assert got["مساعدات سعودية"] == ("SAU", None)
    assert got["اماراتية"] == ("ARE", None)


def test_actors_links_adjective_of_a_mere_thing_is_no_actor(pipeline):
    assert _actors(pipeline, "كان العلم الأفغاني يرفرف فوق المبنى.") == {}


def test_actors_links_new_role_nouns(pipeline):
    got = _actors(pipeline, "دعا المشرعين الأمريكيين معهد بحثي أمريكي إلى نشر تقريره.")
    assert got["المشرعين الأمريكيين"] == ("USA", "LEG")
    assert got["معهد بحثي أمريكي"] == ("USA", "EDU")


def test_actors_links_un_adjective_qualifies_a_title(pipeline):
    got = _actors(pipeline, "وصل المنسق الإنساني الأممي إلى المدينة.")
    assert got["المنسق الإنساني الأممي"] == ("UNO", None)


def test_actors_links_own_country_is_that_of_the_speaker(pipeline):
    got = _actors(pipeline, "نفى وزير الخارجية الإيراني أن بلاده تخصب اليورانيوم سرا.")
    assert got["بلاده"] == ("IRN", None)


def test_actors_links_own_country_needs_someone_before_it(pipeline):
    assert "بلاده" not in _actors(pipeline, "قال إن بلاده لن تتراجع.")


def test_actors_links_group_name_in_quotes(pipeline):
    got = _actors(pipeline, "نجا قائد محلي من هجوم تبناه تنظيم «القاعدة» أمس.")
    assert got["تنظيم «القاعدة»"] == ("IMG", "REB")
