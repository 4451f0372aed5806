"""The engine: find candidate spans with a few regular expressions compiled once, then normalise each
family of patterns to TIMEX3 and resolve it against a reference date (or the date the narrative is at).

Design: every pattern family is a regular expression written in ``lang/en/patterns.toml`` over pieces built
here from the English lexicon (``lang/en/lexicon.toml``); both are read by ``rules.py``. What a match of each
family means (its handler) is written here. All matches are collected, overlaps are settled leftmost-longest,
and each kept span goes to the normaliser of its family, in text order, so that anaphoric expressions ("two
days later", "that October") can use the last date the text mentioned.

English is moving onto the language-independent engine family by family: the families moved so far are rules
of ``lang/en/rules.toml``, matched by the engine (``engine.matches``) among the candidates here and resolved by
it (``_engine_expr``) with this tagger's state; this module stays English's entry point.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.easter import EASTER_JULIAN, EASTER_WESTERN, easter

from ..model import TimeExpression
from ..text import hard_wrapped, sentence_breaks
from . import calendar as cal
from . import discourse
from . import engine as _engine
from . import rules as R
from .engine.resolve import resolve as _engine_resolve
from .leads import lead_tokens

# ---------------------------------------------------------------------------------------------
# Regular expression fragments


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _seq(words) -> str:
    """The words as alternatives in the order given (the lexicon's order decides which is tried first)."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _ci(words) -> str:
    return "(?i:" + _alt(words) + ")"


def _title(words) -> str:
    out = set()
    for w in words:
        out.add(w[0].upper() + w[1:])
        out.add(w.upper())
    return _alt(out)


def _numerals(lo: int, hi: int, step: int = 1) -> str:
    """The numerals of the lexicon from ``lo`` to ``hi`` (every ``step``), in its order."""
    return _seq(w for w, v in R.NUMERALS.items() if lo <= v <= hi and (v - lo) % step == 0)


def _ordinal_words(lo: int, hi: int) -> str:
    """The ordinals of the lexicon written in words ("first" .. "tenth"), from ``lo`` to ``hi``."""
    return _seq(w for w, v in R.ORDINALS.items() if lo <= v <= hi and not w[:1].isdigit())


_REGULAR_UNITS = [u for u in R.UNITS if u + "s" in R.UNIT_PLURALS]        # a plural in -s ("days")
# the other forms: the singulars without one ("century") and the plurals not in -s ("centuries", "millennia")
_OTHER_UNIT_FORMS = [u for u in R.UNITS if u not in _REGULAR_UNITS] + [p for p in R.UNIT_PLURALS if p[:-1] not in R.UNITS]
_UNITS9 = _numerals(1, 9)
_TEENS = _numerals(10, 19)
_TENS = _numerals(20, 90, 10)
_NINETEEN, _TWENTY, _TWO, _HUNDRED, _THOUSAND = (_numerals(v, v) for v in (19, 20, 2, 100, 1000))
_NP = R.NUMBER_PATTERN
_PP = R.POSITION_PATTERN
_TC = R.TENSE_CUES
_SEASON_WORDS = _seq(R.SEASONS)

MONTH_FULL = f"(?:{_title(R.MONTHS)})"
MONTH_ABBR = f"(?:(?:{_title(R.MONTH_ABBR)})(?:\\.|(?=\\s+\\d)))"
MONTH = f"(?:{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY = f"(?:{_title(R.WEEKDAYS)})"
WEEKDAY_ABBR = f"(?:(?:{_title(R.WEEKDAY_ABBR)})\\.?)"
DAYN = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:,.]\d)"
YEAR = r"(?:1\d{3}|20\d{2})(?![\d,.]?\d)"
SEASON = _ci(R.SEASONS)
UNIT_SG = f"(?:{_seq(R.UNITS)})"
UNIT = f"(?:(?:{_seq(_REGULAR_UNITS)})s?|{_seq(_OTHER_UNIT_FORMS)})"
PART = f"(?:{_seq(R.PARTS_OF_DAY)})"
NUM_WORD = (
    r"(?:(?:a|one|three)[\s-]+quarters?\s+of\s+an?|a[\s-]+quarter(?=-(?:century|hour))"
    rf"|(?:{_TENS})(?:[\s-](?:{_UNITS9}))?|{_UNITS9}|{_TEENS}"
    rf"|(?:{_seq(_NP['hundreds_count'])})[\s-]+(?:{_HUNDRED}|{_THOUSAND})|{_HUNDRED}|{_THOUSAND}"
    rf"|{_seq(_NP['phrase'])})"
)
NUM_VAGUE = f"(?i:{_seq(R.NUMBER_VAGUE)})"
NUM = rf"(?i:(?<![\d,.])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\s+1/2|\.\d+)?|{NUM_WORD})(?i:\s+and\s+a\s+half)?"


def _approx_word(w: str) -> str:
    e = re.escape(w).replace(r"\ ", r"\s+")
    if w.endswith("."):
        return f"(?-i:{e})"                      # "c.", "ca.": as written
    if w in R.APPROX_BEFORE_ARTICLE:
        return e + r"(?=\s+an?\s)"                # "over a week", not "over 2019"
    return e


APPROX = f"(?:(?i:{'|'.join(_approx_word(w) for w in R.APPROX_MODS)})\\s+)"
POS = (f"(?:(?i:{_seq(_PP['before'])}|{'|'.join(re.escape(w) + '(?=-)' for w in _PP['before_hyphen'])}"
       rf"|the\s+(?:very\s+)?(?:{_seq(_PP['head'])})\s+of(?:\s+the)?|the\s+(?:{_seq(_PP['half'])})\s+half\s+of(?:\s+the)?"
       rf"|the\s+(?:{_seq(_PP['part'])})\s+part\s+of(?:\s+the)?"
       rf"|the\s+(?:{_seq(_PP['span'])})\s+(?:few\s+)?(?:{_seq(_PP['span_unit'])})\s+of))")
# cities and regions whose clock a wire report names ("0900 Moscow time")
ZONE_CITY = f"(?:{_seq(R.ZONE_CITIES)})"
DEIC = f"(?i:{_seq(sorted(R.DEIXIS, key=len, reverse=True))})"   # longest first
HOLIDAY = "(?=[A-Z])" + _ci(R.HOLIDAYS)
_PART_AT_END = re.compile(f"({_seq(R.PARTS_OF_DAY)})$")
_UNIT_AT_END = re.compile(f"({_seq(R.UNITS)})$")

SPELLED_YEAR = (rf"(?i:{_NINETEEN}[\s-](?:(?:{_TENS})(?:[\s-](?:{_UNITS9}))?|{_TEENS})"
                rf"|{_TWO}\s+{_THOUSAND}(?:\s+and)?(?:\s+(?:{_UNITS9}|{_TEENS}|{_TWENTY}(?:[\s-](?:{_UNITS9}))?))?)")

# The pieces the pattern families are written with: {NAME} in lang/en/patterns.toml (its header says what each is).
PIECES: dict[str, str] = {
    "MONTH": MONTH, "WEEKDAY": WEEKDAY, "WEEKDAY_ABBR": WEEKDAY_ABBR, "DAYN": DAYN, "YEAR": YEAR,
    "SPELLED_YEAR": SPELLED_YEAR, "SEASON": SEASON, "SEASON_WORDS": _SEASON_WORDS, "PART": PART, "UNIT": UNIT,
    "UNIT_SG": UNIT_SG, "NUM": NUM, "NUM_VAGUE": NUM_VAGUE, "APPROX": APPROX, "POS": POS, "DEIC": DEIC,
    "HOLIDAY": HOLIDAY, "ZONE_CITY": ZONE_CITY, "ONES": _UNITS9, "TEENS": _TEENS, "TENS": _TENS, "TWO": _TWO,
    "TWENTY": _TWENTY, "NINETEEN": _NINETEEN, "HUNDRED": _HUNDRED, "THOUSAND": _THOUSAND,
    "CENTURY_ORDINAL_WORDS": _ordinal_words(1, 21),
    "WEEKDAY_WORDS": _seq(R.WEEKDAYS), "MONTH_WORDS": _seq(R.MONTHS),
}

# Each family: (name, pattern), in the order of lang/en/patterns.toml (the priority). Built into separate compiled
# regexes, all run over the text; each family's handler is in _HANDLERS below.
FAMILIES: list[tuple[str, str]] = R.families(R.patterns_text(), PIECES)


def _compile_family(name: str, pattern: str) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"patterns.toml, family {name!r}: {exc}") from exc


_COMPILED = [(name, _compile_family(name, p)) for name, p in FAMILIES]

# Tense cues (lower case words; case-sensitive so that "United" or "Will Smith" do not count).
_FUT = re.compile(rf"\b(?:{_seq(_TC['future'])}|due\s+(?:{_seq(_TC['due_prep'])})\b|due\s+to\s+(?:{_seq(_TC['due_to_verb'])})"
                  rf"|meet(?=\s+(?:{_seq(_TC['meet_adverb'])})\b))\b")
_PAST = re.compile(r"\b" + "".join(rf"(?<!\b{re.escape(w)}\s)" for w in _TC["past_not_after"]) + rf"(?:{_seq(_TC['past'])}|"
                   + "".join(rf"(?<!\b{re.escape(w)}\s)" for w in _TC["ed_not_after"])
                   + rf"(?!un[a-z]+ed\b|{_seq(_TC['ed_not_prefix'])}|(?:{_seq(_TC['ed_not_word'])})\b)[a-z]{{2,}}ed"
                   + rf"|{_seq(_TC['past_irregular'])})\b")
_SUBORDINATE = re.compile(rf"\b(?:{_seq(_TC['subordinate'])})\s+(?:[\w'-]+\s+){{0,3}}$")
_MUST = re.compile(r"\bmust(?!\s+have)\b")
_PLAN_PAST = re.compile(rf"\bhad\s+(?:been\s+)?(?:{_seq(_TC['plan_past'])})\s+(?:to\b[^,;]*|for\s+)$")
_FUT_LEFT = re.compile(r"(?<!\bas\s)(?<!previously\s)\bplanned(?=\s+(?:to|a|an|the|new|another)\b)")
_IS_ON = re.compile(r"\b(?:is|are)\s+(?:(?!being\b)[a-z]{3,}ing\s+(?:(?![a-z]+ed\b|that\b)\w+\s+){0,2}?)?(?:on\s+|for\s+|due\s+|set\s+for\s+)?$")
_AHEAD_OF = re.compile(rf"(?i)\b(?:{_seq(_TC['ahead_of'])})\s+(?:the\s+|this\s+)?$")
_WEAK_PAST = set(_TC["weak_past"])
_REPORTING = set(_TC["reporting"])
_WORD_BEFORE = re.compile(r"([A-Za-z']+)[\s-]*$")
_WORD_AFTER = re.compile(r"^[\s,]*([A-Za-z']+)")

_SPECIAL_BLOCK = re.compile(r"^\s*(?:%|percent|per\s+cent)")

# ---------------------------------------------------------------------------------------------


def _words_num(s: str) -> float | None:
    s = " ".join(s.lower().replace("-", " ").replace(",", "").split())
    half = 0.0
    if s.endswith(" 1/2"):
        s = s[:-4]
        half = 0.5
    if s.endswith(" and a half"):
        s = s[: -len(" and a half")]
        half = 0.5
    try:
        return float(s) + half
    except ValueError:
        pass
    if s in R.NUMBER_WORDS:
        return R.NUMBER_WORDS[s] + half
    parts = s.split()
    if len(parts) == 2 and parts[0] in R.NUMBER_WORDS and parts[1] in ("hundred", "thousand"):
        return R.NUMBER_WORDS[parts[0]] * R.NUMBER_WORDS[parts[1]] + half   # "two thousand": 2 × 1000
    if len(parts) == 2 and parts[0] in R.NUMBER_WORDS and parts[1] in R.NUMBER_WORDS:
        return R.NUMBER_WORDS[parts[0]] + R.NUMBER_WORDS[parts[1]] + half
    return None


def _fmt_num(n: float | None) -> str:
    if n is None:
        return "X"
    if n == int(n):
        return str(int(n))
    return ("%g" % n)


def month_of(token: str) -> int | None:
    """The month (1-12) a month name or abbreviation names ("March", "Sept."), or None."""
    t = token.lower().rstrip(".")
    return R.MONTHS.get(t) or R.MONTH_ABBR.get(t)


_MONTH_IN = re.compile(rf"{MONTH_FULL}|(?:{_title(R.MONTH_ABBR)})\b")
_YEAR_IN = re.compile(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)")
_DAY_IN = re.compile(r"(?<![\d:])(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])")
_WD_IN = re.compile(rf"{WEEKDAY}|{WEEKDAY_ABBR}")


class _Ctx:
    """Per-call state: the text, the reference, and the date the discourse is at."""

    __slots__ = ("text", "ref", "narrative", "anchor", "anchor_kind", "anchor_index", "last_quarter", "last_quarter_pos", "anchor_pos",
                 "sent_starts", "last_day", "last_cue", "disc_year", "disc_pos", "disc_reach", "recent", "wrapped", "bc_year", "bc_day", "bc_month", "range_end", "dated",
                 "engine_view")

    def __init__(self, text: str, ref: date | None, narrative: bool):
        self.text = text
        self.wrapped = hard_wrapped(text)   # lines broken at a fixed width: only blank lines end sentences
        self.ref = ref
        self.narrative = narrative
        self.anchor: date | None = None      # the last explicitly dated point the text mentioned
        self.anchor_kind: str | None = None
        self.anchor_index: int | None = None
        self.last_quarter: int | None = None
        self.last_quarter_pos: int | None = None
        self.anchor_pos: int | None = None
        self.last_day: tuple[int, date] | None = None  # (offset, day) of the last day-level date
        self.last_cue: str | None = None   # the word that decided the last tense() call
        self.disc_year: int | None = None  # the last year written out in the text ("In 2022", "June 1941")
        self.disc_pos: int | None = None   # where that expression (or one resolved in its year) ended
        self.disc_reach = 1                # how many sentence ends the discourse year survives
        self.recent: list[tuple[str, str, bool]] = []   # (earliest, latest, a from–to span?) of the last dates read
        self.range_end: tuple[int, int, date] | None = None   # a day range just read: (end of its first day,
        #                                                      start of its last day, the last day)
        self.dated: list[tuple[int, int, date]] = []   # days written with their year: (start, end, day)
        self.bc_year: int | None = None    # the story is at a year before the common era (astronomical: 480 BC = -479)
        self.bc_day: tuple[int, int, int] | None = None   # and at that day of it (astronomical year, month, day)
        self.bc_month: tuple[int, int] | None = None      # and at that month of it (astronomical year, month)
        self.engine_view = None            # the engine's view of this state (``_EngineView``), made when needed

    # The date relative expressions of a given kind resolve against.
    def deictic_ref(self) -> tuple[date | None, str]:
        return cal.deictic_reference(self.narrative, self.anchor, self.ref)

    def anaphoric_ref(self) -> tuple[date | None, str]:
        if self.anchor is not None:
            return self.anchor, "last mentioned date"
        if self.ref is not None:
            return self.ref, "reference"
        return None, ""

    def sentence(self, start: int, end: int) -> tuple[str, str]:
        """Left and right context inside the sentence (bounded)."""
        text = self.text
        lo = max(0, start - 120)
        for _, lo in self.breaks(lo, start):
            pass
        return text[lo:start], text[end:self.sentence_end(end, 80)]

    def breaks(self, lo: int, hi: int):
        """The sentence breaks (end, next start) in text[lo:hi] (the event builder's sentences)."""
        return sentence_breaks(self.text, lo, hi, wrapped=self.wrapped)

    def sentence_end(self, pos: int, reach: int) -> int:
        """Where the sentence around ``pos`` ends, looking at most ``reach`` characters ahead."""
        hi = min(len(self.text), pos + reach)
        return next(self.breaks(pos, hi), (hi,))[0]

    def tense(self, start: int, end: int) -> str | None:
        """"past", "future" or None from the verbs nearest to the expression in its sentence.
        Reporting verbs ("said", "told") only count when nothing else does: in "X will leave Thursday,
        he said" the event is in the future."""
        left, right = self.sentence(start, end)
        self.last_cue = None
        if _AHEAD_OF.search(left):
            return "future"   # "ahead of Sunday's vote": the object of "ahead of" is still to come
        if _IS_ON.search(left):
            self.last_cue = "is"
            return "future"   # "the deadline is Friday", "the next meeting is on Tuesday": scheduled
        if _PLAN_PAST.search(left):
            self.last_cue = "had"
            return "past"   # "it had been due to expire Friday": a plan told in the past perfect is over
        cues = []
        n = len(left)
        for m in _FUT.finditer(left):
            cues.append((n - m.end(), 0, "future", True, m.group(0)))
        for m in _PAST.finditer(left):
            if _SUBORDINATE.search(left, 0, m.start()):
                continue   # "will buy as soon as trading opened Monday": the clause takes the main verb's time
            cues.append((n - m.end(), 1, "past", True, m.group(0)))
        for m in _FUT_LEFT.finditer(left):
            cues.append((n - m.end(), 0, "future", True, m.group(0)))   # "planned a rally on Saturday": the plan's event is ahead
        for m in _FUT.finditer(right):
            cues.append((m.start(), 0, "future", False, m.group(0)))
        for m in _MUST.finditer(right):
            cues.append((m.start(), 0, "future", False, m.group(0)))   # "By Friday, the troops must leave"
        for m in _PAST.finditer(right):
            # ", he said" after the expression reports the statement, not the event
            weak = m.group(0) in _REPORTING and re.search(r"[,'\"”]\s*(?:\S+\s+){0,3}$", right[:m.start()])
            cues.append((m.start(), 2 if weak else 1, "past", False, m.group(0)))
        if not cues:
            low = (left + " " + right).lower()
            if " will " in low or "'ll " in low:
                return "future"
            return None
        strong = [c for c in cues if c[1] < 2]
        lefts = [c for c in strong if c[3]]
        best = min(lefts or strong or cues)
        if best[2] == "past" and best[3] and best[4] in _REPORTING and re.search(r"\bthat\b", left[len(left) - best[0]:]) \
                and not any(c[3] and c[2] == "past" and c[4] not in _REPORTING for c in cues):
            ahead = [c for c in cues if not c[3] and c[2] == "future"]
            if ahead:
                best = min(ahead)   # "officials said that by Christmas the troops would be home": what was said is ahead
        self.last_cue = best[4]
        return best[2]


def _expr(ctx: _Ctx, start: int, end: int, typ: str, value: str, earliest=None, latest=None,
          gran=None, reasoning="", mod=None, anchor: date | None = None) -> TimeExpression:
    return TimeExpression(start=start, end=end, text=ctx.text[start:end], type=typ, value=value,
                          earliest=earliest, latest=latest, granularity=gran, reasoning=reasoning,
                          mod=mod, anchor=anchor.isoformat() if anchor else None)


def _unit_expr(ctx, start, end, kind, idx, reasoning, mod=None, anchor=None, typ="DATE"):
    value, e, l, g = cal.render(kind, idx)
    if mod in ("START", "MID", "END", "H1", "H2"):
        e, l = cal.narrow(e, l, mod)
    if mod in ("H1", "H2"):
        if kind == "year":
            value = f"{value}-{mod}"
            g = "half"
            mod = None
        else:
            mod = "START" if mod == "H1" else "END"
    return _expr(ctx, start, end, typ, value, e, l, g, reasoning, mod, anchor)


def _pos_mod(s: str) -> str | None:
    s = " ".join(s.lower().replace("-", " ").split())
    for k in ("the first half of", "the second half of", "the latter half of", "the last half of"):
        if s.startswith(k):
            return R.POSITION_MODS[k]
    for k, v in R.POSITION_MODS.items():
        if s.startswith(k + " ") or s == k:
            return v
    return None


def _approx_mod(s: str) -> tuple[str | None, int]:
    low = s.lower()
    for k in sorted(R.APPROX_MODS, key=len, reverse=True):
        if low.startswith(k + " "):
            return R.APPROX_MODS[k], len(k) + 1
    return None, 0


# the deictic words of the lexicon, phrases first ("the last" before "last", "this past" before "this")
_DEIXIS = [(re.compile(r"(?:^|\s)" + re.escape(k) + r"(?:\s|$)"), v)
           for k, v in sorted(R.DEIXIS.items(), key=lambda kv: -len(kv[0].split()))]


def _deictic(s: str) -> str | None:
    low = " ".join(s.lower().split())
    for rx, v in _DEIXIS:
        if rx.search(low):
            return v
    return None


# --------------------------------------------------------------------------------------------- handlers


def _set_anchor(ctx: _Ctx, kind: str, idx: int, written: tuple[int, int] | None = None):
    a, b = cal.bounds(kind, idx)
    ctx.anchor = a
    ctx.anchor_kind = kind
    ctx.anchor_index = idx
    if kind == "quarter":
        ctx.last_quarter = idx
    if written is not None and _LOCATES.search(ctx.text, max(0, written[0] - 30), written[0]):
        # the year is written out and locates an event ("In 2022,", "invaded on 22 June 1941"), unlike
        # "since 1980", "due 1993", "the August 1988 cease-fire", "the Act of 1989": the discourse is now
        # in that year
        ctx.disc_year = a.year
        ctx.disc_pos = written[1]


# A time adverbial that locates an event: "in", "on", "during" (and "early/late/mid"), or a sentence start.
_LOCATES = re.compile(r"(?:(?:^|[.!?:;]\s+|\n)|\b(?i:in|on|during)\s+)(?i:(?:early|late|mid)[\s-]+)?$")

_LOCATES_TARGET = re.compile(r"(?:(?:^|[.!?:;]\s+|\n)|\b(?i:in|on|during|by|before|after|until)\s+)"
                             r"(?i:the\s+(?:night|morning|evening|afternoon|eve)\s+of\s+)?(?i:(?:early|late|mid)[\s-]+)?$")

# "On May 3", "By 3 June", "On the night of 4 June" at the start of a sentence
_OPENS_SENTENCE = re.compile(r"(?i:\s*(?:(?:on|by)\s+)?(?:the\s+(?:night|morning|evening|afternoon|eve)\s+of\s+)?)")

# How far (characters) back a written year still sets the year of a bare "March 3" in news.
DISCOURSE_YEAR_REACH = 400


def _discourse_year(ctx: _Ctx, start: int) -> int | None:
    """The year written out in this or the previous sentence ("In 2022, ... On March 3"), if any."""
    pos = ctx.disc_pos
    if pos is None or pos > start or start - pos > DISCOURSE_YEAR_REACH:
        return None
    between = ctx.text[pos:start]
    if "\n\n" in between:
        return None   # a new paragraph
    n = 0
    for _ in ctx.breaks(pos, start):
        n += 1
        if n > ctx.disc_reach:
            return None
    return ctx.disc_year


_HAD_DONE = re.compile(r"(?i)\bhad\s+(?:(?:not|already|just|long|previously|first|been)\s+)?[a-z]+(?:ed|en|wn|ne|ght|ung|ept|ade|ook|ent|ost|ound|ew|ied)\b")


def _past_perfect(ctx: _Ctx, start: int, end: int) -> bool:
    """The clause around the expression is in the past perfect ("had crossed", "had been signed")."""
    left, right = ctx.sentence(start, end)
    return bool(_HAD_DONE.search(left) or _HAD_DONE.match(right.lstrip(" ,")))


# How far (days) a date may lie on the "wrong" side of the reference before tense moves it a year:
# news reports in the past tense often mention dates in the coming weeks ("said it will vote on Feb. 10").
PAST_SLACK_DAY = 90
PAST_SLACK_MONTH = 90
FUTURE_SLACK = 31
# Years tried, in order, for a date written with its weekday and no year (one the tense rules out is passed over).
WEEKDAY_YEAR_STEPS = (0, -1, 1)


