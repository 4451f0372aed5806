"""Loading a language's folder (``viewer/timex/lang/<code>/lexicon.toml`` and ``rules.toml``) and compiling
its rules: one anchored pattern per rule, and an index of the words each rule can start with (its trigger
words), so that the scanner only tries, at each word of a text, the few rules that can start there. Done once
per language (cached)."""
from __future__ import annotations

import re
import tomllib
# The pattern parser of the standard library (re._parser, Python >= 3.11) tells which words a compiled rule can
# start with; tests/timex/test_engine.py checks that the words it gives find what trying every rule finds.
import re._parser as _sre
from re._constants import (ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, CATEGORY_DIGIT, CATEGORY_NOT_WORD,
                           CATEGORY_SPACE, IN, LITERAL, MAX_REPEAT, MIN_REPEAT, NEGATE, RANGE, SUBPATTERN)
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

# Language-neutral classes every language may use in its patterns.
BUILTIN: dict[str, str] = {
    "day_num": r"(?:3[01]|[12]\d|0?[1-9])(?:er|re)?(?!\d)",
    "year4": r"(?:1\d{3}|20\d\d)(?!\d)",
    "year2": r"(?:['’](\d\d)|\d\d)(?![\d:h])",
    "num": r"(?<![\d,.])\d{1,4}(?:[,.]\d+)?(?![\d])",
    "hour": r"(?:[01]?\d|2[0-3])(?!\d)",
    "minute": r"[0-5]\d(?!\d)",
    "century_ord": r"(?:[IVXivx]{1,5}|\d{1,2})(?:e|è|ème|eme|ᵉ)(?!\w)",
    "decade_num": r"(?:1[0-9]|20)?\d0(?!\d)",
    "any_year": r"\d{1,4}(?!\d)",
    # an ordinal written in digits with a dot, as German, Polish ... write it: "20." (Jahrhundert)
    "century_num": r"(?:2[01]|1\d|0?[1-9])\.(?!\d)",
}
# the field a built-in class fills in a frame
BUILTIN_FIELD = {"day_num": "day", "year4": "year", "year2": "year2", "num": "number", "hour": "hour",
                 "minute": "minute", "century_ord": "century", "decade_num": "decade", "any_year": "year",
                 "century_num": "century"}
# plain named groups a pattern may use for digits that fill a field: "(?P<month_num>0?[1-9]|1[0-2])"
RAW_GROUP_FIELD = {"month_num": "month", "year2b": "year2"}

_PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?\}")


@dataclass
class Rule:
    name: str
    regex: re.Pattern
    frame: dict
    groups: dict[str, str]              # group name -> class
    not_before: re.Pattern | None = None
    not_after: re.Pattern | None = None
    not_text: re.Pattern | None = None
    index: int = 0                      # its place in rules.toml: the earlier rule wins a tie
    leads: tuple[str, ...] = ()         # its groups named lead / lead2 (read, left out of the span)


@dataclass
class Language:
    code: str
    classes: dict[str, dict[str, object]]   # class -> {word (lower case) -> value}
    fields: dict[str, str]                  # class -> frame field
    rules: list[Rule]
    scanner: re.Pattern                     # the words of a text (where a rule may start)
    past: list[re.Pattern] = field(default_factory=list)
    future: list[re.Pattern] = field(default_factory=list)
    not_cue: frozenset[str] = frozenset()
    news_cue: re.Pattern = re.compile(r"(?!)")
    # trigger words: lower-case first word -> rules that may start with it (indices into rules) ...
    exact: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # ... first-word prefixes (the word may go on), grouped by length ...
    prefix: dict[int, dict[str, tuple[int, ...]]] = field(default_factory=dict)
    digit: tuple[int, ...] = ()             # ... rules starting with a digit ...
    raw: tuple[int, ...] = ()               # ... and rules that may start elsewhere than a word (searched)
    _memo: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)

    def candidates(self, word: str) -> tuple[int, ...]:
        """The rules (indices, in rule order) that may match where ``word`` begins, raw rules excepted."""
        got = self._memo.get(word)
        if got is not None:
            return got
        w = word.lower()
        found: set[int] = set(self.exact.get(w, ()))
        for n, table in self.prefix.items():
            if len(w) >= n:
                found.update(table.get(w[:n], ()))
        if w[:1].isdecimal():
            found.update(self.digit)
        got = tuple(sorted(found))
        if len(self._memo) < 50000:
            self._memo[word] = got
        return got

    def lookup(self, cls: str, word: str):
        table = self.classes.get(cls)
        if table is None:
            return None
        w = " ".join(word.lower().replace("’", "'").split())
        return table.get(w)


# ---------------------------------------------------------------------------------------------------------
# Trigger words: what the first word of a rule's match can be, read off its compiled pattern

_WORD = re.compile(r"\w")
_UNKNOWN = ("unknown", None)
_BUDGET = 20000


