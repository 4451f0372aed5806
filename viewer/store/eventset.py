"""Every event as a few numpy arrays, so that filters, counts and the event table's order are numpy work.

Loaded once per database (after the timeline's occurrence arrays, in the same loader thread for a big
database): per event its id, t0, t1 (NaN when undated), precision rank and article number; per
(event, country) row the event's position and the country's number; per event its language's number (an
index into a small table of the codes stored). A filter is then a boolean mask over
the events (`EventArrays.base_mask`), country counts a `np.bincount` over the country rows under that mask,
and the table's rows a slice of a precomputed order (`EventArrays.order`).

What numpy cannot answer is asked of SQL in bulk, as one string of numbers (`group_concat`), never as
Python rows: the full-text search (`search_ids`: the FTS indexes' rowids, excerpt rowids mapped to their
events with an array), and the alphabetical orders of titles and countries (`sorted_ids`).
"""
from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field

import numpy as np

from viewer.model import GRANULARITIES, ViewFilter
from viewer.store import filtering
from viewer.store.arrays import connection, int_array
from viewer.store.filtering import NO_COUNTRY, NO_LANGUAGE, NO_RANK
from viewer.store.values import clean_text, fts_query

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
    annotated: filtering.Annotated = field(default_factory=filtering.Annotated)
    # the analyst's annotations (review, star, note, tags), read with the arrays (`reload_annotations`)
    _orders: dict = field(default_factory=dict, repr=False)
    _lookup: np.ndarray | None = field(default=None, repr=False)

    def __post_init__(self):
        if len(self.lang) != len(self.id):      # no languages given: every event's is unknown
            if NO_LANGUAGE not in self.languages:
                self.languages = [*self.languages, NO_LANGUAGE]
            self.lang = np.full(len(self.id), self.languages.index(NO_LANGUAGE), dtype=np.int16)
        if len(self.dating) != len(self.id):    # no datings given: every event's date was written
            self.dating = np.zeros(len(self.id), dtype=np.int8)

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
        in `article`; -1 for an article that does not exist), the languages, the dating, the analyst's
        annotations (as read with the arrays) and the search (the matching ids)."""
        if f is None:
            return np.ones(len(self.id), dtype=bool)
        c = filtering.criteria(f)
        mask = filtering.attribute_mask(c, self.t0, self.t1, self.rank, self.article, article)
        langs = filtering.language_mask(c, self.lang, self.languages)
        if langs is not None:
            mask &= langs
        datings = filtering.dating_mask(c, self.dating)
        if datings is not None:
            mask &= datings
        annotated = filtering.annotation_mask(c, self.id, self.annotated)
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
        """Events whose article is in one of `languages` (NO_LANGUAGE: none stored); None: no language
        filter, every event."""
        c = filtering.criteria(ViewFilter(languages=languages))
        return filtering.language_mask(c, self.lang, self.languages)

    def dating_mask(self, dating) -> np.ndarray | None:
        """Events whose date was obtained in one of the ways in `dating` ("written", "context",
        "reported"); None: no such filter, every event."""
        c = filtering.criteria(ViewFilter(dating=dating))
        return filtering.dating_mask(c, self.dating)

    def annotation_mask(self, f: ViewFilter | None) -> np.ndarray | None:
        """Events the analyst's parts of `f` keep (starred, tags, note, review, rejected); None: every one."""
        return filtering.annotation_mask(filtering.criteria(f), self.id, self.annotated) if f is not None else None

    def starred_ids(self) -> np.ndarray:
        """Sorted ids of the starred events (as read with the arrays)."""
        return self.annotated.starred_ids()

    def reload_annotations(self, source) -> None:
        """Read the annotations again (after a star, tag, note or review). The timeline keeps its indexes
        per filter: a window that reloads them must apply the filter again with its caches cleared (as
        `MainWindow.refresh` does)."""
        self.annotated = filtering.Annotated.read(connection(source))

    def language_counts(self, mask: np.ndarray) -> dict[str, int]:
        """Events per language among those `mask` keeps (most first, then by code, as
        window.language_counts)."""
        counts = np.bincount(self.lang[mask], minlength=len(self.languages))
        pairs = [(self.languages[i], int(counts[i])) for i in np.flatnonzero(counts)]
        pairs.sort(key=lambda p: (-p[1], p[0]))
        return dict(pairs)

    def mask(self, f: ViewFilter | None, search_ids=None, article: int | None = None) -> np.ndarray:
        base = self.base_mask(f, search_ids, article)
        chosen = self.country_mask(None if f is None else f.countries)
        return base if chosen is None else base & chosen

    def country_counts(self, base: np.ndarray) -> dict[str, int]:
        """Events per country among those `base` keeps (most first, as Store.country_counts)."""
        counts = np.bincount(self.ccode[base[self.cpos]], minlength=len(self.codes))
        pairs = [(self.codes[i], int(counts[i])) for i in np.flatnonzero(counts)]
        pairs.sort(key=lambda p: (-p[1], p[0]))
        return dict(pairs)

    def undated(self, mask: np.ndarray) -> int:
        return int((mask & np.isnan(self.t0)).sum())

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
        """The ids `mask` keeps, in the column's order (reversed when descending)."""
        order = self.order(column)
        ids = self.id[order[mask[order]]]
        return ids[::-1].copy() if descending else ids


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
    ids, t0, t1, rank, art = conn.execute(
        "SELECT group_concat(id), group_concat(coalesce(CAST(t0 AS INTEGER), ?)),"
        " group_concat(coalesce(CAST(t1 AS INTEGER), ?)), group_concat(" + _RANK_SQL + "),"
        " group_concat(coalesce((SELECT a.rowid FROM articles a WHERE a.id = e.article_id), -1))"
        " FROM events e", (_MISSING, _MISSING)).fetchone()
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
        ev.cpos, ev.ccode = p[ok].astype(np.int32), c[ok]
    ev.codes = codes
    ev.lang, ev.languages = _event_languages(conn, ev.article)
    ev.dating = _event_datings(conn, ev.id)
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


def _event_languages(conn: sqlite3.Connection, article: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Each event's language number (from its article's rowid, -1 for none) and the table of codes
    (NO_LANGUAGE always among them): one row per language read, the rest is an array lookup."""
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
    return lang, languages


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
