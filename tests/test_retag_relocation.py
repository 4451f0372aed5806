"""A merge or split whose report a newer tagger no longer reads is listed, never made with another event
in the report's place (issue 14): `retag` looks a moved report up by its sentence, but never takes a
report that another edit, merge or split names, nor another report of a sentence that gave several.
Redo after a retag finds the reports first, or refuses; set-published says what it could not make."""
import json
import sqlite3

import pytest

from tests.test_curation_merge import opened
from tests.test_retag import _newer_tagger
from viewer import cli
from viewer import retag as retag_module
from viewer.ingest import ingest_paths
from viewer.retag import retag, set_published
from viewer.store import StoreInputError, curation

ARTICLES = {
    "a.txt": "Shelling hit Kharkiv, Ukraine, on 4 March 2024, and a drone struck Odesa, Ukraine, on 8 March 2024."
             "\n\nTalks between France and Germany resumed on 3 March 2024 in Paris.\n",
    "b.txt": "Poland closed its border crossing with Belarus on 2 October 2024.\n",
    "c.txt": "Artillery fire was reported in Kharkiv, Ukraine, on 4 March 2024, the governor said.\n",
}
TWO = "Shelling hit Kharkiv"          # the sentence that gives two reports


@pytest.fixture
def path(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    p = tmp_path / "r.db"
    assert ingest_paths([str(folder)], str(p), published="2024-11-20", jobs=1).articles_added == 3
    return p


def _ids(store) -> dict[str, int]:
    out = {}
    for e in store.events():
        out[e.time_text + (" artillery" if "Artillery" in e.sentence else "")] = e.id
    return out


def _reports(store, event_id) -> list[tuple[str, str]]:
    return [(x["sentence"][:20], x["time_text"]) for x in store.excerpts(event_id)]


def _drop(text: str):
    """A newer builder that no longer reads ``text`` in the sentence with two reports."""
    return lambda e: None if TWO in e.sentence and e.time.text == text else e


def test_a_merged_report_no_longer_read_is_listed_not_replaced_by_the_other_report_of_its_sentence(
        path, monkeypatch):
    with opened(path) as store:
        ids = _ids(store)
        artillery, odesa = ids["4 March 2024 artillery"], ids["8 March 2024"]
        curation.merge(store, artillery, ids["4 March 2024"])       # the two Kharkiv reports: one happening
    with monkeypatch.context() as m:
        _newer_tagger(m, _drop("4 March 2024"))
        report = retag(str(path)).report
    (listed,) = report.unplaced
    assert [x["time_text"] for x in listed["missing"]] == ["4 March 2024"]
    with opened(path) as store:
        assert _reports(store, artillery) == [("Artillery fire was r", "4 March 2024")]   # the Odesa drone
        assert _reports(store, odesa) == [(TWO[:20], "8 March 2024")]                  # stays its own event
        assert curation.unplaced(store) == report.unplaced
        curation.undo(store)                       # undoing the merge changes no other event
        assert _reports(store, odesa) == [(TWO[:20], "8 March 2024")]
        assert _reports(store, artillery) == [("Artillery fire was r", "4 March 2024")]


def test_two_merges_are_never_made_with_one_report(path, monkeypatch):
    with opened(path) as store:
        ids = _ids(store)
        artillery, talks = ids["4 March 2024 artillery"], ids["3 March 2024"]
        curation.merge(store, artillery, ids["4 March 2024"])
        curation.merge(store, talks, ids["8 March 2024"])

    def newer(e):            # the sentence now gives one report: '4 March' gone, '8 March' read with 'on'
        if TWO in e.sentence and e.time.text == "4 March 2024":
            return None
        if TWO in e.sentence and e.time.text == "8 March 2024":
            e.time.text = "on 8 March 2024"
        return e

    with monkeypatch.context() as m:
        _newer_tagger(m, newer)
        report = retag(str(path)).report
    (listed,) = report.unplaced                     # the Kharkiv merge: its report is gone
    assert [x["time_text"] for x in listed["missing"]] == ["4 March 2024"]
    with opened(path) as store:
        assert _reports(store, artillery) == [("Artillery fire was r", "4 March 2024")]
        assert _reports(store, talks) == [("Talks between France", "3 March 2024"), (TWO[:20], "on 8 March 2024")]
    conn = sqlite3.connect(path)
    named = [json.loads(n)["reports"] for (n,) in conn.execute("SELECT new FROM edits WHERE field = 'merged'")]
    conn.close()
    assert named[0] != named[1]


def test_a_report_two_merges_name_is_listed(path):
    """What an older version could leave after a retag: both merges naming one report."""
    with opened(path) as store:
        ids = _ids(store)
        curation.merge(store, ids["4 March 2024 artillery"], ids["4 March 2024"])
        curation.merge(store, ids["3 March 2024"], ids["8 March 2024"])
        assert curation.unplaced(store) == []
    conn = sqlite3.connect(path)
    with conn:
        (first, a), (second, b) = conn.execute("SELECT id, new FROM edits WHERE field = 'merged' ORDER BY id")
        spec = json.loads(b)
        spec["reports"] = json.loads(a)["reports"]
        conn.execute("UPDATE edits SET new = ? WHERE id = ?", [json.dumps(spec), second])
    conn.close()
    with opened(path) as store:
        listed = curation.unplaced(store)
    assert [u["field"] for u in listed] == ["merged", "merged"]
    assert all(u["missing"][0]["key"] == json.loads(a)["reports"][0] for u in listed)


def test_a_chain_of_merges_and_a_split_then_merge_again_is_not_listed(path):
    with opened(path) as store:
        ids = _ids(store)
        artillery, kharkiv, talks = ids["4 March 2024 artillery"], ids["4 March 2024"], ids["3 March 2024"]
        curation.merge(store, artillery, kharkiv)
        curation.merge(store, talks, artillery)          # the whole merged event into another
        moved = [x["id"] for x in store.excerpts(talks) if x["sentence"].startswith(TWO)][0]
        curation.split(store, talks, moved)
        apart = [e.id for e in store.events() if e.sentence.startswith(TWO) and e.time_text == "4 March 2024"][0]
        curation.merge(store, ids["2 October 2024"], apart)
        assert curation.unplaced(store) == []


def test_redo_after_a_retag_finds_the_moved_report_first(path, monkeypatch):
    with opened(path) as store:
        ids = _ids(store)
        talks, poland = ids["3 March 2024"], ids["2 October 2024"]
        curation.merge(store, talks, poland)
        curation.undo(store)

    def longer(e):                     # a newer splitter: the Poland sentence ends later
        if "Poland closed" in e.sentence:
            e.sentence += " Trucks queued for days."
        return e

    with monkeypatch.context() as m:
        _newer_tagger(m, longer)
        retag(str(path))
    with opened(path) as store:
        step = curation.redo(store)
        assert [c.field for c in step["changes"]][0] == "merged"
        assert curation.unplaced(store) == []
        assert [s for s, _ in _reports(store, talks)] == ["Talks between France", "Poland closed its bo"]
        assert store.event(poland) is None
        assert curation.annotation(store, talks)["review"] == "corrected"


def test_redo_refuses_a_merge_whose_report_is_gone_and_changes_nothing(path, monkeypatch):
    with opened(path) as store:
        ids = _ids(store)
        artillery = ids["4 March 2024 artillery"]
        curation.edit(store, ids["4 March 2024"], curation.Edit(starred=True))
        curation.merge(store, artillery, ids["4 March 2024"])
        curation.undo(store)
    with monkeypatch.context() as m:
        _newer_tagger(m, _drop("4 March 2024"))
        retag(str(path))
    with opened(path) as store:
        before = [(e.id, _reports(store, e.id), curation.annotation(store, e.id)) for e in store.events()]
        with pytest.raises(StoreInputError, match="cannot be redone.*4 March 2024.*nothing was changed"):
            curation.redo(store)
        assert [(e.id, _reports(store, e.id), curation.annotation(store, e.id)) for e in store.events()] == before
        assert curation.next_redo(store) is not None          # still there to redo when it is found again


def test_set_published_that_tags_everything_again_lists_what_it_could_not_make(path, monkeypatch, capsys):
    with opened(path) as store:
        ids = _ids(store)
        curation.merge(store, ids["4 March 2024 artillery"], ids["4 March 2024"])
        poland = store.event(ids["2 October 2024"]).article_id
    real = retag_module.article_events_noted

    def newer(article, today=None):     # the Kharkiv report no longer read; Poland's event goes with the date
        article, events, countries, notes = real(article, today=today)
        events = [e for e in events if not (TWO in e.sentence and e.time.text == "4 March 2024")]
        if article.published == "2024-11-25":
            events = [e for e in events if "Poland" not in e.sentence]
        return article, events, countries, notes

    monkeypatch.setattr(retag_module, "article_events_noted", newer)
    assert cli.main(["set-published", "--db", str(path), poland, "2024-11-25"]) == 0
    out = capsys.readouterr().out
    assert "every article was tagged again" in out
    (line,) = [x for x in out.splitlines() if "not made again" in x]
    assert "merged" in line and "4 March 2024" in line and TWO in line
    result = set_published(str(path), poland, "2024-11-20")
    assert result.retagged and [u["field"] for u in result.unplaced] == ["merged"]
