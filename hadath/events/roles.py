"""Role finders behind :func:`hadath.events.attribution.attribute`: the actor and
recipient of a verb, a verbal noun or a protest, read off a :class:`~hadath.events.syntax.Scene`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hadath.events.lexicon import Trigger
from hadath.events.syntax import COMMAS, Phrase, Scene, bare

if TYPE_CHECKING:
    from hadath.events.attribution import Unit

__all__ = ["verb_roles", "noun_roles", "named_attacker_roles", "inna_topic", "frame_pp"]

# types whose events are not done by the speaker of the report they appear in
NO_SPEAKER_TYPES = frozenset({"ASSAULT"})
# prepositions of place and time that a recipient search reads past ("التقى X في موسكو بـY")
PASSING = frozenset({"في", "خلال", "منذ", "عند", "قرب", "داخل", "عبر", "امام", "لدي"})
INNA = frozenset({"ان", "بان", "لان"})  # إن/أن/بأن/لأن: their noun is the topic of the clause
# verbal conflict whose recipient may be the author of its object ("أدان هجوما شنته تركيا")
AUTHOR_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})
# types whose subject is not looked for across a comma ("…، ثم مظاهرة": protesters, not the clause's
# subject; measured: GSR PROTEST detection F1 0.485 with commas, 0.489 without)
CLOSE_SUBJECT_TYPES = frozenset({"PROTEST"})
# types whose verbal noun may be what someone receives ("حصلت على مساعدات من")
RECEIVED_TYPES = frozenset({"AID"})

Roles = tuple["Unit | None", "Unit | None", list[str]]


def before(s: Scene, start: int, commas: bool = False, limit: int = 14) -> Unit | None:
    """Nearest unit before token ``start`` within its clause, not governed by a preposition."""
    for unit in reversed([u for u in s.units if u.last < start]):
        if start - unit.last > limit:
            return None
        if any((s.is_break(i) and not (commas and s.tokens[i].norm in COMMAS)) or s.word(i) in s.speech
               for i in range(unit.last + 1, start)):
            return None
        if not s.unit_prep(unit):
            return s.group_of(unit) or unit
    return None


def subject_before(s: Scene, first: int) -> Unit | None:
    """A unit right before the verb, only light words ("قد", "أمس") between: SVO."""
    if bare(s.tokens[first]) != s.tokens[first].norm:
        return None  # "… موسكو وقبلت الحركة": a verb with و/ف opens a new clause
    i, adjective = first - 1, False
    while i >= 0 and i not in s.covered:
        if s.is_light(i):
            i -= 1
        elif not adjective and i < first - 0 and _adjective(s, i):
            i, adjective = i - 1, True  # "وحدة إسرائيلية خاصة اغتالت"
        else:
            return None
    unit = s.covered.get(i)
    return None if unit is None or s.unit_prep(unit) else unit


def _adjective(s: Scene, i: int) -> bool:
    """An uncoded word that may qualify the noun before it (no preposition, conjunction or break)."""
    return not (s.prep_word(i) or s.is_break(i) or s.is_quantity(i) or s.word(i) in s.speech
                or bare(s.tokens[i]) != s.tokens[i].norm
                or s.word(i) in s.frames.words["pronoun_complementizers"])


def speaker(s: Scene, start: int) -> Unit | None:
    """``قال X إن ...`` / ``X أعلن ... عزل``: the speaker of a report, when no other
    participant stands between the speaker and the trigger."""
    for i in range(start - 1, -1, -1):
        if s.word(i) in s.speech or s.tokens[i].stems[-1] in s.speech:
            after = [u for u in s.units if i < u.first < start]
            if after:
                return after[0] if after[0].first - i <= 2 and len(after) == 1 else None
            earlier = [u for u in s.units if u.last < i]
            return earlier[-1] if earlier and i - earlier[-1].last <= 3 else None
    return None


def quote_speaker(s: Scene, start: int) -> Unit | None:
    """Who says a first-person "نطالب" / "وقعنا": the reporting clause's subject, else the
    sentence's first participant not governed by a preposition."""
    found = speaker(s, start)
    if found is not None or s.inside_quote(start):
        return found
    return next((u for u in s.units if u.last < start and not s.unit_prep(u)), None)


