"""Adding an event by hand from a selection in the article view (issue 14), in the real window on the seed
article: the selected words become the event's sentence; the date is the one the tagger reads in them or
one typed (a date that cannot be read is said under the field, nothing is added); the window shows and
selects the new event; Undo removes it."""
from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from tests.ui.curation_window import seed_window  # noqa: F401 - the fixture
from tests.ui.window_helpers import table_ids
from viewer.store import Store, curation
from viewer.ui.add_event_dialog import AddEventDialog, article_offsets


def _select(view, words: str) -> None:
    doc_text = view.text.toPlainText()
    i = doc_text.index(words)
    cursor = view.text.textCursor()
    cursor.setPosition(i)
    cursor.setPosition(i + len(words), QTextCursor.MoveMode.KeepAnchor)
    view.text.setTextCursor(cursor)


def _dialog(view) -> AddEventDialog:
    found = [d for d in view.findChildren(AddEventDialog) if d.isVisible()]
    assert len(found) == 1
    return found[0]


def _saved(db, event_id):
    s = Store.open(str(db), readonly=True)
    try:
        return s.event(event_id)
    finally:
        s.close()


def test_article_offsets_read_through_collapsed_white_space():
    text = "One.  Two\nthree   four. Two three four."
    assert article_offsets(text, "Two\u2029three four", 5) == (6, 22)      # the first: nearest the view's 5
    assert article_offsets(text, "Two three four", 30) == (24, 38)           # the second: nearest 30
    assert article_offsets(text, "five", 0) is None


def test_add_an_event_from_words_with_a_typed_date_then_undo(seed_window, qtbot):
    w, db, events = seed_window
    ev = events[0]
    view = w.activate_event(ev.id)
    assert view.add_button is not None and not view.add_button.isEnabled()
    words = "Scalp cruise missiles have already been delivered by Paris"
    _select(view, words)
    assert view.add_button.isEnabled()
    view.add_button.click()
    d = _dialog(view)
    assert d.date_edit.text() == "" and "No date in the selected words" in d.date_message.text()
    assert "FR" in d.countries.items()                                    # "Paris"
    QTest.keyClicks(d.date_edit, "around then")
    d.buttons.accepted.emit()                                             # cannot be read: nothing added
    assert d.isVisible() and "accepted" in d.date_message.text()
    n = len(table_ids(w))
    d.date_edit.setText("12 November 2024")
    assert "12 Nov 2024" in d.date_message.text()
    d.buttons.accepted.emit()
    assert not d.isVisible() and d.event_id is not None
    added = _saved(db, d.event_id)
    assert (added.sentence, added.earliest, added.latest) == (words, "2024-11-12", "2024-11-12")
    assert added.reasoning.startswith(curation.SET_BY_HAND) and "FR" in added.countries
    assert d.event_id in table_ids(w) and len(table_ids(w)) == n + 1
    assert w.view_state.selected == d.event_id
    assert words in w.excerpt.toPlainText()

    w.editing.undo()                                                      # Ctrl+Z: removed from the file
    assert _saved(db, d.event_id) is None
    w.editing.redo()                                                      # and back, with its id
    assert _saved(db, d.event_id).sentence == words
    view.close()


def test_add_an_event_dated_by_the_words_it_says(seed_window, qtbot):
    w, db, events = seed_window
    view = w.activate_event(events[0].id)
    words = "Germany resumed talks with Moscow last weekend"
    _select(view, words)
    view.add_button.click()
    d = _dialog(view)
    assert d.date_edit.text() == "2024-11-16..2024-11-17" and "last weekend" in d.date_message.text()
    assert set(d.countries.items()) >= {"DE", "RU"}
    d.title_edit.setText("Berlin and Moscow talk")
    d.buttons.accepted.emit()
    added = _saved(db, d.event_id)
    assert (added.sentence, added.time_text, added.title) == (words, "last weekend", "Berlin and Moscow talk")
    assert added.value == "2024-W46-WE"
    view.close()
