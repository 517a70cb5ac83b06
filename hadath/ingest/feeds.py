"""RSS and Atom feeds (feedparser): one :class:`RawDocument` per entry.

>>> xml = (b'<rss version="2.0"><channel><title>Wire</title><item><title>t</title>'
...        b'<link>http://x/1</link><description>&lt;p&gt;one&lt;/p&gt;&lt;p&gt;two&lt;/p&gt;'
...        b'</description></item></channel></rss>')
>>> [(d.content, d.outlet, d.url) for d in iter_feed("f.rss", xml)]
[('one\\ntwo', 'Wire', 'http://x/1')]
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import feedparser

from hadath.ingest.dates import normalize_date
from hadath.ingest.html import html_fragment_to_text
from hadath.model import RawDocument, Rejection

__all__ = ["iter_feed"]


def _entry_text(entry: Any) -> str:
    parts = entry.get("content") or []
    best = max(parts, key=lambda p: len(p.get("value", "")), default=None)
    value, kind = (best.get("value", ""), best.get("type", "")) if best else ("", "")
    summary = entry.get("summary", "")
    if len(summary) > len(value):
        value, kind = summary, entry.get("summary_detail", {}).get("type", "text/html")
    if "html" in kind or "<" in value:
        return html_fragment_to_text(value)
    return value.strip()


def _entry_date(entry: Any) -> str | None:
    """The entry's date as written (its own time zone); feedparser's parsed dates are UTC."""
    for key in ("published", "updated", "created"):
        date = normalize_date(entry.get(key))
        if date:
            return date
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if entry.get(key):
            return normalize_date(entry[key])
    return None


def iter_feed(source: str, data: bytes, declared: str | None = None) -> Iterator[RawDocument | Rejection]:
    """Entries of an RSS/Atom feed as documents ``source#N`` (format ``rss``)."""
    headers = {"content-type": f"application/xml; charset={declared}"} if declared else None
    # bytes in a BytesIO: feedparser would open a str that looks like a path or URL
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.entries:
        if parsed.bozo:
            yield Rejection(source, "parse_error", f"not a readable RSS/Atom feed "
                            f"({parsed.get('bozo_exception')}); check the URL or file")
        else:
            yield Rejection(source, "empty", "the feed has no entries")
        return
    outlet = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries):
        where = f"{source}#{n}"
        text = _entry_text(entry)
        if not text and parsed.bozo:
            yield Rejection(where, "parse_error", f"the feed is malformed ({parsed.get('bozo_exception')}) "
                            "and this entry has no text; check the URL or file")
            continue
        if not text:
            yield Rejection(where, "empty", "the feed entry has no content or summary")
            continue
        yield RawDocument(
            source=where,
            content=text,
            title=html_fragment_to_text(entry.get("title", "")) or None,
            url=entry.get("link") or None,
            date=_entry_date(entry),
            outlet=outlet,
            author=entry.get("author") or None,
            format="rss",
            meta={"feed": source, "id": entry.get("id")} if entry.get("id") else {"feed": source},
        )
