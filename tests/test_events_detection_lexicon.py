"""Session 11 trigger vocabulary for ASSAULT and PROTEST: routing, liberating (from someone),
executions, military/air campaigns, truce breaches, pelting with stones, chanting; and the
readings these words must not take (an editor-in-chief, a death sentence)."""

from __future__ import annotations

import pytest

from hadath.arabic.tokens import tokenize
from hadath.events.coder import find_triggers
from hadath.events.lexicon import load_default


def _ids(text: str) -> set[tuple[str, str]]:
    return {(trig.type, trig.id) for trig, _, _ in find_triggers(load_default(), tokenize(text))}


@pytest.mark.parametrize("text, kind, entry", [
    ("وتمكنت القوات من دحر المسلحين من القرى", "ASSAULT", "rout"),
    ("بعد عملية تحريرها من المسلحين", "ASSAULT", "liberate"),
    ("وأعدمت السلطات ثلاثة سجناء فجر اليوم", "ASSAULT", "execute"),
    ("وتم إعدام عشرات السجناء", "ASSAULT", "execute"),
    ("بعد الحملة الجوية التي أطلقتها الحكومة", "ASSAULT", "campaign"),
    ("وأطلق الجيش عملية عسكرية ضد المتمردين", "ASSAULT", "operation"),
    ("واتهمت الحكومة المتمردين بخرق الهدنة", "ASSAULT", "truce-breach"),
    ("ورشق شبان الدورية بالحجارة", "ASSAULT", "pelt"),
    ("وأطلق المتظاهرون هتافات ضد الحكومة", "PROTEST", "chant"),
    ("وأقام محتجون خياما أمام البرلمان", "PROTEST", "protesters"),
])
def test_new_forms_fire(text, kind, entry):
    assert (kind, entry) in _ids(text)


@pytest.mark.parametrize("text, entry", [
    ("وقال رئيس تحرير الصحيفة إن العدد صدر", "liberate"),
    ("وتحدث الوزير عن تحرير التجارة", "liberate"),  # no "from": liberalisation
    ("وحكمت المحكمة عليه بالإعدام", "execute"),  # a death sentence is SANCTION, not ASSAULT
    ("وطالبت المنظمة بإلغاء عقوبة الإعدام", "execute"),
    ("وقالت الوزارة إن العملية العسكرية الأخيرة كانت ناجحة", "operation"),  # no launch word
    ("ورشق المعلق اللاعب بانتقادات حادة", "pelt"),  # verbal, not with stones
])
def test_other_readings_do_not_fire(text, entry):
    assert entry not in {e for _, e in _ids(text)}
