"""Personal-name units (given names, surnames) for the CRF's name features, read at run time.

The list is not shipped here: it is the name index of the installed ``arabic-name-romanizer``
package (MIT; its ``names.sqlite3`` is built from Wikidata people's labels, CC0, and the
Algerian name transcription corpus, CC0).  Each single-word unit becomes a code: ``G`` (given
name) and/or ``S`` (surname), each with a frequency band (``1``: seen once, ``2``: 2-9 times,
``3``: 10-99, ``4``: 100 or more), keyed by :func:`hadath.arabic.normalize.normalize`.
Without the package the table is empty and the features are simply absent.

>>> name_band(1), name_band(5), name_band(50), name_band(500)
('1', '2', '3', '4')
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

from hadath.arabic.normalize import normalize

__all__ = ["name_band", "load_name_units", "names_provenance"]

_ROLES = {"given": "G", "surname": "S"}
# words of letters that normalize() keeps as they are need no normalising (most keys: a faster load)
_KEPT = "".join(c for c in map(chr, range(0x621, 0x64B)) if normalize(c) == c)
_PLAIN = re.compile(f"[{_KEPT}]+")


def name_band(count: int) -> str:
    """Frequency band of a unit's count in the name index."""
    return "1" if count < 2 else "2" if count < 10 else "3" if count < 100 else "4"


@lru_cache(maxsize=1)
def load_name_units() -> dict[str, tuple[str, ...]]:
    """Normalised word -> name codes such as ``("G4", "S2")``; empty when the package is missing."""
    try:
        from importlib.resources import files

        path = files("arabic_name_romanizer") / "resources" / "names.sqlite3"
    except ModuleNotFoundError:
        return {}
    if not path.is_file():
        return {}
    counts: dict[tuple[str, str], int] = {}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT arabic_key, role, SUM(count) FROM units "
                            "WHERE role IN ('given', 'surname') AND arabic_key NOT LIKE '% %' "
                            "GROUP BY arabic_key, role").fetchall()
    for key, role, count in rows:
        word = key if _PLAIN.fullmatch(key) else normalize(key)
        counts[(word, role)] = counts.get((word, role), 0) + int(count)
    out: dict[str, list[str]] = {}
    for (word, role), count in sorted(counts.items()):
        out.setdefault(word, []).append(_ROLES[role] + name_band(count))
    return {w: tuple(codes) for w, codes in out.items()}


def names_provenance() -> dict[str, object]:
    """The name index's package version and the number of words with codes."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        package = version("arabic-name-romanizer")
    except PackageNotFoundError:
        package = None
    return {"package": "arabic-name-romanizer", "version": package, "words": len(load_name_units())}
