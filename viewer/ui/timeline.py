"""The timeline view: lanes per country, points and bands, zoom from decades to hours, fluid at 1M events.

Everything in the plot area is painted by ONE item (`_LanesItem`) that, for each frame, slices compact
numpy arrays with `searchsorted` and draws only what the viewport needs:

* per lane and per kind (precise points / vague bands), either the marks themselves (batched
  `drawPoints`/`drawRects`) when few are visible, or a density strip (one image row) with "+N" cluster
  pills when too many are;
* the event titles, placed greedily left to right without overlaps; the events a label covers are folded
  into its "+N"; titles are fetched from the store only for the labels that are drawn.

Never one graphics item per event. The arrays are loaded once per database (`viewer.store.timeline`) and
filtered with numpy masks; only full-text search and "one article" go back to SQL.
"""
from __future__ import annotations

import math
import os
import threading
from collections import OrderedDict

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QObject, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (QBrush, QColor, QFont, QFontMetricsF, QImage, QKeyEvent, QPainter, QPainterPath, QPen,
                           QStaticText)
from PySide6.QtWidgets import QVBoxLayout, QWidget

from viewer.model import ViewFilter
from viewer.store import timeline as tstore
from viewer.ui.timeline_overview import OverviewStrip

pg.setConfigOptions(antialias=True, background="w", foreground="#444")

HOUR = 3600.0
DAY = 86400.0
YEAR = 365.2425 * DAY
MIN_SPAN = HOUR                 # no further in than an hour across the view
MAX_SPAN = 200 * YEAR           # no further out than two centuries

# Duration classes: occurrences are kept sorted by (lane, class, t0) so a time window is two searchsorted
# calls per (lane, class) whatever the zoom; class 0 holds the "points" (a day or finer).
_CLASS_MAX = np.array([DAY + 1, 8 * DAY + 1, 32 * DAY + 1, 93 * DAY, 185 * DAY, 367 * DAY, 3660 * DAY,
                       np.inf])
NCLS = len(_CLASS_MAX)

SYNC_MAX = 300_000              # occurrences loaded at once; bigger databases load in a thread
POINTS_DETAIL_MAX = 220         # per lane: more visible points than this -> density strip + clusters
BANDS_DETAIL_MAX = 60           # per lane: more visible bands than this -> coverage strip
LABEL_PX_PER_MARK = 26          # label a lane only when it has at least this many pixels per mark
BIN_PX = 3                      # density strip resolution
CLUSTER_PX = 110                # one "+N" pill per this many pixels at most

PALETTE = ["#2f6fb3", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#16a085", "#b7950b", "#7f5539",
           "#c2185b", "#455a64", "#5d6d7e", "#1f618d", "#a04000", "#117864", "#6c3483", "#9a7d0a",
           "#283593", "#ad1457", "#00695c", "#4e342e"]
NO_COUNTRY_COLOR = "#7b8794"
BG = QColor("#ffffff")
LANE_ALT = QColor("#f5f7fa")
LANE_LINE = QColor("#e3e7ed")
TEXT = QColor("#1f2933")
SELECT = QColor("#111827")


def lane_color(index: int, code: str) -> QColor:
    if code == tstore.NO_COUNTRY:
        return QColor(NO_COUNTRY_COLOR)
    return QColor(PALETTE[index % len(PALETTE)])


def _fmt_count(n: int) -> str:
    if n < 1000:
        return f"+{n}"
    if n < 10_000:
        return f"+{n / 1000:.1f}k"
    if n < 1_000_000:
        return f"+{n // 1000}k"
    return f"+{n / 1e6:.1f}M"


class _Index:
    """Filtered occurrences in (lane, class, t0) order, with per-segment offsets for fast windows."""

    def __init__(self, t0, t1, eid, lane, cls, nlanes: int):
        self.t0, self.t1, self.eid = t0, t1, eid
        self.nlanes = nlanes
        seg = lane.astype(np.int32) * NCLS + cls
        self.offsets = np.searchsorted(seg, np.arange(nlanes * NCLS + 1)).astype(np.int64)
        dur = t1 - t0
        self.maxdur = np.zeros(nlanes * NCLS)
        self.shift = np.zeros(nlanes * NCLS)
        nonempty = np.flatnonzero(self.offsets[1:] > self.offsets[:-1])
        if len(nonempty) and len(dur):
            self.maxdur[nonempty] = np.maximum.reduceat(dur, self.offsets[nonempty])
        self.lane_count = np.diff(self.offsets[::NCLS])
        self._order = None

    def window(self, lane: int, c: int, x0: float, x1: float) -> tuple[int, int]:
        """[lo, hi) candidate range of segment (lane, c) that may overlap [x0, x1)."""
        s = lane * NCLS + c
        a, b = self.offsets[s], self.offsets[s + 1]
        if a == b:
            return a, a
        t = self.t0[a:b]
        lo = a + int(np.searchsorted(t, x0 - self.maxdur[s], "right"))
        hi = a + int(np.searchsorted(t, x1, "left"))
        return lo, max(lo, hi)

    def order(self):
        """Unique events sorted by (t0, id): for previous/next navigation. Built on demand."""
        if self._order is None:
            if len(self.eid):
                ids, first = np.unique(self.eid, return_index=True)
                t0 = self.t0[first]
                k = np.lexsort((ids, t0))
                self._order = (t0[k], ids[k], self.t1[first][k])
            else:
                self._order = (np.zeros(0), np.zeros(0, np.int64), np.zeros(0))
        return self._order


