"""Zip archives: each member of a supported format is read like a file.

Sources are ``archive.zip!member.json`` (and ``archive.zip!member.json#N``
for the records inside).  Members are read one at a time, so memory holds
one member, never the whole archive.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterator

from hadath.ingest.options import IngestOptions
from hadath.model import RawDocument, Rejection

__all__ = ["iter_zip"]

Item = RawDocument | Rejection
#: ``read_blob(source, name, data, options)`` from the dispatcher (passed in to avoid an import cycle).
BlobReader = Callable[[str, str, bytes, IngestOptions], Iterator[Item]]


def _members(archive: zipfile.ZipFile, options: IngestOptions) -> list[zipfile.ZipInfo]:
    out = []
    for info in archive.infolist():
        parts = info.filename.split("/")
        if info.is_dir() or "__MACOSX" in parts:
            continue
        if not options.include_hidden and any(p.startswith(".") for p in parts if p):
            continue
        out.append(info)
    return sorted(out, key=lambda i: i.filename)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str,
                 options: IngestOptions) -> bytes | Rejection:
    if info.file_size > options.max_bytes:
        return Rejection(source, "too_large", f"member is {info.file_size} bytes (> max_bytes "
                         f"{options.max_bytes}); raise IngestOptions.max_bytes to read it")
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as err:
        return Rejection(source, "truncated", f"member is cut short or corrupt ({err}); "
                         "re-download or re-create the archive")
    except NotImplementedError as err:
        return Rejection(source, "unsupported", f"{err}; re-pack the archive with deflate")


def iter_zip(path: str, options: IngestOptions, read_blob: BlobReader) -> Iterator[Item]:
    """Articles of every member of the zip at ``path``, members in name order."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError) as err:
        yield Rejection(path, "truncated", f"not a readable zip ({err}); the file may be cut short, "
                        "re-download or re-create it")
        return
    with archive:
        for info in _members(archive, options):
            source = f"{path}!{info.filename}"
            data = _read_member(archive, info, source, options)
            if isinstance(data, Rejection):
                yield data
            else:
                yield from read_blob(source, info.filename, data, options)
