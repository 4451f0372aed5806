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
* Cues: the words and patterns of each language that tell a happening, a saying, a hypothetical, a clause
  boundary … are data, one file per language in ``viewer/eventcues/<code>.toml`` (:func:`load_cues`; see
  docs/EVENTS.md); a new file gives its language these cues.
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
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Iterator

from viewer import actors
from viewer.model import PUBLISHED_INFERRED, Article, CountryMention, Event, TimeExpression
from viewer.text import (DATELINE, DETECT_CHARS, as_date, detect_language, hard_wrapped, language_code,
                         split_sentences)
from viewer.timex import looks_historical, resolve_document
from viewer.titles import balance_quotes, make_title, relative_title

EVENT_TYPES = ("DATE", "TIME")
MAX_TEXT_CHARS = 1_000_000     # characters of one article the tagger and the event builder read
MAX_SENTENCE_CHARS = 3_000     # a longer "sentence" (a line with no sentence ends) is read in pieces
MAX_EVENTS = 1_000             # events of one article
UNDATED_REPEATS_NOTED = 10    # an undated sentence repeated this often is said in a note (a pasted text)
_CONTEXT_CHARS = 60            # words around a date that tell repeats apart inside a piece of a long line
NOT_EVENTS = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})

# ---------------------------------------------------------------------------------------------
# Cues: the words and patterns of each language, as data (viewer/eventcues/<code>.toml)
#
# One file per language. [cues]: this language's own patterns (a past form, a hypothetical, a negation, a
# saying, a saying that opens the sentence, an opening that sets an older time, a span up to now); [words]:
# English, read word by word, has word lists instead of a past pattern; [everywhere]: pieces of patterns read
# in a text of any language (the start of a span, a purpose, a comparison's baseline ...), joined across the
# files; [weekdays]: weekday names. A pattern is a list of pieces joined into one regular expression, read
# ignoring case unless [cues] names it in case_sensitive. A new file gives its language these cues: nothing
# in the code names the languages.

CUE_FOLDER = "eventcues"
CUE_PATTERNS = ("past", "hypothetical", "negation", "saying", "said_opens", "older_opening", "ongoing",
                "coordination", "relative_opens", "said_lead", "pronoun_subject", "not_verb_before",
                "clause_subject", "clause_break", "title_opening", "title_saying", "title_participle",
                "title_closing", "title_subordinate", "title_relative", "title_inverted", "title_complement",
                "title_phrase", "title_verb_last", "credit", "range_opens", "range_joins")
CUE_WORDS = ("not_past", "stative", "irregular_past", "irregular_participle", "before_adjective", "aux_past",
             "copula", "adverbs", "perfect", "modal", "saying_present", "not_subject", "condition",
             "relative", "verb_prefixes", "regular_past", "verb_after_auxiliary", "verb_object")
# how the pieces of every language are joined (PIECES stands for them, one alternation), and the flags
_EVERYWHERE = {
    "since": (r"(?:PIECES)\s*$", re.I),
    "purpose": (r"(?:^|[\s,])(?:PIECES)(?=\s)", re.I),
    "compared": (r"(?:PIECES)\s", re.I),
    "baseline": (r"(?:PIECES)", re.I),
    "range_end": (r"(?:PIECES)\s", re.I),
    "leading_preposition": (r"(?:(?:PIECES)\s+){0,2}$", re.I),
    "year_word": (r"^\s*(?:PIECES)(?=[\s,.;:]|$)", 0),
    "clause": (r"[,;:—–]|(?:PIECES)", 0),
    "attributive_before": (r"(?:PIECES)\s+$", re.I),
    "attributive_after": (r"\s+(?!(?:PIECES)[a-z]*\b)[^\W\d_]", re.I),
    "year_ago": (r"(?:PIECES)", re.I),
}
_NEVER = "(?!)"


@dataclass(frozen=True)
class Cues:
    """The cues of every language the event builder reads (see :func:`load_cues`)."""
    languages: frozenset          # the codes with a file
    patterns: dict                # name -> {code: compiled pattern}
    words: dict                   # name -> frozenset of English words
    everywhere: dict              # name -> one compiled pattern, the pieces of all languages
    span_opens: tuple             # how an expression that starts a span opens ("since ", "depuis ")
    weekdays: dict                # weekday name (lower case, as it opens a word) -> Monday = 0


def _joined(pieces, where: str) -> str:
    if isinstance(pieces, str):
        pieces = [pieces]
    if not isinstance(pieces, list) or not all(isinstance(p, str) for p in pieces):
        raise ValueError(f"{where}: a pattern is a string or a list of strings")
    return "".join(pieces)


def load_cues(texts: dict[str, str]) -> Cues:
    """Cues from the text of each language's TOML file (language code -> text). Raises ValueError naming
    the language and the entry for a data mistake: an unknown section or entry, a bad regular expression."""
    patterns: dict[str, dict] = {name: {} for name in CUE_PATTERNS}
    words: dict[str, set] = {name: set() for name in CUE_WORDS}
    pieces: dict[str, list[str]] = {name: [] for name in _EVERYWHERE}
    span_opens: list[str] = []
    weekdays: dict[str, int] = {}
    for code in sorted(texts):
        try:
            data = tomllib.loads(texts[code])
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"event cues {code}: {exc}") from exc
        unknown = set(data) - {"cues", "words", "everywhere", "weekdays"}
        if unknown:
            raise ValueError(f"event cues {code}: unknown section(s) {sorted(unknown)}")
        cues = dict(data.get("cues", {}))
        sensitive = set(cues.pop("case_sensitive", []))
        for name, value in cues.items():
            if name not in patterns:
                raise ValueError(f"event cues {code}: unknown cue {name!r} (known: {', '.join(CUE_PATTERNS)})")
            try:
                patterns[name][code] = re.compile(_joined(value, f"event cues {code} {name}"),
                                                  0 if name in sensitive else re.I)
            except re.error as exc:
                raise ValueError(f"event cues {code} {name}: {exc}") from exc
        for name, value in data.get("words", {}).items():
            if name not in words:
                raise ValueError(f"event cues {code}: unknown word list {name!r}")
            words[name].update(value.split() if isinstance(value, str) else value)
        for name, value in data.get("everywhere", {}).items():
            if name == "span_opens":
                span_opens.extend(value)
            elif name in pieces:
                pieces[name].append(_joined(value, f"event cues {code} {name}"))
            else:
                raise ValueError(f"event cues {code}: unknown entry {name!r} in [everywhere]")
        for name, number in data.get("weekdays", {}).items():
            weekdays[name.lower()] = int(number)
    everywhere = {}
    for name, (template, flags) in _EVERYWHERE.items():
        try:
            everywhere[name] = re.compile(template.replace("PIECES", "|".join(pieces[name]) or _NEVER), flags)
        except re.error as exc:
            raise ValueError(f"event cues [everywhere] {name}: {exc}") from exc
    return Cues(frozenset(texts), patterns, {k: frozenset(v) for k, v in words.items()}, everywhere,
                tuple(span_opens), weekdays)


def cue_files(folder=None) -> dict[str, str]:
    """The text of every language's cue file (code -> TOML), from ``folder`` (a path) or the package's."""
    root = resources.files("viewer") / CUE_FOLDER if folder is None else Path(folder)
    return {p.name[:-5]: p.read_text(encoding="utf-8") for p in root.iterdir()
            if p.name.endswith(".toml") and p.is_file()}


