"""How dates, precisions and countries are written for people. Pure Python (no Qt)."""
from __future__ import annotations

import re
from datetime import date, datetime

from viewer.model import PUBLISHED_GIVEN, PUBLISHED_INFERRED, PUBLISHED_METADATA

_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
_PRECISION = {
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "weekend": "weekend",
    "week": "week", "month": "month", "season": "season", "quarter": "quarter", "half": "half-year",
    "year": "year", "decade": "decade", "century": "century",
}


def _d(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).date() if "T" in text else date.fromisoformat(text[:10])
    except ValueError:
        return None


def day(d: date) -> str:
    return f"{d.day} {d.strftime('%b')} {d.year}"


def day_span(a: date, b: date) -> str:
    """11–17 Nov 2024, 28 Oct – 3 Nov 2024, 30 Dec 2024 – 5 Jan 2025."""
    if a == b:
        return day(a)
    if a.year != b.year:
        return f"{day(a)} – {day(b)}"
    if a.month != b.month:
        return f"{a.day} {a.strftime('%b')} – {b.day} {b.strftime('%b')} {b.year}"
    return f"{a.day}–{b.day} {b.strftime('%b')} {b.year}"


def when(value: str | None, earliest: str | None, latest: str | None,
         granularity: str | None) -> str:
    """A resolved date as a person would say it: 'September 2024', 'summer 2024', '18 Nov 2024'."""
    a, b = _d(earliest), _d(latest)
    value = value or ""
    g = granularity or ""
    if a is None:
        return value or "undated"
    if g in ("hour", "minute", "second") and earliest and "T" in earliest:
        t = datetime.fromisoformat(earliest)
        return f"{day(t.date())} {t.strftime('%H:%M')}"
    if g == "day" or (b is not None and a == b):
        return day(a)
    if g == "month":
        return f"{a.strftime('%B')} {a.year}"
    if g == "season":
        m = re.match(r"^(\d{4})-(SP|SU|FA|AU|WI)$", value)
        name = _SEASONS[m.group(2)] if m else "season"
        return f"{name} {m.group(1) if m else a.year}"
    if g == "quarter":
        return f"Q{(a.month - 1) // 3 + 1} {a.year}"
    if g == "half":
        return f"H{1 if a.month <= 6 else 2} {a.year}"
    if g == "year":
        return str(a.year)
    if g == "decade":
        return f"the {a.year // 10 * 10}s"
    if g == "century":
        n = a.year // 100 + 1
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix} century"
    if g == "week" and b is not None:
        m = re.match(r"^(\d{4})-W(\d\d)", value)
        label = f"week {int(m.group(2))}, " if m else "week of "
        return f"{label}{day_span(a, b)}" if m else f"week of {day_span(a, b)}"
    if g == "weekend" and b is not None:
        return f"weekend of {day_span(a, b)}"
    if b is not None:
        return day_span(a, b)
    return day(a)


def short_date(earliest: str | None, latest: str | None, granularity: str | None, value: str | None) -> str:
    """A compact date for the table, in the same words as the excerpt panel: 18 Nov 2024, Sep 2024,
    summer 2024, 16–17 Nov 2024."""
    a = _d(earliest)
    if a is None:
        return value or "undated"
    g = granularity or ""
    if g == "month":
        return f"{a.strftime('%b')} {a.year}"
    if g in ("week", "weekend"):
        return day_span(a, _d(latest) or a)
    return when(value, earliest, latest, granularity)


def precision(granularity: str | None) -> str:
    return _PRECISION.get(granularity or "", granularity or "—")


def published(pub: str | None, how: str | None) -> str:
    """'Published 18 Nov 2024 (worked out from the text)'."""
    d = _d(pub)
    if d is None:
        return "Publication date unknown"
    source = {
        PUBLISHED_GIVEN: "given on import",
        PUBLISHED_METADATA: "from the page's metadata",
        PUBLISHED_INFERRED: "worked out from the text",
    }.get(how or "", how or "source not recorded")
    return f"Published {day(d)} ({source})"


