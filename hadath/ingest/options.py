"""Settings of the ingest stage and the rejection reason codes it uses."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FORMATS", "REASONS", "IngestOptions"]

#: Input formats the readers understand (names used in ``IngestOptions.formats``).
FORMATS = frozenset({"text", "html", "json", "jsonl", "zip", "warc", "feed"})

#: Reason codes of the rejections ingest yields, with what each means.
REASONS = {
    "empty": "no content (0 bytes, only whitespace, or a record without text)",
    "binary": "binary data (NUL bytes or many control characters), not text",
    "too_large": "bigger than IngestOptions.max_bytes",
    "undecodable": "no text encoding decodes it",
    "truncated": "a gzip/zip/WARC container ends early or is corrupt",
    "parse_error": "JSON/feed that does not parse",
    "no_article": "an HTML page with no article text",
    "unsupported": "a format ingest does not read (or one left out of IngestOptions.formats)",
    "not_found": "the path does not exist",
    "fetch_failed": "a URL could not be fetched",
}


@dataclass(frozen=True)
class IngestOptions:
    """How :func:`hadath.ingest.read_paths` reads its inputs.

    >>> IngestOptions().max_bytes
    50000000
    >>> IngestOptions(formats=frozenset({"json"})).accepts("html")
    False
    """

    #: Files read whole (text, HTML, JSON, feeds, downloads) bigger than this are rejected ``too_large``
    #: after ``os.stat``, unread.  Streamed containers (zip, WARC, JSONL, gzip) may be bigger: the
    #: limit then applies to each zip member, WARC record, JSONL line or unpacked gzip.
    max_bytes: int = 50_000_000
    #: Formats to read (subset of ``FORMATS``); ``None`` reads all of them.
    formats: frozenset[str] | None = None
    #: Seconds to wait for a URL before giving up (``fetch_failed``).
    timeout_s: float = 20.0
    #: Read hidden files and folders (names starting with ".") when walking a folder.
    include_hidden: bool = False
    #: HTML whose extracted text has fewer letters than this is rejected ``no_article``.
    min_article_letters: int = 25
    #: User-Agent header sent when fetching URLs.
    user_agent: str = "hadath-ingest/0.1 (+https://github.com/hadath)"

    def accepts(self, fmt: str) -> bool:
        return self.formats is None or fmt in self.formats