def _year_from_context(ctx: _Ctx, month: int, start: int, end: int, deic: str | None, day: int | None = None):
    """Year of a month-day or month written without a year. Returns (year, how, anchor)."""
    if deic in ("next_a", "prev_a", "same_a", "that"):
        ref, how = ctx.anaphoric_ref()
    else:
        ref, how = ctx.deictic_ref()
    if ref is None:
        return None, "no reference", None
    if deic == "last":
        y = ref.year if month < ref.month else ref.year - 1
        return y, f"last: the most recent {_MNAME[month]} before the {how}", ref
    if deic == "next_a" and how == "last mentioned date" and ctx.anchor_kind == "year":
        return ref.year + 1, f"next: the first {_MNAME[month]} after the year {ref.year}", ref
    if deic in ("next", "next_a"):
        y = ref.year if month > ref.month else ref.year + 1
        return y, f"next: the first {_MNAME[month]} after the {how}", ref
    if deic == "this":
        return ref.year, f"this: {_MNAME[month]} of the {how}'s year", ref
    if deic in ("that", "same_a", "prev_a"):
        return ref.year, f"{_MNAME[month]} of the year the text is at", ref
    if how == "narrative time":
        for yy in (ref.year, ref.year - 1):
            here = date(yy, month, min(day or 1, cal.last_day(yy, month))).isoformat()
            if any(a[:10] <= here <= b[:10] and (span or yy == ref.year) for a, b, span in ctx.recent):
                # "in July and August 1943. On 5 July", "from 1 August 1904 until 2 January 1905. In late
                # November": inside a period the text has just named
                return yy, "inside a period the text has just named", ref
        if ctx.anchor_kind in ("year", "decade", "century"):
            return ref.year, f"same year as the narrative time", ref
        if _past_perfect(ctx, start, end):
            # "In January 1942 ... The plan had been approved in November": a look back
            y = ref.year if (month, day or 1) <= (ref.month, ref.day) else ref.year - 1
            return y, "before the narrative time (a look back in the past perfect)", ref
        if month >= ref.month:
            return ref.year, f"same year as the narrative time", ref
        y, why = discourse.month_year_in_story(ref, month, day)
        return y, why, ref
    t = ctx.tense(start, end)
    if deic is None and how == "reference":
        dy = _discourse_year(ctx, start)
        if dy is not None and dy != ref.year and t != "future" and ctx.last_cue not in _REPORTING \
                and _LOCATES_TARGET.search(ctx.text, max(0, start - 30), start):   # "said on March 3": the news itself
            # "In 2022, the army crossed the river. On March 3 it took the town": a year written out in
            # this or the previous sentence is the year the text is narrating, not the publication year
            ctx.disc_pos = end
            anc = ctx.anchor if ctx.anchor is not None and ctx.anchor.year == dy else date(dy, 1, 1)
            if anc is ctx.anchor and ctx.anchor_kind in ("month", "day", "season") and month < anc.month:
                # "In December 1941 ... On 3 January": a story told in order moves forward
                return dy + 1, f"the first {_MNAME[month]} after {anc.isoformat()}, where the text was", anc
            return dy, f"the year {dy} the text was just talking about", anc

    def dist(y):
        d = min(day or 15, cal.last_day(y, month))
        return (date(y, month, d) - ref).days

    years = (ref.year - 1, ref.year, ref.year + 1)
    y = min(years, key=lambda yy: (abs(dist(yy)), -yy))
    what = f"{_MNAME[month]} {day}" if day else _MNAME[month]
    if t == "past" and dist(y) > (PAST_SLACK_DAY if day else PAST_SLACK_MONTH):
        y -= 1
        return y, f"past tense: the most recent {what} before the {how}", ref
    if t == "past" and not day and ctx.last_cue not in _WEAK_PAST and date(y, month, 1) > ref \
            and re.search(r"(?i:\b(?:in|during|since)\s+)$", ctx.text[max(0, start - 10):start]):
        # "In January, the firm brought in a new chief" written in October: a lexical past verb (not a
        # reporting verb, which often announces a plan) puts a whole month still ahead in the previous year
        y -= 1
        return y, f"past tense ('{ctx.last_cue}'): the most recent {what} before the {how}", ref
    if t == "past" and day and ctx.last_cue not in _WEAK_PAST and dist(y) > 0 \
            and _OPENS_SENTENCE.fullmatch(ctx.sentence(start, end)[0]):
        # "On May 3 the rebels took the town" written in February: a day that opens its sentence, told
        # with a lexical past verb (not a reporting one, which often announces a plan), is behind us
        y -= 1
        return y, f"past tense ('{ctx.last_cue}'): the most recent {what} before the {how}", ref
    if t == "future" and dist(y) < -FUTURE_SLACK:
        y += 1
        return y, f"future tense: the next {what} after the {how}", ref
    if t is None and dist(y) > 150:
        y -= 1   # about half a year either way and no tense: news report the past
        return y, f"the most recent {what} before the {how} (no tense cue)", ref
    if t is None and dist(y) > PAST_SLACK_MONTH // 2 and _far_tense(ctx, end) == "past":
        # "In January, a week after the anniversary, a clinic bombing in Birmingham killed a guard": the
        # verb comes late in a long sentence
        y -= 1
        return y, f"past tense (late in the sentence): the most recent {what} before the {how}", ref
    return y, f"the {what} nearest to the {how}" + (f" ({t} tense agrees)" if t else ""), ref


def _tense_rules_out(ctx: _Ctx, end: int, d: date, ref: date) -> bool:
    """A day the clause's tense cannot mean in news: told in the past but more than FUTURE_SLACK days after the
    reference, or told in the future but more than PAST_SLACK_DAY days before it (a history tells everything in
    the past: there the tense rules out nothing)."""
    if ctx.narrative:
        return False
    tense = _far_tense(ctx, end)
    return ((tense == "past" and (d - ref).days > FUTURE_SLACK)
            or (tense == "future" and (ref - d).days > PAST_SLACK_DAY))


def _far_tense(ctx: _Ctx, end: int) -> str | None:
    """The tense of the first verb later in a long sentence (beyond what ``tense`` looks at)."""
    right = ctx.text[end:ctx.sentence_end(end, 300)]
    f = _FUT.search(right)
    p = _PAST.search(right)
    if f is not None and (p is None or f.start() < p.start()):
        return "future"
    return "past" if p is not None and p.group(0) not in _WEAK_PAST else None


_MNAME = {v: k.capitalize() for k, v in R.MONTHS.items()}
_WNAME = {v: k.capitalize() for k, v in R.WEEKDAYS.items()}


_RANGE_DAY = re.compile(r"\s*[-–—/]\s*(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b")


_SPELLED_IN = re.compile(SPELLED_YEAR)


class _YearMatch:
    """A year found in a match, written in digits or in words; quacks like the digit regex's match."""
    __slots__ = ("_y", "_s", "_e")

    def __init__(self, y, s, e):
        self._y, self._s, self._e = y, s, e

    def group(self, i=0):
        return str(self._y)

    def start(self):
        return self._s

    def end(self):
        return self._e


def _find_year(s: str, pos: int = 0):
    m = _YEAR_IN.search(s, pos)
    if m:
        return m
    w = _SPELLED_IN.search(s, pos)
    if w:
        y = _spelled_value(w.group(0))
        if y:
            return _YearMatch(y, w.start(), w.end())
    a = _APOS_YEAR.search(s, pos)
    if a:
        n = int(a.group(1))
        return _YearMatch(2000 + n if n <= 30 else 1900 + n, a.start(), a.end())
    return None


# "June '44", "the summer of '95": a year in two digits (1931–2030)
_APOS_YEAR = re.compile(r"['’](\d\d)\b")


def _spelled_value(text: str) -> int | None:
    words = [x for x in text.lower().replace("-", " ").split() if x != "and"]
    if words[:2] == ["two", "thousand"]:
        n = _words_num(" ".join(words[2:])) if words[2:] else 0
        return None if n is None else 2000 + int(n)
    if words[0] == "nineteen" and len(words) > 1:
        n = _words_num(" ".join(words[1:]))
        return None if n is None else 1900 + int(n)
    return None


def _h_date(ctx: _Ctx, m: re.Match, fam: str):
    """Full dates; a day range ("7–9 June 1944") keeps its first day as value and spans the range."""
    e = _h_date_core(ctx, m, fam)
    if e is None or e.granularity != "day" or not e.earliest:
        return e
    s = m.group(0)
    mm = _MONTH_IN.search(s)
    first = _DAY_IN.search(s, mm.end()) if fam == "date_mdy" else _DAY_IN.search(s, (_WD_IN.search(s).end() if _WD_IN.search(s) else 0))
    if first is None:
        return e
    rm = _RANGE_DAY.match(s, first.end())
    if not rm:
        return e
    try:
        d1 = date.fromisoformat(e.earliest)
        d2 = d1.replace(day=int(rm.group(1)))          # the other end: that day of the same month
    except ValueError:
        return e
    if "/" in rm.group(0):
        # "the night of 13/14 February 1945": one night across two days, a band
        if d2 > d1:
            e.latest = d2.isoformat()
            e.reasoning += f"; the night runs to {e.latest}"
        return e
    if e.start <= m.start() + first.start() and m.start() + rm.end() <= e.end:
        if d2 > d1:
            # "10–18 June 1953", "June 10–18, 1953": both ends are dates (TimeML: one expression each)
            ctx.range_end = (m.start() + first.end(), m.start() + rm.start(1), d2)
    return e


def _h_date_core(ctx: _Ctx, m: re.Match, fam: str):
    s = m.group(0)
    start, end = m.start(), m.end()
    # a leading "the" is only kept for "the 18th of November"
    mm = _MONTH_IN.search(s)
    if not mm:
        return None
    month = month_of(mm.group(0))
    if fam == "date_mdy":
        dm = _DAY_IN.search(s, mm.end())
    else:
        wd_m = _WD_IN.search(s)
        dm = _DAY_IN.search(s, wd_m.end() if wd_m else 0)
    if not dm:
        return None
    day = int(dm.group(1))
    ym = _YEAR_IN.search(s, max(mm.end(), dm.end()))
    wdm = _WD_IN.search(s)
    weekday = None
    if wdm:
        w = wdm.group(0).lower().rstrip(".")
        weekday = R.WEEKDAYS.get(w) or R.WEEKDAY_ABBR.get(w)
    if ym:
        y = int(ym.group(1))
        if (month, day) == (2, 29) and not cal.is_leap(y):
            # no 29 February that year: the whole expression, known to the month only (never silently "February")
            _set_anchor(ctx, "month", y * 12 + 1, (start, end))
            return _unit_expr(ctx, start, end, "month", y * 12 + 1,
                              f"'{s}': {y} has no 29 February (not a leap year); kept as February {y}")
        d = date(y, month, day)
        idx = d.toordinal()
        _set_anchor(ctx, "day", idx, (start, end))
        ctx.last_day = (start, d)
        return _unit_expr(ctx, start, end, "day", idx, f"explicit date '{s}'")
    # no year: one written after a list of days ("March 3, 4 and 5, 2024") applies to all of them
    lm = _DAY_LIST_YEAR.match(ctx.text, end)
    if lm:
        d = date(int(lm.group(1)), month, day)
        ctx.last_day = (start, d)
        return _unit_expr(ctx, start, end, "day", d.toordinal(), f"'{s}': the year {lm.group(1)} written after the list of days")
    ry = _range_year(ctx, month, end)
    if ry is not None:
        d = date(ry, month, day)
        ctx.last_day = (start, d)
        return _unit_expr(ctx, start, end, "day", d.toordinal(), f"'{s}': the year {ry} written at the end of the range")
    # no year: use the weekday if there is one, else context
    low = s.lower()
    deic = "last" if low.startswith("last") else ("next" if low.startswith(("next", "coming")) else None)
    ref, how = ctx.deictic_ref()
    if weekday and ref is not None:
        # the year near the reference in which the date falls on that weekday: that year, the one before or the
        # one after (further away, a weekday that disagrees is more likely a slip than years of distance: the
        # date is read from context below and the event shows a weekday warning)
        for dy in WEEKDAY_YEAR_STEPS:
            try:
                d = date(ref.year + dy, month, day)
            except ValueError:
                continue
            if d.isoweekday() == weekday and not _tense_rules_out(ctx, end, d, ref):
                idx = d.toordinal()
                _set_anchor(ctx, "day", idx)
                ctx.last_day = (start, d)
                return _unit_expr(ctx, start, end, "day", idx,
                                  f"'{s}': the year near the {how} ({ref.isoformat()}) in which "
                                  f"{_MNAME[month]} {day} is a {_WNAME[weekday]}", anchor=ref)
    y, why, anc = _year_from_context(ctx, month, start, end, deic, day)
    if y is None:
        date(2000, month, day)  # validates
        return _expr(ctx, start, end, "DATE", f"XXXX-{month:02d}-{day:02d}", None, None, "day",
                     f"'{s}' has no year and there is no reference date")
    if (month, day) == (2, 29) and not cal.is_leap(y):
        y, why = cal.leap_year_near(y, deic == "next" or _far_tense(ctx, end) == "future"), \
            f"{why}; {y} has no 29 February: the nearest leap year"
    d = date(y, month, day)
    ctx.last_day = (start, d)
    return _unit_expr(ctx, start, end, "day", d.toordinal(),
                      f"'{s}' relative to {anc.isoformat()} → {d.isoformat()} ({why})", anchor=anc)


_AMBIG_OK_BEFORE = re.compile(
    r"(?i:\b(?:the|a|an|its|their|in|since|until|till|by|of|during|early|late|mid|last|next|this|through|from|to|between|before|after|and|or|each|every|that|on|throughout|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|end\s+of|beginning\s+of|start\s+of|for|as\s+(?:early|late)\s+as|as\s+of|around|starting|beginning)[\s-]*)$")


_POS_RX = re.compile(POS + r"[\s-]+")


def _h_month(ctx: _Ctx, m: re.Match, fam: str):
    s = m.group(0)
    start, end = m.start(), m.end()
    mod, skip = _approx_mod(s)
    core = s[skip:]
    mm = _MONTH_IN.search(core)
    if not mm:
        return None
    month = month_of(mm.group(0))
    prefix = core[:mm.start()]
    ym = _find_year(core, mm.end())
    name = mm.group(0).lower().rstrip(".")
    if name in R.AMBIGUOUS_MONTHS and not ym and not prefix.strip():
        before = ctx.text[max(0, start - 30):start]
        if not _AMBIG_OK_BEFORE.search(before):
            return None
        after = ctx.text[end:end + 2]
        if name in ("may", "march") and re.match(r"\s+[a-z]", ctx.text[end:end + 3]) and not re.search(
                r"(?i:\b(?:in|since|between|from|until|by|during|of|early|late|mid|last|next|this|through|the|a|an|its|their)\s*)$", before):
            return None
        if after[:1].isalpha():
            return None
    elif not ym and not prefix.strip():
        # a month name followed by a capitalised word is often a first name ("June Carter")
        if re.match(r"\s+[A-Z][a-z]", ctx.text[end:end + 3]) and not _AMBIG_OK_BEFORE.search(
                ctx.text[max(0, start - 30):start]):
            return None
    if not ym and (_NAME_HEADS.match(ctx.text, end) or re.search(r"\b(?:Black|Bloody|Red|White)\s+$", ctx.text[max(0, start - 8):start])):
        return None   # "the October Revolution", "Black September": names
    pmod = _pos_mod(prefix) if prefix.strip() else None
    if pmod:
        mod = pmod
    if ym:
        y = int(ym.group(1))
        idx = y * 12 + month - 1
        _set_anchor(ctx, "month", idx, (start, end))
        return _unit_expr(ctx, start, end, "month", idx, f"explicit month '{s}'", mod)
    pm = _POS_RX.match(prefix)
    deic = _deictic(prefix[pm.end():] if pm else prefix)   # "the last week of August": not "last August"
    if re.search(r"(?i:\bthat\b)", prefix):
        deic = "that"
    ty = re.search(r"(?i:\b(this|last|next)\s+year)$", core)
    if ty:
        ref0, how0 = ctx.deictic_ref()
        if ref0 is not None:
            y = ref0.year + {"this": 0, "last": -1, "next": 1}[ty.group(1).lower()]
            idx = y * 12 + month - 1
            return _unit_expr(ctx, start, end, "month", idx, f"'{s}': {_MNAME[month]} of {y} ({ty.group(1).lower()} year from the {how0} {ref0.isoformat()})", mod, ref0)
    ry = _range_year(ctx, month, end) if deic is None else None
    if ry is not None:
        return _unit_expr(ctx, start, end, "month", ry * 12 + month - 1,
                          f"'{s}': the year {ry} written at the end of the range", mod)
    y, why, anc = _year_from_context(ctx, month, start, end, deic)
    if y is None:
        return _expr(ctx, start, end, "DATE", f"XXXX-{month:02d}", None, None, "month",
                     f"'{s}' has no year and there is no reference date", mod)
    idx = y * 12 + month - 1
    if ctx.narrative:
        _set_anchor(ctx, "month", idx)
    return _unit_expr(ctx, start, end, "month", idx,
                      f"'{s}' relative to {anc.isoformat()} → {_MNAME[month]} {y} ({why})", mod, anc)


def _weekday_resolve(ctx: _Ctx, wd: int, deic: str | None, start: int, end: int):
    if deic in ("next_a", "prev_a", "same_a", "that"):
        ref, how = ctx.anaphoric_ref()
    else:
        ref, how = ctx.deictic_ref()
    if ref is None:
        return None, None, ""
    delta_back = (ref.isoweekday() - wd) % 7
    if deic in ("last", "prev_a"):
        d = ref - timedelta(days=delta_back or 7)
        why = f"last: the {_WNAME[wd]} before the {how}"
    elif deic in ("next", "next_a"):
        d = ref + timedelta(days=((wd - ref.isoweekday()) % 7) or 7)
        why = f"next: the {_WNAME[wd]} after the {how}"
    elif deic == "this":
        d = ref + timedelta(days=wd - ref.isoweekday())
        why = f"this: the {_WNAME[wd]} of the {how}'s week"
    else:
        t = None if how == "narrative time" else ctx.tense(start, end)
        if t == "future" and ctx.text.startswith(("'s", "’s"), end) and not _AHEAD_OF.search(ctx.text[max(0, start - 40):start]):
            t = None   # "Wednesday's ruling": an event already named, not a plan
        if how == "narrative time" or (t == "future"):
            fwd = (wd - ref.isoweekday()) % 7
            # "will meet Friday" written on a Friday: news means that same day
            d = ref + timedelta(days=fwd)
            why = ("future tense: " if t == "future" else "narrative moves forward: ") + \
                f"the next {_WNAME[wd]} from the {how}"
        else:
            d = ref - timedelta(days=delta_back)
            why = ("past tense: " if t == "past" else "no future cue, news default: ") + \
                f"the most recent {_WNAME[wd]} up to the {how}"
    return d, ref, why


_MONTH3_AFTER = re.compile(rf"\s(?:{_seq(m[:3].capitalize() for m in R.MONTHS)})")   # "Sunday Jan. 5"
_DAY_NAME_BEFORE = re.compile(r"\b(?:Black|Bloody|Super|Ash|Holy|Maundy|Palm|Cyber|Shrove|Fat|Blue|Giving)\s+$")
# "Ukraine's Independence Day", "the Ukrainian Independence Day": not the 4th of July
_OTHER_NATION = re.compile(r"(?:(?<!America)(?<!U\.S\.)['’]s|\bits|\btheir|\b(?!American\b)[A-Z][a-z]+(?:ian|ese|ish|an|i))\s+$")


def _h_weekday(ctx: _Ctx, m: re.Match, fam: str):
    s = m.group(0)
    start, end = m.start(), m.end()
    wm = _WD_IN.search(s)
    wd = R.WEEKDAYS[wm.group(0).lower()]
    prefix = s[:wm.start()]
    after = ctx.text[end:end + 3]
    if re.match(r"\s[A-Z][a-z]", after) and not _MONTH3_AFTER.match(after):
        # "Sunday Times", "Bloody Sunday Inquiry": a name, not a date
        if not prefix.strip() and s == wm.group(0):
            return None
    if not prefix.strip() and _DAY_NAME_BEFORE.search(ctx.text, max(0, start - 10), start):
        return None   # "Black Friday", "Bloody Sunday", "Super Tuesday", "Ash Wednesday": names of days
    pmod = _pos_mod(prefix) if prefix.strip() else None
    deic = _deictic(prefix) if prefix.strip() else None
    part = s[wm.end():].strip().lower()
    d, ref, why = _weekday_resolve(ctx, wd, deic, start, end)
    if d is None:
        val = f"XXXX-WXX-{wd}"
        if part:
            val += "T" + R.PARTS_OF_DAY[part][0]
        return _expr(ctx, start, end, "DATE", val, None, None, "day",
                     f"'{s}' with no reference date", pmod)
    ctx.last_day = (start, d)
    cm = _COMPARATIVE.match(s)
    if cm:
        start += cm.end()   # "earlier Friday": the comparative is about the event, not part of the date
    if part:
        code, a, b = R.PARTS_OF_DAY[part]
        return _expr(ctx, start, end, "DATE", f"{d.isoformat()}T{code}", f"{d.isoformat()}T{a}",
                     f"{d.isoformat()}T{b}", "hour", f"'{s}' relative to {ref.isoformat()} ({why}), {part}",
                     pmod, ref)
    return _unit_expr(ctx, start, end, "day", d.toordinal(), f"'{s}' relative to {ref.isoformat()} → "
                      f"{d.isoformat()} ({why})", pmod, ref)


_COMPARATIVE = re.compile(r"(?i)(?:earlier|later)\s+")


_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "whose", "my", "your"}


def _year_ok(ctx: _Ctx, start: int, end: int, prefixed: bool) -> bool:
    y = int(ctx.text[start:start + 4])
    text = ctx.text
    # inside a bigger number or a code ("No. 2019-11", "2019/20")
    before = text[max(0, start - 2):start]
    if before.endswith(("#", "No", "no", "$", "€", "£")) or re.search(r"[\d/:]\s?$", before):
        return False
    wb0 = _WORD_BEFORE.search(text[max(0, start - 25):start])
    if wb0 and wb0.group(1).lower() in R.NOT_YEAR_PRECEDERS:
        return False   # "Route 1944", "Flight 1549", "Resolution 2334"
    nxt = text[end:end + 40]
    if re.match(r"\s*(?:%|percent|per\s+cent|km|kilo|miles?|meters?|metres?|kg|tons?|tonnes?|dollars?|euros?|\$|[mMkK]\b|mln|bn|GMT|UTC|hrs\b|hours\s+(?:GMT|local)|local\s+time)", nxt):
        return False
    if prefixed:
        return True
    if wb0 and wb0.group(1)[:1].isupper() and wb0.group(1)[1:].isalpha() and wb0.group(1)[1:].islower() and len(wb0.group(1)) > 2 \
            and wb0.group(1).lower() not in _YEAR_NAME_OK and not _sentence_initial(text, start - len(wb0.group(0))):
        return False   # "Orion 1980", "Euro 2024", "Vision 2030": a name with a number
    wa = _WORD_AFTER.match(nxt)
    wb = _WORD_BEFORE.search(text[max(0, start - 25):start])
    wbl = wb.group(1).lower() if wb else ""
    if wbl in R.YEAR_PRECEDERS:
        return True
    if wa and nxt[:1] in " \t" and wa.group(1)[:1].islower() and wa.group(1).lower() not in R.YEAR_FOLLOWERS:
        w = wa.group(1).lower()
        plural = (w.endswith("s") and not w.endswith(("ss", "is", "us"))) or w in R.PLURAL_NOUNS
        if not plural and 1900 <= y <= 2099:
            return True    # "the 1995 shooting", "1987 output": a year used as an adjective
        return False   # "2019 votes", "1500 troops", "2000 people"
    if wbl in ("the", "a", "some", "about", "over", "nearly", "almost", "than", "of", "to"):
        # "the 2019 votes" handled above; "about 2000 people" likewise; a year after "the" is an adjective
        if wbl in ("about", "nearly", "almost", "than", "some", "over") :
            return False
    return True


