"""What the event table lists, in which order: the sort a header click asks for (an alphabetical order
read once, in the background on a big database) and "Only what is in view" (the action in View, the
check box above the table, the "n of N in view" label and the table following the visible range a
moment after panning). The rows themselves are `viewer.tablerows.TableRows`'s work (the window's
``rows``); this wires them to the table, the status bar and the timeline's range."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QLabel, QSizePolicy

from viewer.store import eventset

FOLLOW_VIEW_AFTER_MS = 150   # the table follows the visible range this long after panning


class TableListing:
    """The table's order and "Only what is in view" for one window."""

    def __init__(self, window):
        self.window = window
        self.in_view_action = QAction("Only what is in &view", window)
        self.in_view_action.setCheckable(True)
        self.in_view_action.setToolTip("List only the events in the timeline's visible range")
        self.in_view_action.setStatusTip(self.in_view_action.toolTip())
        self.in_view_action.toggled.connect(lambda _on: self.relist())
        self.in_view_button = QCheckBox("Only what is in view", window)    # the same choice, above the table
        self.in_view_button.setObjectName("inViewToggle")
        self.in_view_button.setToolTip(self.in_view_action.toolTip())
        self.in_view_button.toggled.connect(self.in_view_action.setChecked)
        self.in_view_action.toggled.connect(self.in_view_button.setChecked)
        self.listed_label = QLabel("", window)
        self.listed_label.setObjectName("listedLabel")
        self.listed_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.listed_label.setMinimumWidth(0)
        self.in_view_timer = QTimer(window)   # the table follows the visible range a moment after panning
        self.in_view_timer.setSingleShot(True)
        self.in_view_timer.setInterval(FOLLOW_VIEW_AFTER_MS)
        self.in_view_timer.timeout.connect(self.relist)

    def within(self) -> tuple[float, float] | None:
        """The time range the table lists ("Only what is in view"), None: every event the filter keeps."""
        return self.window.timeline.visible_range() if self.in_view_action.isChecked() else None

    def range_moved(self) -> None:
        """The timeline's visible range moved: the table follows it, if it lists only what is in view."""
        if self.in_view_action.isChecked():
            self.in_view_timer.start()

    def relist(self) -> None:
        """The table lists what the filter keeps, or only what of it is in view."""
        w = self.window
        self.in_view_timer.stop()
        if self.within() is not None and not w.rows.ready and w.store is not None:
            w.statusBar().showMessage("The table can follow the view once every event is loaded", 5000)
        self.resort()
        if not w.rows.ready:
            self.update_listed(None)

    def update_listed(self, listed: int | None) -> None:
        """The "n of N in view" label above the table (empty when it lists everything the filter keeps)."""
        if listed is None or self.within() is None:
            self.listed_label.setText("")
        else:
            self.listed_label.setText(f"{listed:,} of {self.window.events_shown():,} in view")

    def sort_changed(self, key: str, _descending: bool) -> None:
        """The state's sort changed (a header was clicked): the filtered ids in that order."""
        w = self.window
        if not w.rows.ready:
            w.statusBar().showMessage("The table can be sorted once every event is loaded", 5000)
        elif w.rows.lacks_order(key):
            self.read_order(key)
        else:
            self.resort()

    def read_order(self, key: str) -> None:
        """An alphabetical order is read once (in the background on a big database), then shown."""
        w = self.window
        rows, status = w.rows, w.statusBar()
        if w.runner.latest("order") and rows.reading(key):
            return                               # already being read
        rows.start_reading(key)
        status.showMessage(f"Sorting by {key}…")

        def got(ids, events=rows.events):
            resort = rows.order_read(events, key, ids, w.view_state.sort)
            if status.currentMessage().startswith("Sorting by"):
                status.clearMessage()
            if resort:
                self.resort()

        def failed(error):
            rows.reading_failed()
            status.showMessage(f"Could not sort by {key}: {error}", 10000)

        w.runner.submit("order", lambda store: eventset.sorted_ids(store, key), got, on_error=failed)

    def resort(self) -> None:
        """The table's ids anew in the state's order (within the view if asked), the selection kept."""
        w = self.window
        rows = w.rows
        if not rows.ready:
            return
        selected = w.view_state.selected
        within = self.within()
        ids = rows.ordered_ids(w.view_state.sort, within)
        dated = int(rows.mask.sum()) - rows.events.undated(rows.mask)
        w.model.set_ids(rows.filter, ids, len(ids) if within is not None else dated)
        self.update_listed(len(ids))
        if selected is not None:
            row = w.model.row_of(selected)
            if row is not None:
                w.show_row(row)
