"""The analyst's work beside the machine's output: corrections, review state, notes, tags and stars,
kept in their own tables so that they survive re-ingesting, migrating and re-tagging.

An edit names its event by a stable key (the article's content hash, the sentence and the time
expression), never by a row id alone, so that it can be found again after the events are rebuilt.

Edits are data. ``edits`` holds every change ever made, one row per field, with who made it, when, the
value before and after, and the machine's value of that field; an undone edit is marked, never deleted.
The effective value of a field is the ``new`` of its latest edit that is not undone, or the machine's
value when there is none: that one rule gives undo, redo, two writers (the later write wins, the earlier
one stays in the history) and re-tagging (the machine's values are rebuilt, the edits applied again).
The events table carries the effective values (what the timeline, the search and the filters read);
``annotations`` holds the effective review state, star, note and tags of each key, and the machine's
values of the fields the analyst corrected (for audits and to notice a newer tagger changing them).

Every public function that writes does it in one transaction: a kill loses at most that edit.
"""
from __future__ import annotations

import getpass
import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from types import SimpleNamespace
from typing import Iterator

import sqlite_utils

from viewer.merging import merged_date
from viewer.model import PUBLISHED_GIVEN
from viewer.store import checks as date_checks
from viewer.store.errors import StoreError, StoreInputError
from viewer.store.values import interval_seconds

REVIEW_STATES = ("unreviewed", "confirmed", "corrected", "rejected")
CORRECTIONS = ("date", "countries", "title")            # any change of these sets review to corrected
ANNOTATION_FIELDS = ("review", "reason", "starred", "note", "tags")
FIELDS = CORRECTIONS + ANNOTATION_FIELDS
PUBLISHED = "published"           # an article's publication date set by hand (history only; not undone)
ADDED = "added"     # an event the analyst added by hand: its report, kept in the edit's `new` (undone: removed)
SET_BY_HAND = "set by hand"
LEFT_BEHIND = 2       # edits.undone: undone, then a new edit was made: it can no longer be redone
NOT_AN_EVENT = "not an event"
# The columns that say what an event's date is (as in `events` and `excerpts`).
DATE_COLUMNS = ("type", "value", "earliest", "latest", "granularity", "mod", "reasoning", "anchor")
_DEFAULTS = {"review": "unreviewed", "reason": None, "starred": False, "note": None, "tags": []}
# Full-text triggers dropped while the events are rebuilt (the indexes are rebuilt once instead).
_FTS_TRIGGERS = ("events_ai", "events_ad", "events_au", "excerpts_ai", "excerpts_ad", "excerpts_au")


def add_curation_v6(db: sqlite_utils.Database) -> None:
    """Version 6: the analyst's edits, one row per change of one field, with who made it, when, the value
    before and after, and the machine's value it replaced; and the current annotations of each event
    (review state, star, note, tags, the machine's values of corrected fields, a flag for review)."""
    db["edits"].create({
        "id": int, "batch": int, "event_key": str, "event_id": int, "field": str, "machine": str,
        "old": str, "new": str, "user": str, "at": str, "undone": int,
    }, pk="id", not_null={"batch", "event_key", "field", "at", "undone"}, defaults={"undone": 0})
    db["edits"].create_index(["event_key", "field"])
    db["edits"].create_index(["batch"])
    db["annotations"].create({
        "event_key": str, "event_id": int, "review": str, "reason": str, "starred": int, "note": str,
        "tags": str, "machine": str, "flag": str, "sentence": str, "time_text": str, "updated": str,
    }, pk="event_key", not_null={"review", "starred"}, defaults={"review": "unreviewed", "starred": 0})
    db["annotations"].create_index(["event_id"])
    db["annotations"].create_index(["review"])


# The tables and columns version 6 adds (checked on open, as the store's EXPECTED_COLUMNS).
EXPECTED_COLUMNS = {
    "edits": {"id", "batch", "event_key", "event_id", "field", "machine", "old", "new", "user", "at",
              "undone"},
    "annotations": {"event_key", "event_id", "review", "reason", "starred", "note", "tags", "machine",
                    "flag", "sentence", "time_text", "updated"},
}


# -- keys ----------------------------------------------------------------------------------------

def _normal(text) -> str:
    return " ".join(str(text or "").split())


def event_key(article_id: str, sentence: str | None, time_text: str | None) -> str:
    """The stable key of an event (of its first report): ``<article id>/<16 hex digits>``, the digits a
    SHA-256 of the sentence and the time expression with whitespace collapsed. The article id is the
    hash of the article's text, so the key is the same whenever the same article yields the same
    sentence and expression, whatever row ids the events get."""
    digest = hashlib.sha256(f"{_normal(sentence)}\x1f{_normal(time_text)}".encode("utf-8", "replace"))
    return f"{article_id}/{digest.hexdigest()[:16]}"


def article_keys(article_id: str, reports) -> list[str]:
    """The keys of an article's reports, given as (sentence, time_text, sentence_start, time_start) in
    any order: each report's event_key, with ``.2``, ``.3`` ... appended to the second, third ... report
    with the same sentence and expression, counted in the order they stand in the text (two events of one
    sentence with the same expression never share a key)."""
    reports = list(reports)
    order = sorted(range(len(reports)), key=lambda i: (reports[i][2] or 0,
                                                       -1 if reports[i][3] is None else reports[i][3]))
    seen: dict[str, int] = {}
    keys = [""] * len(reports)
    for i in order:
        base = event_key(article_id, reports[i][0], reports[i][1])
        seen[base] = n = seen.get(base, 0) + 1
        keys[i] = base if n == 1 else f"{base}.{n}"
    return keys


def article_of(key: str) -> str:
    return key.split("/", 1)[0]


def _report_keys(conn, article_id: str, schema: str = "main") -> list[tuple[int, str, bool]]:
    """(event id, key, whether it is the event's own report) of each report of an article."""
    rows = conn.execute(
        f"SELECT x.event_id, x.sentence, x.time_text, x.sentence_start, x.time_start,"
        f" x.id = (SELECT min(y.id) FROM {schema}.excerpts y WHERE y.event_id = x.event_id)"
        f" FROM {schema}.excerpts x WHERE x.article_id = ? ORDER BY x.id", [article_id]).fetchall()
    return [(r[0], k, bool(r[5])) for r, k in zip(rows, article_keys(article_id, [r[1:5] for r in rows]))]


def _own_key(conn, row: dict) -> str:
    """The key of an event's own (first) report."""
    found = [k for eid, k, first in _report_keys(conn, row["article_id"]) if first and eid == row["id"]]
    return found[0] if found else event_key(row["article_id"], row["sentence"], row["time_text"])


def _own_keys(conn, schema: str) -> Iterator[tuple[int, str]]:
    """(event id, key of its own report) of every event of a database, article by article."""
    for (article_id,) in conn.execute(f"SELECT DISTINCT article_id FROM {schema}.events").fetchall():
        for event_id, key, first in _report_keys(conn, article_id, schema):
            if first:
                yield event_id, key


# -- reading -------------------------------------------------------------------------------------

def _has_tables(store) -> bool:
    return store._has_table("annotations") and store._has_table("edits")


def _loads(text, default=None):
    if text is None:
        return default
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return default


def _annotation_dict(row) -> dict:
    """(event_key, event_id, review, reason, starred, note, tags, machine, flag, sentence, time_text,
    updated) -> dict."""
    return {"key": row[0], "event_id": row[1], "review": row[2] or "unreviewed", "reason": row[3],
            "starred": bool(row[4]), "note": row[5], "tags": _loads(row[6], []) or [],
            "machine": _loads(row[7], {}) or {}, "flag": row[8], "sentence": row[9], "time_text": row[10],
            "updated": row[11]}


_ANNOTATION_SQL = ("SELECT event_key, event_id, review, reason, starred, note, tags, machine, flag, sentence,"
                   " time_text, updated FROM annotations")


def annotation(store, event_id: int) -> dict:
    """The analyst's annotation of an event: review, reason (why rejected), starred, note, tags, machine
    (the machine's values of the fields corrected by hand), flag (what a re-tag found changed under a
    correction), key. Defaults for an event nobody touched."""
    with store._errors():
        row = None
        if _has_tables(store):
            row = store.db.execute(_ANNOTATION_SQL + " WHERE event_id = ? ORDER BY updated DESC LIMIT 1",
                                   [event_id]).fetchone()
        if row is None:
            ev = _row(store.db.conn, event_id)
            key = None if ev is None else _own_key(store.db.conn, ev) if store._has_excerpts() else \
                event_key(ev["article_id"], ev["sentence"], ev["time_text"])
            return {"key": key, "event_id": event_id, **default_annotation(), "sentence": None,
                    "time_text": None, "updated": None}
    return _annotation_dict(row)


def annotations(store) -> dict[int, dict]:
    """Every annotated event's annotation, by event id (events nobody touched are absent: defaults)."""
    if not _has_tables(store):
        return {}
    with store._errors():
        rows = store.db.execute(_ANNOTATION_SQL + " WHERE event_id IS NOT NULL").fetchall()
    return {row[1]: _annotation_dict(row) for row in rows}


def starred_ids(store) -> frozenset[int]:
    """The ids of the starred events (none in a database from before annotations)."""
    if not _has_tables(store):
        return frozenset()
    with store._errors():
        rows = store.db.execute("SELECT event_id FROM annotations WHERE event_id IS NOT NULL AND starred").fetchall()
    return frozenset(int(r[0]) for r in rows)


def default_annotation() -> dict:
    return {**_DEFAULTS, "tags": [], "machine": {}, "flag": None}


def selected_ids(store, *, reviewed: bool = False, starred: bool = False, tags=()) -> set[int] | None:
    """The analyst's filters as the ids they keep: reviewed (confirmed, corrected or rejected), starred,
    carrying every one of ``tags`` (compared without case). None when no filter is asked for. (Whether
    rejected events are shown is the caller's: see viewer.export.records.)"""
    if not (reviewed or starred or tags):
        return None
    wanted = {" ".join(t.split()).casefold() for t in tags}
    return {i for i, a in annotations(store).items()
            if (not reviewed or a["review"] != "unreviewed") and (not starred or a["starred"])
            and wanted <= {t.casefold() for t in a["tags"]}}


