"""Country and organisation mentions in text.

Countries come out as ISO 3166-1 alpha-2 codes (``UA``, ``RU``; ``XK`` for Kosovo); NATO, the EU and the
UN as the organisation codes ``NATO``, ``EU``, ``UN``. Names and codes come from pycountry; everything such
a database lacks (adjectives and demonyms, capitals, cities and seats of government, leaders with their
terms of office, groups such as "the Baltics", ambiguous names) is data in ``resources/countries.json``.
Users can extend it: a JSON file of the same shape named by the environment variable
``CONFLICT_TIMELINE_COUNTRIES`` is merged on top (several files separated by ``os.pathsep``).

Matching is one dictionary scan over the words of the text, built once per process: each word is looked up
among the first words of all known names; only then are the longer names that start with it compared.
Matching is case-aware: names count when capitalised as in the data, plus the lowercase forms listed under
``lowercase`` (the seed's "kyiv"); an all-capitals word (a dateline, a headline) is tried in title case.

Pure: text (and optionally a reference date) in, mentions out. No I/O after the data is loaded.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from viewer.model import CountryMention
from viewer.paths import resource_path

ORGANISATIONS = ("NATO", "EU", "UN")
DATA_FILE = resource_path("countries.json")
ENV_EXTRA = "CONFLICT_TIMELINE_COUNTRIES"

_TERM_SLACK = timedelta(days=366)


@dataclass(frozen=True)
class _Target:
    kind: str                 # country, organisation, group, leader, blocker
    codes: tuple[str, ...]
    leader: int = -1          # index into the leader table (for leader names)
    surname: bool = False     # a leader's surname alone
    person: bool = False      # drop when part of a person's name
    unless: re.Pattern | None = None
    only_after: date | None = None   # a name that meant something else before this date ("Georgia", 1991)
    not_after: re.Pattern | None = None   # dropped when the text just before matches ("LET US")
    not_before: re.Pattern | None = None  # dropped when the text just after matches


class Gazetteer:
    """All names, compiled once. Use :func:`gazetteer` to get the shared instance."""

    def __init__(self, data: dict):
        self.targets: dict[str, list[_Target]] = {}
        self.leaders: list[dict] = []
        amb = {k: v for k, v in data.get("ambiguous", {}).items() if not k.startswith("_")}
        self._amb = {k: (bool(v.get("person")), re.compile(v["unless"]) if v.get("unless") else None,
                         date.fromisoformat(v["only_after"]) if v.get("only_after") else None,
                         re.compile(f"(?:{v['not_after']})\\s*$") if v.get("not_after") else None,
                         re.compile(f"\\s*(?:{v['not_before']})") if v.get("not_before") else None)
                     for k, v in amb.items()}
        self.dateline: dict[str, str] = {}
        for code, names in data.get("dateline_places", {}).items():
            for name in names:
                self.dateline.setdefault(name, code)
                self.dateline.setdefault(name.upper(), code)
        self.kind_of: dict[str, str] = {}

        # 1. Names from the country database.
        try:
            import pycountry
            for c in pycountry.countries:
                for attr in ("name", "common_name", "official_name"):
                    name = getattr(c, attr, None)
                    if name and "," not in name and "(" not in name:
                        self._add(name, _Target("country", (c.alpha_2,)))
        except ImportError:  # pragma: no cover - pycountry is a dependency
            pass
        # 2. The data file: names, adjectives, places.
        for code, entry in data.get("countries", {}).items():
            self.kind_of[code] = "country"
            for key in ("names", "adjectives", "places"):
                for alias in entry.get(key, []):
                    self._add(alias, _Target("country", (code,)))
        for code, aliases in data.get("organisations", {}).items():
            self.kind_of[code] = "organisation"
            for alias in aliases:
                self._add(alias, _Target("organisation", (code,)))
        for alias, codes in data.get("groups", {}).items():
            alias = alias[4:] if alias.startswith("the ") else alias
            self._add(alias, _Target("group", tuple(codes)))
        for i, lead in enumerate(data.get("leaders", [])):
            self.leaders.append(lead)
            code = lead["code"]
            for name in lead.get("names", []):
                self._add(name, _Target("leader", (code,), leader=i))
            for name in lead.get("surnames", []):
                self._add(name, _Target("leader", (code,), leader=i, surname=True))
        for word, code in data.get("lowercase", {}).items():
            self._add(word, _Target("country", (code,)))
        for alias in data.get("blockers", []):
            self._add(alias, _Target("blocker", ()))

        # Index by first word; longest names first.
        self.by_first: dict[str, list[tuple[str, list[_Target]]]] = {}
        for alias, targets in self.targets.items():
            m = _WORD.search(alias)
            if not m:
                continue
            self.by_first.setdefault(m.group(0), []).append((alias, targets))
        for lst in self.by_first.values():
            lst.sort(key=lambda at: -len(at[0]))

    def _add(self, alias: str, target: _Target) -> None:
        alias = alias.strip()
        if not alias:
            return
        person, unless, after, not_after, not_before = self._amb.get(alias, (False, None, None, None, None))
        if person or unless or after or not_after or not_before:
            target = _Target(target.kind, target.codes, target.leader, target.surname, person, unless, after,
                             not_after, not_before)
        lst = self.targets.setdefault(alias, [])
        if target not in lst:
            lst.append(target)

    def kind(self, code: str) -> str:
        return "organisation" if code in ORGANISATIONS or self.kind_of.get(code) == "organisation" else "country"


_WORD = re.compile(r"\w+")
_PREV_WORD = re.compile(r"([A-Z][\w'’-]*)\s+$")
_NEXT_WORD = re.compile(r"\s+([A-Z][\w'’-]*)")
# Capitalised words that may stand before a country name without making it part of a person's name.
_PREV_OK = frozenset("""
a an the in on at from to for with by and or of but while as into over near across against about after before
between both neighbouring neighboring northern southern eastern western central rural democratic hashemite
kingdom republic state visit welcome says said tells told if when where than like unlike including via
""".split())
_NEXT_OK = frozenset("""
a an the and or but is was has had will would said says on in at to for of with from by as after before
king queen president prime premier minister ministry foreign defence defense interior army military navy
government officials official troops forces border capital police state authorities parliament embassy
national central valley river dream
""".split())


def _load_data(extra_paths: tuple[str, ...] = ()) -> dict:
    with open(DATA_FILE, encoding="utf-8") as f:
        data = json.load(f)
    for p in extra_paths:
        try:
            with open(p, encoding="utf-8") as f:
                _merge(data, json.load(f))
        except (OSError, ValueError):
            continue
    return data


def _merge(base: dict, extra: dict) -> None:
    for key, value in extra.items():
        if key.startswith("_"):
            continue
        if isinstance(value, dict):
            dst = base.setdefault(key, {})
            for k, v in value.items():
                if isinstance(v, dict) and isinstance(dst.get(k), dict):
                    for kk, vv in v.items():
                        if isinstance(vv, list):
                            dst[k][kk] = list(dst[k].get(kk, [])) + vv
                        else:
                            dst[k][kk] = vv
                else:
                    dst[k] = v
        elif isinstance(value, list):
            base[key] = list(base.get(key, [])) + value


@lru_cache(maxsize=4)
def _gazetteer(extra: tuple[str, ...]) -> Gazetteer:
    return Gazetteer(_load_data(extra))


def gazetteer() -> Gazetteer:
    extra = tuple(p for p in os.environ.get(ENV_EXTRA, "").split(os.pathsep) if p)
    return _gazetteer(extra)


def _as_date(reference) -> date | None:
    if reference is None:
        return None
    if isinstance(reference, date):
        return reference
    try:
        return date.fromisoformat(str(reference)[:10])
    except ValueError:
        return None


def _in_term(lead: dict, ref: date, slack: timedelta = _TERM_SLACK) -> bool:
    try:
        start = date.fromisoformat(lead["from"]) if lead.get("from") else date.min
        end = date.fromisoformat(lead["to"]) if lead.get("to") else date.max
    except ValueError:
        return True
    lo = start - slack if start > date.min + slack else date.min
    hi = end + slack if end < date.max - slack else date.max
    return lo <= ref <= hi


@lru_cache(maxsize=4096)
def _spaced(alias: str) -> re.Pattern:
    return re.compile(r"\s+".join(re.escape(w) for w in alias.split(" ")))


def _is_person_part(text: str, start: int, end: int, g: Gazetteer) -> bool:
    """True when the name at text[start:end] looks like part of a person's name ("Michael Jordan", "Chad Smith")."""
    before = text[max(0, start - 40):start]
    m = _PREV_WORD.search(before)
    if m and "\n" not in before[m.start():]:
        word = m.group(1)
        if word.lower() not in _PREV_OK and word not in g.targets and not word.isupper():
            # Not at a sentence start? A capitalised word right before: a given name or a title.
            return True
    m = _NEXT_WORD.match(text, end, min(len(text), end + 40))
    if m and "\n" not in m.group(0):
        word = m.group(1)
        if word.lower() not in _NEXT_OK and word not in g.targets and not word.isupper():
            return True
    return False


