"""Whether two events (usually from different articles) report the same happening: a 0..1 score mixing
date overlap, shared countries and shared content words. Imports only the model and the text rules, so the
store can use it directly.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from viewer.model import Event
from viewer.text import STOPWORDS

_WORDS = re.compile(r"[a-z]{3,}")
REPORTED = "reported"       # an event dated by its article's publication (viewer.events.DATING_REPORTED)
REPORTED_WORDS = 0.5        # the share of content words a reported event must share with a dated one to merge


@lru_cache(maxsize=65536)
def content_words(sentence: str) -> frozenset:
    """The words of a sentence that say what it is about: lower case, three letters or more, no stopwords."""
    return frozenset(w for w in _WORDS.findall(sentence.lower()) if w not in STOPWORDS)


@lru_cache(maxsize=65536)
def day_span(earliest: str, latest: str) -> tuple[int, int] | None:
    """The first and last day (ordinals) of an interval given by ISO bounds; None when they are not dates."""
    try:
        return date.fromisoformat(earliest[:10]).toordinal(), date.fromisoformat(latest[:10]).toordinal()
    except ValueError:
        return None


def same_happening(a: Event, b: Event) -> float:
    """How likely two events (usually from different articles) report the same happening, 0..1.

    Mixes date overlap (the intersection of the two intervals over the smaller one, damped when their sizes
    differ), shared countries (Jaccard) and shared content words of the sentences (Jaccard, doubled, capped
    at 1): 0.4, 0.25 and 0.35 of the score. 0 when the dates are disjoint or unknown. Cached word sets and
    dates keep it cheap enough to weigh hundreds of candidates per event.
    """
    ta, tb = a.time, b.time
    if not (ta.earliest and ta.latest and tb.earliest and tb.latest):
        return 0.0
    da, db = day_span(ta.earliest, ta.latest), day_span(tb.earliest, tb.latest)
    if da is None or db is None:
        return 0.0
    lo, hi = max(da[0], db[0]), min(da[1], db[1])
    if lo > hi:
        return 0.0
    inter = hi - lo + 1
    size_a, size_b = da[1] - da[0] + 1, db[1] - db[0] + 1
    smaller, larger = min(size_a, size_b), max(size_a, size_b)
    date_score = (inter / smaller) * (0.5 + 0.5 * smaller / larger)
    ca, cb = set(a.countries), set(b.countries)
    country_score = len(ca & cb) / len(ca | cb) if (ca or cb) else 0.5
    wa, wb = content_words(a.sentence), content_words(b.sentence)
    word_score = len(wa & wb) / len(wa | wb) if (wa or wb) else 0.0
    score = round(0.4 * date_score + 0.25 * country_score + 0.35 * min(1.0, 2 * word_score), 4)
    if (getattr(a, "dating", "written") == REPORTED) != (getattr(b, "dating", "written") == REPORTED) \
            and word_score < REPORTED_WORDS:
        # a report dated only by its publication overlaps every dated happening of those days: it is the
        # same one only when told in much the same words
        return min(score, 0.5)
    return score
