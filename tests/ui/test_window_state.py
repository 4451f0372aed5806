"""The window's widgets stay in step through the one view state they share."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from viewer.model import ViewFilter

from viewer.store import Store
from viewer.ui.models import EVENT_ID_ROLE


def _ids(store_path) -> dict[str, int]:
    """time words -> event id"""
    s = Store.open(store_path)
    try:
        return {e.time_text: e.id for e in s.events()}
    finally:
        s.close()


def _current_table_id(w):
    index = w.table.selectionModel().currentIndex()
    return w.model.data(w.model.index(index.row(), 0), EVENT_ID_ROLE) if index.isValid() else None


def test_selecting_in_the_state_selects_in_the_table_the_timeline_and_the_excerpt(window, known_db):
    target = _ids(known_db)["this summer"]
    window.view_state.selected = target
    assert _current_table_id(window) == target
    assert window.timeline.selected_event() == target
    assert window.excerpt.event_id() == target
    window.view_state.selected = None
    assert window.timeline.selected_event() is None and window.excerpt.event_id() is None
    assert not window.table.selectionModel().hasSelection()


def test_choosing_a_row_in_the_table_selects_it_on_the_timeline(window, known_db):
    target = _ids(known_db)["Last September"]
    row = next(r for r in range(window.model.rowCount()) if window.model.event_at(r).id == target)
    window.table.selectRow(row)
    assert window.view_state.selected == target
    assert window.timeline.selected_event() == target


def test_a_filter_widget_sets_the_state_and_the_state_sets_the_widgets(window):
    window.filters.date_from.setDate(QDate(2024, 11, 1))
    assert window.view_state.date_from == "2024-11-01"
    assert window.view_filter().date_from == "2024-11-01"
    assert window.model.rowCount() == 2                     # the weekend and the Monday
    window.view_state.max_granularity = "day"               # set from elsewhere: the panel follows
    assert window.filters.precision.currentData() == "day"
    assert window.model.rowCount() == 1
    window.view_state.set_filter(ViewFilter())
    assert window.filters.date_from.date() == window.filters.date_from.minimumDate()   # "any" again
    assert window.model.rowCount() == 4


def test_the_table_sort_is_the_state_sort(window):
    window.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert window.view_state.sort == ("title", True)
    titles = [window.model.event_at(r).title for r in range(window.model.rowCount())]
    assert titles == sorted(titles, reverse=True)


def test_the_visible_range_in_the_state_moves_the_timeline(window):
    a, b = window.timeline.visible_range()
    window.view_state.visible_range = (a + (b - a) / 4, b - (b - a) / 4)
    x0, x1 = window.timeline.visible_range()
    assert abs(x0 - (a + (b - a) / 4)) < 1 and abs(x1 - (b - (b - a) / 4)) < 1
    window.timeline.fit_all()
    assert window.view_state.visible_range == window.timeline.visible_range()