def use_cues(cues: Cues) -> Cues:
    """Make ``cues`` the ones the event builder reads, for every language at once; returns the previous."""
    global _CUES, _EN_NOT_PAST, _EN_STATIVE, _EN_IRREGULAR_PAST, _EN_IRREGULAR_PARTICIPLE, _EN_BEFORE_ADJECTIVE
    global _EN_AUX_PAST, _EN_COPULA, _EN_ADVERBS, _EN_PERFECT, _EN_MODAL, _EN_SAYING_PRESENT, _EN_NOT_SUBJECT
    global _EN_PRESENT_PERFECT, _EN_CONDITION, _EN_RELATIVE, _EN_VERB_PREFIXES, _EN_REGULAR_PAST
    global _EN_VERB_AFTER_AUX, _EN_VERB_OBJECT, _EN_CANDIDATES, _EN_HYPOTHETICAL, _EN_SAYING
    global _PAST, _HYPOTHETICAL, _NEGATION
    global _SAYING, _SAID_OPENS, _OLDER_OPENING, _ONGOING, _SINCE, _PURPOSE, _COMPARED, _BASELINE_WORDS
    global _RANGE_END, _LEADING_PREPOSITION, _YEAR_WORD, _CLAUSE, _ATTRIBUTIVE_BEFORE, _ATTRIBUTIVE_AFTER
    global _YEAR_AGO, _SPAN_OPENS, _WEEKDAYS, _COORDINATION, _RELATIVE_OPENS, _SAID_LEAD, _PRONOUN_SUBJECT
    global _NOT_VERB_BEFORE, _CLAUSE_SUBJECT, _CLAUSE_BREAK, _TITLE_OPENING, _TITLE_SAYING, _TITLE_PARTICIPLE
    global _TITLE_CLOSING, _TITLE_SUBORDINATE, _TITLE_RELATIVE, _TITLE_INVERTED, _TITLE_COMPLEMENT, _TITLE_PHRASE
    global _TITLE_VERB_LAST, _CREDIT, _RANGE_OPENS, _RANGE_JOINS
    previous = globals().get("_CUES")
    _CUES = cues
    w, p, e = cues.words, cues.patterns, cues.everywhere
    (_EN_NOT_PAST, _EN_STATIVE, _EN_IRREGULAR_PAST, _EN_IRREGULAR_PARTICIPLE, _EN_BEFORE_ADJECTIVE, _EN_AUX_PAST,
     _EN_COPULA, _EN_ADVERBS, _EN_PERFECT, _EN_MODAL, _EN_SAYING_PRESENT, _EN_NOT_SUBJECT, _EN_CONDITION,
     _EN_RELATIVE, _EN_VERB_PREFIXES, _EN_REGULAR_PAST, _EN_VERB_AFTER_AUX, _EN_VERB_OBJECT) = (
        w[name] for name in CUE_WORDS)
    # words that may be a finite verb of a happening besides the forms in -ed (what _en_happening looks at closer)
    _EN_PRESENT_PERFECT = _EN_PERFECT - {"had", "hadn't"}     # "has shelled": it has just happened
    _EN_CANDIDATES = _EN_IRREGULAR_PAST | _EN_IRREGULAR_PARTICIPLE | _EN_SAYING_PRESENT | _EN_REGULAR_PAST
    _EN_HYPOTHETICAL = p["hypothetical"].get("en") or re.compile(_NEVER)
    _EN_SAYING = p["saying"].get("en") or re.compile(_NEVER)
    _PAST, _HYPOTHETICAL, _NEGATION = p["past"], p["hypothetical"], p["negation"]
    _SAYING, _SAID_OPENS, _OLDER_OPENING, _ONGOING = p["saying"], p["said_opens"], p["older_opening"], p["ongoing"]
    _COORDINATION, _RELATIVE_OPENS, _SAID_LEAD = p["coordination"], p["relative_opens"], p["said_lead"]
    _PRONOUN_SUBJECT, _NOT_VERB_BEFORE = p["pronoun_subject"], p["not_verb_before"]
    _CLAUSE_SUBJECT, _CLAUSE_BREAK, _TITLE_OPENING = p["clause_subject"], p["clause_break"], p["title_opening"]
    _TITLE_SAYING, _TITLE_PARTICIPLE, _TITLE_CLOSING = p["title_saying"], p["title_participle"], p["title_closing"]
    _TITLE_SUBORDINATE, _TITLE_RELATIVE = p["title_subordinate"], p["title_relative"]
    _TITLE_INVERTED, _TITLE_COMPLEMENT = p["title_inverted"], p["title_complement"]
    _TITLE_PHRASE, _TITLE_VERB_LAST = p["title_phrase"], p["title_verb_last"]
    _CREDIT, _RANGE_OPENS, _RANGE_JOINS = p["credit"], p["range_opens"], p["range_joins"]
    (_SINCE, _PURPOSE, _COMPARED, _BASELINE_WORDS, _RANGE_END, _LEADING_PREPOSITION, _YEAR_WORD, _CLAUSE,
     _ATTRIBUTIVE_BEFORE, _ATTRIBUTIVE_AFTER, _YEAR_AGO) = (e[name] for name in _EVERYWHERE)
    _SPAN_OPENS = cues.span_opens
    _WEEKDAYS = cues.weekdays
    return previous


CUES = load_cues(cue_files())     # read once, when the module is imported
use_cues(CUES)

# ---------------------------------------------------------------------------------------------
# Choosing expressions

def is_event_time(t: TimeExpression) -> bool:
    """Whether a time expression can date an event on a timeline."""
    return (t.type in EVENT_TYPES and bool(t.earliest) and bool(t.latest)
            and t.value not in NOT_EVENTS)


def _overlap(a: TimeExpression, b: TimeExpression) -> bool:
    return not (a.latest[:10] < b.earliest[:10] or b.latest[:10] < a.earliest[:10])




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


def date_ranges(text: str, dated: list[TimeExpression], sentence_start: int = 0, language: str | None = None
                ) -> list[TimeExpression]:
    """``dated`` with each range written as two dates ("between 2019 and 2022", "from March 3 to March 5")
    made one expression from the first day of the first to the last day of the second: what the sentence
    tells lasted over the range, not on its first date."""
    code = language_code(language) or "en"
    opens, joins = _RANGE_OPENS.get(code), _RANGE_JOINS.get(code)
    if opens is None or joins is None:
        return dated
    out: list[TimeExpression] = []
    i = 0
    while i < len(dated):
        a = dated[i]
        b = dated[i + 1] if i + 1 < len(dated) else None
        if (b is not None and is_event_time(a) and is_event_time(b) and a.end <= b.start
                and a.earliest[:10] <= b.earliest[:10] and a.latest[:10] <= b.latest[:10]
                and joins.fullmatch(text, a.end, b.start)
                and opens.search(text[max(sentence_start, a.start - 20):a.start])):
            out.append(TimeExpression(a.start, b.end, text[a.start:b.end], a.type, f"{a.value}/{b.value}",
                                      a.earliest, b.latest, None,
                                      f"a range: from {a.text!r} ({a.value}) to {b.text!r} ({b.value})",
                                      None, a.anchor or b.anchor))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _narrower(a: TimeExpression, b: TimeExpression) -> bool:
    """a lies within b and is shorter."""
    return b.earliest[:10] <= a.earliest[:10] and a.latest[:10] <= b.latest[:10] and \
        (a.earliest[:10], a.latest[:10]) != (b.earliest[:10], b.latest[:10])


# ---------------------------------------------------------------------------------------------
# Happenings: which clauses report something that happened or was done

DATING_WRITTEN = "written"      # the event's own time expression dates it
DATING_CONTEXT = "context"      # the time the text is at (narrative time: "Two days later", the paragraph's date)
DATING_REPORTED = "reported"    # no date: on or shortly before the article's publication
DATINGS = (DATING_WRITTEN, DATING_CONTEXT, DATING_REPORTED)
REPORTED_DAYS = 3               # a reported happening: the publication day and the two days before it
REPORTED_MOD = "ON_OR_BEFORE"   # TIMEX3 mod of a reported date: on or before the publication date
CONTEXT_GRANULARITIES = frozenset({"day", "weekend", "week", "month", "quarter", "season"})  # narrow enough to carry a passage

