"""The timeline view: lanes per country, points and bands, zoom from decades to hours, fluid at 1M events.

`TimelineView` is what the main window embeds. Its plot area is painted by ONE item
(`timeline_paint.LanesItem`) that, per frame, slices compact numpy arrays (`timeline_index.Index`) with
`searchsorted` and draws only what the viewport needs: marks and labels when few events are visible,
density strips and "+N" clusters when many are. Never one graphics item per event.

Data: the occurrence arrays (one entry per event and lane) are loaded once per database from
`viewer.store.timeline`; a small database loads at once, a big one paints a first frame from the
(code, t0) index and loads the rest in a thread. Country filters only choose lanes; date filters are numpy
masks; search, article and precision filters ask SQL for the matching ids.

Dense lanes: overlapping marks and their labels stack in sub-rows inside a lane, and each lane is as tall
as the sub-rows it needs for what is in view (viewer/ui/timeline_lanes.py): a quiet lane one sub-row, a
crowded one up to four, beyond which marks fold into "+N" (double-click one to zoom into it). Lanes lie one
under the other by a cumulative offset (the ViewBox's y is pixels from the top of the first lane); when
they need less than the view's height they grow in proportion to fill it, when they need more they scroll.
What each lane needs is measured (`LanesItem.lane_needs`, the same stacking the frames use) for what is in
the window (a quarter of a window on either side may add one sub-row to a lane that stacks in view, no
more), when the zoom, the width, the filter or the data change, and 250 ms after a pan stops: never during
a drag, so lanes do not jump under the pointer. The layout of the tiles measured is kept for the frames at
that zoom, so measuring costs little more than painting. `stacking = False` gives every lane the same height and draws
every mark on its lane's line (`bench ui --stacking off`). Printing and exporting draw a copy of the view
with every lane at the height it needs (`copy_for_print`, `render_into`; see viewer/ui/publish.py).

Navigation: wheel zooms around the cursor, drag pans (and scrolls lanes when they do not fit), Shift-drag
zooms to a range, double-click a cluster zooms into it, an overview strip shows the whole span with a
draggable window. Keys: Left/Right previous/next event, +/- zoom, Home/End first/last event, F fit all,
PageUp/PageDown pan, Enter opens the selected event, Escape clears the selection. Double-click on empty
space zooms in there. Zoom is bounded: one hour to two centuries across the view.
"""
from __future__ import annotations

import math
import os
import threading
from collections import OrderedDict

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from viewer.model import ViewFilter
from viewer.store import eventset
from viewer.store import timeline as tstore
from viewer.store import window as wstore
from viewer.ui import formatting as fmt
from viewer.ui import theme
from viewer.ui import timeline_lanes, timeline_patch
from viewer.ui.timeline_axis import TimeAxis
from viewer.ui.timeline_index import DAY, HOUR, NCLS, YEAR, Index, prepare
from viewer.ui.timeline_lanes import MIN_LANE_PX
from viewer.ui.timeline_overview import OverviewStrip
from viewer.ui.timeline_paint import LABEL_GAP, LABEL_PX_PER_MARK, LanesItem
from viewer.viewstate import ViewState

pg.setConfigOptions(antialias=True)

MIN_SPAN = HOUR                 # no further in than an hour across the view
MAX_SPAN = 200 * YEAR           # no further out than two centuries
SYNC_MAX = 300_000              # occurrences loaded at once; bigger databases load in a thread
MIN_FIT_SPAN = 14 * DAY          # "fit all" never zooms in further than this across the data
SCROLL_STEP_PX = 40.0            # Shift+wheel scrolls the lanes this many pixels a notch
SETTLE_MS = 250                  # lane heights are measured again this long after the last pan
FIT_MARGIN_PX = 16               # "fit all" leaves this much room on either side (more for labels)
FIT_LABEL_ROOM = 0.6             # ... up to this much of the width on the right, for the last labels
STACKING = True                  # overlapping marks and labels stack in sub-rows (bench ui --stacking)
FOCUS_RING_PX = 2                # the focus ring's width, around the plot
FOCUS_RING = QColor("#2f6fb3")   # the focus ring in the light theme (viewer/ui/theme.py has both)

__all__ = ["TimelineView", "MIN_SPAN", "MAX_SPAN", "DAY", "HOUR", "YEAR"]


def lane_color(code: str) -> QColor:
    """A lane's colour: its country's (formatting.country_colour, by code alone; grey for no country)."""
    return QColor(fmt.country_colour(code))


class _TimelineViewBox(pg.ViewBox):
    """x-only zoom around the cursor, drag to pan, Shift-drag to zoom to a range, bounded zoom."""

    def __init__(self, view):
        super().__init__(enableMenu=False)
        self.view = view
        self.setMouseEnabled(x=True, y=False)
        self.invertY(True)
        self._band = None

    def wheelEvent(self, ev, axis=None):
        """Wheel: zoom around the cursor. Shift+wheel: scroll the lanes (when they do not all fit).
        A horizontal wheel or trackpad swipe pans in time."""
        delta = ev.delta() if hasattr(ev, "delta") else ev.angleDelta().y()
        horizontal = hasattr(ev, "orientation") and ev.orientation() == Qt.Orientation.Horizontal
        if not delta:
            ev.ignore()
            return
        ev.accept()
        if horizontal:
            x0, x1 = self.view.visible_range()
            self.view._pan(-(x1 - x0) * 0.1 * delta / 120.0, 0.0)
        elif ev.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.view._pan(0.0, -delta / 120.0 * SCROLL_STEP_PX)
        else:
            self.view._zoom(0.85 ** (delta / 120.0), self.mapToView(ev.pos()).x())

    def mouseDragEvent(self, ev, axis=None):
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        shift = bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if shift or self._band is not None:
            if ev.isStart() and shift:
                self._band = self.mapToView(ev.buttonDownPos()).x()
            if self._band is None:
                return
            here = self.mapToView(ev.pos()).x()
            self.updateScaleBox(ev.buttonDownPos(), ev.pos())
            r = self.rbScaleBox.rect()
            self.rbScaleBox.setRect(QRectF(r.left(), self.viewRect().top(), r.width(), self.viewRect().height()))
            if ev.isFinish():
                self.rbScaleBox.hide()
                a, b = sorted((self._band, here))
                self._band = None
                if b - a > 0:
                    self.view.view_state.moved()
                    self.view.set_visible_range(a, b)
            return
        last = self.mapToView(ev.lastPos())
        now = self.mapToView(ev.pos())
        dx = last.x() - now.x()
        dy = 0.0
        if self.view._lanes_overflow():
            dy = last.y() - now.y()
        self.view._pan(dx, dy)

    def hoverEvent(self, ev):
        if ev.isExit():
            self.view._hover(None, None)
        else:
            self.view._hover(ev.pos(), ev.screenPos())

    def mouseClickEvent(self, ev):
        if ev.button() == Qt.MouseButton.RightButton:
            ev.accept()
            self.view._context(ev.pos(), ev.screenPos())
            return
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        self.view._clicked(ev.pos(), ev.double())

    def mouseDoubleClickEvent(self, ev):
        ev.accept()
        self.view._clicked(ev.pos(), True)


