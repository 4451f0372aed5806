"""The language-independent tagger engine: a language's data (``viewer/timex/lang/<code>/``) in, time
expressions out.

Interface (what the rest of the tagger relies on):

- ``LANGUAGES``: the codes that have a data folder and rules (a frozenset of ISO 639-1 codes);
- ``tag(text, reference, language, narrative=False)``: the time expressions of ``text`` in ``language``,
  resolved against ``reference`` (a date or None), as ``viewer.model.TimeExpression``s sorted by offset.

How: ``data.load`` reads the folder once and compiles every rule to a pattern with named groups, and indexes
the rules by the words they can start with (trigger words, read off the compiled patterns). At each word of
the text the rules it triggers are tried anchored there and the longest match wins (leftmost-longest); its
groups become a frame (kind, unit, fields, deixis, offset,
modifier) that ``resolve.resolve`` turns into a TIMEX3 value against the reference or the narrative time.

English still runs on ``viewer/timex/tagger.py``, its entry point, while it moves onto this engine family by
family: ``viewer/timex/lang/en/rules.toml`` holds the rules of the families moved so far (its ``entry`` key keeps
English out of ``LANGUAGES``); the English tagger takes every match of them (``matches``) among its own candidates
and has the engine resolve the ones it keeps (``resolve.resolve``).
"""
from __future__ import annotations

import re
from datetime import date

from ...model import TimeExpression
from .. import discourse
from .data import BUILTIN_FIELD, RAW_GROUP_FIELD, ROMAN, Language, Rule, available, load
from .resolve import Context, resolve

LANGUAGES: frozenset[str] = available()

__all__ = ["LANGUAGES", "tag", "load", "matches", "weekday_dates", "news_signals"]


def tag(text: str, reference: date | None, language: str, *, narrative: bool = False) -> list[TimeExpression]:
    """The time expressions of ``text`` read with ``language``'s data (none for a language without data)."""
    if language not in LANGUAGES or not isinstance(text, str) or not text:
        return []
    lang = load(language)
    news: list[tuple[int, int]] = []
    if narrative and reference is not None and lang.news_cue.search(text[:20000]):
        # "hier", "aujourd'hui", "demain" outside quotation marks: the paragraphs that say them speak as news,
        # which date by the reference, not by the story's years; the rest of the history stays a history
        news = discourse.news_passages(text, lang.news_cue)
    ctx = Context(lang, text, reference, narrative)
    out: list[TimeExpression] = []
    for start, end, frame, _ in _frames_of(lang, text):
        if news:
            ctx.narrative = not discourse.in_spans(news, start)
        e = resolve(ctx, frame, start, end)
        if e is not None:
            if e.earliest and _BC_YEAR.fullmatch(e.value):
                first = _bc_range_start(ctx, e, out)
                if first is not None:
                    out.append(first)
            elif e.granularity == "day" and _DAY_VALUE.fullmatch(e.value):
                first = _day_range_start(ctx, e, out)
                if first is not None:
                    out.append(first)
            elif e.granularity == "month" and _MONTH_VALUE.fullmatch(e.value) and frame.get("kind") == "month" \
                    and (frame.get("year") is not None or frame.get("year2") is not None):
                first = _month_range_start(ctx, e, out)
                if first is not None:
                    if out and out[-1].end > first.start:
                        out[-1] = first      # "entre agosto y septiembre de 1950": agosto takes the year
                    else:
                        out.append(first)
            out.append(e)
            ctx.last_end = e.end
            ctx.last_year, ctx.year_read = ctx.year_read, None
    return out


_ALNUM = re.compile(r"[^\W_]")
_WORD_RUN = re.compile(r"\w+")


