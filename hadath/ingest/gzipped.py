"""Gzip-compressed files other than WARC (``.jsonl.gz``, ``.json.gz``, ``.html.gz``, ...).

The inner format comes from the name without ``.gz``; JSON Lines are streamed,
anything else is decompressed up to ``max_bytes``.  A cut-off stream gives the
records read so far and one ``truncated`` rejection.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable, Iterator

from hadath.ingest.options import IngestOptions
from hadath.ingest.records import iter_jsonl
from hadath.model import RawDocument, Rejection

__all__ = ["iter_gzip", "inner_name"]

Item = RawDocument | Rejection
#: ``read_blob(source, name, data, options)`` from the dispatcher.
BlobReader = Callable[[str, str, bytes, IngestOptions], Iterator[Item]]
_BROKEN = (EOFError, gzip.BadGzipFile, zlib.error, OSError)


def inner_name(name: str) -> str:
    """
    >>> inner_name("day.jsonl.gz"), inner_name("x.tgz")
    ('day.jsonl', 'x.tgz')
    """
    return name[:-3] if name.lower().endswith(".gz") else name


def _truncated(source: str, err: Exception) -> Rejection:
    return Rejection(source, "truncated", f"the gzip stream is cut short or corrupt ({err}); "
                     "what came before was read, re-download the file for the rest")


def iter_gzip(path: str, fmt: str, options: IngestOptions, read_blob: BlobReader) -> Iterator[Item]:
    """Articles of the gzip file at ``path`` whose inner format is ``fmt``."""
    if fmt == "jsonl":
        handle = gzip.open(path, "rb")
        try:
            yield from iter_jsonl(path, handle, options)
        except _BROKEN as err:
            yield _truncated(path, err)
        finally:
            handle.close()
        return
    try:
        with gzip.open(path, "rb") as handle:
            data = handle.read(options.max_bytes + 1)
    except _BROKEN as err:
        yield _truncated(path, err)
        return
    if len(data) > options.max_bytes:
        yield Rejection(path, "too_large", f"it unpacks to more than max_bytes ({options.max_bytes}); "
                        "split it or raise IngestOptions.max_bytes")
        return
    yield from read_blob(path, inner_name(path), data, options)
