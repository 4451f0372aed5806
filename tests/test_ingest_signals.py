"""Stopping a command-line ingest (issue 15): SIGTERM and Ctrl+C (SIGINT) stop it within 30 s with a
message and the shell's exit code, the database whole; running it again stores every article exactly once.
SIGKILL of the ingest leaves no worker process behind: the workers notice their parent is gone."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.proc_helpers import HAS_PROC, wait_gone, wait_workers

ROOT = Path(__file__).resolve().parent.parent
N = 1200
pytestmark = pytest.mark.skipif(not HAS_PROC, reason="watches processes through /proc")


def make_folder(tmp_path: Path, n: int = N) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    places = ["Kharkiv", "Odesa", "Lviv", "Dnipro", "Sumy", "Kherson", "Mykolaiv"]
    for i in range(n):
        day = date(2022, 1, 1) + timedelta(days=i % 700)
        text = (f"On {day:%d %B %Y}, Russian forces shelled {places[i % 7]} for the {i}th time, officials said. "
                f"Ukraine's army said on {day + timedelta(days=1):%B %d} that depot {i} had been hit. "
                f"Talks in Geneva on {day + timedelta(days=3):%d %B} between Kyiv and Moscow were put off.\n")
        (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def _ingest(folder: Path, db: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "viewer", "ingest", str(folder), "--db", str(db),
                             "--published", "2024-11-18", *extra],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "TQDM_DISABLE": "1"})


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _check_whole(db: Path) -> tuple[int, int]:
    """(articles, reports) after checking the file is sound and nothing is stored twice."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert conn.execute("SELECT count(DISTINCT source) FROM articles").fetchone()[0] == articles
        twice = conn.execute("SELECT article_id, sentence_start, time_start, count(*) FROM excerpts "
                             "GROUP BY 1, 2, 3 HAVING count(*) > 1").fetchall()
        assert twice == []
        reports = conn.execute("SELECT count(*) FROM excerpts").fetchone()[0]
        return articles, reports
    finally:
        conn.close()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_ingest_cleanly_and_a_rerun_completes_it(tmp_path, signum):
    folder = make_folder(tmp_path)
    db = tmp_path / "t.db"
    proc = _ingest(folder, db, "--jobs", "2")
    deadline = time.monotonic() + 120
    while _stored(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest ended before it could be stopped"
    busy = wait_workers(proc.pid, 5)
    t = time.monotonic()
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=30)                 # stops within 30 s
    seconds = time.monotonic() - t
    err = err.decode(errors="replace")
    assert proc.returncode in (130, 128 + signum), err    # the shell's code for an interrupted command
    assert "interrupted" in err or "stopped" in err, err
    assert "Traceback" not in err, err
    assert seconds < 30
    assert wait_gone(busy, 5) == []                       # its workers are gone too
    first, _ = _check_whole(db)
    assert 0 < first < N
    rerun = _ingest(folder, db, "--jobs", "2")
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    assert f"{N - first} articles added, {first} already stored" in err.decode()
    articles, reports = _check_whole(db)
    assert articles == N and reports >= 2 * N             # every article once, each with its events


def test_sigkill_of_the_ingest_leaves_no_worker_behind(tmp_path):
    folder = make_folder(tmp_path, 400)
    proc = _ingest(folder, tmp_path / "t.db", "--jobs", "2")
    busy = wait_workers(proc.pid, 60)
    assert busy, "no worker process was started"
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert wait_gone(busy, 5) == []                       # orphaned workers end within seconds
