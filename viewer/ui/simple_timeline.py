"""A small stand-in for viewer.ui.timeline.TimelineView, with the same interface.

The window uses it only when viewer/ui/timeline.py cannot be imported (e.g. a partial checkout);
it draws at most a few thousand events, one lane per country, and is meant for trials and tests.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from viewer.model import ViewFilter
from viewer.ui import formatting as fmt

LIMIT = 5000


class SimpleTimelineView(QWidget):
    eventClicked = Signal(int)
    eventActivated = Signal(int)
    rangeChanged = Signal(float, float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._store = None
        self._filter = ViewFilter()
        self._events = []
        self._lanes: list[str] = []
        self._selected: int | None = None
        self.plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(orientation="bottom", utcOffset=0)})
        self.plot.setBackground("w")
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.hideButtons()
        self.plot.getPlotItem().getViewBox().sigXRangeChanged.connect(self._on_range)
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self._bars: list = []
        self._sel_item = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plot)

    # -- interface -------------------------------------------------------------------------------
    def set_store(self, store) -> None:
        self._store = store
        self._reload()
        self.fit_all()

    def set_filter(self, f: ViewFilter) -> None:
        self._filter = f
        self._reload()

    def select_event(self, event_id) -> None:
        self._selected = event_id
        self._draw_selection()
        ev = self._by_id(event_id)
        if ev is not None and ev.t0 is not None:
            t0, t1 = self.visible_range()
            if not (t0 <= ev.t0 <= t1):
                half = (t1 - t0) / 2
                mid = (ev.t0 + ev.t1) / 2
                self.set_visible_range(mid - half, mid + half)

    def selected_event(self):
        return self._selected

    def fit_all(self) -> None:
        ts = [e for e in self._events if e.t0 is not None]
        if not ts:
            self.plot.setXRange(0, 86400 * 365, padding=0)
            return
        t0 = min(e.t0 for e in ts)
        t1 = max(e.t1 for e in ts)
        pad = max((t1 - t0) * 0.05, 86400)
        self.plot.setXRange(t0 - pad, t1 + pad, padding=0)
        self.plot.setYRange(-0.7, max(len(self._lanes), 1) - 0.3, padding=0)

    def visible_range(self):
        r = self.plot.getPlotItem().getViewBox().viewRange()[0]
        return float(r[0]), float(r[1])

    def set_visible_range(self, t0, t1) -> None:
        self.plot.setXRange(float(t0), float(t1), padding=0)

    def lanes(self) -> list[str]:
        return list(self._lanes)

    def visible_event_ids(self) -> set[int]:
        t0, t1 = self.visible_range()
        return {e.id for e in self._events if e.t0 is not None and e.t1 > t0 and e.t0 < t1}

    def event_view_pos(self, event_id, lane=None):
        ev = self._by_id(event_id)
        if ev is None or ev.t0 is None:
            return None
        lanes = [lane] if lane else (ev.countries or ["—"])
        for code in lanes:
            if code in self._lanes:
                y = self._lanes.index(code)
                scene = self.plot.getPlotItem().getViewBox().mapViewToScene(QPointF((ev.t0 + ev.t1) / 2, y))
                return self.plot.mapFromScene(scene)
        return None

    def viewport_widget(self):
        return self.plot.viewport()

    def export_image(self, path) -> None:
        import pyqtgraph.exporters as ex
        path = str(path)
        exporter = ex.SVGExporter(self.plot.getPlotItem()) if path.lower().endswith(".svg") \
            else ex.ImageExporter(self.plot.getPlotItem())
        exporter.export(path)

    # -- drawing -----------------------------------------------------------------------------------
    def _by_id(self, event_id):
        for e in self._events:
            if e.id == event_id:
                return e
        return None

    def _reload(self) -> None:
        self._events = list(self._store.events(self._filter, limit=LIMIT)) if self._store else []
        counts: dict[str, int] = {}
        for e in self._events:
            for c in e.countries or ["—"]:
                counts[c] = counts.get(c, 0) + 1
        self._lanes = sorted(counts, key=lambda c: (-counts[c], c))
        for item in self._bars:
            self.plot.removeItem(item)
        self._bars = []
        left = self.plot.getAxis("left")
        left.setTicks([[(i, c) for i, c in enumerate(self._lanes)]])
        for i, code in enumerate(self._lanes):
            evs = [e for e in self._events if e.t0 is not None and code in (e.countries or ["—"])]
            if not evs:
                continue
            x0 = np.array([e.t0 for e in evs])
            w = np.array([max(e.t1 - e.t0, 3600.0) for e in evs])
            colour = fmt.country_colour(code)
            bar = pg.BarGraphItem(x0=x0, width=w, y=np.full(len(evs), float(i)), height=0.5,
                                  brush=pg.mkBrush(colour + "66"), pen=pg.mkPen(colour, width=1.2))
            self.plot.addItem(bar)
            self._bars.append(bar)
        self.plot.setYRange(-0.7, max(len(self._lanes), 1) - 0.3, padding=0)
        self._draw_selection()

    def _draw_selection(self) -> None:
        if self._sel_item is not None:
            self.plot.removeItem(self._sel_item)
            self._sel_item = None
        ev = self._by_id(self._selected) if self._selected is not None else None
        if ev is None or ev.t0 is None:
            return
        ys = [self._lanes.index(c) for c in (ev.countries or ["—"]) if c in self._lanes]
        if not ys:
            return
        self._sel_item = pg.BarGraphItem(
            x0=np.full(len(ys), ev.t0), width=np.full(len(ys), max(ev.t1 - ev.t0, 3600.0)),
            y=np.array(ys, dtype=float), height=0.62, brush=pg.mkBrush(0, 0, 0, 0),
            pen=pg.mkPen("#111827", width=2.5))
        self.plot.addItem(self._sel_item)

    def _on_range(self, _vb, r) -> None:
        self.rangeChanged.emit(float(r[0]), float(r[1]))

    def _hit(self, scene_pos):
        vb = self.plot.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        p = vb.mapSceneToView(scene_pos)
        lane = int(round(p.y()))
        if not 0 <= lane < len(self._lanes) or abs(p.y() - lane) > 0.35:
            return None
        code = self._lanes[lane]
        px = vb.viewPixelSize()[0]
        best, best_d = None, 6 * px
        for e in self._events:
            if e.t0 is None or code not in (e.countries or ["—"]):
                continue
            d = 0.0 if e.t0 <= p.x() <= max(e.t1, e.t0 + 3600) else min(abs(p.x() - e.t0), abs(p.x() - e.t1))
            if d <= best_d:
                best, best_d = e, d
        return best

    def _on_click(self, mouse_event) -> None:
        if mouse_event.button() != Qt.MouseButton.LeftButton:
            return
        ev = self._hit(mouse_event.scenePos())
        if ev is None:
            return
        self._selected = ev.id
        self._draw_selection()
        if mouse_event.double():
            self.eventActivated.emit(ev.id)
        else:
            self.eventClicked.emit(ev.id)


__all__ = ["SimpleTimelineView", "QPoint"]
