"""ActorCoder: coded actors (PLOVER code + sector), the main country and places of a document.

Actor phrases are built from the lexicon mentions of each sentence:

* a chain of role nouns (نائب + وزير الخارجية), its sector the last one that has
  a sector; then a country qualifier: a nisba (وزير الخارجية **الأمريكي**), a
  country or capital in idafa (جيش **النيجر**), a body or group (وفد من
  **إيكواس**); then, for person titles, a name (a known person, or 1-3 unknown
  words before punctuation, particles, verbs of saying or a known word);
* an unqualified role takes its country from the latest qualified role of the
  same institution in the same or previous paragraph (الخارجية الأمريكية ...
  مساعدة وزير الخارجية), else from the document's main country;
* a known person is coded by the office held on the document date, or, with no
  date or no term covering it, by the title in the text and the person's country;
* a bare country name not in a locative context is the country with no sector
  ("تركيا شنت غارات" → TUR; the GSR codings and our dev set agree), a capital or
  seat used so is its government (واشنطن → USA GOV); "السلطة الفلسطينية" is a role
  phrase (PSE GOV); bodies, groups and the people of a nation have their own code;
* a country, capital or city a visit is to is its government ("يزور ... إسرائيل", "زيارة إلى
  قطر", "زيارته لأربيل" → GOV; "وصل إلى" stays a place), and a country or capital a request or
  aid comes from is an actor though after من ("بناء على طلب من مصر", "مساعدات من واشنطن"):
  ``locative.state_context``;
* a nisba of several countries (كردي: no KUR code) is decided by the story, and for an armed
  role (متمردون أكراد) by the country of a rebel group named in it (the PKK → TUR);
* unqualified groups of people listed in ``unplaced_families.txt`` (مسلحون،
  المتظاهرون) take no country from the story, only from their own phrase;
* هجوم **انتحاري** (``adjective_heads.txt``) is an adjective, not an actor; a former
  title (السابق: ``former.txt``) is ELI; النائب + a name is LEG; قوات الناتو is
  IGO MIL; news outlets (``media.tsv``) are no actors;
* a person's later mentions by surname (نولاند، كارتر) carry the same code, and all
  mentions of one person take the best-supported code among them;
* ``hadath.actors.links``: group anaphora (الحزب، التنظيم → the group named before), short
  group names, a bare "التحالف" in a coalition's theatre (``coalitions.tsv``), a military
  body "led by" a state (بقيادة، الذي تقوده), a sentence that opens with a place (وفي طهران،)
  for its unqualified roles, owner nouns with a nisba (مساعدات سعودية → SAU), a group noun with
  the nisba of a rebel group's country (الحركة الكردية → the PKK) and a bare "المملكة" in a story
  about a kingdom.

Places in locative contexts (في، إلى، من، ب...) become ``doc.locations``; a
capital after ل (لنيامي) is both a place and an actor, and the event coder
decides.  Every actor carries ``why``.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from collections.abc import Sequence

from hadath.actors.context import (
    NON_STATE,
    Placed,
    adjective_nisba,
    belief_gap,
    country_scores,
    idafa_place,
    main_country,
    make_location,
    place_mentions,
    resolve_codes,
    title_mentions,
)
from hadath.actors.geo import Places
from hadath.actors.kb import Entry, KnowledgeBase, load_default
from hadath.actors.links import (
    Phrase,
    frames,
    host_city,
    link_groups,
    link_kingdom,
    link_own_country,
    link_persons,
    link_quoted_groups,
    owner_nisba,
    second_nisba,
    theatre_leader,
)
from hadath.actors.locative import HOST, LOCATIVE, state_context
from hadath.actors.names import first_names, former_end, is_plural_title, unknown_name
from hadath.actors.romanize import romanize
from hadath.arabic.normalize import normalize
from hadath.model import Actor, Document, Location

__all__ = ["ActorCoder"]

_ARMED = ("MIL", "COP", "SPY")
# an armed role with a nisba of several countries (متمردون أكراد) takes the country of a rebel group
# named in the story when exactly one candidate has one (the PKK → TUR)
_ARMED_GROUP_SECTORS = frozenset({"REB", "UAF"})
QUALIFIERS = ("nisba", "nisba_plural", "country", "capital", "igo", "group")
_LINKS = {"": 0, "ل": 1, "من": 1}  # allowed text between a role and its country/body
_COMMAS = ("،", ",")
# the people of a nation (العراقيون) carry no sector, as in the GSR codings (CVL, the dev set's choice,
# gained it 0.003 and cost the GSR 0.010 generous)
_PEOPLE_SECTOR = None
# "قوات التحالف الذي تقوده الولايات المتحدة": a military body led by a state is that state's
_LED_BY = frozenset({"بقيادة", "الذي تقوده", "التي تقودها", "الذي يقوده", "التي يقودها", "بزعامة"})
# strength of the evidence for a person's code (highest wins for all of that person's mentions)
QUALIFIED, KNOWN, FAMILY, DOCUMENT = 4, 3, 2, 1




class ActorCoder:
    """Sets ``doc.actors``, ``doc.country`` and ``doc.locations`` (see module doc)."""

    name = "actors"

    def __init__(self, kb: KnowledgeBase | None = None, places: Places | None = None):
        self.kb = kb if kb is not None else load_default()
        from hadath.ner.lexicon import LexiconRecognizer  # for titles; imported here: ner uses actors

        self._recognizer = LexiconRecognizer(self.kb, places)

    @property
    def places(self) -> Places:
        """The recogniser's place index (loaded on first use), shared rather than loaded twice."""
        return self._recognizer.places

    def __call__(self, doc: Document) -> Document:
        return self.code(doc)

    def code(self, doc: Document, country: str | None = None) -> Document:
        """Code ``doc``; ``country`` (ISO3), when given, is taken as the document's main country
        (``hadath explain-actor --country``: a phrase coded as if it came from a story there)."""
        placed = place_mentions(doc, self.kb)
        scores = country_scores(placed, self.kb, self.places, title_mentions(self._recognizer, doc.title))
        if country:
            scores[country] += 1000.0  # outweighs any votes of the text itself
        country = main_country(scores)
        state = _State(doc, scores, country)
        state.armed_groups = frozenset(
            p.entry.codes[0] for p in placed
            if p.entry is not None and p.entry.kind == "group" and p.entry.sector == "REB" and p.entry.codes
        )
        state.frames = frames(placed, doc.text, lambda p: self._city_country(p, scores))
        i = 0
        while i < len(placed):
            i = self._code_at(placed, i, state)
        phrases = link_persons(state.phrases, doc, self.kb, placed)
        phrases = link_groups(phrases, doc, self.kb, placed, state.paragraph_of)
        phrases = link_own_country(link_quoted_groups(phrases, doc, self.kb), doc, self.kb)
        phrases = link_kingdom(phrases, doc, self.kb, country, scores)
        actors = tuple(_to_actor(doc.text, p) for p in sorted(phrases, key=lambda p: (p.start, p.end)))
        return dataclasses.replace(doc, actors=actors, country=country, locations=tuple(state.locations))

    # -- one mention or phrase -------------------------------------------------------------------

    def _code_at(self, placed: Sequence[Placed], i: int, state: _State) -> int:
        p = placed[i]
        entry = p.entry
        if entry is None:
            if p.mention.key and p.mention.key.startswith("city:") and p.locative:
                loc = make_location(self.kb, self.places, p, state.scores)
                state.add_location(loc)
                if loc is not None and loc.country and (
                    state_context(p.sentence.tokens, p.token, p.clitic) == HOST
                ):
                    name = self._role_name(loc.country, "", None).strip()
                    state.phrases.append(host_city(p, loc.country, name))
            return i + 1
        if entry.kind == "role":
            return self._role_phrase(placed, i, state)
        if entry.kind in ("country", "capital"):
            return self._place_or_state(placed, i, state)
        if entry.kind == "media":
            return i + 1  # a news outlet credited for the story (حسبما أفادت وكالة رويترز): no actor
        if entry.kind in ("igo", "group"):
            end, j = _with_acronym(state.doc.text, placed, i)
            code = entry.codes[0]
            state.phrases.append(
                Phrase(
                    p.mention.start,
                    end,
                    code,
                    entry.sector,
                    entry.name,
                    entry.kind.upper(),
                    f"{entry.kind} '{p.mention.text}' → {code} {entry.sector or ''}".strip(),
                )
            )
            return j + 1
        if entry.kind == "person":
            state.phrases.append(self._person(entry, p.mention.start, p.mention.end, None, state))
        elif entry.kind in ("nisba", "nisba_plural"):
            self._nisba(p, entry, state)
        return i + 1

    def _nisba(self, p: Placed, entry: Entry, state: _State) -> None:
        """A nisba no role took: the people of a nation (plural), or the country after an owner
        noun (مساعدات سعودية); else an adjective of something that is no actor."""
        code, amb = resolve_codes(self.kb, p.mention, entry, state.scores)
        if entry.kind == "nisba":
            last = state.phrases[-1] if state.phrases else None
            if (owned := owner_nisba(self.kb, p, code, last)) is not None:
                state.phrases.append(owned)
            return
        why = f"plural nisba '{p.mention.text}': the people of {code}{amb}"
        name = f"{entry.name} people"
        state.phrases.append(Phrase(p.mention.start, p.mention.end, code, _PEOPLE_SECTOR, name, "GPE", why))

    def _place_or_state(self, placed: Sequence[Placed], i: int, state: _State) -> int:
        p = placed[i]
        entry = p.entry
        assert entry is not None
        if p.sentence.text.strip(" .:،") == p.mention.text:
            return i + 1  # a name alone on its line (a byline or a tag), not a statement about it
        if p.locative:
            state.add_location(make_location(self.kb, self.places, p, state.scores))
        role = state_context(p.sentence.tokens, p.token, p.clitic)
        if not p.locative or p.clitic.lstrip("وف").startswith("ل") or role:
            what = (
                "country name as state actor" if entry.kind == "country" else f"{entry.role_type} as metonym"
            )
            code = entry.codes[0]
            sector = None if entry.kind == "country" and role != HOST else "GOV"
            what = f"{what} ({role} of a visit)" if role == HOST else f"{what} ({role})" if role else what
            state.phrases.append(
                Phrase(
                    p.mention.start,
                    p.mention.end,
                    code,
                    sector,
                    entry.name,
                    "GPE",
                    f"{what}: '{p.mention.text}' → {code} {sector or ''}".strip(),
                )
            )
        return i + 1

    def _role_phrase(self, placed: Sequence[Placed], i: int, state: _State) -> int:
        text = state.doc.text
        j = i
        roles: list[Entry] = [placed[i].entry]  # type: ignore[list-item]
        while (
            j + 1 < len(placed)
            and _kind(placed[j + 1]) == "role"
            and _chains(placed[j].entry)
            and _gap(text, placed[j], placed[j + 1]) == ""
        ):
            j += 1
            roles.append(placed[j].entry)  # type: ignore[arg-type]
        qual: Placed | None = None
        believed = False
        if j + 1 < len(placed) and _kind(placed[j + 1]) in QUALIFIERS:
            gap = _gap(text, placed[j], placed[j + 1])
            nisba = _kind(placed[j + 1]) in ("nisba", "nisba_plural")
            led = gap in _LED_BY and any(r.sector == "MIL" for r in roles)
            believed = nisba and len(gap) > 4 and belief_gap(gap)  # "طائرة بدون طيار يرجح أنها أمريكية"
            if (gap == "" and (not nisba or _agrees(placed[j], placed[j + 1]))) or (
                (gap in _LINKS or led) and not nisba
            ) or believed:
                j += 1
                qual = placed[j]
        end = placed[j - 1 if believed else j].mention.end
        if qual is None and (qual := idafa_place(self.kb, self.places, placed[j], text)) is not None:
            end = qual.mention.end  # "حكومة مالي", "شرطة دبي": a country or city the lexicon skipped
        if qual is None and (qual := adjective_nisba(self.kb, placed[j], text)) is not None:
            end = qual.mention.end  # "الجيش المالي": a nisba that is also a common word
        if qual is None:
            qual = self._located(placed, j, state)
        if qual is None:
            qual = theatre_leader(self.kb, placed[j], text, state.country, state.doc.date)
        if qual is not None and _kind(qual) == "igo":
            end, j = _with_acronym(text, placed, j)
        former = former_end(self.kb, placed[j].sentence, end) if text.startswith("ال", end + 1) else None
        end = former or end
        person, end, j = self._name_after(placed, j, end, roles, state)
        phrase = self._role_actor(placed[i].mention.start, end, roles, qual, person, state)
        if phrase is not None and former:
            phrase = dataclasses.replace(phrase, sector="ELI", why=f"{phrase.why}; former office → ELI")
        if phrase is not None:
            state.phrases.append(phrase)
            if qual is not None and _kind(qual) in ("nisba", "nisba_plural") and person is None:
                names, scores = self._role_name, state.scores
                while second := second_nisba(self.kb, placed, j, phrase, text, scores, names):
                    state.phrases.append(second)  # قوات سعودية ومصرية وإماراتية: each a second actor
                    j += 1
        return j + 1

    def _located(self, placed: Sequence[Placed], j: int, state: _State) -> Placed | None:
        """A place right after an unqualified role ("قوات الأمن في نيجيريا"): the role's country.

        Returned as the qualifier but not consumed, so the place is still a location."""
        if j + 1 >= len(placed):
            return None
        nxt = placed[j + 1]
        if not nxt.locative or normalize(_gap(state.doc.text, placed[j], nxt)) not in LOCATIVE:
            return None
        if _kind(nxt) in ("country", "capital"):
            return nxt
        loc = make_location(self.kb, self.places, nxt, state.scores) if nxt.entry is None else None
        if loc is not None and loc.country:
            entry = self.kb.entries.get(f"cty:{loc.country}")
            return dataclasses.replace(nxt, entry=entry) if entry else None
        return None

    def _name_after(
        self, placed: Sequence[Placed], j: int, end: int, roles: list[Entry], state: _State
    ) -> tuple[Entry | str | None, int, int]:
        """The person named after a title: a known person entry, an unknown name, or None."""
        if not any(r.role_type in ("P", "M") for r in roles) or is_plural_title(placed[j].mention.text):
            return None, end, j
        text = state.doc.text
        if j + 1 < len(placed) and text[end : placed[j + 1].mention.start].strip() in ("",) + _COMMAS:
            nxt = placed[j + 1]
            if _kind(nxt) == "person":
                return nxt.entry, nxt.mention.end, j + 1
            if nxt.mention.label == "PER" and nxt.entry is None:
                return nxt.mention.text, nxt.mention.end, j + 1
        if j + 1 < len(placed) and _kind(placed[j + 1]) == "person":
            if first_names(self.kb, text[end : placed[j + 1].mention.start]):
                return placed[j + 1].entry, placed[j + 1].mention.end, j + 1  # أنغيلا + ميركل
        tokens = placed[j].sentence.tokens
        covered = {p.mention.start for p in placed}
        name, name_end = unknown_name(tokens, end, self.kb, self.places, covered)
        return (name, name_end, j) if name else (None, end, j)

    def _role_actor(
        self,
        start: int,
        end: int,
        roles: list[Entry],
        qual: Placed | None,
        person: Entry | str | None,
        state: _State,
    ) -> Phrase | None:
        sector = next((r.sector for r in reversed(roles) if r.sector), None)
        if isinstance(person, Entry):
            return self._person(person, start, end, sector, state)
        if all(r.role_type == "M" for r in roles) and person is None:
            return None  # مساعدة/نائب alone: "help"/"MP" as often as "deputy"
        if qual is None and (all(r.role_type == "Q" for r in roles) or (sector is None and person is None)):
            return None  # a bare "forces"/"delegation": not an actor on its own
        if isinstance(person, str) and all(r.family == "deputy" for r in roles):
            if normalize(state.doc.text[start:end]).startswith("ال"):
                sector = "LEG"  # النائب + a name: a member of parliament
        code, sector, why, strength = self._role_code(start, end, roles, qual, sector, state)
        title = "+".join(f"'{r.name}'" for r in roles)
        why = f"title {title} + {why} → {code} {sector or ''}".strip()
        if isinstance(person, str):
            name = romanize(person)
            return Phrase(
                start, end, code, sector, name, "PER", why, person=person.split()[-1], strength=strength
            )
        label = " ".join(dict.fromkeys(r.name for r in roles if r.sector or r is roles[0]))
        owner = qual.entry if qual is not None and qual.entry is not None and code in NON_STATE else None
        name = self._role_name(code, label, owner)
        return Phrase(start, end, code, sector, name, "ROLE", why, strength=strength)

    def _role_code(
        self, start: int, end: int, roles: list[Entry], qual: Placed | None, sector: str | None, state: _State
    ) -> tuple[str | None, str | None, str, int]:
        """(code, sector, why, strength) of a role phrase: its qualifier, a qualified mention of the
        same institution nearby, or the document's country."""
        head = next((r for r in reversed(roles) if r.sector), roles[-1])
        para = state.paragraph_of(start)
        code: str | None = None
        if qual is not None and qual.entry is not None:
            prefer = state.armed_groups if sector in _ARMED_GROUP_SECTORS else ()
            code, amb = resolve_codes(self.kb, qual.mention, qual.entry, state.scores, prefer)
            after = qual.mention.end > end and qual.entry.kind not in ("nisba", "nisba_plural")
            how = "located in" if after else qual.entry.kind
            why, strength = f"{how} '{qual.mention.text}'{amb}", QUALIFIED
            if qual.entry.kind == "group":
                sector = qual.entry.sector
            elif code in NON_STATE and code != "INT" and sector not in _ARMED:
                sector = None  # an IGO's minister is the IGO; its forces (قوات الناتو) stay MIL
            if code not in NON_STATE:
                state.families.append((para, head.family, code))
        elif own := next((r.codes[0] for r in reversed(roles) if r.codes), None):
            code, why, strength = own, f"one-country role → {own}", QUALIFIED
            state.families.append((para, head.family, code))
        elif (code := state.frame_of(start)) and head.family not in self.kb.unplaced:
            why, strength = f"sentence set in {code} (it opens with that place)", FAMILY
        elif code := state.family_code(head.family, para):
            why, strength = f"same institution qualified nearby → {code}", FAMILY
        elif state.country and head.family not in self.kb.unplaced:
            code, why, strength = state.country, f"document country {state.country}", DOCUMENT
        elif state.country:
            why, strength = f"'{head.name}' unplaced: no country from the story (unplaced_families.txt)", 0
        else:
            why, strength = "no country in the document", 0
        if code and sector is None and code not in NON_STATE:
            sector = "GOV"
        return code, sector, why, strength

    def _city_country(self, p: Placed, scores: Counter[str]) -> str | None:
        if not (p.mention.key or "").startswith("city:"):
            return None
        loc = make_location(self.kb, self.places, p, scores)
        return loc.country if loc is not None else None

    def _role_name(self, code: str | None, label: str, owner: Entry | None) -> str:
        if not code:
            return label
        entry = owner or self.kb.entries.get(f"cty:{code}")
        return f"{entry.name if entry else code} {label}"

    def _person(self, entry: Entry, start: int, end: int, title_sector: str | None, state: _State) -> Phrase:
        date = state.doc.date
        term = next((t for t in entry.terms if date and t.covers(date)), None)
        if term is not None:
            code, sector, why = term.code, term.sector, f"in office on {date}"
        else:
            code, sector = entry.codes[0], title_sector or entry.terms[0].sector
            why = "title in the text" if title_sector else "no dated term: first listed office"
        return Phrase(
            start,
            end,
            code,
            sector,
            entry.name,
            "PER",
            f"known person {entry.name}, {why} → {code} {sector or ''}".strip(),
            identifier=entry.id,
            person=entry.id,
            strength=KNOWN,
        )


