"""The analyst's corrections that need the tagger or the event builder: a date typed by hand, the stored
articles tagged again (``retag``), an article's publication date corrected (``set-published``).

The edits themselves are data in the store (viewer.store.curation); this module reads what a person
types and re-runs today's tagger and event builder, then lets the store swap the machine's output and
apply the edits again by their stable keys. No SQL here, no Qt.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from viewer import checks
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


def sentence_dates(sentence: str, reference=None, language: str | None = None, *,
                   own: tuple[int | None, str | None] = (None, None)) -> list[dict]:
    """The other dates the tagger reads in an event's sentence, for the analyst to pick one instead of the
    machine's: each a dict of the date columns an edit stores (reasoning "set by hand: 'this summer' in
    the sentence") plus ``text`` (the words) and ``start`` (their offset in the sentence), in the order
    they stand. ``own``: the event's own expression (offset in the sentence, words), left out.
    Expressions that are no interval of days (a duration, "every Monday") are left out."""
    own_start, own_text = own
    out = []
    for t in tag(sentence or "", as_date(reference), language=language):
        if t.type not in ("DATE", "TIME") or not (t.earliest and t.latest):
            continue
        if own_text and _normal_words(t.text) == _normal_words(own_text) and (
                own_start is None or t.start == own_start):
            continue
        out.append({"type": t.type, "value": t.value, "earliest": t.earliest, "latest": t.latest,
                    "granularity": t.granularity, "mod": t.mod,
                    "reasoning": f"{curation.SET_BY_HAND}: {t.text!r} in the sentence",
                    "anchor": t.anchor, "text": t.text, "start": t.start})
    return out


def _normal_words(text: str | None) -> str:
    return " ".join(str(text or "").split()).casefold()


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


# -- an event added by hand -------------------------------------------------------------------------

HAND_TITLE_CHARS = 70


@dataclass
class Selection:
    """Words selected in an article, as an event added by hand would have them: trimmed offsets, the words,
    the dates the tagger reads in them (date columns with ``text``, ``start``, ``end``: offsets in the
    article), the countries they mention (codes) and the mentions ([start, end, code], offsets in the
    article), against the article's publication date."""
    article_id: str
    start: int
    end: int
    words: str
    dates: list[dict]
    countries: list[str]
    mentions: list[list]
    published: str | None
    language: str | None


