"""Plain data shared by every layer: no Qt, no SQL, no I/O.

Offsets (`start`, `end`) are Python ``str`` indices into the text they were found in.
Dates are ISO strings: ``YYYY-MM-DD`` for a day, ``YYYY-MM-DDTHH:MM[:SS]`` for a time.
``earliest`` and ``latest`` are both inclusive bounds of a (possibly vague) date:
"September 2024" is earliest ``2024-09-01``, latest ``2024-09-30``.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field

# How an article's publication date (the tagger's reference) was known.
PUBLISHED_GIVEN = "given"          # told on the command line or in the input record
PUBLISHED_METADATA = "metadata"    # read from the source's metadata (HTML meta, feed entry)
PUBLISHED_INFERRED = "inferred"    # worked out from the text itself (weekday-date agreement ...)


@dataclass
class TimeExpression:
    start: int | None              # None: a date not written in the text (reported, or from context)
    end: int | None
    text: str
    type: str                      # DATE, TIME, DURATION, SET
    value: str                     # TIMEX3 value: 2024-11-18, 2024-09, 2024-SU, P3D, PRESENT_REF ...
    earliest: str | None = None    # inclusive ISO lower bound, None where no interval (durations)
    latest: str | None = None      # inclusive ISO upper bound
    granularity: str | None = None  # century, decade, year, half, quarter, season, month, week, weekend, day, hour, minute, second
    reasoning: str = ""            # short: the anchor used and the rule applied
    mod: str | None = None         # TIMEX3 mod: APPROX, START, MID, END, BEFORE, AFTER ...
    anchor: str | None = None      # ISO date the expression was resolved against, if relative

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class CountryMention:
    start: int
    end: int
    text: str
    code: str                      # ISO 3166-1 alpha-2 (UA, RU) or an organisation code (NATO, EU, UN)
    kind: str = "country"          # "country" or "organisation"


@dataclass
class Article:
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None      # where it was read from: a file path, "stdin", a feed URL
    published: str | None = None   # ISO date
    published_source: str | None = None  # PUBLISHED_GIVEN / _METADATA / _INFERRED
    language: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)


def content_id(text: str) -> str:
    """A stable id from the article's text: the same article read twice has the same id."""
    normal = " ".join(text.split())
    return hashlib.sha256(normal.encode("utf-8", errors="surrogatepass")).hexdigest()[:16]


@dataclass
class Event:
    article_id: str
    sentence_start: int            # offsets into the article text
    sentence_end: int
    sentence: str
    time: TimeExpression           # offsets into the article text
    title: str
    countries: list[str] = field(default_factory=list)       # codes, in order of first mention
    mentions: list[CountryMention] = field(default_factory=list)  # offsets into the article text
    id: int | None = None
    dating: str = "written"        # how its date was obtained: "written" (its own time expression),
                                   # "context" (the time the text is at), "reported" (the publication)


@dataclass(frozen=True)
class ViewFilter:
    """What the person asked to see; the store turns it into a query."""
    countries: frozenset[str] | None = None   # None = every country; codes as stored (UA, NATO ...)
    date_from: str | None = None               # ISO date, inclusive
    date_to: str | None = None                 # ISO date, inclusive
    search: str | None = None                  # full-text query over event sentences and titles
    max_granularity: str | None = None         # hide events vaguer than this (e.g. "month")
    article_id: str | None = None              # only events from this article
    languages: frozenset[str] | None = None    # None = every language; ISO 639-1 codes as stored (fr, uk);
                                               # "und" (ISO 639-2 "undetermined") = articles with none stored
    dating: frozenset[str] | None = None       # None = every event; else how its date was obtained:
                                               # "written", "context", "reported"
    starred: bool = False                      # only the events the analyst starred
    tags: frozenset[str] | None = None         # None = any; else events carrying at least one of these tags
                                               # (compared without case)
    has_note: bool = False                     # only the events with a note
    review: frozenset[str] | None = None       # None = any; else review states kept: "unreviewed",
                                               # "confirmed", "corrected", "rejected"
    show_rejected: bool = False                # False: events rejected ("not an event") are left out
    checks: bool = False                       # only the events with a date warning (CHECK_NAMES)

    def __post_init__(self) -> None:
        object.__setattr__(self, "checks", bool(self.checks))     # None (a state that never set it): False


# What does not add up about an event's date (viewer.checks), stored as bit flags (``events.checks``):
CHECK_AFTER_PUBLICATION = 1   # a happening told in the past, dated after its article's publication
CHECK_WEEKDAY = 2             # a weekday that is not the weekday of the day it dates
CHECK_REPORTS_DISAGREE = 4    # reports of one (merged) event whose dates do not overlap
# each flag's word (the command line's `warnings`), in this order
CHECK_NAMES = {CHECK_AFTER_PUBLICATION: "after-publication", CHECK_WEEKDAY: "weekday",
               CHECK_REPORTS_DISAGREE: "reports-disagree"}


def check_words(flags: int | None) -> list[str]:
    """The words of the warnings set in `flags` (none for 0 or None: not checked)."""
    return [word for bit, word in CHECK_NAMES.items() if (flags or 0) & bit]


# Granularities from finest to coarsest; used to filter by precision.
GRANULARITIES = ("second", "minute", "hour", "day", "weekend", "week", "month", "season",
                 "quarter", "half", "year", "decade", "century", "millennium")
