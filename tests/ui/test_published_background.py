"""Correcting an article's publication date runs off the GUI thread (issue 14): while the database is
written the dialog says it is working, the window keeps answering (events are processed, another event
can be selected and read), edits of events wait, the dialog cannot be closed half-way; when it is done
the dialog lists what moved, the table shows the new dates, and Undo still undoes the last edit."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from tests.ui.curation_window import seed_window  # noqa: F401 - the fixture
from viewer.store import Store, curation
from viewer.ui.models import EVENT_ID_ROLE
from viewer.ui.published_dialog import PublishedDialog, open_published_dialog

WAIT_S = 60          # the longest the held write waits for the test to let it go (it never should)


def _table_date(w, event_id: int) -> str | None:
    """What the window's table says in the Date column for an event (None: not listed)."""
    m = w.model
    for r in range(m.rowCount()):
        if m.data(m.index(r, 0), EVENT_ID_ROLE) == event_id:
            return m.data(m.index(r, 0), Qt.ItemDataRole.DisplayRole)
    return None


@pytest.fixture
def held_write(monkeypatch):
    """The correction's write held open, inside its transaction, until the test lets it go:
    (started, release) events."""
    started, release = threading.Event(), threading.Event()
    real = curation._record_published

    def slow(store, conn, *args, **kwargs):
        real(store, conn, *args, **kwargs)
        started.set()
        release.wait(WAIT_S)

    monkeypatch.setattr(curation, "_record_published", slow)
    yield started, release
    release.set()


def test_the_window_answers_while_the_publication_date_is_corrected(seed_window, held_write, qtbot):  # noqa: F811
    w, db, events = seed_window
    started, release = held_write
    by_words = {e.time_text: e for e in events if e.time_text}
    weekend, september, monday = by_words["last weekend"], by_words["Last September"], by_words[
        "this Monday, November 18"]
    assert w.editing.apply(september.id, curation.Edit(starred=True)) is not None     # an edit to undo later
    before = _table_date(w, weekend.id)
    assert before is not None

    d = open_published_dialog(w, weekend.article_id)
    assert isinstance(d, PublishedDialog)
    qtbot.waitExposed(d)
    QTest.keyClicks(d.date_edit, "17 November 2024")
    d.apply_button.click()                      # returns at once: the write runs on its own connection
    qtbot.waitUntil(started.is_set, timeout=30_000)
    assert d.running()
    # the dialog says it is working, and waits for the end
    assert d.busy.isVisible() and "17 Nov 2024" in d.working.text()
    assert not (d.apply_button.isEnabled() or d.date_edit.isEnabled() or d.close_button.isEnabled())
    d.reject()
    assert d.isVisible()
    # the window answers: queued events run, another event is selected and read from the database
    fired = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=5_000)
    w.select_event(monday.id)
    assert w.view_state.selected == monday.id and "November 18" in w.excerpt.toPlainText()
    # an edit of an event meanwhile is refused, said, and changes nothing
    assert w.editing.apply(monday.id, curation.Edit(starred=True)) is None
    assert "publication date" in w.statusBar().currentMessage()
    assert w.editing.undo() is False
    assert d.running()

    release.set()
    qtbot.waitUntil(lambda: not d.running(), timeout=60_000)
    assert not d.busy.isVisible() and d.apply_button.isEnabled() and d.close_button.isEnabled()
    rows = {r[0]: r for r in d.moved_rows()}
    assert rows[weekend.title][3] == "−7 days"
    # the table shows the moved date (last weekend before Sunday 17 November: 9-10 November)
    after = _table_date(w, weekend.id)
    assert after != before and "9" in after
    assert w.store.event(weekend.id).earliest == "2024-11-09"
    assert not curation.annotation(w.store, monday.id)["starred"]       # the refused edit left nothing
    # Undo still undoes the last edit of an event (the star), not the publication date
    assert w.editing.undo_action.isEnabled()
    assert w.editing.undo() is True
    s = Store.open(str(db), readonly=True)
    try:
        assert not curation.annotation(s, september.id)["starred"]
        assert next(iter(s.articles()))["published"] == "2024-11-17"
    finally:
        s.close()
    d.close()
    assert not d.isVisible()


def test_a_correction_the_database_refuses_is_said_under_the_field(seed_window, qtbot, monkeypatch):  # noqa: F811
    w, db, events = seed_window
    from viewer import retag

    def refused(store, article_id, published, **kwargs):
        raise retag.StoreInputError(f"{store.path}: the events stored for article {article_id} were made by "
                                    "another version of the event builder; nothing was changed")

    monkeypatch.setattr(retag, "set_published_store", refused)
    d = open_published_dialog(w, events[0].article_id)
    QTest.keyClicks(d.date_edit, "2024-11-20")
    d.apply_button.click()
    qtbot.waitUntil(lambda: not d.running(), timeout=30_000)
    assert d.date_message.isVisible() and "another version" in d.date_message.text()
    assert d.apply_button.isEnabled() and w.editing.busy is None
    assert w.editing.apply(events[0].id, curation.Edit(starred=True)) is not None    # edits work again
    d.close()


def test_a_database_moved_away_meanwhile_is_said_and_not_made_again(seed_window, qtbot):  # noqa: F811
    w, db, events = seed_window
    d = open_published_dialog(w, events[0].article_id)
    moved = db.with_name("moved.db")
    db.rename(moved)                               # moved by another program while the window has it open
    QTest.keyClicks(d.date_edit, "2024-11-20")
    d.apply_button.click()
    qtbot.waitUntil(lambda: not d.running(), timeout=30_000)
    assert d.date_message.isVisible() and "no longer there" in d.date_message.text()
    assert "nothing was changed" in d.date_message.text()
    assert not db.exists()                         # no empty database made in its place
    s = Store.open(str(moved), readonly=True)
    try:
        assert next(iter(s.articles()))["published"] == "2024-11-18"      # the moved file is untouched
    finally:
        s.close()
    d.close()


def test_merges_a_correction_could_not_make_again_are_listed(seed_window, qtbot, monkeypatch):  # noqa: F811
    w, db, events = seed_window
    from viewer import retag
    real = retag.set_published_store
    gone = {"batch": 7, "field": "merged", "key": "k", "event_id": events[0].id, "title": "Shelling of Kharkiv",
            "missing": [{"key": "a/1", "sentence": "Shelling hit Kharkiv on 4 March.", "time_text": "4 March"}]}

    def with_unplaced(store, *args, **kwargs):      # a correction that tagged everything again, and one
        result = real(store, *args, **kwargs)       # merge could not be made again
        result.report = curation.RebuildReport(unplaced=[gone])
        return result

    monkeypatch.setattr(retag, "set_published_store", with_unplaced)
    d = open_published_dialog(w, events[0].article_id)
    QTest.keyClicks(d.date_edit, "2024-11-20")
    d.apply_button.click()
    qtbot.waitUntil(lambda: not d.running(), timeout=30_000)
    assert d.unplaced.isVisible()
    text = d.unplaced.text()
    assert "Not made again (1)" in text and "'Shelling of Kharkiv'" in text
    assert "Shelling hit Kharkiv on 4 March." in text and "edit 7" in text
    d.close()
