"""The legend: what the timeline's marks mean (dot, bar, band, "+N", density strip, lane colours).

Each sample is drawn by the timeline's own drawing functions (`timeline_paint.draw_dot`, `draw_day_bar`,
`draw_band`, `draw_pill`, `draw_strip`) in a country's colour from `formatting.country_colour`, so the
legend never disagrees with the lanes. `install(window)` adds Help ▸ Legend to a main window's menu bar;
`LegendDialog` is the (non-modal) window it opens.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QPainter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from viewer.store.filtering import NO_COUNTRY
from viewer.ui import formatting as fmt
from viewer.ui import timeline_paint as tp

SAMPLE_COUNTRY = "UA"          # the colour the samples are drawn in
STRIP_COUNTS = (0, 1, 0, 2, 1, 3, 5, 9, 14, 22, 30, 18, 9, 4, 2, 1, 0, 1, 3, 6, 4, 1, 0, 0)

# (kind, what it is, what it means)
ENTRIES = (
    ("dot", "Dot", "An event dated to a day or more precisely."),
    ("bar", "Bar", "The same, zoomed in until its day is wider than a dot: the bar spans the day."),
    ("band", "Band", "A vague date (a week, a month, a season, a year …): the band covers every day it may "
                     "fall on, with a tick where it may start and where it may end."),
    ("pill", "+N", "N more events here than fit at this zoom (or than the labels have room for). "
                   "Double-click it to zoom in."),
    ("strip", "Density strip", "Too many events to draw one by one: darker where more of them fall. "
                               "A paler strip shows where vague dates lie."),
    ("lanes", "Lanes", "One lane per country, in its own colour in every database; grey is the lane of "
                       "events that name no country. Events that overlap stack in rows inside their lane, "
                       "and a lane is as tall as the rows it needs here (up to four; more folds into +N)."),
)


class LegendSample(QWidget):
    """One sample mark, painted as the timeline paints it."""

    def __init__(self, kind: str, parent=None):
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"legendSample_{kind}")
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(96, 26)

    def colour(self) -> QColor:
        return QColor(fmt.country_colour(SAMPLE_COUNTRY))

    def paintEvent(self, _event):  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        w, h = self.width(), self.height()
        cy = h / 2
        colour = self.colour()
        p.fillRect(QRectF(0, 0, w, h), tp.BG)
        if self.kind == "dot":
            tp.draw_dot(p, QPointF(w / 2, cy), colour)
        elif self.kind == "bar":
            tp.draw_day_bar(p, 18, w - 18, cy, colour)
        elif self.kind == "band":
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            tp.draw_band(p, QRectF(10, cy - 7, w - 20, 14), colour)
        elif self.kind == "pill":
            tp.draw_pill(p, QRectF(w / 2 - 18, cy - tp.PILL_H / 2, 36, tp.PILL_H), colour, "+12", tp.pill_font())
        elif self.kind == "strip":
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            tp.draw_strip(p, QRectF(4, cy - 4, w - 8, 8), colour, STRIP_COUNTS, strong=True)
        elif self.kind == "lanes":
            codes = ("UA", "RU", "US", "DE", NO_COUNTRY)
            step = w / len(codes)
            for k, code in enumerate(codes):
                tp.draw_dot(p, QPointF(step * (k + 0.5), cy), QColor(fmt.country_colour(code)))
        p.end()


class LegendPanel(QWidget):
    """The legend's rows: sample, name, meaning."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("legend")
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 12, 12, 12)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        self.samples: dict[str, LegendSample] = {}
        for row, (kind, name, meaning) in enumerate(ENTRIES):
            sample = LegendSample(kind, self)
            self.samples[kind] = sample
            title = QLabel(f"<b>{name}</b>", self)
            text = QLabel(meaning, self)
            text.setWordWrap(True)
            text.setMinimumWidth(300)
            grid.addWidget(sample, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(title, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 2)
        grid.setColumnStretch(2, 1)


class LegendDialog(QDialog):
    """Help ▸ Legend: a small window that stays open beside the timeline."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("legendDialog")
        self.setWindowTitle("Legend")
        self.panel = LegendPanel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.panel)
        lay.addWidget(buttons)


def show_legend(window) -> LegendDialog:
    """Open (or raise) the window's legend; returns it."""
    dialog = window.findChild(LegendDialog, "legendDialog")
    if dialog is None:
        dialog = LegendDialog(window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def install(window) -> QAction:
    """Add Help ▸ Legend to `window`'s menu bar (after "Keyboard and mouse"), once; returns the action."""
    found = window.findChild(QAction, "legendAction")
    if found is not None:
        return found
    action = QAction("&Legend", window)
    action.setObjectName("legendAction")
    action.setToolTip("What the timeline's dots, bars, bands, +N and density strips mean")
    action.triggered.connect(lambda: show_legend(window))
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    help_menu = next((m for m in menus if m.title().replace("&", "") == "Help"), None)
    if help_menu is None:
        help_menu = window.menuBar().addMenu("&Help")
    items = help_menu.actions()
    after = next((k for k, a in enumerate(items) if a.text().replace("&", "").startswith("Keyboard")), None)
    if after is not None and after + 1 < len(items):
        help_menu.insertAction(items[after + 1], action)
    else:
        help_menu.addAction(action)
    return action
