"""JSON arrays and JSON Lines of articles (SaudiNewsNet's daily dumps and the like).

A record needs text in ``content`` (or ``text``/``body``/``article``); ``title``,
``url``/``link``, ``date``/``date_extracted``/``published``, ``source``/``outlet``
and ``author`` are passed on when present.

>>> doc = record_document("a.json#0", {"title": "ع", "content": "نص", "date_extracted": "2015-07-21 02:51"})
>>> doc.content, doc.title, doc.date
('نص', 'ع', '2015-07-21')
>>> record_document("a.json#1", {"title": "ع", "content": " "}).reason
'empty'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from hadath.ingest.dates import normalize_date
from hadath.ingest.encoding import decode_bytes
from hadath.ingest.options import IngestOptions
from hadath.model import RawDocument, Rejection

__all__ = ["iter_json", "iter_jsonl", "record_document"]

_CONTENT = ("content", "text", "body", "article", "maintext")
_DATE = ("date", "date_extracted", "published", "date_publish", "date_published", "datePublished",
         "publishedAt", "pubDate", "published_at", "datetime", "created_at")
_URL = ("url", "link")
_OUTLET = ("source", "outlet", "sitename", "site")
_LISTS = ("articles", "items", "data", "records", "docs")

Item = RawDocument | Rejection


def _first(record: dict[str, Any], keys: Iterable[str]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = "\n".join(str(v) for v in value if v)
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def record_document(source: str, record: Any) -> Item:
    """One article record to a :class:`RawDocument` (``empty`` when it has no text)."""
    if not isinstance(record, dict):
        return Rejection(source, "parse_error",
                         f"expected a JSON object (an article), found {type(record).__name__}")
    content = _text(_first(record, _CONTENT))
    if content is None:
        return Rejection(source, "empty", "the record has no text in content/text/body; "
                         "it was skipped, the rest of the file goes on")
    outlet = _first(record, _OUTLET)
    if isinstance(outlet, dict):  # {"id": ..., "name": ...} as in news APIs
        outlet = outlet.get("name")
    return RawDocument(
        source=source,
        content=content,
        title=_text(record.get("title")),
        url=_text(_first(record, _URL)),
        date=normalize_date(_first(record, _DATE)),
        outlet=_text(outlet) if isinstance(outlet, str) else None,
        author=_text(record.get("author") or record.get("authors")),
        format="jsonl",
    )


def iter_json(source: str, data: bytes) -> Iterator[Item]:
    """Articles of a JSON document: an array of records, one record, or an object
    holding a list under ``articles``/``items``/``data``; concatenated objects
    (really JSON Lines) are read as JSON Lines."""
    decoded = decode_bytes(data)
    if decoded is None:
        yield Rejection(source, "undecodable", "the JSON is not in a text encoding; save it as UTF-8")
        return
    text = decoded.text
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data":
            yield from iter_jsonl(source, text.encode("utf-8").splitlines())
            return
        yield Rejection(source, "parse_error",
                        f"invalid JSON at line {err.lineno} column {err.colno}: {err.msg}; "
                        "fix or re-export it")
        return
    if isinstance(value, dict):
        nested = next((value[k] for k in _LISTS if isinstance(value.get(k), list)), None)
        if nested is None:
            yield record_document(source, value)
            return
        value = nested
    if not isinstance(value, list):
        yield Rejection(source, "parse_error", "expected a JSON array of article objects")
        return
    for n, record in enumerate(value):
        yield record_document(f"{source}#{n}", record)


def iter_jsonl(source: str, lines: Iterable[bytes], options: IngestOptions | None = None) -> Iterator[Item]:
    """Articles of JSON Lines, streamed; ``source#N`` with N the 0-based line number.

    A line that does not parse is rejected ``parse_error`` (with its line number)
    and reading goes on with the next line.
    """
    max_bytes = (options or IngestOptions()).max_bytes
    for n, raw in enumerate(lines):
        if not raw.strip():
            continue
        where = f"{source}#{n}"
        if len(raw) > max_bytes:
            yield Rejection(where, "too_large", f"line {n + 1} is {len(raw)} bytes (> max_bytes {max_bytes})")
            continue
        decoded = decode_bytes(raw.rstrip(b"\r\n"))
        if decoded is None:
            yield Rejection(where, "undecodable", f"line {n + 1} is not UTF-8 text; re-export as UTF-8")
            continue
        try:
            record = json.loads(decoded.text)
        except json.JSONDecodeError as err:
            yield Rejection(where, "parse_error", f"line {n + 1} column {err.colno}: {err.msg}; "
                            "the line was skipped, fix it to include that record")
            continue
        yield record_document(where, record)
