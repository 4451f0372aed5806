"""QA round 4: what the window remembers between runs, as a person meets it when they open the window again:
"Only what is in view" above the table (ticked or not), and the filter panel's page (Dates or Review) they
were on. Real widgets, offscreen; settings in a temporary folder (conftest)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.window_helpers import shown_window


def _opened(qtbot, known_db):
    w = shown_window(qtbot, remember=True, size=(1000, 700))
    assert w.open_database(str(known_db))
    return w


def test_only_what_is_in_view_is_remembered_between_runs(qtbot, known_db, warnings_shown):
    first = _opened(qtbot, known_db)
    assert not first.in_view_button.isChecked()
    qtbot.mouseClick(first.in_view_button, Qt.MouseButton.LeftButton)     # the person ticks it
    assert first.in_view_action.isChecked()
    first.close()

    second = _opened(qtbot, known_db)
    assert second.in_view_button.isChecked() and second.in_view_action.isChecked()
    qtbot.waitUntil(lambda: second.listed_label.text().endswith("in view"))   # "n of N in view"
    assert second.listed_label.isVisible()
    qtbot.mouseClick(second.in_view_button, Qt.MouseButton.LeftButton)    # and unticks it
    assert not second.in_view_action.isChecked()
    second.close()

    third = _opened(qtbot, known_db)
    assert not third.in_view_button.isChecked() and not third.in_view_action.isChecked()
    assert third.listed_label.text() == ""
    assert not warnings_shown
    third.close()


def test_the_filter_panels_page_is_remembered_between_runs(qtbot, known_db, warnings_shown):
    first = _opened(qtbot, known_db)
    tabs = first.filters.pages
    assert tabs.tabText(tabs.currentIndex()).startswith("Dates")
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())    # the Review tab
    assert tabs.tabText(tabs.currentIndex()).startswith("Review")
    first.close()

    second = _opened(qtbot, known_db)
    tabs = second.filters.pages
    assert tabs.tabText(tabs.currentIndex()).startswith("Review")
    assert second.filters.review.isVisible() and not second.filters.date_from.isVisible()
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())    # back to Dates
    second.close()

    third = shown_window(qtbot, remember=True, size=(1000, 700))    # no database opened yet: the page too
    tabs = third.filters.pages
    assert tabs.tabText(tabs.currentIndex()).startswith("Dates")
    assert third.filters.date_from.isVisible()
    assert not warnings_shown
    third.close()
