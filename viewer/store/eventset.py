"""Every event as a few numpy arrays, so that filters, counts and the event table's order are numpy work.

Loaded once per database (after the timeline's occurrence arrays, in the same loader thread for a big
database): per event its id, t0, t1 (NaN when undated), precision rank and article number; per
(event, country) row the event's position and the country's number; per event its first report's language
number (an index into a small table of the codes stored), and per other language of an event's reports (the
few events whose reports, merged, are in several languages) the event's position and that language's
number. A filter is then a boolean mask over
the events (`EventArrays.base_mask`), country counts a `np.bincount` over the country rows under that mask,
and the table's rows a slice of a precomputed order (`EventArrays.order`).

What numpy cannot answer is asked of SQL in bulk, as one string of numbers (`group_concat`), never as
Python rows: the full-text search (`search_ids`: the FTS indexes' rowids, excerpt rowids mapped to their
events with an array), and the alphabetical orders of titles and countries (`sorted_ids`).
"""
from __future__ import annotations

import bisect
import json
import sqlite3
import threading
from dataclasses import dataclass, field

import numpy as np

from viewer.model import GRANULARITIES, ViewFilter
from viewer.store import filtering
from viewer.store.arrays import connection, int_array
from viewer.store.filtering import NO_COUNTRY, NO_LANGUAGE, NO_RANK
from viewer.store.timeline import grown, with_room
from viewer.store.values import clean_text, fts_query

_FEW_CHANGED = 64                 # a mask this close to the last one counted: its counts corrected, not made anew
_MISSING = -(2 ** 62)             # stands for NULL in the group_concat streams (which skip NULLs)
_RANK_SQL = "CASE granularity %s ELSE %d END" % (
    " ".join(f"WHEN '{g}' THEN {i}" for i, g in enumerate(GRANULARITIES)), NO_RANK)
SORT_COLUMNS = ("date", "precision", "title", "countries")


class SearchError(ValueError):
    """The words could not be searched for (said gently to the person, never as SQL)."""


