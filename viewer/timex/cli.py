"""Command-line helpers for ``conflict-timeline timex`` (the CLI owner wires them into viewer/cli.py)."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import IO

from ..text import language_code
from . import language_read, resolve_document


def _date_or_none(v) -> date | None:
    if v in (None, ""):
        return None
    if isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


def _language_arg(v) -> str | None:
    """A ``--lang`` or ``"language"`` value: an ISO 639-1 code ("fr", "fr-FR" → "fr"); None or "" → None
    (detect); anything else is an error."""
    if v in (None, ""):
        return None
    code = language_code(v) if isinstance(v, str) else None
    if code is None:
        raise ValueError(f"not a language code (ISO 639-1, like 'fr' or 'uk'): {v!r}")
    return code


def run_file(text: str, dct: date | None, out: IO[str], language: str | None = None) -> int:
    """One JSON object per line per time expression, each with the ``language`` the text was read in
    (``language`` when given, else the detected one; null when it could not be told)."""
    lang = language_read(language, text)
    _ref, _src, exprs = resolve_document(text, dct, language=lang)
    for e in exprs:
        out.write(json.dumps({**e.to_json(), "language": lang}, ensure_ascii=False) + "\n")
    return len(exprs)


def run_batch(inp: IO[str], out: IO[str]) -> int:
    """stdin JSON lines {"id","text","dct","language"} → one line per input
    {"id","dct","dct_source","language","timexes"}.

    ``dct`` and ``language`` may be null or absent: the reference is then inferred from the text and the
    language detected; the output's ``language`` is the one the text was read in (null: unknown).
    A bad line gives {"id": ..., "error": "..."} and processing continues. Returns the number of errors.
    """
    errors = 0
    for lineno, line in enumerate(inp, 1):
        if not line.strip():
            continue
        rid = None
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise ValueError("not a JSON object")
            rid = rec.get("id", lineno)
            text = rec.get("text")
            if not isinstance(text, str):
                raise ValueError("missing or non-string 'text'")
            dct = _date_or_none(rec.get("dct"))
            lang = language_read(_language_arg(rec.get("language")), text)
            ref, source, exprs = resolve_document(text, dct, language=lang)
            res = {"id": rid, "dct": ref.isoformat() if ref else None, "dct_source": source,
                   "language": lang, "timexes": [e.to_json() for e in exprs]}
        except Exception as exc:  # one bad line must not stop the batch
            errors += 1
            res = {"id": rid if rid is not None else lineno, "error": f"{type(exc).__name__}: {exc}"}
        out.write(json.dumps(res, ensure_ascii=False) + "\n")
        out.flush()
    return errors


def main_timex(args=None) -> int:
    """Entry point: accepts an argparse.Namespace (dct, lang, batch, file) or a list of arguments."""
    if not isinstance(args, argparse.Namespace):
        ap = argparse.ArgumentParser(prog="timex")
        ap.add_argument("--dct", default=None)
        ap.add_argument("--lang", default=None)
        ap.add_argument("--batch", action="store_true")
        ap.add_argument("file", nargs="?", default="-")
        args = ap.parse_args(args)
    if getattr(args, "batch", False):
        run_batch(sys.stdin, sys.stdout)
        return 0
    path = getattr(args, "file", "-") or "-"
    if path == "-":
        text = sys.stdin.read()
    else:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
    run_file(text, _date_or_none(getattr(args, "dct", None)), sys.stdout,
             language=_language_arg(getattr(args, "lang", None)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main_timex())
