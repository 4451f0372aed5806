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


# ---------------------------------------------------------------------------------------------------------
# A reference date written any way people write it (a dct field, a --dct argument, a feed's date)

class ReadReference(tuple):
    """``(date | None, ambiguous: bool, how: str)``: what ``read_reference`` made of a written date."""
    __slots__ = ()

    def __new__(cls, value: date | None, ambiguous: bool, how: str):
        return tuple.__new__(cls, (value, ambiguous, how))

    @property
    def date(self) -> date | None:
        return self[0]

    @property
    def ambiguous(self) -> bool:
        return self[1]

    @property
    def how(self) -> str:
        return self[2]


_ISO_DAY = re.compile(r"^([+-]?\d{4})-?(\d\d)-?(\d\d)(?:$|[T\s_]\d)")
_Y_FIRST = re.compile(r"^(\d{4})\s*([./])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:$|[T\s,]\s*\S)")
_NUMERIC = re.compile(r"^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d\d)(?:$|[T\s,]\s*\S)")
_WORDS_RX = re.compile(r"[^\W\d_]+\.?", re.UNICODE)
_NUMBERS = re.compile(r"(?<![\d:])(\d{1,4})(?:st|nd|rd|th|er|\.|º)?(?![\d:])")
# day-first languages: an ambiguous 03/02/2009 written for them is the 3rd of February
_MONTH_FIRST_LANGUAGES = frozenset({"en", None})


def _month_word(word: str) -> int | None:
    w = word.lower().rstrip(".")
    en = _english()
    m = en.R.MONTHS.get(w) or en.R.MONTH_ABBR.get(w)
    if m is None and len(w) >= 3:
        m = next((v for k, v in en.R.MONTHS.items() if k.startswith(w)), None)
    if m is None:
        from . import engine
        for code in sorted(engine.LANGUAGES):
            v = engine.load(code).lookup("month", w)
            if v is not None:
                return int(v) if not isinstance(v, dict) else None
    return m


def _year2(y: int, today: date) -> int:
    """A two-digit year: the century that puts it at most 10 years after ``today``."""
    y = 2000 + y
    while y > today.year + 10:
        y -= 100
    return y


def read_reference(value, language: str | None = None, today: date | None = None) -> ReadReference:
    """A reference (publication) date from what a person or a feed wrote: a ``date``/``datetime``, an ISO
    date or datetime with or without a zone ("2009-03-02T14:05:00+01:00": the date as written there),
    "2009/03/02", "03-02-2009", "3.2.09", "March 2, 2009", "2 March 2009", "Mon, 02 Mar 2009 14:05:00 +0100",
    "2 mars 2009". Never raises.

    A numeric day-month order that cannot be told ("03-02-2009": both parts are at most 12) is read in the
    most likely order — month first with '/' or '-' in English or an unknown language (wire and US usage),
    day first with '.' and in every other language — and reported as ``ambiguous``; ``how`` says which
    reading was taken and what the other one would have been."""
    try:
        return _read_reference(value, language, today or date.today())
    except Exception:
        from . import is_strict
        if is_strict():
            raise
        return ReadReference(None, False, "unreadable")


def _read_reference(value, language, today) -> ReadReference:
    from datetime import datetime
    if value is None:
        return ReadReference(None, False, "none")
    if isinstance(value, datetime):
        return ReadReference(value.date(), False, "a datetime")
    if isinstance(value, date):
        return ReadReference(date(value.year, value.month, value.day), False, "a date")
    if not isinstance(value, str):
        return ReadReference(None, False, f"not a date: {type(value).__name__}")
    s = " ".join(value.split())
    if not s:
        return ReadReference(None, False, "none")
    m = _ISO_DAY.match(s)
    if m:
        try:
            return ReadReference(date(int(m.group(1)), int(m.group(2)), int(m.group(3))), False, "ISO 8601")
        except ValueError:
            return ReadReference(None, False, f"not a calendar date: {s!r}")
    m = _Y_FIRST.match(s)
    if m:
        try:
            return ReadReference(date(int(m.group(1)), int(m.group(3)), int(m.group(4))), False, "year/month/day")
        except ValueError:
            return ReadReference(None, False, f"not a calendar date: {s!r}")
    m = _NUMERIC.match(s)
    if m:
        a, sep, b, y = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
        if len(m.group(4)) == 2:
            y = _year2(y, today)
        readings = []
        for (mo, d, order) in ((a, b, "month-day-year"), (b, a, "day-month-year")):
            try:
                readings.append((date(y, mo, d), order))
            except ValueError:
                pass
        if not readings:
            return ReadReference(None, False, f"not a calendar date: {s!r}")
        if len(readings) == 1 or readings[0][0] == readings[1][0]:
            return ReadReference(readings[0][0], False, readings[0][1])
        month_first = sep != "." and (language or None) in _MONTH_FIRST_LANGUAGES
        chosen, other = (readings[0], readings[1]) if month_first else (readings[1], readings[0])
        return ReadReference(chosen[0], True, f"ambiguous {s!r}: read {chosen[1]} as {chosen[0].isoformat()} "
                                              f"(as {other[1]} it would be {other[0].isoformat()})")
    # month names: "March 2, 2009", "2 March 2009", "Mon, 02 Mar 2009 14:05:00 +0100", "2 mars 2009"
    month = None
    rest = s
    for wm in _WORDS_RX.finditer(s):
        mo = _month_word(wm.group())
        if mo is not None and len(wm.group().rstrip(".")) >= 3:
            month = mo
            rest = s[:wm.start()] + " " + s[wm.end():]
            break
    if month is not None:
        rest = re.sub(r"\b\d{1,2}:\d\d(?::\d\d)?\b.*$", "", rest)   # a clock time and its zone
        nums = [x for x in _NUMBERS.findall(rest)]
        year = next((int(x) for x in nums if len(x) == 4), None)
        days = [int(x) for x in nums if len(x) <= 2 and 1 <= int(x) <= 31]
        if year is not None and days:
            try:
                return ReadReference(date(year, month, days[0]), False, "day, month name and year")
            except ValueError:
                return ReadReference(None, False, f"not a calendar date: {s!r}")
    return ReadReference(None, False, f"unreadable date: {s!r}")
