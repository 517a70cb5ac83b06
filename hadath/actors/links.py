"""Links between actor phrases of one document: persons, group anaphora, coalitions, place frames.

* all mentions of one person take the best-supported code among them, and a person named in
  full once (وزير الدفاع الأمريكي آشتون كارتر) is meant by the bare surname later (كارتر);
* a definite generic group noun (الحزب، التنظيم، الحركة، الجماعة، الميليشيات) refers to the
  latest group of that kind named before it in the story ("حزب العمال الكردستاني ... واعتبر
  الحزب"), and a shortened name (حزب العمال) to the full one named before; followed by a
  nationality adjective (الحركة الكردية) it refers to the latest rebel group of that nation;
* a bare "المملكة" is the story's kingdom (SAU, JOR, MAR, BHR: the main country, else the one
  named most), not in a locative context;
* a bare "التحالف" in a story set in a coalition's theatre (``coalitions.tsv``) is the leading
  state's military (قوات التحالف in Yemen 2015– → SAU MIL);
* a group's name quoted after its generic noun (تنظيم «القاعدة»، حركة "حماس") is that group;
* "بلاده" ("his country") is the country of the person or office named last before it in the
  sentence ("وزير الخارجية الإيراني ... أن بلاده تقوم" → IRN, no sector);
* a nationality adjective after a noun of ``owner_heads.txt`` names the country that sends or
  holds it ("مساعدات سعودية واماراتية" → SAU, ARE; no sector, as a bare country name);
* a sentence that opens with a place ("وفي طهران، أعلن عضو مجلس الشورى ...") sets its
  unqualified roles there.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from hadath.actors.context import Placed, resolve_codes
from hadath.actors.kb import Entry, KnowledgeBase
from hadath.actors.locative import has_locative_context
from hadath.arabic.normalize import normalize
from hadath.model import Document, Mention, Token

__all__ = [
    "Phrase", "link_persons", "link_groups", "link_own_country", "link_quoted_groups", "theatre_leader",
    "frames", "owner_nisba", "link_kingdom", "host_city", "second_nisba",
]

# definite generic nouns that refer back to a named group, by their bare stem
_GROUP_HEADS = {
    "حزب": "حزب",
    "تنظيم": "تنظيم",
    "حركه": "حركه",
    "جماعه": "جماعه",
    "جبهه": "جبهه",
    "ميليشيات": "ميليشي",
    "مليشيات": "ميليشي",
    "ميليشيا": "ميليشي",
    "مليشيا": "ميليشي",
}
_HEAD_STEMS = frozenset("ال" + k for k in _GROUP_HEADS)
_HEAD_SURFACE = ("حزب", "تنظيم", "حركة", "حركه", "جماعة", "جماعه", "جبهة", "جبهه", "يليشي", "ليشيا", "ليشيات")
_GROUP_WINDOW = 3  # paragraphs back that a group anaphor may reach
_OWN_COUNTRY = frozenset({"بلاده", "بلادها", "بلادهم", "بلادنا", "بلده", "بلدها"})
_OWNERS = ("PER", "ROLE")
_QUOTED_HEADS = frozenset({"تنظيم", "حركه", "جماعه", "جبهه", "حزب", "ميليشيا"})
_OPEN_QUOTES = {"«": "»", '"': '"', "“": "”"}
# surface spellings whose absence from a sentence lets a pass skip it
_OWN_COUNTRY_SURFACE = ("بلاد", "بلده", "بلدها")
_QUOTED_SURFACE = ("تنظيم", "حركة", "حركه", "جماعة", "جماعه", "جبهة", "جبهه", "حزب", "ميليشيا")
_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين"})
_FRAME_PREPS = frozenset({"في", "وفي"})


@dataclass(frozen=True)
class Phrase:
    """An actor phrase before it becomes an Actor."""

    start: int
    end: int
    code: str | None
    sector: str | None
    name: str | None
    kind: str
    why: str
    identifier: str | None = None
    person: str | None = None  # normalised surname (or entry id) linking mentions of one person
    strength: int = 0


def link_persons(
    phrases: list[Phrase], doc: Document, kb: KnowledgeBase, placed: Sequence[Placed]
) -> list[Phrase]:
    """Give all mentions of a person the best-supported code and add bare-surname mentions."""
    best: dict[str, Phrase] = {}
    for p in phrases:
        if p.person and (p.person not in best or p.strength > best[p.person].strength):
            best[p.person] = p
    out = [
        dataclasses.replace(p, code=best[p.person].code, sector=best[p.person].sector or p.sector)
        if p.person and best[p.person].strength > p.strength
        else p
        for p in phrases
    ]
    keyed = _surnames(best, doc, kb)
    if not keyed:
        return out
    # a name the statistical tagger found but nothing coded (مشعل after خالد مشعل) may be linked
    taken = _Covered([(p.start, p.end) for p in out] + [
        (m.mention.start, m.mention.end) for m in placed if m.entry is not None or m.mention.label != "PER"
    ])
    keys = frozenset(keyed)
    for sentence in doc.sentences:
        for tok in sentence.tokens:
            if keys.isdisjoint(tok.stems):
                continue
            hit = next(keyed[s] for s in tok.stems if s in keyed)
            if taken.covers(tok.start):
                continue
            out.append(
                dataclasses.replace(
                    hit, start=tok.start, end=tok.end, why=f"surname linked to {hit.name}: {hit.why}"
                )
            )
    return out


class _Covered:
    """Spans of text, asked whether they cover an offset (bisect over starts, running max of ends)."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans.sort()
        self.starts = [s for s, _ in spans]
        self.reach: list[int] = []
        best = -1
        for _, e in spans:
            best = max(best, e)
            self.reach.append(best)

    def covers(self, offset: int) -> bool:
        k = bisect.bisect_right(self.starts, offset) - 1
        return k >= 0 and self.reach[k] > offset


