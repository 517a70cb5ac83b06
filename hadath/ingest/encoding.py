"""Turning bytes into text: BOM, declared charset, strict UTF-8, then a guess.

Arabic sites still serve windows-1256 and ISO-8859-6; a general detector
confuses the two (their letters share many byte values), so those two are
scored first on how Arabic the decoded text looks.

>>> decode_bytes("سلام".encode("cp1256"))
Decoded(text='سلام', encoding='cp1256')
>>> decode_bytes("سلام عليكم".encode("iso-8859-6")).encoding
'iso-8859-6'
>>> decode_bytes(b"\\xef\\xbb\\xbfabc").text
'abc'
"""

from __future__ import annotations

import codecs
import math
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

__all__ = ["Decoded", "decode_bytes", "declared_charset", "is_binary", "looks_binary", "strip_bom"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.I)
_ARABIC_CODECS = ("cp1256", "iso-8859-6")
# Labels that browsers treat as another codec (WHATWG encoding standard).
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252",
            "iso-8859-6-i": "iso-8859-6", "iso-8859-6-e": "iso-8859-6", "arabic": "iso-8859-6",
            "x-user-defined": "cp1252", "x-mac-arabic": "mac-arabic"}
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}
_MAGIC = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an ELF executable"), (b"MZ", "a Windows executable"), (b"%PDF", "a PDF document"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"), (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"7z\xbc\xaf", "a 7-Zip archive"), (b"Rar!", "a RAR archive"), (b"BZh", "a bzip2 file"),
    (b"\xfd7zXZ", "an xz file"), (b"\x00\x00\x00", "binary data"),
)


@dataclass(frozen=True)
class Decoded:
    """Decoded text and the codec that decoded it."""

    text: str
    encoding: str


def looks_binary(head: bytes) -> str | None:
    """What the data looks like when it is not text (for the rejection detail), else ``None``.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    'a PNG image'
    >>> looks_binary("نص".encode()) is None
    True
    """
    for magic, what in _MAGIC:
        if head.startswith(magic) and (what != "a Windows executable" or b"\x00" in head[:512]):
            return what
    if is_binary(head):
        return "binary data (NUL bytes or control characters)"
    return None


def strip_bom(data: bytes) -> tuple[bytes, str | None]:
    """``data`` without its byte-order mark, and the codec the mark names."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):], codec.replace("-sig", "")
    return data, None


def is_binary(head: bytes) -> bool:
    """True for data that is not text: NUL bytes or > 10 % control characters.

    >>> is_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    True
    >>> is_binary("نص عادي\\n".encode())
    False
    """
    if not head or strip_bom(head)[1] in ("utf-16", "utf-32"):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls > 0.1 * len(head)


def declared_charset(head: bytes) -> str | None:
    """The codec an HTML ``<meta charset>`` or XML declaration names, when Python knows it."""
    match = _XML_DECL.search(head[:1024]) or _META.search(head[:4096])
    return _codec_name(match.group(1).decode("ascii")) if match else None


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _arabic_score(text: str) -> float:
    """Share of non-ASCII characters that are Arabic letters (Latin accents count against)."""
    arabic = other = 0
    for ch in text:
        if ch < "\x80":
            continue
        if "\u0600" <= ch <= "\u06ff" or ch in "\u200c\u200d\u200e\u200f":
            arabic += 1
        else:
            other += 1
    return arabic / (arabic + other) if arabic + other else 0.0


# Rough relative frequencies (per mille) of Arabic letters in news text (general knowledge,
# rounded); used only to tell windows-1256 from ISO-8859-6 when both decode to Arabic letters.
_LETTER_FREQ = {
    "ا": 124, "ل": 110, "ي": 66, "م": 60, "و": 56, "ن": 55, "ر": 46, "ت": 40, "ب": 39, "ه": 37,
    "أ": 33, "ع": 31, "د": 29, "ة": 29, "ف": 28, "س": 25, "ك": 24, "ق": 23, "ح": 20, "ى": 16,
    "ج": 14, "إ": 13, "ش": 10, "ص": 10, "خ": 9, "ط": 9, "ذ": 9, "ث": 7, "ز": 6, "ض": 6, "ئ": 6,
    "ء": 5, "غ": 4, "ظ": 2, "آ": 2, "ؤ": 2, "ـ": 1,
}
_WORD_FINAL = frozenset("ةى\u064b\u064c\u064d")  # taa marbuta, alef maqsura, tanween
_HARAKAT = frozenset("\u064e\u064f\u0650\u0651\u0652")
_CP1256_PRIOR = 0.05  # windows-1256 is by far the more common of the two on the web


def _letter_plausibility(text: str) -> float:
    """Mean log frequency of the Arabic letters and marks; a word-final-only letter or
    tanween inside a word, or a mark at the start of a word, counts as very rare."""
    total, count = 0.0, 0
    for word in text.split():
        if word.startswith("ال"):  # the article: the commonest word start
            total += 2.0
        for i, ch in enumerate(word):
            freq = 2.0 if ch in _HARAKAT or ch in _WORD_FINAL else _LETTER_FREQ.get(ch)
            if freq is None:
                continue
            if ch in _WORD_FINAL and i + 1 < len(word) and word[i + 1] not in "ا\u064b":
                freq = 0.1
            if i == 0 and (ch in _HARAKAT or ch in "\u064b\u064c\u064d"):
                freq = 0.1
            total += math.log(freq if ch not in "ةى" or freq == 0.1 else _LETTER_FREQ[ch])
            count += 1
    return total / count if count else 0.0


def _decode_arabic_legacy(data: bytes) -> Decoded | None:
    """Best of windows-1256 / ISO-8859-6 when one of them reads as Arabic text."""
    best: tuple[tuple[float, float], Decoded] | None = None
    for codec in _ARABIC_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        # ties (both read as Arabic letters) go to the likelier letters, then to cp1256
        prior = _CP1256_PRIOR if codec == "cp1256" else 0.0
        score = (round(_arabic_score(text), 3), _letter_plausibility(text) + prior)
        if score[0] > 0.9 and (best is None or score > best[0]):
            best = (score, Decoded(text, codec))
    return best[1] if best else None


def _try(data: bytes, codec: str | None) -> Decoded | None:
    if not codec:
        return None
    try:
        return Decoded(data.decode(codec), codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded | None:
    """Decode ``data``; ``declared`` is a charset from outside (an HTTP header).

    Order: byte-order mark, strict UTF-8 (when there are non-ASCII bytes: valid UTF-8 is
    never legacy Arabic by chance, and re-encoded pages keep stale ``<meta charset>``),
    ``declared``, the document's own declaration, windows-1256/ISO-8859-6 scored as
    Arabic, charset-normalizer.
    Returns ``None`` when nothing decodes it (the caller rejects ``undecodable``).
    """
    body, bom_codec = strip_bom(data)
    if bom_codec:
        return _try(body, bom_codec)
    if not data.isascii():
        # valid UTF-8 with non-ASCII bytes is never cp1256/ISO-8859-6 text by chance, while pages
        # re-encoded to UTF-8 often keep their old <meta charset>: strict UTF-8 wins
        utf8 = _try(data, "utf-8")
        if utf8 is not None:
            return utf8
    for codec in (_codec_name(declared), declared_charset(data[:4096]), "utf-8"):
        text = _try(data, codec)
        if text is not None:
            return text
    text = _decode_arabic_legacy(data)
    if text is not None:
        return text
    match = from_bytes(data).best()
    return Decoded(str(match), match.encoding) if match is not None else None
