"""How well the app finds and dates happenings, on TimeBank and AQUAINT (../shared/corpora/tbaq): prints JSON.

Each TimeML file annotates every event (``EVENT``) and ties events to times (``TIMEX3``, the document's
creation time ``t0`` among them) with ``TLINK``s. For every annotated event the links to times give the
days it may lie on (``IS_INCLUDED``, ``DURING``, ``SIMULTANEOUS``, ``IDENTITY``, ``BEGINS`` … a time: it
overlaps that time; ``BEFORE``: it starts no later than the time ends... see ``_constrain``); an event is
*anchored to a date* when at least one such link ties it to a time whose value is a calendar date (a day,
week, month, season, quarter or year; the creation time included).

The app reads each document as an article published on its creation time (``viewer.events.article_events``)
and its events are compared at the day level (each event's ``earliest``..``latest``):

* ``recall``: the share of anchored annotated events that lie in the sentence of an app event whose
  interval agrees with the days the links allow (overlaps them);
* ``precision``: the share of app events whose sentence holds an annotated event (any, anchored or not, with
  at least one link to a time) whose allowed days the app's interval overlaps;
* ``precision_verifiable``: the same over the app events whose sentence holds an annotated event linked to
  a time at all (TimeBank links only some events to times: an app event in a sentence without one cannot be
  checked either way);
* ``order``: over pairs of recalled anchored events of one document whose anchors are strictly ordered,
  the share the app orders the same way (by the middle of their intervals; a tie counts one half).

``--baseline`` adds two reference systems: every sentence an event on the publication day, and the
code of another checkout (``--code PATH``: its ``viewer`` package is imported instead of this one).

    .venv/bin/python bench/events.py [--corpus ../shared/corpora/tbaq] [--baseline] [--code /tmp/base12]
"""
from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "tbaq"

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>|&(#?\w+);")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
INCLUSION = {"IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY", "BEGINS", "ENDS", "BEGUN_BY", "ENDED_BY",
             "INCLUDES", "DURING_INV"}
INVERSE = {"BEFORE": "AFTER", "AFTER": "BEFORE", "IBEFORE": "IAFTER", "IAFTER": "IBEFORE",
           "INCLUDES": "IS_INCLUDED", "IS_INCLUDED": "INCLUDES", "BEGINS": "BEGUN_BY", "BEGUN_BY": "BEGINS",
           "ENDS": "ENDED_BY", "ENDED_BY": "ENDS", "DURING": "DURING_INV", "DURING_INV": "DURING",
           "SIMULTANEOUS": "SIMULTANEOUS", "IDENTITY": "IDENTITY"}
NEVER = date.min.toordinal()
EVER = date.max.toordinal()


# -- reading TimeML ---------------------------------------------------------------------------------------

def read_document(raw: str):
    """(text, dct, events, times, links, pairs): plain text of <TEXT>; creation date; events {eid: (start, end)};
    times {tid: (lo, hi) day ordinals or None}; links [(eid, relation seen from the event, tid)]; pairs
    [(eid, relation, eid)] between events (both directions)."""
    t0 = raw.find("<TEXT>")
    t1 = raw.find("</TEXT>")
    if t0 < 0 or t1 < 0:
        return None
    body = raw[t0 + len("<TEXT>"):t1]
    out, pos, n = [], 0, 0
    open_: list = []
    events: dict[str, tuple[int, int]] = {}
    times: dict[str, tuple[int, int] | None] = {}
    for m in _TAG.finditer(body):
        out.append(body[pos:m.start()])
        n += m.start() - pos
        pos = m.end()
        if m.group(5) is not None:
            ch = html.unescape("&" + m.group(5) + ";")
            out.append(ch)
            n += len(ch)
            continue
        closing, name, attrs = m.group(1), m.group(2), dict(_ATTR.findall(m.group(3)))
        if name not in ("EVENT", "TIMEX3"):
            continue
        if not closing:
            open_.append((name, n, attrs))
        elif open_:
            kind, start, a = open_.pop()
            if kind == "EVENT" and "eid" in a:
                events[a["eid"]] = (start, n)
            elif kind == "TIMEX3" and "tid" in a:
                times[a["tid"]] = interval(a.get("value", ""), a.get("type", ""))
    out.append(body[pos:])
    text = "".join(out)
    dct = None
    for m in re.finditer(r"<TIMEX3[^>]*>", raw):
        a = dict(_ATTR.findall(m.group(0)))
        if a.get("functionInDocument") == "CREATION_TIME":
            times[a.get("tid", "t0")] = interval(a.get("value", ""), a.get("type", ""))
            try:
                dct = date.fromisoformat(a.get("value", "")[:10])
            except ValueError:
                pass
    instance = {a.get("eiid"): a.get("eventID") for a in
                (dict(_ATTR.findall(m.group(0))) for m in re.finditer(r"<MAKEINSTANCE[^>]*>", raw))}
    links, pairs = [], []
    for m in re.finditer(r"<TLINK[^>]*>", raw):
        a = dict(_ATTR.findall(m.group(0)))
        rel = a.get("relType", "")
        if a.get("eventInstanceID") and a.get("relatedToTime"):
            links.append((instance.get(a["eventInstanceID"]), rel, a["relatedToTime"]))
        elif a.get("timeID") and a.get("relatedToEventInstance"):
            links.append((instance.get(a["relatedToEventInstance"]), INVERSE.get(rel, rel), a["timeID"]))
        elif a.get("eventInstanceID") and a.get("relatedToEventInstance"):
            e1, e2 = instance.get(a["eventInstanceID"]), instance.get(a["relatedToEventInstance"])
            if e1 in events and e2 in events:
                pairs.append((e1, rel, e2))
                pairs.append((e2, INVERSE.get(rel, rel), e1))
    return text, dct, events, times, [link for link in links if link[0] in events], pairs


_SEASON = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def interval(value: str, kind: str = "DATE") -> tuple[int, int] | None:
    """The first and last day (ordinals) of a TIMEX3 value that is a calendar date; None otherwise."""
    if kind not in ("DATE", "TIME"):
        return None
    v = value.strip()
    try:
        m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", v)
        if m:
            d = date(int(m[1]), int(m[2]), int(m[3])).toordinal()
            return d, d
        m = re.fullmatch(r"(\d{4})-(\d\d)", v)
        if m:
            y, mo = int(m[1]), int(m[2])
            nxt = date(y + (mo == 12), mo % 12 + 1, 1)
            return date(y, mo, 1).toordinal(), nxt.toordinal() - 1
        m = re.fullmatch(r"(\d{4})-W(\d\d)(?:-WE)?", v)
        if m:
            d = date.fromisocalendar(int(m[1]), int(m[2]), 1).toordinal()
            return (d + 5, d + 6) if v.endswith("WE") else (d, d + 6)
        m = re.fullmatch(r"(\d{4})-Q(\d)", v)
        if m:
            y, q = int(m[1]), int(m[2])
            first = date(y, 3 * q - 2, 1)
            last = date(y + (q == 4), (3 * q) % 12 + 1, 1) - timedelta(days=1)
            return first.toordinal(), last.toordinal()
        m = re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", v)
        if m:
            y, (a, b) = int(m[1]), _SEASON[m[2]]
            return date(y, a, 1).toordinal(), _month_end(y + (b > 12), (b - 1) % 12 + 1).toordinal()
        m = re.fullmatch(r"(\d{4})", v)
        if m:
            y = int(m[1])
            return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()
    except ValueError:
        return None
    return None


def _month_end(y: int, mo: int) -> date:
    return date(y + (mo == 12), mo % 12 + 1, 1) - timedelta(days=1)


def _constrain(rel: str, span: tuple[int, int]) -> tuple[int, int]:
    """The days an event may touch, given its relation to a time lasting ``span``."""
    a, b = span
    if rel in ("BEFORE", "IBEFORE"):
        return NEVER, a
    if rel in ("AFTER", "IAFTER"):
        return b, EVER
    return a, b


def gold_events(doc):
    """{eid: (start, end, lo, hi, anchored)}: the days each linked event may lie on (the intersection of
    what its links to times allow) and whether one link anchors it to a date; events with no link to a
    calendar time, or with links that contradict each other, are left out."""
    text, dct, events, times, links, pairs = doc
    out = {}
    for eid, (s, e) in events.items():
        lo, hi, anchored, any_link = NEVER, EVER, False, False
        for leid, rel, tid in links:
            if leid != eid or times.get(tid) is None or rel not in INVERSE:
                continue
            c = _constrain(rel, times[tid])
            lo, hi = max(lo, c[0]), min(hi, c[1])
            any_link = True
            anchored |= rel in INCLUSION
        if any_link and lo <= hi:
            out[eid] = (s, e, lo, hi, anchored)
    # through the links between events (up to PROPAGATION steps): an event linked to a dated one gets the days
    # that link allows ("said" SIMULTANEOUS with "announced", which IS_INCLUDED "Monday"); an event dated by
    # its own links keeps them, and these never make an event anchored
    for _ in range(PROPAGATION):
        derived = {}
        for e1, rel, e2 in pairs:
            if e1 in out or e2 not in out or rel not in INVERSE:
                continue
            if (rel in ("BEFORE", "IBEFORE") and out[e2][2] == NEVER) or \
                    (rel in ("AFTER", "IAFTER") and out[e2][3] == EVER):
                continue    # before an event with no known start (after one with no known end): no day
            lo, hi = _constrain(rel, (out[e2][2], out[e2][3]))
            was = derived.get(e1, (NEVER, EVER))
            derived[e1] = (max(was[0], lo), min(was[1], hi))
        if not derived:
            break
        for eid, (lo, hi) in derived.items():
            if lo <= hi:
                s, e = events[eid]
                out[eid] = (s, e, lo, hi, False)
    return out


PROPAGATION = 3


# -- the systems --------------------------------------------------------------------------------------------

def app_events(text: str, dct: date | None):
    """[(sentence_start, sentence_end, lo, hi, dating)] of the app's events (lo/hi None when undated)."""
    from viewer.events import article_events
    from viewer.model import Article
    _, events, _ = article_events(Article(text=text, published=dct.isoformat() if dct else None,
                                          published_source="given" if dct else None, language="en"))
    out = []
    for ev in events:
        t = ev.time
        lo = hi = None
        if t.earliest and t.latest:
            try:
                lo = date.fromisoformat(t.earliest[:10]).toordinal()
                hi = date.fromisoformat(t.latest[:10]).toordinal()
            except ValueError:
                pass
        out.append((ev.sentence_start, ev.sentence_end, lo, hi, getattr(ev, "dating", "written")))
    return out


def every_sentence(text: str, dct: date | None):
    from viewer.text import split_sentences
    d = dct.toordinal() if dct else None
    return [(a, b, d, d, "reported") for a, b in split_sentences(text, language="en")]


# -- scoring ------------------------------------------------------------------------------------------------

def score(docs, system) -> dict:
    anchored_total = recalled = 0
    app_total = precise = verifiable = 0
    pairs = pairs_ok = 0.0
    by_dating: dict[str, list[int]] = {}
    widths = []
    started = time.perf_counter()
    for doc in docs:
        text, dct = doc[0], doc[1]
        gold = gold_events(doc)
        found = system(text, dct)
        hits = []
        for eid, (s, e, lo, hi, anchored) in gold.items():
            if not anchored:
                continue
            anchored_total += 1
            for a, b, x, y, _ in found:
                if a <= s < b and x is not None and x <= hi and lo <= y:
                    recalled += 1
                    hits.append(((lo, hi), (x + y) / 2))
                    break
        for a, b, x, y, dating in found:
            app_total += 1
            ok = x is not None and any(a <= s < b and x <= hi and lo <= y for s, _, lo, hi, _ in gold.values())
            precise += ok
            verifiable += any(a <= s < b for s, _, _, _, _ in gold.values())
            by_dating.setdefault(dating, [0, 0])
            by_dating[dating][0] += 1
            by_dating[dating][1] += ok
            if x is not None:
                widths.append(y - x + 1)
        for i in range(len(hits)):
            for j in range(i + 1, len(hits)):
                (g1, m1), (g2, m2) = hits[i], hits[j]
                if g1[1] < g2[0] or g2[1] < g1[0]:
                    pairs += 1
                    first = 1 if g1[1] < g2[0] else -1
                    diff = (m2 - m1) * first
                    pairs_ok += 1.0 if diff > 0 else 0.5 if diff == 0 else 0.0
    widths.sort()
    return {
        "recall": round(recalled / anchored_total, 4) if anchored_total else None,
        "precision": round(precise / app_total, 4) if app_total else None,
        "precision_verifiable": round(precise / verifiable, 4) if verifiable else None,
        "order": round(pairs_ok / pairs, 4) if pairs else None,
        "anchored_events": anchored_total, "recalled": recalled, "app_events": app_total,
        "app_events_at_their_date": precise, "app_events_verifiable": verifiable, "ordered_pairs": int(pairs),
        "by_dating": {k: {"events": v[0], "precision": round(v[1] / v[0], 4)} for k, v in sorted(by_dating.items())},
        "median_days_wide": widths[len(widths) // 2] if widths else None,
        "seconds": round(time.perf_counter() - started, 2),
    }


def read_corpus(folder: Path):
    docs = []
    for path in sorted(folder.rglob("*.tml")):
        doc = read_document(path.read_text(encoding="utf-8", errors="replace"))
        if doc is not None:
            docs.append(doc)
    return docs


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    p.add_argument("--baseline", action="store_true", help="also score every sentence on the publication day")
    p.add_argument("--code", type=Path, help="score the viewer package of another checkout instead")
    args = p.parse_args(argv)
    if not args.corpus.exists():
        print(json.dumps({"skipped": f"no corpus at {args.corpus}"}))
        return 0
    sys.path.insert(0, str((args.code or ROOT).resolve()))
    docs = read_corpus(args.corpus)
    result = {"corpus": str(args.corpus), "documents": len(docs), "code": str(args.code or ROOT),
              "app": score(docs, app_events)}
    if args.baseline:
        result["every_sentence_on_publication_day"] = score(docs, every_sentence)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
