"""Walk a page's lines: drop boilerplate, read credits, split off a second article.

The walk is a small state machine over classified lines (:mod:`hadath.clean.lines`):
prose goes to the current part, boilerplate to ``removed``; a "read also" heading
opens a block of other stories that is dropped, unless a headline in it is followed
by a run of real paragraphs, in which case that headline starts a new part.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hadath.clean.lines import LineInfo, classify
from hadath.clean.metadata import byline_name, date_span, dateline_name, is_name_line
from hadath.clean.patterns import Patterns, line_key
from hadath.clean.text import ends_sentence, is_headline, is_paragraph, word_count

__all__ = ["Part", "SegmentRules", "segment"]


@dataclass(frozen=True)
class SegmentRules:
    """Thresholds of the walk (set from :class:`hadath.clean.CleanOptions`)."""

    paragraph_words: int = 15
    split_paragraphs: int = 2
    max_parts: int = 4
    edge_lines: int = 3


@dataclass
class Part:
    """One article found on the page (mutable while the walk builds it)."""

    title: str | None = None
    body: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    seen: set[str] = field(default_factory=set)

    def add(self, line: str) -> None:
        """Keep ``line`` unless it repeats the title or an earlier headline-like line."""
        words = word_count(line)
        headline = words >= 3 and is_headline(line)
        maybe_title = self.title is not None and abs(words - word_count(self.title)) <= 2
        key = line_key(line) if headline or maybe_title else ""
        if key and ((maybe_title and key == line_key(self.title or "")) or (headline and key in self.seen)):
            self.removed.append(line)
            return
        if headline and (len(self.body) < 3 or not self.seen):
            self.seen.add(key)
        self.body.append(line)


def _ends_list(info: LineInfo, rules: SegmentRules) -> bool:
    """Whether a line after a "read also" heading is prose rather than a list item."""
    if info.kind != "body" or info.bullet:
        return False
    return is_paragraph(info.text, rules.paragraph_words) or (
        ends_sentence(info.text) and word_count(info.text) >= 6
    )


def _run_paragraphs(infos: list[LineInfo], start: int, rules: SegmentRules) -> int:
    """Real paragraphs from ``start`` up to the next heading or credit line."""
    count = 0
    for info in infos[start:]:
        if info.kind in ("related", "source"):
            break
        if info.kind == "body" and is_paragraph(info.text, rules.paragraph_words):
            count += 1
    return count


def _related_block(infos: list[LineInfo], i: int, parts: list[Part], rules: SegmentRules) -> int:
    """Handle the heading at ``i`` and its list; returns the index to go on from."""
    current = parts[-1]
    j = i + 1
    while j < len(infos) and not _ends_list(infos[j], rules):
        j += 1
    block = [info for info in infos[i:j]]
    headline = None
    candidates = [info for info in block[1:] if info.kind == "body" and not info.bullet]
    if j < len(infos) and candidates and is_headline(candidates[-1].text) and len(parts) < rules.max_parts:
        # A "read also" box in the middle of a story is followed by more of the same story:
        # without an end-of-article line (credit, tags, share bar) before the heading,
        # ask for a longer run before calling what follows a second article.
        ended = i > 0 and infos[i - 1].kind in ("drop", "source")
        needed = rules.split_paragraphs if ended else rules.split_paragraphs + 2
        if _run_paragraphs(infos, j, rules) >= needed:
            headline = candidates[-1]
    current.removed.extend(info.text for info in block if info is not headline)
    if headline is not None:
        parts.append(Part(title=headline.text, seen={line_key(headline.text)}))
    return j


# Drops that open a page footer: short lines after them belong to it (a contact
# block broken over several lines), until real prose comes back.
_FOOTER_REASONS = frozenset({"reader_contact", "sms_footer", "keywords", "copyright", "email_only"})


def _walk(infos: list[LineInfo], first: Part, start: int, rules: SegmentRules) -> list[Part]:
    parts = [first]
    footer = False
    i = start
    while i < len(infos):
        info = infos[i]
        if info.kind == "related":
            i = _related_block(infos, i, parts, rules)
            footer = False
            continue
        current = parts[-1]
        if info.kind == "body" and footer and not _ends_list(info, rules) and word_count(info.text) <= 10:
            current.removed.append(info.text)
        elif info.kind == "body":
            footer = False
            current.add(info.text)
        else:
            footer = footer or info.reason in _FOOTER_REASONS
            current.removed.append(info.text)
            if info.kind == "source" and info.value and current.outlet is None:
                current.outlet = info.value
        i += 1
    return parts


def _is_credit(line: str, patterns: Patterns) -> bool:
    if byline_name(line, patterns) is not None or dateline_name(line, patterns) is not None:
        return True
    return word_count(line) <= 14 and date_span(line, patterns) is not None


def _first_title(
    infos: list[LineInfo], title: str | None, patterns: Patterns, rules: SegmentRules
) -> tuple[Part, int]:
    """The first part, with the page title taken from (and removed off) the top."""
    part = Part(title=title)
    body: list[int] = []
    for k, info in enumerate(infos):
        if len(body) == 2:
            break
        if info.kind == "body" and not _is_credit(info.text, patterns):
            body.append(k)
    if title is None and body:
        k = body[0]
        nxt = body[1] if len(body) > 1 else None
        line = infos[k].text
        repeated = nxt is not None and line_key(infos[nxt].text) == line_key(line)
        before_prose = nxt is not None and is_paragraph(infos[nxt].text, rules.paragraph_words)
        if is_headline(line) and (repeated or (before_prose and word_count(line) <= 15)):
            part.title = line
    if part.title:
        part.seen.add(line_key(part.title))
    return part, 0


def _is_teaser(body: list[str], k: int, rules: SegmentRules) -> bool:
    """A one-line "name: claim" headline of another story between two paragraphs."""
    line = body[k]
    head, sep, tail = line.partition(":")
    if not sep or not 1 <= word_count(head) <= 4 or word_count(tail) < 3:
        return False
    if not is_headline(line, max_words=20) or k == 0 or not ends_sentence(body[k - 1]):
        return False
    if k + 1 >= len(body):
        return True
    return ends_sentence(body[k + 1]) or is_paragraph(body[k + 1], rules.paragraph_words)


def _drop_teasers(part: Part, rules: SegmentRules) -> None:
    keep = []
    for k, line in enumerate(part.body):
        (part.removed if _is_teaser(part.body, k, rules) else keep).append(line)
    part.body = keep


def _edge_credit(part: Part, line: str, patterns: Patterns, top: bool) -> bool:
    """Read a byline, dateline or date-only line at the top or bottom; True if it is one."""
    name = byline_name(line, patterns)
    if name is None and top:
        name = dateline_name(line, patterns)
    if name is not None:
        part.author = part.author or name or None
        return True
    words = word_count(line)
    found = date_span(line, patterns) if words <= (14 if top else 8) else None
    if found and top and not ends_sentence(line):
        part.date = part.date or found[0]
        return True
    if found and len(line) - (found[2] - found[1]) <= 14:
        part.date = part.date or found[0]
        return True
    return False


def _read_edges(part: Part, patterns: Patterns, rules: SegmentRules) -> None:
    """Credits in the first and last lines, and a lone name line closing the article."""
    n = len(part.body)
    edge = set(range(min(rules.edge_lines, n))) | set(range(max(0, n - rules.edge_lines), n))
    drop = {k for k in sorted(edge) if _edge_credit(part, part.body[k], patterns, k < rules.edge_lines)}
    kept = [k for k in range(n) if k not in drop]
    top_name = len(kept) >= 2 and is_name_line(part.body[kept[0]], patterns)
    if top_name and is_paragraph(part.body[kept[1]], rules.paragraph_words):
        part.author = part.author or part.body[kept[0]]
        drop.add(kept.pop(0))
    while kept and word_count(part.body[kept[-1]]) <= 3 and line_key(part.body[kept[-1]]) in patterns.credits:
        drop.add(kept.pop())
    if len(kept) >= 2 and ends_sentence(part.body[kept[-2]]) and is_name_line(part.body[kept[-1]], patterns):
        if any(is_paragraph(part.body[k], rules.paragraph_words) for k in kept[:-1]):
            part.author = part.author or part.body[kept[-1]]
            drop.add(kept.pop())
    part.removed.extend(part.body[k] for k in sorted(drop))
    part.body = [part.body[k] for k in kept]


def segment(
    lines: list[str], patterns: Patterns, rules: SegmentRules, title: str | None = None
) -> list[Part]:
    """Split ``lines`` into the articles on the page, each with its dropped lines."""
    infos = [classify(line, patterns) for line in lines]
    first, start = _first_title(infos, title, patterns, rules)
    parts = _walk(infos, first, start, rules)
    for index, part in enumerate(parts):
        if index:
            _drop_teasers(part, rules)
        _read_edges(part, patterns, rules)
    return parts
