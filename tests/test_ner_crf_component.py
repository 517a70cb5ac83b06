"""CRFRecognizer on hand-built documents: spans become mentions, lexicon mentions win."""

import pytest

from hadath.model import Document, Mention
from hadath.ner.crf import CRFRecognizer, NerModel, default_model_path, to_scheme
from hadath.ner.features import FeatureExtractor
from hadath.pipeline import Segmenter


class _FixedTagger:
    """Tags every token after قال as a person, others O (a stand-in for the trained model)."""

    def tag(self, rows):
        return ["B-PERS" if any(f == "-1:w=قال" for f in row) else "O" for row in rows]


def _doc(text: str) -> Document:
    return Segmenter()(Document(doc_id="t", text=text, source="test"))


def test_ner_crf_component_adds_spans_as_mentions():
    model = NerModel(_FixedTagger(), FeatureExtractor(), {})
    doc = CRFRecognizer(model)(_doc("قال سامي إن الوفد وصل."))
    assert [(m.text, m.label, m.source) for m in doc.mentions] == [("سامي", "PER", "crf")]
    assert doc.text[doc.mentions[0].start : doc.mentions[0].end] == "سامي"


def test_ner_crf_component_keeps_lexicon_mentions_and_drops_overlaps():
    doc = _doc("قال سامي ثم قال رامي.")
    lexicon = Mention(4, 8, "سامي", "PER", "lexicon", "per:x")
    doc = CRFRecognizer(NerModel(_FixedTagger(), FeatureExtractor(), {}))(
        Document(**{**doc.__dict__, "mentions": (lexicon,)})
    )
    assert [(m.text, m.source) for m in doc.mentions] == [("سامي", "lexicon"), ("رامي", "crf")]


def test_ner_crf_scheme_mapping():
    assert to_scheme(["B-LOC", "I-LOC", "B-MISC"], "hadath") == ["B-GPE", "I-GPE", "B-MISC"]
    with pytest.raises(ValueError, match="anercorp"):
        to_scheme(["O"], "conll")


@pytest.mark.skipif(not default_model_path().exists(), reason="no trained NER model (run hadath train ner)")
def test_ner_crf_component_with_trained_model():
    doc = CRFRecognizer()(_doc("وقال الرئيس الفرنسي جاك شيراك في باريس إن شركة توتال ستعمل في ليبيا."))
    found = {(m.text, m.label) for m in doc.mentions}
    assert ("جاك شيراك", "PER") in found
    assert ("باريس", "GPE") in found
    assert all(doc.text[m.start : m.end] == m.text for m in doc.mentions)


class _FirstOnly:
    """A stand-in tagger that recognises "بوش" only in the first sentence of a batch."""

    def tag_many(self, sentences):
        out = []
        for n, tokens in enumerate(sentences):
            out.append(["B-PERS" if n == 0 and t == "بوش" else "O" for t in tokens])
        return out


def test_recognizer_makes_labels_consistent_across_the_document():
    from hadath.model import Document
    from hadath.ner.crf import CRFRecognizer
    from hadath.pipeline import Segmenter

    text = "وصل بوش إلى بغداد. ثم قال بوش إن الزيارة ناجحة."
    doc = Segmenter()(Document(doc_id="d", text=text, source="t"))
    out = CRFRecognizer(model=_FirstOnly())(doc)
    assert [(m.text, m.label) for m in out.mentions] == [("بوش", "PER"), ("بوش", "PER")]
