"""Article-level country detection against hand annotations.

    python bench/countries.py [--corpus ../shared/corpora/tbaq] [--gold FILE.json ...] [--show] [--speed]

Each gold file (by default bench/data/countries_gold.json, on which the rules were chosen, and
bench/data/countries_check.json, annotated afterwards and never tuned on) maps document ids of the
TimeBank/AQUAINT folders to the ISO 3166-1 alpha-2 codes a newswire editor would tag the article with (the
countries it is about or reports from, not every passing mention). Only ids and codes are stored, never corpus
text. Prints one JSON object with, per gold file, micro precision, recall and F1 of our article countries
(what ingest stores: ``actors.article_countries`` plus a separate headline's countries) and of a names-only
baseline (pycountry's country names matched as whole words, nothing else); with ``--speed`` also the detection
cost per 1,000 words over the whole corpus (best of 3, one core) and the one-off cost of loading the data, and
per language other than English the same on the seed renderings of tests/data/seed (``languages``).
"""
from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "tbaq"
DEFAULT_GOLD = [ROOT / "bench" / "data" / "countries_gold.json",     # the rules were chosen on these
                ROOT / "bench" / "data" / "countries_check.json"]    # annotated afterwards, never tuned on

_TAG = re.compile(r"<[^>]+>")
_DCT = re.compile(r'functionInDocument="CREATION_TIME"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*'
                  r'functionInDocument="CREATION_TIME"')


def _strip(fragment: str) -> str:
    return html.unescape(_TAG.sub("", fragment))


def load_doc(path: Path) -> dict | None:
    """{id, title, text, dct} of one TimeML file (tags stripped)."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    t0, t1 = raw.find("<TEXT>"), raw.find("</TEXT>")
    if t0 < 0 or t1 < 0:
        return None
    m = _DCT.search(raw)
    dct = None
    if m:
        try:
            dct = date.fromisoformat((m.group(1) or m.group(2))[:10])
        except ValueError:
            dct = None
    title = ""
    a, b = raw.find("<TITLE>"), raw.find("</TITLE>")
    if 0 <= a < b:
        title = _strip(raw[a + 7:b]).strip()
    text = _strip(raw[t0 + 6:t1]).strip("\n")
    return {"id": path.stem, "title": title, "text": text, "dct": dct}


def load_corpus(corpus: Path) -> dict[str, dict]:
    docs = {}
    for p in sorted(corpus.rglob("*.tml")):
        d = load_doc(p)
        if d is not None:
            docs[d["id"]] = d
    return docs


_baseline_re: re.Pattern | None = None
_baseline_map: dict[str, str] = {}


def baseline_countries(text: str) -> list[str]:
    """Country names alone: pycountry's names and common names as whole, capitalised words."""
    global _baseline_re
    if _baseline_re is None:
        import pycountry
        for c in pycountry.countries:
            for attr in ("name", "common_name"):
                name = getattr(c, attr, None)
                if name and "," not in name and "(" not in name:
                    _baseline_map[name] = c.alpha_2
        names = sorted(_baseline_map, key=len, reverse=True)
        _baseline_re = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    out: list[str] = []
    for m in _baseline_re.finditer(text):
        code = _baseline_map[m.group(0)]
        if code not in out:
            out.append(code)
    return out


def ours(doc: dict, salient: bool = True) -> list[str]:
    """The article's countries as ingest computes them (text, then a separate headline)."""
    from viewer import actors
    text = doc["text"]
    mentions = actors.find_mentions(text, doc["dct"])
    countries = actors.article_countries(text, mentions, salient=salient)
    title = doc.get("title") or ""
    if title and title not in text[:len(title) + 200]:
        for m in actors.find_mentions(title, doc["dct"]):
            if m.kind == "country" and m.code not in countries:
                countries.append(m.code)
    return countries


def score(pred: dict[str, list[str]], gold: dict[str, list[str]]) -> dict:
    tp = fp = fn = 0
    for doc_id, codes in gold.items():
        g, p = set(codes), set(pred.get(doc_id, []))
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn}


SEED_RENDERINGS = ROOT / "tests" / "data" / "seed"


def language_speed(repeat: int = 30) -> dict:
    """Per language with a seed rendering (tests/data/seed/seed_<code>.txt, written for the tests): the cost
    of building its tables once, and of find_mentions per 1,000 words (best of 3 runs of ``repeat`` passes)."""
    from viewer import actors
    out = {}
    for path in sorted(SEED_RENDERINGS.glob("seed_*.txt")):
        code = path.stem.split("_", 1)[1]
        text = path.read_text(encoding="utf-8")
        t = time.perf_counter()
        actors.find_mentions("", language=code)
        build = time.perf_counter() - t
        words = len(text.split()) * repeat
        best = None
        for _ in range(3):
            t = time.perf_counter()
            for _ in range(repeat):
                actors.find_mentions(text, language=code)
            el = time.perf_counter() - t
            best = el if best is None else min(best, el)
        out[code] = {"words": words, "ms_per_1000_words": round(1000 * best / (words / 1000), 3),
                     "build_s": round(build, 3)}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--gold", type=Path, nargs="+", default=DEFAULT_GOLD)
    ap.add_argument("--show", action="store_true", help="per-document differences on stderr")
    ap.add_argument("--speed", action="store_true", help="also time detection per 1,000 words")
    ap.add_argument("--every-mention", action="store_true",
                    help="score every named country (article_countries(salient=False)), to see what salience buys")
    args = ap.parse_args(argv)

    docs = load_corpus(args.corpus)
    out: dict = {}
    for path in args.gold:
        gold_data = json.loads(path.read_text(encoding="utf-8"))
        gold = {k: v for k, v in gold_data.items() if not k.startswith("_")}
        missing = sorted(set(gold) - set(docs))
        gold = {k: v for k, v in gold.items() if k in docs}
        pred = {k: ours(docs[k], not args.every_mention) for k in gold}
        base = {k: baseline_countries(docs[k]["title"] + "\n" + docs[k]["text"]) for k in gold}
        out[path.stem] = {"documents": len(gold), "missing": missing, "gold_tags": sum(len(v) for v in gold.values()),
                          "ours": score(pred, gold), "names_only": score(base, gold)}
        if args.show:
            for k in gold:
                g, p = set(gold[k]), set(pred[k])
                if g != p:
                    print(f"{path.stem} {k}: missing {sorted(g - p)} extra {sorted(p - g)}", file=sys.stderr)
    if args.speed:
        from viewer import actors
        texts = [docs[k]["text"] for k in sorted(docs)]
        words = sum(len(t.split()) for t in texts)
        for d in docs.values():       # warm: the gazetteer is built once per process
            ours(d)
            break
        best = None
        for _ in range(3):
            t = time.perf_counter()
            for d in docs.values():
                ours(d)
            el = time.perf_counter() - t
            best = el if best is None else min(best, el)
        t = time.perf_counter()
        actors._gazetteer.cache_clear()
        actors.gazetteer()
        build = time.perf_counter() - t
        t = time.perf_counter()
        actors.gazetteer().city("")          # the dateline cities gazetteer, loaded on first use
        cities = time.perf_counter() - t
        out["speed"] = {"documents": len(docs), "words": words, "seconds": round(best, 3),
                        "ms_per_1000_words": round(1000 * best / (words / 1000), 3),
                        "gazetteer_build_s": round(build, 3), "cities_load_s": round(cities, 3),
                        "languages": language_speed()}
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
