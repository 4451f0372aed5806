"""The analyst's edits survive what rebuilds the machine's output: ingesting the same files again, `retag`
with a newer tagger (a changed machine value under a correction is flagged, an edit whose sentence is gone
is listed and kept), and an article's publication date corrected (relative dates move, hand-set ones stay).

Written against behaviour that holds whatever the event builder's details: an event, its key, its edit."""
import sqlite3

import pytest

import viewer.retag as retag_module
from viewer.ingest import ingest_paths
from viewer.retag import retag, set_published
from viewer.store import Store
from viewer.store import curation
from viewer.store.curation import Edit

TEXT = ("Russian forces shelled Kharkiv in Ukraine last Monday, Ukrainian officials said.\n\n"
        "Talks between France and Germany resumed on 3 March 2024 in Paris.\n\n"
        "Poland closed its border with Belarus yesterday, the Polish government said.\n")


@pytest.fixture
def db(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "r.db"
    summary = ingest_paths([str(folder)], str(path), published="2024-11-18", jobs=1)
    assert summary.articles_added == 1
    return path, folder


def _by_text(store) -> dict:
    out = {}
    for row in store.events():
        out.setdefault(row.time_text, row)
    return out


def _event(path, time_text):
    store = Store.open(path)
    try:
        return _by_text(store)[time_text]
    finally:
        store.close()


def _all(path) -> list[dict]:
    store = Store.open(path)
    try:
        return [e.to_json() for e in store.events()]
    finally:
        store.close()


def _edit(path, time_text, change, date_text=None):
    store = Store.open(path)
    try:
        eid = _by_text(store)[time_text].id
        retag_module.edit_event(store, eid, change, date_text=date_text)
        return eid
    finally:
        store.close()


def _check(path):
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        n = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        # the search indexes hold every row they index
        assert conn.execute("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'said OR resumed'"
                            ).fetchone()[0] == conn.execute(
            "SELECT count(*) FROM events WHERE sentence LIKE '%said%' OR sentence LIKE '%resumed%'"
            " OR title LIKE '%said%' OR title LIKE '%resumed%'").fetchone()[0]
        assert conn.execute("SELECT count(DISTINCT event_id) FROM excerpts").fetchone()[0] == n
    finally:
        conn.close()


def test_ingesting_the_same_files_again_skips_them_and_keeps_the_edits(db):
    path, folder = db
    eid = _edit(path, "last Monday", Edit(title="Kharkiv shelled", add_tags=["shelling"]), "2024-11-10")
    again = ingest_paths([str(folder)], str(path), published="2024-11-18", jobs=1)
    assert again.articles_added == 0 and again.articles_skipped == 1
    row = _event(path, "last Monday")
    assert (row.id, row.title, row.earliest) == (eid, "Kharkiv shelled", "2024-11-10")


def test_retag_keeps_ids_and_applies_the_edits_again(db):
    path, _ = db
    before = {r.time_text: r.id for r in [_event(path, t) for t in ("last Monday", "3 March 2024", "yesterday")]}
    machine = _event(path, "last Monday")
    eid = _edit(path, "last Monday", Edit(title="Kharkiv shelled", add_countries=["RU"], starred=True),
                "2024-11-10")
    result = retag(str(path))
    assert result.articles == 1 and result.report.orphans == [] and result.report.flagged == []
    store = Store.open(path)
    try:
        now = _by_text(store)
        assert {t: now[t].id for t in before} == before          # every event kept its id
        row = now["last Monday"]
        assert (row.title, row.earliest, row.reasoning.startswith("set by hand")) == (
            "Kharkiv shelled", "2024-11-10", True)
        assert "RU" in row.countries
        note = curation.annotation(store, eid)
        assert note["review"] == "corrected" and note["starred"]
        assert [e.id for e in store.events(store_filter(search="Kharkiv shelled"))] == [eid]
        # undo still reaches the edit made before the re-tag
        curation.undo(store)
        assert (store.event(eid).title, store.event(eid).earliest) == (machine.title, machine.earliest)
    finally:
        store.close()
    _check(path)


def store_filter(**kw):
    from viewer.model import ViewFilter
    return ViewFilter(**kw)


def _newer_tagger(monkeypatch, change):
    """A 'newer' event builder: today's, with `change(event)` applied to each event."""
    real = retag_module.article_events_noted

    def newer(article, today=None):
        article, events, countries, notes = real(article, today=today)
        return article, [e for e in (change(e) for e in events) if e is not None], countries, notes

    monkeypatch.setattr(retag_module, "article_events_noted", newer)


def test_a_machine_value_that_changed_under_a_correction_is_flagged(db, monkeypatch):
    path, _ = db
    was = _event(path, "last Monday").earliest
    eid = _edit(path, "last Monday", Edit(), "2024-11-10")
    other = _event(path, "yesterday").id

    def shift(e):
        if e.time.text in ("last Monday", "yesterday"):     # the newer tagger reads both a week earlier
            e.time.value = e.time.earliest = e.time.latest = "2024-11-04" if e.time.text == "last Monday" \
                else "2024-11-10"
        return e

    _newer_tagger(monkeypatch, shift)
    report = retag(str(path)).report
    assert [f["event_id"] for f in report.flagged] == [eid]
    assert was in report.flagged[0]["flag"] and "2024-11-04" in report.flagged[0]["flag"]
    store = Store.open(path)
    try:
        assert store.event(eid).earliest == "2024-11-10"          # the correction still wins
        assert curation.annotation(store, eid)["flag"]
        assert curation.annotation(store, eid)["machine"]["date"]["earliest"] == "2024-11-04"
        assert store.event(other).earliest == "2024-11-10"       # an uncorrected event takes the new value
        # the analyst looks at it: confirming clears the flag
        curation.edit(store, eid, Edit(review="confirmed"))
        assert curation.annotation(store, eid)["flag"] is None
    finally:
        store.close()


def test_an_edit_whose_sentence_is_gone_is_listed_and_kept_until_it_is_found_again(db, monkeypatch):
    path, _ = db
    eid = _edit(path, "3 March 2024", Edit(title="Paris talks", note="important"), "2024-03-04")
    with monkeypatch.context() as m:
        _newer_tagger(m, lambda e: None if e.time.text == "3 March 2024" else e)
        report = retag(str(path)).report
    assert [o["key"] for o in report.orphans] == [curation.event_key(
        _article_id(path), "Talks between France and Germany resumed on 3 March 2024 in Paris.", "3 March 2024")]
    assert report.orphans[0]["was"] == eid
    store = Store.open(path)
    try:
        (orphan,) = curation.orphans(store)
        assert orphan["note"] == "important" and {e["field"] for e in orphan["edits"]} >= {"title", "date"}
        assert store.event(eid) is None
    finally:
        store.close()
    # a later tagger finds the sentence again: the edits are back on it
    report = retag(str(path)).report
    assert report.orphans == []
    row = _event(path, "3 March 2024")
    assert (row.title, row.earliest) == ("Paris talks", "2024-03-04")
    _check(path)


def test_an_edit_is_found_again_when_the_sentence_boundaries_move(db, monkeypatch):
    path, _ = db
    _edit(path, "3 March 2024", Edit(title="Paris talks"))

    def longer(e):
        if e.time.text == "3 March 2024":
            e.sentence = e.sentence + " Both sides spoke of progress."
        return e

    _newer_tagger(monkeypatch, longer)
    report = retag(str(path)).report
    assert report.orphans == []
    assert _event(path, "3 March 2024").title == "Paris talks"
    # the next edit of it adds to what the analyst had, under the event's new key
    eid = _edit(path, "3 March 2024", Edit(starred=True, add_tags=["talks"]))
    store = Store.open(path)
    try:
        note = curation.annotation(store, eid)
        assert (note["review"], note["starred"], note["tags"]) == ("corrected", True, ["talks"])
        assert {h["field"] for h in curation.history(store, eid)} >= {"title", "starred", "tags"}
    finally:
        store.close()
    assert retag(str(path)).report.orphans == []
    assert _event(path, "3 March 2024").title == "Paris talks"


def _article_id(path):
    store = Store.open(path)
    try:
        return next(store.articles())["id"]
    finally:
        store.close()


def test_set_published_moves_relative_dates_and_keeps_hand_set_ones(db):
    path, _ = db
    aid = _article_id(path)
    ids = {t: _event(path, t).id for t in ("last Monday", "3 March 2024", "yesterday")}
    before_yesterday = _event(path, "yesterday").earliest
    _edit(path, "last Monday", Edit(), "2024-11-10")
    result = set_published(str(path), aid, "2024-11-25")
    assert result.before == "2024-11-18" and result.after == "2024-11-25" and not result.retagged
    moved = {m.event_id: m for m in result.moved}
    assert moved[ids["yesterday"]].days == 7 and not moved[ids["yesterday"]].kept
    assert moved[ids["last Monday"]].kept                    # set by hand: it stays, the report says so
    assert ids["3 March 2024"] not in moved                  # an absolute date does not move
    assert _event(path, "yesterday").earliest != before_yesterday
    assert _event(path, "yesterday").id == ids["yesterday"]
    assert _event(path, "last Monday").earliest == "2024-11-10"
    store = Store.open(path)
    try:
        art = store.article(aid)
        assert (art["published"], art["published_source"]) == ("2024-11-25", "given")
        # undoing the hand-set date now gives the machine's reading against the new reference
        curation.undo(store)
        assert store.event(ids["last Monday"]).earliest == moved[ids["last Monday"]].machine["earliest"] != (
            "2024-11-10")
    finally:
        store.close()
    _check(path)


def test_an_event_two_articles_report_keeps_its_id_and_edits_through_a_retag(tmp_path, monkeypatch):
    path = tmp_path / "m.db"
    store = Store.open(path)
    try:
        _store_two_reports(store)
        (eid,) = [e.id for e in store.events() if e.reports == 2]
        curation.edit(store, eid, Edit(title="Energy grid struck", add_tags=["energy"]))
        before = sorted((e.id, e.reports) for e in store.events())
    finally:
        store.close()
    monkeypatch.setattr(retag_module, "article_events_noted", _one_report)
    report = retag(str(path)).report
    assert report.orphans == []
    store = Store.open(path)
    try:
        assert sorted((e.id, e.reports) for e in store.events()) == before
        assert store.event(eid).title == "Energy grid struck"
        assert curation.annotation(store, eid)["tags"] == ["energy"]
        assert len(store.excerpts(eid)) == 2
    finally:
        store.close()
    _check(path)


def _events_change_with_the_date(monkeypatch, day):
    """A builder for which the article read against `day` gives one event fewer ('3 March 2024' goes): the
    new publication date changes which events the article has, so set-published tags everything again."""
    real = retag_module.article_events_noted

    def builder(article, today=None):
        article, events, countries, notes = real(article, today=today)
        if article.published == day:
            events = [e for e in events if e.time.text != "3 March 2024"]
        return article, events, countries, notes

    monkeypatch.setattr(retag_module, "article_events_noted", builder)


def _published_rows(path):
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("SELECT published FROM articles").fetchall(),
                conn.execute("SELECT count(*) FROM edits WHERE field = 'published'").fetchone()[0])
    finally:
        conn.close()


