"""Save what the tagger makes of every string written in the tests, so that a change meant to keep its
output (English moving onto the engine, family by family) can be diffed against the tree before it.

    python bench/snapshot_strings.py OUT.jsonl            # in each tree, then: diff BEFORE.jsonl AFTER.jsonl

Every string literal of three words or more in ``tests/**/*.py`` is tagged four ways: told English and with
its language detected, each with a reference date (20 Nov 2024) and without one. One JSON object per line,
in a fixed order: the string, the reading, and each expression's span, type, value, mod and reasoning.
Nothing is scored: it is a record of behaviour. Writes only OUT.
"""
from __future__ import annotations

import argparse
import ast
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from viewer.timex import tag  # noqa: E402

REFERENCE = date(2024, 11, 20)


def test_strings(root: Path) -> list[str]:
    """The distinct string literals of three words or more in the tests, sorted."""
    found: set[str] = set()
    for path in sorted((root / "tests").rglob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value.split()) >= 3:
                found.add(node.value)
    return sorted(found)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    args = ap.parse_args()
    strings = test_strings(ROOT)
    with open(args.out, "w", encoding="utf-8", errors="backslashreplace") as out:
        for text in strings:
            for language in ("en", None):
                for reference in (REFERENCE, None):
                    got = [[e.start, e.end, e.type, e.value, e.mod, e.reasoning]
                           for e in tag(text, reference, language=language)]
                    out.write(json.dumps({"text": text, "language": language or "detected",
                                          "reference": reference.isoformat() if reference else None,
                                          "timexes": got}, ensure_ascii=False) + "\n")
    print(json.dumps({"strings": len(strings), "lines": 4 * len(strings), "out": args.out}))


if __name__ == "__main__":
    main()
