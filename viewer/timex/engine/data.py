"""Loading a language's folder (``viewer/timex/lang/<code>/lexicon.toml`` and ``rules.toml``) and compiling
its rules: one anchored pattern per rule, and an index of the words each rule can start with (its trigger
words), so that the scanner only tries, at each word of a text, the few rules that can start there. Done once
per language (cached)."""
from __future__ import annotations

import re
import tomllib
# The pattern parser of the standard library (re._parser, Python >= 3.11) tells which words a compiled rule can
# start with; tests/timex/test_engine.py checks that the words it gives find what trying every rule finds.
import re._parser as _sre_parse
import _sre
from re._casefix import _EXTRA_CASES
from re._constants import (ASSERT, ASSERT_NOT, AT, AT_BOUNDARY, BRANCH, CATEGORY, CATEGORY_DIGIT,
                           CATEGORY_NOT_WORD, CATEGORY_SPACE, CATEGORY_WORD, IN, LITERAL, MAX_REPEAT, MIN_REPEAT,
                           NEGATE, RANGE, SUBPATTERN)
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
# plain named groups a pattern may use for digits that fill a field: "(?P<month_num>0?[1-9]|1[0-2])", "Q(?P<quarter_num>[1-4])"
RAW_GROUP_FIELD = {"month_num": "month", "year2b": "year2", "quarter_num": "ordinal", "ordinal_roman": "ordinal",
                   # digits a pattern spells out itself ("2024-11-18T10:30": a year, a day, a clock time)
                   "year_num": "year", "day_of_month": "day", "hour_num": "hour", "minute_num": "minute",
                   "second_num": "second", "millennium_num": "millennium",
                   "decade_digits": "decade", "hundreds_num": "hundreds"}
