"""Who did it to whom: actor and recipient from the coded actors of a sentence.

Actors that touch or nest form one *unit* ("وزير الخارجية الأمريكي أنتوني
بلينكن"); the unit is represented by its most specific actor.  Verbs take the
subject after them (VSO) or before them in the same clause (SVO); verbal nouns
take their genitive (``زيارة X``) as actor, or as recipient for nouns whose
genitive is the object (``عزل الرئيس``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hadath.events.lexicon import Cues, Trigger
from hadath.model import Actor, Token

__all__ = ["Unit", "units_of", "attribute", "Attribution", "PARTICIPANT_TYPES"]

# types whose trigger words may themselves name the actor ("المتظاهرون", "المحتجين")
PARTICIPANT_TYPES = frozenset({"PROTEST"})
# sectors of the people who protest, found near a protest verb ("خرج مئات من المتظاهرين")
PROTESTER_SECTORS = frozenset({"CVL", "OPP", "EDU", "LAB", "REL", "PTY", "REF", "AGR", "MED", "JRN"})
# types whose events are not done by the speaker of the report they appear in
NO_SPEAKER_TYPES = frozenset({"ASSAULT"})


@dataclass(frozen=True)
class Unit:
    """Adjacent actors treated as one participant; ``first``/``last`` are token indexes."""

    actors: tuple[Actor, ...]
    first: int
    last: int

    @property
    def best(self) -> Actor:
        return max(self.actors, key=lambda a: (a.code is not None, a.sector is not None, a.end - a.start))


@dataclass(frozen=True)
class Attribution:
    actor: Unit | None
    recipient: Unit | None
    reasons: tuple[str, ...]


def _token_index(tokens: Sequence[Token], pos: int) -> int:
    for i, tok in enumerate(tokens):
        if tok.end > pos:
            return i
    return len(tokens) - 1


def _compatible(group: Sequence[Actor], actor: Actor) -> bool:
    """Touching actors are one participant unless both are coded differently:
    "التقى وزير الخارجية السعودي نظيره الإيراني" is subject then object (VSO)."""
    if actor.code is None:
        return True
    return all(a.code is None or (a.code, a.sector) == (actor.code, actor.sector) for a in group)


def units_of(actors: Sequence[Actor], tokens: Sequence[Token], text: str, offset: int) -> list[Unit]:
    """Group actors whose spans overlap or are separated only by spaces/commas."""
    units: list[list[Actor]] = []
    for actor in sorted(actors, key=lambda a: (a.start, -a.end)):
        if units:
            end = max(a.end for a in units[-1])
            gap = text[end - offset : actor.start - offset] if actor.start > end else ""
            if actor.start <= end or (not gap.strip(" ،,") and _compatible(units[-1], actor)):
                units[-1].append(actor)
                continue
        units.append([actor])
    out = []
    for group in units:
        first = _token_index(tokens, min(a.start for a in group))
        last = _token_index(tokens, max(a.end for a in group) - 1)
        out.append(Unit(tuple(group), first, last))
    return out


def _has_prep(tok: Token, cues: Cues) -> bool:
    return tok.norm in cues.sets["recipient_preps"]


def _attached_prep(unit: Unit, tokens: Sequence[Token]) -> bool:
    """The unit's first word carries ب/ل outside the actor span ("لنيامي", "بالرئيس")."""
    tok = tokens[unit.first]
    start = min(a.start for a in unit.actors)
    prefix = tok.text[: max(0, start - tok.start)]
    return any(c in prefix for c in "بلك")


def _breaks(tokens: Sequence[Token], lo: int, hi: int, cues: Cues) -> bool:
    stops = cues.sets["clause_breaks"] | cues.sets["complementizers"] | cues.sets["subject_stop_verbs"]
    return any(t.norm in stops or t.stems[-1] in stops for t in tokens[lo:hi])


def _before(units: list[Unit], start: int, tokens: Sequence[Token], cues: Cues) -> Unit | None:
    """Nearest unit before token ``start`` within its clause (SVO subject)."""
    for unit in reversed([u for u in units if u.last < start]):
        if start - unit.last > 14 or _breaks(tokens, unit.last + 1, start, cues):
            return None
        if unit.first > 0 and _has_prep(tokens[unit.first - 1], cues) and tokens[unit.first - 1].norm != "و":
            continue
        return unit
    return None


