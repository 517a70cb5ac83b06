"""How a phrase is coded and why: the data behind ``hadath explain-actor``.

:func:`explain_actor` runs the segmenter, the lexicon recogniser and the
:class:`~hadath.actors.ActorCoder` on one phrase and returns an
:class:`Explanation`: the mentions found with the knowledge-base entries they
matched, and for each coded actor the rule that fired, the office term chosen
by the date (for known persons), the final code and the English name.

>>> e = explain_actor("قال وزير الخارجية الأمريكي أنتوني بلينكن", date="2023-08-08")
>>> actor = e.actors[0]
>>> (actor.code, actor.sector, actor.name, actor.rule)
('USA', 'GOV', 'Antony Blinken', 'known person, office held on the date')
>>> actor.term.start, actor.term.end
('2021-01-26', '2025-01-20')
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from hadath.actors.coder import ActorCoder
from hadath.actors.kb import KnowledgeBase, Term
from hadath.model import Actor, Document

__all__ = ["MatchedMention", "ExplainedActor", "Explanation", "explain_actor", "rule_of"]

# (text in Actor.why, rule name); the first that occurs wins, so specific ones come first
RULES: tuple[tuple[str, str], ...] = (
    ("surname linked", "surname link to an earlier mention"),
    ("refers back to", "group anaphora (الحزب، التنظيم → the group named before)"),
    ("short for", "shortened group name (حزب العمال → حزب العمال الكردستاني)"),
    ("name in quotes", "group named in quotes (تنظيم «القاعدة»)"),
    ("(own country)", "own country (بلاده) of the person named before"),
    ("owner noun", "owner noun + nisba (مساعدات سعودية)"),
    ("coalition in", "bare coalition in its theatre (coalitions.tsv)"),
    ("sentence set in", "sentence opening with a place (وفي طهران، ...)"),
    ("in a story set in the kingdom", "bare المملكة: the story's kingdom"),
    ("as the host of a visit", "visited city: its country's government (زيارته لأربيل)"),
    ("(host of a visit)", "visited country: its government (يزور ... إسرائيل، زيارة إلى قطر)"),
    ("(source)", "country a request or aid comes from (بناء على طلب من مصر)"),
    ("in office on", "known person, office held on the date"),
    ("known person", "known person, no term on the date"),
    ("one-country role", "a role only one country has (الكونغرس، الكنيست، الأقباط)"),
    ("same institution", "same institution qualified nearby"),
    ("located in", "role located in a place (قوات الأمن في نيجيريا)"),
    ("+ nisba", "title + nisba adjective (وزير الخارجية الأمريكي)"),
    ("+ country", "idafa with a country (جيش النيجر)"),
    ("+ capital", "idafa with a capital (حكومة طرابلس)"),
    ("+ igo", "role of an intergovernmental body"),
    ("+ group", "role of a non-state group"),
    ("unplaced:", "unqualified group: no country from the story (مسلحون، المتظاهرون)"),
    ("document country", "document country for an unqualified role"),
    ("no country in the document", "unqualified role, no document country"),
    ("country name as state actor", "country name as state actor"),
    ("as metonym", "capital or seat as metonym (واشنطن، الكرملين)"),
    ("plural nisba", "plural nisba: people of a country"),
    ("igo '", "intergovernmental body"),
    ("group '", "non-state group"),
)


@dataclass(frozen=True)
class MatchedMention:
    """A mention of the phrase and the knowledge-base entry it matched (``kind`` "" if none)."""

    text: str
    start: int
    end: int
    label: str
    key: str | None
    kind: str = ""
    english: str = ""
    codes: tuple[str, ...] = ()
    sector: str | None = None
    others: tuple[str, ...] = ()  # other entries with the same form (النيجري: Nigeria and Niger)


@dataclass(frozen=True)
class ExplainedActor:
    """A coded actor with the rule that fired and, for a known person, the term chosen by date."""

    text: str
    code: str | None
    sector: str | None
    name: str | None
    kind: str
    rule: str
    why: str
    identifier: str | None = None
    term: Term | None = None
    terms: tuple[Term, ...] = ()


@dataclass(frozen=True)
class Explanation:
    """Everything :func:`explain_actor` found for one phrase."""

    phrase: str
    date: str | None
    country: str | None  # the document's main country the coder used
    country_given: bool
    mentions: tuple[MatchedMention, ...]
    actors: tuple[ExplainedActor, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_text(self) -> str:
        """A readable report (what the CLI prints)."""
        how = "given with --country" if self.country_given else "from the phrase's own mentions"
        lines = [
            f"phrase   {self.phrase}",
            f"date     {self.date or '(none: persons get their first listed office)'}",
            f"country  {self.country or '(none)'}  ({how})",
            "mentions",
        ]
        lines += [f"  {_mention_line(m)}" for m in self.mentions] or ["  (none)"]
        lines.append("actors")
        if not self.actors:
            lines.append("  (none: no mention makes an actor on its own)")
        for a in self.actors:
            lines.append(f"  {a.text} → {a.code or '-'} {a.sector or '-'}  ({a.name or '?'}, {a.kind})")
            lines.append(f"    rule   {a.rule}")
            if a.terms:
                chosen = _term_text(a.term) if a.term else "none covers the date"
                lines.append(
                    f"    term   {chosen}  [of {len(a.terms)}: {'; '.join(map(_term_text, a.terms))}]"
                )
            lines.append(f"    why    {a.why}")
        return "\n".join(lines)


def _mention_line(m: MatchedMention) -> str:
    entry = f"{m.kind} {m.key} “{m.english}”" if m.kind else f"{m.key or 'no entry'}"
    codes = " ".join(c for c in (*m.codes, m.sector or "") if c)
    others = f"  (also: {', '.join(m.others)})" if m.others else ""
    return f"{m.text}  [{m.label}] {entry}{'  ' + codes if codes else ''}{others}"


def _term_text(t: Term) -> str:
    span = f"{t.start or '…'} – {t.end or 'today'}"
    return f"{t.code} {t.sector or '-'} {span}{' ' + t.office if t.office else ''}"


def rule_of(why: str) -> str:
    """The rule named by an actor's ``why`` text.

    >>> rule_of("title 'military' + nisba 'النيجري' → NER MIL")
    'title + nisba adjective (وزير الخارجية الأمريكي)'
    >>> rule_of("surname linked to George Muraga: title 'minister' ...")
    'surname link to an earlier mention'
    """
    return next((rule for key, rule in RULES if key in why), "other")


def _matched(kb: KnowledgeBase, doc: Document) -> tuple[MatchedMention, ...]:
    out = []
    for m in sorted(doc.mentions, key=lambda m: m.start):
        entry = kb.entries.get(m.key or "")
        if entry is None:
            out.append(MatchedMention(m.text, m.start, m.end, m.label, m.key))
            continue
        others = tuple(i for i in kb.lookup(m.text) if i != m.key)
        out.append(
            MatchedMention(
                m.text,
                m.start,
                m.end,
                m.label,
                m.key,
                entry.kind,
                entry.name,
                entry.codes,
                entry.sector,
                others,
            )
        )
    return tuple(out)


def _explained(kb: KnowledgeBase, actor: Actor, date: str | None) -> ExplainedActor:
    entry = kb.entries.get(actor.identifier_id or "")
    terms = entry.terms if entry is not None else ()
    term = next((t for t in terms if date and t.covers(date)), None)
    rule = rule_of(actor.why or "")
    if actor.kind == "PER" and (actor.why or "").startswith("title"):
        rule = f"title apposition (a name after the title); {rule}"
    return ExplainedActor(
        actor.entity_text,
        actor.code,
        actor.sector,
        actor.name,
        actor.kind,
        rule,
        actor.why or "",
        actor.identifier_id,
        term,
        terms,
    )


def explain_actor(
    phrase: str, date: str | None = None, country: str | None = None, coder: ActorCoder | None = None
) -> Explanation:
    """Code ``phrase`` as a one-sentence document dated ``date`` (YYYY-MM-DD) and say why.

    ``country`` (ISO3) is taken as the document's main country, as if the phrase came from a
    story there; unqualified roles (الجيش، المتظاهرون) get it.
    """
    from hadath.ner.lexicon import LexiconRecognizer
    from hadath.pipeline import Segmenter

    coder = coder if coder is not None else ActorCoder()
    doc = Segmenter()(Document(doc_id="explain", text=phrase, source="explain-actor", date=date))
    doc = LexiconRecognizer(coder.kb, coder.places)(doc)
    coded = coder.code(doc, country=country.upper() if country else None)
    return Explanation(
        phrase,
        date,
        coded.country,
        bool(country),
        _matched(coder.kb, coded),
        tuple(_explained(coder.kb, a, date) for a in coded.actors),
    )