def resolution(time_text: str, anchor: str | None, value: str | None, earliest: str | None,
               latest: str | None, granularity: str | None) -> str:
    """"'Last September', relative to 18 Nov 2024 → September 2024"."""
    result = when(value, earliest, latest, granularity)
    quoted = f"‘{time_text}’" if time_text else "The date"
    a = _d(anchor)
    if a is not None:
        return f"{quoted}, relative to {day(a)} → {result}"
    return f"{quoted} → {result}"


_NAMES: dict[str, str] = {
    # the names people use where the ISO name is the formal one
    "RU": "Russia", "US": "United States", "GB": "United Kingdom", "IR": "Iran", "SY": "Syria",
    "KP": "North Korea", "KR": "South Korea", "VE": "Venezuela", "BO": "Bolivia", "TZ": "Tanzania",
    "MD": "Moldova", "LA": "Laos", "VN": "Vietnam", "TW": "Taiwan", "PS": "Palestine",
    "CD": "DR Congo", "CG": "Congo", "CZ": "Czechia", "MK": "North Macedonia", "BN": "Brunei",
    "VA": "Vatican", "FM": "Micronesia", "TR": "Türkiye",
}


def country_name(code: str) -> str:
    """UA -> Ukraine; organisation codes (NATO, EU) stay as they are."""
    if code in _NAMES:
        return _NAMES[code]
    name = code
    if len(code) == 2 and code.isalpha():
        try:
            import pycountry
            c = pycountry.countries.get(alpha_2=code.upper())
            if c is not None:
                name = getattr(c, "common_name", None) or c.name
        except Exception:  # pycountry missing or its data unreadable: the code is still readable
            name = code
    _NAMES[code] = name
    return name


# A qualitative palette (Tableau 10-ish, adjusted for white backgrounds) for country colours.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#7f7f7f", "#ff7f0e", "#393b79", "#637939", "#8c6d31", "#843c39")


def country_colour(code: str) -> str:
    """A stable colour per country code (the same in every view and every run)."""
    h = 0
    for ch in code:
        h = (h * 131 + ord(ch)) & 0xFFFFFFFF
    return PALETTE[h % len(PALETTE)]


def axis_span(t0: float, t1: float) -> str:
    """A visible time range (seconds since 1970 UTC) in words at a sensible precision."""
    from datetime import timedelta, timezone
    epoch = datetime(1970, 1, 1, tzinfo=timezone.utc)
    try:
        a = epoch + timedelta(seconds=t0)
        b = epoch + timedelta(seconds=t1)
    except (OverflowError, ValueError):
        return ""
    span = t1 - t0
    if span > 3 * 365 * 86400:
        return f"{a.year} – {b.year}"
    if span > 60 * 86400:
        return f"{a.strftime('%b')} {a.year} – {b.strftime('%b')} {b.year}"
    if span > 2 * 86400:
        return day_span(a.date(), b.date())
    return f"{day(a.date())} {a.strftime('%H:%M')} – {'' if a.date() == b.date() else day(b.date()) + ' '}" \
           f"{b.strftime('%H:%M')}"


def article_label(row: dict) -> str:
    """How an article is named in lists: its title, else its file name or web address."""
    title = (row.get("title") or "").strip()
    if title:
        return title
    source = (row.get("source") or "").strip()
    if source:
        name = source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        return name or source
    url = (row.get("url") or "").strip()
    return url or row.get("id") or "untitled"


def iso_day(seconds: float | None) -> str | None:
    """Seconds since 1970 UTC -> YYYY-MM-DD (None when out of range)."""
    if seconds is None:
        return None
    from datetime import timedelta, timezone
    try:
        return (datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=seconds)).date().isoformat()
    except (OverflowError, ValueError):
        return None
