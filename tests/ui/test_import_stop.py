"""Imports you can stop and quit (issue 15): Stop ends the work (the worker processes and the thread),
and another import then works; closing the window during an import asks; quitting during an import
stops it and the program exits cleanly."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from tests.proc_helpers import GOOD, HAS_PROC, one_line, wait_gone, wait_workers, workers
from tests.ui.window_helpers import empty_window

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not HAS_PROC, reason="watches worker processes through /proc")


def big_folder(tmp_path: Path, n: int = 3) -> Path:
    """Files that keep a worker busy for a while each (2 MB lines with no sentence end)."""
    folder = tmp_path / "big"
    folder.mkdir()
    for i in range(n):
        one_line(folder / f"big{i}.txt", 2_000_000)
    return folder


def _stop_button(w) -> QPushButton:
    dialog = w.importer.controller.dialog
    assert isinstance(dialog, QProgressDialog)
    (button,) = [b for b in dialog.findChildren(QPushButton) if b.text() == "Stop"]
    return button


def test_stop_ends_the_work_and_another_import_works(qtbot, tmp_path, warnings_shown):
    w = empty_window(qtbot, tmp_path / "t.db")
    assert w.import_paths([str(big_folder(tmp_path))])
    busy = wait_workers(os.getpid(), 30)
    assert busy, "the import never started its worker processes"
    with qtbot.waitSignal(w.importFinished, timeout=10_000) as done:
        _stop_button(w).click()                          # Stop, in the progress dialog
    assert done.args[0] is not None and done.args[0].stopped
    assert wait_gone(busy, 5) == []                      # the CPU work has ended: no worker left
    assert workers(os.getpid()) == []
    assert w.importer.controller is None and w.import_action.isEnabled()
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    with qtbot.waitSignal(w.importFinished, timeout=60_000) as done:
        assert w.import_paths([str(good)])               # a second import is not refused
    summary = done.args[0]
    assert not summary.stopped and summary.articles_added == 1
    assert w.model.rowCount() == w.store.count_events(None) >= 1
    assert not warnings_shown


def _answer(qtbot, button_text: str, answered: list) -> None:
    """Click ``button_text`` in the question the window asks, as soon as it shows."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        answered.append(box.text())
        (button,) = [b for b in box.buttons() if b.text() == button_text]
        button.click()
    QTimer.singleShot(20, click)


def test_closing_the_window_during_an_import_asks(qtbot, tmp_path, warnings_shown):
    w = empty_window(qtbot, tmp_path / "t.db")
    assert w.import_paths([str(big_folder(tmp_path))])
    busy = wait_workers(os.getpid(), 30)
    assert busy
    controller = w.importer.controller
    asked: list[str] = []
    _answer(qtbot, "Keep importing", asked)
    assert not w.close()                                 # kept open: the import goes on
    assert asked and "import" in asked[0].lower()
    assert w.isVisible() and controller.running() and all(not p or p in workers(os.getpid()) for p in busy)
    asked.clear()
    _answer(qtbot, "Stop import and close", asked)
    assert w.close()
    assert asked
    assert not w.isVisible()
    assert not controller.worker.isRunning()             # no thread left running ...
    assert wait_gone(busy, 5) == [] and workers(os.getpid()) == []     # ... nor any worker
    assert not warnings_shown


def test_quitting_during_an_import_exits_cleanly(tmp_path):
    """The application quits (QApplication.quit, as the desktop's Quit does) while workers are busy: it
    exits 0 at once, without "QThread: Destroyed while thread is still running" and without asking."""
    proc = subprocess.run([sys.executable, "-m", "tests.ui.test_import_stop", str(tmp_path)], cwd=ROOT,
                          capture_output=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode == 0, err
    assert "QThread" not in err and "Traceback" not in err, err
    out = proc.stdout.decode()
    assert "workers busy" in out and "workers left: 0" in out, out


def _quit_during_import(tmp: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from viewer.ui.app import make_app
    from viewer.ui.main_window import MainWindow

    app = make_app([])
    w = MainWindow(remember=False)
    w.show()
    assert w.open_database(str(tmp / "t.db"))
    assert w.import_paths([str(big_folder(tmp))])
    busy: list[int] = []

    def quit_when_busy() -> None:
        if not workers(os.getpid()):
            QTimer.singleShot(50, quit_when_busy)
            return
        busy.extend(workers(os.getpid()))
        print("workers busy", flush=True)
        app.quit()

    QTimer.singleShot(50, quit_when_busy)
    code = app.exec()
    print(f"workers left: {len(wait_gone(busy, 5))}", flush=True)
    sys.exit(code)


if __name__ == "__main__":
    _quit_during_import(Path(sys.argv[1]))
