"""The overview strip under the timeline: the whole span's density and a draggable window on it."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from viewer.ui.timeline_axis import TimeAxis

OVERVIEW_BINS = 600
MIN_OVERVIEW_SPAN = 30 * 86400.0   # seconds: one event (or a few close together) still shows a month around it


class _OverviewBox(pg.ViewBox):
    def __init__(self, strip: "OverviewStrip"):
        super().__init__(enableMenu=False)
        self.strip = strip
        self.setMouseEnabled(x=False, y=False)

    def mouseClickEvent(self, ev):
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self.strip.centre_on(self.mapToView(ev.pos()).x())
        else:
            ev.ignore()

    def mouseDragEvent(self, ev, axis=None):
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self.strip.centre_on(self.mapToView(ev.pos()).x())
        else:
            ev.ignore()

    def wheelEvent(self, ev, axis=None):
        ev.ignore()


class OverviewStrip:
    def __init__(self, view):
        self.view = view
        self.vb = _OverviewBox(self)
        axis = TimeAxis()
        f = QFont()
        f.setPixelSize(10)
        axis.setTickFont(f)
        self.axis = axis
        axis.setHeight(18)
        axis.enableAutoSIPrefix(False)
        self.plot = pg.PlotItem(viewBox=self.vb, axisItems={"bottom": axis})
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.hideAxis("left")
        self.plot.showAxis("left")
        self.plot.getAxis("left").setWidth(46)
        self.plot.getAxis("left").setStyle(showValues=False, tickLength=0)
        self.plot.getAxis("left").setPen(pg.mkPen(None))
        self.plot.setMaximumHeight(62)
        self.plot.setMinimumHeight(62)
        self.curve = pg.PlotCurveItem(fillLevel=0)
        self.curve.setCacheMode(self.curve.CacheMode.DeviceCoordinateCache)   # repainted only on new data
        self.vb.addItem(self.curve)
        self.region = pg.LinearRegionItem(brush=pg.mkBrush(QColor(47, 111, 179, 45)),
                                          hoverBrush=pg.mkBrush(QColor(47, 111, 179, 70)),
                                          pen=pg.mkPen("#2f6fb3", width=1.5))
        self.region.setZValue(10)
        self.vb.addItem(self.region)
        self.region.sigRegionChanged.connect(self._region_moved)
        self._updating = False
        self._shown_data = None
        self.span = (0.0, 1.0)

    def apply_theme(self) -> None:
        """The colours of the theme in force (viewer/ui/theme.py)."""
        from viewer.ui import theme
        self.axis.setTextPen(pg.mkPen(theme.colour("overview_axis_text")))
        self.axis.setPen(pg.mkPen(theme.colour("overview_axis_line")))
        self.curve.setPen(pg.mkPen(theme.colour("overview_line"), width=1))
        self.curve.setBrush(pg.mkBrush(theme.colour("overview_fill")))
        self.curve.update()

    def set_data(self, view) -> None:
        """The density of the shown lanes over the whole span of the indexed events."""
        idx = view._index
        span = idx.span if idx is not None and idx.span else view._data_span()
        a, b = span
        if b - a < MIN_OVERVIEW_SPAN:      # never a zero-width strip around a single result
            c = (a + b) / 2
            a, b = c - MIN_OVERVIEW_SPAN / 2, c + MIN_OVERVIEW_SPAN / 2
        pad = (b - a) * 0.02
        a, b = a - pad, b + pad
        counts = np.zeros(OVERVIEW_BINS)
        edges = np.linspace(a, b, OVERVIEW_BINS + 1)
        if idx is not None and len(idx.t0):
            if idx.overview_edges is None:     # fixed per index, so its lane histograms are computed once
                idx.overview_edges = np.linspace(a, b, OVERVIEW_BINS + 1)
            edges = idx.overview_edges
            hist = idx.lane_histograms(edges)
            if view._shown:
                counts = hist[view._shown].sum(axis=0)
        level = np.sqrt(counts)
        x = np.repeat(edges, 2)[1:-1]
        y = np.repeat(level, 2)
        shown = self._shown_data
        if shown is None or not (np.array_equal(shown[0], x) and np.array_equal(shown[1], y)):
            self.curve.setData(x, y)     # (the same curve again, after an edit within a bin: not redrawn)
            self._shown_data = (x, y)
        self.span = (float(edges[0]), float(edges[-1]))
        self.vb.setRange(xRange=self.span, yRange=(0, max(1.0, float(level.max()) * 1.1)), padding=0)
        self.update_region(view)

    def update_region(self, view) -> None:
        self._updating = True
        try:
            self.region.setRegion(view.visible_range())
        finally:
            self._updating = False

    def _region_moved(self):
        if self._updating:
            return
        a, b = self.region.getRegion()
        if b > a:
            self.view.view_state.moved()
            self.view.set_visible_range(a, b)

    def centre_on(self, t: float) -> None:
        self.view.view_state.moved()
        a, b = self.view.visible_range()
        half = (b - a) / 2
        self.view.set_visible_range(t - half, t + half)
