"""The SQLite store: schema, migrations and every query the app needs.

This package is the only place that speaks SQL. The database is an interface in its own right:
the schema is documented in docs/SCHEMA.md so people can open it with sqlite-utils or Datasette.
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path

import sqlite_utils

from viewer.merging import same_happening
from viewer.model import Article, Event, TimeExpression, ViewFilter, check_words
from viewer.store import checks as date_checks
from viewer.store import curation
from viewer.store import views as saved_views
from viewer.store.errors import StoreError, StoreInputError
from viewer.store.filtering import NO_LANGUAGE, REPORT_LANGUAGE_SQL, note_search_ids, sql_where
# the store's values, re-exported: the window and the command line import them from here
from viewer.store.values import clean_text, fts_query, interval_seconds, seconds_to_iso  # noqa: F401

SCHEMA_VERSION = 8   # PRAGMA user_version of a database this code writes
APPLICATION_ID = 0x43544C31  # "CTL1": marks a file as a Conflict Timeline database


# Databases up to this size are checked (PRAGMA quick_check, ~0.1 s per 60 MB) when opened; bigger ones
# report damage on the first query that reaches it.
QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024


def _busy_timeout_default() -> float:
    try:
        return max(0.0, float(os.environ.get("CONFLICT_TIMELINE_BUSY_TIMEOUT", "5")))
    except ValueError:
        return 5.0


# Seconds to wait for another program's write before saying "locked" (environment variable
# CONFLICT_TIMELINE_BUSY_TIMEOUT; Store.open(timeout=) wins).
DEFAULT_BUSY_TIMEOUT = _busy_timeout_default()


def _translate(exc: BaseException, path: str, timeout: float | None = None) -> StoreError:
    """An sqlite3 error -> a StoreError whose message a person can act on."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    low = text.lower()
    if isinstance(exc, UnicodeDecodeError):
        # SQLite's own message (naming a damaged table) or a value was not UTF-8
        name, text = "SQLITE_CORRUPT", "bytes that are not UTF-8 where text belongs"
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED") or "locked" in low:
        wait = f" (waited {timeout:g} s)" if timeout is not None else ""
        return StoreError(f"{path}: the database is locked by another program{wait}; "
                          "try again when it has finished", "locked")
    if name.startswith("SQLITE_READONLY") or "readonly" in low or "read-only" in low:
        return StoreError(f"{path}: the database is read-only (no permission to write to the file, "
                          "its -wal/-shm files or its folder); nothing was changed", "readonly")
    if name.startswith("SQLITE_FULL") or "disk is full" in low:
        return StoreError(f"{path}: disk full: the database could not grow, so this batch was not "
                          "stored; everything stored before is intact", "full")
    if (name.startswith("SQLITE_CORRUPT") or name.startswith("SQLITE_NOTADB")
            or "malformed" in low or "not a database" in low):
        return StoreError(f"{path}: the database file is damaged (corrupt): {text}. Nothing was "
                          "changed; restore it from a backup or start a new database", "corrupt")
    if name.startswith("SQLITE_INTERRUPT") or "interrupted" in low:
        return StoreError(f"{path}: cancelled; the unfinished batch was not stored", "interrupted")
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in low:
        return StoreError(f"{path}: cannot open the database file: {text}", "io")
    if name.startswith("SQLITE_IOERR") or "i/o error" in low:
        if "READ" not in name:     # WRITE, FSYNC, TRUNCATE, SHMSIZE ... or a bare IOERR
            return StoreError(f"{path}: could not write to the disk ({text}): it may be full, or the "
                              "file bigger than the system allows; this batch was not stored, everything "
                              "stored before is intact", "io")
        return StoreError(f"{path}: the disk reported an error: {text}", "io")
    if name.startswith("SQLITE_TOOBIG") or "too big" in low:
        return StoreInputError(f"{path}: an article or a value is too big to store ({text}); this "
                               "batch was not stored")
    if isinstance(exc, (OverflowError, UnicodeError, ValueError, TypeError)):
        return StoreInputError(f"{path}: cannot store this input: {text}")
    return StoreError(f"{path}: {text}")


@dataclass
class EventRow:
    """An event as the UI and the command line see it."""
    id: int
    article_id: str
    title: str
    sentence: str
    sentence_start: int
    sentence_end: int
    time_start: int
    time_end: int
    time_text: str
    type: str
    value: str
    earliest: str | None
    latest: str | None
    t0: float | None
    t1: float | None
    granularity: str | None
    mod: str | None
    reasoning: str
    anchor: str | None
    countries: list[str]
    mentions: list[dict]
    reports: int = 1              # how many excerpts (reports, usually from different articles) it has
    dating: str = "written"       # how its date was obtained: written, context, reported
    checks: int | None = None     # its date warnings (viewer.model CHECK_* flags); None: not checked

    @property
    def warnings(self) -> list[str]:
        """The words of its date warnings (viewer.model.CHECK_NAMES)."""
        return check_words(self.checks)

    def to_json(self) -> dict:
        return {
            "id": self.id, "article_id": self.article_id, "title": self.title,
            "sentence": self.sentence, "text": self.time_text, "type": self.type, "value": self.value,
            "earliest": self.earliest, "latest": self.latest, "granularity": self.granularity,
            "mod": self.mod, "reasoning": self.reasoning, "anchor": self.anchor,
            "countries": self.countries, "reports": self.reports, "dating": self.dating,
            "warnings": self.warnings,
        }


