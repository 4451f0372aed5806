"""Calendar units as integer indices, so "last", "this" and "next" are -1, 0, +1.

A unit kind is one of: day, week, weekend, month, quarter, half, season, year, decade, century.
``index_of(kind, d)`` is the index of the unit containing date ``d``; ``render(kind, i)`` gives the
TIMEX3 value, the inclusive ISO bounds and the granularity name.
"""
from __future__ import annotations

import calendar as _cal
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
        return f"{i:03d}X"
    if kind == "century":
        return f"{i:02d}XX"
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
