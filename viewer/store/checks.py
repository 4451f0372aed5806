"""The date warnings kept per event (schema version 8): ``events.checks``, bit flags (viewer.model's
CHECK_AFTER_PUBLICATION, CHECK_WEEKDAY, CHECK_REPORTS_DISAGREE); NULL or 0 for none.

What makes a warning is decided by the event builder's rules (viewer.checks), which the store may not
import: the store only reads the rows those rules need and writes what they decided (`refresh`, given the
rules). Which events are still to be checked is kept without touching the others' rows:

* ``checks_state``: the highest event id up to which every event was checked (``checked_up_to``). Events
  written later (ingest, the bulk writer) are above it; a writer that may reuse an id lowers it
  (`lower_mark`).
* ``checks_pending``: the ids of events checked before whose date, reports or article's publication
  date changed since (`invalidate`, which also clears their flags).

Most events cannot raise a warning whatever their sentence says, so only a few come to Python: those whose
time expression names another weekday than their date's, those dated after their article's publication and
those whose reports do not all overlap (`candidates`).
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable

WARNED_INDEX = "idx_events_checks_warned"
MARK = "checked_up_to"
# the tables and column version 8 adds (checked on open, as the store's EXPECTED_COLUMNS)
EXPECTED_EVENT_COLUMNS = {"checks"}
EXPECTED_COLUMNS = {"checks_state": {"name", "value"}, "checks_pending": {"event_id"}}
# the full-text index's update trigger: writing the flags of events must not rewrite their text's index
_UPDATE_TRIGGER = "events_au"
_BATCH = 50_000     # ids per statement


def add_checks_v8(db) -> None:
    """Version 8: each event's date warnings (``checks``), every event still to check (the mark at 0); an
    index of the events with a warning (small), so that neither the filter nor loading them reads every
    event."""
    db.execute("ALTER TABLE events ADD COLUMN checks INTEGER")
    db.execute(f"CREATE INDEX {WARNED_INDEX} ON events(id, checks) WHERE checks != 0")
    db.execute("CREATE TABLE checks_state (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")
    db.execute("INSERT INTO checks_state (name, value) VALUES (?, 0)", [MARK])
    db.execute("CREATE TABLE checks_pending (event_id INTEGER PRIMARY KEY)")


def has_checks(conn) -> bool:
    """Whether the database keeps date warnings (a file older than version 8 opened read-only does not)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'checks_state'"
                        ).fetchone() is not None


def checked_up_to(conn) -> int:
    row = conn.execute("SELECT value FROM checks_state WHERE name = ?", [MARK]).fetchone()
    return int(row[0]) if row else 0


def lower_mark(conn, top: int) -> None:
    """Events above id `top` are about to be written (inside the caller's transaction): they are to be
    checked, even where an id is reused (the events above `top` were deleted)."""
    if has_checks(conn):
        conn.execute("UPDATE checks_state SET value = ? WHERE name = ? AND value > ?", [int(top), MARK, int(top)])


def _chunks(ids) -> Iterable[str]:
    ids = sorted({int(i) for i in ids})
    for k in range(0, len(ids), _BATCH):
        yield json.dumps(ids[k:k + _BATCH])


def invalidate(conn, ids=None, *, article_id: str | None = None) -> None:
    """Mark events to be checked again, their warnings cleared meanwhile (inside the caller's transaction):
    these ids; with `article_id`, also every event of that article or reported by it (its publication
    date changed). Nothing in a database without the date warnings."""
    if not has_checks(conn):
        return
    ids = {int(i) for i in ids or ()}
    if article_id is not None:
        ids |= article_events(conn, article_id)
    for chunk in _chunks(ids):
        conn.execute("INSERT OR IGNORE INTO checks_pending (event_id) SELECT value FROM json_each(?)", [chunk])
        conn.execute("UPDATE events SET checks = NULL WHERE checks != 0 AND id IN"
                     " (SELECT value FROM json_each(?))", [chunk])


def article_events(conn, article_id: str) -> set[int]:
    """The ids of the events of an article or reported by it (whose warnings its publication date decides);
    none in a database without date warnings."""
    if not has_checks(conn):
        return set()
    return {r[0] for r in conn.execute("SELECT id FROM events WHERE article_id = ? UNION"
                                       " SELECT event_id FROM excerpts WHERE article_id = ?"
                                       " AND event_id IS NOT NULL", [article_id, article_id])}


def pending_count(conn) -> int:
    """How many events are still to be checked."""
    if not has_checks(conn):
        return 0
    mark = checked_up_to(conn)
    above, = conn.execute("SELECT count(*) FROM events WHERE id > ?", [mark]).fetchone()
    # CROSS JOIN keeps checks_pending (a few rows) outside: left to itself the planner walks every event
    again, = conn.execute("SELECT count(*) FROM checks_pending p CROSS JOIN events e ON e.id = p.event_id"
                          " WHERE p.event_id <= ?", [mark]).fetchone()
    return above + again


def has_pending(conn) -> bool:
    """Whether any event is still to be checked: what an edit asks, in a few index lookups however many
    events are waiting (counting them would read them all)."""
    if not has_checks(conn):
        return False
    mark = checked_up_to(conn)
    row = conn.execute("SELECT EXISTS (SELECT 1 FROM events WHERE id > ?) OR EXISTS (SELECT 1 FROM checks_pending"
                       " p CROSS JOIN events e ON e.id = p.event_id WHERE p.event_id <= ?)", [mark, mark]).fetchone()
    return bool(row[0])


