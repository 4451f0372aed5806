"""The English tagger's data, read once at import: its vocabulary (``viewer/timex/lang/en/lexicon.toml``) and
its pattern families (``viewer/timex/lang/en/patterns.toml``).

The tagger (``tagger.py``) builds pattern pieces ({MONTH}, {YEAR}, ...) from the lexicon's tables and expands
them in the families' patterns, once at import. Change words in the lexicon and patterns in the patterns file,
not in the code; what a match means (each family's handler) stays in ``tagger.py``. ``tables`` and ``families``
build from the text of a file, so a test can build them from a modified copy.

The families moved onto the engine are no pattern families: their rules are in ``lang/en/rules.toml`` (engine
syntax), read by the engine (``viewer.timex.engine.load("en")``), and resolved by it; ``family_order`` ranks them
among the pattern families.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources

# ---------------------------------------------------------------------------------------------
# Language-neutral: what a unit kind, a part-of-day code or a season code means.

# unit kind -> TIMEX3 duration letter and the granularity name used for dates
_UNIT_CODES: dict[str, tuple[str, str]] = {
    "second": ("S", "second"), "minute": ("M", "minute"), "hour": ("H", "hour"), "day": ("D", "day"),
    "week": ("W", "week"), "weekend": ("WE", "weekend"), "fortnight": ("W2", "week"), "month": ("M", "month"),
    "quarter": ("Q", "quarter"), "year": ("Y", "year"), "decade": ("DE", "decade"), "century": ("CE", "century"),
    "millennium": ("ML", "millennium"),
}
# part-of-day code -> the inclusive clock band used for earliest/latest
_DAY_BANDS: dict[str, tuple[str, str]] = {
    "MO": ("06:00", "11:59"), "AF": ("12:00", "17:59"), "EV": ("18:00", "21:59"), "NI": ("21:00", "23:59"),
}
SEASON_INDEX = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}


def lexicon_text() -> str:
    """The text of the English lexicon shipped with the program."""
    return (resources.files("viewer.timex.lang") / "en" / "lexicon.toml").read_text(encoding="utf-8")


def patterns_text() -> str:
    """The text of the English pattern families shipped with the program."""
    return (resources.files("viewer.timex.lang") / "en" / "patterns.toml").read_text(encoding="utf-8")


# {NAME} in a pattern: a piece. Any name in braces is read as one (so that "{Month}" or "{month}" is an error,
# not text); braces holding digits or a comma are a regular expression's quantifier ("\d{1,4}"); "\{" is a brace.
_PIECE = re.compile(r"(?<!\\)\{([A-Za-z_]\w*)\}")


def families(text: str, pieces: Mapping[str, str]) -> list[tuple[str, str]]:
    """The pattern families of a patterns file (``patterns_text()`` for the shipped one), in its order (the
    priority): (name, regular expression), with every {NAME} replaced by ``pieces[NAME]``. An unknown piece, a
    family without a name or a pattern, a name listed twice or an unknown key is a ValueError naming the family."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for i, fam in enumerate(tomllib.loads(text).get("family", []), 1):
        name = fam.get("name")
        if not isinstance(name, str) or not name:
            raise ValueError(f"patterns.toml: family number {i} has no name")
        where = f"patterns.toml, family {name!r}"
        if name in seen:
            raise ValueError(f"{where}: listed twice")
        seen.add(name)
        if set(fam) - {"name", "pattern"}:
            raise ValueError(f"{where}: unknown key(s) {sorted(set(fam) - {'name', 'pattern'})}")
        pattern = fam.get("pattern")
        if isinstance(pattern, list) and pattern and all(isinstance(p, str) for p in pattern):
            pattern = "".join(pattern)
        if not isinstance(pattern, str) or not pattern:
            raise ValueError(f"{where}: the pattern must be a string or a list of strings")

        def piece(m: re.Match, where=where) -> str:
            key = m.group(1)
            if key not in pieces:
                hint = f" (did you mean {{{key.upper()}}}?)" if key.upper() in pieces else ""
                raise ValueError(f"{where}: unknown placeholder {{{key}}}{hint}; known: {', '.join(sorted(pieces))}")
            return pieces[key]

        out.append((name, _PIECE.sub(piece, pattern)))
    return out


