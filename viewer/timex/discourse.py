"""Where a text is in time, for every language: the happenings it has dated (so that "two days after the
invasion" can count from the invasion's day) and the years it mentions only in passing. Pure functions over
the text and the expressions already read; the words that differ between languages come in as arguments."""
from __future__ import annotations

import re
from datetime import date

_SENTENCE_END = re.compile(r"(?<!\b\d)(?<!\b\d\d)[.!?]\s+(?=[\"'«“„(]?[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ0-9])|\n\s*\n")


def happening_day(text: str, head: str, before: int, dated: list[tuple[int, int, date]],
                  reach: int = 6000) -> tuple[date, int] | None:
    """The day of the happening a noun names ("the invasion"), when the text has dated it: the last earlier
    sentence (within ``reach`` characters before ``before``) in which a word starting like ``head`` stands
    together with a day written with its year (``dated``: (start, end, day) of such days, in text order).
    Returns (day, where that day was written) or None."""
    if len(head) < 4 or not dated:
        return None
    stem = re.escape(head[:max(4, len(head) - 2)].lower())
    lo = max(0, before - reach)
    word = re.compile(rf"(?<!\w){stem}\w*", re.I)
    hits = [m.start() for m in word.finditer(text, lo, before)]
    for pos in reversed(hits):
        s0 = _sentence_start(text, pos, lo)
        s1 = _sentence_end(text, pos, before)
        for a, b, d in reversed(dated):
            if s0 <= a and b <= s1 and b <= before:
                return d, a
    return None


def _sentence_start(text: str, pos: int, lo: int) -> int:
    best = lo
    for m in _SENTENCE_END.finditer(text, lo, pos):
        best = m.end()
    return best


def _sentence_end(text: str, pos: int, hi: int) -> int:
    m = _SENTENCE_END.search(text, pos, hi)
    return m.start() + 1 if m else hi


# how far from the time a story is at a year mentioned inside a sentence is taken to be an aside ("remains
# found in 2004" in a history of 1941): it dates what it says, but the story stays where it was
PASSING_DISTANCE = 30


def year_in_passing(year: int, story_year: int | None, opens_sentence: bool, *, after_word: bool = False,
                    range_end: bool = False) -> bool:
    """Whether a year written in a text should leave the story's time where it was:

    - ``after_word``: it follows a word that mentions a year without going there (the language's "since",
      "until", "than", "of": "the first since 1813", "the Treaty of 1783");
    - ``range_end``: it closes a range whose first year was just read ("1939–1945": the story is at 1939);
    - it lies more than ``PASSING_DISTANCE`` years from the story's year and does not open its sentence.

    Never when the story has no time yet (``story_year`` None): the first year a text gives is where it is."""
    if story_year is None:
        return False
    if after_word or range_end:
        return True
    return not opens_sentence and abs(year - story_year) > PASSING_DISTANCE


# days: how far before the time a story is at a month (or day) written without a year is still a look back in
# the same year ("In July 1940 ... In June": June 1940); further back, the story has moved on into the next
# year ("In December 1941 ... In January": 1942)
NARRATIVE_BACK = 120


def month_year_in_story(story: date, month: int, day: int | None) -> tuple[int, str]:
    """The year of a month (and day) written without a year, before the month the story is at (``story``):
    the same year when it lies at most ``NARRATIVE_BACK`` days before, else the next year."""
    import calendar as _c
    y = story.year
    back = (story - date(y, month, min(day or 1, _c.monthrange(y, month)[1]))).days
    if back <= NARRATIVE_BACK:
        return y, "shortly before the narrative time: a look back in the same year"
    return y + 1, "after the narrative time (narratives move forward)"


_PARAGRAPH = re.compile(r"[^\n]+")
_QUOTES = (("«", "»"), ("„", "“"), ("“", "”"), ('"', '"'))


def quoted(text: str, i: int, lo: int = 0) -> bool:
    """Whether ``i`` lies inside a quotation opened after ``lo`` (the start of its paragraph) and not closed
    before ``i``: «…», „…“, “…”, "…"."""
    for open_, close in _QUOTES:
        o = text.rfind(open_, lo, i)
        if o < 0:
            continue
        if open_ == close:
            if text.count(open_, lo, i) % 2 == 1:
                return True
        elif text.find(close, o + 1, i) < 0:
            return True
    return False


def news_passages(text: str, cue: re.Pattern, limit: int = 200_000) -> list[tuple[int, int]]:
    """The paragraphs (start, end) of a text read as a history that speak as news: a day word or a weekday
    written without a date ("yesterday", "on Monday", the language's ``cue``) outside quotation marks. Their
    relative dates are resolved against the publication date, the rest of the history against the story's
    time (issue 17: the mode is decided per passage, and a quoted "today" does not make a history news)."""
    out = []
    for pm in _PARAGRAPH.finditer(text, 0, min(len(text), limit)):
        a, b = pm.span()
        for m in cue.finditer(text, a, b):
            if not quoted(text, m.start(), a):
                out.append((a, b))
                break
    return out


def in_spans(spans: list[tuple[int, int]], i: int) -> bool:
    from bisect import bisect_right
    k = bisect_right(spans, (i, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= i < spans[k][1]


# how many years before the reference's year a year must lie to tell a passage of a news text is a history
HISTORY_GAP = 2


def history_passages(text: str, reference_year: int, years: list[tuple[int, int, bool]],
                     paragraphs: list[tuple[int, int]], news_cue: re.Pattern, continues,
                     gap: int = HISTORY_GAP) -> list[tuple[int, int]]:
    """The passages (start, end) of a news text that tell a history: resolved against the time their story
    is at ("In July 1940, the Luftwaffe began ... In August, it ..." is August 1940), the rest of the text
    against the publication date (issue 17: the mode is decided per passage, from evidence).

    ``years``: (where the phrase that locates it begins, year, locating) for the years written in the text, in
    order; ``locating``: the year says when something happened ("in July 1940", "on 7 September 1940", "during
    1943"), not "since 1990" or "the 1995 shooting". ``paragraphs``: (start, end) of the text's paragraphs.

    A passage begins at a locating year at least ``gap`` years before the reference's year, in a paragraph
    without a news cue (``news_cue`` outside quotation marks: "yesterday", "said on Monday"); it ends at the
    paragraph's end, or where a recent year (within ``gap`` years of the reference) is written. The next
    paragraphs carry it on while they write no year and no news cue and ``continues(text, start, end)`` says
    they go on telling it (in English: they open with a time adverbial that needs the story's time, "In
    August,", "Two days later", or tell in the past tense only)."""
    out: list[tuple[int, int]] = []
    k = 0
    carried = False
    for a, b in paragraphs:
        while k < len(years) and years[k][0] < a:
            k += 1
        mine = []
        while k < len(years) and years[k][0] < b:
            mine.append(years[k])
            k += 1
        if not (carried and not mine or any(loc and y <= reference_year - gap for _, y, loc in mine)):
            carried = False   # nothing here could start or carry a history
            continue
        if any(not quoted(text, m.start(), a) for m in news_cue.finditer(text, a, b)):
            carried = False
            continue
        if not mine:
            if carried and continues(text, a, b):
                out.append((a, b))
            else:
                carried = False
            continue
        start = None
        for pos, year, locating in mine:
            if year > reference_year - gap:
                if start is not None:
                    out.append((start, pos))
                    start = None
            elif locating and start is None:
                start = pos
        carried = start is not None
        if start is not None:
            out.append((start, b))
    return out
