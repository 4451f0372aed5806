"""What a ViewFilter means, said once, and compiled two ways: a WHERE clause for SQL, and boolean masks
over the numpy arrays the timeline (`timeline.Occurrences`) and the event table (`eventset.EventArrays`)
hold.

The meaning of each field:

* ``countries``: None keeps every event; a set keeps the events naming at least one of its codes (an
  empty set keeps none). `NO_COUNTRY`, the label of the timeline's lane of events that name no country,
  stands for those events.
* ``date_from``, ``date_to``: inclusive ISO days. An event is kept when its interval [t0, t1) overlaps
  them: it ends after the first day begins and begins before the last day ends. An undated event is
  kept by no date. An interval that ends before it begins (a latest bound before the earliest) is the
  one second at its start, as the timeline draws it.
* ``max_granularity``: keeps the events dated at most that vaguely (by the order of GRANULARITIES);
  an event without a known granularity is vaguer than every limit. A name that is not a granularity
  limits nothing.
* ``article_id``: the events of that article (none for an article that does not exist).
* ``languages``: None keeps every event; a set keeps the events one of whose languages is one of its
  codes (an empty set keeps none). An event's languages are those of the articles of all its reports
  (the code stored in ``articles.language``, as stored): its first report's (``events.article_id``) and
  those of the reports of the same happening merged into it (table ``excerpts``), so an event first
  reported in English and then in French is kept by "en" and by "fr", and counted under each in the
  language list (`window.language_counts`). `NO_LANGUAGE` ("und", ISO 639-2's "undetermined") stands
  for a report whose article has no language stored (NULL or empty), or no article row at all; an
  article stored as "und" counts as unknown too. Only events with more than one report
  (``events.reports > 1``, which every writer keeps equal to their excerpts) have reports of other
  articles to look at: SQL asks ``excerpts`` for those alone (`OTHER_LANGUAGES_SQL`), numpy keeps each
  event's first language (`EventArrays.lang`) and a few (event, language) pairs for the other
  languages of those events (`EventArrays.more_pos`, `more_lang`; see `language_mask`). A database
  without excerpts (older than version 2, opened read-only) knows each event's first report only.
* ``dating``: None keeps every event; a set keeps the events whose date was obtained in one of its ways
  (``events.dating``: "written", "context", "reported"; an empty set keeps none). An event's dating is
  that of its first report.
* ``starred``, ``tags``, ``has_note``, ``review``, ``show_rejected`` (the analyst's annotations, table
  ``annotations``, rows by ``event_id``): an event is kept when one of its annotation rows passes all of
  them, or, when an event with no annotation would pass (unreviewed, no star, no tag, no note), when none
  of its rows fails. ``starred``: starred; ``tags``: carries at least one of them (compared with ASCII
  letters folded, as SQLite's ``lower``; an empty set keeps none); ``has_note``: a note that is not empty;
  ``review``: its state (empty or NULL is "unreviewed") is one of them; ``show_rejected=False`` leaves out
  the rejected. A database without the annotations table has no annotation: nothing starred or rejected.
  SQL asks the table in a subquery; numpy takes the annotations (`Annotated`, read once per load of the
  arrays) and keeps or drops their ids (`annotation_mask`, with `member_mask`).
* ``checks``: only the events with a date warning (``events.checks``, bit flags worked out by
  viewer.checks: not 0 and not NULL). A database without the column (older than version 8, opened
  read-only) has no warning stored: the filter keeps no event there. numpy takes each event's flags
  (`EventArrays.checks`, 0 for NULL) and keeps those not 0 (`checks_mask`).
* ``search``: the events whose title or sentence, or the sentence of any of their reports, holds every
  word as a prefix (`fts_query`), and the events whose note and tags together hold every word as a
  prefix (`note_search_ids`: words as the full-text index reads them, without case or accents). SQL runs
  the full-text query itself and takes the ids the notes and tags give (`sql_where`'s ``also_ids``);
  numpy takes the matching ids (`eventset.search_ids` with `note_search_ids`). Words with nothing to
  search for limit nothing in SQL (the window never sends them: `search_ids` refuses them).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np

from viewer.model import GRANULARITIES, ViewFilter
from viewer.store.errors import StoreInputError
from viewer.store.values import clean_text, fts_query, interval_seconds

NO_COUNTRY = "\u2014"      # the lane of events that name no country, and the filter's code for them
NO_LANGUAGE = "und"        # the filter's code (and the language list's) for articles with no language stored
NO_RANK = 99               # the precision rank of an event without a (known) granularity
RANKS = {g: i for i, g in enumerate(GRANULARITIES)}
DATINGS = ("written", "context", "reported")   # how an event's date was obtained; numbered in this order
REVIEWS = ("unreviewed", "confirmed", "corrected", "rejected")   # review states; numbered in this order
MAX_INLINE_CODES = 50      # beyond, the codes go to SQL as one JSON parameter (SQLite limits the ?s)


@dataclass(frozen=True)
class Criteria:
    """A ViewFilter resolved into the store's terms (seconds, ranks, storable text)."""
    codes: tuple[str, ...] | None = None   # countries chosen, sorted, NO_COUNTRY left out; None: any
    no_country: bool = False               # NO_COUNTRY chosen: events naming no country are kept
    ends_after: float | None = None        # keep events with t1 > this
    starts_before: float | None = None     # keep events with t0 < this
    max_rank: int | None = None            # keep events with rank <= this
    article_id: str | None = None
    search: str | None = None              # the words, as typed
    match: str | None = None               # their FTS5 query (None: nothing to search for)
    langs: tuple[str, ...] | None = None   # languages chosen, sorted (NO_LANGUAGE among them); None: any
    datings: tuple[str, ...] | None = None  # ways of dating chosen, sorted; None: any
    starred: bool = False
    tags: tuple[str, ...] | None = None     # tags chosen, folded (`fold`), sorted; None: any
    has_note: bool = False
    reviews: tuple[str, ...] | None = None  # review states chosen, sorted; None: any
    hide_rejected: bool = False
    checks: bool = False                   # only the events with a date warning

    @property
    def countries(self) -> bool:
        return self.codes is not None

    @property
    def annotated(self) -> bool:
        """Whether the analyst's annotations limit anything."""
        return (self.starred or self.has_note or self.hide_rejected or self.tags is not None
                or self.reviews is not None)

    @property
    def default_passes(self) -> bool:
        """Whether an event nobody annotated (unreviewed, no star, tag or note) is kept."""
        return (not self.starred and not self.has_note and self.tags is None
                and (self.reviews is None or "unreviewed" in self.reviews))


