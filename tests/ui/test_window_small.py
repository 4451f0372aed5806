"""Small windows and large fonts: at 800×600 the timeline keeps at least half the width, the table's
columns stay readable at 150% font size, a remembered geometry larger than the screen is fitted to it."""
from __future__ import annotations

from PySide6.QtCore import QRect
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
