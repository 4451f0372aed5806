"""Import plus first call of ``viewer.timex.tag`` in a fresh interpreter, with no language given (the language
is detected): without the detector's first pass (letters and function words, no model), with it, and with it
and the unpacked-model cache (viewer.langcache) the program's entry installs.

    python bench/startup.py [--rounds 3]
    python bench/startup.py --compare    # the model read from the cache against the packaged one

Each case runs in its own cold process. ``model only`` switches the first pass off in that process (the
detector then always loads py3langid's model, as before the first pass); ``first pass`` has no cache (the
packaged model is unpacked in every process that needs it); ``cache, writing`` starts from an empty cache
folder, so a process that needs the model unpacks it and writes the cache, and ``cache, reading`` is the next
process on the same folder. Modes alternate within each round, so before and after are measured in one run.
Prints JSON: the best and the median of --rounds runs, in seconds, per case and mode, and what was detected.
Never asserts a time. ``--compare`` instead detects every text of bench/langid.py (sentences, three-word
openings, paragraphs, mixed) in one process, first pass off, with the packaged model and then with the model
written to and read back from a fresh cache, and prints how many answers and rankings differ.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CASES = {
    "fr, reference given": ("Le ministre a parlé lundi soir, trois jours après l'attaque contre la ville.",
                            "2024-11-18"),
    "fr, no reference": ("Le ministre a parlé ce lundi 18 novembre, trois jours après l'attaque contre la ville.",
                         None),
    "uk, reference given": ("Міністр виступив у понеділок увечері, через три дні після атаки на місто.",
                            "2024-11-18"),
    "de, reference given": ("Der Minister sprach am Montagabend, drei Tage nach dem Angriff auf die Stadt.",
                            "2024-11-18"),
    "en, reference given": ("The minister spoke on Monday evening, three days after the attack on the city.",
                            "2024-11-18"),
    "short, reference given": ("Kyiv, Monday evening.", "2024-11-18"),
}

CODE = """
import time
t = time.perf_counter()
if {cache!r}:
    from viewer import langcache
    langcache.install({cache!r})
from datetime import date
from viewer.timex import tag
if {off}:
    import viewer.text
    viewer.text._first_pass = lambda sample: None
from viewer.text import detect_language
exprs = tag({text!r}, {ref})
print(time.perf_counter() - t, detect_language({text!r}), len(exprs))
"""


MODES = ("model only", "first pass", "cache, writing", "cache, reading")


def _run(text: str, ref: str | None, off: bool, cache: str | None = None) -> tuple[float, str]:
    ref_code = f"date.fromisoformat({ref!r})" if ref else "None"
    out = subprocess.run([sys.executable, "-c", CODE.format(off=off, text=text, ref=ref_code, cache=cache)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    seconds, lang, _n = out.stdout.split()
    return float(seconds), lang


def _compare() -> dict:
    import importlib.util

    sys.path.insert(0, str(ROOT))
    from viewer import langcache, text
    spec = importlib.util.spec_from_file_location("bench_langid", ROOT / "bench" / "langid.py")
    bench_langid = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_langid)
    data = json.loads((ROOT / "bench" / "data" / "langid_texts.json").read_text(encoding="utf-8"))
    texts = [t for items in bench_langid._kinds(data).values() for t, _ in items]
    text._first_pass = lambda sample: None

    def read(source) -> list:
        text._detector = None
        text.set_model_source(source)
        ident = text._language_identifier()
        return [(text.detect_language(t), ident.rank(t[:text.DETECT_CHARS])[:3]) for t in texts]

    with tempfile.TemporaryDirectory(prefix="langcache-") as cache:
        packaged = read(None)
        written = read(lambda: langcache.load_model(Path(cache)))
        mapped = read(lambda: langcache.load_model(Path(cache)))
        from_cache = all(type(a).__name__ == "memmap" for a in langcache.load_model(Path(cache)).values())
    return {"texts": len(texts), "read_from_cache": from_cache,
            "answers_differ": {"written": sum(a[0] != b[0] for a, b in zip(packaged, written)),
                               "read": sum(a[0] != b[0] for a, b in zip(packaged, mapped))},
            "rankings_differ": {"written": sum(a[1] != b[1] for a, b in zip(packaged, written)),
                                "read": sum(a[1] != b[1] for a, b in zip(packaged, mapped))}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--compare", action="store_true", help="compare the cached model's answers, no timing")
    args = ap.parse_args(argv)
    if args.compare:
        print(json.dumps(_compare(), indent=1))
        return 0
    result: dict = {}
    for case, (text, ref) in CASES.items():
        runs: dict[str, list[float]] = {mode: [] for mode in MODES}
        langs = {}
        for _ in range(max(1, args.rounds)):
            with tempfile.TemporaryDirectory(prefix="langcache-") as cache:
                for mode in MODES:
                    seconds, lang = _run(text, ref, mode == "model only",
                                         cache if mode.startswith("cache") else None)
                    runs[mode].append(seconds)
                    langs[mode] = lang
        result[case] = {mode: {"best_s": round(min(v), 3), "median_s": round(statistics.median(v), 3),
                               "detected": langs[mode]} for mode, v in runs.items()}
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
