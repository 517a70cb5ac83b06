"""ActorCoder coding conventions: bare countries, unplaced groups, adjectives, former offices,
one-country institutions, IGO forces, news outlets, foreigners and extra nisba forms."""

from __future__ import annotations

from hadath.actors.kb import load_default, nisba_forms
from hadath.model import Document


def test_actors_conventions_bare_country_has_no_sector_capital_is_government(coded_actors):
    got = coded_actors("أعلنت تركيا أنها شنت غارات، وقالت واشنطن إنها تتابع الوضع.")
    assert got["تركيا"] == ("TUR", None)
    assert got["واشنطن"] == ("USA", "GOV")


def test_actors_conventions_palestinian_authority_is_a_government(coded_actors):
    assert coded_actors("رحبت السلطة الفلسطينية بالقرار.")["السلطة الفلسطينية"] == ("PSE", "GOV")


def test_actors_conventions_gunmen_and_protesters_take_no_story_country(coded_actors):
    got = coded_actors("قتل مسلحون ثلاثة أشخاص في بغداد.\nوتجمع المتظاهرون أمام مبنى المحافظة.")
    assert got["مسلحون"] == (None, "UAF")
    assert got["المتظاهرون"] == (None, "CVL")
    assert got["أشخاص"] == ("IRQ", "CVL")  # victims keep the story's country


def test_actors_conventions_qualified_protesters_keep_their_country(coded_actors):
    got = coded_actors("خرج متظاهرون عراقيون إلى الشوارع في لندن.")
    assert got["متظاهرون عراقيون"] == ("IRQ", "CVL")


def test_actors_conventions_nisba_shaped_role_after_its_noun_is_an_adjective(coded_actors):
    got = coded_actors("قتل عشرة أشخاص في هجوم انتحاري في كابول، وعقد الوزير مؤتمرا صحفيا.")
    assert not any("انتحاري" in text or "صحفيا" in text for text in got)
    got = coded_actors("فجر انتحاري نفسه قرب مركز للشرطة في كابول.")
    assert got["انتحاري"] == (None, "UAF")


def test_actors_conventions_former_office_is_elite(coded_actors):
    got = coded_actors("زار وزير الخارجية الأمريكي السابق هنري كيسنجر بكين.")
    assert got["وزير الخارجية الأمريكي السابق هنري كيسنجر"] == ("USA", "ELI")
    got = coded_actors("قال الرئيس المصري المعزول محمد مرسي إنه لن يعترف بالمحكمة.", "2014-05-01")
    assert got["الرئيس المصري المعزول محمد مرسي"] == ("EGY", "ELI")


def test_actors_conventions_mp_with_a_name_is_legislature(coded_actors):
    got = coded_actors("طالب النائب سامي الجميل في بيروت الحكومة بالاستقالة.")
    assert got["النائب سامي الجميل"] == ("LBN", "LEG")


def test_actors_conventions_one_country_institutions(coded_actors):
    text = "اجتمع وزير الخارجية الإيراني في طهران.\nورفض الكونغرس الاتفاق، وقال الموساد إنه يراقب."
    got = coded_actors(text)
    assert got["الكونغرس"] == ("USA", "LEG")
    assert got["الموساد"] == ("ISR", "SPY")
    assert coded_actors("تظاهر الأقباط في القاهرة.")["الأقباط"] == ("EGY", "CVL")


def test_actors_conventions_igo_forces_stay_military(coded_actors):
    got = coded_actors("قالت قوات الناتو إنها قتلت عشرة مسلحين، ورحب الأمين العام للأمم المتحدة.")
    assert got["قوات الناتو"] == ("IGO", "MIL")


def test_actors_conventions_news_outlets_neither_act_nor_vote(actor_pipeline):
    text = "نقلت وكالة الصحافة الفرنسية عن مصادر أمنية أن الشرطة اعتقلت ثلاثة أشخاص."
    doc = actor_pipeline(Document(doc_id="t", text=text, source="t"))
    assert doc.country is None
    assert {a.entity_text: (a.code, a.sector) for a in doc.actors}["الشرطة"] == (None, "COP")
    assert not any("وكالة" in a.entity_text for a in doc.actors)


def test_actors_conventions_foreigners_are_int(coded_actors):
    got = coded_actors("قتل ثلاثة أجانب في الهجوم على الفندق، ومنعت السلطات الصحفيين الأجانب من الدخول.")
    assert got["أجانب"] == ("INT", None)
    assert got["الصحفيين الأجانب"] == ("INT", "JRN")


def test_actors_conventions_accusative_dual_and_two_word_nisbas(coded_actors):
    got = coded_actors("اعتقلت الشرطة صحفيا بريطانيا، وأطلقت مروحيتان أمريكيتان النار على الحاجز.")
    assert got["صحفيا بريطانيا"] == ("GBR", "JRN")
    assert got["مروحيتان أمريكيتان"] == ("USA", "MIL")
    assert coded_actors("أفرج الخاطفون عن الكوريين الجنوبيين.")["الكوريين الجنوبيين"] == ("KOR", None)
    singular, plural = nisba_forms("كوري جنوبي")
    assert "كوريا جنوبيا" in singular and "الكوريين الجنوبيين" in plural


def test_actors_conventions_ambiguous_nisba_after_an_army(coded_actors):
    assert coded_actors("هاجم مسلحون الجيش المالي في الشمال.")["الجيش المالي"] == ("MLI", "MIL")
    assert not coded_actors("قدمت الحكومة الدعم المالي للمزارعين.").get("الدعم المالي")


def test_actors_conventions_lexicon_files_are_loaded():
    kb = load_default()
    assert {"gunmen", "protesters"} <= kb.unplaced
    assert "السابق" in kb.former and "هجوم" in kb.adjective_heads
    assert kb.entries[kb.lookup("رويترز")[0]].kind == "media"
