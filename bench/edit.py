"""How long one edit of one event takes in a big database (issue 14: an edit is on the timeline <= 50 ms
after it is confirmed, at 1M events; this is the store's share of it: the transaction that records the
edit and rewrites the event, its first report and its country rows).

    python -m viewer synth --events 1000000 --db /tmp/1m.db
    python bench/edit.py --db /tmp/1m.db [--edits 50] [--json]

Prints JSON: the median and the 90th percentile, in milliseconds, of each kind of edit (a date, countries,
a title — which also updates the full-text index —, a star and a tag, the undo of one, its redo), and how
long reading every annotation takes once many events are annotated (what `events --json` and the export
do first). The database is edited: use a copy you can throw away. Never asserts a time.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from viewer.store import Store  # noqa: E402
from viewer.store import curation  # noqa: E402


def _ms(samples: list[float]) -> dict:
    s = sorted(samples)
    return {"median_ms": round(statistics.median(s) * 1000, 2),
            "p90_ms": round(s[int(0.9 * (len(s) - 1))] * 1000, 2), "n": len(s)}


def run(db: str, edits: int, seed: int = 0) -> dict:
    store = Store.open(db, check=False)
    try:
        n_events = store.count_events()
        rng = random.Random(seed)
        # events to edit, whatever their ids (a retag gives new ones above the old): the first in time
        ids = [e.id for e in store.events(limit=max(40 * edits, 1000))]

        def pick() -> int:
            return rng.choice(ids)

        kinds = {
            "date": lambda i: curation.Edit(date={"type": "DATE", "value": f"2024-09-{1 + i % 28:02d}",
                                                  "earliest": f"2024-09-{1 + i % 28:02d}",
                                                  "latest": f"2024-09-{1 + i % 28:02d}", "granularity": "day"}),
            "countries": lambda i: curation.Edit(add_countries=["PL"], remove_countries=["UA"]),
            "title": lambda i: curation.Edit(title=f"Edited title number {i}"),
            "star_and_tag": lambda i: curation.Edit(starred=True, add_tags=[f"tag{i % 5}"]),
        }
        out: dict = {"events": n_events, "edits_per_kind": edits}
        for name, make in kinds.items():
            samples = []
            for i in range(edits):
                eid = pick()
                t = time.perf_counter()
                curation.edit(store, eid, make(i))
                samples.append(time.perf_counter() - t)
            out[f"edit_{name}"] = _ms(samples)
        undo, redo = [], []
        for _ in range(edits):
            t = time.perf_counter()
            curation.undo(store)
            undo.append(time.perf_counter() - t)
        for _ in range(edits):
            t = time.perf_counter()
            curation.redo(store)
            redo.append(time.perf_counter() - t)
        out["undo"], out["redo"] = _ms(undo), _ms(redo)
        t = time.perf_counter()
        notes = curation.annotations(store)
        out["read_annotations"] = {"annotated": len(notes), "ms": round((time.perf_counter() - t) * 1000, 2)}
        out["integrity_check"] = store.integrity_check()[0] if n_events <= 200_000 else "skipped (large)"
        out["cpus"] = os.cpu_count()
        out["load_average_1min"] = round(os.getloadavg()[0], 2)
        return out
    finally:
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="a database to edit (make one with `python -m viewer synth`)")
    ap.add_argument("--edits", type=int, default=50, help="edits of each kind")
    ap.add_argument("--json", action="store_true", help="(the output is always JSON)")
    args = ap.parse_args()
    print(json.dumps(run(args.db, args.edits), indent=1))


if __name__ == "__main__":
    main()
