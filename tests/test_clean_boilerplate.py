"""Boilerplate removal on hand-built pages (hadath.clean)."""

from __future__ import annotations

from hadath.clean import CleanOptions, clean
from hadath.model import Document, RawDocument

P1 = "قال وزير الخارجية إن بلاده تدعم الحل السياسي للأزمة وتدعو جميع الأطراف إلى الحوار دون شروط مسبقة."
P2 = (
    "وأضاف الوزير في مؤتمر صحفي عقده في العاصمة أن الاتصالات "
    "مستمرة مع الشركاء الإقليميين والدوليين منذ أسابيع."
)
P3 = (
    "وكتب المتحدث باسم الوزارة على حسابه في تويتر أن المصدر "
    "الرئيسي للتوتر هو استمرار العمليات العسكرية في المنطقة."
)


def one(content: str, **kw) -> Document:
    result = clean(RawDocument(source="t.txt", content=content, **kw))
    assert isinstance(result, list), result
    assert len(result) == 1
    return result[0]


def test_clean_drops_ad_markers_and_keeps_paragraphs():
    doc = one(f"[ad_1]\n{P1}\n\n[ad_2]\n{P2}\n[/ad]")
    assert doc.text == f"{P1}\n{P2}"
    assert "[ad_1]" in doc.removed and "[ad_2]" in doc.removed


def test_clean_drops_read_also_heading_and_headline_list():
    page = (
        f"{P1}\n{P2}\nاقرأ أيضا\nعنوان خبر آخر عن الاقتصاد\n• "
        f"عنوان ثالث عن الرياضة\nمواضيع ذات صلة\n• خبر رابع"
    )
    doc = one(page)
    assert doc.text == f"{P1}\n{P2}"
    assert "عنوان خبر آخر عن الاقتصاد" in doc.removed
    assert "• خبر رابع" in doc.removed


def test_clean_drops_inline_read_also_and_continues_article():
    doc = one(f"{P1}\nاقرأ أيضاً: الحكومة تعلن خطة جديدة للنقل\n{P2}\n{P3}")
    assert doc.text == f"{P1}\n{P2}\n{P3}"


def test_clean_drops_keywords_share_bar_and_copyright():
    page = "\n".join(
        [P1, P2, "كلمات دلالية: السياسة الحوار", "الوسوم: أخبار", "Tags: news, politics", "شارك", "تويتر",
         "فيسبوك | واتساب | طباعة", "تابعونا على تويتر", "جميع الحقوق محفوظة © 2024", "المصدر"]
    )
    doc = one(page)
    assert doc.text == f"{P1}\n{P2}"
    assert len(doc.removed) == 9


def test_clean_keeps_prose_mentioning_twitter_and_source():
    doc = one(f"{P1}\n{P3}\n{P2}")
    assert doc.text == f"{P1}\n{P3}\n{P2}"
    assert doc.removed == ()


def test_clean_drops_lone_trailing_byline_name():
    doc = one(f"{P1}\n{P2}\nسارة الحربي")
    assert doc.text == f"{P1}\n{P2}"
    assert doc.author == "سارة الحربي"


def test_clean_keeps_short_closing_line_that_is_not_a_name():
    doc = one(f"{P1}\n{P2}\nوالله الموفق")
    assert doc.text.endswith("والله الموفق")
    assert doc.author is None


def test_clean_collapses_whitespace_without_changing_letters():
    text = "قالَ\u00a0\u00a0الوزيرُ  إنّ\tالحوارَ مستمرٌ مع جميع الأطراف منذ أسابيع طويلة، وإن النتائج ستظهر."
    text += "\r\n\r\n" + P2
    doc = one("   " + text + "   \n\n")
    assert doc.text.split("\n")[0].startswith("قالَ الوزيرُ إنّ الحوارَ مستمرٌ")
    assert "\n\n" not in doc.text and "  " not in doc.text


def test_clean_drops_repeated_headline_but_keeps_repeated_sentence():
    sentence = "وقد صدر مرسوم بذلك."
    title = "عنوان الخبر الرئيسي اليوم"
    doc = one(f"{title}\n{P1}\n{sentence}\n{P2}\n{sentence}", title=title)
    assert doc.text.count(sentence) == 2
    assert doc.removed == ("عنوان الخبر الرئيسي اليوم",)


def test_clean_drops_reader_contact_and_wire_end_lines():
    page = (
        f"{P1}\n{P2}\nname@example.com\nللتواصل مع الكاتب ارسل "
        f"رسالة SMS تبدأ بالرمز (12)\n// انتهى //\n20:26 ت م"
    )
    doc = one(page)
    assert doc.text == f"{P1}\n{P2}"


def test_clean_options_raise_the_length_floor():
    result = clean(RawDocument(source="t", content=f"{P1}\n{P2}"), CleanOptions(min_chars=1000))
    assert result.reason == "no_article"
