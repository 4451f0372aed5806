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
* Title: "who did what" drawn from the sentence, at most ~70 characters (see :func:`make_title`).
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from viewer import actors
from viewer.model import PUBLISHED_INFERRED, Article, CountryMention, Event, TimeExpression

EVENT_TYPES = ("DATE", "TIME")
NOT_EVENTS = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
MAX_TITLE = 70

# ---------------------------------------------------------------------------------------------
# Sentences

_ABBREV = frozenset("""
mr mrs ms messrs mme mlle dr prof gen gens lt col capt cpt sgt maj adm cmdr brig gov sen sens rep reps rev
st sr jr mt ft no nos vs v etc al approx est ave blvd dept univ pres amb hon fig vol pp cf ca inc corp co ltd
bros plc jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
a.m p.m e.g i.e u.s u.k u.n e.u d.c u.s.a u.a.e u.s.s.r op.
""".split())
# Abbreviations that also end sentences: split after them when the next word usually starts one.
_ALSO_FINAL = frozenset("inc corp co ltd plc etc a.m p.m u.s u.k u.n e.u d.c u.s.a al bros".split())
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_STARTERS = frozenset("""
The A An He She It They We I You This That These Those There Its His Her Their Our In On At But And
However Meanwhile Mr Mrs Ms Dr Yet Still So Then Now When While After Before As If Some Many Most
""".split())

