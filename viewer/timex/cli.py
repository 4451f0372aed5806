"""Command-line helpers for ``conflict-timeline timex`` (the CLI owner wires them into viewer/cli.py)."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import IO

from ..text import language_code
from . import language_read, resolve_document
from .reference import ReadReference, read_reference


def dct_arg(text: str) -> str:
    """An argparse ``type`` for ``--dct``: any way of writing a date ``read_reference`` reads ("2009-03-02",
    "2009/03/02", "March 2, 2009", "03-02-2009" ...); the text is kept, so that ``run_file`` can read it in the
    text's language and report an ambiguous order."""
    if read_reference(text).date is None:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (e.g. 2024-11-18, 18 November 2024)")
    return text


def _language_arg(v) -> str | None:
    """A ``--lang`` or ``"language"`` value: an ISO 639-1 code ("fr", "fr-FR" → "fr"); None or "" → None
    (detect); anything else is an error."""
    if v in (None, ""):
        return None
    code = language_code(v) if isinstance(v, str) else None
    if code is None:
        raise ValueError(f"not a language code (ISO 639-1, like 'fr' or 'uk'): {v!r}")
    return code


def run_file(text: str, dct, out: IO[str], language: str | None = None) -> int:
    """One JSON object per line per time expression, each with the ``language`` the text was read in
    (``language`` when given, else the detected one; null when it could not be told). ``dct``: a date, or a
    date written any way (``read_reference``; an ambiguous order is read as the text's language writes it)."""
    lang = language_read(language, text)
    if dct is not None and not isinstance(dct, date):
        dct = read_reference(dct, lang).date
    _ref, _src, exprs = resolve_document(text, dct, language=lang)
    for e in exprs:
        out.write(json.dumps({**e.to_json(), "language": lang}, ensure_ascii=False) + "\n")
    return len(exprs)


def run_batch(inp: IO[str], out: IO[str]) -> int:
    """stdin JSON lines {"id","text","dct","language"} → one line per input
    {"id","dct","dct_source","language","timexes"}.

    ``dct`` and ``language`` may be null or absent: the reference is then inferred from the text and the
    language detected; the output's ``language`` is the one the text was read in (null: unknown).
    ``dct`` may be written any way ``read_reference`` reads ("2009/03/02", "March 2, 2009", "03-02-2009",
    "2009-03-02T14:05:00+01:00"): an order that cannot be told is read as the text's language writes dates and
    the line says so (``"dct_ambiguous": true`` and a ``"dct_note"``); a dct that is no date never costs the
    document its expressions: the reference is then inferred from the text, and ``"dct_note"`` says why.
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
            lang = language_read(_language_arg(rec.get("language")), text)
            written = rec.get("dct")
            got = read_reference(written, lang) if written not in (None, "") else ReadReference(None, False, "none")
            ref, source, exprs = resolve_document(text, got.date, language=lang)
            res = {"id": rid, "dct": ref.isoformat() if ref else None, "dct_source": source,
                   "language": lang, "timexes": [e.to_json() for e in exprs]}
            if got.ambiguous:
                res["dct_ambiguous"] = True
                res["dct_note"] = got.how
            elif written not in (None, "") and got.date is None:
                res["dct_note"] = f"the dct {written!r} is not a date ({got.how}); " + \
                    ("the reference was inferred from the text" if ref else "no reference date")
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
        ap.add_argument("--dct", default=None, type=dct_arg)
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
    run_file(text, getattr(args, "dct", None) or None, sys.stdout,
             language=_language_arg(getattr(args, "lang", None)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main_timex())