_YEAR_NAME_OK = set(R.YEAR_PRECEDERS) | set(R.MONTHS) | set(R.SEASONS) | set(R.WEEKDAYS) | {
    "christmas", "easter", "ramadan", "hanukkah", "passover", "thanksgiving", "spring", "summer", "autumn", "winter",
    "fall", "year", "fiscal", "calendar", "circa", "anno", "domini"}


def _h_year(ctx: _Ctx, m: re.Match, fam: str):
    s = m.group(0)
    start, end = m.start(), m.end()
    mod, skip = _approx_mod(s)
    core = s[skip:]
    ym = list(_YEAR_IN.finditer(core))
    if not ym:
        return None
    y = int(ym[-1].group(1))
    prefix = core[:ym[-1].start()]
    prefixed = bool(prefix.strip())
    ystart = start + skip + ym[-1].start()
    text = ctx.text
    if re.search(r"\d[-–]$", text[max(0, ystart - 2):ystart]) and not re.search(r"(?<!\d)\d{4}[-–]$", text[max(0, ystart - 6):ystart]):
        return None   # "No. 12-1998", "555-1998": not a year
    rm = re.match(r"[-–](\d+)", text[end:end + 6])
    if rm and not (len(rm.group(1)) == 4 or (len(rm.group(1)) == 2 and int(rm.group(1)) > y % 100)):
        return None   # "2019-11" (a month), "1998-3": not a year on its own
    if not _year_ok(ctx, start + skip + ym[-1].start(), end, prefixed or mod is not None):
        return None
    circa = s[:skip].strip().lower() in ("circa", "c.", "ca.")
    if mod is not None and not prefixed and not circa:
        # "about 2000" is more often a quantity than a year ("circa 1350", "c. 1200" are years)
        wa = _WORD_AFTER.match(ctx.text[end:end + 20])
        if y < 1900 or (wa and wa.group(1)[:1].islower() and wa.group(1).lower() not in R.YEAR_FOLLOWERS):
            return None
    if y < 1500 and not prefixed and not circa:
        wb = _WORD_BEFORE.search(ctx.text[max(0, start - 25):start])
        if not (wb and wb.group(1).lower() in ("in", "since", "until", "till", "by", "of", "from", "to", "during",
                                               "before", "after", "circa", "year", "between", "throughout")) \
                and not _PAIRED_YEAR.search(ctx.text, max(0, start - 30), start):
            return None   # "1337 and 1453" after "between", "in 1412 or 1413": the second of a pair of years
    pmod = _pos_mod(prefix) if prefixed else None
    if pmod:
        mod = pmod
    elif re.match(r"(?i)(post|pre)-", prefix):
        mod = "AFTER" if prefix[:1] in "pP" and prefix[:4].lower() == "post" else "BEFORE"
    _set_anchor(ctx, "year", y, (start, end))
    how = "fiscal year" if re.search(r"(?i)fiscal|FY", prefix) else "explicit year"
    return _unit_expr(ctx, start, end, "year", y, f"{how} '{core.strip()}'", mod)


def _h_dayrel(ctx, m, fam):
    """"the day before last Tuesday": the weekday resolved as usual, then one day off."""
    s = m.group(0)
    wm = _WD_IN.search(s)
    wd = R.WEEKDAYS[wm.group(0).lower()]
    between = s[:wm.start()].lower()
    deic = "last" if re.search(r"\blast\s+$", between) else ("next" if re.search(r"\bnext\s+$", between) else
                                                              ("this" if re.search(r"\bthis\s+$", between) else None))
    d, ref, why = _weekday_resolve(ctx, wd, deic, m.start(), m.end())
    if d is None:
        return None
    off = -1 if "before" in between else 1
    d2 = d + timedelta(days=off)
    ctx.last_day = (m.start(), d2)
    return _unit_expr(ctx, m.start(), m.end(), "day", d2.toordinal(),
                      f"'{s}': {_WNAME[wd]} {d.isoformat()} ({why}), one day {'before' if off < 0 else 'after'}", anchor=ref)


_PARTOF_HEAD = re.compile(rf"(?i:(?:the\s+|(?-i:{WEEKDAY})\s+)(?:(early|late)\s+)?(morning|afternoon|evening|night|dawn)\s+of\s+)")


def _h_partof(ctx, m, fam):
    """'the morning of 6 June 1944': the part of the day, TIME 1944-06-06TMO."""
    s = m.group(0)
    hm = _PARTOF_HEAD.match(s)
    inner = m.start() + hm.end()
    e = None
    for f in ("date_dmy", "date_mdy"):
        im = _RX[f].match(ctx.text, inner)
        if im is not None and im.end() == m.end():
            e = _h_date_core(ctx, im, f)
            break
    if e is None or e.granularity != "day" or not e.earliest:
        return None
    part = hm.group(2).lower()
    code, a, b = R.PARTS_OF_DAY["morning" if part == "dawn" else part]
    if part == "dawn":
        a, b = "04:00", "06:59"   # daybreak: the first light before and around sunrise
    d = e.earliest[:10]
    mod = R.POSITION_MODS[hm.group(1).lower()] if hm.group(1) else None
    wm = _WD_IN.match(s)
    if wm and date.fromisoformat(d).isoweekday() != (R.WEEKDAYS.get(wm.group(0).lower()) or 0):
        return None   # "Sunday dawn of 26 June 1950" when the 26th is a Monday: not one day
    return _expr(ctx, m.start(), m.end(), "TIME", f"{d}T{code}", f"{d}T{a}", f"{d}T{b}", "hour",
                 f"'{s}': the {hm.group(2).lower()} of {d} ({e.reasoning})", mod)


_DAWN_HEAD = re.compile(r"(?i:(dawn|daybreak|first\s+light|sunrise)|dusk|nightfall|sunset)\b,?\s*(?:on\s+)?")


def _h_dawn(ctx, m, fam):
    """'at dawn', 'by nightfall': the morning / evening of the day under discussion (TIME ...TMO / TEV)."""
    s = m.group(0)
    hm = _DAWN_HEAD.match(s)
    code = "MO" if hm.group(1) else "EV"
    a, b = ("05:00", "07:59") if code == "MO" else ("17:00", "21:59")
    day = None
    if hm.end() < len(s):
        inner = m.start() + hm.end()
        for f in ("date_dmy", "date_mdy"):
            im = _RX[f].match(ctx.text, inner)
            if im is not None and im.end() == m.end():
                e = _h_date_core(ctx, im, f)
                if e is not None and e.granularity == "day" and e.earliest:
                    day, how = date.fromisoformat(e.earliest[:10]), e.reasoning
                break
        if day is None:
            return None
    elif ctx.last_day is not None and m.start() - ctx.last_day[0] < 1500:
        day, how = ctx.last_day[1], "the day mentioned just before"
    elif not ctx.narrative and ctx.ref is not None and not (ctx.anchor_pos is not None and m.start() - ctx.anchor_pos < 300):
        day, how = ctx.ref, "the reference"
    else:
        return None   # a story known only to the month or year: no made-up day
    d = day.isoformat()
    return _expr(ctx, m.start(), m.end(), "TIME", f"{d}T{code}", f"{d}T{a}", f"{d}T{b}", "hour",
                 f"'{s}': the {'morning' if code == 'MO' else 'evening'} of {d} ({how})")


_ORDDAY_NOT_BEFORE = re.compile(
    r"\s+(?:(?!(?:it|its|they|their|he|his|she|her|we|our|the|a|an|and|but|when|as|after|before|troops|forces|"
    r"[A-Z]\w*)\b)[a-z]+|(?:Army|Armies|Division|Corps|Brigade|Regiment|Battalion|Fleet|Panzer|Guards|Infantry|Cavalry|"
    r"Airborne|Marines?|Squadron|Wing|Street|Avenue|Congress|Amendment|Century|Parliament|Floor|Round|Anniversary)\b)")


def _h_ordday(ctx, m, fam):
    """'On the 6th' after a month: that day of the month the text is at."""
    if ctx.anchor is None or ctx.anchor_kind not in ("month", "day") or ctx.anchor_pos is None \
            or m.start() - ctx.anchor_pos > 400 or "\n\n" in ctx.text[ctx.anchor_pos:m.start()]:
        return None
    if _ORDDAY_NOT_BEFORE.match(ctx.text, m.end()):
        return None   # "on the 6th floor", "on the 6th Army's flank"
    n = int(re.search(r"\d+", m.group(0)).group(0))
    a = ctx.anchor
    if n > cal.last_day(a.year, a.month):
        return None
    d = date(a.year, a.month, n)
    if ctx.anchor_kind == "day" and d < a and not _past_perfect(ctx, m.start(), m.end()) \
            and not re.search(r"(?i)\b(?:earlier|before|previously)\b", ctx.text[max(0, m.start() - 40):m.start()]):
        return None   # the 6th before the 20th just mentioned: unclear which month (unless told as a look back)
    return _unit_expr(ctx, m.start(), m.end(), "day", d.toordinal(),
                      f"'{m.group(0)}': day {n} of the month under discussion ({a.isoformat()[:7]})", anchor=a)


def _h_weekof(ctx, m, fam):
    """"the week of March 6": the ISO week containing that day."""
    s = m.group(0)
    mm = _MONTH_IN.search(s)
    inner = re.match(r".*?" + re.escape(mm.group(0)), s).end() - len(mm.group(0))
    sub = re.compile(re.escape(s[inner:]))
    e = _h_date_core(ctx, sub.match(ctx.text, m.start() + inner), "date_mdy")
    if e is None or e.granularity != "day" or not e.earliest:
        return None
    d = date.fromisoformat(e.earliest)
    idx = cal.index_of("week", d)
    return _unit_expr(ctx, m.start(), m.end(), "week", idx, f"'{s}': the week (Monday to Sunday) of {d.isoformat()}", anchor=d)


def _h_era(ctx, m, fam):
    s = m.group(0)
    for nm in re.finditer(r"(\d+)0s|(\d+)", s):
        pass   # the year is the last number ("15 March 44 BC")
    y = int(nm.group(1) or nm.group(2))
    if re.search(r"B\.?C", s):
        if y == 0:
            return None
        low = s.lower()
        mod = R.POSITION_MODS.get(re.match(r"(?:the\s+)?(early|late|mid)", low).group(1)) \
            if re.match(r"(?:the\s+)?(early|late|mid)", low) else None
        mo = _MONTH_IN.search(s)
        day = month = None
        how = ""
        sm = re.match(rf"(?i)(?:the\s+)?(?:(?:early|late)\s+)?({_SEASON_WORDS})\s+of\s", s)
        if sm is not None:
            # "the summer of 480 BC": a meteorological season of that year
            code = R.SEASONS[sm.group(1).lower()]
            first = _SEASON_FIRST_MONTH[code]
            ya = cal.astronomical(y)
            e0, e1 = cal.season_days(ya, code)
            if mod in ("START", "MID", "END"):
                e0, e1 = cal.narrow_any(e0, e1, mod)
            ctx.bc_year, ctx.bc_month, ctx.bc_day = ya, (ya, first), None
            ctx.anchor = ctx.anchor_kind = ctx.anchor_index = None
            ctx.last_day = None
            return _expr(ctx, m.start(), m.end(), "DATE", f"BC{y:04d}-{code}", e0, e1, "season",
                         f"'{s}': the {sm.group(1).lower()} of the year {y} before the common era (meteorological)", mod)
        if nm.group(1):
            # "the 470s BC": the years 479–470 BC
            got = cal.bc_unit("decade", y)
            what = f"the years {y}9–{y}0 before the common era"
        else:
            month = month_of(mo.group(0)) if mo else None
            if month is not None:
                day, how = _bc_day_of_month(s[:mo.start()], s[mo.end():nm.start()], month)
            got = cal.bc_unit("year", y, month, day)
            if got is None and day is not None:
                # "31 April 44 BC", "29 February 45 BC": the month, never a day the calendar does not have
                how, day = f"{_MNAME[month]} {y} BC has no day {day}", None
                got = cal.bc_unit("year", y, month)
            what = (f"{_MNAME[month]} of " if month else "") + f"the year {y} before the common era"
            if day is not None:
                what = f"day {day} of " + what + (f" ({how})" if how else "")
            elif month is not None and how:
                what += f" ({how})"
        if got is None:
            return None
        value, e0, e1, gran = got
        if mod in ("START", "MID", "END"):
            e0, e1 = cal.narrow_any(e0, e1, mod) if gran == "month" else cal.narrow_bc(e0, e1, mod)
        ctx.bc_year = int(e0[:e0.index("-", 1)])
        ctx.bc_day = (ctx.bc_year, month, day) if day is not None else None
        ctx.bc_month = (ctx.bc_year, month) if month is not None else None
        ctx.anchor = ctx.anchor_kind = ctx.anchor_index = None
        ctx.last_day = None
        return _expr(ctx, m.start(), m.end(), "DATE", value, e0, e1, gran,
                     f"'{s}': {what} (astronomical year {ctx.bc_year})", mod)
    if y == 0:
        return None
    mo = _MONTH_IN.search(s)
    if mo is not None:
        # "24 August AD 79", "August 79 AD": a day or a month of an early year of the era
        month = month_of(mo.group(0))
        dm = _DAY_IN.search(s, 0, mo.start()) or _DAY_IN.search(s, mo.end(), nm.start())
        if dm is not None and int(dm.group(1)) <= cal.last_day(y, month):
            d = date(y, month, int(dm.group(1)))
            _set_anchor(ctx, "day", d.toordinal(), (m.start(), m.end()))
            return _unit_expr(ctx, m.start(), m.end(), "day", d.toordinal(), f"'{s}': a day of the year {y} of the common era")
        idx = y * 12 + month - 1
        _set_anchor(ctx, "month", idx, (m.start(), m.end()))
        return _unit_expr(ctx, m.start(), m.end(), "month", idx, f"'{s}': a month of the year {y} of the common era"
                          + (f" ({_MNAME[month]} {y} has no day {dm.group(1)})" if dm else ""))
    _set_anchor(ctx, "year", y, (m.start(), m.end()))
    return _unit_expr(ctx, m.start(), m.end(), "year", y, f"'{s}': the year {y} of the common era")


# the Roman names of days: the Kalends is the 1st; the Nones the 7th of March, May, July and October, else the 5th;
# the Ides the 15th of those months, else the 13th
_ROMAN_DAY = re.compile(r"(?i)(?:the\s+)?(ides|nones|kalends|calends)\s+of\s+$")
_LONG_ROMAN_MONTHS = (3, 5, 7, 10)


def _bc_day_of_month(before: str, after: str, month: int) -> tuple[int | None, str]:
    """The day written with a month of a year before the common era: "15 March", "March 15,", "the Ides of
    March"; (None, "") when only the month is written, (None, why) when the day cannot be."""
    rm = _ROMAN_DAY.search(before)
    if rm is not None:
        name = rm.group(1).lower()
        long = month in _LONG_ROMAN_MONTHS
        day = 1 if name in ("kalends", "calends") else (7 if long else 5) if name == "nones" else (15 if long else 13)
        return day, f"the {name.capitalize()} of {_MNAME[month]} is day {day}"
    dm = _DAY_IN.search(before) or _DAY_IN.search(after)
    if dm is None:
        return None, ""
    day = int(dm.group(1))
    if day > 31:
        return None, "no such day"
    return day, ""


def _bc_offset(ctx: _Ctx, m: re.Match) -> TimeExpression | None:
    """"Ten years later" after "490 BC": counted in whole years from the year the story is at (``ctx.bc_year``);
    a shorter offset ("two days later") stays in that year, known to the year only."""
    s = m.group(0)
    core = " ".join(s.lower().replace("-", " ").split())
    um = None
    for um in re.finditer(r"\b(day|night|week|weekend|fortnight|month|year|decade|centur(?:y|ie))s?\b", core):
        pass
    if um is None:
        return None
    n = _words_num(core[:um.start()].strip().removeprefix("about ").removeprefix("some "))
    if n is None or n != int(n):
        return None
    sign = -1 if re.search(r"\b(?:earlier|before)\b", core[um.end():]) else 1
    unit = um.group(1)
    years = {"year": 1, "decade": 10, "century": 100, "centurie": 100}.get(unit)
    y0 = ctx.bc_year
    if years is None and ctx.bc_day is not None and unit != "decade":
        return _bc_day_offset(ctx, m, unit, sign * int(n))
    if unit == "month" and ctx.bc_month is not None and ctx.bc_month[0] == y0:
        # "Two months later" after "January 49 BC": counted from that month (its first day), to the month
        first = ctx.bc_day = (y0, ctx.bc_month[1], 1)
        e = _bc_day_offset(ctx, m, unit, sign * int(n))
        if ctx.bc_day == first:
            ctx.bc_day = None   # a look back: the story stays at its month
        if e is not None:
            e.reasoning = e.reasoning.replace(f"the last mentioned day {cal.bc_unit('year', 1 - y0, first[1], 1)[0]}",
                                              f"the last mentioned month {cal.bc_unit('year', 1 - y0, first[1])[0]}")
            e.anchor = cal.iso_day(y0, first[1], 1)
        return e
    if years is None:
        y = y0
        how = "a shorter offset stays in that year"
    else:
        y = y0 + sign * int(n) * years
        how = f"{sign * int(n) * years:+d} years"
    got = cal.year_unit(y) if y <= cal.MAX_YEAR else None
    if got is None:
        return None   # before 9999 BC or after 9998
    value, e0, e1, gran = got
    if y >= 1:
        ctx.bc_year = None
        ctx.anchor, ctx.anchor_kind, ctx.anchor_index = date(y, 1, 1), "year", y
    else:
        ctx.bc_year = y
    if years is not None:
        ctx.bc_day = ctx.bc_month = None
    start = m.start()
    return _expr(ctx, start, m.end(), "DATE", value, e0, e1, gran,
                 f"'{s}' relative to {cal.bc_unit('year', 1 - y0)[0]} (last mentioned date) → {value} ({how})")


# expressions that, after a date before the common era, are read in the story's year (not the reference's)
_BC_FOLLOWERS = {
    "anaph": re.compile(r"(?i)(?:the\s+(?:day|night|week|month|year)\s+(?:before|after)|(?:the|that)\s+(?:next|following|"
                        r"previous|same)\s+(?:day|week|month|year)|(?:later|earlier)\s+that\s+(?:day|week|month|year|night)"
                        r"|that\s+(?:day|week|month|year|night))"),
    "month": re.compile(rf"(?:(?i:that|the\s+following|the\s+next|the\s+previous)\s+)?(?:(?i:early|mid|late)[\s-]+)?{MONTH}"),
    "ordday": re.compile(r"the\s+(?:3[01]|[12]\d|[1-9])(?:st|nd|rd|th)"),
    "relunit": re.compile(r"(?i)(?:the|that)\s+(?:next|following|previous|same)\s+(?:day|week|month|year)|that\s+(?:day|week|month|year|night)"),
    "date_dmy": re.compile(rf"(?:the\s+)?{DAYN}\s+(?:of\s+)?{MONTH}"),
    "date_mdy": re.compile(rf"{MONTH}\s+{DAYN}"),
}


def _bc_follower(ctx: _Ctx, m: re.Match, name: str) -> TimeExpression | None:
    """After a date before the common era: "the next day", "that month", "the following year" count from the
    day, month or year the story is at; a month (or day) without a year ("In August", "on 3 August") is in
    the story's year, or the next one when it lies more than ``discourse.NARRATIVE_BACK`` days before the
    story's month (as after a year of the era)."""
    s = m.group(0)
    low = " ".join(s.lower().split())
    y0 = ctx.bc_year
    if name in ("anaph", "relunit"):
        unit = re.search(r"\b(day|night|week|month|year)\b", low).group(1)
        step = 1 if re.search(r"\b(?:next|following|after)\b", low) else -1 if re.search(r"\b(?:previous|before)\b", low) else 0
        if unit != "year" and ctx.bc_day is not None:
            if step:
                return _bc_day_offset(ctx, m, unit, step)
            kind = _BC_OFFSET_KIND[unit]
            value, e0, e1, gran = cal.astro_render(kind, *ctx.bc_day)
            return _expr(ctx, m.start(), m.end(), "DATE", value, e0, e1, gran,
                         f"'{s}': the {kind} the story is at, {value}")
        if unit == "month" and ctx.bc_month is not None and not step:
            value, e0, e1, gran = cal.bc_unit("year", 1 - ctx.bc_month[0], ctx.bc_month[1])
            return _expr(ctx, m.start(), m.end(), "DATE", value, e0, e1, gran, f"'{s}': the month the story is at")
        y = y0 + (step if unit == "year" else 0)
        got = cal.year_unit(y) if y <= cal.MAX_YEAR else None
        if got is None:
            return None
        value, e0, e1, gran = got
        if y >= 1:
            return _expr(ctx, m.start(), m.end(), "DATE", value, e0, e1, gran,
                         f"'{s}' relative to {cal.bc_unit('year', 1 - y0)[0]} (last mentioned date) → {value}")
        if unit == "year" and step > 0:
            ctx.bc_year, ctx.bc_day, ctx.bc_month = y, None, None
        return _expr(ctx, m.start(), m.end(), "DATE", value, e0, e1, gran,
                     f"'{s}' relative to {cal.bc_unit('year', 1 - y0)[0]} (last mentioned date) → {value}"
                     + ("" if unit == "year" else " (known to the year only)"))
    if name == "ordday":
        # "On the 5th" after "3 August 480 BC": that day of the month the story is at
        if ctx.bc_month is None or ctx.bc_month[0] != y0 or _ORDDAY_NOT_BEFORE.match(ctx.text, m.end()):
            return None
        day = int(re.search(r"\d+", s).group(0))
        got = cal.bc_unit("year", 1 - y0, ctx.bc_month[1], day)
        if got is None or ctx.bc_day is not None and day < ctx.bc_day[2]:
            return None   # no such day, or before the day just given: unclear which month
        ctx.bc_day = (y0, ctx.bc_month[1], day)
        value, e0, e1, gran = got
        return _expr(ctx, m.start(), m.end(), "DATE", value, e0, e1, gran,
                     f"'{s}': day {day} of the month the story is at ({cal.bc_unit('year', 1 - y0, ctx.bc_month[1])[0]})")
    mo = _MONTH_IN.search(s)
    month = month_of(mo.group(0))
    dm = _DAY_IN.search(s, 0, mo.start()) or _DAY_IN.search(s, mo.end())
    day = int(dm.group(1)) if dm else None
    y, how = y0, "the year the story is at"
    at = ctx.bc_day[1:] if ctx.bc_day is not None else (ctx.bc_month[1], 1) if ctx.bc_month is not None else None
    if at is not None and ctx.bc_month[0] != y0:
        at = None
    step = re.match(r"(?i)the\s+(following|next|previous)\b", s)
    if step is not None:
        # "the following March": the first one after the month the story is at; "the previous March" the
        # last one before it
        if step.group(1).lower() == "previous":
            y, how = (y0 if at is not None and month < at[0] else y0 - 1), "the last before the month the story is at"
        else:
            y, how = (y0 if at is not None and month > at[0] else y0 + 1), "the first after the month the story is at"
    elif at is not None and (month, day or 1) < at:
        # before the story's month: a look back in the same year, or the next year when far back (worked
        # on the same day 400 years later, where ``date`` can go: the calendar repeats)
        k = (cal.MIN_YEAR - y0) // 400 + 1
        py, how = discourse.month_year_in_story(date(y0 + k * 400, *at), month, day)
        y = py - k * 400
    pm = re.search(r"(?i)\b(early|mid|late)\b", s)
    mod = R.POSITION_MODS[pm.group(1).lower()] if pm else None
    why = f"'{s}' without a year after {cal.bc_unit('year', 1 - y0)[0]}: the year {f'{1 - y} BC' if y < 1 else y} ({how})"
    if y >= 1:
        # the story has crossed into the era ("In December 1 BC … In January"): a date of the calendar
        if day is not None:
            return _unit_expr(ctx, m.start(), m.end(), "day", date(y, month, day).toordinal(), why, mod)
        return _unit_expr(ctx, m.start(), m.end(), "month", y * 12 + month - 1, why, mod)
    got = cal.bc_unit("year", 1 - y, month, day)
    if got is None:
        return None
    value, e0, e1, gran = got
    if mod in ("START", "MID", "END"):
        e0, e1 = cal.narrow_any(e0, e1, mod)
    ctx.bc_year, ctx.bc_month = y, (y, month)
    ctx.bc_day = (y, month, day) if day is not None else None
    return _expr(ctx, m.start(), m.end(), "DATE", value, e0, e1, gran, why, mod)


