"""Event coder speed (target: >= 1,000 sentences/s on one core). Run: python benchmarks/bench_events.py"""

from __future__ import annotations

import time

from hadath.arabic.tokens import split_sentences
from hadath.events import EventCoder
from hadath.model import Actor, Document

SENTENCES = [
    "وقعت الحكومة اتفاقية مع البنك الدولي أمس لدعم قطاع الطاقة في البلاد.",
    "قتل مسلحون خمسة جنود في هجوم على نقطة تفتيش يوم الثلاثاء شمال المدينة.",
    "قال المتحدث إن الوزير التقى نظيره الفرنسي في باريس لبحث التعاون الأمني.",
    "تظاهر آلاف الطلاب أمام البرلمان للمطالبة بإصلاحات اقتصادية وسياسية.",
    "وأضاف البيان أن الاقتصاد ينمو بسرعة رغم الظروف الصعبة التي تمر بها المنطقة.",
]


def main() -> None:
    text = "\n".join(SENTENCES * 100)
    sentences = split_sentences(text)
    actors = tuple(Actor(s.start, s.start + 6, s.text[:6], None, "EGY", "GOV") for s in sentences)
    doc = Document(doc_id="s", text=text, source="t", date="2024-01-01", sentences=sentences,
                   actors=actors)
    for name, coder in (("with learned filter", EventCoder()), ("rule only", EventCoder(event_filter=None))):
        coder(doc)
        started = time.perf_counter()
        out = coder(doc)
        rate = len(sentences) / (time.perf_counter() - started)
        print(f"event coder ({name}): {len(out.events)} events, {rate:,.0f} sentences/s (target >= 1,000)")


if __name__ == "__main__":
    main()
