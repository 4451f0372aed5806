"""The one graphics item that paints the timeline's lanes: marks, bands, density strips, clusters, labels.

Per frame and per visible lane, it slices the index (`timeline_index.Index`) for the visible window and
either draws the marks themselves when few are visible (batched `drawPoints`, one path for the bands), or
a density strip (all lanes' strips go into ONE image) with "+N" cluster pills (cached pixmaps) when many
are. Titles are placed greedily left to right without overlaps, only in lanes with room for them; the
events a label covers fold into its "+N". Nothing here is proportional to the number of events in the
database: only to what the viewport shows.
"""
from __future__ import annotations

import math
from collections import OrderedDict

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QPixmap

from viewer.ui import timeline_axis
from viewer.ui.timeline_index import DAY

POINTS_DETAIL_MAX = 220         # per lane: more visible points than this -> density strip + clusters
BANDS_DETAIL_MAX = 60           # per lane: more visible bands than this -> coverage strip
LABEL_PX_PER_MARK = 26          # label a lane only when it has at least this many pixels per mark
LABEL_MAX_PX = 230.0            # longest label; longer titles are elided
BIN_PX = 3                      # density strip resolution
CLUSTER_PX = 110                # one "+N" pill per this many pixels at most

BG = QColor("#ffffff")
LANE_ALT = QColor("#f5f7fa")
LANE_LINE = QColor("#e3e7ed")
TEXT = QColor("#1f2933")
MUTED = QColor("#7b8794")
SELECT = QColor("#111827")


def _half(lh: float, frac: float) -> float:
    """Half the height of a mark in a lane `lh` pixels tall: a fraction of it, capped for tall lanes."""
    return min(lh * frac, 40.0 * frac)


def _width(window: tuple[int, int]) -> int:
    return window[1] - window[0]


def _first_of_runs(a: np.ndarray) -> np.ndarray:
    """True where a value differs from the one before it (a sorted array: each distinct value once)."""
    first = np.empty(len(a), dtype=bool)
    if len(a):
        first[0] = True
        np.not_equal(a[1:], a[:-1], out=first[1:])
    return first


def fmt_count(n: int) -> str:
    if n < 1000:
        return f"+{n}"
    if n < 10_000:
        return f"+{n / 1000:.1f}k"
    if n < 1_000_000:
        return f"+{n // 1000}k"
    return f"+{n / 1e6:.1f}M"


# -- how each mark looks: one definition, used by the lanes below and by the legend (viewer/ui/legend.py) --
DOT_RADIUS = 4.4                # a precise event's dot
DOT_HALO = 1.6                  # its white halo
DAY_BAR_HALF = 3                # half the height of a day's bar (a day wider than a dot)
PILL_H = 15                     # a "+N" pill's height


def draw_dot(p: QPainter, centre: QPointF, color: QColor) -> None:
    """A precise event's mark: a filled dot in its lane's colour with a white halo."""
    p.setPen(QPen(BG, DOT_HALO))
    p.setBrush(QBrush(color))
    p.drawEllipse(centre, DOT_RADIUS, DOT_RADIUS)


def mark_tools(color: QColor) -> tuple[QBrush, QPen, QBrush]:
    """(band fill brush, band edge pen, day-bar brush) in a lane's colour."""
    fill, edge, bar = QColor(color), QColor(color), QColor(color)
    fill.setAlpha(44)
    edge.setAlpha(150)
    bar.setAlpha(70)
    return QBrush(fill), QPen(edge, 1), QBrush(bar)


def pill_fill(color: QColor) -> QColor:
    """A "+N" pill's background: its lane's colour, pale."""
    return QColor(int(color.red() * 0.16 + 255 * 0.84), int(color.green() * 0.16 + 255 * 0.84),
                  int(color.blue() * 0.16 + 255 * 0.84), 240)


def draw_pill(p: QPainter, rect: QRectF, color: QColor, label: str, font: QFont) -> None:
    """A "+N" pill as shapes and text (the SVG export and the legend; the screen blits the same look)."""
    p.setPen(QPen(color, 1.2))
    p.setBrush(QBrush(pill_fill(color)))
    r = (rect.height() - 1) / 2
    p.drawRoundedRect(rect.adjusted(0.6, 0.6, -0.6, -0.6), r, r)
    p.setFont(font)
    p.setPen(TEXT)
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)


def strip_alpha(level: np.ndarray, strong) -> np.ndarray:
    """A density strip's opacity (0-255) for a level in 0..1 (log count over the lane's peak): strong for
    precise dates, paler for vague dates' coverage."""
    return np.where(strong, 45 + level * 210, 22 + level * 70)


def draw_band(p: QPainter, rect: QRectF, color: QColor) -> None:
    """One vague date as the lanes draw it: a translucent band over its span, a tick where it may start
    and where it may end, and a baseline under it."""
    fill, edge, _ = mark_tools(color)
    x0, x1, y0, y1 = round(rect.left()), round(rect.right()), round(rect.top()), round(rect.bottom())
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fill)
    p.drawRect(QRectF(x0, y0, x1 - x0, y1 - y0))
    p.setPen(edge)
    p.drawLines([QLineF(x0, y0, x0, y1), QLineF(x1, y0, x1, y1)])
    p.fillRect(QRectF(x0, y1, x1 - x0 + 1, 1), edge.color())


