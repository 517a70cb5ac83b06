"""Which reader a file needs, from its name and its first bytes.

Magic numbers (zip, gzip, WARC) win over the extension; strong HTML markup
in a ``.txt`` makes it HTML; an unknown extension is read only when the
content sniffs as a known format.

>>> detect_format("a.txt", "نص".encode())
'text'
>>> detect_format("page.bin", b"<!DOCTYPE html><html>")
'html'
>>> detect_format("x.json", b"PK\\x03\\x04...")
'zip'
>>> detect_format("notes.md", b"# hello") is None
True
"""

from __future__ import annotations

import zlib

from hadath.ingest.encoding import strip_bom

__all__ = ["detect_format", "format_from_name"]

_EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".zip": "zip",
    ".warc": "warc", ".warc.gz": "warc", ".arc.gz": "warc",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}


def format_from_name(name: str) -> str | None:
    """The format an extension stands for (``.warc.gz`` counts as one extension)."""
    lower = name.lower().rsplit("/", 1)[-1]
    for ext in sorted(_EXTENSIONS, key=len, reverse=True):
        if lower.endswith(ext):
            return _EXTENSIONS[ext]
    return None


def _gzip_inner(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return b""


def sniff_content(head: bytes) -> str | None:
    """The format the first bytes show, or ``None`` (plain text or unknown)."""
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"\x1f\x8b"):
        return "warc" if _gzip_inner(head).startswith(b"WARC/") else "gzip"
    body = strip_bom(head)[0].lstrip()
    if body.startswith(b"WARC/"):
        return "warc"
    start = body[:1024].lower()
    if start.startswith(b"<?xml"):
        start = start.split(b"?>", 1)[-1].lstrip()
        while start.startswith(b"<!--") or start.startswith(b"<?"):
            start = start.split(b">", 1)[-1].lstrip()
    if start.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed"
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in start[:256]:
        return "html"
    if start.startswith(b"["):
        return "json"
    if start.startswith(b"{"):
        lines = [line for line in body.splitlines() if line.strip()]
        return "jsonl" if len(lines) > 1 and lines[1].lstrip().startswith(b"{") else "json"
    return None


def detect_format(name: str, head: bytes) -> str | None:
    """``text``, ``html``, ``json``, ``jsonl``, ``zip``, ``warc``, ``feed``, ``gzip``
    (a gzip that is not a WARC) or ``None`` when neither name nor content says."""
    by_name = format_from_name(name)
    by_content = sniff_content(head)
    if by_content in ("zip", "warc", "gzip"):
        return by_content
    if by_name == "text" and by_content == "html":
        return "html"
    if by_name == "json" and by_content == "jsonl":
        return "jsonl"
    if by_name is not None:
        return by_name
    if by_content is not None:
        return by_content
    base = name.rsplit("/", 1)[-1]
    return "text" if "." not in base else None