def history(store, event_id: int | None = None, *, limit: int | None = None) -> list[dict]:
    """The edits, newest first (of one event when ``event_id`` is given, found by its key): id, batch,
    key, event_id, field, machine, old, new, user, at, undone."""
    if not _has_tables(store):
        return []
    sql = ("SELECT id, batch, event_key, event_id, field, machine, old, new, user, at, undone FROM edits")
    params: list = []
    if event_id is not None:
        key = annotation(store, event_id)["key"]
        sql += " WHERE event_key = ?"
        params.append(key)
    sql += " ORDER BY id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    with store._errors():
        rows = store.db.execute(sql, params).fetchall()
    return [{"id": r[0], "batch": r[1], "key": r[2], "event_id": r[3], "field": r[4],
             "machine": _loads(r[5]), "old": _loads(r[6]), "new": _loads(r[7]), "user": r[8], "at": r[9],
             "undone": bool(r[10])} for r in rows]


def orphans(store) -> list[dict]:
    """Annotations whose event can no longer be found (its sentence or expression changed under a
    re-tag) and that still say something (an edit not undone): the key, what the analyst had set, and
    the edits in effect, for the analyst to redo. Never dropped."""
    if not _has_tables(store):
        return []
    with store._errors():
        rows = store.db.execute(_ANNOTATION_SQL + " WHERE event_id IS NULL ORDER BY event_key").fetchall()
        away = _merged_away(store.db.conn)
        out = []
        for row in rows:
            a = _annotation_dict(row)
            if a["key"] in away:        # merged into another event: not lost
                continue
            edits = store.db.execute(
                "SELECT field, new, old FROM edits WHERE event_key = ? AND undone = 0 ORDER BY id",
                [a["key"]]).fetchall()
            a["edits"] = [{"field": f, "new": _loads(n), "old": _loads(o)} for f, n, o in edits]
            if edits:
                out.append(a)
    return out


def flagged(store) -> list[dict]:
    """Annotations a re-tag flagged: the machine's value changed under a correction."""
    if not _has_tables(store):
        return []
    with store._errors():
        rows = store.db.execute(_ANNOTATION_SQL + " WHERE flag IS NOT NULL ORDER BY event_id").fetchall()
    return [_annotation_dict(r) for r in rows]


# -- the machine's values and the effective ones ----------------------------------------------------

def _row(conn, event_id: int) -> dict | None:
    cur = conn.execute("SELECT * FROM events WHERE id = ?", [event_id])
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cur.description], row))


def _value_of(row: dict, name: str):
    """An event row's value of a correctable field, as edits store it."""
    if name == "date":
        return {c: row.get(c) for c in DATE_COLUMNS}
    if name == "countries":
        return [c for c in (row.get("countries") or "").split(",") if c]
    return row.get("title") or ""


def _same_date(a: dict | None, b: dict | None) -> bool:
    keys = ("value", "earliest", "latest", "granularity")
    return all((a or {}).get(k) == (b or {}).get(k) for k in keys)


def _apply(conn, event_id: int, name: str, value) -> None:
    """Write an effective value of a correctable field into the event (its row, its first report, its
    countries)."""
    first = ("(SELECT min(id) FROM excerpts WHERE event_id = ?)")
    if name == "date":
        d = {c: value.get(c) for c in DATE_COLUMNS}
        t0 = t1 = None
        if d["earliest"] and d["latest"]:
            t0, t1 = interval_seconds(d["earliest"], d["latest"], d["granularity"])
        sets = ", ".join(f"{c} = ?" for c in DATE_COLUMNS)
        conn.execute(f"UPDATE events SET {sets}, t0 = ?, t1 = ? WHERE id = ?",
                     [*d.values(), t0, t1, event_id])
        conn.execute(f"UPDATE excerpts SET {sets} WHERE id = {first}", [*d.values(), event_id])
        conn.execute("UPDATE event_countries SET t0 = ?, t1 = ? WHERE event_id = ?", [t0, t1, event_id])
        date_checks.invalidate(conn, [event_id])        # its date warnings are worked out again
    elif name == "countries":
        codes = list(dict.fromkeys(value))
        conn.execute("UPDATE events SET countries = ? WHERE id = ?", [",".join(codes), event_id])
        conn.execute(f"UPDATE excerpts SET countries = ? WHERE id = {first}", [",".join(codes), event_id])
        conn.execute("DELETE FROM event_countries WHERE event_id = ?", [event_id])
        conn.executemany("INSERT INTO event_countries (event_id, code, t0, t1)"
                         " SELECT id, ?, t0, t1 FROM events WHERE id = ?", [(c, event_id) for c in codes])
    elif name == "title":
        conn.execute("UPDATE events SET title = ? WHERE id = ?", [value, event_id])


def _key_of(conn, row: dict) -> str:
    """The key an event's edits are kept under: its annotation's (a re-tag may have found it under an
    older key that it keeps using), else its own."""
    found = conn.execute("SELECT event_key FROM annotations WHERE event_id = ? ORDER BY updated DESC LIMIT 1",
                         [row["id"]]).fetchone()
    return found[0] if found else _own_key(conn, row)


def _stored_annotation(conn, key: str) -> dict:
    row = conn.execute(_ANNOTATION_SQL + " WHERE event_key = ?", [key]).fetchone()
    if row is None:
        return {"key": key, "event_id": None, **default_annotation(), "sentence": None, "time_text": None,
                "updated": None}
    return _annotation_dict(row)


def _latest(conn, key: str, name: str):
    """(found, value): the new value of the latest edit of a field that is not undone."""
    row = conn.execute("SELECT new FROM edits WHERE event_key = ? AND field = ? AND undone = 0"
                       " ORDER BY id DESC LIMIT 1", [key, name]).fetchone()
    return (False, None) if row is None else (True, _loads(row[0]))


def _refresh(conn, key: str, event_id: int | None, names, now: str, ann: dict | None = None,
             flag: str | None = ...) -> dict:
    """Make the event and its annotation say what the edits of ``names`` say (latest not undone wins;
    the machine's value where none is left), and store the annotation."""
    ann = ann if ann is not None else _stored_annotation(conn, key)
    if ADDED in names:                  # an event added by hand: there (the add in effect) or not
        found, value = _latest(conn, key, ADDED)
        event_id = _put_hand_event(conn, key, value, event_id) if found else _drop_hand_event(conn, event_id)
        ann["event_id"] = event_id
        names = [n for n in names if n != ADDED]
    names = [n for n in names if n not in STRUCTURE]     # (reports moved by the caller)
    machine = dict(ann["machine"])
    row = _row(conn, event_id) if event_id is not None else None
    for name in names:
        found, value = _latest(conn, key, name)
        if name in CORRECTIONS:
            if row is None:
                continue
            if found:
                machine.setdefault(name, _value_of(row, name))
                _apply(conn, event_id, name, value)
            elif name in machine:                       # back to what the machine read
                _apply(conn, event_id, name, machine.pop(name))
        else:
            ann[name] = value if found else (list(_DEFAULTS[name]) if name == "tags" else _DEFAULTS[name])
    if flag is not ...:
        ann["flag"] = flag
    if row is not None:            # what the event says, to find it again if its key is lost
        ann["sentence"], ann["time_text"] = row["sentence"], row["time_text"]
    conn.execute(
        "INSERT OR REPLACE INTO annotations (event_key, event_id, review, reason, starred, note, tags,"
        " machine, flag, sentence, time_text, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [key, event_id, ann["review"], ann["reason"], int(bool(ann["starred"])), ann["note"],
         json.dumps(ann["tags"], ensure_ascii=False) if ann["tags"] else None,
         json.dumps(machine, ensure_ascii=False) if machine else None, ann["flag"], ann.get("sentence"),
         ann.get("time_text"), now])
    ann["machine"] = machine
    return ann


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:       # no user name in the environment nor in the password database
        return "unknown"


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False)


# -- events added by hand ------------------------------------------------------------------------------

# The columns of a report (an excerpt, and the event it is the first report of) an added event stores.
HAND_COLUMNS = ("article_id", "sentence_start", "sentence_end", "sentence", "time_start", "time_end",
                "time_text", *DATE_COLUMNS, "countries", "mentions", "dating")


def _drop_event(conn, event_id: int | None) -> None:
    """Remove an event with its reports and country rows (an added event whose add is undone)."""
    if event_id is not None:
        for table, column in (("event_countries", "event_id"), ("excerpts", "event_id"), ("events", "id")):
            conn.execute(f"DELETE FROM {table} WHERE {column} = ?", [event_id])
    return None


def _drop_hand_event(conn, event_id: int | None) -> None:
    """Remove an event added by hand (its add undone). Reports of other articles that joined it since
    (an ingest merged them into it) are not the analyst's to take away: they become an event of their
    own, the first of them its own report."""
    if event_id is None:
        return None
    first = _first_report(conn, event_id)
    others = [r[0] for r in conn.execute("SELECT id FROM excerpts WHERE event_id = ? AND id != ? ORDER BY id",
                                         [event_id, first])]
    if others:
        sentence = conn.execute("SELECT sentence FROM excerpts WHERE id = ?", [others[0]]).fetchone()[0]
        new = _new_event(conn, others[0], None, title_text(_first_words(sentence or "")))
        conn.execute(f"UPDATE excerpts SET event_id = ? WHERE id IN ({','.join('?' * len(others))})",
                     [new, *others])
        _recount(conn, new)
    return _drop_event(conn, event_id)


