"""Writing many articles fast: rows made where the article was tagged, and reports of one happening found
in memory.

:func:`prepare_article` turns a tagged article into the rows the store writes (text made storable, dates
turned into seconds, mentions into JSON). It is a pure function, so ingest runs it in the worker process
that tagged the article and the parent, which alone writes, only executes the inserts; what goes between
the processes is a few tuples instead of many small objects.

:class:`MergeIndex` holds the events one :class:`~viewer.store.Store` has written, grouped by class of
precision and set of countries and sorted by start, so that the reports of one happening are found
without a query per event. Events that were in the database before it started are still looked up in
SQL by the store.
"""
from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from viewer.merging import CONFLICT_DAYS
from viewer.model import Event, TimeExpression
from viewer.store.errors import StoreInputError
from viewer.store.values import clean_text, interval_seconds


class Prepared(NamedTuple):
    """An article ready to store.

    ``article``: (id, url, title, source, text, published, published_source, language), storable text.
    ``countries``: the article's codes, each once. ``events``: per event a tuple
    (report, t0, t1, title, codes), where ``report`` is the excerpt's columns after ``event_id``
    (article_id, sentence_start, sentence_end, sentence, time_start, time_end, time_text, type, value,
    earliest, latest, granularity, mod, reasoning, anchor, countries, mentions, dating) and t0/t1 are the
    timeline's seconds (None without a date: a report dated by an unknown publication). A report dated by its
    publication or by context has no time-expression offsets (time_start/time_end None)."""
    article_id: str
    article: tuple
    countries: tuple
    events: tuple


def prepare_article(article, events, countries) -> Prepared:
    """(Article, [Event], [code]) -> Prepared. Raises StoreInputError for an event whose date bounds are
    not ISO dates (the message names the article and the expression)."""
    aid = clean_text(article.id)
    row = (aid, *(clean_text(v) for v in (article.url, article.title, article.source, article.text,
                                          article.published, article.published_source, article.language)))
    out = []
    for event in events:
        t = event.time
        t0 = t1 = None
        if t.earliest and t.latest:
            try:
                t0, t1 = interval_seconds(t.earliest, t.latest, t.granularity)
            except (ValueError, OverflowError, TypeError) as exc:
                raise StoreInputError(f"article {aid}: event {t.text!r} has a date that is not ISO "
                                      f"({t.earliest!r}..{t.latest!r}): {exc}") from exc
        codes = tuple(dict.fromkeys(clean_text(c) for c in event.countries))
        mentions = json.dumps([[m.start, m.end, clean_text(m.code)] for m in event.mentions])
        report = (aid, event.sentence_start, event.sentence_end, clean_text(event.sentence), t.start, t.end,
                  *(clean_text(v) for v in (t.text, t.type, t.value, t.earliest, t.latest, t.granularity,
                                            t.mod, t.reasoning, t.anchor)),
                  ",".join(codes), mentions, clean_text(getattr(event, "dating", None) or "written"))
        out.append((report, t0, t1, clean_text(event.title), codes))
    return Prepared(aid, row, tuple(dict.fromkeys(clean_text(c) for c in countries)), tuple(out))


def report_event(report: tuple, title: str | None, codes) -> Event:
    """The Event a prepared report stands for (what viewer.merging.same_happening weighs)."""
    r = report
    return Event(r[0], r[1], r[2], r[3] or "",
                 TimeExpression(r[4], r[5], r[6] or "", r[7] or "", r[8] or "", r[9], r[10], r[11],
                                r[13] or "", r[12], r[14]),
                 title or "", list(codes), dating=(r[17] if len(r) > 17 else None) or "written")


class MergeIndex:
    """Events written through one Store, for finding reports of the same happening.

    Grouped by (class of precision, frozenset of countries); in each group sorted by (t0, id). Ids only
    grow (the store assigns them), so a new event goes after those with the same start. ``base_id``: the
    highest event id in the database when the index began (those events are looked up in SQL);
    ``top_id``: the highest id the index has seen written, to notice another program's writes."""

    def __init__(self, base_id: int):
        self.base_id = base_id
        self.top_id = base_id
        self.size = 0
        self._groups: dict = {}

    def add(self, key, t0: float, t1: float, event_id: int, article_id: str, report: tuple, title, codes):
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = ([], [])
        starts, entries = group
        i = bisect_right(starts, t0)
        starts.insert(i, t0)
        entries.insert(i, [t0, event_id, t1, article_id, report, title, codes, None])
        self.size += 1

    def candidates(self, key, lo: float, t0: float, t1: float, article_id: str, limit: int) -> list:
        """Entries of the group with lo <= start < t1 and end > t0, not from ``article_id``: latest start
        first (the later written first among equal starts), at most ``limit``. Each entry is
        [t0, id, t1, article_id, report, title, codes, event-or-None]; see :func:`entry_event`."""
        group = self._groups.get(key)
        if group is None:
            return []
        starts, entries = group
        out = []
        i = bisect_left(starts, t1) - 1
        while i >= 0 and starts[i] >= lo:
            entry = entries[i]
            if entry[2] > t0 and entry[3] != article_id:
                out.append(entry)
                if len(out) >= limit:
                    break
            i -= 1
        return out


# Reports of one happening at different granularities ("on 18 November", "this week", "in November") are
# looked for across these classes of precision (the store's), each up to its longest interval in seconds; and
# up to CONFLICT_DAYS (viewer.merging) apart, where reports disagree on the day.
ACROSS_CLASSES = {"time": 86400, "day": 7 * 86400, "week": 14 * 86400, "month": 62 * 86400}
ACROSS_MARGIN = CONFLICT_DAYS * 86400


def candidates_across(index: "MergeIndex", codes: frozenset, t0: float, t1: float, article_id: str,
                      limit: int) -> list:
    """Entries of ``index`` that may report the happening of a report dated [t0, t1) with the countries
    ``codes``, whatever their class among :data:`ACROSS_CLASSES`: overlapping it, or at most
    :data:`ACROSS_MARGIN` seconds apart; not from ``article_id``; latest start first, at most ``limit``."""
    found = []
    for klass, span in ACROSS_CLASSES.items():
        found += index.candidates((klass, codes), t0 - span - ACROSS_MARGIN, t0 - ACROSS_MARGIN,
                                  t1 + ACROSS_MARGIN, article_id, limit)
    found.sort(key=lambda e: (e[0], e[1]), reverse=True)
    return found[:limit]


def entry_event(entry: list) -> Event:
    if entry[7] is None:
        entry[7] = report_event(entry[4], entry[5], entry[6])
    return entry[7]
