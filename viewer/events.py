"""Article -> events: sentences, the time expression that dates each, its countries, a short title.

Rules (documented in docs/INGEST.md):

* One event per sentence and its main time expression: the first expression in the sentence that names a
  place on the calendar (type DATE or TIME, with both bounds). A second expression in the same sentence
  makes a second event when it dates a different happening: its interval does not overlap the first's and
  a clause boundary separates them ("..., officials said on Monday the strike happened on Sunday").
  At most two events per sentence.
* Not events: durations ("three months"), sets ("every week"), and PRESENT_REF / PAST_REF / FUTURE_REF
  ("now", "recently"): they do not say when something happened.
* Countries of an event: the country and organisation mentions inside its sentence, codes in order of
  first mention.
* Title: "who did what" drawn from the sentence, at most ~70 characters (see :func:`viewer.titles.make_title`).
* Language: the article's own (its source's metadata), else detected from its title and opening
  (:func:`article_language`); the tagger, the sentence splitter, the titles and the country finder all read
  the article in it.
* Bounded work per article (pathological inputs: a 30 MB file that is one line, a sentence pasted 5,000
  times): the tagger and the event builder read the first :data:`MAX_TEXT_CHARS` characters of an article
  (the whole text is still stored); a "sentence" longer than :data:`MAX_SENTENCE_CHARS` (a line with no
  sentence ends) is read in pieces of at most that length, cut at a space; an event whose sentence (or, in
  such a piece, whose surrounding words) and date repeat one already found in the article is the same
  happening told again and is dropped; an article gives at most :data:`MAX_EVENTS` events. Each limit that
  applies is said in a note (:func:`article_events_noted`), which the ingest summary names with the file.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Iterator

from viewer import actors
from viewer.model import PUBLISHED_INFERRED, Article, CountryMention, Event, TimeExpression
from viewer.text import DATELINE, DETECT_CHARS, as_date, detect_language, language_code, split_sentences
from viewer.timex import resolve_document
from viewer.titles import make_title

EVENT_TYPES = ("DATE", "TIME")
MAX_TEXT_CHARS = 1_000_000     # characters of one article the tagger and the event builder read
MAX_SENTENCE_CHARS = 3_000     # a longer "sentence" (a line with no sentence ends) is read in pieces
MAX_EVENTS = 1_000             # events of one article
_CONTEXT_CHARS = 60            # words around a date that tell repeats apart inside a piece of a long line
NOT_EVENTS = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})

# ---------------------------------------------------------------------------------------------
# Choosing expressions

def is_event_time(t: TimeExpression) -> bool:
    """Whether a time expression can date an event on a timeline."""
    return (t.type in EVENT_TYPES and bool(t.earliest) and bool(t.latest)
            and t.value not in NOT_EVENTS)


def _overlap(a: TimeExpression, b: TimeExpression) -> bool:
    return not (a.latest[:10] < b.earliest[:10] or b.latest[:10] < a.earliest[:10])


_CLAUSE = re.compile(r"[,;:—–]|\b(?:and|but|after|before|when|while|since|as|because|which|that|until|then)\b")


def _event_times(text: str, exprs: list[TimeExpression]) -> list[TimeExpression]:
    chosen: list[TimeExpression] = []
    for t in exprs:
        if not is_event_time(t):
            continue
        if chosen and t.start < chosen[-1].end:
            continue  # overlapping span
        if not chosen:
            chosen.append(t)
            continue
        between = text[chosen[-1].end:t.start]
        last = chosen[-1]
        if _overlap(t, last) and len(between.split()) <= 2 and _narrower(t, last):
            chosen[-1] = t   # one date said in two pieces: "In 2022, on March 3" -> March 3, 2022
            continue
        if len(chosen) >= 2:
            break
        if all(not _overlap(t, c) for c in chosen) and len(between.split()) >= 3 and _CLAUSE.search(between):
            chosen.append(t)
    return chosen


def _narrower(a: TimeExpression, b: TimeExpression) -> bool:
    """a lies within b and is shorter."""
    return b.earliest[:10] <= a.earliest[:10] and a.latest[:10] <= b.latest[:10] and \
        (a.earliest[:10], a.latest[:10]) != (b.earliest[:10], b.latest[:10])


# ---------------------------------------------------------------------------------------------
# ---------------------------------------------------------------------------------------------
# Articles

def article_language(article: Article) -> str | None:
    """The article's language: its own (normalised to ISO 639-1: "fr-FR" → "fr") when its source gave one,
    else detected from its title and the opening of its text; None when it cannot be told."""
    own = language_code(article.language)
    if own:
        return own
    title = (article.title or "").strip()
    text = article.text if isinstance(article.text, str) else ""
    head = text[:DETECT_CHARS]
    if title and title not in head[:len(title) + 200]:
        head = f"{title}\n{head}"
    return detect_language(head)


def article_events(article: Article, today=None) -> tuple[Article, list[Event], list[str]]:
    """Events of an article, and the article's countries.

    The reference date is the article's ``published`` date when known; otherwise the tagger infers one from
    the text and the article's ``published`` / ``published_source`` are set (``"inferred"``). The article's
    ``language`` is normalised, or set when it can be detected (:func:`article_language`).
    """
    article, events, countries, _notes = article_events_noted(article, today=today)
    return article, events, countries


def _read_extent(text: str) -> int:
    """How much of ``text`` is read: all of it, or up to the last space before :data:`MAX_TEXT_CHARS`."""
    if len(text) <= MAX_TEXT_CHARS:
        return len(text)
    cut = max(text.rfind(" ", MAX_TEXT_CHARS - 1000, MAX_TEXT_CHARS),
              text.rfind("\n", MAX_TEXT_CHARS - 1000, MAX_TEXT_CHARS))
    return cut if cut > 0 else MAX_TEXT_CHARS


def _pieces(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int, bool]]:
    """Sentence spans, a span longer than :data:`MAX_SENTENCE_CHARS` cut into pieces at spaces:
    (start, end, is_a_piece)."""
    for s0, s1 in spans:
        if s1 - s0 <= MAX_SENTENCE_CHARS:
            yield s0, s1, False
            continue
        p = s0
        while p < s1:
            q = min(p + MAX_SENTENCE_CHARS, s1)
            if q < s1:
                space = text.rfind(" ", p + MAX_SENTENCE_CHARS // 2, q)
                q = space if space > p else q
            a, b = p, q
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                yield a, b, True
            p = q


def _normalised(words: str) -> str:
    return " ".join(words.casefold().split())


def article_events_noted(article: Article, today=None) -> tuple[Article, list[Event], list[str], list[str]]:
    """:func:`article_events`, and notes saying which limits on the work per article applied (what was not
    read, repeats dropped, events past the cap); none for an ordinary article."""
    notes: list[str] = []
    full = article.text
    language = article.language = article_language(article)
    extent = _read_extent(full) if isinstance(full, str) else 0
    text = full[:extent] if isinstance(full, str) and extent < len(full) else full
    if text is not full:
        notes.append(f"only the first {extent:,} of its {len(full):,} characters were read for dates and "
                     f"events (the limit of one article's text is {MAX_TEXT_CHARS:,} characters); the whole "
                     "text is stored")
    published = as_date(article.published)
    reference, ref_source, exprs = resolve_document(text, published, today=today, language=language)
    if published is None and reference is not None:
        article.published = reference.isoformat() if isinstance(reference, date) else str(reference)[:10]
        article.published_source = PUBLISHED_INFERRED
    mentions = actors.find_mentions(text, reference, language=language)
    countries = actors.article_countries(text, mentions, language=language)
    title = (article.title or "").strip()
    if title and title not in text[:len(title) + 200]:  # a headline kept apart from the text counts too
        for m in actors.find_mentions(title, reference, language=language):
            if m.kind == "country" and m.code not in countries:
                countries.append(m.code)

    exprs = sorted(exprs, key=lambda t: (t.start, -t.end))
    dl = DATELINE.match(text)
    dateline_end = dl.end() if dl else 0
    events: list[Event] = []
    seen: set[tuple] = set()
    repeats = pieces = 0
    capped = False
    ei = 0
    mi = 0
    for s0, s1, piece in _pieces(text, split_sentences(text, language=language)):
        pieces += piece
        while ei < len(exprs) and exprs[ei].start < s0:
            ei += 1
        in_sentence = []
        j = ei
        while j < len(exprs) and exprs[j].start < s1:
            if exprs[j].end <= s1:
                in_sentence.append(exprs[j])
            j += 1
        if not in_sentence:
            continue
        if s1 <= dateline_end:
            continue  # a dateline on a line of its own: its date is the report's, not a happening's
        if s0 < dateline_end:
            # the dateline's date is the report's: an event's only when the sentence has no date of its own
            own = [t for t in in_sentence if t.start >= dateline_end]
            if any(is_event_time(t) for t in own):
                in_sentence = own
        times = _event_times(text, in_sentence)
        if not times:
            continue
        while mi < len(mentions) and mentions[mi].start < s0:
            mi += 1
        sent_mentions: list[CountryMention] = []
        k = mi
        while k < len(mentions) and mentions[k].start < s1:
            sent_mentions.append(mentions[k])
            k += 1
        codes = list(dict.fromkeys(m.code for m in sent_mentions))
        sentence = text[s0:s1]
        body0 = max(s0, dateline_end) if dateline_end < s1 else s0   # titles leave the dateline out
        for t in times:
            # the same happening told again (a pasted sentence, a repeated stretch of a long line)
            if piece:
                key = (True, t.value, _normalised(text[max(0, t.start - _CONTEXT_CHARS):t.end + _CONTEXT_CHARS]))
            else:
                key = (False, t.value, _normalised(sentence))
            if key in seen:
                repeats += 1
                continue
            seen.add(key)
            if len(events) >= MAX_EVENTS:
                capped = True
                break
            others = [(o.start - body0, o.end - body0) for o in in_sentence
                      if o is not t and o.start >= body0 and is_event_time(o)]
            if t.start >= body0:
                title = make_title(text[body0:s1], t.start - body0, t.end - body0, others, language=language)
            else:
                title = make_title(text[body0:s1], others=others, language=language)
            events.append(Event(
                article_id=article.id, sentence_start=s0, sentence_end=s1, sentence=sentence, time=t,
                title=title, countries=list(codes), mentions=list(sent_mentions)))
        if capped:
            break
    if pieces:
        notes.append(f"a line with no sentence ends was read in pieces of at most {MAX_SENTENCE_CHARS:,} "
                     "characters")
    if repeats:
        notes.append(f"{repeats:,} repeated mention{'s' if repeats != 1 else ''} of the same date in the same "
                     "words were taken as the same happening")
    if capped:
        notes.append(f"only its first {MAX_EVENTS:,} events were kept (the limit of one article)")
    return article, events, countries, notes
