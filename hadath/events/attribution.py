"""Who did it to whom: actor and recipient from the coded actors of a sentence.

Actors that touch or nest form one *unit* ("وزير الخارجية الأمريكي أنتوني
بلينكن"); the unit is represented by its most specific actor.  Roles follow
Arabic clause syntax (see :mod:`hadath.events.syntax` for the phrase reader):

* verbs take the subject right before them (SVO) or after them (VSO, over time
  words and construct heads: "طالبت رئاسة إقليم كردستان العراق"), then the
  direct object, else a participant after a preposition of the trigger's frame
  ("التقى X بـY", "طلب X من Y", "هدد X Y بـ");
* a transitive verb of violence or arrest with no object is passive ("قتل ضابط
  وثلاثة جنود في انفجار"): its noun phrase is the recipient and the agent comes
  from "على يد", "هجوم شنه X" or the attack that caused the deaths ("في غارة
  لقوات الحلف");
* verbal nouns take their genitive as actor ("زيارة X لـY") or as recipient
  ("مقتل عشرة جنود", "اعتقال X"); with an attached pronoun ("لقاءه مع Y") the
  actor is the antecedent and the noun takes a direct object;
* first-person verbs inside a quote ("نطالب", "وقعنا") are the speaker's; a report
  ("قال X إن …") lends its speaker to events without a subject, except attacks;
* coordinated sides of a meeting or deal ("A و B تجريان محادثات", "بين A و B")
  become actor and recipient;
* a place is owned by the participant after ل ("القواعد الخلفية لحزب العمال", "موقع (…)
  التابع لكتائب القسام"); a rank by the body it serves in ("ضابطي صف في قوة الدرك"); people by
  the group they belong to ("شخصا ينتمون لتنظيم داعش", "مسلحا من عناصر ميليشيات الحوثي");
* the place a visit's genitive names is its host ("زيارة العراق"), whose government it is;
* a verbal noun takes its actor after من ("بناء على طلب من مصر"); threats and aid without a frame
  recipient take the next participant of the clause.

The role finders live in :mod:`hadath.events.roles`, the phrase reader in
:mod:`hadath.events.syntax`; function words and the prepositions that introduce
each type's recipient are data (``hadath/data/lexicons/attribution/frames.yaml``;
a trigger entry may override them with its own ``recipient_preps``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hadath.arabic.normalize import normalize
from hadath.events.discourse import Reference, references
from hadath.events.lexicon import Cues, Trigger
from hadath.events.roles import frame_pp, named_attacker_roles, noun_roles, verb_roles
from hadath.events.syntax import Scene, load_frames, pronoun_suffix
from hadath.model import Actor, Token

__all__ = ["Unit", "units_of", "attribute", "Attribution", "PARTICIPANT_TYPES"]

# types whose trigger words may themselves name the actor ("المتظاهرون", "المحتجين")
PARTICIPANT_TYPES = frozenset({"PROTEST"})
# types whose trigger may be the attacker's own name ("انتحاري", "مهاجما انتحاريا"): its actor
NAMING_TYPES = frozenset({"ASSAULT"})
# sectors of people who protest, and how far (tokens) from a protest noun they may be named
PROTESTER_SECTORS = frozenset({"CVL", "OPP", "EDU", "LAB", "REL", "PTY", "REF", "AGR", "MED", "JRN"})
PROTESTER_REACH = 16
_NAME_KINDS = ("PER",)
# types whose recipient, when no frame finds one, is the next participant in the clause within
# reach ("لوحت بإمكانية فرض عقوبات على طهران", "مساعدات … للشعب اليمني"). Measured on the dev set
# (strict F1 0.300 -> 0.309); for ACCUSE, REJECT and CONCEDE the same rule lowered it.
NEAR_RECIPIENT_TYPES = frozenset({"THREATEN", "AID"})
NEAR_RECIPIENT_REACH = 8
# words that never stand between a role and the name of its holder
_FUNCTION = frozenset({"ان", "بان", "لان", "و", "او", "ثم", "قد", "لم", "لن", "لا", "ما"})


@dataclass(frozen=True)
class Unit:
    """Adjacent actors treated as one participant; ``first``/``last`` are token indexes."""

    actors: tuple[Actor, ...]
    first: int
    last: int

    @property
    def best(self) -> Actor:
        """The named person when there is one ("وزير الخارجية الأستاذ عادل الجبير"), else the
        most completely coded, longest actor."""
        return max(self.actors, key=lambda a: (a.code is not None, a.sector is not None,
                                               a.kind in _NAME_KINDS, a.end - a.start))


@dataclass(frozen=True)
class Attribution:
    actor: Unit | None
    recipient: Unit | None
    reasons: tuple[str, ...]
    refers: tuple[Reference, ...] = ()  # slots left to earlier sentences (see discourse.py)


def _token_index(ends: Sequence[int], pos: int) -> int:
    """Index of the first token ending after character ``pos`` (``ends``: token end offsets)."""
    return min(bisect_right(ends, pos), len(ends) - 1)


def _compatible(group: Sequence[Actor], actor: Actor) -> bool:
    """Touching actors are one participant unless their codes or sectors differ:
    "التقى وزير الخارجية السعودي نظيره الإيراني" is subject then object (VSO), "رشق المتظاهرون
    قوات الأمن" protesters then police."""
    def clash(a: Actor) -> bool:
        return (a.code is not None and actor.code is not None and a.code != actor.code) or \
            (a.sector is not None and actor.sector is not None and a.sector != actor.sector)

    return not any(clash(a) for a in group)


