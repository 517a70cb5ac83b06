"""Splitting a second full article off a page (hadath.clean), on the bundled seeds and by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.clean import CleanOptions, clean
from hadath.model import Document, RawDocument

SAMPLE = Path(__file__).resolve().parents[1] / "hadath" / "data" / "sample"
P1 = "قال وزير الخارجية إن بلاده تدعم الحل السياسي للأزمة وتدعو جميع الأطراف إلى الحوار دون شروط مسبقة."
P2 = (
    "وأضاف الوزير في مؤتمر صحفي عقده في العاصمة أن الاتصالات "
    "مستمرة مع الشركاء الإقليميين والدوليين منذ أسابيع."
)
Q1 = (
    "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في شمال "
    "البلاد بسعة ثلاثمئة سرير لخدمة سكان المحافظات النائية."
)
Q2 = (
    "وأوضحت الوزارة في بيان أن المستشفى يضم أقساما متخصصة "
    "للطوارئ والأطفال والأمراض المزمنة ويعمل فيه مئات الأطباء."
)


def seed(prefix: str) -> list[Document]:
    path = next(SAMPLE.glob(f"{prefix}_*.txt"))
    result = clean(RawDocument(source=str(path), content=path.read_text(encoding="utf-8"), url="https://x.test/a"))
    assert isinstance(result, list), result
    return result


def test_clean_seed_000_splits_into_two_documents():
    first, second = seed("000")
    assert (first.part, second.part) == (0, 1)
    assert first.text.endswith("الذي شكله المشاركون في الانقلاب.")
    assert "المصدر" not in first.text and "كلمات دلالية" not in first.text
    assert first.outlet == "صحيفة عاجل" and second.outlet == "صحيفة عاجل"
    assert second.title == "الولايات المتحدة تعزز علاقاتها مع طاجيكستان"
    assert second.text.startswith("وقعت الولايات المتحدة الأمريكية اتفاقيات مع طاجيكستان")
    assert "التقى الرئيس الطاجيكي إمام علي رحمون" in second.text
    assert "مقالات مشابهة" not in second.text and "•" not in second.text
    assert "الرئيس الشرع يصل" not in second.text
    assert "كارني:" not in second.text
    assert first.doc_id != second.doc_id
    assert second.doc_id == Document.make_id(second.url, second.title, second.text)
    assert second.url == first.url and second.date == first.date


def test_clean_seed_004_one_document_with_title_and_author():
    (doc,) = seed("004")
    assert doc.title == "شركاء الولايات المتحدة مع المجموعة الاقتصادية لدول غرب أفريقيا لتعزيز الأمن الإقليمي"
    assert "[ad_1]" not in doc.text and "[ad_2]" not in doc.text
    assert doc.author == "دومينيكا نوابوفو"
    assert "دومينيكا" not in doc.text and not doc.text.endswith("المصدر")
    assert doc.text.startswith("وتقول الولايات المتحدة")
    assert not doc.text.startswith(doc.title)


def test_clean_read_also_box_mid_story_does_not_split_it():
    page = f"{P1}\nاقرأ أيضا:\nافتتاح مستشفى جديد في الشمال\n{P2}\n{P2[:-1]} أيضا."
    docs = clean(RawDocument(source="t", content=page))
    assert len(docs) == 1
    assert docs[0].text == f"{P1}\n{P2}\n{P2[:-1]} أيضا."


def test_clean_splits_headline_followed_by_paragraphs_after_read_also():
    page = f"{P1}\n{P2}\nالمصدر: وكالات\nاقرأ أيضا:\nافتتاح مستشفى جديد في الشمال\n{Q1}\n{Q2}"
    docs = clean(RawDocument(source="t", content=page))
    assert [d.title for d in docs] == [None, "افتتاح مستشفى جديد في الشمال"]
    assert docs[1].text == f"{Q1}\n{Q2}"


def test_clean_teaser_inside_second_article_is_dropped():
    teaser = "مسؤول: الأسعار ستنخفض في الربع القادم"
    page = f"{P1}\n{P2}\n[ad_1]\nاقرأ أيضا:\nافتتاح مستشفى جديد في الشمال\n{Q1}\n{teaser}\n{Q2}"
    docs = clean(RawDocument(source="t", content=page))
    assert docs[1].text == f"{Q1}\n{Q2}"
    assert teaser in docs[1].removed


def test_clean_related_list_alone_is_not_an_article():
    page = (
        f"{P1}\n{P2}\nاقرأ أيضا:\nافتتاح مستشفى جديد في الشمال\nارتفاع "
        f"أسعار النفط في الأسواق\nمباراة قوية في الدوري"
    )
    docs = clean(RawDocument(source="t", content=page))
    assert len(docs) == 1
    assert docs[0].text == f"{P1}\n{P2}"


def test_clean_headline_followed_by_one_paragraph_is_not_split():
    page = f"{P1}\n{P2}\nاقرأ أيضا:\nافتتاح مستشفى جديد في الشمال\n{Q1}"
    docs = clean(RawDocument(source="t", content=page))
    assert len(docs) == 1


@pytest.mark.parametrize("split", [True, False])
def test_clean_split_option(split):
    page = f"{P1}\n{P2}\nشارك\nاقرأ أيضا:\nافتتاح مستشفى جديد في الشمال\n{Q1}\n{Q2}"
    docs = clean(RawDocument(source="t", content=page), CleanOptions(split_articles=split))
    assert len(docs) == (2 if split else 1)
    assert Q1 not in docs[0].text
