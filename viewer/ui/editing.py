"""The analyst's edits from the window: one edit of one event (`viewer.store.curation.edit`), merging two
events and splitting a report out (`curation.merge`, `viewer.retag.split_report`; the dialog that chooses
the event to merge is `viewer.ui.merge.MergeDialog`), Edit ▸ Undo and Redo with their texts naming what
they would undo or redo, and a read-only database (said once, with the offer to save a copy and edit that).

After an edit, an undo or a redo of a date, countries, title or a rejection the window shows the new values
at once without reading the whole database again (`Editing.patch`): the edited event's rows are read, the
per-event arrays and the timeline's arrays patched in place (`EventArrays.patch`,
`TimelineView.patch_events`), and the filter applied again to them, which gives the table, the counts and
the timeline as `MainWindow.refresh` would. Where that cannot be done (the arrays are still loading, or the
database no longer has the event) the window reads everything again through `MainWindow.refresh`, as after
an import. After a merge or a split, made, undone or redone, events come and go: the window is read again
(`MainWindow.refresh`)."""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from viewer.store import StoreError, StoreInputError
from viewer.store import curation, eventset
from viewer.ui import formatting as fmt

TITLE_CHARS = 40              # an event's title in a menu's text, at most

_NAMES = {"date": "date", "countries": "countries", "title": "title", "note": "note", "tags": "tags",
          "reason": "reason"}


def short_title(title: str | None) -> str:
    title = " ".join((title or "").split())
    return title if len(title) <= TITLE_CHARS else title[:TITLE_CHARS - 1].rstrip() + "…"


def describe(changes, title: str | None = None) -> str:
    """What one edit did, for a menu or the status bar: "star", "unstar", "confirm", "date of “…”",
    "date and countries of “…”". ``changes``: curation.Change objects (field, old, new)."""
    by_field = {c.field: c for c in changes}
    if curation.ADDED in by_field:      # an event added by hand (its report in the change's value)
        report = by_field[curation.ADDED].new or by_field[curation.ADDED].old
        # its own title first: the id an undone add had may since be another event's
        title = (report.get("title") if isinstance(report, dict) else None) or title
        return f"add event “{short_title(title)}”" if title else "add event"
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


def structure_words(changes, title: str | None) -> str:
    """A merge or a split, for the Edit menu and the status bar: "merge into “…”", "split out of “…”"."""
    where = f" “{short_title(title)}”" if title else " an event"
    if any(c.field == curation.MERGED for c in changes):
        return "merge into" + where
    return "split out of" + where


