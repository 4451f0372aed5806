"""How long merging two events and splitting a report out take in a big database (issue 14): the store's
share (the transaction that moves the reports and records the edit), their undo and redo, and how long the
window's Merge with… dialog takes to find the events near one.

    python -m viewer synth --events 1000000 --db /tmp/1m.db
    python bench/merge.py --db /tmp/1m.db [--merges 20]

Prints JSON: the median and the 90th percentile, in milliseconds, of a merge, a split (of a report a merge
brought), the undo of each and the redo, and of finding the candidates of a merge. The database is edited:
use a copy you can throw away. Never asserts a time.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from viewer.store import Store  # noqa: E402
from viewer.store import curation  # noqa: E402
from viewer.ui.merge import candidates  # noqa: E402
from bench.edit import _ms  # noqa: E402 - the same median and 90th percentile as the edits'


def _timed(samples: list, work):
    t = time.perf_counter()
    out = work()
    samples.append(time.perf_counter() - t)
    return out


def run(db: str, merges: int, seed: int = 0) -> dict:
    store = Store.open(db, check=False)
    try:
        n_events = store.count_events()
        rng = random.Random(seed)
        ids = [e.id for e in store.events(limit=max(40 * merges, 1000))]
        rng.shuffle(ids)
        pairs = [(ids[2 * i], ids[2 * i + 1]) for i in range(merges)]
        found, merge, split, undo, redo = [], [], [], [], []
        for keep, other in pairs:
            _timed(found, lambda: candidates(store, keep))
            _timed(merge, lambda: curation.merge(store, keep, other))
            report = store.excerpts(keep)[-1]["id"]
            _timed(split, lambda: curation.split(store, keep, report))
        for _ in range(2 * merges):
            _timed(undo, lambda: curation.undo(store))
        for _ in range(2 * merges):
            _timed(redo, lambda: curation.redo(store))
        return {"events": n_events, "merges": merges, "candidates": _ms(found), "merge": _ms(merge),
                "split": _ms(split), "undo": _ms(undo), "redo": _ms(redo),
                "integrity_check": store.integrity_check()[0] if n_events <= 200_000 else "skipped (large)",
                "cpus": os.cpu_count(), "load_average_1min": round(os.getloadavg()[0], 2)}
    finally:
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="a database to edit (make one with `python -m viewer synth`)")
    ap.add_argument("--merges", type=int, default=20, help="merges (each followed by a split)")
    args = ap.parse_args()
    print(json.dumps(run(args.db, args.merges), indent=1))


if __name__ == "__main__":
    main()