def _speaker(units: list[Unit], start: int, tokens: Sequence[Token], cues: Cues) -> Unit | None:
    """``قال X إن ...`` / ``X أعلن ... عزل``: the speaker of a report, when no
    other participant stands between the speaker and the trigger."""
    speech = cues.sets["subject_stop_verbs"]
    for i in range(start - 1, -1, -1):
        if tokens[i].norm in speech or tokens[i].stems[-1] in speech:
            after = [u for u in units if i < u.first < start]
            if after:
                return after[0] if after[0].first - i <= 2 and len(after) == 1 else None
            before = [u for u in units if u.last < i]
            return before[-1] if before and i - before[-1].last <= 3 else None
    return None


def _after(units: list[Unit], start: int, limit: int = 12, skip: Unit | None = None) -> list[Unit]:
    return [u for u in units if start <= u.first <= start + limit and u is not skip]


def _recipient_after(following: list[Unit], actor: Unit | None, tokens: Sequence[Token],
                     cues: Cues) -> Unit | None:
    rest = [u for u in following if u is not actor and (actor is None or u.first > actor.last)]
    with_prep = [u for u in rest if u.first > 0 and _has_prep(tokens[u.first - 1], cues)
                 or _attached_prep(u, tokens)]
    return (with_prep or rest or [None])[0]


def _distinct(actor: Unit | None, recipient: Unit | None) -> Unit | None:
    """The recipient, unless it is coded exactly like the actor."""
    if recipient is not None and actor is not None and recipient.best.code == actor.best.code \
            and recipient.best.sector == actor.best.sector:
        return None
    return recipient


def _agent(units: list[Unit], last: int, tokens: Sequence[Token], cues: Cues) -> Unit | None:
    """The agent of a passive or nominal attack: "هجوم شنه مسلحون", "على أيدي مسلحين"."""
    markers = cues.sets.get("agent_markers", frozenset())
    for i in range(last + 1, min(len(tokens), last + 13)):
        if tokens[i].norm in markers or tokens[i].stems[-1] in markers:
            after = [u for u in units if i < u.first <= i + 3]
            if after:
                return after[0]
    return None


def attribute(trig: Trigger, first: int, last: int, tokens: Sequence[Token],
              units: list[Unit], cues: Cues) -> Attribution:
    """Actor and recipient units for a trigger spanning tokens ``first..last``."""
    inside = [u for u in units if u.first <= last and u.last >= first]
    if trig.type in PARTICIPANT_TYPES and not inside:  # "خرج مئات من المتظاهرين"
        inside = [u for u in units if 0 < u.first - last <= 6 and u.best.sector in PROTESTER_SECTORS]
    if trig.type in PARTICIPANT_TYPES and inside:  # "احتشد المتظاهرون": the trigger names the actor
        actor = inside[0]
        recipient = _recipient_after(_after(units, actor.last + 1), actor, tokens, cues)
        return Attribution(actor, _distinct(actor, recipient), ("the trigger names the participants",))
    reasons: list[str] = []
    following = _after(units, last + 1)
    close = [u for u in following if u.first - last <= 3 and not _attached_prep(u, tokens)
             and not (u.first > 0 and tokens[u.first - 1].norm in cues.sets["recipient_preps"])]
    actor = recipient = None
    just_before = [u for u in units if u.last == first - 1 and not _attached_prep(u, tokens)]
    # a report of violence names its source ("أعلنت الشرطة مقتل ..."), not the attacker
    reporter = trig.type not in NO_SPEAKER_TYPES
    agent = _agent(units, last, tokens, cues) if trig.type in NO_SPEAKER_TYPES else None
    if trig.pos == "verb" and just_before and close:  # SVO: "A التقى B"
        actor, recipient = just_before[0], close[0]
        reasons.append("subject right before the verb, object after")
    elif agent is not None:
        actor = agent
        recipient = close[0] if close and close[0] is not agent and trig.genitive == "object" else None
        reasons.append("agent after a passive/nominal marker")
    elif trig.pos == "noun" and trig.genitive == "object":
        recipient = close[0] if close else None
        actor = (_before(units, first, tokens, cues) or _speaker(units, first, tokens, cues)) if reporter \
            else None
        reasons.append("genitive is the object")
    elif close:
        actor = close[0]
        reasons.append("subject/genitive after trigger")
    else:  # a noun reporting violence does not take the clause subject before it as agent
        actor = _before(units, first, tokens, cues) if reporter or trig.pos == "verb" else None
        reasons.append("subject before trigger" if actor else "no subject near trigger")
        if actor is None and reporter:
            actor = _speaker(units, first, tokens, cues)
            if actor:
                reasons.append("speaker of the report")
    if recipient is None:
        recipient = _recipient_after(following, actor, tokens, cues)
        if recipient is not None:
            reasons.append("recipient after trigger")
    return Attribution(actor, _distinct(actor, recipient), tuple(reasons))