def selection(store: Store, article_id: str, start: int, end: int) -> Selection:
    """The words of an article between two offsets (white space around them left out), read by the tagger
    and the country finder. StoreInputError for an article that does not exist or no words."""
    from viewer.actors import find_mentions
    art = store.article(article_id)
    if art is None:
        raise StoreInputError(f"{store.path}: no article {article_id}")
    text = art.get("text") or ""
    start, end = max(0, int(start)), min(len(text), int(end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        raise StoreInputError("no words selected: select the words that tell the event")
    words = text[start:end]
    reference = as_date(art.get("published"))
    language = art.get("language")
    dates = [{"type": t.type, "value": t.value, "earliest": t.earliest, "latest": t.latest,
              "granularity": t.granularity, "mod": t.mod, "anchor": t.anchor,
              "reasoning": f"{curation.SET_BY_HAND}: {t.text!r} in the selected words",
              "text": t.text, "start": start + t.start, "end": start + t.end}
             for t in tag(words, reference, language=language)
             if t.type in ("DATE", "TIME") and t.earliest and t.latest and t.start is not None]
    mentions = [[start + m.start, start + m.end, m.code] for m in find_mentions(words, reference,
                                                                                language=language)]
    countries = list(dict.fromkeys(m[2] for m in mentions))
    return Selection(article_id, start, end, words, dates, countries, mentions, art.get("published"), language)


def hand_title(words: str) -> str:
    """A title for an event added by hand: its first words, cut at a word."""
    text = " ".join(words.split())
    if len(text) <= HAND_TITLE_CHARS:
        return text
    cut = text[:HAND_TITLE_CHARS - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def add_hand_event(store: Store, article_id: str, start: int, end: int, *, date_text: str | None = None,
                   countries=None, title: str | None = None, user: str | None = None) -> curation.EditResult:
    """Add an event by hand from words of an article (viewer.store.curation.add_event): the words become
    its sentence; its date is ``date_text`` read as a date typed by hand (against the article's
    publication date), or when none is given the first date the tagger reads in the words (DateInputError
    when it reads none). ``countries``: codes (None: those the words mention). ``title``: None: the first
    words."""
    sel = selection(store, article_id, start, end)
    typed = " ".join(str(date_text or "").split())
    if typed:
        date = read_date(typed, sel.published, sel.language)
        words_of_date = None
    elif sel.dates:
        date, words_of_date = sel.dates[0], sel.dates[0]
    else:
        raise DateInputError(f"no date in the selected words; type one: {ACCEPTED_FORMS}")
    codes = sel.countries if countries is None else [curation.country_code(c) for c in countries]
    codes = list(dict.fromkeys(codes))
    report = {"article_id": article_id, "sentence_start": sel.start, "sentence_end": sel.end,
              "sentence": sel.words,
              "time_start": words_of_date["start"] if words_of_date else None,
              "time_end": words_of_date["end"] if words_of_date else None,
              "time_text": words_of_date["text"] if words_of_date else "",
              **{c: date.get(c) for c in curation.DATE_COLUMNS},
              "countries": ",".join(codes),
              "mentions": json.dumps([m for m in sel.mentions if m[2] in codes]), "dating": "written"}
    return curation.add_event(store, report, title=title or hand_title(sel.words), user=user)


# -- merging events, splitting a report out -----------------------------------------------------------

def report_id(store: Store, event_id: int, report: str) -> int:
    """The excerpt id of one report of an event, as a person names it: its number in the order the
    reports arrived (1 is the event's own, as the window lists them), or the id of the article it is in
    (when the event has one report from it). StoreInputError, listing the reports, for anything else."""
    rows = store.excerpts(event_id)
    if store.event(event_id) is None:
        raise StoreInputError(f"{store.path}: no event {event_id}")
    text = str(report).strip()
    if text.isdigit() and 1 <= int(text) <= len(rows):
        return int(rows[int(text) - 1]["id"])
    hits = [r for r in rows if r["article_id"] == text]
    if len(hits) == 1:
        return int(hits[0]["id"])
    listing = "; ".join(f"{i} = article {r['article_id']}" for i, r in enumerate(rows, 1))
    raise StoreInputError(f"event {event_id} has no report {text!r} (its reports: {listing})")


def split_report(store: Store, event_id: int, excerpt_id: int, *, user: str | None = None) -> curation.EditResult:
    """curation.split, the new event titled from its sentence as the event builder titles one."""
    from viewer.titles import make_title
    row = next((r for r in store.excerpts(event_id) if r["id"] == excerpt_id), None)
    title = None
    if row is not None and row.get("sentence"):
        s0 = row.get("sentence_start") or 0
        start, end = row.get("time_start"), row.get("time_end")
        title = make_title(row["sentence"], None if start is None else start - s0,
                           None if end is None else end - s0, language=row.get("language")) or None
    return curation.split(store, event_id, excerpt_id, title=title, user=user)


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
    checks.refresh(store)       # the rebuilt events' date warnings
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
    report: curation.RebuildReport | None = None     # when retagged: what the rebuild found (and did not)

    @property
    def unplaced(self) -> list[dict]:
        """The merges and splits the rebuild could not make again (see curation.unplaced)."""
        return list(self.report.unplaced) if self.report is not None else []


def _keys(article_id: str, events) -> list[str]:
    return curation.article_keys(article_id, [(ev.sentence, ev.time.text, ev.sentence_start, ev.time.start)
                                              for ev in events])


PUBLISHED_FORMS = "a day (2024-11-17, 17 November 2024, Nov 17 2024, last Monday)"


def read_published(text: str, reference=None, language: str | None = None) -> date:
    """A publication date as a person types it: one day, in any form `read_date` reads (against
    ``reference``, the date the article has now: "last Monday" is the Monday before it). Raises
    DateInputError, saying which forms are accepted, for anything else (a month, a range ...)."""
    try:
        got = read_date(text, reference, language)
    except DateInputError as exc:
        typed = " ".join(str(text or "").split())
        raise DateInputError(f"cannot read {typed!r} as a day; accepted: {PUBLISHED_FORMS}" if typed
                             else f"no date given; accepted: {PUBLISHED_FORMS}") from exc
    first, last = (got["earliest"] or "")[:10], (got["latest"] or "")[:10]
    if not first or first != last:
        typed = " ".join(str(text).split())
        raise DateInputError(f"a publication date is one day; {typed!r} reads as {first}..{last}; accepted: "
                             f"{PUBLISHED_FORMS}")
    return date.fromisoformat(first)


def set_published(db_path: str, article_id: str, published: str, *, today=None) -> PublishedResult:
    """Correct an article's publication date (see set_published_store), in the database at ``db_path``."""
    store = Store.open(db_path)
    try:
        return set_published_store(store, article_id, published, today=today)
    finally:
        store.close()


def set_published_store(store: Store, article_id: str, published: str, *, today=None,
                        progress: Callable[[int, int], None] | None = None) -> PublishedResult:
    """Correct an article's publication date: every relative date of the article is resolved again
    against it (the event builder runs again on the article); events whose date was set by hand keep
    it. When the new reference changes which events the article has (not only their dates), every
    stored article is tagged again (retag), in the same transaction as the new date, so the events stay
    whole. Refused, nothing changed, when the article's stored events are not what today's event builder
    makes of it (they were made by an older version: `retag` first). ``progress(done, total)``: called
    for each article when every article is tagged again (the long case)."""
    day = as_date(published)
    if day is None:
        raise DateInputError(f"not a date: {published!r}; give the publication date as YYYY-MM-DD")
    published = day.isoformat()
    db_path = store.path
    row = store.article(article_id)
    if row is None:
        raise StoreInputError(f"{db_path}: no article {article_id} (see: articles --db {db_path})")
    hand = curation.hand_keys(store, article_id)       # added by hand: not the event builder's, kept as they are
    reports = [r for r in curation.article_reports(store, article_id) if r["key"] not in hand]
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
        checks.refresh(store)   # the article's events: dated against another publication
        return PublishedResult(article_id, row["published"], published, moved, False)
    # the article's events themselves change: tag everything again, the new date stored with them
    before = {r["event_id"]: {c: r[c] for c in curation.DATE_COLUMNS} for r in reports if r["first"]}
    report = retag_store(store, today=today, published={article_id: published}, progress=progress).report
    moved = []
    for event_id, old in before.items():
        now = store.event(event_id)
        if now is None:
            continue
        new = {c: getattr(now, c) for c in curation.DATE_COLUMNS}
        machine = curation.annotation(store, event_id)["machine"].get("date")
        if machine or (old["earliest"], old["latest"]) != (new["earliest"], new["latest"]):
            moved.append(Moved(event_id, now.title, old, new, machine is not None, machine or new))
    return PublishedResult(article_id, row["published"], published, moved, True, report)
