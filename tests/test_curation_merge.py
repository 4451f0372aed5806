"""Merging two events into one happening and splitting a report out of a merged event (issue 14): stored
as edits keyed by the reports' stable keys, so undo and redo restore exactly, and `retag` and ingesting
the same files again keep them, with the events' ids."""
from contextlib import contextmanager

import pytest

from viewer.ingest import ingest_paths
from viewer.model import ViewFilter
from viewer.retag import retag
from viewer.store import Store, StoreInputError
from viewer.store import curation

GRID = "Russian missiles struck the power grid in Kyiv, Ukraine, on 17 November 2024"
ARTICLES = {
    "a.txt": f"{GRID}, officials said.\n\nTalks between France and Germany resumed on 3 March 2024 in Paris.\n",
    "b.txt": f"{GRID}, the ministry said.\n\nPoland closed its border crossing with Belarus on 2 October 2024.\n",
    "c.txt": "A drone attack hit an oil depot in Bryansk, Russia, in November 2024, according to the governor.\n",
}


@contextmanager
def opened(path):
    store = Store.open(path)
    try:
        yield store
    finally:
        store.close()


def merge_db(tmp_path, name: str = "m.db"):
    """A database of the three ARTICLES (published 20 November 2024) in ``tmp_path``, and their folder."""
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for file, text in ARTICLES.items():
        (folder / file).write_text(text, encoding="utf-8")
    path = tmp_path / name
    assert ingest_paths([str(folder)], str(path), published="2024-11-20", jobs=1).articles_added == 3
    return path, folder


@pytest.fixture
def db(tmp_path):
    return merge_db(tmp_path)


def _ids(store) -> dict[str, int]:
    """Words of an event's sentence -> its id: grid (two reports), drone, talks, border."""
    out = {}
    for e in store.events():
        for word in ("grid", "drone", "Talks", "Poland"):
            if word in e.sentence:
                out[word] = e.id
    return out


def _picture(store) -> dict:
    """What the analyst sees of every event: its fields, its reports (article, sentence, date) in order,
    and its annotation."""
    out = {}
    for e in store.events():
        reports = [(x["article_id"], x["sentence"], x["earliest"], x["latest"]) for x in store.excerpts(e.id)]
        a = curation.annotation(store, e.id)
        out[e.id] = (e.title, e.earliest, e.latest, e.granularity, tuple(e.countries), e.reports, tuple(reports),
                     a["review"], a["starred"], tuple(a["tags"]))
    return out


def test_merge_takes_the_finer_date_and_every_country_and_undo_redo_and_retag_keep_it(db):
    path, folder = db
    with opened(path) as store:
        ids = _ids(store)
        drone, grid = ids["drone"], ids["grid"]
        curation.edit(store, grid, curation.Edit(starred=True, add_tags=["energy"]))   # the other's own edits
        before = _picture(store)
        assert before[grid][5] == 2 and before[drone][3] == "month"

        result = curation.merge(store, drone, grid)
        merged = _picture(store)
        assert grid not in merged
        kept = store.event(drone)
        assert (kept.earliest, kept.latest, kept.granularity) == ("2024-11-17", "2024-11-17", "day")  # finer
        assert kept.countries == ["RU", "UA"] and kept.reports == 3
        assert kept.title == before[drone][0]
        assert curation.annotation(store, drone)["review"] == "corrected"
        assert [c.field for c in result.changes][:1] == [curation.MERGED]
        assert curation.orphans(store) == []                 # the other's edits wait, not lost
        assert {e.id for e in store.events()} == set(before) - {grid}
        assert [e.id for e in store.events(ViewFilter(search="ministry grid"))] == [drone]   # its reports' words
        assert [e.id for e in store.events(ViewFilter(countries=frozenset({"UA"}), date_from="2024-11-17",
                                                      date_to="2024-11-17"))] == [drone]

        curation.undo(store)
        assert _picture(store) == before                     # the other back, with its id, star and tag
        curation.redo(store)
        assert _picture(store) == merged

    report = retag(str(path)).report                         # the machine makes them two again; the merge holds
    with opened(path) as store:
        assert _picture(store) == merged and report.orphans == []
        curation.undo(store)
        assert _picture(store) == before
        curation.redo(store)
    assert ingest_paths([str(folder)], str(path), published="2024-11-20", jobs=1).articles_added == 0
    with opened(path) as store:
        assert _picture(store) == merged


def test_split_makes_a_report_its_own_event_with_its_own_date_through_undo_redo_and_retag(db):
    path, folder = db
    with opened(path) as store:
        grid = _ids(store)["grid"]
        before = _picture(store)
        second = store.excerpts(grid)[1]
        result = curation.split(store, grid, second["id"])
        new_id = result.changes[0].new["id"]
        assert new_id not in before
        split_out = store.event(new_id)
        assert (split_out.article_id, split_out.sentence, split_out.earliest) == (
            second["article_id"], second["sentence"], second["earliest"])
        assert split_out.countries == second["countries"] and split_out.reports == 1
        assert store.event(grid).reports == 1
        assert [e.id for e in store.events(ViewFilter(search="ministry grid"))] == [new_id]    # searched
        assert [e.id for e in store.events(ViewFilter(search="officials grid"))] == [grid]
        after = _picture(store)

        curation.undo(store)
        assert _picture(store) == before
        curation.redo(store)
        assert _picture(store) == after                      # under the same id
        curation.edit(store, new_id, curation.Edit(starred=True))
        after = _picture(store)

    report = retag(str(path)).report                         # the machine merges them again; the split holds
    with opened(path) as store:
        assert _picture(store) == after and report.orphans == []
    assert ingest_paths([str(folder)], str(path), published="2024-11-20", jobs=1).articles_added == 0
    with opened(path) as store:
        assert _picture(store) == after
        curation.undo(store)                                  # the star
        curation.undo(store)                                  # the split
        assert _picture(store) == before


