"""Participants carried across sentences: pronouns, anaphoric nouns and dropped subjects.

News paragraphs name a participant once and then refer back to it: "التقى الملك سلمان
الرئيس المصري … وبحث معه …" (the pronoun of معه), "وتناول اللقاء …" (the meeting of the
previous sentence), "وأضاف …" / "وطالب …" (a verb whose subject is the previous sentence's).
:func:`references` says which slots of an event refer back (read off the sentence by
:func:`hadath.events.attribution.attribute`); :class:`Discourse` keeps the events and
actors of the sentences coded so far and fills those slots from them, with the agreement
cue the text gives: ـه a man or a masculine body (الجيش), ـها a country or a feminine body
(الحكومة، الحركة), ـهم a group.

>>> fem = Actor(0, 7, "الحكومة", None, "EGY", "GOV", kind="ROLE")
>>> man = Actor(0, 5, "الوزير", None, "EGY", "GOV", kind="ROLE")
>>> agrees(fem, "ها"), agrees(fem, "ه"), agrees(man, "ه")
(True, False, True)
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from hadath.arabic.normalize import normalize
from hadath.events.lexicon import Trigger
from hadath.events.syntax import COMMAS, Scene
from hadath.model import Actor, Document, Event

__all__ = ["Reference", "references", "agrees", "Discourse"]

# how far back (sentences) a pronoun or a dropped subject looks, and an anaphoric noun
PRONOUN_REACH = 2
ANAPHOR_REACH = 12
_PLURAL_KINDS = frozenset({"GROUP"})
_FEMININE_KINDS = frozenset({"GPE", "IGO"})
# types whose dropped subject is not carried (the victims, not the attacker, are news' subject),
# nor the participants of an earlier event a definite noun names: "الهجوم" in a later sentence is
# often another attack or the casualty report (dev set strict F1 0.338 -> 0.341 without that carry)
NO_CARRY_SUBJECT = frozenset({"ASSAULT"})


@dataclass(frozen=True)
class Reference:
    """A slot (``actor``, ``recipient`` or ``both``) the sentence leaves to an earlier one;
    ``pronoun`` is the agreement cue ("ه", "ها", "هم", "" for none)."""

    slot: str
    pronoun: str
    why: str


def _pronoun_prep(s: Scene, trig: Trigger, last: int, limit: int = 6) -> str:
    """The pronoun of a frame preposition after the trigger ("بحث معه", "وجه إليها"), else ""."""
    preps = s.frames.preps_for(trig)
    suffixes = s.frames.words["pronoun_suffixes"]
    for i in range(last + 1, min(len(s.tokens), last + 1 + limit)):
        if s.is_break(i) or s.word(i) in s.speech:
            return ""
        w = s.word(i)
        for prep in preps:
            if w.startswith(prep) and w[len(prep):] in suffixes:
                return w[len(prep):]
    return ""


def _definite(s: Scene, first: int) -> bool:
    """The trigger noun is definite or follows a demonstrative ("اللقاء", "هذه الزيارة")."""
    demonstrative = first > 0 and s.word(first - 1) in s.frames.words["demonstratives"]
    return demonstrative or s.words[first].startswith(("ال", "بال", "لل", "كال"))


def _opener_at(s: Scene, i: int, end: int) -> int:
    """The number of words of the sentence opener (``openers`` in the frames: "كما", "من جهته")
    that starts at token ``i`` and ends before ``end``; 0 when none does."""
    best = 0
    for opener in s.frames.words["openers"]:
        words = opener.split()
        if len(words) > best and i + len(words) <= end and _unconj(s, i) == words[0] \
                and all(s.word(i + k) == w for k, w in enumerate(words[1:], 1)):
            best = len(words)
    return best


def _unconj(s: Scene, i: int) -> str:
    """Token ``i`` without a leading و/ف, also for short words that have no stems ("ومن")."""
    n = s.tokens[i].norm
    plain = n[:1] not in "وف" or len(n) <= 2 or n in s.frames.words["waw_initial"]
    return s.word(i) if plain else n[1:]


def _opens(s: Scene, first: int) -> bool:
    """The verb opens the sentence: only light words ("أمس"), openers ("كما", "من جهته") and
    commas before it.

    >>> from hadath.arabic.tokens import tokenize
    >>> from hadath.events.lexicon import load_default
    >>> from hadath.events.syntax import load_frames
    >>> toks = tokenize("ومن جهته، أكد الوزير")
    >>> _opens(Scene(toks, [], load_default().cues, load_frames()), 3)
    True
    """
    i = 0
    while i < first:
        if s.is_light(i) or s.tokens[i].norm in COMMAS:
            i += 1
        elif (n := _opener_at(s, i, first)) > 0:
            i += n
        else:
            return False
    return True


def references(s: Scene, trig: Trigger, first: int, last: int, suffix: str,
               actor: object, recipient: object, reasons: Sequence[str]) -> tuple[Reference, ...]:
    """The slots left empty in this sentence that refer back to an earlier one."""
    out: list[Reference] = []
    person = s.frames.words["pronoun_suffixes"]
    if trig.pos != "verb" and suffix in person and trig.genitive == "object" and recipient is None:
        out.append(Reference("recipient", suffix, "pronoun on the verbal noun: its object"))  # "احتجازه"
    elif trig.pos != "verb" and suffix in person and actor is None:
        out.append(Reference("actor", suffix, "pronoun on the verbal noun"))
    if recipient is None:
        if trig.pos == "verb" and suffix in person:
            out.append(Reference("recipient", suffix, "object pronoun on the verb"))
        elif pronoun := _pronoun_prep(s, trig, last):
            out.append(Reference("recipient", pronoun, "pronoun after the frame preposition"))
    if trig.pos != "verb" and not suffix and (actor is None or recipient is None) \
            and not s.frames.words["anaphoric_nouns"].isdisjoint(s.tokens[first].stems) \
            and _definite(s, first) and trig.type not in NO_CARRY_SUBJECT:
        out.append(Reference("both", "", "definite noun naming an earlier event"))
    if actor is None and any("first-person" in r for r in reasons):
        out.append(Reference("actor", "", "first person in a quote whose speaker is named earlier"))
    if trig.pos == "verb" and actor is None and trig.type not in NO_CARRY_SUBJECT and _opens(s, first) \
            and not any("passive" in r or "first-person" in r or "uncoded subject" in r for r in reasons):
        out.append(Reference("actor", "", "verb without a subject: the previous sentence's"))
    return tuple(out)


def _head_word(actor: Actor) -> str:
    words = normalize(actor.entity_text).split()
    return words[0] if words else ""


def agrees(actor: Actor, pronoun: str) -> bool:
    """Whether ``actor`` can be what ``pronoun`` refers to (cheap gender/number cues)."""
    if not pronoun:
        return True
    head = _head_word(actor)
    plural = actor.kind in _PLURAL_KINDS or head.endswith(("ون", "ين", "ات"))
    if pronoun in ("هم", "هن", "كم"):
        return plural
    if pronoun == "هما":
        return True
    feminine = actor.kind in _FEMININE_KINDS or head.endswith("ه")
    if pronoun == "ها":
        return (feminine or plural) and actor.kind != "PER"  # broken plurals take ـها too
    return not feminine and not plural


def _same(a: Actor | None, b: Actor | None) -> bool:
    return a is not None and b is not None and (a.code, a.sector) == (b.code, b.sector)


class Discourse:
    """The events and actors of a document's sentences coded so far."""

    def __init__(self, doc: Document, prepositions: frozenset[str] = frozenset()):
        self.doc = doc
        self.prepositions = prepositions
        self.events: list[tuple[int, Event]] = []  # (sentence index, event)
        self._starts = [s.start for s in doc.sentences]
        self._actors: dict[int, list[Actor]] | None = None

    def add(self, index: int, event: Event) -> None:
        self.events.append((index, event))

    def _by_sentence(self) -> dict[int, list[Actor]]:
        if self._actors is None:
            self._actors = {}
            for actor in sorted(self.doc.actors, key=lambda a: a.start):
                i = bisect_right(self._starts, actor.start) - 1
                if i >= 0:
                    self._actors.setdefault(i, []).append(actor)
        return self._actors

    def _earlier(self, index: int, reach: int) -> list[int]:
        """Indexes of the ``reach`` sentences before ``index`` in its paragraph, nearest first."""
        sents = self.doc.sentences
        para = sents[index].paragraph
        return [i for i in range(index - 1, max(-1, index - 1 - reach), -1) if sents[i].paragraph == para]

    def _governed(self, actor: Actor, index: int) -> bool:
        """A preposition stands before ``actor`` (attached ب/ل or the word before it)."""
        sent = self.doc.sentences[index]
        before = [t for t in sent.tokens if t.end <= actor.start]
        tok = next((t for t in sent.tokens if t.start <= actor.start < t.end), None)
        glued = tok is not None and tok.start < actor.start and tok.norm[:1] in "بل"
        return glued or bool(before and before[-1].norm in self.prepositions)

    def _participants(self, index: int, reach: int) -> list[Actor]:
        """Earlier participants, nearest sentence first: its events' actors and recipients,
        then its other actors, subjects (not governed by a preposition) first."""
        out: list[Actor] = []
        actors = self._by_sentence()
        for i in self._earlier(index, reach):
            for _, ev in (e for e in reversed(self.events) if e[0] == i):
                out.extend((*ev.actor, *ev.recipient))
            rest = actors.get(i, [])
            out.extend(sorted(rest, key=lambda a: self._governed(a, i)))
        return out

    def _subject(self, index: int) -> Actor | None:
        """The previous sentence's subject: its last event's actor, else its first actor not
        governed by a preposition."""
        for i in self._earlier(index, 1):
            for _, ev in (e for e in reversed(self.events) if e[0] == i):
                if ev.actor:
                    return ev.actor[0]
            return next((a for a in self._by_sentence().get(i, []) if not self._governed(a, i)), None)
        return None

    def _antecedents(self, kind: str, index: int) -> list[Event]:
        """Earlier events of type ``kind`` with a participant, nearest first (same paragraph
        before the rest of the reach)."""
        para = self.doc.sentences[index].paragraph
        earlier = [(i, ev) for i, ev in self.events if i < index and ev.event == kind
                   and index - i <= ANAPHOR_REACH and (ev.actor or ev.recipient)]
        earlier.sort(key=lambda e: (self.doc.sentences[e[0]].paragraph != para, -e[0],
                                    not (e[1].actor and e[1].recipient)))
        return [ev for _, ev in earlier]

    def resolve(self, refs: Sequence[Reference], kind: str, actor: Actor | None,
                recipient: Actor | None, index: int) -> tuple[Actor | None, Actor | None, list[str]]:
        """Fill the slots ``refs`` leave to earlier sentences."""
        why: list[str] = []
        for ref in refs:
            if ref.slot == "both":
                actor, recipient = self._from_event(kind, actor, recipient, index, why)
            elif ref.slot == "actor" and actor is None:
                found = self._pronoun(ref, index, recipient) if ref.pronoun else self._subject(index)
                if found is not None and not _same(found, recipient):
                    actor = found
                    why.append(f"actor from an earlier sentence ({ref.why})")
            elif ref.slot == "recipient" and recipient is None:
                found = self._pronoun(ref, index, actor)
                if found is not None:
                    recipient = found
                    why.append(f"recipient from an earlier sentence ({ref.why})")
        return actor, recipient, why

    def _pronoun(self, ref: Reference, index: int, other: Actor | None) -> Actor | None:
        return next((a for a in self._participants(index, PRONOUN_REACH)
                     if agrees(a, ref.pronoun) and not _same(a, other)), None)

    def _from_event(self, kind: str, actor: Actor | None, recipient: Actor | None, index: int,
                    why: list[str]) -> tuple[Actor | None, Actor | None]:
        """The participants of the earlier event a definite noun names: both when the sentence
        names neither, else those of an event it shares one with (in that event's order: the
        sentence that told it named its roles more fully)."""
        known = actor or recipient
        for ante in self._antecedents(kind, index):
            a = ante.actor[0] if ante.actor else None
            r = ante.recipient[0] if ante.recipient else None
            if known is None:
                why.append("participants of the earlier event the noun names")
                return a, r
            if a is None or r is None or not (_same(known, a) or _same(known, r)):
                continue
            why.append("the earlier event the noun names, which shares a participant")
            return a, r
        return actor, recipient
