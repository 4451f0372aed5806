"""Issue 15, keyboard: the timeline has the keyboard after the Edit dialog or the legend closes, whichever
pane had it before (the table, the search box), in the real window offscreen."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.ui.timeline_helpers import make_store
from tests.ui.window_helpers import shown_window
from viewer.ui.edit_dialog import EditDialog
from viewer.ui.legend import LegendDialog


def _window(qtbot, path):
    make_store(path).close()
    w = shown_window(qtbot)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    assert w.open_database(str(path))
    return w


def _select_first_row(w):
    w.table.selectRow(0)
    assert w.view_state.selected is not None


def _focus_table(qtbot, w):
    w.table.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.table)


def test_the_timeline_has_the_keyboard_after_the_edit_dialog_is_cancelled(qtbot, tmp_path):
    w = _window(qtbot, tmp_path / "f.db")
    _select_first_row(w)
    _focus_table(qtbot, w)
    dialog = w.edit_event()
    qtbot.waitUntil(dialog.isVisible)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)             # Cancel
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.timeline)


def test_the_timeline_has_the_keyboard_after_the_edit_dialog_is_accepted(qtbot, tmp_path):
    w = _window(qtbot, tmp_path / "f.db")
    _select_first_row(w)
    w.filters.search.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.filters.search)
    dialog = w.edit_event()
    qtbot.waitUntil(dialog.isVisible)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.timeline)


def test_the_edit_dialog_opened_with_the_e_key_gives_the_keyboard_back_to_the_timeline(qtbot, tmp_path):
    w = _window(qtbot, tmp_path / "f.db")
    _select_first_row(w)
    _focus_table(qtbot, w)
    QTest.keyClick(w.table, Qt.Key.Key_E)                 # the review key, not through the menu
    qtbot.waitUntil(lambda: any(d.isVisible() for d in w.findChildren(EditDialog)))
    dialog = next(d for d in w.findChildren(EditDialog) if d.isVisible())
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.timeline)


def test_the_timeline_has_the_keyboard_after_the_legend_closes(qtbot, tmp_path):
    w = _window(qtbot, tmp_path / "f.db")
    _focus_table(qtbot, w)
    w.findChild(QAction, "legendAction").trigger()
    legend = w.findChild(LegendDialog, "legendDialog")
    qtbot.waitUntil(legend.isVisible)
    legend.close()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.timeline)
    # opened again (the same window raised) and closed with its Close button
    _focus_table(qtbot, w)
    w.findChild(QAction, "legendAction").trigger()
    qtbot.waitUntil(legend.isVisible)
    legend.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.timeline)