def first_person(s: Scene, trig: Trigger, form: str) -> bool:
    """``نطالب`` (ن- for يطالب) or ``وقعنا`` (-نا after وقع) of the same lexicon entry."""
    def same(word: str) -> bool:
        return any(t.id == trig.id and t.type == trig.type for t in s.heads.get(word, ()))

    if form.startswith("ن") and len(form) > 3 and same("ي" + form[1:]):
        return True
    return form.endswith("نا") and len(form) > 4 and same(form[:-2])


def frame_pp(s: Scene, trig: Trigger, pos: int, limit: int = 12) -> tuple[Unit | None, str]:
    """The participant after the first preposition of ``trig``'s frame ("مع", "من", "على"...),
    reading past place/time phrases; any other preposition or a clause break ends the search."""
    preps = s.frames.preps_for(trig)
    i, adjunct = pos, False
    while i < min(len(s.tokens), pos + limit):
        if s.is_break(i) or s.word(i) in s.speech:
            return None, ""
        unit = s.starts.get(i)
        word = s.unit_prep(unit) if unit is not None else s.prep_word(i) or s.attached_prep(i)
        if word and word not in preps and len(word) == 1:
            word = ""  # "بالرئيس" outside the frame: a genitive or instrument, read on
        if word in preps and word:
            if unit is not None and s.tokens[i].norm != word:
                return unit, word
            glued = s.word(i) != word  # "برفض الانقلابيين": the preposition's noun is this token
            ph = s.phrase(i if glued else i + 1, construct=1, governed=True)
            return ph.unit, word
        if unit is not None and not word and adjunct and unit.best.kind != "GPE":
            return unit, "object after a place or time phrase"
        if unit is None and not word and s.words[i] != s.tokens[i].norm and not s.is_quantity(i) \
                and not (i > pos and s.prep_word(i - 1)):
            return None, ""  # "… وقتل 52 شخصا": a coordinated clause (not "عامين ونصف", "في فيينا")
        if word and word not in PASSING:
            return None, ""
        adjunct = adjunct or word in PASSING
        i = unit.last + 1 if unit is not None else i + 1
    return None, ""


def _is_attack_noun(s: Scene, i: int, genitive: str) -> bool:
    return genitive in s.attack(i)


def _agent_noun(s: Scene, i: int) -> bool:
    """An attack noun whose genitive is the attacker: "هجوم", "غارة", or the verbal noun spelt like
    an active verb of attack ("جراء قصف الميليشيات"; the caller checks that it reads as a noun)."""
    kinds = s.attack(i)
    return "subject" in kinds or ("verb" in kinds and "passive" not in kinds)


def _attack_agent(s: Scene, i: int) -> Unit | None:
    """The genitive or nisba right after an attack noun ("غارة أمريكية"), or its ل-phrase after
    at most two adjectives ("غارة جوية لقوات الحلف")."""
    for j in range(i + 1, min(len(s.tokens), i + 4)):
        unit = s.starts.get(j)
        if unit is not None:
            prep = s.unit_prep(unit)
            return unit if prep == "ل" or (prep == "" and j == i + 1) else None
        if not _adjective(s, j) or s.is_light(j):
            return None
    return None


def _subject_of(s: Scene, i: int) -> Unit | None:
    """The subject of the verb at ``i``: right before it, or after it."""
    return subject_before(s, i) or s.phrase(i + 1, construct=1).unit


def _marked_agent(s: Scene, last: int, stop: int) -> tuple[Unit | None, str]:
    """The agent named after token ``last`` (before ``stop``): "هجوم شنه مسلحون", "على يد X",
    "من قبل X", "نسب إلى X", or the attack that caused it ("قتل … في غارة لقوات الحلف")."""
    markers = s.cues.sets.get("agent_markers", frozenset())
    words = s.frames.words["agent_words"]
    for i in range(last + 1, min(len(s.tokens), stop)):
        w = s.word(i)
        if w in s.speech or w in s.cues.sets["complementizers"]:
            break
        if w in s.frames.words["attributed"]:  # "الهجوم الذي نسب إلى تنظيم داعش"
            j = i + 2 if i + 1 < len(s.tokens) and s.prep_word(i + 1) == s.word(i + 1) else i + 1
            ph = s.phrase(j, construct=1, governed=True)
            if ph.unit is not None:
                return ph.unit, "attributed to"
        marked = w in markers or s.tokens[i].stems[-1] in markers
        if marked or (w in words and s.word(i - 1) in ("علي", "من")):
            ph = s.phrase(i + 1, construct=1)
            if ph.unit is not None:
                return ph.unit, "agent after a passive/nominal marker"
        elif _agent_noun(s, i) and s.nominal(i) \
                and (unit := _attack_agent(s, i)) is not None:
            return unit, "agent of the attack that caused it"
    return None, ""