def test_a_split_event_merged_back_and_both_undone(db):
    path, _ = db
    with opened(path) as store:
        ids = _ids(store)
        before = _picture(store)
        new_id = curation.split(store, ids["grid"], store.excerpts(ids["grid"])[1]["id"]).changes[0].new["id"]
        curation.merge(store, ids["grid"], new_id)
        assert store.event(new_id) is None and store.event(ids["grid"]).reports == 2
        curation.merge(store, ids["grid"], ids["drone"])
        assert store.event(ids["grid"]).reports == 3
        for _ in range(3):
            curation.undo(store)
        assert _picture(store) == before


def test_bad_merges_and_splits_change_nothing(db):
    path, _ = db
    with opened(path) as store:
        ids = _ids(store)
        before = _picture(store)
        own = store.excerpts(ids["grid"])[0]["id"]
        other = store.excerpts(ids["drone"])[0]["id"]
        with pytest.raises(StoreInputError, match="itself"):
            curation.merge(store, ids["grid"], ids["grid"])
        with pytest.raises(StoreInputError, match="no event"):
            curation.merge(store, ids["grid"], 999)
        with pytest.raises(StoreInputError, match="own report"):
            curation.split(store, ids["grid"], own)
        with pytest.raises(StoreInputError, match="no report"):
            curation.split(store, ids["grid"], other)
        assert _picture(store) == before and curation.next_undo(store) is None


def _whole(store) -> None:
    """Every event is its own report's sentence and date, and counts its reports."""
    for e in store.events():
        reports = store.excerpts(e.id)
        assert e.reports == len(reports) > 0
        own = reports[0]
        assert (own["article_id"], own["sentence"], own["earliest"]) == (e.article_id, e.sentence, e.earliest)


def test_a_report_arriving_after_a_split_and_the_split_undone(db, tmp_path):
    path, folder = db
    with opened(path) as store:
        grid = _ids(store)["grid"]
        curation.split(store, grid, store.excerpts(grid)[1]["id"])
    late = tmp_path / "late"
    late.mkdir()
    (late / "d.txt").write_text(f"{GRID}, a witness said.\n", encoding="utf-8")
    ingest_paths([str(late)], str(path), published="2024-11-20", jobs=1)
    with opened(path) as store:
        _whole(store)
        grid_reports = sum(e.reports for e in store.events() if "grid" in e.sentence)
        assert grid_reports == 3
        curation.undo(store)
        _whole(store)
        assert sum(e.reports for e in store.events() if "grid" in e.sentence) == 3
        assert store.event(grid).reports >= 2


def test_a_merge_the_machine_makes_itself_after_a_retag_keeps_the_kept_event(tmp_path, monkeypatch):
    import viewer.store as store_module
    with monkeypatch.context() as m:
        m.setattr(store_module, "MERGE_REPORTS", False)       # the two grid reports stored as two events
        path, _ = merge_db(tmp_path, "apart.db")
    with opened(path) as store:
        first, later = sorted(e.id for e in store.events() if "grid" in e.sentence)
        curation.edit(store, first, curation.Edit(add_tags=["grid"]))
        curation.merge(store, later, first)           # kept: the later article's, the other's report first
        merged = _picture(store)
        assert merged[later][5] == 2 and first not in merged
    retag(str(path))                                  # the machine now makes them one, the earlier report first
    with opened(path) as store:
        _whole(store)
        assert _picture(store) == merged
        curation.undo(store)
        _whole(store)
        assert curation.annotation(store, first)["tags"] == ["grid"] and store.event(later).reports == 1



def test_a_database_filled_without_reports_refuses_a_merge(tmp_path):
    """A tool that fills `events` in bulk may store no reports (SCHEMA.md): nothing to move, refused."""
    import sqlite3
    path, _ = merge_db(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM excerpts")
    with opened(path) as store:
        ids = _ids(store)
        with pytest.raises(StoreInputError, match="reports stored"):
            curation.merge(store, ids["drone"], ids["Talks"])
        assert store.event(ids["Talks"]) is not None and curation.next_undo(store) is None


def test_a_merge_never_takes_a_date_guessed_from_the_publication_over_one_the_text_wrote(tmp_path):
    """Merging a "this summer" event with one dated only by its article's publication ("reported", a band up
    to the publication day): the text's date stays, however much narrower the band is."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Ukrainian troops crossed into the Kursk region of Russia this summer, "
                                  "the army said.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Ukrainian troops have crossed into the Kursk region of Russia, "
                                  "officials have said.\n", encoding="utf-8")
    path = tmp_path / "p.db"
    assert ingest_paths([str(folder)], str(path), published="2024-11-18", jobs=1).articles_added == 2
    with opened(path) as store:
        by = {("summer" if "summer" in e.sentence else "reported"): e for e in store.events()}
        summer, reported = by["summer"], by["reported"]
        assert reported.mod == "ON_OR_BEFORE" and summer.value == "2024-SU"
        curation.merge(store, summer.id, reported.id)
        merged = store.event(summer.id)
        assert (merged.value, merged.earliest[:10], merged.latest[:10]) == ("2024-SU", "2024-06-01", "2024-08-31")
        assert merged.reports == 2
