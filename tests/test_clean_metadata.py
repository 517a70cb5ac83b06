"""Title, outlet, author and date found by hadath.clean."""

from __future__ import annotations

from hadath.clean import clean
from hadath.model import Document, RawDocument

P1 = "قال وزير الخارجية إن بلاده تدعم الحل السياسي للأزمة وتدعو جميع الأطراف إلى الحوار دون شروط مسبقة."
P2 = (
    "وأضاف الوزير في مؤتمر صحفي عقده في العاصمة أن الاتصالات "
    "مستمرة مع الشركاء الإقليميين والدوليين منذ أسابيع."
)


def one(content: str, **kw) -> Document:
    result = clean(RawDocument(source="t.txt", content=content, **kw))
    assert isinstance(result, list), result
    return result[0]


def test_clean_title_from_raw_wins_and_its_line_is_dropped():
    doc = one(f"عنوان من الصفحة\n{P1}\n{P2}", title="عنوان من الصفحة")
    assert doc.title == "عنوان من الصفحة"
    assert doc.text == f"{P1}\n{P2}"


def test_clean_title_from_repeated_first_line():
    doc = one(f"الوزير يدعو إلى الحوار\nالوزير يدعو إلى الحوار\n{P1}\n{P2}")
    assert doc.title == "الوزير يدعو إلى الحوار"
    assert doc.text.startswith("قال وزير")


def test_clean_no_title_when_first_line_is_a_sentence():
    doc = one(f"{P1}\n{P2}")
    assert doc.title is None
    assert doc.text.startswith(P1)


def test_clean_outlet_from_source_line_beats_raw_outlet():
    doc = one(f"{P1}\n{P2}\nالمصدر: صحيفة عاجل", outlet="ajel")
    assert doc.outlet == "صحيفة عاجل"
    assert "المصدر: صحيفة عاجل" in doc.removed


def test_clean_outlet_falls_back_to_raw():
    assert one(f"{P1}\n{P2}", outlet="sabq").outlet == "sabq"


def test_clean_author_from_byline_line():
    doc = one(f"كتب: أحمد المصري\n{P1}\n{P2}")
    assert doc.author == "أحمد المصري"
    assert doc.text == f"{P1}\n{P2}"


def test_clean_author_from_bi_qalam_byline():
    assert one(f"{P1}\n{P2}\nبقلم محمد العلي").author == "محمد العلي"


def test_clean_author_from_dateline_credit_not_outlet():
    assert one(f"عمر إبراهيم – عين اليوم\n{P1}\n{P2}").author == "عمر إبراهيم"
    assert one(f"عين اليوم – متابعات\n{P1}\n{P2}").author is None


def test_clean_date_from_raw_wins():
    assert one(f"الأحد 15 يوليو 2015\n{P1}\n{P2}", date="2016-01-02").date == "2016-01-02"


def test_clean_date_from_header_line_both_month_sets():
    assert one(f"الأحد 15 يوليو 2015\n{P1}\n{P2}").date == "2015-07-15"
    doc = one(f"{P1}\n{P2}\n3 تشرين الأول 2021")
    assert doc.date == "2021-10-03"
    assert doc.text == f"{P1}\n{P2}"


def test_clean_date_iso_and_arabic_digits():
    assert one(f"نشر في 2023-08-09\n{P1}\n{P2}").date == "2023-08-09"
    assert one(f"{P1}\n{P2}\n٩ آب ٢٠٢٣").date == "2023-08-09"


def test_clean_wire_dateline_gives_date_and_is_dropped():
    doc = one(f"بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n{P1}\n{P2}")
    assert doc.date == "2015-08-10"
    assert doc.title is None
    assert doc.text == f"{P1}\n{P2}"
