"""Speed of the temporal tagger: words per second as the text grows (cost should be linear), warm,
one process, and import plus first call in a fresh interpreter.

    python bench/timex_speed.py [--max-words 400000]
    python bench/timex_speed.py --lang pl [--lang ru ...] [--repeat 3] [--dateparser-words 3000]

Text: the seed article and, when present, the TimeBank/AQUAINT documents (../shared/corpora/tbaq),
concatenated and repeated to the size wanted. Prints JSON; writes nothing.

With ``--lang CODE`` (a language of the engine; repeatable, or ``all``): ``viewer.timex.tag(text, reference,
language=CODE)`` on that language's text — its development corpus under ../shared/corpora when there is one
(fr, de, uk), else its seed rendering and the sentences of its tests (tests/timex/<code>/, an expression in
nearly every sentence: the densest text there is; ten rounds of them, as bench/engine_speed.py reads them) —,
warm, best of ``--repeat``, in words per second of wall-clock and of process time; in the same run,
``dateparser.search_dates(text, languages=[CODE])`` on the first ``--dateparser-words`` words of the same texts
(dateparser is far slower), with the ratio of the two in process time (``times_dateparser``); and the rules
the scanner tries per word (``rule_tries_per_word``: with the next word, ``Language.candidates_at``;
``by_first_word_alone``: ``Language.candidates``).
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


def language_texts(code: str) -> list[tuple[str, date | None]]:
    """(text, reference) for ``code``: its development corpus when there is one, else its test sentences."""
    sys.path.insert(0, str(ROOT / "bench"))
    from engine_speed import CORPORA, _docs, _test_texts
    docs = (_docs(code) if code in CORPORA else None) or _test_texts(code) or []
    return [(t, ref) for t, ref, _ in docs]


def _best(fn, repeat: int) -> tuple[float, float]:
    wall = cpu = float("inf")
    for _ in range(max(1, repeat)):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        wall, cpu = min(wall, time.perf_counter() - t0), min(cpu, time.process_time() - c0)
    return wall, cpu


def by_language(codes: list[str], repeat: int, dp_words: int) -> dict:
    """Words per second of ``viewer.timex.tag`` and of dateparser's ``search_dates`` per language, same run."""
    from datetime import datetime

    from dateparser.search import search_dates

    from viewer.timex import engine, tag
    out = {}
    for code in codes:
        if code not in engine.LANGUAGES:
            continue
        docs = language_texts(code)
        if not docs:
            continue
        words = sum(len(t.split()) for t, _ in docs)
        for t, ref in docs[:3]:
            tag(t, ref, language=code)          # warm: the language's data compiled, its first words read
        wall, cpu = _best(lambda: [tag(t, ref, language=code) for t, ref in docs], repeat)
        # dateparser on the first dp_words words of the same texts
        part, n = [], 0
        for t, ref in docs:
            if n >= dp_words:
                break
            part.append((t, ref))
            n += len(t.split())

        def run_dp():
            for t, ref in part:
                base = datetime(ref.year, ref.month, ref.day) if ref else datetime(2024, 11, 18)
                try:
                    search_dates(t, languages=[code], settings={"RELATIVE_BASE": base})
                except Exception:
                    pass
        run_dp()
        dp_wall, dp_cpu = _best(run_dp, 1)
        # the rules the scanner tries per word, by the first word alone and with the next word too (a cost that
        # does not depend on the machine's load)
        lang = engine.load(code)
        first = both = 0
        for t, _ in docs:
            ws = [m.group() for m in lang.scanner.finditer(t)]
            for i, w in enumerate(ws):
                first += len(lang.candidates(w))
                both += len(lang.candidates_at(w, ws[i + 1] if i + 1 < len(ws) else ""))
        ours = words / cpu if cpu > 0 else None
        theirs = n / dp_cpu if dp_cpu > 0 else None
        from engine_speed import CORPORA
        out[code] = {"text": "corpus" if code in CORPORA else "test sentences (ten rounds)",
                     "words": words, "words_per_s": round(words / wall), "cpu_words_per_s": round(ours) if ours else None,
                     "rule_tries_per_word": round(both / words, 2), "by_first_word_alone": round(first / words, 2),
                     "dateparser_words": n, "dateparser_cpu_words_per_s": round(theirs) if theirs else None,
                     "times_dateparser": round(ours / theirs, 1) if ours and theirs else None}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-words", type=int, default=400_000)
    ap.add_argument("--lang", action="append", help="time this engine language (repeatable; 'all': every one)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dateparser-words", type=int, default=3000)
    args = ap.parse_args(argv)
    if args.lang:
        from viewer.timex import engine
        codes = sorted(engine.LANGUAGES) if "all" in args.lang else args.lang
        print(json.dumps({"languages": by_language(codes, args.repeat, args.dateparser_words)}, indent=1))
        return 0
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
