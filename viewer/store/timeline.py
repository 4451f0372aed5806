"""The timeline's viewport queries: compact numpy arrays of what the timeline draws.

The timeline never walks rows in Python. It loads, once per database, one entry per (event, lane)
"occurrence" as parallel numpy arrays (t0, t1, lane, event id), applies country and date filters with
numpy masks, and asks SQL only for what numpy cannot answer (full-text search, one article's events, a
precision limit, languages: until the per-event arrays of `eventset` are loaded) and for the titles of the few events whose labels fit on screen.

Numbers come out of SQLite through ``group_concat`` (SQLite formats, numpy parses), a few big strings
rather than millions of Python row objects: reading 1.5M occurrences this way takes about a second where
``fetchall`` takes five. For a first frame, `lane_starts` reads only the covering (code, t0) index.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import numpy as np

from viewer.model import ViewFilter
from viewer.store import checks as date_checks
from viewer.store import filtering
from viewer.store.arrays import connection, int_array
from viewer.store.filtering import NO_COUNTRY  # noqa: F401 - the window's name for the no-country lane

_CHUNK = 400_000


# -- arrays an edit may lengthen ---------------------------------------------------------------------
def slack(n: int) -> int:
    """The room left at the end of an array of `n` entries that an edit may lengthen (see `room`)."""
    return max(1024, n // 64)


def room(n: int, dtype) -> np.ndarray:
    """An array of `n` entries (not set) at the start of a buffer with `slack(n)` more: an edit that adds
    entries moves or writes them within the buffer (`buffer_of`) rather than allocating (and touching for
    the first time) an array of the whole length."""
    return np.empty(n + slack(n), dtype=dtype)[:n]


def with_room(arr: np.ndarray) -> np.ndarray:
    """A copy of the 1-D `arr` made with `room`."""
    out = room(len(arr), arr.dtype)
    out[...] = arr
    return out


def buffer_of(arr: np.ndarray) -> np.ndarray | None:
    """The buffer the 1-D `arr` is the start of (made by `room`), None when it is an array of its own."""
    buf = arr.base
    if buf is None or not isinstance(buf, np.ndarray) or buf.ndim != 1 or buf.dtype != arr.dtype \
            or arr.ndim != 1 or not arr.flags.c_contiguous or not buf.flags.c_contiguous \
            or buf.__array_interface__["data"][0] != arr.__array_interface__["data"][0]:
        return None
    return buf


def grown(arr: np.ndarray, more: int) -> np.ndarray:
    """`arr` followed by `more` entries (not set): a longer view of the buffer `arr` starts when it has
    that room (`buffer_of`), else a copy made with `room`."""
    n = len(arr)
    buf = buffer_of(arr)
    if buf is not None and len(buf) >= n + more:
        return buf[:n + more]
    out = room(n + more, arr.dtype)
    out[:n] = arr
    return out


@dataclass
class Occurrences:
    """One entry per (event, lane): parallel arrays, sorted by (lane, t0)."""
    lanes: list[str]           # lane labels, index = lane number
    lane: np.ndarray           # int16
    t0: np.ndarray             # float64 seconds since 1970 UTC
    t1: np.ndarray             # float64, exclusive
    eid: np.ndarray            # int64 event id

    def __len__(self) -> int:
        return len(self.t0)

    def take(self, index) -> "Occurrences":
        return Occurrences(self.lanes, self.lane[index], self.t0[index], self.t1[index], self.eid[index])


@dataclass
class Preview:
    """What a first frame needs, read from the (code, t0) index alone: lanes and their sorted starts."""
    lanes: list[str]
    starts: list[np.ndarray]   # per lane, sorted t0 (float64)

    @property
    def total(self) -> int:
        return sum(len(a) for a in self.starts)


def open_reader(path: str) -> sqlite3.Connection:
    """A read-only connection of its own (for a loader thread: one connection per thread)."""
    uri = "file:%s?mode=ro" % quote(str(Path(path).resolve()))
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def lane_codes(source) -> list[tuple[str, int]]:
    """(code, occurrences) for every country with dated events, most frequent first."""
    return [(c, n) for c, n in connection(source).execute(
        "SELECT code, count(*) FROM event_countries WHERE t0 IS NOT NULL GROUP BY code"
        " ORDER BY count(*) DESC, code")]


def lane_starts(source) -> Preview:
    """Every country lane's sorted starts, from the covering (code, t0) index (~0.3 s for 1.5M)."""
    conn = connection(source)
    lanes, starts = [], []
    for code, _ in lane_codes(conn):
        text, = conn.execute("SELECT group_concat(CAST(t0 AS INTEGER)) FROM event_countries"
                             " WHERE code = ? AND t0 IS NOT NULL", (code,)).fetchone()
        lanes.append(code)
        t0 = int_array(text).astype(np.float64)
        if len(t0) > 1 and not (t0[1:] >= t0[:-1]).all():     # index order is t0 order in practice
            t0.sort()
        starts.append(t0)
    # the no-country lane is there from the first frame (filled when everything is loaded): no layout jump
    if conn.execute("SELECT 1 FROM events WHERE t0 IS NOT NULL AND (countries IS NULL OR countries = '')"
                    " LIMIT 1").fetchone():
        lanes.append(NO_COUNTRY)
        starts.append(np.zeros(0))
    return Preview(lanes, starts)


