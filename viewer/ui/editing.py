"""The analyst's edits from the window: one edit of one event (`viewer.store.curation.edit`), Edit ▸ Undo
and Redo with their texts naming what they would undo or redo, and a read-only database (said once, with
the offer to save a copy and edit that).

After an edit, an undo or a redo the window reads the database again through `MainWindow.refresh`
(as after an import): the timeline, the table, the counts and the excerpt show the new values at once."""
from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from viewer.store import StoreError, StoreInputError
from viewer.store import curation

TITLE_CHARS = 40              # an event's title in a menu's text, at most
HISTORY_LOOKED_AT = 500       # edits read to find the one Undo would undo

_NAMES = {"date": "date", "countries": "countries", "title": "title", "note": "note", "tags": "tags",
          "reason": "reason"}


def short_title(title: str | None) -> str:
    title = " ".join((title or "").split())
    return title if len(title) <= TITLE_CHARS else title[:TITLE_CHARS - 1].rstrip() + "…"


def describe(changes, title: str | None = None) -> str:
    """What one edit did, for a menu or the status bar: "star", "unstar", "confirm", "date of “…”",
    "date and countries of “…”". ``changes``: curation.Change objects (field, old, new)."""
    by_field = {c.field: c for c in changes}
    corrections = [f for f in curation.CORRECTIONS if f in by_field]
    if corrections:
        names = corrections + [f for f in ("note", "tags", "starred") if f in by_field]
        words = ["star" if f == "starred" else _NAMES[f] for f in names]
        what = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
        return f"{what} of “{short_title(title)}”" if title else what
    words = []
    review = by_field.get("review")
    if review is not None:
        words.append({"confirmed": "confirm", "rejected": "reject", "corrected": "correction",
                      "unreviewed": "review"}.get(review.new, "review"))
    elif "reason" in by_field:
        words.append("reason")
    if "starred" in by_field:
        words.append("star" if by_field["starred"].new else "unstar")
    words += [_NAMES[f] for f in ("note", "tags") if f in by_field]
    if not words:
        words = ["edit"]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


