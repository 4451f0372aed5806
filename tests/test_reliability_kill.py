"""Crash safety: SIGKILL a real ingest process at random moments. After every kill the database passes
PRAGMA integrity_check and holds only whole articles, each with every event a clean ingest gives it;
running the same ingest again completes the work with no duplicates.

The child process is this file run as a script: it stores a fixed, generated corpus through
Store.add_articles in small batches, the way viewer.ingest does, so the test does not depend on the
tagger. A second test drives the real command line (`python -m viewer ingest`) when it is available.
"""
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
N_ARTICLES = 600
BATCH = 4
COUNTRIES = ["UA", "RU", "FR", "DE", "PL", "US", "GB"]


def corpus(n: int = N_ARTICLES):
    """A fixed corpus: each article has 1-6 events; some articles report the same happening as an
    earlier one (same day, same countries, nearly the same sentence), so reports get merged."""
    from viewer.model import Article, Event, TimeExpression
    rng = random.Random(7)
    out = []
    for a in range(n):
        sentences, specs = [], []
        for k in range(rng.randint(1, 6)):
            if a > 10 and rng.random() < 0.2:
                src = rng.randrange(a)
                day = 1 + src % 28
                codes = [COUNTRIES[src % 7], COUNTRIES[(src + 3) % 7]]
                sent = (f"On October {day}, forces of {codes[0]} shelled the depot number {src} "
                        f"near the {codes[1]} border, officials said (report {a}.{k}).")
            else:
                day = rng.randint(1, 28)
                codes = rng.sample(COUNTRIES, rng.randint(0, 2))
                words = " ".join("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))
                                 for _ in range(5))
                sent = f"On October {day}, {' and '.join(codes) or 'the UN'} {words}."
            sentences.append(sent)
            specs.append((day, codes))
        text = " ".join(sentences)
        art = Article(text, title=f"Report {a}", source=f"gen/{a:04d}.txt", published="2024-11-18",
                      published_source="given")
        events, pos = [], 0
        for sent, (day, codes) in zip(sentences, specs):
            when = f"October {day}"
            t0 = pos + sent.index(when)
            iso = f"2024-10-{day:02d}"
            time_ = TimeExpression(t0, t0 + len(when), when, "DATE", iso, iso, iso, "day",
                                   "absolute date, year from the publication date", None, "2024-11-18")
            events.append(Event(art.id, pos, pos + len(sent), sent, time_, sent[:40], list(codes)))
            pos += len(sent) + 1
        out.append((art, events, sorted({c for _, cs in specs for c in cs})))
    return out


def child(db: str) -> None:
    """Ingest the corpus, skipping what is stored, in small atomic batches; as fast as it can."""
    from viewer.store import Store
    items = corpus()
    store = Store.open(db)
    todo = [item for item in items if not store.has_article(item[0].id)]
    print("writing", flush=True)               # the parent kills at random moments from here on
    for i in range(0, len(todo), BATCH):
        store.add_articles(todo[i:i + BATCH])
    store.close()


