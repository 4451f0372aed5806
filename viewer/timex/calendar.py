"""Calendar units as integer indices, so "last", "this" and "next" are -1, 0, +1.

A unit kind is one of: day, week, weekend, month, quarter, half, season, year, decade, century.
``index_of(kind, d)`` is the index of the unit containing date ``d``; ``render(kind, i)`` gives the
TIMEX3 value, the inclusive ISO bounds and the granularity name.
"""
from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta

SEASON_CODES = ("SP", "SU", "FA", "WI")

MIN_YEAR, MAX_YEAR = 1, 9998


def last_day(y: int, m: int) -> int:
    return _cal.monthrange(y, m)[1]


def iso(d: date) -> str:
    return d.isoformat()


def index_of(kind: str, d: date) -> int:
    if kind == "day":
        return d.toordinal()
    if kind in ("week", "weekend"):
        return (d.toordinal() - 1) // 7  # date.fromordinal(1) is a Monday
    if kind == "month":
        return d.year * 12 + d.month - 1
    if kind == "quarter":
        return d.year * 4 + (d.month - 1) // 3
    if kind == "half":
        return d.year * 2 + (d.month - 1) // 6
    if kind == "season":
        if d.month <= 2:
            return (d.year - 1) * 4 + 3
        return d.year * 4 + (d.month - 3) // 3
    if kind == "year":
        return d.year
    if kind == "decade":
        return d.year // 10
    if kind == "century":
        return d.year // 100
    raise ValueError(kind)


def bounds(kind: str, i: int) -> tuple[date, date]:
    if kind == "day":
        d = date.fromordinal(i)
        return d, d
    if kind == "week":
        mon = date.fromordinal(i * 7 + 1)
        return mon, mon + timedelta(days=6)
    if kind == "weekend":
        mon = date.fromordinal(i * 7 + 1)
        return mon + timedelta(days=5), mon + timedelta(days=6)
    if kind == "month":
        y, m0 = divmod(i, 12)
        return date(y, m0 + 1, 1), date(y, m0 + 1, last_day(y, m0 + 1))
    if kind == "quarter":
        y, q0 = divmod(i, 4)
        m2 = q0 * 3 + 3
        return date(y, q0 * 3 + 1, 1), date(y, m2, last_day(y, m2))
    if kind == "half":
        y, h0 = divmod(i, 2)
        m2 = h0 * 6 + 6
        return date(y, h0 * 6 + 1, 1), date(y, m2, last_day(y, m2))
    if kind == "season":
        y, s = divmod(i, 4)
        m1 = 3 + 3 * s
        if s == 3:  # winter: December to the end of February of the next year
            return date(y, 12, 1), date(y + 1, 2, last_day(y + 1, 2))
        return date(y, m1, 1), date(y, m1 + 2, last_day(y, m1 + 2))
    if kind == "year":
        return date(i, 1, 1), date(i, 12, 31)
    if kind == "decade":
        return date(max(i * 10, 1), 1, 1), date(i * 10 + 9, 12, 31)
    if kind == "century":
        return date(max(i * 100, 1), 1, 1), date(i * 100 + 99, 12, 31)
    raise ValueError(kind)


def value_of(kind: str, i: int) -> str:
    if kind == "day":
        return date.fromordinal(i).isoformat()
    if kind in ("week", "weekend"):
        y, w, _ = date.fromordinal(i * 7 + 1).isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if kind == "weekend" else "")
    if kind == "month":
        y, m0 = divmod(i, 12)
        return f"{y:04d}-{m0 + 1:02d}"
    if kind == "quarter":
        y, q0 = divmod(i, 4)
        return f"{y:04d}-Q{q0 + 1}"
    if kind == "half":
        y, h0 = divmod(i, 2)
        return f"{y:04d}-H{h0 + 1}"
    if kind == "season":
        y, s = divmod(i, 4)
        return f"{y:04d}-{SEASON_CODES[s]}"
    if kind == "year":
        return f"{i:04d}"
    if kind == "decade":
        return f"{i:03d}"      # TIMEX3: "193" is the 1930s
    if kind == "century":
        return f"{i:02d}"      # TIMEX3: "18" is the 19th century (the years 1800-1899)
    raise ValueError(kind)


