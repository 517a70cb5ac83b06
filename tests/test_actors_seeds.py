"""Actors on the bundled sample articles (the two seeds), through Segmenter → LexiconRecognizer →
ActorCoder.  The real cleaner is a separate component: here a minimal inline step cuts the raw
files into articles.  Nothing in hadath names these articles: the lexicons and rules are general.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hadath.model import Actor, Document

SAMPLE = Path(__file__).resolve().parents[1] / "hadath" / "data" / "sample"


def _articles(text: str) -> list[str]:
    """First article up to its source line / "read also"; the "read also" article; ad markers out."""
    text = text.replace("[ad_1]", "").split("[ad_2]")[0]
    out = [re.split(r"\n(?:المصدر|إقرأ أيضاً)", text)[0]]
    if "إقرأ أيضاً:" in text:
        out.append(text.split("إقرأ أيضاً:")[1].split("مقالات مشابهة")[0])
    return [a.strip() for a in out]


@pytest.fixture(scope="module")
def docs(actor_pipeline) -> dict[str, Document]:
    out = {}
    for path in sorted(SAMPLE.glob("*.txt")):
        for n, text in enumerate(_articles(path.read_text(encoding="utf-8"))):
            out[f"{path.name[:3]}.{n}"] = actor_pipeline(
                Document(doc_id=f"{path.name}.{n}", text=text, source=str(path))
            )
    return out


def _actor(doc: Document, text: str) -> Actor:
    found = [a for a in doc.actors if text in a.entity_text]
    assert found, f"no actor covers {text!r}: {[(a.entity_text, a.code, a.sector) for a in doc.actors]}"
    return min(found, key=lambda a: len(a.entity_text))


def _coded(doc: Document, text: str) -> tuple[str | None, str | None]:
    actor = _actor(doc, text)
    assert doc.text[actor.start : actor.end] == actor.entity_text
    return actor.code, actor.sector


def test_actors_seeds_niger_document_country(docs):
    assert docs["000.0"].country == "NER"
    assert docs["000.1"].country == "TJK"


def test_actors_seeds_us_spokesperson_is_a_us_government_person(docs):
    actor = _actor(docs["000.0"], "ماثيو ميلر")
    assert (actor.code, actor.sector, actor.kind) == ("USA", "GOV", "PER")
    assert actor.entity_text == "المتحدث باسم الخارجية الأمريكية ماثيو ميلر"
    assert actor.name and actor.name.startswith("Matthew")


def test_actors_seeds_washington_and_the_military(docs):
    doc = docs["000.0"]
    assert _coded(doc, "واشنطن") == ("USA", "GOV")
    assert _coded(doc, "العسكريين") == ("NER", "MIL")
    assert _coded(doc, "جيش النيجر") == ("NER", "MIL")


def test_actors_seeds_ecowas_delegation(docs):
    actor = _actor(docs["000.0"], "إيكواس")
    assert (actor.code, actor.sector) == ("IGO", None)
    assert actor.entity_text.startswith("وفد من المجموعة الاقتصادية لدول غرب إفريقيا")
    assert "ECOWAS" in (actor.name or "")


def test_actors_seeds_nuland_from_context_and_linked_by_surname(docs):
    doc = docs["000.0"]
    first = _actor(doc, "مساعدة وزير الخارجية، فيكتوريا نولاند")
    assert (first.code, first.sector, first.kind) == ("USA", "GOV", "PER")
    later = [a for a in doc.actors if a.entity_text == "نولاند"]
    assert later and all((a.code, a.sector, a.name) == ("USA", "GOV", first.name) for a in later)


def test_actors_seeds_niger_leaders(docs):
    doc = docs["000.0"]
    assert _coded(doc, "الرئيس محمد بازوم") == ("NER", "GOV")
    assert _coded(doc, "قائد الحرس الرئاسي عبدالرحمن تشياني") == ("NER", "MIL")
    # "في النيجر", "إلى النيجر": the country is a place of the story here, not an actor
    assert {loc.country for loc in doc.locations if loc.text == "النيجر"} == {"NER"}


def test_actors_seeds_niamey_is_a_place_in_niger(docs):
    locs = [loc for loc in docs["000.0"].locations if loc.text == "نيامي"]
    assert locs and locs[0].country == "NER" and locs[0].name == "Niamey" and locs[0].geonameid


def test_actors_seeds_trump_and_rahmon(docs):
    doc = docs["000.1"]
    assert _coded(doc, "الرئيس الأمريكي دونالد ترامب") == ("USA", "GOV")
    assert _coded(doc, "الرئيس الطاجيكي إمام علي رحمون") == ("TJK", "GOV")
    assert _coded(doc, "طاجيكستان") == ("TJK", None)  # a bare country name: the country, no sector


def test_actors_seeds_blinken_tuggar_abuja(docs):
    doc = docs["004.0"]
    assert _coded(doc, "وزير الخارجية الأمريكي أنتوني بلينكن") == ("USA", "GOV")
    tuggar = _actor(doc, "وزير الخارجية النيجيري يوسف توجار")
    assert (tuggar.code, tuggar.sector, tuggar.kind) == ("NGA", "GOV", "PER")
    assert _coded(doc, "قوات الأمن النيجيرية") == ("NGA", "COP")
    abuja = [loc for loc in doc.locations if loc.text == "أبوجا"]
    assert abuja and abuja[0].country == "NGA"


def test_actors_seeds_every_actor_explains_itself(docs):
    for doc in docs.values():
        for actor in doc.actors:
            assert actor.why, actor
            assert doc.text[actor.start : actor.end] == actor.entity_text
