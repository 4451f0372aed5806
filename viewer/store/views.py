"""Saved views: a named set of filters, a visible time range and a selected event, kept in the database
(table ``saved_views``, schema version 7) so that whoever opens the file finds them.

A view's filter is stored as JSON (`filter_json`, `filter_from_json`): every field of `ViewFilter` by name,
sets as sorted lists; a field this version does not know is ignored when read back, and a field missing
takes its default, so a view saved by a later or an earlier version still opens.
"""
from __future__ import annotations

import getpass
import json
from dataclasses import dataclass, fields
from datetime import datetime, timezone

import sqlite_utils

from viewer.model import ViewFilter
from viewer.store.errors import StoreError, StoreInputError

MAX_NAME = 200       # characters of a view's name

# the table version 7 adds (checked on open, as the store's EXPECTED_COLUMNS)
EXPECTED_COLUMNS = {
    "saved_views": {"name", "filter", "t0", "t1", "selected", "user", "created", "updated"},
}

_SETS = {"countries", "languages", "dating", "tags", "review"}
_FLAGS = {"starred", "has_note", "show_rejected", "checks"}
_TEXTS = {"date_from", "date_to", "search", "max_granularity", "article_id"}


def add_saved_views_v7(db: sqlite_utils.Database) -> None:
    """Version 7: the saved views. A name is unique without regard to case ("Kharkiv" and "kharkiv" are
    one view)."""
    db.execute("CREATE TABLE saved_views ("
               " name TEXT PRIMARY KEY COLLATE NOCASE,"
               " filter TEXT NOT NULL,"          # JSON: the ViewFilter's fields
               " t0 REAL, t1 REAL,"              # the visible range, the timeline's seconds (NULL: fit all)
               " selected INTEGER,"              # the selected event's id (NULL: none)
               " user TEXT,"                     # who saved it last (the OS user name)
               " created TEXT NOT NULL,"         # ISO 8601 UTC
               " updated TEXT NOT NULL)")


@dataclass(frozen=True)
class SavedView:
    name: str
    filter: ViewFilter
    visible_range: tuple[float, float] | None = None
    selected: int | None = None
    user: str | None = None
    created: str | None = None
    updated: str | None = None


def view_name(text) -> str:
    """A view's name as stored (white space collapsed); StoreInputError for an empty or too long one."""
    name = " ".join(str(text or "").split())
    if not name:
        raise StoreInputError("a saved view needs a name")
    if len(name) > MAX_NAME:
        raise StoreInputError(f"a saved view's name is at most {MAX_NAME} characters")
    return name


def filter_json(f: ViewFilter) -> str:
    """`f` as JSON: each field by name, sets as sorted lists."""
    out = {}
    for field in fields(ViewFilter):
        value = getattr(f, field.name)
        out[field.name] = sorted(value) if isinstance(value, (set, frozenset)) else value
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


def filter_from_json(text) -> ViewFilter:
    """A ViewFilter from `filter_json`'s JSON; what is missing, unknown or of the wrong type is left at its
    default."""
    try:
        data = json.loads(text or "{}")
    except (TypeError, ValueError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    kept = {}
    for name, value in data.items():
        if name in _SETS and isinstance(value, list):
            kept[name] = frozenset(v for v in value if isinstance(v, str))
        elif name in _FLAGS and isinstance(value, bool):
            kept[name] = value
        elif name in _TEXTS and isinstance(value, str) and value:
            kept[name] = value
    return ViewFilter(**kept)


def _has_table(store) -> bool:
    return store._has_table("saved_views")


def can_save(store) -> bool:
    """Whether views can be saved in the store: opened for writing, and of version 7 or later."""
    return not store.readonly and _has_table(store)


def _row(row) -> SavedView:
    name, f, t0, t1, selected, user, created, updated = row
    rng = (float(t0), float(t1)) if t0 is not None and t1 is not None and t1 > t0 else None
    return SavedView(name, filter_from_json(f), rng, None if selected is None else int(selected), user,
                     created, updated)


_COLUMNS = "name, filter, t0, t1, selected, user, created, updated"


def views(store) -> list[SavedView]:
    """Every saved view, by name (without regard to case); none in a file from before version 7."""
    if not _has_table(store):
        return []
    with store._errors():
        rows = store.db.execute(f"SELECT {_COLUMNS} FROM saved_views ORDER BY name COLLATE NOCASE, name").fetchall()
    return [_row(r) for r in rows]


def view(store, name: str) -> SavedView | None:
    """The saved view of that name (without regard to case), None when there is none."""
    if not _has_table(store):
        return None
    with store._errors():
        row = store.db.execute(f"SELECT {_COLUMNS} FROM saved_views WHERE name = ?",
                               [" ".join(str(name).split())]).fetchone()
    return None if row is None else _row(row)


def save_view(store, name: str, f: ViewFilter, visible_range=None, selected: int | None = None, *,
              replace: bool = False, user: str | None = None) -> SavedView:
    """Save the view under `name`. A view of that name (without regard to case) is replaced when `replace`,
    else StoreError(kind="exists") and nothing changes. StoreError(kind="readonly") on a file opened
    read-only or one from before version 7 (it has no table for views)."""
    name = view_name(name)
    if store.readonly or not _has_table(store):
        raise StoreError(f"{store.path}: opened read-only; views cannot be saved in it", "readonly")
    t0 = t1 = None
    if visible_range is not None:
        t0, t1 = (float(x) for x in visible_range)
        if not t1 > t0:
            t0 = t1 = None
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    who = user if user is not None else _user()
    with store._transaction() as conn:
        old = conn.execute("SELECT name, created FROM saved_views WHERE name = ?", [name]).fetchone()
        if old is not None and not replace:
            raise StoreError(f"a view named “{old[0]}” is saved already", "exists")
        if old is not None:
            conn.execute("DELETE FROM saved_views WHERE name = ?", [name])
        conn.execute(f"INSERT INTO saved_views ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)",
                     [name, filter_json(f), t0, t1, selected, who, old[1] if old else now, now])
    return view(store, name)


def delete_view(store, name: str) -> bool:
    """Delete the saved view of that name; False when there is none."""
    if store.readonly or not _has_table(store):
        raise StoreError(f"{store.path}: opened read-only; nothing was changed", "readonly")
    with store._transaction() as conn:
        return conn.execute("DELETE FROM saved_views WHERE name = ?",
                            [" ".join(str(name).split())]).rowcount > 0


def _user() -> str | None:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return None


__all__ = ["SavedView", "add_saved_views_v7", "can_save", "delete_view", "filter_from_json", "filter_json", "save_view",
           "view", "view_name", "views"]