def matches(lang: Language, text: str) -> list[tuple[int, int, dict, int, re.Match]]:
    """Every match of every rule of ``lang`` wherever it may start, with its frame: (start, end, frame, rule
    index, match), by start, then rule. Unlike ``tag``, not only the longest match at a place nor only the
    places after the last match: for a tagger that puts these among candidates of its own and settles the
    overlaps itself (English, while it moves onto the engine). A rule is tried at the words that may start it
    (``Language.candidates_at``: as ``tag`` does, less those the next word rules out), also after a "_"; one
    starting with a digit at every number, also one glued to a letter ("Q3", "_2024"): the rule's own start
    decides; one that may start anywhere is searched for at every place."""
    rules = lang.rules
    out: list[tuple[int, int, dict, int, re.Match]] = []

    def at(p: int, ks) -> None:
        for k in ks:
            m = rules[k].regex.match(text, p)
            if m is not None and m.end() > p:
                got = _frame(lang, rules[k], m, text)
                if got is not None:
                    out.append((got[0], got[1], got[2], k, m))

    digit = lang.digit
    low = text.lower()
    folded = len(low) == len(text)        # (a letter whose lower case is longer, "İ": the text read as it is)
    for tm in lang.trigger_scan(folded).finditer(low if folded else text):
        p, e = tm.span()
        if tm.lastgroup == "number":
            if p == 0 or not text[p - 1].isdecimal():       # (not the rest of one a trigger began: "Q32000")
                at(p, digit)
            continue
        if p == 0 or not _ALNUM.match(text, p - 1):          # a word some rule may start with
            # less the rules the next word rules out (``Language.candidates_at``: "the" starts many rules,
            # the word after it few of them)
            wm = _WORD_RUN.match(text, p)
            nm = _WORD_RUN.search(text, wm.end())
            ks = lang.candidates_at(wm.group(), nm.group() if nm is not None else "")
            if ks:
                at(p, ks)
        if digit and not tm.group().isalpha():
            for i in range(p + 1, e):                        # a number inside it ("Q3")
                if text[i].isdecimal() and not text[i - 1].isdecimal():
                    at(i, digit)
    if lang.raw:
        tried = {(c[4].start(), c[3]) for c in out}     # a rule both indexed and raw: tried once at a place
        for k in lang.raw:
            rx = rules[k].regex
            p = 0
            while p <= len(text):
                m = rx.search(text, p)
                if m is None:
                    break
                if (m.start(), k) not in tried:
                    at(m.start(), (k,))
                p = m.start() + 1
    out.sort(key=lambda c: (c[0], c[3]))
    return out


_BC_YEAR = re.compile(r"BC\d{4}")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_FIRST_WORD = re.compile(r"([^\W\d]+)\s")
_DAY_BEFORE = re.compile(r"(?<![\d.,/])(3[01]|[12]\d|0?[1-9])(?:\.|er|º|°|-?го|-?е)?\s*$")
_DAY_RANGE_FIRST = re.compile(r"(?<![\d.,/])(3[01]|[12]\d|0?[1-9])(?:\.|er|-?го|-?е)?\s*(?:[-–—]|([^\W\d]+))\s*$")


def _day_range_start(ctx: Context, e: TimeExpression, out: list) -> TimeExpression | None:
    """"10–18 juin 1953", "du 10 au 18 juin 1953", "з 10 по 18 червня 1953": the first day of a range written
    with one month is a date too (issue 17: both ends of a range are tagged and dated). The words between the
    two days are the language's ``[day_range_link]`` ("au", "bis", "по", "до"); a dash in every language."""
    fm = _DAY_RANGE_FIRST.search(ctx.text, max(0, e.start - 16), e.start)
    if fm is None:
        # "del 10 al 18 de junio", "dal 10 al 18 giugno": the link word opens the second date's own span
        lw = _FIRST_WORD.match(e.text)
        if lw is not None and ctx.lang.lookup("day_range_link", lw.group(1)) is not None:
            fm = _DAY_BEFORE.search(ctx.text, max(0, e.start - 12), e.start)
        if fm is None:
            return None
    if out and out[-1].end > fm.start(1):
        return None
    if fm.lastindex and fm.lastindex >= 2 and fm.group(2) is not None \
            and ctx.lang.lookup("day_range_link", fm.group(2)) is None:
        return None
    last = date.fromisoformat(e.value)
    try:
        d = last.replace(day=int(fm.group(1)))
    except ValueError:
        return None
    if d >= last:
        return None
    v = d.isoformat()
    return TimeExpression(start=fm.start(1), end=fm.end(1), text=fm.group(1), type="DATE", value=v,
                          earliest=v, latest=v, granularity="day",
                          reasoning=f"'{fm.group(1)}': the first day of the range ending {e.text} ({e.value})")


_MONTH_VALUE = re.compile(r"\d{4}-\d\d")
_MONTH_RANGE_FIRST = re.compile(r"(?<![\w-])([^\W\d_]+)\.?\s*(?:([-–—/])|\s([^\W\d_]+))\s*$")


