"""Importing articles in the background: a worker thread running viewer.ingest.ingest_paths, a
progress dialog that can cancel, and the window refreshed when it ends. The timeline stays usable
meanwhile (the dialog is not modal; the ingest opens its own database connection).

The size limit of one article (a file, a dump record) is a remembered setting (File ▸ Import Size
Limit…); larger inputs are listed as not read, with the way to raise the limit."""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QMessageBox, QProgressDialog, QSpinBox,
                               QVBoxLayout)

from viewer.ui.settings import open_settings

MAX_ERRORS_SHOWN = 12
LIMIT_KEY = "import/max_article_mb"
LIMIT_RANGE_MB = (1, 4096)


def default_limit_mb() -> int:
    from viewer.sources import DEFAULT_MAX_BYTES
    return DEFAULT_MAX_BYTES // (1024 * 1024)


def import_limit_mb() -> int:
    """The remembered size limit of one article, in MB."""
    value = open_settings().value(LIMIT_KEY, default_limit_mb())
    try:
        mb = int(value)
    except (TypeError, ValueError):
        return default_limit_mb()
    return min(max(mb, LIMIT_RANGE_MB[0]), LIMIT_RANGE_MB[1])


def set_import_limit_mb(mb: int) -> None:
    s = open_settings()
    s.setValue(LIMIT_KEY, int(mb))
    s.sync()


class ImportLimitDialog(QDialog):
    """File ▸ Import Size Limit…: the largest article (file or dump record) an import reads."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Import size limit")
        layout = QVBoxLayout(self)
        note = QLabel("Articles larger than this — a single file, or one record of a JSON Lines or CSV "
                      "dump — are not read and are listed when the import ends. Dumps themselves may be "
                      "any size: they are read record by record.")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.spin = QSpinBox()
        self.spin.setRange(*LIMIT_RANGE_MB)
        self.spin.setSuffix(" MB")
        self.spin.setValue(import_limit_mb())
        self.spin.setAccessibleName("Largest article")
        layout.addWidget(self.spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self.spin.setValue(default_limit_mb()))
        layout.addWidget(buttons)

    def accept(self) -> None:
        set_import_limit_mb(self.spin.value())
        super().accept()


def import_limit_action(window) -> QAction:
    """The menu action that opens :class:`ImportLimitDialog` over ``window``."""
    action = QAction("Import Size &Limit…", window)
    action.setStatusTip("The largest article an import reads")

    def edit() -> None:
        dialog = ImportLimitDialog(window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    action.triggered.connect(edit)
    return action


class IngestWorker(QThread):
    progressed = Signal(int, int)
    item_failed = Signal(str)
    succeeded = Signal(object)    # IngestSummary
    crashed = Signal(str)

    def __init__(self, paths: list[str], db_path: str, parent=None, max_bytes: int | None = None):
        super().__init__(parent)
        self.max_bytes = max_bytes
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
                on_error=on_error, should_stop=self._stop.is_set, max_bytes=self.max_bytes)
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
        self.limit_mb = import_limit_mb()
        self.worker = IngestWorker(paths, db_path, self, max_bytes=self.limit_mb * 1024 * 1024)
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
                         + (f"\n… and {more} more" if more > 0 else "")
                         + ("\n\nArticles over the size limit "
                            f"({self.limit_mb} MB) can be read after raising it in File ▸ Import Size Limit…"
                            if any("size limit" in e for e in self.errors) else ""))
        self.finished.emit(self.summary)

    def _report(self, icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()   # not exec(): never blocks the event loop