_EN_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _en_happening(clause: str, headline: bool) -> str | None:
    """How an English clause tells a happening: "past" (a finite past verb of doing or saying), "now" (a
    present perfect, a present saying verb; in a headline any present verb: "Russia strikes Kyiv"), None
    (no such verb, or one that is a state, behind a modal or "to", or with a dummy subject: "it", "there")."""
    if _EN_HYPOTHETICAL.match(clause):
        return None
    words = _EN_TOKEN.findall(clause)
    low = [w.lower().replace("’", "'") for w in words] if "’" in clause else [w.lower() for w in words]
    if not headline and not any(_ed_form(w) or w in _EN_CANDIDATES for w in low):
        return None
    matches = None                      # where each word is, found when a condition needs it
    found = None
    condition = False                   # inside "if …" (or a relative clause) up to the next comma
    for i, w in enumerate(low):
        if condition:
            if matches is None:
                matches = list(_EN_TOKEN.finditer(clause))
            if _PUNCTUATION.search(clause, matches[i - 1].end(), matches[i].start()):
                condition = False
        if w in _EN_CONDITION:
            condition = True
            continue
        if w in _EN_RELATIVE and i:
            # a relative clause set off by a comma ("Turks, who ruled the region for centuries, feel …"):
            # it tells of its noun, not the sentence's happening, which the main clause tells or not
            if matches is None:
                matches = list(_EN_TOKEN.finditer(clause))
            if clause[matches[i - 1].end():matches[i].start()].rstrip().endswith(","):
                condition = True
                continue
        if condition:
            continue
        if "-" in w and w.split("-", 1)[0] not in _EN_VERB_PREFIXES:
            continue                    # "tree-lined", "well-developed", "York-based": an adjective
        if w in _EN_STATIVE or not (
                _ed_form(w) or w in _EN_IRREGULAR_PAST or w in _EN_IRREGULAR_PARTICIPLE
                or w in _EN_SAYING_PRESENT or (headline and w.endswith("s"))):
            continue
        before = _last_words(low, i, 4)
        prev = before[-1] if before else ""
        prev2 = before[-2] if len(before) > 1 else ""
        kind = None
        perfect = prev in _EN_PRESENT_PERFECT or (prev == "been" and prev2 in _EN_PRESENT_PERFECT)
        if _ed_form(w) and (w not in _EN_NOT_PAST or (w in _EN_VERB_AFTER_AUX and (
                prev in _EN_AUX_PAST or (i + 1 < len(low) and low[i + 1] in _EN_VERB_OBJECT)))):
            if prev in _EN_AUX_PAST or (prev == "been" and prev2 in _EN_PERFECT):
                kind = "now" if perfect else "past"
            elif any(x in _EN_COPULA for x in before[-4:]):
                kind = None             # "is equipped", "it is in any case classified": a state
            elif prev and prev not in _EN_BEFORE_ADJECTIVE and not prev.endswith(("ing", "'s")) and prev != "been":
                kind = "past"
        elif w in _EN_IRREGULAR_PAST and prev not in _EN_MODAL and prev not in ("to", "did", "do", "does"):
            if prev and prev not in ("a", "an", "the", "of", "in", "on", "for"):
                kind = "now" if perfect else "past"
        elif w in _EN_IRREGULAR_PARTICIPLE and (prev in _EN_PERFECT or prev in ("was", "were")
                                                or (prev == "been" and prev2 in _EN_PERFECT)):
            kind = "now" if perfect else "past"
        elif w in _EN_SAYING_PRESENT and i and prev not in _EN_BEFORE_ADJECTIVE:
            kind = "now"
        elif headline and w.endswith("s") and len(w) > 3 and i and prev not in _EN_BEFORE_ADJECTIVE \
                and words[i][0].islower() and not w.endswith(("ss", "us", "is")):
            kind = "now"
        if kind is None:
            continue
        # a modal or "to" just before the verb group: a hypothetical, an intention, an infinitive
        group = [x for x in low[max(0, i - 3):i] if x not in ("not", "also", "already", "then", "been", "have",
                                                                 "has", "had", "be", "reportedly", "later")]
        if group and group[-1] in _EN_MODAL | {"to"}:
            continue
        subject = []                    # the words before it but auxiliaries, two are enough to know
        for x in low[:i]:
            if x not in _EN_AUX_PAST and x != "been":
                subject.append(x)
                if len(subject) > 1:
                    break
        if not subject or (len(subject) == 1 and subject[0] in _EN_NOT_SUBJECT):
            continue
        if headline:
            return "now"
        if kind == "past":
            return "past"
        found = kind
    return found


_PUNCTUATION = re.compile(r"[,;:—–()]")


def _ed_form(w: str) -> bool:
    """Whether a lower-case English word is a past form in -ed: longer than four letters and not in -eed
    ("need", "proceed"), or one of the listed others ("died", "agreed")."""
    return w.endswith("ed") and ((len(w) > 4 and not w.endswith("eed")) or w in _EN_REGULAR_PAST)


def _last_words(low: list[str], i: int, k: int) -> list[str]:
    """The last ``k`` words before position ``i`` that are not adverbs, in order."""
    out: list[str] = []
    j = i - 1
    while j >= 0 and len(out) < k:
        x = low[j]
        if x not in _EN_ADVERBS and not x.endswith("ly"):
            out.append(x)
        j -= 1
    out.reverse()
    return out


def _foreign_happening(clause: str, language: str, headline: bool) -> bool:
    """A past (or perfect) form, or a present saying verb, that no negation comes just before, in a
    sentence that is no question and no hypothetical."""
    past = _PAST.get(language)
    if past is None:
        return False
    hypo = _HYPOTHETICAL.get(language)
    if hypo is not None and hypo.search(clause):
        return False
    if clause.rstrip().endswith("?"):
        return False
    negation = _NEGATION.get(language)
    not_verb = _NOT_VERB_BEFORE.get(language)
    purpose = _PURPOSE.search(clause)
    for m in past.finditer(clause):
        if purpose is not None and purpose.start() < m.start():
            break               # "…, so that Ukraine found itself …": an aim, not a deed
        before = clause[max(0, m.start() - 25):m.start()]
        if not_verb is not None and not_verb.search(before):
            continue            # "die letzte Woche": an adjective after an article, not a verb
        if negation is None or not negation.search(before):
            return True
    return False


def _opens_with_condition(sentence: str, language: str | None) -> bool:
    """Whether an English sentence opens with a condition ("If …", "Unless …", "Had the talks failed, …")."""
    return (language_code(language) or "en") == "en" and bool(_EN_HYPOTHETICAL.match(sentence))


def tells_happening(sentence: str, language: str | None = None, headline: bool = False) -> bool:
    """Whether a sentence reports a happening (something done or said by someone), in its language.
    Questions, conditionals and sentences of states or opinions do not."""
    s = sentence.strip()
    if not s or s.endswith("?"):
        return False
    return _happening(s, language, headline) is not None


def _happening(s: str, language: str | None, headline: bool) -> str | None:
    code = language_code(language) or "en"
    if code == "en":
        return _en_happening(s, headline)
    return "past" if _foreign_happening(s, code, headline) else None


def span_start(text: str, t: TimeExpression) -> bool:
    """Whether an expression starts a span ("since 2014", "depuis 2014", "з 2014 року", "since its founding
    in 1949"): the start of a state, not the date of a happening."""
    if t.text.lower().startswith(_SPAN_OPENS):
        return True
    m = _SINCE.search(text[max(0, t.start - 60):t.start])
    # "since its founding in 1949" opens a span; "since KKR bought RJR in February" dates the buying
    return m is not None and (len(m.group().split()) < 3 or _en_happening(m.group(), False) is None)


def attributive_year(text: str, t: TimeExpression) -> bool:
    """Whether a bare year qualifies a thing rather than dates a happening: "That 1978 resolution calls
    for …", "Kopp's 1987 Chevrolet was found …" (a demonstrative or a possessive before it, a word after)."""
    return (t.granularity == "year" and t.text.isdigit()
            and bool(_ATTRIBUTIVE_BEFORE.search(text[max(0, t.start - 12):t.start]))
            and bool(_ATTRIBUTIVE_AFTER.match(text, t.end)))


# The baseline of a comparison: "Sales rose to $3 million from $2.9 million a year earlier", "contre 2,9 millions
# un an plus tôt", "gegenüber 2,9 Millionen ein Jahr zuvor": the expression dates the figure compared with, not
# the happening the sentence reports (the rise is now), and not the time the text goes on at.
_AMOUNT = re.compile(r"[\d$€£¥%]")


def comparison_baseline(text: str, t: TimeExpression, sentence_start: int = 0) -> bool:
    """Whether an expression dates the baseline of a comparison ("up from $10 million a year ago", "from last
    year's $1.55 billion", "contre 2,9 millions un an plus tôt"): a relative past ("a year earlier", "the
    year-ago period") after "from", "compared with", "than", "contre", "gegenüber" … with an amount between
    them or just after it."""
    if not _BASELINE_WORDS.search(t.text or ""):
        return False
    before = text[max(sentence_start, t.start - 80):t.start]
    marks = list(_COMPARED.finditer(before))
    if not marks:
        return False
    between = before[marks[-1].end():]
    if _RANGE_END.search(between):
        return False            # "jumped from 100,000 in 1980 to 300,000 last year": the end of a range
    if _YEAR_AGO.search(t.text or ""):
        return True             # "compared with year-earlier profit of $3.8 million"
    possessive = text[t.end:t.end + 2] in ("'s", "’s") or t.text.endswith(("'s", "’s"))
    return bool(_AMOUNT.search(between) or (possessive and _AMOUNT.search(text[t.end:t.end + 8])))


# A happening set in an older time than the report, with no date: "Previously, the company advertised at the
# $2 million level", "In recent years, the market has moved toward cheaper sets", "For decades, Cuban Americans
# were cut off from their families". Told as done, but not on or shortly before the publication: the report's
# date would be a wrong one, and there is no other, so it is no event. "In the past two months" reaches the
# report and is not among them; neither is "Earlier," (in news, often earlier the same day).


def older_than_report(sentence: str, language: str | None = None) -> bool:
    """Whether a sentence with no date opens by setting its happening in an older time than the report
    ("Previously, …", "In recent years, …", "Auparavant, …", "Früher …", "Раніше …")."""
    pattern = _OLDER_OPENING.get(language_code(language) or "en")
    return bool(pattern and pattern.match(sentence))