_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _bc_season(ctx: _Ctx, m: re.Match) -> TimeExpression | None:
    """A season without a year after a date before the common era ("In the autumn", "that summer", "the
    following spring"): in the story's year (the next one after "following/next", the one before after
    "previous"), by the same rules as a month (a look back of at most ``discourse.NARRATIVE_BACK`` days stays in
    the year). The season family decides first whether the words are a season at all ("the fall in prices")."""
    saved = (ctx.anchor, ctx.anchor_kind, ctx.anchor_index, ctx.anchor_pos, ctx.last_day, ctx.disc_year, ctx.disc_pos)
    e = _h_season(ctx, m, "season")
    ctx.anchor, ctx.anchor_kind, ctx.anchor_index, ctx.anchor_pos, ctx.last_day, ctx.disc_year, ctx.disc_pos = saved
    if e is None or e.granularity != "season" or e.value[-2:] not in _SEASON_FIRST_MONTH:
        return e
    code = e.value[-2:]
    first = _SEASON_FIRST_MONTH[code]
    low = e.text.lower()
    step = 1 if re.search(r"\b(?:following|next)\b", low) else -1 if re.search(r"\b(?:previous|last)\b", low) else 0
    y0 = ctx.bc_year
    at = ctx.bc_month[1] if ctx.bc_month is not None and ctx.bc_month[0] == y0 else None
    if step > 0:
        y = y0 + 1 if at is None or first <= at else y0
    elif step < 0:
        y = y0 - 1 if at is None or first >= at else y0
    elif at is not None and first < at:
        k = (cal.MIN_YEAR - y0) // 400 + 1
        y = discourse.month_year_in_story(date(y0 + k * 400, at, 1), first, 1)[0] - k * 400
    else:
        y = y0
    if y >= 1:
        # the story has crossed into the era ("In 1 BC … The following winter"): a season of the calendar
        return _unit_expr(ctx, e.start, e.end, "season", y * 4 + R.SEASON_INDEX[code],
                          f"'{e.text}' without a year after {cal.bc_unit('year', 1 - y0)[0]}: the year {y}", e.mod)
    if cal.bc_unit("year", 1 - y) is None:
        return None
    e0, e1 = cal.season_days(y, code)
    if e.mod in ("START", "MID", "END"):
        e0, e1 = cal.narrow_any(e0, e1, e.mod)
    value = f"{cal.bc_unit('year', 1 - y)[0]}-{code}"
    ctx.bc_year, ctx.bc_month, ctx.bc_day = y, (y, first), None
    out = _expr(ctx, e.start, e.end, "DATE", value, e0, e1, "season",
                f"'{e.text}' without a year after {cal.bc_unit('year', 1 - y0)[0]}: {value} (meteorological seasons)", e.mod)
    out.anchor = cal.iso_day(y0, at or 1, 1)
    return out


_BC_OFFSET_KIND = {"day": "day", "night": "day", "week": "week", "weekend": "week", "fortnight": "week", "month": "month"}


def _bc_day_offset(ctx: _Ctx, m: re.Match, unit: str, n: int) -> TimeExpression | None:
    """"Two days later" after "15 March 44 BC": counted in days (weeks, months) from the day the story is at
    (``ctx.bc_day``), at the granularity of the unit, as after a day of the era. A look back ("two days
    earlier") leaves the story at its day."""
    y0, m0, d0 = ctx.bc_day
    moved = cal.astro_shift(y0, m0, d0, unit, n)
    got = cal.astro_render(_BC_OFFSET_KIND[unit], *moved) if moved is not None else None
    if got is None:
        return None
    value, e0, e1, gran = got
    why = f"'{m.group(0)}' relative to the last mentioned day {cal.bc_unit('year', 1 - y0, m0, d0)[0]} → {value}"
    if moved[0] < 1:
        why += f" (the day {e0})" if gran == "day" else f" ({e0} to {e1})"
        if n > 0:
            ctx.bc_year = moved[0]
            # the story is at that day (at the first day of that week, as after a day of the era); after a
            # month, at the month only
            ctx.bc_day = moved if gran == "day" else _astro_ymd(e0) if gran == "week" else None
            ctx.bc_month = _astro_ymd(e0)[:2]
    e = _expr(ctx, m.start(), m.end(), "DATE", value, e0, e1, gran, why)
    e.anchor = cal.iso_day(y0, m0, d0)
    return e


def _astro_ymd(iso: str) -> tuple[int, int, int]:
    """(year, month, day) of an ISO day of any year ("-0043-03-17")."""
    y, mo, d = iso.rsplit("-", 2)
    return int(y), int(mo), int(d)


def _period_mod(low: str) -> str | None:
    """The TIMEX3 mod of a century or millennium: "the first half of", "early", "the late" ..."""
    em = re.match(r"(?:the\s+)?(early|late|mid)", low)
    return R.POSITION_MODS[em.group(1)] if em else _pos_mod(low)


_CENTURY_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)|\b(" + "|".join(
    re.escape(k) for k in sorted((k for k, v in R.ORDINALS.items() if v > 0), key=len, reverse=True)) + r")\b")


def _h_century(ctx, m, fam):
    s = m.group(0)
    low = s.lower()
    mod = _period_mod(low)
    # the century's ordinal is the last one written: "the first half of the third century" is the 3rd
    # century (the first ordinal is the half's), "the 2nd half of the 19th century" the 19th
    last = None
    for last in _CENTURY_ORDINAL.finditer(low):
        pass
    n = None if last is None else int(last.group(1)) if last.group(1) else R.ORDINALS.get(last.group(2))
    if not n:
        return None
    c = n - 1
    if low.endswith("centuries") and not _CENTURY_PAIR_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None   # "the 20th centuries" is no date; "the 20th and 21st centuries" is two
    pair = _CENTURY_PAIR_AFTER.match(ctx.text, m.end()) if not re.search(r"(?i)century|centuries", s) else None
    # "the 5th and 4th centuries BC": the era written once, after both
    if re.search(r"B\.?C", s) or pair is not None and pair.group(1):
        return _bc_period(ctx, m, "century", n, mod, f"the years {n * 100}–{c * 100 + 1} before the common era")
    _set_anchor(ctx, "century", c)
    return _unit_expr(ctx, m.start(), m.end(), "century", c, f"'{s}': years {c * 100}–{c * 100 + 99}", mod)


def _bc_period(ctx: _Ctx, m: re.Match, kind: str, n: int, mod: str | None, what: str) -> TimeExpression | None:
    """The n-th century or millennium before the common era (``cal.bc_unit``), narrowed by early/mid/late;
    the story is then at its first year."""
    got = cal.bc_unit(kind, n)
    if got is None:
        return None
    value, e0, e1, gran = got
    if mod in ("START", "MID", "END"):
        e0, e1 = cal.narrow_bc(e0, e1, mod)
    ctx.bc_year = int(e0[:e0.index("-", 1)])
    ctx.bc_day = ctx.bc_month = None
    ctx.anchor = ctx.anchor_kind = ctx.anchor_index = None
    ctx.last_day = None
    return _expr(ctx, m.start(), m.end(), "DATE", value, e0, e1, gran, f"'{m.group(0)}': {what}", mod)


_CENTURY_PAIR_BEFORE = re.compile(r"\d(?:st|nd|rd|th)\s*(?:and|or|to|through|[-–])\s*$")
_CENTURY_PAIR_AFTER = re.compile(r"\s*(?:and|or|to|through|[-–])\s*\d{1,2}(?:st|nd|rd|th)[\s-]+(?i:centuries)"
                                 r"(?:\s+(BCE|BC|B\.C\.(?:E\.)?)(?![A-Za-z]))?")


_QUARTER_ENDED = re.compile(rf"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|to)\s+({MONTH})\s+(\d{{1,2}})(?:,\s+({YEAR}))?")
_ORD_Q = R.PART_ORDINALS


def _h_quarter(ctx: _Ctx, m, fam):
    e = _h_quarter_core(ctx, m, fam)
    if e is not None and re.search(r"(?i)\w-quarter$", e.text) and re.match(r"\s+[a-z]", ctx.text[e.end:e.end + 3]):
        _drop_article(e)   # "the third-quarter results"
    return e


