"""Countries as actors by context: visit hosts, request and aid sources, "المملكة", Kurdish nisbas.

Phrases of our own making in news style; what must *not* become an actor is checked here (the
case table only checks actors that exist)."""

from __future__ import annotations

from hadath.model import Document
from hadath.pipeline import Pipeline


def _coded(actor_pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    doc = actor_pipeline(Document(doc_id="t", text=text, source="t", date="2015-08-01"))
    return [(a.entity_text, a.code, a.sector) for a in doc.actors]


def test_arrival_in_a_country_stays_a_place(actor_pipeline):
    coded = _coded(actor_pipeline, "وصل وزير الخارجية الأمريكي إلى قطر مساء أمس.")
    assert not any(code == "QAT" for _, code, _ in coded), coded


def test_visit_host_is_the_government_and_still_a_place(actor_pipeline):
    doc = actor_pipeline(Document(doc_id="t", text="يزور الرئيس الفرنسي الجزائر الأسبوع المقبل.", source="t"))
    assert ("الجزائر", "DZA", "GOV") in [(a.entity_text, a.code, a.sector) for a in doc.actors]


def test_origin_of_travel_is_no_source(actor_pipeline):
    coded = _coded(actor_pipeline, "عاد الرئيس التونسي أمس من باريس بعد محادثات مطولة.")
    assert not any(code == "FRA" for _, code, _ in coded), coded


def test_kingdom_in_a_locative_or_longer_name_is_no_bare_kingdom(actor_pipeline):
    text = "قال وزير الخارجية السعودي إن الاستثمارات في المملكة تضاعفت مع المملكة المتحدة."
    coded = _coded(actor_pipeline, text)
    kingdom = [c for c in coded if c[0].endswith("المملكة")]
    assert kingdom == [], coded
    assert any(code == "GBR" for _, code, _ in coded), coded


def test_kingdom_needs_a_kingdom_in_the_story(actor_pipeline):
    coded = _coded(actor_pipeline, "قال وزير الخارجية المصري إن المملكة شريك مهم.")
    assert not any(text == "المملكة" for text, _, _ in coded), coded


def test_group_noun_with_another_adjective_is_no_anaphor(actor_pipeline):
    coded = _coded(actor_pipeline, "تبنى حزب العمال الكردستاني الهجوم، ودان الحزب الشيوعي العملية.")
    assert not any(text == "الحزب" for text, _, _ in coded), coded


def test_kurdish_nisba_without_armed_group_follows_the_story(actor_pipeline):
    coded = _coded(actor_pipeline, "قال رئيس الوزراء العراقي في بغداد إن المسؤولين الأكراد سيحضرون الاجتماع.")
    assert ("المسؤولين الأكراد", "IRQ", "GOV") in coded, coded


def test_reaction_and_economic_demand_are_no_actors(actor_pipeline):
    coded = _coded(actor_pipeline, "جاء خفض الإنتاج كرد فعل على تراجع الطلب من الصين.")
    assert coded == [], coded


def test_each_coordinated_nisba_is_an_actor(actor_pipeline):
    coded = _coded(actor_pipeline, "وصلت إلى المنطقة قوات سعودية ومصرية وإماراتية.")
    assert {code for _, code, _ in coded} >= {"SAU", "EGY", "ARE"}, coded
