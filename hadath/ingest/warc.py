"""WARC / WARC.gz web archives (warcio): each HTML ``response`` record is an article.

warcio does not raise on a cut-off ``.warc.gz``, it just stops; a record cut
short is seen from ``raw_stream.limit`` and a cut gzip by walking its members.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from hadath.ingest.dates import normalize_date
from hadath.ingest.encoding import decode_bytes
from hadath.ingest.html import html_document
from hadath.ingest.options import IngestOptions
from hadath.model import RawDocument, Rejection

__all__ = ["iter_warc"]

Item = RawDocument | Rejection
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# what warcio raises on broken input (AttributeError on a header cut short)
_BROKEN = (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError, AttributeError)
_CHUNK = 1 << 20


def _content_type(record: ArcWarcRecord) -> str:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    return headers.get_header("Content-Type") or ""


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _is_page(record: ArcWarcRecord) -> bool:
    if record.rec_type not in ("response", "resource"):
        return False
    if record.http_headers is not None and not record.http_headers.get_statuscode().startswith("2"):
        return False
    return _content_type(record).split(";")[0].strip().lower() in _HTML_TYPES


def _gzip_complete(stream: BinaryIO) -> bool:
    """Whether every gzip member of ``stream`` ends properly (a cut-off file does not)."""
    stream.seek(0)
    decomp = zlib.decompressobj(31)
    in_member = False
    try:
        while chunk := stream.read(_CHUNK):
            while chunk:
                in_member = True
                decomp.decompress(chunk)
                if not decomp.eof:
                    break
                chunk, decomp, in_member = decomp.unused_data, zlib.decompressobj(31), False
    except zlib.error:
        return False
    return not in_member


def _unread_tail(stream: BinaryIO, offset: int) -> bool:
    """Whether data is left after the last record warcio read (it stops silently on a cut header)."""
    stream.seek(offset)
    return bool(stream.read(4096).strip())


def _record_result(source: str, record: ArcWarcRecord, options: IngestOptions) -> Item | None:
    """The article of a page record, a rejection, or ``None`` for a complete non-page record."""
    if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
        return Rejection(source, "truncated", "the archive ends inside this record's header; re-download it")
    if _is_page(record):
        return _record_item(source, record, options)
    return _skip_record(source, record)


def _skip_record(source: str, record: ArcWarcRecord) -> Rejection | None:
    """Read past a record that is not a page; a ``truncated`` rejection when it is cut short."""
    while record.raw_stream.read(_CHUNK):
        pass
    if record.raw_stream.limit > 0:
        return Rejection(source, "truncated", "the archive ends inside this record; re-download it")
    return None


def _record_item(source: str, record: ArcWarcRecord, options: IngestOptions) -> Item:
    body = record.content_stream().read(options.max_bytes + 1)
    if len(body) > options.max_bytes:
        return Rejection(source, "too_large", f"the record is bigger than max_bytes ({options.max_bytes})")
    if record.raw_stream.limit > 0:
        return Rejection(source, "truncated", "the archive ends inside this record; re-download it")
    if not body.strip():
        return Rejection(source, "empty", "the HTML response has no body")
    decoded = decode_bytes(body, declared=_charset(_content_type(record)))
    if decoded is None:
        return Rejection(source, "undecodable", "the page's bytes match no text encoding")
    url = record.rec_headers.get_header("WARC-Target-URI")
    date = normalize_date(record.rec_headers.get_header("WARC-Date"))
    return html_document(source, decoded.text, options, url=url, date=date, fmt="warc")


def iter_warc(source: str, stream: BinaryIO, options: IngestOptions) -> Iterator[Item]:
    """Articles ``source#N`` (N = record number in the archive, from 0) of a seekable stream.

    A truncated or corrupt archive yields what was read, then one ``truncated``
    rejection; it never raises.
    """
    head = stream.read(2)
    stream.seek(0)
    n = -1
    pages = 0
    records = ArchiveIterator(stream)
    try:
        for n, record in enumerate(records):
            item = _record_result(f"{source}#{n}", record, options)
            if item is not None:
                pages += 1
                yield item
                if isinstance(item, Rejection) and item.reason == "truncated":
                    return
    except _BROKEN as err:
        yield Rejection(source, "truncated", f"the archive is cut short or corrupt {_where(n)} "
                        f"({type(err).__name__}: {err}); the records before it were read, re-download it")
        return
    if _unread_tail(stream, records.offset):
        yield Rejection(source, "truncated", f"the archive stops inside a record header {_where(n)}; "
                        "the records before it were read, re-download the file for the rest")
    elif head == b"\x1f\x8b" and not _gzip_complete(stream):
        yield Rejection(source, "truncated", "the gzip stream ends before its end marker; "
                        "the records before it were read, re-download the file for the rest")
    elif pages == 0:
        yield Rejection(source, "empty", "the archive holds no HTML response records (no articles)")


def _where(n: int) -> str:
    return "before its first record" if n < 0 else f"after record {n}"
