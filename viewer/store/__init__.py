"""The SQLite store: schema, migrations and every query the app needs.

This package is the only place that speaks SQL. The database is an interface in its own right:
the schema is documented in docs/SCHEMA.md so people can open it with sqlite-utils or Datasette.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import sqlite_utils

from viewer.model import GRANULARITIES, Article, Event, ViewFilter

SCHEMA_VERSION = 1
APPLICATION_ID = 0x43544C31  # "CTL1": marks a file as a Conflict Timeline database


class StoreError(Exception):
    """A database that cannot be used: not ours, too new, corrupt, read-only, locked, disk full."""


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_UNIT_SECONDS = {"hour": 3600, "minute": 60, "second": 1}


def _parse_iso(text: str) -> datetime:
    if "T" in text:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        return moment
    y, m, d = (int(p) for p in text.split("-"))
    return datetime(y, m, d, tzinfo=timezone.utc)


def interval_seconds(earliest: str, latest: str, granularity: str | None = None) -> tuple[float, float]:
    """Inclusive ISO bounds -> [t0, t1) in seconds since 1970 UTC (the timeline's axis)."""
    start = _parse_iso(earliest)
    end = _parse_iso(latest)
    if "T" in latest:
        end += timedelta(seconds=_UNIT_SECONDS.get(granularity or "", 60))
    else:
        end += timedelta(days=1)
    return (start - _EPOCH).total_seconds(), (end - _EPOCH).total_seconds()


def seconds_to_iso(seconds: float) -> str:
    return (_EPOCH + timedelta(seconds=seconds)).date().isoformat()


def fts_query(text: str) -> str | None:
    """A person's search words -> a safe FTS5 query (every word, as a prefix). Never raises."""
    words = re.findall(r"\w+", text or "")
    if not words:
        return None
    return " ".join('"%s"*' % w.replace('"', "") for w in words[:32])


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

    def to_json(self) -> dict:
        return {
            "id": self.id, "article_id": self.article_id, "title": self.title,
            "sentence": self.sentence, "text": self.time_text, "type": self.type, "value": self.value,
            "earliest": self.earliest, "latest": self.latest, "granularity": self.granularity,
            "mod": self.mod, "reasoning": self.reasoning, "anchor": self.anchor,
            "countries": self.countries,
        }


def _event_row(row: dict) -> EventRow:
    return EventRow(
        id=row["id"], article_id=row["article_id"], title=row["title"] or "",
        sentence=row["sentence"] or "", sentence_start=row["sentence_start"],
        sentence_end=row["sentence_end"], time_start=row["time_start"], time_end=row["time_end"],
        time_text=row["time_text"] or "", type=row["type"] or "", value=row["value"] or "",
        earliest=row["earliest"], latest=row["latest"], t0=row["t0"], t1=row["t1"],
        granularity=row["granularity"], mod=row["mod"], reasoning=row["reasoning"] or "",
        anchor=row["anchor"],
        countries=[c for c in (row["countries"] or "").split(",") if c],
        mentions=json.loads(row["mentions"] or "[]"),
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


MIGRATIONS = {1: _create_v1}   # version -> step that brings version-1 to version


class Store:
    def __init__(self, db: sqlite_utils.Database, path: str):
        self.db = db
        self.path = path

    # -- opening -----------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> "Store":
        path = str(path)
        is_new = path == ":memory:" or not Path(path).exists() or Path(path).stat().st_size == 0
        if not is_new:
            _check_is_ours(path)
        try:
            if readonly and not is_new:
                conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            else:
                if path != ":memory:":
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(path, check_same_thread=False, timeout=10)
            db = sqlite_utils.Database(conn)
            db.execute("PRAGMA foreign_keys = ON")
            store = cls(db, path)
            if not readonly:
                try:
                    store._migrate()
                except StoreError:
                    conn.close()
                    raise
                if path != ":memory:":
                    db.execute("PRAGMA journal_mode = WAL")
                    db.execute("PRAGMA synchronous = NORMAL")
            return store
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open database: {exc}") from exc

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: made by a newer version of Conflict Timeline "
                f"(schema {version}, this program knows {SCHEMA_VERSION}); left untouched")
        if version == SCHEMA_VERSION:
            return
        if version == 0 and self.db.table_names():
            raise StoreError(f"{self.path}: a SQLite database with other tables, not one of "
                             "Conflict Timeline's; left untouched")
        with self.db.conn:
            for step in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[step](self.db)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self.db.conn.close()

    # -- writing -----------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def add_articles(self, batch: Iterable[tuple[Article, list[Event], list[str]]]) -> int:
        """Store whole articles with their events, in one transaction. Already-stored ones are skipped."""
        added = 0
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        conn = self.db.conn
        try:
            with conn:
                for article, events, countries in batch:
                    if self.has_article(article.id):
                        continue
                    conn.execute(
                        "INSERT INTO articles (id, url, title, source, text, published, published_source,"
                        " language, added) VALUES (?,?,?,?,?,?,?,?,?)",
                        [article.id, article.url, article.title, article.source, article.text,
                         article.published, article.published_source, article.language, now])
                    conn.executemany(
                        "INSERT INTO article_countries (article_id, code) VALUES (?, ?)",
                        [(article.id, c) for c in dict.fromkeys(countries)])
                    for event in events:
                        event.id = self._insert_event(conn, article.id, event)
                        added += 1
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: {exc}") from exc
        return added

    def _insert_event(self, conn: sqlite3.Connection, article_id: str, event: Event) -> int:
        t = event.time
        t0 = t1 = None
        if t.earliest and t.latest:
            t0, t1 = interval_seconds(t.earliest, t.latest, t.granularity)
        codes = list(dict.fromkeys(event.countries))
        mentions = [[m.start, m.end, m.code] for m in event.mentions]
        cur = conn.execute(
            "INSERT INTO events (article_id, sentence_start, sentence_end, sentence, time_start,"
            " time_end, time_text, type, value, earliest, latest, t0, t1, granularity, mod, reasoning,"
            " anchor, title, countries, mentions) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [article_id, event.sentence_start, event.sentence_end, event.sentence, t.start, t.end,
             t.text, t.type, t.value, t.earliest, t.latest, t0, t1, t.granularity, t.mod,
             t.reasoning, t.anchor, event.title, ",".join(codes), json.dumps(mentions)])
        event_id = cur.lastrowid
        conn.executemany(
            "INSERT INTO event_countries (event_id, code, t0, t1) VALUES (?,?,?,?)",
            [(event_id, c, t0, t1) for c in codes])
        return event_id

    # -- reading -----------------------------------------------------------------------------
    def _where(self, f: ViewFilter | None) -> tuple[str, list]:
        clauses, params = [], []
        if f is None:
            return "", params
        if f.countries is not None:
            codes = sorted(f.countries)
            clauses.append("e.id IN (SELECT event_id FROM event_countries WHERE code IN (%s))"
                           % ",".join("?" * len(codes)) if codes else "0")
            params += codes
        if f.date_from:
            clauses.append("e.t1 > ?")
            params.append(interval_seconds(f.date_from, f.date_from)[0])
        if f.date_to:
            clauses.append("e.t0 < ?")
            params.append(interval_seconds(f.date_to, f.date_to)[1])
        if f.search:
            q = fts_query(f.search)
            if q:
                clauses.append("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
                params.append(q)
        if f.max_granularity in GRANULARITIES:
            allowed = GRANULARITIES[: GRANULARITIES.index(f.max_granularity) + 1]
            clauses.append("e.granularity IN (%s)" % ",".join("?" * len(allowed)))
            params += list(allowed)
        if f.article_id:
            clauses.append("e.article_id = ?")
            params.append(f.article_id)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def events(self, f: ViewFilter | None = None, *, limit: int | None = None) -> Iterator[EventRow]:
        where, params = self._where(f)
        sql = f"SELECT e.* FROM events e{where} ORDER BY e.t0 IS NULL, e.t0, e.id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        for row in self.db.query(sql, params):
            yield _event_row(row)

    def event(self, event_id: int) -> EventRow | None:
        rows = list(self.db.query("SELECT * FROM events WHERE id = ?", [event_id]))
        return _event_row(rows[0]) if rows else None

    def count_events(self, f: ViewFilter | None = None) -> int:
        where, params = self._where(f)
        return self.db.execute(f"SELECT count(*) FROM events e{where}", params).fetchone()[0]

    def country_counts(self, f: ViewFilter | None = None) -> dict[str, int]:
        """Events per country under every filter but the country one (so the list can show all)."""
        if f is not None:
            f = ViewFilter(None, f.date_from, f.date_to, f.search, f.max_granularity, f.article_id)
        where, params = self._where(f)
        sql = (f"SELECT c.code, count(*) FROM event_countries c JOIN events e ON e.id = c.event_id"
               f"{where} GROUP BY c.code ORDER BY count(*) DESC, c.code")
        return dict(self.db.execute(sql, params).fetchall())

    def article(self, article_id: str) -> dict | None:
        rows = list(self.db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
        return rows[0] if rows else None

    def articles(self) -> Iterator[dict]:
        sql = ("SELECT a.id, a.url, a.title, a.source, a.published, a.published_source,"
               " (SELECT group_concat(code) FROM article_countries c WHERE c.article_id = a.id)"
               " AS countries FROM articles a ORDER BY a.published, a.id")
        for row in self.db.query(sql):
            row["countries"] = (row["countries"] or "").split(",") if row["countries"] else []
            yield row

    def time_span(self, f: ViewFilter | None = None) -> tuple[float, float] | None:
        where, params = self._where(f)
        row = self.db.execute(f"SELECT min(e.t0), max(e.t1) FROM events e{where}", params).fetchone()
        return None if row[0] is None else (row[0], row[1])


def _check_is_ours(path: str) -> None:
    """Refuse, without touching it, a file that is not a Conflict Timeline database."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror}") from exc
    if not header.startswith(b"SQLite format 3\x00"):
        raise StoreError(f"{path}: not a SQLite database; left untouched")
    app_id = int.from_bytes(header[68:72], "big")
    user_version = int.from_bytes(header[60:64], "big")
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and user_version != 0):
        raise StoreError(f"{path}: a SQLite database, but not one of Conflict Timeline's; left untouched")


def today_iso() -> str:
    return date.today().isoformat()
