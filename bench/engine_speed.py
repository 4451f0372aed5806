"""Speed of the tagger engine alone (``viewer.timex.engine.tag``, no dateparser, no language detection) on
the development corpora, per language, warm, one process; and import plus first call in a fresh interpreter.

    python bench/engine_speed.py [--repeat 3] [--lang CODE ...] [--dump FILE] [--tests]

Corpora: ../shared/corpora/ftib-dev (fr), wikiwars-de-dev (de) and wikiwars-ua-dev (uk), each read with bench/corpora.py and
tagged in its language with the document's own creation time as the reference (skipped when absent);
with ``--tests`` the other engine languages are timed on their seed rendering and test sentences.
Figures per language: words per second of wall-clock time and of process time (best of --repeat; the
second is steadier on a shared machine), and the rules tried per word (steady whatever the load). ``--dump FILE`` writes every expression (doc, start, end, type, value) as JSON lines, to diff two versions
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


def _test_texts(code: str):
    """A language without a corpus here: its seed rendering (when there is one) and the sentences of its
    phenomenon tests (tests/timex/<code>/), far denser in dates than news; as (text, reference, None)."""
    import ast
    from datetime import date
    texts = []
    for seed in (ROOT / "tests" / "data" / "seed" / f"seed_{code}.txt", ROOT / "tests" / "timex" / code / f"seed_{code}.txt"):
        if seed.is_file():
            texts.append(seed.read_text(encoding="utf-8"))
    sentences = []
    for path in sorted((ROOT / "tests" / "timex" / code).glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value.split()) >= 4 \
                    and node.value.rstrip().endswith((".", "»", "!", "?")) and "\n" not in node.value.strip():
                sentences.append(node.value)
    texts.extend(" ".join(sentences[i:i + 20]) for i in range(0, len(sentences), 20))
    ref = date(2024, 11, 18)
    # ten rounds of them: a pass long enough to time steadily
    return [(t, ref, None) for t in texts] * 10 or None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--lang", action="append")
    ap.add_argument("--dump")
    ap.add_argument("--tests", action="store_true",
                    help="also time the languages without a corpus here on their test sentences")
    a = ap.parse_args(argv)
    cold = subprocess.run([sys.executable, "-c", (
        "import time; t=time.perf_counter(); from viewer.timex import engine; "
        "engine.tag('Le ministre a parlé ce lundi 18 novembre.', None, 'fr'); "
        "print(time.perf_counter()-t)")], capture_output=True, text=True, cwd=ROOT)
    from viewer.timex import engine
    out = {"import_and_first_call_s": float(cold.stdout.strip() or "nan"), "languages": {}}
    dump = open(a.dump, "w", encoding="utf-8") if a.dump else None
    codes = a.lang or sorted(CORPORA)
    if a.tests and not a.lang:
        codes = sorted(engine.LANGUAGES)
    for code in codes:
        if code not in engine.LANGUAGES or (code not in CORPORA and not a.tests):
            continue
        docs = _docs(code) if code in CORPORA else _test_texts(code)
        if not docs:
            continue
        words = sum(len(t.split()) for t, _, _ in docs)
        t0 = time.perf_counter()
        engine.load(code)
        load_s = time.perf_counter() - t0
        n = 0
        best = best_cpu = float("inf")
        for r in range(max(1, a.repeat)):
            c0 = time.process_time()
            t0 = time.perf_counter()
            for i, (text, dct, _) in enumerate(docs):
                got = engine.tag(text, dct, code, narrative=code == "de")
                if r == 0:
                    n += len(got)
                    if dump:
                        for e in got:
                            dump.write(json.dumps([code, i, e.start, e.end, e.type, e.value]) + "\n")
            best = min(best, time.perf_counter() - t0)
            best_cpu = min(best_cpu, time.process_time() - c0)
        lang = engine.load(code)
        # how many rules the scanner tries per word (each word's trigger candidates): a cost that does not
        # depend on the machine's load
        tries = sum(len(lang.candidates(m.group())) for text, _, _ in docs for m in lang.scanner.finditer(text))
        out["languages"][code] = {"rule_tries_per_word": round(tries / words, 2), "source": "corpus" if code in CORPORA else "test sentences",
                                  "documents": len(docs), "words": words, "expressions": n,
                                  "load_s": round(load_s, 4), "best_s": round(best, 4),
                                  "words_per_s": round(words / best),
                                  # process time: steadier than the wall clock on a shared machine
                                  "cpu_words_per_s": round(words / best_cpu) if best_cpu > 0 else None}
    if dump:
        dump.close()
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