# a quarter written in Roman numerals ("во II квартале", "w III kwartale"): group ordinal_roman
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}

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
    meta: dict = field(default_factory=dict)   # the rule's other keys, for a tagger that reads the rules
    #                                            alongside its own (English: ``family``, ``after``)
    # the context a match needs: ``if_before`` must be found in the text just before it, ``if_after`` just after
    # it (as ``not_before`` / ``not_after`` must not); ``window``: how many characters before and after it
    # these four see (the text cut there, so "^", "$" and "\b" hold at the cut)
    # ``window`` may also give one context key a width of its own (``{ before = 20, if_before = 6 }``: the
    # sentence start is looked for in the 6 characters before, "average" in the 20): ``widths`` holds the
    # four widths, (not_before, not_after, if_before, if_after)
    if_before: re.Pattern | None = None
    if_after: re.Pattern | None = None
    window: tuple[int, int] = (40, 40)
    widths: tuple[int, int, int, int] = (40, 40, 40, 40)


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
    # second words: first word (lower case, or "" for a number) -> {rule: what the next word must be}, worked out
    # the first time the word is read (``_follow_of``)
    follow: dict[str, dict[int, "_Follow"]] = field(default_factory=dict, repr=False)
    _trees: list = field(default_factory=list, repr=False)          # the rules' parsed patterns
    # the tense cues' trigger words (``cue_words``), in the order of past + future; None: searched everywhere
    cue_triggers: list = field(default_factory=list, repr=False)
    _cue_memo: dict = field(default_factory=dict, repr=False)
    _shared: dict = field(default_factory=dict, repr=False)
    _memo: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    _memo2: dict[tuple[str, str], tuple[int, ...]] = field(default_factory=dict, repr=False)
    _split: dict[str, tuple] = field(default_factory=dict, repr=False)
    _triggers: list = field(default_factory=list, repr=False)      # ``trigger_scan``, once built

    def trigger_scan(self, folded: bool = True) -> re.Pattern:
        """One pattern finding, in a single pass over a text, every number (group ``number``, when some rule
        starts with a digit) and every trigger word or prefix of a word some rule may start with (inside a word
        too, which the caller passes over): where ``engine.matches`` tries the rules. ``folded``: for the text in
        lower case (the trigger words are; matched case-sensitively, the scan skips ahead by the first letters);
        else matched case-insensitively. A trigger matched may hold the start of a number ("q3")."""
        if not self._triggers:
            alts = [r"(?P<number>\d+)"] if self.digit else []
            # each as a trie (``_alternation``): the regex engine tries the branches of a letter, not every word
            if self.exact:
                alts.append(_alternation(self.exact) + r"(?!\w)")
            prefixes = {p for table in self.prefix.values() for p in table}
            if prefixes:
                alts.append(_alternation(prefixes))
            pattern = "|".join(alts) if alts else "(?!)"
            self._triggers.extend((re.compile(pattern), re.compile(pattern, re.I)))
        return self._triggers[0 if folded else 1]

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

    def candidates_at(self, word: str, following: str) -> tuple[int, ...]:
        """``candidates(word)`` less the rules that cannot match there because of the word that follows
        (``following``: the text's next word, "" at its end; see ``second_words``)."""
        got = self._memo2.get((word, following))
        if got is not None:
            return got
        split = self._split.get(word)
        if split is None:
            split = self._split_candidates(word)
        free, bound = split
        if not bound:
            got = free
        else:
            n = following.lower()
            got = tuple(sorted(free + tuple(k for k, f in bound if f.admits(n))))
        if len(self._memo2) < 100000:
            self._memo2[(word, following)] = got
        return got

    def _split_candidates(self, word: str) -> tuple:
        """The rules ``word`` triggers, as (those the next word cannot rule out, [(rule, _Follow)])."""
        every = self.candidates(word)
        w = word.lower()
        number = w[:1].isdecimal()
        bound_by: dict[int, _Follow] = {}
        if number and self.digit:
            bound_by.update(self._follow_of(""))
        elif len(self.exact.get(w, ())) >= BUSY:
            bound_by.update(self._follow_of(w))
        if bound_by:
            # a rule this word reaches in another way too (a word prefix) is not bound by the next word
            for n, table in self.prefix.items():
                if len(w) >= n:
                    for k in table.get(w[:n], ()):
                        bound_by.pop(k, None)
        free = tuple(k for k in every if k not in bound_by)
        got = (free, tuple((k, bound_by[k]) for k in every if k in bound_by))
        if len(self._split) < 50000:
            self._split[word] = got
        return got

    def _follow_of(self, w: str) -> dict[int, "_Follow"]:
        """{rule: what the next word must be} for the rules first word ``w`` (lower case; "" for a number)
        triggers, worked out (``second_words``) the first time the word is read and kept."""
        got = self.follow.get(w)
        if got is not None:
            return got
        got = {}
        only = frozenset((w,)) if w else frozenset()
        for k in (self.exact.get(w, ()) if w else self.digit):
            rule = self.rules[k]
            tree = self._trees[k] if k < len(self._trees) else None
            sw = second_words(rule.regex.pattern, rule.regex.flags, tree, only)
            keys = sw.get(("exact", w) if w else ("digit", "")) if sw else None
            if keys is not None:
                f = self._shared.get(keys)
                if f is None:
                    f = self._shared[keys] = _Follow(keys)
                got[k] = f
        self.follow[w] = got
        return got

    def cue_starts(self, s: str) -> dict[int, list[int]]:
        """Where each tense cue (by its place in past + future) may begin in ``s``: the starts of the words it
        may begin with (``cue_words``); the cues that may begin anywhere are not in it."""
        out: dict[int, list[int]] = {}
        memo = self._cue_memo
        for m in self.scanner.finditer(s):
            w = m.group()
            ks = memo.get(w)
            if ks is None:
                ks = self._cues_of(w.lower())
                if len(memo) < 50000:
                    memo[w] = ks
            for k in ks:
                got = out.get(k)
                if got is None:
                    out[k] = [m.start()]
                else:
                    got.append(m.start())
        return out

    def _cues_of(self, w: str) -> tuple[int, ...]:
        found = []
        for k, trig in enumerate(self.cue_triggers):
            if trig is None:
                continue
            exact, prefixes, digit = trig
            if w in exact or (digit and w[:1].isdecimal()) or any(w[:n] in ps for n, ps in prefixes):
                found.append(k)
        return tuple(found)

    def cue_matches(self, k: int, pattern: re.Pattern, s: str, starts: dict[int, list[int]]):
        """``pattern.finditer(s)`` for the tense cue ``k`` (its place in past + future), trying the pattern only
        at the words of ``s`` it may begin with (``starts``: ``cue_starts(s)``) when it can only begin at a
        word."""
        if k >= len(self.cue_triggers) or self.cue_triggers[k] is None:
            yield from pattern.finditer(s)
            return
        end = 0
        for start in starts.get(k, ()):
            if start < end:
                continue
            m = pattern.match(s, start)
            if m is not None and m.end() > start:
                yield m
                end = m.end()

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


