"""Date warnings on the command line: `events --warnings` lists only the events with one, `--json` names
them, an edit of the date works them out again, and an older database read as it is lists none."""
import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = {"title": "Strikes on Kharkiv", "published": "2024-11-25", "language": "en",
           "text": "On Tuesday, 20 November 2024, Russian forces shelled Kharkiv. Ukraine said on Monday, "
                   "18 November 2024 that it struck an airfield in Russia."}


def run(*args, check=True):
    proc = subprocess.run([sys.executable, "-m", "viewer", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}: {proc.stderr}")
    return proc


def events(db, *more) -> list[dict]:
    return [json.loads(line) for line in run("events", "--db", str(db), "--json", *more).stdout.splitlines()]


@pytest.fixture
def db(tmp_path):
    source = tmp_path / "kharkiv.jsonl"
    source.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    path = tmp_path / "k.db"
    run("ingest", str(source), "--db", str(path))
    return path


def test_events_warnings_lists_the_event_whose_weekday_is_not_its_dates(db):
    every = {e["text"]: e for e in events(db)}
    assert every["Tuesday, 20 November 2024"]["warnings"] == ["weekday"]      # the 20th was a Wednesday
    assert every["Monday, 18 November 2024"]["warnings"] == []
    warned = events(db, "--warnings")
    assert [e["text"] for e in warned] == ["Tuesday, 20 November 2024"]
    plain = run("events", "--db", str(db), "--warnings").stdout.splitlines()
    assert len(plain) == 1 and plain[0].startswith("2024-11-20") and plain[0].endswith("[weekday]")
    assert events(db, "--warnings", "--country", "UA", "--to", "2024-11-19") == []


def test_export_carries_the_warnings(db, tmp_path):
    out = tmp_path / "out.csv"
    run("export", "--db", str(db), "--format", "csv", "--warnings", "--out", str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["time_text"], r["warnings"]) for r in rows] == [("Tuesday, 20 November 2024", "weekday")]


def test_a_date_set_by_hand_is_checked_again(db):
    (warned,) = events(db, "--warnings")
    run("edit", "--db", str(db), str(warned["id"]), "--date", "2024-11-19")     # a Tuesday
    assert events(db, "--warnings") == []
    run("undo", "--db", str(db))
    assert [e["id"] for e in events(db, "--warnings")] == [warned["id"]]


def test_an_older_database_read_as_it_is_has_no_warnings_to_list(db):
    conn = sqlite3.connect(db)
    conn.execute("DROP INDEX idx_events_checks_warned")
    conn.execute("ALTER TABLE events DROP COLUMN checks")
    conn.execute("DROP TABLE checks_state")
    conn.execute("DROP TABLE checks_pending")
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()
    proc = run("events", "--db", str(db), "--json", "--warnings")
    assert proc.stdout == "" and "schema 7" in proc.stderr
    assert [e["warnings"] for e in events(db)] == [[], []]
