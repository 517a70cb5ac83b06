"""Links between actor phrases (hadath.actors.links) on hand-written sentences: coalitions and
"led by", group anaphora and short names, surnames of known persons, place frames, regions,
owner nouns with a nationality adjective, and the role nouns added with them."""

from __future__ import annotations


def test_actors_links_bare_coalition_in_its_theatre(coded_actors):
    text = "تدور معارك في اليمن منذ أشهر.\nوأعلنت قيادة قوات التحالف هدنة جديدة في اليمن."
    assert coded_actors(text, "2016-04-10")["قوات التحالف"] == ("SAU", "MIL")
    # before the intervention began, "the coalition" in a Yemen story is no known coalition
    assert "قوات التحالف" not in coded_actors(text, "2012-01-01")


def test_actors_links_coalition_with_an_adjective_is_another_alliance(coded_actors):
    text = "تدور معارك في اليمن منذ أشهر.\nوقال التحالف الوطني إنه يرفض الهدنة."
    assert "التحالف" not in coded_actors(text, "2016-04-10")


def test_actors_links_forces_led_by_a_state(coded_actors):
    got = coded_actors("هاجم مسلحون قوات التحالف الذي تقوده الولايات المتحدة في أفغانستان.")
    assert got["قوات التحالف الذي تقوده الولايات المتحدة"] == ("USA", "MIL")


def test_actors_links_group_anaphora(coded_actors):
    text = "قصف الجيش مواقع حزب العمال الكردستاني في الجبال.\nواعتبر الحزب هذا القصف عدوانا."
    assert coded_actors(text)["الحزب"] == ("TUR", "REB")


def test_actors_links_group_anaphora_not_before_an_adjective(coded_actors):
    text = "قصف الجيش مواقع حزب العمال الكردستاني في الجبال.\nوقال الحزب الشيوعي إنه يدين القصف."
    assert ("TUR", "REB") not in [v for k, v in coded_actors(text).items() if "الحزب" in k]


def test_actors_links_short_group_name(coded_actors):
    text = "قصفت الطائرات مواقع حزب العمال الكردستاني.\nوطالبت الحكومة حزب العمال بسحب مقاتليه."
    assert coded_actors(text)["حزب العمال"] == ("TUR", "REB")


def test_actors_links_organisation_anaphora_to_a_transnational_group(coded_actors):
    text = "قتل خمسة من عناصر تنظيم القاعدة في غارة.\nوقتل قيادي آخر من التنظيم في أبريل."
    assert coded_actors(text)["التنظيم"] == ("IMG", "REB")


def test_actors_links_surname_of_a_known_person_named_in_full(coded_actors):
    text = "وصل وزير الدفاع الأمريكي آشتون كارتر إلى بغداد.\nوقال كارتر إن المحادثات كانت مثمرة."
    assert coded_actors(text, "2015-07-22")["كارتر"] == ("USA", "GOV")


def test_actors_links_sentence_opening_with_a_place_sets_its_roles_there(coded_actors):
    text = ("قال الرئيس الأمريكي إن واشنطن ستدرس الاتفاق في الكونغرس.\n"
            "وفي طهران، قال البرلمان إنه يريد الاطلاع على نص الاتفاق.")
    assert coded_actors(text)["البرلمان"] == ("IRN", "LEG")


def test_actors_links_regions_code_as_their_country(coded_actors):
    got = coded_actors("طالب رئيس إقليم كردستان بوقف القصف، وحكم على شاب شيشاني بالسجن.")
    assert got["رئيس إقليم كردستان"] == ("IRQ", "GOV")
    assert got["شاب شيشاني"] == ("RUS", "CVL")


def test_actors_links_owner_noun_with_nationality_adjectives(coded_actors):
    got = coded_actors("وصلت مساعدات سعودية واماراتية جديدة إلى ميناء عدن.")
    assert got["مساعدات سعودية"] == ("SAU", None)
    assert got["اماراتية"] == ("ARE", None)


def test_actors_links_adjective_of_a_mere_thing_is_no_actor(coded_actors):
    assert coded_actors("كان العلم الأفغاني يرفرف فوق المبنى.") == {}


def test_actors_links_new_role_nouns(coded_actors):
    got = coded_actors("دعا المشرعين الأمريكيين معهد بحثي أمريكي إلى نشر تقريره.")
    assert got["المشرعين الأمريكيين"] == ("USA", "LEG")
    assert got["معهد بحثي أمريكي"] == ("USA", "EDU")


def test_actors_links_un_adjective_qualifies_a_title(coded_actors):
    got = coded_actors("وصل المنسق الإنساني الأممي إلى المدينة.")
    assert got["المنسق الإنساني الأممي"] == ("UNO", None)


def test_actors_links_own_country_is_that_of_the_speaker(coded_actors):
    got = coded_actors("نفى وزير الخارجية الإيراني أن بلاده تخصب اليورانيوم سرا.")
    assert got["بلاده"] == ("IRN", None)


def test_actors_links_own_country_needs_someone_before_it(coded_actors):
    assert "بلاده" not in coded_actors("قال إن بلاده لن تتراجع.")


def test_actors_links_group_name_in_quotes(coded_actors):
    got = coded_actors("نجا قائد محلي من هجوم تبناه تنظيم «القاعدة» أمس.")
    assert got["تنظيم «القاعدة»"] == ("IMG", "REB")