_CANNOT = object()


def _ways(op, av, rest: list):
    """The ways a walk over a pattern goes on at a set of characters, a group or an alternation: a list of item
    lists (a set of few characters: one way per character); ``_CANNOT`` for a set that cannot be listed; None
    for any other item."""
    if op is IN:
        chars = _chars(av)
        if chars is None:
            return _CANNOT
        return [[(LITERAL, ord(ch))] + rest for ch in dict.fromkeys(chars)]
    if op is SUBPATTERN:
        return [list(av[-1]) + rest]
    if op is BRANCH:
        return [list(alt) + rest for alt in av[1]]
    return None


def first_words(pattern: str, flags: int = re.I, tree: list | None = None) -> set[tuple[str, str]]:
    """What a match of ``pattern`` may start with: a set of ("exact", word) — the first word is exactly this
    lower-case word —, ("prefix", p) — it begins with p —, ("digit", "") — with a digit —, or ("raw", "") —
    anything, or not at a word (the rule is then searched for on its own)."""
    out: set[tuple[str, str]] = set()
    budget = [_BUDGET]
    fold = bool(int(flags) & re.I)

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
                ch = chr(av).lower() if fold else chr(av)
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
            if op is IN and prefix and (CATEGORY, CATEGORY_DIGIT) in av:
                break   # any digit may go on the word ("FY24" begins with "fy"; ``_chars`` names one digit only)
            ways = _ways(op, av, rest)
            if ways is _CANNOT:
                break
            if ways is not None:
                for way in ways:
                    walk(way, prefix)
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

    walk(list(_sre_parse.parse(pattern, flags)) if tree is None else tree, "")
    return out


# ---------------------------------------------------------------------------------------------------------
# Second words: what the word after a rule's first word can be, when the first word is a whole word ("в",
# "w", "le") or a number. Most rules of Polish or Russian begin with an optional preposition ("в сентябре",
# "w maju"): the word "в" triggers some thirty rules, of which the word after it rules out nearly all.

_EMPTY, _WORDS_ONLY, _NON_WORD, _MIXED = "empty", "word", "nonword", "mixed"
BUSY = 3    # a first word that starts at least this many rules has what may follow it worked out


def _consumes(items) -> tuple[str, bool]:
    """What the pattern items consume — only word characters, only other characters, both (or unknown), or
    nothing — and whether they may match the empty string."""
    kinds: set[str] = set()
    empty = True
    for op, av in items:
        if op in (AT, ASSERT, ASSERT_NOT):
            continue
        if op is LITERAL:
            kinds.add(_WORDS_ONLY if _WORD.match(chr(av)) else _NON_WORD)
            empty = False
        elif op is IN:
            chars = _chars(av)
            if chars is None:
                return _MIXED, False
            kinds.update(_WORDS_ONLY if _WORD.match(c) else _NON_WORD for c in chars)
            empty = False
        elif op is SUBPATTERN:
            k, e = _consumes(av[-1])
            if k == _MIXED:
                return _MIXED, False
            if k != _EMPTY:
                kinds.add(k)
            empty = empty and e
        elif op is BRANCH:
            any_empty = False
            for alt in av[1]:
                k, e = _consumes(alt)
                if k == _MIXED:
                    return _MIXED, False
                if k != _EMPTY:
                    kinds.add(k)
                any_empty = any_empty or e
            empty = empty and any_empty
        elif op in (MAX_REPEAT, MIN_REPEAT):
            lo, hi, sub = av
            k, e = _consumes(sub)
            if k == _MIXED:
                return _MIXED, False
            if k != _EMPTY and hi > 0:
                kinds.add(k)
            empty = empty and (lo == 0 or e)
        else:
            return _MIXED, False
    if not kinds:
        return _EMPTY, True
    if len(kinds) > 1:
        return _MIXED, empty
    return kinds.pop(), empty


