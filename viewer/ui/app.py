"""Starting the GUI (run_gui) and rendering the real main window offscreen (screenshot)."""
from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path


def _ensure_platform() -> None:
    """Without a display Qt aborts with a misleading xcb message: go offscreen instead."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def make_app(argv: list[str] | None = None):
    """The QApplication (created once), with names, icon, font and style sheet."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        _ensure_platform()
        app = QApplication(list(argv) if argv is not None else [sys.argv[0] if sys.argv else "conflict-timeline"])
    from PySide6.QtGui import QFont, QIcon

    import pyqtgraph as pg

    from viewer.paths import resource_path
    from viewer.ui.settings import APPLICATION, ORGANISATION

    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Conflict Timeline")
    pg.setConfigOptions(antialias=True, background="w", foreground="#374151")
    icon = QIcon()
    for name in ("app.svg", "app.png"):
        p = resource_path("icons", name)
        if p.is_file():
            icon.addFile(str(p))
    if not icon.isNull():
        app.setWindowIcon(icon)
    if not app.property("ct_styled"):
        font = QFont(app.font())
        if font.pointSizeF() < 9.5:
            font.setPointSizeF(9.5)
        app.setFont(font)
        app.setStyle("Fusion")
        from PySide6.QtCore import QDir
        QDir.addSearchPath("icons", str(resource_path("icons")))   # the style sheet's url(icons:…)
        qss = resource_path("style.qss")
        if qss.is_file():
            app.setStyleSheet(qss.read_text(encoding="utf-8"))
        app.setProperty("ct_light_qss", app.styleSheet())
        app.setProperty("ct_styled", True)
        _follow_system_theme(app)
    return app


def _follow_system_theme(app) -> None:
    """The theme chosen last time (View ▸ Theme), and the system's when that is System: also when the
    desktop switches while the app runs."""
    from viewer.ui import theme

    theme.apply(theme.saved_choice(), app)

    def changed(*_):
        if theme.saved_choice() == "system":
            theme.apply("system", app)
    try:
        app.styleHints().colorSchemeChanged.connect(changed)
    except AttributeError:       # Qt before 6.5
        pass


def _initial_database(db_path: str) -> str:
    """The database to open: the one asked for, unless it is the default one and the person had
    another open last time."""
    from viewer.paths import default_db_path
    from viewer.ui.window_state import last_database

    try:
        is_default = Path(db_path).resolve() == default_db_path().resolve()
    except OSError:
        is_default = False
    last = last_database() if is_default else None
    return last or db_path


def run_gui(db_path: str, argv: list[str] | None = None) -> int:
    """Open the main window on a database and run until it closes; returns the exit code."""
    app = make_app(argv)
    from viewer.ui.main_window import MainWindow

    previous = None
    if threading.current_thread() is threading.main_thread():
        # Ctrl+C in the terminal closes the app (Python's handler never runs inside Qt's loop)
        previous = signal.signal(signal.SIGINT, signal.SIG_DFL)
    window = MainWindow(remember=True)
    first = _initial_database(str(db_path))
    window.show()
    if not window.open_database(first) and first != str(db_path):
        window.open_database(str(db_path))
    try:
        return app.exec()
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _wait_for_timeline(timeline, timeout_ms: int = 180_000) -> None:
    """A big database's timeline finishes loading in a thread: picture the loaded view."""
    if not timeline.is_loading():
        return
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    timeline.loadingFinished.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    if timeline.is_loading():
        loop.exec()


def screenshot(db_path: str, out: str, size=(1200, 700), countries: list[str] | None = None,
               date_range: tuple[str, str] | None = None, theme: str = "light",
               select: bool = True, view: tuple[str, str] | None = None) -> None:
    """Render the real main window offscreen to a PNG (no settings read or written). ``date_range``
    filters the events (From / To) and shows that range; ``view``: only show that range (D..D, nothing
    filtered); ``theme``: light, dark or system; ``select``: select the table's first event (its excerpt
    shows)."""
    _ensure_platform()
    app = make_app(None)
    from viewer.ui import theme as themes
    themes.apply(theme, app)
    from viewer.store import interval_seconds
    from viewer.ui.main_window import MainWindow

    window = MainWindow(remember=False)
    window.threaded_above = float("inf")      # count in place: the picture shows finished counts
    window.resize(int(size[0]), int(size[1]))
    window.open_database(str(db_path), interactive=False)
    if countries:
        wanted = {c.upper() for c in countries}
        window.filters.countries.set_unchecked([c for c in window.filters.countries.codes() if c not in wanted])
    if date_range:
        d0, d1 = date_range
        window.filters.set_date_range(d0 or None, d1 or None)
    window.show()
    window.timeline.setFocus()
    for _ in range(3):
        app.processEvents()
    _wait_for_timeline(window.timeline)
    window.fit_all()
    shown = view if view and view[0] and view[1] else date_range
    if shown and shown[0] and shown[1]:
        t0 = interval_seconds(shown[0], shown[0])[0]
        t1 = interval_seconds(shown[1], shown[1])[1]
        pad = (t1 - t0) * 0.03
        window.timeline.set_visible_range(t0 - pad, t1 + pad)
    if select and view and view[0] and view[1]:
        # an event the view shows (the table's first may lie outside it: selecting it would move the view)
        for _ in range(3):
            app.processEvents()
        shown_ids = sorted(window.timeline.visible_event_ids())
        if shown_ids:
            window.select_event(shown_ids[len(shown_ids) // 2])
    else:
        first = window.model.event_at(0) if select else None
        if first is not None:
            window.select_event(first.id)
    for _ in range(5):
        app.processEvents()
    out_path = Path(out)
    if out_path.parent and not out_path.parent.exists():
        out_path.parent.mkdir(parents=True, exist_ok=True)
    pixmap = window.grab()
    if not pixmap.save(str(out_path), "PNG"):
        raise OSError(f"could not write {out}")
    window.close()
    window.deleteLater()
    app.processEvents()
