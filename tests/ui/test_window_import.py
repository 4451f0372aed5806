"""Importing from the window: the real ingest (viewer.ingest) in the background, then the window
shows what was read. Also drag-and-drop of files onto the window."""
from __future__ import annotations

import importlib.util

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.ui.window_helpers import empty_window
from viewer.paths import seeds_dir

needs_ingest = pytest.mark.skipif(importlib.util.find_spec("viewer.ingest") is None,
                                  reason="viewer.ingest not there yet")


@needs_ingest
def test_import_the_seeds_end_to_end(qtbot, tmp_path, warnings_shown):
    w = empty_window(qtbot, tmp_path / "new.db")
    with qtbot.waitSignal(w.importFinished, timeout=60000) as done:
        assert w.import_paths([str(seeds_dir())])
    summary = done.args[0]
    assert summary is not None and summary.articles_added >= 1 and summary.events_added >= 1
    assert w.model.rowCount() == summary.events_added
    assert w.filters.countries.codes()                     # countries found
    assert w.filters.article.count() == 1 + summary.articles_added
    assert "events" in w.count_label.text()
    first = w.model.event_at(0)
    w.select_event(first.id)
    assert first.sentence[:30] in w.excerpt.toPlainText()
    assert not warnings_shown


@needs_ingest
def test_dropping_files_onto_the_window_imports_them(qtbot, tmp_path, warnings_shown):
    w = empty_window(qtbot, tmp_path / "new.db")
    article = tmp_path / "a.txt"
    article.write_text("On 3 March 2022, Russian forces shelled Kharkiv, Ukraine's second city.\n",
                       encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    drop = QDropEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(w.importFinished, timeout=60000):
        w.dropEvent(drop)
    assert w.filters.article.count() == 2                  # "All articles" + the dropped one
    assert w.model.rowCount() == w.store.count_events(None) >= 1


def test_import_needs_a_writable_file_database(qtbot, known_db, warnings_shown):
    from viewer.ui.app import make_app
    from viewer.ui.main_window import MainWindow

    make_app()
    w = MainWindow(remember=False)
    qtbot.addWidget(w)
    assert w.open_database(":memory:")
    assert w.import_paths(["/nonexistent"]) is False
    (title, text), = warnings_shown                     # one warning, saying why
    assert title == "Import articles" and "database file" in text


@needs_ingest
def test_an_import_can_be_stopped(qtbot, tmp_path, warnings_shown):
    w = empty_window(qtbot, tmp_path / "new.db")
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(30):
        (folder / f"a{i:02d}.txt").write_text(
            f"On {i % 28 + 1} March 2022, Russian forces shelled Kharkiv for the {i}th time.\n", encoding="utf-8")
    with qtbot.waitSignal(w.importFinished, timeout=60000) as done:
        assert w.import_paths([str(folder)])
        w.importer.controller.cancel()                 # Stop, while the first article is being read
        assert not w.import_action.isEnabled()         # one import at a time
        w.timeline.fit_all()                           # the window stays usable meanwhile
    summary = done.args[0]
    assert summary is not None and summary.stopped
    assert summary.articles_added < 30                 # what was read before the stop is kept ...
    assert w.import_action.isEnabled()
    assert w.model.rowCount() == w.store.count_events(None)          # ... and shown
    with qtbot.waitSignal(w.importFinished, timeout=60000) as done:
        assert w.import_paths([str(folder)])           # importing again reads the rest
    rest = done.args[0]
    assert not rest.stopped and rest.articles_added == 30 - summary.articles_added
    assert w.filters.article.count() == 1 + 30


def test_dragging_files_over_the_window_shows_where_they_go(qtbot, known_db, tmp_path, warnings_shown):
    from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent

    from viewer.ui.app import make_app
    from viewer.ui.main_window import MainWindow

    make_app()
    w = MainWindow(remember=False)
    qtbot.addWidget(w)
    w.show()
    assert w.open_database(str(known_db))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "a.txt")), QUrl.fromLocalFile(str(tmp_path / "b.txt"))])
    enter = QDragEnterEvent(QPoint(40, 40), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    w.dragEnterEvent(enter)
    assert enter.isAccepted()
    assert w.importer.drop_hint.isVisible() and "these 2 items" in w.importer.drop_hint.text()
    assert known_db.name in w.importer.drop_hint.text()
    w.dragLeaveEvent(QDragLeaveEvent())
    assert not w.importer.drop_hint.isVisible()
