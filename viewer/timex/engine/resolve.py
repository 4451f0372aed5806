"""Frames to TIMEX3: a language-neutral frame (kind, unit, fields, deixis, offset, modifier) is resolved
against the reference date or the narrative time, with the tense of its sentence where the calendar alone
cannot decide (a bare weekday, a month without a year)."""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

from dateutil.easter import EASTER_JULIAN, EASTER_WESTERN, easter

from ...model import TimeExpression
from .. import calendar as cal
from .. import discourse
from .data import Language

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
SEASON_INDEX = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}
PARTS = {"MO": ("06:00", "11:59", "morning"), "AF": ("12:00", "17:59", "afternoon"),
         "EV": ("18:00", "21:59", "evening"), "NI": ("21:00", "23:59", "night")}
CAL_UNITS = ("day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade", "century")
DUR_CODE = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE", "fortnight": "W",
            "month": "M", "quarter": "Q", "half": "M", "year": "Y", "decade": "DE", "century": "CE"}
DUR_FACTOR = {"fortnight": 2, "half": 6}

PAST_SLACK = 90
FUTURE_SLACK = 31



def day_label(d: date) -> str:
    return f"{d.day} {MONTH_NAMES[d.month - 1][:3]} {d.year}"


def label(kind: str, i: int) -> str:
    a, b = cal.bounds(kind, i)
    if kind == "day":
        return day_label(a)
    if kind == "month":
        return f"{MONTH_NAMES[a.month - 1]} {a.year}"
    if kind == "year":
        return str(a.year)
    if kind == "season":
        y, s = divmod(i, 4)
        return f"{('spring', 'summer', 'autumn', 'winter')[s]} {y}"
    if kind in ("week", "weekend"):
        return f"the {kind} of {day_label(a)}–{day_label(b)}"
    return f"{a.isoformat()}–{b.isoformat()}"


class Context:
    """Per-call state: the text, the reference, the narrative time and the last day the text named."""

    def __init__(self, lang: Language, text: str, ref: date | None, narrative: bool):
        self.lang = lang
        self.text = text
        self.ref = ref
        self.narrative = narrative
        self.anchor: date | None = None       # the last date written out in full (narrative time)
        self.anchor_kind: str | None = None
        self.last_day: date | None = None     # the last day-level date read
        self.bc_year: int | None = None       # the story is at a year before the common era (astronomical)
        self.dated: list[tuple[int, int, date]] = []   # days written with their year: (start, end, day)
        self.last_end: int = 0                # where the last expression read ends
        self.last_year: int | None = None     # the year it was, when it was a bare year
        self.year_read: int | None = None
        self._breaks: list[int] | None = None  # where each sentence of the text begins (read lazily)

    def deictic_ref(self) -> tuple[date | None, str]:
        return cal.deictic_reference(self.narrative, self.anchor, self.ref)

    def anaphoric_ref(self) -> tuple[date | None, str]:
        if self.last_day is not None:
            return self.last_day, "last mentioned day"
        if self.anchor is not None:
            return self.anchor, "last mentioned date"
        if self.ref is not None:
            return self.ref, "reference"
        return None, ""

    def set_anchor(self, d: date, kind: str, locates: bool = True) -> None:
        """The story is now at ``d`` (a ``kind``). ``locates``: the text wrote it where it places what happens
        (a tagger that keeps a discourse year of its own moves it then only; this context keeps none)."""
        self.anchor, self.anchor_kind = d, kind
        self.bc_year = None

    def set_bc(self, earliest: str) -> None:
        """The story is at a year before the common era (from the ISO earliest bound, "-0479-01-01")."""
        self.bc_year = int(earliest[:earliest.index("-", 1)])
        self.anchor = self.anchor_kind = self.last_day = None

    def sentence(self, start: int, end: int) -> tuple[str, str]:
        """The words around an expression inside its own sentence (at most 150 characters before it and 120
        after it): where its tense is read. Sentences are cut by ``viewer.text.sentence_breaks`` (the app's
        one splitter, which knows the language's abbreviations), and a ';' cuts a clause too."""
        breaks = self._breaks
        if breaks is None:
            breaks = self._breaks = self._sentence_starts()
        k = bisect_right(breaks, start)
        lo = max(start - 150, breaks[k - 1] if k else 0, 0)
        hi = min(end + 120, breaks[k] if k < len(breaks) else len(self.text))
        hi = max(hi, end)
        left = self.text[lo:start]
        cut = left.rfind(";")
        if cut >= 0:
            left = left[cut + 1:]
        right = self.text[end:hi]
        cut = right.find(";")
        if cut >= 0:
            right = right[:cut]
        return left, right

    def _sentence_starts(self) -> list[int]:
        from ...text import sentence_breaks
        return [nxt for _, nxt in sentence_breaks(self.text, language=self.lang.code)]

    def tense(self, start: int, end: int) -> tuple[str | None, str]:
        """"past", "future" or None, and the word that decided: the cue nearest to the expression."""
        left, right = self.sentence(start, end)
        best: tuple[int, str, str] | None = None
        lang = self.lang
        # each cue is tried only at the words it may begin with (``Language.cue_matches``)
        lw = lang.cue_starts(left)
        rw = lang.cue_starts(right)
        k = -1
        for t, pats in (("past", lang.past), ("future", lang.future)):
            for p in pats:
                k += 1
                for m in lang.cue_matches(k, p, left, lw):
                    if m.group(0).lower().split()[-1] in self.lang.not_cue:
                        continue
                    dist = len(left) - m.end()
                    if best is None or dist < best[0]:
                        best = (dist, t, m.group(0))
                for m in lang.cue_matches(k, p, right, rw):
                    if m.group(0).lower().split()[-1] in self.lang.not_cue:
                        continue
                    dist = m.start() + 5   # a verb before the expression says more than one after it
                    if best is None or dist < best[0]:
                        best = (dist, t, m.group(0))
        if best is None:
            return None, ""
        return best[1], best[2]


def _expr(ctx: Context, start: int, end: int, typ: str, value: str, earliest=None, latest=None, gran=None,
          reasoning: str = "", mod=None, anchor: date | None = None) -> TimeExpression:
    return TimeExpression(start=start, end=end, text=ctx.text[start:end], type=typ, value=value,
                          earliest=earliest, latest=latest, granularity=gran, reasoning=reasoning, mod=mod,
                          anchor=anchor.isoformat() if anchor else None)


