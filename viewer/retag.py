"""The analyst's corrections that need the tagger or the event builder: a date typed by hand, the stored
articles tagged again (``retag``), an article's publication date corrected (``set-published``).

The edits themselves are data in the store (viewer.store.curation); this module reads what a person
types and re-runs today's tagger and event builder, then lets the store swap the machine's output and
apply the edits again by their stable keys. No SQL here, no Qt.
"""
from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from viewer.events import article_events_noted
from viewer.model import PUBLISHED_GIVEN, Article
from viewer.store import Store, StoreError, StoreInputError
from viewer.store import curation
from viewer.store.bulk import prepare_article
from viewer.text import as_date
from viewer.timex import tag

ACCEPTED_FORMS = ("a day (2024-11-17, 17 November 2024, Nov 17 2024, last Monday), a month (2024-11, "
                  "November 2024), a season (summer 2024), a quarter (Q3 2024), a year (2024), a decade "
                  "(the 1990s), or a range of two of these (2024-11-17..2024-11-20, from 3 to 5 March 2022)")
RETAG_BATCH = 200           # articles stored per transaction in the fresh database


class DateInputError(ValueError):
    """A date typed by hand that cannot be read; the message says which forms are accepted."""


# -- a date typed by hand ----------------------------------------------------------------------------

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_FILLER = re.compile(r"\b(?:on|in|at|the|of|during|around|about|circa|ca|from|between|to|until|till|through|"
                     r"and|since)\b|[\W_]", re.IGNORECASE)
_SPAN_GRANULARITY = ((1, "day"), (7, "week"), (31, "month"), (92, "quarter"), (183, "half"), (366, "year"),
                     (3653, "decade"))


def _iso(text: str) -> dict | None:
    m = _ISO.match(text.strip())
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        if d:
            day = date(int(y), int(mo), int(d)).isoformat()
            return {"type": "DATE", "value": day, "earliest": day, "latest": day, "granularity": "day"}
        if mo:
            first = date(int(y), int(mo), 1)
            nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            last = date.fromordinal(nxt.toordinal() - 1)
            return {"type": "DATE", "value": f"{y}-{mo}", "earliest": first.isoformat(),
                    "latest": last.isoformat(), "granularity": "month"}
        return {"type": "DATE", "value": y, "earliest": f"{y}-01-01", "latest": f"{y}-12-31",
                "granularity": "year"}
    except ValueError:
        return None


def _tagged(text: str, reference, language) -> list[dict]:
    """The dates the tagger reads in ``text`` when they are all it says (filler words and punctuation
    aside), in order; [] otherwise."""
    found = [t for t in tag(text, reference, language=language)
             if t.type in ("DATE", "TIME") and t.earliest and t.latest]
    if not found:
        return []
    rest, last = [], 0
    for t in found:
        rest.append(text[last:t.start])
        last = t.end
    rest.append(text[last:])
    if _FILLER.sub("", "".join(rest)).strip():
        return []
    return [{"type": t.type, "value": t.value, "earliest": t.earliest, "latest": t.latest,
             "granularity": t.granularity, "mod": t.mod} for t in found]


def _range(a: dict, b: dict) -> dict:
    if b["latest"] < a["earliest"]:
        a, b = b, a
    start, end = a["earliest"], b["latest"]
    span = date.fromisoformat(end[:10]).toordinal() - date.fromisoformat(start[:10]).toordinal() + 1
    granularity = next((g for days, g in _SPAN_GRANULARITY if span <= days), "century")
    return {"type": "DATE", "value": f"{a['value']}/{b['value']}", "earliest": start, "latest": end,
            "granularity": granularity}