def test_set_published_that_changes_the_events_stores_the_date_and_the_events_together(db, monkeypatch):
    path, _ = db
    aid = _article_id(path)
    before = _published_rows(path)
    _events_change_with_the_date(monkeypatch, "2024-11-25")

    def fails(*args, **kwargs):
        raise RuntimeError("the tagger broke")

    with monkeypatch.context() as m:       # tagging the articles again fails half way
        m.setattr(retag_module, "prepare_article", fails)
        with pytest.raises(retag_module.StoreError, match="nothing was changed"):
            set_published(str(path), aid, "2024-11-25")
    assert _published_rows(path) == before            # the date was not stored without its events
    result = set_published(str(path), aid, "2024-11-25")
    assert result.retagged and _published_rows(path) == ([("2024-11-25",)], 1)


def test_set_published_that_tags_everything_again_says_what_the_machine_reads_under_a_kept_date(db, monkeypatch):
    path, _ = db
    aid = _article_id(path)
    machine = _event(path, "yesterday")
    eid = _edit(path, "yesterday", Edit(), "2024-10-01")
    _events_change_with_the_date(monkeypatch, "2024-11-25")
    result = set_published(str(path), aid, "2024-11-25")
    assert result.retagged
    (kept,) = [m for m in result.moved if m.event_id == eid]
    assert kept.kept and kept.after["earliest"] == "2024-10-01"
    assert kept.machine["earliest"] not in ("2024-10-01", machine.earliest)    # read against the new date
    assert _event(path, "yesterday").earliest == "2024-10-01"


