"""How long the merge suggestions take on a big database: what the excerpt panel asks for an event
(`viewer.ui.merge.suggestions`: the events of its dates, each scored against it, with the names common
around its dates read once per month) and what Merge with… ranks (`candidates` then `ranked`).

    python -m viewer synth --events 1000000 --db /tmp/1m.db
    python bench/suggest.py --db /tmp/1m.db [--samples 11]

The events sampled are spread evenly over the ids. The first call for an event pays for the month's common
names; a second call for the next event (same month, names remembered) shows what a selection costs after
that. Prints JSON, milliseconds of wall time: the medians and the largest. Never asserts a time.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from viewer.store import Store  # noqa: E402
from viewer.ui import merge  # noqa: E402


def _ms(fn) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn()
    return (time.perf_counter() - t) * 1000.0, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--samples", type=int, default=11)
    args = ap.parse_args()
    store = Store.open(args.db, readonly=True)
    n = store.count_events()
    ids = [1 + (n - 2) * i // max(1, args.samples - 1) for i in range(args.samples)]
    first, warm, dialog = [], [], []
    strong = 0
    for i in ids:
        t, found = _ms(lambda: merge.suggestions(store, i))
        first.append(t)
        strong += bool(found)
        warm.append(_ms(lambda: merge.suggestions(store, i + 1))[0])
        dialog.append(_ms(lambda: merge.ranked(store, i, merge.candidates(store, i)))[0])
    store.close()

    def summary(xs):
        return {"median_ms": round(statistics.median(xs), 1), "max_ms": round(max(xs), 1)}

    print(json.dumps({"events": n, "samples": len(ids), "events_with_a_suggestion": strong,
                      "excerpt_suggestion_first": summary(first), "excerpt_suggestion_warm": summary(warm),
                      "merge_dialog_ranking": summary(dialog)}, indent=2))


if __name__ == "__main__":
    main()