@dataclass
class EventArrays:
    """Parallel arrays, one entry per event, sorted by id; and one entry per (event, country) row."""
    id: np.ndarray                # int64, ascending
    t0: np.ndarray                # float64 seconds since 1970 UTC; NaN for an undated event
    t1: np.ndarray                # float64, exclusive; NaN for an undated event
    rank: np.ndarray              # int8: index in GRANULARITIES (NO_RANK when none)
    article: np.ndarray           # int32 (int64 if needed): the article's rowid (-1 if it has none)
    cpos: np.ndarray              # int32: position of the event of each country row
    ccode: np.ndarray             # int32: number of the country of each row (index into codes)
    codes: list[str]
    lang: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int16))
    # int16: number of the event's language (index into languages; its article's, NO_LANGUAGE if none)
    languages: list[str] = field(default_factory=lambda: [NO_LANGUAGE])
    dating: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int8))
    # int8: how the event's date was obtained (index into filtering.DATINGS: 0 written, 1 context, 2 reported)
    checks: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int8))
    # int8: the event's date warnings (viewer.model CHECK_* flags; 0 for none or not checked)
    annotated: filtering.Annotated = field(default_factory=filtering.Annotated)
    # the analyst's annotations (review, star, note, tags), read with the arrays (`reload_annotations`)
    more_pos: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    more_lang: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int16))
    # the other languages of the events whose reports are in several: one (event position, language
    # number) pair per event and language other than its first (`lang`), each pair once; few (merged
    # reports in other languages are rare), so a filter or a count adds them to what `lang` gives
    _orders: dict = field(default_factory=dict, repr=False)
    _lookup: np.ndarray | None = field(default=None, repr=False)
    _counted: dict = field(default_factory=dict, repr=False)   # kind -> (the mask counted, its counts)
    _listed: dict = field(default_factory=dict, repr=False)    # column -> the last ordered_ids, see there
    _rank_of: dict = field(default_factory=dict, repr=False)   # column -> (its order, place of each position)
    _annotation_masks: dict = field(default_factory=dict, repr=False)   # see _annotation_mask
    _totals: np.ndarray | None = field(default=None, repr=False)       # code_totals' counts, see there

    def __post_init__(self):
        if len(self.lang) != len(self.id):      # no languages given: every event's is unknown
            if NO_LANGUAGE not in self.languages:
                self.languages = [*self.languages, NO_LANGUAGE]
            self.lang = np.full(len(self.id), self.languages.index(NO_LANGUAGE), dtype=np.int16)
        if len(self.dating) != len(self.id):    # no datings given: every event's date was written
            self.dating = np.zeros(len(self.id), dtype=np.int8)
        if len(self.checks) != len(self.id):    # no warnings given: none
            self.checks = np.zeros(len(self.id), dtype=np.int8)
        if len(self.more_pos) != len(self.more_lang):   # other languages given amiss: none
            self.more_pos = np.zeros(0, dtype=np.int32)
            self.more_lang = np.zeros(0, dtype=np.int16)

    def __len__(self) -> int:
        return len(self.id)

    # -- positions ---------------------------------------------------------------------------------
    def positions(self, ids) -> np.ndarray:
        """Positions of these event ids (-1 where an id is not an event of these arrays)."""
        ids = np.asarray(ids, dtype=np.int64)
        if not len(self.id) or not len(ids):
            return np.full(len(ids), -1, dtype=np.int64)
        if self._lookup is None and int(self.id[-1]) <= 4 * len(self.id) + 1024:   # dense ids: a table
            table = np.full(int(self.id[-1]) + 1, -1, dtype=np.int32)
            table[self.id] = np.arange(len(self.id))
            self._lookup = table
        if self._lookup is not None:
            inside = (ids >= 0) & (ids < len(self._lookup))
            out = np.full(len(ids), -1, dtype=np.int64)
            out[inside] = self._lookup[ids[inside]]
            return out
        pos = np.minimum(np.searchsorted(self.id, ids), len(self.id) - 1)
        return np.where(self.id[pos] == ids, pos, -1)

    # -- filters -----------------------------------------------------------------------------------
    def base_mask(self, f: ViewFilter | None, search_ids: np.ndarray | None = None,
                  article: int | None = None) -> np.ndarray:
        """Events kept by every part of `f` but the countries: dates, precision, the article (its rowid
        in `article`; -1 for an article that does not exist), the languages, the dating, the date warnings,
        the analyst's annotations (as read with the arrays) and the search (the matching ids)."""
        if f is None:
            return np.ones(len(self.id), dtype=bool)
        c = filtering.criteria(f)
        mask = filtering.attribute_mask(c, self.t0, self.t1, self.rank, self.article, article)
        langs = filtering.language_mask(c, self.lang, self.languages, self.more_pos, self.more_lang)
        if langs is not None:
            mask &= langs
        datings = filtering.dating_mask(c, self.dating)
        if datings is not None:
            mask &= datings
        warned = filtering.checks_mask(c, self.checks)
        if warned is not None:
            mask &= warned
        annotated = self._annotation_mask(f, c)
        if annotated is not None:
            mask &= annotated
        if f.search and search_ids is not None:
            keep = np.zeros(len(self.id), dtype=bool)
            pos = self.positions(search_ids)
            keep[pos[pos >= 0]] = True
            mask &= keep
        return mask

    def country_mask(self, countries) -> np.ndarray | None:
        """Events naming at least one of `countries` (NO_COUNTRY: events naming none); None: no country
        filter, every event."""
        c = filtering.criteria(ViewFilter(countries=countries))
        return filtering.country_mask(c, len(self.id), self.codes, self.cpos, self.ccode)

    def language_mask(self, languages) -> np.ndarray | None:
        """Events one of whose reports' articles is in one of `languages` (NO_LANGUAGE: none stored); None:
        no language filter, every event."""
        c = filtering.criteria(ViewFilter(languages=languages))
        return filtering.language_mask(c, self.lang, self.languages, self.more_pos, self.more_lang)

    def dating_mask(self, dating) -> np.ndarray | None:
        """Events whose date was obtained in one of the ways in `dating` ("written", "context",
        "reported"); None: no such filter, every event."""
        c = filtering.criteria(ViewFilter(dating=dating))
        return filtering.dating_mask(c, self.dating)

    def checks_mask(self, checks: bool) -> np.ndarray | None:
        """Events with a date warning when `checks`; None (every event) otherwise."""
        return filtering.checks_mask(filtering.Criteria(checks=bool(checks)), self.checks)

    def annotation_mask(self, f: ViewFilter | None) -> np.ndarray | None:
        """Events the analyst's parts of `f` keep (starred, tags, note, review, rejected); None: every one."""
        return self._annotation_mask(f, filtering.criteria(f)) if f is not None else None

    @staticmethod
    def _annotation_key(f: ViewFilter) -> tuple:
        return (f.starred, f.tags, f.has_note, f.review, f.show_rejected)

    def _annotation_mask(self, f: ViewFilter, c) -> np.ndarray | None:
        """`filtering.annotation_mask` over every event (kept per annotation filter until the annotations
        are read again; not to be changed by the caller)."""
        key = self._annotation_key(f)
        got = self._annotation_masks.get(key)
        if got is not None and got[0] is self.annotated:
            return got[1]
        mask = filtering.annotation_mask(c, self.id, self.annotated)
        self._annotation_masks[key] = (self.annotated, mask)
        while len(self._annotation_masks) > 4:
            self._annotation_masks.pop(next(iter(self._annotation_masks)))
        return mask

    def starred_ids(self) -> np.ndarray:
        """Sorted ids of the starred events (as read with the arrays)."""
        return self.annotated.starred_ids()

    def reload_annotations(self, source, ids=None) -> None:
        """Read the annotations again (after a star, tag, note or review). The timeline keeps its indexes
        per filter: a window that reloads them must apply the filter again with its caches cleared (as
        `MainWindow.refresh` does). ``ids``: the only events whose annotations changed (the masks kept
        per annotation filter are then corrected for them rather than made anew)."""
        old, self.annotated = self.annotated, filtering.Annotated.read(connection(source))
        if ids is None:
            return
        pos = self.positions(list(ids))
        pos = pos[pos >= 0]
        for key, (was, mask) in list(self._annotation_masks.items()):
            if was is not old or mask is None:
                continue
            starred, tags, has_note, review, show_rejected = key
            c = filtering.criteria(ViewFilter(starred=starred, tags=tags, has_note=has_note, review=review,
                                              show_rejected=show_rejected))
            mask = mask.copy()
            mask[pos] = filtering.annotation_mask(c, self.id[pos], self.annotated)
            self._annotation_masks[key] = (self.annotated, mask)

    def base_mask_at(self, f: ViewFilter | None, pos: np.ndarray, search_ids: np.ndarray | None = None,
                     article: int | None = None) -> np.ndarray:
        """`base_mask` of the events at these positions only (a few edited events)."""
        pos = np.asarray(pos, dtype=np.int64)
        if f is None:
            return np.ones(len(pos), dtype=bool)
        c = filtering.criteria(f)
        mask = filtering.attribute_mask(c, self.t0[pos], self.t1[pos], self.rank[pos], self.article[pos], article)
        for part in (self._language_mask_at(c, pos),
                     filtering.dating_mask(c, self.dating[pos]),
                     filtering.checks_mask(c, self.checks[pos]),
                     filtering.annotation_mask(c, self.id[pos], self.annotated)):
            if part is not None:
                mask &= part
        if f.search and search_ids is not None:
            mask &= filtering.member_mask(self.id[pos], np.asarray(search_ids, dtype=np.int64))
        return mask

    def _language_mask_at(self, c: filtering.Criteria, pos: np.ndarray) -> np.ndarray | None:
        """`filtering.language_mask` of the events at these positions only."""
        keep = filtering.language_mask(c, self.lang[pos], self.languages)
        if keep is not None and len(self.more_pos):     # the other languages' pairs: a position kept
            chosen = set(c.langs)                       # by one of them is kept
            picked = np.array([code in chosen for code in self.languages] + [False], dtype=bool)
            keep |= np.isin(pos, self.more_pos[picked[self.more_lang]])
        return keep

    # -- an edit of one event ----------------------------------------------------------------------
    def patch(self, state: "EventState", fields=()) -> bool:
        """Hold what the database now says of one edited event (`event_states`): its dates, precision,
        dating and countries; the orders by date and by precision move it to its new place, an order by
        title or by countries read from the database is dropped when `fields` names that field (to be
        read again). False when the event is not one of these arrays (nothing changed then)."""
        p = int(self.positions([state.id])[0])
        if p < 0:
            return False
        dated = state.t0 is not None
        t0 = float(state.t0) if dated else np.nan
        t1 = max(float(state.t1), t0 + 1.0) if dated else np.nan
        moved = not (_same(self.t0[p], t0) and _same(self.t1[p], t1))
        ranked = int(self.rank[p]) != state.rank
        got = self._counted.get("undated")
        if got is not None and got[0][p] and (self.t0[p] != self.t0[p]) != (not dated):
            got[1][0] += 1 if not dated else -1
        self.t0[p], self.t1[p] = t0, t1
        self.rank[p] = state.rank
        self.dating[p] = state.dating
        self.checks[p] = state.checks
        rows = np.flatnonzero(self.cpos == p)
        had = sorted(self.codes[i] for i in self.ccode[rows])
        if had != sorted(state.codes):
            for code in state.codes:
                if code not in self.codes:
                    self.codes.append(code)
            numbers = np.array([self.codes.index(c) for c in state.codes], dtype=self.ccode.dtype)
            if self._totals is not None:    # and so do every country's rows
                totals = np.zeros(len(self.codes), dtype=self._totals.dtype)
                totals[:len(self._totals)] = self._totals
                np.add.at(totals, self.ccode[rows], -1)
                np.add.at(totals, numbers, 1)
                self._totals = totals
            got = self._counted.get("countries")
            if got is not None:             # the counts kept follow the event's new countries
                counts = np.zeros(len(self.codes), dtype=got[1].dtype)
                counts[:len(got[1])] = got[1]
                if got[0][p]:
                    np.add.at(counts, self.ccode[rows], -1)
                    np.add.at(counts, numbers, 1)
                self._counted["countries"] = (got[0], counts)
            self._set_rows(p, rows, numbers)
            self._orders.pop("countries", None)
        if "title" in fields:
            self._orders.pop("title", None)
        if "countries" in fields:
            self._orders.pop("countries", None)
        if moved or ranked:
            def by_date(i):
                t = self.t0[i]
                return (bool(t != t), 0.0 if t != t else float(t), int(self.id[i]))
            for column, key in (("date", by_date), ("precision", lambda i: (int(self.rank[i]),) + by_date(i))):
                if column in self._orders:
                    order = self._orders[column]
                    got = self._rank_of.get(column)
                    lo, hi = _move(order, p, key, int(got[1][p]) if got is not None and got[0] is order else None)
                    if got is not None and got[0] is order:
                        got[1][order[lo:hi]] = np.arange(lo, hi)
                    listed = self._listed.get(column)
                    if listed is not None:
                        listed[4].add(p)
        return True

    def _set_rows(self, p: int, rows: np.ndarray, numbers: np.ndarray) -> None:
        """The country rows of the event at position `p` (now at `rows`) made `numbers`, without a copy
        of the whole arrays: its rows written over, those left over filled by the last rows (the rows'
        order has no meaning), those lacking added at the end (in the room the arrays are loaded with,
        `viewer.store.timeline.room`)."""
        cpos, ccode = self.cpos, self.ccode
        rows = rows.tolist()
        k = min(len(rows), len(numbers))
        for r, number in zip(rows[:k], numbers[:k].tolist()):
            ccode[r] = number
        n = len(cpos)
        for r in sorted(rows[k:], reverse=True):     # the last row moved into each row that goes
            n -= 1
            if r != n:
                cpos[r], ccode[r] = cpos[n], ccode[n]
        more = numbers[k:]
        if len(more):
            cpos, ccode = grown(cpos[:n], len(more)), grown(ccode[:n], len(more))
            cpos[n:] = p
            ccode[n:] = more
            n = len(cpos)
        self.cpos, self.ccode = cpos[:n], ccode[:n]

    def occurrences_of(self, event_id: int) -> list[tuple[int, str, float, float]]:
        """(event id, lane code, t0, t1) of each of the event's places on the timeline: one per country
        (NO_COUNTRY when it names none); none when it is undated or not one of these arrays."""
        p = int(self.positions([event_id])[0])
        if p < 0 or self.t0[p] != self.t0[p]:
            return []
        codes = [self.codes[i] for i in self.ccode[self.cpos == p]] or [NO_COUNTRY]
        return [(int(event_id), c, float(self.t0[p]), float(self.t1[p])) for c in codes]

    def code_totals(self) -> dict[str, int]:
        """Every country's number of event rows (dated or not), most first, then by code (as
        window.country_counts without a filter)."""
        if self._totals is None:
            self._totals = np.bincount(self.ccode, minlength=len(self.codes))
        counts = self._totals
        pairs = [(self.codes[i], int(counts[i])) for i in np.flatnonzero(counts)]
        pairs.sort(key=lambda p: (-p[1], p[0]))
        return dict(pairs)

    def _counts(self, kind: str, mask: np.ndarray, full, step) -> np.ndarray:
        """`full(mask)`, counts over the entries `mask` keeps; when the last mask counted for `kind`
        differs from this one in a few entries only (an edit, a star), its counts corrected by `step`
        (counts, position, +1 or -1) for each of them instead."""
        got = self._counted.get(kind)
        if got is not None and got[0].shape == mask.shape:
            changed = np.flatnonzero(got[0] != mask)
            if len(changed) <= _FEW_CHANGED:
                counts = got[1].copy()
                for p in changed.tolist():
                    step(counts, p, 1 if mask[p] else -1)
                self._counted[kind] = (mask.copy(), counts)
                return counts
        counts = full(mask)
        self._counted[kind] = (mask.copy(), counts)
        return counts

    def _country_step(self, counts: np.ndarray, p: int, sign: int) -> None:
        np.add.at(counts, self.ccode[self.cpos == p], sign)

    def language_counts(self, mask: np.ndarray) -> dict[str, int]:
        """Events per language among those `mask` keeps, an event under each of its languages (most
        first, then by code, as window.language_counts)."""
        def step(counts, p, sign):
            counts[self.lang[p]] += sign
            if len(self.more_pos):
                np.add.at(counts, self.more_lang[self.more_pos == p], sign)

        def full(m):
            counts = np.bincount(self.lang[m], minlength=len(self.languages))
            if len(self.more_pos):
                counts += np.bincount(self.more_lang[m[self.more_pos]], minlength=len(self.languages))
            return counts
        counts = self._counts("languages", mask, full, step)
        pairs = [(self.languages[i], int(counts[i])) for i in np.flatnonzero(counts)]
        pairs.sort(key=lambda p: (-p[1], p[0]))
        return dict(pairs)

    def mask(self, f: ViewFilter | None, search_ids=None, article: int | None = None) -> np.ndarray:
        base = self.base_mask(f, search_ids, article)
        chosen = self.country_mask(None if f is None else f.countries)
        return base if chosen is None else base & chosen

    def country_counts(self, base: np.ndarray) -> dict[str, int]:
        """Events per country among those `base` keeps (most first, as Store.country_counts)."""
        counts = self._counts("countries", base,
                              lambda m: np.bincount(self.ccode[m[self.cpos]], minlength=len(self.codes)),
                              self._country_step)
        pairs = [(self.codes[i], int(counts[i])) for i in np.flatnonzero(counts)]
        pairs.sort(key=lambda p: (-p[1], p[0]))
        return dict(pairs)

    def undated(self, mask: np.ndarray) -> int:
        def step(counts, p, sign):
            if self.t0[p] != self.t0[p]:
                counts[0] += sign
        return int(self._counts("undated", mask, lambda m: np.array([int((m & np.isnan(self.t0)).sum())]),
                                step)[0])

    # -- the table's order -------------------------------------------------------------------------
    def has_order(self, column: str) -> bool:
        return column in ("date", "precision") or column in self._orders

    def set_order(self, column: str, ids: np.ndarray) -> None:
        """An order read from SQL (`sorted_ids`): event ids, first to last."""
        pos = self.positions(ids)
        pos = pos[pos >= 0]
        if len(pos) < len(self.id):          # events added since: at the end, by id
            seen = np.zeros(len(self.id), dtype=bool)
            seen[pos] = True
            pos = np.concatenate([pos, np.flatnonzero(~seen)])
        self._orders[column] = pos

    def order(self, column: str = "date") -> np.ndarray:
        """Positions of every event in the column's order (date: by start then id, undated last;
        precision: finest first, then by date)."""
        got = self._orders.get(column)
        if got is None:
            if column == "date":
                got = np.lexsort((self.id, self.t0))          # NaN (undated) sorts last
            elif column == "precision":
                got = np.lexsort((self.id, self.t0, self.rank))
            else:
                raise KeyError(column)
            self._orders[column] = got
        return got

    def ordered_ids(self, mask: np.ndarray, column: str = "date", descending: bool = False) -> np.ndarray:
        """The ids `mask` keeps, in the column's order (reversed when descending). The last answer per
        column is kept: a mask that differs from its in a few entries (or an order in which an edit
        moved a few events) changes only those entries of it."""
        order = self.order(column)
        got = self._listed.get(column)
        if got is not None and got[0] is order and got[1].shape == mask.shape:
            prev, kept, ids, moved = got[1], got[2], got[3], got[4]
            changed = np.flatnonzero(prev != mask)
            if len(changed) + len(moved) <= _FEW_CHANGED and len(moved) <= 1:   # (two moved: each out of
                changed = sorted(set(changed.tolist()) | moved)                  # the other's order)
                ranks = self._ranks(column)
                gone, add = [], []
                for p in moved:                 # still listed, elsewhere: moved in place
                    found = np.flatnonzero(kept == p)
                    if len(found) and mask[p]:
                        i = int(found[0])
                        j = bisect.bisect_left(_Ranked(kept, ranks, skip=i), int(ranks[p]))
                        if j > i:
                            kept[i:j], ids[i:j] = kept[i + 1:j + 1], ids[i + 1:j + 1]
                        elif j < i:
                            kept[j + 1:i + 1], ids[j + 1:i + 1] = kept[j:i], ids[j:i]
                        kept[j], ids[j] = p, self.id[p]
                for p in changed:               # in or out of the list
                    found = np.flatnonzero(kept == p)
                    if len(found) and not mask[p]:
                        gone.append(int(found[0]))
                    elif not len(found) and mask[p]:
                        add.append(p)
                if gone:
                    kept, ids = np.delete(kept, gone), np.delete(ids, gone)
                if add:
                    add.sort(key=lambda p: int(ranks[p]))
                    at = [bisect.bisect_left(_Ranked(kept, ranks), int(ranks[p])) for p in add]
                    kept = np.insert(kept, at, np.asarray(add, dtype=kept.dtype))
                    ids = np.insert(ids, at, self.id[np.asarray(add, dtype=np.int64)])
                self._listed[column] = (order, mask.copy(), kept, ids, set())
                return ids[::-1].copy() if descending else ids.copy()
        kept = order[mask[order]]
        ids = self.id[kept]
        self._listed[column] = (order, mask.copy(), kept, ids, set())
        return ids[::-1].copy() if descending else ids.copy()     # (the one kept is changed in place)

    def _ranks(self, column: str) -> np.ndarray:
        """Each position's place in the column's order (the inverse of `order`)."""
        order = self.order(column)
        got = self._rank_of.get(column)
        if got is None or got[0] is not order:
            ranks = np.empty(len(order), dtype=np.int64)
            ranks[order] = np.arange(len(order))
            got = self._rank_of[column] = (order, ranks)
        return got[1]


