"""Just enough Arabic clause syntax to find who did what to whom, without a parser.

A :class:`Scene` wraps one sentence's tokens and actor units and answers the
questions attribution asks: is this token a preposition, a light word (time,
manner, honorific) that may stand between a verb and its subject, a quantity
before a counted participant ("مقتل 3 من ..."), a clause break?  It also reads
noun phrases: :meth:`Scene.phrase` walks from a position over light words,
quantities and construct heads ("رئاسة إقليم كردستان العراق") to the unit the
phrase names, or says why it stopped.  Function words and per-type argument
frames are data (``hadath/data/lexicons/attribution/frames.yaml``).

>>> from hadath.arabic.tokens import tokenize
>>> frames = load_frames()
>>> pronoun_suffix(tokenize("لقاءه")[0], "لقاء", frames)
'ه'
>>> pronoun_suffix(tokenize("زيارته")[0], "زياره", frames)
'ه'
>>> pronoun_suffix(tokenize("الزيارة")[0], "زياره", frames)
''
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from hadath.arabic.normalize import normalize
from hadath.events.lexicon import LEXICON_DIR, Cues, Trigger
from hadath.model import Token

if TYPE_CHECKING:
    from hadath.events.attribution import Unit

__all__ = ["Frames", "load_frames", "Scene", "Phrase", "pronoun_suffix", "bare", "COMMAS"]

FRAMES_PATH = Path(str(resources.files("hadath") / "data" / "lexicons" / "attribution" / "frames.yaml"))
_QUOTES = frozenset({"«", "»", '"', "“", "”"})
COMMAS = ("،", ",")
# types whose verbal noun takes its actor after من when it has no genitive ("بطلب من مصر")
SOURCE_TYPES = frozenset({"REQUEST", "REJECT", "THREATEN"})
# sectors of people named only generically ("مسلحين", "أشخاص"): a group named after من is who they are
GENERIC_SECTORS = frozenset({"UAF", "CVL"})
_WORD_SETS = ("belonging", "membership", "prepositions", "light", "titles", "quantifiers", "agent_words",
              "attributed", "claims", "exposure", "support_verbs", "pronoun_complementizers", "breaks",
              "participles", "speech", "relatives", "pronoun_suffixes", "first_person_suffixes",
              "demonstratives", "anaphoric_nouns", "targeting", "waw_initial", "openers", "receive_verbs")


@dataclass(frozen=True)
class Frames:
    """Function words and recipient prepositions (per PLOVER type, or per trigger entry)."""

    words: dict[str, frozenset[str]]
    recipient_preps: dict[str, frozenset[str]]
    by_trigger: dict[tuple[str, str], frozenset[str]]
    symmetric: frozenset[str]

    def preps_for(self, trig: Trigger) -> frozenset[str]:
        """The prepositions that introduce ``trig``'s recipient: the lexicon entry's own
        ``recipient_preps`` when it lists them, else its type's default."""
        own = self.by_trigger.get((trig.type, trig.id))
        return own if own is not None else self.recipient_preps.get(trig.type, frozenset())


def _norm_set(words) -> frozenset[str]:
    return frozenset(normalize(str(w)) for w in words or ())