def _month_range_start(ctx: Context, e: TimeExpression, out: list) -> TimeExpression | None:
    """"août-septembre 1950", "August–September 1950", "de agosto a septiembre de 1950", "w sierpniu i
    wrześniu 1950": the first month of a range (or pair) written with one year takes that year (the year before
    when it comes later in the calendar: "décembre-janvier 1951"), in every language (issue 17: both ends of a
    range are tagged and dated). The words between the months are the language's ``[day_range_link]`` and
    ``[range_and]`` (the month pair must then be in calendar order); a dash or a slash in every language."""
    fm = _MONTH_RANGE_FIRST.search(ctx.text, max(0, e.start - 32), e.start)
    if fm is None:
        return None
    lang = ctx.lang
    if out and out[-1].end > fm.start(1) and not (out[-1].start == fm.start(1) and out[-1].end == fm.end(1)
                                                  and out[-1].granularity == "month"):
        return None
    m1 = None
    for cls, fld in lang.fields.items():
        if fld == "month" and cls != "ambiguous_month":
            v = lang.lookup(cls, fm.group(1))
            if isinstance(v, int) or isinstance(v, str) and v.isdigit():
                m1 = int(v)
                break
    if m1 is None:
        return None
    y2, m2 = int(e.value[:4]), int(e.value[5:7])
    link = fm.group(3)
    if link is not None:
        if lang.lookup("day_range_link", link) is None:
            if lang.lookup("range_and", link) is None or m1 >= m2:
                return None
    if m1 == m2:
        return None
    y1 = y2 if m1 < m2 else y2 - 1
    from .. import calendar as cal
    i = y1 * 12 + m1 - 1
    value, e0, e1, gran = cal.render("month", i)
    return TimeExpression(start=fm.start(1), end=fm.end(1), text=fm.group(1), type="DATE", value=value,
                          earliest=e0, latest=e1, granularity=gran,
                          reasoning=f"'{fm.group(1)}': the first month of the range ending {e.text} ({e.value})")


_BC_RANGE_FIRST = re.compile(r"(?<![\d.,])(\d{1,4})\s*[-–—]\s*$")


def _bc_range_start(ctx: Context, e: TimeExpression, out: list) -> TimeExpression | None:
    """"499–493 v. Chr.": the first year of a range written with one era mark at its end is before the common
    era too (the larger number), in every language."""
    from .. import calendar as cal
    fm = _BC_RANGE_FIRST.search(ctx.text, max(0, e.start - 12), e.start)
    if fm is None or (out and out[-1].end > fm.start(1)):
        return None
    y1, y2 = int(fm.group(1)), int(e.value[2:])
    if not y2 < y1 <= y2 + 1000:
        return None
    value, e0, e1, gran = cal.bc_unit("year", y1)
    return TimeExpression(start=fm.start(1), end=fm.end(1), text=fm.group(1), type="DATE", value=value,
                          earliest=e0, latest=e1, granularity=gran,
                          reasoning=f"'{fm.group(1)}': the first year of the range ending {e.text}, before the common era too")


_last_frames: tuple[str, str, list] | None = None


def _frames_of(lang: Language, text: str) -> list:
    """``_frames`` as a list, kept for the last text read (``news_signals`` and ``tag`` read the same text
    one after the other)."""
    global _last_frames
    last = _last_frames
    if last is not None and last[0] == lang.code and (last[1] is text or last[1] == text):
        return last[2]
    got = list(_frames(lang, text))
    _last_frames = (lang.code, text, got)
    return got


def news_signals(text: str, language: str, reference: date | None = None) -> dict[str, int]:
    """What tells news from a history, read with ``language``'s own data in the first 20,000 characters:
    ``deictic`` — the days news date by (the language's day words — yesterday, today —, its ``[news_cue]``
    words, and weekdays written without a date or an anaphoric "that"/"the next"); ``news`` — the phrases news
    use and histories rarely do ("three days ago", "last week", "next month", "last September"); ``dated`` —
    months and days written with a year more than three years before ``reference``."""
    out = {"deictic": 0, "news": 0, "dated": 0}
    if language not in LANGUAGES or not isinstance(text, str) or not text:
        return out
    lang = load(language)
    head = text[:20000]
    frames = _frames_of(lang, head)
    cue_spans = [(m.start(), m.end()) for m in lang.news_cue.finditer(head)]
    seen = set()
    for start, end, f, _ in frames:
        kind = f.get("kind")
        deixis = f.get("deixis")
        if kind == "day" and not f.get("history") or kind == "weekday" and deixis not in ("prev_a", "next_a"):
            # a day word the language says histories use too ("heute": ``history`` in its frame) does not
            # count, nor one inside quoted speech (a history quoting "today ... tomorrow")
            seen.add(start)
            if not _quoted(head, start):
                out["deictic"] += 1
        elif kind == "shift" and not f.get("anaphoric") or kind in ("unit", "month", "season") and \
                deixis in ("last", "next", "this") and not f.get("there"):
            out["news"] += 1
        elif kind in ("date", "month") and reference is not None:
            y = f.get("year")
            if y is not None and int(y) < reference.year - 3:
                out["dated"] += 1
    # news cue words the rules did not read as a day of their own
    out["deictic"] += sum(1 for a, b in cue_spans if not any(a <= q < b for q in seen) and not _quoted(head, a))
    return out


