"""The analyst's edits as data (viewer.store.curation): stable keys, corrections applied to what the timeline,
the search and the filters read, the history with who and when, review state, undo and redo, two writers,
a read-only file, a schema migration, a date typed by hand."""
import getpass
import sqlite3
from datetime import datetime, timezone

import pytest

from viewer.model import Article, Event, TimeExpression, ViewFilter
from viewer.retag import DateInputError, edit_event, read_date
from viewer.store import Store, StoreError, StoreInputError, create_at_version
from viewer.store import curation
from viewer.store.curation import Edit

TEXT = ("Last September, Putin warned NATO in Moscow. Germany resumed talks with Russia last weekend. "
        "Kyiv said on Monday that drones hit Odesa in Ukraine.")
PUBLISHED = "2024-11-18"


def _events(art):
    out = []
    for sentence, when, value, earliest, latest, gran, codes in (
            ("Last September, Putin warned NATO in Moscow.", "Last September", "2024-09", "2024-09-01",
             "2024-09-30", "month", ["RU", "NATO"]),
            ("Germany resumed talks with Russia last weekend.", "last weekend", "2024-W46-WE", "2024-11-16",
             "2024-11-17", "weekend", ["DE", "RU"]),
            ("Kyiv said on Monday that drones hit Odesa in Ukraine.", "Monday", "2024-11-18", "2024-11-18",
             "2024-11-18", "day", ["UA"])):
        s0 = TEXT.index(sentence)
        t0 = TEXT.index(when, s0)
        out.append(Event(art.id, s0, s0 + len(sentence), sentence,
                         TimeExpression(t0, t0 + len(when), when, "DATE", value, earliest, latest, gran,
                                        f"{when!r} relative to {PUBLISHED}", None, PUBLISHED),
                         sentence.split(",")[0][:30], codes))
    return out


def _fill(store):
    art = Article(TEXT, title="Wire", published=PUBLISHED, published_source="given")
    events = _events(art)
    store.add_articles([(art, events, ["RU", "DE", "UA"])])
    return {e.time.text: e.id for e in events}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "c.db"
    store = Store.open(path)
    ids = _fill(store)
    store.close()
    return path, ids


@pytest.fixture
def store(db):
    s = Store.open(db[0])
    yield s
    s.close()