def agent_of(s: Scene, first: int, last: int) -> tuple[Unit | None, str]:
    """Who attacked, for a passive or nominal report of violence: named after the trigger (see
    :func:`_marked_agent`), or before it: the attack that caused the deaths ("أسفرت غارة أمريكية
    عن مقتل …", "الهجوم الذي نسب إلى داعش وأوقع 32 قتيلا"), who claimed it ("تبنت طالبان الهجوم"),
    the subject of the verb that carries it ("القوات أمرت بضربات")."""
    unit, reason = _marked_agent(s, last, last + 13)
    if unit is not None:
        return unit, reason
    for i in range(first - 1, max(-1, first - 15), -1):
        if s.is_break(i) and s.tokens[i].norm not in COMMAS:
            break
        if s.word(i) in s.frames.words["claims"]:
            ph = s.phrase(i + 1, construct=1)
            unit = ph.unit if ph.unit is not None and ph.unit.last < first else before(s, i)
            if unit is not None:
                return unit, "claimed the attack"
        if _is_attack_noun(s, i, "subject"):
            unit = _attack_agent(s, i) or _marked_agent(s, i, first)[0]
            if unit is not None:
                return unit, "agent of the attack that caused it"
        if (s.word(i) in s.frames.words["support_verbs"] or
                (_is_attack_verb(s, i) and "passive" not in s.attack(i))) \
                and (unit := _subject_of(s, i)) is not None and unit.last < first:
            return unit, "subject of the verb that carries the attack"
    return None, ""


def victims_of(s: Scene, first: int, last: int) -> Unit | None:
    """The victims of an attack: the deaths it caused ("غارة … أسفرت عن مقتل عشرة جنود"), what it
    targeted ("هجوم … استهدف دورية للجيش"), or who was exposed to it ("تعرضت القوات لهجوم")."""
    for i in range(last + 1, min(len(s.tokens), last + 13)):
        if s.word(i) in s.speech or s.word(i) in s.cues.sets["complementizers"]:
            break
        if _is_attack_noun(s, i, "object") or _is_attack_verb(s, i) \
                or s.word(i) in s.frames.words["targeting"]:
            unit = s.phrase(i + 1, construct=2).unit
            if unit is not None:
                return unit
    for i in range(first - 1, max(-1, first - 11), -1):
        if s.is_break(i) and s.tokens[i].norm not in COMMAS:
            break
        if s.word(i) in s.frames.words["exposure"] and i >= first - 3:
            return s.phrase(i + 1).unit or before(s, i, commas=True)
        if _is_attack_noun(s, i, "object") or "passive" in s.attack(i):
            # "قتل خمسة مدنيين في غارة …": the victims of the killing the attack caused
            unit = s.phrase(i + 1, construct=1).unit or before(s, i, limit=5)
            if unit is not None and unit.last < first:
                return unit
    return None


def _is_attack_verb(s: Scene, i: int) -> bool:
    return "verb" in s.attack(i)


def coordinated(s: Scene, trig: Trigger, actor: Unit | None, recipient: Unit | None) -> tuple:
    """Both sides of a meeting or deal: "A و B تجريان محادثات", "وقعت A و B اتفاقا"."""
    if trig.type not in s.frames.symmetric or trig.type == "ASSAULT" or actor is None \
            or recipient is not None:
        return actor, recipient
    nxt = s.starts.get(actor.last + 1)
    if nxt is not None and s.tokens[nxt.first].norm.startswith("و") and not s.unit_prep(nxt):
        return actor, nxt
    prev = s.covered.get(actor.first - 1)
    if prev is not None and s.tokens[actor.first].norm.startswith("و") and not s.unit_prep(prev):
        return prev, actor
    return actor, recipient


def _between(s: Scene, trig: Trigger, actor: Unit | None, found: Unit, why: list[str]) -> Roles:
    """``بين A و B``: A and B are the two sides."""
    other = s.starts.get(found.last + 1)
    if actor is None and other is not None and s.tokens[other.first].norm.startswith("و"):
        why.append("the two sides after بين")
        return found, other, why
    return actor, found, why