def test_set_published_refuses_events_another_version_of_the_builder_made(db, monkeypatch):
    path, _ = db
    aid = _article_id(path)
    before = _published_rows(path), _all(path)

    def newer(e):
        e.sentence = e.sentence.replace("Poland", "Poland (PL)") if e.time.text == "yesterday" else e.sentence
        return e

    _newer_tagger(monkeypatch, newer)
    with pytest.raises(retag_module.StoreInputError, match="retag") as err:
        set_published(str(path), aid, "2024-11-25")
    assert str(path) in str(err.value) and "nothing was changed" in str(err.value)
    assert (_published_rows(path), _all(path)) == before


def test_an_edit_undone_before_its_sentence_went_is_not_listed_as_lost(db, monkeypatch):
    path, _ = db
    eid = _edit(path, "3 March 2024", Edit(title="Paris talks"))
    store = Store.open(path)
    try:
        curation.undo(store)
    finally:
        store.close()
    _newer_tagger(monkeypatch, lambda e: None if e.time.text == "3 March 2024" else e)
    report = retag(str(path)).report
    assert report.orphans == [] and report.edited_found == 0
    store = Store.open(path)
    try:
        assert curation.orphans(store) == [] and store.event(eid) is None
        curation.redo(store)                      # the history is still there, for when it is found again
        assert [e["field"] for e in curation.orphans(store)[0]["edits"]] == ["title", "review"]
    finally:
        store.close()


