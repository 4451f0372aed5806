"""Light and dark: the person's choice (View ▸ Theme: System / Light / Dark, remembered in the settings),
the system's colour scheme when the choice is System, and what follows from it: the Qt palette, the style
sheet (resources/style.qss with its colours mapped for the dark theme), and the colours the timeline paints
with (`timeline_paint`'s module colours, the axes, the overview).

Widgets that paint themselves subscribe with `on_change(callback)`; `apply(name)` switches everything.
The reading panes (the excerpt, the article view) write their HTML in the theme's colours
(`viewer.ui.excerpt.scheme`) and write it again on a switch. The filter panel's lists colour their
items' text for a light page; in the dark theme a delegate (`ThemedItems`, put on every list named in
THEMED_LISTS when it is first shown) makes those colours light. Pages made for publishing are always light
(`light_for_output`).
"""
from __future__ import annotations

import re
import weakref
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyledItemDelegate

CHOICES = ("system", "light", "dark")
SETTINGS_KEY = "view/theme"

# what the timeline paints with, per theme
TIMELINE = {
    "light": {"bg": "#ffffff", "lane_alt": "#f5f7fa", "lane_line": "#e3e7ed", "text": "#1f2933",
              "muted": "#7b8794", "select": "#111827", "grid": (0, 0, 0, 16), "shade": (17, 24, 39),
              "box": "#ffffff", "box_border": "#9aa5b1", "lane_text": "#3e4c59", "axis_line": "#cbd2d9",
              "axis_text": "#52606d", "overview_line": "#52606d", "overview_fill": (82, 96, 109, 70),
              "overview_axis_text": "#7b8794", "overview_axis_line": "#d9dee4", "focus": "#2f6fb3"},
    "dark": {"bg": "#1b1f24", "lane_alt": "#22272e", "lane_line": "#30363d", "text": "#e6edf3",
             "muted": "#9aa5b1", "select": "#f0f6fc", "grid": (255, 255, 255, 22), "shade": (230, 237, 243),
             "box": "#2d333b", "box_border": "#6e7681", "lane_text": "#c9d1d9", "axis_line": "#444c56",
             "axis_text": "#adbac7", "overview_line": "#adbac7", "overview_fill": (173, 186, 199, 60),
             "overview_axis_text": "#8b949e", "overview_axis_line": "#444c56", "focus": "#58a6ff"},
}

# the style sheet's light colours and what they become in the dark theme
DARK_QSS = {
    "#ffffff": "#1f242b", "#f7f8fa": "#161a1f", "#f9fafb": "#1c2128", "#f3f4f6": "#2d333b",
    "#e5e7eb": "#373e47", "#d1d5db": "#444c56", "#9ca3af": "#768390", "#6b7280": "#9aa5b1",
    "#4b5563": "#adbac7", "#374151": "#c9d1d9", "#1f2937": "#e6edf3", "#111827": "#f0f6fc",
    "#eef2ff": "#2a3a5c", "#dbeafe": "#274872", "#bfdbfe": "#2f5a8f", "#2563eb": "#4b8df8",
    "#1e3a8a": "#a5c8ff", "#fffbeb": "#3b2f12", "#fde68a": "#7a5d12", "#92400e": "#f5c56b",
    "#f9fafb;": "#1c2128;",
    "#991b1b": "#ffa198", "#fef2f2": "#3d1f22", "#fecaca": "#8e3b3b",
}
DARK_EXTRA = """
QToolTip { background: #f0f6fc; color: #111827; }
"""
# the lists whose items carry text colours of their own, made for a light page (viewer/ui/filters.py)
THEMED_LISTS = ("countryList", "languageList", "codeList")

_current = "light"
_listeners: list = []


def current() -> str:
    """The theme in force: "light" or "dark"."""
    return _current


def colour(key: str) -> QColor:
    """A timeline colour of the theme in force."""
    value = TIMELINE[_current][key]
    return QColor(*value) if isinstance(value, tuple) else QColor(value)


def system_is_dark(app=None) -> bool:
    """The desktop asks for dark colours (Qt's colour scheme; else its palette's window is dark)."""
    app = app or QApplication.instance()
    if app is None:
        return False
    try:
        scheme = app.styleHints().colorScheme()
        if scheme == Qt.ColorScheme.Dark:
            return True
        if scheme == Qt.ColorScheme.Light:
            return False
    except AttributeError:        # Qt before 6.5
        pass
    return app.style().standardPalette().color(QPalette.ColorRole.Window).lightness() < 110


def resolve(choice: str, app=None) -> str:
    """"light" or "dark" for a choice of System / Light / Dark."""
    if choice == "dark":
        return "dark"
    if choice == "light":
        return "light"
    return "dark" if system_is_dark(app) else "light"


def saved_choice() -> str:
    from viewer.ui.settings import get_str, open_settings
    value = get_str(open_settings(), SETTINGS_KEY, "system")
    return value if value in CHOICES else "system"


def save_choice(choice: str) -> None:
    from viewer.ui.settings import open_settings
    if choice in CHOICES:
        open_settings().setValue(SETTINGS_KEY, choice)


def dark_style_sheet(light: str) -> str:
    """The style sheet for the dark theme: every light colour mapped, the reading panes kept on paper."""
    def swap(m):
        return DARK_QSS.get(m.group(0).lower(), m.group(0))
    out = re.sub(r"#[0-9a-fA-F]{6}", swap, light)
    out = out.replace("rgba(239, 246, 255, 230)", "rgba(31, 41, 58, 235)")
    return out + DARK_EXTRA


