"""Import plus first call of ``viewer.timex.tag`` in a fresh interpreter, with no language given (the language
is detected), with and without the detector's first pass (letters and function words, no model).

    python bench/startup.py [--rounds 3]

Each case runs in its own cold process; ``model only`` switches the first pass off in that process (the
detector then always loads py3langid's model, as before the first pass), so before and after are measured
in one run, alternately. Prints JSON: the best and the median of --rounds runs, in seconds, per case and mode,
and what was detected. Never asserts a time.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
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
from datetime import date
from viewer.timex import tag
if {off}:
    import viewer.text
    viewer.text._first_pass = lambda sample: None
from viewer.text import detect_language
exprs = tag({text!r}, {ref})
print(time.perf_counter() - t, detect_language({text!r}), len(exprs))
"""


def _run(text: str, ref: str | None, off: bool) -> tuple[float, str]:
    ref_code = f"date.fromisoformat({ref!r})" if ref else "None"
    out = subprocess.run([sys.executable, "-c", CODE.format(off=off, text=text, ref=ref_code)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    seconds, lang, _n = out.stdout.split()
    return float(seconds), lang


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    result: dict = {}
    for case, (text, ref) in CASES.items():
        runs: dict[str, list[float]] = {"model only": [], "first pass": []}
        langs = {}
        for _ in range(max(1, args.rounds)):
            for mode in runs:
                seconds, lang = _run(text, ref, mode == "model only")
                runs[mode].append(seconds)
                langs[mode] = lang
        result[case] = {mode: {"best_s": round(min(v), 3), "median_s": round(statistics.median(v), 3),
                               "detected": langs[mode]} for mode, v in runs.items()}
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