def _quoted(text: str, i: int) -> bool:
    """Whether ``i`` lies inside a «…» or „…“ quotation opened in the same paragraph."""
    para = text.rfind("\n", 0, i) + 1
    for open_, close in (("«", "»"), ("„", "“")):
        o = text.rfind(open_, para, i)
        if o >= 0 and text.find(close, o + 1, i) < 0:
            return True
    return False


def _frames(lang: Language, text: str):
    """(start, end, frame, end of the match) for each expression, leftmost-longest, in text order.

    Only the places where some rule may start are visited: each word of the text (``lang.scanner``) tries
    the rules that can begin with it (its trigger words, ``Language.candidates``) less those the next word
    rules out (``Language.candidates_at``), and the few rules that may begin elsewhere (``lang.raw``) are
    searched for on their own."""
    candidates = lang.candidates_at
    raw = lang.raw
    raw_next = dict.fromkeys(raw, -1)       # where each raw rule next matches (-1: to look up)
    n = len(text)
    pos = 0

    def next_raw(lo: int) -> int:
        best = n
        for k in raw:
            q = raw_next[k]
            if q < lo:
                m = lang.rules[k].regex.search(text, lo)
                q = raw_next[k] = m.start() if m is not None else n
            if q < best:
                best = q
        return best

    words = lang.scanner.finditer(text)
    following = next(words, None)
    while following is not None:
        wm = following
        following = next(words, None)
        s = wm.start()
        if s < pos:
            continue
        if raw:
            while True:          # raw rules matching before this word
                q = next_raw(pos)
                if q >= s:
                    break
                got = _at(lang, text, q, tuple(k for k in raw if raw_next[k] == q))
                pos = q + 1 if got is None else got[3]
                if got is not None:
                    yield got
            if s < pos:
                continue
            ks = candidates(wm.group(), following.group() if following is not None else "")
            if raw_next and next_raw(s) == s:
                ks = tuple(sorted(set(ks).union(k for k in raw if raw_next[k] == s)))
        else:
            ks = candidates(wm.group(), following.group() if following is not None else "")
        if not ks:
            continue
        got = _at(lang, text, s, ks)
        if got is not None:
            yield got
            pos = got[3]
    while raw and pos < n:
        q = next_raw(pos)
        if q >= n:
            return
        got = _at(lang, text, q, tuple(k for k in raw if raw_next[k] == q))
        pos = q + 1 if got is None else got[3]
        if got is not None:
            yield got


def _at(lang: Language, text: str, p: int, ks, *, every: bool = False):
    """The expression starting at ``p`` (start, end, frame, where to go on), trying the rules ``ks``
    (longest match first, the earlier rule on a tie), or None."""
    rules = lang.rules
    cands = []
    for k in ks:
        rm = rules[k].regex.match(text, p)
        if rm is not None and rm.end() > p:
            cands.append((p - rm.end(), k, rm))
    if not cands:
        return None
    cands.sort(key=lambda c: (c[0], c[1]))
    for _, k, rm in cands:
        rule = rules[k]
        lead = next((rm.end(g) for g in rule.leads if rm.group(g) is not None and rm.start(g) == p), None)
        if lead is not None:
            # "dès octobre 98": a rule starting after the lead word may read further
            q = lead
            n = len(text)
            while q < n and text[q].isspace():
                q += 1
            longer = [(r2, m2) for r2 in _rules_at(lang, text, q, every)
                      if (m2 := r2.regex.match(text, q)) is not None and m2.end() > rm.end()]
            if longer:
                r2, m2 = max(longer, key=lambda x: x[1].end())
                got = _frame(lang, r2, m2, text)
                if got is not None:
                    return (*got, m2.end())
        got = _frame(lang, rule, rm, text)
        if got is not None:
            return (*got, rm.end())
    return None


