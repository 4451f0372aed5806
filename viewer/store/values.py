"""Values as the store keeps them: text SQLite can store, ISO dates as the timeline's seconds, and a
person's search words as a safe full-text query. Pure functions, shared by the store's modules."""
from __future__ import annotations

import re
from datetime import datetime, timezone

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_UNIT_SECONDS = {"hour": 3600, "minute": 60, "second": 1}


_ISO = re.compile(r"([+-]?\d{4,})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$")


def days_from_civil(y: int, m: int, d: int) -> int:
    """Days from 1970-01-01 to a day of the proleptic Gregorian calendar, for any astronomical year (1 BC is
    year 0, 480 BC is -479): what ``datetime`` cannot do before year 1."""
    y -= m <= 2
    era = y // 400          # Python's floor division: no adjustment for negative years
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(z: int) -> tuple[int, int, int]:
    """The inverse of ``days_from_civil``: (astronomical year, month, day)."""
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return yoe + era * 400 + (m <= 2), m, d


def _seconds(text: str) -> float:
    """An ISO 8601 date or datetime (any year, "-0479-04-01" included; a datetime without a zone is UTC) in
    seconds since 1970 UTC."""
    m = _ISO.match(text.strip())
    if m is None:
        raise ValueError(f"not an ISO date: {text!r}")
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        raise ValueError(f"not an ISO date: {text!r}")
    if y >= 1 and m.group(4):
        moment = datetime.fromisoformat(text.strip())
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        return (moment - _EPOCH).total_seconds()
    if y >= 1:
        datetime(y, mo, d)   # a day the calendar has (ValueError otherwise), as for years before 1 below
    elif d > (29 if mo == 2 and (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else
              28 if mo == 2 else 30 if mo in (4, 6, 9, 11) else 31):
        raise ValueError(f"not a calendar date: {text!r}")
    secs = days_from_civil(y, mo, d) * 86400.0
    if m.group(4):
        secs += int(m.group(4)) * 3600 + int(m.group(5)) * 60 + int(m.group(6) or 0)
        zone = m.group(7)
        if zone and zone != "Z":
            sign = 1 if zone[0] == "+" else -1
            zz = zone[1:].replace(":", "")
            secs -= sign * (int(zz[:2]) * 3600 + int(zz[2:]) * 60)
    return secs


def interval_seconds(earliest: str, latest: str, granularity: str | None = None) -> tuple[float, float]:
    """Inclusive ISO bounds -> [t0, t1) in seconds since 1970 UTC (the timeline's axis). Years before 1 are
    ISO astronomical years ("-0479-01-01" is 1 January 480 BC), counted in the proleptic Gregorian calendar."""
    start = _seconds(earliest)
    end = _seconds(latest)
    if "T" in latest:
        end += _UNIT_SECONDS.get(granularity or "", 60)
    else:
        end += 86400
    return start, end


def seconds_to_iso(seconds: float) -> str:
    """The ISO day (UTC) of a moment on the axis; years before 1 as ISO writes them ("-0479-04-01")."""
    y, m, d = civil_from_days(int(seconds // 86400))
    return (f"-{-y:04d}" if y < 0 else f"{y:04d}") + f"-{m:02d}-{d:02d}"


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
