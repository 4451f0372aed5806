"""What the window remembers between runs, and when: its geometry, splitters and table header, whether
the table lists only what is in view, the filter panel's page (Dates, Review), the filters, visible range
and selected event of the last database, and the recent databases (keys and storage in
`viewer.ui.settings`).

`WindowMemory` owns the reading and writing for one window; the module functions are the recent and
last databases, which need no window."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from viewer.ui.settings import get_bytes, get_json, get_str, open_settings, set_json

SAVE_VIEW_AFTER_MS = 800    # the visible range is remembered this long after panning stops


def recent_databases() -> list[str]:
    """The databases opened lately that still exist, the latest first."""
    recent = get_json(open_settings(), "database/recent", []) or []
    return [p for p in recent if isinstance(p, str) and Path(p).is_file()]


def last_database() -> str | None:
    """The database the person had open last time, if it still exists."""
    path = get_str(open_settings(), "database/last")
    return path if path and Path(path).is_file() else None


def remember_database(path: str) -> None:
    """``path`` was opened: it is the last database and heads the recent ones (eight at most)."""
    s = open_settings()
    resolved = str(Path(path).resolve())
    s.setValue("database/last", resolved)
    recent = [p for p in (get_json(s, "database/recent", []) or []) if isinstance(p, str)]
    set_json(s, "database/recent", [resolved] + [p for p in recent if p != resolved][:7])


def fit_to_screen(window) -> None:
    """A window larger than its screen's free area (a geometry remembered on a bigger screen) is made to
    fit it, and one placed off the screen is brought back onto it."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    frame = window.frameGeometry()
    extra_w = max(0, frame.width() - window.width())       # the title bar and borders
    extra_h = max(0, frame.height() - window.height())
    if window.isMaximized() or window.isFullScreen():
        return
    width = min(window.width(), area.width() - extra_w)
    height = min(window.height(), area.height() - extra_h)
    if width < window.width() or height < window.height():
        window.resize(width, height)
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.left()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.top()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


class WindowMemory:
    """Restores and saves one window's layout and view. Saving waits while the window is opening a
    database (``window.opening``), so the view being set up never overwrites the remembered one."""

    def __init__(self, window):
        self.window = window
        self.save_timer = QTimer(window)   # remember the visible range a moment after panning stops
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_VIEW_AFTER_MS)
        self.save_timer.timeout.connect(self.save_view)
        self.geometry_restored = False     # the window's size came from the settings (fitted to the screen)

    def restore_layout(self) -> bool:
        """Geometry, dock state, splitters, table header, "Only what is in view" and the filter panel's
        page of the last run; True if the splitter sizes were restored (else the window fits them when
        first shown)."""
        w = self.window
        s = open_settings()
        splits_set = False
        geometry = get_bytes(s, "window/geometry")
        if geometry is not None:
            w.restoreGeometry(geometry)
            self.geometry_restored = True     # fitted to the screen when shown (its frame known then)
        state = get_bytes(s, "window/state")
        if state is not None:
            w.restoreState(state)
        for split, key in ((w.main_split, "window/mainSplit"), (w.centre_split, "window/centreSplit")):
            value = get_bytes(s, key)
            if value is not None:
                split.restoreState(value)
                splits_set = True
        header = get_bytes(s, "window/tableHeader")
        if header is not None:
            w.table.horizontalHeader().restoreState(header)
        in_view = get_json(s, "window/onlyInView")
        if isinstance(in_view, bool):
            w.in_view_action.setChecked(in_view)      # the check box above the table follows
        page = get_json(s, "window/filterPage")
        pages = w.filters.pages
        if isinstance(page, int) and not isinstance(page, bool) and 0 <= page < pages.count():
            pages.setCurrentIndex(page)
        return splits_set

    def restore_view(self) -> None:
        """Filters, visible range and selected event of the last session, if it was on this database (the
        event when the database still has it: the person goes on reviewing where they stopped)."""
        w = self.window
        if w.store is None:
            return
        s = open_settings()
        if get_str(s, "view/database") != str(Path(w.store.path).resolve()):
            return
        state = get_json(s, "view/filters")
        if isinstance(state, dict):
            w.filters.restore_state(state)
        rng = get_json(s, "view/range")
        if isinstance(rng, list) and len(rng) == 2 and all(isinstance(x, (int, float)) for x in rng) \
                and rng[1] > rng[0]:
            w.timeline.set_visible_range(float(rng[0]), float(rng[1]))
            w.view_state.moved()        # where the person left it: kept when the data changes
        selected = get_json(s, "view/selected")
        if isinstance(selected, int) and not isinstance(selected, bool):
            w.select_event(selected)

    def save_filters(self) -> None:
        w = self.window
        if w.store is None or w.opening:
            return
        s = open_settings()
        s.setValue("view/database", str(Path(w.store.path).resolve()))
        set_json(s, "view/filters", w.filters.state())

    def save_view(self) -> None:
        w = self.window
        if not w.remember or w.store is None or w.opening:
            return
        s = open_settings()
        s.setValue("view/database", str(Path(w.store.path).resolve()))
        set_json(s, "view/range", list(w.timeline.visible_range()))
        set_json(s, "view/selected", w.view_state.selected)

    def save(self) -> None:
        """Everything: layout, and the filters and view of the open database."""
        w = self.window
        s = open_settings()
        s.setValue("window/geometry", w.saveGeometry())
        s.setValue("window/state", w.saveState())
        s.setValue("window/mainSplit", w.main_split.saveState())
        s.setValue("window/centreSplit", w.centre_split.saveState())
        s.setValue("window/tableHeader", w.table.horizontalHeader().saveState())
        set_json(s, "window/onlyInView", w.in_view_action.isChecked())
        set_json(s, "window/filterPage", w.filters.pages.currentIndex())
        if w.store is not None:
            self.save_filters()
            self.save_view()
        s.sync()
