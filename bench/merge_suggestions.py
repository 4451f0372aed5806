"""How well Merge with… ranks the other-language reports of a happening: the seed article and its five
renderings (tests/data/seed) give 48 events, eight happenings each told in English, German, Spanish, French,
Russian and Ukrainian, none merged at ingest. For each event the others are ranked as the dialog ranks them
(viewer.merging.likeness and rank, the names common to the database left out), and counted: events whose
first candidate is a twin (the same happening in another language), twin pairs among each event's first
five, twin and other pairs marked likely (★ in the dialog) and strong (the excerpt panel's suggestion).

    python bench/merge_suggestions.py

Prints JSON. tests/test_merge_suggestions.py asserts floors on the same counts.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from viewer import merging  # noqa: E402
from viewer.ingest import ingest_paths  # noqa: E402
from viewer.paths import seeds_dir  # noqa: E402
from viewer.store import Store  # noqa: E402

RENDERINGS = ROOT / "tests" / "data" / "seed"


def seed_events(folder: Path) -> list:
    """The events of the seed and its renderings, ingested into a database in ``folder``."""
    db = folder / "seed.db"
    ingest_paths([str(seeds_dir()), str(RENDERINGS)], str(db), jobs=1)
    store = Store.open(db, readonly=True)
    try:
        return list(store.events())
    finally:
        store.close()


def happenings(events) -> dict[int, int]:
    """Each event's happening: its place among its article's events (the renderings keep the order)."""
    by_article: dict[str, list] = {}
    for e in sorted(events, key=lambda e: e.id):
        by_article.setdefault(e.article_id, []).append(e.id)
    return {eid: i for ids in by_article.values() for i, eid in enumerate(ids)}


def ranked(events) -> dict[int, list]:
    """For each event, the others in the dialog's order with their likeness."""
    reports = {e.id: merging.report(article_id=e.article_id, sentence=e.sentence, time_text=e.time_text,
                                    earliest=e.earliest, latest=e.latest, granularity=e.granularity,
                                    dating=e.dating, countries=e.countries) for e in events}
    common = merging.common_names(reports.values())
    out = {}
    for e in events:
        others = [o for o in events if o.id != e.id]
        likes = [merging.likeness(reports[e.id], reports[o.id], common) for o in others]
        order = merging.rank(likes, [abs((o.t0 or 0.0) - (e.t0 or 0.0)) for o in others])
        out[e.id] = [(others[i].id, likes[i]) for i in order]
    return out


def counts(events) -> dict[str, int]:
    happening = happenings(events)
    c = dict.fromkeys(("events", "twin_pairs", "twin_first", "twins_in_first_five", "likely_twins",
                       "likely_others", "strong_twins", "strong_others", "events_with_a_strong_twin"), 0)
    for eid, listed in ranked(events).items():
        twins = [i for i, (oid, _) in enumerate(listed) if happening[oid] == happening[eid]]
        c["events"] += 1
        c["twin_pairs"] += len(twins)
        c["twin_first"] += bool(twins) and twins[0] == 0
        c["twins_in_first_five"] += sum(i < 5 for i in twins)
        strong_here = False
        for oid, x in listed:
            same = happening[oid] == happening[eid]
            c["likely_twins" if same else "likely_others"] += x.likely
            c["strong_twins" if same else "strong_others"] += x.strong
            strong_here |= bool(x.strong and same)
        c["events_with_a_strong_twin"] += strong_here
    return c


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(counts(seed_events(Path(tmp))), indent=2))


if __name__ == "__main__":
    main()
