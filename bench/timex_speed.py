"""Speed of the temporal tagger: words per second as the text grows (cost should be linear), warm,
one process, and import plus first call in a fresh interpreter.

    python bench/timex_speed.py [--max-words 400000]

Text: the seed article and, when present, the TimeBank/AQUAINT documents (../shared/corpora/tbaq),
concatenated and repeated to the size wanted. Prints JSON; writes nothing.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def corpus_text() -> str:
    parts = []
    seed = ROOT / "seeds" / "000_b35eeb280cb7d20a.txt"
    if seed.exists():
        parts.append(seed.read_text(encoding="utf-8"))
    tb = ROOT.parent / "shared" / "corpora" / "tbaq"
    if tb.is_dir():
        sys.path.insert(0, str(ROOT / "bench"))
        from tempeval import parse_tml
        for p in sorted(tb.glob("*/*.tml")):
            r = parse_tml(p)
            if r:
                parts.append(r[0])
    return "\n\n".join(parts)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-words", type=int, default=400_000)
    args = ap.parse_args(argv)
    code = ("import time; t=time.perf_counter(); from viewer.timex import tag; "
            "tag('Last September, Putin said Monday, November 18 that the war of the 1990s ended.'); "
            "print(time.perf_counter()-t)")
    r = subprocess.run([sys.executable, "-c", code], cwd=str(ROOT), capture_output=True, text=True)
    out = {"import_and_first_call_s": round(float(r.stdout.strip() or "nan"), 3), "sizes": []}
    from viewer.timex import tag
    base = corpus_text()
    words = base.split()
    ref = date(2024, 11, 18)
    tag(base[:2000], ref)
    size = 1000
    while size <= args.max_words:
        reps = size // max(1, len(words)) + 1
        text = " ".join((words * reps)[:size])
        best = None
        for _ in range(3):
            t = time.perf_counter()
            n = len(tag(text, ref))
            dt = time.perf_counter() - t
            best = dt if best is None else min(best, dt)
        out["sizes"].append({"words": size, "seconds": round(best, 4), "words_per_s": round(size / best),
                             "expressions": n})
        size *= 10 if size < 100_000 else 4
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