def _run_child(db: Path, kill_after: float | None):
    """Run the child; kill it `kill_after` seconds after it starts writing. Returns (finished, seconds
    spent writing)."""
    proc = subprocess.Popen([sys.executable, __file__, str(db)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    line = proc.stdout.readline()
    start = time.monotonic()
    if kill_after is None:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0 and line == b"writing\n", err.decode()
        return True, time.monotonic() - start
    try:
        proc.wait(kill_after)
        finished = True
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        finished = False
    _, err = proc.communicate(timeout=60)
    assert finished or proc.returncode == -signal.SIGKILL, err.decode()
    return finished, time.monotonic() - start


def _reports(db: Path) -> dict[str, list]:
    """For every stored article: its reports (every excerpt it contributed, merged or not).
    Opened read-write like the next run would, so SQLite can roll back a hot journal left by a kill."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "articles" not in tables:              # killed before the schema was committed
            assert tables == set(), tables
            return {}
        out = {a: [] for (a,) in conn.execute("SELECT id FROM articles")}
        if "excerpts" in tables:
            rows = conn.execute("SELECT article_id, sentence_start, sentence, earliest FROM excerpts")
        else:
            rows = conn.execute("SELECT article_id, sentence_start, sentence, earliest FROM events")
        for article_id, *rest in rows:
            out[article_id].append(tuple(rest))
        # the full-text index agrees with the table it indexes
        for table in ("events", "excerpts"):
            if table in tables:
                n = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                assert conn.execute(f"SELECT count(*) FROM {table}_fts WHERE {table}_fts MATCH 'october'"
                                    ).fetchone()[0] == n
        return {a: sorted(r) for a, r in out.items()}
    finally:
        conn.close()


def _events(db: Path) -> list:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return sorted(conn.execute("SELECT article_id, sentence, earliest, countries, reports FROM events"))
    finally:
        conn.close()


def test_sigkill_during_ingest_never_costs_data(tmp_path):
    clean = tmp_path / "clean.db"
    _, writing = _run_child(clean, None)
    expected = _reports(clean)
    assert len(expected) == N_ARTICLES

    victim = tmp_path / "victim.db"
    rng = random.Random()
    seed = rng.randrange(10**6)
    rng.seed(seed)
    kills, stored = 0, []
    for _ in range(6):
        # each run writes what the previous ones left: kill it somewhere in its share of the work
        finished, _ = _run_child(victim, rng.uniform(0, writing / 8))
        kills += not finished
        got = _reports(victim) if victim.exists() else {}
        stored.append(len(got))
        for article_id, reports in got.items():
            assert reports == expected[article_id], f"seed {seed}: article {article_id} incomplete"
        if finished:
            break
    assert stored == sorted(stored)               # kills never lose what earlier runs stored
    _run_child(victim, None)                      # running the same ingest again completes the work
    assert _reports(victim) == expected
    assert _events(victim) == _events(clean)      # same events, merged the same way, no duplicates
    assert any(reports > 1 for *_, reports in _events(clean))    # merging was exercised
    assert kills >= 1, "no kill landed before the ingest finished"


def test_sigkill_during_cli_ingest_never_costs_data(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for art, _, _ in corpus(700):      # two store batches (500 articles each)
        (folder / Path(art.source).name).write_text(art.text, encoding="utf-8")

    def ingest(db: Path, kill_after: float | None):
        proc = subprocess.Popen(
            [sys.executable, "-m", "viewer", "ingest", str(folder), "--db", str(db), "--jobs", "1",
             "--published", "2024-11-18"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        if kill_after is None:
            _, err = proc.communicate(timeout=300)
            assert proc.returncode in (0, 3), err.decode()
            return True
        try:
            proc.wait(kill_after)
            return True
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.communicate(timeout=60)
            return False

    clean = tmp_path / "clean.db"
    t = time.monotonic()
    ingest(clean, None)
    clean_seconds = time.monotonic() - t
    expected = _reports(clean)
    victim = tmp_path / "victim.db"
    rng = random.Random()
    for _ in range(3):
        finished = ingest(victim, rng.uniform(0.2, max(0.4, clean_seconds)))
        if victim.exists() and victim.stat().st_size:
            for article_id, reports in _reports(victim).items():
                assert reports == expected[article_id]
        if finished:
            break
    ingest(victim, None)
    assert _reports(victim) == expected
    assert _events(victim) == _events(clean)


def test_two_ingests_of_the_same_corpus_at_once_store_it_once(tmp_path):
    """Two programs ingesting into one database at the same time (the window and the command line):
    batches take turns, each article is stored once, and the result is what one ingest gives."""
    clean = tmp_path / "clean.db"
    _run_child(clean, None)
    shared = tmp_path / "shared.db"
    procs = [subprocess.Popen([sys.executable, __file__, str(shared)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(2)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    assert _reports(shared) == _reports(clean)
    assert _events(shared) == _events(clean)


def crash_in_migration(db: str, version: str) -> None:
    """Open `db`, dying (no cleanup, like SIGKILL) right after migration step `version` has done its
    work and before the transaction commits."""
    from viewer import store as store_module
    step = store_module.MIGRATIONS[int(version)]

    def dying(database):
        step(database)
        os._exit(9)

    store_module.MIGRATIONS[int(version)] = dying
    store_module.Store.open(db)


@pytest.mark.parametrize("new_file", [True, False])
def test_process_dying_mid_migration_leaves_the_old_version_whole(tmp_path, new_file):
    from viewer.store import SCHEMA_VERSION, Store, create_at_version
    db = tmp_path / "t.db"
    if not new_file:
        create_at_version(db, 1)
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA journal_mode = WAL")          # as the app leaves its files
        with conn:
            conn.execute("INSERT INTO articles (id, text) VALUES ('a', 'Talks in Kyiv on Monday.')")
        conn.close()
    last = SCHEMA_VERSION if new_file else 2
    proc = subprocess.run([sys.executable, __file__, str(db), "crash-in-migration", str(last)], cwd=ROOT,
                          capture_output=True, timeout=60)
    assert proc.returncode == 9, proc.stderr.decode()
    # look at a copy (SQLite rolls back what the dead process left as it opens the file), so that the
    # original meets Store.open exactly as the dead process left it
    copy = tmp_path / "copy"
    copy.mkdir()
    for f in tmp_path.glob("t.db*"):
        shutil.copy(f, copy / f.name)
    conn = sqlite3.connect(copy / "t.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    assert version == (0 if new_file else 1)
    store = Store.open(db)                                  # the next open does the work
    assert store.schema_version() == SCHEMA_VERSION
    assert len(list(store.articles())) == (0 if new_file else 1)
    store.close()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if len(sys.argv) > 2 and sys.argv[2] == "crash-in-migration":
        crash_in_migration(sys.argv[1], sys.argv[3])
    else:
        child(sys.argv[1])