def _entry_frames(base: Path) -> dict[tuple[str, str], frozenset[str]]:
    """``recipient_preps`` listed on trigger entries of the event lexicons (optional field)."""
    out: dict[tuple[str, str], frozenset[str]] = {}
    for path in sorted(base.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "entries" not in data:
            continue
        for entry in data["entries"]:
            if "recipient_preps" in entry:
                out[(data["type"], entry["id"])] = _norm_set(entry["recipient_preps"])
    return out


@lru_cache(maxsize=1)
def load_frames(path: Path = FRAMES_PATH, lexicon_dir: Path = LEXICON_DIR) -> Frames:
    """The bundled frames, read once."""
    if not path.exists():
        raise FileNotFoundError(f"missing attribution frames {path}; restore it from the repository")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = {name: _norm_set(data.get(name)) for name in _WORD_SETS}
    preps = {kind: _norm_set(ws) for kind, ws in (data.get("recipient_preps") or {}).items()}
    return Frames(words, preps, _entry_frames(lexicon_dir), frozenset(data.get("symmetric") or ()))


def bare(tok: Token) -> str:
    """The token without a leading conjunction و/ف when the rest is one of its stems; a
    common word that itself begins with و (``waw_initial`` in the frames) keeps it.

    >>> from hadath.arabic.tokens import tokenize
    >>> [bare(t) for t in tokenize("وزير وفد ووزير وقال")]
    ['وزير', 'وفد', 'وزير', 'قال']
    """
    n = tok.norm
    if n[:1] not in "وف" or len(n) <= 2 or n[1:] not in tok.stems:
        return n
    return n if n[:1] == "و" and n in load_frames().words["waw_initial"] else n[1:]


def pronoun_suffix(tok: Token, form: str, frames: Frames) -> str:
    """The attached pronoun after the trigger ``form`` in ``tok`` ("" when none)."""
    n = tok.norm
    suffixes = frames.words["pronoun_suffixes"] | frames.words["first_person_suffixes"]
    for base in (form, form[:-1] + "ت" if form.endswith("ه") else ""):
        if base and n.endswith(base):
            return ""
        i = n.rfind(base) if base else -1
        if i >= 0 and n[i + len(base):] in suffixes:
            return n[i + len(base):]
    return ""


_SETS: dict[int, tuple] = {}


def _word_sets(cues: Cues, frames: Frames) -> tuple[frozenset[str], ...]:
    """Light words, quantities, clause breaks and speech verbs from the cues and frames (cached)."""
    key = id(cues) ^ id(frames)
    hit = _SETS.get(key)
    if hit is not None and hit[0] is cues and hit[1] is frames:
        return hit[2]
    w = frames.words
    sets = (w["light"] | frozenset(cues.relative_days) | frozenset(cues.weekdays) | frozenset(cues.months),
            w["quantifiers"] | frozenset(cues.numbers),
            cues.sets["clause_breaks"] | cues.sets["complementizers"] | w["relatives"] | w["breaks"],
            cues.sets["subject_stop_verbs"] | w["speech"])
    _SETS[key] = (cues, frames, sets)
    return sets


@dataclass(frozen=True)
class Phrase:
    """What :meth:`Scene.phrase` found: a unit (or none), the last token read, and why it stopped."""

    unit: Unit | None
    end: int
    stop: str  # "unit" | "definite" / "noun" (an uncoded noun phrase with / without the article)
    #            | "prep" | "break" | "end"


class Scene:
    """One sentence: tokens, actor units and the word sets attribution needs."""

    _last: Scene | None = None  # the scene of the sentence coded last (its triggers share it)

    def __init__(self, tokens: Sequence[Token], units: Sequence[Unit], cues: Cues, frames: Frames,
                 heads: Mapping[str, list[Trigger]] | None = None):
        self.tokens, self.units, self.cues, self.frames = tokens, list(units), cues, frames
        self.heads = heads or {}
        self._key = (tokens, units, cues, frames, heads)
        self.starts = {u.first: u for u in self.units}
        self.covered = {i: u for u in self.units for i in range(u.first, u.last + 1)}
        self.words = [bare(t) for t in tokens]
        self.light, self.quantity, self.breaks, self.speech = _word_sets(cues, frames)
        self._attack: dict[int, frozenset[str]] = {}

    @classmethod
    def of(cls, tokens: Sequence[Token], units: Sequence[Unit], cues: Cues, frames: Frames,
           heads: Mapping[str, list[Trigger]] | None = None) -> Scene:
        """The scene for these tokens and units, reused across the triggers of one sentence."""
        last, key = cls._last, (tokens, units, cues, frames, heads)
        if last is not None and all(a is b for a, b in zip(last._key, key, strict=True)):
            return last
        cls._last = scene = cls(tokens, units, cues, frames, heads)
        return scene

    def attack(self, i: int) -> frozenset[str]:
        """How token ``i`` can name an attack: "subject" (a verbal noun whose genitive is the
        attacker: هجوم، غارة), "object" (one whose genitive is the victim: مقتل، إصابة), "verb",
        and "passive" for a verb of killing or abduction (قتل، خطف) that news often reads passive."""
        found = self._attack.get(i)
        if found is None:
            kinds = set()
            for stem in self.tokens[i].stems:
                for t in self.heads.get(stem, ()):
                    if t.type == "ASSAULT" and len(t.words) == 1:
                        kinds.add("verb" if t.pos == "verb" else t.genitive)
                        if t.pos == "verb" and t.genitive == "object":
                            kinds.add("passive")  # قتل، اغتال، خطف: often read passive
            found = self._attack[i] = frozenset(kinds)
        return found

    def word(self, i: int) -> str:
        return self.words[i]

    def is_light(self, i: int) -> bool:
        return self.word(i) in self.light

    def is_quantity(self, i: int) -> bool:
        w = self.word(i)
        return w in self.quantity or any(ch.isdigit() for ch in w)

    def is_break(self, i: int) -> bool:
        tok = self.tokens[i]
        return tok.norm in self.breaks or self.word(i) in self.breaks or tok.norm in ("«", "»", '"', "(", ")")

    def prep_word(self, i: int) -> str:
        """The preposition token ``i`` is or starts with (بال-/لل- only before the article)."""
        w = self.word(i)
        if w in self.frames.words["prepositions"]:
            return w
        if w.startswith("بال") or w.startswith("كال"):
            return w[0]
        return "ل" if w.startswith("لل") else ""

    def unit_prep(self, unit: Unit) -> str:
        """The preposition that governs ``unit``: attached to its first word ("لموسكو") or the
        word before it ("مع نظيره"); the partitive من after a quantity does not count."""
        tok = self.tokens[unit.first]
        start = min(a.start for a in unit.actors)
        prefix = tok.text[: max(0, start - tok.start)]
        letter = next((c for c in "بلك" if c in prefix), "")
        if letter or unit.first == 0:
            return letter
        j = unit.first - 1
        word = self.prep_word(j)
        return "" if word == "من" and j > 0 and self.is_quantity(j - 1) else word

    def attached_prep(self, i: int) -> str:
        """ب/ل glued to a verbal noun of the lexicon ("برفض", "لزيارة"), else ""."""
        n = bare(self.tokens[i])
        return n[0] if n[:1] in ("ب", "ل") and n[1:] in self.tokens[i].stems and n[1:] in self.heads else ""

    def _glued_prep(self, i: int) -> bool:
        """ب/ل glued to a noun of four letters or more ("لمواقع", "لقوات"), read from the stems."""
        n = bare(self.tokens[i])
        return n[:1] in ("ب", "ل") and len(n) >= 5 and n[1:] in self.tokens[i].stems

    def has_article(self, i: int) -> bool:
        return any(s.startswith("ال") for s in self.tokens[i].stems)

    def phrase(self, pos: int, limit: int = 8, construct: int = 3, governed: bool = False) -> Phrase:
        """The noun phrase starting at ``pos``: skip light words, quantities ("خمسة من") and up to
        ``construct`` construct heads (nouns without the article, "رئاسة إقليم"), then the unit
        there.  A definite uncoded noun ends the phrase ("البيان"), unless a nisba unit follows
        it ("الطائرات الإسرائيلية").  A word with the conjunction و/ف starts a new phrase; with
        ``governed`` the unit at ``pos`` may carry a preposition (the caller read it)."""
        i, heads = pos, 0
        while i < len(self.tokens) and i < pos + limit:
            unit = self.covered.get(i)
            if unit is not None:
                if unit.first == i and self.unit_prep(unit) and not (governed and i == pos):
                    return Phrase(None, i - 1, "prep")
                body = self.group_of(unit)  # "ضابطي صف في قوة الدرك", "شخصا ينتمون لتنظيم داعش"
                return Phrase(body or unit, self.coordinated_end(body or unit), "unit")
            if self.word(i) in ("قبل", "بعد") and i + 1 < len(self.tokens) and self.is_light(i + 1):
                i += 2  # "قبل ظهر أمس"
                continue
            if self.tokens[i].norm in _QUOTES and i + 1 in self.starts:
                i += 1  # "اتهم X «الدولة التركية» بـ"
                continue
            if self.is_break(i) or self.word(i) in self.speech:
                return Phrase(None, i - 1, "noun" if heads else "break")
            if self.is_light(i) or self.is_quantity(i) or self._partitive(i, pos):
                i += 1
                continue
            if (self.prep_word(i) or self._glued_prep(i)) and not (governed and i == pos):
                member = self.starts.get(i + 1)  # "ناشطا في كتائب الأقصى", "عنصرين من حزب الله"
                if heads and member is not None and self.word(i) in ("في", "من"):
                    return Phrase(member, self.coordinated_end(member), "unit")
                return Phrase(None, i - 1, "noun" if heads else "prep")
            if bare(self.tokens[i]) != self.tokens[i].norm:
                return Phrase(None, i - 1, "noun" if heads else "break")
            if self.has_article(i):
                nxt = self.starts.get(i + 1)
                if nxt is not None and not self.unit_prep(nxt) and self._nisba(nxt):
                    return Phrase(nxt, nxt.last, "unit")
                return self._definite(i)
            heads += 1
            if heads > construct:
                return Phrase(None, i, "noun")
            owner = self._owner(i + 1)  # "دورية للجيش الأمريكي", "مواقع تابعة لمنظمة …": the owner
            if owner is not None:
                return Phrase(owner, self.coordinated_end(owner), "unit")
            i += 1
        return Phrase(None, i - 1, "end")

    def _definite(self, i: int) -> Phrase:
        """An uncoded definite noun at ``i`` and its adjectives; the participant it stands for when
        one follows as apposition ("البلد الجار باكستان") or names the body it is part of
        ("المشرعين في الكونغرس"; not a place: "الوضع في سوريا")."""
        end = self._adjectives(i)
        j = end + 1
        if (owner := self._owner(j)) is not None:  # "القواعد الخلفية لحزب العمال", "الموقع التابع لـ"
            return Phrase(owner, self.coordinated_end(owner), "unit")
        if j < len(self.tokens) and self.word(j) == "في" and (member := self.starts.get(j + 1)) is not None \
                and member.best.kind != "GPE":
            return Phrase(member, self.coordinated_end(member), "unit")
        apposed = self.starts.get(j)
        if apposed is not None and apposed.best.kind in ("PER", "GPE") and not self.unit_prep(apposed) \
                and self.words[j] == self.tokens[j].norm:
            return Phrase(apposed, self.coordinated_end(apposed), "unit")
        return Phrase(None, end, "definite")

    def _owner(self, j: int) -> Unit | None:
        """The participant in a ل-phrase at ``j`` (after a belonging word: "التابع لـ") that owns
        the noun before it."""
        j = self._past_aside(j)  # "موقع (عيسى البطران) التابع لكتائب القسام"
        if j < len(self.tokens) and self.words[j] in self.frames.words["belonging"]:
            j += 1
        owner = self.starts.get(j)
        return owner if owner is not None and self.unit_prep(owner) == "ل" else None

    def group_of(self, unit: Unit) -> Unit | None:
        """The body or group the people ``unit`` names are part of (:meth:`body_of`,
        :meth:`members_of`), read only when a word that can introduce one follows."""
        j = unit.last + 1
        nxt = self.words[j] if j < len(self.tokens) else ""
        if nxt != "في" and nxt != "من" and nxt not in self.frames.words["membership"] \
                and not (j + 1 < len(self.tokens) and self.words[j + 1] == "في"):
            return None
        return self.body_of(unit) or self.members_of(unit)

    def inside_quote(self, start: int) -> bool:
        """The sentence opens inside a quote begun earlier: a closing mark after ``start`` with no
        opening mark before it ("… نطالب الحكومة التركية …»"); its participants are not the speaker."""
        norms = [t.norm for t in self.tokens]
        return "«" not in norms[:start] and "»" in norms[start:]

    def source_after(self, trig: Trigger, last: int) -> Unit | None:
        """The participant after من right after a verbal noun (its adjectives between): who the
        request, refusal or threat came from ("بناء على طلب من مصر", "الرفض المتكرر من الميليشيات")."""
        if trig.type not in SOURCE_TYPES:
            return None
        i = last + 1
        while i < min(len(self.tokens), last + 3) and i not in self.covered and self.has_article(i) \
                and not self.prep_word(i) and not self.is_break(i):
            i += 1
        unit = self.starts.get(i + 1)
        return unit if i < len(self.tokens) and self.word(i) == "من" and unit is not None else None

    def author_after(self, pos: int, limit: int = 7) -> Unit | None:
        """Who did the thing a verb condemns or rejects, named in a clause after its noun:
        "أدانت الحكومة هجوما بدأته تركيا", "انتقدت المعارضة الزيارة التي تقوم بها موغيريني"."""
        resumed = False
        for i in range(pos, min(len(self.tokens), pos + limit)):
            unit = self.starts.get(i)
            if unit is not None:
                return unit if resumed and not self.unit_prep(unit) else None
            w = self.word(i)
            if w in self.frames.words["relatives"]:
                resumed = True
                continue
            if (self.is_break(i) and not (resumed and w == "ان")) or w in self.speech or i in self.covered \
                    or (resumed and self.prep_word(i) and w != "من"):
                return None  # "القصف الذي أدى إلى استشهاد سكان …": past a preposition, not its subject
            resumed = resumed or (len(w) > 3 and w.endswith(("ته", "تها")) and not self.has_article(i))
        return None

    def _past_aside(self, j: int, reach: int = 6) -> int:
        """The token after a short bracketed aside starting at ``j`` (``j`` itself when none)."""
        if j >= len(self.tokens) or self.tokens[j].norm != "(":
            return j
        for k in range(j + 1, min(len(self.tokens), j + reach)):
            if self.tokens[k].norm == ")":
                return k + 1
        return j

    def members_of(self, unit: Unit) -> Unit | None:
        """The group that people named by ``unit`` belong to: "320 شخصا ينتمون لتنظيم داعش",
        "42 مسلحا من عناصر ميليشيات الحوثي" (gunmen or people, not a place: "مسلحين من سوريا")."""
        j = unit.last + 1
        group = self.starts.get(j + 1) if j + 1 < len(self.tokens) and self.words[j] == "من" else None
        if group is not None and unit.best.sector in GENERIC_SECTORS and group.best.kind != "GPE":
            return group
        if j + 1 < len(self.tokens) and self.words[j] in self.frames.words["membership"] \
                and (self.words[j + 1][:1] == "ل" or self.words[j + 1] == "الي"):
            at = j + 2 if self.words[j + 1] == "الي" else j + 1
            return self.phrase(at, construct=1, governed=True).unit  # "لتنظيم «داعش»"
        return None

    def body_of(self, unit: Unit) -> Unit | None:
        """The body a role is part of, named after في (a word between allowed): "ضابطي صف في قوة
        الدرك", "عناصر في الشرطة"; not a place ("الجنود في سوريا")."""
        for j in (unit.last + 1, unit.last + 2):
            if j + 1 < len(self.tokens) and self.words[j] == "في" and j not in self.covered:
                member = self.starts.get(j + 1)
                if member is None:
                    return None
                mine, theirs = unit.best, member.best
                return member if mine.kind == theirs.kind == "ROLE" and mine.code == theirs.code else None
        return None

    def aside_object(self, pos: int) -> Phrase | None:
        """VSO with the object set off from the subject by commas and a time word: "التقى وزير الدفاع
        الأميركي آشتون كارتر، أمس، رئيس إقليم كردستان" (only commas and light words skipped)."""
        i = pos
        while i < len(self.tokens) and (self.tokens[i].norm in COMMAS or self.is_light(i)):
            i += 1
        if i == pos or self.tokens[pos].norm not in COMMAS or i == len(self.tokens) or self.is_quantity(i):
            return None  # "قتل أربعة أشخاص، بينهم عنصران من الشرطة": a partitive aside on the subject
        ph = self.phrase(i)
        return ph if ph.unit is not None else None

    def counted_after(self, last: int, unit: Unit | None) -> bool:
        """``unit``, found after the verb ending at ``last``, is counted ("قتل 15 متمردا")."""
        if unit is None or unit.first <= last:
            return False
        i = last + 1
        while i < unit.first and self.is_light(i):
            i += 1
        return (i < unit.first and self.is_quantity(i)) or self.is_quantity(unit.first)

    def accusative(self, i: int) -> bool:
        """An indefinite accusative noun ("عددا", "ناشطا", "خطابا"): an object, never a subject."""
        w = self.words[i]
        return i not in self.covered and len(w) >= 4 and w.endswith("ا") and not any(ch.isdigit() for ch in w)

    def nominal(self, i: int) -> bool:
        """Token ``i`` reads as a noun: it has the article or a preposition ("في غارة", "بتفجير")."""
        return self.has_article(i) or bool(self.attached_prep(i)) or (i > 0 and bool(self.prep_word(i - 1)))

    def _nisba(self, unit: Unit) -> bool:
        """A one-word unit that is a nisba adjective ("الإسرائيلية", "الأمريكي")."""
        w = self.words[unit.first]
        return unit.first == unit.last and w.startswith("ال") and w.endswith(("ي", "يه", "يين", "يون"))

    def _partitive(self, i: int, pos: int) -> bool:
        """The من of "خمسة من الجنود" or of the time phrase "أول من أمس"."""
        if self.word(i) != "من" or i <= pos:
            return False
        return self.is_quantity(i - 1) or (self.word(i - 1) == "اول" and i + 1 < len(self.tokens)
                                           and self.word(i + 1) == "امس")

    def coordinated_end(self, unit: Unit) -> int:
        """The last token of ``unit`` and the participants coordinated with it ("ضابط وثلاثة جنود")."""
        end = unit.last
        while end + 1 < len(self.tokens) and self.tokens[end + 1].norm.startswith("و"):
            j = end + 1
            while j < len(self.tokens) and j not in self.covered and j - end <= 2 and self.is_quantity(j):
                j += 1
            nxt = self.starts.get(j)
            if nxt is None or self.unit_prep(nxt):
                return end
            end = nxt.last
        return end

    def _adjectives(self, i: int) -> int:
        """The last token of a definite noun and the uncoded definite adjectives after it."""
        while i + 1 < len(self.tokens) and i + 1 not in self.covered and self.has_article(i + 1) \
                and not self.prep_word(i + 1) and not self.is_break(i + 1) and not self.is_light(i + 1):
            i += 1
        return i