def palette(name: str) -> QPalette:
    """Qt's palette for a theme (Fusion's standard one for light)."""
    app = QApplication.instance()
    if name == "light":
        pal = app.style().standardPalette() if app is not None else QPalette()
        return pal
    pal = QPalette()
    roles = QPalette.ColorRole
    for role, value in ((roles.Window, "#161a1f"), (roles.WindowText, "#e6edf3"), (roles.Base, "#3a424d"),
                        (roles.AlternateBase, "#22272e"), (roles.ToolTipBase, "#f0f6fc"),
                        (roles.ToolTipText, "#111827"), (roles.Text, "#e6edf3"), (roles.Button, "#2d333b"),
                        (roles.ButtonText, "#e6edf3"), (roles.BrightText, "#ff7b72"), (roles.Link, "#58a6ff"),
                        (roles.Highlight, "#2f5a8f"), (roles.HighlightedText, "#ffffff"),
                        (roles.PlaceholderText, "#768390"), (roles.Light, "#444c56"), (roles.Midlight, "#373e47"),
                        (roles.Mid, "#30363d"), (roles.Dark, "#0d1117"), (roles.Shadow, "#000000")):
        pal.setColor(role, QColor(value))
    for role, value in ((roles.WindowText, "#6e7681"), (roles.Text, "#6e7681"), (roles.ButtonText, "#6e7681")):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(value))
    return pal


def readable_on_dark(c: QColor) -> QColor:
    """A text colour made for a light page, as it reads on the dark one: the style sheet's own mapping
    for its greys, else the same hue with its lightness turned over (a colour light already stays)."""
    mapped = DARK_QSS.get(c.name().lower())
    if mapped:
        return QColor(mapped)
    if c.lightness() >= 140:
        return c
    h, s_, l_, a = c.getHsl()
    return QColor.fromHsl(max(h, 0), s_, 255 - l_, a)


class ThemedItems(QStyledItemDelegate):
    """Paints a list's items with their own text colours in the light theme, made light in the dark one."""

    def initStyleOption(self, option, index):  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        if _current != "dark":
            return
        fg = index.data(Qt.ItemDataRole.ForegroundRole)
        if fg is None:
            return
        colour = fg.color() if hasattr(fg, "color") else QColor(fg)
        light = readable_on_dark(colour)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            option.palette.setColor(group, QPalette.ColorRole.Text, light)
            option.palette.setColor(group, QPalette.ColorRole.WindowText, light)


class _ListWatcher(QObject):
    """Puts a ThemedItems delegate on every list named in THEMED_LISTS when it is polished (first shown)."""

    def eventFilter(self, obj, ev):  # noqa: N802 - Qt's name
        if ev.type() == QEvent.Type.Polish and isinstance(obj, QAbstractItemView) \
                and obj.objectName() in THEMED_LISTS and not isinstance(obj.itemDelegate(), ThemedItems):
            obj.setItemDelegate(ThemedItems(obj))
        return False


def watch_lists(app) -> None:
    """Theme the filter lists of every window of ``app`` (once per application)."""
    if app is None or app.property("ct_lists_watched"):
        return
    watcher = _ListWatcher(app)
    app.installEventFilter(watcher)
    app.setProperty("ct_lists_watched", True)
    for w in app.allWidgets():          # lists made before
        if isinstance(w, QAbstractItemView) and w.objectName() in THEMED_LISTS \
                and not isinstance(w.itemDelegate(), ThemedItems):
            w.setItemDelegate(ThemedItems(w))


def on_change(callback) -> None:
    """Call `callback()` after every switch (held weakly when it is a bound method)."""
    try:
        ref = weakref.WeakMethod(callback)
    except TypeError:
        ref = (lambda cb=callback: cb)
    _listeners.append(ref)


def _set_timeline_colours(name: str) -> None:
    from viewer.ui import timeline_paint as tp
    c = TIMELINE[name]
    tp.BG, tp.LANE_ALT, tp.LANE_LINE = QColor(c["bg"]), QColor(c["lane_alt"]), QColor(c["lane_line"])
    tp.TEXT, tp.MUTED, tp.SELECT = QColor(c["text"]), QColor(c["muted"]), QColor(c["select"])
    tp.GRID, tp.SHADE = QColor(*c["grid"]), QColor(*c["shade"])
    tp.BOX, tp.BOX_BORDER = QColor(c["box"]), QColor(c["box_border"])


def _notify() -> None:
    alive = []
    for ref in _listeners:
        cb = ref()
        if cb is None:
            continue
        alive.append(ref)
        try:
            cb()
        except RuntimeError:      # its widget is gone
            continue
    _listeners[:] = alive


def apply(name: str, app=None) -> str:
    """Switch to "light" or "dark" (or resolve "system"): palette, style sheet, the timeline's colours."""
    global _current
    app = app or QApplication.instance()
    name = resolve(name, app) if name not in ("light", "dark") else name
    _current = name
    _set_timeline_colours(name)
    if app is not None:
        watch_lists(app)
        base = app.property("ct_light_qss")
        if base is None:
            base = app.styleSheet() or ""
            app.setProperty("ct_light_qss", base)
        app.setPalette(palette(name))
        app.setStyleSheet(dark_style_sheet(base) if name == "dark" else base)
    _notify()
    return name


@contextmanager
def light_for_output():
    """Paint in the light theme inside this block (pages for print and export), then back."""
    before = _current
    if before == "light":
        yield
        return
    _set_timeline_colours("light")
    globals()["_current"] = "light"
    _notify()
    try:
        yield
    finally:
        globals()["_current"] = before
        _set_timeline_colours(before)
        _notify()
