"""Queries the main window needs beyond the Store's own: a page of the event table, where an
event sits in it, and the article list for the source filter.

SQL lives here (the store package) so the UI never speaks it. Every function takes a Store.
"""
from __future__ import annotations

import sqlite3

from viewer.model import ViewFilter
from viewer.store import EventRow, Store, StoreError, _event_row

_ORDER = "ORDER BY e.t0 IS NULL, e.t0, e.id"


def _where(store: Store, f: ViewFilter | None) -> tuple[str, list]:
    return store._where(f)  # the Store's own translation of a ViewFilter (one source of truth)


def events_page(store: Store, f: ViewFilter | None, offset: int, limit: int) -> list[EventRow]:
    """Rows offset..offset+limit of the filtered events, in timeline order."""
    where, params = _where(store, f)
    sql = f"SELECT e.* FROM events e{where} {_ORDER} LIMIT ? OFFSET ?"
    try:
        return [_event_row(r) for r in store.db.query(sql, [*params, int(limit), int(offset)])]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path}: {exc}") from exc


def event_position(store: Store, f: ViewFilter | None, event_id: int) -> int | None:
    """Index of an event among the filtered events (timeline order), None if filtered out."""
    try:
        row = store.db.execute("SELECT t0, id FROM events WHERE id = ?", [event_id]).fetchone()
        if row is None:
            return None
        t0, eid = row
        where, params = _where(store, f)
        inside = store.db.execute(f"SELECT 1 FROM events e{where}{' AND' if where else ' WHERE'} e.id = ?",
                                  [*params, event_id]).fetchone()
        if inside is None:
            return None
        if t0 is None:
            before = "(e.t0 IS NOT NULL OR e.id < ?)"
            extra = [eid]
        else:
            before = "(e.t0 IS NOT NULL AND (e.t0 < ? OR (e.t0 = ? AND e.id < ?)))"
            extra = [t0, t0, eid]
        sql = f"SELECT count(*) FROM events e{where}{' AND ' if where else ' WHERE '}{before}"
        return store.db.execute(sql, [*params, *extra]).fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.path}: {exc}") from exc


def article_choices(store: Store) -> list[tuple[str, str, int]]:
    """(article id, title or source, number of events) for every article, newest first."""
    sql = ("SELECT a.id, coalesce(nullif(a.title, ''), a.source, a.url, a.id) AS label,"
           " (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n"
           " FROM articles a ORDER BY a.published IS NULL, a.published DESC, label")
    try:
        return [(r[0], r[1] or r[0], r[2]) for r in store.db.execute(sql).fetchall()]
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
