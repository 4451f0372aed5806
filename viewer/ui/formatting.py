"""How dates, precisions, countries and languages are written for people.

Month names come from one place, `month_name`, in the desktop's language (Qt's default QLocale), so the
axis, the table, the panels and the status bar say the same words; every other word here is English.
Plain functions: no widgets and no application needed.
"""
from __future__ import annotations

import json
import math
import re
import zlib
from datetime import date, datetime, timedelta, timezone
from typing import NamedTuple

from PySide6.QtCore import QLocale

from viewer.model import PUBLISHED_GIVEN, PUBLISHED_INFERRED, PUBLISHED_METADATA
from viewer.paths import resource_path
from viewer.store.filtering import NO_COUNTRY, NO_LANGUAGE
from viewer.store.values import civil_from_days, days_from_civil

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
_PRECISION = {
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "weekend": "weekend",
    "week": "week", "month": "month", "season": "season", "quarter": "quarter", "half": "half-year",
    "year": "year", "decade": "decade", "century": "century", "millennium": "millennium",
}


class Civil(NamedTuple):
    """A day (and time) of the proleptic Gregorian calendar in astronomical year numbering (year 0 is
    1 BC, -479 is 480 BC): what `datetime` cannot hold before year 1. Duck-types the fields of a
    `date` / `datetime` the functions below read."""
    year: int
    month: int
    day: int
    hour: int = 0
    minute: int = 0
    second: int = 0

    def date(self) -> "Civil":
        return Civil(self.year, self.month, self.day)


def civil(seconds: float) -> Civil:
    """Seconds since 1970 UTC as a calendar day and time, for any year (no datetime: it stops at year 1)."""
    whole = math.floor(seconds)
    z, rest = divmod(int(whole), 86400)
    y, m, d = civil_from_days(z)
    return Civil(int(y), int(m), int(d), rest // 3600, rest % 3600 // 60, rest % 60)


def seconds_of(y: int, m: int = 1, d: int = 1) -> float:
    """Seconds since 1970 UTC at the start of a day of any year (astronomical numbering)."""
    return float(days_from_civil(y, m, d) * 86400)


def year_label(year: int) -> str:
    """'2024', '480 BC' (astronomical year -479), '1 BC' (year 0)."""
    return str(year) if year >= 1 else f"{1 - year} BC"


_ISO_ANY = re.compile(r"^([+-]?\d{4,6})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?)?")


def _d(text: str | None) -> date | Civil | None:
    """An ISO day (or the day of an ISO date-time): a `date`, or a `Civil` for years datetime cannot hold
    (-0479-09-01, 0000-01-01: astronomical numbering)."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).date() if "T" in text else date.fromisoformat(text[:10])
    except ValueError:
        pass
    m = _ISO_ANY.match(text.strip())
    if not m:
        return None
    y, mo, dd = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= mo <= 12 and 1 <= dd <= 31):
        return None
    return Civil(y, mo, dd)


def _dt(text: str):
    """An ISO date-time: a `datetime`, or a `Civil` before year 1."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        m = _ISO_ANY.match(text.strip())
        if not m:
            return None
        return Civil(int(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4) or 0),
                     int(m.group(5) or 0), int(m.group(6) or 0))


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
    return f"{day_month(d)} {year_label(d.year)}"


def month_year(d: date, *, short: bool = False) -> str:
    """'September 2024', or 'Sep 2024' when short."""
    return f"{month_name(d.month, short=short)} {year_label(d.year)}"


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
    return f"{_SEASONS[m.group(2)]} {m.group(1)}" if m else f"{_SEASONS.get(value[-2:], 'season')} {year_label(a.year)}"