def cue_words(pattern: str, flags: int = re.I):
    """The words a tense cue may begin with, as (exact words, ((length, prefixes), ...), digit), when every
    match of it begins where a word begins (it opens with ``\\b`` or a look-behind for no word character, after
    look-behinds of its own) and ``first_words`` can tell its first word; None otherwise (it is searched for
    everywhere)."""
    tree = list(_sre_parse.parse(pattern, flags))
    items = tree
    while items:
        op, av = items[0]
        if op is AT:
            if av is not AT_BOUNDARY:
                return None
            break
        if op is ASSERT_NOT and av[0] == -1:
            look = list(av[1])
            if len(look) == 1 and look[0][0] is IN and any(o is CATEGORY and a is CATEGORY_WORD for o, a in look[0][1]):
                break                                  # (?<![\w-]): a word begins here
            items = items[1:]                          # another look-behind ("not after 'la '"): passed over
            continue
        if op is SUBPATTERN and av[0] is None:
            items = list(av[-1]) + items[1:]
            continue
        return None
    else:
        return None
    found = first_words(pattern, flags, tree)
    if any(kind == "raw" or (kind == "prefix" and len(w) < 2) for kind, w in found):
        return None       # it may begin anywhere, or with nearly any word: searched for
    exact = frozenset(w for kind, w in found if kind == "exact")
    pre: dict[int, set[str]] = {}
    for kind, w in found:
        if kind == "prefix":
            pre.setdefault(len(w), set()).add(w)
    return exact, tuple((n, frozenset(ws)) for n, ws in sorted(pre.items())), ("digit", "") in found


def _digits_only(items) -> bool:
    """Whether the pattern items are one digit (or a set of digits)."""
    if len(items) != 1:
        return False
    op, av = items[0]
    if op is LITERAL:
        return chr(av).isdecimal()
    if op is IN:
        if any(o is CATEGORY and a is CATEGORY_DIGIT for o, a in av) and len(av) == 1:
            return True
        chars = _chars(av)
        return bool(chars) and all(c.isdecimal() for c in chars) and not any(o is CATEGORY for o, _ in av)
    return False