def family_order(names: Iterable[str], moved: Iterable[tuple[object, object]]) -> list[str]:
    """The priority order of every family: the pattern families (``names``, in the order of patterns.toml) with
    the families moved onto the engine (``moved``: the ``family`` and ``after`` keys of each rule of
    lang/en/rules.toml, in its order) each put right after the family its ``after`` names. A rule without a
    family or an ``after`` naming no family, or a family both in patterns.toml and in rules.toml, is a
    ValueError naming it."""
    order = list(names)
    patterns = set(order)
    placed: dict[str, object] = {}
    for family, after in moved:
        if not isinstance(family, str) or not family or not isinstance(after, str) or not after:
            raise ValueError(f"rules.toml: a rule of family {family!r} needs a family and an 'after' (got {after!r})")
        if family in patterns:
            raise ValueError(f"rules.toml, family {family!r}: also a family of patterns.toml (a family is matched "
                             f"in one place)")
        if family in placed:
            if placed[family] != after:
                raise ValueError(f"rules.toml, family {family!r}: its rules rank it after {placed[family]!r} "
                                 f"and after {after!r}")
            continue
        if after not in order:
            raise ValueError(f"rules.toml, family {family!r}: 'after' names no family ({after!r})")
        order.insert(order.index(after) + 1, family)
        placed[family] = after
    return order


def check_handlers(names: Iterable[str], handlers: Iterable[str]) -> None:
    """A ValueError naming the first family with no handler, or the first handler with no family."""
    names, handlers = list(names), list(handlers)
    for n in names:
        if n not in handlers:
            raise ValueError(f"patterns.toml, family {n!r}: the tagger has no handler of that name")
    for h in handlers:
        if h not in names:
            raise ValueError(f"the tagger's handler {h!r} has no family of that name in patterns.toml")


def _holiday(v: str) -> tuple:
    """A holiday's rule as the tagger reads it: (month, day), ("easter", offset), ("orthodox_easter", offset),
    ("nth_weekday", month, ISO weekday, n) or ("election_day",)."""
    if v[:2].isdigit():
        m, d = v.split("-")
        return int(m), int(d)
    for name in ("orthodox_easter", "easter"):
        if v.startswith(name) and v[len(name):][:1] in "+-":
            return name, int(v[len(name):])
    if v.startswith("nth_weekday:"):
        _, m, wd, n = v.split(":")
        return "nth_weekday", int(m), int(wd), int(n)
    return (v,)


