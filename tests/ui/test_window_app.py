"""run_gui as the command line calls it: opens the window on the database, runs, returns 0."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def no_quit_on_close(qapp):
    """Closing the last window would post a quit that ends the next test's event loop early."""
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.processEvents()
    qapp.setQuitOnLastWindowClosed(True)


def test_run_gui_opens_the_database_and_returns(qtbot, known_db, warnings_shown):
    from viewer.ui.app import run_gui
    from viewer.ui.main_window import MainWindow

    seen = {}

    def look_and_quit():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen["titles"] = [w.windowTitle() for w in windows]
        seen["rows"] = [w.model.rowCount() for w in windows]
        for w in windows:
            w.close()
        QApplication.instance().quit()

    QTimer.singleShot(300, look_and_quit)
    assert run_gui(str(known_db), []) == 0
    assert any(known_db.name in t for t in seen["titles"])
    assert 4 in seen["rows"]
    assert not warnings_shown


def test_run_gui_on_a_broken_database_keeps_running(qtbot, tmp_path, warnings_shown):
    from viewer.ui.app import run_gui
    from viewer.ui.main_window import MainWindow

    bad = tmp_path / "broken.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x01" * 4000)
    alive = {}

    def quit_later():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        alive["n"] = len(windows)
        for w in windows:
            w.close()
        QApplication.instance().quit()

    QTimer.singleShot(300, quit_later)
    assert run_gui(str(bad), []) == 0
    assert alive["n"] >= 1
    assert warnings_shown and "broken.db" in warnings_shown[0][1]
