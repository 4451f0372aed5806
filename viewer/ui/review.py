"""Going through events by keyboard: on the selected event (the timeline or the table has the keyboard)
Enter confirms it, Delete says it is not an event, S stars or unstars it, E opens Edit event…, M opens
Merge with…, → / ← go to the next / previous event (the timeline does it itself; here the table's rows),
Shift+Enter reads the whole article. And how many of the events shown are left to review, for the status bar."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from viewer.store import StoreError
from viewer.store import curation

REVIEWED = ("confirmed", "corrected")     # Enter leaves these as they are


def left_to_review(window) -> int | None:
    """How many of the events the filter shows nobody has reviewed yet; None while it cannot be told
    (the shown events not known one by one yet)."""
    store = window.store
    if store is None:
        return None
    shown = window.events_shown()
    try:
        annotated = curation.annotations(store)
    except StoreError:
        return None
    reviewed = [i for i, a in annotated.items() if a["review"] != "unreviewed"]
    if not reviewed:
        return shown
    rows = window.rows
    if rows.ready and rows.filter is window.view_filter():
        return shown - sum(1 for i in reviewed if rows.keeps(i))
    if shown == window.event_total():
        return shown - len(reviewed)
    return None


class ReviewKeys(QObject):
    """The review keys over the window's timeline and table."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        t = window.timeline
        for widget in (t, t.glw, t.glw.viewport(), window.table):
            widget.installEventFilter(self)

    def eventFilter(self, obj, ev):  # noqa: N802 - Qt's name
        if ev.type() != ev.Type.KeyPress:
            return False
        return self.key(ev, obj is self.window.table)

    def key(self, ev, in_table: bool) -> bool:
        w = self.window
        selected = w.view_state.selected
        k, mods = ev.key(), ev.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = mods == Qt.KeyboardModifier.NoModifier
        if in_table and plain and k in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            self.step_row(1 if k == Qt.Key.Key_Right else -1)
            return True
        if selected is None:
            return False
        if k in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods == Qt.KeyboardModifier.ShiftModifier:
                w.activate_event(selected)
            elif plain:
                self.confirm(selected)
            else:
                return False
            return True
        if not plain:
            return False
        if k == Qt.Key.Key_Delete:
            self.reject(selected)
        elif k == Qt.Key.Key_S:
            self.toggle_star(selected)
        elif k == Qt.Key.Key_E:
            w.editing.open_dialog(selected)
        elif k == Qt.Key.Key_M:
            w.editing.open_merge_dialog(selected)
        else:
            return False
        return True

    def confirm(self, event_id: int) -> None:
        w = self.window
        try:
            review = curation.annotation(w.store, event_id)["review"]
        except StoreError as exc:
            w.statusBar().showMessage(str(exc), 10000)
            return
        if review in REVIEWED:
            w.statusBar().showMessage(f"Already {review}", 3000)
            return
        w.editing.apply(event_id, curation.Edit(review="confirmed"))

    def reject(self, event_id: int) -> None:
        """Not an event (the reason "not an event"; Edit event… gives another)."""
        self.window.editing.apply(event_id, curation.Edit(review="rejected"))

    def toggle_star(self, event_id: int) -> None:
        w = self.window
        try:
            starred = curation.annotation(w.store, event_id)["starred"]
        except StoreError as exc:
            w.statusBar().showMessage(str(exc), 10000)
            return
        w.editing.apply(event_id, curation.Edit(starred=not starred))

    def step_row(self, direction: int) -> None:
        table = self.window.table
        model = table.model()
        row = table.currentIndex().row() if table.currentIndex().isValid() else -1
        row = max(0, min(model.rowCount() - 1, row + direction))
        if model.rowCount():
            table.setCurrentIndex(model.index(row, 0))
