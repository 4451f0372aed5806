"""QA round 3, the events table: an event dated from context reads "weekend (context)" in the Precision
column whole, not "weeken…", and the cell's tooltip says what the precision is and how the date was
obtained. Real widgets, offscreen."""
from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from tests.ui.conftest import SEED, known_articles
from tests.ui.window_helpers import shown_window
from viewer.store import Store


@pytest.fixture
def context_db(tmp_path):
    """The seed article's four events, the weekend one dated from context (the time the text is at)."""
    if SEED is None:
        pytest.skip("seeds/ has no article")
    article, events = known_articles(SEED.read_text(encoding="utf-8"))
    events = [replace(e, dating="context") if e.time.granularity == "weekend" else e for e in events]
    path = tmp_path / "context.db"
    store = Store.open(path)
    store.add_articles([(article, events, sorted({c for e in events for c in e.countries}))])
    store.close()
    return path


@pytest.mark.parametrize("size", [(1400, 800), (1200, 760)])
def test_a_date_from_context_reads_whole_in_the_precision_column(qtbot, warnings_shown, context_db, size):
    w = shown_window(qtbot, size=size)
    assert w.open_database(str(context_db))
    qtbot.wait(20)
    table, model = w.table, w.model
    assert not table.isColumnHidden(1)
    labels = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert "weekend (context)" in labels
    fm = QFontMetrics(table.font())
    head = table.horizontalHeader()
    assert head.sectionSize(1) >= max(fm.horizontalAdvance(t) for t in labels) + 8
    row = labels.index("weekend (context)")
    tip = model.data(model.index(row, 1), Qt.ItemDataRole.ToolTipRole)
    assert "weekend" in tip and "from context" in tip
    assert head.sectionSize(2) >= 200                     # the titles keep their room
    assert not warnings_shown


def test_the_keys_box_fits_the_screen_one_line_a_key(qtbot, warnings_shown, context_db):
    """Help ▸ Keyboard and mouse on a small screen (offscreen: 800x600): the box, its Close button
    included, is on the screen, and no description is wrapped onto a second line."""
    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

    w = shown_window(qtbot, size=(800, 560))
    assert w.open_database(str(context_db))
    w.show_keys()
    box = w.keys_box
    qtbot.waitUntil(box.isVisible)
    screen = QApplication.primaryScreen().availableGeometry()
    assert box.height() <= screen.height() and box.width() <= screen.width(), (box.size(), screen)
    close = box.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert close.isVisible()
    assert box.rect().contains(close.geometry().translated(close.parentWidget().mapTo(box, close.pos()) - close.pos()))
    text = box.findChild(QLabel).text()
    assert "<b>M</b>" in text and "merge another event into the selected one" in text
    # one line a key: the table is no taller than its rows at one line each
    label = box.findChild(QLabel)
    rows = text.count("<tr>")
    assert label.sizeHint().height() <= rows * (label.fontMetrics().lineSpacing() + 8) + 12
    close.click()
    qtbot.waitUntil(lambda: not box.isVisible())