def read_date(text: str, reference=None, language: str | None = None) -> dict:
    """What a person typed as a date -> the date columns an edit stores (type, value, earliest, latest,
    granularity, mod, reasoning "set by hand", anchor). ISO forms are read as they are; anything else by
    the project's tagger against ``reference`` (the article's publication date: "last Monday" is the
    Monday before it). Raises DateInputError, saying which forms are accepted, for anything else."""
    typed = " ".join(str(text or "").split())
    if not typed:
        raise DateInputError(f"no date given; accepted: {ACCEPTED_FORMS}")
    parts = [p.strip() for p in typed.split("..")]
    if len(parts) > 2 or not all(parts):
        raise DateInputError(f"cannot read {typed!r} as a date; accepted: {ACCEPTED_FORMS}")
    reference = as_date(reference)
    read = []
    for part in parts:
        got = _iso(part)
        dates = [got] if got else _tagged(part, reference, language)
        if not dates or len(dates) > 2 or (len(parts) == 2 and len(dates) != 1):
            raise DateInputError(f"cannot read {part!r} as a date; accepted: {ACCEPTED_FORMS}")
        read.extend(dates)
    out = read[0] if len(read) == 1 else _range(read[0], read[1])
    anchor = reference.isoformat() if reference is not None and not _iso(typed) else None
    return {"type": out["type"], "value": out["value"], "earliest": out["earliest"], "latest": out["latest"],
            "granularity": out["granularity"], "mod": out.get("mod"),
            "reasoning": f"{curation.SET_BY_HAND}: {typed!r}" if typed != out["value"] else curation.SET_BY_HAND,
            "anchor": anchor}


def reference_of(store: Store, event_id: int):
    """The publication date of the article an event was found in (what a typed "last Monday" means)."""
    row = store.event(event_id)
    if row is None:
        return None, None
    art = store.article(row.article_id) or {}
    return as_date(art.get("published")), art.get("language")


def edit_event(store: Store, event_id: int, change: curation.Edit, *, date_text: str | None = None,
               user: str | None = None) -> curation.EditResult:
    """curation.edit, with a date as typed read first (against the event's article's publication date).
    A date that cannot be read raises DateInputError before anything is changed."""
    if date_text is not None:
        if store.event(event_id) is None:
            raise StoreInputError(f"{store.path}: no event {event_id}")
        reference, language = reference_of(store, event_id)
        change.date = read_date(date_text, reference, language)
    return curation.edit(store, event_id, change, user=user)


# -- tagging the stored articles again ---------------------------------------------------------------

def _article(row: dict, published: str | None = None) -> Article:
    art = Article(text=row["text"] or "", title=row["title"], url=row["url"], source=row["source"],
                  published=row["published"], published_source=row["published_source"],
                  language=row["language"], id=row["id"])
    if published is not None:
        art.published, art.published_source = published, PUBLISHED_GIVEN
    return art


@dataclass
class RetagResult:
    articles: int = 0
    report: curation.RebuildReport = field(default_factory=curation.RebuildReport)


def _fresh_path(db_path: str) -> str:
    folder = Path(db_path).resolve().parent if db_path != ":memory:" else Path(tempfile.gettempdir())
    fd, tmp = tempfile.mkstemp(prefix=f".{Path(db_path).name}.retag-", suffix=".db", dir=str(folder))
    os.close(fd)
    return tmp


def retag_store(store: Store, *, today=None, progress: Callable[[int, int], None] | None = None,
                published: dict[str, str] | None = None) -> RetagResult:
    """Run today's tagger and event builder again over every stored article and rebuild the events, the
    analyst's edits applied again by key (see curation.replace_events). The new events are built in a
    database of their own beside this one, then swapped in in one transaction: a crash at any moment
    leaves the old events or the new ones, never a mix. ``published``: article id -> a publication date
    set by hand, to read the article against (stored in the same transaction as the new events)."""
    total = curation.count_articles(store)
    result = RetagResult()
    tmp = _fresh_path(store.path)
    try:
        fresh = Store.open(tmp)
        try:
            batch = []
            for i, row in enumerate(curation.stored_articles(store), 1):
                result.articles = i
                article = _article(row, (published or {}).get(row["id"]))
                try:
                    article, events, countries, _notes = article_events_noted(article, today=today)
                    batch.append(prepare_article(article, events, countries))
                except StoreInputError as exc:
                    raise StoreInputError(f"{store.path}: {exc}; nothing was changed") from exc
                except Exception as exc:      # noqa: BLE001 - named, and nothing is changed
                    raise StoreError(f"{store.path}: article {row['id']} could not be tagged again "
                                     f"({type(exc).__name__}: {exc}); nothing was changed") from exc
                if len(batch) >= RETAG_BATCH:
                    fresh.add_prepared(batch)
                    batch = []
                if progress is not None:
                    progress(i, total)
            if batch:
                fresh.add_prepared(batch)
        finally:
            fresh.close()
        result.report = curation.replace_events(store, tmp, published)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(tmp + suffix).unlink(missing_ok=True)
    return result