def fold(tag: str) -> str:
    """A tag as filters compare it: white space collapsed, ASCII letters in lower case (as SQLite's lower)."""
    return " ".join(str(tag).split()).translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def day_bound(day: str, which: int) -> float:
    """The start (which=0) or the end (1) of an ISO day, in the timeline's seconds."""
    try:
        return interval_seconds(day, day)[which]
    except (ValueError, OverflowError, TypeError, AttributeError) as exc:
        raise StoreInputError(f"not a date (YYYY-MM-DD): {day!r}") from exc


def criteria(f: ViewFilter | None) -> Criteria:
    """What `f` asks for. StoreInputError for a date that is not an ISO day."""
    if f is None:
        return Criteria()
    codes = None
    if f.countries is not None:
        chosen = {clean_text(str(c)) for c in f.countries}
        codes = tuple(sorted(chosen - {NO_COUNTRY}))
    return Criteria(
        codes=codes,
        no_country=codes is not None and NO_COUNTRY in f.countries,
        ends_after=day_bound(f.date_from, 0) if f.date_from else None,
        starts_before=day_bound(f.date_to, 1) if f.date_to else None,
        max_rank=RANKS.get(f.max_granularity) if isinstance(f.max_granularity, str) else None,
        article_id=clean_text(str(f.article_id)) if f.article_id else None,
        search=f.search or None,
        match=fts_query(f.search) if f.search else None,
        langs=(None if f.languages is None
               else tuple(sorted({clean_text(str(code)) or NO_LANGUAGE for code in f.languages}))),
        datings=(None if getattr(f, "dating", None) is None
                 else tuple(sorted({clean_text(str(d)) for d in f.dating} & set(DATINGS)))),
        starred=bool(getattr(f, "starred", False)),
        tags=(None if getattr(f, "tags", None) is None
              else tuple(sorted({fold(t) for t in f.tags} - {""}))),
        has_note=bool(getattr(f, "has_note", False)),
        reviews=(None if getattr(f, "review", None) is None
                 else tuple(sorted({clean_text(str(r)) for r in f.review} & set(REVIEWS)))),
        hide_rejected=not getattr(f, "show_rejected", True),
        checks=bool(getattr(f, "checks", False)),
    )


