"""`edit EVENT_ID --merge OTHER_ID` and `edit EVENT_ID --split REPORT` from the command line, with `undo`,
`redo` and `retag`, as a real subprocess."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_curation_merge import merge_db

ROOT = Path(__file__).resolve().parent.parent


def run(*args, check=True):
    proc = subprocess.run([sys.executable, "-m", "viewer", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}: {proc.stderr}")
    return proc


@pytest.fixture
def db(tmp_path):
    return str(merge_db(tmp_path)[0])


def events(db) -> dict[int, dict]:
    return {e["id"]: e for e in map(json.loads, run("events", "--db", db, "--json").stdout.splitlines())}


def _by_word(evs, word) -> dict:
    (hit,) = [e for e in evs.values() if word in e["sentence"]]
    return hit


def test_merge_and_split_from_the_command_line_with_undo_redo_and_retag(db):
    before = events(db)
    grid, drone = _by_word(before, "grid"), _by_word(before, "drone")
    assert grid["reports"] == 2 and drone["countries"] == ["RU"]

    out = run("edit", "--db", db, str(drone["id"]), "--merge", str(grid["id"])).stdout
    assert "merged" in out and "2024-11-17" in out
    merged = events(db)
    assert grid["id"] not in merged
    kept = merged[drone["id"]]
    assert (kept["earliest"], kept["countries"], kept["reports"], kept["review"]) == (
        "2024-11-17", ["RU", "UA"], 3, "corrected")
    assert "undone" in run("undo", "--db", db).stdout
    assert events(db) == before
    run("redo", "--db", db)
    assert events(db) == merged
    run("retag", "--db", db)
    assert events(db) == merged                      # ids and the merge kept
    run("undo", "--db", db)

    # the grid's second report is in the article of whichever of Talks and Poland is not its own
    second_article = ({_by_word(before, "Talks")["article_id"], _by_word(before, "Poland")["article_id"]}
                      - {grid["article_id"]}).pop()
    out = run("edit", "--db", db, str(grid["id"]), "--split", "2").stdout
    assert "split out as event" in out
    split = events(db)
    (new,) = set(split) - set(before)
    assert split[grid["id"]]["reports"] == 1 and split[new]["reports"] == 1
    assert split[new]["earliest"] == "2024-11-17" and split[new]["countries"] == ["RU", "UA"]
    run("retag", "--db", db)
    assert events(db) == split                       # the new event keeps its id
    run("undo", "--db", db)
    assert events(db) == before
    # a report named by its article's id: the same split
    run("edit", "--db", db, str(grid["id"]), "--split", second_article)
    assert events(db) == split

def test_bad_merges_and_splits_are_refused_and_change_nothing(db):
    before = events(db)
    grid = _by_word(before, "grid")
    for args in (["--merge", str(grid["id"])], ["--merge", "999"], ["--split", "1"], ["--split", "7"],
                 ["--split", "2", "--star"], ["--merge", "1", "--split", "2"]):
        proc = run("edit", "--db", db, str(grid["id"]), *args, check=False)
        assert proc.returncode != 0 and proc.stderr.strip(), args
    assert events(db) == before
    assert "nothing to undo" in run("undo", "--db", db).stdout