def _surnames(best: dict[str, Phrase], doc: Document, kb: KnowledgeBase) -> dict[str, Phrase]:
    """Surname -> phrase: unknown persons named with two words or more (their surname), and known
    persons whose surname on its own is not in the lexicon (كارتر: Ash or Jimmy Carter) but who were
    named in full in this document.  A surname that is a known word or place is not linked."""
    out: dict[str, Phrase] = {}
    for key, p in best.items():
        if key.startswith("per:"):
            words = normalize(doc.text[p.start : p.end]).split()
            if len(words) < 2 or len(words[-1]) < 3:
                continue
            key = words[-1]
        elif " " not in (p.name or "").strip():
            continue
        key = normalize(key)
        if key not in kb.index and key not in kb.name_stop:
            out.setdefault(key, p)
    return out


def link_groups(
    phrases: list[Phrase], doc: Document, kb: KnowledgeBase, placed: Sequence[Placed], paragraph_of
) -> list[Phrase]:
    """Group anaphora and shortened group names (see module doc)."""
    groups = [p for p in placed if p.entry is not None and p.entry.kind == "group"]
    norms = [(normalize(p.mention.text).split(), _group(p)) for p in groups]
    if not norms:
        return phrases
    firsts = {doc.text[g.start : g.end].split(" ", 1)[0] for g in (p.mention for p in groups)}
    out = [
        _shortened(p, doc, norms) if p.kind == "ROLE" and doc.text[p.start : p.end].split(" ", 1)[0] in firsts
        else p
        for p in phrases
    ]
    weak = [k for k, p in enumerate(out) if p.kind == "ROLE" and p.strength < 4 and " " not in _span(doc, p)]
    weak_set = set(weak)
    firm = _Covered([(p.start, p.end) for k, p in enumerate(out) if k not in weak_set])
    for sentence in doc.sentences:
        if not any(h in doc.text[sentence.start : sentence.end] for h in _HEAD_SURFACE):
            continue  # a substring test first: this pass runs on every sentence of a story with groups
        tokens = sentence.tokens
        for t, tok in enumerate(tokens):
            if _HEAD_STEMS.isdisjoint(tok.stems):
                continue
            head = next(s for s in tok.stems if s in _HEAD_STEMS)
            if firm.covers(tok.start):
                continue
            if _adjective_follows(tokens, t):
                ante = _by_nationality(norms, _nisba_codes(tokens, t, kb), tok.start, paragraph_of)
            else:
                ante = _antecedent(norms, _GROUP_HEADS[head[2:]], tok.start, paragraph_of)
            if ante is None:
                continue
            start = _stem_start(tok, head)
            phrase = dataclasses.replace(
                ante, start=start, end=tok.end, why=f"'{head}' refers back to {ante.name}: {ante.why}"
            )
            k = next((k for k in weak if tok.start <= out[k].start < tok.end), None)
            if k is not None:
                out[k] = phrase
            else:
                out.append(phrase)
    return out


def _group(p: Placed) -> Phrase:
    entry = p.entry
    assert entry is not None
    code, m = entry.codes[0], p.mention
    why = f"group '{m.text}' → {code} {entry.sector or ''}".strip()
    return Phrase(m.start, m.end, code, entry.sector, entry.name, "GROUP", why)