def test_articles_ingested_while_retag_runs_keep_their_events(db, tmp_path):
    path, _ = db
    other = tmp_path / "more"
    other.mkdir()
    (other / "late.txt").write_text("Drones struck Odesa in Ukraine on 2 November 2024, officials said.\n",
                                    encoding="utf-8")

    def meanwhile(done, total):              # another window ingests while the articles are tagged again
        ingest_paths([str(other)], str(path), published="2024-11-18", jobs=1)

    before = _all(path)
    with pytest.raises(retag_module.StoreError, match="run retag again"):
        retag(str(path), progress=meanwhile)
    after = _all(path)
    assert {e["id"] for e in before} < {e["id"] for e in after}
    assert any("Odesa" in e["sentence"] for e in after)
    assert retag(str(path)).report.events_after == len(after)         # run again: every article, whole
    _check(path)


REPORT = "Russia launched a missile attack on Ukraine's energy grid on Sunday, November 17."
WHEN = "Sunday, November 17"


def _one_report(article, today=None):
    """An event builder that finds REPORT in an article, dated 17 November 2024: two articles with it
    report one happening (whatever today's builder and tagger make of the words)."""
    from viewer.model import Event, TimeExpression
    at = article.text.index(REPORT)
    t = at + REPORT.index(WHEN)
    return article, [Event(article.id, at, at + len(REPORT), REPORT,
                           TimeExpression(t, t + len(WHEN), WHEN, "DATE", "2024-11-17", "2024-11-17",
                                          "2024-11-17", "day", "absolute", None, None),
                           "Missile attack on the grid", ["RU", "UA"])], ["RU", "UA"], []


def _store_two_reports(store) -> None:
    from viewer.model import Article
    arts = [Article(f"{place} — {REPORT}", title=place, published="2024-11-20", published_source="given")
            for place in ("KYIV", "MOSCOW")]
    store.add_articles([_one_report(a)[:2] + (["RU", "UA"],) for a in arts])


def test_two_edited_events_that_a_retag_merges_keep_every_edit(tmp_path, monkeypatch):
    import viewer.store as store_module
    path = tmp_path / "two.db"
    store = Store.open(path)
    try:
        with monkeypatch.context() as m:
            m.setattr(store_module, "MERGE_REPORTS", False)          # stored as two events
            _store_two_reports(store)
        first, second = sorted(e.id for e in store.events())
        curation.edit(store, first, Edit(title="Grid struck", add_tags=["energy"]))
        curation.edit(store, second, Edit(starred=True, note="a second source"))
    finally:
        store.close()
    monkeypatch.setattr(retag_module, "article_events_noted", _one_report)
    report = retag(str(path)).report
    store = Store.open(path)
    try:
        (event,) = store.events()
        assert event.reports == 2 and report.orphans == [] and event.id == first
        note = curation.annotation(store, event.id)
        assert (event.title, note["tags"], note["starred"], note["note"]) == (
            "Grid struck", ["energy"], True, "a second source")
        assert list(curation.annotations(store)) == [event.id]              # one annotation, not two
        assert {h["field"] for h in curation.history(store, event.id)} >= {"title", "tags", "starred", "note"}
        curation.undo(store)                                                # the later edit goes
        assert not curation.annotation(store, event.id)["starred"]
        assert store.event(event.id).title == "Grid struck"
    finally:
        store.close()
    _check(path)


def test_an_event_the_store_cannot_take_stops_the_retag_naming_the_file(db, monkeypatch):
    path, _ = db
    before = _all(path)

    def bad(e):
        e.time.earliest = "2024-13-45"
        return e

    _newer_tagger(monkeypatch, bad)
    with pytest.raises(retag_module.StoreInputError) as err:
        retag(str(path))
    assert str(path) in str(err.value) and "nothing was changed" in str(err.value)
    assert _all(path) == before
