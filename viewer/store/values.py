"""Values as the store keeps them: text SQLite can store, ISO dates as the timeline's seconds, and a
person's search words as a safe full-text query. Pure functions, shared by the store's modules."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_UNIT_SECONDS = {"hour": 3600, "minute": 60, "second": 1}


def _parse_iso(text: str) -> datetime:
    if "T" in text:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        return moment
    y, m, d = (int(p) for p in text.split("-"))
    return datetime(y, m, d, tzinfo=timezone.utc)


def interval_seconds(earliest: str, latest: str, granularity: str | None = None) -> tuple[float, float]:
    """Inclusive ISO bounds -> [t0, t1) in seconds since 1970 UTC (the timeline's axis)."""
    start = _parse_iso(earliest)
    end = _parse_iso(latest)
    if "T" in latest:
        end += timedelta(seconds=_UNIT_SECONDS.get(granularity or "", 60))
    else:
        end += timedelta(days=1)
    return (start - _EPOCH).total_seconds(), (end - _EPOCH).total_seconds()


def seconds_to_iso(seconds: float) -> str:
    return (_EPOCH + timedelta(seconds=seconds)).date().isoformat()


def fts_query(text: str) -> str | None:
    """A person's search words -> a safe FTS5 query: every word, quoted, as a prefix, all required.
    Never raises. At most 32 words of 64 characters; repeated words, and words that are the start of
    another word of the query ("o" in "o oil"), are dropped: they match nothing more and cost time."""
    first: dict[str, str] = {}            # the first 32 distinct words, lowered -> as typed
    for match in re.finditer(r"\w+", str(text or "")[:100_000]):
        w = match.group()[:64]
        first.setdefault(w.lower(), w)
        if len(first) == 32:
            break
    out = [w for low, w in first.items() if not any(o != low and o.startswith(low) for o in first)]
    if not out:
        return None
    return " ".join('"%s"*' % w for w in out)



def clean_text(text):
    """Text SQLite can store: lone surrogates (from undecodable bytes) become U+FFFD, which keeps
    every str offset where it was."""
    if text is None or not isinstance(text, str) or text.isascii():
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return re.sub("[\ud800-\udfff]", "\ufffd", text)