def _by_rowid(conn: sqlite3.Connection, top: int) -> tuple[np.ndarray, np.ndarray]:
    """The occurrence table in rowid order: rowid -> event id, t1."""
    eid_by_row = np.zeros(top + 1, dtype=np.int64)
    t1_by_row = np.zeros(top + 1, dtype=np.float64)
    for lo in range(0, top + 1, _CHUNK):
        r, e, t1 = conn.execute(
            "SELECT group_concat(rowid), group_concat(event_id), group_concat(CAST(t1 AS INTEGER))"
            " FROM event_countries WHERE rowid > ? AND rowid <= ? AND t0 IS NOT NULL",
            (lo, lo + _CHUNK)).fetchone()
        rows = int_array(r)
        eid_by_row[rows] = int_array(e)
        t1_by_row[rows] = int_array(t1)
    return eid_by_row, t1_by_row


def load_occurrences(source, second_reader=None) -> Occurrences:
    """Every dated event once per lane it belongs to (its countries, or the no-country lane).

    With `second_reader` (a function returning a new read-only connection), the table pass runs on it
    in a thread of its own while this one reads the index: SQLite releases the GIL while it works."""
    conn = connection(source)
    lanes = [c for c, _ in lane_codes(conn)]
    top, = conn.execute("SELECT max(rowid) FROM event_countries").fetchone()
    top = top or 0
    table: dict = {}
    helper = None
    if second_reader is not None and top > _CHUNK:
        def work():
            other = second_reader()
            try:
                table["result"] = _by_rowid(other, top)
            except Exception as exc:       # reported below, in the caller's thread
                table["error"] = exc
            finally:
                other.close()
        helper = threading.Thread(target=work, name="timeline-loader-2", daemon=True)
        helper.start()
    else:
        table["result"] = _by_rowid(conn, top)
    lane_parts, t0_parts, row_parts = [], [], []
    for i, code in enumerate(lanes):
        t0, r = conn.execute("SELECT group_concat(CAST(t0 AS INTEGER)), group_concat(rowid)"
                             " FROM event_countries WHERE code = ? AND t0 IS NOT NULL", (code,)).fetchone()
        t0, rows = int_array(t0), int_array(r)
        order = np.argsort(t0, kind="stable")
        t0_parts.append(t0[order].astype(np.float64))
        row_parts.append(rows[order])
        lane_parts.append(np.full(len(t0), i, dtype=np.int16))
    rows = np.concatenate(row_parts) if row_parts else np.zeros(0, dtype=np.int64)
    t0 = np.concatenate(t0_parts) if t0_parts else np.zeros(0)
    lane = np.concatenate(lane_parts) if lane_parts else np.zeros(0, dtype=np.int16)
    if helper is not None:
        helper.join()
    if "error" in table:
        raise table["error"]
    eid_by_row, t1_by_row = table.pop("result")
    eid = eid_by_row[rows]
    t1 = t1_by_row[rows]
    del eid_by_row, t1_by_row
    # events that name no country: every dated id (covering t0 index) minus those with a lane
    try:        # the t0 index covers this: no need to read the events themselves
        ids_text, starts_text = conn.execute(
            "SELECT group_concat(id), group_concat(CAST(t0 AS INTEGER)) FROM events INDEXED BY idx_events_t0"
            " WHERE t0 IS NOT NULL").fetchone()
    except sqlite3.OperationalError:      # a schema without that index: same answer, slower
        ids_text, starts_text = conn.execute(
            "SELECT group_concat(id), group_concat(CAST(t0 AS INTEGER)) FROM events"
            " WHERE t0 IS NOT NULL").fetchone()
    all_ids = int_array(ids_text)
    bare = ~np.isin(all_ids, eid) if len(all_ids) else np.zeros(0, dtype=bool)
    if bare.any():
        bare_ids = all_ids[bare]
        bare_t0 = int_array(starts_text)[bare].astype(np.float64)
        bare_t1 = np.zeros(len(bare_ids))
        for k in range(0, len(bare_ids), 50_000):
            chunk = bare_ids[k:k + 50_000]
            i_text, t1_text = conn.execute(
                "SELECT group_concat(id), group_concat(CAST(t1 AS INTEGER)) FROM events"
                " WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(chunk.tolist()),)).fetchone()
            found, ends = int_array(i_text), int_array(t1_text)
            pos = np.searchsorted(found[np.argsort(found)], chunk)
            ends = ends[np.argsort(found)]
            bare_t1[k:k + len(chunk)] = ends[np.minimum(pos, len(ends) - 1)]
        lanes.append(NO_COUNTRY)
        lane = np.concatenate([lane, np.full(len(bare_ids), len(lanes) - 1, dtype=np.int16)])
        t0 = np.concatenate([t0, bare_t0])
        t1 = np.concatenate([t1, bare_t1])
        eid = np.concatenate([eid, bare_ids])
    t1 = np.maximum(t1, t0 + 1.0)
    return Occurrences(lanes, lane, t0, t1, eid)


def load_occurrences_from_path(path: str) -> Occurrences:
    """`load_occurrences` on a connection of its own: safe to call from a loader thread."""
    conn = open_reader(path)
    try:
        return load_occurrences(conn, second_reader=lambda: open_reader(path))
    finally:
        conn.close()


def needs_sql(f: ViewFilter | None) -> bool:
    """Whether a filter has parts the occurrences alone cannot apply (full-text search, one article,
    precision, languages, dating, date warnings, the analyst's annotations: star, tags, note, review,
    rejected hidden)."""
    return f is not None and bool(f.search or f.article_id or f.max_granularity in filtering.RANKS
                                  or f.languages is not None or f.dating is not None or f.checks
                                  or filtering.criteria(f).annotated)


def matching_ids(store, f: ViewFilter) -> np.ndarray:
    """Sorted ids of the events matching the SQL-only parts of `f` (search, article, precision,
    languages, dating, date warnings, annotations)."""
    sql_part = ViewFilter(search=f.search, article_id=f.article_id, max_granularity=f.max_granularity,
                          languages=f.languages, dating=f.dating, starred=f.starred, tags=f.tags,
                          has_note=f.has_note, review=f.review, show_rejected=f.show_rejected,
                          checks=f.checks)
    where, params = store.where(sql_part)
    text, = connection(store).execute(f"SELECT group_concat(e.id) FROM events e{where}", params).fetchone()
    return np.sort(int_array(text))


def filter_mask(occ: Occurrences, f: ViewFilter | None, ids: np.ndarray | None = None) -> np.ndarray:
    """Which occurrences `f`'s countries and dates keep, and, with `ids`, only those of these events.
    A country filter keeps only the lanes of the chosen countries (NO_COUNTRY: the no-country lane)."""
    c = filtering.criteria(f)
    mask = filtering.date_mask(c, occ.t0, occ.t1)
    lanes = filtering.lane_mask(c, occ.lanes)
    if lanes is not None and len(lanes):
        mask &= lanes[occ.lane]
    if ids is not None:
        mask &= filtering.member_mask(occ.eid, ids)
    return mask


def same_start_rows(source, code: str, t0: float) -> list[tuple[int, int, float]]:
    """(rowid, event id, t1) of the dated rows of a country that start at `t0` (whole seconds, as the
    occurrences read them): the rows an edited event's occurrence is placed among, in rowid order as the
    (code, t0) index lists them."""
    return [(r, e, float(int(t1)) if t1 is not None else t0) for r, e, t1 in connection(source).execute(
        "SELECT rowid, event_id, t1 FROM event_countries WHERE code = ? AND CAST(t0 AS INTEGER) = ?"
        " AND t0 >= ? AND t0 < ? ORDER BY rowid", (code, int(t0), t0 - 1, t0 + 1))]


def titles(store, ids) -> dict[int, str]:
    """Titles of a few events (those whose labels fit on screen)."""
    ids = [int(i) for i in ids]
    out: dict[int, str] = {}
    conn = store.db.conn
    for k in range(0, len(ids), 5000):
        chunk = ids[k:k + 5000]
        for i, title in conn.execute("SELECT id, title FROM events WHERE id IN (SELECT value FROM json_each(?))",
                                     (json.dumps(chunk),)):
            out[i] = title or ""
    return out


def event_brief(store, event_id: int) -> dict | None:
    row = store.db.conn.execute(
        "SELECT id, title, earliest, latest, granularity, value, countries, t0, t1 FROM events WHERE id = ?",
        [int(event_id)]).fetchone()
    if row is None:
        return None
    keys = ("id", "title", "earliest", "latest", "granularity", "value", "countries", "t0", "t1")
    return dict(zip(keys, row))


class _BulkWriter:
    """Appends rows in big executemany calls; events get consecutive ids. Where the schema has excerpts
    (one per report of an event), each new event gets its own report as its first excerpt, copied in SQL
    from the event row, as `Store.add_articles` does."""

    def __init__(self, conn: sqlite3.Connection, next_id: int):
        self.conn = conn
        self.next_id = next_id
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        self.excerpt_columns = None
        if "excerpts" in tables:
            mine = [r[1] for r in conn.execute("PRAGMA table_info(excerpts)")]
            theirs = {r[1] for r in conn.execute("PRAGMA table_info(events)")}
            self.excerpt_columns = ", ".join(c for c in mine if c in theirs and c not in ("id", "event_id"))

    def add(self, articles, article_countries, events, event_countries) -> None:
        """articles: (id, url, title, source, text, published, published_source, language, added);
        events: (article_id, sentence_start, sentence_end, sentence, time_start, time_end, time_text, type,
        value, earliest, latest, t0, t1, granularity, mod, reasoning, anchor, title, countries, mentions);
        event_countries: one list of codes per event."""
        conn = self.conn
        conn.executemany("INSERT INTO articles (id, url, title, source, text, published, published_source,"
                         " language, added) VALUES (?,?,?,?,?,?,?,?,?)", articles)
        conn.executemany("INSERT INTO article_countries (article_id, code) VALUES (?, ?)", article_countries)
        first = self.next_id
        conn.executemany(
            "INSERT INTO events (id, article_id, sentence_start, sentence_end, sentence, time_start, time_end,"
            " time_text, type, value, earliest, latest, t0, t1, granularity, mod, reasoning, anchor, title,"
            " countries, mentions) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            ((first + k,) + tuple(row) for k, row in enumerate(events)))
        conn.executemany(
            "INSERT INTO event_countries (event_id, code, t0, t1) VALUES (?,?,?,?)",
            ((first + k, c, events[k][11], events[k][12])
             for k, codes in enumerate(event_countries) for c in codes))
        if self.excerpt_columns and events:
            cols = self.excerpt_columns
            conn.execute(f"INSERT INTO excerpts (event_id, {cols}) SELECT id, {cols} FROM events"
                         " WHERE id >= ? AND id < ? ORDER BY id", (first, first + len(events)))
        self.next_id = first + len(events)


@contextmanager
def bulk_writer(store):
    """Bulk-load a database (the synthetic benchmark data): one transaction; the FTS triggers and the
    secondary indexes of events, event_countries and excerpts are dropped for the load and put back
    exactly as they were (indexes built once, sorted; full-text indexes rebuilt once) - much faster than
    maintaining them row by row."""
    conn = store.db.conn
    conn.execute("PRAGMA synchronous = OFF")
    try:
        with conn:
            saved = conn.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND"
                " ((type = 'trigger' AND tbl_name IN ('events', 'excerpts')) OR"
                "  (type = 'index' AND tbl_name IN ('events', 'event_countries', 'excerpts')))").fetchall()
            for kind, name, _ in saved:
                conn.execute(f"DROP {kind.upper()} [{name}]")
            top, = conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()
            date_checks.lower_mark(conn, top)     # the events written are to be checked (viewer.checks)
            yield _BulkWriter(conn, top + 1)
            for fts in ("events_fts", "excerpts_fts"):      # full-text indexes rebuilt once
                if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (fts,)).fetchone():
                    conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
            for kind, _, sql in sorted(saved, key=lambda r: r[0] != "index"):
                conn.execute(sql)
    finally:
        conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
