"""Lexicon named-entity recogniser: longest match of token n-grams against the actor knowledge base.

Each token is tried in its clitic-stripped forms (``Token.stems``), so
"والولايات المتحدة" matches "الولايات المتحدة" and "لنيامي" matches "نيامي".
A mention starts after the proclitics when the token has no diacritics
(otherwise it covers the whole token); its ``key`` is the lexicon entry id.
GeoNames cities (``label`` LOC, key ``city:<geonameid>``) are matched only in a
locative context (after في/إلى/من/ب...), so common words do not become places;
so are the forms the knowledge base marks ambiguous (مالي "financial").

>>> from hadath.model import Document
>>> from hadath.pipeline import Segmenter
>>> doc = Segmenter()(Document(doc_id="x", text="زار وزير الخارجية بكين والولايات المتحدة.", source="t"))
>>> [(m.text, m.label) for m in LexiconRecognizer()(doc).mentions]
[('وزير الخارجية', 'OCC'), ('بكين', 'GPE'), ('الولايات المتحدة', 'GPE')]
>>> [m.key for m in LexiconRecognizer()(doc).mentions][1:]
['cap:Beijing', 'cty:USA']
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from hadath.actors.geo import Places, load_places
from hadath.actors.kb import KnowledgeBase, load_default
from hadath.actors.locative import LOCATIVE, city_strength, has_locative_context
from hadath.model import Document, Mention, Token

__all__ = ["LexiconRecognizer", "Gazetteer", "load_default", "LOCATIVE", "has_locative_context"]

# A city smaller than this is taken only after a place noun (مدينة أطار, not في إطار).
TOWN = 100_000
# After a bare ب/ل clitic (بجدة) only large cities: ب/ل + common noun is too frequent.
CITY_AFTER_CLITIC = 1_000_000
PLACE_NOUNS = frozenset(
    "مدينه بمدينه لمدينه بلده ببلده قريه بقريه محافظه بمحافظه ولايه بولايه منطقه بمنطقه".split()
)

Gazetteer = KnowledgeBase  # the name other modules use for the loaded lexicons


def _proclitic(token: Token, stem: str) -> str:
    """The normalised proclitic letters in front of ``stem`` in ``token`` ("" if none)."""
    norm = token.norm
    if norm == stem:
        return ""
    if norm.endswith(stem):
        return norm[: -len(stem)]
    # ل + ال -> لل: "للولايات" matched as "الولايات"
    if stem.startswith("ال") and norm.endswith(stem[1:]):
        return norm[: -len(stem) + 1]
    return norm[:1]


class LexiconRecognizer:
    """Sets ``doc.mentions`` from the knowledge base (and GeoNames cities in locative contexts).

    ``kb`` and ``places`` default to the bundled, per-process cached ones.
    """

    name = "ner_lexicon"

    def __init__(self, kb: KnowledgeBase | None = None, places: Places | None = None):
        self.kb = kb if kb is not None else load_default()
        self._places = places
        self._starts: frozenset[str] | None = None

    @property
    def places(self) -> Places:
        if self._places is None:
            self._places = load_places()
        return self._places

    @property
    def starts(self) -> frozenset[str]:
        """Every form a match can start with (the first words of lexicon forms and city names):
        a token with none of them among its stems is passed over without trying each look-up."""
        if self._starts is None:
            kb, places = self.kb, self.places
            singles = (k for names in (kb.index, places.by_arabic) for k in names if " " not in k)
            self._starts = frozenset(kb.first).union(places.first, singles)
        return self._starts

    def __call__(self, doc: Document) -> Document:
        mentions: list[Mention] = []
        for sentence in doc.sentences:
            mentions.extend(self.match(doc.text, sentence.tokens))
        return dataclasses.replace(doc, mentions=tuple(mentions))

    def match(self, text: str, tokens: Sequence[Token]) -> list[Mention]:
        """Longest, left-to-right, non-overlapping matches in one sentence."""
        out: list[Mention] = []
        starts = self.starts
        i = 0
        while i < len(tokens):
            if starts.isdisjoint(tokens[i].stems):
                i += 1
                continue
            found = self._match_at(text, tokens, i)
            if found is None:
                i += 1
                continue
            mention, n = found
            out.append(mention)
            i += n
        return out

    def _match_at(self, text: str, tokens: Sequence[Token], i: int) -> tuple[Mention, int] | None:
        kb = self.kb
        for stem in tokens[i].stems:
            n_max = min(kb.first.get(stem, 1), len(tokens) - i)
            for n in range(n_max, 0, -1):
                key = stem if n == 1 else " ".join([stem] + [t.norm for t in tokens[i + 1 : i + n]])
                ids = kb.index.get(key)
                if not ids:
                    continue
                clitic = _proclitic(tokens[i], stem)
                if key in kb.ambiguous and not has_locative_context(tokens, i, clitic):
                    continue
                entry = kb.entries[ids[0]]
                return self._mention(text, tokens[i : i + n], stem, entry.label, entry.id), n
        return self._match_city(text, tokens, i)

    def _match_city(self, text: str, tokens: Sequence[Token], i: int) -> tuple[Mention, int] | None:
        places = self.places
        for stem in tokens[i].stems:
            if stem not in places.by_arabic and stem not in places.first:
                continue
            if not tokens[i].norm.endswith(stem[2:] if stem.startswith("ال") else stem):
                continue  # no city behind a pronoun suffix: "هويتها" is not Huế
            clitic = _proclitic(tokens[i], stem)
            strength = city_strength(tokens, i, clitic)
            if clitic.endswith(("ال", "لل")) or not strength:
                continue  # "بألوان" is not "Van": a city never loses an article the text has
            n_max = min(places.first.get(stem, 1), len(tokens) - i)
            for n in range(n_max, 0, -1):
                key = stem if n == 1 else " ".join([stem] + [t.norm for t in tokens[i + 1 : i + n]])
                if key in self.kb.name_stop:
                    continue
                cities = places.by_arabic.get(key)
                if cities and places.accepts(cities[0], strength, key):
                    return self._mention(
                        text, tokens[i : i + n], stem, "LOC", f"city:{cities[0].geonameid}"
                    ), n
        return None

    @staticmethod
    def _mention(text: str, span: Sequence[Token], stem: str, label: str, key: str) -> Mention:
        first = span[0]
        start = first.start
        if first.norm != stem and first.norm.endswith(stem) and len(first.text) == len(first.norm):
            prefix = first.norm[: len(first.norm) - len(stem)]
            # leave the proclitics out of the mention, but keep the article: و|الولايات, ب|النيجر, |المساعدة
            start += len(prefix) - 2 if prefix.endswith("ال") else len(prefix)
        end = span[-1].end
        return Mention(start, end, text[start:end], label, "lexicon", key)