def tables(text: str) -> dict[str, object]:
    """Every table the tagger reads, from the text of a lexicon (``lexicon_text()`` for the shipped one)."""
    lex = tomllib.loads(text)

    def words(name: str) -> dict:
        return {k: v for k, v in lex.get(name, {}).items() if k != "_field"}

    units = words("unit")
    deixis: dict[str, str] = {}
    for name in ("deictic_last", "deictic_next", "deictic_this", "deictic_that", "deictic_same"):
        deixis.update(words(name))
    return {
        "MONTHS": words("month"),
        "MONTH_ABBR": words("month_abbr"),
        "AMBIGUOUS_MONTHS": set(words("ambiguous_month")),
        "WEEKDAYS": words("weekday"),
        "WEEKDAY_ABBR": words("weekday_abbr"),
        "SEASONS": words("season"),
        "PARTS_OF_DAY": {k: (v, *_DAY_BANDS[v]) for k, v in words("part_of_day").items()},
        "NUMBER_WORDS": {**words("number"), **words("number_phrase")},
        "NUMERALS": words("number"),
        "NUMBER_VAGUE": list(words("number_vague")),
        "NUMBER_PATTERN": dict(lex.get("number_pattern", {})),
        "ORDINALS": words("ordinal"),
        "PART_ORDINALS": words("part_ordinal"),
        "DECADE_WORDS": {k: int(v) // 10 for k, v in words("decade_word").items()},
        "UNITS": {k: _UNIT_CODES[v] for k, v in units.items()},
        "UNIT_PLURALS": words("unit_pl"),
        "TIME_UNITS": {k for k, v in units.items() if v in ("second", "minute", "hour")},
        "REF_WORDS": words("present"),
        "DEIXIS": deixis,
        "APPROX_MODS": words("approx"),
        "APPROX_BEFORE_ARTICLE": list(lex.get("approx_pattern", {}).get("before_article", [])),
        "POSITION_MODS": words("position"),
        "POSITION_PATTERN": dict(lex.get("position_pattern", {})),
        "HOLIDAYS": {k: _holiday(v) for k, v in words("holiday").items()},
        "YEAR_FOLLOWERS": set(words("year_follow")),
        "YEAR_PRECEDERS": set(words("year_lead")),
        "NOT_YEAR_PRECEDERS": set(words("not_year_lead")),
        "PLURAL_NOUNS": set(words("plural_noun")),
        "ZONE_CITIES": list(lex.get("clock", {}).get("zone_city", [])),
        "TENSE_CUES": dict(lex.get("tense_cue", {})),
    }


_T = tables(lexicon_text())

MONTHS: dict[str, int] = _T["MONTHS"]
# Abbreviations are only accepted with a period or before a day number (see tagger).
MONTH_ABBR: dict[str, int] = _T["MONTH_ABBR"]
# Month names that are also ordinary words or first names: alone they need a temporal context.
AMBIGUOUS_MONTHS: set[str] = _T["AMBIGUOUS_MONTHS"]
WEEKDAYS: dict[str, int] = _T["WEEKDAYS"]   # ISO: Monday = 1
WEEKDAY_ABBR: dict[str, int] = _T["WEEKDAY_ABBR"]
# Seasons: TIMEX3 code (SEASON_INDEX: its place in the year); each lasts three months (meteorological seasons).
SEASONS: dict[str, str] = _T["SEASONS"]
# Parts of the day: TIMEX3 code and the inclusive clock band used for earliest/latest.
PARTS_OF_DAY: dict[str, tuple[str, str, str]] = _T["PARTS_OF_DAY"]
# Every word or phrase a count is written with (numerals and phrases: "a", "a couple of", "half an").
NUMBER_WORDS: dict[str, float] = _T["NUMBER_WORDS"]
NUMERALS: dict[str, int] = _T["NUMERALS"]            # the numerals alone ("one" .. "ninety", "hundred")
NUMBER_VAGUE: list[str] = _T["NUMBER_VAGUE"]         # "several", "a few": a count with no number
NUMBER_PATTERN: dict[str, list[str]] = _T["NUMBER_PATTERN"]
ORDINALS: dict[str, int] = _T["ORDINALS"]
PART_ORDINALS: dict[str, int] = _T["PART_ORDINALS"]  # the ordinal of a quarter
DECADE_WORDS: dict[str, int] = _T["DECADE_WORDS"]    # "sixties" -> 6
# Units: TIMEX3 duration letter and the granularity name used for dates.
UNITS: dict[str, tuple[str, str]] = _T["UNITS"]
UNIT_PLURALS: dict[str, str] = _T["UNIT_PLURALS"]    # plural -> unit kind
TIME_UNITS: set[str] = _T["TIME_UNITS"]
# Adverbs and phrases that refer vaguely to the present, past or future (TimeML conventions).
REF_WORDS: dict[str, str] = _T["REF_WORDS"]
DEIXIS: dict[str, str] = _T["DEIXIS"]                # "last", "the following", ... -> last, next_a, ...
# Approximation and position modifiers (TIMEX3 mod).
APPROX_MODS: dict[str, str] = _T["APPROX_MODS"]
APPROX_BEFORE_ARTICLE: list[str] = _T["APPROX_BEFORE_ARTICLE"]
POSITION_MODS: dict[str, str] = _T["POSITION_MODS"]
POSITION_PATTERN: dict[str, list[str]] = _T["POSITION_PATTERN"]
# Holidays: fixed (month, day) or a rule name computed by the tagger.
HOLIDAYS: dict[str, tuple] = _T["HOLIDAYS"]
# Words that, after a bare number, show it is a year ("in 2019, ...", "2019 was").
YEAR_FOLLOWERS: set[str] = _T["YEAR_FOLLOWERS"]
# Words before a number that make it a year.
YEAR_PRECEDERS: set[str] = _T["YEAR_PRECEDERS"]
# Words before a number that make it a name or a count, never a year.
NOT_YEAR_PRECEDERS: set[str] = _T["NOT_YEAR_PRECEDERS"]
# Plural nouns without a final s: after a bare number they make it a quantity ("2000 people").
PLURAL_NOUNS: set[str] = _T["PLURAL_NOUNS"]
ZONE_CITIES: list[str] = _T["ZONE_CITIES"]           # "0900 Moscow time"
TENSE_CUES: dict[str, list[str]] = _T["TENSE_CUES"]