def _stem_start(tok: Token, stem: str) -> int:
    """Where ``stem`` begins in ``tok`` (after its proclitics: للحزب → الحزب), else the token start."""
    if tok.norm.endswith(stem) and len(tok.text) == len(tok.norm):
        return tok.end - len(stem)
    return tok.start


def _span(doc: Document, p: Phrase) -> str:
    return doc.text[p.start : p.end]


def _shortened(p: Phrase, doc: Document, norms: list[tuple[list[str], Phrase]]) -> Phrase:
    """A role phrase of two words or more that begins a group's name given before (حزب العمال after
    حزب العمال الكردستاني) is that group."""
    words = normalize(doc.text[p.start : p.end]).split()
    if len(words) < 2:
        return p
    for full, g in reversed(norms):
        if g.start < p.start and len(full) > len(words) and full[: len(words)] == words:
            return dataclasses.replace(g, start=p.start, end=p.end, why=f"short for {g.name}: {g.why}")
    return p


def _adjective_follows(tokens: Sequence[Token], t: int) -> bool:
    """"الحزب الشيوعي", "الحركة الانفصالية": a nisba-shaped word after the noun makes it another
    group, not a reference back (a verb's object after a VSO subject is no adjective)."""
    if t + 1 >= len(tokens):
        return False
    nxt = tokens[t + 1].norm
    return nxt.startswith("ال") and nxt not in _RELATIVES and nxt.endswith(("ي", "يه"))


def _nisba_codes(tokens: Sequence[Token], t: int, kb: KnowledgeBase) -> frozenset[str]:
    """The countries a nationality adjective among the two words after token ``t`` may name
    ("الحركة الانفصالية الكردية" → the Kurds' countries), else none."""
    codes: set[str] = set()
    for tok in tokens[t + 1 : t + 3]:
        ids = kb.index.get(tok.norm, ())
        codes.update(c for i in ids if kb.entries[i].kind == "nisba" for c in kb.entries[i].codes)
    return frozenset(codes)


def _groups_before(norms: list[tuple[list[str], Phrase]], offset: int, paragraph_of):
    """The groups named before ``offset``, nearest first, as (normalised words, phrase), while they
    are within :data:`_GROUP_WINDOW` paragraphs of it."""
    para = paragraph_of(offset)
    for words, g in reversed(norms):
        if g.start >= offset:
            continue
        if para - paragraph_of(g.start) > _GROUP_WINDOW:
            return
        yield words, g


def _by_nationality(
    norms: list[tuple[list[str], Phrase]], codes: frozenset[str], offset: int, paragraph_of
) -> Phrase | None:
    """The latest armed group named before ``offset`` (within the window) whose country the
    adjective names: "الحركة الكردية" after "حزب العمال الكردستاني" is the PKK."""
    if not codes:
        return None
    return next((g for _, g in _groups_before(norms, offset, paragraph_of)
                 if g.code in codes and g.sector == "REB"), None)


def _antecedent(norms: list[tuple[list[str], Phrase]], head: str, offset: int, paragraph_of) -> Phrase | None:
    for words, g in _groups_before(norms, offset, paragraph_of):
        first = words[0].removeprefix("ال") if words else ""
        if first.startswith(head) or (head == "تنظيم" and g.code == "IMG"):
            return g
    return None


def theatre_leader(
    kb: KnowledgeBase, role: Placed, text: str, country: str | None, date: str | None
) -> Placed | None:
    """For a bare "التحالف" in a story set in a coalition's theatre: the leading state, as a
    qualifier over the word itself (None when the word has an adjective: التحالف الوطني)."""
    entry = role.entry
    if entry is None or entry.family != "coalition" or not country:
        return None
    tokens = role.sentence.tokens
    k = next((n for n, t in enumerate(tokens) if t.start >= role.mention.end), None)
    if k is not None and tokens[k].norm.startswith("ال") and tokens[k].norm not in _RELATIVES:
        return None
    for theatre, start, end, leader, _sector, name in kb.coalitions:
        if theatre == country and (not date or (start <= date and (not end or date < end))):
            lead = kb.entries.get(f"cty:{leader}")
            if lead is None:
                return None
            m = role.mention
            mention = Mention(m.start, m.end, f"{m.text}: {name} in {theatre}", "GPE", "lexicon", lead.id)
            return dataclasses.replace(role, mention=mention, entry=lead)
    return None


