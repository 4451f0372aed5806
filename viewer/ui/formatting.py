"""How dates, precisions, countries and languages are written for people.

Month names come from one place, `month_name`, in the desktop's language (Qt's default QLocale), so the
axis, the table, the panels and the status bar say the same words; every other word here is English.
Plain functions: no widgets and no application needed.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from PySide6.QtCore import QLocale

from viewer.model import PUBLISHED_GIVEN, PUBLISHED_INFERRED, PUBLISHED_METADATA
from viewer.store.filtering import NO_LANGUAGE

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
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


def month_name(month: int, *, short: bool = False, after_day: bool = False) -> str:
    """The desktop locale's name of a month (1-12): 'September' / 'Sep' in English, 'septembre' / 'sept.'
    in French. after_day: the form that follows a day number ('18 Nov'), which some languages inflect
    (Russian 'сентября' after a day, 'сентябрь' on its own or before a year)."""
    form = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    locale = QLocale()
    return locale.monthName(month, form) if after_day else locale.standaloneMonthName(month, form)


def day_month(d: date) -> str:
    """'18 Nov'."""
    return f"{d.day} {month_name(d.month, short=True, after_day=True)}"


def day(d: date) -> str:
    """'18 Nov 2024'."""
    return f"{day_month(d)} {d.year}"


def month_year(d: date, *, short: bool = False) -> str:
    """'September 2024', or 'Sep 2024' when short."""
    return f"{month_name(d.month, short=short)} {d.year}"


def clock(t: datetime) -> str:
    """'14:05' (24-hour)."""
    return f"{t.hour:02d}:{t.minute:02d}"


def day_span(a: date, b: date) -> str:
    """11–17 Nov 2024, 28 Oct – 3 Nov 2024, 30 Dec 2024 – 5 Jan 2025."""
    if a == b:
        return day(a)
    if a.year != b.year:
        return f"{day(a)} – {day(b)}"
    if a.month != b.month:
        return f"{day_month(a)} – {day(b)}"
    return f"{a.day}–{day(b)}"


def _season(value: str, a: date) -> str:
    m = re.match(r"^(\d{4})-(SP|SU|FA|AU|WI)$", value)
    return f"{_SEASONS[m.group(2)]} {m.group(1)}" if m else f"season {a.year}"


def _century(a: date) -> str:
    n = a.year // 100 + 1
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} century"


# granularity -> how a period of it is said, from its TIMEX3 value and its first day
_PERIOD_WORDS = {
    "month": lambda value, a: month_year(a),
    "season": _season,
    "quarter": lambda value, a: f"Q{(a.month - 1) // 3 + 1} {a.year}",
    "half": lambda value, a: f"H{1 if a.month <= 6 else 2} {a.year}",
    "year": lambda value, a: str(a.year),
    "decade": lambda value, a: f"the {a.year // 10 * 10}s",
    "century": lambda value, a: _century(a),
}


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
        return f"{day(t.date())} {clock(t)}"
    if g == "day" or (b is not None and a == b):
        return day(a)
    if g in _PERIOD_WORDS:
        return _PERIOD_WORDS[g](value, a)
    if b is None:
        return day(a)
    if g == "week":
        m = re.match(r"^(\d{4})-W(\d\d)", value)
        return f"week {int(m.group(2))}, {day_span(a, b)}" if m else f"week of {day_span(a, b)}"
    if g == "weekend":
        return f"weekend of {day_span(a, b)}"
    return day_span(a, b)


def short_date(earliest: str | None, latest: str | None, granularity: str | None, value: str | None) -> str:
    """A compact date for the table, in the same words as the excerpt panel: 18 Nov 2024, Sep 2024,
    summer 2024, 16–17 Nov 2024."""
    a = _d(earliest)
    if a is None:
        return value or "undated"
    g = granularity or ""
    if g == "month":
        return month_year(a, short=True)
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


UNKNOWN_LANGUAGE = NO_LANGUAGE    # the store's code ("und", ISO 639-2 "undetermined") for no language stored


def language_name(code: str | None) -> str:
    """fr -> French (in English, as the rest of the window); "und" or None -> "Unknown"; a code Qt does
    not know stays as it is."""
    if not code or code == UNKNOWN_LANGUAGE:
        return "Unknown"
    lang = QLocale.codeToLanguage(code)
    if lang in (QLocale.Language.AnyLanguage, QLocale.Language.C):
        return code
    return QLocale.languageToString(lang)


def language_label(code: str | None) -> str:
    """French (fr); "Unknown language" for none stored."""
    if not code or code == UNKNOWN_LANGUAGE:
        return "Unknown language"
    name = language_name(code)
    return code if name == code else f"{name} ({code})"


def native_language_name(code: str | None) -> str:
    """fr -> français (what the language calls itself; "" when Qt does not know it)."""
    if not code or code == UNKNOWN_LANGUAGE:
        return ""
    lang = QLocale.codeToLanguage(code)
    if lang in (QLocale.Language.AnyLanguage, QLocale.Language.C):
        return ""
    return QLocale(lang).nativeLanguageName()


# A qualitative palette (Tableau 10-ish, adjusted for white backgrounds) for country colours.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#7f7f7f", "#ff7f0e", "#393b79", "#637939", "#8c6d31", "#843c39")


def country_colour(code: str) -> str:
    """A stable colour per country code (the same in every view and every run)."""
    h = 0
    for ch in code:
        h = (h * 131 + ord(ch)) & 0xFFFFFFFF
    return PALETTE[h % len(PALETTE)]


def _utc(seconds: float) -> datetime | None:
    """Seconds since 1970 UTC as a datetime (None when out of range)."""
    try:
        return _EPOCH + timedelta(seconds=seconds)
    except (OverflowError, ValueError):
        return None


def axis_span(t0: float, t1: float) -> str:
    """A visible time range (seconds since 1970 UTC) in words at a sensible precision."""
    a, b = _utc(t0), _utc(t1)
    if a is None or b is None:
        return ""
    span = t1 - t0
    if span > 3 * 365 * 86400:
        return f"{a.year} – {b.year}"
    if span > 60 * 86400:
        return f"{month_year(a, short=True)} – {month_year(b, short=True)}"
    if span > 2 * 86400:
        return day_span(a.date(), b.date())
    end = clock(b) if a.date() == b.date() else f"{day(b.date())} {clock(b)}"
    return f"{day(a.date())} {clock(a)} – {end}"


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
    t = _utc(seconds) if seconds is not None else None
    return t.date().isoformat() if t is not None else None