def _rules_at(lang: Language, text: str, q: int, every: bool = False) -> list[Rule]:
    if every:
        return lang.rules
    m = lang.scanner.match(text, q)
    ks = set(lang.candidates(m.group())) if m is not None else set()
    ks.update(lang.raw)
    return [lang.rules[k] for k in sorted(ks)]


def _frames_every_rule(lang: Language, text: str):
    """The same as ``_frames`` by trying every rule at every place: the reference the trigger-word index is
    tested against (slow; for tests)."""
    pos = 0
    n = len(text)
    every = range(len(lang.rules))
    while pos < n:
        got = _at(lang, text, pos, every, every=True)
        if got is None:
            pos += 1
        else:
            yield got
            pos = got[3]


def _frame(lang: Language, rule: Rule, m: re.Match, text: str):
    start, end = m.start(), m.end()
    nb, na, ib, ia = rule.widths
    if rule.not_before is not None and rule.not_before.search(text[max(0, start - nb):start]):
        return None
    if rule.not_after is not None and rule.not_after.search(text[end:end + na]):
        return None
    if rule.if_before is not None and not rule.if_before.search(text[max(0, start - ib):start]):
        return None
    if rule.if_after is not None and not rule.if_after.search(text[end:end + ia]):
        return None
    if rule.not_text is not None and rule.not_text.search(" ".join(m.group(0).split())):
        return None
    frame = dict(rule.frame)
    for name, cls in rule.groups.items():
        g = m.group(name)
        if g is None:
            continue
        if cls in BUILTIN_FIELD:
            fld = BUILTIN_FIELD[cls]
            if cls == "year2":
                g = g.lstrip("'’")
            frame[fld] = re.match(r"[\dIVXivx,.]+", g).group(0).rstrip(".") if cls != "year2" else g
            if cls in ("day_num", "hour", "minute", "year4", "any_year"):
                frame[fld] = int(re.match(r"\d+", g).group(0))
            continue
        v = lang.lookup(cls, g)
        if v is None:
            continue
        if isinstance(v, dict):
            frame.update(v)      # a word meaning several things at once: "montagabend" = weekday + part of day
            continue
        frame[lang.fields.get(cls, cls)] = v
        if cls == "month" and lang.lookup("ambiguous_month", g) and g[:1].isupper() and not _sentence_start(text, m.start(name)) \
                and not any(frame_has for frame_has in (m.groupdict().get("day_num"), m.groupdict().get("year4"))):
            return None   # "Mars" the planet, "Mai" a name
    for name, fld in RAW_GROUP_FIELD.items():
        if name in m.re.groupindex and m.group(name) is not None:
            g = m.group(name)
            frame[fld] = g if fld in ("year2", "decade") else ROMAN[g.upper()] if name == "ordinal_roman" else int(g)
    # a lead word ("en", "depuis") is read but not part of the expression
    for name in rule.leads:
        if m.group(name) is not None and m.start(name) == start:
            start = m.end(name)
            while start < end and text[start].isspace():
                start += 1
    if frame.get("kind") == "month" and "month" not in frame:
        return None
    if frame.get("happening") and "unit" in m.re.groupindex and m.group("unit") is not None:
        frame["unit_end"] = m.end("unit")   # where "zwei Tage" ends, for a plain duration
    return start, end, frame


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"«“'(":
        j -= 1
    return j < 0 or text[j] in ".!?\n:;—–-"


def weekday_dates(text: str, language: str | None = None):
    """(weekday 1–7, month, day, matched text) for each weekday written before a day and a month without a
    year: the clue ``infer_reference`` uses to find the year of a text. Read in ``language`` when it is known
    (nothing for a language without data), else in every engine language."""
    if language is not None:
        codes = [language] if language in LANGUAGES else []
    else:
        codes = sorted(LANGUAGES)
    for code in codes:
        lang = load(code)
        for rule in lang.rules:
            if rule.frame.get("kind") != "date" or "weekday" not in rule.groups:
                continue
            for m in rule.regex.finditer(text):
                d = m.groupdict()
                if d.get("weekday") and d.get("month") and d.get("day_num") and not d.get("year4") \
                        and not d.get("year2"):
                    wd = lang.lookup("weekday", d["weekday"])
                    mo = lang.lookup("month", d["month"])
                    day = int(re.match(r"\d+", d["day_num"]).group(0))
                    if wd and mo:
                        yield int(wd), int(mo), day, m.group(0)