def zoom_into_range(x0: float, x1: float, t0: float, t1: float, min_span: float = MIN_SPAN,
                    narrow: float = 0.9) -> tuple[float, float] | None:
    """The range a double-click on a "+N" folding [t0, t1] zooms to from the view [x0, x1]: [t0, t1] cut to
    the view; when that is not narrower than ``narrow`` of the view, half the view around the cluster's
    centre (itself brought into the view). Never narrower than ``min_span``, always within the view and
    narrower than it; None when the view cannot zoom in any further."""
    span = x1 - x0
    if span <= min_span * (1 + 1e-9):
        return None
    a, b = max(min(t0, t1), x0), min(max(t0, t1), x1)
    if b - a > narrow * span or b <= a:
        c = min(max((t0 + t1) / 2, x0), x1)
        half = span * 0.5
        a = c - half / 2
        a = min(max(a, x0), x1 - half)
        b = a + half
    if b - a < min_span:                     # no further in than the zoom's bound, still inside the view
        c = (a + b) / 2
        a = min(max(c - min_span / 2, x0), x1 - min_span)
        b = a + min_span
    return a, b


def _describe_when(brief: dict) -> str:
    """'September 2024 · month' for a tooltip."""
    return f"{fmt.when(brief['value'], brief['earliest'], brief['latest'], brief['granularity'])}" \
           f" \u00b7 {fmt.precision(brief['granularity'])}"


def _country_name(code: str) -> str:
    return "No country named" if code == tstore.NO_COUNTRY else fmt.country_name(code)


class _LaneAxis(pg.AxisItem):
    """The lane labels on the left; hovering one tells the country's name and its events."""

    def __init__(self, view):
        super().__init__(orientation="left")
        self.view = view
        self.setAcceptHoverEvents(True)

    def hoverEvent(self, ev):
        if ev.isExit():
            QToolTip.hideText()
            return
        y = self.view._vb.mapSceneToView(ev.scenePos()).y()
        layout = self.view._lane_layout
        row = layout.row_at(y) if 0 <= y < layout.total else -1
        if 0 <= row < len(self.view._lanes):
            code = self.view._lanes[row]
            idx = self.view._index
            count = int(idx.lane_count[self.view._shown[row]]) if idx is not None else 0
            QToolTip.showText(QPoint(int(ev.screenPos().x()) + 12, int(ev.screenPos().y())),
                              f"{_country_name(code)} ({code})\n{count:,} events on the timeline",
                              self.view.glw.viewport())


class _Loader(QObject):
    done = Signal(int, object)
    events = Signal(int, object)


def _base_key(f: ViewFilter | None):
    """The parts of a filter that change which occurrences are indexed (everything but countries)."""
    if f is None:
        return None
    key = (f.date_from, f.date_to, f.search, f.max_granularity, f.article_id, f.languages, f.dating,
           f.starred or None, f.tags, f.has_note or None, f.review, None if f.show_rejected else "no rejected",
           f.checks or None)
    return key if any(k is not None and k != "" for k in key) else None


