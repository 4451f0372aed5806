"""Which language detector: py3langid against lingua-language-detector on short, fragment, paragraph and
mixed-language texts in the project's ten languages.

    pip install py3langid lingua-language-detector      # neither is needed by the app to run this file
    python bench/langid.py [--rounds 3]

Texts: bench/data/langid_texts.json (written for this benchmark). Both detectors are restricted to the ten
languages. Prints JSON: accuracy per detector and text kind, the errors, microseconds per call (best of
--rounds), import plus first call in a fresh interpreter, and the size of each package on disk.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "ru", "uk")


def _kinds(data: dict) -> dict[str, list[tuple[str, str]]]:
    sentences = [(s, lang) for lang in LANGS for s in data[lang]]
    return {
        "sentence": sentences,
        "fragment (3 words)": [(" ".join(s.split()[:3]), lang) for s, lang in sentences],
        "paragraph": [(" ".join(data[lang]), lang) for lang in LANGS],
        "mixed": [(m["text"], m["language"]) for m in data["_mixed"]],
    }


def _py3langid():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    ident = LanguageIdentifier.from_model_file(MODEL_FILE)
    ident.set_languages(list(LANGS))
    return lambda text: ident.classify(text)[0]


def _lingua():
    from lingua import IsoCode639_1, LanguageDetectorBuilder
    codes = [getattr(IsoCode639_1, c.upper()) for c in LANGS]
    detector = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()

    def detect(text: str) -> str | None:
        lang = detector.detect_language_of(text)
        return lang.iso_code_639_1.name.lower() if lang is not None else None
    return detect


DETECTORS = {"py3langid": ("py3langid", _py3langid), "lingua": ("lingua", _lingua)}


def _size_mb(module: str) -> float | None:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6, 1)


def _cold_start(name: str) -> float:
    code = (f"import sys, time; sys.path.insert(0, {str(ROOT / 'bench')!r}); t = time.perf_counter(); "
            f"import langid as b; d = b.DETECTORS[{name!r}][1](); d('Russian forces shelled Kharkiv.'); "
            "print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return round(float(out.stdout.strip()), 3)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    data = json.loads((ROOT / "bench" / "data" / "langid_texts.json").read_text(encoding="utf-8"))
    kinds = _kinds(data)
    result = {}
    for name, (module, make) in DETECTORS.items():
        if importlib.util.find_spec(module) is None:
            result[name] = {"skipped": f"{module} is not installed"}
            continue
        detect = make()
        row: dict = {"accuracy": {}, "errors": []}
        for kind, items in kinds.items():
            right = 0
            for text, lang in items:
                got = detect(text)
                right += got == lang
                if got != lang:
                    row["errors"].append({"kind": kind, "text": text, "expected": lang, "got": got})
            row["accuracy"][kind] = round(right / len(items), 3)
        texts = [t for t, _ in kinds["sentence"]]
        best = min(_timed(detect, texts) for _ in range(args.rounds))
        row["us_per_sentence"] = round(best / len(texts) * 1e6, 1)
        row["import_and_first_call_s"] = _cold_start(name)
        row["package_mb"] = _size_mb(module)
        result[name] = row
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


def _timed(detect, texts) -> float:
    t = time.perf_counter()
    for text in texts:
        detect(text)
    return time.perf_counter() - t


if __name__ == "__main__":
    sys.exit(main())
