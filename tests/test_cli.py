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
    assert len(run("events", "--db", str(db), "--json").stdout.splitlines()) == 4


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