def _same(a: float, b: float) -> bool:
    return (a != a and b != b) or a == b


class _Without:
    """An order less one of its entries, read through (for a binary search without a copy)."""

    def __init__(self, order: np.ndarray, skip: int, key):
        self.order, self.skip, self.key = order, skip, key

    def __len__(self) -> int:
        return len(self.order) - 1

    def __getitem__(self, k: int):
        return self.key(self.order[k if k < self.skip else k + 1])


def _move(order: np.ndarray, p: int, key, i: int | None = None) -> tuple[int, int]:
    """Move position `p` to its place in `order` (positions sorted by `key`), in place: a binary search
    and one shift of the entries between its old place and its new one (`i`, when known). Returns
    [lo, hi), the stretch of `order` that changed."""
    if i is None or order[i] != p:
        found = np.flatnonzero(order == p)
        if not len(found):
            return 0, 0
        i = int(found[0])
    j = bisect.bisect_left(_Without(order, i, key), key(p))
    if j > i:
        order[i:j] = order[i + 1:j + 1]
    elif j < i:
        order[j + 1:i + 1] = order[j:i]
    order[j] = p
    return min(i, j), max(i, j) + 1


class _Ranked:
    """Positions read through as their places in an order (a binary search over a kept list)."""

    def __init__(self, kept: np.ndarray, ranks: np.ndarray, skip: int | None = None):
        self.kept, self.ranks, self.skip = kept, ranks, skip

    def __len__(self) -> int:
        return len(self.kept) - (self.skip is not None)

    def __getitem__(self, k: int) -> int:
        if self.skip is not None and k >= self.skip:
            k += 1
        return int(self.ranks[self.kept[k]])