class TimelineView(QWidget):
    """The interactive timeline of a `viewer.store.Store`: one lane per country (and "\u2014" for events
    naming none), points for dates precise to a day or finer, translucent bands for vaguer ones.

    Times are seconds since 1970 UTC (the store's t0/t1). Public API: set_store, set_filter,
    select_event/selected_event, fit_all, visible_range/set_visible_range, lanes, lane_colors,
    is_loading, visible_event_ids, event_view_pos, viewport_widget, export_image, can_patch / patch_events
    (an edit of a few events shown without reading the database again); signals below.
    """
    eventClicked = Signal(int)         # an event was clicked (selected)
    eventActivated = Signal(int)       # Enter or double-click on an event: open its excerpt
    rangeChanged = Signal(float, float)  # visible range changed (t0, t1 seconds); coalesced per event loop turn
    loadingFinished = Signal()         # every event of the database is in (see is_loading)
    eventsLoaded = Signal()            # the per-event arrays are in (see event_arrays): numpy filters
    eventMenuRequested = Signal(int, QPoint)   # right-click on an event (selected first): id, global position

    def __init__(self, parent=None, state: ViewState | None = None):
        """`state`: the view state shared with the rest of the window (the selection, the visible range,
        the search results and the per-event arrays live there); a view of its own when not given."""
        super().__init__(parent)
        self.view_state = state if state is not None else ViewState()
        self._stacking = STACKING
        self._store = None
        self._occ = None                 # every occurrence of the database, (lane, class, t0) order
        self._cls = None
        self._index: Index | None = None
        self._index_cache: OrderedDict = OrderedDict()   # base filter -> (occurrences, Index)
        self._filter: ViewFilter | None = None
        self._shown: list[int] = []      # row -> lane number (index into self._occ.lanes)
        self._row_of: dict[int, int] = {}
        self._lanes: list[str] = []      # row -> code
        self._row_codes: list[str] | None = None   # the lane codes the rows were made from
        self._lane_numbers: dict[str, int] = {}   # code -> row
        self._lane_colors: list[QColor] = []
        self._selected_info = None
        self._titles: OrderedDict = OrderedDict()
        self._span = (0.0, YEAR)
        self._generation = 0
        self._partial = False
        self._dirty = True
        self._hovered = None
        self._content_version = 0        # bumped by every change but a pan (see _changed)
        self._whole = None               # (occurrences, the Index of all of them)
        self._occ_pos_missing = False    # some occurrences have no per-event row (positions -1)
        self._span_cache = None
        self._events_pending = False     # the per-event arrays (state.events) are loading in the loader thread
        self._occ_pos = None             # per occurrence, its event's position in state.events
        self._lane_layout = timeline_lanes.layout([], 1.0, STACKING)   # where each lane lies (see _resize_lanes)
        self._needs = np.zeros(0, dtype=np.int64)   # per row, the sub-rows its marks need (see _resize_lanes)
        self._needs_key = None           # what the needs were measured for: rows, time range, width
        self._data_version = 0           # bumped whenever the rows or what they show change
        self._ticks_for = None
        self._loader = _Loader(self)
        self._loader.done.connect(self._loaded, Qt.ConnectionType.QueuedConnection)
        self._loader.events.connect(self._events_loaded, Qt.ConnectionType.QueuedConnection)

        self.glw = pg.GraphicsLayoutWidget()
        self.glw.setBackground("w")
        self.glw.ci.setContentsMargins(4, 6, 12, 4)
        self.glw.ci.setSpacing(2)
        self._vb = _TimelineViewBox(self)
        self._axis = TimeAxis()
        self._left = _LaneAxis(self)
        self.plot = pg.PlotItem(viewBox=self._vb, axisItems={"bottom": self._axis, "left": self._left})
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self._axis.enableAutoSIPrefix(False)      # else every range change re-renders an HTML label
        self._left.enableAutoSIPrefix(False)
        self._left.setWidth(46)
        self._left.setStyle(tickLength=0, tickTextOffset=8)
        f = QFont()
        f.setPixelSize(12)
        f.setBold(True)
        self._left.setTickFont(f)
        axf = QFont()
        axf.setPixelSize(11)
        self._axis.setTickFont(axf)
        self.glw.addItem(self.plot, row=0, col=0)
        self.overview = OverviewStrip(self)
        self.glw.addItem(self.overview.plot, row=1, col=0)
        self.glw.ci.layout.setRowStretchFactor(0, 10)
        self.glw.ci.layout.setRowStretchFactor(1, 1)
        self._item = LanesItem(self, self._vb)
        self._vb.setLimits(minXRange=MIN_SPAN, maxXRange=MAX_SPAN)
        self._vb.sigXRangeChanged.connect(self._on_range)
        self._vb.sigYRangeChanged.connect(lambda *_: self._changed(content=False))   # lanes scrolled
        self._vb.sigResized.connect(lambda *_: self._resize_lanes())

        layout = QVBoxLayout(self)
        m = FOCUS_RING_PX
        layout.setContentsMargins(m, m, m, m)       # room for the focus ring around the plot
        layout.addWidget(self.glw)
        # one stop for Tab: the view takes the focus (a click in the plot gives it to the view too) and
        # draws a ring while it has it
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.glw.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.glw.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.glw.installEventFilter(self)
        self.glw.viewport().installEventFilter(self)
        self._range_timer = QTimer(self)
        self._range_timer.setSingleShot(True)
        self._range_timer.setInterval(0)
        self._range_timer.timeout.connect(self._emit_range)
        self._settle_timer = QTimer(self)          # a pan has settled: lane heights for what is now in view
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(SETTLE_MS)
        self._settle_timer.timeout.connect(self._settled)
        self._set_rows([], [])
        self.view_state.subscribe("selected", self._show_selected)
        self.view_state.subscribe("visible_range", self._follow_range)
        self.apply_theme()
        theme.on_change(self.apply_theme)

    def apply_theme(self) -> None:
        """Paint in the colours of the theme in force (viewer/ui/theme.py): background, axes, lanes."""
        c = theme.colour
        self.glw.setBackground(c("bg"))
        self._left.setTextPen(pg.mkPen(c("lane_text")))
        self._left.setPen(pg.mkPen(c("axis_line")))
        self._axis.setTextPen(pg.mkPen(c("axis_text")))
        self._axis.setPen(pg.mkPen(c("axis_line")))
        for axis in (self._axis, self.overview.axis):
            axis._recorded = None
        self.overview.apply_theme()
        self._item.forget_renderings()
        self._changed()
        self.update()

    # -- public interface -------------------------------------------------------------------------
    def set_store(self, store) -> None:
        """Show `store` (fit all). Small databases load at once; big ones paint a first frame from the
        (code, t0) index and load the full arrays in a thread of their own (`loadingFinished`)."""
        self._generation += 1
        self._store = store
        self._titles.clear()
        self._item.forget_titles()
        self._selected_info = None
        self._occ = None
        self._index = None
        self._index_cache.clear()
        self.view_state.events = None
        self.view_state.searches.clear()
        self._occ_pos = None
        self._partial = False
        self._events_pending = False
        events_ready = False
        if store is not None:
            preview = tstore.lane_starts(store)
            path = store.path
            if preview.total <= SYNC_MAX or path == ":memory:" or not os.path.exists(path):
                self._install(prepare(tstore.load_occurrences(store)))
                self._install_events(self._event_arrays_for(store, self._occ))
                events_ready = True
            else:
                self._install_preview(preview)
                self._events_pending = True
                # start loading once the first frame is up (the loader would compete with it for the CPU)
                gen = self._generation
                QTimer.singleShot(0, lambda: threading.Thread(
                    target=self._load_worker, args=(path, gen), daemon=True, name="timeline-loader").start())
        self._apply_filter(self._filter)
        self.fit_all()
        if not self._partial:
            self.loadingFinished.emit()
        if events_ready:
            self.eventsLoaded.emit()

    @property
    def stacking(self) -> bool:
        """Overlapping marks and labels stack in sub-rows inside a lane (each lane as tall as it needs)."""
        return self._stacking

    @stacking.setter
    def stacking(self, on: bool) -> None:
        if bool(on) != self._stacking:
            self._stacking = bool(on)
            self._resize_lanes()

    def set_filter(self, f: ViewFilter, search_ids=None) -> None:
        """Redraw at once with only the events `f` keeps (a country filter shows only its lanes).
        `search_ids`: the ids matching `f.search`, when the caller searched already (else the view
        searches itself)."""
        self._filter = f
        if f is not None and f.search and search_ids is not None:
            self.view_state.searches.put(f.search, np.asarray(search_ids, dtype=np.int64))
        self._apply_filter(f)
        self._changed()

    def event_arrays(self):
        """The database's per-event arrays (`viewer.store.eventset.EventArrays`), None while loading."""
        return self.view_state.events

    def search_ids(self, words: str):
        """Ids of the events matching `words`, in their texts and in the analyst's notes and tags
        (eventset.SearchError if they cannot be searched)."""
        ids = self.view_state.searches.get(words)
        if ids is None:
            ids = wstore.search_ids(self._store, words)
            self.view_state.searches.put(words, ids)
        return ids

    def select_event(self, event_id: int | None) -> None:
        """Select an event (None clears): the state's selection, which every view shows."""
        self.view_state.select(event_id)

    def _show_selected(self, _event_id) -> None:
        """Highlight the state's selection; scroll it into view if it is outside."""
        self._refresh_selection(scroll=True)
        self._changed()

    def selected_event(self) -> int | None:
        return self.view_state.selected

    def fit_all(self) -> None:
        """Every event the filter keeps in view, with a margin on the right wide enough for the last
        events' labels to be whole (up to FIT_LABEL_ROOM of the view). When the filter keeps none (every
        language unticked, before ticking the one wanted) the view stays where it is: fitting nothing
        would span the whole database with no room for labels, and so show the events ticked next."""
        if self.keeps_nothing():
            self.view_state.fitted()
            return
        a, b = self._data_span()
        if b - a < MIN_FIT_SPAN:         # one event (or a few on one day): a fortnight around them
            c = (a + b) / 2
            a, b = c - MIN_FIT_SPAN / 3, c + MIN_FIT_SPAN / 3
        w = max(300.0, float(self._vb.width()))
        left_px, right_px = FIT_MARGIN_PX, FIT_MARGIN_PX
        span = (b - a) * w / (w - left_px - right_px)
        for t, label in self._last_labels():
            room = w - left_px - min(label, FIT_LABEL_ROOM * w)
            if t > a:
                span = max(span, (t - a) * w / room)
        span = max(span, MIN_SPAN)
        start = a - left_px * span / w
        self.set_visible_range(start, start + span)
        self._resize_lanes(reset=True)
        self.view_state.fitted()

    def _last_labels(self) -> list[tuple[float, float]]:
        """(where its label starts, its width in pixels) for the last few events of every lane shown."""
        idx = self._index
        if idx is None or self._partial or not self._shown:
            return []
        picks = []
        w = max(300.0, float(self._vb.width()))
        for lane in self._shown:
            if idx.lane_count[lane] * LABEL_PX_PER_MARK > w * 2:
                continue                 # too many to be labelled when all are in view
            for c in range(NCLS):
                s, e = idx.segment(lane, c)
                if e > s:
                    picks.extend(range(max(s, e - 2), e))
        if not picks:
            return []
        picks = np.asarray(picks, dtype=np.int64)
        t0, t1 = idx.t0[picks], idx.t1[picks]
        point = (t1 - t0) <= DAY + 1
        # a label starts LABEL_GAP right of its dot, or 3 px right of its day's end when the day is wider
        # than a dot, or 3 px into its band; it ends 4 px short of the window's edge at the most
        label = self._item.label_px(idx.eid[picks].tolist())
        where = np.where(point, t0 + np.minimum(t1 - t0, DAY) / 2, t0)
        out = list(zip(where.tolist(), (label + np.where(point, LABEL_GAP + 6, 9)).tolist()))
        out += list(zip(t1[point].tolist(), (label[point] + 9).tolist()))
        return out

    def keeps_nothing(self) -> bool:
        """The events are loaded and the filter keeps none of them (False while loading)."""
        idx = self._index
        if self._partial or idx is None:
            return False
        return not any(e > s for s, e in (idx.segment_range(lane) for lane in self._shown))

    def shows_anything_in_view(self) -> bool:
        """Some event the filter keeps overlaps the visible time range (True while still loading)."""
        idx = self._index
        if self._partial or idx is None:
            return True
        if not self._shown:
            return False
        x0, x1 = self.visible_range()
        lo, hi = idx.windows(x0, x1)
        for lane in self._shown:
            for s in range(lane * NCLS, (lane + 1) * NCLS):
                a, b = int(lo[s]), int(hi[s])
                if b > a and bool((idx.t1[a:b] > x0).any()):
                    return True
        return False

    def visible_range(self) -> tuple[float, float]:
        (x0, x1), _ = self._vb.viewRange()
        return float(x0), float(x1)

    def set_visible_range(self, t0: float, t1: float) -> None:
        t0, t1 = sorted((float(t0), float(t1)))
        span = min(max(t1 - t0, MIN_SPAN), MAX_SPAN)
        c = (t0 + t1) / 2
        self._vb.setXRange(c - span / 2, c + span / 2, padding=0)

    def lanes(self) -> list[str]:
        return list(self._lanes)

    def scroll_to_lane(self, code: str) -> bool:
        """Scroll the lanes (when they do not all fit) so that `code`'s is in view; False if it is not shown."""
        row = self._lane_numbers.get(code)
        if row is None:
            return False
        if self._lanes_overflow():
            _, (y0, _y1) = self._vb.viewRange()
            self._scroll_lanes_to(self._lane_layout.scrolled_to(row, y0, self._view_height()))
        return True

    def lane_colors(self) -> dict[str, QColor]:
        """Every lane's colour by code (also for lanes a filter hides): formatting.country_colour's."""
        codes = self._occ.lanes if self._occ is not None else []
        return {code: QColor(self._lane_colors[i]) for i, code in enumerate(codes) if i < len(self._lane_colors)}

    def is_loading(self) -> bool:
        """True while a big database's full arrays are still loading (the view shows densities)."""
        return self._partial

    def visible_event_ids(self) -> set[int]:
        """Events drawn individually (as a mark or band) in the current frame."""
        self._ensure_painted()
        if not self._item.hits:
            return set()
        pts, bands, _, _, _ = self._item.hits
        w = self._vb.width()
        out: set[int] = set()
        for xs, _, ids, _ in pts:
            out.update(ids[(xs >= -1) & (xs <= w + 1)].tolist())
        for bx0, bx1, _, _, ids, _ in bands:
            out.update(ids[(bx1 >= 0) & (bx0 <= w)].tolist())
        return out

    def event_view_pos(self, event_id: int, lane: str | None = None) -> QPoint | None:
        """Where the event's mark is, in viewport_widget() coordinates (in `lane` if given)."""
        self._ensure_painted()
        if not self._item.hits:
            return None
        want = None if lane is None else self._lane_numbers.get(lane)
        if lane is not None and want is None:
            return None
        pts, bands, _, _, _ = self._item.hits
        for xs, cy, ids, row in pts:
            if want is not None and row != want:
                continue
            k = np.flatnonzero(ids == event_id)
            if len(k):
                return self._to_viewport(QPointF(float(xs[k[0]]), cy))
        for bx0, bx1, y0, y1, ids, row in bands:
            if want is not None and row != want:
                continue
            k = np.flatnonzero(ids == event_id)
            if len(k):
                a, b = max(float(bx0[k[0]]), 0.0), min(float(bx1[k[0]]), self._vb.width())
                return self._to_viewport(QPointF((a + b) / 2, (y0 + y1) / 2))
        return None

    def viewport_widget(self) -> QWidget:
        return self.glw.viewport()

    def export_image(self, path: str) -> None:
        """The view as it is now: PNG (pixels) or SVG (vectors, text as text) by the file's extension."""
        path = str(path)
        if path.lower().endswith(".svg"):
            from PySide6.QtSvg import QSvgGenerator
            gen = QSvgGenerator()
            gen.setFileName(path)
            gen.setSize(self.glw.size())
            gen.setViewBox(QRectF(0, 0, self.glw.width(), self.glw.height()))
            gen.setTitle("Conflict Timeline")
            gen.setResolution(self.glw.logicalDpiX())     # same pixels-per-point as the screen
            painter = QPainter(gen)
            self._item.vector = True
            try:
                self.glw.render(painter)
            finally:
                self._item.vector = False
                painter.end()
        elif not self.glw.grab().save(path):
            raise OSError(f"cannot write {path}")

    def copy_for_print(self, width: int, lane_px: float | None = None) -> "TimelineView":
        """A view of the same data, filter, selection and time range, `width` pixels wide and tall enough
        for every lane (not only those scrolled into view), each as tall as it needs at this width and time
        range (`lane_px`: at least this many pixels a lane; with stacking off, exactly), without the overview
        strip: what File ▸ Export and Print draw. It shares this view's loaded arrays (nothing is read
        again); close it after use."""
        state = ViewState()
        state.events = self.view_state.events
        copy = TimelineView(None, state)
        copy._stacking = self._stacking
        copy.glw.ci.removeItem(copy.overview.plot)
        copy.overview.plot.hide()
        copy._store = self._store
        copy._titles = self._titles
        copy._occ, copy._cls, copy._whole = self._occ, self._cls, self._whole
        copy._occ_pos, copy._occ_pos_missing = self._occ_pos, self._occ_pos_missing
        copy._occ_rank = getattr(self, "_occ_rank", None)
        copy._occ_article = getattr(self, "_occ_article", None)
        copy._span, copy._partial, copy._filter = self._span, self._partial, self._filter
        copy._index = self._index
        copy.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        copy.resize(int(width), 400)
        copy.show()
        copy.glw.ci.layout.activate()
        copy.set_visible_range(*self.visible_range())
        # the rows, and with stacking the sub-rows each lane needs at this width and time range
        copy._set_rows(self._shown, self._occ.lanes if self._occ is not None else [])
        n = max(1, len(copy._lanes))
        if not self._stacking:
            if lane_px is None:
                lane_px = min(max(self._lane_layout.height(0) if len(self._lane_layout) else MIN_LANE_PX,
                                  MIN_LANE_PX), 40.0)
            want = n * lane_px
        else:                       # every lane at the height it needs (or `lane_px` each, when taller)
            want = max(timeline_lanes.layout(copy._needs, 1.0, True).total, n * (lane_px or 0.0))
        height = int(want + 60)
        copy.resize(int(width), height)
        for _ in range(3):          # the plot's height once the axis and margins have theirs
            copy.glw.ci.layout.activate()
            missing = want - copy._vb.height()
            if abs(missing) < 0.5:
                break
            height = int(math.ceil(height + missing))
            copy.resize(int(width), height)
        copy.set_visible_range(*self.visible_range())
        if self.view_state.selected is not None:
            state.select(self.view_state.selected)
        copy._resize_lanes(reset=True)
        copy.glw.ci.layout.activate()
        return copy

    def render_into(self, painter: QPainter, target: QRectF, vector: bool = False) -> None:
        """Paint the plot (lanes, lane names, time axis) into `target` of any paint device; `vector`:
        shapes and text rather than cached pixmaps (SVG, PDF, printers)."""
        self._item.vector = vector
        try:
            self._ensure_painted()
            painter.save()
            painter.setClipRect(target)
            self.glw.render(painter, target, self.glw.viewport().rect(), Qt.AspectRatioMode.IgnoreAspectRatio)
            painter.restore()
        finally:
            self._item.vector = False

    def sizeHint(self) -> QSize:
        return QSize(900, 500)

    # -- focus ring -------------------------------------------------------------------------------
    def paintEvent(self, ev) -> None:
        painter = QPainter(self)
        colour = theme.colour("focus") if self.hasFocus() else self.palette().color(self.backgroundRole())
        painter.fillRect(self.rect(), colour)        # only the margin around the plot shows
        painter.end()

    def hideEvent(self, ev) -> None:
        self._settle_timer.stop()        # (closed: its store may be closed next)
        super().hideEvent(ev)

    def focusInEvent(self, ev) -> None:
        super().focusInEvent(ev)
        self.update()

    def focusOutEvent(self, ev) -> None:
        super().focusOutEvent(ev)
        self.update()

    # -- loading ----------------------------------------------------------------------------------
    def _load_worker(self, path: str, gen: int) -> None:
        try:
            prepared = prepare(tstore.load_occurrences_from_path(path))
        except Exception as exc:     # the database changed or vanished under us: keep the preview
            prepared = exc
        try:
            self._loader.done.emit(gen, prepared)
        except RuntimeError:         # the view was closed while we loaded
            return
        if isinstance(prepared, Exception) or gen != self._generation:
            try:
                self._loader.events.emit(gen, (None, RuntimeError("no occurrences")))
            except RuntimeError:
                pass
            return
        # then the per-event arrays (filters and counts in numpy): the timeline is usable meanwhile
        try:
            conn = tstore.open_reader(path)
            try:
                arrays = self._event_arrays_for(conn, prepared[0])
            finally:
                conn.close()
        except Exception as exc:     # noqa: BLE001 - filters then keep asking SQL
            arrays = exc
        try:
            self._loader.events.emit(gen, (prepared[0], arrays))
        except RuntimeError:
            pass

    @staticmethod
    def _event_arrays_for(source, occ):
        events = eventset.load_event_arrays(source, occ)
        events.order("date")        # the table's usual order, sorted here rather than on a first filter
        events.code_totals()        # the country list's counts, kept up to date by the edits
        pos = tstore.with_room(events.positions(occ.eid).astype(np.int32))
        # per occurrence, what precision and article filters test (gathered once, not on every filter);
        # made with room at their ends, as the occurrences (`prepare`), for the edits that add some
        found = pos >= 0
        rank = tstore.with_room(np.where(found, events.rank[pos], np.int8(127)).astype(np.int8))
        article = tstore.with_room(np.where(found, events.article[pos], -3))
        return events, pos, rank, article

    def _events_loaded(self, gen: int, got) -> None:
        occ, arrays = got
        if gen != self._generation:
            return
        self._events_pending = False
        if occ is not self._occ or isinstance(arrays, Exception):
            self._index_cache.clear()        # filters ask SQL from now on
            self._apply_filter(self._filter)
            self._changed()
            return
        self._install_events(arrays)
        self._index_cache.clear()
        self._apply_filter(self._filter)
        self._changed()
        self.eventsLoaded.emit()

    def _install_events(self, arrays) -> None:
        self.view_state.events, self._occ_pos, self._occ_rank, self._occ_article = arrays
        self._occ_pos_missing = bool(len(self._occ_pos)) and bool((self._occ_pos < 0).any())

    def _loaded(self, gen: int, prepared) -> None:
        if gen != self._generation:
            return
        if not isinstance(prepared, Exception):
            keep = self.visible_range()
            self._install(prepared)
            self._apply_filter(self._filter)
            self._vb.setXRange(*keep, padding=0)
        self._partial = False
        self._changed()
        self.loadingFinished.emit()

    def _install(self, prepared) -> None:
        self._occ, self._cls = prepared
        self._partial = False
        self._index = None
        if len(self._occ):
            self._span = (float(self._occ.t0.min()), float(self._occ.t1.max()))

    def _install_preview(self, preview) -> None:
        t0 = np.concatenate(preview.starts) if preview.starts else np.zeros(0)
        lane = (np.concatenate([np.full(len(a), i, dtype=np.int16) for i, a in enumerate(preview.starts)])
                if preview.starts else np.zeros(0, dtype=np.int16))
        self._occ = tstore.Occurrences(preview.lanes, lane, t0, t0 + 1.0, np.full(len(t0), -1, dtype=np.int64))
        self._cls = np.zeros(len(t0), dtype=np.int8)
        self._partial = True
        self._index = None
        if len(t0):
            self._span = (float(t0.min()), float(t0.max()) + DAY)

    # -- an edit of a few events --------------------------------------------------------------------
    def can_patch(self) -> bool:
        """Everything is loaded (occurrences and per-event arrays): `patch_events` can apply an edit."""
        return (self._store is not None and self._occ is not None and not self._partial
                and not self._events_pending and self.view_state.events is not None
                and self._occ_pos is not None and self._whole is not None and self._whole[0] is self._occ)

    def patch_events(self, states, was=None) -> bool:
        """Show a few edited events as the database now has them without reading it again: `states` maps
        each event id to its `eventset.EventState` (the per-event arrays already patched with them, and
        the analyst's annotations read again); `was`: where their occurrences were before ((event id,
        lane code, t0, t1) of each; found by a pass over every occurrence when not given). The
        occurrences, the index of every occurrence and the current filter's are patched
        (`timeline_patch`); the indexes of other recent filters are dropped.
        False, changing nothing, when the view cannot be patched (still loading): read the database
        again then (`set_store`)."""
        if not self.can_patch():
            return False
        events = self.view_state.events
        occ, whole = self._occ, self._whole[1]
        new = []
        for event_id, st in states.items():
            if st is None:
                return False
            pos = int(events.positions([event_id])[0])
            if pos < 0:
                return False
            rank, article = int(events.rank[pos]), int(events.article[pos])
            dated = [(r, c, a, max(b if b is not None else a, a + 1.0)) for r, c, a, b in st.rows if a is not None]
            if dated:
                for rowid, code, t0, t1 in dated:
                    c = timeline_patch.duration_class(t0, t1)
                    before = sum(1 for r, e, u in tstore.same_start_rows(self._store, code, t0)
                                 if r < rowid and e not in states
                                 and timeline_patch.duration_class(t0, max(u, t0 + 1.0)) == c)
                    new.append(timeline_patch.NewOccurrence(code, t0, t1, event_id, pos, rank, article, before))
            elif st.t0 is not None and not st.rows:
                t0 = st.t0
                t1 = max(st.t1 if st.t1 is not None else t0, t0 + 1.0)
                new.append(timeline_patch.NewOccurrence(tstore.NO_COUNTRY, t0, t1, event_id, pos, rank, article,
                                                        None))
        f = self._filter
        key = _base_key(f)
        current = self._index_cache.get(key)
        mask = keeps = search = None
        install = "whole" if key is None else None   # the filter's index after the patch: the whole one,
        # "filtered" (made from the patched mask), or None (made again when the filter is applied)
        if key is not None and current is not None and current[0] is occ:
            idx = current[1]
            mask = idx._parent[1] if idx is not whole and idx._parent is not None else None
            if f.search:
                search = self.view_state.searches.get(f.search)
            if (idx is whole or mask is not None) and (not f.search or search is not None):
                keeps = events.base_mask_at(f, [o.event_pos for o in new], search,
                                            eventset.article_number(self._store, f.article_id))
                if mask is None and not keeps.all():
                    mask = np.ones(len(occ), dtype=bool)       # the filter now leaves some out
                install = "filtered" if mask is not None else "whole"
            else:
                mask = None      # (a search made again: its words may now match the edited events or not)
        extra = {"pos": self._occ_pos, "rank": self._occ_rank, "article": self._occ_article}
        filtered = current[1] if mask is not None and current[1] is not whole else None
        got = timeline_patch.patch(occ, self._cls, whole, extra, list(states), new, mask, keeps, was, filtered)
        self._occ, self._cls = got.occ, got.cls
        self._whole = (got.occ, got.whole)
        self._occ_pos, self._occ_rank, self._occ_article = got.extra["pos"], got.extra["rank"], got.extra["article"]
        self._occ_pos_missing = self._occ_pos_missing or any(o.event_pos < 0 for o in new)
        if len(got.occ):
            self._span = (float(got.whole.span[0]), float(got.whole.span[1]))
        self._span_cache = None
        self._index_cache.clear()
        if install == "whole":
            self._index_cache[key] = (got.occ, got.whole)
        elif install == "filtered" and got.mask is not None:
            if got.mask.all():
                filtered = got.whole
            elif got.filtered is not None:
                filtered = got.filtered
            else:
                m = got.mask
                filtered = Index(got.occ.t0[m], got.occ.t1[m], got.occ.eid[m], got.occ.lane[m], got.cls[m],
                                 len(got.occ.lanes), key=got.whole.key[m], maxdur=got.whole.maxdur,
                                 parent=(got.whole, m))
            self._index_cache[key] = (got.occ, filtered)
        for event_id in states:
            self._titles.pop(event_id, None)
            self._item._width_cache.pop(event_id, None)
        self._apply_filter(f)
        self._changed()
        return True

    # -- filtering --------------------------------------------------------------------------------
    def forget_filtered(self) -> None:
        """Drop the indexes kept for recent filters (the analyst's annotations changed under them); the
        index of every occurrence stays."""
        self._index_cache.clear()

    def _apply_filter(self, f: ViewFilter | None) -> None:
        occ = self._occ
        if occ is None:
            self._index = None
            self._set_rows([], [])
            return
        key = _base_key(f)
        cached = self._index_cache.get(key)
        if cached is not None and cached[0] is occ:
            self._index_cache.move_to_end(key)
            self._index = cached[1]
        else:
            mask = self._base_mask(f)
            # the index of every occurrence is made once per load and kept: a filtered index is a subset
            # of it, in the same order (its sort key, a bound for its durations, its sorted bands)
            whole = self._whole if self._whole is not None and self._whole[0] is occ else None
            if whole is None:
                whole = self._whole = (occ, Index(occ.t0, occ.t1, occ.eid, occ.lane, self._cls, len(occ.lanes)))
            whole = whole[1]
            if mask.all():
                self._index = whole
            else:
                self._index = Index(occ.t0[mask], occ.t1[mask], occ.eid[mask], occ.lane[mask], self._cls[mask],
                                    len(occ.lanes), key=whole.key[mask], maxdur=whole.maxdur, parent=(whole, mask))
            # a few recent indexes kept: going back to a filter (or to none) costs only a repaint
            self._index_cache[key] = (occ, self._index)
            while len(self._index_cache) > 3:
                self._index_cache.popitem(last=False)
        counts = self._index.lane_count
        shown = [i for i, code in enumerate(occ.lanes)
                 if (f is None or f.countries is None or code in f.countries) and (counts[i] or self._partial)]
        self._set_rows(shown, occ.lanes)
        self.overview.set_data(self)
        if self.view_state.selected is not None:
            self._refresh_selection(scroll=False)

    def _base_mask(self, f: ViewFilter | None) -> np.ndarray:
        """Which occurrences every part of `f` but the countries keeps."""
        occ = self._occ
        if f is None or _base_key(f) is None:
            return np.ones(len(occ), dtype=bool)
        search = None
        if f.search and not self._partial:
            try:
                search = self.search_ids(f.search)
            except eventset.SearchError:
                search = np.zeros(0, dtype=np.int64)
        events = self.view_state.events
        if events is not None and self._occ_pos is not None and not f.search:
            # dates, precision, article: straight on the occurrences (as EventArrays.base_mask does on events)
            mask = eventset.attribute_mask(f, occ.t0, occ.t1, self._occ_rank, self._occ_article,
                                           eventset.article_number(self._store, f.article_id))
            languages = events.language_mask(f.languages)     # per event, read at each occurrence's event
            if languages is not None:
                mask &= languages[self._occ_pos]
            dating = events.dating_mask(f.dating)            # how each event's date was obtained
            if dating is not None:
                mask &= dating[self._occ_pos]
            warned = events.checks_mask(f.checks)            # the events with a date warning
            if warned is not None:
                mask &= warned[self._occ_pos]
            annotated = events.annotation_mask(f)           # the analyst's: star, tags, note, review
            if annotated is not None:
                mask &= annotated[self._occ_pos]
            if self._occ_pos_missing:
                mask &= self._occ_pos >= 0
            return mask
        if events is not None and self._occ_pos is not None:
            events = events.base_mask(f, search, eventset.article_number(self._store, f.article_id))
            kept = events[self._occ_pos]
            if self._occ_pos_missing:
                kept &= self._occ_pos >= 0
            return kept
        # no per-event arrays: dates in numpy, the rest from SQL (not while the arrays are on their way:
        # the filter is applied again when they arrive, and the window must not wait for SQL meanwhile)
        base = ViewFilter(None, f.date_from, f.date_to, None, f.max_granularity, f.article_id,
                          languages=f.languages, dating=f.dating, starred=f.starred, tags=f.tags,
                          has_note=f.has_note, review=f.review, show_rejected=f.show_rejected, checks=f.checks)
        ids = None
        if not self._partial and not self._events_pending and tstore.needs_sql(base):
            ids = tstore.matching_ids(self._store, base)
        if search is not None:
            ids = search if ids is None else np.intersect1d(ids, search)
        return tstore.filter_mask(occ, ViewFilter(None, f.date_from, f.date_to), ids)

    def _set_rows(self, shown: list[int], codes) -> None:
        codes = list(codes)
        if list(shown) != self._shown or codes != self._row_codes:     # (else the rows are as they were)
            self._shown = list(shown)
            self._row_codes = codes
            self._row_of = {lane: row for row, lane in enumerate(self._shown)}
            self._lanes = [codes[i] for i in self._shown]
            self._lane_numbers = {c: row for row, c in enumerate(self._lanes)}
            self._lane_colors = [lane_color(c) for c in codes]
        self._data_version += 1          # (the rows, or what they show: their heights are measured again)
        self._resize_lanes(reset=False)

    def _data_span(self) -> tuple[float, float]:
        shown = tuple(self._shown)
        cached = self._span_cache
        if cached is not None and cached[0] is self._index and cached[1] == shown:
            return cached[2]
        span = self._compute_span()
        self._span_cache = (self._index, shown, span)
        return span

    def _compute_span(self) -> tuple[float, float]:
        idx = self._index
        if idx is not None and self._shown and len(idx.t0):
            a = [idx.segment_range(lane) for lane in self._shown]
            lo = [idx.t0[s:e].min() for s, e in a if e > s]
            hi = [idx.t1[s:e].max() for s, e in a if e > s]
            if lo:
                return float(min(lo)), float(max(hi))
        return self._span

    # -- selection --------------------------------------------------------------------------------
    def _refresh_selection(self, scroll: bool) -> None:
        event_id = self.view_state.selected
        self._selected_info = None
        if event_id is None or self._store is None:
            return
        brief = tstore.event_brief(self._store, event_id)
        if brief is None:
            return
        codes = [c for c in (brief["countries"] or "").split(",") if c] or [tstore.NO_COUNTRY]
        numbers = {c: i for i, c in enumerate(self._occ.lanes)} if self._occ is not None else {}
        lanes = [numbers[c] for c in codes if c in numbers]
        self._selected_info = {"t0": brief["t0"], "t1": brief["t1"], "lanes": lanes, "title": brief["title"]}
        if scroll and brief["t0"] is not None:
            self._ensure_visible(brief["t0"], brief["t1"], [self._row_of[n] for n in lanes if n in self._row_of])

    def _ensure_visible(self, t0: float, t1: float, rows: list[int]) -> None:
        x0, x1 = self.visible_range()
        point = t1 - t0 <= DAY + 1
        centre = t0 + min(t1 - t0, DAY) / 2 if point else (t0 + t1) / 2
        inside = x0 <= centre <= x1 if point else (t0 < x1 and t1 > x0)
        if not inside:
            span = x1 - x0
            if not point and t1 - t0 > span:
                span = min(MAX_SPAN, (t1 - t0) * 1.2)
            self._vb.setXRange(centre - span / 2, centre + span / 2, padding=0)
        if rows and self._lanes_overflow():
            lay, h = self._lane_layout, self._view_height()
            _, (y0, _y1) = self._vb.viewRange()
            if not any(y0 <= lay.offsets[r] and lay.offsets[r + 1] <= y0 + h + 0.5 for r in rows):
                # the event's lane that needs the least scrolling (a whole lane at the top)
                self._scroll_lanes_to(min((lay.scrolled_to(r, y0, h) for r in rows), key=lambda y: abs(y - y0)))

    def _titles_for(self, ids, elide=None) -> dict:
        """Titles of these events (fetched from the store only for the ones not cached), elided to
        `elide` = (font metrics, width) when given."""
        missing = [i for i in ids if i not in self._titles]
        if missing and self._store is not None:
            got = tstore.titles(self._store, missing)
            for i in missing:
                title = got.get(i, "")
                if elide is not None and elide[0].horizontalAdvance(title) > elide[1]:
                    title = elide[0].elidedText(title, Qt.TextElideMode.ElideRight, elide[1])
                self._titles[i] = title
            while len(self._titles) > 20000:
                self._titles.popitem(last=False)
        return {i: self._titles.get(i, "") for i in ids}

    # -- geometry and repaint ---------------------------------------------------------------------
    def _to_viewport(self, p: QPointF) -> QPoint:
        return self.glw.mapFromScene(self._vb.mapToScene(p))

    def _changed(self, content: bool = True) -> None:
        """Repaint. ``content``: something besides the visible time range changed (data, filter, lanes,
        selection), so the lanes rendered ahead for panning are stale."""
        if content:
            self._content_version += 1
        self._dirty = True
        self._item.update()

    def _ensure_painted(self) -> None:
        if self._item.hits is None or self._dirty:
            self.glw.viewport().repaint()
            if self._dirty:          # not shown (offscreen, hidden): render into a pixmap instead
                self.glw.grab()
        self._dirty = False

    def _view_height(self) -> float:
        return max(1.0, float(self._vb.height()))

    def _visible_lane_count(self) -> float:
        """About how many lanes the view shows at a time (all of them when they fit)."""
        n = len(self._lanes)
        total = self._lane_layout.total
        if not n or total <= 0:
            return 1.0
        return max(1.0, min(n, self._view_height() / (total / n)))

    def _lanes_overflow(self) -> bool:
        return self._lane_layout.total > self._view_height() + 0.5

    def _needs_now(self):
        """What the lanes' needs depend on: the rows and what they show, the time range, the width."""
        x0, x1 = self.visible_range()
        return (self._data_version, self._stacking, x0, x1, float(self._vb.width()))

    def _resize_lanes(self, reset: bool = False, repaint: bool = True) -> bool:
        """Lay the lanes out for the view's height, with the sub-rows each needs for what is in view (measured
        again when the rows, what they show, the zoom or the width changed since). ``reset``: scroll to
        the first lane; else the lane at the top stays there."""
        key = self._needs_now()
        if key != self._needs_key or len(self._needs) != len(self._lanes):
            self._needs_key = key
            if self._stacking and self._lanes:
                x0, x1 = key[2], key[3]
                self._needs = self._item.lane_needs(x0, x1, key[4])
            else:
                self._needs = np.ones(len(self._lanes), dtype=np.int64)
        old, h = self._lane_layout, self._view_height()
        new = timeline_lanes.layout(self._needs, h, self._stacking)
        self._lane_layout = new
        moved = old is None or not (np.array_equal(old.offsets, new.offsets) and np.array_equal(old.nsub, new.nsub))
        ticks = (tuple(self._lanes), new.offsets.tobytes())
        if ticks != self._ticks_for:          # the lane names, each at the middle of its lane
            self._ticks_for = ticks
            self._left.setTicks([[(new.centre(r), c) for r, c in enumerate(self._lanes)], []])
        _, (y0, y1) = self._vb.viewRange()
        y = 0.0 if reset else timeline_lanes.follow(old, new, y0, h)
        if abs(y - y0) > 1e-6 or abs((y1 - y0) - h) > 1e-6:
            self._vb.setYRange(y, y + h, padding=0)
        if repaint:
            self._changed()
        return moved

    def _scroll_lanes_to(self, y: float) -> None:
        h = self._view_height()
        y = self._lane_layout.clamp(y, h)
        self._vb.setYRange(y, y + h, padding=0)

    def _on_range(self, *_) -> None:
        self._changed(content=False)
        self.overview.update_region(self)
        self.view_state.visible_range = self.visible_range()
        self._range_timer.start()
        if self._stacking and self._lanes and self._needs_key is not None:
            x0, x1 = self.visible_range()
            _, _, a, b, w = self._needs_key
            if abs((x1 - x0) - (b - a)) > 1e-9 * max(1.0, b - a) or w != float(self._vb.width()):
                self._settle_timer.stop()
                self._resize_lanes(repaint=False)    # zoomed: lane heights for what is now in view
            else:
                self._settle_timer.start()           # panned: measured again once the pan settles

    def _settled(self) -> None:
        """A pan has settled: lane heights for what is now in view (the lanes keep theirs while dragging)."""
        if self.isVisible() and self._stacking and self._needs_key != self._needs_now():
            if self._resize_lanes(repaint=False):
                self._changed(content=False)

    def _emit_range(self) -> None:
        self.rangeChanged.emit(*self.visible_range())

    def _follow_range(self, rng) -> None:
        """The state's visible range was set elsewhere: show it."""
        if rng is not None and rng != self.visible_range():
            self.set_visible_range(*rng)

    def _zoom(self, factor: float, centre: float) -> None:
        """Zoom by `factor` around `centre` (the person's doing: wheel, keys, double-click)."""
        self.view_state.moved()
        x0, x1 = self.visible_range()
        span = x1 - x0
        new = min(max(span * factor, MIN_SPAN), MAX_SPAN)
        if new == span:
            return
        frac = (centre - x0) / span if span else 0.5
        a = centre - frac * new
        self._vb.setXRange(a, a + new, padding=0)

    def _pan(self, dx: float, dy: float) -> None:
        """Pan (the person's doing: drag, wheel, keys)."""
        x0, x1 = self.visible_range()
        if dx:
            self.view_state.moved()
            # keep some of the data in view: never pan out into empty centuries
            lo, hi = self._data_span()
            if hi > lo:
                k = min(0.2 * (x1 - x0), (hi - lo) / 2)
                dx = min(max(dx, min(lo + k - x1, 0.0)), max(hi - k - x0, 0.0))
            self._vb.setXRange(x0 + dx, x1 + dx, padding=0)
        if dy and self._lanes_overflow():
            _, (y0, _y1) = self._vb.viewRange()
            self._scroll_lanes_to(y0 + dy)

    def _hover(self, pos, screen_pos) -> None:
        """Pointing hand and a tooltip (title, dates, precision) over an event; a hint over a cluster."""
        viewport = self.glw.viewport()
        hit = self._item.hit(pos) if pos is not None else None
        key = None if hit is None else hit[:2]
        if key == self._hovered:
            return
        self._hovered = key
        self._item.update()          # the ring follows the mouse
        if hit is None:
            viewport.unsetCursor()
            QToolTip.hideText()
            return
        viewport.setCursor(Qt.CursorShape.PointingHandCursor)
        if hit[0] == "cluster":
            text = "Many events here: double-click to zoom in"
        elif hit[1] < 0:
            return
        else:
            brief = tstore.event_brief(self._store, hit[1]) if self._store is not None else None
            if brief is None:
                return
            text = f"{brief['title']}\n{_describe_when(brief)}"
        QToolTip.showText(QPoint(int(screen_pos.x()), int(screen_pos.y()) + 16), text, viewport)

    def _clicked(self, pos: QPointF, double: bool) -> None:
        self.setFocus()
        self._ensure_painted()
        hit = self._item.hit(pos)
        if hit is None:
            if double:             # double-click on empty space: zoom in there
                self._zoom(0.5, self._vb.mapToView(pos).x())
            return
        if hit[0] == "cluster":
            if double:
                self._zoom_into(hit[1], hit[2])
            return
        event_id = hit[1]
        if event_id < 0:
            return
        if event_id != self.view_state.selected:
            self.select_event(event_id)
        self.eventClicked.emit(event_id)
        if double:
            self.eventActivated.emit(event_id)

    def _zoom_into(self, t0: float, t1: float) -> None:
        """Double-click on a "+N": zoom into what it folds, never out. The new range lies within the view
        and is narrower: the cluster's span cut to the view, or, when that is not much narrower than the
        view (what it folds spans about as much as the view or more), half the view around its centre."""
        target = zoom_into_range(*self.visible_range(), t0, t1, MIN_SPAN)
        if target is not None:
            self.view_state.moved()
            self.set_visible_range(*target)

    def _context(self, pos: QPointF, screen_pos) -> None:
        """Right-click: select the event under the pointer and ask for its menu."""
        self.setFocus()
        self._ensure_painted()
        hit = self._item.hit(pos)
        if hit is None or hit[0] == "cluster" or hit[1] < 0:
            return
        self.select_event(hit[1])
        self.eventMenuRequested.emit(hit[1], QPoint(int(screen_pos.x()), int(screen_pos.y())))

    # -- keyboard ---------------------------------------------------------------------------------
    def eventFilter(self, obj, ev):
        if ev.type() == ev.Type.KeyPress and obj in (self.glw, self.glw.viewport()):
            if self._key(ev):
                return True
        return super().eventFilter(obj, ev)

    def keyPressEvent(self, ev: QKeyEvent):
        if not self._key(ev):
            super().keyPressEvent(ev)

    def _key(self, ev: QKeyEvent) -> bool:
        k = ev.key()
        x0, x1 = self.visible_range()
        if k in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            self._step(1 if k == Qt.Key.Key_Right else -1)
        elif k in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by_key(0.6)
        elif k in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by_key(1 / 0.6)
        elif k == Qt.Key.Key_F:
            self.fit_all()
        elif k in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self._pan((x1 - x0) * (0.8 if k == Qt.Key.Key_PageDown else -0.8), 0.0)
        elif k == Qt.Key.Key_Escape and self.view_state.selected is not None:
            self.select_event(None)
        elif k in (Qt.Key.Key_Home, Qt.Key.Key_End):
            _, ids, _ = self._order()
            if len(ids):
                self._select_and_emit(int(ids[0] if k == Qt.Key.Key_Home else ids[-1]))
        elif k in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.view_state.selected is not None:
                self.eventActivated.emit(self.view_state.selected)
        else:
            return False
        ev.accept()
        return True

    def zoom_by_key(self, factor: float) -> None:
        """+ / −: zoom around the selected event when there is one (brought into the middle if it is out
        of view), around the middle of the view otherwise."""
        x0, x1 = self.visible_range()
        info = self._selected_info if self.view_state.selected is not None else None
        if info is None or info["t0"] is None:
            self._zoom(factor, (x0 + x1) / 2)
            return
        t0, t1 = info["t0"], info["t1"]
        centre = t0 + min(t1 - t0, DAY) / 2 if t1 - t0 <= DAY + 1 else (t0 + t1) / 2
        if x0 <= centre <= x1:
            self._zoom(factor, centre)          # the event stays where it is on screen
        else:
            self.view_state.moved()
            span = min(max((x1 - x0) * factor, MIN_SPAN), MAX_SPAN)
            self._vb.setXRange(centre - span / 2, centre + span / 2, padding=0)

    def _order(self):
        if self._index is None or self._partial:
            return np.zeros(0), np.zeros(0, np.int64), np.zeros(0)
        return self._index.order(tuple(self._shown))

    def _select_and_emit(self, event_id: int) -> None:
        self.select_event(event_id)
        self.eventClicked.emit(event_id)

    def _step(self, direction: int) -> None:
        """Select the next (+1) or previous (-1) event in time; from the view's edge when none is."""
        t0s, ids, _ = self._order()
        if not len(ids):
            return
        info = self._selected_info
        selected = self.view_state.selected
        if selected is None or info is None or info["t0"] is None:
            x0, x1 = self.visible_range()
            k = int(np.searchsorted(t0s, x0, "left")) if direction > 0 else int(np.searchsorted(t0s, x1)) - 1
        else:
            t = info["t0"]
            lo = int(np.searchsorted(t0s, t, "left"))
            hi = int(np.searchsorted(t0s, t, "right"))
            here = lo + np.flatnonzero(ids[lo:hi] == selected)
            if len(here):
                k = int(here[0]) + direction
            else:
                k = hi if direction > 0 else lo - 1
        if 0 <= k < len(ids):
            self._select_and_emit(int(ids[k]))
