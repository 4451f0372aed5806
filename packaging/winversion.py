"""The Windows version resource of conflict-timeline.exe, filled in from viewer.__version__."""
from __future__ import annotations

import re
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "version_info.txt"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0); '1.2.3rc1+local' -> (1, 2, 3, 0): four 16-bit numbers, as Windows wants."""
    parts = (version.split("+")[0].split(".") + ["0"] * 4)[:4]
    return tuple(min(int(re.match(r"\d*", p).group() or 0), 65535) for p in parts)


def write_version_file(version: str, out: Path, template: Path = TEMPLATE) -> Path:
    text = template.read_text(encoding="utf-8")
    text = text.replace("@VERSION_TUPLE@", repr(version_tuple(version))).replace("@VERSION@", version)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return out