def _edit_rows(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT field, old, new, user, at, undone FROM edits ORDER BY id").fetchall()
    finally:
        conn.close()


def test_the_key_is_the_article_hash_the_sentence_and_the_expression_not_a_row_id():
    k = curation.event_key("abc123", "Kyiv  said on\nMonday.", "Monday")
    assert k.startswith("abc123/")
    assert k == curation.event_key("abc123", "Kyiv said on Monday.", "Monday")      # whitespace aside
    assert k != curation.event_key("abc123", "Kyiv said on Monday.", "on Monday")
    assert k != curation.event_key("abc124", "Kyiv said on Monday.", "Monday")


def test_a_date_set_by_hand_is_what_the_timeline_filters_and_reports_read(db, store):
    path, ids = db
    eid = ids["Last September"]
    result = edit_event(store, eid, Edit(), date_text="17 September 2024")
    row = store.event(eid)
    assert (row.earliest, row.latest, row.granularity) == ("2024-09-17", "2024-09-17", "day")
    assert "set by hand" in row.reasoning
    # the timeline's axis and the country index moved with it
    assert row.t0 == datetime(2024, 9, 17, tzinfo=timezone.utc).timestamp() and row.t1 - row.t0 == 86400
    assert [e.id for e in store.events(ViewFilter(countries=frozenset({"NATO"}), date_from="2024-09-17",
                                                  date_to="2024-09-17"))] == [eid]
    assert [e.id for e in store.events(ViewFilter(date_from="2024-09-01", date_to="2024-09-16"))] == []
    assert store.excerpts(eid)[0]["earliest"] == "2024-09-17"
    # the review, and the edit as data: who, when, before, after, the machine's value
    note = curation.annotation(store, eid)
    assert note["review"] == "corrected" and result.batch is not None
    assert note["machine"]["date"]["value"] == "2024-09"
    field, old, new, user, at, undone = [r for r in _edit_rows(path) if r[0] == "date"][0]
    assert user == getpass.getuser() and undone == 0
    assert datetime.fromisoformat(at).utcoffset().total_seconds() == 0
    assert '"2024-09"' in old and '"2024-09-17"' in new


def test_countries_title_star_tags_note_and_rejecting(store, db):
    _, ids = db
    eid = ids["last weekend"]
    edit_event(store, eid, Edit(add_countries=["us"], remove_countries=["DE"], title="Berlin talks to Moscow",
                                starred=True, add_tags=["Talks", "diplomacy"], note="check the day"))
    row = store.event(eid)
    assert row.countries == ["RU", "US"] and row.title == "Berlin talks to Moscow"
    assert [e.id for e in store.events(ViewFilter(countries=frozenset({"US"})))] == [eid]
    assert [e.id for e in store.events(ViewFilter(countries=frozenset({"DE"})))] == []
    assert [e.id for e in store.events(ViewFilter(search="Berlin"))] == [eid]        # the search index too
    note = curation.annotation(store, eid)
    assert (note["review"], note["starred"], note["tags"], note["note"]) == (
        "corrected", True, ["Talks", "diplomacy"], "check the day")
    assert curation.selected_ids(store, starred=True, tags=["talks"]) == {eid}
    # a tag already there is not added twice; untag ignores case
    edit_event(store, eid, Edit(add_tags=["TALKS"], remove_tags=["Diplomacy"]))
    assert curation.annotation(store, eid)["tags"] == ["Talks"]
    # rejecting: left out, the reason remembered
    other = ids["Monday"]
    edit_event(store, other, Edit(review="rejected", reason="a quote, not a happening"))
    note = curation.annotation(store, other)
    assert note["review"] == "rejected" and note["reason"] == "a quote, not a happening"
    assert curation.selected_ids(store) is None                            # no filter asked for
    assert curation.selected_ids(store, reviewed=True) == {eid, other}


def test_confirming_is_a_review_not_a_correction(store, db):
    eid = db[1]["Monday"]
    before = store.event(eid)
    edit_event(store, eid, Edit(review="confirmed"))
    assert curation.annotation(store, eid)["review"] == "confirmed"
    assert store.event(eid) == before


def test_undo_and_redo_keep_the_history(db, store):
    path, ids = db
    eid = ids["Last September"]
    machine = store.event(eid)
    edit_event(store, eid, Edit(title="First try"), date_text="2024-09-17")
    edit_event(store, eid, Edit(title="Second try", starred=True))
    assert store.event(eid).title == "Second try"
    assert curation.undo(store)["event_ids"] == [eid]
    assert store.event(eid).title == "First try" and not curation.annotation(store, eid)["starred"]
    curation.undo(store)
    back = store.event(eid)
    assert (back.title, back.value, back.earliest, back.t0, back.reasoning) == (
        machine.title, machine.value, machine.earliest, machine.t0, machine.reasoning)
    assert curation.annotation(store, eid)["review"] == "unreviewed"
    assert curation.undo(store) is None                       # nothing left to undo
    rows = _edit_rows(path)
    assert rows and all(r[5] == 1 for r in rows)              # marked undone, never deleted
    curation.redo(store)
    assert store.event(eid).title == "First try" and store.event(eid).earliest == "2024-09-17"
    assert curation.annotation(store, eid)["review"] == "corrected"
    # a new edit after an undo: what was undone before it cannot be redone any more
    edit_event(store, eid, Edit(note="new branch"))
    assert curation.redo(store) is None
    assert len(_edit_rows(path)) == len(rows) + 1


def test_a_date_that_cannot_be_read_changes_nothing(db, store):
    path, ids = db
    eid = ids["Last September"]
    before = store.event(eid)
    with pytest.raises(DateInputError) as err:
        edit_event(store, eid, Edit(title="should not be stored"), date_text="sometime soonish")
    for form in ("2024-11-17", "summer 2024", "2024-11"):
        assert form in str(err.value)                         # it says which forms are accepted
    assert store.event(eid) == before and _edit_rows(path) == []


@pytest.mark.parametrize("typed, earliest, latest, granularity", [
    ("2024-11-17", "2024-11-17", "2024-11-17", "day"),
    ("2024-02", "2024-02-01", "2024-02-29", "month"),
    ("September 2024", "2024-09-01", "2024-09-30", "month"),
    ("summer 2024", "2024-06-01", "2024-08-31", "season"),
    ("2024-11-17..2024-11-20", "2024-11-17", "2024-11-20", "week"),
    ("last Monday", "2024-11-11", "2024-11-11", "day"),                 # read against the reference
])
def test_typed_dates(typed, earliest, latest, granularity):
    got = read_date(typed, "2024-11-18", "en")
    assert (got["earliest"], got["latest"], got["granularity"]) == (earliest, latest, granularity)
    assert got["reasoning"].startswith("set by hand")


@pytest.mark.parametrize("typed", ["", "soon", "2024-13-01", "2024-11-17..", "Putin said in September 2024"])
def test_typed_dates_refused(typed):
    with pytest.raises(DateInputError):
        read_date(typed, "2024-11-18", "en")


def test_an_event_that_does_not_exist(store):
    with pytest.raises(StoreInputError, match="no event 999"):
        curation.edit(store, 999, Edit(title="x"))


def test_two_writers_on_one_event_the_later_wins_and_the_earlier_stays_in_the_history(db):
    path, ids = db
    eid = ids["Monday"]
    first, second = Store.open(path), Store.open(path)
    try:
        curation.edit(first, eid, Edit(title="Window one's title"))
        curation.edit(second, eid, Edit(title="Window two's title"))
        assert first.event(eid).title == "Window two's title"
        titles = [h["new"] for h in curation.history(first, eid) if h["field"] == "title"]
        assert titles == ["Window two's title", "Window one's title"]
        # the second writer's edit recorded what it replaced: the first one's
        assert [h["old"] for h in curation.history(first, eid) if h["field"] == "title"][0] == "Window one's title"
    finally:
        first.close()
        second.close()


def test_a_read_only_database_says_so_and_changes_nothing(db):
    path, ids = db
    ro = Store.open(path, readonly=True)
    try:
        with pytest.raises(StoreError) as err:
            curation.edit(ro, ids["Monday"], Edit(title="x"))
        assert err.value.kind == "readonly" and "read-only" in str(err.value)
        with pytest.raises(StoreError):
            curation.undo(ro)
    finally:
        ro.close()
    assert _edit_rows(path) == []


def test_a_version_5_database_migrates_and_takes_edits(tmp_path):
    path = tmp_path / "v5.db"
    create_at_version(path, 5)
    conn = sqlite3.connect(path)
    assert {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}.isdisjoint(
        {"edits", "annotations"})
    conn.close()
    store = Store.open(path)                  # migrated to the current version on open
    try:
        assert store.schema_version() >= 6
        ids = _fill(store)
        edit_event(store, ids["Monday"], Edit(add_tags=["drones"]), date_text="2024-11-17")
        assert store.event(ids["Monday"]).earliest == "2024-11-17"
        assert store.integrity_check() == ["ok"]
    finally:
        store.close()
    # an older file opened read-only (not migrated) lists events with default annotations
    old = tmp_path / "v5b.db"
    create_at_version(old, 5)
    ro = Store.open(old, readonly=True)
    try:
        assert curation.annotations(ro) == {} and curation.selected_ids(ro, starred=True) == set()
    finally:
        ro.close()


def test_redo_after_a_new_edit_redoes_that_edit_not_the_one_it_replaced(db, store):
    eid = db[1]["Monday"]
    curation.edit(store, eid, Edit(title="one"))
    curation.edit(store, eid, Edit(title="two"))
    curation.undo(store)                                  # "two" undone ...
    curation.edit(store, eid, Edit(title="three"))        # ... and replaced by "three"
    curation.undo(store)
    assert store.event(eid).title == "one"
    assert curation.redo(store)["changes"][0].new == "three"
    assert store.event(eid).title == "three"
    assert curation.redo(store) is None                   # "two" was left behind: never comes back
    assert store.event(eid).title == "three"
    assert [h["new"] for h in curation.history(store, eid) if h["field"] == "title"] == ["three", "two", "one"]


def test_two_events_of_one_sentence_with_the_same_expression_keep_their_own_edits(tmp_path):
    text = "On Monday drones hit Odesa and on Monday drones hit Odesa again."
    art = Article(text, title="Wire", published=PUBLISHED, published_source="given")
    events = [Event(art.id, 0, len(text), text,
                    TimeExpression(at, at + 6, "Monday", "DATE", "2024-11-18", "2024-11-18", "2024-11-18", "day",
                                   "r", None, PUBLISHED), f"Odesa {n}", ["UA"])
              for n, at in enumerate((3, 34))]
    store = Store.open(tmp_path / "same.db")
    try:
        store.add_articles([(art, events, ["UA"])])
        first, second = (e.id for e in events)
        curation.edit(store, first, Edit(title="Odesa hit", add_tags=["drones"]))
        curation.edit(store, second, Edit(starred=True))
        a, b = curation.annotation(store, first), curation.annotation(store, second)
        assert a["key"] != b["key"]
        assert (a["review"], a["tags"], a["starred"]) == ("corrected", ["drones"], False)
        assert (b["review"], b["tags"], b["starred"]) == ("unreviewed", [], True)
        assert [store.event(first).title, store.event(second).title] == ["Odesa hit", "Odesa 1"]
        curation.undo(store)
        curation.undo(store)
        assert store.event(first).title == "Odesa 0" and not curation.annotations(store)[second]["starred"]
    finally:
        store.close()


@pytest.mark.parametrize("change", [Edit(title="  "), Edit(add_tags=[""]), Edit(add_countries=["U!"]),
                                    Edit(review="maybe")])
def test_a_value_that_cannot_be_stored_is_refused_naming_the_file(db, store, change):
    path, ids = db
    with pytest.raises(StoreInputError) as err:
        curation.edit(store, ids["Monday"], change)
    assert str(path) in str(err.value) and "nothing was changed" in str(err.value)
    assert _edit_rows(path) == []


def test_redo_across_a_restart_and_what_undo_and_redo_would_do(db):
    """The undone state is in the file: an edit undone before the database was closed is redone after it
    is opened again (a new session of the window, another run of the command line), and next_undo /
    next_redo tell what each would do without doing it."""
    path, ids = db
    eid = ids["Last September"]
    s = Store.open(path)
    try:
        assert curation.next_undo(s) is None and curation.next_redo(s) is None
        edit_event(s, eid, Edit(title="Kept title", starred=True))
        pending = curation.next_undo(s)
        assert pending["event_ids"] == [eid] and {c.field for c in pending["changes"]} >= {"title", "starred"}
        assert curation.next_redo(s) is None
        curation.undo(s)
        assert s.event(eid).title != "Kept title"
    finally:
        s.close()
    s = Store.open(path)                       # a restart
    try:
        pending = curation.next_redo(s)
        assert pending is not None and pending["event_ids"] == [eid]
        assert any(c.field == "title" and c.new == "Kept title" for c in pending["changes"])
        assert curation.next_undo(s) is None
        done = curation.redo(s)
        assert done["batch"] == pending["batch"]
        assert s.event(eid).title == "Kept title" and curation.annotation(s, eid)["starred"]
        assert curation.next_redo(s) is None and curation.next_undo(s)["batch"] == pending["batch"]
    finally:
        s.close()