@dataclass
class EventState:
    """What the per-event arrays and the timeline hold of one event, as the database now has it."""
    id: int
    t0: float | None              # whole seconds (as the arrays read them); None: undated
    t1: float | None
    rank: int                     # precision rank (index in GRANULARITIES, NO_RANK when none)
    dating: int                   # index in filtering.DATINGS (-1 for another value)
    codes: list[str]              # its countries, as its country rows have them
    rows: list[tuple[int, str, float | None, float | None]]   # its country rows: rowid, code, t0, t1
    checks: int = 0               # its date warnings (CHECK_* flags; 0: none, or not checked)


def event_states(source, ids) -> dict[int, EventState | None]:
    """The state of a few events (after an edit), None for an id that is no event."""
    conn = connection(source)
    columns = {r[1] for r in conn.execute("PRAGMA table_info(events)")}
    out: dict[int, EventState | None] = {}
    for event_id in ids:
        row = conn.execute(f"SELECT CAST(t0 AS INTEGER), CAST(t1 AS INTEGER), {_RANK_SQL}, "
                           + ("dating" if "dating" in columns else "NULL") + ", "
                           + ("coalesce(checks, 0)" if "checks" in columns else "0") + " FROM events WHERE id = ?",
                           (int(event_id),)).fetchone()
        if row is None:
            out[int(event_id)] = None
            continue
        t0, t1, rank, dating, checks = row
        number = filtering.DATINGS.index(dating) if dating in filtering.DATINGS else (0 if dating is None else -1)
        rows = [(r, c, None if a is None else float(int(a)), None if b is None else float(int(b)))
                for r, c, a, b in conn.execute("SELECT rowid, code, t0, t1 FROM event_countries WHERE event_id = ?"
                                               " ORDER BY rowid", (int(event_id),))]
        out[int(event_id)] = EventState(int(event_id), None if t0 is None else float(t0),
                                        None if t1 is None else float(t1), int(rank), number,
                                        [c for _, c, _, _ in rows], rows, int(checks))
    return out