class _LanesItem(pg.GraphicsObject):
    """Paints lanes, marks, density strips, clusters and labels; child of the ViewBox (pixel coords)."""

    def __init__(self, view: "TimelineView", vb: pg.ViewBox):
        super().__init__()
        self.view = view
        self.vb = vb
        self.setParentItem(vb)
        self.setZValue(10)
        self.setFlag(self.GraphicsItemFlag.ItemUsesExtendedStyleOption, False)
        self.font = QFont()
        self.font.setPixelSize(11)
        self.bold = QFont(self.font)
        self.bold.setBold(True)
        self.small = QFont()
        self.small.setPixelSize(10)
        self.small.setBold(True)
        self.fm = QFontMetricsF(self.font)
        self.fm_bold = QFontMetricsF(self.bold)
        self._static: OrderedDict = OrderedDict()
        self.hits = None            # what was drawn last frame, for hit testing
        vb.sigResized.connect(self._resized)

    def _resized(self, *_):
        self.prepareGeometryChange()
        self.update()

    def boundingRect(self) -> QRectF:
        return self.vb.boundingRect()

    def _static_text(self, text: str, bold=False) -> QStaticText:
        key = (text, bold)
        st = self._static.get(key)
        if st is None:
            st = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            st.prepare(font=self.small if bold else self.font)
            self._static[key] = st
            if len(self._static) > 4000:
                self._static.popitem(last=False)
        else:
            self._static.move_to_end(key)
        return st

    # -- geometry -------------------------------------------------------------------------------
    def lane_geometry(self):
        """(top pixel of lane 0, lane height in pixels) in ViewBox coordinates."""
        (x0, x1), (y0, y1) = self.vb.viewRange()
        h = self.vb.height()
        scale = h / max(1e-9, (y1 - y0))
        # lanes occupy [i, i+1) in view y; y axis inverted (lane 0 at the top)
        return -y0 * scale, scale

    def x_of(self, t):
        (x0, x1), _ = self.vb.viewRange()
        return (np.asarray(t, dtype=np.float64) - x0) * (self.vb.width() / (x1 - x0))

    # -- painting -------------------------------------------------------------------------------
    def paint(self, p: QPainter, *args):
        p.save()
        try:
            self._paint(p)
        except Exception:          # never leave a painter half-used: Qt would crash
            import traceback
            traceback.print_exc()
            self.hits = None
        finally:
            p.restore()

    def _paint(self, p: QPainter):
        view = self.view
        idx = view._index
        rect = self.vb.boundingRect()
        w, h = rect.width(), rect.height()
        p.fillRect(rect, BG)
        (vx0, vx1), _ = self.vb.viewRange()
        if idx is None or w < 4 or vx1 <= vx0:
            self.hits = None
            return
        sx = w / (vx1 - vx0)
        top0, lh = self.lane_geometry()
        nl = len(view._lanes)
        first = max(0, int(math.floor(-top0 / lh)))
        last = min(nl - 1, int(math.ceil((h - top0) / lh)))
        hits_pts = []      # (x array, y, ids array)
        hits_bands = []    # (x0 array, x1 array, y0, y1, ids)
        hits_pills = []    # (QRectF, t0, t1)
        labels = []        # per lane: (lane, y, xs, x_ends, ids, is_point)
        sel = view._selected
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        # lane backgrounds
        for lane in range(first, last + 1):
            top = top0 + lane * lh
            if lane % 2:
                p.fillRect(QRectF(0, top, w, lh), LANE_ALT)
        p.setPen(QPen(LANE_LINE, 1))
        for lane in range(first, last + 2):
            y = top0 + lane * lh
            p.drawLine(QPointF(0, y), QPointF(w, y))
        # gridlines at the axis' major ticks
        self._paint_grid(p, w, h)

        nb = max(1, int(math.ceil(w / BIN_PX)))
        edges = np.linspace(vx0, vx1, nb + 1)
        for lane in range(first, last + 1):
            top = top0 + lane * lh
            color = view._colors[lane]
            cy = top + lh * 0.5
            # ---- bands (vague dates) --------------------------------------------------------
            band_sl = [idx.window(lane, c, vx0, vx1) for c in range(1, NCLS)]
            n_bands = sum(hi - lo for lo, hi in band_sl)
            band_y0, band_y1 = top + lh * 0.26, top + lh * 0.74
            if n_bands:
                if n_bands <= BANDS_DETAIL_MAX:
                    sl = np.concatenate([np.arange(lo, hi) for lo, hi in band_sl])
                    keep = idx.t1[sl] > vx0
                    sl = sl[keep]
                    if len(sl):
                        bx0 = np.maximum((idx.t0[sl] - vx0) * sx, -10)
                        bx1 = np.minimum((idx.t1[sl] - vx0) * sx, w + 10)
                        bx1 = np.maximum(bx1, bx0 + 2)
                        fill = QColor(color)
                        fill.setAlpha(40)
                        edge = QColor(color)
                        edge.setAlpha(150)
                        path = QPainterPath()
                        path.setFillRule(Qt.FillRule.WindingFill)
                        for a, b in zip(bx0.tolist(), bx1.tolist()):
                            path.addRect(QRectF(a, band_y0, b - a, band_y1 - band_y0))
                        p.setPen(Qt.PenStyle.NoPen)
                        p.setBrush(QBrush(fill))
                        p.drawPath(path.simplified())
                        # each band's ends, so overlapping bands stay readable
                        p.setPen(QPen(edge, 1.2))
                        lines = []
                        for a, b in zip(bx0.tolist(), bx1.tolist()):
                            lines.append(QLineF(a, band_y0, a, band_y1))
                            lines.append(QLineF(b, band_y0, b, band_y1))
                        p.drawLines(lines)
                        p.setPen(QPen(edge, 1))
                        p.drawLine(QPointF(float(bx0.min()), band_y1), QPointF(float(bx1.max()), band_y1))
                        hits_bands.append((bx0, bx1, band_y0, band_y1, idx.eid[sl]))
                        labels.append((lane, cy, np.maximum(bx0, 0), bx1, idx.eid[sl], False))
                else:
                    cover = np.zeros(nb)
                    for c in range(1, NCLS):
                        s = lane * NCLS + c
                        a, b = idx.offsets[s], idx.offsets[s + 1]
                        if a == b:
                            continue
                        started = np.searchsorted(idx.t0[a:b], edges[1:], "left")
                        ended = np.searchsorted(np.sort(idx.t1[a:b]) if False else view._t1_sorted(s),
                                                edges[:-1], "right")
                        cover += started - ended
                    self._strip(p, cover, color, band_y0, band_y1, w, nb, strong=False)
            # ---- points (a day or finer) ---------------------------------------------------
            lo, hi = idx.window(lane, 0, vx0, vx1)
            n_pts = hi - lo
            detail = bool(n_pts) and n_pts <= POINTS_DETAIL_MAX and not view._partial
            sl = np.zeros(0, dtype=np.int64)
            if detail:
                sl = np.arange(lo, hi)
                mid = (idx.t0[sl] + idx.t1[sl]) * 0.5
                if vx1 - vx0 > 3 * DAY:
                    mid = idx.t0[sl] + np.minimum(idx.t1[sl] - idx.t0[sl], DAY) * 0.5
                keep = (idx.t1[sl] > vx0) & (idx.t0[sl] < vx1)
                sl, mid = sl[keep], mid[keep]
            if detail and len(sl):
                xs = (mid - vx0) * sx
                # day-long events wider than a dot when zoomed in: draw their day as a thin band
                widths = (idx.t1[sl] - idx.t0[sl]) * sx
                wide = widths > 14
                if wide.any():
                    fill = QColor(color)
                    fill.setAlpha(70)
                    p.setPen(Qt.PenStyle.NoPen)
                    p.setBrush(QBrush(fill))
                    x0s = (idx.t0[sl][wide] - vx0) * sx
                    p.drawRects([QRectF(a, cy - 3, b, 6) for a, b in zip(x0s.tolist(), widths[wide].tolist())])
                pts = pg.functions.arrayToQPolygonF(xs, np.full(len(xs), cy))
                halo = QPen(BG, 9.5)
                halo.setCapStyle(Qt.PenCapStyle.RoundCap)
                p.setPen(halo)
                p.drawPoints(pts)
                dot = QPen(color, 7)
                dot.setCapStyle(Qt.PenCapStyle.RoundCap)
                p.setPen(dot)
                p.drawPoints(pts)
                hits_pts.append((xs, cy, idx.eid[sl]))
                labels.append((lane, cy, xs, xs, idx.eid[sl], True))
            elif n_pts and not detail:
                s = lane * NCLS
                a, b = idx.offsets[s], idx.offsets[s + 1]
                counts = np.diff(np.searchsorted(idx.t0[a:b], edges, "left"))
                self._strip(p, counts.astype(float), color, top + lh * 0.3, top + lh * 0.7, w, nb, strong=True)
                hits_pills += self._pills(p, counts, edges, cy, lh, w, nb, color)

        self._paint_labels(p, labels, w, lh)
        if view._partial:
            p.setFont(self.font)
            p.setPen(QColor("#7b8794"))
            p.drawText(QRectF(0, 2, w - 8, 16), Qt.AlignmentFlag.AlignRight, "loading events\u2026")
        self._paint_selection(p, sel, top0, lh, first, last, vx0, sx, w, h)
        self.hits = (hits_pts, hits_bands, hits_pills, top0, lh)

    def _paint_grid(self, p, w, h):
        axis = self.view._axis
        levels = getattr(axis, "_tickLevels", None)
        if not levels:
            return
        (vx0, vx1), _ = self.vb.viewRange()
        sx = w / (vx1 - vx0)
        p.setPen(QPen(QColor(0, 0, 0, 18), 1))
        for value in levels[0][1] if levels else []:
            x = (value - vx0) * sx
            if 0 <= x <= w:
                p.drawLine(QPointF(x, 0), QPointF(x, h))

    def _strip(self, p, counts, color: QColor, y0, y1, w, nb, strong: bool):
        if not len(counts) or counts.max() <= 0:
            return
        level = np.log1p(counts) / math.log1p(max(counts.max(), 4.0))
        alpha = np.where(counts > 0, (40 + level * (215 if strong else 120)), 0).astype(np.uint8)
        img = np.empty((1, nb, 4), dtype=np.uint8)
        img[0, :, 0] = color.blue()
        img[0, :, 1] = color.green()
        img[0, :, 2] = color.red()
        img[0, :, 3] = alpha
        qimg = QImage(img.data, nb, 1, nb * 4, QImage.Format.Format_ARGB32)
        p.save()
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        p.drawImage(QRectF(0, y0, nb * BIN_PX, y1 - y0), qimg)
        p.restore()

    def _pills(self, p, counts, edges, cy, lh, w, nb, color):
        """"+N" cluster pills over a dense lane, one per CLUSTER_PX at most. Returns hit rects."""
        per = max(1, CLUSTER_PX // BIN_PX)
        nbk = int(math.ceil(nb / per))
        padded = np.zeros(nbk * per)
        padded[:nb] = counts
        blocks = padded.reshape(nbk, per)
        totals = blocks.sum(axis=1)
        centres = (np.arange(per) + 0.5) * BIN_PX
        hits = []
        if lh < 14:
            return hits
        p.setFont(self.small)
        fill = QColor(color)
        fill = fill.darker(115)
        p.setPen(Qt.PenStyle.NoPen)
        for k in np.flatnonzero(totals > 0).tolist():
            n = int(totals[k])
            cx = k * per * BIN_PX + float((blocks[k] * centres).sum() / n)
            st = self._static_text(_fmt_count(n), bold=True)
            tw = st.size().width()
            ph = min(15.0, lh - 4)
            r = QRectF(cx - tw / 2 - 5, cy - ph / 2, tw + 10, ph)
            if r.left() < 0:
                r.moveLeft(0)
            if r.right() > w:
                r.moveRight(w)
            p.setPen(QPen(fill, 1))
            p.setBrush(QBrush(QColor(255, 255, 255, 225)))
            p.drawRoundedRect(r, ph / 2, ph / 2)
            p.setPen(fill)
            p.drawStaticText(QPointF(r.left() + 5, r.top() + (ph - st.size().height()) / 2), st)
            b0 = k * per
            b1 = min(nb, (k + 1) * per)
            hits.append((r, float(edges[b0]), float(edges[b1])))
        return hits

    def _paint_labels(self, p, labels, w, lh):
        if lh < 15 or not labels:
            return
        view = self.view
        # merge points and bands of a lane; points first in priority when they collide
        lanes: dict[int, list] = {}
        for lane, cy, xs, xe, ids, is_pt in labels:
            lanes.setdefault(lane, []).append((cy, xs, xe, ids, is_pt))
        wanted = []
        plan = []
        for lane, parts in lanes.items():
            cy = parts[0][0]
            xs = np.concatenate([q[1] for q in parts])
            ids = np.concatenate([q[3] for q in parts])
            is_pt = np.concatenate([np.full(len(q[1]), q[4]) for q in parts])
            if len(xs) * LABEL_PX_PER_MARK > w:
                continue
            order = np.lexsort((~is_pt, xs))
            xs, ids, is_pt = xs[order], ids[order], is_pt[order]
            # first pass: which marks can start a label at all (gap to the previous candidate)
            plan.append((lane, cy, xs, ids, is_pt))
            wanted.extend(ids.tolist())
        titles = view._titles_for(wanted)
        p.setFont(self.font)
        for lane, cy, xs, ids, is_pt in plan:
            next_free = -1e9
            placed = []    # [x, text_width, title, folded]
            for x, i, pt in zip(xs.tolist(), ids.tolist(), is_pt.tolist()):
                start = x + (7 if pt else 4)
                if start >= next_free and start < w - 20:
                    title = titles.get(i, "")
                    tw = min(self.fm.horizontalAdvance(title), 230.0)
                    placed.append([start, tw, title, 0, i])
                    next_free = start + tw + 14
                elif placed:
                    placed[-1][3] += 1
            for start, tw, title, folded, i in placed:
                text = title
                if tw >= 230.0:
                    text = self.fm.elidedText(title, Qt.TextElideMode.ElideRight, 230.0)
                st = self._static_text(text)
                y = cy - st.size().height() / 2
                bg = LANE_ALT if lane % 2 else BG
                back = QColor(bg)
                back.setAlpha(205)
                p.fillRect(QRectF(start - 1, y, st.size().width() + 2, st.size().height()), back)
                p.setPen(TEXT)
                p.drawStaticText(QPointF(start, y), st)
                if folded:
                    more = self._static_text(f"+{folded}")
                    p.setPen(QColor("#7b8794"))
                    p.drawStaticText(QPointF(start + tw + 3, y), more)

    def _paint_selection(self, p, sel, top0, lh, first, last, vx0, sx, w, h):
        if sel is None:
            return
        info = self.view._selected_info
        if info is None:
            return
        t0, t1, lanes = info["t0"], info["t1"], info["lanes"]
        if t0 is None:
            return
        x0 = (t0 - vx0) * sx
        x1 = (t1 - vx0) * sx
        pointlike = (t1 - t0) <= DAY + 1
        xm = (x0 + min(x1, x0 + DAY * sx) if pointlike else x0 + x1) / 2 if pointlike else None
        if x1 < -20 or x0 > w + 20:
            return
        guide = QPen(QColor(17, 24, 39, 60), 1, Qt.PenStyle.DashLine)
        p.setPen(guide)
        gx = xm if pointlike else x0
        p.drawLine(QPointF(gx, 0), QPointF(gx, h))
        for lane in lanes:
            if lane < first or lane > last:
                continue
            top = top0 + lane * lh
            cy = top + lh / 2
            if pointlike:
                p.setPen(QPen(SELECT, 2.2))
                p.setBrush(QBrush(self.view._colors[lane]))
                p.drawEllipse(QPointF(xm, cy), 6.5, 6.5)
            else:
                p.setPen(QPen(SELECT, 2))
                c = QColor(self.view._colors[lane])
                c.setAlpha(90)
                p.setBrush(QBrush(c))
                a, b = max(x0, -5), min(x1, w + 5)
                p.drawRoundedRect(QRectF(a, top + lh * 0.18, max(3, b - a), lh * 0.64), 3, 3)
        title = info.get("title") or ""
        if title and first <= lanes[0] <= last if lanes else False:
            lane = lanes[0]
            cy = top0 + lane * lh + lh / 2
            text = self.fm_bold.elidedText(title, Qt.TextElideMode.ElideRight, 320.0)
            tw = self.fm_bold.horizontalAdvance(text)
            x = (xm if pointlike else max(x0, 0)) + 10
            if x + tw > w - 4:
                x = max(4, (xm if pointlike else x0) - 10 - tw)
            r = QRectF(x - 4, cy - 9 - lh * 0.5 - 2, tw + 8, 18)
            if r.top() < 0:
                r.moveTop(cy + lh * 0.5 - 7)
            p.setPen(QPen(QColor("#cbd2d9"), 1))
            p.setBrush(QBrush(QColor(255, 255, 255, 235)))
            p.drawRoundedRect(r, 4, 4)
            p.setFont(self.bold)
            p.setPen(SELECT)
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, text)

    # -- hit testing ----------------------------------------------------------------------------
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
        for xs, cy, ids in pts:
            if abs(y - cy) > 9 or not len(xs):
                continue
            d = np.abs(xs - x)
            k = int(np.argmin(d))
            if d[k] <= best_d:
                best, best_d = int(ids[k]), float(d[k])
        if best is not None:
            return ("event", best)
        for bx0, bx1, y0, y1, ids in bands:
            if not (y0 - 2 <= y <= y1 + 2):
                continue
            inside = np.flatnonzero((bx0 - 2 <= x) & (x <= bx1 + 2))
            if len(inside):
                k = inside[np.argmin((bx1 - bx0)[inside])]     # the most precise band under the cursor
                return ("event", int(ids[k]))
        return None


