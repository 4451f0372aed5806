"""The words a pattern can begin with, read from the compiled pattern's syntax tree.

The tagger tries each family of patterns at a trigger word and at the few tokens before it ("last" in
"last September", "the" in "the third quarter"). Most of those tokens ("said", "on", "forces") cannot
begin a match of most families, and trying costs a regular-expression call each. :func:`lead_tokens`
works out, once per pattern, which tokens can: the set of first tokens, as the tagger's tokenizer
sees them (a run of ASCII letters, lowercased, or ``"#digits"`` for a run of digits). When the set
cannot be known (a class of many letters, a back-reference, an unknown construct) it is None and the
pattern is always tried, so the answer is never narrower than the truth.
"""
from __future__ import annotations

try:   # the syntax tree of Python's own engine (Python 3.11+); without it every pattern is always tried
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover
    _C = _P = None

DIGITS = "#digits"
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
# ASCII letters that case-insensitive matching also lets match a character the tokenizer does not count
# as a letter (İ ı for i, K for k, ſ for s): such a match can end the first token there
_FOLDS_OUTSIDE_ASCII = frozenset("iks")
_MAX_PATHS = 20000
_MAX_RUN = 40


class _Unknown(Exception):
    """The pattern may begin with a token we cannot list."""


def lead_tokens(pattern: str) -> frozenset | None:
    """The first tokens of every match of ``pattern`` that runs past its first token, or None."""
    if _P is None:
        return None
    try:
        tree = _P.parse(pattern)
        ic = bool(tree.state.flags & _C.SRE_FLAG_IGNORECASE)
        out: set = set()
        _Walk(out).walk(list(tree), 0, None, ic, ())
        return frozenset(out)
    except (_Unknown, RecursionError, Exception):
        return None


class _Walk:
    def __init__(self, out: set):
        self.out = out
        self.paths = 0

    def walk(self, items, i, run, ic, cont):
        """Follow the pattern from ``items[i]`` on. ``run``: the letters of the first token read so far
        (None: nothing consumed yet). ``cont``: what follows once ``items`` are done, as frames
        (items, index, ignorecase) or ("repeat", ...) markers."""
        self.paths += 1
        if self.paths > _MAX_PATHS:
            raise _Unknown
        while i < len(items):
            op, av = items[i]
            name = str(op)
            if name in ("AT", "ASSERT", "ASSERT_NOT"):
                i += 1                  # zero width: a condition we do not narrow by
                continue
            if name in ("SUBPATTERN", "ATOMIC_GROUP"):
                if name == "SUBPATTERN":
                    _, add, delete, sub = av
                    ic2 = (ic or bool(add & _C.SRE_FLAG_IGNORECASE)) and not (delete & _C.SRE_FLAG_IGNORECASE)
                else:
                    sub, ic2 = av, ic
                self.walk(list(sub), 0, run, ic2, ((items, i + 1, ic),) + cont)
                return
            if name == "BRANCH":
                for alt in av[1]:
                    self.walk(list(alt), 0, run, ic, ((items, i + 1, ic),) + cont)
                return
            if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                lo, hi, sub = av
                if lo == 0:
                    self.walk(items, i + 1, run, ic, cont)          # not taken
                # taken once; a second time only matters while the first token is still open
                self.walk(list(sub), 0, run, ic, (("repeat", hi), (items, i + 1, ic)) + cont)
                return
            chars = self._chars(op, av, ic)
            letters, digit, other = chars
            if run is None:                       # the first character of the match: a token start
                if digit:
                    self.out.add(DIGITS)
                for ch in letters:
                    self.walk(items, i + 1, ch, ic, cont)
                return                             # anything else cannot start at a token
            if digit or other:
                self.out.add(run)                  # the token ends here: exactly the letters so far
            if len(run) >= _MAX_RUN and letters:
                raise _Unknown
            for ch in letters:
                self.walk(items, i + 1, run + ch, ic, cont)
            return
        # the items are done: go on with what follows them
        if not cont:
            return          # the match would end inside its first token: it never reaches the trigger
        frame, rest = cont[0], cont[1:]
        if frame[0] == "repeat":
            if frame[1] > 1 and run is not None:
                raise _Unknown  # a repeated group still inside the first token: could read any letters
            self.walk([], 0, run, ic, rest)
            return
        items2, j, ic2 = frame
        self.walk(items2, j, run, ic2, rest)

    def _chars(self, op, av, ic):
        """(lowercase ASCII letters, may be a digit, may be anything else) that one item can consume."""
        name = str(op)
        if name == "LITERAL":
            return self._char(chr(av), ic)
        if name == "IN":
            letters: set = set()
            digit = other = False
            for op2, av2 in av:
                n2 = str(op2)
                if n2 == "NEGATE":
                    raise _Unknown
                if n2 == "LITERAL":
                    l2, d2, o2 = self._char(chr(av2), ic)
                elif n2 == "RANGE":
                    a, b = av2
                    if b - a > 12:
                        raise _Unknown
                    l2, d2, o2 = set(), False, False
                    for c in range(a, b + 1):
                        x = self._char(chr(c), ic)
                        l2 |= x[0]
                        d2 |= x[1]
                        o2 |= x[2]
                elif n2 == "CATEGORY":
                    cat = str(av2)
                    if cat.endswith("_DIGIT") and "NOT" not in cat:
                        l2, d2, o2 = set(), True, False
                    elif cat.endswith(("_SPACE", "_LINEBREAK")) and "NOT" not in cat:
                        l2, d2, o2 = set(), False, True
                    else:
                        raise _Unknown
                else:
                    raise _Unknown
                letters |= l2
                digit |= d2
                other |= o2
            return letters, digit, other
        raise _Unknown       # ANY, NOT_LITERAL, GROUPREF, ...

    @staticmethod
    def _char(ch: str, ic: bool):
        low = ch.lower() if ch.isascii() else ch
        if low in _LETTERS:
            return {low}, False, ic and low in _FOLDS_OUTSIDE_ASCII
        if ch.isdigit():
            return set(), True, False
        return set(), False, True