def find_mentions(text: str, reference=None) -> list[CountryMention]:
    """Every country and organisation mention in ``text``, in order.

    ``reference`` (a date or ISO string, optional) is the article's date: a leader's surname alone counts
    only during their term of office (a year either side), unless their full name appeared earlier.
    A group ("the Baltics") gives one mention per member, all with the group's span.
    """
    g = gazetteer()
    ref = _as_date(reference)
    out: list[CountryMention] = []
    seen_leaders: set[int] = set()
    by_first = g.by_first
    pos_end = -1
    for m in _WORD.finditer(text):
        start = m.start()
        if start < pos_end:
            continue
        word = m.group(0)
        cands = by_first.get(word)
        folded = False
        if cands is None:
            if len(word) > 2 and word.isupper():
                cands = by_first.get(word.title())
                folded = True
            if cands is None:
                continue
        for alias, targets in cands:
            n = len(alias)
            if folded:
                seg = text[start:start + n]
                if seg.title() != alias.title() and seg.upper() != alias.upper():
                    continue
            elif not text.startswith(alias, start):
                if " " not in alias or "\n" not in text[start:start + n + 8]:
                    continue
                wm = _spaced(alias).match(text, start)   # a name broken across lines ("New\nYork")
                if wm is None:
                    continue
                n = wm.end() - start
            end = start + n
            if end < len(text) and (text[end].isalnum() or text[end] == "_") and alias[-1].isalnum():
                continue
            chosen = _choose(targets, text, start, end, ref, seen_leaders, g)
            if chosen is None:
                continue
            pos_end = end
            if chosen.kind == "blocker":
                break
            span = text[start:end]
            for code in chosen.codes:
                out.append(CountryMention(start, end, span, code, g.kind(code)))
            break
    return out


