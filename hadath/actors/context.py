"""Document context for actor coding: where each mention sits, the main country, places.

The main country (``Document.country``) is the country the story is *about*,
which in Arabic news is more often where things happen than who speaks: the
United States or the UN comment on many stories that are not about them.  So
each mention of a country, capital, city, nisba or known person votes for its
country with weight

* 2 in a locative context (في النيجر, إلى نيامي, بأبوجا), else 1;
* times 3 in the title and 1.5 in the first two paragraphs (the lead says what
  the story is about);

and the highest total wins (ties: first mentioned).  No country is excluded
by name: a commentator (USA in a Niger story) loses because it is seldom a
place of the story; a story that is about the USA (a visit to Washington) still
gets USA.  Ambiguous nisbas (النيجري: Nigeria or Niger) do not vote; they are
resolved by these scores.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from hadath.actors.geo import Places
from hadath.actors.kb import Entry, KnowledgeBase
from hadath.actors.locative import city_strength, has_locative_context
from hadath.arabic.normalize import normalize
from hadath.arabic.tokens import tokenize
from hadath.model import Document, Location, Mention, Sentence, Token  # noqa: F401

__all__ = [
    "Placed",
    "country_scores",
    "idafa_place",
    "adjective_nisba",
    "belief_gap",
    "is_adjective_form",
    "modifies_noun",
    "main_country",
    "make_location",
    "person_by_date",
    "place_mentions",
    "resolve_codes",
]

NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "MNC", "IMG", "INT"})  # INT: foreigners, foreign forces


@dataclass(frozen=True)
class Placed:
    """A mention with its sentence, token index, entry and whether it is in a locative context."""

    mention: Mention
    sentence: Sentence
    token: int
    entry: Entry | None
    locative: bool
    clitic: str


def _clitic(kb: KnowledgeBase, text: str, token: Token, mention: Mention) -> str:
    """The normalised proclitic letters the mention leaves out or contains ("" if none)."""
    if mention.start > token.start:
        return normalize(text[token.start : mention.start])
    norm = token.norm
    if norm in kb.index or norm in kb.first:
        return ""
    bare = norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 3 else norm
    if bare[:1] in ("ب", "ل") and len(bare) > 3:
        return norm[: len(norm) - len(bare) + 1]
    return ""


def is_adjective_form(kb: KnowledgeBase, text: str) -> bool:
    """A definite one-word form ending in ي that the lexicon knows only without the ي: a nisba
    adjective (الملكي "royal" from الملك), since the article never takes a possessive suffix.

    >>> from hadath.actors.kb import load_default
    >>> is_adjective_form(load_default(), "الملكي"), is_adjective_form(load_default(), "الملك")
    (True, False)
    """
    norm = normalize(text)
    if " " in norm or not norm.endswith("ي") or norm in kb.index:
        return False
    return norm.startswith(("ال", "لل")) or norm[1:].startswith("ال")


_NISBA_ENDINGS = ("ي", "يه", "يا", "يين", "يون", "يان", "يات")


def modifies_noun(kb: KnowledgeBase, tokens: Sequence[Token], t: int, m: Mention) -> bool:
    """A one-word role with an adjective's shape (انتحاري، صحفيا) right after a noun that such
    adjectives describe (``adjective_heads.txt``: هجوم، تفجيرات، مؤتمر...) is that noun's
    adjective: "هجوم انتحاري" is a suicide attack, "مؤتمرا صحفيا" a press conference.

    >>> from hadath.actors.kb import load_default
    >>> from hadath.arabic.tokens import tokenize
    >>> toks = tokenize("نفذ هجوم انتحاري")
    >>> m = Mention(toks[2].start, toks[2].end, "انتحاري", "OCC", "role:x")
    >>> modifies_noun(load_default(), toks, 2, m), modifies_noun(load_default(), toks[1:], 1, m)
    (True, True)
    >>> toks = tokenize("فجر انتحاري نفسه")
    >>> modifies_noun(load_default(), toks, 1, Mention(toks[1].start, toks[1].end, "انتحاري", "OCC", "r"))
    False
    """
    if t == 0 or m.start != tokens[t].start or not tokens[t].norm.endswith(_NISBA_ENDINGS):
        return False
    prev = tokens[t - 1]
    if m.end != tokens[t].end or m.start - prev.end > 1:
        return False  # a longer phrase, or punctuation or more than a space between them
    heads = kb.adjective_heads
    return any(s in heads or s.removeprefix("ال") in heads for s in prev.stems)


def place_mentions(doc: Document, kb: KnowledgeBase) -> list[Placed]:
    """Every mention of the document with its context, in text order."""
    mentions = sorted(doc.mentions, key=lambda m: (m.start, -m.end))
    out: list[Placed] = []
    starts = [s.start for s in doc.sentences]
    token_starts: dict[int, list[int]] = {}
    for m in mentions:
        k = bisect.bisect_right(starts, m.start) - 1
        if k < 0:
            continue
        sentence = doc.sentences[k]
        tokens = sentence.tokens
        if k not in token_starts:
            token_starts[k] = [tok.start for tok in tokens]
        t = bisect.bisect_right(token_starts[k], m.start) - 1
        if t < 0:
            continue
        entry = kb.entries.get(m.key) if m.key else None
        if entry is not None and entry.kind == "person":
            entry = person_by_date(kb, m, entry, doc.date)
        if entry is not None and entry.kind == "role" and (
            is_adjective_form(kb, m.text) or modifies_noun(kb, tokens, t, m)
        ):
            entry = None  # "السمو الملكي", "هجوم انتحاري": an adjective, not the role noun
        clitic = _clitic(kb, doc.text, tokens[t], m)
        if entry is None and m.key and m.key.startswith("city:"):
            locative = city_strength(tokens, t, clitic) > 0
        else:
            locative = has_locative_context(tokens, t, clitic)
        out.append(Placed(m, sentence, t, entry, locative, clitic))
    return [p for k, p in enumerate(out) if not (k and _name_not_nisba(doc.text, out[k - 1], p))]


def person_by_date(kb: KnowledgeBase, m: Mention, entry: Entry, date: str | None) -> Entry:
    """The person a form shared by several office-holders (بوش: George H. W. and George W.
    Bush) means on ``date``: the one with a term covering it, else the one whose latest term
    began last before it (the earliest when all began later), else — with no date — the most
    recent.  The mention keeps its key (the form's first entry): only the coding changes.

    >>> from hadath.actors.kb import load_default
    >>> kb = load_default()
    >>> m = Mention(0, 3, "بوش", "PER", "lexicon", kb.lookup("بوش")[0])
    >>> [person_by_date(kb, m, kb.entries[m.key], d).name for d in ("1991-03-01", "2005-06-01", None)]
    ['George H. W. Bush', 'George W. Bush', 'George W. Bush']
    """
    ids = kb.index.get(normalize(m.text), ())
    people = [kb.entries[i] for i in ids if kb.entries[i].kind == "person"]
    if len(people) < 2 or entry not in people:
        return entry
    if date:
        covering = [e for e in people if any(t.covers(date) for t in e.terms)]
        if covering:
            return covering[0]
        before = [e for e in people if _first_start(e) and _first_start(e) <= date]
        if before:
            return max(before, key=lambda e: max(t.start for t in e.terms if t.start and t.start <= date))
        return min(people, key=lambda e: _first_start(e) or "9999")
    return max(people, key=lambda e: max((t.start for t in e.terms), default=""))


def _first_start(e: Entry) -> str:
    return min((t.start for t in e.terms if t.start), default="")


def _name_not_nisba(text: str, before: Placed, p: Placed) -> bool:
    """An indefinite nisba right after a definite title is a name (الأمير تركي: Prince Turki):
    an adjective agrees with its noun in definiteness."""
    if p.entry is None or p.entry.kind != "nisba" or before.entry is None or before.entry.kind != "role":
        return False
    if text[before.mention.end : p.mention.start].strip():
        return False
    return _definite_word(before.mention.text) and not _definite_word(p.mention.text)


IDAFA_CITY_POPULATION = 100_000  # a city in idafa after a role noun ("شرطة دبي") must be this large


def idafa_place(kb: KnowledgeBase, places: Places, role: Placed, text: str) -> Placed | None:
    """The country a role noun is in idafa with when the recogniser left the next word out:
    an ambiguous country name (حكومة مالي: مالي is also "financial") or a city (شرطة دبي).

    Only an indefinite role can head an idafa, so "الحكومة مالي" is not one.  Returned as a
    Placed over the next word whose entry is the country."""
    if _definite_word(role.mention.text):
        return None
    tokens = role.sentence.tokens
    k = next((n for n, t in enumerate(tokens) if t.start >= role.mention.end), None)
    if k is None or text[role.mention.end : tokens[k].start].strip():
        return None
    tok = tokens[k]
    entry = next((kb.entries[i] for i in kb.index.get(tok.norm, ()) if tok.norm in kb.ambiguous), None)
    if entry is None or entry.kind != "country":
        cities = () if tok.norm in places.common else places.cities(tok.norm)
        if not cities or cities[0].population < IDAFA_CITY_POPULATION:
            return None
        iso3 = _to_iso3(kb, cities[0].iso2)
        entry = kb.entries.get(f"cty:{iso3}") if iso3 else None
        if entry is None:
            return None
    mention = Mention(tok.start, tok.end, tok.text, "GPE", entry.id)
    return Placed(mention, role.sentence, k, entry, False, "")


def adjective_nisba(kb: KnowledgeBase, role: Placed, text: str) -> Placed | None:
    """A nisba the recogniser skips as a common word (المالي "financial") right after a military
    body that agrees with it: "الجيش المالي" is the Malian army — an army is not "financial".

    Returned as a Placed over the word whose entry is the nisba."""
    entry = role.entry
    if entry is None or entry.sector != "MIL" or entry.role_type not in ("B", "Q"):
        return None
    tokens = role.sentence.tokens
    k = bisect.bisect_left(tokens, role.mention.end, key=lambda t: t.start)
    if k == len(tokens) or text[role.mention.end : tokens[k].start].strip():
        return None
    tok = tokens[k]
    if tok.norm not in kb.ambiguous:
        return None
    nisba = next((kb.entries[i] for i in kb.index.get(tok.norm, ()) if kb.entries[i].kind == "nisba"), None)
    if nisba is None or _definite_word(role.mention.text) != _definite_word(tok.text):
        return None
    return Placed(Mention(tok.start, tok.end, tok.text, "NORP", nisba.id), role.sentence, k, nisba, False, "")


def _definite_word(text: str) -> bool:
    return normalize(text).split(" ")[-1].startswith(("ال", "لل"))


def _vote(kb: KnowledgeBase, places: Places | None, p: Mention, entry: Entry | None) -> str | None:
    if entry is not None:
        if entry.kind in ("nisba", "nisba_plural") and len(_nisba_ids(kb, p)) > 1:
            return None
        if entry.kind == "capital" and places is not None and places.is_ambiguous(p.text):
            return None  # طرابلس: Libya's capital or Lebanon's Tripoli; the document decides
        if entry.kind in ("country", "capital", "nisba", "nisba_plural", "person"):
            code = entry.codes[0] if entry.codes else None
            return code if code and code not in NON_STATE else None
        return None
    if p.key and p.key.startswith("city:") and places is not None:
        return _city_iso3(kb, places, p)
    return None


def country_scores(
    placed: Sequence[Placed], kb: KnowledgeBase, places: Places | None, title: Sequence[Mention] = ()
) -> Counter[str]:
    """Weighted country votes (see module doc)."""
    scores: Counter[str] = Counter()
    for m in title:
        code = _vote(kb, places, m, kb.entries.get(m.key or ""))
        if code:
            scores[code] += 3.0
    for p in placed:
        code = _vote(kb, places, p.mention, p.entry)
        if code:
            weight = 2.0 if p.locative else 1.0
            scores[code] += weight * (1.5 if p.sentence.paragraph < 2 else 1.0)
    return scores


def main_country(scores: Counter[str]) -> str | None:
    """The best-scoring country (the first mentioned wins a tie: Counter keeps insertion order)."""
    best = max(scores.values(), default=0)
    return next((c for c, v in scores.items() if v == best), None) if best else None


def _nisba_ids(kb: KnowledgeBase, m: Mention) -> tuple[str, ...]:
    ids = kb.index.get(normalize(m.text), ())
    return tuple(i for i in ids if kb.entries[i].kind == kb.entries[ids[0]].kind) if ids else ()


def resolve_codes(
    kb: KnowledgeBase, m: Mention, entry: Entry, scores: Counter[str], prefer: Collection[str] = ()
) -> tuple[str, str]:
    """(code, why) for a mention whose form may name several countries (النيجري, كردي): the one
    in ``prefer`` if exactly one candidate is (the country of an armed group of the story, for
    an armed role: "متمردون أكراد" in a story naming the PKK → TUR), else the best scored."""
    ids = _nisba_ids(kb, m) if entry.kind in ("nisba", "nisba_plural") else ()
    if len(ids) < 2:
        return entry.codes[0], ""
    codes = [kb.entries[i].codes[0] for i in ids]
    if len(chosen := [c for c in codes if c in prefer]) == 1:
        return chosen[0], f" (ambiguous between {'/'.join(codes)}: the armed group of the story)"
    best = max(codes, key=lambda c: (scores.get(c, 0.0), -codes.index(c)))
    return best, f" (ambiguous between {'/'.join(codes)}: document context)"


def title_mentions(recognizer, title: str | None) -> list[Mention]:
    """Lexicon mentions of the title (it may not be part of the text)."""
    if not title:
        return []
    return recognizer.match(title, tokenize(title))


def _city_iso3(kb: KnowledgeBase, places: Places, m: Mention) -> str | None:
    if places.is_ambiguous(m.text):
        return None  # طرابلس (Libya or Lebanon) does not vote: the document decides it
    city = _city(places, m, Counter(), kb)
    return _to_iso3(kb, city.iso2) if city and places.votes(city, m.text) else None


def _to_iso3(kb: KnowledgeBase, iso2: str) -> str | None:
    for code3, code2 in kb.iso2.items():
        if code2 == iso2:
            return code3
    return None


def _city(places: Places, m: Mention, scores: Counter[str], kb: KnowledgeBase):
    city = places.resolve(m.text, scores, kb.iso2)
    if city is None and m.key and m.key.startswith("city:"):
        city = places.by_id.get(int(m.key.split(":", 1)[1]))
    return city


def make_location(kb: KnowledgeBase, places: Places, p: Placed, scores: Counter[str]) -> Location | None:
    """A Location for a place mention (country, capital or seat, city)."""
    m, entry = p.mention, p.entry
    if entry is not None and entry.kind == "country":
        code = entry.codes[0]
        gid = places.countries.get(kb.iso2.get(code, ""))
        return Location(m.text, m.start, m.end, entry.name, code, gid, None, None, "PCLI")
    if entry is not None and entry.kind == "capital":
        code = entry.codes[0]
        city = places.capital(entry.name, kb.iso2.get(code))
        other = places.resolve(m.text, scores, kb.iso2) if places.is_ambiguous(m.text) else None
        if other is not None and city is not None and other.iso2 != city.iso2:
            # طرابلس in a Lebanon story: the same-name city of the document's country
            return Location(m.text, m.start, m.end, other.name, _to_iso3(kb, other.iso2),
                            other.geonameid, other.lat, other.lon, "PPL")
        if city is None:
            return Location(m.text, m.start, m.end, entry.name, code, None, None, None, entry.role_type)
        feature = "PPLC" if entry.role_type == "capital" else "PPLG"
        return Location(m.text, m.start, m.end, city.name, code, city.geonameid, city.lat, city.lon, feature)
    if m.key and m.key.startswith("city:"):
        city = _city(places, m, scores, kb)
        strength = city_strength(p.sentence.tokens, p.token, p.clitic)
        if city is not None and places.plausible(city, strength, scores, kb.iso2):
            code = _to_iso3(kb, city.iso2)
            return Location(
                m.text, m.start, m.end, city.name, code, city.geonameid, city.lat, city.lon, "PPL"
            )
    return None


# "طائرة بدون طيار، يعتقد أنها أميركية": a nationality given as a belief still qualifies the role
_BELIEF_VERBS = frozenset(normalize(w) for w in "يعتقد ويعتقد يرجح ويرجح يشتبه يبدو يعتقد يظن".split())
_THAT = frozenset(normalize(w) for w in "أنها أنه انها انه بأنها بأنه".split())


def belief_gap(gap: str) -> bool:
    """Whether the text between a role and a nisba attributes the nationality as a belief
    ("، يعتقد أنها", "يرجح أنها"): the role is of that country, the words are not part of it."""
    words = normalize(gap).replace("،", " ").replace(",", " ").split()
    return len(words) == 2 and words[0] in _BELIEF_VERBS and words[1] in _THAT
