"""Inputs hadath.clean rejects, returned as Rejection values."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.clean import clean
from hadath.model import RawDocument, Rejection

P1 = "قال وزير الخارجية إن بلاده تدعم الحل السياسي للأزمة وتدعو جميع الأطراف إلى الحوار دون شروط مسبقة."
P2 = (
    "وأضاف الوزير في مؤتمر صحفي عقده في العاصمة أن الاتصالات "
    "مستمرة مع الشركاء الإقليميين والدوليين منذ أسابيع."
)
SAMPLE = Path(__file__).resolve().parents[1] / "hadath" / "data" / "sample"


def reason(content: str) -> str | None:
    result = clean(RawDocument(source="page.html", content=content))
    return result.reason if isinstance(result, Rejection) else None


@pytest.mark.parametrize("content", ["", "   \n\u00a0\n\t", "\u200f\n"])
def test_clean_rejects_empty_input(content):
    assert reason(content) == "empty"


def test_clean_rejects_boilerplate_only_page():
    page = "[ad_1]\nشارك\nتويتر\nفيسبوك\nجميع الحقوق محفوظة 2024\nاقرأ أيضا\n• عنوان خبر آخر"
    assert reason(page) == "no_article"


def test_clean_rejects_too_short_text():
    assert reason("خبر قصير جدا.") == "no_article"
    assert reason("عنوان بلا نص\nسطر واحد قصير") == "no_article"


def test_clean_rejects_non_arabic_text():
    english = (
        "The foreign minister said on Tuesday that talks with regional partners would continue next week. "
        "He added that the delegation would travel to the capital to meet officials."
    )
    result = clean(RawDocument(source="en.txt", content=english))
    assert isinstance(result, Rejection)
    assert result.reason == "not_arabic"
    assert result.source == "en.txt" and "Arabic" in result.detail


def test_clean_accepts_arabic_with_some_latin_names():
    assert reason(f"{P1} (Reuters) CNN BBC\n{P2}") is None
