"""Readers -> events -> store: end to end on real files, resumable, and safe with bad input."""
import json
from pathlib import Path

import pytest

from viewer.ingest import _work as _REAL_WORK
from viewer.ingest import ingest_paths
from viewer.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
pytest.importorskip("viewer.timex")


def events_of(db):
    store = Store.open(db)
    try:
        return [e.to_json() for e in store.events()]
    finally:
        store.close()


def articles_of(db):
    store = Store.open(db)
    try:
        return list(store.articles())
    finally:
        store.close()


def test_seed_end_to_end_and_again_changes_nothing(tmp_path):
    db = str(tmp_path / "t.db")
    s = ingest_paths([str(SEEDS)], db, jobs=1)
    assert (s.articles_added, s.errors, s.stopped) == (1, [], False)
    before = events_of(db)
    assert s.events_added == len(before) > 4
    written = [e for e in before if e["dating"] == "written"]
    assert sorted(e["value"] for e in written) == sorted(["2024-11-18", "2024-SU", "2024-09", "2024-W46-WE"])
    # the headline: reported by the publication date, a band that ends on it, not a made-up day
    headline = next(e for e in before if e["sentence"].startswith("The United States has given Ukraine"))
    assert headline["dating"] == "reported" and headline["latest"] == "2024-11-18"
    assert headline["earliest"] < "2024-11-18" and headline["mod"] == "ON_OR_BEFORE"
    assert {"US", "UA", "RU"} <= set(headline["countries"])
    assert s.event_notes() == []
    (art,) = articles_of(db)
    assert art["published"] == "2024-11-18" and art["published_source"] == "inferred"
    s = ingest_paths([str(SEEDS)], db, jobs=1)
    assert (s.articles_added, s.articles_skipped, s.events_added) == (0, 1, 0)
    assert events_of(db) == before


def test_published_option_dates_files_without_a_date(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Russia launched drones at Kyiv on Tuesday, officials said.", encoding="utf-8")
    db = str(tmp_path / "t.db")
    ingest_paths([str(f)], db, jobs=1, published="2024-03-08")
    (art,) = articles_of(db)
    assert (art["published"], art["published_source"]) == ("2024-03-08", "given")
    (ev,) = events_of(db)
    assert ev["earliest"] == "2024-03-05"
    assert ev["countries"] == ["RU", "UA"]


def test_bad_inputs_are_reported_and_the_rest_ingested(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text("On March 3, 2022, Russian troops entered Kherson.", encoding="utf-8")
    (d / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (d / "empty.txt").write_bytes(b"")
    (d / "dump.jsonl").write_text(
        json.dumps({"id": "x1", "text": "On May 9, 2023, Moscow held a parade."}) + "\n{not json\n"
        + json.dumps({"title": "no text"}) + "\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    seen = []
    s = ingest_paths([str(d)], db, jobs=1, on_error=seen.append)
    assert s.articles_added == 2
    where = {(Path(e.source).name, e.line) for e in s.errors}
    assert {("picture.png", None), ("empty.txt", None), ("dump.jsonl", 2), ("dump.jsonl", 3)} == where
    assert seen == s.errors
    assert {a["id"] for a in articles_of(db)} >= {"x1"}


def test_stop_keeps_what_is_done_and_resume_finishes(tmp_path):
    f = tmp_path / "dump.jsonl"
    with open(f, "w", encoding="utf-8") as out:
        for i in range(30):
            out.write(json.dumps({"text": f"Report {i}: on March {i % 28 + 1}, 2022, Ukraine said Russia shelled Kharkiv."}) + "\n")
    db = str(tmp_path / "t.db")
    asked = []

    def should_stop():  # the GUI's cancel button, pressed after a while
        asked.append(1)
        return len(asked) > 10

    s = ingest_paths([str(f)], db, jobs=1, should_stop=should_stop)
    assert s.stopped and 0 < s.articles_added < 30
    first = s.articles_added
    s = ingest_paths([str(f)], db, jobs=1)
    assert not s.stopped
    assert (s.articles_skipped, s.articles_added) == (first, 30 - first)
    assert len(articles_of(db)) == 30


def test_progress_reports_reach_the_total(tmp_path):
    f = tmp_path / "dump.jsonl"
    f.write_text("".join(json.dumps({"text": f"Item {i}: Kyiv said on June {i + 1}, 2023 it was calm."}) + "\n"
                         for i in range(5)), encoding="utf-8")
    calls = []
    ingest_paths([str(f)], str(tmp_path / "t.db"), jobs=1, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (5, 5)


def test_parallel_workers_give_the_same_result_as_in_process(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for i in range(6):
        (d / f"a{i}.txt").write_text(f"Article {i}. On April {i + 1}, 2022, France sent aid to Ukraine.",
                                     encoding="utf-8")
    (d / "dump.jsonl").write_text("".join(
        json.dumps({"text": f"Dump {i}: on May {i % 28 + 1}, 2022, Poland hosted talks."}) + "\n" for i in range(70)),
        encoding="utf-8")
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    s1 = ingest_paths([str(d)], one, jobs=1)
    s2 = ingest_paths([str(d)], two, jobs=2)
    assert (s1.articles_added, s1.events_added) == (s2.articles_added, s2.events_added)
    assert s1.articles_added == 76 and s1.events_added > 0
    key = lambda e: (e["article_id"], e["value"])  # noqa: E731
    strip = lambda e: {k: v for k, v in e.items() if k != "id"}  # noqa: E731
    assert sorted(map(strip, events_of(one)), key=key) == sorted(map(strip, events_of(two)), key=key)


def _crash_on_poison(task):  # stands in for a reader that kills its process (a crash in a C library)
    import os as _os
    if task[0] == "files" and any("poison" in p for p in task[1]):
        _os._exit(1)
    return _REAL_WORK(task)


def test_a_worker_that_dies_costs_only_its_own_inputs(tmp_path, monkeypatch):
    import viewer.ingest as ingest
    d = tmp_path / "in"
    d.mkdir()
    for i in range(4):
        (d / f"a{i:02d}.txt").write_text(f"Article {i}. On April {i + 1}, 2022, France sent aid to Ukraine.",
                                         encoding="utf-8")
    (d / "poison.txt").write_text("Poison pill. On May 1, 2022, nothing happened in Chad.", encoding="utf-8")
    monkeypatch.setattr(ingest, "FILES_PER_TASK", 1)
    monkeypatch.setattr(ingest, "_work", _crash_on_poison)
    s = ingest_paths([str(d)], str(tmp_path / "t.db"), jobs=2)
    assert s.articles_added == 4
    assert [Path(e.source).name for e in s.errors] == ["poison.txt"]


def test_an_article_with_no_happening_is_named_in_the_summary(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "background.txt").write_text("These missiles are highly sophisticated. It is not a question of "
                                      "reversing the balance of power.", encoding="utf-8")
    (d / "news.txt").write_text("Russian forces shelled Kharkiv, the governor said.", encoding="utf-8")
    db = str(tmp_path / "t.db")
    s = ingest_paths([str(d)], db, jobs=1, published="2024-03-08")
    assert s.articles_added == 2 and s.events_added == 1
    notes = s.event_notes()
    assert len(notes) == 2 and notes[0].startswith("1 article stored with no event")
    assert "background.txt" in notes[1] and "news.txt" not in " ".join(notes)
    (ev,) = events_of(db)
    assert ev["dating"] == "reported" and ev["latest"] == "2024-03-08"