def frames(placed: Sequence[Placed], text: str, place_country) -> dict[int, str]:
    """Sentence start -> the country of the place the sentence opens with ("وفي طهران، ...")."""
    out: dict[int, str] = {}
    for p in placed:
        tokens = p.sentence.tokens
        if p.token != 1 or tokens[0].norm not in _FRAME_PREPS or p.mention.start != tokens[1].start:
            continue
        if text[p.mention.end : p.mention.end + 2].strip()[:1] not in ("،", ","):
            continue
        code = _entry_country(p.entry) if p.entry is not None else place_country(p)
        if code:
            out.setdefault(p.sentence.start, code)
    return out


def _entry_country(entry: Entry) -> str | None:
    return entry.codes[0] if entry.kind in ("country", "capital") and entry.codes else None


def owner_nisba(kb: KnowledgeBase, p: Placed, code: str, last: Phrase | None) -> Phrase | None:
    """The country named by a nisba after an owner noun (see module doc), or after such a nisba
    and "و" (the second of two coordinated adjectives), else None."""
    tokens = p.sentence.tokens
    t = p.token
    if t == 0 or p.mention.start != tokens[t].start + len(p.clitic):
        return None
    after_owner = last is not None and last.why.startswith("owner") and last.end == tokens[t - 1].end
    if p.clitic == "و" and after_owner:
        start = p.mention.start
    else:
        prev = tokens[t - 1]
        if p.clitic or tokens[t].start - prev.end > 1 or not _owner(kb, prev):
            return None
        if prev.norm.startswith(("ال", "لل")) != p.mention.text.startswith("ال"):
            return None  # an adjective agrees with its noun in definiteness
        start = prev.start
    assert p.entry is not None
    why = f"owner noun + nisba '{p.mention.text}' → {code}"
    return Phrase(start, p.mention.end, code, None, p.entry.name, "GPE", why)


def _owner(kb: KnowledgeBase, tok: Token) -> bool:
    return any(s in kb.owner_heads or s.removeprefix("ال") in kb.owner_heads for s in tok.stems)


def link_own_country(phrases: list[Phrase], doc: Document, kb: KnowledgeBase) -> list[Phrase]:
    """"بلاده" as the country of the person or office named last before it (see module doc)."""
    owners = sorted((p for p in phrases if p.kind in _OWNERS and f"cty:{p.code}" in kb.entries),
                    key=lambda p: p.start)
    if not owners:
        return phrases
    out = list(phrases)
    for sentence in doc.sentences:
        if not any(w in doc.text[sentence.start : sentence.end] for w in _OWN_COUNTRY_SURFACE):
            continue  # a substring test first: this pass runs on every sentence
        for tok in sentence.tokens:
            if _OWN_COUNTRY.isdisjoint(tok.stems):
                continue
            before = (p for p in reversed(owners) if sentence.start <= p.start and p.end <= tok.start)
            owner = next(before, None)
            if owner is None:
                continue
            stem = next(s for s in tok.stems if s in _OWN_COUNTRY)
            start = _stem_start(tok, stem)
            name = kb.entries[f"cty:{owner.code}"].name
            why = f"'{tok.text}' (own country) of '{doc.text[owner.start : owner.end]}' → {owner.code}"
            out.append(Phrase(start, tok.end, owner.code, None, name, "GPE", why))
    return out


def link_quoted_groups(phrases: list[Phrase], doc: Document, kb: KnowledgeBase) -> list[Phrase]:
    """A group named in quotes after its generic noun: تنظيم «القاعدة» is "تنظيم القاعدة"."""
    out = list(phrases)
    for sentence in doc.sentences:
        surface = doc.text[sentence.start : sentence.end]
        if not any(q in surface for q in _OPEN_QUOTES) or not any(h in surface for h in _QUOTED_SURFACE):
            continue  # substring tests first: this pass runs on every sentence
        tokens = sentence.tokens
        for t, tok in enumerate(tokens[:-2]):
            if _QUOTED_HEADS.isdisjoint(tok.stems) or tokens[t + 1].text not in _OPEN_QUOTES:
                continue
            close = _OPEN_QUOTES[tokens[t + 1].text]
            end = next((k for k in range(t + 2, min(t + 8, len(tokens))) if tokens[k].text == close), None)
            if end is None or any(p.start <= tokens[t + 2].start < p.end for p in out):
                continue
            head = next(s for s in tok.stems if s in _QUOTED_HEADS)
            key = " ".join([head] + [x.norm for x in tokens[t + 2 : end]])
            ids = [i for i in kb.index.get(key, ()) if kb.entries[i].kind == "group"]
            if not ids:
                continue
            entry, start, stop = kb.entries[ids[0]], _stem_start(tok, head), tokens[end].end
            code = entry.codes[0]
            why = f"group '{doc.text[start:stop]}' (name in quotes) → {code} {entry.sector}"
            out.append(Phrase(start, stop, code, entry.sector, entry.name, "GROUP", why))
    return out