# -- SQL -----------------------------------------------------------------------------------------------

def _marks(n: int) -> str:
    return ",".join("?" * n)


def _country_sql(c: Criteria, correlated: bool) -> tuple[str, list]:
    """The events (alias e) naming a chosen country: `e.id IN (subquery)`, or a correlated EXISTS that
    lets SQLite walk another index and stop after a page."""
    none = "NOT EXISTS (SELECT 1 FROM event_countries c WHERE c.event_id = e.id)"
    some, params = "", list(c.codes)
    if c.codes and correlated:
        some = ("EXISTS (SELECT 1 FROM event_countries c WHERE c.event_id = e.id"
                f" AND c.code IN ({_marks(len(c.codes))}))")
    elif c.codes and len(c.codes) <= MAX_INLINE_CODES:
        some = f"e.id IN (SELECT event_id FROM event_countries WHERE code IN ({_marks(len(c.codes))}))"
    elif c.codes:
        some = "e.id IN (SELECT event_id FROM event_countries WHERE code IN (SELECT value FROM json_each(?)))"
        params = [json.dumps(list(c.codes))]
    if some and c.no_country:
        return f"({some} OR {none})", params
    return some or (none if c.no_country else "0"), params


# an event's language: its article's, NO_LANGUAGE when none is stored (or the article row is missing)
LANGUAGE_SQL = ("coalesce((SELECT nullif(a.language, '') FROM articles a WHERE a.id = e.article_id), '"
                + NO_LANGUAGE + "')")


# the language of a report (an excerpt, alias xr): its article's (alias ar), NO_LANGUAGE as above
REPORT_LANGUAGE_SQL = "coalesce(nullif(ar.language, ''), '" + NO_LANGUAGE + "')"
# whether an event (alias e) has a report in one of the languages of the condition `{}` over
# REPORT_LANGUAGE_SQL; asked only of the events with more than one report (the others have only their
# first report, whose language LANGUAGE_SQL gives)
OTHER_LANGUAGES_SQL = ("(e.reports > 1 AND EXISTS (SELECT 1 FROM excerpts xr LEFT JOIN articles ar"
                       " ON ar.id = xr.article_id WHERE xr.event_id = e.id AND " + REPORT_LANGUAGE_SQL + " {}))")


def _language_sql(c: Criteria, reports: bool = True) -> tuple[str, list]:
    """The events one of whose languages is chosen (with ``reports``: the languages of all their
    reports; without, a database without excerpts: their first report's)."""
    if not c.langs:
        return "0", []
    if len(c.langs) <= MAX_INLINE_CODES:
        test, params = f"IN ({_marks(len(c.langs))})", list(c.langs)
    else:
        test, params = "IN (SELECT value FROM json_each(?))", [json.dumps(list(c.langs))]
    if not reports:
        return f"{LANGUAGE_SQL} {test}", params
    return f"({LANGUAGE_SQL} {test} OR {OTHER_LANGUAGES_SQL.format(test)})", params + params


def _date_sql(c: Criteria, t0: str, t1: str) -> tuple[list[str], list]:
    clauses, params = [], []
    if c.ends_after is not None:
        clauses.append(f"max({t1}, {t0} + 1) > ?")      # the end, at least a second after the start
        params.append(c.ends_after)
    if c.starts_before is not None:
        clauses.append(f"{t0} < ?")
        params.append(c.starts_before)
    return clauses, params


