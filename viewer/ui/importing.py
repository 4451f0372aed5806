"""Importing into the window's database: File ▸ Import articles / folder, files dropped on the window,
the running import (`viewer.ui.ingest_dialog.ImportController`), what the window does when it ends, and
whether the window may close while one runs.

`Importer` belongs to one window; the window forwards its drag-and-drop events and its close to it."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from viewer.ui import formatting as fmt


class Importer(QObject):
    """Starts imports into ``window``'s database, one at a time (``controller``: the running one, or
    None), and shows the hint while files are dragged over the window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.controller = None          # the running ImportController, if any
        self.into_empty = False         # the running import started on an empty database
        self.drop_hint = QLabel(window)
        self.drop_hint.setObjectName("dropHint")
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.drop_hint.hide()

    # ---------------------------------------------------------------------------------- choosing
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Import articles", "", fmt.import_file_filter())
        if paths:
            self.import_paths(paths)

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self.window, "Import a folder of articles")
        if path:
            self.import_paths([path])

    def import_paths(self, paths: list[str]) -> bool:
        """Read articles into the open database in the background (progress, cancel)."""
        w = self.window
        if w.store is None or w.store.path == ":memory:":
            w.warn("Import articles", "Open or create a database file first.")
            return False
        if w.readonly:
            w.warn("Import articles", "This database is open read-only.")
            return False
        if self.controller is not None and self.controller.running():
            w.warn("Import articles", "An import is already running.")
            return False
        from viewer.ui.ingest_dialog import ImportController
        try:
            self.controller = ImportController(w, [str(p) for p in paths], w.store.path)
        except ImportError as exc:
            w.warn("Import articles", f"Importing is not available in this build ({exc}).")
            return False
        self.controller.finished.connect(self.finished)
        self.into_empty = w.event_total() == 0
        if self.into_empty:
            w.view_state.fitted()      # nothing to keep in an empty view: follow the data unless moved
        self.controller.start()
        w.import_action.setEnabled(False)
        w.import_folder_action.setEnabled(False)
        return True

    def finished(self, summary) -> None:
        """The import ended (``summary`` None if it failed): show what arrived."""
        w = self.window
        self.controller = None
        w.import_action.setEnabled(not w.readonly)
        w.import_folder_action.setEnabled(not w.readonly)
        # into a new or empty database: fit what arrived (unless the person moved the view meanwhile)
        w.refresh(fit=self.into_empty and not w.view_state.moved_since_fit)
        self.into_empty = False
        if summary is not None:
            w.statusBar().showMessage(
                f"Imported {summary.articles_added:,} articles, {summary.events_added:,} events"
                + (f"; {summary.articles_skipped:,} already there" if summary.articles_skipped else "")
                + (" (stopped)" if summary.stopped else ""), 15000)
        w.focus_timeline()     # the progress dialog closed (a report, if shown, gives it back too)
        w.importFinished.emit(summary)

    # ------------------------------------------------------------------------------ drag and drop
    def drag_enter(self, event) -> None:
        w = self.window
        paths = [u for u in event.mimeData().urls() if u.isLocalFile()] if event.mimeData().hasUrls() else []
        if paths and not w.readonly and w.store is not None:
            event.acceptProposedAction()
            n = len(paths)
            self.show_drop_hint(f"Drop to import {'this item' if n == 1 else f'these {n} items'}\n"
                                f"into {Path(w.store.path).name}")
        else:
            event.ignore()

    def drop(self, event) -> None:
        self.drop_hint.hide()
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def show_drop_hint(self, text: str) -> None:
        self.drop_hint.setText(text)
        self.drop_hint.setGeometry(self.window.centralWidget().geometry().adjusted(24, 24, -24, -24))
        self.drop_hint.raise_()
        self.drop_hint.show()

    # ---------------------------------------------------------------------------------- closing
    def confirm_stop(self) -> bool:
        """Ask whether to stop the running import and close; True: stop and close."""
        box = QMessageBox(QMessageBox.Icon.Question, "Import in progress",
                          "Articles are still being imported. Stop the import and close the window? "
                          "What has been read so far is kept; importing the same files again reads the rest.",
                          QMessageBox.StandardButton.NoButton, self.window)
        stop = box.addButton("Stop import and close", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("Keep importing", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is stop

    def may_close(self) -> bool:
        """Closing the window during an import asks (stop the import and close, or keep importing);
        quitting the application stops the import without asking. True: the import's thread has ended
        (what was read is kept) and the window may close; False: it stays (it closes by itself once a
        stopped import has ended)."""
        running = self.controller
        if running is not None and running.running():
            if not running.quitting and not self.confirm_stop():
                return False
        else:
            running = None
        if running is not None and running.running():     # (it may have ended while the question was up)
            if not running.stop_and_wait(10_000):      # ms; a stopped import ends within seconds
                # still finishing an article: close as soon as it has ended
                self.window.statusBar().showMessage("Stopping the import; closing when it has stopped…")
                running.worker.finished.connect(self.window.close, Qt.ConnectionType.QueuedConnection)
                return False
        if running is not None:
            running.quiet = True
            running.finished.disconnect(self.finished)
            self.controller = None
        return True
