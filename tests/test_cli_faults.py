"""Faults at the command line: the program exits 1 with the file and the reason on stderr, never a
traceback, and nothing already stored is lost. (The store's side of each fault: tests/test_reliability.py.)
"""
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.store import SCHEMA_VERSION, Store

sys.path.insert(0, str(Path(__file__).parent))
from test_reliability import _article, _content, _corrupt  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "On Monday, November 18, Russia launched missiles at Kyiv, Ukrainian officials said.\n"


def cli(*args, prefix=(), preexec=None, env=None):
    proc = subprocess.run([*prefix, sys.executable, "-m", "viewer", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, preexec_fn=preexec,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})})
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def _stored(path, n=5):
    store = Store.open(path)
    store.add_articles([_article(k) for k in range(n)])
    store.close()
    return _content(path)


def _expect_refusal(proc, path, words):
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    assert str(path) in proc.stderr and words in proc.stderr, proc.stderr


@pytest.mark.parametrize("command", ["ingest", "events", "articles", "export"])
def test_file_that_is_not_sqlite(tmp_path, inputs, command):
    path = tmp_path / "notes.db"
    path.write_bytes(b"my notes, not a database\n" * 100)
    before = path.read_bytes()
    args = {"ingest": ["ingest", inputs, "--db", path], "events": ["events", "--db", path, "--json"],
            "articles": ["articles", "--db", path, "--json"],
            "export": ["export", "--db", path, "--format", "json", "--out", tmp_path / "out.json"]}[command]
    _expect_refusal(cli(*args), path, "not a SQLite database")
    assert path.read_bytes() == before


@pytest.mark.parametrize("command", ["ingest", "events"])
def test_corrupt_database(tmp_path, inputs, command):
    path = tmp_path / "bad.db"
    before = _corrupt(path)
    args = ["ingest", inputs, "--db", path] if command == "ingest" else ["events", "--db", path]
    _expect_refusal(cli(*args), path, "damaged")
    assert path.read_bytes() == before


def test_newer_and_foreign_databases(tmp_path, inputs):
    newer = tmp_path / "newer.db"
    _stored(newer)
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE accounts (name TEXT, balance REAL)")
    conn.commit()
    conn.close()
    for path, words in ((newer, "newer version"), (foreign, "not one of Conflict Timeline's")):
        before = path.read_bytes()
        _expect_refusal(cli("ingest", inputs, "--db", path), path, words)
        _expect_refusal(cli("events", "--db", path), path, words)
        assert path.read_bytes() == before


def test_read_only_database(tmp_path, inputs):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "t.db"
    before = _stored(path)
    prefix = ()
    if os.geteuid() == 0:      # root ignores permissions unless it gives up CAP_DAC_OVERRIDE
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv")
        prefix = ("setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--")
    for p in folder.iterdir():
        p.chmod(0o444)
    folder.chmod(0o555)
    try:
        refused = cli("ingest", inputs, "--db", path, prefix=prefix)
        listed = cli("events", "--db", path, "--json", prefix=prefix)
    finally:
        folder.chmod(0o755)
        for p in folder.iterdir():
            p.chmod(0o644)
    _expect_refusal(refused, path, "read-only")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 15   # still readable
    assert _content(path) == before


def test_database_locked_by_another_program(tmp_path, inputs):
    path = tmp_path / "t.db"
    before = _stored(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")          # another program in the middle of writing
    try:
        env = {"CONFLICT_TIMELINE_BUSY_TIMEOUT": "0.3"}
        locked = cli("ingest", inputs, "--db", path, env=env)
        listed = cli("events", "--db", path, "--json", env=env)
    finally:
        other.execute("ROLLBACK")
        other.close()
    _expect_refusal(locked, path, "locked by another program")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 15   # reading goes on
    assert _content(path) == before
    assert cli("ingest", inputs, "--db", path).returncode == 0            # once it is done


def test_full_disk(tmp_path, inputs):
    """The file system refuses to let the files grow (RLIMIT_FSIZE: writes past the limit fail, as on
    a full disk; Python ignores the SIGXFSZ that would otherwise kill it)."""
    path = tmp_path / "t.db"
    before = _stored(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for n in range(40):
        (inputs / f"more{n}.txt").write_text(f"On Monday, November 18, envoy {n} met officials in "
                                             f"Kyiv, Ukrainian officials said. " * 20, encoding="utf-8")
    limit = path.stat().st_size + 8192

    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = cli("ingest", inputs, "--db", path, "--jobs", "1", preexec=small_disk)
    _expect_refusal(proc, path, "could not write to the disk")
    assert "may be full" in proc.stderr
    after = _content(path)
    assert set(before[0]) <= set(after[0]) and set(before[1]) <= set(after[1])
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_editing_a_read_only_database_says_so_and_changes_nothing(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "t.db"
    before = _stored(path)
    store = Store.open(path)
    event_id = next(store.events()).id
    article_id = next(store.articles())["id"]
    store.close()
    prefix = ()
    if os.geteuid() == 0:      # root ignores permissions unless it gives up CAP_DAC_OVERRIDE
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv")
        prefix = ("setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--")
    for p in folder.iterdir():
        p.chmod(0o444)
    folder.chmod(0o555)
    try:
        procs = [cli("edit", "--db", path, event_id, "--title", "x", "--star", prefix=prefix),
                 cli("edit", "--db", path, event_id, "--date", "2024-11-17", prefix=prefix),
                 cli("undo", "--db", path, prefix=prefix),
                 cli("redo", "--db", path, prefix=prefix),
                 cli("retag", "--db", path, prefix=prefix),
                 cli("set-published", "--db", path, article_id, "2024-11-17", prefix=prefix)]
        listed = cli("events", "--db", path, "--json", prefix=prefix)
    finally:
        folder.chmod(0o755)
        for p in folder.iterdir():
            p.chmod(0o644)
    for proc in procs:
        _expect_refusal(proc, path, "read-only")
        assert len(proc.stderr.strip().splitlines()) == 1          # said once, plainly
    assert listed.returncode == 0 and json.loads(listed.stdout.splitlines()[0])["review"] == "unreviewed"
    assert _content(path) == before


def test_edit_commands_on_a_database_that_does_not_exist(tmp_path):
    missing = tmp_path / "nowhere.db"
    for args in (["edit", "--db", missing, "1", "--star"], ["undo", "--db", missing], ["retag", "--db", missing],
                 ["set-published", "--db", missing, "abc", "2024-11-17"]):
        proc = cli(*args)
        assert proc.returncode == 1 and "no such database" in proc.stderr, args
    assert not missing.exists()
