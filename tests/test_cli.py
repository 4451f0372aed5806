"""The command line others rely on (GUIDE §3), run as a real subprocess."""
import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def run(*args, stdin=None, check=True):
    proc = subprocess.run([sys.executable, "-m", "viewer", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}: {proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "x.db"
    proc = run("ingest", str(SEEDS), "--db", str(db))
    assert "1 articles added" in proc.stderr
    return db


def test_seed_events_have_the_right_dates_and_countries(seed_db):
    events = [json.loads(line) for line in run("events", "--db", str(seed_db), "--json").stdout.splitlines()]
    by_value = {e["value"]: e for e in events}
    assert set(by_value) == {"2024-11-18", "2024-09", "2024-SU", "2024-W46-WE"}
    assert "FR" in by_value["2024-11-18"]["countries"]
    assert "RU" in by_value["2024-09"]["countries"]
    assert {"UA", "RU"} <= set(by_value["2024-SU"]["countries"])
    assert {"DE", "RU"} <= set(by_value["2024-W46-WE"]["countries"])
    # vague dates stay vague: a month is the whole month, a weekend both days
    assert (by_value["2024-09"]["earliest"], by_value["2024-09"]["latest"]) == ("2024-09-01", "2024-09-30")
    assert (by_value["2024-W46-WE"]["earliest"], by_value["2024-W46-WE"]["latest"]) == ("2024-11-16", "2024-11-17")
    assert by_value["2024-09"]["text"] == "Last September"


def test_ingesting_again_changes_nothing(seed_db):
    before = run("events", "--db", str(seed_db), "--json").stdout
    proc = run("ingest", str(SEEDS), "--db", str(seed_db))
    assert "0 articles added" in proc.stderr
    assert run("events", "--db", str(seed_db), "--json").stdout == before


def test_filters_on_the_command_line(seed_db):
    out = run("events", "--db", str(seed_db), "--json", "--country", "de").stdout.splitlines()
    assert [json.loads(line)["value"] for line in out] == ["2024-W46-WE"]
    out = run("events", "--db", str(seed_db), "--json", "--from", "2024-11-01").stdout.splitlines()
    assert {json.loads(line)["value"] for line in out} == {"2024-11-18", "2024-W46-WE"}


def test_articles_records_the_inferred_publication_date(seed_db):
    (line,) = run("articles", "--db", str(seed_db), "--json").stdout.splitlines()
    article = json.loads(line)
    assert article["published"] == "2024-11-18"
    assert article["published_source"] == "inferred"
    assert {"UA", "RU", "FR", "DE"} <= set(article["countries"])


def test_timex_on_stdin_gives_offsets_into_the_text():
    text = "Talks resumed last weekend, officials said on Monday, November 18."
    out = run("timex", "--dct", "2024-11-18", "-", stdin=text).stdout.splitlines()
    found = [json.loads(line) for line in out]
    values = {t["value"] for t in found}
    assert "2024-W46-WE" in values
    for t in found:
        assert text[t["start"]:t["end"]] == t["text"]


def test_timex_reads_a_reference_date_written_the_way_people_write_it():
    text = "Talks resumed last weekend."
    for written in ("2024-11-18", "18 November 2024", "November 18, 2024", "2024/11/18"):
        out = run("timex", "--dct", written, "-", stdin=text).stdout.splitlines()
        assert [json.loads(line)["value"] for line in out] == ["2024-W46-WE"], written
    bad = run("timex", "--dct", "soon", "-", stdin=text, check=False)
    assert bad.returncode == 2 and "not a date: 'soon'" in bad.stderr


def test_timex_batch_one_line_per_input():
    lines = "\n".join(json.dumps(x) for x in [
        {"id": "a", "text": "Last September, Putin warned.", "dct": "2024-11-18"},
        {"id": "b", "text": "Barrot spoke this Monday, November 18.", "dct": None},
    ])
    out = [json.loads(line) for line in run("timex", "--batch", stdin=lines).stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b"]
    assert out[0]["timexes"][0]["value"] == "2024-09"
    assert out[1]["dct"] == "2024-11-18" and out[1]["dct_source"] == "inferred"


def test_bad_inputs_are_named_and_skipped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "image.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "good.txt").write_text((SEEDS / "000_b35eeb280cb7d20a.txt").read_text())
    db = tmp_path / "y.db"
    proc = run("ingest", str(folder), "--db", str(db), check=False)
    assert proc.returncode == 3, proc.stderr
    assert "empty.txt" in proc.stderr and "image.txt" in proc.stderr
    # the good file is read whole: the same events as a database with it alone
    alone = tmp_path / "alone.db"
    run("ingest", str(folder / "good.txt"), "--db", str(alone))
    got = run("events", "--db", str(db), "--json").stdout.splitlines()
    assert got and len(got) == len(run("events", "--db", str(alone), "--json").stdout.splitlines())


def test_a_database_that_is_not_ours_is_refused_with_a_reason(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("my notes")
    proc = run("events", "--db", str(notes), "--json", check=False)
    assert proc.returncode == 1
    assert "not a SQLite database" in proc.stderr
    assert notes.read_text() == "my notes"


def test_usage_errors_exit_2():
    assert run("events", "--from", "yesterday", check=False).returncode == 2


def test_a_record_with_an_unreadable_date_is_read_and_noted_not_skipped(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": "a1", "text": "Ukraine said on Monday, November 18 that "
                                "talks had resumed last weekend.", "published": "someday"}) + "\n"
                    + "{not json\n")
    db = tmp_path / "z.db"
    proc = run("ingest", str(dump), "--db", str(db), check=False)
    assert "note: " in proc.stderr and "dump.jsonl:1" in proc.stderr
    assert "skipped " in proc.stderr and "dump.jsonl:2" in proc.stderr   # the broken line
    assert proc.returncode == 3
    assert "1 inputs skipped" in proc.stderr
    (article,) = [json.loads(x) for x in run("articles", "--db", str(db), "--json").stdout.splitlines()]
    assert article["published_source"] == "inferred"


def test_two_reports_of_one_happening_become_one_event_with_both_excerpts(tmp_path):
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "a.txt").write_text("KYIV, Nov. 20, 2024 — Russia launched a massive missile attack on "
                                  "Ukraine's energy grid on Sunday, November 17, officials said.\n")
    (folder / "b.txt").write_text("MOSCOW, Nov. 21, 2024 — Russia carried out a massive missile attack "
                                  "on Ukraine's energy grid on Sunday, November 17, the ministry said.\n")
    db = tmp_path / "w.db"
    proc = run("ingest", str(folder), "--db", str(db))
    assert "2 articles added" in proc.stderr and "+1 more reports" in proc.stderr
    (event,) = [json.loads(x) for x in run("events", "--db", str(db), "--json").stdout.splitlines()]
    assert event["value"] == "2024-11-17" and event["reports"] == 2


def test_export_takes_the_same_filters_as_events(seed_db, tmp_path):
    out = tmp_path / "de.json"
    proc = run("export", "--db", str(seed_db), "--format", "json", "--out", str(out), "--country", "de")
    rows = json.loads(out.read_text())
    assert [r["value"] for r in rows] == ["2024-W46-WE"] and all("DE" in r["countries"] for r in rows)
    assert "1 events written" in proc.stderr
    # each filter as `events` reads it: the same events come out
    for flags in (["--from", "2024-11-01"], ["--to", "2024-09-30"], ["--search", "Kursk"], ["--lang", "en"],
                  ["--lang", "fr"], ["--country", "RU", "--country", "FR"]):
        run("export", "--db", str(seed_db), "--format", "csv", "--out", str(out), *flags)
        exported = [row["id"] for row in csv.DictReader(out.open(encoding="utf-8"))]
        listed = [str(json.loads(line)["id"])
                  for line in run("events", "--db", str(seed_db), "--json", *flags).stdout.splitlines()]
        assert sorted(exported) == sorted(listed), flags
    run("export", "--db", str(seed_db), "--format", "csv", "--out", str(out), "--search", "Kursk")
    assert 0 < len(list(csv.DictReader(out.open(encoding="utf-8")))) < 4     # the search narrowed it
    assert run("export", "--db", str(seed_db), "--format", "csv", "--out", str(out), "--from", "soon",
               check=False).returncode == 2


WIRE = ("Russian forces shelled Kharkiv in Ukraine last Monday, Ukrainian officials said.\n\n"
        "Talks between France and Germany resumed on 3 March 2024 in Paris.\n\n"
        "Poland closed its border with Belarus yesterday, the Polish government said.\n")


@pytest.fixture
def wire_db(tmp_path):
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    db = tmp_path / "wire.db"
    run("ingest", str(tmp_path / "wire.txt"), "--db", str(db), "--published", "2024-11-18")
    return db


def events_json(db, *flags):
    return [json.loads(line) for line in run("events", "--db", str(db), "--json", *flags).stdout.splitlines()]


def by_text(db, *flags):
    return {e["text"]: e for e in events_json(db, *flags)}


def test_edit_from_the_command_line_and_undo_it(wire_db):
    db = str(wire_db)
    before = by_text(wire_db)
    target = before["last Monday"]
    assert (target["review"], target["tags"], target["starred"], target["note"]) == ("unreviewed", [], False, None)
    proc = run("edit", "--db", db, str(target["id"]), "--date", "2024-11-10", "--add-country", "RU",
               "--title", "Kharkiv shelled", "--star", "--tag", "shelling", "--note", "two sources")
    assert "2024-11-10" in proc.stdout and "corrected" in proc.stdout
    after = by_text(wire_db)["last Monday"]
    assert (after["id"], after["earliest"], after["title"], after["review"], after["tags"], after["starred"],
            after["note"]) == (target["id"], "2024-11-10", "Kharkiv shelled", "corrected", ["shelling"], True,
                               "two sources")
    assert "RU" in after["countries"] and after["reasoning"].startswith("set by hand")
    # one edit, one undo: everything it changed goes back
    proc = run("undo", "--db", db)
    assert "undone" in proc.stdout and str(target["id"]) in proc.stdout
    assert by_text(wire_db)["last Monday"] == target
    run("redo", "--db", db)
    assert by_text(wire_db)["last Monday"] == after
    assert "nothing to redo" in run("redo", "--db", db).stdout


def test_rejected_events_and_the_analysts_filters(wire_db, tmp_path):
    db = str(wire_db)
    events = by_text(wire_db)
    monday, march, yesterday = events["last Monday"], events["3 March 2024"], events["yesterday"]
    run("edit", "--db", db, str(monday["id"]), "--reject", "a claim, not a happening")
    run("edit", "--db", db, str(march["id"]), "--confirm", "--star", "--tag", "Talks")
    run("edit", "--db", db, str(yesterday["id"]), "--tag", "talks", "--tag", "borders")
    shown = {e["id"] for e in events_json(wire_db)}
    assert monday["id"] not in shown and {march["id"], yesterday["id"]} <= shown
    assert monday["id"] in {e["id"] for e in events_json(wire_db, "--all")}
    assert [e["id"] for e in events_json(wire_db, "--starred")] == [march["id"]]
    assert sorted(e["id"] for e in events_json(wire_db, "--tag", "TALKS")) == sorted([march["id"], yesterday["id"]])
    assert [e["id"] for e in events_json(wire_db, "--tag", "talks", "--tag", "borders")] == [yesterday["id"]]
    assert [e["id"] for e in events_json(wire_db, "--reviewed")] == [march["id"]]
    assert {e["review"] for e in events_json(wire_db, "--reviewed", "--all")} == {"confirmed", "rejected"}
    # export takes the same filters
    out = tmp_path / "x.csv"
    for flags in (["--starred"], ["--tag", "talks"], ["--reviewed"], ["--all"], []):
        run("export", "--db", db, "--format", "csv", "--out", str(out), *flags)
        exported = sorted(int(r["id"]) for r in csv.DictReader(out.open(encoding="utf-8")))
        assert exported == sorted(e["id"] for e in events_json(wire_db, *flags)), flags


def test_events_by_how_they_were_dated(wire_db):
    every = events_json(wire_db)
    for how in ("written", "context", "reported"):
        got = events_json(wire_db, "--dating", how)
        assert sorted(e["id"] for e in got) == sorted(e["id"] for e in every if e["dating"] == how)
    assert run("events", "--db", str(wire_db), "--dating", "guessed", check=False).returncode == 2


def test_a_date_that_cannot_be_read_is_refused_with_the_forms_accepted(wire_db):
    before = run("events", "--db", str(wire_db), "--json").stdout
    target = by_text(wire_db)["last Monday"]["id"]
    proc = run("edit", "--db", str(wire_db), str(target), "--date", "the other day", "--title", "x", check=False)
    assert proc.returncode == 2
    assert "the other day" in proc.stderr and "2024-11-17" in proc.stderr and "summer 2024" in proc.stderr
    assert run("events", "--db", str(wire_db), "--json").stdout == before
    proc = run("edit", "--db", str(wire_db), "999999", "--title", "x", check=False)
    assert proc.returncode == 1 and "no event 999999" in proc.stderr


def test_set_published_moves_relative_dates_and_says_by_how_much(wire_db):
    db = str(wire_db)
    (article,) = [json.loads(x) for x in run("articles", "--db", db, "--json").stdout.splitlines()]
    before = by_text(wire_db)
    run("edit", "--db", db, str(before["last Monday"]["id"]), "--date", "2024-11-10")
    proc = run("set-published", "--db", db, article["id"], "2024-11-17")
    assert "2024-11-18 -> 2024-11-17" in proc.stdout
    assert "1 day earlier" in proc.stdout and "set by hand" in proc.stdout
    after = by_text(wire_db)
    assert {t: e["id"] for t, e in after.items()} == {t: e["id"] for t, e in before.items()}
    assert after["yesterday"]["earliest"] != before["yesterday"]["earliest"]
    assert after["3 March 2024"]["earliest"] == before["3 March 2024"]["earliest"]
    assert after["last Monday"]["earliest"] == "2024-11-10"
    assert run("set-published", "--db", db, article["id"], "someday", check=False).returncode == 2
    assert run("set-published", "--db", db, "0000000000000000", "2024-11-17", check=False).returncode == 1


def test_retag_keeps_ids_and_edits(wire_db):
    db = str(wire_db)
    before = by_text(wire_db)
    run("edit", "--db", db, str(before["3 March 2024"]["id"]), "--title", "Paris talks", "--tag", "talks")
    proc = run("retag", "--db", db)
    assert "1 articles tagged again" in proc.stdout and "0 whose sentence is gone" in proc.stdout
    after = by_text(wire_db)
    assert {t: e["id"] for t, e in after.items()} == {t: e["id"] for t, e in before.items()}
    assert after["3 March 2024"]["title"] == "Paris talks" and after["3 March 2024"]["tags"] == ["talks"]


def test_edit_refuses_what_it_cannot_store_as_a_usage_error_and_changes_nothing(wire_db):
    db = str(wire_db)
    target = str(by_text(wire_db)["last Monday"]["id"])
    before = run("events", "--db", db, "--json").stdout
    for flags, words in ((["--tag", " "], "--tag: an empty tag"), (["--add-country", "U!"], "--add-country"),
                         (["--title", ""], "--title: an empty title"), ([], "nothing to change; give")):
        proc = run("edit", "--db", db, target, *flags, check=False)
        assert proc.returncode == 2 and words in proc.stderr, (flags, proc.stderr)
    assert run("events", "--db", db, "--json").stdout == before
    assert "nothing to undo" in run("undo", "--db", db).stdout