class _TimelineViewBox(pg.ViewBox):
    """x-only zoom around the cursor, drag to pan, Shift-drag to zoom to a range, bounded zoom."""

    def __init__(self, view: "TimelineView"):
        super().__init__(enableMenu=False)
        self.view = view
        self.setMouseEnabled(x=True, y=False)
        self.invertY(True)
        self._band = None

    def wheelEvent(self, ev, axis=None):
        delta = ev.delta() if hasattr(ev, "delta") else ev.angleDelta().y()
        if not delta:
            ev.ignore()
            return
        factor = 0.85 ** (delta / 120.0)
        cx = self.mapToView(ev.pos()).x()
        self.view._zoom(factor, cx)
        ev.accept()

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
                    self.view.set_visible_range(a, b)
            return
        (x0, x1), (y0, y1) = self.viewRange()
        last = self.mapToView(ev.lastPos())
        now = self.mapToView(ev.pos())
        dx = last.x() - now.x()
        dy = 0.0
        if self.view._lanes_overflow():
            dy = last.y() - now.y()
        self.view._pan(dx, dy)

    def mouseClickEvent(self, ev):
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        self.view._clicked(ev.pos(), ev.double())

    def mouseDoubleClickEvent(self, ev):
        ev.accept()
        self.view._clicked(ev.pos(), True)