# A span that reaches the report, told with a perfect: "Talks have been cut off for nearly two years", "have
# provoked violence for the past three summers", "have suffered from kidnappings in recent years". What goes
# on (a state) or happened again and again over months or years is no happening on or shortly before the
# publication. English only with a perfect (a past verb tells its own happening: "for months refused" is
# still one); in other languages, whose cues do not tell the perfect apart, with any past form.


def ongoing_span(sentence: str, language: str | None, kind: str) -> bool:
    """Whether a happening with no date is told over a span that reaches the report ("for nearly two
    years", "in recent years", "ces dernières années", "seit Jahren", "протягом років")."""
    code = language_code(language) or "en"
    if code == "en" and kind != "now":
        return False
    pattern = _ONGOING.get(code)
    return bool(pattern and pattern.search(sentence))


# A saying whose dates all lie in what is said: "Jan Kavan said he was in Kansas City in 1968", "Le maire a indiqué
# que les troupes étaient entrées dans la ville le 3 mars". The saying has no date of its own; it is reported
# now, apart from the happening it tells about. Not an attribution that closes the sentence ("…, officials
# said"): that is the report's source, and an event for it would tell the happening again on the wrong day.


def saying_apart(sentence: str, spans: list[tuple[int, int]], language: str | None,
                 band: TimeExpression | None = None, times: list[TimeExpression] | None = None) -> bool:
    """Whether a sentence tells a saying whose dates ``spans`` (offsets in ``sentence``) all lie in what is
    said, not on the saying ("said on Monday" dates the saying; "said he was there in 1968" does not), and
    none of them falls in the report's own days (``band``: then the saying is dated already)."""
    code = language_code(language) or "en"
    if not spans:
        return False
    if band is not None and times and band.earliest and any(
            t.earliest[:10] <= band.latest[:10] and band.earliest[:10] <= t.latest[:10] for t in times):
        return False
    opens = _SAID_OPENS.get(code)
    m = opens.match(sentence) if opens else None
    return m is not None and all(a >= m.end() for a, _ in spans) and len(sentence[m.end():spans[0][0]].split()) >= 3

# Two happenings in one sentence, one of them with no date of its own: "Russia shelled Kharkiv on Monday and
# Ukraine struck a refinery" (a clause coordinated after the clause of the date: it goes on at that time, or is
# a saying, said now), "Albright, who fled Czechoslovakia in 1948, made no secret of her joy" (the date belongs
# to a relative clause; the main clause around it is told now). Each gets its own event and its own title.
SPLIT_UNDATED_CLAUSES = True


def _clause_happening(clause: str, code: str) -> str | None:
    """How a clause tells a happening with an actor of its own (a word before its verb), or None."""
    if code == "en":
        return _en_happening(clause, False)
    past = _PAST.get(code)
    if past is None:
        return None
    m = past.search(clause)
    if m is None or not clause[:m.start()].strip() or not _foreign_happening(clause, code, False):
        return None
    return "past"


_EN_VERB_GROUP = frozenset({"is", "are", "will", "was", "were", "has", "have", "had"})
SUBJECT_WORDS = 7           # the most words of a clause's actor before its verb


def _opens_with_actor(clause: str, code: str) -> bool:
    """Whether a clause opens with an actor of its own and then its verb: a name, a determiner or a pronoun
    first, at most :data:`SUBJECT_WORDS` words and no comma before the verb ("Ukraine struck a refinery",
    not "also criticized the force", "was waiting", "C$44 million of debentures, convertible …, had been")."""
    subject = _CLAUSE_SUBJECT.get(code)
    if subject is None or not subject.match(clause):
        return False
    verb = _verb_start(clause, code)
    return verb is not None and "," not in clause[:verb]


def _verb_start(clause: str, code: str) -> int | None:
    """Where the first word that may be a clause's verb starts, when at most :data:`SUBJECT_WORDS` words come
    before it (and at least one); else None."""
    if code == "en":
        for i, m in enumerate(_EN_TOKEN.finditer(clause)):
            w = m.group().lower()
            if i and ((_ed_form(w) and w not in _EN_NOT_PAST) or w in _EN_CANDIDATES
                      or w in _EN_VERB_GROUP or w in _EN_MODAL):
                return m.start() if i <= SUBJECT_WORDS else None
        return None
    past = _PAST.get(code)
    m = past.search(clause) if past is not None else None
    if m is not None and m.start() > 0 and len(clause[:m.start()].split()) <= SUBJECT_WORDS:
        return m.start()
    return None


def second_happening(body: str, span: tuple[int, int], others: list[tuple[int, int]], language: str | None
                     ) -> tuple[str, str, int | None, int] | None:
    """A happening of a sentence with no date of its own, besides the one its date ``span`` (offsets in
    ``body``) belongs to: (how, clause, offset, end). ``how`` is "after" for a clause coordinated after the
    clause of the date ("… on Monday and Ukraine struck a refinery"; ``offset`` its start in ``body``, ``end``
    where the clause of the date ends, before the conjunction), "main" for the main clause around a relative
    clause that holds the date (``clause`` is the sentence without the relative clause, ``offset`` None),
    "before" for a clause coordinated before the clause of the date ("Ukraine struck a refinery and … on
    Monday"; ``offset`` 0, ``end`` where the clause of the date starts, after the conjunction).
    None when there is no such clause: it has no actor and verb of its own ("… on Monday and struck a
    refinery", "shelled and captured the town on Monday"), another date of the sentence lies in it, or it
    tells no happening."""
    code = language_code(language) or "en"
    a, b = span
    coordination = _COORDINATION.get(code)
    if coordination is not None:
        for m in coordination.finditer(body, b):
            end = len(body)
            nxt = coordination.search(body, m.end())
            if nxt is not None:
                end = nxt.start()
            clause = body[m.end():end].strip().rstrip(".!")
            if any(m.end() <= x < end for x, _ in others) or len(clause.split()) < 3:
                break
            if (_opens_with_actor(clause, code) and _clause_happening(clause, code) is not None
                    and _clause_happening(body[:m.start()], code) is not None):
                return "after", clause, m.end(), m.start()
            break
    relative = _RELATIVE_OPENS.get(code)
    if relative is not None:
        opens = [m for m in relative.finditer(body, 0, a) if "," not in body[m.end():a]]
        close = body.find(",", b)
        if opens and close > 0 and not any(x < opens[-1].start() or x > close for x, _ in others):
            m = opens[-1]
            main = (body[:m.start()].rstrip() + " " + body[close + 1:].lstrip()).strip()
            if (len(body[:m.start()].split()) <= SUBJECT_WORDS and _clause_happening(body[:m.start()], code) is None
                    and _opens_with_actor(main, code) and _clause_happening(main, code) is not None):
                return "main", main, None, len(body)
    if coordination is not None:
        # a clause coordinated before the clause of the date: "Ukraine struck a refinery and Russia shelled
        # Kharkiv on Monday". Both sides open with an actor and tell a happening ("The army shelled and
        # captured the town on Monday", "Russia shelled Kharkiv and Odesa on Monday" stay one); the clause
        # before is a plain one: no clause boundary in it (a comma, "that", "after" ...: "Kopp vanished after
        # the shooting, and the car was found … in December" does not say when Kopp vanished) and no saying
        # ("Officials said and repeated on Monday"); no boundary between the actor after the conjunction and
        # its verb either ("… with the Securities and Exchange Commission since Dow Jones launched …").
        first = coordination.search(body, 0, a)
        plain = _CLAUSE_BREAK.get(code)      # (a language without this cue splits no clause before a date)
        if first is not None and plain is not None:
            clause = body[:first.start()].strip()
            rest = body[first.end():]
            verb = _verb_start(rest, code)
            if (len(clause.split()) >= 3 and not plain.search(clause) and not _saying(clause, language)
                    and not any(x < first.end() for x, _ in others)
                    and verb is not None and not plain.search(rest, 0, verb)
                    and _opens_with_actor(clause, code) and _clause_happening(clause, code) is not None
                    and _opens_with_actor(rest, code) and _clause_happening(rest, code) is not None):
                return "before", clause, 0, first.end()
    return None