def search_matches(source, words: str, ids) -> set[int]:
    """Which of a few events `search_ids(source, words)` would find (their title, sentence or reports
    contain every word)."""
    q = fts_query(words)
    if q is None:
        return set()
    conn = connection(source)
    found = set()
    for event_id in ids:
        hit = conn.execute("SELECT 1 FROM events_fts WHERE events_fts MATCH ? AND rowid = ?",
                           (q, int(event_id))).fetchone()
        if hit is None and _has_table(conn, "excerpts_fts"):
            hit = conn.execute("SELECT 1 FROM excerpts_fts WHERE excerpts_fts MATCH ? AND rowid IN"
                               " (SELECT id FROM excerpts WHERE event_id = ?) LIMIT 1",
                               (q, int(event_id))).fetchone()
        if hit is not None:
            found.add(int(event_id))
    return found


def attribute_mask(f: ViewFilter, t0: np.ndarray, t1: np.ndarray, rank: np.ndarray, article: np.ndarray,
                   article_number: int | None) -> np.ndarray:
    """What the dates, precision and article of `f` keep of parallel arrays (of events, or of the
    timeline's occurrences): t0/t1 seconds (NaN undated), precision rank, article rowid (`article_number`
    the filter's, -1 for an article that does not exist)."""
    return filtering.attribute_mask(filtering.criteria(f), t0, t1, rank, article, article_number)


