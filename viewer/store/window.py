"""Queries the main window needs beyond the Store's own: a page of the event table, where an
event sits in it, the article list for the source filter and the languages for the language filter.

SQL lives here (the store package) so the UI never speaks it. Every function takes a Store.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

from viewer.model import ViewFilter
from viewer.store import EventRow, Store, StoreError, event_row
from viewer.store.filtering import LANGUAGE_SQL, NO_LANGUAGE, REPORT_LANGUAGE_SQL, occurrence_where


def _where(store: Store, f: ViewFilter | None) -> tuple[str, list]:
    """The Store's translation of a ViewFilter, with the countries as a correlated EXISTS, which lets
    SQLite walk the t0 index and stop after a page, where an IN (subquery) first materialises every
    matching event."""
    return store.where(f, correlated_countries=True)


def _and(where: str, clause: str) -> str:
    return f"{where} AND {clause}" if where else f" WHERE {clause}"


def undated_count(store: Store, f: ViewFilter | None) -> int:
    """How many filtered events have no place on the calendar (they come last in the table)."""
    where, params = _where(store, f)
    try:
        return store.db.execute(f"SELECT count(*) FROM events e{_and(where, 'e.t0 IS NULL')}",
                                params).fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path}: {exc}") from exc


def events_page(store: Store, f: ViewFilter | None, offset: int, limit: int,
                dated: int | None = None) -> list[EventRow]:
    """Rows offset..offset+limit of the filtered events in timeline order (dated events by start,
    then undated ones). `dated`: how many filtered events are dated, if known (saves a count)."""
    where, params = _where(store, f)
    offset, limit = max(int(offset), 0), max(int(limit), 0)
    try:
        rows = []
        if dated is None or offset < dated:
            sql = (f"SELECT e.* FROM events e{_and(where, 'e.t0 IS NOT NULL')}"
                   " ORDER BY e.t0, e.id LIMIT ? OFFSET ?")
            rows = [event_row(r) for r in store.db.query(sql, [*params, limit, offset])]
        if len(rows) < limit:
            if dated is None:
                dated = offset + len(rows) if rows else store.db.execute(
                    f"SELECT count(*) FROM events e{_and(where, 'e.t0 IS NOT NULL')}", params).fetchone()[0]
            start = max(offset + len(rows) - dated, 0)
            sql = f"SELECT e.* FROM events e{_and(where, 'e.t0 IS NULL')} ORDER BY e.id LIMIT ? OFFSET ?"
            rows += [event_row(r) for r in store.db.query(sql, [*params, limit - len(rows), start])]
        return rows
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path}: {exc}") from exc


def events_by_ids(store: Store, ids) -> list[EventRow]:
    """These events, in this order (a page of the table when the window sorted the ids itself)."""
    ids = [int(i) for i in ids]
    if not ids:
        return []
    try:
        rows = {r["id"]: event_row(r) for r in store.db.query(
            "SELECT * FROM events WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(ids)])}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path}: {exc}") from exc
    return [rows[i] for i in ids if i in rows]


def event_position(store: Store, f: ViewFilter | None, event_id: int,
                   dated: int | None = None) -> int | None:
    """Index of an event among the filtered events (timeline order), None if filtered out."""
    try:
        row = store.db.execute("SELECT t0, id FROM events WHERE id = ?", [event_id]).fetchone()
        if row is None:
            return None
        t0, eid = row
        where, params = _where(store, f)
        if store.db.execute(f"SELECT 1 FROM events e{_and(where, 'e.id = ?')}",
                            [*params, event_id]).fetchone() is None:
            return None
        if t0 is None:
            if dated is None:
                dated = store.db.execute(f"SELECT count(*) FROM events e{_and(where, 'e.t0 IS NOT NULL')}",
                                         params).fetchone()[0]
            sql = f"SELECT count(*) FROM events e{_and(where, 'e.t0 IS NULL AND e.id < ?')}"
            return dated + store.db.execute(sql, [*params, eid]).fetchone()[0]
        sql = f"SELECT count(*) FROM events e{_and(where, '(e.t0 < ? OR (e.t0 = ? AND e.id < ?))')}"
        return store.db.execute(sql, [*params, t0, t0, eid]).fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path}: {exc}") from exc


def count_events(store: Store, f: ViewFilter | None) -> int:
    """Store.count_events, answered from event_countries when only countries and dates filter."""
    where = occurrence_where(f) if f is not None and f.countries is not None else None
    if where is None:
        return store.count_events(f)
    if not f.countries:
        return 0
    clause, params = where
    try:
        return store.db.execute(f"SELECT count(DISTINCT event_id) FROM event_countries{clause}",
                                params).fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path}: {exc}") from exc


def country_counts(store: Store, f: ViewFilter | None) -> dict[str, int]:
    """Store.country_counts, answered from event_countries alone when only dates filter."""
    where = occurrence_where(f, countries=False)
    if where is None:
        return store.country_counts(f)
    clause, params = where
    sql = f"SELECT code, count(*) FROM event_countries{clause} GROUP BY code ORDER BY count(*) DESC, code"
    try:
        return dict(store.db.execute(sql, params).fetchall())
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path}: {exc}") from exc


def language_counts(store: Store, f: ViewFilter | None) -> dict[str, int]:
    """Events per language (their reports' articles' codes as stored; NO_LANGUAGE for none) under every
    filter but the language one (so the list can show all), most first, then by code. An event with
    reports in several languages counts once under each (see viewer.store.filtering)."""
    rest = None if f is None else replace(f, languages=None)
    where, params = store.where(rest)
    # events per article first, then each article's language: one article lookup per article, not per event
    sql = (f"SELECT coalesce(nullif(la.language, ''), '{NO_LANGUAGE}') AS code, sum(x.n) AS n FROM"
           f" (SELECT e.article_id, count(*) AS n FROM events e{where} GROUP BY e.article_id) x"
           " LEFT JOIN articles la ON la.id = x.article_id GROUP BY code ORDER BY n DESC, code")
    try:
        counts = dict(store.db.execute(sql, params).fetchall())
        if store._has_excerpts():
            for code, n in _other_language_counts(store, rest):
                counts[code] = counts.get(code, 0) + n
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path}: {exc}") from exc
    return dict(sorted(counts.items(), key=lambda p: (-p[1], p[0])))


def _other_language_counts(store: Store, f: ViewFilter | None) -> list[tuple[str, int]]:
    """(code, events) of the languages `f` keeps events in besides their first report's: the few events
    with more than one report, found from the excerpts' index (with ``events.reports`` as the filters
    read it: filtering.OTHER_LANGUAGES_SQL), their countries tested one event at a time (not every event
    of the countries listed first)."""
    where, params = store.where(f, correlated_countries=True)
    sql = (f"SELECT {REPORT_LANGUAGE_SQL} AS code, count(DISTINCT e.id) AS n FROM"
           " (SELECT event_id AS id FROM excerpts GROUP BY event_id HAVING count(*) > 1) m"
           " CROSS JOIN events e ON e.id = m.id JOIN excerpts xr ON xr.event_id = e.id"
           " LEFT JOIN articles ar ON ar.id = xr.article_id"
           f"{_and(where, f'e.reports > 1 AND {REPORT_LANGUAGE_SQL} != {LANGUAGE_SQL}')} GROUP BY code")
    return store.db.execute(sql, params).fetchall()


def language_articles(store: Store) -> dict[str, int]:
    """Articles per language (NO_LANGUAGE for none stored), most first, then by code: the articles
    table alone, quick enough to ask when a database opens."""
    try:
        return dict(store.db.execute(
            f"SELECT coalesce(nullif(language, ''), '{NO_LANGUAGE}') AS code, count(*) AS n FROM articles"
            " GROUP BY code ORDER BY n DESC, code").fetchall())
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path}: {exc}") from exc


def language_choices(store: Store) -> list[dict]:
    """Every language of the database: code (NO_LANGUAGE for articles with none stored), articles and
    events in it; most events first, then by code."""
    articles = language_articles(store)
    events = language_counts(store, None)
    codes = sorted(set(articles) | set(events), key=lambda c: (-events.get(c, 0), c))
    return [{"code": c, "articles": articles.get(c, 0), "events": events.get(c, 0)} for c in codes]


def article_choices(store: Store) -> list[dict]:
    """Every article, newest first: id, title, source, url, published, events (how many)."""
    sql = ("SELECT a.id, a.title, a.source, a.url, a.published,"
           " (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events"
           " FROM articles a ORDER BY a.published IS NULL, a.published DESC, a.title, a.id")
    try:
        return [dict(r) for r in store.db.query(sql)]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path}: {exc}") from exc


def check_readable(store: Store) -> None:
    """Touch every table the window reads so a corrupt file fails at open, not mid-paint."""
    try:
        for table in ("articles", "events", "event_countries"):
            store.db.execute(f"SELECT count(*) FROM {table}").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path}: the database is damaged or unreadable: {exc}") from exc


def lane_order(store: Store) -> list[str]:
    """Country codes in the timeline's lane order (dated events per code, most first), so the
    window can give each country the same colour as its lane."""
    try:
        rows = store.db.execute(
            "SELECT code, count(*) FROM event_countries WHERE t0 IS NOT NULL GROUP BY code"
            " ORDER BY count(*) DESC, code").fetchall()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path}: {exc}") from exc
    return [r[0] for r in rows]


def tags_in_use(store: Store) -> list[str]:
    """The tags the analyst gave events, each once (spellings that differ only in case are one tag, as
    filters compare them: the most used spelling), most used first, then alphabetically; [] in a
    database without annotations."""
    from viewer.store.filtering import fold
    try:
        if store.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'annotations'"
                            ).fetchone() is None:
            return []
        rows = store.db.execute(
            "SELECT trim(t.value), count(*) FROM annotations a,"
            " json_each(CASE WHEN json_valid(a.tags) THEN a.tags END) t"
            " WHERE a.event_id IS NOT NULL AND t.type = 'text' AND trim(t.value) != ''"
            " GROUP BY trim(t.value)").fetchall()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path}: {exc}") from exc
    counts: dict[str, int] = {}
    spelling: dict[str, tuple[int, str]] = {}
    for tag, n in rows:
        key = fold(tag)
        counts[key] = counts.get(key, 0) + n
        if key not in spelling or (n, tag) > spelling[key]:
            spelling[key] = (n, tag)
    return [spelling[k][1] for k in sorted(counts, key=lambda k: (-counts[k], k))]


def search_ids(source, words: str):
    """Sorted ids of the events the search words find: in their title, sentence and reports
    (`eventset.search_ids`, whose SearchError says words cannot be searched), and in the analyst's notes
    and tags (`filtering.note_search_ids`): what `Store.where` finds for the same words."""
    import numpy as np

    from viewer.store import eventset
    from viewer.store.arrays import connection
    from viewer.store.filtering import note_search_ids
    found = eventset.search_ids(source, words)
    noted = note_search_ids(connection(source), words)
    return np.union1d(found, noted) if len(noted) else found
