"""Processes seen through /proc (Linux): the children of a process, whether a pid is alive; and the
pathological inputs the reliability tests feed the ingest (one huge line, one sentence pasted over and over)."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

HAS_PROC = sys.platform.startswith("linux") and Path("/proc/self/stat").exists()

UNIT_NO_ENDS = "on 3 March 2022 Russian forces shelled Kharkiv in Ukraine and the talks went on "
SENTENCE = "On 3 March 2022, Russian forces shelled Kharkiv, Ukraine's second city. "
GOOD = "Vilnius said on Tuesday, November 19, 2024, that Lithuania had agreed to the new gas terms.\n"


def _stat(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return raw[raw.rindex(")") + 2:].split()      # fields after "(comm)": state, ppid, ...


def children(pid: int) -> list[int]:
    """Live (not zombie) processes whose parent is ``pid``."""
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat(int(entry))
            if fields and fields[0] != "Z" and int(fields[1]) == pid:
                out.append(int(entry))
    return out


def alive(pid: int) -> bool:
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


def wait_gone(pids, seconds: float) -> list[int]:
    """Wait up to ``seconds`` for every pid to end; the ones still alive."""
    deadline = time.monotonic() + seconds
    left = [p for p in pids if alive(p)]
    while left and time.monotonic() < deadline:
        time.sleep(0.05)
        left = [p for p in left if alive(p)]
    return left


def wait_children(pid: int, seconds: float, at_least: int = 1) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        got = children(pid)
        if len(got) >= at_least:
            return got
        time.sleep(0.05)
    return children(pid)


def one_line(path: Path, size: int, unit: str = UNIT_NO_ENDS) -> Path:
    """A text file of ``size`` bytes that is one line: ``unit`` written over and over."""
    with open(path, "w", encoding="utf-8") as f:
        chunk = unit * (1 << 20 // len(unit) + 1)
        left = size
        while left > 0:
            f.write(chunk[:left])
            left -= len(chunk[:left])
    return path


def workers(pid: int) -> list[int]:
    """The multiprocessing worker processes among the children of ``pid`` (not its resource tracker)."""
    out = []
    for child in children(pid):
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in cmdline:
            out.append(child)
    return out


def wait_workers(pid: int, seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        got = workers(pid)
        if got:
            return got
        time.sleep(0.05)
    return []