def _apposition(group: Sequence[Actor], actor: Actor, gap: str) -> bool:
    """A role followed by a name after a few titles and given names is one person:
    "وزير الخارجية الأستاذ عادل بن أحمد الجبير" (no function word, no punctuation between)."""
    if actor.kind != "PER" or not all(a.kind == "ROLE" for a in group) \
            or any(ch in gap for ch in "،,.:؛;()«»\"-") or _plural(group[-1]):
        return False
    words = [normalize(w) for w in gap.split()]
    if not 0 < len(words) <= 4:
        return False
    frames = load_frames().words
    function = frames["prepositions"] | frames["relatives"] | frames["speech"] | _FUNCTION
    return all(w in frames["titles"] or (w not in function and not w.startswith("ال")) for w in words)


def _plural(actor: Actor) -> bool:
    """A role in the plural ("صحفيين", "المسؤولون") is never one named person."""
    words = normalize(actor.entity_text).split()
    return bool(words) and words[-1].endswith(("ين", "ون"))


def units_of(actors: Sequence[Actor], tokens: Sequence[Token], text: str, offset: int) -> list[Unit]:
    """Group actors whose spans overlap or are separated only by spaces/commas (or by the
    titles and given names between a role and the person's name)."""
    units: list[list[Actor]] = []
    for actor in sorted(actors, key=lambda a: (a.start, -a.end)):
        if units:
            end = max(a.end for a in units[-1])
            gap = text[end - offset : actor.start - offset] if actor.start > end else ""
            if actor.start <= end or (not gap.strip(" ،,") and _compatible(units[-1], actor)) \
                    or _apposition(units[-1], actor, gap):
                units[-1].append(actor)
                continue
        units.append([actor])
    out, ends = [], [tok.end for tok in tokens]
    for group in units:
        first = _token_index(ends, min(a.start for a in group))
        last = _token_index(ends, max(a.end for a in group) - 1)
        out.append(Unit(tuple(group), first, last))
    return out


def _distinct(actor: Unit | None, recipient: Unit | None) -> Unit | None:
    """The recipient, unless it is the actor itself."""
    return None if recipient is not None and recipient is actor else recipient


def attribute(trig: Trigger, first: int, last: int, tokens: Sequence[Token], units: list[Unit],
              cues: Cues, form: str = "", heads: Mapping[str, list[Trigger]] | None = None) -> Attribution:
    """Actor and recipient units for a trigger spanning tokens ``first..last``; ``form`` is the
    lexicon form matched in the first token, ``heads`` the trigger lexicon's head index (used to
    tell first-person verbs and to link a death to the attack that caused it)."""
    scene = Scene.of(tokens, units, cues, load_frames(), heads)
    if trig.type in PARTICIPANT_TYPES:
        found = participant_roles(scene, trig, first, last)
        if found is not None:
            return Attribution(found.actor, _distinct(found.actor, found.recipient), found.reasons)
    suffix = pronoun_suffix(tokens[first], form, scene.frames) if form else ""
    if trig.type in NAMING_TYPES and (named := scene.covered.get(first)) is not None \
            and not any(scene.attack(i) for i in range(max(0, first - 4), first)):  # "هجوم انتحاري"
        actor, recipient, reasons = named_attacker_roles(scene, trig, first, named)
    elif trig.pos == "verb":
        actor, recipient, reasons = verb_roles(scene, trig, first, last, form, suffix)
    else:
        actor, recipient, reasons = noun_roles(scene, trig, first, last, suffix)
    recipient = _distinct(actor, recipient)
    refers = references(scene, trig, first, last, suffix, actor, recipient, reasons)
    if recipient is None and trig.type in NEAR_RECIPIENT_TYPES \
            and not any(r.slot in ("recipient", "both") for r in refers):
        recipient = _next_participant(scene, last, actor)
        if recipient is not None:
            reasons.append("recipient: the next participant in the clause")
    return Attribution(actor, recipient, tuple(reasons), refers)


def _next_participant(s: Scene, last: int, actor: Unit | None) -> Unit | None:
    """The first participant after the trigger, in its clause and within reach, other than the actor."""
    for unit in s.units:
        if unit.first <= last or unit is actor:
            continue
        if unit.first - last > NEAR_RECIPIENT_REACH or any(
                s.is_break(i) or s.word(i) in s.speech for i in range(last + 1, unit.first)):
            return None
        return unit
    return None


def participant_roles(s: Scene, trig: Trigger, first: int, last: int) -> Attribution | None:
    """Protests whose trigger names the protesters ("احتشد المتظاهرون", "خرج مئات من المتظاهرين")."""
    inside = [u for u in s.units if u.first <= last and u.last >= first]
    if not inside:  # protesters named near the protest, civilians first: "مظاهرة … وأحرق المتظاهرون"
        near = [u for u in s.units if u.best.sector in PROTESTER_SECTORS
                and (0 < u.first - last <= PROTESTER_REACH or 0 < first - u.last <= PROTESTER_REACH)]
        inside = sorted(near, key=lambda u: (u.best.sector != "CVL", abs(u.first - first)))
    if not inside:
        return None
    actor = inside[0]
    found, _ = frame_pp(s, trig, actor.last + 1)
    if found is None:  # what they protest at or clash with: the next participant after them
        following = [u for u in s.units if actor.last < u.first <= actor.last + 12]
        governed = [u for u in following if s.unit_prep(u)]
        found = (governed or following or [None])[0]
    return Attribution(actor, found if found is not actor else None, ("the trigger names the participants",))
