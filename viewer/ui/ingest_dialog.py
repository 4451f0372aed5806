"""Importing articles in the background: a worker thread running viewer.ingest.ingest_paths, a
progress dialog that can cancel, and the window refreshed when it ends. The timeline stays usable
meanwhile (the dialog is not modal; the ingest opens its own database connection).

The size limit of one article (a file, a dump record) is a remembered setting (File ▸ Import Size
Limit…); larger inputs are listed as not read, with the way to raise the limit."""
from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QObject, Qt, QThread, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QMessageBox, QProgressDialog,
                               QSpinBox, QVBoxLayout)

from viewer.ui.settings import open_settings

MAX_ERRORS_SHOWN = 12
QUIT_WAIT_MS = 60_000    # how long quitting waits for a stopped import to end (it ends within seconds)
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


def _listed(lines: list[str]) -> str:
    more = len(lines) - MAX_ERRORS_SHOWN
    return "\n".join(lines[:MAX_ERRORS_SHOWN]) + (f"\n… and {more} more" if more > 0 else "")


class IngestWorker(QThread):
    progressed = Signal(int, int)
    item_failed = Signal(str)     # an input that was not read (skipped)
    item_noted = Signal(str)      # an input read with a note (a date inferred, a limit on the work applied)
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
            text = f"{where}: {getattr(err, 'message', err)}" if where else str(err)
            (self.item_failed if getattr(err, "skipped", True) else self.item_noted).emit(text)

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
        self.notes: list[str] = []
        self.summary = None
        self.limit_mb = import_limit_mb()
        self.worker = IngestWorker(paths, db_path, self, max_bytes=self.limit_mb * 1024 * 1024)
        self.worker.progressed.connect(self._progress)
        self.worker.item_failed.connect(self.errors.append)
        self.worker.item_noted.connect(self.notes.append)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.crashed.connect(self._crashed)
        self.worker.finished.connect(self._ended)
        self._failure: str | None = None
        self.report_box: QMessageBox | None = None   # the report shown when the import ended, if any
        self.quiet = False             # the window is closing: no reports when the import ends
        self.quitting = False          # the application is quitting (its windows close without asking)
        app = QApplication.instance()
        if app is not None:            # quitting the application stops the import and waits for its end
            app.installEventFilter(self)
            app.aboutToQuit.connect(self._quitting)

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
        """Stop: what is read is kept, the worker processes end at once, the thread soon after."""
        self.worker.stop()
        if self.worker.isRunning():
            self.window.statusBar().showMessage("Stopping the import…")

    def wait(self, ms: int) -> bool:
        return self.worker.wait(ms)

    def stop_and_wait(self, ms: int) -> bool:
        """Stop and wait up to ``ms`` for the thread to end (the window is closing: nothing is reported
        afterwards). True when it has ended."""
        self.quiet = True
        self.worker.stop()
        return self.worker.wait(ms)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Quit:
            self.quitting = True
        return False

    def _quitting(self) -> None:
        if self.worker.isRunning():
            self.stop_and_wait(QUIT_WAIT_MS)

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
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        if self.quiet:
            pass
        elif self._failure:
            self._report(QMessageBox.Icon.Warning, "Import failed", self._failure)
        elif self.errors or self.notes:
            parts = []
            if self.errors:
                parts.append(f"{len(self.errors)} could not be read (skipped):\n" + _listed(self.errors)
                             + ("\n\nArticles over the size limit "
                                f"({self.limit_mb} MB) can be read after raising it in File ▸ Import Size Limit…"
                                if any("size limit" in e for e in self.errors) else ""))
            if self.notes:
                parts.append(f"Read, with {len(self.notes)} note{'s' if len(self.notes) != 1 else ''}:\n"
                             + _listed(self.notes))
            self._report(QMessageBox.Icon.Information,
                         "Some items could not be read" if self.errors else "Imported, with notes",
                         "\n\n".join(parts))
        self.finished.emit(self.summary)

    def _report(self, icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        focus = getattr(self.window, "focus_timeline", None)
        if focus is not None:        # closed: the timeline has the keyboard again
            box.finished.connect(lambda _result: focus())
        self.report_box = box
        box.open()   # not exec(): never blocks the event loop
