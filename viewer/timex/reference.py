"""Working out the reference date of a text from the text alone."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

_DATELINE_PREFIX = re.compile(
    r"^\W*(?:[A-Z][\w.'’ -]{0,40}(?:\([^)]{0,30}\))?\s*[,—–:-]\s*)?"
    r"(?:(?:Published|Updated|Posted)(?:\s+on)?:?\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:on\s+)?$")
_DAY_IN = re.compile(r"(?<![\d:])(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])")
_YEAR_ANY = re.compile(r"(?<![\d$.,])(?:19|20)\d\d(?![\d%])")


@lru_cache(maxsize=1)
def _english():
    """The English patterns of the dateline and weekday-date clues (from the English tagger, imported on
    first use: a text whose reference is given never needs them)."""
    from . import rules as R
    from .tagger import DAYN, MONTH, WEEKDAY, WEEKDAY_ABBR, YEAR, month_of
    ns = type("English", (), {})()
    ns.R, ns.month_of = R, month_of
    ns.WD_MD = re.compile(rf"(?P<wd>{WEEKDAY}|{WEEKDAY_ABBR}),?\s+(?:the\s+)?(?P<a>{MONTH}\s+{DAYN}|{DAYN}\s+(?:of\s+)?{MONTH})\b(?!,?\s+{YEAR})")
    ns.FULL = re.compile(rf"(?:{MONTH}\s+{DAYN},?\s+(?P<y1>{YEAR})|{DAYN}\s+(?:of\s+)?{MONTH},?\s+(?P<y2>{YEAR})|(?P<y3>(?:19|20)\d\d)-(?P<m3>0[1-9]|1[0-2])-(?P<d3>0[1-9]|[12]\d|3[01])\b)")
    ns.MONTH_IN = re.compile(rf"{MONTH}")
    return ns


def _parse_full(m: re.Match) -> date | None:
    try:
        if m.group("y3"):
            return date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
        s = m.group(0)
        en = _english()
        mm = en.MONTH_IN.search(s)
        month = en.month_of(mm.group(0))
        y = int(m.group("y1") or m.group("y2"))
        rest = s[:mm.start()] + " " + s[mm.end():]
        dm = _DAY_IN.search(rest)
        return date(y, month, int(dm.group(1)))
    except (ValueError, AttributeError, TypeError):
        return None


def _weekday_year(years, month: int, day: int, weekday: int, today: date) -> date | None:
    """The first of ``years`` in which day/month falls on ``weekday`` (ISO) and not after ``today``."""
    for y in years:
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if d <= today and d.isoweekday() == weekday:
            return d
    return None


def infer_reference(text: str, today: date | None = None, *, language: str | None = None
                    ) -> tuple[date | None, str]:
    """The reference date from the text alone, and how it was found. ``language``: the text's language when
    known (its weekday-date clues are then read in that language only; None: in every engine language)."""
    try:
        return _infer(text, today or date.today(), language)
    except Exception:  # never raise on any input (except in strict mode, to find the bug)
        from . import is_strict
        if is_strict():
            raise
        return None, "none"


def _infer(text: str, today: date, language: str | None = None) -> tuple[date | None, str]:
    # 1. a dateline: a full date opening the text, alone or after a place ("KYIV, Nov. 18, 2024 —")
    en = _english()
    R = en.R
    head = text[:200]
    m = en.FULL.search(head)
    if m and m.start() < 80 and _DATELINE_PREFIX.match(head[:m.start()]):
        d = _parse_full(m)
        if d and d <= today:
            return d, f"dateline: '{m.group(0)}'"
    explicit_years = {int(y) for y in _YEAR_ANY.findall(text)}
    # 2. weekday-date agreement
    best: tuple[date, str] | None = None
    for m in en.WD_MD.finditer(text):
        wdt = m.group("wd").lower().rstrip(".")
        wd = R.WEEKDAYS.get(wdt) or R.WEEKDAY_ABBR.get(wdt)
        a = m.group("a")
        mm = en.MONTH_IN.search(a)
        month = en.month_of(mm.group(0))
        dm = _DAY_IN.search(a[:mm.start()] + " " + a[mm.end():])
        if not (wd and month and dm):
            continue
        day = int(dm.group(1))
        # prefer a year the text itself names, if the weekday agrees there
        found = _weekday_year(sorted(explicit_years, reverse=True), month, day, wd, today) \
            or _weekday_year(range(today.year, today.year - 60, -1), month, day, wd, today)
        if found and (best is None or found > best[0]):
            best = (found, f"weekday-date agreement: '{m.group(0)}' → {found.isoformat()}")
    if best is None:
        # the same clue in the languages the engine reads ("lundi 18 novembre")
        from . import engine
        for wd, month, day, written in engine.weekday_dates(text, language):
            found = _weekday_year(sorted(explicit_years, reverse=True), month, day, wd, today) \
                or _weekday_year(range(today.year, today.year - 60, -1), month, day, wd, today)
            if found and (best is None or found > best[0]):
                best = (found, f"weekday-date agreement: '{written}' → {found.isoformat()}")
    if best:
        return best
    # 3. the latest explicit full date not after today
    latest = None
    for m in en.FULL.finditer(text):
        d = _parse_full(m)
        if d and d <= today and (latest is None or d > latest[0]):
            latest = (d, m.group(0))
    if latest:
        return latest[0], f"latest explicit date: '{latest[1]}'"
    return None, "none"
