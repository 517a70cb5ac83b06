"""Date resolution relative to the publication date, and counts from number words."""

from __future__ import annotations

import pytest

from hadath.arabic.tokens import tokenize
from hadath.events.extract import count_near, resolve_date
from hadath.events.lexicon import load_default

CUES = load_default().cues


@pytest.mark.parametrize(
    ("text", "pub", "expected"),
    [
        ("زار الوزير المدينة يوم الثلاثاء", "2023-08-10", ("2023-08-08", "weekday")),
        ("زار الوزير المدينة الخميس", "2023-08-10", ("2023-08-10", "weekday")),
        ("وقع الهجوم أمس", "2023-08-01", ("2023-07-31", "relative")),
        ("يصل الوفد اليوم", "2023-08-01", ("2023-08-01", "relative")),
        ("أعلن الجيش الشهر الماضي", "2023-08-10", ("2023-07-01", "month")),
        ("وقعت الاتفاقية في 22 يوليو 2015", "2023-08-10", ("2015-07-22", "explicit")),
        ("الأربعاء 5 أغسطس", "2015-08-20", ("2015-08-05", "explicit")),
        ("في 3 كانون الثاني", "2020-02-01", ("2020-01-03", "explicit")),
        ("التقى الرئيسان", "2023-08-10", ("2023-08-10", "publication")),
        ("التقى الرئيسان", None, (None, "none")),
    ],
)
def test_resolve_date(text, pub, expected):
    assert resolve_date(tokenize(text), pub, CUES) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مقتل عشرة أشخاص وإصابة 5 آخرين", (10, 5, None)),
        ("قتل 12 شخصا", (12, None, None)),
        ("أصيب ثلاثة جنود بجروح", (None, 3, None)),
        ("تظاهر آلاف المتظاهرين", (None, None, 1000)),
        ("شارك مئات المحتجين", (None, None, 100)),
        ("في عام 2015 وقع الهجوم", (None, None, None)),
    ],
)
def test_counts(text, expected):
    assert count_near(tokenize(text), CUES) == expected