def render(kind: str, i: int) -> tuple[str, str, str, str]:
    """value, earliest, latest, granularity"""
    a, b = bounds(kind, i)
    return value_of(kind, i), a.isoformat(), b.isoformat(), kind


def narrow(earliest: str, latest: str, mod: str) -> tuple[str, str]:
    """Narrow an interval for START / MID / END (thirds) and H1 / H2 (halves)."""
    try:
        a = date.fromisoformat(earliest[:10])
        b = date.fromisoformat(latest[:10])
    except ValueError:
        return earliest, latest
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return _narrow_years(a.year, b.year, mod, earliest, latest)
    n = (b - a).days + 1
    if n < 3:
        return earliest, latest
    third = n // 3
    if mod == "START":
        return a.isoformat(), (a + timedelta(days=third - 1)).isoformat()
    if mod == "MID":
        return (a + timedelta(days=third)).isoformat(), (b - timedelta(days=third)).isoformat()
    if mod == "END":
        return (b - timedelta(days=third - 1)).isoformat(), b.isoformat()
    if mod == "H1":
        return a.isoformat(), (a + timedelta(days=n // 2 - 1)).isoformat()
    if mod == "H2":
        return (a + timedelta(days=n // 2)).isoformat(), b.isoformat()
    return earliest, latest


def julian_to_gregorian(d: date) -> date:
    """The (proleptic Gregorian) date of a Julian calendar date ``d`` written with the same fields, from
    the year 200 on: Orthodox Easter, Old Style dates."""
    y = d.year if d.month > 2 else d.year - 1
    return d + timedelta(days=y // 100 - y // 400 - 2)


def nth_weekday(y: int, month: int, weekday: int, n: int) -> date:
    """n-th ISO weekday (1 = Monday) of a month; n = -1 for the last one."""
    if n > 0:
        first = date(y, month, 1)
        delta = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=delta + 7 * (n - 1))
    last = date(y, month, last_day(y, month))
    delta = (last.isoweekday() - weekday) % 7
    return last - timedelta(days=delta)


def election_day(y: int) -> date:
    # US: the Tuesday after the first Monday of November
    return nth_weekday(y, 11, 1, 1) + timedelta(days=1)


def _narrow_years(y0: int, y1: int, mod: str, earliest: str, latest: str) -> tuple[str, str]:
    """Whole years narrow along the calendar: "late 1939" is September–December, "the first half of 1944"
    January–June, "the first half of the 17th century" 1600–1649."""
    years = y1 - y0 + 1
    if years == 1:
        months = {"START": (1, 4), "MID": (5, 8), "END": (9, 12), "H1": (1, 6), "H2": (7, 12)}.get(mod)
        if months is None:
            return earliest, latest
        m0, m1 = months
        return date(y0, m0, 1).isoformat(), date(y0, m1, last_day(y0, m1)).isoformat()
    third, half = max(1, years // 3), max(1, years // 2)
    spans = {"START": (y0, y0 + third - 1), "MID": (y0 + third, y1 - third), "END": (y1 - third + 1, y1),
             "H1": (y0, y0 + half - 1), "H2": (y0 + half, y1)}.get(mod)
    if spans is None or spans[0] > spans[1]:
        return earliest, latest
    return date(spans[0], 1, 1).isoformat(), date(spans[1], 12, 31).isoformat()


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` calendar units (day, week, weekend, fortnight, month, quarter, season, half, year,
    decade, century); a day past the end of the target month is its last day (31 January + 1 month = 28/29
    February)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(days=7 * n)
    if unit == "fortnight":
        return d + timedelta(days=14 * n)
    months = {"month": 1, "quarter": 3, "season": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[unit] * n
    y, m0 = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m0 + 1, min(d.day, last_day(y, m0 + 1)))


# "a few weeks later", "einige Tage später", "кілька тижнів потому": how many units a vague count means
VAGUE_COUNT = (2, 6)
_COARSER = {"day": "week", "week": "month", "weekend": "month", "fortnight": "month", "month": "year",
            "quarter": "year", "season": "year", "half": "year", "year": "decade", "decade": "century"}


def offset_from(anchor: date, unit: str, n: int | None, sign: int) -> tuple[str, str, str, str]:
    """value, earliest, latest, granularity of a date counted from a happening whose day is ``anchor``:
    "two days after the invasion" (n=2, sign=+1) is that day; "a few weeks later" (n=None) is the band from
    2 to 6 weeks after it, valued at the coarser unit that holds its middle (a month for weeks)."""
    if n is not None:
        d = shift(anchor, unit, sign * n)
        kind = "week" if unit in ("weekend", "fortnight") else unit
        if kind in ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century"):
            if kind == "day":
                return render("day", d.toordinal())
            return render(kind, index_of(kind, d))
        return render("day", d.toordinal())
    lo, hi = VAGUE_COUNT
    a, b = shift(anchor, unit, sign * lo), shift(anchor, unit, sign * hi)
    if a > b:
        a, b = b, a
    kind = _COARSER.get(unit, "year")
    mid = a + (b - a) / 2
    return value_of(kind, index_of(kind, mid)), a.isoformat(), b.isoformat(), kind


def deictic_reference(narrative: bool, anchor: date | None, ref: date | None) -> tuple[date | None, str]:
    """The date a deictic expression ("last September", "this summer") counts from, and what it is: in a
    history the time the story is at, else the reference (publication) date, else the last date the text
    gave. Every language's resolver asks this one place."""
    if narrative and anchor is not None:
        return anchor, "narrative time"
    if ref is not None:
        return ref, "reference"
    if anchor is not None:
        return anchor, "last mentioned date"
    return None, ""


# ---------------------------------------------------------------------------------------------------------
# Years before the common era. ``datetime.date`` stops at year 1, so these are worked out on integers, in the
# proleptic Gregorian calendar with astronomical year numbers (1 BC is year 0, 480 BC is year -479), and
# written as ISO 8601 writes such years ("-0479-04-01"). The TIMEX3 value keeps the corpora's form (BC0480).

def astronomical(bc_year: int) -> int:
    """The astronomical (ISO) year of a year written "N BC": 1 BC is 0, 480 BC is -479."""
    return 1 - bc_year


def is_leap(y: int) -> bool:
    """Proleptic Gregorian leap year, for any astronomical year (0, -4, -400 are leap years)."""
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def leap_year_near(y: int, forward: bool = False) -> int:
    """The leap year nearest to ``y`` (29 February written without a year): the one before on a tie, or the
    one after when ``forward`` (the future tense)."""
    if is_leap(y):
        return y
    back = next(y - k for k in range(1, 9) if is_leap(y - k))
    ahead = next(y + k for k in range(1, 9) if is_leap(y + k))
    if forward:
        return ahead
    return back if y - back <= ahead - y else ahead


def month_days(y: int, m: int) -> int:
    if m == 2:
        return 29 if is_leap(y) else 28
    return 30 if m in (4, 6, 9, 11) else 31


def iso_day(y: int, m: int, d: int) -> str:
    """An ISO 8601 day for any astronomical year: "-0479-04-01", "0000-12-31", "1944-06-06"."""
    return (f"-{-y:04d}" if y < 0 else f"{y:04d}") + f"-{m:02d}-{d:02d}"


def bc_unit(kind: str, n: int, month: int | None = None, day: int | None = None) -> tuple[str, str, str, str] | None:
    """value, earliest, latest, granularity of a unit before the common era, counted as written:

    - ``year``: n = 480 for "480 BC" (with ``month`` for "April 480 BC": value BC0480-04; with ``day`` too
      for "15 March 44 BC": value BC0044-03-15, the day -0043-03-15);
    - ``decade``: n = 47 for "the 470s BC" (the years 479–470 BC; value BC047);
    - ``century``: n = 5 for "the 5th century BC" (500–401 BC; value BC04);
    - ``millennium``: n = 2 for "the 2nd millennium BC" (2000–1001 BC; value BC1).

    None for a year 0 or out of range (before 9999 BC)."""
    if n <= 0:
        return None
    if kind == "year":
        if n > 9999:
            return None
        y = astronomical(n)
        if month is not None and day is not None:
            if not 1 <= day <= month_days(y, month):
                return None
            return f"BC{n:04d}-{month:02d}-{day:02d}", iso_day(y, month, day), iso_day(y, month, day), "day"
        if month is not None:
            return (f"BC{n:04d}-{month:02d}", iso_day(y, month, 1), iso_day(y, month, month_days(y, month)), "month")
        return f"BC{n:04d}", iso_day(y, 1, 1), iso_day(y, 12, 31), "year"
    if kind == "decade":
        if n > 999:
            return None
        first, last = astronomical(n * 10 + 9), astronomical(max(n * 10, 1))
        return f"BC{n:03d}", iso_day(first, 1, 1), iso_day(last, 12, 31), "decade"
    if kind == "century":
        if n > 99:
            return None
        first, last = astronomical(n * 100), astronomical((n - 1) * 100 + 1)
        return f"BC{n - 1:02d}", iso_day(first, 1, 1), iso_day(last, 12, 31), "century"
    if kind == "millennium":
        if n > 9:
            return None
        first, last = astronomical(n * 1000), astronomical((n - 1) * 1000 + 1)
        return f"BC{n - 1}", iso_day(first, 1, 1), iso_day(last, 12, 31), "millennium"
    return None


def season_days(y: int, code: str) -> tuple[str, str]:
    """The first and last day of a meteorological season (SP, SU, FA, WI) of any astronomical year; winter runs
    from December to the end of February of the next year."""
    first = 3 + 3 * SEASON_CODES.index(code)
    last_y, last_m = (y + 1, 2) if code == "WI" else (y, first + 2)
    return iso_day(y, first, 1), iso_day(last_y, last_m, month_days(last_y, last_m))


def millennium_unit(n: int) -> tuple[str, str, str, str]:
    """value, earliest, latest, granularity of the n-th millennium of the era (n = 3 for "the third
    millennium"): the value is the digit of the thousands ("2"), as a century's value is its two digits ("19"
    for the 20th century), and the interval the thousand years that digit counts (2000–2999; the first
    millennium, "0", starts at year 1)."""
    k = n - 1
    return str(k), date(max(k * 1000, 1), 1, 1).isoformat(), date(min(k * 1000 + 999, 9999), 12, 31).isoformat(), \
        "millennium"


def year_unit(y: int) -> tuple[str, str, str, str]:
    """value, earliest, latest, granularity of an astronomical year on either side of year 1 (a year
    counted from a BC anchor: "Ten years later" after 490 BC is 480 BC, BC0480)."""
    if y >= 1:
        return f"{y:04d}", iso_day(y, 1, 1), iso_day(y, 12, 31), "year"
    return bc_unit("year", 1 - y)


# The Gregorian calendar repeats every 400 years (146097 days, a whole number of weeks): a day before year 1
# is worked on with ``datetime.date`` as the same day so many 400-year cycles later.
_CYCLE = 400


def astro_shift(y: int, m: int, d: int, unit: str, n: int) -> tuple[int, int, int] | None:
    """The day (astronomical year, month, day) ``n`` calendar units (as in ``shift``) after the day
    (y, m, d) of any year: "two days later" after 15 March 44 BC is (-43, 3, 17). None out of range."""
    k = 0 if y >= MIN_YEAR else (MIN_YEAR - y) // _CYCLE + 1
    try:
        moved = shift(date(y + k * _CYCLE, m, d), unit, n)
    except (ValueError, OverflowError):
        return None
    return moved.year - k * _CYCLE, moved.month, moved.day


def narrow_any(earliest: str, latest: str, mod: str) -> tuple[str, str]:
    """``narrow`` for days of any year ("early March 480 BC": -0479-03-01..-0479-03-10)."""
    y0 = int(earliest[:earliest.index("-", 1)])
    if y0 >= MIN_YEAR:
        return narrow(earliest, latest, mod)
    k = (MIN_YEAR - y0) // _CYCLE + 1
    proxy = [_astro_add(v, k * _CYCLE) for v in (earliest, latest)]
    a, b = narrow(proxy[0], proxy[1], mod)
    return _astro_add(a, -k * _CYCLE), _astro_add(b, -k * _CYCLE)


def _astro_add(iso: str, years: int) -> str:
    y, m, d = iso.rsplit("-", 2)
    return iso_day(int(y) + years, int(m), int(d))


def astro_render(kind: str, y: int, m: int, d: int) -> tuple[str, str, str, str] | None:
    """value, earliest, latest, granularity of the day, week or month (``kind``) that holds the day (y, m, d)
    of any astronomical year: a year of the era as ``render`` gives it, a year before 1 in the corpora's BC
    form (BC0044-03-17, BC0044-03, and BC0044-W13 for the ISO week)."""
    if y >= MIN_YEAR:
        if kind == "day":
            return render("day", date(y, m, d).toordinal())
        return render(kind, index_of(kind, date(y, m, d)))
    if kind == "day":
        return bc_unit("year", 1 - y, m, d)
    if kind == "week":
        # the ISO week (the same week number 400·k years later: the calendar and its weekdays repeat), in the
        # BC form of the corpora: BC0044-W12
        k = (MIN_YEAR - y) // _CYCLE + 1
        proxy = date(y + k * _CYCLE, m, d)
        a, b = bounds("week", index_of("week", proxy))
        wy, w, _ = proxy.isocalendar()
        (ya, ma, da), (yb, mb, db) = (a.year - k * _CYCLE, a.month, a.day), (b.year - k * _CYCLE, b.month, b.day)
        wy -= k * _CYCLE
        value = f"BC{1 - wy:04d}-W{w:02d}" if wy < 1 else f"{wy:04d}-W{w:02d}"
        return value, iso_day(ya, ma, da), iso_day(yb, mb, db), "week"
    if kind == "month":
        return bc_unit("year", 1 - y, m)
    return bc_unit("year", 1 - y)


_UTC = re.compile(r"(?:\d|\b)(?:UTC|GMT|Z|UT)\b(?![+-]\d)")
_UTC_AFTER = re.compile(r"\s*\(?(?:UTC|GMT|Z)\b(?![+-]\d)")


def utc_mark(text: str, start: int, end: int) -> str:
    """"Z" when a clock time is written in UTC ("16:08 UTC", "0600 GMT", "14:05Z"): TIMEX3 keeps the zone
    in the value ("T16:08Z"); "" otherwise (local time, or a zone other than UTC)."""
    if _UTC.search(text, start, end) or _UTC_AFTER.match(text, end):
        return "Z"
    return ""


# the attacks of 11 September 2001, named by their day: "the September 11 attacks", "les attentats du 11 septembre"
_ATTACKS_AFTER = re.compile(
    r"(?i)(?:th)?\s*,?\s*(?:terror(?:ist)?\s+)?(?:attacks?|hijackings?|commission|era|generation|"
    r"attentats?|anschl[äa]ge?n?|terroranschl[äa]ge?n?|теракт\w*|атак\w*|атаці|теракт|atentados?|attentati|"
    r"aanslagen|zamach\w*|ataki|ataków)\b")
_ATTACKS_BEFORE = re.compile(
    r"(?i)(?:\b(?:attacks?|hijackings?|attentats?|anschl[äa]ge?n?|терактів|теракти|теракт|атаки|атак|atentados?|"
    r"attentati|aanslagen|zamach\w*|ataki|ataków)\s+(?:of|du|de|del|vom|des|від|з|di|van|z)?\s*(?:the\s+)?)$")
SEPT11 = date(2001, 9, 11)


def names_sept11(text: str, start: int, end: int) -> bool:
    """Whether "September 11" written without a year at text[start:end] names the attacks of 2001 ("the
    September 11 attacks", "les attentats du 11 septembre", "Terroranschläge vom 11. September")."""
    return bool(_ATTACKS_AFTER.match(text, end) or _ATTACKS_BEFORE.search(text[max(0, start - 30):start]))


def narrow_bc(e0: str, e1: str, mod: str) -> tuple[str, str]:
    """START / MID / END thirds of a span of whole years given by ISO bounds of any year ("-0499-01-01")."""
    y0, y1 = int(e0[:e0.index("-", 1)]), int(e1[:e1.index("-", 1)])
    third = max(1, (y1 - y0 + 1) // 3)
    spans = {"START": (y0, y0 + third - 1), "MID": (y0 + third, y1 - third), "END": (y1 - third + 1, y1)}
    a, b = spans.get(mod, (y0, y1))
    if a > b:
        return e0, e1
    return iso_day(a, 1, 1), iso_day(b, 12, 31)