def _recipient(s: Scene, trig: Trigger, actor: Unit | None, pos: int, why: list[str],
               first: int | None = None) -> Roles:
    """Recipient after a preposition of the frame, else the victims an attack caused."""
    found, prep = frame_pp(s, trig, pos)
    if found is not None:
        if prep == "بين":
            return _between(s, trig, actor, found, why)
        why.append(f"recipient after '{prep}'")
        return actor, found, why
    if trig.type == "ASSAULT":
        first = pos - 1 if first is None else first
        victims = victims_of(s, first, pos - 1)
        if victims is not None:
            why.append("victims of the attack")
            return actor, victims, why
    return actor, None, why


def _fallback(s: Scene, trig: Trigger, first: int, last: int, why: list[str]) -> Unit | None:
    if trig.type in NO_SPEAKER_TYPES:
        unit, reason = agent_of(s, first, last)
        why.append(reason or "no agent found")
        return unit
    unit = before(s, first, commas=trig.type not in CLOSE_SUBJECT_TYPES)
    if unit is not None:
        why.append("subject earlier in the clause")
        return unit
    unit = speaker(s, first)
    why.append("speaker of the report" if unit else "no subject near trigger")
    return unit


def inna_topic(s: Scene, first: int, limit: int = 10) -> Unit | None:
    """The noun after إن/أن that a later verb of its clause takes as subject: "قال إن انتحاريا
    يقود سيارة مفخخة فجر نفسه" (commas allowed, no other participant or clause break between)."""
    for i in range(first - 1, max(-1, first - 1 - limit), -1):
        unit = s.covered.get(i)
        if unit is not None:
            j = unit.first - 1
            if j > 0 and s.tokens[j].norm in ("«", '"', "“"):
                j -= 1
            return unit if j >= 0 and s.word(j) in INNA and not s.unit_prep(unit) else None
        if (s.is_break(i) and s.tokens[i].norm not in COMMAS) or s.word(i) in s.speech:
            return None
    return None


def _verb_subject(s: Scene, trig: Trigger, first: int, last: int, form: str, suffix: str,
                  why: list[str]) -> tuple[Unit | None, int, bool]:
    """The verb's subject, the last token read for it, and whether the text names one."""
    if suffix in s.frames.words["first_person_suffixes"] or first_person(s, trig, form):
        why.append("first-person verb: the speaker of the quote")
        return quote_speaker(s, first), last, True
    prev = s.word(first - 1) if first > 0 else ""
    if prev in s.frames.words["relatives"] and not suffix and (unit := s.covered.get(first - 2)) is not None:
        why.append("subject is the antecedent of the relative clause")  # "جون كيري الذي يزور قطر"
        return unit, last, True
    if prev in s.frames.words["pronoun_complementizers"]:
        why.append("pronoun subject after أن: the speaker")  # "قال الحلف إنه قتل …"
        return quote_speaker(s, first - 1), last, True  # "أعلنت القيادة … إلا أنها أكدت أنها سترد"
    if prev == "ان" and (unit := s.covered.get(first - 2)) is not None and not s.unit_prep(unit):
        why.append("subject of the verb that governs أن")  # "يعتزم نتنياهو أن يضغط على …"
        return unit, last, True
    actor = subject_before(s, first)
    if actor is not None:
        why.append("subject right before the verb")
        return actor, last, True
    j = last + 1
    while j < len(s.tokens) and s.is_light(j):
        j += 1
    if j < len(s.tokens) and s.accusative(j):
        why.append("accusative noun after the verb: its object, the subject is a pronoun")
        return None, last, False
    ph = s.phrase(last + 1)
    if ph.unit is None and (topic := inna_topic(s, first)) is not None:
        why.append("subject named after إن/أن earlier in the clause")  # "إن انتحاريا يقود سيارة فجر"
        return topic, last, True
    explicit = ph.stop in ("unit", "definite")
    why.append("subject after the verb" if ph.unit else
               "uncoded subject after the verb" if explicit else "no subject after the verb")
    return ph.unit, ph.end if ph.stop in ("unit", "definite", "noun") else last, explicit


