"""Absolute dates in texts that are not in English, found with dateparser (imported lazily).

The English rules stay the engine; this only adds what dateparser does well: absolute dates with month
names in many languages ("le lundi 18 novembre 2024", "24. Februar 2022", "24 февраля 2022 года").
It runs only for a text whose language is known (given, or detected by ``viewer.text.detect_language``) and
is not English, so English texts never pay for it.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from ..model import TimeExpression
from . import calendar as cal

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


_LEAD = re.compile(r"^([^\W\d_]{1,4})\s+", re.UNICODE)
_LEAD_WORDS = {"le", "la", "les", "l", "en", "au", "du", "de", "dès", "am", "im", "vom", "zum", "bis", "seit", "el",
               "der", "die", "das", "den", "dem", "des", "ein", "eine", "um", "ab", "los", "las", "lo", "un", "une",
               "del", "il", "dal", "nel", "em", "no", "na", "do", "desde", "w", "we", "z", "od", "в", "на", "с", "у",
               "з", "до", "од", "от", "по", "після", "после", "since", "on", "in"}


# the sign written after a day's number in Chinese and Japanese (日, 号) and Korean (일)
_DAY_MARK = re.compile(r"[日号號일]")


def foreign_dates(text: str, reference: date | None, language: str) -> list[TimeExpression]:
    """Absolute dates found by dateparser.search_dates in a non-English text (never raises)."""
    try:
        from dateparser.search import search_dates
    except Exception:
        return []
    base = datetime(reference.year, reference.month, reference.day) if reference else datetime(2000, 1, 15)
    try:
        found = search_dates(text, languages=[language],
                             settings={"RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False}) or []
    except Exception:
        return []
    out: list[TimeExpression] = []
    pos = 0
    for sub, dt in found:
        i = text.find(sub, pos)
        if i < 0:
            continue
        pos = i + len(sub)
        while True:   # "le 5 mars", "Am 24. Februar": the preposition or article is not part of the date
            lead = _LEAD.match(sub)
            if not lead or lead.group(1).lower() not in _LEAD_WORDS or lead.end() >= len(sub):
                break
            i += lead.end()
            sub = sub[lead.end():]
        tail = _DAY_MARK.match(text, i + len(sub))
        if tail and sub[-1:].isdigit():   # "2024年11月18日": the day's sign belongs to the date
            sub = text[i:tail.end()]
            pos = tail.end()
        digits = re.findall(r"\d+", sub)
        if not digits:
            continue        # weekday names and relative words: the English rules' business, not ours
        years = [d for d in digits if len(d) == 4]
        days = [d for d in digits if len(d) <= 2]
        has_word = bool(_WORD.search(sub))
        if (years and str(dt.year) not in years) or (days and years and dt.day not in {int(d) for d in days}):
            continue        # dateparser's reading disagrees with the digits written ("2022 წლის 24" → year 2)
        try:
            if days and has_word and dt.year > 1:
                d = date(dt.year, dt.month, dt.day)
                v, e, l, g = cal.render("day", d.toordinal())
            elif years and has_word and dt.year > 1 and dt.day == base.day and not days:
                v, e, l, g = cal.render("month", dt.year * 12 + dt.month - 1)
            elif years and len(years) == len(digits):
                v, e, l, g = cal.render("year", int(years[0]))
            else:
                continue
        except (ValueError, OverflowError):
            continue
        out.append(TimeExpression(start=i, end=i + len(sub), text=sub, type="DATE", value=v, earliest=e,
                                  latest=l, granularity=g,
                                  reasoning=f"'{sub}': absolute date read by dateparser ({language})",
                                  anchor=reference.isoformat() if reference and g != "year" else None))
    return out


def merge(ours: list[TimeExpression], theirs: list[TimeExpression]) -> list[TimeExpression]:
    """Add dateparser's dates; one of ours inside a longer date of theirs gives way."""
    if not theirs:
        return ours
    keep = [e for e in ours if not any(t.start <= e.start and e.end <= t.end and (t.end - t.start) > (e.end - e.start)
                                       for t in theirs)]
    for t in theirs:
        if not any(k.start < t.end and t.start < k.end for k in keep):
            keep.append(t)
    keep.sort(key=lambda e: e.start)
    return keep
