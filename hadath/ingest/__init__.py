"""Reading news from files, folders, archives and feeds into :class:`~hadath.model.RawDocument`.

``read_paths`` takes files, folders (recursed in name order, hidden files
skipped) and http(s) URLs, and yields one :class:`RawDocument` per article or
a :class:`Rejection` with a reason code (see ``REASONS``) for each input it
cannot use.  It never raises on bad input.

Formats: plain text (``.txt``), HTML (trafilatura), JSON arrays and JSON
Lines of articles, zip archives of those (SaudiNewsNet), WARC/WARC.gz and
RSS/Atom feeds.  ``RawDocument.source`` is the path, ``path#N`` for the N-th
record (from 0) of a multi-record file, ``archive.zip!member#N`` inside zips,
or the URL.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("قال الوزير.", encoding="utf-8")
>>> _ = (folder / "b.txt").write_bytes(b"")
>>> [(type(x).__name__, getattr(x, "reason", None)) for x in read_paths([str(folder)])]
[('RawDocument', None), ('Rejection', 'empty')]
"""

from hadath.ingest.options import FORMATS, REASONS, IngestOptions
from hadath.ingest.reader import read_paths

__all__ = ["FORMATS", "REASONS", "IngestOptions", "read_paths"]