def verb_roles(s: Scene, trig: Trigger, first: int, last: int, form: str, suffix: str) -> Roles:
    why: list[str] = []
    if not suffix and s.nominal(first) and (source := s.source_after(trig, last)) is not None:
        why.append("a verbal noun: the participant after من is its source")  # "على طلب من مصر"
        return _recipient(s, trig, source, source.last + 1, why, first)
    actor, end, explicit = _verb_subject(s, trig, first, last, form, suffix, why)
    obj = Phrase(None, end, "pronoun") if suffix else s.phrase(end + 1)
    if obj.stop == "break" and actor is not None and actor.first > last:
        obj = s.aside_object(end + 1) or obj  # "التقى X، أمس، Y"
    if trig.genitive == "object" and not suffix and (obj.stop not in ("unit", "noun", "definite")
                                                     or s.counted_after(last, actor)):
        # "قتل ضابط في انفجار", "22 مسلحا قتلوا بانفجار": no object, so passive; "قتل 15 متمردا":
        # a counted noun after the verb is who suffered it, whether the verb is read passive or not
        patient = actor if actor is not None else before(s, first, commas=True)
        why.append("no object: passive, its noun phrase is the recipient")
        agent, reason = agent_of(s, first, last) if trig.type == "ASSAULT" else (None, "")
        if reason:
            why.append(reason)
        return agent, patient, why
    if actor is None and not explicit:
        actor = _fallback(s, trig, first, last, why)
    if obj.unit is not None:
        why.append("direct object")
        return (*coordinated(s, trig, actor, obj.unit)[:1], obj.unit, why)
    pos = (obj.end if obj.stop in ("noun", "definite") else end) + 1
    actor, recipient, why = _recipient(s, trig, actor, pos, why, first)
    if recipient is None and obj.stop in ("noun", "definite", "prep") and trig.type in AUTHOR_TYPES \
            and (author := s.author_after(obj.end + 1)) is not None and author is not actor:
        why.append("recipient: the author of what the verb condemns or rejects")
        return actor, author, why
    return (*coordinated(s, trig, actor, recipient), why)


def _object_noun_roles(s: Scene, trig: Trigger, first: int, last: int, suffix: str) -> Roles:
    """A verbal noun whose genitive is its object ("مقتل عشرة جنود", "إدانة الهجوم")."""
    why: list[str] = []
    ph = s.phrase(last + 1, construct=1)
    recipient = None if suffix else ph.unit
    why.append("genitive is the object" if recipient else "no object after the noun")
    if recipient is None and not suffix and trig.type in AUTHOR_TYPES \
            and (recipient := s.author_after(ph.end + 1)) is not None:
        why.append("recipient: the author of what the noun condemns or rejects")
    if recipient is None and not suffix and trig.type in NO_SPEAKER_TYPES \
            and (near := before(s, first, limit=5)) is not None:
        recipient = near
        why.append("the wounded or killed named just before")
    actor = _fallback(s, trig, first, last, why)
    return actor, recipient, why


def received(s: Scene, trig: Trigger, first: int) -> Roles | None:
    """Aid named as what someone receives ("حصلت X على مساعدات من Y", "تلقى X دعما عسكريا من Y"):
    the receiver is the subject of the verb of receiving, the giver follows من."""
    if trig.type not in RECEIVED_TYPES:
        return None
    verb = None
    for i in range(first - 1, max(-1, first - 9), -1):
        if s.is_break(i):
            return None
        if s.word(i) in s.frames.words["receive_verbs"]:
            verb = i
            break
    if verb is None:
        return None
    taker = subject_before(s, verb) or s.phrase(verb + 1, construct=1).unit \
        or next((u for u in s.units if u.last < verb and not s.unit_prep(u)), None)  # "… وحصلوا على"
    giver = None
    for i in range(first + 1, min(len(s.tokens), first + 10)):
        if s.is_break(i) and s.tokens[i].norm not in COMMAS:
            break
        unit = s.starts.get(i)
        if unit is not None and s.unit_prep(unit) == "من":
            giver = unit
            break
    if taker is None and giver is None:
        return None
    return giver, taker, ["aid received: the receiver is the subject of the verb, the giver after من"]