def draw_day_bar(p: QPainter, x0: float, x1: float, cy: float, color: QColor) -> None:
    """A precise date wider than a dot at this zoom (a day seen up close): a thin bar over its extent,
    its dot in the middle."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(mark_tools(color)[2])
    p.drawRect(QRectF(x0, cy - DAY_BAR_HALF, x1 - x0, 2 * DAY_BAR_HALF))
    draw_dot(p, QPointF((x0 + x1) / 2, cy), color)


def draw_strip(p: QPainter, rect: QRectF, color: QColor, counts, *, strong: bool = True) -> None:
    """A density strip over `rect`: one column per count, darker where more events fall (as the lanes'
    strips: the same opacity for the same count over the same peak)."""
    counts = np.maximum(np.asarray(counts, dtype=np.float64), 0)
    if not len(counts):
        return
    level = np.log1p(counts) / np.log1p(max(float(counts.max()), 4.0))
    alpha = np.where(counts > 0, strip_alpha(level, strong), 0)
    step = rect.width() / len(counts)
    p.setPen(Qt.PenStyle.NoPen)
    for k, a in enumerate(alpha.tolist()):
        if a > 0:
            c = QColor(color)
            c.setAlpha(int(a))
            p.fillRect(QRectF(rect.left() + k * step, rect.top(), step + 0.5, rect.height()), c)


def pill_font() -> QFont:
    font = QFont()
    font.setPixelSize(10)
    font.setBold(True)
    return font


class LanesItem(pg.GraphicsObject):
    """Child of the ViewBox: paints in ViewBox pixel coordinates, keeps what it drew for hit tests."""

    def __init__(self, view, vb: pg.ViewBox):
        super().__init__()
        self.view = view
        self.vb = vb
        self.setParentItem(vb)
        self.setZValue(10)
        self.font = QFont()
        self.font.setPixelSize(11)
        self.bold = QFont(self.font)
        self.bold.setBold(True)
        self.pill_font = pill_font()
        self.fm = QFontMetricsF(self.font)
        self.fm_bold = QFontMetricsF(self.bold)
        self.fm_pill = QFontMetricsF(self.pill_font)
        self._text_cache: OrderedDict = OrderedDict()   # (text, row parity) -> QPixmap
        self._pill_cache: OrderedDict = OrderedDict()   # (text, colour) -> QPixmap
        self._tool_cache: dict = {}                      # colour -> brushes and pen of its marks
        # what the last frame drew (hits, label rectangles, callout), where it was rendered; _off: how
        # far that is from the window (a pan over the canvas rendered ahead); see hits, label_rects
        self._frame = None
        self._off = 0.0
        self._labels = ([], None)   # (label rectangles, callout) of the last frame, in the window
        self._shift_cache = None
        self._canvas = None         # (key, start time, width px, QPixmap, frame) of the lanes rendered ahead
        self._last_key = None
        self.vector = False         # True while exporting SVG: shapes and text instead of cached pixmaps
        vb.sigResized.connect(self._resized)

    def _resized(self, *_):
        self.prepareGeometryChange()
        self.update()

    def boundingRect(self) -> QRectF:
        return self.vb.boundingRect()

    # -- cached renderings -------------------------------------------------------------------------
    def _cached(self, cache: OrderedDict, key, make):
        """The cached rendering for ``key``, made on first use; past 3,000 the oldest made go first (a
        plain lookup on a hit: this runs hundreds of times per frame)."""
        pm = cache.get(key)
        if pm is None:
            pm = cache[key] = make()
            if len(cache) > 3000:
                cache.popitem(last=False)
        return pm

    def _label_pixmap(self, text: str, bg: QColor, muted: bool = False) -> QPixmap:
        def make():
            w = math.ceil(self.fm.horizontalAdvance(text)) + 4
            h = math.ceil(self.fm.height())
            pm = QPixmap(w, h)
            back = QColor(bg)
            back.setAlpha(215)
            pm.fill(back)
            q = QPainter(pm)
            q.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            q.setFont(self.font)
            q.setPen(MUTED if muted else TEXT)
            q.drawText(QRectF(2, 0, w, h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            q.end()
            return pm
        return self._cached(self._text_cache, (text, bg.rgba(), muted), make)

    def _dot_pixmap(self, color: QColor) -> QPixmap:
        """A precise event's mark: a filled dot with a white halo (blitted: ~6x faster than wide points)."""
        def make():
            pm = QPixmap(12, 12)
            pm.fill(Qt.GlobalColor.transparent)
            q = QPainter(pm)
            q.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            draw_dot(q, QPointF(6, 6), color)
            q.end()
            return pm
        return self._cached(self._pill_cache, ("dot", color.rgba()), make)

    def _pill_text(self, text: str) -> QPixmap:
        """A cluster count's text (neutral colour, so one pixmap serves every lane)."""
        def make():
            w = math.ceil(self.fm_pill.horizontalAdvance(text)) + 2
            h = PILL_H
            pm = QPixmap(w, h)
            pm.fill(Qt.GlobalColor.transparent)
            q = QPainter(pm)
            q.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            q.setFont(self.pill_font)
            q.setPen(TEXT)
            q.drawText(QRectF(0, 0, w, h), Qt.AlignmentFlag.AlignCenter, text)
            q.end()
            return pm
        return self._cached(self._text_cache, ("pill", text), make)

    def _pill_back(self, width: int, color: QColor) -> QPixmap:
        """A cluster pill's background in a lane's colour, for a few standard widths."""
        def make():
            h = PILL_H
            pm = QPixmap(width, h)
            pm.fill(Qt.GlobalColor.transparent)
            q = QPainter(pm)
            q.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            q.setPen(QPen(color, 1.2))
            q.setBrush(QBrush(pill_fill(color)))
            q.drawRoundedRect(QRectF(0.6, 0.6, width - 1.2, h - 1.2), (h - 1) / 2, (h - 1) / 2)
            q.end()
            return pm
        return self._cached(self._pill_cache, ("back", width, color.rgba()), make)

    # -- geometry ----------------------------------------------------------------------------------
    def lane_geometry(self) -> tuple[float, float]:
        """(top pixel of row 0, row height in pixels) in ViewBox coordinates (rows at y = 0, 1, 2 ...)."""
        _, (y0, y1) = self.vb.viewRange()
        scale = self.vb.height() / max(1e-9, (y1 - y0))
        return -y0 * scale, scale

    # -- painting ----------------------------------------------------------------------------------
    def paint(self, p: QPainter, *args):
        p.save()
        try:
            self._paint(p)
        except Exception:          # never leave a painter half-used: Qt would crash
            import traceback
            traceback.print_exc()
            self._frame, self._canvas = None, None
        finally:
            p.restore()

    def _paint(self, p: QPainter):
        view = self.view
        idx = view._index
        rect = self.vb.boundingRect()
        w, h = rect.width(), rect.height()
        # bands reach a little past the edges on screen (clipped there); the SVG generator does not clip
        self._pad_lo, self._pad_hi = (0.0, 0.0) if self.vector else (-10.0, 10.0)
        (vx0, vx1), _ = self.vb.viewRange()
        if idx is None or w < 4 or h < 4 or vx1 <= vx0:
            p.fillRect(rect, BG)
            self._frame, self._off, self._canvas = None, 0.0, None
            return
        sx = w / (vx1 - vx0)
        top0, lh = self.lane_geometry()
        # what the lanes' drawing depends on, but for where the window starts: while it stays the same,
        # a pan only moves an image rendered ahead of time
        key = (view._content_version, id(idx), id(view._shown), id(view._lane_colors), view.view_state.selected,
               id(view._selected_info), view._generation, sx, w, h, top0, lh)
        canvas = self._canvas
        if self.vector or view._partial:
            self._canvas = None
            self._render(p, vx0, w, h, sx, top0, lh)
            self._off = 0.0
        elif canvas is not None and canvas[0] == key and canvas[1] - 0.5 / sx <= vx0 \
                and vx0 + w / sx <= canvas[1] + canvas[2] / sx + 0.5 / sx:
            self._blit(p, canvas, (vx0 - canvas[1]) * sx, w, h)
        elif self._last_key == key and self._canvas_width(w, p) >= 2 * w:
            # panning at this zoom: render the lanes for a window on either side too, then blit
            width = self._canvas_width(w, p)
            cx0 = vx0 - (width - w) / 2 / sx
            dpr = self._dpr(p)
            pm = QPixmap(int(math.ceil(width * dpr)), int(math.ceil(h * dpr)))
            pm.setDevicePixelRatio(dpr)
            q = QPainter(pm)
            try:
                self._render(q, cx0, width, h, sx, top0, lh, w)
            finally:
                q.end()
            canvas = self._canvas = (key, cx0, width, pm, self._frame)
            self._blit(p, canvas, (vx0 - cx0) * sx, w, h)
        else:
            self._canvas = None
            self._render(p, vx0, w, h, sx, top0, lh)
            self._off = 0.0
        self._last_key = key
        # what changes without the lanes changing, drawn over them on every frame: labels (placed for the
        # window, not for the canvas, so they read the same however the frame was made), the callout,
        # the selection, the hover ring
        hits = self.hits
        rows = view._shown
        first = max(0, int(math.floor(-top0 / lh)))
        last = min(len(rows) - 1, int(math.ceil((h - top0) / lh)))
        self._paint_overlay_labels(p, vx0, sx, w, top0, lh, first, last)
        if view._partial:
            text = "loading events\u2026"
            tw = self.fm.horizontalAdvance(text) + 16
            self._boxed_text(p, QRectF(w - tw - 6, h - 24, tw, 18), 9, "#cbd2d9", 235, self.font, MUTED, text)
        if hits is not None:
            self._paint_hover(p, hits[0], hits[1])
        self._paint_selection(p, top0, lh, first, last, vx0, sx, w, h)
        self._paint_scroll_hint(p, top0, lh, len(rows), w, h)

    def _paint_overlay_labels(self, p, vx0, sx, w, top0, lh, first, last):
        """Titles for the marks of the window (from the label sources of the last render, moved to the
        window and cut to what it shows), and the selected event's callout."""
        self._labels = ([], None)
        if self._frame is None:
            return
        off = self._off
        labels = []
        for row, cy, x0s, x1s, starts, ids, is_pt in self._frame[1]:
            if off:
                x0s, x1s = x0s - off, x1s - off
            inside = (x1s > 0) & (x0s < w)
            if not inside.any():
                continue
            if is_pt:
                start = (starts - off)[inside]
            else:
                start = np.maximum(x0s[inside], 0.0) + 3
            labels.append((row, cy, start, ids[inside], is_pt))
        callout = self._callout(top0, lh, first, last, vx0, sx, w)
        self._labels = ([], callout)
        self._paint_labels(p, labels, w, lh, callout)
        self._paint_callout(p, callout)

    @staticmethod
    def _dpr(p: QPainter) -> float:
        device = p.device()
        return float(device.devicePixelRatioF()) if device is not None else 1.0

    def _canvas_width(self, w: float, p: QPainter) -> float:
        """Three windows wide, at most ~8,000 device pixels."""
        return min(3 * w, 8000.0 / max(1.0, self._dpr(p)))

    def _blit(self, p: QPainter, canvas, off: float, w: float, h: float) -> None:
        _, _, _, pm, frame = canvas
        dpr = pm.devicePixelRatio()
        p.drawPixmap(QRectF(0, 0, w, h), pm, QRectF(round(off * dpr), 0, w * dpr, h * dpr))
        self._frame = frame
        self._off = round(off * dpr) / dpr

    # -- what the last frame drew, in ViewBox pixels -----------------------------------------------
    def _shifted(self):
        """The last frame's (hits, label sources) moved from where they were rendered to the window
        (cached for the current shift)."""
        frame, off = self._frame, self._off
        if frame is None:
            return None
        if not off:
            return frame
        got = self._shift_cache
        if got is not None and got[0] is frame and got[1] == off:
            return got[2]
        (pts, bands, pills, top0, lh), labels = frame
        moved = (([(xs - off, cy, ids, row) for xs, cy, ids, row in pts],
                  [(a - off, b - off, y0, y1, ids, row) for a, b, y0, y1, ids, row in bands],
                  [(r.translated(-off, 0), t0, t1) for r, t0, t1 in pills], top0, lh), labels)
        self._shift_cache = (frame, off, moved)
        return moved

    @property
    def hits(self):
        """(points, bands, pills, top0, lane height) the last frame drew, for hit testing; None when none."""
        got = self._shifted()
        return None if got is None else got[0]

    @property
    def label_rects(self):
        """(row, rectangle) of every label the last frame drew, "+N" included."""
        return self._labels[0]

    @property
    def callout(self):
        """(row, rectangle, text) of the selected event's callout, if the last frame drew one."""
        return self._labels[1]

    def _render(self, p: QPainter, vx0: float, w: float, h: float, sx: float, top0: float, lh: float,
                window: float | None = None):
        """The lanes for the window that starts at ``vx0`` and is ``w`` pixels wide at ``sx`` pixels per
        second (``window``: the width of the window it is rendered for), painted at x = 0 (labels aside: see _paint_overlay_labels); what it drew becomes
        ``self._frame`` = (hits, label sources), in those coordinates."""
        view = self.view
        idx = view._index
        vx1 = vx0 + w / sx
        self._w = w
        p.fillRect(QRectF(0, 0, w, h), BG)
        rows = view._shown
        # how many marks a lane shows one by one: per window's width (a canvas rendered ahead is wider)
        # and the window it is for, in the middle: a lane is drawn mark by mark if the window shows few
        # enough of its marks (as it would be without rendering ahead) and the canvas not too many
        per = w / window if window else 1.0
        points_max, bands_max = POINTS_DETAIL_MAX * per, BANDS_DETAIL_MAX * per
        if window:
            wx0 = vx0 + (w - window) / 2 / sx
            wx1 = wx0 + window / sx
        first = max(0, int(math.floor(-top0 / lh)))
        last = min(len(rows) - 1, int(math.ceil((h - top0) / lh)))
        hits_pts, hits_bands, hits_pills, labels = [], [], [], []
        # lane stripes, separators and grid: axis-aligned, on whole pixels, without antialiasing (with it,
        # a 1-pixel line across the window is blended over two rows, several times slower)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for row in range(first, last + 1):
            if row % 2:
                p.fillRect(QRectF(0, round(top0 + row * lh), w, round(top0 + (row + 1) * lh) - round(top0 + row * lh)), LANE_ALT)
        p.setPen(QPen(LANE_LINE, 1))
        p.drawLines([QLineF(0, round(top0 + row * lh), w, round(top0 + row * lh)) for row in range(first, last + 2)])
        self._paint_grid(p, w, h, vx0, vx1, sx)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)

        nb = max(1, int(math.ceil(w / BIN_PX)))
        edges = np.linspace(vx0, vx0 + nb * BIN_PX / sx, nb + 1)
        strips = []        # (y0, y1, counts, colour, strong)
        pills = []         # (row, counts)
        partial = view._partial
        for row in range(first, last + 1):
            lane = rows[row]
            top = top0 + row * lh
            cy = top + lh * 0.5
            color = view._lane_colors[lane]
            # ---- vague dates: bands, or a coverage strip when too many ----------------------
            n_bands = 0 if partial else idx.count_bands(lane, vx0, vx1)
            if n_bands and n_bands <= bands_max and (window is None or
                                                     idx.count_bands(lane, wx0, wx1) <= BANDS_DETAIL_MAX):
                sl = idx.bands_window(lane, vx0, vx1)
                if len(sl):
                    self._paint_bands(p, idx, sl, color, top, lh, vx0, sx, w)
                    bx0 = np.maximum((idx.t0[sl] - vx0) * sx, self._pad_lo)
                    bx1 = np.maximum(np.minimum((idx.t1[sl] - vx0) * sx, w + self._pad_hi), bx0 + 2)
                    hits_bands.append((bx0, bx1, cy - _half(lh, 0.26), cy + _half(lh, 0.26), idx.eid[sl], row))
                    labels.append((row, cy, bx0, bx1, None, idx.eid[sl], False))
            elif n_bands:
                strips.append((cy - _half(lh, 0.3), cy + _half(lh, 0.3), idx.band_cover(lane, edges), color, False))
            # ---- precise dates: points, or a density strip with clusters when too many -------
            lo, hi = idx.window(lane, 0, vx0, vx1)
            n_pts = hi - lo
            if not n_pts:
                continue
            if n_pts <= points_max and not partial and (window is None or
                                                         _width(idx.window(lane, 0, wx0, wx1)) <= POINTS_DETAIL_MAX):
                sl = np.arange(lo, hi)
                t0, t1 = idx.t0[sl], idx.t1[sl]
                keep = (t1 > vx0) & (t0 < vx1)
                sl, t0, t1 = sl[keep], t0[keep], t1[keep]
                if not len(sl):
                    continue
                xs = (t0 + np.minimum(t1 - t0, DAY) * 0.5 - vx0) * sx
                self._paint_points(p, xs, t0, t1, cy, color, vx0, sx)
                hits_pts.append((xs, cy, idx.eid[sl], row))
                # a label starts right of its dot, or of its day's bar when the day is wider than a dot
                ends = (t1 - vx0) * sx
                starts = np.where((t1 - t0) * sx > 14, np.maximum(xs + 6, ends + 3), xs + 6)
                labels.append((row, cy, (t0 - vx0) * sx, ends, starts, idx.eid[sl], True))
            else:
                counts = idx.point_counts(lane, edges)
                strips.append((cy - _half(lh, 0.18), cy + _half(lh, 0.18), counts, color, True))
                pills.append((row, counts, color))
        self._paint_strips(p, strips, nb, w, h)
        for row, counts, color in pills:
            hits_pills += self._paint_pills(p, counts, edges, top0 + row * lh + lh / 2, lh, w, nb, color)
        self._frame = ((hits_pts, hits_bands, hits_pills, top0, lh), labels)
        self._off = 0.0

    def _paint_hover(self, p, hits_pts, hits_bands):
        """A ring around the event under the mouse (in every lane it appears in)."""
        hovered = self.view._hovered
        if not hovered or hovered[0] != "event" or self.vector:
            return
        event_id = hovered[1]
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor(17, 24, 39, 150), 1.5))
        for xs, cy, ids, _row in hits_pts:
            for k in np.flatnonzero(ids == event_id).tolist():
                p.drawEllipse(QPointF(float(xs[k]), cy), 6.5, 6.5)
        for bx0, bx1, y0, y1, ids, _row in hits_bands:
            for k in np.flatnonzero(ids == event_id).tolist():
                p.drawRect(QRectF(float(bx0[k]), y0 - 1, float(bx1[k] - bx0[k]), y1 - y0 + 2))

    def _paint_scroll_hint(self, p, top0, lh, nrows, w, h):
        """When the lanes do not all fit: a thin scroll thumb on the right (drag or Shift+wheel scrolls)."""
        total = nrows * lh
        if total <= h + 1:
            return
        thumb_h = max(24.0, h * h / total)
        y = (-top0) / (total - h) * (h - thumb_h) if total > h else 0.0
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(QColor(31, 41, 51, 20)))
        p.drawRoundedRect(QRectF(w - 7, 2, 5, h - 4), 2.5, 2.5)
        p.setBrush(QBrush(QColor(31, 41, 51, 90)))
        p.drawRoundedRect(QRectF(w - 7, 2 + y * (h - 4) / h, 5, thumb_h * (h - 4) / h), 2.5, 2.5)

    def _paint_grid(self, p, w, h, vx0, vx1, sx):
        """Faint vertical lines at the axis's labelled ticks (the same calendar step as the axis)."""
        values = timeline_axis.major_ticks(vx0, vx1, w)
        if not values:
            return
        p.setPen(QPen(QColor(0, 0, 0, 16), 1))
        xs = [round((value - vx0) * sx) for value in values]
        p.drawLines([QLineF(x, 0, x, h) for x in xs if 0 <= x <= w])

    def _tools(self, color: QColor):
        """(band fill brush, band edge pen, day-bar brush) in a lane's colour, made once per colour."""
        key = color.rgba()
        got = self._tool_cache.get(key)
        if got is None:
            got = self._tool_cache[key] = mark_tools(color)
        return got

    def _paint_bands(self, p, idx, sl, color, top, lh, vx0, sx, w):
        """Vague dates: their union as one translucent band, each one's ends as ticks."""
        cy = top + lh / 2
        y0, y1 = cy - _half(lh, 0.26), cy + _half(lh, 0.26)
        bx0 = np.maximum((idx.t0[sl] - vx0) * sx, self._pad_lo)
        bx1 = np.maximum(np.minimum((idx.t1[sl] - vx0) * sx, w + self._pad_hi), bx0 + 2)
        fill, edge, _ = self._tools(color)
        # union of the bands' extents (1-D interval merge in numpy), filled once: overlaps do not darken
        order = np.argsort(bx0)
        a_sorted, b_sorted = bx0[order], bx1[order]
        reach = np.maximum.accumulate(b_sorted)
        starts = np.empty(len(a_sorted), dtype=bool)
        starts[0] = True
        np.greater(a_sorted[1:], reach[:-1], out=starts[1:])
        u0 = a_sorted[starts]
        u1 = np.maximum.reduceat(b_sorted, np.flatnonzero(starts))
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)    # axis-aligned: crisp and cheaper
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        y0, y1 = round(y0), round(y1)
        p.drawRects([QRectF(round(a), y0, round(b - a), y1 - y0) for a, b in zip(u0.tolist(), u1.tolist())])
        # each band's two ends as ticks (where every vague date starts and stops), and a baseline
        p.setPen(edge)
        ends = np.concatenate([bx0, bx1]).round()
        ends = np.sort(ends[(ends >= -1) & (ends <= w + 1)])          # on screen, each pixel once
        p.drawLines([QLineF(x, y0, x, y1) for x in ends[_first_of_runs(ends)].tolist()])
        # the baseline as a one-pixel rectangle: QPainter.drawLine rasterises a long line ~150x slower
        bl0 = round(float(u0[0]))
        p.fillRect(QRectF(bl0, y1, round(float(u1.max())) - bl0 + 1, 1), edge.color())
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    def _paint_points(self, p, xs, t0, t1, cy, color, vx0, sx):
        """Precise dates: dots with a white halo; a day wider than a dot also shows as a thin bar.
        ``t0`` is sorted (the index keeps a lane's points by start)."""
        widths = (t1 - t0) * sx
        wide = widths > 14
        if wide.any():
            # a day (or hour) wider than a dot: its extent as a thin bar, drawn once per distinct extent
            w0, w1 = t0[wide], t1[wide]
            first = _first_of_runs(w0)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self._tools(color)[2])
            x0s = (w0[first] - vx0) * sx
            ws = (w1[first] - w0[first]) * sx
            if self.vector:
                x1s = np.minimum(x0s + ws, self._w)
                x0s = np.maximum(x0s, 0.0)
                ws = np.maximum(x1s - x0s, 0.0)
            p.drawRects([QRectF(a, cy - DAY_BAR_HALF, b, 2 * DAY_BAR_HALF)
                         for a, b in zip(x0s.tolist(), ws.tolist())])
        if self.vector:            # SVG export: real circles (inside the plot: no clipping there)
            for x in xs[(xs >= 4.5) & (xs <= self._w - 4.5)].tolist():
                draw_dot(p, QPointF(x, cy), color)
            return
        pm = self._dot_pixmap(color)
        r = pm.width() / 2
        top = round(cy - r)
        draw = p.drawPixmap
        # whole pixels (an untransformed blit lands on whole pixels anyway), so no QPointF per dot;
        # dots on the same pixel as the one before are drawn once
        px = np.rint(xs - r).astype(np.int64)
        for x in px[_first_of_runs(px)].tolist():
            draw(x, top, pm)

    def _paint_strips(self, p, strips, nb, w, h):
        """Every density strip of the frame in one ARGB image, drawn once. The strips' colours are computed
        together (one array per frame, not a few per lane); a strong strip (precise dates) covers a weak
        one (vague dates' coverage) where it has events."""
        if not strips:
            return
        y_lo = max(0, int(math.floor(min(q[0] for q in strips))))
        y_hi = min(int(math.ceil(h)), int(math.ceil(max(q[1] for q in strips))))
        hh = y_hi - y_lo
        if hh <= 0:
            return
        counts = np.maximum(np.array([q[2] for q in strips], dtype=np.float64), 0)     # (strips, nb)
        strong = np.array([q[4] for q in strips], dtype=bool)
        peak = np.maximum(counts.max(axis=1), 4.0)
        level = np.log1p(counts) / np.log1p(peak)[:, None]
        alpha = strip_alpha(level, strong[:, None])
        alpha = np.where(counts > 0, alpha, 0).astype(np.uint16)
        bgr = np.array([(q[3].blue(), q[3].green(), q[3].red()) for q in strips], dtype=np.uint16)
        rgba = np.empty(counts.shape + (4,), dtype=np.uint8)      # premultiplied: Qt blits it as it is
        rgba[..., :3] = alpha[..., None] * bgr[:, None, :] // 255
        rgba[..., 3] = alpha
        img = np.zeros((hh, nb, 4), dtype=np.uint8)
        rows = [(max(0, int(round(q[0])) - y_lo), min(hh, int(round(q[1])) - y_lo)) for q in strips]
        for pass_strong in (False, True):
            picked = [k for k in range(len(strips)) if strong[k] == pass_strong and rows[k][1] > rows[k][0]]
            if not picked:
                continue
            rr = np.concatenate([np.arange(*rows[k]) for k in picked])
            ss = np.concatenate([np.full(rows[k][1] - rows[k][0], k) for k in picked])
            if pass_strong:
                src = rgba[ss]
                img[rr] = np.where(src[..., 3:] > 0, src, img[rr])
            else:
                img[rr] = rgba[ss]
        qimg = QImage(img.data, nb, hh, nb * 4, QImage.Format.Format_ARGB32_Premultiplied)
        p.save()
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        p.drawImage(QRectF(0, y_lo, nb * BIN_PX, hh), qimg)
        p.restore()
        del qimg

    def _paint_pills(self, p, counts, edges, cy, lh, w, nb, color):
        """"+N" cluster pills over a dense lane, at most one per CLUSTER_PX. Returns hit boxes."""
        if lh < 14:
            return []
        per = max(1, CLUSTER_PX // BIN_PX)
        nbk = int(math.ceil(nb / per))
        padded = np.zeros(nbk * per)
        padded[:nb] = counts
        blocks = padded.reshape(nbk, per)
        totals = blocks.sum(axis=1)
        ks = np.flatnonzero(totals > 0)
        if not len(ks):
            return []
        centres = (np.arange(per) + 0.5) * BIN_PX
        cx = ks * per * BIN_PX + (blocks[ks] * centres).sum(axis=1) / totals[ks]
        starts = edges[np.minimum(ks * per, nb)].tolist()
        ends = edges[np.minimum((ks + 1) * per, nb)].tolist()
        hits = []
        ph = PILL_H
        top = round(cy - ph / 2)
        draw = p.drawPixmap
        texts = self._text_cache
        backs: dict = {}
        for x, n, t0, t1 in zip(cx.tolist(), totals[ks].tolist(), starts, ends):
            label = fmt_count(int(n))
            text = texts.get(("pill", label)) or self._pill_text(label)
            tw = text.width()
            pw = int(math.ceil((tw + 10) / 6.0) * 6)       # a few standard widths per colour
            left = min(max(0.0, x - pw / 2), w - pw)
            r = QRectF(left, cy - ph / 2, pw, ph)
            if self.vector:        # SVG export: shapes and real text
                draw_pill(p, r, color, label, self.pill_font)
            else:
                x0 = round(left)
                back = backs.get(pw)
                if back is None:
                    back = backs[pw] = self._pill_back(pw, color)
                draw(x0, top, back)
                draw(x0 + (pw - tw) // 2, top, text)
            hits.append((r, t0, t1))
        return hits

    def _paint_labels(self, p, labels, w, lh, callout=None):
        """Greedy, left to right per lane: a label where it fits, else folded into the label before it.
        The selected event's callout is occupied space: in its lane no label starts under it, a label
        running into it is shortened (or left out when too little of it would remain), and the
        selected event's own label there is the callout."""
        rects = self._labels[0]     # (row, rectangle) of every label drawn, "+N" included
        if lh < 15 or not labels:
            return
        view = self.view
        by_row: dict[int, list] = {}
        for row, cy, xs, ids, is_pt in labels:
            by_row.setdefault(row, []).append((cy, xs, ids, is_pt))
        plan, wanted = [], []
        for row, parts in by_row.items():
            xs = np.concatenate([q[1] for q in parts])
            if len(xs) * LABEL_PX_PER_MARK > w:
                continue
            ids = np.concatenate([q[2] for q in parts])
            is_pt = np.concatenate([np.full(len(q[1]), q[3]) for q in parts])
            order = np.lexsort((~is_pt, xs))
            plan.append((row, parts[0][0], xs[order], ids[order], is_pt[order]))
            wanted.extend(ids.tolist())
        if not plan:
            return
        titles = view._titles_for(wanted, elide=(self.fm, LABEL_MAX_PX))
        titles_by_pm: dict[int, str] = {}
        for row, cy, xs, ids, is_pt in plan:
            bg = LANE_ALT if row % 2 else BG
            next_free = -1e9
            placed = []    # [x, title, folded]
            block = None            # (left, right) the callout occupies in this lane
            hidden = 0              # labels the callout covers: a "+N" right after it
            last_callout = False    # the last thing placed in this lane is the callout
            if callout is not None and callout[0] == row:
                block = (callout[1].left() - 8, callout[1].right() + 8)
            selected = self.view.view_state.selected
            for x, i, pt in zip(xs.tolist(), ids.tolist(), is_pt.tolist()):
                start = x
                full = None
                if block is not None and i == selected:
                    continue                            # the callout is this event's label
                if block is not None and block[0] <= start < block[1]:
                    hidden += 1                         # under the callout: folded into it
                    next_free = max(next_free, block[1] + 26)
                    last_callout = True
                    continue
                if x + 40 > w or (start >= next_free and start + LABEL_MAX_PX > w):
                    # near the right edge: the whole label on the mark's left, if that side is free
                    gap = 10 if pt else 4
                    full = self._label_pixmap(titles.get(i, ""), bg)
                    left = x - gap - full.width()
                    clear = block is None or left >= block[1] or x + 12 <= block[0]
                    if start + full.width() > w and left >= max(next_free, 0.0) and clear:
                        titles_by_pm[id(full)] = titles.get(i, "")
                        placed.append([left, full, 0])
                        next_free = x + 12
                        last_callout = False
                        continue
                    if start + full.width() > w and not clear and x - gap > block[1]:
                        # the callout takes the left side: what fits between it and the mark
                        room = x - gap - max(next_free, block[1] + (26 if hidden else 0))
                        if room >= 60:
                            title = self.fm.elidedText(titles.get(i, ""), Qt.TextElideMode.ElideRight, room - 6)
                            pm = self._label_pixmap(title, bg)
                            titles_by_pm[id(pm)] = title
                            placed.append([x - gap - pm.width(), pm, 0])
                            next_free = x + 12
                            last_callout = False
                            continue
                if start >= next_free and start < w - 40:
                    title = titles.get(i, "")
                    pm = full or self._label_pixmap(title, bg)
                    if start + pm.width() > w:          # at the right edge: shorten to what fits
                        title = self.fm.elidedText(title, Qt.TextElideMode.ElideRight, w - start - 6)
                        pm = self._label_pixmap(title, bg)
                    if block is not None and start < block[0] < start + pm.width() + 26:
                        room = block[0] - start - 26        # up to the callout, with room for a "+N"
                        if room < 40:
                            continue
                        title = self.fm.elidedText(title, Qt.TextElideMode.ElideRight, room)
                        pm = self._label_pixmap(title, bg)
                    titles_by_pm[id(pm)] = title
                    placed.append([start, pm, 0])
                    next_free = start + pm.width() + 12
                    last_callout = False
                elif start < next_free and last_callout:
                    hidden += 1
                elif placed and start < next_free:      # under or just after a label: folded into it
                    placed[-1][2] += 1
                    if placed[-1][2] == 1:
                        next_free += 26                 # room for the "+N" badge of what it folds
            if hidden:
                more = self._label_pixmap(f"+{hidden}", bg, muted=True)
                y = cy - more.height() / 2
                rects.append((row, QRectF(block[1] - 4, y, more.width(), more.height())))
                if self.vector:
                    self._vector_text(p, block[1] - 4, y, more, bg, f"+{hidden}", MUTED)
                else:
                    p.drawPixmap(QPointF(block[1] - 4, y), more)
            for start, pm, folded in placed:
                y = cy - pm.height() / 2
                more = self._label_pixmap(f"+{folded}", bg, muted=True) if folded else None
                badge = more.width() if folded else 0
                rects.append((row, QRectF(start, y, pm.width() + badge, pm.height())))
                if self.vector:    # SVG export: real text on its background, kept inside the plot
                    title = titles_by_pm.get(id(pm), "")
                    if start + pm.width() > w:
                        title = self.fm.elidedText(title, Qt.TextElideMode.ElideRight, max(0.0, w - start - 6))
                        pm = self._label_pixmap(title, bg)
                        folded = 0
                    self._vector_text(p, start, y, pm, bg, title, TEXT)
                    if folded:
                        more = self._label_pixmap(f"+{folded}", bg, muted=True)
                        self._vector_text(p, start + pm.width(), y, more, bg, f"+{folded}", MUTED)
                    continue
                x0, y0 = round(start), round(y)      # whole pixels: a plain blit
                p.drawPixmap(x0, y0, pm)
                if folded:
                    p.drawPixmap(x0 + pm.width(), y0, more)

    def _vector_text(self, p, x, y, pm, bg, text, color):
        back = QColor(bg)
        back.setAlpha(215)
        p.fillRect(QRectF(x, y, pm.width(), pm.height()), back)
        p.setFont(self.font)
        p.setPen(color)
        p.drawText(QRectF(x + 2, y, pm.width(), pm.height()),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def _callout(self, top0, lh, first, last, vx0, sx, w):
        """(row, rectangle, text) of the selected event's title callout, or None when none is shown."""
        view = self.view
        info = view._selected_info
        if view.view_state.selected is None or info is None or info["t0"] is None or not info.get("title"):
            return None
        t0, t1 = info["t0"], info["t1"]
        x0, x1 = (t0 - vx0) * sx, (t1 - vx0) * sx
        if x1 < -20 or x0 > w + 20:
            return None
        rows = [view._row_of[lane] for lane in info["lanes"] if lane in view._row_of]
        visible_rows = [r for r in rows if first <= r <= last]
        if not visible_rows:
            return None
        pointlike = (t1 - t0) <= DAY + 1
        xm = (t0 + min(t1 - t0, DAY) * 0.5 - vx0) * sx
        cy = top0 + visible_rows[0] * lh + lh / 2
        text = self.fm_bold.elidedText(info["title"], Qt.TextElideMode.ElideRight, 340.0)
        tw = self.fm_bold.horizontalAdvance(text)
        anchor = xm if pointlike else max(x0, 0.0)
        x = anchor + 12
        if x + tw + 8 > w:
            x = max(4.0, anchor - 12 - tw)
        return visible_rows[0], QRectF(x - 5, cy - 10, tw + 10, 20), text

    def _paint_selection(self, p, top0, lh, first, last, vx0, sx, w, h):
        view = self.view
        info = view._selected_info
        if view.view_state.selected is None or info is None or info["t0"] is None:
            return
        t0, t1 = info["t0"], info["t1"]
        x0, x1 = (t0 - vx0) * sx, (t1 - vx0) * sx
        if x1 < -20 or x0 > w + 20:
            return
        pointlike = (t1 - t0) <= DAY + 1
        xm = (t0 + min(t1 - t0, DAY) * 0.5 - vx0) * sx
        p.setPen(QPen(QColor(17, 24, 39, 70), 1, Qt.PenStyle.DashLine))
        gx = xm if pointlike else max(x0, 0)
        p.drawLine(QPointF(gx, 0), QPointF(gx, h))
        rows = [view._row_of[lane] for lane in info["lanes"] if lane in view._row_of]
        for row in rows:
            if row < first or row > last:
                continue
            cy = top0 + row * lh + lh / 2
            color = view._lane_colors[view._shown[row]]
            if pointlike:
                p.setPen(QPen(BG, 5))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(QPointF(xm, cy), 7, 7)
                p.setPen(QPen(SELECT, 2.2))
                p.setBrush(QBrush(color))
                p.drawEllipse(QPointF(xm, cy), 7, 7)
            else:
                c = QColor(color)
                c.setAlpha(110)
                p.setPen(QPen(SELECT, 2))
                p.setBrush(QBrush(c))
                a, b = max(x0, self._pad_lo / 2), min(x1, w + self._pad_hi / 2)
                p.drawRoundedRect(QRectF(a, cy - _half(lh, 0.3), max(4.0, b - a), 2 * _half(lh, 0.3)), 3, 3)

    def _paint_callout(self, p, callout):
        """The selected event's title in a box beside its mark (placed by _callout)."""
        if callout is None:
            return
        _, r, text = callout
        self._boxed_text(p, r, 4, "#9aa5b1", 245, self.bold, SELECT, text)

    @staticmethod
    def _boxed_text(p, r: QRectF, radius: float, border: str, alpha: int, font, color, text: str) -> None:
        """``text`` centred in a rounded white box (``alpha`` its opacity) with a thin ``border``."""
        p.setPen(QPen(QColor(border), 1))
        p.setBrush(QBrush(QColor(255, 255, 255, alpha)))
        p.drawRoundedRect(r, radius, radius)
        p.setFont(font)
        p.setPen(color)
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, text)

    # -- hit testing -------------------------------------------------------------------------------
    def hit(self, pos: QPointF):
        """('event', id) | ('cluster', t0, t1) | None for a point in ViewBox pixel coordinates."""
        if not self.hits:
            return None
        pts, bands, pills, top0, lh = self.hits
        x, y = pos.x(), pos.y()
        for r, t0, t1 in pills:
            if r.adjusted(-2, -2, 2, 2).contains(pos):
                return ("cluster", t0, t1)
        best, best_d = None, 8.0
        for xs, cy, ids, _row in pts:
            if abs(y - cy) > 9 or not len(xs):
                continue
            d = np.abs(xs - x)
            k = int(np.argmin(d))
            if d[k] <= best_d:
                best, best_d = int(ids[k]), float(d[k])
        if best is not None:
            return ("event", best)
        for bx0, bx1, y0, y1, ids, _row in bands:
            if not (y0 - 2 <= y <= y1 + 2):
                continue
            inside = np.flatnonzero((bx0 - 2 <= x) & (x <= bx1 + 2))
            if len(inside):
                k = inside[np.argmin((bx1 - bx0)[inside])]     # the most precise band under the cursor
                return ("event", int(ids[k]))
        return None