def _annotation_sql(c: Criteria, has_table: bool) -> tuple[str | None, list]:
    """The annotation parts as one clause over ``e`` (None: they keep every event)."""
    if not c.annotated:
        return None, []
    if not has_table:       # no annotations: every event is unannotated
        return (None if c.default_passes else "0"), []
    tests, params = [], []
    if c.starred:
        tests.append("coalesce(starred, 0) != 0")
    if c.has_note:
        tests.append("coalesce(note, '') != ''")
    if c.tags is not None:
        tests.append("EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(tags) THEN tags END) t"
                     " WHERE t.type = 'text' AND lower(trim(t.value)) IN (SELECT value FROM json_each(?)))")
        params.append(json.dumps(list(c.tags)))
    review = "coalesce(nullif(review, ''), 'unreviewed')"
    if c.reviews is not None:
        tests.append(f"{review} IN ({_marks(len(c.reviews))})" if c.reviews else "0")
        params += c.reviews
    if c.hide_rejected:
        tests.append(f"{review} != 'rejected'")
    passes = " AND ".join(tests)
    if c.default_passes:      # dropped: the events one of whose rows fails
        return (f"e.id NOT IN (SELECT event_id FROM annotations WHERE event_id IS NOT NULL"
                f" AND NOT ({passes}))"), params
    return f"e.id IN (SELECT event_id FROM annotations WHERE {passes})", params


def sql_where(f: ViewFilter | None, *, correlated_countries: bool = False,
              search_reports: bool = True, annotations: bool = True, also_ids=None,
              checks: bool = True, reports: bool = True) -> tuple[str, list]:
    """`f` as " WHERE ..." (or "") over the events table as ``e``, and its parameters.

    ``correlated_countries``: the country test as a correlated EXISTS, put last, instead of an
    ``IN (subquery)`` put first. ``search_reports``: search the reports' sentences too (a database
    from before excerpts_fts has only events_fts). ``annotations``: the database has the annotations
    table (an older file opened read-only may not: then nothing is annotated). ``also_ids``: more event
    ids the search finds (those whose notes and tags match: `note_search_ids`). ``checks``: the events
    table has the date warnings column (version 8; without it no event has a warning). ``reports``: the
    database has the excerpts table and ``events.reports`` (version 2; without them an event's languages
    are its first report's)."""
    c = criteria(f)
    clauses, params = _date_sql(c, "e.t0", "e.t1")
    if c.match:
        more, extra = "", []
        if also_ids is not None and len(also_ids):
            more = " UNION SELECT value FROM json_each(?)"
            extra = [json.dumps([int(i) for i in also_ids])]
        if search_reports:
            clauses.append("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?"
                           " UNION SELECT x.event_id FROM excerpts_fts JOIN excerpts x"
                           f" ON x.id = excerpts_fts.rowid WHERE excerpts_fts MATCH ?{more})")
            params += [c.match, c.match, *extra]
        else:
            clauses.append(f"e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?{more})")
            params += [c.match, *extra]
    if c.max_rank is not None:
        allowed = GRANULARITIES[: c.max_rank + 1]
        clauses.append(f"e.granularity IN ({_marks(len(allowed))})")
        params += allowed
    if c.article_id:
        clauses.append("e.article_id = ?")
        params.append(c.article_id)
    if c.langs is not None:
        clause, codes = _language_sql(c, reports)
        clauses.append(clause)
        params += codes
    if c.datings is not None:
        clauses.append(f"e.dating IN ({_marks(len(c.datings))})" if c.datings else "0")
        params += c.datings
    if c.checks:
        clauses.append("e.checks != 0" if checks else "0")
    clause, values = _annotation_sql(c, annotations)
    if clause is not None:
        clauses.append(clause)
        params += values
    if c.countries:
        clause, codes = _country_sql(c, correlated_countries)
        if correlated_countries:
            clauses.append(clause)
            params += codes
        else:
            clauses.insert(0, clause)
            params[:0] = codes
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def occurrence_where(f: ViewFilter | None, *, countries: bool = True) -> tuple[str, list] | None:
    """`f` over the event_countries table alone (columns code, t0, t1: one row per event and country),
    or None when it asks more than that table knows (search, precision, article, events naming no
    country, languages, dating, annotations, date warnings). ``countries=False`` leaves the country test
    out (for counts per country)."""
    c = criteria(f)
    if (c.match or c.search or c.max_rank is not None or c.article_id or c.langs is not None
            or c.datings is not None or c.annotated or c.checks or (countries and c.no_country)):
        return None
    clauses, params = [], []
    if countries and c.countries:
        clauses.append(f"code IN ({_marks(len(c.codes))})" if c.codes else "0")
        params += c.codes
    dates, bounds = _date_sql(c, "t0", "t1")
    return (" WHERE " + " AND ".join(clauses + dates)) if clauses or dates else "", params + bounds


