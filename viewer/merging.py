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
from dataclasses import dataclass
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


# Suggestions: the events an analyst may want to merge by hand (Edit ▸ Merge with…, the excerpt panel's
# "Possibly also reported as"). Ingest merges only on strong evidence (:func:`same_happening`); across
# languages without a shared figure it merges nothing, on purpose ("Russian strike on Kharkiv on Monday",
# "Ukrainian air defence over Kharkiv on Monday" share their date, countries and place and are two
# happenings). So :func:`likeness` only *ranks* and *marks*: the analyst has the last word. It compares what
# reads the same in every language: the date (the same interval, or one inside the other), how it was dated,
# the countries, the names (skeletons, :func:`names`), the figures (:func:`figures`), the marks written in
# Latin letters whatever the language ("Scalp", "ATACMS", "F-16": :func:`marks`) and, for two reports in
# one language, their words.
LIKELY = 0.75               # the score from which an event is marked "likely the same happening" (the same
# date, dating and countries and one anchor: a shared name, figure or mark)
STRONG = 0.85               # ... and suggested unasked (the excerpt panel): two anchors, or a name and many words
COMMON_SHARE = 0.2          # a name found in more than this share of the events of the database (around
# the selected one's dates) says nothing about which happening a report tells: :func:`common_names`
COMMON_MIN_EVENTS = 10      # ... when at least this many are read (fewer: every name counts)
SAME_MAX_DAYS = 366         # the longest date two reports can share to be likely one happening (a year; not
# a decade: "in the 2020s" in two reports says nothing)
LIKELY_WORDS = 0.3          # the share of content words two reports in one language share to be likely one

_MARK = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![\w-])")
_LETTERS = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=65536)
def marks(sentence: str, expression: str | None = None) -> frozenset:
    """The words a sentence writes in Latin letters that any language writes the same way, lower case:
    codes with a digit ("F-16", "S-400", "Su-34"), acronyms of three capitals or more ("ATACMS", "HIMARS"),
    and, in a sentence mostly in another script, its Latin words ("Scalp" in Russian). Its date left out."""
    if expression:
        sentence = sentence.replace(expression, " ")
    letters = _LETTERS.findall(sentence)
    foreign = bool(letters) and sum(ch.isascii() for ch in letters) < len(letters) / 2
    out = set()
    for m in _MARK.finditer(sentence):
        w = m.group(0)
        if any(ch.isdigit() for ch in w) and any(ch.isalpha() for ch in w):
            out.add(w.lower())
        elif len(w) >= 3 and (w.isupper() or (foreign and w[0].isupper())):
            out.add(w.lower())
    return frozenset(out)


@lru_cache(maxsize=65536)
def _shown_names(sentence: str, expression: str | None = None) -> tuple:
    """(skeleton, the word as written) for each name of a sentence (:func:`names`), the first word per
    skeleton: what a suggestion shows ("names Kursk, Kyiv")."""
    if expression:
        sentence = sentence.replace(expression, " ")
    out: dict[str, str] = {}
    for m in _NAME.finditer(sentence):
        word = m.group(0)
        if word[0].isupper() and word.lower() not in STOPWORDS:
            k = _skeleton(word)
            if len(k) >= 2 and k not in out:
                out[k] = word.split("'")[0].split("’")[0]
    return tuple(out.items())


@dataclass(frozen=True)
class Report:
    """What :func:`likeness` compares of one report of an event: its article, its date, how it was dated,
    its countries, and what its sentence says that other languages can match (names, figures, marks) or the
    same language can (content words)."""
    article_id: str
    days: tuple[int, int] | None
    granularity: str | None
    dating: str
    countries: frozenset
    names: tuple            # (skeleton, word) pairs
    figures: frozenset
    marks: frozenset
    words: frozenset

    @property
    def skeletons(self) -> frozenset:
        return frozenset(k for k, _ in self.names)