def second_words(pattern: str, flags: int = re.I, tree: list | None = None,
                 only: frozenset[str] | None = None) -> dict[tuple[str, str], frozenset | None] | None:
    """For a rule whose match may begin with a whole word — ("exact", word) — or a number — ("digit", "") —,
    what the next word of the text (the next run of word characters) must then be: a set of ("exact", w),
    ("prefix", p) and ("digit", "") as in ``first_words``, or None when it may be anything (or nothing: the
    match may end with the first word). None for the whole rule when its pattern is beyond this analysis.
    ``only``: the first words to tell it for (numbers always); the others are left out (quicker).

    Sound by construction: a way through the pattern is followed only as far as every step is understood; the
    first word ends where the pattern needs a non-word character, the characters up to the second word are
    non-word characters, so the second word of the match begins where the text's next word begins."""
    out: dict[tuple[str, str], set | None] = {}
    loose: set[str] = set()     # first words left while still open: any word beginning so may come first
    budget = [_BUDGET]
    fold = bool(int(flags) & re.I)
    memo: dict[tuple, frozenset | None] = {}
    starts = None if only is None else frozenset(w[:i] for w in only for i in range(1, len(w) + 1))

    def record(k1, keys) -> None:
        if keys is None:
            out[k1] = None
        else:
            got = out.setdefault(k1, set())
            if got is not None:
                got.update(keys)

    def first(items: list, prefix: str) -> None:
        """In the first word (its letters so far in ``prefix``): records what may follow each whole word."""
        budget[0] -= 1
        if budget[0] < 0:
            raise OverflowError
        i = 0
        while i < len(items):
            op, av = items[i]
            rest = items[i + 1:]
            if op in (AT, ASSERT, ASSERT_NOT):
                i += 1
                continue
            if op is LITERAL:
                ch = chr(av).lower() if fold else chr(av)
                if len(ch) != 1:
                    break
                word = _WORD.match(ch) is not None
                if not prefix:
                    if not word:
                        return                       # a rule searched on its own
                    if ch.isdecimal():
                        record(("digit", ""), after(rest, "number", ""))
                        return
                elif not word:
                    record(("exact", prefix), after(rest, "gap", ""))
                    return
                prefix += ch
                if starts is not None and prefix not in starts:
                    return                           # no first word asked for begins so
                i += 1
                continue
            if op is IN and prefix and (CATEGORY, CATEGORY_DIGIT) in av:
                break   # any digit may go on the word ("FY24" begins with "fy"; ``_chars`` names one digit only)
            ways = _ways(op, av, rest)
            if ways is _CANNOT:
                break
            if ways is not None:
                for way in ways:
                    first(way, prefix)
                return
            if op in (MAX_REPEAT, MIN_REPEAT):
                lo, hi, sub = av
                if hi == 0:
                    i += 1
                    continue
                if prefix:
                    kind, may_be_empty = _consumes(sub)
                    if kind == _EMPTY:
                        i += 1
                        continue
                    if kind == _NON_WORD:
                        if lo == 0 or may_be_empty:
                            first(rest, prefix)
                        record(("exact", prefix), after(rest, "gap", ""))
                        return
                    if kind == _WORDS_ONLY and hi != 1:
                        # the first word goes on: a prefix trigger (or, when none is taken, the word so far)
                        if lo == 0 or may_be_empty:
                            first(rest, prefix)
                        loose.add(prefix)
                        return
                elif hi != 1 and _digits_only(sub):
                    # "\d{1,4}": a number begins here, the repetition stays inside it
                    if lo == 0:
                        first(rest, prefix)
                    record(("digit", ""), after(rest, "number", ""))
                    return
                if lo == 0:
                    first(rest, prefix)
                first(list(sub) + (rest if hi == 1 else [_UNKNOWN]), prefix)
                return
            break   # anything else: the way cannot be followed further
        if prefix:
            loose.add(prefix)

    def after(items: list, phase: str, prefix: str) -> frozenset | None:
        """What the next word may be from here: phase "number" (in a first word that began with a digit),
        "gap" (between the words) or "second" (in the second word, its letters so far in ``prefix``)."""
        key = (phase, prefix, tuple(x if x[0] is LITERAL else id(x) for x in items))
        if key in memo:
            return memo[key]
        got = _after(items, phase, prefix)
        memo[key] = got
        return got

    def union(parts) -> frozenset | None:
        acc: set = set()
        for p in parts:
            if p is None:
                return None
            acc |= p
        return frozenset(acc)

    def _after(items: list, phase: str, prefix: str) -> frozenset | None:
        budget[0] -= 1
        if budget[0] < 0:
            raise OverflowError
        i = 0
        while i < len(items):
            op, av = items[i]
            rest = items[i + 1:]
            if op in (AT, ASSERT, ASSERT_NOT):
                i += 1
                continue
            if op is LITERAL:
                ch = chr(av).lower() if fold else chr(av)
                if len(ch) != 1:
                    break
                word = _WORD.match(ch) is not None
                if phase == "number":
                    if not word:
                        return after(rest, "gap", "")
                elif phase == "gap":
                    if word:
                        if ch.isdecimal():
                            return frozenset({("digit", "")})
                        return after(rest, "second", ch)
                else:   # second
                    if not word:
                        return frozenset({("exact", prefix)})
                    if ch.isdecimal():
                        return frozenset({("prefix", prefix)})
                    prefix += ch
                i += 1
                continue
            ways = _ways(op, av, rest)
            if ways is _CANNOT:
                break
            if ways is not None:
                return union(after(way, phase, prefix) for way in ways)
            if op in (MAX_REPEAT, MIN_REPEAT):
                lo, hi, sub = av
                if hi == 0:
                    i += 1
                    continue
                if phase != "second":
                    # in the first word or the gap: a repetition of word characters (in the word) or of other
                    # characters (after it) is passed over whole
                    kind, may_be_empty = _consumes(sub)
                    if kind == _EMPTY:
                        i += 1
                        continue
                    if kind == _NON_WORD:
                        gap = after(rest, "gap", "")
                        return union([after(rest, phase, prefix), gap]) if lo == 0 or may_be_empty else gap
                    if phase == "number":
                        if kind == _WORDS_ONLY:
                            i += 1
                            continue
                        return None
                parts = [after(list(sub) + (rest if hi == 1 else [_UNKNOWN]), phase, prefix)]
                if lo == 0:
                    parts.append(after(rest, phase, prefix))
                return union(parts)
            break   # anything else: the way cannot be followed further
        # the end of the pattern, or a step not understood
        if phase == "second":
            return frozenset({("prefix", prefix)})
        return None

    try:
        first(list(_sre_parse.parse(pattern, flags)) if tree is None else tree, "")
    except OverflowError:
        return None
    for k1 in out:
        if k1[0] == "exact" and any(k1[1].startswith(p) for p in loose):
            out[k1] = None
    if only is not None:
        out = {k1: v for k1, v in out.items() if k1[0] != "exact" or k1[1] in only}
    return {k: (frozenset(v) if v is not None else None) for k, v in out.items()}