def _chars(items) -> list[str] | None:
    """The characters an ``IN`` set matches, when few and listed; None otherwise."""
    out: list[str] = []
    for op, av in items:
        if op is NEGATE:
            return None
        if op is LITERAL:
            out.append(chr(av))
        elif op is RANGE:
            if av[1] - av[0] > 64:
                return None
            out.extend(chr(c) for c in range(av[0], av[1] + 1))
        elif op is CATEGORY:
            if av is CATEGORY_DIGIT:
                out.append("0")
            elif av in (CATEGORY_SPACE, CATEGORY_NOT_WORD):
                out.append(" ")
            else:
                return None
        else:
            return None
    return out


def first_words(pattern: str, flags: int = re.I) -> set[tuple[str, str]]:
    """What a match of ``pattern`` may start with: a set of ("exact", word) — the first word is exactly this
    lower-case word —, ("prefix", p) — it begins with p —, ("digit", "") — with a digit —, or ("raw", "") —
    anything, or not at a word (the rule is then searched for on its own)."""
    out: set[tuple[str, str]] = set()
    budget = [_BUDGET]

    def walk(items: list, prefix: str) -> None:
        budget[0] -= 1
        if budget[0] < 0:
            out.add(("raw", ""))
            return
        i = 0
        while i < len(items):
            op, av = items[i]
            rest = items[i + 1:]
            if op in (AT, ASSERT, ASSERT_NOT):
                i += 1
                continue
            if op is LITERAL:
                ch = chr(av).lower() if flags & re.I else chr(av)
                word = len(ch) == 1 and _WORD.match(ch) is not None
                if not prefix:
                    if not word:
                        out.add(("raw", ""))
                        return
                    if ch.isdecimal():
                        out.add(("digit", ""))
                        return
                elif not word:
                    out.add(("exact", prefix))
                    return
                prefix += ch
                i += 1
                continue
            if op is IN:
                chars = _chars(av)
                if chars is None:
                    break
                for ch in dict.fromkeys(chars):
                    walk([(LITERAL, ord(ch))] + rest, prefix)
                return
            if op is SUBPATTERN:
                walk(list(av[-1]) + rest, prefix)
                return
            if op is BRANCH:
                for alt in av[1]:
                    walk(list(alt) + rest, prefix)
                return
            if op in (MAX_REPEAT, MIN_REPEAT):
                lo, hi, sub = av
                if hi == 0:
                    i += 1
                    continue
                if lo == 0:
                    walk(rest, prefix)
                walk(list(sub) + (rest if hi == 1 else [_UNKNOWN]), prefix)
                return
            break   # ANY, a back reference, an unknown continuation: the word may go on in any way
        out.add(("prefix", prefix) if prefix else ("raw", ""))

    walk(list(_sre.parse(pattern, flags)), "")
    return out


def _index(rules: list[Rule]) -> tuple[dict, dict, tuple, tuple]:
    exact: dict[str, set[int]] = {}
    prefix: dict[int, dict[str, set[int]]] = {}
    digit: set[int] = set()
    raw: set[int] = set()
    for r in rules:
        for kind, w in first_words(r.regex.pattern, r.regex.flags):
            if kind == "exact":
                exact.setdefault(w, set()).add(r.index)
            elif kind == "prefix":
                prefix.setdefault(len(w), {}).setdefault(w, set()).add(r.index)
            elif kind == "digit":
                digit.add(r.index)
            else:
                raw.add(r.index)
    return ({w: tuple(sorted(v)) for w, v in exact.items()},
            {n: {w: tuple(sorted(v)) for w, v in t.items()} for n, t in sorted(prefix.items())},
            tuple(sorted(digit)), tuple(sorted(raw)))


# Where a rule may start: not inside a word, nor after a hyphen that joins it to a word ("Ost-Berlin",
# "COVID-19"), except the hyphen of a range: a number after "10-" ("10-18 июня") and a word after a word
# ("août-septembre 1950": both ends of a range are dates, issue 17); a number after "10.-" too ("10.-18. Juni").
# Only the rules that read a month (kind date or month) start after such a hyphen: "les 6-16 ans" is an age.
RULE_START = r"(?<![\w-])"
RANGE_START = r"(?<!\w)(?<![^\w.]-)(?!(?<=\d-)[^\W\d_])(?!(?<=[^\W\d_]-)\d)"
# the words the scanner visits: every word start, after a hyphen too (the rules' own starts decide)
WORDS = re.compile(r"(?<!\w)\w+")


def available() -> frozenset[str]:
    """The language codes with a data folder holding rules."""
    root = resources.files("viewer.timex.lang")
    return frozenset(p.name for p in root.iterdir()
                     if p.is_dir() and (p / "rules.toml").is_file() and (p / "lexicon.toml").is_file())