def _json_list(text) -> list:
    try:
        value = json.loads(text or "[]")
    except (ValueError, TypeError):
        return []
    return value if isinstance(value, list) else []


def event_row(row: dict) -> EventRow:
    g = row.get
    return EventRow(
        id=g("id"), article_id=g("article_id"), title=g("title") or "",
        sentence=g("sentence") or "", sentence_start=g("sentence_start"),
        sentence_end=g("sentence_end"), time_start=g("time_start"), time_end=g("time_end"),
        time_text=g("time_text") or "", type=g("type") or "", value=g("value") or "",
        earliest=g("earliest"), latest=g("latest"), t0=g("t0"), t1=g("t1"),
        granularity=g("granularity"), mod=g("mod"), reasoning=g("reasoning") or "",
        anchor=g("anchor"),
        countries=[c for c in str(g("countries") or "").split(",") if c],
        mentions=_json_list(g("mentions")),
        reports=g("reports") or 1,
        dating=g("dating") or "written",
        checks=g("checks"),
    )


def _create_v1(db: sqlite_utils.Database) -> None:
    db["articles"].create({
        "id": str, "url": str, "title": str, "source": str, "text": str, "published": str,
        "published_source": str, "language": str, "added": str,
    }, pk="id", not_null={"text"})
    db["article_countries"].create(
        {"article_id": str, "code": str}, pk=("article_id", "code"),
        foreign_keys=[("article_id", "articles", "id")])
    db["events"].create({
        "id": int, "article_id": str, "sentence_start": int, "sentence_end": int, "sentence": str,
        "time_start": int, "time_end": int, "time_text": str, "type": str, "value": str,
        "earliest": str, "latest": str, "t0": float, "t1": float, "granularity": str, "mod": str,
        "reasoning": str, "anchor": str, "title": str, "countries": str, "mentions": str,
    }, pk="id", foreign_keys=[("article_id", "articles", "id")])
    db["event_countries"].create(
        {"event_id": int, "code": str, "t0": float, "t1": float}, pk=("event_id", "code"),
        foreign_keys=[("event_id", "events", "id")])
    db["events"].create_index(["t0"])
    db["events"].create_index(["article_id"])
    db["event_countries"].create_index(["code", "t0"])
    db["events"].enable_fts(["title", "sentence"], create_triggers=True, tokenize="unicode61")


# version -> the step that brings a database at version-1 to version. A new database runs every step
# from 1, so a migrated database and a new one have the same schema by construction. Steps run inside
# one transaction with the version pragmas: a crash mid-migration leaves the old version, whole.
def _add_excerpts_v2(db: sqlite_utils.Database) -> None:
    """Version 2: one event, many reports. Each report of an event is an excerpt (its article, sentence,
    time expression and how it was dated); every event gets its own as its first excerpt, and a
    `reports` count."""
    db["excerpts"].create({
        "id": int, "event_id": int, "article_id": str, "sentence_start": int, "sentence_end": int,
        "sentence": str, "time_start": int, "time_end": int, "time_text": str, "type": str, "value": str,
        "earliest": str, "latest": str, "granularity": str, "mod": str, "reasoning": str, "anchor": str,
        "countries": str, "mentions": str,
    }, pk="id", not_null={"event_id", "article_id"},
        foreign_keys=[("event_id", "events", "id"), ("article_id", "articles", "id")])
    db.execute(
        "INSERT INTO excerpts (event_id, " + _EXCERPT_COLUMNS + ") SELECT id, " + _EXCERPT_COLUMNS
        + " FROM events ORDER BY id")
    db["excerpts"].create_index(["event_id"])
    db["excerpts"].create_index(["article_id"])
    db["events"].add_column("reports", int, not_null_default=1)


_EXCERPT_COLUMNS = ("article_id, sentence_start, sentence_end, sentence, time_start, time_end, time_text,"
                    " type, value, earliest, latest, granularity, mod, reasoning, anchor, countries,"
                    " mentions")

def _search_reports_v3(db: sqlite_utils.Database) -> None:
    """Version 3: search finds an event by the words of any of its reports, not only its own."""
    db["excerpts"].enable_fts(["sentence"], create_triggers=True, tokenize="unicode61")


def _index_granularity_v4(db: sqlite_utils.Database) -> None:
    """Version 4: an index to find events of one precision in a time window (reports of the same
    happening dated by month, season or year), instead of reading every event of a country for years."""
    db["events"].create_index(["granularity", "t0", "t1", "countries"])


