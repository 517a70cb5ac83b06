"""HTML pages to article text and metadata (trafilatura), and HTML fragments to text (lxml).

>>> html_fragment_to_text("<p>أولى</p><p>ثانية<br>ثالثة</p>")
'أولى\\nثانية\\nثالثة'
"""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml.etree import ParserError

from hadath.ingest.dates import normalize_date
from hadath.ingest.options import IngestOptions
from hadath.model import RawDocument, Rejection

__all__ = ["html_document", "html_fragment_to_text"]

_BLOCKS = frozenset({"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                     "blockquote", "section", "article", "header", "footer", "table", "pre", "figure"})
_SPACES = re.compile(r"[ \t\u00a0]+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# trafilatura's fast mode (no fallback extractors) is ~5x quicker; a page giving less than this
# many letters is extracted again with the fallbacks, so recall does not suffer.
_FAST_ENOUGH_LETTERS = 200
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def html_document(source: str, html: str, options: IngestOptions, *, url: str | None = None,
                  date: str | None = None, fmt: str = "html") -> RawDocument | Rejection:
    """The article in ``html`` (main text with paragraphs on their own lines, and
    title, date, author, outlet, url), or a ``no_article`` rejection.

    ``url``/``date`` come from outside the page (WARC headers, the fetched URL);
    the page's own metadata wins where it has some.
    """
    html = _XML_DECL.sub("", html, count=1)  # lxml refuses str input with an encoding declaration
    extracted = _extract(html, url, fast=True)
    text = (extracted.get("text") or "").strip()
    letters = _letters(text)
    if letters < _FAST_ENOUGH_LETTERS:  # short: try the slower fallback extractors too
        full = _extract(html, url, fast=False)
        if _letters(full.get("text") or "") > letters:
            extracted = full
            text = (full.get("text") or "").strip()
            letters = _letters(text)
    if letters < options.min_article_letters:
        return Rejection(source, "no_article",
                         f"the page has no article text ({letters} letters extracted); check it is an "
                         "article, not an index page, or pass its text as a .txt file")
    meta = {k: extracted[k] for k in ("hostname", "description", "language") if extracted.get(k)}
    return RawDocument(
        source=source,
        content=text,
        title=extracted.get("title") or None,
        url=extracted.get("url") or url,
        date=normalize_date(extracted.get("date")) or date,
        outlet=extracted.get("sitename") or None,
        author=extracted.get("author") or None,
        format=fmt,
        meta=meta,
    )


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def _extract(html: str, url: str | None, *, fast: bool) -> dict:
    found = trafilatura.bare_extraction(
        html, url=url, fast=fast, with_metadata=True, favor_recall=True, include_comments=False,
        include_tables=True, deduplicate=False, date_extraction_params=_DATE_PARAMS,
    )
    return found.as_dict() if found is not None else {}


def html_fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry), one line per paragraph/block/``<br>``."""
    if "<" not in fragment and "&" not in fragment:
        return _tidy(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return _tidy(re.sub(r"<[^>]+>", " ", fragment))
    for el in list(root.iter("script", "style")):
        el.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "br" or el.tag in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            if el.tag in _BLOCKS:
                el.text = "\n" + (el.text or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
