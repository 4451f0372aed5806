"""The analyst's edits in the real window (issue 14): review keys on the selected event, Edit ▸ Undo /
Redo, the Edit event… dialog, the context menus that open it, and a read-only database."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tests.ui.window_helpers import event_ids, open_readonly
from viewer.store import Store
from viewer.store import curation
from viewer.ui.edit_dialog import EditDialog

DAY = 86400.0


@pytest.fixture
def win(window, qtbot):
    window.activateWindow()                      # Ctrl+Z goes to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def saved(path, event_id):
    """What the file says of an event (a connection of its own): the event, its annotation."""
    s = Store.open(str(path), readonly=True)
    try:
        return s.event(event_id), curation.annotation(s, event_id)
    finally:
        s.close()


def on_timeline(w, key=Qt.Key.Key_S, modifiers=Qt.KeyboardModifier.NoModifier):
    w.timeline.setFocus()
    QTest.keyClick(w.timeline, key, modifiers)


def right_click(widget, pos: QPoint) -> None:
    right, none = Qt.MouseButton.RightButton, Qt.MouseButton.NoButton
    for kind, buttons in ((QEvent.Type.MouseButtonPress, right), (QEvent.Type.MouseButtonRelease, none)):
        QApplication.sendEvent(widget, QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), right,
                                                   buttons, Qt.KeyboardModifier.NoModifier))


def dialog_of(w) -> EditDialog:
    found = [d for d in w.findChildren(EditDialog) if d.isVisible()]
    assert len(found) == 1
    return found[0]


def test_review_keys_star_confirm_reject_and_the_count(win, known_db):
    w = win
    ids = event_ids(known_db)
    september = ids["Last September"]
    w.select_event(september)
    assert w.review_label.text() == "4 to review"
    assert not w.editing.undo_action.isEnabled() and not w.editing.redo_action.isEnabled()

    on_timeline(w, Qt.Key.Key_S)
    assert saved(known_db, september)[1]["starred"]
    assert w.editing.undo_action.text().replace("&", "") == "Undo star"
    assert w.review_label.text() == "4 to review"          # a star is not a review

    on_timeline(w, Qt.Key.Key_Return)                      # Enter confirms
    assert saved(known_db, september)[1]["review"] == "confirmed"
    assert w.review_label.text() == "3 to review"
    assert w.editing.undo_action.text().replace("&", "") == "Undo confirm"

    on_timeline(w, Qt.Key.Key_Right)                       # → the next event in time
    nxt = w.view_state.selected
    assert nxt not in (None, september)
    on_timeline(w, Qt.Key.Key_Delete)                      # Delete: not an event
    _, ann = saved(known_db, nxt)
    assert ann["review"] == "rejected" and ann["reason"] == curation.NOT_AN_EVENT
    assert w.review_label.text() == "2 to review"

    on_timeline(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)      # Ctrl+Z
    assert saved(known_db, nxt)[1]["review"] == "unreviewed"
    assert w.review_label.text() == "3 to review"
    assert w.editing.redo_action.isEnabled()
    assert w.editing.redo_action.text().replace("&", "") == "Redo reject"
    on_timeline(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert saved(known_db, nxt)[1]["review"] == "rejected"
    assert not w.editing.redo_action.isEnabled()

    w.select_event(september)
    on_timeline(w, Qt.Key.Key_S)                           # S again: unstar
    assert not saved(known_db, september)[1]["starred"]
    assert w.editing.undo_action.text().replace("&", "") == "Undo unstar"


def test_the_edit_menu(win, known_db):
    w = win
    menu = next(a.menu() for a in w.menuBar().actions() if a.text().replace("&", "") == "Edit")
    actions = [a for a in menu.actions() if not a.isSeparator()]
    assert actions[0] is w.editing.undo_action and actions[1] is w.editing.redo_action
    assert w.editing.undo_action.shortcut().toString() == "Ctrl+Z"
    assert w.editing.redo_action.shortcut().toString() == "Ctrl+Shift+Z"
    edit = next(a for a in actions if a.text().startswith("&Edit event"))
    menu.aboutToShow.emit()
    assert not edit.isEnabled()                              # nothing selected
    w.select_event(event_ids(known_db)["this summer"])
    menu.aboutToShow.emit()
    assert edit.isEnabled()
    edit.trigger()
    dialog = dialog_of(w)
    assert dialog.event_id == event_ids(known_db)["this summer"]
    dialog.reject()


def test_review_keys_in_the_table(win, known_db):
    w = win
    ids = event_ids(known_db)
    w.select_event(ids["this summer"])
    w.table.setFocus()
    QTest.keyClick(w.table, Qt.Key.Key_S)
    assert saved(known_db, ids["this summer"])[1]["starred"]
    row = w.table.currentIndex().row()
    QTest.keyClick(w.table, Qt.Key.Key_Right)              # → the next row
    assert w.table.currentIndex().row() == row + 1
    assert w.view_state.selected != ids["this summer"]
    QTest.keyClick(w.table, Qt.Key.Key_Return)
    assert saved(known_db, w.view_state.selected)[1]["review"] == "confirmed"
    assert w.review_label.text() == "3 to review"


def test_edit_a_date_moves_the_event_and_undo_puts_it_back(win, known_db, qtbot):
    w = win
    weekend = event_ids(known_db)["last weekend"]
    w.select_event(weekend)
    before, _ = saved(known_db, weekend)
    x_before = w.timeline.event_view_pos(weekend).x()
    on_timeline(w, Qt.Key.Key_E)                           # E: Edit event…
    dialog = dialog_of(w)
    assert dialog.date_edit.text() == "2024-11-16..2024-11-17"
    dialog.date_edit.setText("17 September 2024")
    assert "17 Sep 2024" in dialog.date_message.text()       # what it reads as, while typing
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()

    after, ann = saved(known_db, weekend)
    assert (after.value, after.earliest, after.granularity) == ("2024-09-17", "2024-09-17", "day")
    assert after.reasoning.startswith(curation.SET_BY_HAND)
    assert ann["review"] == "corrected"                      # a changed date makes it corrected
    assert after.t0 < before.t0 - 50 * DAY
    # the window shows it at once: the timeline, the table and the excerpt
    pos = w.timeline.event_view_pos(weekend)
    assert pos is not None and pos.x() < x_before - 20
    assert "17 Sep 2024" in w.excerpt.toPlainText()
    row = w.model.cached_row_of(weekend)
    assert w.model.index(row, 0).data() == "17 Sep 2024"
    assert w.editing.undo_action.text().replace("&", "").startswith("Undo date of “The US decision")

    on_timeline(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back, ann = saved(known_db, weekend)
    assert (back.value, back.t0) == (before.value, before.t0)
    assert ann["review"] == "unreviewed"
    assert abs(w.timeline.event_view_pos(weekend).x() - x_before) <= 1
    assert "17 Sep 2024" not in w.excerpt.toPlainText()
    assert "16–17 Nov 2024" in w.excerpt.toPlainText()


def test_a_date_that_cannot_be_read_says_what_is_accepted_and_changes_nothing(win, known_db):
    w = win
    september = event_ids(known_db)["Last September"]
    w.select_event(september)
    dialog = w.edit_event()
    dialog.date_edit.setText("not a date")
    dialog.title_edit.setText("A new title")                # not saved either: the edit is refused whole
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible()                                # still open, the message under the field
    assert dialog.date_message.isVisible()
    text = dialog.date_message.text()
    assert "not a date" in text and "accepted" in text and "summer 2024" in text and ".." in text
    ev, ann = saved(known_db, september)
    assert ev.value == "2024-09" and ev.title != "A new title" and ann["review"] == "unreviewed"
    assert not w.editing.undo_action.isEnabled()
    dialog.reject()


def test_the_dialog_edits_countries_title_rejection_star_tags_and_note(win, known_db):
    w = win
    ids = event_ids(known_db)
    summer, weekend = ids["this summer"], ids["last weekend"]
    d = w.edit_event(weekend)
    d.tags.add("talks")
    d.buttons.button(d.buttons.StandardButton.Ok).click()

    d = w.edit_event(summer)
    assert d.tag_completer.model().stringList() == ["talks"]      # the tags already used
    assert d.countries.items() == ["UA", "RU"]
    d.countries.remove("RU")
    d.countries.field.setText("pl")
    QTest.keyClick(d.countries.field, Qt.Key.Key_Return)           # Enter adds, the dialog stays
    assert d.isVisible() and d.countries.items() == ["UA", "PL"]
    d.countries.field.setText("not a code!")
    d.countries.add_typed()
    assert d.countries.message.isVisible() and d.countries.items() == ["UA", "PL"]
    d.countries.field.clear()
    d.title_edit.setText("Kursk offensive")
    d.star.setChecked(True)
    d.tags.field.setText("Talks")                                   # typed, not added: OK adds it
    d.note_edit.setPlainText("two sources agree")
    d.buttons.button(d.buttons.StandardButton.Ok).click()
    ev, ann = saved(known_db, summer)
    assert ev.countries == ["UA", "PL"] and ev.title == "Kursk offensive"
    assert ann["review"] == "corrected" and ann["starred"] and ann["tags"] == ["Talks"]
    assert ann["note"] == "two sources agree"
    assert "PL" in w.timeline.lanes()                                # shown at once
    assert w.model.index(w.model.cached_row_of(summer), 2).data() == "Kursk offensive"
    assert w.editing.undo_action.text().replace("&", "") == \
        "Undo countries, title, note, tags and star of “Kursk offensive”"

    d = w.edit_event(summer)
    d.not_event.setChecked(True)
    d.reason_edit.setText("a plan, not a happening")
    d.buttons.button(d.buttons.StandardButton.Ok).click()
    _, ann = saved(known_db, summer)
    assert ann["review"] == "rejected" and ann["reason"] == "a plan, not a happening"
    d = w.edit_event(summer)
    assert d.not_event.isChecked() and d.reason_edit.text() == "a plan, not a happening"
    d.reject()


def test_context_menus_open_the_dialog(win, known_db, qtbot):
    w = win
    ids = event_ids(known_db)
    september = ids["Last September"]
    # the table's
    row = w.model.cached_row_of(september)
    assert row is not None
    pos = w.table.visualRect(w.model.index(row, 2)).center()
    w.table.customContextMenuRequested.emit(pos)
    menu = w.last_event_menu
    edit = next(a for a in menu.actions() if a.text().startswith("&Edit event"))
    menu.close()
    edit.trigger()
    dialog = dialog_of(w)
    assert dialog.event_id == september
    dialog.reject()
    # the timeline's: a right-click on the event selects it and asks for its menu
    w.timeline._ensure_painted()
    at = w.timeline.event_view_pos(ids["this Monday, November 18"])
    assert at is not None
    with qtbot.waitSignal(w.timeline.eventMenuRequested, timeout=1000) as sig:
        right_click(w.timeline.viewport_widget(), at)
    assert sig.args[0] == ids["this Monday, November 18"]
    assert w.view_state.selected == ids["this Monday, November 18"]
    menu = w.last_event_menu
    star = next(a for a in menu.actions() if a.text().startswith("&Star"))
    menu.close()
    star.trigger()
    assert saved(known_db, ids["this Monday, November 18"])[1]["starred"]


def test_read_only_says_so_once_and_offers_a_copy(win, tmp_path, known_db, monkeypatch, warnings_shown):
    w = win
    ro = open_readonly(w, tmp_path, known_db, monkeypatch)
    september = event_ids(ro)["Last September"]
    w.select_event(september)
    on_timeline(w, Qt.Key.Key_S)                         # refused: one box (the test's answer: not Save)
    assert len(warnings_shown) == 1 and "read-only" in warnings_shown[0][1]
    on_timeline(w, Qt.Key.Key_Return)                    # again: the status bar only
    assert w.edit_event() is None
    assert len(warnings_shown) == 1
    assert "read-only" in w.statusBar().currentMessage()
    assert not saved(ro, september)[1]["starred"]

    # another attempt in a new window session on it: this time save a copy and edit that
    w.editing.told_readonly = False
    copy = tmp_path / "mine.db"
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Save))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(copy), "")))
    on_timeline(w, Qt.Key.Key_S)
    assert copy.is_file() and w.store.path == str(copy) and not w.readonly
    assert "read-only" not in w.windowTitle()
    w.select_event(september)
    on_timeline(w, Qt.Key.Key_S)
    assert saved(copy, september)[1]["starred"]
    assert not saved(ro, september)[1]["starred"]


def test_unstarring_under_starred_only_takes_the_event_off_the_view(win, known_db, qtbot):
    from tests.ui.window_helpers import table_ids
    from viewer.model import ViewFilter
    w = win
    september = event_ids(known_db)["Last September"]
    w.select_event(september)
    on_timeline(w, Qt.Key.Key_S)                              # starred
    w.view_state.set_filter(ViewFilter(starred=True))
    qtbot.waitUntil(lambda: table_ids(w) == {september}, timeout=5000)
    w.select_event(september)
    on_timeline(w, Qt.Key.Key_S)                              # unstarred: "Starred only" keeps nothing now
    qtbot.waitUntil(lambda: table_ids(w) == set(), timeout=5000)
    on_timeline(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)   # undo: starred again, shown again
    qtbot.waitUntil(lambda: table_ids(w) == {september}, timeout=5000)


def test_redo_is_offered_after_the_database_is_opened_again(win, known_db, qtbot):
    """An edit undone before the window was closed can be redone after it is opened again: Edit ▸ Redo
    reads what is undone from the file."""
    w = win
    september = event_ids(known_db)["Last September"]
    w.select_event(september)
    on_timeline(w, Qt.Key.Key_S)
    on_timeline(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not saved(known_db, september)[1]["starred"]
    assert w.open_database(str(known_db))          # the same file, opened again
    assert w.editing.redo_action.isEnabled()
    assert w.editing.redo_action.text().replace("&", "") == "Redo star"
    w.editing.redo_action.trigger()
    assert saved(known_db, september)[1]["starred"]
    assert not w.editing.redo_action.isEnabled()
