"""What does not add up about an event's date, as bit flags (viewer.model's CHECK_*): the rules the excerpt
panel words (`viewer.events.date_warnings`, `viewer.merging.disagreements`), worked out for the filter.

* CHECK_AFTER_PUBLICATION: a happening told in the past (not dated by its report) whose date begins after
  its article's publication date;
* CHECK_WEEKDAY: a time expression naming a weekday that is not the weekday of the one day it dates;
* CHECK_REPORTS_DISAGREE: reports of one event whose dates do not overlap (the event's own date against
  those of its other reports).

`date_flags` and `report_flags` are pure. `refresh` works out the flags of the events a database marks as
not checked yet (new events, and those whose date, reports or article's publication date changed) and
stores them (viewer.store.checks); the store cannot do it alone, as it may not use the event builder.
"""
from __future__ import annotations

import re

from viewer.events import DATING_REPORTED, happening_kind, weekday_named
from viewer.merging import disagreements
from viewer.model import CHECK_AFTER_PUBLICATION, CHECK_REPORTS_DISAGREE, CHECK_WEEKDAY
from viewer.store import checks as stored
from viewer.text import as_date

_ONE_DAY = ("day", "hour", "minute", "second", None)    # precisions at which a date is one weekday


def date_flags(*, time_text: str | None, earliest: str | None, latest: str | None, granularity: str | None,
               sentence: str | None, published: str | None, language: str | None, dating: str | None) -> int:
    """The flags of `viewer.events.date_warnings`'s two warnings (same arguments). The sentence is only
    read (for its tense) when the date begins after the publication."""
    flags = 0
    first = as_date(earliest)
    if first is None:
        return 0
    pub = as_date(published)
    if (pub is not None and (dating or "written") != DATING_REPORTED and first > pub
            and happening_kind(sentence or "", language) == "past"):
        flags |= CHECK_AFTER_PUBLICATION
    if granularity in _ONE_DAY:
        named = weekday_of(time_text)
        if named is not None and first.weekday() != named and first == as_date(latest):
            flags |= CHECK_WEEKDAY
    return flags


def report_flags(dates) -> int:
    """CHECK_REPORTS_DISAGREE when two of the (earliest, latest) dates of one event's reports do not
    overlap (`viewer.merging.disagreements`), else 0."""
    return CHECK_REPORTS_DISAGREE if len(dates) > 1 and disagreements(list(dates)) else 0


def row_flags(row: dict) -> int:
    """The flags of an event row as `viewer.store.checks.candidates` gives it (its own fields, its article's
    ``published`` and ``language``, ``report_dates``: the dates of its other reports, and ``after``: false
    when it is surely not dated after the publication)."""
    flags = 0
    if row.get("after", True) or weekday_of(row.get("time_text")) is not None:
        flags = date_flags(time_text=row.get("time_text"), earliest=row.get("earliest"), latest=row.get("latest"),
                           granularity=row.get("granularity"), sentence=row.get("sentence"),
                           published=row.get("published"), language=row.get("language"), dating=row.get("dating"))
    others = row.get("report_dates") or []
    if others:
        flags |= report_flags([(row.get("earliest"), row.get("latest")), *others])
    return flags


_WORD = re.compile(r"[^\W\d_][\w'’]*")     # a word, as viewer.events.weekday_named reads them
_WORD_DAY: dict[str, int | None] = {}


def weekday_of(text: str | None) -> int | None:
    """The weekday a time expression names (`viewer.events.weekday_named`: Monday 0 … Sunday 6, None), each
    word looked up once: a database has many expressions but few words."""
    for word in _WORD.findall(text or ""):
        day = _WORD_DAY.get(word, -1)
        if day == -1:
            if len(_WORD_DAY) > 100_000:
                _WORD_DAY.clear()
            day = _WORD_DAY[word] = weekday_named(word)
        if day is not None:
            return day
    return None


def refresh(store, ids=None, *, article_id: str | None = None) -> int:
    """Work out and store the flags of the events `store` marks as not checked, and of these ids, and of
    the events of the article `article_id` or reported by it (after its publication date changed); returns
    how many of them have a warning. Nothing for a store opened read-only."""
    found = stored.refresh(store, row_flags, weekday_of)
    ids = set(ids or ())
    if article_id is not None:
        ids |= stored.article_events(store.db.conn, article_id)
    if ids:
        found += stored.refresh(store, row_flags, weekday_of, ids)
    return found