def _prepare(occ):
    """Occurrences -> (occurrences in (lane, duration class, t0) order, class of each). Pure numpy: runs
    in the loader thread for big databases."""
    dur = occ.t1 - occ.t0
    cls = np.minimum(np.searchsorted(_CLASS_MAX, dur, "left"), NCLS - 1).astype(np.int8)
    key = occ.lane.astype(np.int32) * NCLS + cls
    order = np.argsort(key, kind="stable")
    return occ.take(order), cls[order]


class _Loader(QObject):
    done = Signal(int, object)


class TimelineView(QWidget):
    eventClicked = Signal(int)
    eventActivated = Signal(int)
    rangeChanged = Signal(float, float)
    loadingFinished = Signal()         # the full arrays of a big database are in (see is_loading)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._store = None
        self._occ = None                 # all occurrences of the database
        self._cls = None
        self._index: _Index | None = None
        self._filter: ViewFilter | None = None
        self._lanes: list[str] = []
        self._lane_numbers: dict[str, int] = {}
        self._colors: list[QColor] = []
        self._selected: int | None = None
        self._selected_info = None
        self._titles: OrderedDict = OrderedDict()
        self._span = (0.0, YEAR)
        self._t1_cache: dict = {}
        self._generation = 0
        self._partial = False
        self._loader = _Loader(self)
        self._loader.done.connect(self._loaded, Qt.ConnectionType.QueuedConnection)

        self.glw = pg.GraphicsLayoutWidget()
        self.glw.setBackground("w")
        self.glw.ci.setContentsMargins(4, 6, 10, 4)
        self.glw.ci.setSpacing(2)
        self._vb = _TimelineViewBox(self)
        self._axis = pg.DateAxisItem(orientation="bottom", utcOffset=0)
        self._left = pg.AxisItem(orientation="left")
        self.plot = pg.PlotItem(viewBox=self._vb, axisItems={"bottom": self._axis, "left": self._left})
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self._left.setWidth(46)
        self._left.setStyle(tickLength=0, tickTextOffset=6)
        f = QFont()
        f.setPixelSize(12)
        f.setBold(True)
        self._left.setTickFont(f)
        self._left.setTextPen(pg.mkPen("#3e4c59"))
        self._left.setPen(pg.mkPen("#cbd2d9"))
        axf = QFont()
        axf.setPixelSize(11)
        self._axis.setTickFont(axf)
        self._axis.setTextPen(pg.mkPen("#52606d"))
        self._axis.setPen(pg.mkPen("#cbd2d9"))
        self.glw.addItem(self.plot, row=0, col=0)
        self.overview = OverviewStrip(self)
        self.glw.addItem(self.overview.plot, row=1, col=0)
        self.glw.ci.layout.setRowStretchFactor(0, 10)
        self.glw.ci.layout.setRowStretchFactor(1, 1)
        self._item = _LanesItem(self, self._vb)
        self._vb.setLimits(minXRange=MIN_SPAN, maxXRange=MAX_SPAN)
        self._vb.sigXRangeChanged.connect(self._on_range)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.glw)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.glw.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.glw.installEventFilter(self)
        self.glw.viewport().installEventFilter(self)
        self._range_timer = QTimer(self)
        self._range_timer.setSingleShot(True)
        self._range_timer.setInterval(0)
        self._range_timer.timeout.connect(self._emit_range)
        self._set_lanes([])

    # -- public interface -----------------------------------------------------------------------
    def set_store(self, store) -> None:
        """Show `store` (fit all). Small databases load at once; big ones paint a first frame from the
        (code, t0) index and load the full arrays in a thread of their own (`loadingFinished`)."""
        self._generation += 1
        self._store = store
        self._titles.clear()
        self._selected = None
        self._selected_info = None
        self._occ = None
        self._partial = False
        if store is not None:
            preview = tstore.lane_starts(store)
            path = getattr(store, "path", ":memory:")
            if preview.total <= SYNC_MAX or path == ":memory:" or not os.path.exists(path):
                self._install(_prepare(tstore.load_occurrences(store)))
            else:
                self._install_preview(preview)
                gen = self._generation
                threading.Thread(target=self._load_worker, args=(path, gen), daemon=True,
                                 name="timeline-loader").start()
        self._apply_filter(self._filter)
        self.overview.set_data(self)
        self.fit_all()
        if not self._partial:
            self.loadingFinished.emit()

    def is_loading(self) -> bool:
        """True while a big database's full arrays are still loading (the view shows densities)."""
        return self._partial

    def _load_worker(self, path: str, gen: int) -> None:
        try:
            prepared = _prepare(tstore.load_occurrences_from_path(path))
        except Exception as exc:     # a database changed or removed under us: stay on the preview
            prepared = exc
        self._loader.done.emit(gen, prepared)

    def _loaded(self, gen: int, prepared) -> None:
        if gen != self._generation:
            return
        if isinstance(prepared, Exception):
            self._partial = False
            self.loadingFinished.emit()
            return
        keep = self.visible_range()
        self._install(prepared)
        self._apply_filter(self._filter)
        self.overview.set_data(self)
        self._vb.setXRange(*keep, padding=0)
        self._changed()
        self.loadingFinished.emit()

    def _install(self, prepared) -> None:
        self._occ, self._cls = prepared
        self._partial = False
        if len(self._occ):
            self._span = (float(self._occ.t0.min()), float(self._occ.t1.max()))

    def _install_preview(self, preview) -> None:
        lanes = preview.lanes
        t0 = np.concatenate(preview.starts) if preview.starts else np.zeros(0)
        lane = np.concatenate([np.full(len(a), i, dtype=np.int16) for i, a in enumerate(preview.starts)]) \
            if preview.starts else np.zeros(0, dtype=np.int16)
        self._occ = tstore.Occurrences(lanes, lane, t0, t0 + 1.0, np.full(len(t0), -1, dtype=np.int64))
        self._cls = np.zeros(len(t0), dtype=np.int8)
        self._partial = True
        if len(t0):
            self._span = (float(t0.min()), float(t0.max()) + DAY)

    def set_filter(self, f: ViewFilter) -> None:
        self._filter = f
        self._apply_filter(f)
        self.overview.set_data(self)
        self._changed()
        self._resize_lanes()

    def select_event(self, event_id: int | None) -> None:
        self._selected = event_id
        self._refresh_selection(scroll=True)

    def _refresh_selection(self, scroll: bool) -> None:
        event_id = self._selected
        self._selected_info = None
        if event_id is not None and self._store is not None:
            brief = tstore.event_brief(self._store, event_id)
            if brief is not None:
                codes = [c for c in (brief["countries"] or "").split(",") if c] or [tstore.NO_COUNTRY]
                lanes = [self._lane_numbers[c] for c in codes if c in self._lane_numbers]
                self._selected_info = {"t0": brief["t0"], "t1": brief["t1"], "lanes": lanes,
                                       "title": brief["title"]}
                if brief["t0"] is not None and scroll:
                    self._ensure_visible(brief["t0"], brief["t1"], lanes)
        self._changed()

    def selected_event(self) -> int | None:
        return self._selected

    def fit_all(self) -> None:
        a, b = self._data_span()
        pad = max((b - a) * 0.03, HOUR)
        self.set_visible_range(a - pad, b + pad)
        self._resize_lanes(reset=True)

    def visible_range(self) -> tuple[float, float]:
        (x0, x1), _ = self._vb.viewRange()
        return float(x0), float(x1)

    def set_visible_range(self, t0: float, t1: float) -> None:
        t0, t1 = float(t0), float(t1)
        if t1 < t0:
            t0, t1 = t1, t0
        span = min(max(t1 - t0, MIN_SPAN), MAX_SPAN)
        c = (t0 + t1) / 2
        self._vb.setXRange(c - span / 2, c + span / 2, padding=0)

    def lanes(self) -> list[str]:
        return list(self._lanes)

    def visible_event_ids(self) -> set[int]:
        self._ensure_painted()
        if not self._item.hits:
            return set()
        pts, bands, _, _, _ = self._item.hits
        w = self._vb.width()
        out: set[int] = set()
        for xs, _, ids in pts:
            out.update(ids[(xs >= -1) & (xs <= w + 1)].tolist())
        for bx0, bx1, _, _, ids in bands:
            out.update(ids.tolist())
        return out

    def event_view_pos(self, event_id: int, lane: str | None = None) -> QPoint | None:
        self._ensure_painted()
        if not self._item.hits:
            return None
        pts, bands, _, top0, lh = self._item.hits
        target = None if lane is None else self._lane_numbers.get(lane)
        if lane is not None and target is None:
            return None
        for xs, cy, ids in pts:
            k = np.flatnonzero(ids == event_id)
            if len(k):
                ln = int(math.floor((cy - top0) / lh))
                if target is None or ln == target:
                    return self._to_viewport(QPointF(float(xs[k[0]]), cy))
        for bx0, bx1, y0, y1, ids in bands:
            k = np.flatnonzero(ids == event_id)
            if len(k):
                ln = int(math.floor((y0 - top0) / lh))
                if target is None or ln == target:
                    a, b = max(float(bx0[k[0]]), 0.0), min(float(bx1[k[0]]), self._vb.width())
                    return self._to_viewport(QPointF((a + b) / 2, (y0 + y1) / 2))
        return None

    def viewport_widget(self) -> QWidget:
        return self.glw.viewport()

    def export_image(self, path: str) -> None:
        if str(path).lower().endswith(".svg"):
            from PySide6.QtSvg import QSvgGenerator
            gen = QSvgGenerator()
            gen.setFileName(str(path))
            gen.setSize(self.size())
            gen.setViewBox(self.rect())
            gen.setTitle("Conflict Timeline")
            painter = QPainter(gen)
            self.glw.render(painter)
            painter.end()
        else:
            img = self.glw.grab()
            if not img.save(str(path)):
                raise OSError(f"cannot write {path}")

    # -- internals ------------------------------------------------------------------------------
    def _to_viewport(self, p: QPointF) -> QPoint:
        scene = self._vb.mapToScene(p)
        return self.glw.mapFromScene(scene)

    def _changed(self):
        self._dirty = True
        self._item.update()

    def _ensure_painted(self):
        if self._item.hits is None or getattr(self, "_dirty", True):
            self.glw.viewport().repaint()
            if self._item.hits is None and self.isVisible() is False:
                # offscreen and never shown: paint into a pixmap to get the geometry
                self.glw.grab()
        self._dirty = False

    def _data_span(self) -> tuple[float, float]:
        idx = self._index
        if idx is not None and len(idx.t0):
            return float(idx.t0.min()), float(idx.t1.max())
        return self._span

    def _apply_filter(self, f: ViewFilter | None):
        occ = self._occ
        if occ is None:
            self._index = None
            self._set_lanes([])
            return
        ids = tstore.matching_ids(self._store, f) if tstore.needs_sql(f) and not self._partial else None
        mask = tstore.filter_mask(occ, f, ids)
        # lanes shown: those of the chosen countries that exist, in the database's order
        shown = [i for i, code in enumerate(occ.lanes)
                 if f is None or f.countries is None or code in f.countries]
        remap = np.full(len(occ.lanes), -1, dtype=np.int32)
        remap[shown] = np.arange(len(shown))
        lane = remap[occ.lane[mask]]
        self._index = _Index(occ.t0[mask], occ.t1[mask], occ.eid[mask], lane, self._cls[mask], len(shown))
        self._t1_cache = {}
        self._set_lanes([occ.lanes[i] for i in shown], shown)
        if self._selected is not None:
            self._refresh_selection(scroll=False)

    def _t1_sorted(self, seg: int) -> np.ndarray:
        arr = self._t1_cache.get(seg)
        if arr is None:
            a, b = self._index.offsets[seg], self._index.offsets[seg + 1]
            arr = self._t1_cache[seg] = np.sort(self._index.t1[a:b])
        return arr

    def _set_lanes(self, lanes: list[str], numbers=None):
        self._lanes = lanes
        self._lane_numbers = {c: i for i, c in enumerate(lanes)}
        numbers = numbers if numbers is not None else range(len(lanes))
        self._colors = [lane_color(n, c) for n, c in zip(numbers, lanes)]
        self._left.setTicks([[(i + 0.5, c) for i, c in enumerate(lanes)], []])
        self._resize_lanes(reset=True)

    def _visible_lane_count(self) -> float:
        h = max(1.0, self._vb.height())
        return max(1.0, min(len(self._lanes) or 1, h / 20.0))

    def _lanes_overflow(self) -> bool:
        return len(self._lanes) > self._visible_lane_count() + 1e-6

    def _resize_lanes(self, reset=False):
        n = max(1, len(self._lanes))
        k = self._visible_lane_count()
        if k >= n:
            self._vb.setYRange(0, n, padding=0)
        else:
            _, (y0, y1) = self._vb.viewRange()
            y0 = 0 if reset else min(max(0, y0), n - k)
            self._vb.setYRange(y0, y0 + k, padding=0)

    def resizeEvent(self, ev):
        super().resizeEvent(ev)
        QTimer.singleShot(0, self._resize_lanes)

    def _on_range(self, *_):
        self._changed()
        self.overview.update_region(self)
        self._range_timer.start()

    def _emit_range(self):
        a, b = self.visible_range()
        self.rangeChanged.emit(a, b)

    def _zoom(self, factor: float, centre: float):
        x0, x1 = self.visible_range()
        span = x1 - x0
        new = min(max(span * factor, MIN_SPAN), MAX_SPAN)
        if new == span:
            return
        frac = (centre - x0) / span if span else 0.5
        a = centre - frac * new
        self._vb.setXRange(a, a + new, padding=0)

    def _pan(self, dx: float, dy: float):
        x0, x1 = self.visible_range()
        self._vb.setXRange(x0 + dx, x1 + dx, padding=0)
        if dy:
            n = len(self._lanes)
            k = self._visible_lane_count()
            _, (y0, _y1) = self._vb.viewRange()
            y0 = min(max(0.0, y0 + dy), max(0.0, n - k))
            self._vb.setYRange(y0, y0 + k, padding=0)

    def _ensure_visible(self, t0: float, t1: float, lanes: list[int]):
        x0, x1 = self.visible_range()
        if t0 >= x1 or t1 <= x0 or (t1 - t0 <= DAY + 1 and not (x0 <= t0 < x1)):
            span = x1 - x0
            c = (t0 + min(t1, t0 + DAY)) / 2 if t1 - t0 <= DAY + 1 else (t0 + t1) / 2
            if t1 - t0 > span:
                span = min(MAX_SPAN, (t1 - t0) * 1.2)
            self._vb.setXRange(c - span / 2, c + span / 2, padding=0)
        if lanes and self._lanes_overflow():
            _, (y0, y1) = self._vb.viewRange()
            ln = lanes[0]
            if not (y0 <= ln and ln + 1 <= y1):
                k = self._visible_lane_count()
                y = min(max(0.0, ln - k / 2), len(self._lanes) - k)
                self._vb.setYRange(y, y + k, padding=0)

    def _titles_for(self, ids) -> dict:
        missing = [i for i in ids if i not in self._titles]
        if missing and self._store is not None:
            self._titles.update(tstore.titles(self._store, missing))
            while len(self._titles) > 20000:
                self._titles.popitem(last=False)
        return {i: self._titles.get(i, "") for i in ids}

    def _clicked(self, pos: QPointF, double: bool):
        self.setFocus()
        self._ensure_painted()
        hit = self._item.hit(pos)
        if hit is None:
            return
        if hit[0] == "cluster":
            if double or True:
                t0, t1 = hit[1], hit[2]
                self.set_visible_range(t0, t1)
            return
        event_id = hit[1]
        self.select_event(event_id)
        self.eventClicked.emit(event_id)
        if double:
            self.eventActivated.emit(event_id)

    # -- keyboard -------------------------------------------------------------------------------
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
            self._zoom(0.6, (x0 + x1) / 2)
        elif k in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self._zoom(1 / 0.6, (x0 + x1) / 2)
        elif k == Qt.Key.Key_F:
            self.fit_all()
        elif k in (Qt.Key.Key_Home, Qt.Key.Key_End):
            t0s, ids, _ = self._index.order() if self._index is not None else (None, [], None)
            if len(ids):
                target = int(ids[0] if k == Qt.Key.Key_Home else ids[-1])
                self.select_event(target)
                self.eventClicked.emit(target)
        elif k in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._selected is not None:
                self.eventActivated.emit(self._selected)
        else:
            return False
        ev.accept()
        return True

    def _step(self, direction: int):
        if self._index is None or self._partial:
            return
        t0s, ids, _ = self._index.order()
        if not len(ids):
            return
        if self._selected is None or self._selected_info is None:
            x0, x1 = self.visible_range()
            k = int(np.searchsorted(t0s, x0, "left")) if direction > 0 else int(np.searchsorted(t0s, x1, "left")) - 1
        else:
            t = self._selected_info["t0"]
            k = int(np.searchsorted(t0s, t, "left"))
            # among equal t0, ids are sorted: find ours
            while k < len(ids) and t0s[k] == t and ids[k] != self._selected:
                k += 1
            if k >= len(ids) or ids[k] != self._selected:
                k = int(np.searchsorted(t0s, t, "left")) - (1 if direction < 0 else 0)
            else:
                k += direction
        k = min(max(k, 0), len(ids) - 1)
        target = int(ids[k])
        self.select_event(target)
        self.eventClicked.emit(target)

    def sizeHint(self) -> QSize:
        return QSize(900, 500)