class _State:
    """What coding one document accumulates."""

    def __init__(self, doc: Document, scores: Counter[str], country: str | None):
        self.doc = doc
        self.scores = scores
        self.country = country
        self.phrases: list[Phrase] = []
        self.locations: list[Location] = []
        self.families: list[tuple[int, str, str]] = []  # (paragraph, family, code)
        self.frames: dict[int, str] = {}  # sentence start -> country it opens with (links.frames)
        self.armed_groups: frozenset[str] = frozenset()  # countries of the rebel groups named in the story
        self._paras = [(s.start, s.paragraph) for s in doc.sentences]

    def add_location(self, loc: Location | None) -> None:
        if loc is not None:
            self.locations.append(loc)

    def paragraph_of(self, offset: int) -> int:
        para = 0
        for start, p in self._paras:
            if start > offset:
                break
            para = p
        return para

    def frame_of(self, offset: int) -> str | None:
        """The country the sentence holding ``offset`` opens with (links.frames), if any."""
        if not self.frames:
            return None
        return self.frames.get(_sentence_start(self.doc, offset))

    def family_code(self, family: str, para: int) -> str | None:
        for p, fam, code in reversed(self.families):
            if fam == family and para - p <= 1:
                return code
        return None


def _sentence_start(doc: Document, offset: int) -> int:
    k = bisect.bisect_right(doc.sentences, offset, key=lambda s: s.start) - 1
    return doc.sentences[k].start if k >= 0 else 0


