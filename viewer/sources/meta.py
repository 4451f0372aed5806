"""Small helpers shared by the readers: dates from metadata and records."""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\b")


def _from_epoch(seconds: float) -> str | None:
    from datetime import timezone
    try:
        return datetime.fromtimestamp(float(seconds), tz=timezone.utc).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def parse_date(value) -> str | None:
    """An ISO date (YYYY-MM-DD) from a metadata value, or None when it can't be read.

    Accepts ISO dates and datetimes, RFC 2822 ("Mon, 18 Nov 2024 10:00:00 GMT"), compact "20241118",
    and, as a last resort, what dateparser reads without guessing a day ("18 November 2024").
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_epoch(value)
    s = str(value).strip()
    if not s:
        return None
    if re.fullmatch(r"\d{9,10}(?:\.\d+)?|\d{12,13}", s):   # Unix time in seconds or milliseconds
        return _from_epoch(float(s) / (1000 if len(s) >= 12 and "." not in s else 1))
    for rx in (_ISO, _COMPACT):
        m = rx.match(s)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
            except ValueError:
                return None
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    if not re.search(r"\d", s) or len(s) > 60:
        return None
    try:
        import dateparser
        d = dateparser.parse(s, languages=None, settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"})
    except Exception:
        return None
    return d.date().isoformat() if d else None


def has_prose(text: str, min_words: int = 3) -> bool:
    """Whether text reads like prose: enough words, and mostly letters (not a table of numbers)."""
    sample = text[:20000]
    words = re.findall(r"[^\W\d_]{2,}", sample)
    if len(words) < min_words:
        return False
    letters = sum(len(w) for w in words)
    non_space = sum(1 for ch in sample if not ch.isspace())
    return letters >= 0.5 * non_space
