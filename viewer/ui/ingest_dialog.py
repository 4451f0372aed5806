"""Importing articles in the background: a worker thread running viewer.ingest.ingest_paths, a
progress dialog that can cancel, and the window refreshed when it ends. The timeline stays usable
meanwhile (the dialog is not modal; the ingest opens its own database connection)."""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog

MAX_ERRORS_SHOWN = 12


class IngestWorker(QThread):
    progressed = Signal(int, int)
    item_failed = Signal(str)
    succeeded = Signal(object)    # IngestSummary
    crashed = Signal(str)

    def __init__(self, paths: list[str], db_path: str, parent=None):
        super().__init__(parent)
        from viewer.ingest import ingest_paths   # ImportError here: importing is not available
        self._ingest = ingest_paths
        self.paths = paths
        self.db_path = db_path
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def run(self) -> None:
        def on_error(err) -> None:
            where = str(getattr(err, "source", "") or "")
            line = getattr(err, "line", None)
            if line:
                where += f":{line}"
            self.item_failed.emit(f"{where}: {getattr(err, 'message', err)}" if where else str(err))

        try:
            summary = self._ingest(
                self.paths, self.db_path,
                progress=lambda done, total: self.progressed.emit(int(done), int(total or 0)),
                on_error=on_error, should_stop=self._stop.is_set)
        except Exception as exc:  # noqa: BLE001 - reported to the person, never a crash
            self.crashed.emit(f"{type(exc).__name__}: {exc}" if not str(exc) else str(exc))
            return
        self.succeeded.emit(summary)


class ImportController(QObject):
    """One import: start(), cancel(), finished(summary or None)."""

    finished = Signal(object)

    def __init__(self, window, paths: list[str], db_path: str):
        super().__init__(window)
        self.window = window
        self.errors: list[str] = []
        self.summary = None
        self.worker = IngestWorker(paths, db_path, self)
        self.worker.progressed.connect(self._progress)
        self.worker.item_failed.connect(self.errors.append)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.crashed.connect(self._crashed)
        self.worker.finished.connect(self._ended)
        self._failure: str | None = None

        n = len(paths)
        self.dialog = QProgressDialog(
            f"Reading {n} {'item' if n == 1 else 'items'}…", "Stop", 0, 0, window)
        self.dialog.setWindowTitle("Importing articles")
        self.dialog.setWindowModality(Qt.WindowModality.NonModal)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> None:
        self.window.statusBar().showMessage("Importing articles…")
        self.worker.start()

    def running(self) -> bool:
        return self.worker.isRunning()

    def cancel(self) -> None:
        self.worker.stop()
        self.dialog.setLabelText("Stopping after the current article…")

    def wait(self, ms: int) -> bool:
        return self.worker.wait(ms)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
            self.dialog.setLabelText(f"Read {done:,} of {total:,}…"
                                     + (f"  ({len(self.errors)} could not be read)" if self.errors else ""))

    def _succeeded(self, summary) -> None:
        self.summary = summary

    def _crashed(self, message: str) -> None:
        self._failure = message

    def _ended(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        if self._failure:
            self._report(QMessageBox.Icon.Warning, "Import failed", self._failure)
        elif self.errors:
            shown = "\n".join(self.errors[:MAX_ERRORS_SHOWN])
            more = len(self.errors) - MAX_ERRORS_SHOWN
            self._report(QMessageBox.Icon.Information, "Some items could not be read",
                         f"{len(self.errors)} could not be read:\n{shown}"
                         + (f"\n… and {more} more" if more > 0 else ""))
        self.finished.emit(self.summary)

    def _report(self, icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()   # not exec(): never blocks the event loop