# -- numpy ---------------------------------------------------------------------------------------------
# The arrays hold each interval's end at least a second after its start (as the timeline draws it), and
# NaN for the times of an undated event.

def date_mask(c: Criteria, t0: np.ndarray, t1: np.ndarray) -> np.ndarray:
    mask = np.ones(len(t0), dtype=bool)
    with np.errstate(invalid="ignore"):
        if c.ends_after is not None:
            mask &= t1 > c.ends_after
        if c.starts_before is not None:
            mask &= t0 < c.starts_before
    return mask


def attribute_mask(c: Criteria, t0: np.ndarray, t1: np.ndarray, rank: np.ndarray, article: np.ndarray,
                   article_number: int | None) -> np.ndarray:
    """What the dates, precision and article keep of parallel arrays: t0/t1 seconds, precision rank,
    article number (`article_number`: the filter's article's, negative or None for none)."""
    mask = date_mask(c, t0, t1)
    if c.max_rank is not None:
        mask &= rank <= c.max_rank
    if c.article_id:
        wanted = article_number if article_number is not None and article_number >= 0 else None
        if wanted is None:
            mask[:] = False
        else:
            mask &= article == wanted
    return mask


def lane_mask(c: Criteria, lanes: list[str]) -> np.ndarray | None:
    """Which of the timeline's lanes the countries keep (None: every one)."""
    if not c.countries:
        return None
    chosen = set(c.codes)
    return np.array([lane in chosen or (lane == NO_COUNTRY and c.no_country) for lane in lanes], dtype=bool)


def country_mask(c: Criteria, n: int, codes: list[str], cpos: np.ndarray,
                 ccode: np.ndarray) -> np.ndarray | None:
    """Which of n events the countries keep, from (event position, code number) rows (None: every one)."""
    if not c.countries:
        return None
    chosen = set(c.codes)
    picked = np.array([code in chosen for code in codes] + [False], dtype=bool)
    keep = np.zeros(n, dtype=bool)
    keep[cpos[picked[ccode]]] = True
    if c.no_country:
        keep |= np.bincount(cpos, minlength=n)[:n] == 0
    return keep


def language_mask(c: Criteria, lang: np.ndarray, languages: list[str], more_pos: np.ndarray | None = None,
                  more_lang: np.ndarray | None = None) -> np.ndarray | None:
    """Which entries the languages keep, from each entry's language number (an index into `languages`,
    the codes as stored, NO_LANGUAGE among them), and the other languages of a few entries: (position,
    language number) pairs `more_pos`, `more_lang` (an entry is kept when one of its languages is
    chosen); None: every one."""
    if c.langs is None:
        return None
    chosen = set(c.langs)
    picked = np.array([code in chosen for code in languages] + [False], dtype=bool)
    keep = picked[lang]
    if more_pos is not None and len(more_pos):
        keep[more_pos[picked[more_lang]]] = True
    return keep


def dating_mask(c: Criteria, dating: np.ndarray) -> np.ndarray | None:
    """Which entries the dating keeps, from each entry's dating number (an index into DATINGS, -1 for a
    value that is none of them); None: every one."""
    if c.datings is None:
        return None
    picked = np.array([d in c.datings for d in DATINGS] + [False], dtype=bool)
    return picked[np.where(dating >= 0, dating, len(DATINGS))]


def checks_mask(c: Criteria, checks: np.ndarray) -> np.ndarray | None:
    """Which entries the date warnings keep, from each entry's flags (0: none, or not checked); None:
    every one."""
    if not c.checks:
        return None
    return checks != 0