def said_clause(body: str, language: str | None) -> tuple[int, str, int] | None:
    """What a sentence that opens with a saying says: (its start in ``body``, its words as a headline: the
    speaker in place of a pronoun subject, without "that", and how much longer they are than the words of
    ``body`` from that start): "Intel said it would start shipping the chips" → "Intel would start shipping
    the chips"; None when the sentence does not open with a saying."""
    code = language_code(language) or "en"
    opens = _SAID_OPENS.get(code)
    m = opens.match(body) if opens is not None else None
    if m is None:
        return None
    start = m.end()
    lead = _SAID_LEAD.get(code)
    if lead is not None and (q := lead.match(body, start)):
        start = q.end()
    words = body[start:]
    pronoun = _PRONOUN_SUBJECT.get(code)
    if pronoun is not None and "verb" in m.re.groupindex and (p := pronoun.match(words)):
        speaker = body[:m.start("verb")].strip(" ,")
        if speaker and len(speaker.split()) <= 6:
            said = f"{speaker} {words[p.end():].lstrip()}"
            return start, said, len(said) - len(words)
    return start, words[:1].upper() + words[1:], 0


def reported_time(published: date | None, dateline: TimeExpression | None = None) -> TimeExpression:
    """The date of a happening the article reports without dating it: the band of :data:`REPORTED_DAYS`
    days that ends on the publication date (mod ON_OR_BEFORE). Without a publication date the interval is
    unknown (earliest/latest None), with the dateline's partial value when it gave one ("XXXX-02-24")."""
    if published is None:
        value = dateline.value if dateline is not None and dateline.value else "XXXX-XX-XX"
        return TimeExpression(None, None, "", "DATE", value, None, None, None,
                              "reported: told as done, with no date and no publication date", REPORTED_MOD, None)
    band = _REPORTED_BANDS.get((published, REPORTED_DAYS))
    if band is None:
        first = published - timedelta(days=REPORTED_DAYS - 1)
        day = published.isoformat()
        band = (day, first.isoformat(), f"reported: told as done with no date of its own, so on or up to "
                                        f"{REPORTED_DAYS - 1} days before the publication date {day}")
        if len(_REPORTED_BANDS) < 4096:
            _REPORTED_BANDS[published, REPORTED_DAYS] = band
    day, first, reasoning = band
    # no granularity: the band is no unit of the calendar (it reads "16–18 Nov 2024" everywhere)
    return TimeExpression(None, None, "", "DATE", day, first, day, None, reasoning, REPORTED_MOD, day)


_REPORTED_BANDS: dict = {}      # publication date -> (its day, the band's first day, the reasoning)


def clause_time(t: TimeExpression, where: str = "earlier") -> TimeExpression:
    """The date of a clause with no date of its own coordinated with the clause of ``t`` in one sentence
    ("Russia shelled Kharkiv on Monday and Ukraine struck a refinery"; ``where`` "later" for a clause told
    before it: "Ukraine struck a refinery and Russia shelled Kharkiv on Monday"), without ``t``'s offsets."""
    return TimeExpression(None, None, t.text, t.type, t.value, t.earliest, t.latest, t.granularity,
                          f"from context: {t.text!r} {where} in the sentence ({t.value})", t.mod, t.anchor)


def context_time(t: TimeExpression) -> TimeExpression:
    """The date of the passage a clause with no date of its own belongs to: the last written date earlier in
    its paragraph, without its offsets (they are in another sentence)."""
    return TimeExpression(None, None, t.text, t.type, t.value, t.earliest, t.latest, t.granularity,
                          f"from context: {t.text!r} earlier in the paragraph ({t.value})", t.mod, t.anchor)


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
    exprs = sorted(exprs, key=lambda t: (t.start, -t.end))
    dl = DATELINE.match(text) or _LOOSE_DATELINE.match(text)
    dateline_end = dl.end() if dl else 0
    dateline_time = next((t for t in exprs if t.start < dateline_end and t.type in EVENT_TYPES), None)
    if reference is None and dateline_time is not None and dateline_time.earliest:
        # the dateline's date is the publication date when none is given
        reference = as_date(dateline_time.earliest)
        if reference is not None and article.published is None:
            article.published = reference.isoformat()
            article.published_source = PUBLISHED_INFERRED
    mentions = actors.find_mentions(text, reference, language=language)
    countries = actors.article_countries(text, mentions, language=language)
    title = (article.title or "").strip()
    if title and title not in text[:len(title) + 200]:  # a headline kept apart from the text counts too
        for m in actors.find_mentions(title, reference, language=language):
            if m.kind == "country" and m.code not in countries:
                countries.append(m.code)

    ref_day = reference.isoformat() if isinstance(reference, date) else None
    narrative = None                  # a history? asked only when a clause could take its paragraph's date
    wrapped = hard_wrapped(text) if isinstance(text, str) else False
    events: list[Event] = []
    seen: set[tuple] = set()
    repeats = pieces = undated_repeats = 0
    capped = False
    ei = 0
    mi = 0
    previous_end = 0
    context: TimeExpression | None = None     # the last written date of the paragraph
    context_at = 0                            # the number of the sentence that wrote it
    last_year: tuple | None = None            # (sentence number, date): a year that closed a sentence's dates
    n_sentence = 0
    for s0, s1, piece in _pieces(text, split_sentences(text, language=language)):
        pieces += piece
        gap = text[previous_end:s0]
        if "\n" in gap and (not wrapped or _BLANK_LINE.search(gap)):
            context = None                    # a new paragraph: the time it is at is its own
            last_year = None
        previous_end = s1
        if s1 <= dateline_end:
            continue  # a dateline on a line of its own: its date is the report's, not a happening's
        n_sentence += 1
        while ei < len(exprs) and exprs[ei].start < s0:
            ei += 1
        in_sentence = []
        j = ei
        while j < len(exprs) and exprs[j].start < s1:
            if exprs[j].end <= s1:
                in_sentence.append(exprs[j])
            j += 1
        body0 = max(s0, dateline_end) if dateline_end < s1 else s0   # titles and countries leave the dateline out
        if s0 < dateline_end:
            # the dateline's date is the report's, never a happening's
            in_sentence = [t for t in in_sentence if t.start >= dateline_end]
        dated = [t for t in in_sentence if not span_start(text, t) and not attributive_year(text, t)]
        spans = len(in_sentence) - len(dated)
        dated = [t for t in dated if not comparison_baseline(text, t, s0)]
        if len(dated) > 1:
            dated = date_ranges(text, dated, s0, language)
        times = _event_times(text, dated)
        body = text[body0:s1]
        year_before, last_year = last_year, _closing_year(dated, ref_day, n_sentence, last_year)
        if times and _opens_with_condition(body, language):
            # "If the talks fail, the ceasefire ends next week": a date in a condition or in what follows
            # from it is no happening's (up to a semicolon, which opens a clause of its own)
            semi = body.find(";")
            times = [t for t in times if 0 <= semi < t.start - body0]
        headline = n_sentence == 1 and "\n" in text[s1:s1 + 2] and not body.rstrip().endswith((".", "!", "?"))
        if times and not REQUIRE_HAPPENING_FOR_WRITTEN:
            kind = "past"   # a written date makes the event; its tense is not needed
        else:
            kind = happening_kind(body, language, headline=headline)
        if kind == "now" and spans and not times:
            kind = None     # "has fought Russia since 2014": a state that goes on, not a happening
        if kind is not None and not times and ongoing_span(body, language, kind):
            kind = None     # "Talks have been cut off for nearly two years": a state or a series up to now
        if not times and kind is None:
            context, context_at = _advance(context, context_at, dated, ref_day, n_sentence)
            continue
        if times and kind is None and not REQUIRE_HAPPENING_FOR_WRITTEN:
            kind = "past"
        if kind is None:
            context, context_at = _advance(context, context_at, dated, ref_day, n_sentence)
            continue
        while mi < len(mentions) and mentions[mi].start < s0:
            mi += 1
        sent_mentions: list[CountryMention] = []
        k = mi
        while k < len(mentions) and mentions[k].start < s1:
            if mentions[k].start >= body0:           # a dateline's place is where it was filed
                sent_mentions.append(mentions[k])
            k += 1
        codes = list(dict.fromkeys(m.code for m in sent_mentions))
        sentence = text[s0:s1]
        if times:
            datings = [(t, _written_dating(t, ref_day), None) for t in times]
            if ref_day and ((all(t.earliest[:10] > ref_day for t in times)
                             and happening_kind(text[body0:times[0].start], language) is not None
                             and _saying(text[body0:times[0].start], language))
                            or saying_apart(body, [(t.start - body0, t.end - body0) for t in times], language,
                                            reported_time(reference, dateline_time), times)):
                # "Intel said it would start shipping the chips next week": the saying is done now, the
                # shipping is scheduled; "Kavan said he was in Kansas City in 1968": said now, of 1968.
                # (A deed told in the past and dated after publication, with no saying, stays one event,
                # flagged in the window: "Troops captured the village on 3 December" in a November article.)
                # Two happenings, two dates: the saying titled as a saying, the happening by what is said
                said = said_clause(body, language)
                if said is not None:
                    datings = [(t, dating, (*said, None)) for t, dating, _ in datings]
                first = times[0]
                datings.insert(0, (reported_time(reference, dateline_time), DATING_REPORTED,
                                   (0, body, 0, (first.start - body0, first.end - body0))
                                   if first.start >= body0 else None))
            elif len(times) == 1 and SPLIT_UNDATED_CLAUSES and times[0].start >= body0:
                t = times[0]
                others = [(o.start - body0, o.end - body0) for o in in_sentence
                          if o is not t and o.start >= body0]
                second = second_happening(body, (t.start - body0, t.end - body0), others, language)
                if second is not None:
                    how, clause, offset, end = second
                    said = _saying(clause, language)
                    # the clause of the date, titled apart: before the conjunction or after it
                    own = (t, datings[0][1], (0, body[:end], 0, None) if how == "after" else
                           (end, body[end:], 0, None))
                    if how != "main" and not said and t.granularity in NEWS_CONTEXT_GRANULARITIES and (
                            ref_day is None or t.earliest[:10] <= ref_day):
                        # "Russia shelled Kharkiv on Monday and Ukraine struck a refinery", "Ukraine struck a
                        # refinery and Russia shelled Kharkiv on Monday": goes on then
                        other = (clause_time(t, "earlier" if how == "after" else "later"), DATING_CONTEXT,
                                 (offset, clause, None, None))
                        datings = [own, other] if how == "after" else [other, own]
                    elif how == "main" or (said and how == "after"):
                        # "Albright, who fled in 1948, made no secret of her joy": told now
                        reported = (reported_time(reference, dateline_time), DATING_REPORTED,
                                    (offset, clause, None, None))
                        datings = [reported, datings[0]] if how == "main" else [own, reported]
        elif (kind == "past" and USE_CONTEXT and year_before is not None and year_before[0] == n_sentence - 1
              and not _saying(body, language) and not older_than_report(body, language)):
            # "In 1994, Congress passed the act. The measure made it a federal crime …": the sentence just
            # before set the text in a year, and a deed told in the past goes on in it
            datings = [(context_time(year_before[1]), DATING_CONTEXT, None)]
        elif kind == "past" and context is not None and USE_CONTEXT and (
                (narrative := _is_history(narrative, text, reference, language))
                or (not _saying(body, language) and (
                    _recent(context, reference) or (NEWS_CONTEXT_NEXT and context_at == n_sentence - 1
                                                    and context.granularity in NEWS_CONTEXT_GRANULARITIES)))):
            datings = [(context_time(context), DATING_CONTEXT, None)]
        elif older_than_report(body, language):
            # "Previously, the company advertised at the $2 million level": no date, and not the report's
            context, context_at = _advance(context, context_at, dated, ref_day, n_sentence)
            continue
        else:
            datings = [(reported_time(reference, dateline_time), DATING_REPORTED, None)]
        for t, dating, part in datings:
            # the same happening told again (a pasted sentence, a repeated stretch of a long line)
            if piece and t.start is not None:
                key = (True, t.value, _normalised(text[max(0, t.start - _CONTEXT_CHARS):t.end + _CONTEXT_CHARS]))
            else:
                key = (piece, t.value, _normalised(sentence))
            if part is not None and part[2] is None and part[3] is None:
                key += (part[1],)            # a clause of its own, besides the sentence's dated one
            if key in seen:
                if t.start is not None:
                    repeats += 1
                else:
                    undated_repeats += 1     # a sentence told again word for word, with no date
                continue
            seen.add(key)
            if len(events) >= MAX_EVENTS:
                capped = True
                break
            others = [(o.start - body0, o.end - body0) for o in in_sentence
                      if o is not t and o.start >= body0 and is_event_time(o)]
            if t.start is not None and t.start >= body0:
                span = (t.start - body0, t.end - body0)
            else:
                span = (None, None)
            title_text = body
            english = language_code(language) in (None, "en")
            if part is not None:
                # the title of one clause: (its start in the sentence, its words, how much longer they are
                # than the sentence's from that start (None: the clause has no date of the sentence), the
                # span of a date to leave out of it when the event is dated otherwise)
                start, title_text, shift, leave_out = part
                if leave_out is not None:
                    if not english:             # (an English title leaves every date of the sentence out)
                        others = [o for o in others if o != leave_out]
                        span = leave_out
                elif shift is None or span[0] is None or span[0] < start:
                    span, others = (None, None), []
                else:
                    span = (span[0] - start + shift, span[1] - start + shift)
                    others = [(a - start + shift, b - start + shift) for a, b in others if a >= start]
            if english:
                title = make_title(title_text, *span, others, language=language)
            else:
                title = foreign_title(title_text, span, language)
            events.append(Event(
                article_id=article.id, sentence_start=s0, sentence_end=s1, sentence=sentence, time=t,
                title=title, countries=list(codes), mentions=list(sent_mentions), dating=dating))
        if capped:
            break
        context, context_at = _advance(context, context_at, dated, ref_day, n_sentence)
    if pieces:
        notes.append(f"a line with no sentence ends was read in pieces of at most {MAX_SENTENCE_CHARS:,} "
                     "characters")
    if repeats:
        notes.append(f"{repeats:,} repeated mention{'s' if repeats != 1 else ''} of the same date in the same "
                     "words were taken as the same happening")
    if undated_repeats >= UNDATED_REPEATS_NOTED:
        notes.append(f"{undated_repeats:,} sentences with no date, repeated word for word, were taken as the same "
                     "happening told again")
    if capped:
        notes.append(f"only its first {MAX_EVENTS:,} events were kept (the limit of one article)")
    return article, events, countries, notes