def _ordinal(n: int) -> str:
    return f"{n}" + ("th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def _century(a: date) -> str:
    bc = a.year < 1
    n = (-a.year) // 100 + 1 if bc else a.year // 100 + 1     # 1-100 BC: the 1st century BC
    return f"{_ordinal(n)} century" + (" BC" if bc else "")


def _millennium(a: date) -> str:
    bc = a.year < 1
    n = (-a.year) // 1000 + 1 if bc else a.year // 1000 + 1   # 1000-1 BC: the 1st millennium BC
    return f"{_ordinal(n)} millennium" + (" BC" if bc else "")


def _decade(a: date) -> str:
    if a.year >= 1:
        return f"the {a.year // 10 * 10}s"
    return f"the {(1 - a.year) // 10 * 10}s BC"


# granularity -> how a period of it is said, from its TIMEX3 value and its first day
_PERIOD_WORDS = {
    "month": lambda value, a: month_year(a),
    "season": _season,
    "quarter": lambda value, a: f"Q{(a.month - 1) // 3 + 1} {year_label(a.year)}",
    "half": lambda value, a: f"H{1 if a.month <= 6 else 2} {year_label(a.year)}",
    "year": lambda value, a: year_label(a.year),
    "decade": lambda value, a: _decade(a),
    "century": lambda value, a: _century(a),
    "millennium": lambda value, a: _millennium(a),
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
        t = _dt(earliest)
        if t is not None:
            return f"{day(t.date())} {clock(t)}"
    if g == "day" or (b is not None and a == b):
        return day(a)
    if g in _PERIOD_WORDS:
        return _PERIOD_WORDS[g](value, a)
    if b is None:
        return day(a)
    if g == "week":
        m = re.match(r"^(?:BC)?(\d{4})-W(\d\d)", value)
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
    """fr -> français (what the language calls itself; "" when Qt does not know it). The language's own
    name, not one country's variety: Qt names a language after its default locale ("en" is en_US,
    "American English"; "es" is es_ES, "español de España"; "zh" is zh_CN, "简体中文"), so the name most
    of the language's locales share is taken ("English", "español"), and a shorter name it contains
    before it ("中文" in "简体中文")."""
    if not code or code == UNKNOWN_LANGUAGE:
        return ""
    lang = QLocale.codeToLanguage(code)
    if lang in (QLocale.Language.AnyLanguage, QLocale.Language.C):
        return ""
    default = QLocale(lang).nativeLanguageName()
    counts: dict[str, int] = {}
    for loc in QLocale.matchingLocales(lang, QLocale.Script.AnyScript, QLocale.Country.AnyCountry):
        name = loc.nativeLanguageName()
        if name:
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return default
    best = max(counts, key=lambda n: (counts[n], n == default))
    inside = [n for n in counts if n != best and n in best]
    return min(inside, key=len) if inside else best


# Country colours. One function, `country_colour`, gives every country its colour: the lanes, the country
# list's swatches, the excerpt's chips and the legend all ask it, so they always agree, and a country keeps
# its colour in every database and after every import (it depends on the code alone, never on lane order).
#
# COLOURS: 44 colours for a white background (CIELAB lightness 34-64, chroma 28-72, so each reads as text
# on its own light tint and none is grey), picked greedily by farthest point in CIELAB: every two differ by
# at least 18 (CIE76) and each is far from the no-country grey. The first ones, the most separated, go to
# the countries conflict reporting names most often (FREQUENT); every other country takes one of the rest
# from resources/country_colours.json, chosen by geography (resources/make_colours.py) so that no two land
# neighbours, nor two countries with a common neighbour, share one. A code not in that table (a group from
# a user's file) is hashed (crc32, the same in every run and on every machine) into the rest, so a rare
# country never takes a frequent one's colour.
COLOURS = (
    "#1f77b4", "#d62728", "#87a500", "#a50f87", "#875a1e", "#00a578", "#a587ff", "#e17896", "#3c5a2d",
    "#e1781e", "#875a96", "#00780f", "#b4004b", "#004bb4", "#873c3c", "#87a55a", "#00a5b4", "#a58700",
    "#ff5ab4", "#d28769", "#3c96ff", "#d278d2", "#783ca5", "#5a6900", "#962d00", "#f06969", "#1e7869",
    "#963c69", "#b4965a", "#8787d2", "#c387b4", "#ff4b87", "#1e783c", "#007896", "#c31e78", "#5aa52d",
    "#4b4b96", "#a55a00", "#00a54b", "#d2693c", "#00a5e1", "#a51e2d", "#78783c", "#ff694b",
)
FREQUENT = ("UA", "RU", "US", "DE", "FR", "GB", "PL", "NATO", "EU", "BY", "CN", "IR", "TR", "IL", "KP",
            "PS", "SY", "LB", "KR", "JP", "IN", "GE", "MD", "UN")
NO_COUNTRY_COLOUR = "#7b8794"   # the lane of events that name no country (and an empty code): grey
_HASHED = COLOURS[len(FREQUENT):]


def _colour_table() -> dict[str, str]:
    table = {}
    try:
        data = json.loads(resource_path("country_colours.json").read_text(encoding="utf-8"))["colours"]
    except (OSError, ValueError, KeyError):
        data = {}                # a missing table costs the geography, not the colours: codes are hashed
    for code, colour in data.items():
        if colour in _HASHED:
            table[code] = colour
    table.update(zip(FREQUENT, COLOURS))
    return table


_FIXED = _colour_table()


def country_colour(code: str | None) -> str:
    """A country's colour as "#rrggbb": the same for a code in every view, database and run."""
    code = (code or "").strip().upper()
    if not code or code == NO_COUNTRY:
        return NO_COUNTRY_COLOUR
    fixed = _FIXED.get(code)
    if fixed is not None:
        return fixed
    return _HASHED[zlib.crc32(code.encode("utf-8")) % len(_HASHED)]


def _utc(seconds: float) -> datetime | None:
    """Seconds since 1970 UTC as a datetime (None when out of range)."""
    try:
        return _EPOCH + timedelta(seconds=seconds)
    except (OverflowError, ValueError):
        return None


def axis_span(t0: float, t1: float) -> str:
    """A visible time range (seconds since 1970 UTC) in words at a sensible precision, in any year
    ('480 BC – 470 BC')."""
    if not (math.isfinite(t0) and math.isfinite(t1)):
        return ""
    a, b = civil(t0), civil(t1)
    span = t1 - t0
    if span > 3 * 365 * 86400:
        return f"{year_label(a.year)} – {year_label(b.year)}"
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


# -- dates people type --------------------------------------------------------------------------------------

_EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december")


def _month_words() -> dict[str, int]:
    """Month names and abbreviations a person may type: English and the desktop language's (every form)."""
    words: dict[str, int] = {}
    for m, name in enumerate(_EN_MONTHS, 1):
        words[name] = m
        words[name[:3]] = m
        words[name[:4]] = m          # "sept"
    locale = QLocale()
    for m in range(1, 13):
        for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
            for name in (locale.monthName(m, form), locale.standaloneMonthName(m, form)):
                key = name.lower().strip().rstrip(".")
                if key and not key.isdigit():
                    words.setdefault(key, m)
    return words


def _last_day(year: int, month: int) -> int:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return (nxt - timedelta(days=1)).day


def _day_of(year: int, month: int | None, day_: int | None, end: bool) -> date | None:
    """The date named, completed to the first (or, `end`, the last) day of a month or year given alone."""
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if day_ is None:
            return date(year, month, _last_day(year, month) if end else 1)
        return date(year, month, day_)
    except ValueError:
        return None


_ISO = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
_DMY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")            # 1.9.2024 (day first, with dots only)
_WORDS = re.compile(r"[^\W\d_]+\.?|\d+", re.UNICODE)


def read_date(text: str, *, end: bool = False) -> date | None:
    """A date a person typed: 2024-09-01, 2024/9/1, 1.9.2024, 1 Sep 2024, September 1, 2024, Sep 2024,
    2024-09, 2024. A month or a year given alone reads as its first day, or its last when `end` (the "To"
    of a range). None when the text names no date (or an impossible one, like 31 Feb 2024)."""
    t = (text or "").strip().lower().replace(",", " ")
    if not t:
        return None
    m = _ISO.fullmatch(t)
    if m:
        year, month, day_ = (int(g) if g else None for g in m.groups())
        if month is not None and not 1 <= month <= 12:
            return None
        return _day_of(year, month, day_, end)
    m = _DMY.fullmatch(t)
    if m:
        d, mo, y = (int(g) for g in m.groups())
        return _day_of(y, mo, d, end) if 1 <= mo <= 12 else None
    tokens = _WORDS.findall(t)
    if not 2 <= len(tokens) <= 3:
        return None
    months = _month_words()
    month = None
    numbers: list[int] = []
    for tok in tokens:
        if tok.isdigit():
            numbers.append(int(tok))
            continue
        word = tok.rstrip(".")
        if month is not None or word not in months:
            return None
        month = months[word]
    if month is None:
        return None
    years = [n for n in numbers if n >= 1000]
    if len(years) != 1:
        return None
    year = years[0]
    days = list(numbers)
    days.remove(year)
    if len(days) > 1:
        return None
    day_ = days[0] if days else None
    if day_ is not None and not 1 <= day_ <= 31:
        return None
    return _day_of(year, month, day_, end)


# -- the import dialog's file types -------------------------------------------------------------------------

def import_file_filter() -> str:
    """The name filter of the import dialog (QFileDialog), built from the extensions the readers take
    (viewer.sources), so the dialog offers every format they read: all of them first, then each kind."""
    from viewer import sources

    def globs(exts) -> str:
        return " ".join(f"*{e}" for e in sorted(exts))

    kinds = (("Text and Markdown", sources.TEXT_EXT), ("Web pages", sources.HTML_EXT),
             ("Feeds", sources.FEED_EXT), ("JSON Lines dumps", sources.JSONL_EXT),
             ("CSV / TSV dumps", sources.CSV_EXT))
    named = set().union(*(exts for _, exts in kinds))
    every = set(sources.KNOWN_EXT) | named
    parts = [f"Articles ({globs(every)})"]
    parts += [f"{name} ({globs(exts)})" for name, exts in kinds if exts]
    rest = set(sources.KNOWN_EXT) - named
    if rest:
        parts.append(f"Other ({globs(rest)})")
    parts.append("All files (*)")
    return ";;".join(parts)
