"""Plain text and Markdown."""
from __future__ import annotations

import re
from typing import Iterator

from viewer.model import PUBLISHED_METADATA, Article
from viewer.sources.meta import has_prose, parse_date

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n(?:---|\.\.\.)\s*\n", re.S)
_FM_FIELD = re.compile(r"^(\w[\w-]*)\s*:\s*(.+?)\s*$", re.M)


def strip_markdown(md: str) -> str:
    s = re.sub(r"^```.*?^```[^\n]*\n?", "", md, flags=re.S | re.M)           # code fences
    s = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", s)                                 # images
    s = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", s)                             # links -> their text
    s = re.sub(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", r"\1", s, flags=re.M)      # headings
    s = re.sub(r"^\s{0,3}>\s?", "", s, flags=re.M)                             # quotes
    s = re.sub(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+", "", s, flags=re.M)            # list markers
    s = re.sub(r"^\s{0,3}(?:[-*_]\s*){3,}$", "", s, flags=re.M)               # rules
    s = re.sub(r"(\*\*|__)(.+?)\1", r"\2", s)                                  # bold
    s = re.sub(r"(?<!\w)([*_])(?!\s)(.+?)(?<!\s)\1(?!\w)", r"\2", s)           # italics
    s = re.sub(r"`([^`]*)`", r"\1", s)
    s = re.sub(r"<[^>\n]+>", "", s)                                            # inline html tags
    s = re.sub(r"\n{3,}", "\n\n", s)
    return s.strip()


def read_text(text: str, source: str, *, markdown: bool = False) -> Iterator[Article]:
    from viewer.sources import ReadError
    published = None
    title = None
    meta_url = None
    fm = _FRONT_MATTER.match(text)
    if fm:
        fields = {k.lower(): v.strip("'\" ") for k, v in _FM_FIELD.findall(fm.group(1))}
        published = parse_date(fields.get("date") or fields.get("published") or "")
        title = fields.get("title") or None
        meta_url = fields.get("url") or fields.get("link") or None
        text = text[fm.end():]
    if markdown:
        h = re.search(r"^\s{0,3}#\s+(.+?)\s*#*\s*$", text, re.M)
        if h and not title:
            title = strip_markdown(h.group(1)).strip()
        text = strip_markdown(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        yield ReadError(source, None, "no text")
        return
    if not has_prose(text):
        yield ReadError(source, None, "not an article (no prose found)")
        return
    if title is None:
        first = text.split("\n", 1)[0].strip()
        if 0 < len(first) <= 150 and "\n" in text and not first.endswith((".", ",", ";", ":")):
            title = first
    yield Article(text=text, title=title, url=meta_url, source=source, published=published,
                  published_source=PUBLISHED_METADATA if published else None)