# A written date makes an event in any sentence (as before happenings were read): on TimeBank, asking a dated
# sentence to tell a happening too lost 0.06 of recall for no precision (bench/events.py, docs/EVENTS.md).
REQUIRE_HAPPENING_FOR_WRITTEN = False
USE_CONTEXT = True                     # a past happening with no date of its own may take its paragraph's date
# In news the paragraph's date carries a happening told in the past only when it is a recent one (at most
# this many days before the publication) and the clause is not a saying ("..., her aides said" is said now,
# whatever year the paragraph talked about); in a history (or a text without a publication date) it always does.
NEWS_CONTEXT_DAYS = 7
# ... or, in news too, when the sentence just before wrote it ("In the third quarter, net income fell 5%.
# Sales rose 2.9%."): the next sentence goes on at that time
NEWS_CONTEXT_NEXT = True
NEWS_CONTEXT_GRANULARITIES = frozenset({"day", "weekend", "week", "month", "quarter", "season"})
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# a dateline that DATELINE does not cover: "Paris, le 18 novembre (AFP) -", "Berlin, 18. November (dpa) -",
# "КИЇВ, 18 листопада –": a place, a day and a month, an agency or a dash
_LOOSE_DATELINE = re.compile(
    r"\A\s*[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’.-]+(?:[ -][\w'’.-]+){0,2},\s*(?:le\s+|den\s+)?\d{1,2}\.?(?:er)?\s+"
    r"[^\W\d_]{3,12}\.?(?:\s+\d{4})?\s*(?:\([^()\n]{1,20}\))?\s*(?:[-–—]+|:)\s")




def _saying(sentence: str, language: str | None) -> bool:
    """Whether a sentence tells a saying (said now, not at the paragraph's time)."""
    pattern = _SAYING.get(language_code(language) or "en", _EN_SAYING)
    return bool(pattern.search(sentence))


def _recent(t: TimeExpression, reference: date | None) -> bool:
    first = as_date(t.earliest)
    return reference is not None and first is not None and 0 <= (reference - first).days <= NEWS_CONTEXT_DAYS


def _written_dating(t: TimeExpression, ref_day: str | None) -> str:
    """written, or context for an expression the tagger resolved against the time the text is at
    ("Two days later" after "On 24 February"): its anchor is another date than the publication."""
    if t.anchor and ref_day and t.anchor[:10] != ref_day:
        return DATING_CONTEXT
    if t.anchor and not ref_day:
        return DATING_CONTEXT
    return DATING_WRITTEN


def _is_history(known: bool | None, text: str, reference: date | None, language: str | None) -> bool:
    """Whether the article reads as a history (known already, or asked of the tagger once)."""
    if known is not None:
        return known
    return reference is None or looks_historical(text, reference, language=language)


