"""Events out as CSV, JSON and TimelineJS3, each linked to its source."""
import csv
import json

import pytest

from viewer.export import export
from viewer.model import Article, Event, TimeExpression
from viewer.store import Store


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "e.db")
    text = "Last September, Putin warned <b>NATO</b>. Germany resumed talks last weekend."
    art = Article(text, title="Missiles", url="https://example.org/a", published="2024-11-18")
    sent = "Last September, Putin warned <b>NATO</b>."
    t = TimeExpression(0, 14, "Last September", "DATE", "2024-09", "2024-09-01", "2024-09-30", "month",
                       "relative to 2024-11-18")
    dur = TimeExpression(0, 14, "three months", "DURATION", "P3M")
    s.add_articles([(art, [Event(art.id, 0, len(sent), sent, t, "Putin warns", ["RU", "NATO"]),
                           Event(art.id, 0, len(sent), sent, dur, "Undated", ["RU"])], ["RU"])])
    yield s
    s.close()


def test_csv_has_one_row_per_event_with_its_source(store, tmp_path):
    out = tmp_path / "e.csv"
    assert export(store, "csv", str(out)) == 2
    rows = list(csv.DictReader(out.open()))
    assert rows[0]["value"] == "2024-09" and rows[0]["countries"] == "RU NATO"
    assert rows[0]["url"] == "https://example.org/a"


def test_json_round_trips(store, tmp_path):
    out = tmp_path / "e.json"
    export(store, "json", str(out))
    data = json.loads(out.read_text())
    assert data[0]["earliest"] == "2024-09-01" and data[0]["article_title"] == "Missiles"


def test_timelinejs_escapes_the_excerpt_and_links_the_source(store, tmp_path):
    out = tmp_path / "t.json"
    assert export(store, "timelinejs", str(out)) == 1      # undated events have no place on it
    event = json.loads(out.read_text())["events"][0]
    assert event["start_date"] == {"year": "2024", "month": "9", "day": "1"}
    assert event["end_date"] == {"year": "2024", "month": "9", "day": "30"}
    assert "&lt;b&gt;NATO&lt;/b&gt;" in event["text"]["text"]
    assert 'href="https://example.org/a"' in event["text"]["text"]


def test_unknown_format_leaves_no_file(store, tmp_path):
    out = tmp_path / "x.out"
    with pytest.raises(ValueError):
        export(store, "xml", str(out))
    assert not out.exists() and list(tmp_path.glob(".export-*")) == []


def test_export_writes_only_what_the_filter_keeps(store, tmp_path):
    from viewer.model import ViewFilter
    out = tmp_path / "f.json"
    assert export(store, "json", str(out), ViewFilter(countries=frozenset({"NATO"}))) == 1
    (only,) = json.loads(out.read_text())
    assert only["title"] == "Putin warns" and "NATO" in only["countries"]
    assert export(store, "csv", str(out), ViewFilter(countries=frozenset({"FR"}))) == 0
    assert list(csv.DictReader(out.open())) == []          # a header and no rows
    assert export(store, "json", str(out), ViewFilter(date_from="2024-10-01")) == 0   # September ends before


def _annotate(store):
    """The analyst corrects the dated event, stars, tags and notes it; rejects another one."""
    from viewer.store import curation
    dated = next(e for e in store.events() if e.earliest)
    undated = next(e for e in store.events() if not e.earliest)
    curation.edit(store, dated.id, curation.Edit(
        date={"type": "DATE", "value": "2024-09-17", "earliest": "2024-09-17", "latest": "2024-09-17",
              "granularity": "day"},
        title="Putin warns NATO", starred=True, add_tags=["threats", "nuclear"], note="check the date"))
    return dated, undated