class _Follow:
    """What the next word must be for one rule triggered by one first word (``second_words``)."""
    __slots__ = ("exact", "prefix", "digit")

    def __init__(self, keys: frozenset):
        self.exact = frozenset(w for kind, w in keys if kind == "exact")
        pre: dict[int, set[str]] = {}
        for kind, w in keys:
            if kind == "prefix":
                pre.setdefault(len(w), set()).add(w)
        self.prefix = tuple((n, frozenset(ws)) for n, ws in sorted(pre.items()))
        self.digit = ("digit", "") in keys

    def admits(self, word: str) -> bool:
        """``word``: the next word of the text, lower case ("" at the end of the text)."""
        if not word:
            return False
        if word in self.exact or (self.digit and word[:1].isdecimal()):
            return True
        return any(word[:n] in ws for n, ws in self.prefix)


def _index(rules: list[Rule], trees: list[list]) -> tuple[dict, dict, tuple, tuple]:
    exact: dict[str, set[int]] = {}
    prefix: dict[int, dict[str, set[int]]] = {}
    digit: set[int] = set()
    raw: set[int] = set()
    for r, tree in zip(rules, trees):
        for kind, w in first_words(r.regex.pattern, r.regex.flags, tree):
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
    """The language codes with a data folder holding rules, less those whose rules say the language is tagged
    elsewhere (a top-level ``entry`` key in rules.toml: English, whose tagger, ``viewer/timex/tagger.py``, reads
    the rules of the families moved onto the engine so far and stays the language's entry point)."""
    root = resources.files("viewer.timex.lang")
    out = set()
    for p in root.iterdir():
        if p.is_dir() and (p / "rules.toml").is_file() and (p / "lexicon.toml").is_file():
            if not entry_elsewhere((p / "rules.toml").read_text(encoding="utf-8")):
                out.add(p.name)
    return frozenset(out)


_ENTRY = re.compile(r"^entry\s*=", re.M)


def entry_elsewhere(rules_toml: str) -> bool:
    """Whether a rules.toml names another entry point for its language (``entry = "..."`` before its first
    table): the engine then does not tag the language on its own (see ``available``)."""
    return _ENTRY.search(rules_toml.split("[[", 1)[0]) is not None


