"""Pathological inputs: time and peak memory of `python -m viewer ingest` on a file that is one huge line
(beside a good file), and on one sentence pasted thousands of times. Prints JSON; asserts nothing.

    python bench/pathological.py [--mb 30] [--shape no-ends|sentences|seed] [--jobs N]

Peak memory is the largest sum of the resident sizes of the ingest process and its workers, sampled every
50 ms from /proc (Linux), and the largest single process (getrusage of the children).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHAPES = {
    # no sentence ends at all: the line is one "sentence"
    "no-ends": "on 3 March 2022 Russian forces shelled Kharkiv in Ukraine and the talks went on ",
    # one short dated sentence, again and again, on one line
    "sentences": "On 3 March 2022, Russian forces shelled Kharkiv, Ukraine's second city. ",
}
GOOD = "Vilnius said on Tuesday, November 19, 2024, that Lithuania had agreed to the new gas terms.\n"


def _unit(shape: str) -> str:
    if shape == "seed":
        seed = next(iter(sorted((ROOT / "seeds").glob("*.txt"))))
        return seed.read_text(encoding="utf-8").replace("\n", " ") + " "
    return SHAPES[shape]


def write_one_line(path: Path, size: int, unit: str) -> None:
    chunk = unit * ((1 << 20) // len(unit) + 1)
    with open(path, "w", encoding="utf-8") as f:
        left = size
        while left > 0:
            piece = chunk[:left]
            f.write(piece)
            left -= len(piece)


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and its descendants."""
    kids: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            raw = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = raw[raw.rindex(")") + 2:].split()
        kids.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(kids.get(p, []))
    return total


def run(mb: float, shape: str, jobs: int | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        write_one_line(folder / "huge.txt", int(mb * 1024 * 1024), _unit(shape))
        (folder / "good.txt").write_text(GOOD, encoding="utf-8")
        db = Path(tmp) / "t.db"
        cmd = [sys.executable, "-m", "viewer", "ingest", str(folder), "--db", str(db)]
        if jobs:
            cmd += ["--jobs", str(jobs)]
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                env={**os.environ, "TQDM_DISABLE": "1"})
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.05)
        seconds = time.monotonic() - t0
        err = proc.stderr.read().decode(errors="replace")
        conn = sqlite3.connect(db)
        try:
            per_article = dict(conn.execute(
                "SELECT a.source, (SELECT count(*) FROM excerpts x WHERE x.article_id = a.id) FROM articles a"))
        finally:
            conn.close()
        huge = next((n for s, n in per_article.items() if s.endswith("huge.txt")), None)
        good = next((n for s, n in per_article.items() if s.endswith("good.txt")), None)
        return {"mb": mb, "shape": shape, "jobs": jobs, "exit_code": proc.returncode,
                "seconds": round(seconds, 1), "peak_rss_tree_mb": round(peak / 2**20),
                "peak_rss_one_process_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
                "huge_stored": huge is not None, "huge_events": huge, "good_stored": good is not None,
                "good_events": good, "notes": [line for line in err.splitlines() if "huge.txt" in line]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=30)
    parser.add_argument("--shape", choices=[*SHAPES, "seed"], default=None,
                        help="one shape (default: each in turn)")
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    for shape in [args.shape] if args.shape else [*SHAPES, "seed"]:
        print(json.dumps(run(args.mb, shape, args.jobs)), flush=True)


if __name__ == "__main__":
    main()