def test_every_format_carries_the_effective_values_and_the_annotations(store, tmp_path):
    dated, _ = _annotate(store)
    out = tmp_path / "a.csv"
    export(store, "csv", str(out))
    row = next(r for r in csv.DictReader(out.open()) if r["id"] == str(dated.id))
    assert (row["earliest"], row["title"], row["review"], row["starred"], row["tags"], row["note"]) == (
        "2024-09-17", "Putin warns NATO", "corrected", "yes", "threats; nuclear", "check the date")
    assert row["reasoning"] == "set by hand" and row["dating"] == "written"
    export(store, "json", str(out))
    rec = next(r for r in json.loads(out.read_text()) if r["id"] == dated.id)
    assert (rec["earliest"], rec["review"], rec["starred"], rec["tags"], rec["note"]) == (
        "2024-09-17", "corrected", True, ["threats", "nuclear"], "check the date")
    # the machine's original values, so the correction can be audited
    assert rec["machine"]["value"] == "2024-09" and rec["machine"]["earliest"] == "2024-09-01"
    assert rec["machine"]["title"] == "Putin warns"
    other = next(r for r in json.loads(out.read_text()) if r["id"] != dated.id)
    assert other["machine"] == {} and other["review"] == "unreviewed" and other["tags"] == []
    export(store, "timelinejs", str(out))
    (event,) = json.loads(out.read_text())["events"]
    assert event["start_date"] == {"year": "2024", "month": "9", "day": "17"} and "end_date" not in event
    assert "Putin warns NATO" in event["text"]["headline"] and "★" in event["text"]["headline"]
    assert "check the date" in event["text"]["text"] and "nuclear" in event["text"]["text"]


def test_rejected_events_are_left_out_unless_asked_for(store, tmp_path):
    from viewer.store import curation
    _, undated = _annotate(store)
    curation.edit(store, undated.id, curation.Edit(review="rejected", reason="a duration, not a happening"))
    out = tmp_path / "r.json"
    assert export(store, "json", str(out)) == 1
    assert export(store, "json", str(out), include_rejected=True) == 2
    rec = next(r for r in json.loads(out.read_text()) if r["id"] == undated.id)
    assert rec["review"] == "rejected" and rec["reason"] == "a duration, not a happening"
    # the analyst's filters come as a predicate on the id (viewer.store.curation.selected_ids)
    only = curation.selected_ids(store, tags=["NUCLEAR"])
    assert export(store, "csv", str(out), keep=lambda i: i in only) == 1


def test_every_format_gives_the_languages_of_all_the_reports_of_an_event(tmp_path):
    """A happening reported in English, in French and in an article of unknown language (merged into one
    event) exports `languages` ["en", "fr", "und"] beside `language` (its first report's); an event with
    one report has its article's alone."""
    from tests.test_language_filter_reports import three_reports_store
    s = three_reports_store(tmp_path / "three.db")
    try:
        ids = {e.sentence.split()[0]: e.id for e in s.events()}
        out = tmp_path / "e.json"
        export(s, "json", str(out))
        got = {r["id"]: (r["language"], r["languages"]) for r in json.loads(out.read_text())}
        assert got[ids["Ukrenergo"]] == ("en", ["en", "fr", "und"])
        assert got[ids["Le"]] == ("fr", ["fr"])
        out = tmp_path / "e.csv"
        export(s, "csv", str(out))
        rows = {int(r["id"]): r for r in csv.DictReader(out.open(encoding="utf-8"))}
        assert rows[ids["Ukrenergo"]]["languages"] == "en fr und"
        assert rows[ids["Le"]]["languages"] == "fr"
    finally:
        s.close()
    # `events --json` carries them too
    import subprocess
    import sys
    from pathlib import Path
    proc = subprocess.run([sys.executable, "-m", "viewer", "events", "--db", str(tmp_path / "three.db"), "--json"],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1], timeout=300)
    assert proc.returncode == 0, proc.stderr
    listed = {r["id"]: (r["language"], r["languages"]) for r in map(json.loads, proc.stdout.splitlines())}
    assert listed[ids["Ukrenergo"]] == ("en", ["en", "fr", "und"])
    assert listed[ids["Le"]] == ("fr", ["fr"])