def load_event_arrays(source, occ=None) -> EventArrays:
    """Every event's arrays. With `occ` (the timeline's occurrences of the same database), the dated
    country rows come from it and only the undated ones are read."""
    conn = connection(source)
    reports = _has_table(conn, "excerpts")      # (and events.reports: both since version 2)
    ids, t0, t1, rank, art, merged = conn.execute(
        "SELECT group_concat(id), group_concat(coalesce(CAST(t0 AS INTEGER), ?)),"
        " group_concat(coalesce(CAST(t1 AS INTEGER), ?)), group_concat(" + _RANK_SQL + "),"
        " group_concat(coalesce((SELECT a.rowid FROM articles a WHERE a.id = e.article_id), -1)), "
        + ("group_concat(CASE WHEN reports > 1 THEN id END)" if reports else "NULL")
        + " FROM events e", (_MISSING, _MISSING)).fetchone()
    ids = int_array(ids)
    order = np.argsort(ids, kind="stable") if len(ids) > 1 and not (ids[1:] > ids[:-1]).all() else None

    def times(text):
        a = int_array(text).astype(np.float64)
        a[a == float(_MISSING)] = np.nan
        return a
    art = int_array(art)
    if len(art) and art.max() < 2 ** 31:
        art = art.astype(np.int32)
    cols = [ids, times(t0), times(t1), int_array(rank).astype(np.int8), art]
    if order is not None:
        cols = [c[order] for c in cols]
    ev = EventArrays(*cols, cpos=np.zeros(0, dtype=np.int32), ccode=np.zeros(0, dtype=np.int32), codes=[])
    dated = ~np.isnan(ev.t0)
    ev.t1 = np.where(dated, np.maximum(ev.t1, ev.t0 + 1.0), np.nan)

    codes: list[str] = []
    cpos, ccode = [], []
    if occ is not None:
        codes = [c for c in occ.lanes if c != NO_COUNTRY]
        number = np.array([i if c != NO_COUNTRY else -1 for i, c in enumerate(occ.lanes)] + [-1], dtype=np.int32)
        # lanes keep their numbers (the no-country lane, when there is one, is the last)
        lane_code = number[occ.lane]
        sel = lane_code >= 0
        cpos.append(ev.positions(occ.eid[sel]))
        ccode.append(lane_code[sel])
        rows = conn.execute("SELECT code, group_concat(event_id) FROM event_countries"
                            " WHERE t0 IS NULL GROUP BY code").fetchall()
    else:
        rows = conn.execute("SELECT code, group_concat(event_id) FROM event_countries GROUP BY code").fetchall()
    for code, text in rows:
        if code not in codes:
            codes.append(code)
        cpos.append(ev.positions(int_array(text)))
        ccode.append(np.full(len(cpos[-1]), codes.index(code), dtype=np.int32))
    if cpos:
        p = np.concatenate(cpos)
        c = np.concatenate(ccode).astype(np.int32)
        ok = p >= 0
        ev.cpos, ev.ccode = with_room(p[ok].astype(np.int32)), with_room(c[ok])
    ev.codes = codes
    ev.lang, ev.languages, table = _event_languages(conn, ev.article)
    ev.more_pos, ev.more_lang = _more_languages(conn, ev, int_array(merged), table)
    ev.dating = _event_datings(conn, ev.id)
    ev.checks = _event_checks(conn, ev.id)
    ev.annotated = filtering.Annotated.read(conn)
    return ev