_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9À-Þ])")
_LAST_TOKEN = re.compile(r"([\w.]+)\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text``, whitespace trimmed.

    Lines are always separate; inside a line a sentence ends at ., ! or ? (with closing quotes) followed by
    a capital, except after abbreviations ("U.S.", "Jan. 5", "Mr.") and initials ("J. Smith").
    """
    spans: list[tuple[int, int]] = []
    if _hard_wrapped(text):
        # Lines broken at a fixed width: only blank lines end paragraphs.
        pos = 0
        for m in _PARAGRAPH_BREAK.finditer(text):
            _split_line(text, pos, m.start(), spans)
            pos = m.end()
        _split_line(text, pos, len(text), spans)
        return spans
    pos = 0
    for line in text.splitlines(keepends=True):
        _split_line(text, pos, pos + len(line), spans)
        pos += len(line)
    return spans


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def _hard_wrapped(text: str) -> bool:
    """Text wrapped at a fixed width (old newswire, e-mail): most lines of similar length, most of them
    ending mid-sentence."""
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    if len(lines) < 4:
        return False
    lengths = [len(line) for line in lines]
    if max(lengths) > 120:
        return False
    full = sum(1 for n in lengths if n >= 0.6 * max(lengths))
    open_ended = sum(1 for line in lines if not line.endswith((".", "!", "?", '"', "”", ":", "’")))
    return full >= 0.6 * len(lines) and open_ended >= 0.5 * len(lines)


def _split_line(text: str, lo: int, hi: int, spans: list) -> None:
    start = lo
    for m in _BOUNDARY.finditer(text, lo, hi):
        cut = m.start()
        if text[cut] == "." and not _period_ends_sentence(text, start, cut, m.end()):
            continue
        end = m.end()
        _add_span(text, start, end, spans)
        start = end
    _add_span(text, start, hi, spans)


def _period_ends_sentence(text: str, start: int, cut: int, next_start: int) -> bool:
    if text[cut + 1:cut + 2] in ("\"", "”", "’", "'", ")"):
        return True  # a closing quote or bracket after the period
    tm = _LAST_TOKEN.search(text, max(start, cut - 20), cut + 1)
    if not tm:
        return True
    token = tm.group(1)
    low = token.lower().rstrip(".")
    nxt = _NEXT.match(text, next_start, next_start + 30)
    next_word = nxt.group(1) if nxt else ""
    if len(low) == 1 and token[0].isupper():
        return next_word in _STARTERS and next_word not in ("A", "I")  # an initial: "J. Smith"
    if low in _MONTHS:
        return not next_word[:1].isdigit()
    if low in _ABBREV or "." in low:
        if low in _ALSO_FINAL or "." in low:
            return next_word in _STARTERS
        return False
    return True


def _add_span(text: str, start: int, end: int, spans: list) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


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
# Titles

_LEAD = re.compile(
    r"^(?:(?:but|and|however|meanwhile|also|initially|still|yet|so|then|now|moreover|in addition|"
    r"for example|for instance|for its part|for his part|for her part|for their part|in fact|indeed|"
    r"in turn|at the same time|on the other hand|according to [^,]{1,60}),?\s+)+",
    re.I)
_TIME_PREP = re.compile(r"\b(?:(?:ended|ending|due|dated)\s+)?(?:(?:on|in|at|during|since|by|from|until|of|through|as of|into|within|throughout|over|for|after|"
                        r"before|around|between|to|till|up to|until|as early as|as late as|no later than)\s+)?"
                        r"(?:early|late)?\s*$", re.I)
_SPEECH = re.compile(
    r"^(?P<subj>[^,;:]{2,90}?|.{2,90}?,[^,]{2,60},)\s+(?:has |had |have |also |again |reportedly |publicly )*"
    r"(?P<verb>said|says|say|assured|assures|warned|warns|told [\w ]{1,30}?|announced|announces|stated|"
    r"declared|declares|considered|considers|added|adds|insisted|insists|claimed|argued|argues|"
    r"reiterated|reiterates|confirmed|confirms|denied|denies|stressed|noted|believes|believed|"
    r"explained|urged|vowed|promised|threatened|threatens|accused|accuses|"
    r"acknowledged|admitted|estimated|predicted|suggested|wrote|tweeted|posted)\b"
    r"(?:\s+that\b)?[\s,:]*(?P<rest>.+)$",
    re.S)
_ATTRIBUTION = re.compile(
    r",\s+(?:(?:the|a|an)\s+)?[^,;]{2,60}?\s+(?:said|says|reported|reports|announced|stated|claimed|added|"
    r"according to [^,;]{2,60})\s*[.!]?$")
_SPEECH_SETTING = re.compile(
    r"^(?:(?:in|on|at|during|to|via|through)\s+(?:a|an|the|his|her|their|its)?\s*[^,]{0,50}?"
    r"(?:statement|interview|editorial|speech|letter|post|message|briefing|conference|address|video|"
    r"meeting|report|reporters|journalists|television|radio|broadcast|X|Telegram|Twitter|Facebook)\b"
    r"[^,]{0,40}?)(?:,\s*|\s+that\s+|\s+(?=[A-Z]))")
_QUOTE_FIRST = re.compile(
    r"^[\"“](?P<quote>[^\"“”]{8,}?)[,.!?]?[\"”]\s*,?\s*(?P<who>[^,.;:\"“”]{2,80}?)\s+(?:has |had )?"
    r"(?:said|says|told|wrote|added|warned|insisted|declared|stressed|tweeted|posted)\b")
_QUOTE_SAID = re.compile(
    r"^[\"“](?P<quote>[^\"“”]{8,}?)[,.!?]?[\"”]\s*,?\s*(?:said|says|added|wrote)\s+"
    r"(?P<who>[^,.;:\"“”]{2,80}?)(?:[,.;]|\s+(?:on|in|at|to|after|before|during|while|when)\b|$)")
_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:(?:al|bin|von|van|de|der|da|del|le|la)\s+)?[A-Z][\w'’-]*)+")
_SUBORD = re.compile(r"\b(?:as|after|when|while|because|since|before|where|once)\s+(?=[A-Z]|the\b|its\b|his\b|her\b|their\b)")
_GENERIC_NAME_WORDS = frozenset("The A An This That In On At Minister President Ministry Foreign Affairs Defence "
                                "Defense Prime Secretary General Spokesman Spokeswoman Office Army Forces".split())


_NEXT = re.compile(r"[\"“‘'(\[]?(\w+)")
_PARENS = re.compile(r"\s*\([^()]*\)")
_SPACES = re.compile(r"\s+")
_SPACE_PUNCT = re.compile(r"\s+([,;:.!?])")
_DOUBLE_COMMA = re.compile(r"(?<=[,;:])\s*,")
_CUT = re.compile(r",\s|;\s|\s(?:and|but|which|while|who|whereas|so that|because)\s|\s[–—]\s")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_COMMA = re.compile(r"[,;]")


def _clean(s: str) -> str:
    s = _PARENS.sub("", s)
    s = _SPACES.sub(" ", s).strip()
    s = _SPACE_PUNCT.sub(r"\1", s)
    s = _DOUBLE_COMMA.sub("", s)
    return s.strip(" ,;:-–—")


_PREPS = frozenset("by on in at from with during against over under into across near through via amid "
                   "toward towards".split())
_STOPPERS = frozenset("""is are was were be been being has have had will would could can may might must should
shall do does did remain remains remained said says say that which who whose and or but as than to of not
for about after before since until while when where
""".split())


def _drop_phrases(s: str, limit: int) -> str:
    """Headline-style compression: drop inner prepositional phrases ("by Ukrainian forces", "on Russian
    soil"), last first, while the text is too long. A phrase is a preposition and up to four words, none of
    them a verb-like or binding word; phrases that end the text are kept (they often carry the object)."""
    words = s.split(" ")
    while len(" ".join(words)) > limit:
        spans = []
        i = 1
        while i < len(words) - 1:
            if words[i] in _PREPS and words[i - 1].lower() not in ("and", "or", "but", "nor"):
                j = i + 1
                natural = False
                while j < len(words) and j - i <= 4:
                    w = words[j].lower().strip(",.;:“”\"'")
                    if w in _PREPS or w in _STOPPERS or w.endswith("ed"):
                        natural = w not in ("of", "and", "or", "nor")  # bound to what comes next: keep it
                        break
                    if words[j].endswith((",", ";", ":")):
                        break
                    j += 1
                if natural and j - i >= 2:
                    spans.append((i, j))
                i = j
            else:
                i += 1
        if not spans:
            break
        i, j = spans[-1]
        words = words[:i] + words[j:]
    return " ".join(words)


_VERBISH = frozenset("""is are was were be been has have had will would can could may might must shall should did
does do said says won lost met left hit took made went came began rose fell set held told sent struck fought led
kept saw got gave paid sold bought spent built killed fled ran shot cut put let quit broke chose drew drove flew
grew knew spoke stood wrote""".split())


def _has_verb(s: str) -> bool:
    for w in s.split():
        w = w.strip(",.;:“”\"'()").lower()
        if w in _VERBISH or (len(w) > 3 and w.endswith(("ed", "es"))):
            return True
    return False


def _shorten(s: str, limit: int = MAX_TITLE) -> str:
    s = s.rstrip(" .,;:")
    if len(s) <= limit:
        return s
    s = _drop_phrases(s, limit)
    if len(s) <= limit:
        return s
    best = None
    for m in _CUT.finditer(s):
        if 25 <= m.start() <= limit and _has_verb(s[:m.start()]):
            best = m.start()
    if best is not None:
        return s[:best].rstrip(" ,;:")
    cut = s.rfind(" ", 0, limit)
    if cut < limit // 2:
        cut = limit - 1
    return s[:cut].rstrip(" ,;:") + "…"


_CORPORATE = re.compile(r"(?:,?\s+(?:&amp;|&|amp|and)?\s*(?:Inc|Corp|Co|Cos|Ltd|Plc|PLC|AG|SA|NV|LLC|LP|Group|"
                        r"Holdings|Bancorp|International)\.?)+\s*$")


def _speaker(subj: str) -> str:
    subj = subj.strip(" ,")
    corp = _CORPORATE.search(subj)
    if corp and corp.start() > 0:   # a company: its name without the legal suffix ("Oneida Ltd." -> "Oneida")
        base = subj[:corp.start()].strip()
        m = re.search(r"((?:[A-Z][\w'’.-]*\s*)+)$", base)
        if m:
            return m.group(1).strip()
    names = [n for n in _NAME.findall(subj)]
    names = [n for n in names if not all(w in _GENERIC_NAME_WORDS for w in n.split())]
    if names:
        words = names[-1].split()
        # a person's name: their surname; an institution ("European Commission"): keep it whole
        last = words[-1]
        if len(words) >= 2 and not all(w[0].isupper() and w.lower() in _INSTITUTION_WORDS for w in words[-1:]):
            return last
        return names[-1]
    subj = _ARTICLE.sub("", subj.strip(" ,"))
    return subj[:1].upper() + subj[1:]


_INSTITUTION_WORDS = frozenset("""association corporation institute university foundation center centre network
airlines airline bureau services times post journal press television radio agency
ministry commission council parliament government army forces office union
house department agency bank court committee assembly police service party group corp inc company nations
organization organisation alliance states republic kingdom federation guard guards navy command staff
front movement fund reserve exchange board authority""".split())


def make_title(sentence: str, time_start: int | None = None, time_end: int | None = None) -> str:
    """A short headline-like title ("Barrot: French missiles remain an option" style) for a sentence.

    ``time_start``/``time_end`` are the dating expression's offsets inside ``sentence``; it is left out of
    the title (the timeline shows the date already).
    """
    s = sentence
    if time_start is not None and time_end is not None and 0 <= time_start <= time_end <= len(s):
        before, after = s[:time_start], s[time_end:]
        before = _TIME_PREP.sub("", before)
        # prefer the subordinate clause that holds the date ("... comes as Germany resumed talks last weekend")
        subs = list(_SUBORD.finditer(before))
        if subs and len(before) - subs[-1].end() > 15 and not _COMMA.search(before, subs[-1].end()):
            clause = before[subs[-1].end():] + " " + _COMMA.split(after, maxsplit=1)[0]
            if len(_drop_asides(_clean(clause)).split()) >= 4:
                before, after = before[subs[-1].end():], _COMMA.split(after, maxsplit=1)[0]
        s = before.rstrip() + " " + after.lstrip()
    s = _clean(s)
    s = _DANGLING_RELATIVE.sub("", s)
    s = _LEAD.sub("", s)
    q = _QUOTE_FIRST.match(s) or _QUOTE_SAID.match(s)
    if q:  # “This is one of the most massive attacks,” Zelenskiy said.
        who = _speaker(q.group("who"))
        room = MAX_TITLE - len(who) - 4
        if room > 20 and len(who) <= 35:
            return f"{who}: “{_shorten(q.group('quote'), room)}”"
    s = _ATTRIBUTION.sub("", s)
    m = _SPEECH.match(s)
    if m and len(m.group("rest")) > 10:
        who = _speaker(m.group("subj"))
        rest = _clean(m.group("rest"))
        rest = _SPEECH_SETTING.sub("", rest)
        rest = _ARTICLE.sub("", rest)
        room = MAX_TITLE - len(who) - 2
        if room > 20 and len(who) <= 35:
            return f"{who}: {_shorten(rest, room)}".strip()
    s = s[:1].upper() + s[1:]
    if len(s) > MAX_TITLE:
        s = _INTRO_PHRASE.sub("", s, count=1)
        s = s[:1].upper() + s[1:]
    if len(s) > MAX_TITLE:
        s = _drop_asides(s)
    if len(s) > MAX_TITLE:
        s = _short_subject(s)
    return _shorten(s)


# ", which will be due," once its date is gone: a relative clause with nothing left in it
_DANGLING_RELATIVE = re.compile(r",\s+(?:which|that)\s+(?:will be|would be|was|were|is|are|had been|has been)"
                                r"(?:\s+(?:due|held|set|scheduled|expected|made|signed|announced))?\s*(?=,)")
_APPOSITIVE = re.compile(
    r"^(?P<subj>[A-Z][^,]{1,60}?),\s+(?:a|an|the|who|which|whose|where|one of|now|formerly|once|then|also|"
    r"himself|herself|itself|[A-Z][a-z]+(?=,))\b[^,]{0,100},\s+(?=[a-z])")
_INTRO_PHRASE = re.compile(
    r"^(?:In|On|At|For|After|Before|During|Among|Amid|Despite|Under|With|Without|According to|Following|"
    r"Since|Until|Once|As|Meanwhile|Elsewhere)\b[^,]{0,70},\s+(?=\S)")
_INNER_RELATIVE = re.compile(r",\s+(?:which|who|whose|where)\b[^,]{0,80},")


def _drop_asides(s: str) -> str:
    """Headline style: "Kopp, who is from Vermont, was indicted" -> "Kopp was indicted"; "Sun, a maker of
    workstations, reported" -> "Sun reported"; inner ", which ..." clauses go."""
    s = _APPOSITIVE.sub(lambda m: m.group("subj") + " ", s, count=1)
    return _INNER_RELATIVE.sub("", s)


_TITLED_SUBJECT = re.compile(r"^(?P<subj>(?:[A-Z][\w.’'-]*\s+){2,7})(?=[a-z])")


def _short_subject(s: str) -> str:
    """"Germany's Chancellor Olaf Scholz spoke ..." -> "Scholz spoke ...": a titled person's surname."""
    m = _TITLED_SUBJECT.match(s)
    if not m:
        return s
    words = m.group("subj").split()
    if len(words) < 3 or words[-1].endswith(("'s", "’s")) or words[-1].lower() in _INSTITUTION_WORDS \
            or words[-2] in _GENERIC_NAME_WORDS or words[-2].lower() in _INSTITUTION_WORDS:
        return s
    return words[-1] + " " + s[m.end():]


# ---------------------------------------------------------------------------------------------
# Articles

def _resolve(text: str, published, today):
    try:
        from viewer.timex import resolve_document
    except ImportError:  # the tagger is not installed: no dates, no events
        return published, None, []
    return resolve_document(text, published, today=today)


def article_events(article: Article, today=None) -> tuple[Article, list[Event], list[str]]:
    """Events of an article, and the article's countries.

    The reference date is the article's ``published`` date when known; otherwise the tagger infers one from
    the text and the article's ``published`` / ``published_source`` are set (``"inferred"``).
    """
    text = article.text
    published = _as_date(article.published)
    reference, ref_source, exprs = _resolve(text, published, today)
    if published is None and reference is not None:
        article.published = reference.isoformat() if isinstance(reference, date) else str(reference)[:10]
        article.published_source = PUBLISHED_INFERRED
    mentions = actors.find_mentions(text, reference)
    countries = actors.article_countries(text, mentions)
    title = (article.title or "").strip()
    if title and title not in text[:len(title) + 200]:  # a headline kept apart from the text counts too
        for m in actors.find_mentions(title, reference):
            if m.kind == "country" and m.code not in countries:
                countries.append(m.code)

    exprs = sorted(exprs, key=lambda t: (t.start, -t.end))
    dl = actors.DATELINE.match(text)
    dateline_end = dl.end() if dl else 0
    events: list[Event] = []
    ei = 0
    mi = 0
    for s0, s1 in split_sentences(text):
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
            if t.start >= body0:
                title = make_title(text[body0:s1], t.start - body0, t.end - body0)
            else:
                title = make_title(text[body0:s1])
            events.append(Event(
                article_id=article.id, sentence_start=s0, sentence_end=s1, sentence=sentence, time=t,
                title=title, countries=list(codes), mentions=list(sent_mentions)))
    return article, events, countries


def _as_date(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# The same happening in several reports

_WORDS = re.compile(r"[a-z]{3,}")
_STOP = frozenset("""the and for that with was were has have had this from said says will would are its his her
their they been also which who not but more than after before into over about other could should""".split())


@lru_cache(maxsize=65536)
def _content_words(sentence: str) -> frozenset:
    return frozenset(w for w in _WORDS.findall(sentence.lower()) if w not in _STOP)


@lru_cache(maxsize=65536)
def _days(earliest: str, latest: str) -> tuple[int, int] | None:
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
    da, db = _days(ta.earliest, ta.latest), _days(tb.earliest, tb.latest)
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
    wa, wb = _content_words(a.sentence), _content_words(b.sentence)
    word_score = len(wa & wb) / len(wa | wb) if (wa or wb) else 0.0
    return round(0.4 * date_score + 0.25 * country_score + 0.35 * min(1.0, 2 * word_score), 4)
