"""Which language detector: py3langid against lingua-language-detector on short, fragment, paragraph and
mixed-language texts in the project's ten languages.

    pip install py3langid lingua-language-detector      # neither is needed by the app to run this file
    python bench/langid.py [--rounds 3]
    python bench/langid.py --agreement     # the app's first pass against its model on ~7,500 texts

Texts: bench/data/langid_texts.json (written for this benchmark). Both detectors are restricted to the ten
languages; the app's own detector (``viewer.text.detect_language``, py3langid over all its languages with a
first pass that needs no model) is measured with and without that first pass. Prints JSON: accuracy per detector and text kind, the errors, microseconds per call (best of
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


def _app(first_pass: bool):
    """What the app runs (``viewer.text.detect_language``: not restricted to the ten languages; a text
    leaning to them gets the best of them), with its first pass (letters and function words, no model)
    or with the model only."""
    def make():
        if str(ROOT) not in sys.path:
            sys.path.insert(0, str(ROOT))
        import viewer.text as text
        if not first_pass:
            text._first_pass = lambda sample: None
        return text.detect_language
    return make


def _app_first_pass_only():
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import viewer.text as text

    def detect(sample: str) -> str | None:
        return text._first_pass(sample[:text.DETECT_CHARS])
    return detect


DETECTORS = {"py3langid": ("py3langid", _py3langid), "lingua": ("lingua", _lingua),
             "app (first pass, then py3langid)": ("py3langid", _app(True)),
             "app, py3langid only": ("py3langid", _app(False))}


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


def _agreement_texts(data: dict) -> list[str]:
    """Texts to compare the app's first pass with its model on: this benchmark's texts and openings, every
    sentence and opening of the development corpora under ../shared/corpora (when present), the seed renderings
    and the sentences quoted in the tests."""
    import re
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from viewer.text import split_sentences
    texts = [t for items in _kinds(data).values() for t, _ in items]
    try:
        from corpora import read_folder
        for code, sub in {"fr": "ftib-dev/Data", "de": "wikiwars-de-dev/keyinline",
                          "uk": "wikiwars-ua-dev/keyinline"}.items():
            folder = ROOT.parent / "shared" / "corpora" / sub
            if folder.is_dir():
                for text, _, _ in read_folder(folder)[1]:
                    texts.append(text[:400])
                    texts.extend(text[a:b] for a, b in split_sentences(text, code))
    except ImportError:
        pass
    for path in sorted((ROOT / "tests").rglob("*.txt")) + sorted((ROOT / "tests").rglob("*.py")):
        texts.extend(m.group(1) for m in re.finditer(r'"([^"\n]{15,300})"', path.read_text(errors="ignore")))
    return texts


def _agreement(data: dict) -> dict:
    """How often the app's first pass names a language, and whether the model (the app without the first
    pass) gives the same answer on those texts."""
    import viewer.text as text
    first = text._first_pass
    named = agree = 0
    differ = []
    samples = _agreement_texts(data)
    for sample in samples:
        quick = first(sample[:text.DETECT_CHARS]) if len(text._LETTER.findall(sample[:text.DETECT_CHARS])) >= 12 \
            else None
        if quick is None:
            continue
        named += 1
        text._first_pass = lambda s: None
        try:
            model = text.detect_language(sample)
        finally:
            text._first_pass = first
        agree += model == quick
        if model != quick:
            differ.append({"text": sample[:120], "first_pass": quick, "model": model})
    return {"texts": len(samples), "first_pass_named": named, "model_agrees": agree,
            "differ": differ}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--agreement", action="store_true",
                    help="only compare the app's first pass with its model on many texts (no timing)")
    args = ap.parse_args(argv)
    if args.agreement:
        data = json.loads((ROOT / "bench" / "data" / "langid_texts.json").read_text(encoding="utf-8"))
        print(json.dumps(_agreement(data), ensure_ascii=False, indent=1))
        return 0
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
        if name.startswith("app (first pass"):
            first = _app_first_pass_only()
            told = [(first(text), lang) for items in kinds.values() for text, lang in items]
            row["first_pass_named"] = sum(got is not None for got, _ in told)
            row["first_pass_wrong"] = sum(got is not None and got != lang for got, lang in told)
            row["texts"] = len(told)
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
