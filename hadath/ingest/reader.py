"""The dispatcher: paths, folders and URLs in; documents and rejections out."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator, Sequence

from hadath.ingest.archive import iter_zip
from hadath.ingest.encoding import decode_bytes, is_binary
from hadath.ingest.feeds import iter_feed
from hadath.ingest.fetch import fetch_url, is_url
from hadath.ingest.gzipped import inner_name, iter_gzip
from hadath.ingest.html import html_document
from hadath.ingest.options import IngestOptions
from hadath.ingest.records import iter_json, iter_jsonl
from hadath.ingest.sniff import detect_format, format_from_name, sniff_content
from hadath.ingest.warc import iter_warc
from hadath.model import RawDocument, Rejection

__all__ = ["read_blob", "read_file", "read_paths", "read_url", "walk"]

Item = RawDocument | Rejection
_HEAD = 8192
_TEXTUAL = ("text", "html", "json", "jsonl", "feed")


def read_paths(paths: Sequence[str], options: IngestOptions | None = None) -> Iterator[Item]:
    """Documents and rejections from files, folders (recursed in name order) and http(s) URLs.

    Never raises on bad input: each problem is a :class:`Rejection` and the
    other inputs go on.
    """
    options = options or IngestOptions()
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    for path in paths:
        path = os.fspath(path)
        if is_url(path):
            yield from read_url(path, options)
        elif os.path.isdir(path):
            for child in walk(path, options):
                yield from read_file(child, options)
        else:
            yield from read_file(path, options)


def walk(folder: str, options: IngestOptions) -> Iterator[str]:
    """Files under ``folder``, sorted by name at each level, hidden ones skipped
    (symbolic links to folders are not followed, so a link loop cannot hang it)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") and not options.include_hidden:
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk(entry.path, options)
        elif entry.is_file():
            yield entry.path


def _unsupported(source: str, fmt: str | None) -> Rejection:
    if fmt == "gzip":
        return Rejection(source, "unsupported", "a gzip file of an unknown format; name it like "
                         "x.jsonl.gz / x.json.gz / x.html.gz / x.txt.gz, or gunzip it")
    if fmt is None:
        return Rejection(source, "unsupported", "unknown file type; use .txt, .html, .json, .jsonl, .zip, "
                         ".warc(.gz) or .xml/.rss/.atom")
    return Rejection(source, "unsupported", f"format {fmt!r} is left out by IngestOptions.formats")


def _stat_head(path: str) -> tuple[int, bytes] | Rejection:
    try:
        size = os.stat(path).st_size
        with open(path, "rb") as handle:
            return size, handle.read(_HEAD)
    except FileNotFoundError:
        return Rejection(path, "not_found", "no such file or folder; check the path")
    except OSError as err:
        return Rejection(path, "not_found", f"cannot open it ({err.strerror}); "
                         "check the path and its permissions")


def _file_format(path: str, head: bytes, options: IngestOptions) -> str | Rejection:
    """The reader for ``path``: a format name, ``gzip:<inner format>``, or an ``unsupported`` rejection."""
    fmt = detect_format(path, head)
    if fmt == "gzip":
        inner = format_from_name(inner_name(path))
        if inner in _TEXTUAL and options.accepts(inner):
            return f"gzip:{inner}"
    if fmt not in _TEXTUAL + ("zip", "warc") or not options.accepts(fmt):
        return _unsupported(path, fmt)
    return fmt


def read_file(path: str, options: IngestOptions) -> Iterator[Item]:
    """Everything in one file; WARC, JSONL, zip and gzip files are streamed."""
    found = _stat_head(path)
    if isinstance(found, Rejection):
        yield found
        return
    size, head = found
    fmt = _file_format(path, head, options) if size else Rejection(path, "empty", "the file is 0 bytes")
    if isinstance(fmt, Rejection):
        yield fmt
    elif fmt == "zip":
        yield from iter_zip(path, options, read_blob)
    elif fmt.startswith("gzip:"):
        yield from iter_gzip(path, fmt.split(":")[1], options, read_blob)
    elif fmt == "warc":
        with open(path, "rb") as handle:
            yield from iter_warc(path, handle, options)
    elif fmt == "jsonl" and not is_binary(head):
        with open(path, "rb") as handle:
            yield from iter_jsonl(path, handle, options)
    elif size > options.max_bytes:
        yield Rejection(path, "too_large", f"the file is {size} bytes (> max_bytes {options.max_bytes}); "
                        "split it or raise IngestOptions.max_bytes")
    else:
        with open(path, "rb") as handle:
            data = handle.read()
        yield from _read_as(path, fmt, data, options)


def read_blob(source: str, name: str, data: bytes, options: IngestOptions) -> Iterator[Item]:
    """Everything in ``data`` (a zip member) whose file name is ``name``."""
    fmt = detect_format(name, data[:_HEAD])
    if fmt not in _TEXTUAL + ("warc",) or not options.accepts(fmt):
        yield _unsupported(source, None if fmt == "zip" else fmt)
    elif not data.strip():
        yield Rejection(source, "empty", "no content")
    else:
        yield from _read_as(source, fmt, data, options)


def _read_as(source: str, fmt: str, data: bytes, options: IngestOptions, *,
             url: str | None = None, declared: str | None = None) -> Iterator[Item]:
    if fmt == "warc":
        yield from iter_warc(source, io.BytesIO(data), options)
        return
    if not data.strip():
        yield Rejection(source, "empty", "the file holds only whitespace")
        return
    if fmt in _TEXTUAL and is_binary(data[:_HEAD]):
        yield Rejection(source, "binary", "binary data (e.g. an image or program), not text; "
                        "remove it from the input")
        return
    if fmt == "json":
        yield from iter_json(source, data)
    elif fmt == "jsonl":
        yield from iter_jsonl(source, data.splitlines(), options)
    elif fmt == "feed":
        yield from iter_feed(source, data, declared)
    else:
        yield _read_document(source, fmt, data, options, url=url, declared=declared)


def _read_document(source: str, fmt: str, data: bytes, options: IngestOptions, *,
                   url: str | None, declared: str | None) -> Item:
    decoded = decode_bytes(data, declared=declared)
    if decoded is None:
        return Rejection(source, "undecodable", "no text encoding fits these bytes; save the file as UTF-8")
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return Rejection(source, "empty", "the file holds only whitespace")
    if fmt == "html":
        return html_document(source, text, options, url=url)
    return RawDocument(source=source, content=text.strip(), url=url, format="text",
                       meta={"encoding": decoded.encoding})


def read_url(url: str, options: IngestOptions) -> Iterator[Item]:
    """A fetched feed (one document per entry) or article page."""
    fetched = fetch_url(url, options)
    if isinstance(fetched, Rejection):
        yield fetched
        return
    fmt = sniff_content(fetched.data[:_HEAD])
    kind = fetched.content_type.lower()
    if fmt is None:
        fmt = ("feed" if any(k in kind for k in ("rss", "atom", "xml")) else
               "html" if "html" in kind else "text" if "text/plain" in kind else None)
    if fmt not in _TEXTUAL or not options.accepts(fmt):
        yield _unsupported(url, fmt)
        return
    yield from _read_as(url, fmt, fetched.data, options, url=fetched.url, declared=fetched.charset)
