"""Stepping through search results (Enter, F3, Shift+F3): the next or previous result in the table's
order, wrapping around, with "Result n of N" in the status bar. A step asked for before the results are
counted waits for them (`SearchSteps.counted`)."""
from __future__ import annotations


class SearchSteps:
    """The search steps of one window: its filter panel's search box, its table and its selection."""

    def __init__(self, window):
        self.window = window
        self.pending = None      # a step (direction, fresh) asked for before its results were shown

    def step(self, direction: int, fresh: bool = False) -> None:
        """Show and select the next (+1) or previous (-1) search result, in the table's order, wrapping
        around; searches first when the words in the box are not searched yet (a new search starts at
        its first result: ``fresh``)."""
        w = self.window
        typed = w.filters.search.text().strip() or None
        if typed is None:
            w.statusBar().showMessage("Type words to search for first (Ctrl+F)", 5000)
            return
        if w.filters.search_timer.isActive() or typed != w.view_state.search:
            self.pending = (direction, True)
            w.filters.apply_now()         # (its rows may be counted at once: counted() steps)
            return
        shown = w.shown_filter()
        if shown is not None:
            self.pending = None
            if shown.search:
                self.show_result(direction, fresh)
        else:                                # the results are on their way: counted() steps
            self.pending = (direction, fresh)

    def counted(self, f) -> None:
        """The rows of filter ``f`` are shown: take the step that waited for them."""
        step, self.pending = self.pending, None
        if step is not None and f.search:
            self.show_result(*step)

    def show_result(self, direction: int, fresh: bool = False) -> None:
        w = self.window
        n = w.model.rowCount()
        if n == 0:
            w.statusBar().showMessage("No results to step through", 5000)
            return
        selected = w.view_state.selected
        row = w.model.cached_row_of(selected) if selected is not None and not fresh else None
        wrapped = False
        if row is None:
            row = 0 if direction > 0 else n - 1
        else:
            row += direction
            if not 0 <= row < n:
                row, wrapped = row % n, True
        event_id = w.model.event_id(row)
        if event_id is None:
            return
        w.select_event(event_id)
        w.statusBar().showMessage(
            f"Result {row + 1:,} of {n:,}" + (" (wrapped around)" if wrapped else ""), 5000)
