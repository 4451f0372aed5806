"""RSS and Atom feeds via feedparser: one article per entry, each with its own date."""
from __future__ import annotations

import html as htmllib
import re
from datetime import date
from typing import Iterator

from viewer.model import PUBLISHED_METADATA, Article
from viewer.sources.meta import parse_date
from viewer.text import language_code

_BLOCK = re.compile(r"</?(?:p|div|br|li|h[1-6]|blockquote|tr|section|article)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")


def html_to_text(fragment: str) -> str:
    s = re.sub(r"<(script|style)\b.*?</\1>", " ", fragment, flags=re.S | re.I)
    s = _BLOCK.sub("\n", s)
    s = _TAG.sub("", s)
    s = htmllib.unescape(s)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in s.splitlines()]
    return "\n".join(line for line in lines if line)


def read_feed(data: bytes, source: str) -> Iterator[Article]:
    from viewer.sources import ReadError
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        why = parsed.get("bozo_exception")
        yield ReadError(source, None, "not an RSS or Atom feed, or a feed with no entries"
                        + (f" ({why})" if why else ""))
        return
    feed_language = language_code(parsed.get("feed", {}).get("language"))
    for n, entry in enumerate(entries, 1):
        title = (entry.get("title") or "").strip() or None
        name = f"entry {n}" + (f" ({title[:60]!r})" if title else "")
        body = ""
        for content in entry.get("content") or []:
            if content.get("value"):
                body = content["value"]
                break
        if not body:
            body = entry.get("summary") or entry.get("description") or ""
        text = html_to_text(body)
        # an entry's own xml:lang, else the feed's <language>
        language = language_code(_entry_language(entry)) or feed_language
        if title and text and not text.startswith(title):
            text = f"{title}\n{text}"
        if not text.strip():
            yield ReadError(source, None, f"{name}: no text")
            continue
        published = None
        for key in ("published", "updated", "created"):
            parsed_key = entry.get(f"{key}_parsed")
            if parsed_key:
                try:
                    published = date(*parsed_key[:3]).isoformat()
                except (TypeError, ValueError):
                    published = None
                break
            raw = entry.get(key)
            if raw:
                published = parse_date(raw)
                if published is None:
                    yield ReadError(source, None, f"{name}: unreadable date {raw!r}; "
                                                  "ingested with a date inferred from its text",
                                      skipped=False)
                break
        yield Article(text=text, title=title, url=entry.get("link") or None, source=source,
                      published=published, published_source=PUBLISHED_METADATA if published else None,
                      language=language)


def _entry_language(entry) -> str | None:
    for key in ("content", "title_detail", "summary_detail"):
        detail = entry.get(key)
        for d in (detail if isinstance(detail, list) else [detail]):
            if isinstance(d, dict) and d.get("language"):
                return d["language"]
    return None