def _put_hand_event(conn, key: str, spec: dict, event_id: int | None) -> int:
    """Make sure the event an analyst added (``spec``: HAND_COLUMNS, title, id) is stored: under its
    id when that is free (else a new one above every id), with its first report and its country rows.
    Returns its id; the edits and the annotation of ``key`` follow it."""
    if event_id is not None and _row(conn, event_id) is not None:
        return event_id
    wanted = spec.get("id") or event_id
    top = conn.execute("SELECT max(m) FROM (SELECT max(id) AS m FROM events UNION ALL"
                       " SELECT max(event_id) FROM edits)").fetchone()[0] or 0
    if wanted is None or conn.execute("SELECT 1 FROM events WHERE id = ?", [wanted]).fetchone():
        wanted = top + 1
    d = {c: spec.get(c) for c in HAND_COLUMNS}
    t0 = t1 = None
    if d["earliest"] and d["latest"]:
        t0, t1 = interval_seconds(d["earliest"], d["latest"], d["granularity"])
    ev_cols = set(_columns(conn, "main", "events"))
    row = {**d, "id": wanted, "t0": t0, "t1": t1, "title": spec.get("title") or "", "reports": 1}
    cols = [c for c in row if c in ev_cols]
    conn.execute(f"INSERT INTO events ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                 [row[c] for c in cols])
    x_cols = [c for c in HAND_COLUMNS if c in set(_columns(conn, "main", "excerpts"))]
    conn.execute(f"INSERT INTO excerpts (event_id, {', '.join(x_cols)}) VALUES (?{', ?' * len(x_cols)})",
                 [wanted, *(d[c] for c in x_cols)])
    codes = [c for c in (d["countries"] or "").split(",") if c]
    conn.executemany("INSERT OR IGNORE INTO event_countries (event_id, code, t0, t1) VALUES (?,?,?,?)",
                     [(wanted, c, t0, t1) for c in codes])
    conn.executemany("INSERT OR IGNORE INTO article_countries (article_id, code) VALUES (?, ?)",
                     [(d["article_id"], c) for c in codes])
    conn.execute("UPDATE edits SET event_id = ? WHERE event_key = ?", [wanted, key])
    conn.execute("UPDATE annotations SET event_id = ? WHERE event_key = ?", [wanted, key])
    date_checks.invalidate(conn, [wanted])
    return wanted


def hand_keys(store, article_id: str | None = None) -> dict[str, int | None]:
    """The keys of the events added by hand that are in effect (their add not undone), with their event
    ids; of one article when ``article_id`` is given."""
    if not _has_tables(store):
        return {}
    with store._errors():
        return _hand_keys(store.db.conn, article_id)


def _hand_keys(conn, article_id: str | None = None, schema: str = "main") -> dict[str, int | None]:
    rows = conn.execute(
        f"SELECT e.event_key, e.event_id FROM {schema}.edits e WHERE e.field = ? AND e.undone = 0"
        f" AND e.id = (SELECT max(id) FROM {schema}.edits x WHERE x.event_key = e.event_key AND x.field = ?"
        " AND x.undone = 0)", [ADDED, ADDED]).fetchall()
    return {k: eid for k, eid in rows if article_id is None or article_of(k) == article_id}


def add_event(store, report: dict, *, title: str, user: str | None = None) -> EditResult:
    """An event the analyst adds by hand, in one transaction: ``report`` gives HAND_COLUMNS (the article,
    the selected words as its sentence with their offsets, the date's columns, the time expression's
    words and offsets when the date was read in them, countries joined by commas, mentions as JSON).
    It is stored as an event with its report, and as an edit (field "added", the report in ``new``) so
    that undo removes it, redo puts it back, and a re-tag, which rebuilds the machine's events, stores
    it again with the same id. Confirmed by whoever added it. Raises StoreInputError, changing nothing,
    for an article that does not exist, words outside its text, a date without bounds, or an event the
    article already has (the same words and time expression: edit that one)."""
    d = {c: report.get(c) for c in HAND_COLUMNS}
    if not (d["earliest"] and d["latest"]):
        raise StoreInputError(f"{store.path}: an event added by hand needs a date; nothing was changed")
    try:
        interval_seconds(d["earliest"], d["latest"], d["granularity"])
    except (ValueError, OverflowError, TypeError) as exc:
        raise StoreInputError(f"{store.path}: not ISO bounds: {d['earliest']!r}..{d['latest']!r}") from exc
    title = title_text(title or d["sentence"] or "")
    user = user or current_user()
    now = _now()
    with store._transaction() as conn:
        art = conn.execute("SELECT text FROM articles WHERE id = ?", [d["article_id"]]).fetchone()
        if art is None:
            raise StoreInputError(f"{store.path}: no article {d['article_id']}")
        s0, s1 = d["sentence_start"], d["sentence_end"]
        if not (isinstance(s0, int) and isinstance(s1, int) and 0 <= s0 < s1 <= len(art[0] or "")) \
                or (art[0] or "")[s0:s1] != d["sentence"]:
            raise StoreInputError(f"{store.path}: the words are not those of article {d['article_id']} at "
                                  f"{s0}..{s1}; nothing was changed")
        existing = _report_keys(conn, d["article_id"])
        base = event_key(d["article_id"], d["sentence"], d["time_text"])
        same = [eid for eid, k, _ in existing if k == base]
        if same:
            raise StoreInputError(f"{store.path}: article {d['article_id']} already has this event "
                                  f"(event {same[0]}): edit it instead; nothing was changed")
        key = base
        conn.execute(f"UPDATE edits SET undone = {LEFT_BEHIND} WHERE undone = 1")
        spec = {**d, "title": title, "id": None}
        event_id = _put_hand_event(conn, key, spec, None)
        spec["id"] = event_id
        batch = _next_batch(conn)
        changes = [Change(ADDED, None, spec), Change("review", "unreviewed", "confirmed")]
        conn.executemany(
            "INSERT INTO edits (batch, event_key, event_id, field, machine, old, new, user, at, undone)"
            " VALUES (?,?,?,?,NULL,?,?,?,?,0)",
            [(batch, key, event_id, c.field, _dump(c.old), _dump(c.new), user, now) for c in changes])
        ann = _refresh(conn, key, event_id, ["review"], now, _stored_annotation(conn, key), flag=None)
    return EditResult(event_id, key, batch, changes, ann)


def _put_back_hand_events(conn, rep: "RebuildReport") -> None:
    """After the machine's events were rebuilt: the events added by hand (in effect) stored again with
    their ids, unless the machine now has the same event itself (then the edits go to that one)."""
    for key, old_id in sorted(_hand_keys(conn).items()):
        aid = article_of(key)
        if not conn.execute("SELECT 1 FROM articles WHERE id = ?", [aid]).fetchone():
            continue
        if any(k == key for _, k, _ in _report_keys(conn, aid)):
            continue
        found, spec = _latest(conn, key, ADDED)
        if found and spec:
            _put_hand_event(conn, key, spec, None if old_id is None else old_id)
            rep.events_after += 1


# -- editing ---------------------------------------------------------------------------------------

@dataclass
class Edit:
    """What the analyst asks for one event; None / empty leaves a field as it is.

    ``date``: the DATE_COLUMNS of the date set by hand (see viewer.retag.read_date, which reads what a
    person types). ``review``: "confirmed", "rejected" or "unreviewed"; ``reason``: why it is not an
    event (with review "rejected")."""
    date: dict | None = None
    add_countries: list[str] = field(default_factory=list)
    remove_countries: list[str] = field(default_factory=list)
    title: str | None = None
    review: str | None = None
    reason: str | None = None
    starred: bool | None = None
    note: str | None = None
    add_tags: list[str] = field(default_factory=list)
    remove_tags: list[str] = field(default_factory=list)


@dataclass
class Change:
    field: str
    old: object
    new: object


@dataclass
class EditResult:
    event_id: int
    key: str
    batch: int | None                     # None: nothing changed
    changes: list[Change]
    annotation: dict


def country_code(text: str) -> str:
    """A country or organisation code as stored (UA, NATO); StoreInputError for anything else."""
    code = str(text).strip().upper()
    if not code or len(code) > 16 or not all(ch.isalnum() or ch in "-_" for ch in code):
        raise StoreInputError(f"not a country or organisation code: {text!r} (like UA, RU, NATO)")
    return code


def tag_text(text: str) -> str:
    """A tag as stored (white space collapsed); StoreInputError for an empty one."""
    tag = " ".join(str(text).split())
    if not tag:
        raise StoreInputError("an empty tag")
    return tag


def title_text(text: str) -> str:
    """A title as stored (white space collapsed); StoreInputError for an empty one."""
    title = " ".join(str(text).split())
    if not title:
        raise StoreInputError("an empty title (give the words of the title)")
    return title


def _checked(change: Edit) -> Edit:
    """The edit with its values as stored; StoreInputError for one that cannot be stored."""
    if change.review is not None and change.review not in REVIEW_STATES:
        raise StoreInputError(f"not a review state: {change.review!r} ({', '.join(REVIEW_STATES)})")
    if change.date is not None:
        d = change.date
        if not (d.get("earliest") and d.get("latest")):
            raise StoreInputError("a date set by hand needs its earliest and latest days")
        try:
            interval_seconds(d["earliest"], d["latest"], d.get("granularity"))
        except (ValueError, OverflowError, TypeError) as exc:
            raise StoreInputError(f"not ISO bounds: {d.get('earliest')!r}..{d.get('latest')!r}") from exc
    return replace(change, add_countries=[country_code(c) for c in change.add_countries],
                   remove_countries=[country_code(c) for c in change.remove_countries],
                   add_tags=[tag_text(t) for t in change.add_tags],
                   remove_tags=[tag_text(t) for t in change.remove_tags],
                   title=None if change.title is None else title_text(change.title))


def edit(store, event_id: int, change: Edit, *, user: str | None = None) -> EditResult:
    """Apply one edit of one event, in one transaction: every field that changes gets an edit row (the
    value before, the new one, the machine's, who, when), the event carries the new effective values, its
    annotation the new review state, star, note and tags. A change of date, countries or title makes the
    review "corrected" (unless the same edit rejects it). Raises StoreInputError for an event that does
    not exist or a value that cannot be stored, changing nothing."""
    try:
        change = _checked(change)
    except StoreInputError as exc:
        raise StoreInputError(f"{store.path}: event {event_id}: {exc}; nothing was changed") from None
    adds, removes, add_tags = change.add_countries, change.remove_countries, change.add_tags
    remove_tags = {t.casefold() for t in change.remove_tags}
    user = user or current_user()
    now = _now()
    with store._transaction() as conn:
        row = _row(conn, event_id)
        if row is None:
            raise StoreInputError(f"{store.path}: no event {event_id}")
        key = _key_of(conn, row)
        ann = _stored_annotation(conn, key)
        machine = ann["machine"]
        wanted: list[tuple[str, object]] = []
        if change.date is not None:
            wanted.append(("date", {c: change.date.get(c) for c in DATE_COLUMNS}
                           | {"reasoning": change.date.get("reasoning") or SET_BY_HAND}))
        if adds or removes:
            codes = [c for c in _value_of(row, "countries") if c not in removes]
            codes += [c for c in adds if c not in codes]
            wanted.append(("countries", codes))
        if change.title is not None:
            wanted.append(("title", change.title))
        review = change.review
        if change.starred is not None:
            wanted.append(("starred", bool(change.starred)))
        if change.note is not None:
            wanted.append(("note", change.note.strip() or None))
        if add_tags or remove_tags:
            tags = [t for t in ann["tags"] if t.casefold() not in remove_tags]
            tags += [t for t in add_tags if t.casefold() not in {x.casefold() for x in tags}]
            wanted.append(("tags", tags))
        changes: list[Change] = []
        for name, new in wanted:
            old = _value_of(row, name) if name in CORRECTIONS else ann[name]
            if old != new:
                changes.append(Change(name, old, new))
        if any(c.field in CORRECTIONS for c in changes) and review != "rejected":
            review = "corrected"
        if review is not None and review != ann["review"]:
            changes.append(Change("review", ann["review"], review))
        if review == "rejected":
            reason = (change.reason or "").strip() or NOT_AN_EVENT
            if reason != ann["reason"]:
                changes.append(Change("reason", ann["reason"], reason))
        elif review is not None and ann["reason"] is not None:
            changes.append(Change("reason", ann["reason"], None))
        if not changes:
            return EditResult(event_id, key, None, [], ann)
        # a new edit: what was undone before it can no longer be redone (kept, marked left behind)
        conn.execute(f"UPDATE edits SET undone = {LEFT_BEHIND} WHERE undone = 1")
        batch = _next_batch(conn)
        conn.executemany(
            "INSERT INTO edits (batch, event_key, event_id, field, machine, old, new, user, at, undone)"
            " VALUES (?,?,?,?,?,?,?,?,?,0)",
            [(batch, key, event_id, c.field,
              _dump(machine.get(c.field, _value_of(row, c.field))) if c.field in CORRECTIONS else None,
              _dump(c.old), _dump(c.new), user, now) for c in changes])
        ann = _refresh(conn, key, event_id, [c.field for c in changes], now, ann, flag=None)
    return EditResult(event_id, key, batch, changes, ann)


def _chosen_batch(conn, undo: bool) -> int | None:
    """The edit (batch) undo would undo, the latest not undone; or the one redo would redo, the earliest
    undone after it (one left behind by a newer edit never is)."""
    active = conn.execute(f"SELECT max(batch) FROM edits WHERE undone = 0 AND field != '{PUBLISHED}'"
                          ).fetchone()[0]
    if undo:
        return active
    return conn.execute("SELECT min(batch) FROM edits WHERE undone = 1 AND batch > ?",
                        [active or 0]).fetchone()[0]


def _step(store, undo: bool) -> dict | None:
    """Undo the latest edit that is not undone, or redo the earliest undone one after it."""
    now = _now()
    with store._transaction() as conn:
        batch = _chosen_batch(conn, undo)
        if batch is None:
            return None
        if not undo:                      # its merges and splits found first, where a rebuild moved them
            _placed_for_redo(store, conn, batch)
        rows = conn.execute("SELECT event_key, field, old, new, user, at FROM edits WHERE batch = ?"
                            " ORDER BY id", [batch]).fetchall()
        conn.execute("UPDATE edits SET undone = ? WHERE batch = ?", [1 if undo else 0, batch])
        by_key: dict[str, list[str]] = {}
        for key, name, *_ in rows:
            by_key.setdefault(key, []).append(name)
        structure = [(key, name, new) for key, name, _, new, _, _ in rows if name in STRUCTURE]
        if structure and not undo:        # a merge or split done again before the fields it changed
            _structure_steps(conn, structure, False, now)
        event_ids = []
        for key, names in by_key.items():
            ann = _stored_annotation(conn, key)
            _refresh(conn, key, ann["event_id"], names, now, ann)
            event_ids.append(ann["event_id"])
        if structure and undo:            # undone after them
            _structure_steps(conn, structure, True, now)
    if structure:
        store._index = None
    return {"batch": batch, "event_ids": event_ids, "user": rows[0][4], "at": rows[0][5],
            "changes": [Change(name, _loads(old), _loads(new)) for _, name, old, new, _, _ in rows]}


def _placed_for_redo(store, conn, batch: int) -> None:
    """Before a merge or split is redone: every report it names (the kept event's own, those that moved,
    the one split out) found again, as a rebuild does (_relocate: a `retag` since the undo may have
    moved their sentences), so that its rows and the fields it changed are read under the keys they have
    now. StoreInputError, naming what is missing, when one of an article still stored cannot be found:
    the caller's transaction is then rolled back, nothing is redone (never half a merge)."""
    rows = conn.execute("SELECT id, event_key, field, new FROM edits WHERE batch = ? AND field IN (?, ?)"
                        " ORDER BY id", [batch, *STRUCTURE]).fetchall()
    missing = []
    for edit_id, key, name, _ in rows:
        spec = _loads(conn.execute("SELECT new FROM edits WHERE id = ?", [edit_id]).fetchone()[0]) or {}
        named = [spec.get("report")] if name == SPLIT else [key, *(spec.get("reports") or [])]
        for k in dict.fromkeys(k for k in named if k):
            if _relocate(conn, k, spec) is None and conn.execute(
                    "SELECT 1 FROM articles WHERE id = ?", [article_of(k)]).fetchone() is not None:
                said = _said(conn, k, spec)
                missing.append(f"{said[0]!r} [{said[1]}]" if said else k)
            spec = _loads(conn.execute("SELECT new FROM edits WHERE id = ?", [edit_id]).fetchone()[0]) or {}
    if missing:
        what = "merge" if rows[0][2] == MERGED else "split"
        raise StoreInputError(f"{store.path}: the {what} cannot be redone: a report it names is no longer "
                              f"found (re-tagged since): {'; '.join(missing)}; nothing was changed")


def _pending(store, undo: bool) -> dict | None:
    """What undo (or redo) would do now, read from the edits (the same choice as _step), without doing
    it: batch, event_ids, user, at, changes. The undone state is in the file, so this holds across
    restarts: an edit undone in an earlier session can be redone in the next one."""
    if not _has_tables(store):
        return None
    with store._errors():
        conn = store.db.conn
        batch = _chosen_batch(conn, undo)
        if batch is None:
            return None
        rows = conn.execute("SELECT event_id, field, old, new, user, at FROM edits WHERE batch = ? ORDER BY id",
                            [batch]).fetchall()
    return {"batch": batch, "event_ids": list(dict.fromkeys(r[0] for r in rows)), "user": rows[0][4],
            "at": rows[0][5], "changes": [Change(r[1], _loads(r[2]), _loads(r[3])) for r in rows]}


def next_undo(store) -> dict | None:
    """What `undo` would undo now (None: nothing); see _pending."""
    return _pending(store, True)


def next_redo(store) -> dict | None:
    """What `redo` would redo now (None: nothing), also after the file was closed and opened again."""
    return _pending(store, False)


def undo(store) -> dict | None:
    """Undo the last edit (every field it changed), in one transaction; the edit stays in the history,
    marked undone. None when there is nothing to undo. Returns batch, event_ids, user, at, changes."""
    return _step(store, True)


def redo(store) -> dict | None:
    """Redo the edit undone last (as long as no new edit was made since). None when there is none."""
    return _step(store, False)


# -- merging two events, splitting a report out ------------------------------------------------------
#
# Which event a report belongs to is the machine's choice; the analyst may overrule it. A merge is an edit
# (field "merged") of the kept event: its `new` names the other event's key, id and title and the keys
# of the reports that moved. A split is an edit (field "split") of the event the report left: its `new`
# names the report's key, and the id and title of the event it became. Reports are found by their keys
# (the same whatever row ids they get), so `retag` makes the same merges and splits again, in the order
# they were made; undo moves the reports back.

MERGED = "merged"
SPLIT = "split"
STRUCTURE = (MERGED, SPLIT)


def _excerpt_keys(conn, article_id: str) -> dict[str, tuple[int, int]]:
    """key -> (excerpt id, event id) of every report of an article."""
    rows = conn.execute("SELECT id, event_id, sentence, time_text, sentence_start, time_start FROM excerpts"
                        " WHERE article_id = ?", [article_id]).fetchall()
    return {k: (r[0], r[1]) for r, k in zip(rows, article_keys(article_id, [r[2:6] for r in rows]))}


def _report_at(conn, key: str) -> tuple[int, int] | None:
    """(excerpt id, event id) of the report with this key, None when no article gives it now."""
    return _excerpt_keys(conn, article_of(key)).get(key)


def _keys_of_reports(conn, event_id: int) -> list[tuple[int, str]]:
    """(excerpt id, key) of every report of an event, in the order they arrived."""
    out = []
    for (aid,) in conn.execute("SELECT DISTINCT article_id FROM excerpts WHERE event_id = ?", [event_id]):
        out += [(x, k) for k, (x, e) in _excerpt_keys(conn, aid).items() if e == event_id]
    return sorted(out)


def _first_report(conn, event_id: int) -> int | None:
    return conn.execute("SELECT min(id) FROM excerpts WHERE event_id = ?", [event_id]).fetchone()[0]


def _recount(conn, event_id: int) -> None:
    """An event's `reports` made right after reports moved; an event left with none is removed (its
    annotation, if any, keeps its edits with no event until the reports come back)."""
    n = conn.execute("SELECT count(*) FROM excerpts WHERE event_id = ?", [event_id]).fetchone()[0]
    if n:
        conn.execute("UPDATE events SET reports = ? WHERE id = ?", [n, event_id])
        date_checks.invalidate(conn, [event_id])        # its reports may now disagree, or agree
        return
    _drop_event(conn, event_id)
    conn.execute("UPDATE annotations SET event_id = NULL WHERE event_id = ?", [event_id])
    conn.execute("UPDATE edits SET event_id = NULL WHERE event_id = ?", [event_id])


def _move_reports(conn, excerpt_ids: list[int], target: int) -> None:
    """Move reports to another event. The target's own report stays its first: reports that arrived
    before it get new ids above every other (their order among themselves kept)."""
    if not excerpt_ids:
        return
    marks = ",".join("?" * len(excerpt_ids))
    sources = {r[0] for r in conn.execute(f"SELECT DISTINCT event_id FROM excerpts WHERE id IN ({marks})",
                                          excerpt_ids)} - {target}
    firsts = {e: _first_report(conn, e) for e in sources}
    first = _first_report(conn, target)
    ids = sorted(excerpt_ids)
    if first is not None and ids[0] < first:
        top = conn.execute("SELECT max(id) FROM excerpts").fetchone()[0]
        for i, x in enumerate(ids, 1):
            conn.execute("UPDATE excerpts SET id = ? WHERE id = ?", [top + i, x])
        ids = [top + i for i in range(1, len(ids) + 1)]
    conn.execute(f"UPDATE excerpts SET event_id = ? WHERE id IN ({','.join('?' * len(ids))})", [target, *ids])
    for event_id in sorted(sources | {target}):
        _recount(conn, event_id)
    for event_id in sorted(sources):        # an event whose own report left: the next one is its own now
        now_first = _first_report(conn, event_id)
        if now_first is not None and now_first != firsts[event_id]:
            _rebase(conn, event_id, now_first)


def _rebase(conn, event_id: int, excerpt_id: int) -> None:
    """An event row made to carry another of its reports as its own (sentence, date, countries)."""
    cur = conn.execute("SELECT * FROM excerpts WHERE id = ?", [excerpt_id])
    x = dict(zip([d[0] for d in cur.description], cur.fetchone()))
    cols = [c for c in _columns(conn, "main", "events") if c in x and c not in ("id", "event_id")]
    t0 = t1 = None
    if x.get("earliest") and x.get("latest"):
        t0, t1 = interval_seconds(x["earliest"], x["latest"], x.get("granularity"))
    conn.execute(f"UPDATE events SET {', '.join(f'{c} = ?' for c in cols)}, t0 = ?, t1 = ? WHERE id = ?",
                 [*(x[c] for c in cols), t0, t1, event_id])
    conn.execute("DELETE FROM event_countries WHERE event_id = ?", [event_id])
    conn.executemany("INSERT OR IGNORE INTO event_countries (event_id, code, t0, t1) VALUES (?,?,?,?)",
                     [(event_id, c, t0, t1) for c in dict.fromkeys((x.get("countries") or "").split(",")) if c])
    date_checks.invalidate(conn, [event_id])            # another date and sentence: checked again


def _new_event(conn, excerpt_id: int, wanted: int | None, title: str) -> int:
    """A new event whose own report is an excerpt: the report's sentence, date and countries, the given
    title; under ``wanted`` when that id is free, else one above every id. The excerpt is not moved."""
    top = conn.execute("SELECT max(m) FROM (SELECT max(id) AS m FROM events UNION ALL"
                       " SELECT max(event_id) FROM edits)").fetchone()[0] or 0
    if wanted is None or conn.execute("SELECT 1 FROM events WHERE id = ?", [wanted]).fetchone():
        wanted = top + 1
    conn.execute("INSERT INTO events (id, title, reports) VALUES (?, ?, 1)", [wanted, title])
    _rebase(conn, wanted, excerpt_id)
    return wanted


def _merge_on(conn, keep_id: int, spec: dict) -> None:
    """The merge's reports moved to the kept event (those still found and not there already)."""
    found = [_report_at(conn, k) for k in spec.get("reports") or []]
    _move_reports(conn, [x for x, e in filter(None, found) if e != keep_id], keep_id)


def _merge_off(conn, keep_id: int | None, spec: dict, now: str) -> int | None:
    """A merge undone: its reports, as found in the kept event, are the other event again (under its
    old id when free), and its annotation and edits follow it."""
    found = [_report_at(conn, k) for k in spec.get("reports") or []]
    ids = sorted(x for x, e in filter(None, found) if e == keep_id)
    if not ids:
        return None
    other = _new_event(conn, ids[0], spec.get("id"), spec.get("title") or "")
    _move_reports(conn, ids, other)
    key = spec.get("other")
    conn.execute("UPDATE edits SET event_id = ? WHERE event_key = ?", [other, key])
    if conn.execute("SELECT 1 FROM annotations WHERE event_key = ?", [key]).fetchone():
        conn.execute("UPDATE annotations SET event_id = ? WHERE event_key = ?", [other, key])
        _refresh(conn, key, other, CORRECTIONS, now)        # its own corrections, on its own row again
    return other


def _split_on(conn, spec: dict, wanted: int | None = None) -> int | None:
    """The split's report made an event of its own (nothing to do when it is one already)."""
    at = _report_at(conn, spec["report"])
    if at is None:
        return None
    excerpt_id, event_id = at
    if _first_report(conn, event_id) == excerpt_id:
        return event_id
    new = _new_event(conn, excerpt_id, wanted if wanted is not None else spec.get("id"),
                     spec.get("title") or "")
    _move_reports(conn, [excerpt_id], new)
    conn.execute("UPDATE annotations SET event_id = ? WHERE event_key = ?", [new, spec["report"]])
    conn.execute("UPDATE edits SET event_id = ? WHERE event_key = ?", [new, spec["report"]])
    return new


def _split_off(conn, event_id: int | None, spec: dict) -> None:
    """A split undone: the report goes back to the event it was split from."""
    at = _report_at(conn, spec["report"])
    if at is None or event_id is None or at[1] == event_id or _row(conn, event_id) is None:
        return
    _move_reports(conn, [at[0]], event_id)


def _finer(theirs: dict, mine: dict) -> bool:
    """Whether a merged event takes the other event's date ``theirs`` over its own ``mine``
    (viewer.merging.merged_date): a date that lies inside its own and is shorter, and is written (a band
    taken from a publication date is no finer date than one the text gave)."""
    def as_time(d: dict):
        return SimpleNamespace(earliest=d.get("earliest"), latest=d.get("latest"), mod=d.get("mod"), text=None)
    try:
        return merged_date(as_time(mine), as_time(theirs))[0]
    except (TypeError, ValueError):
        return False


def _insert_changes(conn, batch: int, key: str, event_id: int, changes, machine: dict, row: dict, user: str,
                    now: str) -> None:
    conn.executemany(
        "INSERT INTO edits (batch, event_key, event_id, field, machine, old, new, user, at, undone)"
        " VALUES (?,?,?,?,?,?,?,?,?,0)",
        [(batch, key, event_id, c.field,
          _dump(machine.get(c.field, _value_of(row, c.field))) if c.field in CORRECTIONS else None,
          _dump(c.old), _dump(c.new), user, now) for c in changes])


def _carried(mine: dict, theirs: dict, other_id: int, keep_id: int) -> list[Change]:
    """What the kept event's annotation becomes when another event is merged into it, as changes of the
    kept event (so that undo gives both back exactly: the other's own annotation is kept, with no event,
    until the merge is undone). Notes joined (the kept one's first; the same note once), tags united
    (the kept one's first, compared without case), starred if either is. Review: a merge is a correction,
    so the kept event is "corrected" (the strongest of unreviewed < confirmed < corrected) unless both
    events were rejected: then it stays rejected, with its own reason. A rejection that does not carry
    over, of either event, is said in the note ("Event 57 was rejected: …"), not lost."""
    both_rejected = mine["review"] == theirs["review"] == "rejected"
    review = "rejected" if both_rejected else "corrected"
    reason = mine["reason"] if both_rejected else None
    notes = [n for n in (mine["note"], theirs["note"]) if n]
    if theirs["review"] == "rejected" and theirs["reason"] and theirs["reason"] != reason:
        notes.append(f"Event {other_id} was rejected: {theirs['reason']}")
    if mine["review"] == "rejected" and mine["reason"] and mine["reason"] != reason:
        notes.append(f"Event {keep_id} was rejected: {mine['reason']}")
    note = "\n\n".join(dict.fromkeys(notes)) or None
    tags = list(mine["tags"])
    tags += [t for t in theirs["tags"] if t.casefold() not in {x.casefold() for x in tags}]
    changes = []
    starred = bool(mine["starred"] or theirs["starred"])
    for name, new in (("review", review), ("reason", reason), ("starred", starred), ("note", note),
                      ("tags", tags)):
        if mine[name] != new:
            changes.append(Change(name, mine[name], new))
    return changes


def merge(store, keep_id: int, other_id: int, *, user: str | None = None) -> EditResult:
    """Two events are one happening: every report of ``other_id`` moves to ``keep_id``, in one
    transaction, and the other event is gone. The kept event keeps its id and title; it takes the finer
    of the two dates (the one with fewer days between its bounds; the kept one's when they are as fine)
    and the countries of both (its own first), and the other's annotation joins its own (see _carried:
    notes joined, tags united, starred if either, review "corrected" unless both were rejected). One
    edit (field "merged" with the other's key, id, title and report keys, and the date, countries,
    review, star, note and tags it changed): undo gives the other event back with its id and its own
    annotation and edits, and the kept event its own; redo and `retag` merge again. StoreInputError,
    nothing changed, for an event that does not exist or one event given twice."""
    if keep_id == other_id:
        raise StoreInputError(f"{store.path}: event {keep_id} cannot be merged with itself; nothing was changed")
    user = user or current_user()
    now = _now()
    with store._transaction() as conn:
        keep, other = _row(conn, keep_id), _row(conn, other_id)
        for eid, row in ((keep_id, keep), (other_id, other)):
            if row is None:
                raise StoreInputError(f"{store.path}: no event {eid}; nothing was changed")
        key, other_key = _key_of(conn, keep), _key_of(conn, other)
        ann = _stored_annotation(conn, key)
        moving = _keys_of_reports(conn, other_id)
        spec = {"other": other_key, "id": other_id, "title": other["title"] or "",
                "reports": [k for _, k in moving],
                "said": {key: [keep["sentence"], keep["time_text"]], **_said_of_reports(conn, moving)}}
        if not spec["reports"] or _first_report(conn, keep_id) is None:
            raise StoreInputError(f"{store.path}: events {keep_id} and {other_id} need their reports stored "
                                  "(this database was filled without them); nothing was changed")
        changes = [Change(MERGED, None, spec)]
        mine, theirs = _value_of(keep, "date"), _value_of(other, "date")
        if _finer(theirs, mine) and not _same_date(theirs, mine):
            changes.append(Change("date", mine, {**theirs, "reasoning": f"merged: the finer date, of event "
                                                 f"{other_id} ({theirs.get('reasoning') or 'as read'})"}))
        codes = _value_of(keep, "countries")
        union = codes + [c for c in _value_of(other, "countries") if c not in codes]
        if union != codes:
            changes.append(Change("countries", codes, union))
        changes += _carried(ann, _stored_annotation(conn, other_key), other_id, keep_id)
        conn.execute(f"UPDATE edits SET undone = {LEFT_BEHIND} WHERE undone = 1")
        batch = _next_batch(conn)
        _insert_changes(conn, batch, key, keep_id, changes, ann["machine"], keep, user, now)
        _merge_on(conn, keep_id, spec)
        ann = _refresh(conn, key, keep_id, [c.field for c in changes if c.field not in STRUCTURE], now, ann,
                       flag=None)
    store._index = None           # the events it remembered for merging new reports changed
    return EditResult(keep_id, key, batch, changes, ann)


def split(store, event_id: int, excerpt_id: int, *, title: str | None = None,
          user: str | None = None) -> EditResult:
    """A report is not the same happening: the report (an excerpt id of the event, not its own first
    report) becomes an event of its own, with the report's own date and countries as the machine read
    them and ``title`` (None: the report's first words), in one transaction. One edit of the event it
    leaves (field "split" with the report's key and the new event's id and title): undo puts the report
    back, redo and `retag` split it out again under the same id. Returns the edit, with ``event_id`` the
    event it left; the new event's id is in the change's ``new["id"]``. StoreInputError, nothing
    changed, for an event or report that does not exist, or the event's own report."""
    user = user or current_user()
    now = _now()
    with store._transaction() as conn:
        row = _row(conn, event_id)
        if row is None:
            raise StoreInputError(f"{store.path}: no event {event_id}; nothing was changed")
        reports = _keys_of_reports(conn, event_id)
        keys = dict(reports)
        if excerpt_id not in keys:
            raise StoreInputError(f"{store.path}: event {event_id} has no report {excerpt_id}; nothing was changed")
        if excerpt_id == reports[0][0]:
            raise StoreInputError(f"{store.path}: that is event {event_id}'s own report; split the others out "
                                  "of it instead; nothing was changed")
        sentence = conn.execute("SELECT sentence FROM excerpts WHERE id = ?", [excerpt_id]).fetchone()[0]
        spec = {"report": keys[excerpt_id], "id": None, "title": title_text(title or _first_words(sentence)),
                "said": _said_of_reports(conn, [(excerpt_id, keys[excerpt_id])])}
        key = _key_of(conn, row)
        ann = _stored_annotation(conn, key)
        conn.execute(f"UPDATE edits SET undone = {LEFT_BEHIND} WHERE undone = 1")
        batch = _next_batch(conn)
        spec["id"] = _split_on(conn, spec)
        changes = [Change(SPLIT, None, spec)]
        _insert_changes(conn, batch, key, event_id, changes, {}, row, user, now)
        ann = _refresh(conn, key, event_id, [], now, ann)
    store._index = None
    return EditResult(event_id, key, batch, changes, ann)


def _first_words(text: str, limit: int = 70) -> str:
    words = " ".join(str(text or "").split())
    if len(words) <= limit:
        return words or "a report split out"
    return words[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _structure_steps(conn, rows, undo: bool, now: str) -> None:
    """The merges and splits of one batch undone (last first) or done again."""
    for key, name, new in (reversed(rows) if undo else rows):
        spec = _loads(new) or {}
        event_id = _stored_annotation(conn, key)["event_id"]
        if name == MERGED:
            if undo:
                _merge_off(conn, event_id, spec, now)
            elif event_id is not None:
                _merge_on(conn, event_id, spec)
        elif undo:
            _split_off(conn, event_id, spec)
        else:
            _split_on(conn, spec)


def _merged_away(conn) -> set[str]:
    """The keys of events merged into another (the merge in effect): their annotations have no event of
    their own until the merge is undone."""
    rows = conn.execute("SELECT new FROM edits WHERE field = ? AND undone = 0", [MERGED]).fetchall()
    return {(_loads(r[0]) or {}).get("other") for r in rows} - {None}


def _said_of_reports(conn, reports) -> dict[str, list]:
    """key -> [sentence, time text] of reports given as (excerpt id, key): what a merge or a split keeps
    of each report it names, to find it again when its key is gone (see _located)."""
    out = {}
    for excerpt_id, key in reports:
        row = conn.execute("SELECT sentence, time_text FROM excerpts WHERE id = ?", [excerpt_id]).fetchone()
        if row is not None:
            out[key] = [row[0], row[1]]
    return out


def _said(conn, key: str, spec: dict) -> tuple[str, str] | None:
    """(sentence, time text) a report key stood for, whitespace collapsed: as the merge or split recorded
    it, else as the key's annotation says (merges and splits made before they recorded it)."""
    said = (spec.get("said") or {}).get(key)
    if not said:
        row = conn.execute("SELECT sentence, time_text FROM annotations WHERE event_key = ?", [key]).fetchone()
        said = list(row) if row is not None and row[0] else None
    return None if not said else (_normal(said[0]), _normal(said[1]))


def _words_within(a: str, b: str) -> bool:
    """Whether the words of ``a`` stand together, in order, among the words of ``b``."""
    x, y = a.split(), b.split()
    return bool(x) and any(y[i:i + len(x)] == x for i in range(len(y) - len(x) + 1))


def _named_keys(conn, aid: str) -> set[str]:
    """The keys of an article's reports that a merge or split (in effect or undone, not left behind)
    names: the other event, the reports that moved, the report split out."""
    out: set[str] = set()
    for (text,) in conn.execute(f"SELECT new FROM edits WHERE field IN (?, ?) AND undone != {LEFT_BEHIND}"
                                " AND instr(new, ?) > 0", [*STRUCTURE, aid + "/"]):
        spec = _loads(text) or {}
        out.update(k for k in (spec.get("other"), spec.get("report"), *(spec.get("reports") or []))
                   if k and article_of(k) == aid)
    return out


def _located(conn, key: str, spec: dict) -> str | None:
    """The key a report of a merge or split has now: its own when an article gives it; else, after a
    rebuild moved its sentence (boundaries, the time expression read differently, its place among the
    reports of the same words), one report of the same article found by its normalised sentence:
    1. the same sentence and expression; else 2. the same expression in a sentence that contains the old
    one or lies inside it; else 3. the same sentence with the expression read again (the old expression's
    words inside the new one's, or the other way round: "November 2024", "in November 2024"). None when
    not found, or found more than once (never guessed). A report that other edits are kept under, or
    that any merge or split names, is never taken: another event must not be moved into a merge in the
    report's place."""
    if _report_at(conn, key) is not None:
        return key
    said = _said(conn, key, spec)
    if said is None or not said[0]:
        return None
    sentence, time_text = said
    aid = article_of(key)
    rows = conn.execute("SELECT id, sentence, time_text, sentence_start, time_start FROM excerpts"
                        " WHERE article_id = ?", [aid]).fetchall()
    keys = article_keys(aid, [r[1:5] for r in rows])
    taken = {r[0] for r in conn.execute(
        "SELECT DISTINCT event_key FROM edits WHERE event_key >= ? AND event_key < ?", [aid + "/", aid + "0"])}
    taken |= _named_keys(conn, aid)
    reports = [(k, _normal(r[1]), _normal(r[2])) for r, k in zip(rows, keys) if k not in taken]

    def reread(t: str) -> bool:
        return bool(t) and bool(time_text) and (_words_within(time_text, t) or _words_within(t, time_text))

    for matches in (lambda s, t: s == sentence and t == time_text,
                    lambda s, t: t == time_text and bool(s) and (sentence in s or s in sentence),
                    lambda s, t: s == sentence and reread(t)):
        hits = {k for k, s, t in reports if matches(s, t)}
        if hits:
            return hits.pop() if len(hits) == 1 else None      # found more than once: not guessed
    return None


def _rekey(conn, old: str, new: str) -> None:
    """A report found again under another key: the edits and the annotation kept under the old one, and
    every merge and split that names it, follow it (with what it says now)."""
    row = conn.execute("SELECT sentence, time_text FROM excerpts WHERE id = ?", [_report_at(conn, new)[0]]
                       ).fetchone()
    conn.execute("UPDATE edits SET event_key = ? WHERE event_key = ?", [new, old])
    if not conn.execute("SELECT 1 FROM annotations WHERE event_key = ?", [new]).fetchone():
        conn.execute("UPDATE annotations SET event_key = ? WHERE event_key = ?", [new, old])
    for edit_id, text in conn.execute("SELECT id, new FROM edits WHERE field IN (?, ?) AND instr(new, ?) > 0",
                                      [*STRUCTURE, old]).fetchall():
        spec = _loads(text) or {}
        if old not in {spec.get("other"), spec.get("report"), *(spec.get("reports") or []),
                       *(spec.get("said") or {})}:
            continue                    # (only a key that begins with the old one)
        for name in ("other", "report"):
            if spec.get(name) == old:
                spec[name] = new
        if "reports" in spec:
            spec["reports"] = [new if k == old else k for k in spec["reports"]]
        said = spec.setdefault("said", {})
        said.pop(old, None)
        said[new] = [row[0], row[1]]
        conn.execute("UPDATE edits SET new = ? WHERE id = ?", [_dump(spec), edit_id])


def _relocate(conn, key: str, spec: dict) -> str | None:
    """_located, and when it is another key, _rekey to it. The key now, or None."""
    now = _located(conn, key, spec)
    if now is not None and now != key:
        _rekey(conn, key, now)
    return now


def _replay_structure(conn, old_ids: dict[str, int]) -> None:
    """After a rebuild: every merge and split in effect made again, in the order they were made; an event
    split out gets the id it had. A report whose key is gone is looked for by its sentence (_located) and
    its edits follow it; one still not found is left out (the merge or split stays in effect, listed by
    `unplaced`, and is made again by a later rebuild that finds it)."""
    rows = conn.execute("SELECT id FROM edits WHERE field IN (?, ?) AND undone = 0 ORDER BY id",
                        STRUCTURE).fetchall()
    for (edit_id,) in rows:
        key, name, new = conn.execute("SELECT event_key, field, new FROM edits WHERE id = ?", [edit_id]).fetchone()
        spec = _loads(new) or {}
        if name == SPLIT:
            report = spec.get("report")
            if report and _relocate(conn, report, spec) is not None:
                spec = _loads(conn.execute("SELECT new FROM edits WHERE id = ?", [edit_id]).fetchone()[0])
                _split_on(conn, spec, old_ids.get(report))
            continue
        kept = _relocate(conn, key, spec)
        for k in list(spec.get("reports") or []):
            _relocate(conn, k, spec)
        if kept is None:
            continue
        spec = _loads(conn.execute("SELECT new FROM edits WHERE id = ?", [edit_id]).fetchone()[0]) or {}
        _merge_on(conn, _report_at(conn, kept)[1], spec)
        _own_again(conn, *_report_at(conn, kept), old_ids.get(key))


def unplaced(store) -> list[dict]:
    """The merges and splits in effect that could not be made again after a rebuild: a report they name
    (the kept event's own, one that moved, the one split out) is in none of the events of its article
    (its sentence is gone, or was found more than once). Each: batch, field ("merged" or "split"), key
    (the event the edit is kept under), event_id (None when that event is gone too), title (the other
    event's, or the split-out one's), missing (the keys not found, with the sentence and time text
    they stood for). Never dropped: a later rebuild that finds them makes them again. Reports of an
    article no longer stored are not listed. Also listed: a report that two merges or splits in effect
    both move when the later one cannot have taken it from the earlier one's event (_named_twice; what
    an older version could leave after a rebuild), under both."""
    if not _has_tables(store):
        return []
    with store._errors():
        return _unplaced(store.db.conn)


def _named_twice(rows) -> dict[int, set[str]]:
    """Reports that two merges or splits in effect (``rows``: (event key, field, spec), in the order
    they were made) both move, when the later one cannot have taken it from the earlier one's event:
    a merge moves the whole of the other event, so a report a merge moved can be moved again by a later
    merge only with that merge's kept report (or after a split moved it out), and a report split out can
    be split out again only after a merge moved it back. Such a pair is what an older version could leave
    after a rebuild (one report found again for two merges): row index -> the keys in doubt."""
    last: dict[str, tuple[int, str, str]] = {}      # key -> (row, field, kept key) of the last move
    out: dict[int, set[str]] = {}
    for i, (key, name, spec) in enumerate(rows):
        moved = (spec.get("reports") or []) if name == MERGED else [spec.get("report")]
        for k in dict.fromkeys(k for k in moved if k):
            if k in last:
                j, was, kept = last[k]
                fine = was != name or (name == MERGED and kept in moved)
                if not fine:
                    out.setdefault(i, set()).add(k)
                    out.setdefault(j, set()).add(k)
            last[k] = (i, name, key)
    return out


def _unplaced(conn) -> list[dict]:
    out = []
    rows = conn.execute("SELECT batch, event_key, event_id, field, new FROM edits WHERE field IN (?, ?)"
                        " AND undone = 0 ORDER BY id", STRUCTURE).fetchall()
    specs = [_loads(new) or {} for *_, new in rows]
    twice = _named_twice([(key, name, spec) for (_, key, _, name, _), spec in zip(rows, specs)])
    articles: dict[str, bool] = {}
    for i, ((batch, key, event_id, name, _), spec) in enumerate(zip(rows, specs)):
        named = [key, *(spec.get("reports") or [])] if name == MERGED else [spec.get("report")]
        missing = []
        for k in dict.fromkeys(k for k in named if k):
            aid = article_of(k)
            if aid not in articles:
                articles[aid] = conn.execute("SELECT 1 FROM articles WHERE id = ?", [aid]).fetchone() is not None
            if articles[aid] and (_report_at(conn, k) is None or k in twice.get(i, ())):
                said = (spec.get("said") or {}).get(k) or [None, None]
                missing.append({"key": k, "sentence": said[0], "time_text": said[1]})
        if missing:
            out.append({"batch": batch, "field": name, "key": key, "event_id": event_id,
                        "title": spec.get("title"), "missing": missing})
    return out


def _own_again(conn, excerpt_id: int, event_id: int, wanted: int | None) -> None:
    """After a rebuild: the kept event of a merge has its own report first again and its id (the machine
    now making one event of the two, the other's report first, must not change what the analyst kept)."""
    before = [r[0] for r in conn.execute("SELECT id FROM excerpts WHERE event_id = ? AND id < ? ORDER BY id",
                                         [event_id, excerpt_id])]
    if before:
        top = conn.execute("SELECT max(id) FROM excerpts").fetchone()[0]
        for i, x in enumerate(before, 1):
            conn.execute("UPDATE excerpts SET id = ? WHERE id = ?", [top + i, x])
        _rebase(conn, event_id, excerpt_id)
    if wanted is not None and wanted != event_id and \
            not conn.execute("SELECT 1 FROM events WHERE id = ?", [wanted]).fetchone():
        cols = ", ".join(c for c in _columns(conn, "main", "events") if c != "id")
        conn.execute(f"INSERT INTO events (id, {cols}) SELECT ?, {cols} FROM events WHERE id = ?", [wanted, event_id])
        for table in ("excerpts", "event_countries"):
            conn.execute(f"UPDATE {table} SET event_id = ? WHERE event_id = ?", [wanted, event_id])
        conn.execute("DELETE FROM events WHERE id = ?", [event_id])


# -- re-tagging and publication dates ------------------------------------------------------------------

def stored_articles(store) -> Iterator[dict]:
    """Every stored article with its text, in the order they were stored."""
    with store._errors():
        cur = store.db.execute("SELECT id, url, title, source, text, published, published_source, language,"
                               " added FROM articles ORDER BY added, rowid")
        names = [d[0] for d in cur.description]
        for row in cur:
            yield dict(zip(names, row))


def count_articles(store) -> int:
    with store._errors():
        return store.db.execute("SELECT count(*) FROM articles").fetchone()[0]


def article_reports(store, article_id: str) -> list[dict]:
    """The reports (excerpts) an article gives, each with its key, its event, whether it is the event's
    own (first) report, and its date columns."""
    with store._errors():
        cur = store.db.execute(
            "SELECT x.id, x.event_id, x.sentence, x.time_text, x.sentence_start, x.time_start, x.type,"
            " x.value, x.earliest, x.latest, x.granularity, x.mod, x.reasoning, x.anchor,"
            " x.id = (SELECT min(y.id) FROM excerpts y WHERE y.event_id = x.event_id) AS first,"
            " e.title FROM excerpts x JOIN events e ON e.id = x.event_id WHERE x.article_id = ? ORDER BY x.id",
            [article_id])
        names = [d[0] for d in cur.description]
        out = [dict(zip(names, row)) for row in cur]
    keys = article_keys(article_id, [(r["sentence"], r["time_text"], r["sentence_start"], r["time_start"])
                                     for r in out])
    for r, key in zip(out, keys):
        r["key"], r["first"] = key, bool(r["first"])
    return out


def _next_batch(conn) -> int:
    return conn.execute("SELECT coalesce(max(batch), 0) + 1 FROM edits").fetchone()[0]


def _record_published(store, conn, article_id: str, published: str, user: str | None, now: str) -> None:
    """An article's publication date set by hand (inside the caller's transaction), with its history
    row. Raises StoreInputError, naming the file, for an article that does not exist."""
    old = conn.execute("SELECT published FROM articles WHERE id = ?", [article_id]).fetchone()
    if old is None:
        raise StoreInputError(f"{store.path}: no article {article_id}")
    conn.execute("UPDATE articles SET published = ?, published_source = ? WHERE id = ?",
                 [published, PUBLISHED_GIVEN, article_id])
    conn.execute("INSERT INTO edits (batch, event_key, event_id, field, machine, old, new, user, at, undone)"
                 " VALUES (?,?,NULL,?,NULL,?,?,?,?,0)",
                 [_next_batch(conn), f"article:{article_id}", PUBLISHED, _dump(old[0]), _dump(published),
                  user or current_user(), now])


def set_published(store, article_id: str, published: str, dates: dict[int, dict],
                  *, user: str | None = None) -> list[dict]:
    """An article's publication date corrected, in one transaction: the article's row, and for each of its
    reports in ``dates`` (excerpt id -> the DATE_COLUMNS the event builder gives against the new
    reference) the report's date; for a report that is its event's own, the event's too, unless the
    analyst set that event's date by hand (then the hand-set value stays, and the machine's new value is
    kept for the record). Returns what moved: event_id, title, before, after (DATE_COLUMNS), kept."""
    now = _now()
    moved = []
    with store._transaction() as conn:
        _record_published(store, conn, article_id, published, user, now)
        date_checks.invalidate(conn, article_id=article_id)   # dated against another publication
        sets = ", ".join(f"{c} = ?" for c in DATE_COLUMNS)
        for excerpt_id, new in sorted(dates.items()):
            x = conn.execute("SELECT event_id, " + ", ".join(DATE_COLUMNS) + ","
                             " (SELECT min(id) FROM excerpts y WHERE y.event_id = excerpts.event_id) = id"
                             " FROM excerpts WHERE id = ? AND article_id = ?",
                             [excerpt_id, article_id]).fetchone()
            if x is None:
                continue
            event_id, before, first = x[0], dict(zip(DATE_COLUMNS, x[1:9])), bool(x[9])
            new = {c: new.get(c) for c in DATE_COLUMNS}
            if before == new:
                continue
            conn.execute(f"UPDATE excerpts SET {sets} WHERE id = ?", [*new.values(), excerpt_id])
            kept = False
            if first:
                row = _row(conn, event_id)
                key = _key_of(conn, row)
                ann = _stored_annotation(conn, key)
                if "date" in ann["machine"]:    # set by hand: it stays; the machine's new value is noted
                    kept = True
                    ann["machine"]["date"] = new
                    conn.execute("UPDATE annotations SET machine = ?, updated = ? WHERE event_key = ?",
                                 [_dump(ann["machine"]), now, key])
                    _apply(conn, event_id, "date", _latest(conn, key, "date")[1])
                    before = _value_of(row, "date")
                else:
                    _apply(conn, event_id, "date", new)
            if kept or not _same_date(before, new):
                moved.append({"event_id": event_id, "first": first, "before": before,
                              "after": before if kept else new, "machine": new, "kept": kept,
                              "title": _row(conn, event_id)["title"]})
    return moved


@dataclass
class RebuildReport:
    events_before: int = 0
    events_after: int = 0
    ids_kept: int = 0                       # events whose key was found again: they keep their id
    edited_found: int = 0                   # edited events found again, their edits applied
    flagged: list[dict] = field(default_factory=list)    # machine value changed under a correction
    orphans: list[dict] = field(default_factory=list)    # edited events whose sentence is gone
    unplaced: list[dict] = field(default_factory=list)   # merges and splits not made again (see unplaced)


def _columns(conn, schema: str, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA {schema}.table_info([{table}])").fetchall()]


def describe(name: str, value) -> str:
    """A field's value as the command line and a re-tag's flag say it: a date as its day, or its value
    and bounds ("2024-09 (2024-09-01..2024-09-30)"); a list joined by commas; none; text in quotes."""
    if name == "date":
        v = value or {}
        if not v.get("earliest"):
            return str(v.get("value") or "no date")
        if v["earliest"] == v.get("latest"):
            return str(v["earliest"])
        return f"{v.get('value')} ({v['earliest']}..{v.get('latest')})"
    if name == ADDED:
        if not value:
            return "none (removed)"
        return (f"event {value.get('id')} {value.get('title')!r} added by hand, dated "
                f"{describe('date', value)}")
    if name == MERGED:
        if not value:
            return "none"
        n = len(value.get("reports") or [])
        return f"event {value.get('id')} {value.get('title')!r} merged in ({n} report{'s' if n != 1 else ''})"
    if name == SPLIT:
        if not value:
            return "none"
        return f"a report split out as event {value.get('id')} {value.get('title')!r}"
    if isinstance(value, list):
        return ",".join(value) or "none"
    if value is None:
        return "none"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value).lower()


def replace_events(store, fresh_path: str, published: dict[str, str] | None = None, *,
                   user: str | None = None) -> RebuildReport:
    """Replace every event, report and country of the store by those of the database at ``fresh_path``
    (the same articles, tagged again), in one transaction, then apply the analyst's edits again by key.
    An event whose key (the key of its own report) is found again keeps its id; new ones get ids above
    every old one. An edited event is found by the key of its own report, else by a report of another
    event, else (the sentence boundaries moved) by a sentence of the same article that contains the old
    one or is contained in it with the same time expression; one not found is kept as an orphan
    (annotations.event_id NULL), listed, never dropped. A correction whose machine value changed is
    flagged for review. ``published``: article id -> a publication date set by hand, which the fresh
    events were read against (stored, with its history row, in the same transaction)."""
    rep = RebuildReport()
    now = _now()
    conn = store.db.conn
    with store._errors():
        conn.execute("ATTACH DATABASE ? AS fresh", [fresh_path])
    try:
        with store._transaction() as conn:
            if conn.execute("SELECT 1 FROM main.articles WHERE id NOT IN (SELECT id FROM fresh.articles)"
                            " LIMIT 1").fetchone():
                raise StoreError(f"{store.path}: articles were added by another program while they were "
                                 "tagged again; nothing was changed: run retag again")
            for article_id, day in (published or {}).items():
                _record_published(store, conn, article_id, day, user, now)
            old_ids = {key: eid for eid, key in _own_keys(conn, "main")}
            rep.events_before, top = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM main.events"
                                                  ).fetchone()
            mapping: list[tuple[int, int]] = []
            used: set[int] = set()
            next_id = top + 1
            for eid, key in sorted(_own_keys(conn, "fresh")):
                final = old_ids.get(key)
                if final is None or final in used:
                    final, next_id = next_id, next_id + 1
                else:
                    rep.ids_kept += 1
                used.add(final)
                mapping.append((eid, final))
            rep.events_after = len(mapping)
            conn.execute("CREATE TEMP TABLE retag_ids (fresh INTEGER PRIMARY KEY, final INTEGER NOT NULL)")
            conn.executemany("INSERT INTO temp.retag_ids (fresh, final) VALUES (?, ?)", mapping)
            triggers = conn.execute(
                "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND name IN"
                f" ({','.join('?' * len(_FTS_TRIGGERS))})", _FTS_TRIGGERS).fetchall()
            for name, _ in triggers:
                conn.execute(f'DROP TRIGGER main."{name}"')
            for table in ("event_countries", "excerpts", "events", "article_countries"):
                conn.execute(f"DELETE FROM main.{table}")
            ev_cols = [c for c in _columns(conn, "fresh", "events")
                       if c != "id" and c in set(_columns(conn, "main", "events"))]
            conn.execute(f"INSERT INTO main.events (id, {', '.join(ev_cols)}) SELECT m.final,"
                         f" {', '.join('e.' + c for c in ev_cols)} FROM fresh.events e"
                         " JOIN temp.retag_ids m ON m.fresh = e.id ORDER BY m.final")
            x_cols = [c for c in _columns(conn, "fresh", "excerpts")
                      if c not in ("id", "event_id") and c in set(_columns(conn, "main", "excerpts"))]
            conn.execute(f"INSERT INTO main.excerpts (id, event_id, {', '.join(x_cols)}) SELECT x.id, m.final,"
                         f" {', '.join('x.' + c for c in x_cols)} FROM fresh.excerpts x"
                         " JOIN temp.retag_ids m ON m.fresh = x.event_id ORDER BY x.id")
            conn.execute("INSERT INTO main.event_countries (event_id, code, t0, t1) SELECT m.final, c.code,"
                         " c.t0, c.t1 FROM fresh.event_countries c JOIN temp.retag_ids m ON m.fresh = c.event_id")
            conn.execute("INSERT INTO main.article_countries (article_id, code) SELECT article_id, code"
                         " FROM fresh.article_countries WHERE article_id IN (SELECT id FROM main.articles)")
            date_checks.lower_mark(conn, 0)     # every event rebuilt: its date warnings worked out again
            for fts in ("events_fts", "excerpts_fts"):
                if conn.execute("SELECT 1 FROM main.sqlite_master WHERE name = ?", [fts]).fetchone():
                    conn.execute(f"INSERT INTO main.{fts} ({fts}) VALUES ('rebuild')")
            for _, sql in triggers:
                conn.execute(sql)
            conn.execute("DROP TABLE temp.retag_ids")
            _put_back_hand_events(conn, rep)
            _replay_structure(conn, old_ids)
            rep.events_after = conn.execute("SELECT count(*) FROM main.events").fetchone()[0]
            _reapply(conn, rep, now)
            rep.unplaced = _unplaced(conn)
        store._index = None        # the events it remembered for merging reports are gone
    finally:
        try:
            conn.execute("DETACH DATABASE fresh")
        except Exception:     # noqa: BLE001 - detaching is best effort once the work is done or undone
            pass
    return rep


def _find(conn, key: str, cache: dict) -> int | None:
    """The event (id) that now has the report ``key``, in the main database after a rebuild."""
    aid = article_of(key)
    if aid not in cache:
        firsts, others = {}, {}
        for eid, k, first in _report_keys(conn, aid):
            (firsts if first else others).setdefault(k, eid)
        sentences = [(eid, _normal(sentence), _normal(time_text)) for eid, sentence, time_text in conn.execute(
            "SELECT event_id, sentence, time_text FROM excerpts WHERE article_id = ? ORDER BY id", [aid])]
        cache[aid] = (firsts, others, sentences)
    firsts, others, _ = cache[aid]
    return firsts.get(key, others.get(key))


def _find_moved(conn, key: str, cache: dict, said: tuple[str, str] | None) -> int | None:
    """An event of the same article whose sentence contains the old one or lies inside it, with the same
    time expression (the sentence boundaries moved)."""
    if said is None or not said[0]:
        return None
    sentences = cache[article_of(key)][2]
    sentence, time_text = said
    hits = {eid for eid, s, t in sentences
            if t == time_text and s and (sentence in s or s in sentence)}
    return hits.pop() if len(hits) == 1 else None


def _was_added(conn, key: str) -> bool:
    return conn.execute("SELECT 1 FROM edits WHERE event_key = ? AND field = ? LIMIT 1",
                        [key, ADDED]).fetchone() is not None


def _in_effect(conn, key: str) -> bool:
    return conn.execute("SELECT 1 FROM edits WHERE event_key = ? AND undone = 0 LIMIT 1", [key]).fetchone() is not None


def _reapply(conn, rep: RebuildReport, now: str) -> None:
    """Find every annotated event again in the rebuilt events and make it say what its edits say. Two
    edited events the rebuild made one (reports merged, sentences joined) become one annotation under
    the event's own key, with every edit of both (the latest wins, as for two writers)."""
    cache: dict = {}
    found: dict[int, list[dict]] = {}          # event id -> the annotations found on it
    away = _merged_away(conn)
    for key, old_event in conn.execute("SELECT event_key, event_id FROM annotations ORDER BY event_key"
                                       ).fetchall():
        ann = _stored_annotation(conn, key)
        event_id = _find(conn, key, cache)
        if key in away and (event_id is None or _own_key(conn, _row(conn, event_id)) != key):
            # merged into another event by the analyst: its edits wait, with no event, for an undo
            conn.execute("UPDATE annotations SET event_id = NULL WHERE event_key = ?", [key])
            conn.execute("UPDATE edits SET event_id = NULL WHERE event_key = ?", [key])
            continue
        if event_id is None and ann["sentence"] and not _was_added(conn, key):   # (an added event whose
            # add is undone is not looked for in the machine's sentences: it was never one of them)
            event_id = _find_moved(conn, key, cache, (_normal(ann["sentence"]), _normal(ann["time_text"])))
        if event_id is not None:
            found.setdefault(event_id, []).append(ann)
            continue
        conn.execute("UPDATE annotations SET event_id = NULL, updated = ? WHERE event_key = ?", [now, key])
        conn.execute("UPDATE edits SET event_id = NULL WHERE event_key = ?", [key])
        if _in_effect(conn, key):        # (every edit of it undone: nothing to tell the analyst)
            rep.orphans.append({**ann, "event_id": None, "was": old_event})
    for event_id, anns in sorted(found.items()):
        rep.edited_found += len(anns)
        row = _row(conn, event_id)          # the machine's values: no edit is applied to it yet
        own = _own_key(conn, row)
        notes = []
        for ann in anns:
            if ann["key"] != own:           # found by a moved sentence or another report: the edits
                conn.execute("DELETE FROM annotations WHERE event_key = ?", [ann["key"]])   # follow its own key
                conn.execute("UPDATE edits SET event_key = ? WHERE event_key = ?", [own, ann["key"]])
            for name, before in ann["machine"].items():
                now_machine = _value_of(row, name)
                if not (_same_date(before, now_machine) if name == "date" else before == now_machine):
                    notes.append(f"{name}: the machine read {describe(name, before)}, "
                                 f"now reads {describe(name, now_machine)}")
        ann = next((a for a in anns if a["key"] == own), anns[0])
        ann["key"], ann["machine"] = own, {}
        flag = "; ".join(notes) if notes else next((a["flag"] for a in anns if a["flag"]), None)
        _refresh(conn, own, event_id, FIELDS, now, ann, flag=flag)
        conn.execute("UPDATE edits SET event_id = ? WHERE event_key = ?", [event_id, own])
        if notes:
            rep.flagged.append({"event_id": event_id, "key": own, "flag": flag})