def _unit(ctx: Context, start: int, end: int, kind: str, i: int, why: str, mod=None, anchor=None,
          typ: str = "DATE", half: str | None = None) -> TimeExpression:
    value, e, l, g = cal.render(kind, i)
    if mod in ("START", "MID", "END"):
        e, l = cal.narrow(e, l, mod)
    elif half in ("H1", "H2"):
        # "the first half of the 1990s": the span narrowed to that half, and the TIMEX3 mod of its end
        e, l = cal.narrow(e, l, half)
        mod = "START" if half == "H1" else "END"
    return _expr(ctx, start, end, typ, value, e, l, g, why, mod, anchor)


def _rel(ctx: Context, s: str, anchor: date, how: str, result: str, why: str) -> str:
    """The reasoning an English-speaking analyst reads."""
    return f"'{s}', relative to {day_label(anchor)} ({how}) → {result} ({why})"


# ---------------------------------------------------------------------------------------------------------
# Years for what is written without one

def year_for(ctx: Context, month: int, day: int | None, start: int, end: int, deixis: str | None
             ) -> tuple[int | None, str, date | None]:
    """The year of a month (and day) written without one: by deixis, else nearest to the reference and
    moved by the tense of the sentence (as the English tagger does)."""
    ref, how = ctx.deictic_ref()
    if ref is None:
        return None, "no reference date", None
    if deixis in ("last", "prev_a"):
        y = ref.year if (month, day or 1) < (ref.month, ref.day if day else 1) or (not day and month < ref.month) \
            else ref.year - 1
        if not day:
            y = ref.year if month < ref.month else ref.year - 1
        return y, f"last: the most recent before the {how}", ref
    if deixis in ("next", "next_a"):
        y = ref.year if (month, day or 99) > (ref.month, ref.day if day else 99) else ref.year + 1
        if not day:
            y = ref.year if month > ref.month else ref.year + 1
        return y, f"next: the first after the {how}", ref
    if deixis == "this":
        return ref.year, f"this: the {how}'s year", ref
    if how == "narrative time":
        if ctx.anchor_kind in ("year", "decade", "century") or month >= ref.month:
            return ref.year, "same year as the narrative time", ref
        # a little before the narrative time is a look back ("am 1. September ... am 31. August"); far before
        # it, the story has moved on into the next year ("im Dezember 1940 ... im Januar")
        y, why = discourse.month_year_in_story(ref, month, day)
        return y, why, ref
    t, cue = ctx.tense(start, end)

    def dist(y: int) -> int:
        return (date(y, month, min(day or 15, cal.last_day(y, month))) - ref).days

    y = min((ref.year - 1, ref.year, ref.year + 1), key=lambda yy: (abs(dist(yy)), -yy))
    if t == "past" and dist(y) > (PAST_SLACK if day else PAST_SLACK // 3):
        return y - 1, f"past tense ('{cue}'): the most recent before the {how}", ref
    if t == "future" and dist(y) < -FUTURE_SLACK // (1 if day else 1):
        return y + 1, f"future tense ('{cue}'): the next after the {how}", ref
    if t is None and dist(y) > 150:
        return y - 1, f"the most recent before the {how} (no tense cue)", ref
    return y, f"the nearest to the {how}" + (f", {t} tense agrees" if t else ""), ref


def _year_offset(ref: date, offset, how: str) -> tuple[int, str]:
    """The year a month or date names with "last year" / "next year" / "this year" after it."""
    off = int(offset)
    return ref.year + off, {-1: f"last year: the year before the {how}'s", 1: f"next year: the year after the {how}'s",
                            0: f"this year: the {how}'s year"}.get(off, f"{off:+d} years from the {how}'s year")


def weekday_date(ctx: Context, wd: int, deixis: str | None, start: int, end: int
                 ) -> tuple[date | None, date | None, str]:
    if deixis in ("prev_a", "next_a"):
        ref, how = ctx.anaphoric_ref()
    else:
        ref, how = ctx.deictic_ref()
    if ref is None:
        return None, None, ""
    back = (ref.isoweekday() - wd) % 7
    if deixis in ("last", "prev_a"):
        return ref - timedelta(days=back or 7), ref, f"last: the {WEEKDAY_NAMES[wd - 1]} before the {how}"
    if deixis in ("next", "next_a"):
        return ref + timedelta(days=((wd - ref.isoweekday()) % 7) or 7), ref, \
            f"next: the {WEEKDAY_NAMES[wd - 1]} after the {how}"
    if deixis == "this":
        # "ce lundi": the Monday of the week being written in, as news use it
        return ref + timedelta(days=wd - ref.isoweekday()), ref, f"this: the {WEEKDAY_NAMES[wd - 1]} of the {how}'s week"
    t, cue = (None, "") if how == "narrative time" else ctx.tense(start, end)
    if how == "narrative time" or t == "future":
        d = ref + timedelta(days=(wd - ref.isoweekday()) % 7)
        return d, ref, (f"future tense ('{cue}')" if t else "the narrative moves forward") + \
            f": the next {WEEKDAY_NAMES[wd - 1]} from the {how}"
    ahead = (wd - ref.isoweekday()) % 7
    if t is None and how == "reference" and 0 < ahead < back and \
            ctx.lang.lookup("bare_weekday", "no_tense") == "nearest":
        # no tense at all ("Maceo Parker à Besançon mardi", "ont rendez-vous dimanche matin"): in a language
        # whose pasts the cues read well ([bare_weekday] no_tense = "nearest"), the nearer of the two, which is
        # the coming one when it is nearer than the one gone by
        return ref + timedelta(days=ahead), ref, \
            f"no tense cue: the nearest {WEEKDAY_NAMES[wd - 1]} to the {how}, the coming one"
    return ref - timedelta(days=back), ref, (f"past tense ('{cue}')" if t else "no tense cue, news default") + \
        f": the most recent {WEEKDAY_NAMES[wd - 1]} up to the {how}"


def _agreeing_year(month: int, day: int, wd: int, ref: date, tense: str | None) -> int | None:
    """The year, the reference's or one either side, in which ``day`` ``month`` is weekday ``wd``; a day the
    tense rules out (told in the past but more than FUTURE_SLACK days after the reference, told in the future but
    more than PAST_SLACK days before it) is passed over. None when no such year is near."""
    for y in (ref.year, ref.year + 1, ref.year - 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if d.isoweekday() != wd:
            continue
        if (tense == "past" and (d - ref).days > FUTURE_SLACK) or (tense == "future" and (ref - d).days > PAST_SLACK):
            continue
        return y
    return None


# ---------------------------------------------------------------------------------------------------------
# One frame to one expression

def _num(f: dict) -> float | str | None:
    n = f.get("number")
    if n is None:
        return None
    if isinstance(n, str):
        if n == "X":
            return "X"
        try:
            return float(n.replace(",", "."))
        except ValueError:
            return None
    return float(n)


def _dur_value(n: float | str | None, unit: str) -> str | None:
    code = DUR_CODE.get(unit)
    if code is None or n is None:
        return None
    if n == "X":
        return f"PT{code[0]}" if unit in ("second", "minute", "hour") and False else \
            ("PTX" + code if unit in ("second", "minute", "hour") else "PX" + code[0])
    n = float(n) * DUR_FACTOR.get(unit, 1)
    if unit == "weekend":
        n, code = n * 2, "D"
    if unit == "decade":
        n, code = n * 10, "Y"
    if unit == "century":
        n, code = n * 100, "Y"
    txt = f"{n:g}" if n != int(n) else str(int(n))
    return ("PT" if unit in ("second", "minute", "hour") else "P") + txt + code


def resolve(ctx: Context, f: dict, start: int, end: int) -> TimeExpression | None:
    """The expression a frame makes at ``start``–``end``, or None. A rule's frame may word the reasoning
    itself, for readers used to another wording: ``why``, a format string over ``text``, ``value``, ``year``
    (the year of the value), ``last_year`` (the year of its latest day), ``first_year`` (of its earliest day),
    ``value_last_year`` (a millennium's last year, whatever part of it is meant) and the frame's own fields; and
    ``why_unknown`` for an expression it cannot place in time ("XXXX-Q3")."""
    e = _resolve(ctx, f, start, end)
    why = f.get("why_unknown") if e is not None and e.value[:1] == "X" else None   # not placed in time
    why = why or f.get("why")
    if e is not None and why:
        last = e.latest[:4] if e.latest else ""
        first = e.earliest[:4] if e.earliest else ""
        e.reasoning = why.format(**{**f, "text": e.text, "value": e.value,
                                    "year": e.value[:4].lstrip("0") if e.value[:4].isdigit() else "",
                                    "last_year": last.lstrip("0") if last.isdigit() else "",
                                    "first_year": first.lstrip("0") if first.isdigit() else "",
                                    "value_last_year": str(int(e.value) * 1000 + 999)
                                    if e.granularity == "millennium" and e.value.isdigit() else ""})
    return e


def _two_digit_year(f: dict) -> int:
    """The year of a frame written with two digits ("'98", "1/2/98"): the 1900s from ``year2_pivot`` on (a
    rule's frame may set it; 30 unless it does), else the 2000s."""
    y2 = int(f["year2"])
    return 1900 + y2 if y2 >= int(f.get("year2_pivot", 30)) else 2000 + y2


def _resolve(ctx: Context, f: dict, start: int, end: int) -> TimeExpression | None:
    kind = f["kind"]
    s = ctx.text[start:end]
    mod = f.get("mod") if f.get("mod") in ("START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN",
                                             "EQUAL_OR_MORE") else None
    deixis = f.get("deixis")
    if kind in ("date", "month") and f.get("era") == "BC" and f.get("year") is not None:
        return _bc_day(ctx, f, s, start, end, mod)
    if kind == "millennium":
        return _millennium(ctx, f, s, start, end, mod)
    if kind == "date":
        month, day = int(f["month"]), int(f["day"])
        year = f.get("year")
        if year is None and f.get("year2") is not None:
            year = _two_digit_year(f)
        wd = f.get("weekday")
        if year is not None and f.get("hour") is not None:
            # a date written with its clock time ("2024-11-18T10:30"): that minute (the value as written, to
            # the second when the seconds are)
            try:
                d = date(int(year), month, day)
            except ValueError:
                return None
            hh, mi, sec = int(f["hour"]), int(f.get("minute") or 0), f.get("second")
            v = f"{d.isoformat()}T{hh:02d}:{mi:02d}"
            return _expr(ctx, start, end, "TIME", v + (f":{int(sec):02d}" if sec is not None else ""), v, v,
                         "minute", f"'{s}': a date and a time of day written in full", mod)
        if year is not None:
            if (month, day) == (2, 29) and not cal.is_leap(int(year)) and f.get("strict_day"):
                return None   # the rule reads only days that exist (``strict_day``): no month is kept
            if (month, day) == (2, 29) and not cal.is_leap(int(year)):
                # no 29 February that year: the whole expression, known to the month only
                i = int(year) * 12 + 1
                ctx.set_anchor(date(int(year), 2, 1), "month")
                return _unit(ctx, start, end, "month", i,
                             f"'{s}': {year} has no 29 February (not a leap year); kept as February {year}", mod)
            try:
                d = date(int(year), month, day)
            except ValueError:
                return None
            ctx.set_anchor(d, "day")
            ctx.last_day = d
            ctx.dated.append((start, end, d))
            return _unit(ctx, start, end, "day", d.toordinal(), f"'{s}': a date written in full", mod)
        ref, how = ctx.deictic_ref()
        if ref is None:
            return _expr(ctx, start, end, "DATE", f"XXXX-{month:02d}-{day:02d}", None, None, "day",
                         f"'{s}' has no year and there is no reference date", mod)
        y = None
        why = ""
        if f.get("year_offset") is not None:
            # "5 marca ubiegłego roku": the year before (or after) the reference's, whatever the month
            y, why = _year_offset(ref, f["year_offset"], how)
        if y is None and wd is not None and deixis not in ("last", "next", "prev_a", "next_a"):
            # a history tells everything in the past: there the tense rules out no year
            tense = None if ctx.narrative else ctx.tense(start, end)[0]
            y = _agreeing_year(month, day, int(wd), ref, tense)
            if y is not None:
                why = f"the year in which {WEEKDAY_NAMES[int(wd) - 1]} falls on {day} {MONTH_NAMES[month - 1]}"
        if y is None and (month, day) == (9, 11) and cal.names_sept11(ctx.text, start, end):
            y, why = 2001, "it names the attacks of 11 September 2001"
        if y is None:
            y, why, ref = year_for(ctx, month, day, start, end, deixis)
        if (month, day) == (2, 29) and not cal.is_leap(y):
            y, why = cal.leap_year_near(y, deixis in ("next", "next_a") or ctx.tense(start, end)[0] == "future"), \
                f"{why}; {y} has no 29 February: the nearest leap year"
        try:
            d = date(y, month, day)
        except ValueError:
            return None
        ctx.last_day = d
        if ctx.narrative:
            ctx.set_anchor(d, "day")
        return _unit(ctx, start, end, "day", d.toordinal(), _rel(ctx, s, ref, how, day_label(d), why), mod, ref)
    if kind == "month":
        month = int(f["month"])
        year = f.get("year")
        if year is None and f.get("year2") is not None:
            year = _two_digit_year(f)
        if year is not None:
            i = int(year) * 12 + month - 1
            ctx.set_anchor(date(int(year), month, 1), "month")
            return _unit(ctx, start, end, "month", i, f"'{s}': a month written with its year", mod)
        if f.get("year_offset") is not None and ctx.deictic_ref()[0] is not None:
            # "w maju ubiegłego roku", "septiembre del año pasado"
            ref, how = ctx.deictic_ref()
            y, why = _year_offset(ref, f["year_offset"], how)
        else:
            y, why, ref = year_for(ctx, month, None, start, end, deixis)
        if y is None:
            return _expr(ctx, start, end, "DATE", f"XXXX-{month:02d}", None, None, "month",
                         f"'{s}' has no year and there is no reference date", mod)
        i = y * 12 + month - 1
        if ctx.narrative:
            ctx.set_anchor(date(y, month, 1), "month")
        _, how = ctx.deictic_ref()
        return _unit(ctx, start, end, "month", i, _rel(ctx, s, ref, how, label("month", i), why), mod, ref)
    if kind == "weekday":
        wd = int(f["weekday"])
        d, ref, why = weekday_date(ctx, wd, deixis, start, end)
        part = f.get("part_of_day")
        if d is not None and f.get("day_shift"):
            # "in der Nacht zum Dienstag": the night of the day before
            d = d + timedelta(days=int(f["day_shift"]))
            why += f", {int(f['day_shift']):+d} day"
        if d is None:
            return _expr(ctx, start, end, "DATE", f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), None, None,
                         "day", f"'{s}' with no reference date", mod)
        ctx.last_day = d
        return _day(ctx, start, end, d, part, _rel(ctx, s, ref, "reference" if ref == ctx.ref else "context",
                                                    day_label(d), why), mod, ref)
    if kind == "present_day":
        # "today is the eighth day of the operation": the day of writing (the reference's, else the story's last
        # date), counted from an event; none in a history; it moves nothing
        ref, how = ctx.deictic_ref()
        if ref is None or ctx.narrative:
            return None
        return _unit(ctx, start, end, "day", ref.toordinal(),
                     f"'{s}' of something, said in the present: the {how} {ref.isoformat()}", mod, ref)
    if kind in ("day", "day_anaphor"):
        off = int(f.get("day_word", f.get("day_anaphor", f.get("offset", 0))))
        if kind == "day" and off == 0 and ctx.narrative and f.get("history") and not f.get("part_of_day"):
            # "heute" in a history: the time of writing, not the story's day
            v = str(f["history"])
            return _expr(ctx, start, end, "DATE", v, None, None, None, f"'{s}' in a history: {v.lower().replace('_', ' ')}")
        if kind == "day":
            ref, how = ctx.deictic_ref()
        else:
            ref, how = ctx.anaphoric_ref()
        part = f.get("part_of_day")
        if ref is None:
            return None if kind == "day_anaphor" else _expr(
                ctx, start, end, "DATE", "PRESENT_REF" if off == 0 else "XXXX-XX-XX", None, None, "day",
                f"'{s}' with no reference date")
        d = ref + timedelta(days=off)
        ctx.last_day = d
        why = {0: "the same day", -1: "the day before", 1: "the day after", -2: "two days before",
               2: "two days after"}.get(off, f"{off:+d} days")
        return _day(ctx, start, end, d, part, _rel(ctx, s, ref, how, day_label(d), why), mod, ref)
    if kind == "part":
        ref, how = ctx.anaphoric_ref()
        if ref is None:
            return None
        return _day(ctx, start, end, ref, f.get("part_of_day"), _rel(ctx, s, ref, how, day_label(ref),
                                                                     "a part of the day the text is at"), mod, ref)
    if kind == "unit":
        unit = f.get("unit")
        if unit == "fortnight":
            unit = "week"
        if unit not in CAL_UNITS:
            return None
        there = f.get("there")
        if there and there.endswith("là"):
            ref, how = ctx.anaphoric_ref()
            deixis = "that"
        elif deixis in ("prev_a", "next_a", "same"):
            ref, how = ctx.anaphoric_ref()
        else:
            ref, how = ctx.deictic_ref()
        if ref is None:
            return None
        step = {"last": -1, "prev_a": -1, "next": 1, "next_a": 1}.get(deixis or "this", 0)
        i = cal.index_of(unit, ref) + step
        if unit == "weekend" and step == 0 and ref.isoweekday() < 6 and ctx.tense(start, end)[0] == "past":
            i -= 1   # "ils se sont rendus ce week-end" written on a Tuesday: the weekend just gone
        if unit == "day" and step == 0:
            ctx.last_day = ref
        return _unit(ctx, start, end, unit, i, _rel(ctx, s, ref, how, label(unit, i),
                                                   {-1: "the one before", 1: "the one after", 0: "the one containing it"}[step]),
                     mod, ref)
    if kind == "part_year":
        return _part_of_year(ctx, f, s, start, end, mod)
    if kind == "season":
        code = f["season"]
        sidx = SEASON_INDEX[code]
        year = f.get("year")
        if year is not None:
            i = int(year) * 4 + sidx
            ctx.set_anchor(cal.bounds("season", i)[0], "season")
            return _unit(ctx, start, end, "season", i, f"'{s}': a season written with its year", mod)
        ref, how = ctx.deictic_ref()
        if ref is None:
            return _expr(ctx, start, end, "DATE", f"XXXX-{code}", None, None, "season",
                         f"'{s}' with no reference date", mod)
        cur = cal.index_of("season", ref)
        this_i = ref.year * 4 + sidx if not (code == "WI" and ref.month <= 2) else (ref.year - 1) * 4 + 3
        if deixis in ("last", "prev_a"):
            i, why = cur - ((cur - sidx) % 4 or 4), "last: the one before"
        elif deixis in ("next", "next_a"):
            i, why = cur + ((sidx - cur) % 4 or 4), "next: the one after"
        elif deixis == "this" or how == "narrative time":
            i, why = this_i, "this: the season of that year"
        else:
            t, cue = ctx.tense(start, end)
            if t == "past" and this_i > cur:
                i, why = this_i - 4, f"past tense ('{cue}'): the most recent"
            elif t == "future" and this_i < cur:
                i, why = this_i + 4, f"future tense ('{cue}'): the next"
            else:
                i, why = this_i, "the season of the year" + (f", {t} tense agrees" if t else "")
        return _unit(ctx, start, end, "season", i, _rel(ctx, s, ref, how, label("season", i), why), mod, ref)
    if kind == "shift" and ctx.bc_year is not None and (f.get("anaphoric") or ctx.narrative):
        return _bc_shift(ctx, f, s, start, end, mod)
    if kind == "shift" and f.get("happening"):
        return _from_happening(ctx, f, s, start, end, mod)
    if kind == "shift":
        unit = f.get("unit")
        n = _num(f)
        # "drei Tage später": from the day the text is at; "vor drei Tagen": from the reference
        anaphoric = f.get("anaphoric") or (f.get("anaphoric_past") and ctx.last_day is not None
                                           and ctx.tense(start, end)[0] == "past")
        # "через два дня" told in the past tense is two days after the day the text is at, not from now
        ref, how = ctx.anaphoric_ref() if anaphoric else ctx.deictic_ref()
        if unit not in ("day", "week", "month", "year", "decade", "century", "weekend", "fortnight") or ref is None:
            return None
        if n == "X" and f.get("anaphoric") and ctx.narrative and ctx.last_day is not None \
                and unit in ("day", "week", "month", "year"):
            # a history: "wenige Wochen später" is a band of days after the last day the story gave
            base = ctx.last_day
            _v, a, b, g = cal.offset_from(base, unit, None, int(f["offset"]))
            v = "FUTURE_REF" if int(f["offset"]) > 0 else "PAST_REF"   # the vague TIMEX3 value; the band as interval
            lo, hi = cal.VAGUE_COUNT
            return _expr(ctx, start, end, "DATE", v, a, b, g,
                         _rel(ctx, s, base, "last mentioned day", f"{a} – {b}", f"{lo} to {hi} {unit}s"), mod, base)
        if n == "X" or n is None or n != int(n):
            v = {-1: "PAST_REF", 1: "FUTURE_REF"}[int(f["offset"])]
            return _expr(ctx, start, end, "DATE", v, None, None, None, f"'{s}': an unspecified time before/after the {how}")
        n = int(n) * int(f["offset"])
        if unit in ("day", "week", "weekend", "fortnight"):
            days = n * {"day": 1, "week": 7, "weekend": 7, "fortnight": 14}[unit]
            d = ref + timedelta(days=days)
            ctx.last_day = d
            return _unit(ctx, start, end, "day", d.toordinal(), _rel(ctx, s, ref, how, day_label(d), f"{days:+d} days"),
                         mod, ref)
        if unit == "month":
            i = cal.index_of("month", ref) + n
            return _unit(ctx, start, end, "month", i, _rel(ctx, s, ref, how, label("month", i), f"{n:+d} months"), mod, ref)
        k = {"year": 1, "decade": 10, "century": 100}[unit]
        y = ref.year + n * k
        if not (cal.MIN_YEAR <= y <= cal.MAX_YEAR):
            return None
        return _unit(ctx, start, end, "year", y, _rel(ctx, s, ref, how, str(y), f"{n * k:+d} years"), mod, ref)
    if kind == "duration":
        v = f.get("duration") or _dur_value(_num(f), f.get("unit", ""))
        if not v:
            return None
        if f.get("half"):
            pass
        return _expr(ctx, start, end, "DURATION", v, None, None, None, f"'{s}': a length of time, {v}", mod)
    if kind == "whole_year":
        # "the full year": the whole of the reference's (or the story's) year; a period of one year without either
        ref, how = ctx.deictic_ref()
        if ref is None:
            return _expr(ctx, start, end, "DURATION", "P1Y", None, None, None, f"'{s}': a period of one year")
        return _unit(ctx, start, end, "year", ref.year, f"'{s}': the whole of the {how}'s year", None, ref)
    if kind == "current_day":
        # "shares ended the day at 1,200": the day the text is at (the last day it named, else the reference or
        # the story's time)
        if ctx.last_day is not None:
            ref, how = ctx.last_day, "last mentioned day"
        else:
            ref, how = ctx.deictic_ref()
        if ref is None:
            return None
        return _unit(ctx, start, end, "day", ref.toordinal(),
                     f"'{s}': the day the text is at, the {how} {ref.isoformat()}", None, ref)
    if kind == "anaphoric_end":
        # "by the month's end", "the week's end": the end (TIMEX3 mod END) of the week or month the text is at:
        # of the last day it named while the story is at a day (or nowhere), else of its anaphoric reference
        u = f["unit"]
        if ctx.last_day is not None and ctx.anchor_kind in ("day", None):
            ref, how = ctx.last_day, "last mentioned day"
        else:
            ref, how = ctx.anaphoric_ref()
        if ref is None:
            return None
        return _unit(ctx, start, end, u, cal.index_of(u, ref),
                     f"'{s}': the end of the {u} of the {how} {ref.isoformat()}", "END", ref)
    if kind == "set":
        wd = f.get("weekday")
        if wd is not None:
            return _expr(ctx, start, end, "SET", f"XXXX-WXX-{int(wd)}", None, None, None,
                         f"'{s}': every {WEEKDAY_NAMES[int(wd) - 1]}")
        # the value written in the data: a word's ("daily": ``duration`` "P1D"; "every May": ``value``
        # "XXXX-05"), when the frame has no unit to count
        v = f.get("value") or (f.get("duration") if f.get("unit") is None else None)
        if v:
            return _expr(ctx, start, end, "SET", v, None, None, None, f"'{s}': a repetition, {v}")
        n = _num(f) or 1
        v = _dur_value(n, f.get("unit", ""))
        if not v:
            return None
        return _expr(ctx, start, end, "SET", v, None, None, None, f"'{s}': a repetition, every {v}")
    if kind == "decade" and f.get("before_ref"):
        # "the '90s", "the nineties" (``before_ref``): the latest such decade that began by the reference's year
        # (the 1900s without a reference); the story stays where it is
        digit = int(f["decade"]) // 10
        ref, _how = ctx.deictic_ref()
        century = 19
        if ref is not None:
            century = ref.year // 100
            if century * 100 + digit * 10 > ref.year:
                century -= 1
        return _unit(ctx, start, end, "decade", century * 10 + digit,
                     f"'{s}': the latest such decade before {ref.isoformat() if ref else 'now'}", mod, ref,
                     half=_half(f))
    if kind == "century" and f.get("hundreds") is not None:
        # "the 1800s": the hundred years from 1800 (century 18)
        c = int(f["hundreds"])
        ctx.set_anchor(date(max(c * 100, 1), 1, 1), "century", locates=f.get("locates", True))
        return _unit(ctx, start, end, "century", c, f"'{s}': the hundred years from {c}00", mod, half=_half(f))
    if kind == "decade":
        dn = f["decade"]
        dec = int(dn) // 10 if len(dn) >= 3 else 190 + int(dn) // 10 if int(dn) >= 10 else 200
        if len(dn) == 2 and int(dn) < 30 and int(dn) != 20 and int(dn) != 10:
            dec = 200 + int(dn) // 10   # les années 20 are the 1920s; "les années 2000", "2010" are written out
        if len(dn) == 2 and int(dn) in (10, 20):
            dec = 190 + int(dn) // 10
        if len(dn) == 1 and dn == "0":
            return None
        if f.get("era") == "BC" and dn.isdigit() and int(dn) >= 10:
            got = cal.bc_unit("decade", int(dn) // 10)
            if got is None:
                return None
            value, e0, e1, gran = got
            ctx.set_bc(e0)
            return _expr(ctx, start, end, "DATE", value, e0, e1, gran,
                         f"'{s}': the years {int(dn) + 9}–{int(dn)} before the common era", mod)
        ctx.set_anchor(date(max(dec * 10, 1), 1, 1), "decade", locates=f.get("locates", True))
        return _unit(ctx, start, end, "decade", dec, f"'{s}': the years {dec * 10}–{dec * 10 + 9}", mod,
                     half=_half(f))
    if kind == "century":
        n = f["century"]
        if isinstance(n, str):
            n = _roman_or_int(n)
        if not n or n < 1 or n > 21:
            return None
        c = n - 1
        if f.get("era") == "BC":
            value, e0, e1, gran = cal.bc_unit("century", n)
            if mod in ("START", "MID", "END"):
                e0, e1 = cal.narrow_bc(e0, e1, mod)
            ctx.set_bc(e0)
            return _expr(ctx, start, end, "DATE", value, e0, e1, gran,
                         f"'{s}': the years {n * 100}–{c * 100 + 1} before the common era", mod)
        ctx.set_anchor(date(max(c * 100, 1), 1, 1), "century")
        return _unit(ctx, start, end, "century", c, f"'{s}': the years {c * 100}–{c * 100 + 99}", mod)
    if kind == "year_span":
        # "1939–45", "1986/87" (crop and fiscal years): one band from the first year to the second, in the
        # first one's century, at most twenty years long; the value is the first year, where the story now is
        y1 = int(f["year"])
        y2 = y1 // 100 * 100 + int(f["year2"])
        if y2 <= y1 or y2 - y1 > 20 or not (cal.MIN_YEAR <= y1 <= cal.MAX_YEAR):
            return None
        ctx.set_anchor(date(y1, 1, 1), "year")
        return _expr(ctx, start, end, "DATE", f"{y1:04d}", f"{y1:04d}-01-01", f"{y2:04d}-12-31", "year",
                     f"'{s}': the years {y1} to {y2}", mod)
    if kind == "year":
        near = (ctx.ref or ctx.anchor) if f.get("year2_near") is not None and f.get("year") is None else None
        if near is not None:
            # two digits ("in '98") in the century that puts the year at most ``year2_near`` years after the
            # reference (or the story's time)
            y = near.year // 100 * 100 + int(f["year2"])
            if y > near.year + int(f["year2_near"]):
                y -= 100
        elif f.get("year") is None and f.get("year_hundreds") is not None:
            # a year in words, from its hundreds and the rest ("nineteen ninety-eight": 19, 90 and 8)
            y = int(f["year_hundreds"]) * 100 + int(f.get("year_tens", 0)) + int(f.get("year_ones", 0))
        else:
            y = int(f["year"]) if f.get("year") is not None else _two_digit_year(f)
        if f.get("era") == "BC":
            got = cal.bc_unit("year", y)
            if got is None:
                return None
            value, e0, e1, gran = got
            ctx.set_bc(e0)
            return _expr(ctx, start, end, "DATE", value, e0, e1, gran,
                         f"'{s}': the year {y} before the common era (astronomical year {ctx.bc_year})", mod)
        if f.get("moves"):
            # a year the rule says moves the story's time wherever it stands ("FY24", a fiscal year; "in '98"):
            # no year in passing (any year a date can hold)
            if not 1 <= y <= 9999:
                return None
            if f.get("locates", True):
                ctx.set_anchor(date(y, 1, 1), "year")
            else:   # the rule says it locates no event (English spelled years never set the tagger's discourse year)
                ctx.set_anchor(date(y, 1, 1), "year", locates=False)
            return _unit(ctx, start, end, "year", y, f"'{s}': the year {y}", mod)
        if not (cal.MIN_YEAR <= y <= cal.MAX_YEAR):
            return None
        # a year in passing ("der Frieden von 1370", a rule's frame says passing) does not move the story's
        # time; one that opens a sentence or comes with a preposition (its own rule) does, unless the
        # preposition only mentions it ("seit 1813", the language's [passing_lead]), it closes a range whose
        # first year was just read ("1939–1945"), or it lies far from the story inside a sentence
        opens = _opens_sentence(ctx.text, start)
        pw = _WORD_BEFORE.search(ctx.text, max(0, start - 20), start)
        after_word = pw is not None and ctx.lang.lookup("passing_lead", pw.group(1)) is not None
        range_end = ctx.last_year is not None and ctx.last_year < y and \
            _RANGE_DASH.fullmatch(ctx.text, ctx.last_end, start) is not None
        story_year = ctx.anchor.year if ctx.anchor is not None else None
        passing = discourse.year_in_passing(y, story_year, opens, after_word=after_word, range_end=range_end)
        if not passing and (not f.get("passing") or ctx.anchor is None or opens):
            ctx.set_anchor(date(y, 1, 1), "year")
        ctx.year_read = y
        return _unit(ctx, start, end, "year", y, f"'{s}': the year {y}", mod)
    if kind == "clock":
        h, mi = int(f["hour"]), int(f.get("minute") or 0)
        ref, how = ctx.anaphoric_ref()
        if ref is None:
            return _expr(ctx, start, end, "TIME", f"XXXX-XX-XXT{h:02d}:{mi:02d}", None, None, "minute",
                         f"'{s}': a time of day with no date", mod)
        v = f"{ref.isoformat()}T{h:02d}:{mi:02d}"
        utc = cal.utc_mark(ctx.text, start, end)
        return _expr(ctx, start, end, "TIME", v + utc, v, v, "minute",
                     f"'{s}': {h:02d}:{mi:02d} on {day_label(ref)} ({how})" + (", in UTC" if utc else ""), mod, ref)
    if kind == "holiday":
        hv = str(f["holiday"])
        year = f.get("year")
        ref, how = ctx.deictic_ref()
        if year is None and ref is None:
            return None
        y = int(year) if year is not None else ref.year

        def on(yy: int) -> date:
            return _holiday_date(hv, yy)
        d = on(y)
        why = "written with its year" if year is not None else "the one of the reference year"
        if year is None:
            t, cue = ctx.tense(start, end)
            if t == "past" and d > ref + timedelta(days=7):
                d, why = on(y - 1), f"past tense ('{cue}'): the most recent"
            elif t == "future" and d < ref:
                d, why = on(y + 1), f"future tense ('{cue}'): the next"
            elif t is None and how != "narrative time":
                # no tense: the nearest one, as for a month ("Рождество", 7 January, said in November is the
                # coming one), unless that is more than 150 days ahead
                near = min((on(y - 1), d, on(y + 1)), key=lambda x: (abs((x - ref).days), x))
                if (near - ref).days > 150:
                    near = on(near.year - 1)
                if near != d:
                    d, why = near, "the nearest to the reference"
        ctx.last_day = d
        return _unit(ctx, start, end, "day", d.toordinal(), f"'{s}' → {day_label(d)} ({why})", mod,
                     ref if year is None else None)
    if kind == "ref":
        v = str(f["present"])
        return _expr(ctx, start, end, "DATE", v, None, None, None, f"'{s}': {v.lower().replace('_', ' ')}")
    return None


def _part_of_year(ctx: Context, f: dict, s: str, start: int, end: int, mod) -> TimeExpression | None:
    """"the second quarter of 2023", "the first half of the year", "au premier semestre 2023", "в першій
    половині 2023 року": a quarter (``2023-Q2``) or a half (``2023-H1``) of the year written, else of the
    year named by a year word ("of last year"), else of the reference's (or the story's) year, moved back a
    year when the sentence is in the past and that part has not begun yet (forward in the future tense).

    A rule's frame with ``label`` reads a code ("Q3 2024", "H1", "Q3'24") at face value: the year written, else
    the reference's (or the story's) year whatever the tense, recorded with no anchor; and a year written with
    it does not move the story's time."""
    unit = f.get("unit")
    n = f.get("ordinal")
    per = {"quarter": 4, "half": 2}.get(unit)
    if n == "last" and per is not None:
        n = per          # "le dernier trimestre 2023": the fourth quarter
    try:
        n = int(n)
    except (TypeError, ValueError):
        return None
    if per is None or not 1 <= n <= per:
        return None
    if f.get("story_year"):
        return _part_of_story_year(ctx, f, s, start, end, unit, n, per)
    year = f.get("year")
    if year is None and f.get("year2") is not None:
        year = _two_digit_year(f)
    label = bool(f.get("label"))
    ref = None
    if year is not None:
        y, why = int(year), "written with its year"
    else:
        ref, how = ctx.deictic_ref()
        if ref is None:
            v = f"XXXX-{'Q' if unit == 'quarter' else 'H'}{n}"
            return _expr(ctx, start, end, "DATE", v, None, None, unit, f"'{s}' has no year and there is no reference date", mod)
        if f.get("year_offset") is not None:
            y, why = _year_offset(ref, f["year_offset"], how)
        else:
            y, why = ref.year, f"the {how}'s year"
            cur = cal.index_of(unit, ref) - ref.year * per
            if how != "narrative time" and not label:
                t, cue = ctx.tense(start, end)
                if t == "past" and n - 1 > cur:
                    y, why = y - 1, f"past tense ('{cue}'): the most recent before the {how}"
                elif t == "future" and n - 1 < cur:
                    y, why = y + 1, f"future tense ('{cue}'): the next after the {how}"
    if not (cal.MIN_YEAR <= y <= cal.MAX_YEAR):
        return None
    i = y * per + n - 1
    if year is not None:
        if not label:
            ctx.set_anchor(date(y, 1, 1), "year")
        return _unit(ctx, start, end, unit, i, f"'{s}': the {unit} {n} of {y}, {why}", mod)
    return _unit(ctx, start, end, unit, i, _rel(ctx, s, ref, how, cal.value_of(unit, i), why), mod,
                 None if label else ref)


def _part_of_story_year(ctx: Context, f: dict, s: str, start: int, end: int, unit: str, n: int,
                        per: int) -> TimeExpression | None:
    """A rule's frame with ``story_year`` ("the second half", "the first half of the year"): a part of the year
    written, else of the reference's year moved by ``shift`` years ("of last year": -1), else of the year the
    story is at when it is at a year, else of the reference's (or the story's) year, whatever the tense; with
    no year, unknown ("XXXX-H2"), or nothing when the frame says ``alone`` (the expression names no year)."""
    year = f.get("year")
    if year is None:
        ref, _ = ctx.deictic_ref()
        if f.get("shift") is not None:
            year = ref.year + int(f["shift"]) if ref is not None else None
        elif ctx.anchor_kind == "year" and ctx.anchor is not None:
            year = ctx.anchor.year
        elif ref is not None:
            year = ref.year
        elif f.get("alone"):
            return None
    code = {"quarter": "Q", "half": "H"}[unit]
    if year is None:
        return _expr(ctx, start, end, "DATE", f"XXXX-{code}{n}", None, None, unit, f"'{s}' with no year")
    return _unit(ctx, start, end, unit, int(year) * per + n - 1, f"'{s}': {unit} {n} of {year}")


def _from_happening(ctx: Context, f: dict, s: str, start: int, end: int, mod) -> TimeExpression | None:
    """"deux jours après l'invasion", "zwei Tage nach dem Angriff", "через два дні після вторгнення": counted
    from the happening's day when the text has dated it (the last sentence naming it with a day and its year),
    else, in a history, from the last day the text gave; else a plain duration ("two days")."""
    unit = f.get("unit")
    n = _num(f)
    if unit not in ("day", "week", "month", "year", "decade", "weekend", "fortnight") or n in (None, "X") or n != int(n):
        return None
    head = re.findall(r"\w+", s)[-1].lower()
    got = discourse.happening_day(ctx.text, head, start, ctx.dated)
    extra = ctx.lang.lookup("happening_stem", "trim")
    if got is None and extra and len(head) > 5 + int(extra):
        # a language whose nouns change more than their last two letters ("po wyborach" after "Wybory",
        # "после выборов" after "Выборы") names its extra letters ([happening_stem] trim = 1)
        got = discourse.happening_day(ctx.text, head[:-int(extra)], start, ctx.dated)
    if ctx.last_end and ctx.text[ctx.last_end:start].strip() in (",", "—", "–", "(", "-"):
        got = None   # "am 11. November, zehn Monate nach dem ersten Beschuss": the date is given, this is a length
        base = None
    if got is not None:
        base, how = got[0], f"the day of the '{head}', written {got[0].isoformat()}"
    elif ctx.narrative and ctx.last_day is not None and not (
            ctx.last_end and ctx.text[ctx.last_end:start].strip() in (",", "—", "–", "(", "-")):
        base, how = ctx.last_day, "the last day the text gave"
    else:
        cut = f.get("unit_end")
        v = _dur_value(n, unit)
        if cut is None or v is None:
            return None
        return _expr(ctx, start, cut, "DURATION", v, None, None, None, f"'{ctx.text[start:cut]}': a length of time, {v}", mod)
    v, a, b, g = cal.offset_from(base, unit, int(n), int(f["offset"]))
    if g == "day":
        ctx.last_day = date.fromisoformat(a)
    return _expr(ctx, start, end, "DATE", v, a, b, g,
                 f"'{s}': {int(n)} {unit}(s) {'after' if int(f['offset']) > 0 else 'before'} {how} → {v}", mod, base)


def _bc_day(ctx: Context, f: dict, s: str, start: int, end: int, mod) -> TimeExpression | None:
    """"le 15 mars 44 av. J.-C." → BC0044-03-15 (the day -0043-03-15), "березень 44 р. до н. е." → BC0044-03:
    a day or a month of a year before the common era, written with its era."""
    y, month = int(f["year"]), int(f["month"])
    day = int(f["day"]) if f["kind"] == "date" else None
    got = cal.bc_unit("year", y, month, day)
    if got is None:
        return None
    value, e0, e1, gran = got
    ctx.set_bc(e0)
    what = f"day {day} of {MONTH_NAMES[month - 1]}" if day is not None else MONTH_NAMES[month - 1]
    return _expr(ctx, start, end, "DATE", value, e0, e1, gran,
                 f"'{s}': {what} of the year {y} before the common era (astronomical year {ctx.bc_year})", mod)


def _half(f: dict) -> str | None:
    """A half ("the first half of": a position class's H1 / H2), which is no TIMEX3 mod of its own."""
    return f.get("mod") if f.get("mod") in ("H1", "H2") else None


def _millennium(ctx: Context, f: dict, s: str, start: int, end: int, mod) -> TimeExpression | None:
    """"au IIIe millénaire av. J.-C." → BC2 (the years 3000–2001 before the common era), "im dritten
    Jahrtausend" → 2 (the years 2000–2999): the TIMEX3 value is the digit of the thousands, as the English
    tagger gives it. The ordinal fills ``millennium`` (or ``century``, when a rule reuses a century's
    numeral class)."""
    n = f.get("millennium", f.get("century"))
    if isinstance(n, str):
        n = _roman_or_int(n)
    if not n or not 1 <= int(n) <= 10:
        return None
    n = int(n)
    # a half ("the first half of the 2nd millennium": a position class's H1 / H2) narrows the span to it and is
    # no TIMEX3 mod; before the era it is not narrowed, and kept as the mod, as the English tagger gave it
    half = _half(f)
    if f.get("era") == "BC":
        got = cal.bc_unit("millennium", n)
        if got is None:
            return None
        value, e0, e1, gran = got
        if mod in ("START", "MID", "END"):
            e0, e1 = cal.narrow_bc(e0, e1, mod)
        ctx.set_bc(e0)
        return _expr(ctx, start, end, "DATE", value, e0, e1, gran,
                     f"'{s}': the years {n * 1000}–{(n - 1) * 1000 + 1} before the common era", mod or half)
    k = n - 1
    e0, e1 = date(max(k * 1000, 1), 1, 1).isoformat(), date(min(k * 1000 + 999, 9999), 12, 31).isoformat()
    if mod in ("START", "MID", "END") or half:
        e0, e1 = cal.narrow(e0, e1, mod or half)
    return _expr(ctx, start, end, "DATE", str(k), e0, e1, "millennium",
                 f"'{s}': the years {max(k * 1000, 1)}–{k * 1000 + 999}", mod)


def _bc_shift(ctx: Context, f: dict, s: str, start: int, end: int, mod) -> TimeExpression | None:
    """"Zehn Jahre später" after "490 v. Chr.": whole years from the year before the common era the story is
    at; a shorter offset stays in that year."""
    n = _num(f)
    if n is None or n == "X" or n != int(n):
        return None
    step = int(n) * int(f["offset"]) * {"year": 1, "decade": 10, "century": 100}.get(f.get("unit"), 0)
    y0 = ctx.bc_year
    y = y0 + step
    if y > cal.MAX_YEAR:
        return None
    value, e0, e1, gran = cal.year_unit(y)
    if y >= 1:
        ctx.set_anchor(date(y, 1, 1), "year")
    else:
        ctx.bc_year = y
    return _expr(ctx, start, end, "DATE", value, e0, e1, gran,
                 f"'{s}' relative to {cal.bc_unit('year', 1 - y0)[0]} (last mentioned date) → {value} "
                 + (f"({step:+d} years)" if step else "(a shorter offset stays in that year)"), mod)


_WORD_BEFORE = re.compile(r"([\w']+)\s*$")
_RANGE_DASH = re.compile(r"\s*[-–—/]\s*")


def _opens_sentence(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"„“«'(":
        j -= 1
    return j < 0 or text[j] in ".!?\n:;"


def _day(ctx: Context, start: int, end: int, d: date, part: str | None, why: str, mod, ref) -> TimeExpression:
    if part:
        a, b, name = PARTS[part]
        return _expr(ctx, start, end, "TIME", f"{d.isoformat()}T{part}", f"{d.isoformat()}T{a}",
                     f"{d.isoformat()}T{b}", "hour", f"{why}, {name}", mod, ref)
    return _unit(ctx, start, end, "day", d.toordinal(), why, mod, ref)


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman_or_int(s: str) -> int | None:
    m = re.match(r"(\d+)|([ivxlc]+)", s.lower())
    if not m:
        return None
    if m.group(1):
        return int(m.group(1))
    total, prev = 0, 0
    for ch in reversed(m.group(2)):
        v = _ROMAN[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def _holiday_date(hv: str, y: int) -> date:
    """A holiday's day in year ``y``: ``MM-DD``, ``easter±N`` (Western) or ``orthodox_easter±N``."""
    if hv.startswith("orthodox_easter"):
        return cal.julian_to_gregorian(easter(y, EASTER_JULIAN)) + timedelta(days=int(hv[15:] or 0))
    if hv.startswith("easter"):
        return easter(y, EASTER_WESTERN) + timedelta(days=int(hv[6:] or 0))
    mm, dd = hv.split("-")
    return date(y, int(mm), int(dd))
