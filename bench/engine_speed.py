"""Speed of the tagger engine alone (``viewer.timex.engine.tag``, no dateparser, no language detection) on
the development corpora, per language, warm, one process; and import plus first call in a fresh interpreter.

    python bench/engine_speed.py [--repeat 3] [--lang CODE ...] [--dump FILE]

Corpora: ../shared/corpora/ftib-dev (fr), wikiwars-de-dev (de) and wikiwars-ua-dev (uk), each read with bench/corpora.py and
tagged in its language with the document's own creation time as the reference (skipped when absent).
``--dump FILE`` writes every expression (doc, start, end, type, value) as JSON lines, to diff two versions
of the engine. Prints JSON; never asserts a time.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

CORPORA = {"fr": "ftib-dev/Data", "de": "wikiwars-de-dev/keyinline", "uk": "wikiwars-ua-dev/keyinline"}


def _docs(code: str):
    from corpora import read_folder
    folder = ROOT.parent / "shared" / "corpora" / CORPORA[code]
    if not folder.is_dir():
        return None
    return read_folder(folder)[1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--lang", action="append")
    ap.add_argument("--dump")
    a = ap.parse_args(argv)
    cold = subprocess.run([sys.executable, "-c", (
        "import time; t=time.perf_counter(); from viewer.timex import engine; "
        "engine.tag('Le ministre a parlé ce lundi 18 novembre.', None, 'fr'); "
        "print(time.perf_counter()-t)")], capture_output=True, text=True, cwd=ROOT)
    from viewer.timex import engine
    out = {"import_and_first_call_s": float(cold.stdout.strip() or "nan"), "languages": {}}
    dump = open(a.dump, "w", encoding="utf-8") if a.dump else None
    for code in a.lang or sorted(CORPORA):
        if code not in engine.LANGUAGES or code not in CORPORA:
            continue
        docs = _docs(code)
        if not docs:
            continue
        words = sum(len(t.split()) for t, _, _ in docs)
        t0 = time.perf_counter()
        engine.load(code)
        load_s = time.perf_counter() - t0
        n = 0
        best = float("inf")
        for r in range(max(1, a.repeat)):
            t0 = time.perf_counter()
            for i, (text, dct, _) in enumerate(docs):
                got = engine.tag(text, dct, code, narrative=code == "de")
                if r == 0:
                    n += len(got)
                    if dump:
                        for e in got:
                            dump.write(json.dumps([code, i, e.start, e.end, e.type, e.value]) + "\n")
            best = min(best, time.perf_counter() - t0)
        out["languages"][code] = {"documents": len(docs), "words": words, "expressions": n,
                                  "load_s": round(load_s, 4), "best_s": round(best, 4),
                                  "words_per_s": round(words / best)}
    if dump:
        dump.close()
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
