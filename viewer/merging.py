"""Whether two events (usually from different articles) report the same happening: a 0..1 score mixing
date overlap, shared countries and shared content words. Imports only the model and the text rules, so the
store can use it directly.

Reports of one happening are dated at different granularities ("on 18 November", "in November", "this
week") and sometimes disagree ("on Monday" in one, "on Tuesday" in another). Two reports whose dates nest
(one lies inside the other) are the same happening when their words agree well (:data:`NESTED_WORDS`); two
whose dates do not overlap, only when they lie on adjacent days (:data:`CONFLICT_DAYS`), their countries and
words agree strongly (:data:`CONFLICT_WORDS`) and they give the same figure (:func:`figures`): then they
disagree, and :func:`merged_date` says so. The event
keeps the finer date (:func:`merged_date`); :func:`disagreements` lists the reports of one event whose dates
do not overlap.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from viewer.model import Event
from viewer.text import STOPWORDS

_WORDS = re.compile(r"[^\W\d_]{3,}")   # letters of any script: "kharkiv", "харків"
REPORTED = "reported"       # an event dated by its article's publication (viewer.events.DATING_REPORTED)
REPORTED_MOD = "ON_OR_BEFORE"   # the mod of a date taken from the publication (viewer.events.REPORTED_MOD)
REPORTED_WORDS = 0.5        # the share of content words a reported event must share with a dated one to merge
NESTED_WORDS = 0.5          # ... two reports whose dates nest at different granularities ("18 November", "November")
CONFLICT_WORDS = 0.6        # ... two reports whose dates do not overlap, to be one happening told two ways
CONFLICT_DAYS = 1           # the most days between two such reports: adjacent days ("on Monday" in one
# article, "on Tuesday" in another, a night told from two time zones). A war repeats its happenings day after
# day in the same words ("Russian forces shelled Kharkiv overnight"), so words alone never make two days one
# happening: the two reports must also give the same figure (a toll, a count of drones: :func:`figures`),
# which a repeated happening seldom does. Others the analyst merges by hand (Edit > Merge with...); the
# excerpt panel lists the reports of an event that disagree (:func:`disagreements`).
NESTED_MAX_DAYS = 62        # the longest date that can take in a finer one (a month; not a year, not a decade)
ANCHOR_WORDS = 0.3          # what two reports of the same dates and countries count as shared words when
# they give the same figure of two digits or more and name the same place or person, whatever their words or
# language ("A Russian missile strike on Odesa killed 12 people", "Une frappe russe sur Odessa a fait 12
# morts"): :func:`anchors_agree`


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
    at 1): 0.4, 0.25 and 0.35 of the score. Dates that nest at different granularities ("on 18 November",
    "in November"; the larger at most :data:`NESTED_MAX_DAYS` days) count as agreeing fully when the words do
    (:data:`NESTED_WORDS`). Dates that do not overlap score 0, unless they lie at most :data:`CONFLICT_DAYS`
    days apart with the same countries and words that agree strongly (:data:`CONFLICT_WORDS`): one happening
    whose reports disagree on the day, scored 0.75 for the date, when they also share a figure. 0 when a date is unknown. Cached word sets
    and dates keep it cheap enough to weigh hundreds of candidates per event.
    """
    ta, tb = a.time, b.time
    if not (ta.earliest and ta.latest and tb.earliest and tb.latest):
        return 0.0
    da, db = day_span(ta.earliest, ta.latest), day_span(tb.earliest, tb.latest)
    if da is None or db is None:
        return 0.0
    lo, hi = max(da[0], db[0]), min(da[1], db[1])
    ca, cb = set(a.countries), set(b.countries)
    if lo > hi:
        if lo - hi > CONFLICT_DAYS or not ca or ca != cb:
            return 0.0
        word_score = _word_score(a, b)
        if word_score < CONFLICT_WORDS or not figures(a.sentence, ta.text) & figures(b.sentence, tb.text):
            return 0.0
        date_score = 0.75       # the same happening, told on different days: a disagreement
        country_score = 1.0
    else:
        inter = hi - lo + 1
        size_a, size_b = da[1] - da[0] + 1, db[1] - db[0] + 1
        smaller, larger = min(size_a, size_b), max(size_a, size_b)
        date_score = (inter / smaller) * (0.5 + 0.5 * smaller / larger)
        country_score = len(ca & cb) / len(ca | cb) if (ca or cb) else 0.5
        word_score = _word_score(a, b)
        if inter == smaller < larger <= NESTED_MAX_DAYS and word_score >= NESTED_WORDS:
            date_score = 1.0    # "on 18 November" inside "in November", told in much the same words
        if word_score < ANCHOR_WORDS and inter == smaller == larger and ca and ca == cb \
                and anchors_agree(a.sentence, ta.text, b.sentence, tb.text):
            word_score = ANCHOR_WORDS   # told in other words (or another language) with the same toll and place
        elif word_score < REPORTED_WORDS and inter == smaller and ca and ca == cb \
                and (a.dating == REPORTED) != (b.dating == REPORTED) \
                and anchors_agree(a.sentence, ta.text, b.sentence, tb.text):
            # a report dated by its publication and a dated one inside its days, with the same toll and place:
            # the dated one says when the reported one happened
            word_score, date_score = REPORTED_WORDS, 1.0
    score = round(0.4 * date_score + 0.25 * country_score + 0.35 * min(1.0, 2 * word_score), 4)
    if (a.dating == REPORTED) != (b.dating == REPORTED) \
            and word_score < REPORTED_WORDS:
        # a report dated only by its publication overlaps every dated happening of those days: it is the
        # same one only when told in much the same words
        return min(score, 0.5)
    return score


