"""TempEval-3 style evaluation of the temporal tagger on folders of annotated text, in any language.

    python bench/tempeval.py [CORPUS_DIR ...] [--lang CODE] [--both] [--no-baseline] [--markdown]
                             [--errors FILE] [--what-if NAME]
    python bench/tempeval.py --dev-corpora [--markdown]

CORPUS_DIR defaults to ../shared/corpora/tbaq/TimeBank and ../shared/corpora/tbaq/AQUAINT (relative to
the repository). Each directory is scored separately; its files are read by bench/corpora.py, which
detects the format per file: TimeML (``*.tml``; the document creation time is the TIMEX3 with
functionInDocument="CREATION_TIME"; only TIMEX3 inside <TEXT> are scored), TIMEX3 or TIMEX2 inline
(WikiWars style, the document time in <DATETIME>; TIMEX2 values normalised and types derived as listed in
bench/corpora.py), or BIO (a token per line; without a value column only extraction is scored).

Language: ``--lang CODE`` tells our tagger the language (``tag(text, dct, language=CODE)``); without it
the tagger guesses (as in the held-out evaluation). ``--both`` scores both ways ("timex": not told,
"timex_told": told). dateparser.search_dates runs in the same process as a baseline for accuracy and
speed, in ``--lang`` or else in the folder's known language (tbaq: en, ftib: fr, wikiwars-de: de,
wikiwars-ua: uk; unknown: dateparser guesses). ``--dev-corpora`` runs the French, German and Ukrainian
development corpora under ../shared/corpora, each in its language, told and not told.

Scores (as in the TempEval-3 scorer): strict and relaxed (overlap) extraction P/R/F1; type F1 and
value F1 = relaxed F1 × accuracy of the attribute over relaxed matches (value F1 is the TempEval-3
ranking figure; null where the corpus has no types or values); slices: gold expressions with and
without a written year, and by gold type; words/s of each system.

Prints JSON (and Markdown tables with --markdown). Writes nothing unless --errors is given.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
if str(ROOT / "bench") not in sys.path:
    sys.path.append(str(ROOT / "bench"))  # when imported rather than run as a script

from corpora import corpus_files, folder_language, parse_tml, read_folder  # noqa: E402,F401 (parse_tml: API)

DEFAULT = ROOT.parent / "shared" / "corpora" / "tbaq"

_WRITTEN_YEAR = re.compile(r"\b(?:1\d{3}|20\d\d)\b|'\d\d\b|\b\d\d\d0s\b")


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
    has_values = has_types = False
    slices: dict[str, dict] = {}

    def sl(name):
        return slices.setdefault(name, dict(gold=0, found=0, value_ok=0))

    for gold, system in pairs:
        has_values = has_values or any(g[3] is not None for g in gold)
        has_types = has_types or any(g[2] for g in gold)
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
                vok = g[3] is not None and same_value(s[3], g[3])
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
    if not has_types:   # a corpus without types (BIO with B-TIMEX tags): extraction and values only
        res["type_accuracy"] = res["type_F1"] = None
    if not has_values:  # a corpus without values (BIO without a value column): extraction only
        res["value_accuracy"] = res["value_F1"] = None
        for v in res["slices"].values():
            v["value_accuracy"] = None
    return res


def run_ours(docs, language=None):
    from viewer.timex import tag
    out = []
    for text, dct, gold in docs:
        found = tag(text, dct, language=language) if language else tag(text, dct)
        out.append([(e.start, e.end, e.type, e.value, e.text) for e in found])
    return out


def run_dateparser(docs, language="en"):
    """dateparser.search_dates in ``language`` (None: dateparser guesses it) as a tagger: DATE spans with a
    day value, found again in the text in order (search_dates returns no offsets)."""
    from dateparser.search import search_dates
    languages = [language] if language else None
    out = []
    for text, dct, gold in docs:
        base = datetime(dct.year, dct.month, dct.day) if dct else datetime.now()
        try:
            found = search_dates(text, languages=languages, settings={"RELATIVE_BASE": base}) or []
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
                if (g[2] and s[2] != g[2]) or (g[3] is not None and not same_value(s[3], g[3])):
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


SYSTEMS = (("timex", "timex"), ("timex_told", "timex (language told)"), ("dateparser", "dateparser"))


def _f(x, spec=".3f"):
    return "–" if x is None else format(x, spec)


def markdown(results) -> str:
    lines = ["| corpus | system | gold | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | type F1 | value F1 | words/s |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, r in results["corpora"].items():
        for key, sysname in SYSTEMS:
            if not isinstance(r.get(key), dict):
                continue
            x = r[key]
            lines.append(f"| {name} | {sysname} | {x['gold']} | {x['strict']['P']:.3f} | {x['strict']['R']:.3f} | {x['strict']['F1']:.3f} | "
                         f"{x['relaxed']['P']:.3f} | {x['relaxed']['R']:.3f} | {x['relaxed']['F1']:.3f} | {_f(x['type_F1'])} | "
                         f"{_f(x['value_F1'])} | {_f(x['words_per_s'], ',.0f')} |")
    lines.append("")
    lines.append("| corpus | slice | gold | recall (relaxed) | value accuracy |")
    lines.append("|---|---|---|---|---|")
    for name, r in results["corpora"].items():
        ours = r.get("timex") or r.get("timex_told")
        for k, v in ours["slices"].items():
            lines.append(f"| {name} | {k} | {v['gold']} | {v['recall']:.3f} | {_f(v['value_accuracy'])} |")
    return "\n".join(lines)


DEV = ROOT.parent / "shared" / "corpora"
# the development corpora of other languages (their licences are in each folder; read them from there)
DEV_CORPORA = (("ftib-dev/Data", "fr"), ("wikiwars-de-dev/keyinline", "de"), ("wikiwars-ua-dev/keyinline", "uk"))
_GENERIC = {"data", "keyinline", "key", "in", "test", "train", "dev", "docs"}


def corpus_name(d: Path, taken) -> str:
    name = d.name
    if name.lower() in _GENERIC or name in taken:
        name = f"{d.parent.name}/{d.name}"
    return name


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="*", help="folders of TimeML (.tml), TIMEX2/TIMEX3 inline (.xml) or BIO files "
                    "(default: TimeBank and AQUAINT under ../shared/corpora/tbaq)")
    ap.add_argument("--lang", help="ISO 639-1 code of the folders' language: our tagger is told it "
                    "(tag(text, dct, language=CODE)) and dateparser reads in it. Without it our tagger guesses "
                    "the language, and dateparser reads in the folder's known language (or guesses)")
    ap.add_argument("--both", action="store_true", help="score our tagger with the language told and not told")
    ap.add_argument("--dev-corpora", action="store_true",
                    help="the French, German and Ukrainian development corpora under ../shared/corpora, "
                         "each in its language, told and not told (implies --both)")
    ap.add_argument("--no-baseline", action="store_true", help="skip dateparser")
    ap.add_argument("--repeat", type=int, default=3, help="timing repeats for our tagger (best of)")
    ap.add_argument("--markdown", action="store_true", help="also print Markdown tables")
    ap.add_argument("--errors", help="write a per-expression error list to this file (for development)")
    ap.add_argument("--what-if", action="append", choices=sorted(WHAT_IF), default=[],
                    help="also score our output rewritten to another annotation convention (repeatable)")
    args = ap.parse_args(argv)
    if args.dev_corpora:
        targets = [(DEV / sub, lang) for sub, lang in DEV_CORPORA]
        targets += [(Path(d), args.lang) for d in args.dirs]
        args.both = True
    else:
        dirs = [Path(d) for d in args.dirs] or [DEFAULT / "TimeBank", DEFAULT / "AQUAINT"]
        targets = [(d, args.lang) for d in dirs]
    targets = [(d, lang) for d, lang in targets if d.is_dir() and corpus_files(d)]
    if not targets:
        print(json.dumps({"skipped": "no corpus found",
                          "looked_in": str(DEV if args.dev_corpora else DEFAULT)}))
        return 0
    results = {"command": "python bench/tempeval.py " + " ".join(argv if argv is not None else sys.argv[1:]),
               "import_and_first_call_s": import_and_first_call(), "corpora": {}}
    from viewer.timex import tag
    tag("warm up: last September, this summer, 3 p.m. Friday", date(2024, 11, 18))
    efh = open(args.errors, "w", encoding="utf-8") if args.errors else None
    for d, told in targets:
        formats, docs = read_folder(d)
        if not docs:
            continue
        lang = told or folder_language(d)
        nw = words(docs)
        r = {"documents": len(docs), "words": nw, "format": ", ".join(sorted(formats)), "language": lang}
        if "timex2-inline" in formats:
            r["type_derived"] = "TIMEX2 has no type: the gold type is derived from the value"
        runs = []  # (key, language told to our tagger)
        if not told or args.both:
            runs.append(("timex", None))
        if (told or args.both) and lang:
            runs.append(("timex_told", lang))
        t_primary = None
        for key, language in runs:
            if language:
                tag("warm up", date(2024, 11, 18), language=language)
            ours, t_ours = timed(lambda ds: run_ours(ds, language), docs, max(1, args.repeat))
            t_primary = t_ours if t_primary is None else t_primary
            r[key] = score([(g, s) for (_, _, g), s in zip(docs, ours)])
            r[key]["seconds"] = round(t_ours, 4)
            r[key]["words_per_s"] = round(nw / t_ours) if t_ours else None
            if efh:
                efh.write(f"### {d} ({'language told: ' + language if language else 'language not told'})\n")
                errors_report(docs, ours, efh)
        if not args.no_baseline:
            try:
                import dateparser  # noqa: F401
                run_dateparser(docs[:1], lang)  # warm (loads language data)
                dp, t_dp = timed(lambda ds: run_dateparser(ds, lang), docs, 1)
                r["dateparser"] = score([(g, s) for (_, _, g), s in zip(docs, dp)])
                r["dateparser"]["language"] = lang
                r["dateparser"]["seconds"] = round(t_dp, 4)
                r["dateparser"]["words_per_s"] = round(nw / t_dp) if t_dp else None
                r["speedup_vs_dateparser"] = round(t_dp / t_primary, 1) if t_primary else None
            except ImportError:
                r["dateparser"] = "not installed"
        for name in args.what_if:
            r.setdefault("what_if", {})[name] = what_if(docs, name)
        results["corpora"][corpus_name(d, results["corpora"])] = r
    if efh:
        efh.close()
    print(json.dumps(results, indent=1))
    if args.markdown:
        print(markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