def _h_quarter_core(ctx: _Ctx, m, fam):
    s = m.group(0)
    start, end = m.start(), m.end()
    low = " ".join(s.lower().replace("-", " ").split())
    after = ctx.text[end:end + 12]
    if low in ("the quarter",) and re.match(r"\s+of\s+(?:a|an|the)\b", after):
        return None
    if low == "quarter" or ctx.text.startswith("-to-", end):
        return None
    if re.match(r"\s*(?:of\s+(?:a|an|the|its|their|his|her)\b|century|mile|hour|point|percent|of\s+\d)", after) and not re.search(r"\d{4}", s):
        return None
    if re.match(r"^(?:a|one|three)\b", low):
        return None
    ym = _YEAR_IN.search(s)
    qn = None
    for k, v in _ORD_Q.items():
        if re.search(r"\b" + k + r"\b", low):
            qn = v
            break
    ref, how = ctx.deictic_ref()
    fiscal = "fiscal" in low
    if ym:
        y = int(ym.group(1))
    elif re.search(r"\b(?:this|last|next) year's", low):
        off = {"this": 0, "last": -1, "next": 1}[re.search(r"\b(this|last|next) year's", low).group(1)]
        y = ref.year + off if ref else None
        if y is not None and not qn:
            qn = (ctx.last_quarter % 4 + 1) if ctx.last_quarter is not None else None
            if qn is None:
                idx = cal.index_of("quarter", ref) - 1
                qn = idx % 4 + 1
    elif re.search(r"of\s+(?:this|the)\s+(?:fiscal\s+)?year", low):
        y = ref.year if ref else None
        if ctx.anchor_kind == "year" and ctx.anchor is not None and "the year" in low:
            y = ctx.anchor.year
    elif re.search(r"of\s+last\s+(?:fiscal\s+)?year|period (?:last|a) year$", low):
        y = ref.year - 1 if ref else None
        if y is not None and ctx.last_quarter is not None and low.endswith(" year") and "period" in low:
            y = ctx.last_quarter // 4 - 1
    elif re.search(r"of\s+next\s+(?:fiscal\s+)?year", low):
        y = ref.year + 1 if ref else None
    else:
        y = None
    if y is not None and not qn:
        # "the 1988 quarter": the quarter under discussion, in that year
        base = ctx.last_quarter if ctx.last_quarter is not None else (cal.index_of("quarter", ref) - 1 if ref else None)
        if base is not None:
            qn = base % 4 + 1
    if y is not None and qn:
        idx = y * 4 + qn - 1
        # a comparison ("the corresponding period last year", "the 1988 quarter") does not change
        # the quarter under discussion
        if not re.search(r"\b(?:last year|a year (?:ago|earlier)|year ago|year earlier|corresponding|comparable)\b", low) \
                and not (ym and ctx.last_quarter is not None and not re.search(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th)\b", low)):
            ctx.last_quarter = idx
        return _unit_expr(ctx, start, end, "quarter", idx, f"quarter {qn} of {y}" + (" (fiscal)" if fiscal else ""))
    if ref is None and ctx.last_quarter is None:
        val = f"XXXX-Q{qn}" if qn else "XXXX-QX"
        return _expr(ctx, start, end, "DATE", val, None, None, "quarter", f"'{s}' with no reference date")
    cur = cal.index_of("quarter", ref) if ref else ctx.last_quarter
    em = _QUARTER_ENDED.match(ctx.text, end)
    if em and not qn and not re.search(r"year\s+(?:earlier|ago)", low):
        month = month_of(em.group(1))
        y = int(em.group(3)) if em.group(3) else None
        if y is None:
            y, _w, _a = _year_from_context(ctx, month, start, end, None, int(em.group(2)))
        if y is not None:
            # the three months ending on that date; fiscal quarters need not match calendar ones
            d_end = date(y, month, min(int(em.group(2)), cal.last_day(y, month)))
            idx = cal.index_of("quarter", d_end - timedelta(days=45))
            ctx.last_quarter = idx
            return _unit_expr(ctx, start, end, "quarter", idx, f"'{s}' ended {d_end.isoformat()}: the calendar quarter most of it falls in", anchor=ref)
    if re.search(r"year\s+(?:earlier|ago)", low):
        base = ctx.last_quarter if ctx.last_quarter is not None else cur - 1
        idx = base - 4
        return _unit_expr(ctx, start, end, "quarter", idx, "the same quarter a year before the last quarter mentioned", anchor=ref)
    if qn:
        y = ref.year if ref else ctx.last_quarter // 4
        if ctx.anchor_kind == "year" and ctx.anchor is not None and ctx.narrative:
            y = ctx.anchor.year
        idx = y * 4 + qn - 1
        if ref is not None and not ctx.narrative and idx > cur and ctx.tense(start, end) == "past":
            idx -= 4
        ctx.last_quarter = idx
        return _unit_expr(ctx, start, end, "quarter", idx, f"quarter {qn} of the {how}'s year", anchor=ref)
    if re.search(r"\b(?:next|coming)\b", low):
        idx = cur + 1
        why = "the quarter after the reference's"
    elif re.search(r"\bcurrent\b", low) and ref is not None:
        idx = cal.index_of("quarter", ref)
        why = "the current quarter: the reference's"
    elif re.search(r"\b(?:this|that|same)\b", low):
        idx = ctx.last_quarter if ctx.last_quarter is not None else cur
        why = "the quarter under discussion (last mentioned, else the reference's)"
    elif re.search(r"\b(?:last|previous|past)\b", low) and ctx.last_quarter is None:
        idx = cur - 1
        why = "the quarter before the reference's"
    elif re.search(r"\b(?:last|previous|past)\b", low):
        idx = ctx.last_quarter - 1 if "previous" in low else cur - 1
        why = "the quarter before"
    elif re.search(r"\blatest\b", low) and ref is not None:
        idx = cal.index_of("quarter", ref) - 1
        why = "the latest quarter: the last complete quarter before the reference"
    else:
        # "the quarter": the quarter under discussion, else the last complete one
        idx = ctx.last_quarter if ctx.last_quarter is not None else cur - 1
        why = "the quarter under discussion (last mentioned, else the last complete quarter)"
    ctx.last_quarter = idx
    return _unit_expr(ctx, start, end, "quarter", idx, why, anchor=ref)


_SEASON_AND_BEFORE = re.compile(rf"(?i:\b(?:{_SEASON_WORDS})\s+(?:and|or|to)\s+(?:early\s+|late\s+)?)$")
_SEASON_AND_AFTER = re.compile(rf"\s+(?i:and|or|to)\s+(?:(?i:the|early|late)\s+)?((?i:{_SEASON_WORDS}))\b(?:\s+(?:of\s+)?({YEAR}))?")
_FUNCTION_WORDS = {"and", "or", "of", "in", "on", "at", "to", "when", "as", "the", "a", "was", "were", "is", "will",
                   "had", "has", "after", "before", "but", "with", "by", "for", "from", "that", "this", "it",
                   "they", "he", "she", "we", "its", "their", "his", "her", "until", "since", "saw", "brought"}


def _sentence_initial(text: str, pos: int) -> bool:
    return re.search(r"(?:^|[.!?:;]['\"”’]?\s+|\n\s*|[\"“‘`]\s*)$", text[max(0, pos - 6):pos]) is not None


_NAME_HEADS = re.compile(r"\s+(?:War|Wars|Revolution|Offensive|Uprising|Rising|Olympics|Games|Crisis|Coup|"
                         r"Agreement|Accords?|Massacre|Campaign|Operation|Putsch|Line|Palace|Storm|Doctrine|"
                         r"Treaty|Declaration|Manifesto|Movement|Party|Group|Front|Army|Brigade|Days?)\b")


def _h_season(ctx: _Ctx, m, fam):
    s = m.group(0)
    start, end = m.start(), m.end()
    low = " ".join(s.lower().split())
    sm = re.search(_SEASON_WORDS, low)
    code = R.SEASONS[sm.group(0)]
    sidx = R.SEASON_INDEX[code]
    prefix = low[:sm.start()]
    after = ctx.text[end:end + 25]
    ym = _find_year(s, sm.end())
    lead_year = _YEAR_IN.match(s)
    if lead_year is not None:
        if ym is not None:
            return None
        # "the 1982 summer", "the 1944 spring offensive": the year written before the season, after a
        # determiner or before a function word or punctuation ("In 2019 spring water was scarce" is not a season)
        wa = re.match(r"\s+([a-z]+)", after)
        if not re.search(r"(?i)\b(?:the|this|that|its|their|his|her)\s+$", ctx.text[max(0, start - 8):start]) \
                and wa is not None and wa.group(1) not in _FUNCTION_WORDS:
            return None
        ym = lead_year
        prefix = low[lead_year.end():sm.start()]
    word_pos = start + len(s) - len(s[sm.start():]) if False else start + s.lower().find(sm.group(0))
    if ctx.text[word_pos].isupper() and not ctx.text[word_pos:word_pos + 3].isupper() \
            and not _sentence_initial(ctx.text, word_pos) and not re.match(r"\s+\d{4}\b", ctx.text[word_pos + len(sm.group(0)):]):
        return None   # "the Winter War", "the Prague Spring", "Summer Olympics": seasons are lower case
    if not ym:
        if not prefix.strip():
            before = ctx.text[max(0, start - 20):start]
            if _SEASON_AND_BEFORE.search(before):
                pass   # "the spring and summer": the second of two seasons
            elif sm.group(0) in ("fall", "spring") or not re.search(r"(?i:\b(?:in|during|since|until|by|through|over|this|that|last|next|early|late|mid|of)\s+)$", before):
                return None
        if prefix.strip() == "the":
            if re.match(r"\s+of\s+(?!\d)", after) or sm.group(0) in ("fall", "spring") and re.match(r"\s+(?:of|in)\b", after):
                return None
        pair = _SEASON_AND_AFTER.match(ctx.text, end)
        if pair is not None and not pair.group(2):
            wa = re.match(r"\s+([a-z]+)", ctx.text[pair.end():pair.end() + 25])
            if wa and wa.group(1) not in _FUNCTION_WORDS:
                return None   # "the spring and fall collections": adjectives
        if pair is None and re.match(r"\s*(?:[a-z]+)", after) and sm.group(0) in ("fall", "spring") and prefix.strip() in ("the", ""):
            # "the spring offensive" is fine, but "the fall in prices" is not
            if re.match(r"\s+(?:in|of|to|from|and|was|is)\b", after):
                return None
        if pair is None and prefix.strip() in ("the", ""):
            wa = re.match(r"\s+([a-z]+)", after)
            if wa and wa.group(1) not in _FUNCTION_WORDS:
                return None   # "winter markets", "the summer camp": an adjective
        if pair is not None and pair.group(2):
            # "the spring and summer of 1944": the year written after the second season
            y2 = int(pair.group(2))
            y = y2 if R.SEASON_INDEX[R.SEASONS[pair.group(1).lower()]] >= sidx else y2 - 1
            idx = y * 4 + sidx
            _set_anchor(ctx, "season", idx, (start, end))
            return _unit_expr(ctx, start, end, "season", idx, f"'{s}': the year {y2} written after '{pair.group(1)}'", None)
    pmod = _pos_mod(prefix) if prefix.strip() else None
    if not pmod:
        em = re.search(r"\b(early|late|mid)\b", prefix)
        pmod = R.POSITION_MODS[em.group(1)] if em else None
    if ym:
        y = int(ym.group(1))
        idx = y * 4 + sidx
        _set_anchor(ctx, "season", idx, (start, end))
        return _unit_expr(ctx, start, end, "season", idx, f"explicit season '{s}'", pmod)
    deic = _deictic(prefix)
    if deic in ("next_a", "prev_a", "that", "same_a"):
        ref, how = ctx.anaphoric_ref()
    else:
        ref, how = ctx.deictic_ref()
    if ref is None:
        return _expr(ctx, start, end, "DATE", f"XXXX-{code}", None, None, "season", f"'{s}' with no reference date", pmod)
    cur = cal.index_of("season", ref)
    this_idx = ref.year * 4 + sidx if not (code == "WI" and ref.month <= 2) else (ref.year - 1) * 4 + 3
    if deic == "last":
        idx = cur - ((cur - sidx) % 4 or 4)
        why = f"last: the most recent {sm.group(0)} before the {how}"
    elif deic == "next_a" and how == "last mentioned date" and ctx.anchor_kind == "year":
        # "In 1941 Germany invaded. The following spring ...": after the year told about (its winter is
        # the one that begins in its December)
        idx = ref.year * 4 + 3 if code == "WI" else (ref.year + 1) * 4 + sidx
        why = f"next: the first {sm.group(0)} after the year {ref.year}"
    elif deic in ("next", "next_a"):
        idx = cur + ((sidx - cur) % 4 or 4)
        why = f"next: the first {sm.group(0)} after the {how}"
    elif how == "narrative time" and deic is None:
        idx = cur + ((sidx - cur) % 4)
        why = f"the first {sm.group(0)} from the narrative time on (narratives move forward)"
    elif deic == "this" or how == "narrative time" or deic in ("that", "same_a"):
        idx = this_idx
        why = f"this: the {sm.group(0)} of the {how}'s year"
    else:
        t = ctx.tense(start, end)
        dy = _discourse_year(ctx, start) if how == "reference" else None
        if dy is not None and dy != ref.year and t != "future" and ctx.last_cue not in _REPORTING \
                and _LOCATES_TARGET.search(ctx.text, max(0, start - 30), start):   # "said on March 3": the news itself
            # "In 2022, the army crossed the river. In the spring it took the town": the year being told
            ctx.disc_pos = end
            idx = dy * 4 + sidx
            why = f"the {sm.group(0)} of {dy}, the year the text was just talking about"
        elif t == "past" and this_idx > cur:
            idx = this_idx - 4
            why = f"past tense: the most recent {sm.group(0)}"
        elif t == "future" and this_idx < cur:
            idx = this_idx + 4
            why = f"future tense: the next {sm.group(0)}"
        else:
            idx = this_idx
            why = f"the {sm.group(0)} of the {how}'s year"
    if ctx.narrative:
        _set_anchor(ctx, "season", idx)
    e = _unit_expr(ctx, start, end, "season", idx, "", pmod, ref)
    e.reasoning = f"'{s}' relative to {ref.isoformat()} → {e.value} ({why}; seasons are meteorological)"
    return e


def _h_holiday(ctx: _Ctx, m, fam):
    s = m.group(0)
    start, end = m.start(), m.end()
    low = " ".join(s.lower().split())
    key = None
    for k in sorted(R.HOLIDAYS, key=len, reverse=True):
        if k in low:
            key = k
            break
    if key is None:
        return None
    if _NAME_HEADS.match(ctx.text, end) or re.match(r"\s+(?:Rising|Offensive|Uprising|Truce)\b", ctx.text[end:end + 12]):
        return None   # "the Easter Rising", "the Tet Offensive"
    if key in ("christmas", "easter", "new year", "thanksgiving") and re.match(r"\s+(?:tree|card|gift|present|shopping|season|holidays|market|message|truce|offensive|dinner|party)", ctx.text[end:end + 12]):
        return None
    if key == "independence day" and low.startswith("independence") and _OTHER_NATION.search(ctx.text, max(0, start - 25), start):
        return None
    rule = R.HOLIDAYS[key]
    ym = _YEAR_IN.search(s)
    deic = _deictic(low[:low.find(key)])

    def on(y):
        if isinstance(rule[0], int):
            return date(y, rule[0], rule[1])
        if rule[0] == "easter":
            return easter(y, EASTER_WESTERN) + timedelta(days=rule[1])
        if rule[0] == "orthodox_easter":
            return cal.julian_to_gregorian(easter(y, EASTER_JULIAN))
        if rule[0] == "nth_weekday":
            return cal.nth_weekday(y, rule[1], rule[2], rule[3])
        if rule[0] == "election_day":
            return cal.election_day(y)
        raise ValueError(rule)

    week = re.search(r"\bweek\b", low[low.find(key) + len(key):]) is not None
    if ym:
        d = on(int(ym.group(1)))
        if week:
            return _unit_expr(ctx, start, end, "week", cal.index_of("week", d), f"'{s}': the week of {d.isoformat()}")
        _set_anchor(ctx, "day", d.toordinal())
        return _unit_expr(ctx, start, end, "day", d.toordinal(), f"holiday '{s}'")
    ref, how = ctx.deictic_ref()
    if week and ref is not None and deic is None:
        # "as Easter week began": the holiday's week nearest to the reference
        d = min((on(ref.year + k) for k in (-1, 0, 1)), key=lambda x: abs((x - ref).days))
        return _unit_expr(ctx, start, end, "week", cal.index_of("week", d),
                          f"'{s}': the week of {d.isoformat()}, the one nearest to the {how} {ref.isoformat()}", anchor=ref)
    if ref is None:
        if isinstance(rule[0], int):
            return _expr(ctx, start, end, "DATE", f"XXXX-{rule[0]:02d}-{rule[1]:02d}", None, None, "day", f"holiday '{s}' with no year")
        return None
    this = on(ref.year)
    if deic == "last":
        d = this if this < ref else on(ref.year - 1)
    elif deic in ("next", "next_a"):
        d = this if this > ref else on(ref.year + 1)
    elif how == "narrative time" and _past_perfect(ctx, start, end):
        # "On December 26, 1776 ... The army had crossed the river on Christmas night": a look back
        d = this if this <= ref else on(ref.year - 1)
    elif how == "narrative time":
        # "During the autumn ... On Christmas Day": a story moves forward, whatever the tense
        d = this if this >= ref or ctx.anchor_kind in ("year", "decade", "century") else on(ref.year + 1)
    else:
        t = ctx.tense(start, end)
        if t == "past" and this > ref:
            d = on(ref.year - 1)
        elif t == "future" and this < ref:
            d = on(ref.year + 1)
        else:
            d = this
    if week:
        return _unit_expr(ctx, start, end, "week", cal.index_of("week", d), f"'{s}': the week of {d.isoformat()}", anchor=ref)
    return _unit_expr(ctx, start, end, "day", d.toordinal(), f"holiday '{s}' relative to {ref.isoformat()} → {d.isoformat()}", anchor=ref)


def _h_ref(ctx: _Ctx, m, fam):
    s = m.group(0)
    low = " ".join(s.lower().split())
    start, end = m.start(), m.end()
    after = ctx.text[end:end + 20]
    if low == "now" and re.match(r"\s+and\s+(?:then|again)\b", after):
        return None   # "every now and then", "now and again": sometimes, not the present
    if low == "the past" and re.match(r"\s+(?:\d|(?i:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|few|several|many|couple)\b)", after):
        return None   # "the past three summers": a count of units, not the vague past
    if low == "recently" and (re.search(r"\b(?:was|were|is|are|has|have|had|been|most)\s+$", ctx.text[max(0, start - 8):start])):
        # "was recently extended", "have recently moved": part of a perfect or passive verb, untagged in the
        # development set (3 of 3); "most recently last October": the date that follows carries the time
        return None
    if low in ("current", "recent", "future"):
        # adjectives: only before a noun; "the current quarter" is handled elsewhere
        if not re.match(r"\s+[a-z]", after):
            return None
    rm = re.fullmatch(r"recent (months|weeks|days|quarters)", low)
    if rm:
        letter = {"months": "M", "weeks": "W", "days": "D", "quarters": "Q"}[rm.group(1)]
        return _expr(ctx, start, end, "DURATION", f"PX{letter}", None, None, None, f"'{s}': an unspecified number of {rm.group(1)} up to the reference")
    if low.endswith(" term") or re.search(r"(?:later|future) (?:date|point)$", low):
        val = "FUTURE_REF"
    else:
        val = R.REF_WORDS.get(low)
    if val is None:
        if "coming" in low or "to come" in low or "future" in low:
            val = "FUTURE_REF"
        elif "recent" in low or "past" in low:
            val = "PAST_REF"
        else:
            val = "PRESENT_REF"
    ref, how = ctx.deictic_ref()
    if ref is None or ctx.narrative:
        # in a narrative the time of writing is unknown: "today", "currently" get no interval
        return _expr(ctx, start, end, "DATE", val, None, None, None, f"'{s}': vague reference to the {val.split('_')[0].lower()}")
    r = ref.isoformat()
    if val == "PRESENT_REF":
        e, l = r, r
    elif val == "PAST_REF":
        e, l = None, r
    else:
        e, l = r, None
    return _expr(ctx, start, end, "DATE", val, e, l, None,
                 f"'{s}': vague reference to the {val.split('_')[0].lower()} of {r}", anchor=ref)


def _h_today(ctx: _Ctx, m, fam):
    s = m.group(0)
    start, end = m.start(), m.end()
    low = " ".join(s.lower().split())
    if s[:1] == "T" and re.search(r"\b[A-Z][A-Za-z]+\s+$", ctx.text[max(0, start - 20):start]):
        return None   # "VOA Today", "USA Today": a name
    if low == "today" and _GENERIC_TODAY.match(ctx.text, end):
        return None   # "today's world", "many of today's young people": the present age, not the day
    if low in ("tomorrow", "yesterday") and re.search(r"\b(?:people|world|leaders|city|cities|workers|children|army|armies|war|wars|weapons|heroes|generation|society|technology|economy)\s+of\s+$", ctx.text[max(0, start - 24):start]):
        return None   # "the people of tomorrow", "the wars of yesterday": an age, not a day
    ref, how = ctx.deictic_ref()
    if "day before yesterday" in low:
        off, word = -2, "the day before yesterday"
    elif "day after tomorrow" in low:
        off, word = 2, "the day after tomorrow"
    elif "yesterday" in low:
        off, word = -1, "yesterday"
    elif "tomorrow" in low:
        off, word = 1, "tomorrow"
    else:
        off, word = 0, "today"
    pm = _PART_AT_END.search(low)
    part = pm.group(1) if pm else ("night" if "tonight" in low else None)
    emod = re.match(r"(early|late|later|earlier)\b", low)
    mod = {"early": "START", "late": "END"}.get(emod.group(1)) if emod else None
    if ctx.narrative and off == 0 and not part:
        return _expr(ctx, start, end, "DATE", "PRESENT_REF", None, None, None,
                     f"'{s}': the time of writing, unknown in a narrative", mod)
    if ref is None:
        val = {"today": "PRESENT_REF"}.get(word, "PRESENT_REF" if off == 0 else ("PAST_REF" if off < 0 else "FUTURE_REF"))
        return _expr(ctx, start, end, "DATE", val, None, None, "day", f"'{s}' with no reference date", mod)
    d = ref + timedelta(days=off)
    ctx.last_day = (start, d)
    if part:
        code, a, b = R.PARTS_OF_DAY[part]
        return _expr(ctx, start, end, "TIME", f"{d.isoformat()}T{code}", f"{d.isoformat()}T{a}", f"{d.isoformat()}T{b}",
                     "hour", f"'{s}': {word} relative to the {how} {ref.isoformat()}, {part}", mod, ref)
    return _unit_expr(ctx, start, end, "day", d.toordinal(), f"'{s}': {word} relative to the {how} {ref.isoformat()}", mod, ref)


_GENERIC_TODAY = re.compile(r"['’]s\s+(?:[a-z]+\s+)?(?:world|youth|society|societies|generation|children|kids|teenagers|"
                            r"young|youngsters|economy|culture|technology|standards|America|Europe|Russia|China|Africa|"
                            r"computers|armies|warfare|wars|politics|politicians|media|times)\b")


def _h_partofday(ctx: _Ctx, m, fam):
    s = m.group(0)
    start, end = m.start(), m.end()
    low = " ".join(s.lower().replace("-", " ").split())
    pm = re.search(r"(morning|afternoon|evening|night|overnight)\b(?!.*\b(?:morning|afternoon|evening|night)\b)", low)
    part = pm.group(1)
    code, a, b = R.PARTS_OF_DAY[part]
    if low == "overnight":
        # "drones attacked overnight": the night before the day of the report (or the day just mentioned)
        if ctx.last_day is not None and start - ctx.last_day[0] < 200:
            base, how = ctx.last_day[1], "last mentioned day"
        else:
            base, how = ctx.deictic_ref()
        if base is None or (ctx.narrative and how != "last mentioned day"):
            return None
        d = base if ctx.tense(start, end) == "future" else base - timedelta(days=1)
        return _expr(ctx, start, end, "TIME", f"{d.isoformat()}T{code}", f"{d.isoformat()}T{a}", f"{d.isoformat()}T{b}",
                     "hour", f"'{s}': the night {'of' if d == base else 'before'} the {how} {base.isoformat()}", None, base)
    if re.search(r"\b(?:that|the same|the following|the next|the previous)\b", low) or low.startswith("the "):
        ref, how = ctx.anaphoric_ref()
        if ctx.last_day is not None:
            ref, how = ctx.last_day[1], "last mentioned day"
    else:
        ref, how = ctx.deictic_ref()
    if ref is None:
        return _expr(ctx, start, end, "TIME", f"XXXX-XX-XXT{code}", None, None, "hour", f"'{s}' with no reference date")
    off = 0
    if re.search(r"\b(?:tomorrow|the following|the next)\b", low):
        off = 1
    elif re.search(r"\b(?:yesterday|the previous)\b", low) or (low.startswith("last") and part in ("night", "evening")):
        off = -1
    elif "last" in low:
        off = -1
    d = ref + timedelta(days=off)
    emod = re.match(r"(early|late|mid)\b", low)
    mod = R.POSITION_MODS.get(emod.group(1)) if emod else None
    return _expr(ctx, start, end, "TIME", f"{d.isoformat()}T{code}", f"{d.isoformat()}T{a}", f"{d.isoformat()}T{b}",
                 "hour", f"'{s}' relative to the {how} {ref.isoformat()}", mod, ref)


_UNIT_KIND = {"day": "day", "night": "day", "week": "week", "weekend": "weekend", "month": "month",
              "quarter": "quarter", "year": "year", "decade": "decade", "century": "century", "fortnight": "week"}


def _unit_name(tok: str) -> str:
    t = tok.lower().rstrip("s") if not tok.lower().startswith("centur") else "century"
    if tok.lower().startswith("millenni"):
        return "millennium"
    return t


def _h_relunit(ctx: _Ctx, m, fam):
    s = m.group(0)
    start, end = m.start(), m.end()
    low = " ".join(s.lower().replace("-", " ").split())
    um = _UNIT_AT_END.search(low)
    unit = um.group(1)
    prefix = low[:um.start()]
    if unit == "quarter":
        return _h_quarter(ctx, m, fam)
    if s[um.start():um.start() + 1].isupper() and start > 0 and not re.search(r"(?:^|[.!?]\s+|\n)\W*$", ctx.text[max(0, start - 4):start]):
        return None   # ABC's "This Week": a title
    deic = _deictic(prefix)
    if deic is None:
        return None
    has_the = re.search(r"\bthe\s+(?:past|last|next|coming)\b", prefix) or prefix.startswith("this past")
    if has_the and deic == "next" and re.match(r"(?:early|late|mid)\s+the\s+next\s+$", prefix) and unit in ("month", "year"):
        # "Early the next year the offensive collapsed": a part of the unit after the one under discussion
        deic, has_the = "next_a", None
    if unit in ("day", "night") and re.search(r"\bthe\s+(?:next|following)\b", prefix):
        return _h_anaph(ctx, m, fam)
    if unit in ("week", "month", "year") and re.fullmatch(r"the\s+next\s+", prefix) and ctx.anchor is not None \
            and not re.search(r"(?i:\b(?:over|for|within|during|in|throughout|about|than|of|to|until|by)\s+)$", ctx.text[max(0, start - 12):start]) \
            and ctx.tense(start, end) == "past":
        return _h_anaph(ctx, m, fam)   # "In 2022 the army crossed. The next year it returned": the year after, a date
    if has_the and deic == "last" and unit in ("year", "decade") and "fiscal" not in low and not ctx.narrative:
        pass   # "the past year", "the last decade": TimeML dates them (the year or decade before), below
    elif has_the and deic in ("last", "next") and unit not in ("weekend",):
        # "the past week", "the next year": a period of one unit (TimeML DURATION)
        letter = R.UNITS[unit][0]
        val = f"PT1{letter}" if unit in R.TIME_UNITS else f"P1{letter}"
        if unit == "decade":
            val = "P10Y"
        elif unit == "century":
            val = "P100Y"
        return _expr(ctx, start, end, "DURATION", val, None, None, None, f"'{s}': a period of one {unit}")
    if unit in R.TIME_UNITS or unit == "millennium":
        return None
    kind = _UNIT_KIND[unit]
    if deic in ("next_a", "prev_a", "same_a", "that"):
        ref, how = ctx.anaphoric_ref()
    else:
        ref, how = ctx.deictic_ref()
    pmod = None
    em = re.match(r"(early|late|mid|earlier|later)\b", low)
    if em:
        pmod = R.POSITION_MODS[em.group(1)]
    else:
        pmod = _pos_mod(prefix)
    if ref is None:
        vals = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
                "year": "XXXX", "decade": "XXX", "century": "XX"}
        return _expr(ctx, start, end, "DATE", vals[kind], None, None, kind, f"'{s}' with no reference date", pmod)
    if deic in ("same_a", "that") and how == "last mentioned date" and ctx.anchor_index is not None \
            and _COARSENESS.get(ctx.anchor_kind, 0) > _COARSENESS.get(kind, 0):
        return _coarse_band(ctx, start, end, kind, 0)   # "In March ... That day": a day of that March
    cur = cal.index_of(kind, ref)
    shift = {"last": -1, "prev_a": -1, "this": 0, "same_a": 0, "that": 0, "latest": 0, "next": 1, "next_a": 1}.get(deic, 0)
    if deic == "latest" and kind in ("year", "month"):
        shift = -1   # "the latest fiscal year": the last complete one
    if kind == "weekend" and deic == "last" and ref.isoweekday() >= 6:
        shift = -1
    if kind == "weekend" and deic == "this" and ref.isoweekday() < 6 and ctx.tense(start, end) == "past":
        shift = -1
    idx = cur + shift
    word = {-1: f"the {kind} before the {how}'s", 0: f"the {how}'s {kind}", 1: f"the {kind} after the {how}'s"}[shift]
    e = _unit_expr(ctx, start, end, kind, idx, "", pmod, ref)
    e.reasoning = f"'{s}' relative to {ref.isoformat()} → {e.value} ({deic.split('_')[0]}: {word})"
    if em and em.group(1) in ("earlier", "later") and shift == 0 and how == "reference" and e.earliest and e.latest:
        # "later this week" said on a Monday: Tuesday to Sunday, not the week's last third
        a, b = cal.bounds(kind, idx)
        if em.group(1) == "later" and ref < b:
            e.earliest, e.latest = (ref + timedelta(days=1)).isoformat(), b.isoformat()
        elif em.group(1) == "earlier" and ref > a:
            e.earliest, e.latest = a.isoformat(), (ref - timedelta(days=1)).isoformat()
        e.reasoning += f", {em.group(1)} than the reference: {e.earliest}..{e.latest}"
    if ctx.narrative and deic in ("next_a", "prev_a", "that", "same_a"):
        _set_anchor(ctx, kind, idx)
    return e


def _coarse_band(ctx: _Ctx, start: int, end: int, kind: str, shift: int) -> TimeExpression:
    """"the day after", "that same day" when the text is known to the month or year only: a band of the
    anchor's granularity (shifted by one unit), not a made-up day."""
    a, b = cal.bounds(ctx.anchor_kind, ctx.anchor_index)
    a2, b2 = _shift_date(a, kind, shift), _shift_date(b, kind, shift)
    akind = ctx.anchor_kind
    return _expr(ctx, start, end, "DATE", cal.value_of(akind, cal.index_of(akind, a2 + (b2 - a2) / 2)), a2.isoformat(),
                 b2.isoformat(), akind, f"'{ctx.text[start:end]}' relative to {cal.value_of(akind, ctx.anchor_index)} "
                 f"(known to the {akind} only) → between {a2.isoformat()} and {b2.isoformat()}", None, a)


def _h_anaph(ctx: _Ctx, m, fam):
    s = m.group(0)
    start, end = m.start(), m.end()
    low = " ".join(s.lower().split())
    if low == "the weekend":
        ref, how = ctx.deictic_ref()
        if ref is None:
            return _expr(ctx, start, end, "DATE", "XXXX-WXX-WE", None, None, "weekend", "'the weekend' with no reference date")
        cur = cal.index_of("weekend", ref)
        t = ctx.tense(start, end)
        if t == "future":
            idx = cur if ref.isoweekday() < 6 else cur + 1
            why = "future tense: the coming weekend"
        else:
            idx = cur - 1 if ref.isoweekday() < 6 else cur
            why = "the most recent weekend"
        e = _unit_expr(ctx, start, end, "weekend", idx, "", None, ref)
        e.reasoning = f"'{s}' relative to the {how} {ref.isoformat()} → {e.value} ({why})"
        return e
    um = re.search(r"(day|week|month|year|night|time)\b", low)
    unit = um.group(1)
    if unit == "time":
        return None
    if unit == "night":
        unit = "day"
    kind = unit
    shift = 0
    if re.search(r"\b(?:after|next|following)\b", low):
        shift = 1
    elif re.search(r"\b(?:before|previous)\b", low):
        shift = -1
    if kind == "day" and ctx.last_day is not None:
        ref, how = ctx.last_day[1], "last mentioned day"
    else:
        ref, how = ctx.anaphoric_ref()
        if how == "last mentioned date" and _COARSENESS.get(ctx.anchor_kind, 0) > _COARSENESS[kind]:
            same = shift == 0 and re.search(r"\b(?:that|same)\b", low)
            if not ctx.narrative and ctx.ref is not None and not same:
                ref, how = ctx.ref, "reference"     # news: "the day before" with no day in sight
            elif ctx.anchor_index is not None:
                return _coarse_band(ctx, start, end, kind, shift)
    if ref is None:
        return None
    idx = cal.index_of(kind, ref) + shift
    e = _unit_expr(ctx, start, end, kind, idx, "", None, ref)
    e.reasoning = f"'{s}' relative to the {how} {ref.isoformat()} → {e.value}"
    if kind == "day":
        ctx.last_day = (start, date.fromordinal(idx))
    if ctx.narrative:
        _set_anchor(ctx, kind, idx)
    return e