def _alternation(words) -> str:
    """A pattern matching any of ``words`` (lower case; a space matches any run of white space, an apostrophe
    either apostrophe), the longer word first where several match ("dix-sept" before "dix").

    Written as a trie ("janv(?:ier|\\.)|juil(?:let|\\.)"): at each place the regex engine tries only the
    branches of the letters that can follow, not every word of the class one after the other (a lexicon class
    holds up to a few hundred inflected forms, and the engine matches case-insensitively, which rules out the
    regex engine's own quick skip of a branch by its first letter). Equivalent to the plain alternation of the
    words longest first: the words that match at a place are prefixes of one another, and the trie tries the
    longer before the shorter; the branches of a node start with distinct letters, which no text character
    matches together (checked: else the plain alternation is used)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not _distinct_branches(root):
        out = [re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in sorted(words, key=len, reverse=True)]
        return "(?:" + "|".join(out) + ")"
    return "(?:" + _trie(root) + ")"


def _token(ch: str) -> str:
    return r"\s+" if ch == " " else "['’]" if ch == "'" else re.escape(ch)


def _trie(node: dict) -> str:
    alts = [_token(ch) + _trie(child) for ch, child in node.items() if ch]
    if "" in node:
        alts.append("")       # the word ends here: tried after every longer word
    if len(alts) == 1:
        return alts[0]
    return "(?:" + "|".join(alts) + ")"


def _distinct_branches(node: dict) -> bool:
    """Whether no two branches of any node can match the same character of a text. Matched case-insensitively,
    a letter ``a`` matches the characters whose lower case is in ``_folds(a)`` ("i" and "ı" both match "I")."""
    seen: dict[int, str] = {}
    for ch in node:
        if not ch:
            continue
        if ch == " " or ch == "'":
            keys = {-1} if ch == " " else {-2}
        elif ch.isspace():
            keys = {-1}
        elif ch == "’":
            keys = {-2}
        else:
            keys = _folds(ch)
        for k in keys:
            if seen.setdefault(k, ch) != ch:
                return False
    return all(_distinct_branches(child) for child in node.values())


def _folds(ch: str) -> set[int]:
    lo = _sre.unicode_tolower(ord(ch)) if len(ch) == 1 else -3
    return {lo, *_EXTRA_CASES.get(lo, ())}


class _Alternations(dict):
    """class -> the pattern of its words (``_alternation``), made when first asked for: a lexicon may hold classes
    no rule uses (English's, read by its own tagger too)."""

    def __init__(self, classes: dict[str, dict[str, object]]):
        super().__init__()
        self.classes = classes

    def __missing__(self, cls: str) -> str:
        got = self[cls] = _alternation(self.classes[cls])
        return got


def _compile_pattern(src: str, classes: dict, alts: dict, start: str | None = None) -> tuple[str, dict[str, str]]:
    groups: dict[str, str] = {}

    def sub(m: re.Match) -> str:
        cls, name = m.group(1), m.group(2) or m.group(1)
        if cls in BUILTIN:
            body = BUILTIN[cls]
        elif cls in classes:
            body = alts[cls]
        else:
            raise KeyError(f"unknown class {{{cls}}}")
        if name in groups:
            raise ValueError(f"the group name {name!r} is used twice in the pattern (name the second one: "
                             f"{{{cls}:{name}2}})")
        groups[name] = cls
        # a word ends there, unless the pattern goes on with letters or a hyphen: "{weekday}abend"
        # (Montagabend), "{position}-" (mi-mars), or says itself how the word ends ("{unit}\b": "weeks--")
        glued = m.end() < len(src) and (src[m.end()].isalpha() or src[m.end()] in "{-" or
                                        src.startswith("\\b", m.end()))
        tail = r"(?![\w-])" if cls not in BUILTIN and not body.endswith(r"\.)") and not glued else ""
        return f"(?P<{name}>{body}){tail}"

    # a space: any run of white space; an apostrophe: either apostrophe
    src = src.replace(" ", r"\s+").replace("'", "['’]")
    out = _PLACEHOLDER.sub(sub, src)
    return (start or RULE_START) + out, groups


# the keys of a [[rule]] the engine reads (any other is kept in ``Rule.meta``)
_RULE_KEYS = frozenset({"name", "pattern", "frame", "not_before", "not_after", "not_text", "start",
                        "if_before", "if_after", "window"})


_WINDOW_KEYS = ("not_before", "not_after", "if_before", "if_after")


def _window(code: str, r: dict) -> tuple[tuple[int, int], tuple[int, int, int, int]]:
    """A rule's ``window``: [characters before, characters after] its match that its context patterns see, or a
    table of widths by side (``before``, ``after``) and by context key (``if_before`` = 6: that key's own
    width; a key not given has its side's, a side not given 40). Returns the sides' widths and the four
    keys' (not_before, not_after, if_before, if_after)."""
    w = r.get("window", [40, 40])
    if isinstance(w, dict):
        bad = [k for k, n in w.items() if k not in ("before", "after", *_WINDOW_KEYS)
               or not isinstance(n, int) or isinstance(n, bool) or n < 0]
        if bad:
            raise ValueError(f"{code} rule {r.get('name')!r}: window keys are before, after, "
                             f"{', '.join(_WINDOW_KEYS)} (a number of characters each), got {bad[0]!r}")
        side = (w.get("before", 40), w.get("after", 40))
        return side, tuple(w.get(k, side[i % 2]) for i, k in enumerate(_WINDOW_KEYS))
    if not (isinstance(w, list) and len(w) == 2 and all(isinstance(n, int) and n >= 0 for n in w)):
        raise ValueError(f"{code} rule {r.get('name')!r}: window must be [characters before, characters after], "
                         f"or a table of widths, got {w!r}")
    return (w[0], w[1]), (w[0], w[1], w[0], w[1])


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
    alts = _Alternations(classes)     # each class's pattern, made the first time a rule or the news cue uses it
    for cls, table in lex.items():
        if cls in BUILTIN:
            # it would be silently shadowed by the built-in pattern of the same name
            raise ValueError(f"{code} lexicon: class [{cls}] has the name of a built-in class "
                             f"({{{cls}}} = {BUILTIN[cls]!r}); give it another name")
        fields[cls] = table.pop("_field", cls)
        classes[cls] = {" ".join(k.lower().replace("’", "'").split()): v for k, v in table.items()}
    rules: list[Rule] = []
    for i, r in enumerate(rules_src.get("rule", [])):
        try:
            # ``start``: where the rule may start, when not where every rule of its kind may (a lookbehind
            # written in full, as the rule's own, in place of RULE_START / RANGE_START)
            pat, groups = _compile_pattern(r["pattern"], classes, alts, r.get("start") or (
                RANGE_START if r.get("frame", {}).get("kind") in ("date", "month") else None))
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
                          i, tuple(g for g in ("lead", "lead2") if g in rx.groupindex),
                          {k: v for k, v in r.items() if k not in _RULE_KEYS},
                          re.compile(r["if_before"], re.I) if r.get("if_before") else None,
                          re.compile(r["if_after"], re.I) if r.get("if_after") else None,
                          *_window(code, r)))
    # each pattern parsed once for both analyses (neither changes the tree)
    trees = [list(_sre_parse.parse(r.regex.pattern, r.regex.flags)) for r in rules]
    exact, prefix, digit, raw = _index(rules, trees)
    nc = frozenset(w.lower() for w in tense.get("not_cue", []))
    # the words of news (today, yesterday, tomorrow): a text using them is not a history; a language may
    # list them itself ([news_cue]) when some of its day words are common in histories too
    cue = alts["news_cue"] if "news_cue" in classes else alts["day_word"] if "day_word" in classes else None
    news = re.compile(r"(?<![\w-])" + cue + r"(?![\w-])", re.I) if cue else re.compile(r"(?!)")
    past = [re.compile(p, re.I) for p in tense.get("past", [])]
    future = [re.compile(p, re.I) for p in tense.get("future", [])]
    return Language(code, classes, fields, rules, WORDS, past, future, nc, news,
                    exact, prefix, digit, raw, {}, trees, cue_triggers=[cue_words(p.pattern) for p in past + future])
