"""The command line and the saved views: `views` lists them, `events --view NAME` and `export --view NAME`
give what a view's filters keep (other filters given narrow it), an unknown name is an error naming those
saved."""
from __future__ import annotations

import json

import pytest

from viewer.cli import main
from viewer.ingest import ingest_paths
from viewer.model import ViewFilter
from viewer.store import Store, curation, views

TEXT = ("Russian forces shelled Kharkiv on 1 March 2024, the regional governor said.\n"
        "Ukrainian drones hit a refinery in Ryazan on 3 March 2024, officials said.\n"
        "Poland closed a border crossing on 4 March 2024.\n")


@pytest.fixture
def db(tmp_path):
    f = tmp_path / "news.txt"
    f.write_text(TEXT, encoding="utf-8")
    path = tmp_path / "v.db"
    ingest_paths([str(f)], str(path), jobs=1, published="2024-03-05")
    store = Store.open(path)
    try:
        ids = {e.sentence.split()[0]: e.id for e in store.events()}
        curation.edit(store, ids["Ukrainian"], curation.Edit(review="rejected"), user="t")
        curation.edit(store, ids["Poland"], curation.Edit(starred=True), user="t")
        views.save_view(store, "Starred", ViewFilter(starred=True), (1.7093e9, 1.7096e9), ids["Poland"])
        views.save_view(store, "Rejected too", ViewFilter(show_rejected=True))
    finally:
        store.close()
    return path, ids


def _events(capsys, *args) -> set[int]:
    assert main(["events", *args, "--json"]) == 0
    return {json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()}


def test_views_lists_the_saved_views(db, capsys):
    path, ids = db
    assert main(["views", "--db", str(path), "--json"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [v["name"] for v in listed] == ["Rejected too", "Starred"]
    starred = listed[1]
    assert starred["filter"] == {"starred": True} and starred["selected"] == ids["Poland"]
    assert starred["range"] == ["2024-03-01", "2024-03-05"]
    assert main(["views", "--db", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("Starred\tstarred=True\t2024-03-01..")


def test_events_and_export_take_a_saved_views_filters(db, capsys, tmp_path):
    path, ids = db
    everything = set(ids.values())
    assert _events(capsys, "--db", str(path)) == everything - {ids["Ukrainian"]}
    assert _events(capsys, "--db", str(path), "--view", "starred") == {ids["Poland"]}
    assert _events(capsys, "--db", str(path), "--view", "Rejected too") == everything    # its rejected too
    assert _events(capsys, "--db", str(path), "--search", "drones") == set()            # rejected: left out
    assert _events(capsys, "--db", str(path), "--view", "Rejected too", "--search", "drones") == {ids["Ukrainian"]}
    out = tmp_path / "starred.json"
    assert main(["export", "--db", str(path), "--format", "json", "--out", str(out), "--view", "Starred"]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    rows = exported["events"] if isinstance(exported, dict) else exported
    assert [r["id"] for r in rows] == [ids["Poland"]]


def test_an_unknown_view_is_an_error_naming_the_saved_ones(db, capsys):
    path, _ = db
    assert main(["events", "--db", str(path), "--view", "nope"]) == 1
    err = capsys.readouterr().err
    assert "no saved view named “nope”" in err and "Rejected too, Starred" in err
