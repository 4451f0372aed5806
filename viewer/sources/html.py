"""Saved web pages: main text, title, publication date, URL and language, via trafilatura."""
from __future__ import annotations

import re
from typing import Iterator

from viewer.model import PUBLISHED_METADATA, Article
from viewer.sources.meta import has_prose, parse_date
from viewer.text import language_code

_NOSCRIPT = re.compile(r"<noscript\b.*?</noscript\s*>", re.S | re.I)
_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)""", re.I)
_META_LANG = re.compile(
    r"""<meta\b[^>]*?(?:http-equiv\s*=\s*["']content-language["']|property\s*=\s*["']og:locale["'])"""
    r"""[^>]*?content\s*=\s*["']([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)""", re.I)
_META_DATE = re.compile(
    r"""<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|"""
    r"""datePublished|pubdate|publishdate|date|dc\.date|dc\.date\.issued|sailthru\.date|parsely-pub-date)["']"""
    r"""[^>]*?content\s*=\s*["']([^"']+)["']""", re.I)


def read_html(html: str, source: str, raw: bytes | None = None) -> Iterator[Article]:
    from viewer.sources import ReadError
    import trafilatura

    doc = trafilatura.bare_extraction(
        _NOSCRIPT.sub(" ", html), with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True})
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    title = (getattr(doc, "title", None) or "").strip() or None
    if not text:
        # Very short pages fall under trafilatura's minimum size: take its baseline (paragraph) text.
        text = _paragraphs(html)
    body = text[len(title):] if title and text.startswith(title) else text
    if not has_prose(body, min_words=4):
        yield ReadError(source, None, "no article text found in the page")
        return
    url = getattr(doc, "url", None) or None
    # The page's own metadata first (article:published_time ...), then what trafilatura found.
    m = _META_DATE.search(html)
    published = parse_date(m.group(1)) if m else None
    if published is None:
        published = parse_date(getattr(doc, "date", None))
    lang = language_code(getattr(doc, "language", None))
    if not lang:
        lm = _LANG.search(html[:5000]) or _META_LANG.search(html[:20000])
        lang = language_code(lm.group(1)) if lm else None
    yield Article(text=text, title=title, url=url, source=source, published=published,
                  published_source=PUBLISHED_METADATA if published else None, language=lang)


def _paragraphs(html: str) -> str:
    """The text of the page's paragraphs outside navigation, headers, footers, forms and scripts."""
    try:
        import lxml.html
        root = lxml.html.fromstring(html)
    except Exception:
        return ""
    for bad in root.xpath("//script|//style|//noscript|//nav|//header|//footer|//form|//aside"):
        bad.drop_tree()
    paras = [" ".join(p.text_content().split()) for p in root.xpath("//p")]
    return "\n".join(p for p in paras if p)
