"""``clean()``: a raw page in, the articles on it (or a rejection) out."""

from __future__ import annotations

from dataclasses import dataclass

from hadath.clean.patterns import load_patterns
from hadath.clean.segment import Part, SegmentRules, segment
from hadath.clean.text import arabic_share, sentence_count, split_lines
from hadath.model import Document, RawDocument, Rejection

__all__ = ["CleanOptions", "clean"]


@dataclass(frozen=True)
class CleanOptions:
    """Settings of the cleaner.

    ``patterns`` names the marker file under ``hadath/data/clean/``; an article
    shorter than ``min_chars`` or with fewer than ``min_sentences`` sentences (and
    under ``long_chars``) is ``no_article``; below ``min_arabic_share`` of letters
    in Arabic script it is ``not_arabic``.  ``split_articles=False`` keeps a second
    story after "إقرأ أيضاً" out of the result instead of returning it as part 1.
    """

    patterns: str = "boilerplate"
    min_chars: int = 80
    min_sentences: int = 2
    long_chars: int = 120
    min_arabic_share: float = 0.5
    paragraph_words: int = 15
    split_paragraphs: int = 2
    split_articles: bool = True

    def rules(self) -> SegmentRules:
        return SegmentRules(
            paragraph_words=self.paragraph_words,
            split_paragraphs=self.split_paragraphs,
        )


def _rejection(raw: RawDocument, text: str, options: CleanOptions) -> Rejection | None:
    if not text:
        return Rejection(raw.source, "no_article", "only boilerplate lines were found")
    share = arabic_share(text)
    if share < options.min_arabic_share:
        return Rejection(
            raw.source,
            "not_arabic",
            f"{share:.0%} of letters are Arabic (minimum {options.min_arabic_share:.0%});"
            " Hadath reads Arabic news",
        )
    short = len(text) < options.min_chars
    if short or (sentence_count(text) < options.min_sentences and len(text) < options.long_chars):
        return Rejection(raw.source, "no_article", f"only {len(text)} characters of article text left")
    return None


def _document(raw: RawDocument, part: Part, index: int, first: Part) -> Document:
    text = "\n".join(part.body)
    title = part.title.strip() if part.title else None
    return Document(
        doc_id=Document.make_id(raw.url, title, text),
        text=text,
        source=raw.source,
        title=title,
        url=raw.url,
        date=raw.date or part.date or first.date,
        outlet=first.outlet or raw.outlet,
        author=part.author or (raw.author if index == 0 else None),
        part=index,
        removed=tuple(part.removed),
    )


def clean(raw: RawDocument, options: CleanOptions | None = None) -> list[Document] | Rejection:
    """Clean ``raw`` into one Document per article on the page, or a Rejection.

    Reasons: ``empty`` (no text at all), ``no_article`` (only boilerplate, or too
    short), ``not_arabic``.
    """
    options = options or CleanOptions()
    lines = split_lines(raw.content or "")
    if not lines:
        return Rejection(raw.source, "empty", "the input has no text; check the reader's output")
    parts = segment(lines, load_patterns(options.patterns), options.rules(), raw.title or None)
    first = parts[0]
    rejected = _rejection(raw, "\n".join(first.body), options)
    if rejected is not None:
        return rejected
    docs = [_document(raw, first, 0, first)]
    for part in parts[1:]:
        if options.split_articles and _rejection(raw, "\n".join(part.body), options) is None:
            docs.append(_document(raw, part, len(docs), first))
        else:
            first.removed.extend([part.title or "", *part.body])
    if len(parts) > 1:
        docs[0] = _document(raw, first, 0, first)
    return docs