def _closing_year(dated: list[TimeExpression], ref_day: str | None, n_sentence: int, was: tuple | None
                  ) -> tuple | None:
    """(n_sentence, t) when the last date a sentence writes is a year ``t`` not after the publication (the time
    the next sentence goes on at, when it tells a deed); ``was`` when the sentence writes no date."""
    last = None
    for t in dated:
        if t.type in EVENT_TYPES and t.earliest and t.latest and t.value not in NOT_EVENTS:
            last = t
    if last is None:
        return was
    if last.granularity == "year" and (ref_day is None or last.earliest[:10] <= ref_day):
        return n_sentence, last
    return None


def _advance(context, context_at: int, dated, ref_day, n_sentence: int):
    new = _next_context(context, dated, ref_day)
    return new, (n_sentence if new is not context else context_at)


def _next_context(context: TimeExpression | None, dated: list[TimeExpression], ref_day: str | None
                  ) -> TimeExpression | None:
    """The time the paragraph is at after a sentence: its last written date narrow enough to carry a
    passage (a day to a month), not after the publication."""
    for t in dated:
        if (t.type in EVENT_TYPES and t.earliest and t.latest and t.granularity in CONTEXT_GRANULARITIES
                and t.value not in NOT_EVENTS and (ref_day is None or t.earliest[:10] <= ref_day)):
            context = t
    return context


def happening_kind(sentence: str, language: str | None = None, headline: bool = False) -> str | None:
    """How a sentence reports a happening: "past" (told as past), "now" (a present perfect or a present
    saying: it has just happened), or None (no happening: a state, an opinion, a hypothetical, a question)."""
    s = sentence.strip()
    if not s or s.endswith("?"):
        return None
    credit = _CREDIT.get(language_code(language) or "en")
    if credit is not None and credit.search(s):
        return None         # "Jane Doe in London contributed to this article": the report's making, no happening
    return _happening(s, language, headline)


# ---------------------------------------------------------------------------------------------
# Consistency: what a reader should double-check about a date

_WEEKDAY_WORD = re.compile(r"[^\W\d_][\w'’]*")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_named(words: str) -> int | None:
    """The weekday a time expression names ("Monday, November 18", "ce lundi 18 novembre"), Monday = 0."""
    for m in _WEEKDAY_WORD.finditer(words or ""):
        w = m.group().lower()
        for name, number in _WEEKDAYS.items():
            if w.startswith(name) and (len(name) >= 5 or w == name):
                return number
    return None


def date_warnings(*, time_text: str, earliest: str | None, latest: str | None, granularity: str | None,
                  sentence: str, published: str | None, language: str | None, dating: str) -> list[str]:
    """What does not add up about an event's date, in words for the reader (cheap checks only):
    a happening told in the past dated after its article's publication; a weekday that is not the
    weekday of the day it dates."""
    out = []
    pub = as_date(published)
    first = as_date(earliest)
    if (pub is not None and first is not None and dating != DATING_REPORTED and first > pub
            and happening_kind(sentence, language) == "past"):
        out.append(f"told in the past, but dated after the article's publication ({pub.isoformat()})")
    named = weekday_named(time_text)
    last = as_date(latest)
    if named is not None and first is not None and first == last and granularity in ("day", "hour", "minute",
                                                                                     "second", None):
        if first.weekday() != named:
            out.append(f"the text says {_DAY_NAMES[named]}, but {first.isoformat()} is a "
                       f"{_DAY_NAMES[first.weekday()]}")
    return out


# ---------------------------------------------------------------------------------------------
# Titles in other languages: who did what, without the date and the appositions

# ", Jean-Noël Barrot," between a title and its verb: an apposition naming who (up to 40 characters, a capital)
_APPOSITION = re.compile(r",\s+([^,;:]{2,40}?),\s+(?=\S)")


def foreign_title(sentence: str, span: tuple[int | None, int | None], language: str | None) -> str:
    """A title for a sentence in a language other than English: the sentence without its dating expression
    (and the preposition or demonstrative that led to it: "ce lundi 18 novembre", "у понеділок") and
    without an opening adverbial its language's cues name (``title_opening``: "Dans un premier temps, …",
    "Por otra parte, …"; "Selon Moscou, X …" gives "Moscou: X …"), without a short apposition between its
    subject and its verb ("Le ministre des Affaires étrangères, Jean-Noël Barrot, a assuré …" → "Le ministre
    des Affaires étrangères a assuré …"); a saying as "Speaker: claim" (:func:`_speaker_title`); when the date
    is in a closing participle clause with its agent (``title_participle``: "…, conquise par Kiev cet été"),
    that clause with the noun it tells of ("La région russe de Koursk conquise par Kiev"); when it is in a
    relative or participle clause the language's ``title_relative`` cue reads, that clause as a headline
    (:func:`viewer.titles.relative_title`: "Die Region Kursk, die Kiew erobert hatte", "Зеленский прибыл в
    Берлин", "Курщина захоплена Києвом"); when the date opened the sentence and the language's
    ``title_inverted`` cue finds its finite verb next, the subject goes first ("Am Dienstag hat Russland …" →
    "Russland hat …"), or the date stays when no subject can be told; then cut as
    :func:`viewer.titles.plain_title` cuts (at a clause boundary in its second half, kept there when the title
    is a whole clause: :func:`_whole_clause`; else at a word, or before a phrase: :func:`_phrase_cut`)."""
    s = sentence
    a, b = span
    code = language_code(language) or ""
    sub = _TITLE_SUBORDINATE.get(code)
    if sub is not None and a is not None and b is not None and 0 <= a < b <= len(s):
        opened = None
        for m in sub.finditer(s, 0, a):
            opened = m
        if opened is not None and not re.search(r"[,;:()]", s[opened.end():a]):
            end = re.search(r"[,;:()]|$", s[b:])
            clause = s[opened.end():b + end.start()]
            if _opens_with_actor(clause, code) and _clause_happening(clause, code) is not None:
                # "La décision intervient alors que l'Allemagne a repris des discussions … le week-end
                # dernier": the date's happening is the clause's, "L'Allemagne a repris des discussions …"
                return foreign_title(clause[:1].upper() + clause[1:], (a - opened.end(), b - opened.end()), language)
    closing = a is not None and a > sentence.rfind(",", 0, a) >= 0 and "," not in sentence[a:]
    if a is not None and b is not None and 0 <= a < b <= len(s):
        lead = _LEADING_PREPOSITION.search(s, 0, a)
        start = lead.start() if lead else a
        before, after = s[:start].rstrip(), _YEAR_WORD.sub("", s[b:], count=1).lstrip()
        if not before or before.endswith((",", ";", ":", "(")):
            after = after.lstrip(" ,")          # "En septembre dernier, X …" → "X …"
        inverted = _TITLE_INVERTED.get(code)
        v = inverted.match(after) if inverted is not None and not before else None
        kept = v is not None and not v.group("subject")
        if kept and (said := _TITLE_SAYING.get(code)) is not None and (q := said.match(after)) is not None and any(
                name.startswith("speaker") and g for name, g in q.groupdict().items()):
            kept = False        # a saying, its speaker after its verb: "Speaker: claim" (_speaker_title)
        if v is not None and v.group("subject"):
            # the date opened the sentence and its finite verb came next (verb second): the subject goes
            # first ("Im September hatte der Präsident erklärt, …" → "Der Präsident hatte erklärt, …")
            after = f"{v.group('subject')} {v.group('verb')}{after[v.end('subject'):]}"
        # (no subject to put first: the date stays, so that no verb opens the title: "Am Montag griffen
        # russische Truppen Kiew an")
        s = sentence if kept else re.sub(r"\s+,", ",", f"{before} {after}").strip()
        s = s[:1].upper() + s[1:]
        relative = None if kept else _TITLE_RELATIVE.get(code)
        if relative is not None:
            # the date in a relative or participle clause: "Die Region Kursk, die Kiew im Sommer erobert hatte,
            # …" → "Die Region Kursk, die Kiew erobert hatte"; "Зеленский, который в понедельник прибыл …" →
            # "Зеленский прибыл …"
            at = len(re.sub(r"\s+,", ",", before).strip())
            title = relative_title(s, at, relative, MAX_FOREIGN_TITLE)
            if title is not None:
                return balance_quotes(title, language)
    ends = _TITLE_CLOSING.get(code)
    if ends is not None and (em := ends.search(s)) and len(s[:em.start()].split()) >= 3:
        s = s[:em.start()]      # ", a annoncé le ministre", ", повідомив губернатор": the source, not the news
    participle = _TITLE_PARTICIPLE.get(code) if closing else None
    if participle is not None and (pm := participle.search(s)):
        np_, clause = pm.group("np").strip(), pm.group("clause").strip()
        return make_title(f"{np_[:1].upper()}{np_[1:]} {clause}", language=language)
    opening = _TITLE_OPENING.get(code)
    m = opening.match(s) if opening is not None else None
    if m and len(s) - m.end() >= SHORT_FOREIGN_TITLE // 2:
        rest = s[m.end():].lstrip()     # "Dans un premier temps, l'objectif …" → "L'objectif …"
        source = m.groupdict().get("source")
        if source:                      # "Selon Moscou, les forces …" → "Moscou: les forces …", as a saying
            s = f"{source[:1].upper()}{source[1:]}: {rest}"
        else:
            s = rest[:1].upper() + rest[1:]
    past = _PAST.get(code)
    m = _APPOSITION.search(s)
    named = None
    if m and past is not None:
        verb = past.search(s)
        if (verb is not None and verb.start() >= m.end() and any(c.isupper() for c in m.group(1))
                and not past.search(m.group(1))):
            named = m.group(1).strip() if m.start() < 60 else None
            s = s[:m.start()] + " " + s[m.end():]
    s = _speaker_title(s, code, named)
    title = make_title(s, language=language)
    if (title and len(title) < SHORT_FOREIGN_TITLE and len(" ".join(s.split())) > len(title) + 2
            and not _whole_clause(title, s, code, language)):
        # cut at a clause boundary soon after the verb ("Barrot versicherte"): who without what; cut at a
        # word further on instead
        words = " ".join(s.split()).rstrip(" .")
        cut = words.rfind(" ", 0, MAX_FOREIGN_TITLE - 1)
        title = balance_quotes(words[:cut].rstrip(" ,;:") + "…", language) if cut > len(title) else title
    if title.endswith("…") and not any(c in title for c in ':«»„“”"'):
        title = _phrase_cut(title, s, code, language)
    return title