def report(*, article_id: str, sentence: str, time_text: str | None, earliest: str | None,
           latest: str | None, granularity: str | None, dating: str | None, countries) -> Report:
    """A :class:`Report` from the fields every kind of event has (an Event's time expression, a stored
    event or one of its excerpts)."""
    sentence = sentence or ""
    expression = time_text or None
    days = day_span(earliest, latest) if earliest and latest else None
    return Report(article_id=article_id or "", days=days, granularity=granularity or None,
                  dating=dating or "written", countries=frozenset(countries or ()),
                  names=_shown_names(sentence, expression), figures=figures(sentence, expression),
                  marks=marks(sentence, expression), words=_plain_words(sentence, expression))


@lru_cache(maxsize=65536)
def _plain_words(sentence: str, expression: str | None = None) -> frozenset:
    """The content words of a sentence less its date and its names (counted as names, not twice)."""
    names_written = {w.lower() for _, w in _shown_names(sentence, expression)}
    if expression:
        sentence = sentence.replace(expression, " ")
    return frozenset(w for w in content_words(sentence) if w not in names_written)


def event_report(e: Event) -> Report:
    """The :class:`Report` of a model Event."""
    return report(article_id=e.article_id, sentence=e.sentence, time_text=e.time.text,
                  earliest=e.time.earliest, latest=e.time.latest, granularity=e.time.granularity,
                  dating=e.dating, countries=e.countries)


def common_names(reports) -> frozenset:
    """The name skeletons found in more than :data:`COMMON_SHARE` of ``reports`` (the events of the
    database around the selected one's dates), when there are at least :data:`COMMON_MIN_EVENTS`: the names
    of the countries at war and their capitals ("Russia", "Росія", "Moscow") in a database of that war, which
    say nothing about which happening a report tells. No list of names in any language: what is common is
    read from the events themselves. In the seed set (48 events) the skeletons of Russia (16 events), Moscow
    (12) and Ukraine (11) are common; Kursk (6), Kyiv (5), Macron (6) are not."""
    reports = list(reports)
    if len(reports) < COMMON_MIN_EVENTS:
        return frozenset()
    counts: dict[str, int] = {}
    for r in reports:
        for k in r.skeletons:
            counts[k] = counts.get(k, 0) + 1
    return frozenset(k for k, n in counts.items() if n > COMMON_SHARE * len(reports))


@dataclass(frozen=True)
class Likeness:
    """How much two events look like one happening (``score`` 0..1), whether that is enough to suggest
    merging them (``likely``) and why (``reasons``: "same date", "same countries", "names Kursk, Kyiv" ...)."""
    score: float
    likely: bool
    reasons: tuple = ()

    @property
    def strong(self) -> bool:
        """Likely, and alike enough to suggest unasked (:data:`STRONG`)."""
        return self.likely and self.score >= STRONG

    def describe(self) -> str:
        """"likely the same happening: same date, same countries, names Kursk, Kyiv" (likely ones), else
        the reasons alone."""
        said = ", ".join(self.reasons)
        if self.likely:
            return f"likely the same happening: {said}" if said else "likely the same happening"
        return said


NOT_ALIKE = Likeness(0.0, False, ())