_FIGURE = re.compile(r"(?<![\w.,])\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?![\w])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")
_SEPARATORS = str.maketrans("", "", ",.\u00a0\u202f ")


@lru_cache(maxsize=65536)
def figures(sentence: str, expression: str | None = None) -> frozenset:
    """The numbers a sentence gives besides its date ("12 people", "1,200 drones" -> {"12", "1200"}): digits
    outside the time expression ``expression``, a year (1800-2100) left out; separators of thousands dropped."""
    if expression:
        sentence = sentence.replace(expression, " ")
    out = set()
    for m in _FIGURE.finditer(sentence):
        n = m.group(0).translate(_SEPARATORS) if not re.fullmatch(r"\d+[.,]\d{1,2}", m.group(0)) else m.group(0)
        if len(n) == 4 and n.isdigit() and 1800 <= int(n) <= 2100:
            continue
        out.add(n)
    return frozenset(out)


# Names across scripts and spellings: a name's skeleton is its first three consonant sounds, written the same
# way whatever the language ("Kharkiv", "Kharkov", "Charkiw", "Járkov", "Харків", "Харьков" -> "hrk"; "Odesa",
# "Odessa", "Одеса" -> "ds"). Coarse on purpose: it only ever adds to a shared figure, the same countries and
# the same dates.
_CYRILLIC = dict(zip("абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "v", "h", "g", "d", "e", "ie", "io", "zh", "z", "i", "i", "i", "i", "k", "l", "m",
                      "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e",
                      "iu", "ia"]))
_CYRILLIC.update({"ł": "l", "ß": "ss", "ø": "o", "đ": "d", "æ": "ae"})   # Latin letters NFKD leaves whole
_SOUNDS = (("shch", "s"), ("sch", "s"), ("kh", "h"), ("ch", "h"), ("zh", "s"), ("sh", "s"), ("ts", "s"),
           ("ph", "f"), ("th", "t"), ("j", "y"), ("x", "h"), ("w", "v"), ("z", "s"), ("c", "k"), ("q", "k"),
           ("g", "h"))
_NAME = re.compile(r"(?<=[\s(«“\"„'’-])[^\W\d_][\w'’-]{3,}")


