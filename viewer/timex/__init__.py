"""The temporal tagger: text and a reference date in, TIMEX3 time expressions out.

    >>> from datetime import date
    >>> [(e.text, e.value) for e in tag("Last September, Putin warned.", date(2024, 11, 18))]
    [('Last September', '2024-09')]

Pure: no I/O, never raises on any ``str``. See docs/ACCURACY.md for what it does and how well.
"""
from __future__ import annotations

import re
import sys
from datetime import date

from ..model import TimeExpression
from ..text import as_date, detect_language, language_code
from . import discourse, engine
from . import foreign as _foreign
from .reference import infer_reference, read_reference

# The English tagger (viewer/timex/tagger.py) is imported on first use: a text in a language of the engine
# never needs it (its import compiles ~0.25 s of patterns).
_strict = False


def set_strict(flag: bool) -> None:
    """Strict mode (tests, development): the tagger's "never raise" guards let errors through, so the bug
    shows (see ``viewer.timex.tagger.set_strict``)."""
    global _strict
    _strict = bool(flag)
    english = sys.modules.get(__name__ + ".tagger")
    if english is not None:
        english.set_strict(_strict)


def is_strict() -> bool:
    return _strict


def tag_text(*args, **kw):
    """The English tagger's ``tag_text`` (imported here on first use, in the strict mode set)."""
    from . import tagger
    if tagger.is_strict() != _strict:
        tagger.set_strict(_strict)
    return tagger.tag_text(*args, **kw)

__all__ = ["tag", "infer_reference", "read_reference", "resolve_document", "looks_narrative", "looks_historical", "set_strict",
           "language_read", "reads_language", "TimeExpression"]


