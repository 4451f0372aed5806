"""Ingest benchmark: a synthetic corpus of news-like articles in one JSONL, ingested end to end.

    python bench/ingest.py [--articles 20000] [--words 125] [--jobs N] [--keep DIR]

Writes the corpus (composed here from our own sentence templates: actors, countries, capitals, leaders,
absolute and relative dates, filler) into a temporary folder, ingests it into a fresh database with
events, countries and full-text search, and prints one JSON object: sizes, seconds, rates. Never asserts
times. Besides wall time it reports the CPU seconds of the parent (reading, writing the database) and of
the workers (tagging), which say where the time goes whatever else runs on the machine. A second run on
the same database measures the resume path (everything skipped).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ACTORS = [
    ("Ukraine", "Ukrainian", "Kyiv", "Volodymyr Zelensky"), ("Russia", "Russian", "Moscow", "Vladimir Putin"),
    ("France", "French", "Paris", "Emmanuel Macron"), ("Germany", "German", "Berlin", "Olaf Scholz"),
    ("Poland", "Polish", "Warsaw", "Donald Tusk"), ("the United States", "American", "Washington", "Joe Biden"),
    ("Britain", "British", "London", "Keir Starmer"), ("Turkey", "Turkish", "Ankara", "Recep Tayyip Erdogan"),
    ("Hungary", "Hungarian", "Budapest", "Viktor Orban"), ("Israel", "Israeli", "Jerusalem", "Benjamin Netanyahu"),
    ("Iran", "Iranian", "Tehran", "Masoud Pezeshkian"), ("China", "Chinese", "Beijing", "Xi Jinping"),
    ("Japan", "Japanese", "Tokyo", "Shigeru Ishiba"), ("India", "Indian", "New Delhi", "Narendra Modi"),
    ("Belarus", "Belarusian", "Minsk", "Alexander Lukashenko"), ("Georgia", "Georgian", "Tbilisi", "Irakli Kobakhidze"),
]
VERBS = ["said", "announced", "warned", "confirmed", "denied", "claimed", "insisted"]
DEEDS = [
    "resumed talks with {other}", "sent air defence systems to {other}", "imposed new sanctions on {other}",
    "closed its border with {other}", "summoned the {oadj} ambassador", "launched drones at targets in {other}",
    "signed a grain deal with {other}", "expelled two {oadj} diplomats", "hosted a summit with {other}",
    "recalled its envoy from {ocap}", "pledged new aid to {other}", "accused {other} of shelling civilians",
]
RELATIVE = ["last weekend", "on Monday", "on Tuesday", "last week", "this summer", "last September",
            "earlier this month", "on Friday", "yesterday", "last year", "in the spring", "this morning"]
FILLER = [
    "The ministry gave no further details.", "Analysts were divided over what the move would change.",
    "Officials did not say how many people were affected.", "The statement was read out on state television.",
    "It was not possible to verify the claims independently.", "Markets barely moved after the announcement.",
    "Residents described long queues at checkpoints and petrol stations.",
    "Diplomats said the negotiations would be difficult and could take months.",
    "The opposition called for an inquiry into the decision.", "Prices for bread and fuel rose again.",
    "{adj} lawmakers are expected to debate the proposal before it goes to a vote.",
    "Aid groups warned that supplies of medicine were running low in the region.",
    "The government in {cap} has repeatedly rejected such accusations.",
    "Satellite images published by a private company showed damage to several buildings.",
    "Thousands of people have left the area, according to local authorities.",
    "A spokesman for the army declined to comment on troop movements.",
    "Energy companies said repairs to the damaged lines could take several weeks.",
    "The central bank kept interest rates unchanged, citing uncertainty.",
    "Critics said the plan lacked detail and funding.",
    "Several schools and hospitals remained closed as a precaution.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def compose(rng: random.Random, words: int, published: date) -> str:
    out: list[str] = []
    a = rng.choice(ACTORS)
    out.append(f"{a[2].upper()}, {MONTHS[published.month - 1][:3]} {published.day} - ")
    n = 0
    while n < words:
        a, b = rng.sample(ACTORS, 2)
        kind = rng.random()
        deed = rng.choice(DEEDS).format(other=b[0], oadj=b[1], ocap=b[2])
        if kind < 0.2:
            s = f"{a[3]} {rng.choice(VERBS)} {rng.choice(RELATIVE)} that {a[0]} {deed}."
        elif kind < 0.35:
            d = published - timedelta(days=rng.randrange(1, 900))
            s = f"On {MONTHS[d.month - 1]} {d.day}, {d.year}, {a[1]} officials in {a[2]} said the country {deed}."
        elif kind < 0.45:
            s = f"{a[0][0].upper() + a[0][1:]} {deed} {rng.choice(RELATIVE)}, the {b[1]} foreign ministry said."
        else:
            s = rng.choice(FILLER).format(adj=a[1], cap=a[2])
        out.append(s + (" " if rng.random() < 0.8 else "\n"))
        n += len(s.split())
    return "".join(out).strip()


def make_corpus(path: Path, articles: int, words: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    total_words = 0
    start = date(2023, 1, 1)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(articles):
            published = start + timedelta(days=rng.randrange(0, 700))
            text = compose(rng, words, published)
            total_words += len(text.split())
            rec = {"id": f"bench-{i:06d}", "text": text, "title": f"Bench article {i}",
                   "url": f"https://example.org/bench/{i}", "source": "bench"}
            if rng.random() < 0.9:
                rec["published"] = published.isoformat()
            f.write(json.dumps(rec) + "\n")
    return total_words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--words", type=int, default=125, help="words per article (about)")
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--keep", help="write corpus and database here instead of a temporary folder")
    ap.add_argument("--no-merge", action="store_true",
                    help="diagnosis: turn off the store's merging of same-happening reports across articles")
    args = ap.parse_args()

    from viewer.ingest import ingest_paths
    from viewer.store import Store
    if args.no_merge:
        import viewer.store
        viewer.store.MERGE_REPORTS = False

    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ct-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    corpus, db = tmp / "corpus.jsonl", tmp / "bench.db"
    if db.exists():
        db.unlink()
    t0 = time.perf_counter()
    words = make_corpus(corpus, args.articles, args.words)
    t_gen = time.perf_counter() - t0

    import resource
    r0s, r0c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    s = ingest_paths([str(corpus)], str(db), jobs=args.jobs)
    t_ingest = time.perf_counter() - t0
    r1s, r1c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    parent_cpu = (r1s.ru_utime + r1s.ru_stime) - (r0s.ru_utime + r0s.ru_stime)
    workers_cpu = (r1c.ru_utime + r1c.ru_stime) - (r0c.ru_utime + r0c.ru_stime)
    t0 = time.perf_counter()
    s2 = ingest_paths([str(corpus)], str(db), jobs=args.jobs)
    t_resume = time.perf_counter() - t0

    store = Store.open(str(db))
    try:
        events = store.count_events()
        t0 = time.perf_counter()
        from viewer.store import ViewFilter
        hits = sum(1 for _ in store.events(ViewFilter(search="talks Moscow"), limit=100000))
        t_search = time.perf_counter() - t0
    except Exception:  # an older store without filters: still report the rest
        hits, t_search = None, None
    finally:
        store.close()

    print(json.dumps({
        "articles": args.articles, "words": words, "merge": not args.no_merge, "jobs": args.jobs or os.cpu_count(),
        "generate_s": round(t_gen, 2), "ingest_s": round(t_ingest, 2),
        "articles_per_s": round(s.articles_added / t_ingest, 1), "words_per_s": round(words / t_ingest),
        "articles_added": s.articles_added, "events_added": s.events_added, "events_in_db": events,
        "errors": len(s.errors), "parent_cpu_s": round(parent_cpu, 1), "workers_cpu_s": round(workers_cpu, 1),
        "load_avg_1m": round(os.getloadavg()[0], 2), "resume_s": round(t_resume, 2), "resume_skipped": s2.articles_skipped,
        "fts_search_hits": hits, "fts_search_s": None if t_search is None else round(t_search, 3),
        "db_mb": round(db.stat().st_size / 1e6, 1), "dir": str(tmp) if args.keep else None,
    }))
    if not args.keep:
        for p in (corpus, db):
            p.unlink(missing_ok=True)
        for extra in tmp.iterdir():
            extra.unlink()
        tmp.rmdir()


if __name__ == "__main__":
    main()
