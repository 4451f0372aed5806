"""Events the analyst adds by hand (issue 14): the selected words of an article become an event's sentence,
dated by what the tagger reads in them or by a date typed; stored as an edit, so undo removes it and
redo puts it back, across a restart; kept, with its id and date, by `retag`, `set-published` and ingesting
the same file again."""
import pytest

from viewer.ingest import ingest_paths
from viewer.model import ViewFilter
from viewer.retag import DateInputError, add_hand_event, retag_store, selection, set_published_store
from viewer.store import Store, StoreInputError
from viewer.store import curation

TEXT = ("Russian forces shelled Kharkiv in Ukraine last Monday, Ukrainian officials said, and a second wave "
        "of drones hit the port of Odesa on 12 November 2024 according to the navy.\n\n"
        "Talks between France and Germany resumed on 3 March 2024 in Paris.\n")


@pytest.fixture
def db(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "h.db"
    assert ingest_paths([str(folder)], str(path), published="2024-11-18", jobs=1).articles_added == 1
    return path, folder


def _span(words: str) -> tuple[int, int]:
    i = TEXT.index(words)
    return i, i + len(words)


def _article_id(store) -> str:
    return next(iter(store.articles()))["id"]


def test_an_event_added_from_words_survives_undo_redo_retag_and_set_published(db):
    path, folder = db
    store = Store.open(path)
    try:
        aid = _article_id(store)
        before = {e.id for e in store.events()}
        words = "a second wave of drones hit the port of Odesa on 12 November 2024"
        sel = selection(store, aid, *_span(" " + words + " "))         # white space around: left out
        assert sel.words == words and [d["text"] for d in sel.dates] == ["12 November 2024"]
        assert "UA" in sel.countries
        result = add_hand_event(store, aid, *_span(words))
        eid = result.event_id
        assert eid not in before
        ev = store.event(eid)
        assert (ev.sentence, ev.time_text, ev.earliest, ev.latest) == (words, "12 November 2024",
                                                                       "2024-11-12", "2024-11-12")
        assert ev.reasoning.startswith(curation.SET_BY_HAND) and "UA" in ev.countries
        assert curation.annotation(store, eid)["review"] == "confirmed"
        assert eid in {e.id for e in store.events(ViewFilter(search="second wave drones"))}   # searchable

        assert curation.undo(store)["event_ids"] == [None]
        assert store.event(eid) is None and {e.id for e in store.events()} == before
    finally:
        store.close()
    store = Store.open(path)                     # a restart: redo puts it back, with its id
    try:
        curation.redo(store)
        assert store.event(eid).sentence == words
        curation.edit(store, eid, curation.Edit(starred=True, add_tags=["drones"]))

        report = retag_store(store).report                     # the machine's events rebuilt
        ev = store.event(eid)
        assert ev is not None and (ev.sentence, ev.earliest) == (words, "2024-11-12")
        ann = curation.annotation(store, eid)
        assert ann["starred"] and ann["tags"] == ["drones"] and ann["review"] == "confirmed"
        assert not report.orphans

        moved = set_published_store(store, aid, "2024-11-20")     # not refused; its date stays
        assert store.event(eid).earliest == "2024-11-12"
        assert eid not in {m.event_id for m in moved.moved}
        assert store.article(aid)["published"] == "2024-11-20"
    finally:
        store.close()
    again = ingest_paths([str(folder)], str(path), published="2024-11-18", jobs=1)
    assert again.articles_added == 0
    store = Store.open(path)
    try:
        assert store.event(eid).sentence == words
    finally:
        store.close()


def test_a_date_typed_no_date_and_an_event_the_article_has(db):
    path, _ = db
    store = Store.open(path)
    try:
        aid = _article_id(store)
        n = len(list(store.events()))
        words = "Ukrainian officials said"
        with pytest.raises(DateInputError):                       # no date in the words, none typed
            add_hand_event(store, aid, *_span(words))
        with pytest.raises(DateInputError):
            add_hand_event(store, aid, *_span(words), date_text="sometime soonish")
        assert len(list(store.events())) == n and curation.history(store) == []
        result = add_hand_event(store, aid, *_span(words), date_text="10 November 2024", countries=["ua"],
                                title="Officials speak")
        ev = store.event(result.event_id)
        assert (ev.earliest, ev.title, ev.countries, ev.time_text) == ("2024-11-10", "Officials speak", ["UA"], "")
        assert ev.reasoning.startswith(curation.SET_BY_HAND)
        machine = next(e for e in store.events() if e.time_text == "3 March 2024")
        start = TEXT.index(machine.sentence)
        with pytest.raises(StoreInputError, match="already has this event"):
            add_hand_event(store, aid, start, start + len(machine.sentence))
    finally:
        store.close()


def test_undoing_an_added_event_keeps_the_reports_of_other_articles_that_joined_it(db, tmp_path):
    """An article ingested after the add reports the same happening and joins the added event; undoing the
    add takes away the analyst's report only: the other article's report stays, as an event of its own."""
    path, _ = db
    words = "a second wave of drones hit the port of Odesa on 12 November 2024"
    store = Store.open(path)
    try:
        eid = add_hand_event(store, _article_id(store), *_span(words)).event_id
    finally:
        store.close()
    other = tmp_path / "other"
    other.mkdir()
    (other / "navy.txt").write_text("A second wave of drones hit the port of Odesa in Ukraine on 12 November "
                                    "2024, the navy said.\n", encoding="utf-8")
    assert ingest_paths([str(other)], str(path), published="2024-11-18", jobs=1).articles_added == 1
    store = Store.open(path)
    try:
        joined = [x for x in store.excerpts(eid) if "navy said" in x["sentence"]]
        assert joined, "the other article's report joined the added event"
        curation.undo(store)
        assert store.event(eid) is None
        kept = [e for e in store.events() if "navy said" in (e.sentence or "")]
        assert len(kept) == 1 and kept[0].earliest[:10] == "2024-11-12"
        assert [x["sentence"] for x in store.excerpts(kept[0].id)] == [joined[0]["sentence"]]
    finally:
        store.close()