def retag(db_path: str, *, today=None, progress=None) -> RetagResult:
    store = Store.open(db_path)
    try:
        return retag_store(store, today=today, progress=progress)
    finally:
        store.close()


# -- an article's publication date corrected -------------------------------------------------------

@dataclass
class Moved:
    event_id: int
    title: str
    before: dict            # the date columns before
    after: dict             # and after (the hand-set value, when kept)
    kept: bool              # the analyst had set its date by hand: it stays
    machine: dict | None = None     # what the machine reads now

    @property
    def days(self) -> int | None:
        """How far the start moved, in days (None when either has no date)."""
        a, b = as_date((self.before or {}).get("earliest")), as_date((self.machine or self.after or {}).get("earliest"))
        return None if a is None or b is None else b.toordinal() - a.toordinal()


@dataclass
class PublishedResult:
    article_id: str
    before: str | None
    after: str
    moved: list[Moved]
    retagged: bool          # the article's events themselves changed: every article was tagged again


def _keys(article_id: str, events) -> list[str]:
    return curation.article_keys(article_id, [(ev.sentence, ev.time.text, ev.sentence_start, ev.time.start)
                                              for ev in events])


def set_published(db_path: str, article_id: str, published: str, *, today=None) -> PublishedResult:
    """Correct an article's publication date: every relative date of the article is resolved again
    against it (the event builder runs again on the article); events whose date was set by hand keep
    it. When the new reference changes which events the article has (not only their dates), every
    stored article is tagged again (retag), in the same transaction as the new date, so the events stay
    whole. Refused, nothing changed, when the article's stored events are not what today's event builder
    makes of it (they were made by an older version: `retag` first)."""
    day = as_date(published)
    if day is None:
        raise DateInputError(f"not a date: {published!r}; give the publication date as YYYY-MM-DD")
    published = day.isoformat()
    store = Store.open(db_path)
    try:
        row = store.article(article_id)
        if row is None:
            raise StoreInputError(f"{db_path}: no article {article_id} (see: articles --db {db_path})")
        reports = curation.article_reports(store, article_id)
        stored = {r["key"] for r in reports}
        if set(_keys(article_id, article_events_noted(_article(row), today=today)[1])) != stored:
            raise StoreInputError(f"{db_path}: the events stored for article {article_id} were made by "
                                  f"another version of the event builder; run `retag --db {db_path}` "
                                  "first, then set-published again; nothing was changed")
        events = article_events_noted(_article(row, published), today=today)[1]
        new_by_key = dict(zip(_keys(article_id, events), events))
        if set(new_by_key) == stored:
            dates = {r["id"]: {c: getattr(new_by_key[r["key"]].time, c) for c in curation.DATE_COLUMNS}
                     for r in reports}
            moved = [Moved(m["event_id"], m["title"], m["before"], m["after"], m["kept"], m["machine"])
                     for m in curation.set_published(store, article_id, published, dates)]
            return PublishedResult(article_id, row["published"], published, moved, False)
        # the article's events themselves change: tag everything again, the new date stored with them
        before = {r["event_id"]: {c: r[c] for c in curation.DATE_COLUMNS} for r in reports if r["first"]}
        retag_store(store, today=today, published={article_id: published})
        moved = []
        for event_id, old in before.items():
            now = store.event(event_id)
            if now is None:
                continue
            new = {c: getattr(now, c) for c in curation.DATE_COLUMNS}
            machine = curation.annotation(store, event_id)["machine"].get("date")
            if machine or (old["earliest"], old["latest"]) != (new["earliest"], new["latest"]):
                moved.append(Moved(event_id, now.title, old, new, machine is not None, machine or new))
        return PublishedResult(article_id, row["published"], published, moved, True)
    finally:
        store.close()