def _skeleton(word: str) -> str:
    import unicodedata
    w = "".join(_CYRILLIC.get(ch, ch) for ch in word.lower())
    w = "".join(ch for ch in unicodedata.normalize("NFKD", w) if not unicodedata.combining(ch))
    w = w.split("'")[0].split("’")[0]            # "Moscow's", "d'Odessa" keep their name
    if w.startswith("j"):
        w = "h" + w[1:]                          # Spanish "Járkov", "Jersón"; inside a word j is a vowel: "Kijów"
    for a, b in _SOUNDS:
        w = w.replace(a, b)
    out = []
    for ch in w:
        if ch.isalpha() and ch not in "aeiouy" and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out[:3])


@lru_cache(maxsize=65536)
def names(sentence: str, expression: str | None = None) -> frozenset:
    """The skeletons of the capitalised words a sentence gives after its first word, besides its date: the
    places and people it names, comparable across languages and scripts (:func:`_skeleton`)."""
    if expression:
        sentence = sentence.replace(expression, " ")
    out = set()
    for m in _NAME.finditer(sentence):
        word = m.group(0)
        if word[0].isupper() and word.lower() not in STOPWORDS:
            k = _skeleton(word)
            if len(k) >= 2:
                out.add(k)
    return frozenset(out)


def anchors_agree(sentence_a: str, expression_a: str | None, sentence_b: str, expression_b: str | None) -> bool:
    """Whether two reports give the same figure of two digits or more besides their dates and name the same
    place or person (by skeleton): the anchors that tell one happening in any words or language."""
    shared = {f for f in figures(sentence_a, expression_a) & figures(sentence_b, expression_b)
              if sum(ch.isdigit() for ch in f) >= 2}
    return bool(shared) and bool(names(sentence_a, expression_a) & names(sentence_b, expression_b))


def _word_score(a: Event, b: Event) -> float:
    wa, wb = content_words(a.sentence), content_words(b.sentence)
    return len(wa & wb) / len(wa | wb) if (wa or wb) else 0.0


def _days(t) -> tuple[int, int] | None:
    if not (t.earliest and t.latest):
        return None
    return day_span(t.earliest, t.latest)


def merged_date(event, report) -> tuple[bool, str | None]:
    """When a report joins an event (``event`` and ``report`` are their TimeExpressions, or anything with
    ``earliest``, ``latest`` and ``text``): whether the event should take the report's date, and a note on
    a disagreement for the event's reasoning.

    The event keeps the finer date: the report's when it lies inside the event's and is shorter ("on 18
    November" joining an event dated "in November"), and it is written (a date taken from the publication
    is no finer: ``mod`` ON_OR_BEFORE). Dates that do not overlap are a disagreement: the event keeps its
    own and the note says what the other report said."""
    de, dr = _days(event), _days(report)
    if de is None or dr is None:
        return (de is None and dr is not None), None
    if dr[1] < de[0] or de[1] < dr[0]:
        first, last = report.earliest[:10], report.latest[:10]
        days = first if first == last else f"{first}..{last}"
        said = f"{report.text!r} ({days})" if report.text else days
        return False, f"reports disagree: another report dates it {said}"
    finer = de[0] <= dr[0] and dr[1] <= de[1] and (dr[1] - dr[0]) < (de[1] - de[0])
    return finer and getattr(report, "mod", None) != REPORTED_MOD, None


def disagreements(dates: list[tuple[str | None, str | None]]) -> list[tuple[int, int]]:
    """The pairs (i, j), i < j, of the reports of one event (their ``earliest``/``latest``) whose dates do not
    overlap: the reports disagree on when it happened. Reports without a date disagree with none."""
    spans = [day_span(e, l) if e and l else None for e, l in dates]
    out = []
    for i, a in enumerate(spans):
        for j in range(i + 1, len(spans)):
            b = spans[j]
            if a is not None and b is not None and (a[1] < b[0] or b[1] < a[0]):
                out.append((i, j))
    return out
