"""The learned filter's ``who`` family (sector of the coded actor/recipient) and ``names`` family
(words inside a name read as the name's class), on hand-written sentences."""

from __future__ import annotations

from hadath.arabic.tokens import split_sentences, tokenize
from hadath.events import EventCoder
from hadath.events.classifier import FAMILIES, EventFilter, Hit, LogisticModel, features_of
from hadath.events.coder import name_labels
from hadath.events.extract import bare_word
from hadath.model import Actor, Document, Mention

TEXT = "قصف الجيش مواقع المتمردين قرب قندهار أمس."


def _doc(text: str, actors: tuple[Actor, ...] = (), mentions: tuple[Mention, ...] = ()) -> Document:
    return Document(doc_id="d", text=text, source="t", date="2024-03-14", sentences=split_sentences(text),
                    actors=actors, mentions=mentions)


def _span(text: str, span: str) -> tuple[int, int]:
    start = text.index(span)
    return start, start + len(span)


def test_the_new_families_are_listed():
    assert {"who", "names"} <= set(FAMILIES)


def test_who_features_name_the_sector_of_actor_and_recipient():
    tokens = tokenize(TEXT)
    hit = Hit("shell", "verb", 0, 0, False, False, (), actor="MIL", recipient="")
    feats = set(features_of([hit], tokens, 2024, families=("who",)))
    assert {"who:a:MIL", "who:r:-", "who:shell:a"} <= feats
    assert not any(f.startswith("who:") for f in features_of([hit], tokens, 2024))


def test_names_family_reads_a_place_as_its_class():
    tokens = tokenize(TEXT)
    hit = Hit("shell", "verb", 0, 0, False, False)
    where = next(i for i, t in enumerate(tokens) if t.norm == "قندهار")
    plain = set(features_of([hit], tokens, 2024, names={where: "GPE"}))
    assert "w:قندهار" in plain and "w:<GPE>" not in plain  # family off: the names map is ignored
    feats = set(features_of([hit], tokens, 2024, families=("names",), names={where: "GPE"}))
    assert "w:<GPE>" in feats and "w:قندهار" not in feats
    assert "w:جيش" in feats  # other words keep their bare form


def test_name_labels_maps_the_tokens_of_name_mentions():
    start, end = _span(TEXT, "قندهار")
    doc = _doc(TEXT, mentions=(Mention(start, end, "قندهار", "GPE", key="kandahar"),
                               Mention(*_span(TEXT, "الجيش"), "الجيش", "OCC", key="army")))
    labels = name_labels(doc.sentences[0], doc.mentions)
    tokens = doc.sentences[0].tokens
    assert [tokens[i].norm for i in labels] == ["قندهار"] and set(labels.values()) == {"GPE"}


def test_coder_features_see_the_coded_actor_only_with_the_who_family():
    start, end = _span(TEXT, "الجيش")
    army = Actor(start, end, "الجيش", "army", "AFG", "MIL", kind="ROLE")
    doc = _doc(TEXT, actors=(army,))
    coder = EventCoder(event_filter=None)
    feats = coder.sentence_features(doc, doc.sentences[0], "ASSAULT", ("who",))
    assert "who:a:MIL" in feats
    assert not any(f.startswith("who:") for f in coder.sentence_features(doc, doc.sentences[0], "ASSAULT"))


def test_a_model_reading_who_and_names_decides_from_them():
    model = LogisticModel({"who:a:MIL": 3.0, "w:<GPE>": 1.0}, bias=-2.0, threshold=0.5,
                          families=("who", "names"))
    start, end = _span(TEXT, "الجيش")
    army = Actor(start, end, "الجيش", "army", "AFG", "MIL", kind="ROLE")
    doc = _doc(TEXT, actors=(army,), mentions=(Mention(*_span(TEXT, "قندهار"), "قندهار", "GPE", key="k"),))
    coder = EventCoder(event_filter=EventFilter({"ASSAULT": model}))
    assert [e.event for e in coder(doc).events] == ["ASSAULT"]
    assert not EventCoder(event_filter=EventFilter({"ASSAULT": model}))(_doc(TEXT)).events


def test_bare_word_strips_clitics():
    assert [bare_word(t) for t in tokenize("بالهجوم والجيش")] == ["هجوم", "جيش"]