def _event_datings(conn: sqlite3.Connection, ids: np.ndarray) -> np.ndarray:
    """Each event's dating number (filtering.DATINGS; 0, written, for a database from before datings)."""
    out = np.zeros(len(ids), dtype=np.int8)
    if not len(ids) or "dating" not in {r[1] for r in conn.execute("PRAGMA table_info(events)")}:
        return out
    for number, name in enumerate(filtering.DATINGS[1:], start=1):
        text, = conn.execute("SELECT group_concat(id) FROM events WHERE dating = ?", (name,)).fetchone()
        found = int_array(text)
        if len(found):
            pos = np.searchsorted(ids, found)
            ok = (pos < len(ids)) & (ids[np.minimum(pos, len(ids) - 1)] == found)
            out[pos[ok]] = number
    others, = conn.execute("SELECT group_concat(id) FROM events WHERE dating NOT IN ('written', 'context',"
                           " 'reported')").fetchone()
    found = int_array(others)
    if len(found):
        pos = np.searchsorted(ids, found)
        ok = (pos < len(ids)) & (ids[np.minimum(pos, len(ids) - 1)] == found)
        out[pos[ok]] = -1
    return out


def _event_checks(conn: sqlite3.Connection, ids: np.ndarray) -> np.ndarray:
    """Each event's date warnings (CHECK_* flags; 0 for none, not checked, or a database from before them):
    the few flagged events' ids and flags read, the rest is 0."""
    out = np.zeros(len(ids), dtype=np.int8)
    if not len(ids) or "checks" not in {r[1] for r in conn.execute("PRAGMA table_info(events)")}:
        return out
    found, flags = (int_array(t) for t in conn.execute(
        "SELECT group_concat(id), group_concat(checks) FROM events WHERE checks != 0").fetchone())
    if len(found):
        pos = np.searchsorted(ids, found)
        ok = (pos < len(ids)) & (ids[np.minimum(pos, len(ids) - 1)] == found)
        out[pos[ok]] = flags[ok].astype(np.int8)
    return out