def _kind(p: Placed) -> str | None:
    return p.entry.kind if p.entry is not None else None


def _chains(entry: Entry | None) -> bool:
    """Whether a role noun takes a following role noun as its complement: titles (وزير، المتحدث
    باسم), modifiers and roles without a sector (عناصر) do; a body with a sector does not
    ("اعتقل حرس الحدود المهربين": the smugglers are the object)."""
    return entry is not None and (entry.role_type in ("P", "M", "Q") or entry.sector is None)


def _definite(text: str) -> bool:
    return normalize(text).split(" ")[-1].startswith(("ال", "لل"))


def _agrees(role: Placed, nisba: Placed) -> bool:
    """An adjective agrees with its noun in definiteness: "الأمير تركي" is Prince Turki, not a
    Turkish prince (a definite title before an indefinite nisba is a name)."""
    return not _definite(role.mention.text) or _definite(nisba.mention.text)


def _gap(text: str, a: Placed, b: Placed) -> str:
    """The text between two mentions, stripped (a proclitic of ``b`` counts as gap)."""
    return text[a.mention.end : b.mention.start].strip()


def _with_acronym(text: str, placed: Sequence[Placed], j: int) -> tuple[int, int]:
    """Extend a body's span over a following «acronym» or (acronym) of the same body."""
    end = placed[j].mention.end
    if j + 1 < len(placed) and placed[j + 1].mention.key == placed[j].mention.key:
        gap = text[end : placed[j + 1].mention.start].strip()
        if gap in ("«", "(", '"', "“"):
            close = placed[j + 1].mention.end
            if close < len(text) and text[close] in '»)"”':
                close += 1
            return close, j + 1
    return end, j


def _to_actor(text: str, p: Phrase) -> Actor:
    return Actor(p.start, p.end, text[p.start : p.end], p.name, p.code, p.sector, p.kind, p.identifier, p.why)