def _phrase_cut(title: str, s: str, code: str, language: str | None) -> str:
    """A title cut at a word ("Les États-Unis ont donné leur feu vert à l'Ukraine pour utiliser des…"), cut
    instead before the last phrase its language's ``title_phrase`` cue opens (a preposition) when what comes
    before it is one plain clause of at least a third of the longest title, with words after its verb, that
    does not end with a short word or a preposition: "Les États-Unis ont donné leur feu vert à l'Ukraine", as
    a headline ends. In a language whose verb ends the clause, the words before the phrase lack it: the verb
    its ``title_verb_last`` cue finds ending that clause (group verb; no conjunction or comma on the way)
    closes the title: "Die Vereinigten Staaten haben der Ukraine grünes Licht für den Einsatz … gegeben" →
    "Die Vereinigten Staaten haben der Ukraine grünes Licht gegeben". Else unchanged."""
    phrase = _TITLE_PHRASE.get(code)
    past = _PAST.get(code)
    if phrase is None or past is None:
        return title
    words = title[:-1].rstrip()
    whole = " ".join(s.split())
    if not whole.startswith(words):
        return title
    last = _TITLE_VERB_LAST.get(code)
    coordination, plain = _COORDINATION.get(code), _CLAUSE_BREAK.get(code)
    # (the phrase may open right after the cut: "… de munición rusos…" before "en la región")
    opens = [m for m in phrase.finditer(whole, 0, len(words) + 16) if m.start() <= len(words)]
    for m in reversed(opens):
        head = words[:m.start()].rstrip(" ,;")
        if len(head) < MAX_FOREIGN_TITLE // 3:
            break
        if (any(c in head for c in ",;:—–()") or (coordination is not None and coordination.search(head))
                or (plain is not None and plain.search(head, 1))):
            continue            # one plain clause only: not "… a piqué un sprint et a réussi", "… espèrent que …"
        end = head.rsplit(" ", 1)[-1]
        if (end.islower() and len(end) <= 3) or end.endswith(("'", "’")) or phrase.match(f" {end} "):
            continue            # not "… durch die", "… bis auf", "… jusqu'"
        if last is None:
            verb = past.search(head)
            if verb is not None and head[verb.end():].strip() and _clause_headline(head, code, language):
                return head
            continue
        # the verb that ends the clause: the words up to it lack it ("… haben der Ukraine grünes Licht")
        closing = last.match(whole, m.start())
        if closing is None or _clause_headline(head, code, language):
            continue
        headline = f"{head} {closing.group('verb')}"
        if len(headline) <= MAX_FOREIGN_TITLE and _clause_headline(headline, code, language):
            return headline
    return title


def _clause_headline(title: str, code: str, language: str | None) -> bool:
    """Whether words are a clause that reads as a headline: at least :data:`WHOLE_CLAUSE_WORDS` words, an
    actor, a verb of doing (no saying) and two words after it."""
    verb = _verb_start(title, code)
    return (len(title.split()) >= WHOLE_CLAUSE_WORDS and verb is not None and len(title[verb:].split()) >= 3
            and _opens_with_actor(title, code) and _clause_happening(title, code) is not None
            and not _saying(title, language))


MAX_FOREIGN_TITLE = 70
SHORT_FOREIGN_TITLE = 60
WHOLE_CLAUSE_WORDS = 4      # the fewest words of a clause a short title keeps whole


def _whole_clause(title: str, s: str, code: str, language: str | None) -> bool:
    """Whether a title cut at a clause boundary is a whole clause of its own, a headline as it is ("París ya ha
    entregado misiles de crucero Scalp", cut before ", pero hasta ahora …"): at least
    :data:`WHOLE_CLAUSE_WORDS` words, an actor, a verb of doing and two words after it or a conjunction after
    the cut (no saying: "Barrot versicherte", cut before what was said, is who without what)."""
    if len(title.split()) < WHOLE_CLAUSE_WORDS or title.endswith("…") or any(c in title for c in ',:«»„“”"'):
        return False            # (a speaker and what they said, a quotation, an aside: cut as they are)
    words = " ".join(s.split())
    rest = words[len(title):].lstrip()
    if not words.startswith(title) or not rest.startswith((",", ";")):
        return False
    # what comes after completes the clause: a relative clause, what was said, an infinitive or another
    # clause the language's title_complement cue names ("…, der die Evakuierung …", "…, einen Apparat aufzubauen")
    for cue in (_RELATIVE_OPENS.get(code), _TITLE_COMPLEMENT.get(code)):
        if cue is not None and cue.match(rest):
            return False
    lead = _SAID_LEAD.get(code)
    if lead is not None and lead.match(rest.lstrip(",; ")):
        return False
    parts = rest.rstrip(" .!").split(",")
    if len(parts) == 3 and len(parts[2].split()) <= 2:
        return False            # an aside, then the clause ends: "…, unter dem Druck Mussolinis, an."
    for opens in (_TITLE_SAYING.get(code), _SAID_OPENS.get(code)):
        if opens is not None and opens.match(s):
            return False
    verb = _verb_start(title, code)
    coordination = _COORDINATION.get(code)
    # two words after the verb, or a conjunction after the cut that opens a clause of its own ("Крылатые ракеты
    # Scalp Париж уже поставил, но …"): not "Prezydent Putin ocenił", cut before ", że …", who without what
    return (verb is not None and (len(title[verb:].split()) >= 3
                                  or (coordination is not None and coordination.match(words, len(title)))
            ) and _opens_with_actor(title, code) and _clause_happening(title, code) is not None
            and not _saying(title, language))
SPEAKER_WORDS = 6           # the most words of a speaker a title names before its claim


def _speaker_title(s: str, code: str, named: str | None) -> str:
    """A sentence that opens with a saying, as a headline: "Speaker: claim", as English titles have it ("Le
    ministre a assuré que l'usage … restait une option" → "Le ministre: l'usage … restait une option"); the name
    of an apposition the title left out stands for the speaker ("Le ministre, Jean-Noël Barrot, a assuré que …"
    → "Jean-Noël Barrot: …"). The saying is read by the language's ``title_saying`` cue (the verbs of saying, up
    to "que", "что", "dass" …), else by its ``said_opens``. Unchanged when neither matches or the claim is short."""
    m = None
    for opens in (_TITLE_SAYING.get(code), _SAID_OPENS.get(code)):
        m = opens.match(s) if opens is not None else None
        if m is not None:
            break
    if m is None or "verb" not in m.re.groupindex:
        return s
    # (a group whose name opens with "speaker" names the speaker after the verb: "hatte der Präsident erklärt")
    after = next((g for name, g in m.groupdict().items() if name.startswith("speaker") and g), None)
    speaker = named or (after or s[:m.start("verb")]).strip(" ,")
    speaker = speaker[:1].upper() + speaker[1:]
    claim = s[m.end():]
    lead = _SAID_LEAD.get(code)
    if lead is not None and (q := lead.match(claim)):
        claim = claim[q.end():]
    claim = claim.strip()
    if not speaker or len(speaker.split()) > SPEAKER_WORDS or len(claim.split()) < 3:
        return s
    return f"{speaker}: {claim}"