def _event_languages(conn: sqlite3.Connection, article: np.ndarray) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Each event's language number (from its article's rowid, -1 for none), the table of codes
    (NO_LANGUAGE always among them) and the language number of each article rowid (an array by rowid):
    one row per language read, the rest is an array lookup."""
    rows = conn.execute(f"SELECT coalesce(nullif(language, ''), '{NO_LANGUAGE}'), group_concat(rowid)"
                        " FROM articles GROUP BY 1 ORDER BY 1").fetchall()
    languages = [code for code, _ in rows]
    if NO_LANGUAGE not in languages:
        languages.append(NO_LANGUAGE)
    unknown = languages.index(NO_LANGUAGE)
    rowids = [int_array(text) for _, text in rows]
    top = max((int(r.max()) for r in rowids if len(r)), default=0)
    table = np.full(top + 1, unknown, dtype=np.int16)
    for number, r in enumerate(rowids):
        table[r] = number
    inside = (article >= 0) & (article <= top)
    lang = np.full(len(article), unknown, dtype=np.int16)
    lang[inside] = table[article[inside]]
    return lang, languages, table


def _more_languages(conn: sqlite3.Connection, ev: EventArrays, merged: np.ndarray,
                    table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The (event position, language number) pairs of the other languages of the events `merged` (those
    with more than one report): their reports' articles read from the excerpts, each article's language
    from `table` (its number by rowid, `_event_languages`; a report without its article row: unknown)."""
    none = np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int16)
    if not len(merged):
        return none
    events, rowids = (int_array(t) for t in conn.execute(
        "SELECT group_concat(xr.event_id), group_concat(coalesce(ar.rowid, -1)) FROM excerpts xr"
        " LEFT JOIN articles ar ON ar.id = xr.article_id"
        " WHERE xr.event_id IN (SELECT value FROM json_each(?))",
        (json.dumps(merged.tolist()),)).fetchone())
    pos = ev.positions(events)
    unknown = ev.languages.index(NO_LANGUAGE)
    inside = (rowids >= 0) & (rowids < len(table))
    lang = np.full(len(rowids), unknown, dtype=np.int16)
    lang[inside] = table[rowids[inside]]
    ok = pos >= 0
    pos, lang = pos[ok], lang[ok]
    other = lang != ev.lang[pos]                 # the first report's language is `lang` already
    if not other.any():
        return none
    pairs = np.unique(np.stack([pos[other], lang[other].astype(np.int64)], axis=1), axis=0)
    return pairs[:, 0].astype(np.int32), pairs[:, 1].astype(np.int16)


# -- full-text search ----------------------------------------------------------------------------------
_excerpt_maps: dict[int, tuple] = {}
_maps_lock = threading.Lock()


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (name,)).fetchone() is not None


def _excerpt_events(conn: sqlite3.Connection) -> np.ndarray:
    """excerpt id -> event id (-1 for none), read once per connection and database size."""
    top, = conn.execute("SELECT coalesce(max(id), 0) FROM excerpts").fetchone()
    with _maps_lock:
        got = _excerpt_maps.get(id(conn))
        if got is not None and got[0] is conn and got[1] == top:
            return got[2]
    x, e = conn.execute("SELECT group_concat(id), group_concat(event_id) FROM excerpts").fetchone()
    table = np.full(top + 1, -1, dtype=np.int64)
    table[int_array(x)] = int_array(e)
    with _maps_lock:
        for key in [k for k, v in _excerpt_maps.items() if v[0] is conn]:
            del _excerpt_maps[key]
        _excerpt_maps[id(conn)] = (conn, top, table)
    return table


def search_ids(source, words: str) -> np.ndarray:
    """Sorted ids of the events whose title or sentence, or the sentence of any of their reports,
    contains every word (as a prefix). SearchError for words that cannot be searched."""
    q = fts_query(words)
    if q is None:
        raise SearchError(f"Nothing to search for in “{words}”: type a word or two.")
    conn = connection(source)
    try:
        text, = conn.execute("SELECT group_concat(rowid) FROM events_fts WHERE events_fts MATCH ?",
                             (q,)).fetchone()
        ids = int_array(text)
        if _has_table(conn, "excerpts_fts"):
            text, = conn.execute("SELECT group_concat(rowid) FROM excerpts_fts WHERE excerpts_fts MATCH ?",
                                 (q,)).fetchone()
            rows = int_array(text)
            if len(rows):
                table = _excerpt_events(conn)
                rows = rows[rows < len(table)]
                more = table[rows]
                ids = np.concatenate([ids, more[more >= 0]])
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc):
            raise
        raise SearchError(f"Couldn't search for “{words}”: try plain words.") from exc
    return np.unique(ids)


def sorted_ids(source, column: str) -> np.ndarray:
    """Every event id in alphabetical order of its title (as shown: the sentence when it has none) or
    of its countries (events naming none last), ties by id."""
    key = {"title": "coalesce(nullif(title, ''), sentence) COLLATE NOCASE",
           "countries": "coalesce(nullif(countries, ''), '~')"}[column]
    text, = connection(source).execute(
        f"SELECT group_concat(id) FROM (SELECT id FROM events ORDER BY {key}, id)").fetchone()
    return int_array(text)


def article_number(source, article_id: str | None) -> int | None:
    """The rowid the arrays use for an article (-1 when there is no such article)."""
    if not article_id:
        return None
    row = connection(source).execute("SELECT rowid FROM articles WHERE id = ?",
                                     (clean_text(str(article_id)),)).fetchone()
    return -1 if row is None else int(row[0])
