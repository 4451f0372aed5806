"""TempEval-3 style evaluation of the temporal tagger on a folder of TimeML files.

    python bench/tempeval.py [CORPUS_DIR ...] [--no-baseline] [--markdown] [--errors FILE] [--what-if NAME]

CORPUS_DIR defaults to ../shared/corpora/tbaq/TimeBank and ../shared/corpora/tbaq/AQUAINT (relative to
the repository). Each directory of ``*.tml`` files is scored separately. The document creation time is
the TIMEX3 with functionInDocument="CREATION_TIME"; only TIMEX3 inside <TEXT> are scored.

Scores (as in the TempEval-3 scorer): strict and relaxed (overlap) extraction P/R/F1; type F1 and
value F1 = relaxed F1 × accuracy of the attribute over relaxed matches (value F1 is the TempEval-3
ranking figure); slices: gold expressions with and without a written year, and by gold type.
dateparser.search_dates runs in the same process as a baseline for accuracy and speed.

Prints JSON (and Markdown tables with --markdown). Writes nothing unless --errors is given.
"""
from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT = ROOT.parent / "shared" / "corpora" / "tbaq"

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>|&(#?\w+);")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_WRITTEN_YEAR = re.compile(r"\b(?:1\d{3}|20\d\d)\b|'\d\d\b|\b\d\d\d0s\b")


def parse_tml(path: Path):
    """(text, dct, gold) with gold = [(start, end, type, value, text)] in offsets of the plain text."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    dct = None
    m = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    if m:
        a = dict(_ATTR.findall(m.group(0)))
        try:
            dct = date.fromisoformat(a.get("value", "")[:10])
        except ValueError:
            dct = None
    t0 = raw.find("<TEXT>")
    t1 = raw.find("</TEXT>")
    if t0 < 0 or t1 < 0:
        return None
    body = raw[t0 + len("<TEXT>"):t1]
    out = []
    gold = []
    stack = []
    pos = 0
    n = 0
    for m in _TAG.finditer(body):
        out.append(body[pos:m.start()])
        n += m.start() - pos
        pos = m.end()
        if m.group(4) is not None:
            ch = html.unescape("&" + m.group(4) + ";")
            out.append(ch)
            n += len(ch)
            continue
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            stack.append((n, dict(_ATTR.findall(attrs))))
        elif stack:
            s, a = stack.pop()
            gold.append([s, n, a.get("type", ""), a.get("value", "")])
    out.append(body[pos:])
    text = "".join(out)
    gold = [(s, e, t, v, text[s:e]) for s, e, t, v in gold if e > s]
    return text, dct, gold


def same_value(a: str, b: str) -> bool:
    """Equal TIMEX3 values, counting two spellings of the same value as one: decades and centuries
    (TimeML 1.2 writes the 1990s as "199" and the 20th century as "19"; we write "199X" and "19XX"),
    and one-digit ISO week numbers in some gold files ("2000-W7" for "2000-W07")."""
    if a == b:
        return True
    # ISO weeks are two digits; some gold files write "2000-W7"
    a2, b2 = re.sub(r"-W(\d)(?!\d)", r"-W0\1", a), re.sub(r"-W(\d)(?!\d)", r"-W0\1", b)
    if a2 == b2:
        return True
    return a.rstrip("X") == b.rstrip("X") and a.rstrip("X").isdigit() and len(a.rstrip("X")) in (2, 3)


def score(pairs):
    """pairs: list of (gold, system) per document. Returns the TempEval-3 style figures and slices."""
    tot = dict(gold=0, sys=0, strict_sys=0, strict_gold=0, rel_sys=0, rel_gold=0, type_ok=0, value_ok=0)
    slices: dict[str, dict] = {}

    def sl(name):
        return slices.setdefault(name, dict(gold=0, found=0, value_ok=0))

    for gold, system in pairs:
        tot["gold"] += len(gold)
        tot["sys"] += len(system)
        gspans = {(g[0], g[1]) for g in gold}
        sspans = {(s[0], s[1]) for s in system}
        tot["strict_sys"] += len(gspans & sspans)
        tot["strict_gold"] += len(gspans & sspans)
        # relaxed: overlap; each gold matched to the first overlapping system span
        used = set()
        for g in gold:
            match = None
            for i, s in enumerate(system):
                if s[0] < g[1] and g[0] < s[1]:
                    if match is None or (s[0], s[1]) == (g[0], g[1]):
                        match = i
            keys = ["type:" + g[2], "year:" + ("written" if _WRITTEN_YEAR.search(g[4]) else "none")]
            for k in keys:
                sl(k)["gold"] += 1
            if match is not None:
                s = system[match]
                tot["rel_gold"] += 1
                used.add(match)
                tok = s[2] == g[2]
                vok = same_value(s[3], g[3])
                tot["type_ok"] += tok
                tot["value_ok"] += vok
                for k in keys:
                    sl(k)["found"] += 1
                    sl(k)["value_ok"] += vok
        tot["rel_sys"] += sum(1 for i, s in enumerate(system) if any(s[0] < g[1] and g[0] < s[1] for g in gold))

    def prf(ok_sys, ok_gold):
        p = ok_sys / tot["sys"] if tot["sys"] else 0.0
        r = ok_gold / tot["gold"] if tot["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return round(p, 4), round(r, 4), round(f, 4)

    sp, sr, sf = prf(tot["strict_sys"], tot["strict_gold"])
    rp, rr, rf = prf(tot["rel_sys"], tot["rel_gold"])
    tacc = tot["type_ok"] / tot["rel_gold"] if tot["rel_gold"] else 0.0
    vacc = tot["value_ok"] / tot["rel_gold"] if tot["rel_gold"] else 0.0
    res = {
        "gold": tot["gold"], "system": tot["sys"],
        "strict": {"P": sp, "R": sr, "F1": sf},
        "relaxed": {"P": rp, "R": rr, "F1": rf},
        "type_accuracy": round(tacc, 4), "type_F1": round(rf * tacc, 4),
        "value_accuracy": round(vacc, 4), "value_F1": round(rf * vacc, 4),
        "slices": {k: {"gold": v["gold"], "recall": round(v["found"] / v["gold"], 4) if v["gold"] else 0.0,
                       "value_accuracy": round(v["value_ok"] / v["found"], 4) if v["found"] else 0.0}
                   for k, v in sorted(slices.items())},
    }
    return res


def run_ours(docs):
    from viewer.timex import tag
    out = []
    for text, dct, gold in docs:
        out.append([(e.start, e.end, e.type, e.value, e.text) for e in tag(text, dct)])
    return out


def run_dateparser(docs):
    from dateparser.search import search_dates
    out = []
    for text, dct, gold in docs:
        base = datetime(dct.year, dct.month, dct.day) if dct else datetime.now()
        try:
            found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        except Exception:
            found = []
        spans = []
        pos = 0
        for s, dt in found:
            i = text.find(s, pos)
            if i < 0:
                i = text.find(s)
                if i < 0:
                    continue
            else:
                pos = i + len(s)
            spans.append((i, i + len(s), "DATE", dt.date().isoformat(), s))
        spans.sort()
        dedup = []
        for sp in spans:
            if dedup and sp[0] < dedup[-1][1]:
                continue
            dedup.append(sp)
        out.append(dedup)
    return out


def words(docs):
    return sum(len(t.split()) for t, _, _ in docs)


def timed(fn, docs, repeat=1):
    best = None
    result = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn(docs)
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    return result, best


def import_and_first_call() -> float | None:
    code = ("import time; t=time.perf_counter(); from viewer.timex import tag; "
            "tag('Last September, Putin said Monday, November 18 that the war of the 1990s ended.'); "
            "print(time.perf_counter()-t)")
    try:
        r = subprocess.run([sys.executable, "-c", code], cwd=str(ROOT), capture_output=True, text=True, timeout=60)
        return round(float(r.stdout.strip()), 3)
    except Exception:
        return None


def errors_report(docs, system, fh):
    for (text, dct, gold), sysl in zip(docs, system):
        for g in gold:
            m = [s for s in sysl if s[0] < g[1] and g[0] < s[1]]
            if not m:
                fh.write(f"MISS\t{g[2]}\t{g[3]}\t{g[4]!r}\tdct={dct}\t…{text[max(0, g[0] - 50):g[1] + 30]!r}\n")
            else:
                s = m[0]
                if (s[0], s[1]) != (g[0], g[1]):
                    fh.write(f"SPAN\tgold={g[4]!r}\tsys={s[4]!r}\n")
                if s[2] != g[2] or not same_value(s[3], g[3]):
                    fh.write(f"VALUE\tgold={g[2]} {g[3]}\tsys={s[2]} {s[3]}\t{g[4]!r}/{s[4]!r}\tdct={dct}\t…{text[max(0, g[0] - 60):g[1] + 30]!r}\n")
        for s in sysl:
            if not any(s[0] < g[1] and g[0] < s[1] for g in gold):
                fh.write(f"FALSE\t{s[2]}\t{s[3]}\t{s[4]!r}\t…{text[max(0, s[0] - 40):s[1] + 30]!r}\n")


# Other annotation conventions, applied to our output to see what they would be worth (--what-if). None is
# adopted: each is a convention some gold files follow and others (or the TimeML guidelines) do not.
_WEEKDAY = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_PART = re.compile(r"^(\d{4}-\d\d-\d\d)T(?:MO|AF|EV|NI)$")
WHAT_IF = {
    "weekday-part-as-day": ("'Friday night', 'Thursday morning' written as the bare day (AQUAINT's habit; "
                            "TimeBank and the guidelines keep TNI/TMO)",
                            lambda e: _PART.sub(r"\1", e.value) if _WEEKDAY.search(e.text) else e.value),
    "part-as-day": ("every part of a day ('this morning', 'last night', 'tonight') written as the bare day",
                    lambda e: _PART.sub(r"\1", e.value)),
}


def what_if(docs, name):
    from viewer.timex import tag
    fn = WHAT_IF[name][1]
    sysl = [[(e.start, e.end, e.type, fn(e), e.text) for e in tag(text, dct)] for text, dct, _ in docs]
    r = score([(g, s) for (_, _, g), s in zip(docs, sysl)])
    return {"convention": WHAT_IF[name][0], "value_F1": r["value_F1"], "strict_F1": r["strict"]["F1"]}


def markdown(results) -> str:
    lines = ["| corpus | system | gold | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | type F1 | value F1 | words/s |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, r in results["corpora"].items():
        for sysname in ("timex", "dateparser"):
            if sysname not in r:
                continue
            x = r[sysname]
            lines.append(f"| {name} | {sysname} | {x['gold']} | {x['strict']['P']:.3f} | {x['strict']['R']:.3f} | {x['strict']['F1']:.3f} | "
                         f"{x['relaxed']['P']:.3f} | {x['relaxed']['R']:.3f} | {x['relaxed']['F1']:.3f} | {x['type_F1']:.3f} | "
                         f"{x['value_F1']:.3f} | {x['words_per_s']:,.0f} |")
    lines.append("")
    lines.append("| corpus | slice | gold | recall (relaxed) | value accuracy |")
    lines.append("|---|---|---|---|---|")
    for name, r in results["corpora"].items():
        for k, v in r["timex"]["slices"].items():
            lines.append(f"| {name} | {k} | {v['gold']} | {v['recall']:.3f} | {v['value_accuracy']:.3f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="*", help="folders of .tml files (default: TimeBank and AQUAINT under ../shared/corpora/tbaq)")
    ap.add_argument("--no-baseline", action="store_true", help="skip dateparser")
    ap.add_argument("--repeat", type=int, default=3, help="timing repeats for our tagger (best of)")
    ap.add_argument("--markdown", action="store_true", help="also print Markdown tables")
    ap.add_argument("--errors", help="write a per-expression error list to this file (for development)")
    ap.add_argument("--what-if", action="append", choices=sorted(WHAT_IF), default=[],
                    help="also score our output rewritten to another annotation convention (repeatable)")
    args = ap.parse_args(argv)
    dirs = [Path(d) for d in args.dirs] or [DEFAULT / "TimeBank", DEFAULT / "AQUAINT"]
    dirs = [d for d in dirs if d.is_dir() and any(d.glob("*.tml"))]
    if not dirs:
        print(json.dumps({"skipped": "no TimeML corpus found", "looked_in": str(DEFAULT)}))
        return 0
    results = {"command": "python bench/tempeval.py " + " ".join(argv if argv is not None else sys.argv[1:]),
               "import_and_first_call_s": import_and_first_call(), "corpora": {}}
    from viewer.timex import tag
    tag("warm up: last September, this summer, 3 p.m. Friday", date(2024, 11, 18))
    efh = open(args.errors, "w", encoding="utf-8") if args.errors else None
    for d in dirs:
        docs = [x for x in (parse_tml(p) for p in sorted(d.glob("*.tml"))) if x is not None]
        nw = words(docs)
        ours, t_ours = timed(run_ours, docs, max(1, args.repeat))
        r = {"documents": len(docs), "words": nw}
        r["timex"] = score([(g, s) for (_, _, g), s in zip(docs, ours)])
        r["timex"]["seconds"] = round(t_ours, 4)
        r["timex"]["words_per_s"] = round(nw / t_ours) if t_ours else None
        if efh:
            efh.write(f"### {d}\n")
            errors_report(docs, ours, efh)
        if not args.no_baseline:
            try:
                import dateparser  # noqa: F401
                run_dateparser(docs[:1])  # warm (loads language data)
                dp, t_dp = timed(run_dateparser, docs, 1)
                r["dateparser"] = score([(g, s) for (_, _, g), s in zip(docs, dp)])
                r["dateparser"]["seconds"] = round(t_dp, 4)
                r["dateparser"]["words_per_s"] = round(nw / t_dp) if t_dp else None
                r["speedup_vs_dateparser"] = round(t_dp / t_ours, 1) if t_ours else None
            except ImportError:
                r["dateparser"] = "not installed"
        for name in args.what_if:
            r.setdefault("what_if", {})[name] = what_if(docs, name)
        results["corpora"][d.name] = r
    if efh:
        efh.close()
    print(json.dumps(results, indent=1))
    if args.markdown:
        print(markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
