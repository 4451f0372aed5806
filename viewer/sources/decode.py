"""Bytes -> text: encodings detected, not assumed; and what kind of input the bytes look like."""
from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SIGNATURES = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"SQLite format 3",
               b"\x7fELF", b"MZ", b"BZh", b"\xfd7zXZ", b"Rar!", b"OggS", b"ID3", b"RIFF", b"\x00\x00\x01\x00")


def _bom(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def looks_binary(data: bytes) -> bool:
    """Images, archives, executables, databases ...: anything that is not text."""
    if _bom(data):
        return False
    head = data[:8192]
    if any(head.startswith(sig) for sig in _SIGNATURES):
        return True
    if b"\x00" in head:
        # UTF-16 without a BOM has NULs in every other byte: leave that to the decoder
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if max(even, odd) > 0.3 * (len(head) / 2) and min(even, odd) < 0.05 * (len(head) / 2):
            return False
        return True
    # control characters other than whitespace
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl > 0.05 * len(head)


def decode(data: bytes) -> str | None:
    """The text of ``data``, or None when no encoding makes sense of it."""
    bom = _bom(data)
    if bom:
        try:
            return data.decode({"utf-8": "utf-8-sig"}.get(bom, bom[:6]))  # utf-16 / utf-32 strip the BOM
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    if not _plausible(text):
        return None
    return text


def detect_encoding(sample: bytes) -> str | None:
    """The encoding of a stream judged on its first bytes (for inputs read piece by piece)."""
    bom = _bom(sample)
    if bom:
        return {"utf-8": "utf-8-sig"}.get(bom, bom[:6])   # utf-16 / utf-32 strip the BOM
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3:   # a character cut by the end of the sample
            return "utf-8"
    from charset_normalizer import from_bytes
    best = from_bytes(sample).best()
    if best is None or not _plausible(str(best)):
        return None
    return best.encoding


def _plausible(text: str) -> bool:
    sample = text[:20000]
    if not sample.strip():
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return bad <= 0.01 * len(sample)


_XML_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|p|div)\b", re.I)


def sniff(data: bytes) -> str:
    """"feed", "html", "jsonl", "csv" or "text" for content with no telling extension."""
    head = data[:4096]
    bom = _bom(head)
    if bom and bom != "utf-8":
        try:
            head = data[:8192].decode(bom[:6], errors="ignore").encode("utf-8")
        except LookupError:
            pass
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<"):
        if _XML_FEED.search(head):
            return "feed"
        if _HTML.search(head):
            return "html"
        if stripped.startswith(b"<?xml"):
            return "feed"   # the feed reader says so if it is not one
        return "html"
    if stripped.startswith(b"{"):
        return "jsonl"
    return "text"
