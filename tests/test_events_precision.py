"""Precision rules of the event coder: names, ``not_forms``, ``unless_before``, flags, VSO direction.

Sentences written for these tests (own)."""

from __future__ import annotations

from hadath.arabic.tokens import split_sentences, tokenize
from hadath.events import EventCoder
from hadath.events.coder import find_triggers
from hadath.events.lexicon import load_default, load_lexicon
from hadath.model import Actor, Document, Mention

CODER = EventCoder()


def _doc(text: str, mentions=(), actors=()) -> Document:
    return Document(doc_id="d", text=text, source="t", date="2023-08-10",
                    sentences=split_sentences(text), mentions=tuple(mentions), actors=tuple(actors))


def _span(text: str, span: str) -> tuple[int, int]:
    start = text.index(span)
    return start, start + len(span)


def _mention(text: str, span: str, label: str) -> Mention:
    return Mention(*_span(text, span), span, label)


def _actor(text: str, span: str, code: str, sector: str | None) -> Actor:
    return Actor(*_span(text, span), span, None, code, sector)


def _types(text: str, mentions=()) -> list[str]:
    return [c.trigger.type for c in CODER.candidates(_doc(text, mentions))]


def _reasons(text: str) -> tuple[str, ...]:
    (cand,) = CODER.candidates(_doc(text))
    return cand.reasons


def test_no_trigger_inside_an_org_mention():
    text = "أعلن نادي الاتفاق على موقعه تعاقده مع مدرب جديد."
    assert "AGREE" not in _types(text, [_mention(text, "نادي الاتفاق", "ORG")])


def test_find_triggers_skips_blocked_tokens():
    lex = load_default()
    toks = tokenize("أكد الاتفاق على موقفه أمس")
    assert [t.type for t, _, _ in find_triggers(lex, toks)] == ["AGREE"]
    assert find_triggers(lex, toks, frozenset({1})) == []


def test_no_trigger_inside_a_person_name():
    text = "وصف سامح زيارة الوفد بالناجحة."
    assert "CONSULT" in _types(text)
    assert "CONSULT" not in _types(text, [_mention(text, "سامح زيارة", "PER")])


def test_a_crf_name_leaves_its_first_word_to_the_verb():
    text = "شن كراديتش هجوما على المدينة أمس."
    crf = Mention(*_span(text, "شن كراديتش"), "شن كراديتش", "PER", source="crf")
    # the verb keeps its object: one trigger "شن ... هجوما" from word 0 to word 2
    found = [(c.first, c.last, c.trigger.id) for c in CODER.candidates(_doc(text, [crf]))]
    assert found == [(0, 2, "launch")]
    text = "أكد سمير الاتفاق على المدينة."
    assert "AGREE" in _types(text)
    name = Mention(*_span(text, "سمير الاتفاق"), "سمير الاتفاق", "PER", source="crf")
    assert "AGREE" not in [c.trigger.type for c in CODER.candidates(_doc(text, [name]))]


def test_with_word_inside_an_org_name_is_not_counted():
    text = "زار المدير مركز الملك سلمان للإغاثة في الرياض."
    plain = [c.trigger.type for c in CODER.candidates(_doc(text))]
    named = _types(text, [_mention(text, "مركز الملك سلمان للإغاثة", "ORG")])
    assert "CONSULT" in plain and "CONSULT" in named
    text = "وزع مركز الملك سلمان للإغاثة في المدينة كتبا على التلاميذ."
    assert "AID" in _types(text)  # للإغاثة read as the aid word
    assert "AID" not in _types(text, [_mention(text, "مركز الملك سلمان للإغاثة", "ORG")])


def test_a_club_name_is_no_agreement():
    assert "AGREE" not in _types("وفاز نادي الاتفاق على ضيفه بهدفين.")
    assert "AGREE" in _types("أعلن الطرفان الاتفاق على وقف إطلاق النار.")


def test_article_with_nisba_ya_is_not_a_pronoun_stem():
    assert "CONSULT" not in _types("شارك الوزير في المنتدى الاجتماعي أمس.")
    assert "CONSULT" in _types("حضر الوزير اجتماعي مع السفير.")  # "my meeting": the pronoun reading stays
    assert "CONSULT" in _types("عقد الوزير الاجتماع أمس.")


def test_not_forms_keep_hands_from_endorsing():
    assert "SUPPORT" not in _types("وقع الاتفاق في أيدي الوسطاء بعد القرار.")
    assert "SUPPORT" in _types("أيد الوزير القرار الأممي.")


def test_not_forms_and_unless_before_are_read_from_yaml(tmp_path):
    base = load_default()
    assert any(t.not_forms for ts in base.heads.values() for t in ts)
    src = load_lexicon.__globals__["LEXICON_DIR"]
    for f in src.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "consult.yaml").write_text(
        "type: CONSULT\nentries:\n- id: visit\n  verb: [زار, زور]\n  not_forms: [وزار]\n"
        "  unless_before: [[لولا]]\n  unless_window: 3\n", encoding="utf-8")
    lex = load_lexicon(tmp_path)
    assert [t.type for t, _, _ in find_triggers(lex, tokenize("زار الوزير عمان"))] == ["CONSULT"]
    assert find_triggers(lex, tokenize("وزار الوزير عمان")) == []
    assert find_triggers(lex, tokenize("لولا الحرب لما زار الوزير عمان")) == []


def test_under_the_control_of_is_no_seizure():
    assert "COERCE" not in _types("وتبقى البلدة تحت سيطرة المسلحين على الرغم من القصف.")
    assert "COERCE" in _types("أعلن الجيش سيطرته على البلدة.")


def test_signing_as_a_background_date_is_no_agreement():
    assert "AGREE" not in _types("تحسنت العلاقات بعد توقيع الاتفاق النووي.")
    assert "AGREE" not in _types("لم تتغير الأسعار منذ توقيع الاتفاقية.")
    assert "AGREE" in _types("شهد الوزير توقيع الاتفاقية أمس.")


def test_negation_after_conjunction():
    assert "negated" in _reasons("ولم يهاجم الجيش المدينة أمس.")
    assert "negated" in _reasons("ولن يزور الرئيس المدينة.")
    assert "negated" not in _reasons("وهاجم الجيش المدينة أمس.")


def test_hypothetical_cues():
    assert "hypothetical" in _reasons("وقد يزور الرئيس المدينة الأسبوع المقبل.")
    assert "hypothetical" not in _reasons("وقد زار الرئيس المدينة أمس.")
    assert "hypothetical" in _reasons("ومن المقرر أن يلتقي الرئيس السفير.")
    assert "hypothetical" in _reasons("ومن المتوقع أن يزور الرئيس المدينة.")
    assert "hypothetical" in _reasons("ويعتزم الرئيس زيارة المدينة.")


def test_vso_meeting_subject_is_actor_object_is_recipient():
    text = "التقى الجبير نظيره لافروف في موسكو."
    actors = [_actor(text, "الجبير", "SAU", "GOV"), _actor(text, "نظيره لافروف", "RUS", "GOV")]
    (event,) = CODER(_doc(text, actors=actors)).events
    assert event.event == "CONSULT"
    assert [(a.code, a.sector) for a in event.actor] == [("SAU", "GOV")]
    assert [(a.code, a.sector) for a in event.recipient] == [("RUS", "GOV")]