def _dating_v5(db: sqlite_utils.Database) -> None:
    """Version 5: how each event and report was dated: `written` (a time expression of its own),
    `context` (the time the text is at), `reported` (the article's publication). Older rows were all
    dated by a written expression."""
    for table in ("events", "excerpts"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN dating TEXT NOT NULL DEFAULT 'written'")


MIGRATIONS = {1: _create_v1, 2: _add_excerpts_v2, 3: _search_reports_v3, 4: _index_granularity_v4,
              5: _dating_v5, 6: curation.add_curation_v6, 7: saved_views.add_saved_views_v7,
              8: date_checks.add_checks_v8}

_V1_COLUMNS = {
    "articles": {"id", "url", "title", "source", "text", "published", "published_source", "language",
                 "added"},
    "article_countries": {"article_id", "code"},
    "events": {"id", "article_id", "sentence_start", "sentence_end", "sentence", "time_start", "time_end",
               "time_text", "type", "value", "earliest", "latest", "t0", "t1", "granularity", "mod",
               "reasoning", "anchor", "title", "countries", "mentions"},
    "event_countries": {"event_id", "code", "t0", "t1"},
    "events_fts": {"title", "sentence"},
}
# The tables and columns each version must have: checked on open, so a file whose schema was damaged
# or altered by hand is refused with a message instead of failing query by query.
EXPECTED_COLUMNS = {
    1: _V1_COLUMNS,
    2: {**_V1_COLUMNS, "events": _V1_COLUMNS["events"] | {"reports"},
        "excerpts": {"id", "event_id"} | set(_EXCERPT_COLUMNS.split(", "))},
}
EXPECTED_COLUMNS[3] = {**EXPECTED_COLUMNS[2], "excerpts_fts": {"sentence"}}
EXPECTED_COLUMNS[4] = EXPECTED_COLUMNS[3]
EXPECTED_COLUMNS[5] = {**EXPECTED_COLUMNS[4], "events": EXPECTED_COLUMNS[4]["events"] | {"dating"},
                       "excerpts": EXPECTED_COLUMNS[4]["excerpts"] | {"dating"}}
EXPECTED_COLUMNS[6] = {**EXPECTED_COLUMNS[5], **curation.EXPECTED_COLUMNS}
EXPECTED_COLUMNS[7] = {**EXPECTED_COLUMNS[6], **saved_views.EXPECTED_COLUMNS}
EXPECTED_COLUMNS[8] = {**EXPECTED_COLUMNS[7], **date_checks.EXPECTED_COLUMNS,
                       "events": EXPECTED_COLUMNS[7]["events"] | date_checks.EXPECTED_EVENT_COLUMNS}


def _decode_text(raw: bytes) -> str:
    return str(raw, "utf-8", "replace")


# -- one event from many reports -----------------------------------------------------------------

MERGE_REPORTS = True
MERGE_THRESHOLD = 0.85        # on viewer.merging.same_happening's 0..1 scale (date, countries, words)

# Reports of the same happening are dated with the same precision, give or take: "on Monday" and
# "on 18 November" (day), "last weekend" and "that week" (week) ...
_GRANULARITY_CLASS = {
    "second": "time", "minute": "time", "hour": "time", "day": "day", "weekend": "week", "week": "week",
    "month": "month", "season": "season", "quarter": "season", "half": "season", "year": "year",
    "decade": "long", "century": "long", "millennium": "long",
}
# The longest interval an event of each class can span, in seconds: candidates are looked up by start
# time in [t0 - span, t1), an index range scan. Longer intervals are simply never merged.
_CLASS_GRANULARITIES: dict[str, tuple[str, ...]] = {}
for _g, _k in _GRANULARITY_CLASS.items():
    _CLASS_GRANULARITIES[_k] = _CLASS_GRANULARITIES.get(_k, ()) + (_g,)
MERGE_CANDIDATES = 50         # the most candidates weighed per new report (nearest in time first)
MERGE_INDEX_MAX = 500_000     # events kept in a Store's memory for merging; beyond, older ones via SQL
# The triggers that keep the full-text indexes up to date on insert and update (sqlite-utils' names);
# a batch of articles fills the indexes itself (see add_prepared). Deletes keep their triggers.
_ROW_TRIGGERS = ("events_ai", "events_au", "excerpts_ai", "excerpts_au")

_CLASS_MAX_SPAN = {"time": 86400, "day": 7 * 86400, "week": 14 * 86400, "month": 62 * 86400,
                   "season": 190 * 86400, "year": 740 * 86400, "long": 200 * 366 * 86400}

def _similar(a: Event, b: Event) -> float:
    """How alike a and b read as one happening (viewer.merging.same_happening), 0 below MERGE_THRESHOLD:
    a score to rank candidates, 0 for "not the same"."""
    score = same_happening(a, b)
    return score if score >= MERGE_THRESHOLD else 0.0


class Store:
    def __init__(self, db: sqlite_utils.Database, path: str, *, readonly: bool = False,
                 timeout: float = DEFAULT_BUSY_TIMEOUT):
        self.db = db
        self.path = path
        self.readonly = readonly
        self.timeout = timeout
        self._cancel = threading.Event()
        self._merged = 0
        self._tables: dict[str, bool] = {}
        self._index = None        # bulk.MergeIndex of the events this Store wrote
        self.last_merged = 0      # reports the last add_articles stored as excerpts of existing events
        self.identity: tuple[int, int] | None = None   # (device, inode) of the file as opened; None in memory

    # -- opening -----------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False, timeout: float = DEFAULT_BUSY_TIMEOUT,
             check: bool | None = None) -> "Store":
        """Open (or create) a database, bringing an older one up to date.

        Refused with a StoreError, the file left untouched: a file that is not SQLite, another
        program's SQLite database, one from a newer version of this program, a damaged one. With
        ``readonly=False`` a database we may not write is refused too (kind "readonly"): open it with
        ``readonly=True`` to browse it. ``timeout`` is how long to wait for another program's write
        before saying the database is locked. ``check`` runs PRAGMA quick_check (default: on files up
        to QUICK_CHECK_MAX_BYTES).
        """
        path = str(path)
        memory = path == ":memory:"
        p = Path(path)
        try:
            if not memory and p.is_dir():
                raise StoreError(f"{path}: is a folder, not a database file", "io")
            exists = not memory and p.exists()
            size = p.stat().st_size if exists else 0
        except OSError as exc:       # a folder on the way we may not enter, a name too long ...
            raise StoreError(f"{path}: cannot use this path: {exc.strerror or exc}", "io") from exc
        is_new = size == 0
        if readonly and not exists:
            raise StoreError(f"{path}: no such database", "missing")
        if exists and not is_new:
            _check_is_ours(path)
        if check is None:
            check = exists and not is_new and size <= QUICK_CHECK_MAX_BYTES
        conn = None
        try:
            if readonly:
                conn = cls._connect_readonly(path, timeout)
            else:
                if not memory:
                    try:
                        p.parent.mkdir(parents=True, exist_ok=True)
                    except OSError as exc:
                        raise StoreError(f"{path}: cannot create its folder {p.parent}: "
                                         f"{exc.strerror}", "io") from exc
                conn = sqlite3.connect(path, check_same_thread=False, timeout=timeout)
            # Text that is not UTF-8 (a damaged page, another tool's Latin-1) reads as U+FFFD instead
            # of making every query that touches it fail.
            conn.text_factory = _decode_text
            db = sqlite_utils.Database(conn)
            store = cls(db, path, readonly=readonly, timeout=timeout)
            if not memory:
                try:
                    st = os.stat(path)
                    store.identity = (st.st_dev, st.st_ino)
                except OSError:
                    pass            # not on disk yet: the background jobs check the path instead
            conn.execute("PRAGMA foreign_keys = ON")
            if check:
                store._quick_check()
            version = store.schema_version()
            if version < 0:
                raise StoreError(f"{path}: damaged (impossible schema version {version}); "
                                 "left untouched", "corrupt")
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{path}: made by a newer version of Conflict Timeline "
                    f"(schema {version}, this program knows {SCHEMA_VERSION}); left untouched", "newer")
            if version == 0 and not is_new and db.table_names():
                raise StoreError(f"{path}: a SQLite database with other tables, not one of "
                                 "Conflict Timeline's; left untouched", "foreign")
            if not readonly:
                store._migrate()
            store._check_schema()
            if not readonly:
                if not memory:
                    store._probe_writable()
                    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                        conn.execute("PRAGMA journal_mode = WAL")
                    conn.execute("PRAGMA synchronous = NORMAL")
            return store
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, (sqlite3.Error, UnicodeDecodeError)):
                raise _translate(exc, path, timeout) from exc
            raise

    @staticmethod
    def _connect_readonly(path: str, timeout: float) -> sqlite3.Connection:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=timeout)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError as exc:
            # A WAL database in a folder we may not write: SQLite cannot make its -shm file. Nobody
            # without write permission can change it either, so read it as immutable.
            if not (getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN"))
                    or "readonly" in str(exc)):
                raise
            conn.close()
            return sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False,
                                   timeout=timeout)

    def _check_schema(self) -> None:
        version = self.schema_version()
        missing = []
        for table, columns in EXPECTED_COLUMNS.get(version, {}).items():
            have = {row[1] for row in self.db.execute(f"PRAGMA table_xinfo([{table}])").fetchall()}
            lost = sorted(columns - have)
            if lost:
                missing.append(f"{table} ({', '.join(lost)})" if have else table)
        if missing:
            raise StoreError(f"{self.path}: the database file is damaged or was changed by another "
                             f"program: missing {'; '.join(missing)}. Nothing was changed", "corrupt")

    def _quick_check(self) -> None:
        rows = self.db.execute("PRAGMA quick_check(5)").fetchall()
        if [r[0] for r in rows] != ["ok"]:
            detail = "; ".join(r[0] for r in rows)
            raise StoreError(f"{self.path}: the database file is damaged (corrupt): {detail}. Nothing "
                             "was changed; restore it from a backup or start a new database", "corrupt")

    def _probe_writable(self) -> None:
        """Fail now, with a clear message, rather than on the first write: SQLite quietly opens a file
        it may not write read-only. Writes nothing (the probe is rolled back); does not wait for a
        lock (a database another program is writing is writable)."""
        conn = self.db.conn
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(f"PRAGMA user_version = {self.schema_version()}")
        except sqlite3.OperationalError as exc:
            err = _translate(exc, self.path)
            if err.kind != "locked":
                raise err from exc
        finally:
            if conn.in_transaction:
                conn.rollback()
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")

    def _migrate(self, target: int = SCHEMA_VERSION) -> None:
        conn = self.db.conn
        if self.schema_version() >= target:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = self.schema_version()   # another program may have migrated it meanwhile
            for step in range(version + 1, target + 1):
                MIGRATIONS[step](self.db)
            conn.execute(f"PRAGMA user_version = {target}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.commit()
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise

    def schema_version(self) -> int:
        with self._errors():
            return self.db.execute("PRAGMA user_version").fetchone()[0]

    def integrity_check(self) -> list[str]:
        """PRAGMA integrity_check: ["ok"] for a sound database, else what is wrong."""
        with self._errors():
            return [r[0] for r in self.db.execute("PRAGMA integrity_check").fetchall()]

    def interrupt(self) -> None:
        """Cancel the add_articles running now (safe to call from another thread): its batch is rolled
        back and it raises StoreError(kind="interrupted"). Also stops a running query."""
        self._cancel.set()
        self.db.conn.interrupt()

    def close(self) -> None:
        try:
            self.db.conn.close()
        except sqlite3.Error:
            pass

    @contextmanager
    def _errors(self):
        try:
            yield
        except StoreError:
            raise
        except (sqlite3.Error, OverflowError, UnicodeError) as exc:
            raise _translate(exc, self.path, self.timeout) from exc

    # -- writing -----------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        with self._errors():
            return self.db.execute("SELECT 1 FROM articles WHERE id = ?",
                                   [article_id]).fetchone() is not None

    @contextmanager
    def _transaction(self):
        """BEGIN IMMEDIATE ... COMMIT, everything rolled back on any error (or a cancel)."""
        if self.readonly:
            raise StoreError(f"{self.path}: opened read-only; nothing was changed", "readonly")
        conn = self.db.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _translate(exc, self.path, self.timeout) from exc
        try:
            yield conn
            conn.commit()
        except BaseException as exc:
            try:
                if conn.in_transaction:
                    conn.rollback()
            except sqlite3.Error:
                pass
            if isinstance(exc, (sqlite3.Error, OverflowError, UnicodeError)):
                raise _translate(exc, self.path, self.timeout) from exc
            raise

    def add_articles(self, batch: Iterable[tuple[Article, list[Event], list[str]]]) -> int:
        """Store whole articles with their events, in one transaction: all of the batch or none of it.
        Already-stored articles are skipped. Returns the number of events added; each event's ``id``
        is set to the event it was stored as (its own, or the one it is another report of)."""
        from viewer.store.bulk import prepare_article
        given: list[list[Event]] = []

        def prepared():
            for article, events, countries in batch:
                try:
                    p = prepare_article(article, events, countries)
                except StoreInputError as exc:
                    raise StoreInputError(f"{self.path}: {exc}") from exc
                given.append(events)
                yield p

        ids: list[int | None] = []
        added = self.add_prepared(prepared(), ids)
        flat = iter(ids)
        for events in given:
            for event in events:
                event.id = next(flat, None)
        return added

    def add_prepared(self, batch: Iterable, event_ids: list | None = None) -> int:
        """Like add_articles, for articles already made into rows by
        :func:`viewer.store.bulk.prepare_article` (in ingest, by the worker that tagged them). The parent
        only looks up reports of the same happening and executes the inserts, a few statements per
        batch. ``event_ids``, when given, receives the event id of every report, in order (None for the
        reports of articles skipped as already stored)."""
        from viewer.store.bulk import MergeIndex
        added = 0
        self._merged = self.last_merged = 0
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self._cancel.clear()
        merging = MERGE_REPORTS
        try:
            with self._transaction() as conn:
                top = conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
                index = self._index
                if index is None or index.top_id != top or index.size > MERGE_INDEX_MAX:
                    # first batch, another program wrote events meanwhile, or grown big: events up to
                    # `top` are looked up in SQL from now on, the ones written from here on in memory
                    index = self._index = MergeIndex(top)
                next_id = top + 1
                seen: set[str] = set()
                articles, article_countries, events, excerpts = [], [], [], []
                more_reports: dict[int, int] = {}
                for p in batch:
                    if self._cancel.is_set():
                        raise StoreError(f"{self.path}: cancelled; the unfinished batch was not stored",
                                         "interrupted")
                    aid = p.article_id
                    if aid in seen or conn.execute("SELECT 1 FROM articles WHERE id = ?",
                                                   [aid]).fetchone():
                        if event_ids is not None:
                            event_ids.extend([None] * len(p.events))
                        continue
                    seen.add(aid)
                    articles.append((*p.article, now))
                    article_countries.extend((aid, c) for c in p.countries)
                    merged_into: set[int] = set()
                    for ev in p.events:
                        report, t0, t1, title, codes = ev
                        klass = (_GRANULARITY_CLASS.get(report[11] or "",
                                                        "day" if report[17] == "reported" else None)
                                 if t0 is not None and codes else None)
                        event_id = None
                        if merging and klass is not None:
                            found = self._same_happening(conn, index, klass, ev)
                            if found is not None and found[0] not in merged_into:  # not reported by it yet
                                event_id = found[0]
                        if event_id is not None:
                            more_reports[event_id] = more_reports.get(event_id, 0) + 1
                            merged_into.add(event_id)
                            self._merged += 1
                        else:
                            event_id = next_id
                            next_id += 1
                            added += 1
                            events.append((event_id, ev))
                            if klass is not None:
                                index.add((klass, frozenset(codes)), t0, t1, event_id, aid, report,
                                          title, codes)
                        excerpts.append((event_id, *report))
                        if event_ids is not None:
                            event_ids.append(event_id)
                if not articles:
                    return 0            # all stored already
                # The full-text indexes are filled once per batch, from the rows just written, instead of
                # by their triggers row by row (each trigger statement makes FTS5 write a small segment
                # and merge: ten times slower). The triggers are dropped and put back inside this
                # transaction, so they are there for every other writer whatever happens to this one.
                top_excerpt = conn.execute("SELECT coalesce(max(id), 0) FROM excerpts").fetchone()[0]
                triggers = conn.execute(
                    f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN"
                    f" ({','.join('?' * len(_ROW_TRIGGERS))})", _ROW_TRIGGERS).fetchall()
                for name, _ in triggers:
                    conn.execute(f'DROP TRIGGER "{name}"')
                conn.executemany(
                    "INSERT INTO articles (id, url, title, source, text, published, published_source,"
                    " language, added) VALUES (?,?,?,?,?,?,?,?,?)", articles)
                conn.executemany("INSERT INTO article_countries (article_id, code) VALUES (?, ?)",
                                 article_countries)
                conn.executemany(
                    "INSERT INTO events (id, article_id, sentence_start, sentence_end, sentence,"
                    " time_start, time_end, time_text, type, value, earliest, latest, t0, t1,"
                    " granularity, mod, reasoning, anchor, title, countries, mentions, reports, dating)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [(event_id, *r[:11], t0, t1, *r[11:15], title, r[15], r[16],
                      1 + more_reports.pop(event_id, 0), r[17])
                     for event_id, (r, t0, t1, title, _) in events])
                event_countries = [(event_id, c, t0, t1) for event_id, (_, t0, t1, _, codes) in events
                                   for c in codes]
                conn.executemany("INSERT INTO event_countries (event_id, code, t0, t1) VALUES (?,?,?,?)",
                                 event_countries)
                conn.executemany(f"INSERT INTO excerpts (event_id, {_EXCERPT_COLUMNS}, dating) VALUES"
                                 " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", excerpts)
                # reports of events stored by earlier batches
                conn.executemany("UPDATE events SET reports = reports + ? WHERE id = ?",
                                 [(n, event_id) for event_id, n in sorted(more_reports.items())])
                # the events written are to be checked for date warnings (viewer.checks.refresh), and so are
                # those with new reports (which may disagree on the date)
                date_checks.lower_mark(conn, top)
                date_checks.invalidate(conn, [i for i in more_reports if i <= top])
                conn.execute("INSERT INTO events_fts (rowid, title, sentence)"
                             " SELECT id, title, sentence FROM events WHERE id > ?", [top])
                conn.execute("INSERT INTO excerpts_fts (rowid, sentence)"
                             " SELECT id, sentence FROM excerpts WHERE id > ?", [top_excerpt])
                for _, sql in triggers:
                    conn.execute(sql)
                index.top_id = next_id - 1
        except BaseException:
            self._index = None      # it may hold events of the batch that was rolled back
            raise
        self.last_merged = self._merged
        return added

    def _same_happening(self, conn, index, klass: str, ev: tuple) -> tuple[int, Event] | None:
        """The existing event, from a different article, that this report most likely describes too:
        overlapping [t0, t1), the same class of granularity, the same (non-empty) set of countries, a
        similar sentence. None when there is none (conservative: a wrong merge hides an event, a missed
        one shows it twice). At most MERGE_CANDIDATES candidates are weighed, latest start first (the
        latest written first among equal starts), so a dense month costs bounded time; of equally good
        ones the first wins. Events written through this Store are found in memory (`index`), older
        ones in SQL."""
        from viewer.store.bulk import ACROSS_CLASSES, ACROSS_MARGIN, candidates_across, entry_event, report_event
        report, t0, t1, title, codes = ev
        article_id = report[0]
        if klass in ACROSS_CLASSES:
            # reports of other granularities ("on 18 November", "in November") and of nearby days
            lo = t0 - max(ACROSS_CLASSES.values()) - ACROSS_MARGIN
            found = [(e[0], e[1], e) for e in candidates_across(index, frozenset(codes), t0, t1, article_id,
                                                                 MERGE_CANDIDATES)]
        else:
            lo = t0 - _CLASS_MAX_SPAN[klass]
            found = [(e[0], e[1], e) for e in index.candidates((klass, frozenset(codes)), lo, t0, t1,
                                                                article_id, MERGE_CANDIDATES)]
        if index.base_id:
            found += [(row[-1], row[0], row)
                      for row in self._sql_candidates(conn, klass, lo, t0, t1, codes, article_id,
                                                      index.base_id)]
            found.sort(key=lambda c: (c[0], c[1]), reverse=True)
            del found[MERGE_CANDIDATES:]
        if not found:
            return None
        this = report_event(report, title, codes)
        wanted = list(set(codes))
        best, best_score, best_event = None, 0.0, None
        for _, event_id, c in found:
            if isinstance(c, list):
                other = entry_event(c)
            else:
                other = Event(c[1], c[2], c[3], c[4] or "",
                              TimeExpression(c[5], c[6], c[7] or "", c[8] or "", c[9] or "", c[10],
                                             c[11], c[12], c[13] or "", c[14], c[15]),
                              c[16] or "", wanted, dating=c[18] or "written")
            score = _similar(this, other)
            if score > best_score:
                best, best_score, best_event = event_id, score, other
        return None if best is None else (best, best_event)

    @staticmethod
    def _sql_candidates(conn, klass: str, lo: float, t0: float, t1: float, codes, article_id: str,
                        up_to: int) -> list:
        """Candidates among the events with id <= up_to (those stored before this Store began writing):
        the same class of granularity; each of our countries in its countries string, of the same
        length (codes are unique, so: the same set); another article; latest start first. Fine
        precisions (hours to weeks) are looked up by country and time; coarse ones (months to
        centuries: few events, long windows) by granularity and time, tested inside the index before
        any row is read."""
        from viewer.store.bulk import ACROSS_CLASSES, ACROSS_MARGIN
        across = klass in ACROSS_CLASSES
        grans = (tuple(g for k in ACROSS_CLASSES for g in _CLASS_GRANULARITIES[k]) if across
                 else _CLASS_GRANULARITIES[klass])
        margin = ACROSS_MARGIN if across else 0
        marks = ",".join("?" * len(grans))
        columns = ("e.id, e.article_id, e.sentence_start, e.sentence_end, e.sentence, e.time_start,"
                   " e.time_end, e.time_text, e.type, e.value, e.earliest, e.latest, e.granularity,"
                   " e.reasoning, e.mod, e.anchor, e.title, e.countries, e.dating, e.t0")
        same_set = " AND length(e.countries) = ?" + " AND instr(',' || e.countries || ',', ?)" * len(codes)
        set_params = [len(",".join(codes)), *(f",{c}," for c in codes)]
        if klass in ("time", "day", "week"):
            rows = conn.execute(
                f"SELECT {columns} FROM event_countries c JOIN events e ON e.id = c.event_id"
                f" WHERE c.code = ? AND c.t0 >= ? AND c.t0 < ? AND c.t1 > ?{same_set}"
                f" AND e.granularity IN ({marks}) AND e.article_id != ? AND e.id <= ?"
                " ORDER BY c.t0 DESC, e.id DESC LIMIT ?",
                [codes[0], lo, t1 + margin, t0 - margin, *set_params, *grans, article_id, up_to,
                 MERGE_CANDIDATES]).fetchall()
        else:
            rows = conn.execute(
                f"SELECT {columns} FROM events e INDEXED BY idx_events_granularity_t0_t1_countries"
                f" WHERE e.granularity IN ({marks}) AND e.t0 >= ? AND e.t0 < ? AND e.t1 > ?{same_set}"
                " AND e.article_id != ? AND e.id <= ? ORDER BY e.t0 DESC, e.id DESC LIMIT ?",
                [*grans, lo, t1, t0, *set_params, article_id, up_to, MERGE_CANDIDATES]).fetchall()
        wanted = set(codes)
        return [row for row in rows
                if (_GRANULARITY_CLASS.get(row[12] or "") in ACROSS_CLASSES if across
                    else _GRANULARITY_CLASS.get(row[12] or "") == klass)
                and set(c for c in (row[17] or "").split(",") if c) == wanted]

    # -- reading -----------------------------------------------------------------------------
    def where(self, f: ViewFilter | None, *, correlated_countries: bool = False) -> tuple[str, list]:
        """`f` as " WHERE ..." over the events table as ``e``, and its parameters (see
        viewer.store.filtering, which says what each field of a filter means)."""
        searching = bool(f is not None and f.search)
        search_reports = searching and self._has_table("excerpts_fts")
        annotations = self._has_table("annotations")
        also = None
        if searching and annotations:
            with self._errors():
                also = note_search_ids(self.db.conn, f.search)
        return sql_where(f, correlated_countries=correlated_countries, search_reports=search_reports,
                         annotations=annotations, also_ids=also, checks=self._has_checks(),
                         reports=self._has_excerpts())

    def events(self, f: ViewFilter | None = None, *, limit: int | None = None,
               starts_from: float | None = None, starts_before: float | None = None,
               latest_first: bool = False) -> Iterator[EventRow]:
        """The events `f` keeps, earliest first (``latest_first``: latest first; at most ``limit``).
        ``starts_from`` / ``starts_before``: only those whose interval starts at or after / before that
        instant (seconds, as ``events.t0``): a start bounded on both sides is one range of the index on
        t0, where "overlaps a day" alone reads every event that starts before the day."""
        where, params = self.where(f)
        for bound, test in ((starts_from, "e.t0 >= ?"), (starts_before, "e.t0 < ?")):
            if bound is not None:
                where = f"{where} AND {test}" if where else f" WHERE {test}"
                params = [*params, float(bound)]
        order = "e.t0 IS NULL, e.t0 DESC, e.id DESC" if latest_first else "e.t0 IS NULL, e.t0, e.id"
        sql = f"SELECT e.* FROM events e{where} ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ?"
            params = [*params, max(int(limit), 0)]
        with self._errors():
            for row in self.db.query(sql, params):
                yield event_row(row)

    def event(self, event_id: int) -> EventRow | None:
        with self._errors():
            rows = list(self.db.query("SELECT * FROM events WHERE id = ?", [event_id]))
        return event_row(rows[0]) if rows else None

    def excerpts(self, event_id: int) -> list[dict]:
        """Every report of an event, in the order they arrived (the event's own first): the excerpt's
        fields (sentence and time expression with their offsets into its article's text, value,
        earliest, latest, granularity, reasoning, anchor, countries, mentions) and its article's
        `title`, `url`, `source`, `published`, `language` (None when none is stored). [] for an event
        that does not exist."""
        article_cols = ("a.title AS title, a.url AS url, a.source AS source, a.published AS published,"
                        " a.published_source AS published_source, nullif(a.language, '') AS language")
        with self._errors():
            rows = []
            if self._has_excerpts():
                rows = list(self.db.query(
                    f"SELECT x.*, {article_cols} FROM excerpts x JOIN articles a ON a.id = x.article_id"
                    " WHERE x.event_id = ? ORDER BY x.id", [event_id]))
            if not rows:
                # A database from version 1 opened read-only, or filled by a bulk writer that stored no
                # excerpts: the event's own report is the event row itself.
                rows = list(self.db.query(
                    f"SELECT NULL AS id, e.id AS event_id, e.{_EXCERPT_COLUMNS.replace(', ', ', e.')},"
                    f" {article_cols} FROM events e JOIN articles a ON a.id = e.article_id"
                    " WHERE e.id = ?", [event_id]))
        for row in rows:
            row["countries"] = [c for c in (row["countries"] or "").split(",") if c]
            row["mentions"] = _json_list(row["mentions"])
        return rows

    def report_languages(self) -> dict[int, list[str]]:
        """The languages of the reports of each event with more than one report (merged: one happening
        reported in several articles): event id -> its reports' article languages, sorted, each once
        (NO_LANGUAGE for an article with none stored). An event not in it has only its own report, in its
        article's language. {} for a database from before excerpts."""
        if not self._has_excerpts():
            return {}
        sql = (f"SELECT xr.event_id, group_concat(DISTINCT {REPORT_LANGUAGE_SQL}) FROM excerpts xr"
               " LEFT JOIN articles ar ON ar.id = xr.article_id"
               " WHERE xr.event_id IN (SELECT id FROM events WHERE reports > 1) GROUP BY xr.event_id")
        with self._errors():
            try:
                rows = self.db.execute(sql).fetchall()
            except sqlite3.OperationalError:      # no events.reports (version 1): no event merged
                return {}
        return {int(eid): sorted(set((codes or NO_LANGUAGE).split(","))) for eid, codes in rows}

    def _has_checks(self) -> bool:
        """Whether events have their date warnings stored (version 8; an older file opened read-only has not)."""
        if "events.checks" not in self._tables:
            with self._errors():
                self._tables["events.checks"] = date_checks.has_checks(self.db.conn)
        return self._tables["events.checks"]

    def pending_checks(self) -> int:
        """How many events have not had their date warnings worked out (viewer.checks.refresh does)."""
        with self._errors():
            return date_checks.pending_count(self.db.conn) if self._has_checks() else 0

    def has_pending_checks(self) -> bool:
        """Whether any event has not had its date warnings worked out (cheap at any size, unlike the count)."""
        with self._errors():
            return date_checks.has_pending(self.db.conn) if self._has_checks() else False

    def _has_excerpts(self) -> bool:
        return self._has_table("excerpts")

    def _has_table(self, name: str) -> bool:
        """Tables of later versions may be missing from an older file opened read-only."""
        if name not in self._tables:
            with self._errors():
                self._tables[name] = self.db.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                    [name]).fetchone() is not None
        return self._tables[name]

    def count_events(self, f: ViewFilter | None = None) -> int:
        where, params = self.where(f)
        with self._errors():
            return self.db.execute(f"SELECT count(*) FROM events e{where}", params).fetchone()[0]

    def country_counts(self, f: ViewFilter | None = None) -> dict[str, int]:
        """Events per country under every filter but the country one (so the list can show all)."""
        if f is not None:
            f = replace(f, countries=None)
        where, params = self.where(f)
        sql = (f"SELECT c.code, count(*) FROM event_countries c JOIN events e ON e.id = c.event_id"
               f"{where} GROUP BY c.code ORDER BY count(*) DESC, c.code")
        with self._errors():
            return dict(self.db.execute(sql, params).fetchall())

    def article(self, article_id: str) -> dict | None:
        with self._errors():
            rows = list(self.db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
        return rows[0] if rows else None

    def articles(self) -> Iterator[dict]:
        sql = ("SELECT a.id, a.url, a.title, a.source, a.published, a.published_source,"
               " (SELECT group_concat(code) FROM article_countries c WHERE c.article_id = a.id)"
               " AS countries FROM articles a ORDER BY a.published, a.id")
        with self._errors():
            for row in self.db.query(sql):
                row["countries"] = (row["countries"] or "").split(",") if row["countries"] else []
                yield row

    def time_span(self, f: ViewFilter | None = None) -> tuple[float, float] | None:
        where, params = self.where(f)
        with self._errors():
            row = self.db.execute(f"SELECT min(e.t0), max(e.t1) FROM events e{where}",
                                  params).fetchone()
        return None if row[0] is None else (row[0], row[1])


def create_at_version(path: str | Path, version: int) -> None:
    """Make a new database at an older schema version, as that version of the program made it
    (for migration tests and for trying a migration by hand)."""
    if not 1 <= version <= SCHEMA_VERSION:
        raise ValueError(f"no schema version {version}")
    if Path(path).exists() and Path(path).stat().st_size:
        raise ValueError(f"{path} exists")
    conn = sqlite3.connect(str(path))
    try:
        store = Store(sqlite_utils.Database(conn), str(path))
        store._migrate(version)
    finally:
        conn.close()


def _check_is_ours(path: str) -> None:
    """Refuse, without touching it, a file that is not a Conflict Timeline database."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror}", "io") from exc
    if not header.startswith(b"SQLite format 3\x00"):
        raise StoreError(f"{path}: not a SQLite database; left untouched", "not-sqlite")
    app_id = int.from_bytes(header[68:72], "big")
    user_version = int.from_bytes(header[60:64], "big")
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and user_version != 0):
        raise StoreError(f"{path}: a SQLite database, but not one of Conflict Timeline's; left untouched",
                         "foreign")


def today_iso() -> str:
    return date.today().isoformat()