def tag(text: str, reference: date | None = None, *, narrative: bool | None = None,
        language: str | None = None) -> list[TimeExpression]:
    """Find and normalise the time expressions in ``text``.

    ``reference`` is the date relative expressions resolve against (the publication date). When it is
    None, the reference is inferred from the text (see ``infer_reference``); if none can be found,
    relative expressions stay underspecified (``XXXX-09``, earliest/latest None).
    ``narrative``: resolve relative expressions against the time the text is talking about
    ("In 1944 ... in March" → 1944-03) rather than the reference. None (the default): only for a text
    that is clearly a history (``looks_historical``: most of at least five written years lie well before
    the reference, and no "today", "yesterday" or bare weekday, which news use); news stay deictic.
    ``language``: the text's ISO 639-1 code when known ("fr", "uk"; "fr-FR" is read as "fr"); None detects it
    from the text (``viewer.text.detect_language``), and a text whose language cannot be told is read with the
    English rules plus dateparser's absolute dates.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        lang = language_code(language) or detect_language(text)
        reference = _reference(reference, lang)
        if reference is None:
            reference, _ = infer_reference(text, language=lang)
        story = False
        auto = narrative is None
        if narrative is None:
            narrative = looks_historical(text, reference, language=lang)
            # a history with a "today" in it: not a narrative, but its written years carry further
            story = not narrative and looks_narrative(text, reference, lang)
        return _tag(text, reference, bool(narrative), story, lang, by_passage=auto)
    except Exception:  # the contract: never raise on any input (except in strict mode, to find the bug)
        if is_strict():
            raise
        return []


def _reference(value, lang: str | None) -> date | None:
    """A reference given as a date, a datetime or a string written any way (``read_reference``: "2009/03/02",
    "March 2, 2009", "03-02-2009" in the order the text's language writes it)."""
    if value is None or isinstance(value, date):
        return as_date(value)
    return read_reference(value, lang).date


def _tag(text: str, reference: date | None, narrative: bool, story: bool, lang: str | None,
         by_passage: bool = False) -> list[TimeExpression]:
    """``lang``: the language read (normalised, detected already; None when it cannot be told).

    A language with data runs on the engine alone (dateparser's readings only cost it: French TimeBank
    value F1 0.78 alone, 0.74 with dateparser's non-overlapping dates, 0.64 merged); English on its rules;
    a text in another language gets the English rules plus dateparser's absolute dates."""
    if lang in engine.LANGUAGES:
        return engine.tag(text, reference, lang, narrative=narrative)
    news = None
    if by_passage and narrative and reference is not None:
        # a history read as one: the paragraphs that speak as news (an unquoted "today", "yesterday", a bare
        # weekday) are resolved against the reference (issue 17: the mode is decided per passage)
        news = discourse.news_passages(text, _NEWS_PASSAGE) or None
    exprs = tag_text(text, reference, narrative, story, news=news) if news else tag_text(text, reference, narrative, story)
    if lang is not None and lang != "en":
        exprs = _foreign.merge(exprs, _foreign.foreign_dates(text, reference, lang))
    return exprs


def language_read(language: str | None, text: str = "") -> str | None:
    """The language ``tag`` reads a text in: ``language`` (normalised) when given, else the detected one;
    None when it cannot be told."""
    return language_code(language) or (detect_language(text) if isinstance(text, str) else None)


def reads_language(language: str | None) -> bool:
    """Whether the tagger has rules for ``language`` (English and the engine's languages); for any other
    language only absolute dates are read (dateparser)."""
    code = language_code(language)
    return code == "en" or code in engine.LANGUAGES


_YEAR = re.compile(r"(?<![\d$.,])(1[0-9]\d\d|20\d\d)(?![\d%])")


def looks_narrative(text: str, reference: date | None, language: str | None = None) -> bool:
    """Heuristic: a history rather than news — most explicit years lie well before the reference.

    ``language``: the text's language. In a language the engine reads, a text that dates by the reference in
    its own words — "hier", "la semaine dernière", "septembre dernier", "il y a trois jours", a bare weekday
    (``engine.news_signals``) — more than once for every ten old years is news that recalls the past ("depuis
    2014", "en 2008"), not a history. English (or an unknown language): the years alone."""
    years = [int(y) for y in _YEAR.findall(text[:20000])]
    if len(years) < 3:
        return False
    if reference is None:
        return True
    old = sum(1 for y in years if y < reference.year - 3)
    if old / len(years) <= 0.6:
        return False
    code = language_code(language)
    if code in engine.LANGUAGES:
        sig = engine.news_signals(text, code, reference)
        return sig["deictic"] + sig["news"] <= old // 10
    return True


_DEICTIC_DAY = re.compile(
    r"\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|(?<!following )(?<!previous )(?<!that )(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?!,?\s+(?:\d|the\s+\d|[A-Z][a-z]+\s+\d)))\b")


_NEWS_WORDS = re.compile(
    r"\b(?:ago|recently|(?:last|this|next|coming|past)\s+(?:week|month|year|weekend|quarter)s?|(?:last|next)\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*|(?:earlier|later)\s+this|so\s+far|currently|said|says)\b", re.I)

# what makes one paragraph of a history speak as news: "yesterday", "tomorrow", "tonight", "this morning",
# "said on Tuesday" (not "today", which histories use for the time of writing, nor "On Monday" after a dated
# Sunday, which is the story's next day)
_NEWS_PASSAGE = re.compile(
    r"\b(?:[Yy]esterday|[Tt]omorrow|[Tt]onight|[Ll]ast\s+night|[Tt]his\s+(?:morning|afternoon|evening)|"
    r"(?:said|says|told|announced|reported|added)\s+(?:on\s+|late\s+|early\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b")
_SAID_DAY = re.compile(r"\b(?:said|says|told|announced|reported|added)\s+(?:on\s+|late\s+|early\s+)?"
                       r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day's\b")
_MONTH_YEAR = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?"
    r"(1\d{3}|20\d\d)\b")


def looks_historical(text: str, reference: date | None, language: str | None = None) -> bool:
    """Stricter than ``looks_narrative``, for ``tag`` with a reference: at least five written years,
    80% of them more than three years before the reference, and (almost) no deictic day ("today",
    "yesterday", a weekday without a date), which news reports use and histories do not: at most one
    for every ten old years.

    ``language``: the text's language. In a language the engine reads, the deictic days and news phrases
    are that language's own (its lexicon's day words, news cues, weekdays, "il y a", "last week" ...:
    ``engine.news_signals``); otherwise (English, unknown) the English words."""
    if reference is None:
        return False
    code = language_code(language)
    if code in engine.LANGUAGES:
        return _looks_historical_engine(text, reference, code)
    years = [int(y) for y in _YEAR.findall(text[:20000])]
    if len(years) < 5:
        # a short history ("The Siege of Vienna of 1683 lasted two months. ... on 14 July"): every year it
        # writes is long past, and none of what news date their reports by
        return bool(years) and max(years) < reference.year - 10 and not _unquoted(_DEICTIC_DAY, text[:20000]) \
            and not _NEWS_WORDS.search(text[:20000])
    old = sum(1 for y in years if y < reference.year - 3)
    if old / len(years) < 0.8:
        return False
    # a long history may say "today" or "on Monday" now and then ("the site is today a museum"); news
    # say it more often than one in ten of their old years
    deictic = _unquoted(_DEICTIC_DAY, text[:20000])
    if deictic <= old // 10:
        return True
    # a short history that dates its events to the month or day ("on 7 December 1941", "in March 1914")
    # may still have one "On Monday" or "Today"; news mention old years bare ("arriving in 1966")
    if deictic > 1 or old < 5 or _SAID_DAY.search(text[:20000]):
        return False   # "officials said on Tuesday": a news report
    dated = sum(1 for m in _MONTH_YEAR.finditer(text[:20000]) if int(m.group(1)) < reference.year - 3)
    return dated >= 2


def _unquoted(pattern: re.Pattern, text: str) -> int:
    """How many matches of ``pattern`` lie outside quotation marks (a history quoting a "today" is no news)."""
    n = 0
    for m in pattern.finditer(text):
        para = text.rfind("\n", 0, m.start()) + 1
        if not discourse.quoted(text, m.start(), para):
            n += 1
    return n


def _looks_historical_engine(text: str, reference: date, code: str) -> bool:
    """``looks_historical`` with the language's own cue words (the same thresholds as in English)."""
    years = [int(y) for y in _YEAR.findall(text[:20000])]
    if not years:
        return False
    if len(years) < 5:
        if max(years) >= reference.year - 10:
            return False
        sig = engine.news_signals(text, code, reference)
        return not sig["deictic"] and not sig["news"]
    old = sum(1 for y in years if y < reference.year - 3)
    if old / len(years) < 0.8:
        return False
    sig = engine.news_signals(text, code, reference)
    if sig["deictic"] <= old // 10:
        return True
    if sig["deictic"] > 1 or old < 5:
        return False
    return sig["dated"] >= 2


def resolve_document(text: str, published: date | None, today: date | None = None, *,
                     language: str | None = None) -> tuple[date | None, str | None, list[TimeExpression]]:
    """Reference date, its source ("given", "inferred" or None) and the expressions.

    ``language``: as for ``tag`` (None: detected from the text).

    Decides narrative mode itself: a text whose reference had to be taken from its latest explicit
    date, or whose years mostly lie well before the reference, is read as a narrative.
    """
    today = as_date(today)
    if not isinstance(text, str):
        published = _reference(published, None)
        return published, ("given" if published else None), []
    story = False
    by_passage = False
    lang = language_code(language) or (detect_language(text) if text else None)
    published = _reference(published, lang)
    if published is not None:
        # the same decision as ``tag``: news with a few old years stay deictic
        ref, source = published, "given"
        narrative = looks_historical(text, ref, language=lang)
        story = not narrative and looks_narrative(text, ref, lang)
        by_passage = True
    else:
        ref, how = infer_reference(text, today, language=lang)
        source = "inferred" if ref is not None else None
        # no dateline and no weekday-date agreement: a history or an encyclopedia article, whose
        # relative dates follow the story rather than a publication date
        narrative = ref is None or how.startswith("latest explicit") or looks_narrative(text, ref, lang)
    try:
        exprs = _tag(text, ref, narrative, story, lang, by_passage=by_passage) if text else []
    except Exception:
        if is_strict():
            raise
        exprs = []
    return ref, source, exprs
