"""Crash safety of the analyst's edits: SIGKILL a real process that edits, undoes and redoes as fast as it
can, at random moments. After every kill the database passes PRAGMA integrity_check, every edit is whole
(all the fields it changed, or none), and every event says what its edits say (the latest one not undone
wins); edits made before the kill are all there.

The child process is this file run as a script."""
import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
N_EVENTS = 40


def make(db: str) -> None:
    from viewer.model import Article, Event, TimeExpression
    from viewer.store import Store
    items = []
    for a in range(N_EVENTS):
        day = 1 + a % 28
        sentence = f"On October {day}, forces shelled the depot number {a} near the border."
        when = f"October {day}"
        iso = f"2024-10-{day:02d}"
        art = Article(sentence, title=f"Report {a}", published="2024-11-18", published_source="given")
        t0 = sentence.index(when)
        ev = Event(art.id, 0, len(sentence), sentence,
                   TimeExpression(t0, t0 + len(when), when, "DATE", iso, iso, iso, "day", "absolute", None,
                                  "2024-11-18"), f"Depot {a} shelled", ["UA", "RU"])
        items.append((art, [ev], ["UA", "RU"]))
    store = Store.open(db)
    store.add_articles(items)
    store.close()


def child(db: str, seed: int) -> None:
    """Edit events (title, date, countries and a tag in one edit), undo and redo, as fast as it can."""
    from viewer.store import Store
    from viewer.store import curation
    rng = random.Random(seed)
    store = Store.open(db)
    ids = [e.id for e in store.events()]
    print("editing", flush=True)               # the parent kills at random moments from here on
    n = 0
    while True:
        n += 1
        r = rng.random()
        if r < 0.1:
            curation.undo(store)
        elif r < 0.15:
            curation.redo(store)
        else:
            day = rng.randint(1, 28)
            iso = f"2024-09-{day:02d}"
            curation.edit(store, rng.choice(ids), curation.Edit(
                title=f"title {seed}.{n}", add_tags=[f"t{n % 7}"], add_countries=[rng.choice(["PL", "DE"])],
                date={"type": "DATE", "value": iso, "earliest": iso, "latest": iso, "granularity": "day"}))


def _check(db: Path) -> int:
    """The invariants after a kill; returns the number of edits stored."""
    conn = sqlite3.connect(db)      # read-write, as the next run: a hot journal is rolled back
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        batches: dict[int, set] = {}
        for batch, name in conn.execute("SELECT batch, field FROM edits"):
            batches.setdefault(batch, set()).add(name)
        for fields in batches.values():           # each edit whole: all it changed, or nothing
            assert "title" in fields, fields    # the child's every edit changes the title
        for key, event_id in conn.execute("SELECT event_key, event_id FROM annotations"):
            title, t0, countries = conn.execute("SELECT title, t0, countries FROM events WHERE id = ?",
                                                [event_id]).fetchone()
            latest = conn.execute("SELECT new FROM edits WHERE event_key = ? AND field = 'title' AND undone = 0"
                                  " ORDER BY id DESC LIMIT 1", [key]).fetchone()
            machine = conn.execute("SELECT machine FROM annotations WHERE event_key = ?", [key]).fetchone()[0]
            want = json.loads(latest[0]) if latest else None
            review = conn.execute("SELECT new FROM edits WHERE event_key = ? AND field = 'review' AND undone = 0"
                                  " ORDER BY id DESC LIMIT 1", [key]).fetchone()
            assert conn.execute("SELECT review FROM annotations WHERE event_key = ?", [key]).fetchone()[0] == (
                json.loads(review[0]) if review else "unreviewed")
            if want is None:                      # every edit of it undone: the machine's title is back
                assert title.startswith("Depot ") and "title" not in json.loads(machine or "{}")
            else:
                assert title == want
            # the country index agrees with the event, with its interval
            rows = conn.execute("SELECT code, t0 FROM event_countries WHERE event_id = ?", [event_id]).fetchall()
            assert sorted(c for c, _ in rows) == sorted(countries.split(",")) and {t for _, t in rows} == {t0}
        n = conn.execute("SELECT count(*) FROM edits").fetchone()[0]
        return n
    finally:
        conn.close()


def test_sigkill_during_edits_loses_at_most_the_edit_in_flight(tmp_path):
    db = tmp_path / "k.db"
    make(str(db))
    rng = random.Random(11)
    kills, stored = 0, [0]
    for run in range(6):
        proc = subprocess.Popen([sys.executable, __file__, str(db), str(run)], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        line = proc.stdout.readline()
        assert line == b"editing\n", proc.stderr.read().decode()
        time.sleep(rng.uniform(0.2, 1.2))
        proc.send_signal(signal.SIGKILL)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == -signal.SIGKILL, err.decode()
        kills += 1
        stored.append(_check(db))
        assert stored[-1] >= stored[-2]           # nothing stored before is lost
    assert kills == 6 and stored[-1] > 0, stored
    print("edits stored after each kill:", stored)


if __name__ == "__main__":
    child(sys.argv[1], int(sys.argv[2]))
