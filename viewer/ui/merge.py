"""Merging two events into one happening and splitting a report out of a merged event, in the window.

Edit ▸ Merge with… (also in the timeline's and the table's context menus, and a link in the excerpt panel)
opens a dialog listing the events near the selected one in time that the filters show, nearest first; the one chosen is merged into the
selected event (viewer.store.curation.merge: its reports join it). The excerpt panel puts a "Split out"
link under each report of an event other than its own (viewer.retag.split_report). Both are edits: Edit ▸
Undo gives back what was there. The window is read again after each (`MainWindow.refresh`): events appear
and disappear, which the in-place patch of an edit does not do.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QVBoxLayout)

from viewer.retag import split_report
from viewer.store import StoreError, StoreInputError, curation
from viewer.ui import formatting as fmt
from viewer.ui.editing import Editing, short_title

NEAR_DAYS = 31          # the candidates: events within this many days of the selected one
MAX_CANDIDATES = 300    # the most listed, nearest in time first
READ_AT_MOST = 5000     # the most events read to choose them from


def candidates(store, event_id: int, view_filter=None, *, days: int = NEAR_DAYS,
               limit: int = MAX_CANDIDATES) -> list:
    """The events that could be merged into ``event_id``: those ``view_filter`` keeps (None: all) within
    ``days`` of its dates, the event itself left out, nearest in time first (at most ``limit``). Looked for
    within a day first, then a week, then ``days``, so that a crowded database is not read for weeks."""
    from viewer.model import ViewFilter
    ev = store.event(event_id)
    if ev is None:
        return []
    f = view_filter if view_filter is not None else ViewFilter()
    try:
        first, last = date.fromisoformat(ev.earliest[:10]), date.fromisoformat(ev.latest[:10])
    except (TypeError, ValueError):
        first = last = None
    found: list = []
    for near in sorted({min(1, days), min(7, days), days}):
        if first is not None:
            f = replace(f, date_from=(first - timedelta(days=near)).isoformat(),
                        date_to=(last + timedelta(days=near)).isoformat())
        found = [e for e in store.events(f, limit=READ_AT_MOST) if e.id != event_id]
        if first is None or len(found) >= limit:
            break
    middle = ev.t0 if ev.t0 is not None else 0.0
    found.sort(key=lambda e: (e.t0 is None, abs((e.t0 or 0.0) - middle), e.id))
    return found[:limit]


def label(ev) -> str:
    """One line of the list: when, the title, the countries, how many reports."""
    when = fmt.when(ev.value, ev.earliest, ev.latest, ev.granularity) if ev.earliest else "date unknown"
    countries = ", ".join(ev.countries) or "no country"
    reports = f" · {ev.reports} reports" if ev.reports > 1 else ""
    return f"{when} · {ev.title or ev.sentence[:70]} · {countries}{reports}"


class MergeDialog(QDialog):
    """Choose the event that reports the same happening as ``event_id``; OK emits mergeChosen(keep, other)."""

    mergeChosen = Signal(int, int)

    def __init__(self, store, event_id: int, view_filter=None, parent=None):
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle("Merge events")
        self.event_id = event_id
        ev = store.event(event_id)
        if ev is None:
            raise StoreInputError(f"{store.path}: no event {event_id}")
        intro = QLabel(f"Merge into “{short_title(ev.title)}” the event that reports the same happening. Its "
                       "reports join this event, which keeps its id and title and takes the finer date and "
                       "the countries of both.")
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("mergeSearch")
        self.search.setPlaceholderText("Words of the title, a date or a country code")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("mergeList")
        for other in candidates(store, event_id, view_filter):
            item = QListWidgetItem(label(other))
            item.setData(Qt.ItemDataRole.UserRole, other.id)
            item.setToolTip(other.sentence)
            self.list.addItem(item)
        self.empty = QLabel(f"No other event within {NEAR_DAYS} days of this one is shown.")
        self.empty.setVisible(self.list.count() == 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Merge")
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.list.currentItemChanged.connect(lambda *_: self.ok.setEnabled(self.chosen() is not None))
        self.list.itemDoubleClicked.connect(lambda *_: self._accept())
        self.search.textChanged.connect(self._narrow)
        layout = QVBoxLayout(self)
        for w in (intro, self.search, self.list, self.empty, self.buttons):
            layout.addWidget(w)
        self.resize(620, 420)

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return int(item.data(Qt.ItemDataRole.UserRole))

    def choose(self, event_id: int) -> bool:
        """Make ``event_id`` the chosen one (as a click on its line would); False when it is not listed."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if int(item.data(Qt.ItemDataRole.UserRole)) == event_id and not item.isHidden():
                self.list.setCurrentItem(item)
                return True
        return False

    def listed(self) -> list[int]:
        """The ids of the events listed (those the search words keep)."""
        return [int(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
                if not self.list.item(i).isHidden()]

    def _narrow(self, text: str) -> None:
        words = text.casefold().split()
        for i in range(self.list.count()):
            item = self.list.item(i)
            seen = f"{item.text()} {item.toolTip()}".casefold()
            item.setHidden(not all(w in seen for w in words))
        self.ok.setEnabled(self.chosen() is not None)

    def _accept(self) -> None:
        other = self.chosen()
        if other is None:
            return
        self.accept()
        self.mergeChosen.emit(self.event_id, other)


def structure_words(changes, title: str | None) -> str:
    """A merge or a split, for the Edit menu and the status bar: "merge into “…”", "split out of “…”"."""
    where = f" “{short_title(title)}”" if title else " an event"
    if any(c.field == curation.MERGED for c in changes):
        return "merge into" + where
    return "split out of" + where


class MergingEditing(Editing):
    """The window's edits (viewer.ui.editing.Editing) with merges and splits: the window is read again
    after one of them is made, undone or redone, as events come and go."""

    def _shown(self, message: str, changes, select: int | None = None, ids=None) -> None:
        if not any(c.field in curation.STRUCTURE for c in changes):
            super()._shown(message, changes, select, ids)
            return
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

    def describe_step(self, step: dict) -> str:
        """What an undo or redo step does: a merge or a split said as one."""
        if any(c.field in curation.STRUCTURE for c in step["changes"]):
            ids = [i for i in step["event_ids"] if i is not None]
            return structure_words(step["changes"], self._title(ids[0]) if ids else None)
        return super().describe_step(step)

    def _run(self, title: str, work):
        w = self.window
        if not self.writable():
            return None
        try:
            return work()
        except StoreInputError as exc:
            w.warn(title, str(exc))
        except StoreError as exc:
            if exc.kind == "readonly":
                w.readonly = True
                self.refused_readonly()
            else:
                w.warn(title, str(exc))
        return None

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
        w = self.window
        event_id = w.view_state.selected if event_id is None else event_id
        if event_id is None or not self.writable():
            return None
        try:
            dialog = MergeDialog(w.store, event_id, w.view_filter(), parent=w)
        except (StoreError, StoreInputError) as exc:
            w.warn("Merge events", str(exc))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.mergeChosen.connect(self.merge)
        dialog.open()
        return dialog
