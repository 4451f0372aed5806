"""The timeline's viewport queries: compact numpy arrays of what the timeline draws.

The timeline never walks rows in Python. It loads, once per database, one row per (event, lane)
"occurrence" as parallel numpy arrays (t0, t1, lane, event id, granularity rank), applies country,
date and precision filters with numpy masks, and asks SQL only for what numpy cannot answer (full-text
search, one article's events) and for the titles of the few events whose labels fit on screen.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from viewer.model import GRANULARITIES, ViewFilter

NO_COUNTRY = "\u2014"      # the lane of events that name no country
_RANK = {g: i for i, g in enumerate(GRANULARITIES)}
_CHUNK = 200_000


@dataclass
class Occurrences:
    """One entry per (event, lane): parallel arrays, sorted by (lane, t0)."""
    lanes: list[str]           # lane labels, index = lane number
    lane: np.ndarray           # int16
    t0: np.ndarray             # float64 seconds since 1970 UTC
    t1: np.ndarray             # float64, exclusive
    eid: np.ndarray            # int64 event id
    rank: np.ndarray           # int8 index into GRANULARITIES, -1 when unknown

    def __len__(self) -> int:
        return len(self.t0)

    def take(self, mask: np.ndarray) -> "Occurrences":
        return Occurrences(self.lanes, self.lane[mask], self.t0[mask], self.t1[mask], self.eid[mask],
                           self.rank[mask])


def _rank_case(column: str) -> str:
    return "CASE %s %s ELSE -1 END" % (
        column, " ".join(f"WHEN '{g}' THEN {i}" for i, g in enumerate(GRANULARITIES)))


def _fetch(conn, sql: str, params=()) -> np.ndarray:
    """Rows of numbers -> a 2-D float64 array, read in big chunks."""
    cur = conn.execute(sql, params)
    parts = []
    while True:
        rows = cur.fetchmany(_CHUNK)
        if not rows:
            break
        parts.append(np.array(rows, dtype=np.float64))
    if not parts:
        return np.zeros((0, len(cur.description)), dtype=np.float64)
    return np.concatenate(parts) if len(parts) > 1 else parts[0]


def load_occurrences(store) -> Occurrences:
    """Every dated event once per lane it belongs to (its countries, or the no-country lane)."""
    conn = store.db.conn
    counts = conn.execute(
        "SELECT code, count(*) FROM event_countries WHERE t0 IS NOT NULL GROUP BY code"
        " ORDER BY count(*) DESC, code").fetchall()
    lanes = [c for c, _ in counts]
    index = {c: i for i, c in enumerate(lanes)}
    rank_sql = _rank_case("e.granularity")
    parts = []
    for code in lanes:
        arr = _fetch(conn, "SELECT c.t0, c.t1, c.event_id, " + rank_sql +
                     " FROM event_countries c JOIN events e ON e.id = c.event_id"
                     " WHERE c.code = ? AND c.t0 IS NOT NULL ORDER BY c.t0", (code,))
        parts.append((index[code], arr))
    bare = _fetch(conn, "SELECT e.t0, e.t1, e.id, " + rank_sql + " FROM events e"
                  " WHERE e.t0 IS NOT NULL AND (e.countries IS NULL OR e.countries = '') ORDER BY e.t0")
    if len(bare):
        lanes.append(NO_COUNTRY)
        parts.append((len(lanes) - 1, bare))
    if parts:
        data = np.concatenate([a for _, a in parts])
        lane = np.concatenate([np.full(len(a), i, dtype=np.int16) for i, a in parts])
    else:
        data = np.zeros((0, 4))
        lane = np.zeros(0, dtype=np.int16)
    return Occurrences(lanes, lane, np.ascontiguousarray(data[:, 0]), np.ascontiguousarray(data[:, 1]),
                       data[:, 2].astype(np.int64), data[:, 3].astype(np.int8))


def needs_sql(f: ViewFilter | None) -> bool:
    """Whether a filter has parts numpy cannot apply (full-text search, one article)."""
    return f is not None and bool(f.search or f.article_id)


def matching_ids(store, f: ViewFilter) -> np.ndarray:
    """Sorted ids of the events matching the SQL-only parts of `f` (search, article)."""
    sql_part = ViewFilter(search=f.search, article_id=f.article_id)
    where, params = store._where(sql_part)
    arr = _fetch(store.db.conn, f"SELECT e.id FROM events e{where} ORDER BY e.id", params)
    return arr[:, 0].astype(np.int64) if len(arr) else np.zeros(0, dtype=np.int64)


def filter_mask(occ: Occurrences, f: ViewFilter | None, ids: np.ndarray | None = None) -> np.ndarray:
    """Which occurrences `f` keeps. A country filter keeps only the lanes of the chosen countries."""
    mask = np.ones(len(occ), dtype=bool)
    if f is None:
        return mask
    if f.countries is not None:
        keep = np.array([lane in f.countries for lane in occ.lanes], dtype=bool)
        mask &= keep[occ.lane] if len(keep) else mask
    if f.date_from:
        from viewer.store import interval_seconds
        mask &= occ.t1 > interval_seconds(f.date_from, f.date_from)[0]
    if f.date_to:
        from viewer.store import interval_seconds
        mask &= occ.t0 < interval_seconds(f.date_to, f.date_to)[1]
    if f.max_granularity in _RANK:
        mask &= (occ.rank >= 0) & (occ.rank <= _RANK[f.max_granularity])
    if ids is not None:
        mask &= np.isin(occ.eid, ids, assume_unique=False)
    return mask


def titles(store, ids) -> dict[int, str]:
    """Titles of a few events (those whose labels fit on screen)."""
    ids = [int(i) for i in ids]
    out: dict[int, str] = {}
    for k in range(0, len(ids), 900):
        chunk = ids[k:k + 900]
        sql = "SELECT id, title FROM events WHERE id IN (%s)" % ",".join("?" * len(chunk))
        for i, title in store.db.conn.execute(sql, chunk):
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


__all__ = ["NO_COUNTRY", "Occurrences", "load_occurrences", "needs_sql", "matching_ids", "filter_mask",
           "titles", "event_brief"]