# States whose own press calls them "المملكة" alone (general knowledge: Saudi, Jordanian,
# Moroccan and Bahraini outlets). source: own.
_KINGDOMS = frozenset({"SAU", "JOR", "MAR", "BHR"})
# normalised forms of "المملكة" -> (proclitic for the locative test, letters to skip)
_KINGDOM = {
    "المملكه": ("", 0), "للمملكه": ("ل", 0), "والمملكه": ("و", 1), "بالمملكه": ("ب", 1), "فالمملكه": ("ف", 1),
}
_KINGDOM_SURFACE = ("المملكة", "المملكه", "لمملكة")


def link_kingdom(
    phrases: list[Phrase], doc: Document, kb: KnowledgeBase, country: str | None, scores: Mapping[str, float]
) -> list[Phrase]:
    """A bare "المملكة" is the story's main country when that is a kingdom, else the kingdom the
    story names most (no sector, as a bare country name): "العلاقات بين المملكة وروسيا" in a
    Saudi minister's visit to Moscow → SAU.  Not in a locative context ("في المملكة" is a place)
    nor as part of a longer name (المملكة المتحدة)."""
    if country not in _KINGDOMS:
        named = [k for k in _KINGDOMS if scores.get(k, 0) > 0]
        country = max(named, key=lambda k: (scores[k], k)) if named else None
    if country is None or not any(w in doc.text for w in _KINGDOM_SURFACE):
        return phrases
    covered = _Covered([(m.start, m.end) for m in doc.mentions] + [(p.start, p.end) for p in phrases])
    out = list(phrases)
    name = kb.entries[f"cty:{country}"].name if f"cty:{country}" in kb.entries else country
    for sentence in doc.sentences:
        if not any(w in doc.text[sentence.start : sentence.end] for w in _KINGDOM_SURFACE):
            continue  # a substring test first: this pass runs on every sentence
        for t, tok in enumerate(sentence.tokens):
            if tok.norm not in _KINGDOM or covered.covers(tok.start):
                continue
            clitic, skip = _KINGDOM[tok.norm]
            if clitic != "ل" and has_locative_context(sentence.tokens, t, clitic):
                continue
            why = f"'{tok.text}' in a story set in the kingdom {country} → {country}"
            out.append(Phrase(tok.start + skip, tok.end, country, None, name, "GPE", why))
    return out


def host_city(p: Placed, country: str, name: str) -> Phrase:
    """A city a visit is to ("في زيارته لأربيل") stands for its country's government, as a
    visited country does; the city stays a location too."""
    m = p.mention
    why = f"city '{m.text}' as the host of a visit → {country} GOV"
    return Phrase(m.start, m.end, country, "GOV", name, "GPE", why)


def second_nisba(
    kb: KnowledgeBase,
    placed: Sequence[Placed],
    j: int,
    phrase: Phrase,
    text: str,
    scores: Counter[str],
    role_name: Callable[[str | None, str, Entry | None], str],
) -> Phrase | None:
    """"الحكومتين العراقية والتركية", "القوات الأفغانية والأمريكية": a nisba coordinated to the
    role's nisba (``placed[j]``) is a second actor of the same role, or None."""
    if j + 1 >= len(placed) or placed[j + 1].entry is None:
        return None
    nxt = placed[j + 1]
    gap = text[placed[j].mention.end : nxt.mention.start].strip()
    coordinated = gap == "و" or (gap == "" and nxt.clitic == "و")
    if nxt.entry.kind not in ("nisba", "nisba_plural") or not coordinated:
        return None
    code, amb = resolve_codes(kb, nxt.mention, nxt.entry, scores)
    if code == phrase.code:
        return None
    why = f"{phrase.why.rsplit(' → ', 1)[0]}; coordinated nisba '{nxt.mention.text}'{amb} → {code}"
    first = role_name(phrase.code, "", None).strip()
    name = role_name(code, (phrase.name or "").removeprefix(first).strip(), None)
    m = nxt.mention
    return dataclasses.replace(phrase, start=m.start, end=m.end, code=code, name=name, why=why)
