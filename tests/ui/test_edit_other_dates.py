"""Edit event…: pick another time expression of the same sentence as the event's date (issue 14), in the
real window: the list names the other expressions the tagger reads there (not the event's own), choosing
one puts its date in the field, OK stores it with the reasoning "set by hand", and Undo takes it back."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.window_helpers import ingested, shown_window
from viewer.store import Store, curation

TEXT = ("On 3 March 2024 the army said it had retaken the village it lost in January 2023 and "
        "held since last summer.\nNothing else happened.\n")


def _event(db, event_id):
    s = Store.open(str(db), readonly=True)
    try:
        return s.event(event_id), curation.annotation(s, event_id)
    finally:
        s.close()


def test_pick_another_date_of_the_sentence(qtbot, tmp_path, warnings_shown):
    db, events = ingested(tmp_path, TEXT, "2024-03-05")
    ev = next(e for e in events if e.time_text == "3 March 2024")
    w = shown_window(qtbot)
    assert w.open_database(str(db))
    w.select_event(ev.id)
    d = w.edit_event(ev.id)
    assert d is not None
    words = [o["text"] for o in d.other_dates]
    assert "3 March 2024" not in words                       # its own expression is not offered
    assert "January 2023" in words and "last summer" in words
    assert d.other_box.isVisible() and d.other_box.count() == len(words) + 1
    assert "January 2023" in d.other_box.itemText(1 + words.index("January 2023"))

    d.other_box.activated.emit(1 + words.index("January 2023"))     # as a person choosing it
    assert d.date_edit.text() == "2023-01"
    assert d.date_message.isVisible() and "January 2023" in d.date_message.text()
    d.buttons.accepted.emit()                                # OK
    QApplication.processEvents()
    saved, ann = _event(db, ev.id)
    assert (saved.earliest, saved.latest, saved.granularity) == ("2023-01-01", "2023-01-31", "month")
    assert saved.reasoning.startswith(curation.SET_BY_HAND) and "January 2023" in saved.reasoning
    assert ann["review"] == "corrected"
    assert "set by hand" in w.excerpt.toPlainText()
    assert w.store.event(ev.id).earliest == "2023-01-01"     # the window reads the new date

    # "last summer" is read against the article's publication date, as the tagger reads it there
    d2 = w.edit_event(ev.id)
    i = [o["text"] for o in d2.other_dates].index("last summer")
    d2.pick_other(i)
    change = d2.edit()
    assert change.date["earliest"].startswith("2023-06") and change.date["reasoning"].startswith("set by hand")
    d2.reject()

    w.editing.undo()
    saved, ann = _event(db, ev.id)
    assert saved.earliest == "2024-03-03" and ann["review"] == "unreviewed"


def test_a_sentence_with_one_date_offers_no_other(qtbot, tmp_path, warnings_shown):
    db, events = ingested(tmp_path, "Russian forces shelled Kharkiv on 1 March 2024, the governor said.\n",
                          "2024-03-02")
    w = shown_window(qtbot)
    assert w.open_database(str(db))
    d = w.edit_event(events[0].id)
    assert d.other_dates == [] and not d.other_box.isVisible()
    d.reject()