def _choose(targets, text, start, end, ref, seen_leaders, g) -> _Target | None:
    usable = []
    for t in targets:
        if t.person and _is_person_part(text, start, end, g):
            return None
        if t.only_after is not None and ref is not None and ref < t.only_after:
            return None
        if t.not_after is not None and t.not_after.search(text, max(0, start - 40), start):
            return None
        if t.not_before is not None and t.not_before.match(text, end, end + 40):
            return None
        if t.unless is not None:
            window = text[max(0, start - 150):end + 150]
            if t.unless.search(window):
                return None
        if t.kind == "leader":
            lead = g.leaders[t.leader]
            if t.surname:
                if t.leader in seen_leaders or (ref is not None and _in_term(lead, ref)) or \
                        (ref is None and not lead.get("to")):
                    usable.append(t)
            else:
                seen_leaders.add(t.leader)
                usable.append(t)
        else:
            usable.append(t)
    if not usable:
        return None
    if len(usable) > 1 and ref is not None:
        leaders = [t for t in usable if t.kind == "leader"]
        if leaders:
            for slack in (timedelta(0), _TERM_SLACK):
                in_term = [t for t in leaders if _in_term(g.leaders[t.leader], ref, slack)]
                if in_term:
                    return in_term[0]
    # Prefer a non-leader reading (a country name) over a leader's.
    for t in usable:
        if t.kind != "leader":
            return t
    return usable[0]


DATELINE = re.compile(
    r"""\A\s*(?P<place>[A-Z][A-Z.'’ -]{1,40}?)\s*(?:,\s*(?P<region>[A-Z][A-Za-z.' ]{1,30}?))?
        \s*(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*
        (?:\((?:Reuters|Reuter|AP|AFP|UPI|Xinhua|dpa|DPA|Bloomberg|IANS|PTI|ANSA|Kyodo|Interfax|TASS|Ukrinform)\))?
        \s*(?:[-–—]+|_)\s""",
    re.X,
)


def dateline_countries(text: str) -> list[str]:
    """Codes of the place named in a leading dateline ("KYIV, Nov 18 (Reuters) - ..."), if any."""
    m = DATELINE.match(text)
    if not m:
        return []
    g = gazetteer()
    out: list[str] = []
    for key in ("place", "region"):
        name = m.group(key)
        if not name:
            continue
        name = name.strip()
        found: list[str] = []
        for probe in (name.title(), name):
            found = [x.code for x in find_mentions(probe) if x.kind == "country"]
            if found:
                break
        if not found:
            code = g.dateline.get(name) or g.dateline.get(name.title())
            found = [code] if code else []
        for code in found:
            if code not in out:
                out.append(code)
    return out


def article_countries(text: str, mentions: list[CountryMention], *, organisations: bool = False) -> list[str]:
    """The article's own set of countries: its dateline first, then its mentions, each code once, in order
    of first mention. Organisations (NATO, EU, UN) stay on the events' country lists and mentions, where
    people filter on them; here only with ``organisations=True``: an article's countries are countries."""
    out: list[str] = []
    for code in dateline_countries(text):
        if code not in out:
            out.append(code)
    for m in mentions:
        if m.code not in out and (organisations or m.kind == "country"):
            out.append(m.code)
    return out