class Editing:
    """Edits, merges, splits, undo and redo for one window (its ``store``, ``readonly`` and ``refresh``)."""

    def __init__(self, window):
        self.window = window
        self.undo_action = QAction("Undo", window)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(lambda *_: self.undo())
        self.redo_action = QAction("Redo", window)
        self.redo_action.setObjectName("redoAction")
        # Ctrl+Y too: redo's key on Windows and in most Linux programs
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(lambda *_: self.redo())
        for a in (self.undo_action, self.redo_action):
            window.addAction(a)     # shortcuts work with the menu bar hidden
        self.told_readonly = False  # the read-only database was explained once
        self.busy: str | None = None  # a long write runs off the GUI thread (what it is): edits wait for it
        self.update_actions()

    # -- the store --------------------------------------------------------------------------------
    def database_changed(self) -> None:
        """Another database is open: a new read-only notice (Undo and Redo follow its history)."""
        self.told_readonly = False
        self.update_actions()

    def writable(self) -> bool:
        """The open database can be edited; if it is read-only, say so (the first time, offering to save a
        copy and open it) and return False; while a long write runs (``busy``), say so in the status bar
        and return False."""
        w = self.window
        if w.store is None:
            return False
        if self.busy:
            w.statusBar().showMessage(f"{self.busy}: nothing was changed; edit again when it is done", 8000)
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
        result = self._run("Edit event", lambda: curation.edit(w.store, event_id, change))
        if result is None:
            return None
        if result.batch is None:
            w.statusBar().showMessage("Nothing changed", 3000)
            return None
        title = self._title(event_id)
        what = describe(result.changes, title)
        self._shown(f"{what[:1].upper()}{what[1:]}: done", result.changes, ids=[event_id])
        return result

    def open_dialog(self, event_id: int | None = None):
        """Edit event… on ``event_id`` (the selected event when not given): a window-modal dialog whose OK
        records the edit. Returns the dialog (None when there is no event, or the database is read-only)."""
        from viewer.ui.edit_dialog import EditDialog
        w = self.window

        def made(event_id: int):
            tags = {t for a in curation.annotations(w.store).values() for t in a["tags"]}
            dialog = EditDialog(w.store, event_id, known_codes=w.country_codes(), known_tags=tags, parent=w)
            dialog.editChosen.connect(self.apply)
            return dialog

        return self._dialog("Edit event", event_id, made)

    def _dialog(self, title: str, event_id: int | None, make):
        """A window-modal dialog ``make(event_id)`` on ``event_id`` (the selected event when not given),
        opened; None when there is no event or the database is read-only, or the dialog could not read
        the event (said in a box titled ``title``)."""
        w = self.window
        event_id = w.view_state.selected if event_id is None else event_id
        if event_id is None or not self.writable():
            return None
        try:
            dialog = make(event_id)
        except (StoreError, StoreInputError) as exc:
            w.warn(title, str(exc))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def undo(self) -> bool:
        return self._step(True)

    def redo(self) -> bool:
        return self._step(False)

    def _step(self, undo: bool) -> bool:
        w = self.window
        failed = []
        step = self._run("Undo" if undo else "Redo",
                         lambda: curation.undo(w.store) if undo else curation.redo(w.store), failed)
        if failed:
            return False
        if step is None:
            w.statusBar().showMessage(f"Nothing to {'undo' if undo else 'redo'}", 3000)
            self.update_actions()
            return False
        ids = [i for i in step["event_ids"] if i is not None]
        what = self.describe_step(step)
        self._shown(f"{'Undid' if undo else 'Redid'} {what}", step["changes"], select=ids[0] if ids else None,
                    ids=ids)
        return True

    def _run(self, title: str, work, failed: list | None = None):
        """``work()`` on a writable database; a refusal said (a box titled ``title``, or the read-only
        notice) and None returned, with a note appended to ``failed`` when given."""
        w = self.window
        if not self.writable():
            if failed is not None:
                failed.append(title)
            return None
        try:
            return work()
        except StoreError as exc:       # (a StoreInputError too: said in a box)
            if exc.kind == "readonly":
                w.readonly = True
                self.refused_readonly()
            else:
                w.warn(title, str(exc))
        if failed is not None:
            failed.append(title)
        return None

    # -- merging two events, splitting a report out ---------------------------------------------
    def merge(self, keep: int, other: int) -> curation.EditResult | None:
        """Merge event ``other`` into ``keep`` and show it; None when nothing was changed."""
        w = self.window
        other_title = self._title(other)
        result = self._run("Merge events", lambda: curation.merge(w.store, keep, other))
        if result is None:
            return None
        self._shown(f"Merged “{short_title(other_title)}” into “{short_title(self._title(keep))}”",
                    result.changes, select=keep, ids=[keep])
        return result

    def split(self, event_id: int, excerpt_id: int) -> curation.EditResult | None:
        """Split a report out of an event as an event of its own and show it; None when nothing changed."""
        from viewer.retag import split_report
        w = self.window
        result = self._run("Split a report out", lambda: split_report(w.store, event_id, excerpt_id))
        if result is None:
            return None
        new = result.changes[0].new or {}
        self._shown(f"Split out of “{short_title(self._title(event_id))}” as event {new.get('id')} "
                    f"“{short_title(new.get('title'))}”", result.changes, select=event_id, ids=[event_id])
        return result

    def open_merge_dialog(self, event_id: int | None = None):
        """Edit ▸ Merge with… on ``event_id`` (the selected event when not given): a window-modal dialog;
        None when there is no event or the database is read-only."""
        from viewer.ui.merge import MergeDialog
        w = self.window

        def made(event_id: int):
            dialog = MergeDialog(w.store, event_id, w.view_filter(), parent=w)
            dialog.mergeChosen.connect(self.merge)
            return dialog

        return self._dialog("Merge events", event_id, made)

    def _title(self, event_id: int | None) -> str | None:
        if event_id is None or self.window.store is None:
            return None
        try:
            ev = self.window.store.event(event_id)
        except StoreError:
            return None
        return ev.title if ev is not None else None

    def _shown(self, message: str, changes, select: int | None = None, ids=None) -> None:
        """Show the database as it now is, the edited event selected: a changed date, country or title, or
        a rejection, is patched into what the window holds (`patch`; read again as after an import,
        `refresh`, when it cannot be); a review, star, note or tag only changes the review count and the
        excerpt."""
        w = self.window
        w.check_dates(ids or ())         # the edited events' date warnings, worked out again
        if any(c.field in curation.STRUCTURE for c in changes):
            self._shown_structure(message, select, ids)
            return
        fields = {c.field for c in changes if c.field in curation.CORRECTIONS}
        if any(c.field == "review" and "rejected" in (c.old, c.new) for c in changes):
            fields.add("review")        # a rejected event may be left out of what is shown
        if any(c.field == curation.ADDED for c in changes):
            w.refresh()                 # an event added by hand comes or goes (undo, redo)
        elif fields:
            if not ids or not self.patch(ids, fields):
                w.refresh()
        else:
            w.annotations_changed()
        if select is not None and select != w.view_state.selected:
            w.select_event(select)
        self.update_actions()
        w.statusBar().showMessage(message, 5000)

    def _shown_structure(self, message: str, select: int | None, ids) -> None:
        """After a merge or a split (made, undone, redone): events come and go, so the window is read
        again; the event asked for is selected, or the first of ``ids`` still there."""
        w = self.window
        w.refresh()
        keep = select if select is not None else w.view_state.selected
        try:
            if keep is not None and w.store.event(keep) is None:
                keep = next((i for i in ids or [] if w.store.event(i) is not None), None)
        except StoreError:
            keep = None
        w.select_event(keep)
        self.update_actions()
        w.statusBar().showMessage(message, 5000)

    def patch(self, ids, fields) -> bool:
        """Show an edit of these events without reading the whole database again (see the module's
        docstring); ``fields``: what changed ("date", "countries", "title", "review"). False when it
        cannot be done (the arrays are still loading, an event is gone, the database cannot be read):
        nothing is shown then, and the caller reads everything again (`MainWindow.refresh`)."""
        w = self.window
        events = w.view_state.events
        if w.store is None or events is None or not w.timeline.can_patch():
            return False
        try:
            states = eventset.event_states(w.store, ids)
            if any(st is None for st in states.values()):
                return False
            was = [o for i in states for o in events.occurrences_of(i)]
            for st in states.values():
                if not events.patch(st, fields):
                    return False
            events.reload_annotations(w.store, list(states))
            if "title" in fields:           # a new title: what a search finds may change
                words = w.view_state.view_filter().search
                found = w.view_state.searches.get(words) if words else None
                w.view_state.searches.clear()      # searches made before: made again when asked for
                if found is not None:               # the one shown: patched for the edited events
                    hits = eventset.search_matches(w.store, words, states)
                    found = np.union1d(np.setdiff1d(found, np.asarray(list(states), dtype=np.int64)),
                                       np.asarray(sorted(hits), dtype=np.int64))
                    w.view_state.searches.put(words, found)
            if not w.timeline.patch_events(states, was):
                return False
        except Exception:  # noqa: BLE001 - the database could not be read, or the arrays were left half
            return False   # patched: everything is read again instead
        if "countries" in fields:
            codes = list(events.code_totals())
            if codes != w.country_codes():  # a country new to the database, or none left of one, or two
                w.set_country_codes(codes)  # trading places by their counts: the list as refresh makes it
                # (MainWindow has no public setter for it)
        if "date" in fields and len(events):
            first, last = float(np.fmin.reduce(events.t0)), float(np.fmax.reduce(events.t1))
            if first == first:              # some event is dated: where the calendars open
                w.filters.set_date_hint(fmt.iso_day(first), fmt.iso_day(last))
        selected = w.view_state.selected
        w.apply_filter(w.view_state.view_filter())
        if selected is not None:
            w.select_event(selected)        # its excerpt, its row and its place on the timeline, anew
        return True

    # -- the menu's texts -------------------------------------------------------------------------
    def next_undo(self) -> str | None:
        """What Undo would undo ("star", "date of “…”"), None when nothing."""
        return self._pending(True)

    def next_redo(self) -> str | None:
        """What Redo would redo, None when nothing; read from the file, so an edit undone before the window
        was closed can be redone after it is opened again."""
        return self._pending(False)

    def _pending(self, undo: bool) -> str | None:
        w = self.window
        if w.store is None:
            return None
        try:
            step = curation.next_undo(w.store) if undo else curation.next_redo(w.store)
        except StoreError:
            return None
        return self.describe_step(step) if step is not None else None

    def describe_step(self, step: dict) -> str:
        """What an undo or redo step (curation.next_undo / next_redo / undo / redo) does, for the menu."""
        ids = [i for i in step["event_ids"] if i is not None]
        title = self._title(ids[0]) if ids else None
        if any(c.field in curation.STRUCTURE for c in step["changes"]):
            return structure_words(step["changes"], title)
        return describe(step["changes"], title)

    def update_actions(self) -> None:
        undo = self.next_undo()
        self.undo_action.setEnabled(undo is not None)
        self.undo_action.setText(f"&Undo {undo.replace('&', '&&')}" if undo else "&Undo")
        redo = self.next_redo()
        self.redo_action.setEnabled(redo is not None)
        self.redo_action.setText(f"&Redo {redo.replace('&', '&&')}" if redo else "&Redo")
