"""The temporal tagger: text and a reference date in, TIMEX3 time expressions out.

    >>> from datetime import date
    >>> [(e.text, e.value) for e in tag("Last September, Putin warned.", date(2024, 11, 18))]
    [('Last September', '2024-09')]

Pure: no I/O, never raises on any ``str``. See docs/ACCURACY.md for what it does and how well.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from ..model import TimeExpression
from . import foreign as _foreign
from .reference import infer_reference
from .tagger import tag_text

__all__ = ["tag", "infer_reference", "resolve_document", "looks_narrative", "looks_historical", "TimeExpression"]


def tag(text: str, reference: date | None = None, *, narrative: bool | None = None) -> list[TimeExpression]:
    """Find and normalise the time expressions in ``text``.

    ``reference`` is the date relative expressions resolve against (the publication date). When it is
    None, the reference is inferred from the text (see ``infer_reference``); if none can be found,
    relative expressions stay underspecified (``XXXX-09``, earliest/latest None).
    ``narrative``: resolve relative expressions against the time the text is talking about
    ("In 1944 ... in March" → 1944-03) rather than the reference. None (the default): only for a text
    that is clearly a history (``looks_historical``: most of at least five written years lie well before
    the reference, and no "today", "yesterday" or bare weekday, which news use); news stay deictic.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        reference = _as_date(reference)
        if reference is None:
            reference, _ = infer_reference(text)
        story = False
        if narrative is None:
            narrative = looks_historical(text, reference)
            # a history with a "today" in it: not a narrative, but its written years carry further
            story = not narrative and looks_narrative(text, reference)
        return _tag(text, reference, bool(narrative), story)
    except Exception:  # the contract: never raise on any input
        return []


def _as_date(d) -> date | None:
    """A date from a date, a datetime or an ISO string; None for anything else."""
    if d is None or type(d) is date:
        return d
    if isinstance(d, datetime):
        return d.date()
    if isinstance(d, date):
        return date(d.year, d.month, d.day)
    if isinstance(d, str):
        try:
            return date.fromisoformat(d.strip()[:10])
        except ValueError:
            return None
    return None


def _tag(text: str, reference: date | None, narrative: bool, story: bool = False) -> list[TimeExpression]:
    """English rules; for a text in another language, absolute dates from dateparser as well."""
    exprs = tag_text(text, reference, narrative, story)
    lang = _foreign.guess_language(text)
    if lang is not None and lang != "en":
        exprs = _foreign.merge(exprs, _foreign.foreign_dates(text, reference, lang))
    return exprs


_YEAR = re.compile(r"(?<![\d$.,])(1[0-9]\d\d|20\d\d)(?![\d%])")


def looks_narrative(text: str, reference: date | None) -> bool:
    """Heuristic: a history rather than news — most explicit years lie well before the reference."""
    years = [int(y) for y in _YEAR.findall(text[:20000])]
    if len(years) < 3:
        return False
    if reference is None:
        return True
    old = sum(1 for y in years if y < reference.year - 3)
    return old / len(years) > 0.6


_DEICTIC_DAY = re.compile(
    r"\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|(?<!following )(?<!previous )(?<!that )(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?!,?\s+(?:\d|the\s+\d|[A-Z][a-z]+\s+\d)))\b")


_NEWS_WORDS = re.compile(
    r"\b(?:ago|recently|(?:last|this|next|coming|past)\s+(?:week|month|year|weekend|quarter)s?|(?:last|next)\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*|(?:earlier|later)\s+this|so\s+far|currently|said|says)\b", re.I)

_SAID_DAY = re.compile(r"\b(?:said|says|told|announced|reported|added)\s+(?:on\s+|late\s+|early\s+)?"
                       r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day's\b")
_MONTH_YEAR = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?"
    r"(1\d{3}|20\d\d)\b")


def looks_historical(text: str, reference: date | None) -> bool:
    """Stricter than ``looks_narrative``, for ``tag`` with a reference: at least five written years,
    80% of them more than three years before the reference, and (almost) no deictic day ("today",
    "yesterday", a weekday without a date), which news reports use and histories do not: at most one
    for every ten old years."""
    if reference is None:
        return False
    years = [int(y) for y in _YEAR.findall(text[:20000])]
    if len(years) < 5:
        # a short history ("The Siege of Vienna of 1683 lasted two months. ... on 14 July"): every year it
        # writes is long past, and none of what news date their reports by
        return bool(years) and max(years) < reference.year - 10 and not _DEICTIC_DAY.search(text[:20000]) \
            and not _NEWS_WORDS.search(text[:20000])
    old = sum(1 for y in years if y < reference.year - 3)
    if old / len(years) < 0.8:
        return False
    # a long history may say "today" or "on Monday" now and then ("the site is today a museum"); news
    # say it more often than one in ten of their old years
    deictic = len(_DEICTIC_DAY.findall(text[:20000]))
    if deictic <= old // 10:
        return True
    # a short history that dates its events to the month or day ("on 7 December 1941", "in March 1914")
    # may still have one "On Monday" or "Today"; news mention old years bare ("arriving in 1966")
    if deictic > 1 or old < 5 or _SAID_DAY.search(text[:20000]):
        return False   # "officials said on Tuesday": a news report
    dated = sum(1 for m in _MONTH_YEAR.finditer(text[:20000]) if int(m.group(1)) < reference.year - 3)
    return dated >= 2


def resolve_document(text: str, published: date | None, today: date | None = None
                     ) -> tuple[date | None, str | None, list[TimeExpression]]:
    """Reference date, its source ("given", "inferred" or None) and the expressions.

    Decides narrative mode itself: a text whose reference had to be taken from its latest explicit
    date, or whose years mostly lie well before the reference, is read as a narrative.
    """
    published = _as_date(published)
    today = _as_date(today)
    if not isinstance(text, str):
        return published, ("given" if published else None), []
    story = False
    if published is not None:
        # the same decision as ``tag``: news with a few old years stay deictic
        ref, source = published, "given"
        narrative = looks_historical(text, ref)
        story = not narrative and looks_narrative(text, ref)
    else:
        ref, how = infer_reference(text, today)
        source = "inferred" if ref is not None else None
        # no dateline and no weekday-date agreement: a history or an encyclopedia article, whose
        # relative dates follow the story rather than a publication date
        narrative = ref is None or how.startswith("latest explicit") or looks_narrative(text, ref)
    try:
        exprs = _tag(text, ref, narrative, story)
    except Exception:
        exprs = []
    return ref, source, exprs