class Editing:
    """Edits, undo and redo for one window (its ``store``, ``readonly`` and ``refresh``)."""

    def __init__(self, window):
        self.window = window
        self.undo_action = QAction("Undo", window)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(lambda *_: self.undo())
        self.redo_action = QAction("Redo", window)
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.triggered.connect(lambda *_: self.redo())
        for a in (self.undo_action, self.redo_action):
            window.addAction(a)     # shortcuts work with the menu bar hidden
        self._redo: list[str] = []  # what this window undid, the latest last (Redo's text)
        self.told_readonly = False  # the read-only database was explained once
        self.update_actions()

    # -- the store --------------------------------------------------------------------------------
    def database_changed(self) -> None:
        """Another database is open: nothing of this session's to redo, a new read-only notice."""
        self._redo.clear()
        self.told_readonly = False
        self.update_actions()

    def writable(self) -> bool:
        """The open database can be edited; if it is read-only, say so (the first time, offering to save a
        copy and open it) and return False."""
        w = self.window
        if w.store is None:
            return False
        if not w.readonly:
            return True
        self.refused_readonly()
        return False

    def refused_readonly(self) -> None:
        """An edit of a read-only database: the first time a box offering to save a copy (and open it);
        afterwards a line in the status bar."""
        w = self.window
        path = w.store.path if w.store is not None else ""
        text = (f"{Path(path).name} is read-only (no permission to write to the file or its folder): "
                "nothing was changed.")
        if self.told_readonly:
            w.statusBar().showMessage(text, 8000)
            return
        self.told_readonly = True
        w.statusBar().showMessage(text, 15000)
        answer = QMessageBox.question(
            w, "Read-only database", text + "\n\nSave a copy you can edit, and open it?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            self.save_copy()

    def save_copy(self) -> str | None:
        """Ask where, copy the database file there (with its -wal file, if any), open the copy."""
        w = self.window
        src = Path(w.store.path)
        start = str(Path.home() / f"{src.stem} (copy){src.suffix or '.db'}")
        target, _ = QFileDialog.getSaveFileName(w, "Save a copy to edit", start,
                                                "Timeline databases (*.db *.sqlite *.sqlite3);;All files (*)")
        if not target:
            return None
        if Path(target).resolve() == src.resolve():
            w.warn("Save a copy", "Choose another file than the read-only one.")
            return None
        try:
            shutil.copyfile(src, target)
            for extra in ("-wal",):
                side = Path(str(src) + extra)
                if side.is_file():
                    shutil.copyfile(side, target + extra)
            Path(target).chmod(0o644)
        except OSError as exc:
            w.warn("Save a copy", f"Could not copy {src} to {target}: {exc.strerror or exc}")
            return None
        if w.open_database(target):
            w.statusBar().showMessage(f"Editing the copy {target}", 8000)
            return target
        return None

    # -- edits ------------------------------------------------------------------------------------
    def apply(self, event_id: int, change: curation.Edit) -> curation.EditResult | None:
        """One edit of one event; the window shows it at once. None when nothing was changed (refused,
        read-only, or the values were already those)."""
        w = self.window
        if not self.writable():
            return None
        try:
            result = curation.edit(w.store, event_id, change)
        except StoreInputError as exc:
            w.warn("Edit event", str(exc))
            return None
        except StoreError as exc:
            if exc.kind == "readonly":
                w.readonly = True
                self.refused_readonly()
            else:
                w.warn("Edit event", str(exc))
            return None
        if result.batch is None:
            w.statusBar().showMessage("Nothing changed", 3000)
            return None
        self._redo.clear()              # a new edit: what was undone can no longer be redone
        title = self._title(event_id)
        what = describe(result.changes, title)
        self._shown(f"{what[:1].upper()}{what[1:]}: done", result.changes)
        return result

    def open_dialog(self, event_id: int | None = None):
        """Edit event… on ``event_id`` (the selected event when not given): a window-modal dialog whose OK
        records the edit. Returns the dialog (None when there is no event, or the database is read-only)."""
        from viewer.ui.edit_dialog import EditDialog
        w = self.window
        event_id = w.view_state.selected if event_id is None else event_id
        if event_id is None or not self.writable():
            return None
        try:
            tags = {t for a in curation.annotations(w.store).values() for t in a["tags"]}
            dialog = EditDialog(w.store, event_id, known_codes=w.country_codes(), known_tags=tags, parent=w)
        except (StoreError, StoreInputError) as exc:
            w.warn("Edit event", str(exc))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.editChosen.connect(self.apply)
        dialog.open()
        return dialog

    def undo(self) -> bool:
        return self._step(True)

    def redo(self) -> bool:
        return self._step(False)

    def _step(self, undo: bool) -> bool:
        w = self.window
        if w.store is None or not self.writable():
            return False
        try:
            step = curation.undo(w.store) if undo else curation.redo(w.store)
        except StoreError as exc:
            if exc.kind == "readonly":
                w.readonly = True
                self.refused_readonly()
            else:
                w.warn("Undo" if undo else "Redo", str(exc))
            return False
        if step is None:
            if not undo:
                self._redo.clear()
            w.statusBar().showMessage(f"Nothing to {'undo' if undo else 'redo'}", 3000)
            self.update_actions()
            return False
        ids = [i for i in step["event_ids"] if i is not None]
        what = describe(step["changes"], self._title(ids[0]) if ids else None)
        if undo:
            self._redo.append(what)
        elif self._redo:
            self._redo.pop()
        self._shown(f"{'Undid' if undo else 'Redid'} {what}", step["changes"], select=ids[0] if ids else None)
        return True

    def _title(self, event_id: int | None) -> str | None:
        if event_id is None or self.window.store is None:
            return None
        try:
            ev = self.window.store.event(event_id)
        except StoreError:
            return None
        return ev.title if ev is not None else None

    def _shown(self, message: str, changes, select: int | None = None) -> None:
        """Show the database as it now is, the edited event selected: a changed date, country or title, or
        a rejection, is read again as after an import (`refresh`); a review, star, note or tag only
        changes the review count and the excerpt."""
        w = self.window
        if any(c.field in curation.CORRECTIONS or (c.field == "review" and "rejected" in (c.old, c.new))
               for c in changes):
            w.refresh()                 # (a rejected event may be left out of what is shown)
        else:
            w.annotations_changed()
        if select is not None and select != w.view_state.selected:
            w.select_event(select)
        self.update_actions()
        w.statusBar().showMessage(message, 5000)

    # -- the menu's texts -------------------------------------------------------------------------
    def next_undo(self) -> str | None:
        """What Undo would undo ("star", "date of “…”"), None when nothing."""
        w = self.window
        if w.store is None:
            return None
        try:
            rows = curation.history(w.store, limit=HISTORY_LOOKED_AT)
        except StoreError:
            return None
        batch = next((r["batch"] for r in rows if not r["undone"] and r["field"] != curation.PUBLISHED), None)
        if batch is None:
            return None
        mine = [r for r in reversed(rows) if r["batch"] == batch]
        changes = [curation.Change(r["field"], r["old"], r["new"]) for r in mine]
        return describe(changes, self._title(mine[0]["event_id"]))

    def update_actions(self) -> None:
        undo = self.next_undo()
        self.undo_action.setEnabled(undo is not None)
        self.undo_action.setText(f"&Undo {undo.replace('&', '&&')}" if undo else "&Undo")
        redo = self._redo[-1] if self._redo and self.window.store is not None else None
        self.redo_action.setEnabled(redo is not None)
        self.redo_action.setText(f"&Redo {redo.replace('&', '&&')}" if redo else "&Redo")