def _h_ago(ctx: _Ctx, m, fam):
    s = m.group(0)
    start, end = m.start(), m.end()
    mod, skip = _approx_mod(s)
    core = " ".join(s[skip:].lower().replace("-", " ").split())
    um = None
    for um in re.finditer(r"\b(second|minute|hour|day|night|weekend|week|fortnight|month|quarter|year|decade|centur(?:y|ie)|millenni(?:um|a))s?\b", core):
        pass   # the last unit word: "a quarter of a century later" counts centuries
    if not um:
        return None
    unit = _unit_name(um.group(0))
    numtxt = core[:um.start()].strip()
    n = _words_num(numtxt)
    direction = core.rsplit(" ", 1)[-1]
    if core.endswith("from now"):
        direction = "from now"
    elif core.endswith((" after that", " after this", " before that", " before this")):
        # "two years after that, the war broke out": counted from the date just mentioned
        direction = "later" if " after " in core[-12:] else "earlier"
    if direction in ("before", "after"):
        # "two days after the attack": a date counted from the attack's day when the text has dated the
        # attack, or, in a history, from the last day it gave; else a duration (TimeML: the event is no date)
        tail = ctx.text[end:end + 30]
        if not re.match(r"\s*[,.;:!?)]|\s*$|\s+(?:and|but|when|while|then|as|to)\s", tail):
            got = _from_happening(ctx, m, core, skip, unit, n, direction, mod)
            if got is not None:
                return got
            m2 = re.match(r"(.*?)[\s-]+(?:before|after)$", s[skip:], re.S)
            e2 = _dur_value(core[: core.rfind(" ")], unit, n)
            if e2 is None:
                return None
            cut = start + skip + len(m2.group(1))
            return _expr(ctx, start, cut, "DURATION", e2, None, None, None,
                         f"'{ctx.text[start:cut]}': a duration", mod)
    anaphoric = direction in ("earlier", "later", "before", "after")
    if direction in ("ago", "back", "from now", "hence"):
        ref, how = ctx.deictic_ref() if ctx.ref is None or ctx.narrative else (ctx.ref, "reference")
    else:
        ref, how = ctx.anaphoric_ref()
        if ctx.last_day is not None and unit in ("day", "week", "hour", "minute", "night"):
            ref, how = ctx.last_day[1], "last mentioned day"
        elif not ctx.narrative and ctx.ref is not None and not _anchor_near(ctx, start, 150):
            # news: "a year earlier" far from any other date compares with the publication date
            ref, how = ctx.ref, "reference"
    sign = -1 if direction in ("ago", "earlier", "before", "back") else 1
    if unit in R.TIME_UNITS:
        if ref is None or n is None:
            return None
        if anaphoric and how == "last mentioned date" and ctx.anchor_kind not in (None, "day") and ctx.anchor_index is not None:
            # "36 hours later" after "In 1942": the story is known to the year only, not to a day
            v = cal.value_of(ctx.anchor_kind, ctx.anchor_index)
            a, b = cal.bounds(ctx.anchor_kind, ctx.anchor_index)
            return _expr(ctx, start, end, "DATE", v, a.isoformat(), b.isoformat(), ctx.anchor_kind,
                         f"'{s}' after {v} (known to the {ctx.anchor_kind} only)", mod, a)
        if unit == "hour" and n >= 24:
            # "36 hours later", "48 hours earlier": whole days from the day under discussion
            d = ref + timedelta(days=sign * int(n // 24))
            return _expr(ctx, start, end, "DATE", d.isoformat(), d.isoformat(), d.isoformat(), "day",
                         f"'{s}': {int(n // 24)} day(s) {direction} the {how} {ref.isoformat()}", mod, ref)
        return _expr(ctx, start, end, "DATE", ref.isoformat(), ref.isoformat(), ref.isoformat(), "day",
                     f"'{s}': within the day of the {how} {ref.isoformat()}", mod, ref)
    if unit == "night":
        unit = "day"
    kind = _UNIT_KIND.get(unit)
    if kind is None:
        return None
    if n is None and direction in ("later", "earlier") and ref is not None and ctx.narrative \
            and unit in ("day", "week", "month", "year") and (ctx.last_day is not None or ctx.anchor_kind == "day"):
        # a history: "a few weeks later" is a band of days after the last day the story gave
        base = ctx.last_day[1] if ctx.last_day is not None else ctx.anchor
        _v, a, b, g = cal.offset_from(base, unit, None, 1 if direction == "later" else -1)
        lo, hi = cal.VAGUE_COUNT
        # the value stays the vague TIMEX3 one (as corpora annotate it); the interval is the band
        v = "FUTURE_REF" if direction == "later" else "PAST_REF"
        return _expr(ctx, start, end, "DATE", v, a, b, g,
                     f"'{s}' relative to the last mentioned day {base.isoformat()} → between {a} and {b} "
                     f"({lo} to {hi} {unit}s)", mod, base)
    if n is None and direction in ("later", "earlier") and ref is not None:
        # "a few days later": TimeML marks the vague quantity as a duration
        cut = start + skip + len(re.match(r"(.*?)(?:\s+or\s+so)?[\s-]+\S+$", s[skip:], re.S).group(1))
        letter = _dur_value("", unit, None) or "PX"
        return _expr(ctx, start, cut, "DURATION", letter, None, None, None,
                     f"'{ctx.text[start:cut]}': an unspecified number of {unit}s", mod)
    if n is not None and n != int(n):
        # "half a year later", "a year and a half ago": counted in a smaller unit when that is exact
        for big, small, k in (("year", "month", 12), ("decade", "year", 10), ("century", "year", 100), ("week", "day", 7)):
            if kind == big and abs(n * k - round(n * k)) < 1e-9:
                kind, unit, n = small, small, round(n * k)
                break
    if ref is None or n is None or n != int(n):
        base = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
                "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX"}[kind]
        val = base if ref is None else ("PAST_REF" if sign < 0 else "FUTURE_REF")
        return _expr(ctx, start, end, "DATE", val, None, None, kind, f"'{s}': vague offset", mod)
    n = int(n)
    if unit == "fortnight":
        n *= 2
    # quarter granularity: "a year earlier" after a quarter is that quarter a year before
    if kind == "year" and _quarter_near(ctx, start, 600) and not ctx.narrative:
        idx = ctx.last_quarter - 4 * n
        return _unit_expr(ctx, start, end, "quarter", idx, f"'{s}': the quarter under discussion, {n} year(s) {direction}", mod, ref)
    if anaphoric and how == "last mentioned date" and ctx.anchor_kind in _COARSENESS and kind in _COARSENESS \
            and _COARSENESS[ctx.anchor_kind] > _COARSENESS[kind] and ctx.anchor_index is not None:
        # "two days later" after "July 1943": known only to the month → a band, not a made-up day
        a, b = cal.bounds(ctx.anchor_kind, ctx.anchor_index)
        a2, b2 = _shift_date(a, kind, sign * n), _shift_date(b, kind, sign * n)
        akind = ctx.anchor_kind
        val = cal.value_of(akind, cal.index_of(akind, a2 + (b2 - a2) / 2))   # the unit holding most of the band
        return _expr(ctx, start, end, "DATE", val, a2.isoformat(), b2.isoformat(), akind,
                     f"'{s}' after {cal.value_of(akind, ctx.anchor_index)} (known to the {akind} only) → "
                     f"between {a2.isoformat()} and {b2.isoformat()}", mod, a)
    if kind == "year" and ref.year + sign * n <= 0:
        bc = 1 - (ref.year + sign * n)   # no year 0: 1 BC comes right before AD 1
        got = cal.bc_unit("year", bc)
        if got is None:
            return None
        return _expr(ctx, start, end, "DATE", got[0], got[1], got[2], "year",
                     f"'{s}' relative to the {how} {ref.isoformat()} → {bc} BC", mod, ref)
    idx = cal.index_of(kind, ref) + sign * n
    e = _unit_expr(ctx, start, end, kind, idx, "", None, ref)
    e.mod = mod
    e.reasoning = f"'{s}' relative to the {how} {ref.isoformat()} → {e.value}"
    if kind == "day":
        ctx.last_day = (start, date.fromordinal(idx))
    if anaphoric and (ctx.narrative or ctx.anchor is not None):
        _set_anchor(ctx, kind, idx)
    return e


_HAPPENING = re.compile(r"\s+(?i:the|a|an|his|her|its|their|this|that|our|my)\s+((?:[\w'’-]+\s+){0,2}?[\w'’-]+?)"
                        r"(?=\s*[,.;:!?)]|\s+(?i:of|in|on|at|by|and|but|when|while|to|from|for|with|was|were|had|has|"
                        r"is|are|which|that|who)\b|\s*$)")
_NOT_HAPPENING = frozenset({"first", "last", "second", "third", "end", "start", "beginning", "same", "other",
                            "next", "previous", "one", "year", "month", "week", "day", "time", "date"})


def _from_happening(ctx: _Ctx, m: re.Match, core: str, skip: int, unit: str, n, direction: str, mod):
    """"two days after the invasion", "three weeks before the election": counted from the happening's day when
    the text has dated it (the last sentence naming it with a day and year), else, in a history, from the last
    day the text gave; the reasoning names the anchor. None: leave it a duration."""
    if n is None or n != int(n) or unit not in ("day", "week", "weekend", "fortnight", "month", "year", "decade"):
        return None
    hm = _HAPPENING.match(ctx.text, m.end())
    if hm is None:
        return None
    if re.search(r"(?i)\b(?:the|these|those|its|their)\s+$", ctx.text[max(0, m.start() - 10):m.start()]):
        return None   # "in the three months before the offensive": a period
    if ctx.anchor_pos is not None and ctx.text[ctx.anchor_pos:m.start()].strip() in (",", "—", "–", "(", "-"):
        return None   # "on 11 November, ten months after the first shelling": the date is given, this is a length
    head = hm.group(1).split()[-1].lower()
    if head in _NOT_HAPPENING or head in _FUNCTION_WORDS or head[:1].isdigit():
        return None
    got = discourse.happening_day(ctx.text, head, m.start(), ctx.dated)
    if got is not None:
        base, how = got[0], f"the day of the {head}, written {got[0].isoformat()}"
    elif ctx.narrative and ctx.last_day is not None:
        base, how = ctx.last_day[1], "the last day the text gave"
    else:
        return None
    sign = 1 if direction == "after" else -1
    v, a, b, g = cal.offset_from(base, "week" if unit in ("weekend",) else unit, int(n), sign)
    start, end = m.start(), hm.end()
    if g == "day":
        ctx.last_day = (start, date.fromisoformat(a))
    return _expr(ctx, start, end, "DATE", v, a, b, g,
                 f"'{ctx.text[start:end]}': {int(n)} {unit}(s) {direction} {how} → {v}", mod, base)


_COARSENESS = {"day": 0, "week": 1, "weekend": 1, "month": 2, "season": 3, "quarter": 3, "half": 4, "year": 5,
               "decade": 6, "century": 7}


def _shift_date(d: date, kind: str, n: int) -> date:
    if kind == "day":
        return d + timedelta(days=n)
    if kind in ("week", "weekend"):
        return d + timedelta(days=7 * n)
    months = {"month": 1, "quarter": 3, "season": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[kind] * n
    y, m0 = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m0 + 1, min(d.day, cal.last_day(y, m0 + 1)))


def _anchor_near(ctx: _Ctx, pos: int, limit: int) -> bool:
    return ctx.anchor is not None and ctx.anchor_pos is not None and pos - ctx.anchor_pos < limit


def _quarter_near(ctx: _Ctx, pos: int, limit: int) -> bool:
    """A quarter was mentioned shortly before: financial reports compare quarters ("a year ago")."""
    return ctx.last_quarter is not None and ctx.last_quarter_pos is not None and pos - ctx.last_quarter_pos < limit


def _h_yearago(ctx: _Ctx, m, fam):
    e = _h_yearago_core(ctx, m, fam)
    if e is not None and re.search(r"(?i)-(?:ago|earlier)$", e.text):
        _drop_article(e)   # "the year-ago results": the article belongs to "results"
    return e


def _drop_article(e: TimeExpression) -> None:
    """An adjectival time expression ("the third-quarter loss", "the year-ago figures") leaves the
    article to the noun it modifies (TimeML)."""
    am = re.match(r"(?i)(?:the|a|an)\s+", e.text)
    if am and am.end() < len(e.text):
        e.start += am.end()
        e.text = e.text[am.end():]


def _h_yearago_core(ctx: _Ctx, m, fam):
    s = m.group(0)
    low = s.lower()
    ref, how = ctx.deictic_ref()
    if ref is None:
        return None
    if ctx.last_quarter is not None and (re.search(r"quarter|period", low) or _quarter_near(ctx, m.start(), 300)):
        idx = ctx.last_quarter - 4
        return _unit_expr(ctx, m.start(), m.end(), "quarter", idx, f"'{s}': the quarter under discussion a year before", anchor=ref)
    base = ctx.anchor.year if (ctx.narrative and ctx.anchor is not None) else ref.year
    return _unit_expr(ctx, m.start(), m.end(), "year", base - 1, f"'{s}': the year before {base}", anchor=ref)


def _dur_value(numtxt: str, unit: str, n: float | None) -> str | None:
    if unit not in R.UNITS:
        return None
    letter = R.UNITS[unit][0]
    if unit == "weekend":
        return f"P{_fmt_num(n * 2 if n is not None else None)}D" if n is not None else "PXWE"
    if unit == "fortnight":
        return f"P{_fmt_num(n * 2 if n is not None else None)}W"
    if unit == "decade":
        return f"P{_fmt_num(n * 10) if n is not None else 'X'}{'Y' if n is not None else 'DE'}"
    if unit == "century":
        return f"P{_fmt_num(n * 100) if n is not None else 'X'}{'Y' if n is not None else 'CE'}"
    if unit == "millennium":
        return f"P{_fmt_num(n * 1000) if n is not None else 'X'}{'Y' if n is not None else 'ML'}"
    if unit == "night":
        letter = "D"
    if unit == "quarter":
        return f"P{_fmt_num(n)}Q" if n is not None else "PXQ"
    if n is not None and n != int(n):
        # 2.5 years → P2Y6M, 1.5 days → P1DT12H, 5.5 hours → PT5H30M
        whole, frac = int(n), n - int(n)
        w = "" if whole == 0 else None
        if letter == "Y":
            return f"P{'' if not whole else f'{whole}Y'}{_fmt_num(round(frac * 12, 2))}M"
        if letter == "M" and unit == "month":
            return f"P{'' if not whole else f'{whole}M'}{_fmt_num(round(frac * 30, 2))}D"
        if letter == "W":
            return f"P{_fmt_num(round(n * 7, 2))}D"
        if letter == "D":
            return f"P{'' if not whole else f'{whole}D'}T{_fmt_num(round(frac * 24, 2))}H"
        if letter == "H":
            return f"PT{'' if not whole else f'{whole}H'}{_fmt_num(round(frac * 60, 2))}M"
        if letter == "M":
            return f"PT{'' if not whole else f'{whole}M'}{_fmt_num(round(frac * 60, 2))}S"
    return (f"PT{_fmt_num(n)}{letter}" if unit in R.TIME_UNITS else f"P{_fmt_num(n)}{letter}")


_ONE_DAY_FUTURE = re.compile(r"\b(?:will|would|could|might|may|can|shall|must|to|he|she|they|we|it|I|you)\s+$")
_ALWAYS = re.compile(r"(?i)(?:24|twenty[\s-]four)\s+hours\s+a\s+day|(?:7|seven)\s+days\s+a\s+week|(?:365|three\s+hundred\s+(?:and\s+)?sixty[\s-]five)\s+days\s+a\s+year|(?:52|fifty[\s-]two)\s+weeks\s+a\s+year")
_ALWAYS_TAIL = re.compile(r"(?i)(?:\b(?:24|twenty[\s-]four)\s+hours|\b(?:7|seven)\s+days|\b365\s+days|\b(?:52|fifty[\s-]two)\s+weeks)\s+$")
_DET_DROP = re.compile(r"(?i)^(?:a|an|another|their|its|his|her|this|that|each)\s+")


def _h_duration(ctx: _Ctx, m, fam):
    s = m.group(0)
    start, end = m.start(), m.end()
    mod, skip = _approx_mod(s)
    core = s[skip:]
    low = " ".join(core.lower().replace("-", " ").split())
    if low.endswith(" old"):
        return None   # an age ("a 6-year-old"), not a time expression
    if _ALWAYS.match(ctx.text, start) or _ALWAYS_TAIL.search(ctx.text[max(0, start - 24):start]):
        return None   # "24 hours a day, seven days a week": an idiom for "all the time", not a period
    if ctx.text.startswith(("-ago", "-earlier", "-Ago", "-Earlier"), end):
        return None   # "a year-earlier loss": the year-ago family
    tail = re.search(r" or (?:so|two|three|more)$", low)
    if tail:
        low = low[:tail.start()]
    half_after = low.endswith(" and a half")
    if half_after:
        low = low[:-len(" and a half")]
    um = re.search(r"\b(second|minute|hour|day|night|weekend|week|fortnight|month|quarter|year|decade|centur(?:y|ie)|millenni(?:um|a))s?(?: long)?$", low)
    if not um:
        return None
    unit = _unit_name(um.group(1))
    plural = um.group(0).split()[0].endswith("s") and not um.group(0).startswith("centur")
    pre = low[:um.start()].strip()
    pre = re.sub(r"\s+(?:more|additional|further|full|long|straight|consecutive|successive|extra)$", "", pre)
    words = pre.split()
    # strip determiners / period words to find the number
    lead = []
    while words and words[0] in ("the", "a", "an", "another", "their", "its", "his", "her", "this", "that", "each",
                                 "past", "last", "next", "coming", "first", "final", "previous", "following",
                                 "remaining", "other", "entire", "whole", "full", "initial", "additional", "further",
                                 "more", "extra"):
        if words[0] in ("a", "an") and (len(words) == 1 or words[1] in ("few", "couple", "dozen", "number", "hundred", "thousand", "quarter")):
            break   # "a few days", "a couple of years": the article is part of the quantity
        lead.append(words.pop(0))
    numtxt = " ".join(words)
    if " or " in numtxt:
        numtxt = numtxt.split(" or ")[-1]
    rm = re.fullmatch(r"between (.+) and (.+)|(.+) to (.+)", numtxt) or (
        re.search(r"\d\s*[-–]\s*\d", core) and re.fullmatch(r"(\d+) (\d+)", numtxt))
    if rm:
        # "two to three weeks", "between two and three years", "10-12 weeks": one duration, TimeML's value
        # is the lower bound with mod EQUAL_OR_MORE
        lo_txt, hi_txt = [g for g in rm.groups() if g is not None]
        lo_n, hi_n = _words_num(lo_txt), _words_num(hi_txt)
        if lo_n is None or hi_n is None or not lo_n < hi_n:
            return None
        numtxt = lo_txt
        mod = mod or "EQUAL_OR_MORE"
    vague = bool(re.fullmatch(r"several|a few|few|many|some|numerous|a number of|dozens of|hundreds of|thousands of|(?:several|a few) (?:hundred|thousand)", numtxt))
    n = None if vague else _words_num(numtxt)
    if not vague and n is None:
        return None
    if numtxt in ("a", "an") and (plural or re.search(r"(?i)-long$", core)):
        return None   # "a decades-long feud", "a week-long truce": the article belongs to the noun
    if half_after and n is not None:
        n += 0.5
    hyph = re.search(r"-(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century)", core.lower())
    if n is not None and not plural and not hyph and (n >= 100 or unit in ("quarter", "second")) and n != 1:
        return None   # "the 1988 quarter", "2019 second": not a duration
    if unit == "day" and numtxt == "one" and not plural and not lead and _ONE_DAY_FUTURE.search(ctx.text[max(0, start - 30):start]) \
            and re.match(r"\s+(?!later|earlier|before|after|of|in|at|and|or|ago)[a-z]+", ctx.text[end:end + 12]):
        ref, how = ctx.deictic_ref()
        return _expr(ctx, start, end, "DATE", "FUTURE_REF", ref.isoformat() if ref and not ctx.narrative else None, None, None,
                     f"'{s}': some day in the future", mod)   # "Islam will one day be", "he hoped to one day return"
    # "a second" (ordinal) and "one second" as in "a second time" are not durations
    if unit == "second" and numtxt in ("a", "an", "one", "second"):
        return None
    if unit == "quarter" and plural and hyph and re.match(r"\s+of\b", ctx.text[end:end + 6]):
        return None   # "three-quarters of its food": a fraction
    if unit == "quarter" and not plural and numtxt in ("a", "one") and re.match(
            r"\s+of\s+(?!a\s+century|the\s+(?:year|century|fiscal|decade))", ctx.text[end:end + 24]):
        return None   # "more than a quarter of the market": a fraction ("a quarter of a century" is a period)
    if re.search(r"\b[A-Z][a-z]+$", core) and (numtxt[:1].isdigit() or not _sentence_initial(ctx.text, start)
                                                 or re.search(r"-[A-Z][a-z]+$", core)):
        return None   # "60 Minutes", "the Six-Day War", "the Hundred Years' War": titles and names
    if ctx.text.startswith(("'", "’"), end) and _NAME_HEADS.match(ctx.text, end + 1):
        return None
    text = ctx.text
    after = text[end:end + 20]
    if n == 1 and numtxt in ("a", "an") and unit in ("year", "month", "week", "day", "night", "hour") and re.search(
            r"(?:\d|times|twice|once|percent|billion|million|%|\b[a-z]{3,}[^s\W]s)\s*$", text[max(0, start - 20):start]) \
            and not re.search(r"(?i:\b(?:within|for|in|after|over|about|than|under|at|by|of|from|to|per|last|past|lasts|takes|days|weeks|years|months|hours)\s*)$", text[max(0, start - 12):start]):
        if not re.search(r"(?i:\b(?:times|twice|once))\s*$", text[max(0, start - 12):start]):
            return None   # a rate ("$2 million a year", "700 seats a week"): the gold leaves it out, 8 times in 10
        return _expr(ctx, start, end, "SET", f"P1{R.UNITS[unit][0]}", None, None, None, f"'{s}': each {unit}")
    if lead and lead[0] in ("a", "an") and n is None:
        return None
    # adjectival "two-year" etc is a duration too
    val = _dur_value(numtxt, unit, n)
    if val is None:
        return None
    # a vague plural with no number ("several years") → PXY
    if unit == "second" and n is None:
        return None
    # drop leading possessive determiners from the extent (TimeML keeps "the")
    dm = _DET_DROP.match(core)
    if hyph and not dm:
        # "the 14-day siege": TimeML leaves the article out of an adjectival duration
        dm = re.match(r"(?i)the\s+(?:(?:extra|additional|entire|whole|full|first|last|past|next)\s+)?", core)
    if dm and not ((numtxt in ("a", "an") or re.match(r"an?\s", numtxt)) and dm.group(0).strip().lower() in ("a", "an")):
        start2 = start + skip + dm.end()
        if mod:
            start2 = start
        else:
            start = start2
    if rm and ctx.text[start:start + 8].lower() == "between ":
        start += 8   # "between" is a signal, outside the extent
    return _expr(ctx, start, end, "DURATION", val, None, None, None,
                 f"'{ctx.text[start:end]}': a duration of {_fmt_num(n)} {unit}{'s' if plural else ''}", mod)


_DAY_AND_BEFORE = re.compile(rf"{MONTH}\s+{DAYN}(?:\s*,\s*{DAYN})*(?:\s+(?:and|or|&)\s+|\s*,\s*)$")
# "from June to August 1944", "from 1 July to 18 November 1916", "between March and May 2003": the year
# written at the end of the range is the year of its start too
_RANGE_END_YEAR = re.compile(rf"\s*(?:[-–—]\s*|(?:to|through|until|till|and|or)\s+)(?:(?i:early|late|mid)[\s-]+)?(?:(?:the\s+)?{DAYN}\s+(?:of\s+)?)?({MONTH})(?:\s+{DAYN})?,?\s+({YEAR})\b")


def _range_year(ctx: _Ctx, month: int, end: int):
    """The year of a month (or month-day) starting a range whose end is written with a year, else None."""
    rm = _RANGE_END_YEAR.match(ctx.text, end)
    if not rm:
        return None
    m2 = _MONTH_IN.match(rm.group(1))
    if not m2:
        return None
    y = int(rm.group(2))
    return y if month_of(m2.group(0)) >= month else y - 1


_DAY_LIST_YEAR = re.compile(rf"(?:\s*,\s*\d{{1,2}}(?:st|nd|rd|th)?)*\s*,?\s+(?:and|or|&)\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+({YEAR})")
_DAYN_ONLY = re.compile(r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?")
_DAY_AND_AFTER = re.compile(rf"(?:\s*,\s*{DAYN})*\s*,?\s+(?:and|or|&)\s+{DAYN}\s+(?:of\s+)?({MONTH})(?:,?\s+({YEAR}))?")
_DAY_LIST_AFTER = re.compile(r"(?:\s*,\s*\d{1,2}(?:st|nd|rd|th)?)*\s*,?\s+(?:and|or|&)\s+\d")


def _h_dayand(ctx: _Ctx, m, fam):
    """"the summit on April 24 and 25": the second day is a date of its own, in the first one's month."""
    start, end = m.start(), m.end()
    fm = _DAY_AND_AFTER.match(ctx.text, end) if _DAYN_ONLY.fullmatch(m.group(0)) else None
    if fm:
        # "on 13 and 14 February 1945": the first day takes the month (and year) of the date after it
        month = month_of(fm.group(1))
        day = int(re.match(r"\d+", m.group(0)).group(0))
        if fm.group(2):
            y = int(fm.group(2))
        else:
            y, _why, _a = _year_from_context(ctx, month, start, end, None, day)
            if y is None:
                return None
        d = date(y, month, day)
        ctx.last_day = (start, d)
        return _unit_expr(ctx, start, end, "day", d.toordinal(), f"'{m.group(0)}': day {day} of {_MNAME[month]} {y}, the month written after the list of days")
    if ctx.last_day is None or start - ctx.last_day[0] > 40:
        return None
    bm = _DAY_AND_BEFORE.search(ctx.text[max(0, start - 40):start])
    if not bm:
        return None
    if bm.group(0).rstrip().endswith(",") and not _DAY_LIST_AFTER.match(ctx.text, end):
        return None   # "March 3, 4 and 5": a comma only inside a list that ends with "and"
    if re.match(r"\s*(?:%|percent|per\s+cent|[a-z]+s\b|people|men|women|children)", ctx.text[end:end + 12]) \
            and not re.match(r"\s+(?:was|has|is|as|this|his|its)\b", ctx.text[end:end + 12]):
        return None   # "May 3 and 4 percent", "April 24 and 25 votes": quantities, not days
    d0 = ctx.last_day[1]
    day = int(re.match(r"\d+", m.group(0)).group(0))
    ym = _YEAR_IN.search(m.group(0), 2)
    if ym:
        d0 = d0.replace(year=int(ym.group(1)))
    if day <= d0.day:
        return None
    d = d0.replace(day=day)
    ctx.last_day = (start, d)
    return _unit_expr(ctx, start, end, "day", d.toordinal(), f"'{m.group(0)}': day {day} of the month of {d0.isoformat()} just mentioned")


def _h_clock(ctx: _Ctx, m, fam):
    s = m.group(0)
    start, end = m.start(), m.end()
    mod, skip = _approx_mod(s)
    core = s[skip:]
    if core.lower().startswith("at "):
        if skip == 0:
            start += 3
        core = core[3:]
    low = core.lower()
    hh = mm_ = None
    if re.search(r"(?i:\bhigh\s+)$", ctx.text[max(0, start - 6):start]):
        return None   # "high noon"
    if low.startswith("noon") or low.startswith("midday"):
        hh, mm_ = 12, 0
    elif low.startswith("midnight"):
        hh, mm_ = 0, 0
    else:
        tm = re.match(r"(\d{2})(\d\d)(?=\s*(?:gmt|utc|z\b|hrs|hours|local|" + ZONE_CITY.lower() + r"\s+time\b|and\s+\d{4}))()", low + ctx.text[end:end + 24].lower()) or \
            re.match(r"(\d{1,2})(?::(\d\d))?\s*(a\.?m\.?|p\.?m\.?|in the morning|in the afternoon|in the evening|at night|o'clock)?", low)
        if not tm:
            return None
        hh = int(tm.group(1))
        mm_ = int(tm.group(2) or 0)
        ap = tm.group(3)
        if ap and ap.startswith(("in the", "at night", "o'clock")):
            # "4 in the morning", "9 at night"
            ap = "a" if ap in ("in the morning", "o'clock") else "p"
        if ap is None and tm.group(2) is None:
            return None
        if ap:
            if hh > 12 or hh == 0:
                return None
            if ap.startswith("p") and hh < 12:
                hh += 12
            if ap.startswith("a") and hh == 12:
                hh = 0
        else:
            # "3:45" could be a score or a ratio; require a clock context
            before = ctx.text[max(0, start - 12):start].lower()
            if not re.search(r"\b(?:at|by|until|from|after|before|since|around|about|between)\s*$", before) and not re.search(r"[a-z]", low[tm.end():]):
                return None
    # the day: a weekday/today written with the clock, else the last day mentioned nearby, else the reference
    day = None
    how = ""
    dm = re.search(r"(today|yesterday|tomorrow)$", low)
    wm = _WD_IN.search(core)
    mo = _MONTH_IN.search(core)
    ref, rhow = ctx.deictic_ref()
    if mo:
        month = month_of(mo.group(0))
        dd = _DAY_IN.search(core, mo.end())
        if dd is None or _YEAR_IN.match(core, dd.start()):
            # "at 04:00 on 22 June": the day before the month (after the clock time)
            dd = None
            for dd in _DAY_IN.finditer(core, 0, mo.start()):
                pass
        if dd is None:
            return None
        yy = _YEAR_IN.search(core, mo.end())
        if yy:
            day = date(int(yy.group(1)), month, int(dd.group(1)))
            how = "explicit date"
        else:
            y, how, _a = _year_from_context(ctx, month, start, end, None)
            day = date(y, month, int(dd.group(1))) if y else None
    elif dm and ref is not None:
        day = ref + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[dm.group(1)])
        how = dm.group(1)
    elif wm and ref is not None:
        wd = R.WEEKDAYS[wm.group(0).lower()]
        day, _, how = _weekday_resolve(ctx, wd, None, start, end)
    elif ctx.last_day is not None and start - ctx.last_day[0] < 1500 and (
            ctx.narrative or ctx.ref is None or abs((ctx.last_day[1] - ctx.ref).days) <= 7
            or next(ctx.breaks(ctx.last_day[0], start), None) is None):
        # news: an old date in an earlier sentence ("the invasion on Feb. 24, 2022. ... at 10 a.m.") is not
        # the day of the clock time
        day = ctx.last_day[1]
        how = "the day mentioned just before"
    elif ref is not None:
        day = ref
        how = f"the {rhow}"
    if day is None:
        return _expr(ctx, start, end, "TIME", f"XXXX-XX-XXT{hh:02d}:{mm_:02d}", None, None, "minute",
                     f"'{s}' with no day", mod)
    if low.startswith("midnight"):
        # "expires at midnight Friday": the end of that day (TIMEX3 writes it T24:00), the next day's first minute
        nxt = f"{(day + timedelta(days=1)).isoformat()}T00:00"
        return _expr(ctx, start, end, "TIME", f"{day.isoformat()}T24:00", nxt, nxt, "minute",
                     f"'{ctx.text[start:end]}': the end of {day.isoformat()} ({how})", mod, ref)
    v = f"{day.isoformat()}T{hh:02d}:{mm_:02d}"
    utc = cal.utc_mark(ctx.text, start, end)
    return _expr(ctx, start, end, "TIME", v + utc, v, v, "minute",
                 f"'{ctx.text[start:end]}' on {day.isoformat()} ({how})" + (", in UTC" if utc else ""), mod, ref)


def _h_theunit(ctx: _Ctx, m, fam):
    s = m.group(0)
    start, end = m.start(), m.end()
    low = " ".join(s.lower().split())
    pm = re.search(r"(?i:\b(for|in|during|of|over|through|throughout)\s+)$", ctx.text[max(0, start - 12):start])
    prep = pm.group(1).lower() if pm else None
    unit = low.rsplit(" ", 1)[-1]
    after = ctx.text[end:end + 20]
    if low.endswith("new year"):
        # "talks are expected in the new year" written in December: the year about to begin
        ref, how = ctx.deictic_ref()
        if ref is None or re.match(r"\s*['’]s\b|\s+(?:holiday|celebration|eve|party|message|address|speech|greetings)", after):
            return None
        y = ref.year + 1 if ref.month >= 10 else ref.year
        return _unit_expr(ctx, start, end, "year", y, f"'{ctx.text[start:end]}': the year {'about to begin' if y > ref.year else 'just begun'} at the {how} {ref.isoformat()} → {y}",
                          _pos_mod(low), ref)
    if re.match(r"\s+(?:ended|ending)\b", after) and unit == "year":
        return _expr(ctx, start, end, "DURATION", "P1Y", None, None, None, f"'{ctx.text[start:end]}': a (fiscal) year, a period of one year")
    if re.match(r"\s+(?:before|after|earlier|later|ago|of|in\s+which|that|when|ahead|to\s+date)\b", after):
        return None
    if prep == "throughout" and unit == "year" and not re.match(r"the\s+(?:early|late|mid|beginning|end|start|middle|first|second)", low):
        return _expr(ctx, start, end, "DURATION", "P1Y", None, None, None, f"'{ctx.text[start:end]}': a period of one year")
    ref, how = ctx.deictic_ref()
    kind = unit
    if ctx.anchor is not None and ctx.anchor_kind in ("day", "week", "month", "quarter", "year", "half", "season") \
            and (ctx.narrative or ref is None or _anchor_near(ctx, start, 150)):
        base, how = ctx.anchor, "date under discussion"
        if not ctx.narrative and ref is not None:
            # news: the date just mentioned, unless the clause points the other way from it
            t = ctx.tense(start, end)
            if t != "future" and re.search(r"\b(?:could|might|may)\s+(?!have\b)", ctx.sentence(start, end)[0]):
                t = "future"   # "famine could spread by the end of the year"
            step = cal.index_of(kind, base) - cal.index_of(kind, ref)
            if step < 0 and t == "future":
                base, how = ref, "reference (future tense: not the earlier date just mentioned)"
            elif step > 0 and t == "past":
                base, how = ref, "reference (past tense: not the later date just mentioned)"
            elif step < 0 and re.search(r"(?i:\bsince\s+)$", ctx.text[max(0, start - 8):start]):
                base, how = ref, "reference ('since': up to now, not the earlier date just mentioned)"
    elif ref is not None:
        base = ref
    else:
        return None
    idx = cal.index_of(kind, base)
    pmod = _pos_mod(low)
    e = _unit_expr(ctx, start, end, kind, idx, "", pmod, base)
    e.reasoning = f"'{e.text}': the {kind} of the {how} ({base.isoformat()}) → {e.value}"
    return e


_SPELL_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def _h_yearend(ctx: _Ctx, m, fam):
    s = m.group(0)
    start, end = m.start(), m.end()
    low = " ".join(s.lower().split())
    pm = re.match(r"(around|about|by|since|until|before|after)\s+", low)
    mod = None
    if pm:
        if pm.group(1) in ("around", "about"):
            mod = "APPROX"
        else:
            start += pm.end()
    ref, how = ctx.deictic_ref()
    if ref is None:
        return _expr(ctx, start, end, "DATE", "XXXX-12-31", None, None, "day", f"'{s}': the end of a year, no reference date")
    y = ref.year
    if (pm and pm.group(1) == "since") or ctx.tense(start, end) == "past" and ref.month < 7:
        y -= 1
    d = date(y, 12, 31)
    return _unit_expr(ctx, start, end, "day", d.toordinal(), f"'{ctx.text[start:end]}': the last day of {y} (year of the {how} {ref.isoformat()})", mod, ref)


def _h_sametime(ctx: _Ctx, m, fam):
    """"At the same time the bombers left" in a history: the day (or time) the story is at; in news it is
    mostly a connective ("at the same time, we believe"), left alone."""
    if not ctx.narrative or re.match(r"\s*,", ctx.text[m.end():m.end() + 2]):
        return None   # news, or "At the same time, ...": a connective
    start = m.start() + m.group(0).lower().index("the")
    if ctx.last_day is not None and m.start() - ctx.last_day[0] <= 600:
        d = ctx.last_day[1]
        return _unit_expr(ctx, start, m.end(), "day", d.toordinal(),
                          f"'{ctx.text[start:m.end()]}': the day the story is at, the last mentioned day {d.isoformat()}", None, d)
    if ctx.anchor is None or ctx.anchor_kind not in ("week", "month", "season", "quarter", "year") \
            or ctx.anchor_pos is None or m.start() - ctx.anchor_pos > 600:
        return None
    kind = ctx.anchor_kind
    return _unit_expr(ctx, start, m.end(), kind, cal.index_of(kind, ctx.anchor),
                      f"'{ctx.text[start:m.end()]}': the time the story is at, {cal.value_of(kind, cal.index_of(kind, ctx.anchor))}",
                      None, ctx.anchor)


_HANDLERS = {
    "sametime": _h_sametime, "date_mdy": _h_date, "date_dmy": _h_date, "month": _h_month,
    "weekday": _h_weekday, "weekof": _h_weekof, "partof": _h_partof, "dawn": _h_dawn, "ordday": _h_ordday, "dayrel": _h_dayrel, "year": _h_year, "era": _h_era, "century": _h_century,
    "quarter": _h_quarter, "season": _h_season, "holiday": _h_holiday,
    "ref": _h_ref, "today": _h_today, "partofday": _h_partofday, "relunit": _h_relunit, "anaph": _h_anaph,
    "ago": _h_ago, "yearago": _h_yearago, "duration": _h_duration, "durdet": _h_relunit,
    "yearend": _h_yearend, "dayand": _h_dayand, "clock": _h_clock, "theunit": _h_theunit,
}
R.check_handlers((name for name, _ in FAMILIES), _HANDLERS)

# The families moved onto the engine (a first step of English onto it): matched by the rules of
# lang/en/rules.toml (``engine.matches``) and resolved by the engine (``_engine_expr``); no pattern family and no
# handler here. Each rule names its family (what the loop of ``tag_text`` knows it by) and ranks it after a family.
EN = _engine.load("en")
_ENGINE_FAMILY = tuple(r.meta.get("family") for r in EN.rules)   # rule index -> family
# Priority when two candidates have the same span (lower first): the order of patterns.toml, each moved family
# right after the family its rules name.
_PRIORITY = {name: i for i, name in enumerate(
    R.family_order((name for name, _ in FAMILIES), ((r.meta.get("family"), r.meta.get("after")) for r in EN.rules)))}


# Trigger words: the head word of every pattern family. Only around a trigger are the family
# expressions tried (anchored, at the trigger and the word starts just before it), which keeps the
# cost linear in the text and small per word.
_UNIT_WORDS = list(R.UNITS) + [p for p in R.UNIT_PLURALS if p[:-1] not in R.UNITS]   # + "s" below
_UNIT_FAMS = ["theunit", "relunit", "anaph", "ago", "duration", "durdet", "yearago", "holiday", "ref", "quarter"]


def _build_triggers() -> dict[str, tuple[str, ...]]:
    t: dict[str, set[str]] = {}

    def add(words, fams):
        for w in words:
            t.setdefault(w.lower(), set()).update(fams)

    add(list(R.MONTHS) + list(R.MONTH_ABBR), ["weekof", "partof", "date_mdy", "date_dmy", "month", "holiday"])
    add(list(R.WEEKDAYS) + list(R.WEEKDAY_ABBR), ["date_mdy", "date_dmy", "weekday", "holiday", "clock"])
    add(list(R.WEEKDAYS), ["dayrel"])
    add(["#digits"], ["ordday", "dayand", "era", "date_dmy", "year", "century", "quarter",
                      "ago", "duration", "clock"])
    add(_UNIT_WORDS + [u + "s" for u in _UNIT_WORDS], _UNIT_FAMS)
    add(["quarter", "quarters"], ["quarter"])
    add(["century", "centuries"], ["century"])
    add(["same"], ["sametime"])
    add(["end"], ["yearend"])
    add(["period"], ["quarter"])
    add(list(R.SEASONS), ["season"])
    add(["today", "yesterday", "tomorrow", "tonight"], ["today", "partofday", "clock"])
    add(list(R.PARTS_OF_DAY), ["partofday", "weekday", "today"])
    add(["now", "currently", "current", "presently", "nowadays", "present", "moment", "recently", "lately",
         "past", "future", "term", "date", "point"], ["ref"])
    add(["noon", "midnight", "midday", "am", "pm"], ["clock"])
    add(["dawn", "daybreak", "first", "sunrise", "dusk", "nightfall", "sunset"], ["dawn"])
    add(["christmas", "easter", "thanksgiving", "halloween", "eve", "july", "friday", "monday", "sunday"], ["holiday"])
    return {k: tuple(sorted(v, key=lambda f: _PRIORITY[f])) for k, v in t.items()}


_TRIGGERS = _build_triggers()
# Families whose pattern starts with the trigger word: tried at the trigger only, not at the words before it.
_AT_TRIGGER_ONLY = frozenset({"dayand"})
_RX = dict(_COMPILED)
# The tokens a match of each family can begin with, when it begins before its trigger word (None: any).
# Families whose pattern begins with the trigger word itself begin nowhere before it.
_LEADS = {name: (frozenset() if name in _AT_TRIGGER_ONLY else lead_tokens(p)) for name, p in FAMILIES}
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_LOOKBACK_TOKENS = 6


# The families moved onto the engine that keep the reach of the scan above: a match of theirs begins at a trigger
# word inside it or at most _LOOKBACK_TOKENS tokens and 60 characters before one ("the first few days of the early
# 1990s" is too long: "the early 1990s"); their trigger words, as they were in ``_build_triggers``.
_ENGINE_REACH = {
    "decade": frozenset(["#digits", *R.DECADE_WORDS]),
    "millennium": frozenset(["#digits", "millennium", "millennia",
                             *(w for w, v in R.ORDINALS.items() if 1 <= v <= 10 and not w[:1].isdigit())]),
}


def _in_reach(text: str, start: int, end: int, triggers: frozenset) -> bool:
    """Whether the scan would have tried a match at ``start``–``end``: from a trigger token inside it, at most
    _LOOKBACK_TOKENS tokens and 60 characters after its start (a match that does not begin at a token, "'90s" at
    its apostrophe, was tried there)."""
    if not _TOKEN.match(text, start):
        return True
    for k, tm in enumerate(_TOKEN.finditer(text, start)):
        ts = tm.start()
        if k > _LOOKBACK_TOKENS or ts >= end or ts - start > 60:
            return False
        w = tm.group(0)
        if ("#digits" if w[0].isdigit() else w.lower()) in triggers:
            return True
    return False


def _candidates(text: str):
    """Every match of every family that starts at a trigger word or at one of the six tokens before it
    and reaches past the trigger: (start, -end, priority, family, match). A family is tried at a token
    before the trigger only if the token is one its pattern can begin with (``_LEADS``)."""
    cands = []
    seen = set()
    trig = _TRIGGERS
    rxs = _RX
    prio = _PRIORITY
    leads = _LEADS
    recent: list = []   # the recent tokens (match objects), the current one last
    for tm in _TOKEN.finditer(text):
        ts = tm.start()
        recent.append(tm)
        if len(recent) > _LOOKBACK_TOKENS + 1:
            del recent[0]
        w = tm.group(0)
        fams = trig.get("#digits" if w[0].isdigit() else w.lower())
        if not fams:
            continue
        lo = ts - 60
        for pm in recent:
            p = pm.start()
            if p < lo:
                continue
            if p > 0:
                c = text[p - 1]
                if c.isalnum() or c == "'" and p > 1 and text[p - 2].isalnum():
                    continue
            # also try from an apostrophe just before ("'90s")
            at_trigger = p == ts
            if not at_trigger:
                pw = pm.group(0)
                lead = "#digits" if pw[0].isdigit() else pw.lower()
            for name in fams:
                if not at_trigger:
                    allowed = leads[name]
                    if allowed is not None and lead not in allowed:
                        continue   # no match of this family can begin with this token
                key = (p, name)
                if key in seen:
                    continue
                seen.add(key)
                m = rxs[name].match(text, p)
                if m is None or m.end() <= ts:
                    continue
                sm = m.group(0)
                if sm != sm.rstrip(" \t\n-,"):
                    continue
                cands.append((m.start(), -m.end(), prio[name], name, m))
    # the families moved onto the engine: every match of their rules (which start where a family here may)
    for start, end, frame, k, m in _engine.matches(EN, text):
        if text[end - 1] in " \t\n-,":
            continue   # as a pattern family's match ending in a space, a hyphen or a comma
        name = _ENGINE_FAMILY[k]
        reach = _ENGINE_REACH.get(name)
        if reach is not None and not _in_reach(text, start, end, reach):
            continue
        cands.append((start, -end, prio[name], name, _Found(m, frame, start, end)))
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    return cands


class _Found:
    """A match of a rule of lang/en/rules.toml among the candidates: what the loop of ``tag_text`` reads of a
    pattern family's match (its text and end), and the frame the engine read from it."""
    __slots__ = ("m", "frame", "s", "e")

    def __init__(self, m: re.Match, frame: dict, start: int, end: int):
        self.m, self.frame, self.s, self.e = m, frame, start, end

    def group(self, i: int = 0) -> str:
        return self.m.string[self.s:self.e] if i == 0 else self.m.group(i)

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e


class _EngineView:
    """The tagger's state as the engine's resolver reads and moves it (the interface of
    ``engine.resolve.Context``) while it resolves a family moved onto the engine: the reference, the story's time
    and the tense are the tagger's; a date the engine says the text wrote out (``set_anchor``) moves the story's
    time as the tagger's own handlers do (``_set_anchor``, where the expression is written; with ``locates=False``
    without the written span, so the discourse year stays, as the handler of spelled years did), and the last day
    read is the tagger's (with the expression's start)."""

    def __init__(self, ctx: _Ctx):
        self.ctx = ctx
        self.lang = EN
        self.span = (0, 0)
        self.dated: list = []      # the tagger keeps its own (in ``tag_text``)

    @property
    def text(self) -> str:
        return self.ctx.text

    @property
    def ref(self) -> date | None:
        return self.ctx.ref

    @property
    def narrative(self) -> bool:
        return self.ctx.narrative

    @property
    def anchor(self) -> date | None:
        return self.ctx.anchor

    @property
    def anchor_kind(self) -> str | None:
        return self.ctx.anchor_kind

    @property
    def last_day(self) -> date | None:
        return self.ctx.last_day[1] if self.ctx.last_day is not None else None

    @last_day.setter
    def last_day(self, d: date | None) -> None:
        self.ctx.last_day = (self.span[0], d) if d is not None else None

    def deictic_ref(self) -> tuple[date | None, str]:
        return self.ctx.deictic_ref()

    def anaphoric_ref(self) -> tuple[date | None, str]:
        return self.ctx.anaphoric_ref()

    def tense(self, start: int, end: int) -> tuple[str | None, str]:
        t = self.ctx.tense(start, end)
        return t, self.ctx.last_cue or ""

    def set_anchor(self, d: date, kind: str, locates: bool = True) -> None:
        _set_anchor(self.ctx, kind, cal.index_of(kind, d), self.span if locates else None)

    def set_bc(self, earliest: str) -> None:
        """The story is at a year before the common era (the ISO earliest bound, "-0479-01-01"): the tagger's BC
        state, with no day, month or story time of the common era (as ``_bc_period`` leaves them)."""
        ctx = self.ctx
        ctx.bc_year = int(earliest[:earliest.index("-", 1)])
        ctx.bc_day = ctx.bc_month = None
        ctx.anchor = ctx.anchor_kind = ctx.anchor_index = None
        ctx.last_day = None


def _engine_expr(ctx: _Ctx, found: _Found) -> TimeExpression | None:
    """The engine's expression for a match of lang/en/rules.toml, resolved with the tagger's state."""
    view = ctx.engine_view
    if view is None:
        view = ctx.engine_view = _EngineView(ctx)
    view.span = (found.s, found.e)
    return _engine_resolve(view, found.frame, found.s, found.e)


_ANCHOR_KINDS = {"day": "day", "week": "week", "weekend": "weekend", "month": "month", "quarter": "quarter",
                 "half": "half", "season": "season", "year": "year", "hour": "day", "minute": "day"}


_STRICT = False
HISTORY_IN_NEWS = True   # read the passages of a news text that tell a history against their story's time


def set_strict(flag: bool) -> None:
    """Strict mode (tests, development): a handler's error is raised instead of costing its candidate, and
    the tagger's "never raise" guards let it through, so the bug shows. Dates out of the calendar
    (ValueError, OverflowError) are never errors."""
    global _STRICT
    _STRICT = bool(flag)


def is_strict() -> bool:
    return _STRICT

# A relative expression that looks back from where the story is ("two weeks earlier", "the previous day",
# "the day before"): it does not move the story's time.
_APPOSITION = re.compile(r"\s*,\s*$")
_FLASHBACK = re.compile(r"(?i)\b(?:earlier|previous|prior)\b|\bbefore$")


_ON = re.compile(r"\s+on\s+")
_VERB_LAST = re.compile(r"(?i)\b(?:to|will|would|could|can|may|might|should|not|also|which|that|'ll)\s+$")
_JUST_SPACE = re.compile(r"[ \t]+(?:on[ \t]+)?")
_PAIRED_YEAR = re.compile(r"(?i)\b(?:between|from|in|of|c\.|circa)\s+\d{3,4}(?:\s*(?:AD|CE))?\s*(?:and|or|to|[-–])\s*$")
_RANGE_LINK = re.compile(r"(?i)\s*(?:[-–—]|to|until|till|through|and|and\s+(?:\w+\s+){1,3}(?:until|till|to|through))\s*(?:on\s+|in\s+)?")
_WEEK_OF = re.compile(r"(?i)the\s+(first|opening|last|final|closing)\s+week\s+of\s")
_OF = re.compile(r"\s+of\s+")
_RESTATED = re.compile(r"\s*\(\s*")
_CLOSE_PAREN = re.compile(r"\s*\)")
_BARE_CLOCK = re.compile(r"(?i)[\d:.\s]+(?:[ap]\.?m\.?\s*)?[a-z]{0,5}")   # "0735 GMT", "4 a.m. EDT"
_ASIDE = re.compile(r"\s*\([^()\n]{1,30}\)\s*(?:on\s+)?")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_FROM_DAY = re.compile(r"(?i)\b(?:from|between)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:to|until|till|and|[-–])\s+")
_SEASON_OF = re.compile(rf"(?i)\b(?:the\s+)?({_SEASON_WORDS})\s+of\s+$")
_ORDDAY_OF = re.compile(r"(?i)\bthe\s+(3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\s+of\s+$")
_ANAPHOR_UNIT = re.compile(r"(?i)(?:that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+(year|month)")


def _refine(text: str, e: TimeExpression) -> None:
    """Span and interval fixes that need only the expression and the text around it."""
    if e.type == "DURATION" and e.text[:5].lower() == "last " and _VERB_LAST.search(text, max(0, e.start - 12), e.start):
        e.start += 5   # "meant to last 60 days": the verb, not "the last 60 days"
        e.text = text[e.start:e.end]
    wk = _WEEK_OF.match(e.text)
    if wk and e.granularity in ("month", "year") and e.earliest and e.latest and len(e.earliest) == 10:
        # "the first week of August 1914": seven days, not the first third of the month
        a, b = date.fromisoformat(e.earliest), date.fromisoformat(e.latest)
        if wk.group(1).lower() in ("first", "opening"):
            e.latest = min(b, a + timedelta(days=6)).isoformat()
        else:
            e.earliest = max(a, b - timedelta(days=6)).isoformat()


def _clock_on_day(clock: TimeExpression, day: TimeExpression) -> None:
    """Move a clock time read on the reference day onto the day written after an aside."""
    d = day.value
    for f in ("value", "earliest", "latest"):
        v = getattr(clock, f)
        if v and "T" in v:
            setattr(clock, f, d + v[v.index("T"):])
    clock.reasoning = f"'{clock.text}' on {d} (the day written after it, '{day.text}')"


def _handle(ctx: _Ctx, m: re.Match, name: str) -> TimeExpression | None:
    """The expression the family's handler makes of a candidate, or None."""
    try:
        if type(m) is _Found:   # a family moved onto the engine
            return _engine_expr(ctx, m)
        if name[0] == "_":   # the readings after a date before the common era
            if name == "_bc_offset":
                return _bc_offset(ctx, m)
            if name == "_bc_season":
                return _bc_season(ctx, m)
            return _bc_follower(ctx, m, name.partition(":")[2])
        return _HANDLERS[name](ctx, m, name)
    except Exception as exc:  # one bad candidate never costs the others
        if _STRICT and not isinstance(exc, (ValueError, OverflowError)):   # dates out of the calendar
            raise
        return None


# A history told inside a news report (issue 17): the evidence, in English, for discourse.history_passages.
# what says a year locates a happening ("in July 1940", "on 7 September 1940", "during 1943", "By 1944")
_LOCATING_BEFORE = re.compile(
    rf"(?:\b(?i:in|on|during|by|from|throughout)\s+(?:(?i:early|late|mid)[\s-]+)?(?:the\s+)?"
    rf"(?:(?:the\s+)?{DAYN}\s+(?:of\s+)?)?(?:(?:{MONTH}|{SEASON})\s+(?:of\s+)?(?:{DAYN},?\s+)?)?"
    rf"|{MONTH}\s+(?:{DAYN},?\s+)?|{DAYN}\s+(?:of\s+)?{MONTH},?\s+)$")
_ANY_YEAR = re.compile(r"[12]\d{3}(?![\d,.]?\d|\s*(?:%|percent))")   # (and not after [\d$€£.,'’/-]: see below)
_NOT_BEFORE_YEAR = frozenset("0123456789$€£.,'’/-")
# what makes a paragraph of a news report speak as news: a day or a time counted from the day of writing
_NEWS_CUE = re.compile(
    r"\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Ll]ast\s+night|[Tt]his\s+(?:morning|afternoon|evening|"
    r"week|month|year)|(?:[Ll]ast|[Nn]ext)\s+(?:week|month|year)|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"(?!,?\s+(?:\d|the\s+\d|[A-Z][a-z]+\.?\s+\d)))\b")
# how a paragraph that carries a history on opens: a time adverbial that needs the story's time
_CONTINUES = re.compile(
    rf"\s*[\"“]?(?:(?i:(?:in|on|by|during|until|from|early|late|later|earlier)\s+(?:in\s+)?)?(?:(?i:early|late|mid)[\s-]+)?"
    rf"(?:the\s+)?(?:{MONTH}|{SEASON}|{DAYN}\s+(?:of\s+)?{MONTH})(?![,\s]+\d{{3,4}})\b"
    rf"|(?i:(?:{NUM}|{NUM_VAGUE})[\s-]+(?:day|night|week|month|year)s?\s+(?:later|after(?:wards?)?))"
    rf"|(?i:(?:the|that)\s+(?:next|following|same)\s+(?:day|morning|evening|night|week|month|spring|summer|autumn|"
    rf"winter))|(?i:that\s+(?:day|night|week|month|spring|summer|autumn|fall|winter))\b)")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_LINE_BREAK = re.compile(r"\n")
_OPENS_BEFORE = re.compile(r"(?:^|[.!?][\"”'’)]?\s+|\n\s*|[\"“]\s*|\bago,?\s+)$")   # "Eighty years ago, in July 1940"
_NOW_VERB = re.compile(r"\b(?:will|won't|shall|is|isn't|are|aren't|am|has|hasn't|have|haven't|says|say|does|do|"
                       r"can|may|might|must|plans?|expects?|remains?)\b")


def _continues_history(text: str, a: int, b: int) -> bool:
    """Whether a paragraph without a year or a news cue goes on with the history before it: it opens with a
    time adverbial that needs the story's time ("In June,", "Two days later"), or its verbs are all past."""
    if _CONTINUES.match(text, a):
        return True
    return _PAST.search(text, a, b) is not None and _NOW_VERB.search(text, a, b) is None


def _history_passages(ctx: _Ctx) -> list[tuple[int, int]]:
    """The passages of a news text that tell a history (see ``discourse.history_passages``)."""
    text = ctx.text
    years = []
    old = ctx.ref.year - discourse.HISTORY_GAP
    for m in _ANY_YEAR.finditer(text):
        y = int(m.group(0))
        if y < 1000 or y > 2099 or m.start() and text[m.start() - 1] in _NOT_BEFORE_YEAR:
            continue
        if y > old:
            years.append((m.start(), y, False))   # a recent year: where it is written is all that counts
            continue
        lm = _LOCATING_BEFORE.search(text, max(0, m.start() - 40), m.start())
        # the year sets the story's time when its phrase opens the sentence ("In July 1940, the Luftwaffe ..."),
        # not in a clause about something else ("a program approved by the company in 1987")
        opens = lm is not None and _OPENS_BEFORE.search(text, max(0, lm.start() - 6), lm.start()) is not None
        years.append((lm.start() if lm else m.start(), y, opens))
    if not any(loc for _, _, loc in years):
        return []
    # the text must show itself as news somewhere (a day counted from the day of writing, a recent year):
    # a text with neither is left to the mode chosen for the whole text
    if not any(y > ctx.ref.year - discourse.HISTORY_GAP for _, y, _ in years) \
            and not any(not discourse.quoted(text, m.start(), text.rfind("\n", 0, m.start()) + 1)
                        for m in _NEWS_CUE.finditer(text)):
        return []
    breaks = _PARAGRAPH_BREAK if ctx.wrapped else _LINE_BREAK
    paragraphs, a = [], 0
    for bm in breaks.finditer(text):
        if bm.start() > a:
            paragraphs.append((a, bm.start()))
        a = bm.end()
    if a < len(text):
        paragraphs.append((a, len(text)))
    return discourse.history_passages(text, ctx.ref.year, sorted(years), paragraphs, _NEWS_CUE, _continues_history)


def tag_text(text: str, reference: date | None, narrative: bool, story: bool = False,
             news: list[tuple[int, int]] | None = None) -> list[TimeExpression]:
    """``story``: the text reads like a history although it is not taken as a narrative; the year it
    writes out carries a little further (three sentences in the paragraph instead of one). ``news``: in a
    narrative, the passages (start, end) that speak as news and are resolved against the reference."""
    ctx = _Ctx(text, reference, narrative)
    if story:
        ctx.disc_reach = 3
    history = _history_passages(ctx) if not narrative and reference is not None and HISTORY_IN_NEWS else None
    out: list[TimeExpression] = []
    last_end = 0
    aside = False
    before_last = None   # the anchor before the last expression was read
    for start, negend, _, name, m in _candidates(text):
        if start < last_end:
            continue
        if news:
            ctx.narrative = narrative and not discourse.in_spans(news, start)
        elif history:
            # a history passage of a news text follows its story; its (quoted) "today" and "now" are still the
            # time of the report, and leave the story where it was
            ctx.narrative = discourse.in_spans(history, start)
            aside = ctx.narrative and name in ("today", "ref")
            if aside:
                ctx.narrative = False
        saved = (ctx.anchor, ctx.anchor_kind, ctx.anchor_index, ctx.anchor_pos, ctx.last_day)
        saved_disc = (ctx.disc_year, ctx.disc_pos)
        if name == "ago" and out and before_last is not None and out[-1].reasoning.startswith("explicit") \
                and _APPOSITION.match(text, out[-1].end, start):
            # "It was liberated in 1944, two years later": the offset restates the date just written,
            # counted from where the story was before it
            ctx.anchor, ctx.anchor_kind, ctx.anchor_index, ctx.anchor_pos, ctx.last_day = before_last
            e = _handle(ctx, m, name)
            ctx.anchor, ctx.anchor_kind, ctx.anchor_index, ctx.anchor_pos, ctx.last_day = saved
            if e is not None and e.value == out[-1].value:
                out.append(e)   # it agrees: the story stays at the date written
                before_last = saved
                last_end = e.end
                continue
        if name == "ago" and ctx.bc_year is not None and _ANAPHORIC_END.search(m.group(0)):
            e = _handle(ctx, m, "_bc_offset")   # "Ten years later" after "490 BC"
        elif ctx.bc_year is not None and name == "season" and not re.search(r"\d", m.group(0)):
            e = _handle(ctx, m, "_bc_season")   # "In the autumn", "that summer" after "490 BC"
        elif ctx.bc_year is not None and name in _BC_FOLLOWERS and _BC_FOLLOWERS[name].fullmatch(m.group(0)):
            e = _handle(ctx, m, "_bc_follower:" + name)   # "The next day", "In August" after "15 March 44 BC"
        else:
            e = _handle(ctx, m, name)
        if e is None:
            continue
        if ctx.range_end is not None:
            first_end, last_start, d2 = ctx.range_end
            ctx.range_end = None
            if e.granularity == "day" and e.start < first_end <= last_start < e.end:
                out.append(_expr(ctx, e.start, first_end, "DATE", e.value, e.earliest, e.latest, "day",
                                 f"'{text[e.start:first_end]}': the first day of the range '{e.text}' ({e.reasoning})"))
                e = _unit_expr(ctx, last_start, e.end, "day", d2.toordinal(),
                               f"'{text[last_start:e.end]}': the last day of the range '{e.text}'")
        if e.granularity == "day" and e.value[4:] == "-09-11" and not _YEAR_IN.search(e.text) \
                and cal.names_sept11(text, e.start, e.end):
            e = _unit_expr(ctx, e.start, e.end, "day", cal.SEPT11.toordinal(),
                           f"'{e.text}' names the attacks of 11 September 2001")
        if e.value.startswith("BC") and e.earliest:
            first = _bc_range_start(ctx, e, out)
            if first is not None:
                if out and out[-1].start >= first.start:
                    out.pop()     # "1000–900 BC": the first year is not a year of the common era
                out.append(first)
        if e.text[:6].lower() == "about " and e.end - e.start > 6:
            # TimeML leaves "about" outside the extent; the approximation stays in mod
            e.start += 6
            e.text = e.text[6:]
            e.mod = e.mod or "APPROX"
        # a handler may shrink the span; it never grows it (but "two days after" may take "the invasion" with it)
        if e.start < start or e.end > m.end() and not (name == "ago" and e.anchor) or e.start >= e.end:
            continue
        if e.type == "DATE" and e.value[:4].isdigit():
            part = _part_of_anaphor(ctx, e)
            if part is not None and (not out or out[-1].end <= part.start):
                e = part   # "the autumn of the following year", "the 19th of the following month"
            else:
                fm = _FROM_DAY.search(text, max(0, e.start - 20), e.start)
                if fm and fm.end() == e.start and e.granularity == "day" and _DAY_VALUE.fullmatch(e.value) \
                        and (not out or out[-1].end <= fm.start(1)):
                    first = _day_before_range(ctx, fm, e)
                    if first is not None:
                        out.append(first)   # "from 6 to 12 September 1914": the first day is a date too
        _refine(text, e)
        if e.type == "TIME" and out and out[-1].type == "TIME" and _RESTATED.fullmatch(text, out[-1].end, e.start) \
                and _CLOSE_PAREN.match(text, e.end) and _BARE_CLOCK.fullmatch(e.text):
            continue   # "at 10:35 a.m. (0735 GMT)": the same moment in another time zone, not a second time
        if out and out[-1].type == "SET" and out[-1].value == "P1Y" and e.type == "DATE" and e.granularity == "day" \
                and _DAY_VALUE.fullmatch(e.value) and not _YEAR_IN.search(e.text) \
                and _ON.fullmatch(text, out[-1].end, e.start):
            # "commemorated annually on 9 February", "every year on 9 May": a day of every year, not one event
            e = _expr(ctx, e.start, e.end, "SET", "XXXX" + e.value[4:], None, None, None,
                      f"'{e.text}' after '{out[-1].text}': that day every year")
        au = _ANAPHOR_UNIT.fullmatch(e.text)
        if out and au and au.group(1).lower() == "year" and e.granularity == "year" and e.value[:4].isdigit() \
                and _OF.fullmatch(text, out[-1].end, e.start) \
                and out[-1].type == "DATE" and out[-1].granularity in ("day", "month", "season", "week") \
                and out[-1].value[:4].isdigit() and not _YEAR_IN.search(out[-1].text) \
                and _of_that_year(ctx, out[-1], e, before_last[0] if before_last else None):
            last_end = e.end
            continue
        if out and out[-1].type == "TIME" and e.granularity == "day" and _DAY_VALUE.fullmatch(e.value) \
                and _ASIDE.fullmatch(text, out[-1].end, e.start) and out[-1].reasoning.endswith("(the reference)"):
            _clock_on_day(out[-1], e)   # "at 10:35 a.m. (0735 GMT) Friday": the time is on that Friday
        elif out and out[-1].type == "TIME" and e.granularity == "day" and _DAY_VALUE.fullmatch(e.value) \
                and _JUST_SPACE.fullmatch(text, out[-1].end, e.start) and out[-1].value[:10] != e.value \
                and out[-1].value[:4].isdigit():
            _clock_on_day(out[-1], e)   # "the city fell at dawn the next day": the dawn of that next day
        out.append(e)
        before_last = saved
        last_end = e.end
        if e.granularity == "day" and _DAY_VALUE.fullmatch(e.value) and _YEAR_IN.search(e.text):
            ctx.dated.append((e.start, e.end, date.fromisoformat(e.value)))
        if e.type in ("DATE", "TIME") and e.earliest and e.latest:
            ctx.recent = ctx.recent[-2:] + [(e.earliest, e.latest, False)]
            if len(out) > 1 and out[-2].earliest and out[-2].earliest <= e.latest \
                    and _RANGE_LINK.fullmatch(text, out[-2].end, e.start):
                # "from 21 February to 18 December 1916", "began on 1 August 1904 and lasted until 2 January
                # 1905": the whole span is a period the text has just named
                ctx.recent.append((out[-2].earliest, e.latest, True))
        if e.granularity == "quarter":
            ctx.last_quarter_pos = e.end
        if ctx.disc_pos is not None and e.type in ("DATE", "TIME") and e.earliest \
                and e.earliest[:4] == f"{ctx.disc_year:04d}" and e.start - ctx.disc_pos <= DISCOURSE_YEAR_REACH:
            ctx.disc_pos = e.end   # "Two days later" (still in 1939): the story stays in that year
        if name in ("year", "yrange") and e.granularity == "year" and _passing_year(ctx, e, out, saved[0]):
            # "the first since 1813", "the Treaty of 1783", the end of "1939–1945", "remains found in 2004" in a
            # history of 1941: a year in passing dates what it says but leaves the story where it was
            ctx.anchor, ctx.anchor_kind, ctx.anchor_index, ctx.anchor_pos, ctx.last_day = saved
            ctx.disc_year, ctx.disc_pos = saved_disc
            continue
        if (_FLASHBACK.search(e.text) or (ctx.narrative and saved[0] is not None and e.type == "DATE" and e.earliest
                                          and e.earliest[:10] < saved[0].isoformat() and _past_perfect(ctx, e.start, e.end))) \
                and not _YEAR_IN.search(e.text):
            # "Two weeks earlier, intelligence had warned ...", "The previous day": a look back; the story
            # then returns to where it was ("By the end of the month" is the month it was at before)
            ctx.anchor, ctx.anchor_kind, ctx.anchor_index, ctx.anchor_pos, ctx.last_day = saved
            continue
        if history and aside:
            ctx.anchor, ctx.anchor_kind, ctx.anchor_index, ctx.anchor_pos, ctx.last_day = saved
            continue
        # anaphora ("the following month", "that day") refer to the last date mentioned
        if name != "yearago" and e.text.lower() != "overnight":   # "the year-earlier loss" is a comparison, not where the story is
            _move_anchor(ctx, e)
    return out


_PASSING_BEFORE = re.compile(r"(?i)\b(?:since|until|till|than|of|as\s+early\s+as|dating\s+(?:back\s+)?(?:to|from)|"
                             r"back\s+to|first\s+(?:time\s+)?since)\s+(?:the\s+(?:year\s+)?)?$")
_YEAR_RANGE_LINK = re.compile(r"(?i)\s*(?:[-–—/]|to|until|till|and|or)\s*$")


def _passing_year(ctx: _Ctx, e: TimeExpression, out: list, story: date | None) -> bool:
    """A bare year read where a story is under way that leaves the story's time where it was (see
    ``discourse.year_in_passing``)."""
    if story is None or not _YEAR_IN.fullmatch(e.text.strip()):
        return False
    y = int(e.value[:4])
    left = ctx.text[max(0, e.start - 30):e.start]
    prev = out[-2] if len(out) > 1 and out[-1] is e else (out[-1] if out and out[-1] is not e else None)
    range_end = prev is not None and prev.granularity == "year" and _YEAR_RANGE_LINK.fullmatch(ctx.text, prev.end, e.start) \
        is not None and prev.value[:4].isdigit() and int(prev.value[:4]) < y
    opens = bool(re.search(r"(?:^|[.!?]\s+|\n)(?:(?i:in|by|during|from|after|before|on|around|circa|until)\s+)?$", left))
    return discourse.year_in_passing(y, story.year, opens, after_word=bool(_PASSING_BEFORE.search(left)),
                                     range_end=range_end)


_ANAPHORIC_END = re.compile(r"(?i)\b(?:later|earlier|after|before)(?:\s+(?:that|this))?$")
_BC_RANGE_FIRST = re.compile(r"(?i)(?:\b(?:from|between)\s+)?(?<![\d.,])(\d{1,4})\s*(?:[-–—]|to|until|and)\s*$")


def _bc_range_start(ctx: _Ctx, e: TimeExpression, out: list) -> TimeExpression | None:
    """"499–493 BC", "from 431 to 404 BC": the first year of a range written with one "BC" at its end is a
    year before the common era too (it is the larger number)."""
    if not re.fullmatch(r"BC\d{4}", e.value):
        return None
    lo = max(0, e.start - 20)
    fm = _BC_RANGE_FIRST.search(ctx.text, lo, e.start)
    if fm is None:
        return None
    y1, y2 = int(fm.group(1)), int(e.value[2:])
    start, mod = fm.start(1), None
    if out and out[-1].start < fm.start(1) < out[-1].end and out[-1].end == fm.end(1) \
            and re.fullmatch(r"(?:c\.|ca\.|circa|about|around)\s+", ctx.text[out[-1].start:fm.start(1)]):
        start, mod = out[-1].start, "APPROX"   # "c. 1279–1213 BC": the approximation stays with the first year
    elif not y2 < y1 <= y2 + 1000 or (out and out[-1].start < fm.start(1) < out[-1].end and out[-1].start != fm.start(1)):
        return None
    if not y2 < y1 <= y2 + 1000:
        return None
    got = cal.bc_unit("year", y1)
    if got is None:
        return None
    value, e0, e1, gran = got
    return _expr(ctx, start, fm.end(1), "DATE", value, e0, e1, gran,
                 f"'{fm.group(1)}': the first year of the range ending {e.text.strip()}, before the common era too", mod)


def _move_anchor(ctx: _Ctx, e: TimeExpression) -> None:
    if e.value.startswith("BC"):
        return   # ctx.bc_year holds it
    if e.type in ("DATE", "TIME") and e.earliest and e.granularity in _ANCHOR_KINDS and ctx.anchor_kind != "_pin":
        ctx.bc_year = None
        ctx.bc_day = ctx.bc_month = None
        try:
            d0 = date.fromisoformat(e.earliest[:10])
            kind = _ANCHOR_KINDS[e.granularity]
            ctx.anchor, ctx.anchor_kind, ctx.anchor_index = d0, kind, cal.index_of(kind, d0)
            ctx.anchor_pos = e.end
            if kind == "day":
                # "on July 1–3, 1863. The next day": counted from the range's last day
                last = date.fromisoformat(e.latest[:10]) if e.latest and len(e.latest) == 10 else d0
                ctx.last_day = (e.start, max(d0, last))
            else:
                # a later, coarser date ("In August 2024") moves the story: the last day is stale
                ctx.last_day = None
        except ValueError:
            pass


def _day_before_range(ctx: _Ctx, fm: re.Match, last: TimeExpression) -> TimeExpression | None:
    try:
        d = date.fromisoformat(last.value).replace(day=int(fm.group(1)))
    except ValueError:
        return None
    if d > date.fromisoformat(last.value):
        return None
    return _unit_expr(ctx, fm.start(1), fm.end(1), "day", d.toordinal(),
                      f"'{fm.group(1)}': the first day of the range ending {last.value}", anchor=d)


def _part_of_anaphor(ctx: _Ctx, e: TimeExpression) -> TimeExpression | None:
    """A season or a day of an anaphoric year or month ("in the autumn of the following year")."""
    um = _ANAPHOR_UNIT.fullmatch(e.text)
    if um is None:
        return None
    before = ctx.text[max(0, e.start - 20):e.start]
    unit = um.group(1).lower()
    if unit == "year" and e.granularity == "year":
        sm = _SEASON_OF.search(before)
        if sm is None:
            return None
        code = R.SEASONS[sm.group(1).lower()]
        y = int(e.value[:4])
        start = e.start - len(before) + sm.start()
        return _unit_expr(ctx, start, e.end, "season", y * 4 + R.SEASON_INDEX[code],
                          f"'{ctx.text[start:e.end]}': the {sm.group(1).lower()} of {y} ({e.reasoning})", anchor=e.anchor and date.fromisoformat(e.anchor))
    if unit == "month" and e.granularity == "month":
        dm = _ORDDAY_OF.search(before)
        if dm is None:
            return None
        y, mo = int(e.value[:4]), int(e.value[5:7])
        n = int(dm.group(1))
        if n > cal.last_day(y, mo):
            return None
        start = e.start - len(before) + dm.start()
        return _unit_expr(ctx, start, e.end, "day", date(y, mo, n).toordinal(),
                          f"'{ctx.text[start:e.end]}': day {n} of {e.value} ({e.reasoning})", anchor=date(y, mo, 1))
    return None


def _of_that_year(ctx: _Ctx, prev: TimeExpression, e: TimeExpression, before: date | None) -> bool:
    """"late June of that year", "in March of the following year": one expression, in the year named,
    counted from where the text was before the month was read (``before``)."""
    step = 1 if re.search(r"(?i)following|next", e.text) else -1 if re.search(r"(?i)previous|preceding", e.text) else 0
    target = before.year + step if before is not None else int(e.value[:4])
    shift = target - int(prev.value[:4])
    if shift:
        try:
            vals = [f"{int(v[:4]) + shift:04d}{v[4:]}" if v else v for v in (prev.value, prev.earliest, prev.latest)]
            for v in vals[1:]:
                if v:
                    date.fromisoformat(v[:10])   # 29 February of a year without one
        except ValueError:
            return False
        prev.value, prev.earliest, prev.latest = vals
    prev.end = e.end
    prev.text = ctx.text[prev.start:prev.end]
    prev.reasoning += f"; '{e.text}' → {target}"
    _move_anchor(ctx, prev)
    return True
