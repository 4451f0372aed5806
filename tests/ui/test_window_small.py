"""Small windows and large fonts: at 800×600 the timeline keeps at least half the width, the table's
columns stay readable at 150% font size, a remembered geometry larger than the screen is fitted to it."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QApplication

from tests.ui.window_helpers import shown_window
from viewer.ui.settings import open_settings


def test_at_800_by_600_the_timeline_keeps_half_the_width(qtbot, known_db, warnings_shown):
    w = shown_window(qtbot, size=(800, 600))
    assert w.open_database(str(known_db))
    qtbot.wait(20)
    assert w.timeline.width() >= w.width() * 0.5 - 2, (w.timeline.width(), w.main_split.sizes())
    assert all(size > 0 for size in w.main_split.sizes()), "the side panels shrink, they are not lost"
    w.resize(1400, 800)                 # wider again: the panels may grow back, the timeline keeps its share
    qtbot.wait(20)
    assert w.timeline.width() >= w.width() * 0.5 - 2
    w.resize(800, 600)
    qtbot.wait(20)
    assert w.timeline.width() >= w.width() * 0.5 - 2


def test_the_table_stays_readable_at_150_percent(qtbot, known_db, warnings_shown):
    app = QApplication.instance()
    before = QFont(app.font())
    big = QFont(before)
    big.setPointSizeF(before.pointSizeF() * 1.5)
    app.setFont(big)
    try:
        w = shown_window(qtbot, size=(1400, 800))
        assert w.open_database(str(known_db))
        qtbot.wait(20)
        table, model = w.table, w.model
        fm = QFontMetrics(table.font())
        assert table.font().pointSizeF() >= before.pointSizeF() * 1.45
        assert table.verticalHeader().defaultSectionSize() >= fm.height() + 4
        head = table.horizontalHeader()
        for col in (0, 1, 3):
            widest = max(fm.horizontalAdvance(str(model.data(model.index(r, col)) or ""))
                         for r in range(model.rowCount()))
            assert head.sectionSize(col) >= widest + 8, (col, head.sectionSize(col), widest)
        w.close()
    finally:
        app.setFont(before)


def test_a_remembered_geometry_larger_than_the_screen_is_fitted(qtbot, known_db, warnings_shown):
    area = QGuiApplication.primaryScreen().availableGeometry()
    w = shown_window(qtbot, remember=True, size=None)
    w.setGeometry(QRect(area.x() + 10, area.y() + 10, 600, 400))
    w.save_state()
    w.close()
    s = open_settings()
    w2 = shown_window(qtbot, remember=False, size=None)
    w2.setGeometry(QRect(area.x() - 500, area.y() - 300, area.width() * 2, area.height() * 2))
    s.setValue("window/geometry", w2.saveGeometry())
    s.sync()
    w2.close()
    w3 = shown_window(qtbot, remember=True, size=None)
    frame = w3.frameGeometry()
    assert frame.width() <= area.width() and frame.height() <= area.height(), (frame, area)
    assert area.contains(frame.topLeft()), (frame, area)


def _big_font(factor: float = 1.5):
    app = QApplication.instance()
    before = QFont(app.font())
    big = QFont(before)
    big.setPointSizeF(before.pointSizeF() * factor)
    app.setFont(big)
    return app, before


def _widest(table, col: int) -> int:
    model, fm = table.model(), QFontMetrics(table.font())
    return max(fm.horizontalAdvance(str(model.data(model.index(r, col)) or "")) for r in range(model.rowCount()))


def _title_is_readable(w) -> None:
    head = w.table.horizontalHeader()
    assert head.sectionSize(2) >= 150, [head.sectionSize(c) for c in range(head.count())]
    assert not w.table.isColumnHidden(0) and not w.table.isColumnHidden(2)
    assert head.sectionSize(0) >= _widest(w.table, 0) + 8          # every date whole
    # what is shown fits beside it: the table does not scroll sideways to show the title
    shown = sum(head.sectionSize(c) for c in range(head.count()) if not w.table.isColumnHidden(c))
    assert shown <= w.table.viewport().width() + 1, (shown, w.table.viewport().width())


def test_at_800_by_600_the_title_column_is_readable(qtbot, known_db, warnings_shown):
    w = shown_window(qtbot, size=(800, 600))
    assert w.open_database(str(known_db))
    qtbot.wait(20)
    _title_is_readable(w)
    assert not w.table.isColumnHidden(3), "the countries still have a column"
    w.resize(1400, 800)                           # room again: every column is back
    qtbot.waitUntil(lambda: not any(w.table.isColumnHidden(c) for c in range(4)))
    head = w.table.horizontalHeader()
    assert head.sectionSize(1) >= _widest(w.table, 1) + 8 and head.sectionSize(3) >= _widest(w.table, 3) + 8
    assert head.sectionSize(2) >= 300


def _scroll_to(area, widget) -> None:
    """Scroll `area` as a person would until `widget` (inside it) is in view, if it fits."""
    at = widget.mapTo(area.widget(), QPoint(0, 0))
    for bar, start, size, room in ((area.horizontalScrollBar(), at.x(), widget.width(), area.viewport().width()),
                                   (area.verticalScrollBar(), at.y(), widget.height(), area.viewport().height())):
        if start < bar.value():
            bar.setValue(start)
        elif start + size > bar.value() + room:
            bar.setValue(start + size - room)


def _whole_in_view(widget) -> bool:
    """The widget is shown whole: nothing of it is cut off by the panels around it."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def test_at_150_percent_and_800_by_600_the_filters_scroll_instead_of_clipping(qtbot, known_db, warnings_shown):
    app, before = _big_font()
    try:
        w = shown_window(qtbot, size=(800, 600))
        assert w.open_database(str(known_db))
        qtbot.wait(20)
        assert w.timeline.width() >= w.width() * 0.5 - 2, (w.timeline.width(), w.main_split.sizes())
        _title_is_readable(w)
        f, area = w.filters, w.filter_scroll
        assert area.widget() is f and f.height() > area.viewport().height(), "the panel is taller: it scrolls"
        lists = (f.countries.tree, f.languages.tree)
        for tree in lists:                          # the lists show rows, not a header and a sliver
            rows = min(3, tree.topLevelItemCount())
            assert rows and tree.viewport().height() >= rows * tree.sizeHintForRow(0), tree.objectName()
        boxes = [f.search, f.date_from, f.date_to, f.precision, f.article, f.reset_button]
        for box in boxes:                           # at full height, as wide as they need
            assert box.height() >= box.minimumSizeHint().height(), box.objectName()
            assert box.width() >= box.minimumSizeHint().width(), box.objectName()
        for widget in [*lists, *boxes]:             # and each can be scrolled into view, whole
            _scroll_to(area, widget)
            qtbot.waitUntil(lambda widget=widget: _whole_in_view(widget))
        w.close()
    finally:
        app.setFont(before)


def test_at_800_by_600_the_country_list_shows_names_not_initials(qtbot, known_db, warnings_shown):
    """In a narrow filter panel the code column gives way, so "Russia" is not cut to "R…"; with room it is back."""
    w = shown_window(qtbot, size=(800, 600))
    assert w.open_database(str(known_db))
    tree = w.filters.countries.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0)
    qtbot.waitUntil(lambda: tree.header().sectionSize(0) >= w.filters.countries.NAME_LEAST_PX)
    assert tree.isColumnHidden(1)
    w.resize(1400, 800)                           # a wider panel: the codes are back
    sizes = w.main_split.sizes()
    w.main_split.setSizes([400, sizes[1] - (400 - sizes[0]), sizes[2]])
    qtbot.waitUntil(lambda: not tree.isColumnHidden(1))
    assert tree.header().sectionSize(0) >= w.filters.countries.NAME_LEAST_PX