def candidates(conn, weekday_of: Callable[[str], int | None], *, above: int | None = None,
               ids: str | None = None) -> list[dict]:
    """Of the events with an id above `above`, or of the ids of the JSON list `ids`, those that could raise
    a warning, each found in SQL (or kept when SQL cannot tell: the rules decide):

    * a time expression naming a weekday (`weekday_of`: Monday 0 … Sunday 6, None) that is not the weekday
      of the day its date begins;
    * dated after its article's publication, not by its report (both read as ISO days and compared as
      strings);
    * several reports whose dates do not all overlap (of intervals, some two do not overlap when the latest
      start is after the earliest end).

    Each row: id, time_text, earliest, latest, granularity, sentence (only when ``after``, else None), dating,
    published, language, reports, ``after`` (whether it may be dated after the publication) and
    ``report_dates``: (earliest, latest) of each report after the event's own."""
    scope, params = (("e.id > ?", [int(above)]) if ids is None
                     else ("e.id IN (SELECT value FROM json_each(?))", [ids]))
    texts = []
    for text, in conn.execute(f"SELECT DISTINCT e.time_text FROM events e WHERE {scope}"
                              " AND coalesce(e.time_text, '') != ''", params):
        day = weekday_of(text)
        if day is not None:
            texts.append((text, day))
    after = ("(coalesce(e.dating, 'written') != 'reported' AND a.published IS NOT NULL AND e.earliest IS NOT NULL"
             " AND (substr(e.earliest, 1, 10) > substr(a.published, 1, 10) OR substr(e.earliest, 5, 1) != '-'"
             " OR substr(a.published, 5, 1) != '-'))")
    apart = ("(e.reports > 1 AND (SELECT max(s) > min(t) FROM (SELECT substr(earliest, 1, 10) AS s,"
             " substr(latest, 1, 10) AS t FROM excerpts WHERE event_id = e.id"
             " UNION ALL SELECT substr(e.earliest, 1, 10), substr(e.latest, 1, 10))))")
    named = ""
    if texts:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS checks_weekday_texts (text TEXT PRIMARY KEY, day INTEGER)")
        conn.execute("DELETE FROM temp.checks_weekday_texts")
        conn.executemany("INSERT OR IGNORE INTO temp.checks_weekday_texts VALUES (?, ?)", texts)
        named = (" OR EXISTS (SELECT 1 FROM temp.checks_weekday_texts w WHERE w.text = e.time_text AND"
                 " CAST(strftime('%w', substr(trim(e.earliest), 1, 10)) AS INTEGER) IS NOT (w.day + 1) % 7)")
    rows = conn.execute(
        f"SELECT e.id, e.time_text, e.earliest, e.latest, e.granularity, CASE WHEN {after} THEN e.sentence END,"
        f" e.dating, a.published, nullif(a.language, ''), e.reports, {after}, e.article_id, e.sentence_start,"
        f" {apart} FROM events e LEFT JOIN articles a ON a.id = e.article_id WHERE {scope}"
        f" AND ({after} OR {apart}{named})", params).fetchall()
    keys = ("id", "time_text", "earliest", "latest", "granularity", "sentence", "dating", "published",
            "language", "reports", "after")
    out = [dict(zip(keys, r), report_dates=[]) for r in rows]
    several = {r[0]: (i, r[11], r[12]) for i, r in enumerate(rows) if r[13]}
    for chunk in _chunks(several):
        for event_id, article_id, start, earliest, latest in conn.execute(
                "SELECT event_id, article_id, sentence_start, earliest, latest FROM excerpts"
                " WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY id", [chunk]):
            i, own_article, own_start = several[event_id]
            if not (article_id == own_article and start == own_start):    # not the event's own report
                out[i]["report_dates"].append((earliest, latest))
    return out


def _write(conn, flags: dict[int, int], clear: str, params: list) -> None:
    """Clear the flags of the events checked (`clear`: a condition on ``id``), then set `flags`."""
    conn.execute(f"UPDATE events INDEXED BY {WARNED_INDEX} SET checks = NULL WHERE checks != 0 AND {clear}", params)
    conn.executemany("UPDATE events SET checks = ? WHERE id = ?",
                     [(int(v), int(k)) for k, v in sorted(flags.items()) if v])


def refresh(store, flags_of: Callable[[dict], int], weekday_of: Callable[[str], int | None], ids=None) -> int:
    """Work out the warnings of the events still to check (or of these ids), in one transaction:
    `flags_of` gives a candidate row's flags (see `candidates`), `weekday_of` the weekday a time expression
    names. Returns how many of them have a warning; 0, writing nothing, for a store
    opened read-only or a database without date warnings."""
    if store.readonly or not has_checks(store.db.conn):
        return 0
    found = 0
    with store._transaction() as conn:
        trigger = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                               [_UPDATE_TRIGGER]).fetchone()
        if trigger is not None:
            conn.execute(f'DROP TRIGGER "{_UPDATE_TRIGGER}"')

        def check(rows, clear, params):
            flags = {row["id"]: flags_of(row) for row in rows}
            _write(conn, flags, clear, params)
            return sum(1 for v in flags.values() if v)

        if ids is None:
            mark = checked_up_to(conn)
            top, = conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()
            if top > mark:
                found += check(candidates(conn, weekday_of, above=mark), "id > ?", [mark])
            conn.execute("UPDATE checks_state SET value = ? WHERE name = ?", [top, MARK])
            ids = [r[0] for r in conn.execute("SELECT event_id FROM checks_pending WHERE event_id <= ?", [mark])]
            conn.execute("DELETE FROM checks_pending WHERE event_id > ?", [mark])     # checked above
        for chunk in _chunks(ids):
            found += check(candidates(conn, weekday_of, ids=chunk), "id IN (SELECT value FROM json_each(?))",
                           [chunk])
            conn.execute("DELETE FROM checks_pending WHERE event_id IN (SELECT value FROM json_each(?))", [chunk])
        if trigger is not None:
            conn.execute(trigger[0])
    return found