def member_mask(values: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Which of `values` (event ids) are among `ids`."""
    top = int(max(values.max(initial=0), ids.max(initial=0))) + 1
    if top <= 50 * max(len(values), 1):       # ids are dense: a lookup table beats np.isin's sort
        keep = np.zeros(top, dtype=bool)
        keep[ids[ids >= 0]] = True
        return keep[np.maximum(values, 0)] & (values >= 0)
    return np.isin(values, ids)


@dataclass
class Annotated:
    """The analyst's annotations as parallel arrays, one entry per annotation row with an event."""
    id: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))       # event id
    review: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int8))     # index in REVIEWS, -1 other
    starred: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    noted: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))         # a note not empty
    tags: list = field(default_factory=list)      # per row, the frozenset of its tags, folded

    @classmethod
    def read(cls, conn) -> "Annotated":
        """Every annotation row that names an event (none when the table is missing)."""
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'annotations'").fetchone() is None:
            return cls()
        rows = conn.execute("SELECT event_id, coalesce(nullif(review, ''), 'unreviewed'), coalesce(starred, 0),"
                            " coalesce(note, '') != '', tags FROM annotations WHERE event_id IS NOT NULL").fetchall()
        number = {r: i for i, r in enumerate(REVIEWS)}
        tags = []
        for row in rows:
            try:
                got = json.loads(row[4]) if row[4] else []
            except (TypeError, ValueError):
                got = []
            tags.append(frozenset(fold(t) for t in got if isinstance(t, str)) if isinstance(got, list)
                        else frozenset())
        return cls(np.array([r[0] for r in rows], dtype=np.int64),
                   np.array([number.get(r[1], -1) for r in rows], dtype=np.int8),
                   np.array([bool(r[2]) for r in rows], dtype=bool),
                   np.array([bool(r[3]) for r in rows], dtype=bool), tags)

    def starred_ids(self) -> np.ndarray:
        return np.unique(self.id[self.starred])


def annotation_mask(c: Criteria, values: np.ndarray, ann: Annotated) -> np.ndarray | None:
    """Which of `values` (event ids) the annotation parts keep; None: every one."""
    if not c.annotated:
        return None
    passes = np.ones(len(ann.id), dtype=bool)
    if c.starred:
        passes &= ann.starred
    if c.has_note:
        passes &= ann.noted
    if c.tags is not None:
        chosen = set(c.tags)
        passes &= np.array([bool(t & chosen) for t in ann.tags], dtype=bool)
    if c.reviews is not None:
        picked = np.array([r in c.reviews for r in REVIEWS] + [False], dtype=bool)
        passes &= picked[np.where(ann.review >= 0, ann.review, len(REVIEWS))]
    if c.hide_rejected:
        passes &= ann.review != REVIEWS.index("rejected")
    if c.default_passes:
        return ~member_mask(values, ann.id[~passes])
    return member_mask(values, ann.id[passes])


# -- search in the analyst's notes and tags ------------------------------------------------------------

def _plain_words(text: str) -> list[str]:
    """The words of `text` as the full-text index reads them (unicode61): runs of letters and digits,
    without case or accents."""
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", str(text or "")) if not unicodedata.combining(ch))
    return re.findall(r"\w+", bare.casefold())


def note_matches(words: str, note: str | None, tags) -> bool:
    """Whether a note and tags (a list of strings) hold every search word as the start of one of their
    words (as `fts_query` matches the events' text); False when there is nothing to search for."""
    wanted = _plain_words(str(words or "")[:100_000])[:32]
    if not wanted:
        return False
    have = _plain_words(" ".join([note or "", *[t for t in tags or () if isinstance(t, str)]]))
    return all(any(h.startswith(w) for h in have) for w in wanted)


def note_search_ids(conn, words: str) -> np.ndarray:
    """Sorted ids of the events whose note and tags (table ``annotations``) match `words`
    (`note_matches`); none in a database without annotations. The analyst's annotations are few: they
    are read and matched here, not through a full-text index."""
    if not _plain_words(words) or conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'annotations'").fetchone() is None:
        return np.zeros(0, dtype=np.int64)
    rows = conn.execute("SELECT event_id, note, tags FROM annotations WHERE event_id IS NOT NULL"
                        " AND (coalesce(note, '') != '' OR coalesce(tags, '') NOT IN ('', '[]'))").fetchall()
    found = []
    for event_id, note, tags in rows:
        try:
            got = json.loads(tags) if tags else []
        except (TypeError, ValueError):
            got = []
        if note_matches(words, note, got if isinstance(got, list) else []):
            found.append(event_id)
    return np.unique(np.array(found, dtype=np.int64))