def noun_roles(s: Scene, trig: Trigger, first: int, last: int, suffix: str) -> Roles:
    if trig.genitive == "object":
        return _object_noun_roles(s, trig, first, last, suffix)
    if (got := received(s, trig, first)) is not None:
        return got
    why: list[str] = []
    if suffix in s.frames.words["first_person_suffixes"]:
        actor = quote_speaker(s, first)
        why.append("first-person pronoun: the speaker of the quote")
    elif s.word(first) in s.frames.words["participles"]:
        actor = before(s, first, commas=True) or quote_speaker(s, first)
        why.append("participle: the actor is the sentence's subject")
        obj = s.phrase(last + 1)
        if obj.unit is not None:
            why.append("direct object of the participle")
            return actor, obj.unit, why
    elif suffix:
        actor = before(s, first, commas=True) or speaker(s, first)
        why.append("attached pronoun: the actor is its antecedent")
        obj = s.phrase(last + 1)
        if obj.unit is not None:
            why.append("direct object of the verbal noun")
            return actor, obj.unit, why
    else:
        ph = s.phrase(last + 1, construct=1)
        if ph.unit is not None and ph.unit.first > last + 1 and s.words[first].startswith("ال"):
            ph = Phrase(None, last, "definite")  # "استهدفت الغارات تجمعا للحوثيين": no idafa after ال
        actor = ph.unit or _lam_genitive(s, trig, last) or _relative_subject(s, last) \
            or s.source_after(trig, last) \
            or (s.author_after(last + 1, limit=3) if trig.type == "ASSAULT" else None)
        if actor is not None and actor is ph.unit and "visit" in trig.mode and _place(actor):
            why.append("the genitive of a visit is the place visited")  # "زيارة العراق"
            return _fallback(s, trig, first, last, why), actor, why
        if actor is not None:
            why.append("genitive or relative clause names the actor")
            if actor is ph.unit and (obj := s.phrase(ph.end + 1, construct=1)).unit is not None:
                why.append("object after the genitive")  # "رفض الانقلابيين لقاء وفد …"
                return actor, obj.unit, why
            actor, recipient, why = _recipient(s, trig, actor, max(last, actor.last) + 1, why, first)
            if recipient is None and trig.type in AUTHOR_TYPES \
                    and (author := s.author_after(max(last, actor.last) + 1, limit=10)) is not None:
                why.append("recipient: the author of what the noun condemns or rejects")
                recipient = author  # "الرفض المتكرر من الميليشيات لإعلان الهدنات التي دعت لها قيادة التحالف"
            return actor, recipient, why
        actor = _fallback(s, trig, first, last, why)
    actor, recipient, why = _recipient(s, trig, actor, last + 1, why, first)
    return (*coordinated(s, trig, actor, recipient), why)


def _place(unit: Unit) -> bool:
    """A country or a capital named by one word ("العراق", "الرياض"), not a person or body."""
    best = unit.best
    return best.kind == "GPE" and (best.sector is None or unit.first == unit.last)


def _lam_genitive(s: Scene, trig: Trigger, last: int) -> Unit | None:
    """"غارة جوية لقوات الحلف": a ل-phrase is the genitive when ل does not introduce the recipient."""
    if "ل" in s.frames.preps_for(trig):
        return None
    for j in range(last + 1, min(len(s.tokens), last + 3)):
        unit = s.starts.get(j)
        if unit is not None:
            return unit if s.unit_prep(unit) == "ل" else None
        if s.is_break(j) or s.prep_word(j):
            return None
    return None


def _relative_subject(s: Scene, last: int) -> Unit | None:
    """"الزيارة التي تقوم بها موغيريني", "الهجوم الذي نفذته خلية": the relative clause's subject."""
    i = last + 1
    while i < len(s.tokens) and i not in s.covered and s.has_article(i) and not s.is_break(i):
        i += 1  # adjectives
    if i + 2 >= len(s.tokens) or s.word(i) not in s.frames.words["relatives"]:
        return None
    j = i + 2 if s.tokens[i + 2].norm not in ("بها", "به", "بهم") else i + 3  # "تقوم بها"
    return s.phrase(j, construct=1).unit


def named_attacker_roles(s: Scene, trig: Trigger, first: int, named: Unit) -> Roles:
    """An attack whose trigger is inside a participant ("إن انتحاريا فجر نفسه قرب …"): that
    participant did it; the victims come after it."""
    why = ["the trigger names the attacker"]
    return _recipient(s, trig, named, named.last + 1, why, first)
