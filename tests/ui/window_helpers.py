"""The main window on a new, empty database file, for the tests that import into it."""
from __future__ import annotations


def empty_window(qtbot, path):
    """A shown MainWindow (no remembered settings) with a new database at `path`, holding no events."""
    from viewer.ui.app import make_app
    from viewer.ui.main_window import MainWindow

    make_app()
    w = MainWindow(remember=False)
    qtbot.addWidget(w)
    w.show()
    assert w.open_database(str(path))
    assert w.model.rowCount() == 0
    return w