def likeness(a: Report, b: Report, common: frozenset = frozenset()) -> Likeness:
    """How much reports ``a`` and ``b`` look like one happening, in any languages (:class:`Likeness`).

    The date weighs 0.35 (the same interval 1, or 0.3 when longer than :data:`SAME_MAX_DAYS`; one inside
    the other (at most :data:`NESTED_MAX_DAYS` days) 0.6; overlapping 0.3; dates that do not overlap: not
    alike at all), the same dating kind 0.05, the
    countries 0.2 (Jaccard) and the anchors 0.4: each shared name skeleton not in ``common``
    (:func:`common_names`), each shared figure of two digits or more and each shared mark counts half, and
    the content words (Jaccard; in practice the same language) twice their share, up to 1 in all. The same
    date, dating and countries score 0.6; with one anchor 0.8, with two 1.

    Likely the same happening (``likely``): a score of :data:`LIKELY` or more, the same or nested dates,
    the countries mostly the same (Jaccard 0.5 or more), reports from different articles (an article tells a
    happening once), and at least one anchor: a shared name, figure or mark, or :data:`LIKELY_WORDS` of the
    words. Without an anchor, the same date and countries are not enough: a war repeats its happenings day
    after day among the same countries. ``strong``: likely with a score of :data:`STRONG` or more (two
    anchors): what is suggested unasked. One shared name is not: "Russian strike on Kharkiv on Monday" and
    "Ukrainian air defence over Kharkiv on Monday" are marked likely in the merge dialog, but not suggested."""
    if a.days is None or b.days is None:
        return NOT_ALIKE
    lo, hi = max(a.days[0], b.days[0]), min(a.days[1], b.days[1])
    if lo > hi:
        return NOT_ALIKE
    reasons = []
    size_a, size_b = a.days[1] - a.days[0] + 1, b.days[1] - b.days[0] + 1
    if a.days == b.days and size_a <= SAME_MAX_DAYS:
        date_score, nested = 1.0, True
        reasons.append("same date")
    elif a.days == b.days:
        date_score, nested = 0.3, False     # "in the 2020s" in both: too vague to say one happening
        reasons.append("same vague date")
    elif hi - lo + 1 == min(size_a, size_b) and max(size_a, size_b) <= NESTED_MAX_DAYS:
        date_score, nested = 0.6, True
        reasons.append("one date inside the other")
    else:
        date_score, nested = 0.3, False
    same_dating = a.dating == b.dating
    countries = len(a.countries & b.countries) / len(a.countries | b.countries) if a.countries | b.countries \
        else 0.0
    if a.countries and a.countries == b.countries:
        reasons.append("same countries")
    skeletons = (a.skeletons & b.skeletons) - common
    shown = [w for k, w in a.names if k in skeletons]
    shared_marks = a.marks & b.marks
    # a mark written as a name too ("Scalp") is shown and counted once
    mark_words = [m for m in sorted(shared_marks) if _skeleton(m) not in skeletons]
    numbers = sorted(f for f in a.figures & b.figures if sum(ch.isdigit() for ch in f) >= 2)
    words = len(a.words & b.words) / len(a.words | b.words) if a.words | b.words else 0.0
    if shown or mark_words:
        reasons.append("names " + ", ".join(shown + mark_words))
    if numbers:
        reasons.append("figures " + ", ".join(numbers))
    if words >= LIKELY_WORDS:
        reasons.append("many words in common")
    anchors = min(1.0, 0.5 * (len(skeletons) + len(numbers) + len(mark_words)) + 2 * words)
    score = round(0.35 * date_score + 0.05 * same_dating + 0.2 * countries + 0.4 * anchors, 4)
    if a.article_id and a.article_id == b.article_id:
        score = round(score / 2, 4)
    likely = (score >= LIKELY and nested and countries >= 0.5 and a.article_id != b.article_id
              and bool(skeletons or numbers or shared_marks or words >= LIKELY_WORDS))
    return Likeness(score, likely, tuple(reasons))


def best_likeness(reports_a, b: Report, common: frozenset = frozenset()) -> Likeness:
    """The best :func:`likeness` of ``b`` to any of ``reports_a`` (the reports of one merged event)."""
    best = NOT_ALIKE
    for a in reports_a:
        found = likeness(a, b, common)
        if (found.likely, found.score) > (best.likely, best.score):
            best = found
    return best


def rank(likes: list[Likeness], distances: list[float]) -> list[int]:
    """The order to list candidates in (indices into ``likes``): the likely ones first, most alike first;
    then the others nearest in time first (``distances``: each one's from the selected event), the more
    alike first among those as near."""
    likely = sorted((i for i, x in enumerate(likes) if x.likely), key=lambda i: (-likes[i].score, distances[i]))
    rest = sorted((i for i, x in enumerate(likes) if not x.likely), key=lambda i: (distances[i], -likes[i].score))
    return likely + rest