def _alternation(words) -> str:
    # longest first, so "dix-sept" wins over "dix"; a space in a word matches any run of white space
    out = []
    for w in sorted(words, key=len, reverse=True):
        e = re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
        out.append(e)
    return "(?:" + "|".join(out) + ")"


def _compile_pattern(src: str, classes: dict, alts: dict, start: str | None = None) -> tuple[str, dict[str, str]]:
    groups: dict[str, str] = {}

    def sub(m: re.Match) -> str:
        cls, name = m.group(1), m.group(2) or m.group(1)
        if cls in BUILTIN:
            body = BUILTIN[cls]
        elif cls in alts:
            body = alts[cls]
        else:
            raise KeyError(f"unknown class {{{cls}}}")
        if name in groups:
            raise ValueError(f"the group name {name!r} is used twice in the pattern (name the second one: "
                             f"{{{cls}:{name}2}})")
        groups[name] = cls
        # a word ends there, unless the pattern goes on with letters or a hyphen: "{weekday}abend"
        # (Montagabend), "{position}-" (mi-mars)
        glued = m.end() < len(src) and (src[m.end()].isalpha() or src[m.end()] in "{-")
        tail = r"(?![\w-])" if cls not in BUILTIN and not body.endswith(r"\.)") and not glued else ""
        return f"(?P<{name}>{body}){tail}"

    # a space: any run of white space; an apostrophe: either apostrophe
    src = src.replace(" ", r"\s+").replace("'", "['’]")
    out = _PLACEHOLDER.sub(sub, src)
    return (start or RULE_START) + out, groups


@lru_cache(maxsize=None)
def load(code: str) -> Language:
    base = resources.files("viewer.timex.lang") / code
    return build(code, (base / "lexicon.toml").read_text(encoding="utf-8"),
                 (base / "rules.toml").read_text(encoding="utf-8"))


def build(code: str, lexicon_toml: str, rules_toml: str) -> Language:
    """A language from the text of its ``lexicon.toml`` and ``rules.toml`` (what ``load`` reads from its
    folder). Raises ValueError naming the language, the rule and the fault for a data mistake: a lexicon
    class named like a built-in one, a group name used twice in a pattern, an unknown class, a bad pattern."""
    lex = tomllib.loads(lexicon_toml)
    rules_src = tomllib.loads(rules_toml)
    tense = lex.pop("tense", {})
    classes: dict[str, dict[str, object]] = {}
    fields: dict[str, str] = {}
    alts: dict[str, str] = {}
    for cls, table in lex.items():
        if cls in BUILTIN:
            # it would be silently shadowed by the built-in pattern of the same name
            raise ValueError(f"{code} lexicon: class [{cls}] has the name of a built-in class "
                             f"({{{cls}}} = {BUILTIN[cls]!r}); give it another name")
        fields[cls] = table.pop("_field", cls)
        classes[cls] = {" ".join(k.lower().replace("’", "'").split()): v for k, v in table.items()}
        alts[cls] = _alternation(classes[cls])
    rules: list[Rule] = []
    for i, r in enumerate(rules_src.get("rule", [])):
        try:
            pat, groups = _compile_pattern(r["pattern"], classes, alts,
                                           RANGE_START if r.get("frame", {}).get("kind") in ("date", "month") else None)
        except (KeyError, ValueError) as exc:
            raise ValueError(f"{code} rule {r.get('name')!r}: {exc.args[0] if exc.args else exc}") from exc
        try:
            rx = re.compile(pat, re.I)
        except re.error as exc:
            dup = re.match(r"redefinition of group name '(\w+)'", str(exc))
            raise ValueError(f"{code} rule {r['name']!r}: " + (
                f"the group name {dup.group(1)!r} is used twice in the pattern" if dup else str(exc))) from exc
        rules.append(Rule(r["name"], rx, dict(r.get("frame", {})), groups,
                          re.compile(r["not_before"], re.I) if r.get("not_before") else None,
                          re.compile(r["not_after"], re.I) if r.get("not_after") else None,
                          re.compile(r["not_text"], re.I) if r.get("not_text") else None,
                          i, tuple(g for g in ("lead", "lead2") if g in rx.groupindex)))
    exact, prefix, digit, raw = _index(rules)
    nc = frozenset(w.lower() for w in tense.get("not_cue", []))
    # the words of news (today, yesterday, tomorrow): a text using them is not a history; a language may
    # list them itself ([news_cue]) when some of its day words are common in histories too
    cue = alts.get("news_cue", alts.get("day_word"))
    news = re.compile(r"(?<![\w-])" + cue + r"(?![\w-])", re.I) if cue else re.compile(r"(?!)")
    return Language(code, classes, fields, rules, WORDS,
                    [re.compile(p, re.I) for p in tense.get("past", [])],
                    [re.compile(p, re.I) for p in tense.get("future", [])], nc, news,
                    exact, prefix, digit, raw)
