"""The one graphics item that paints the timeline's lanes: marks, bands, density strips, clusters, labels.

Per frame and per visible lane, it slices the index (`timeline_index.Index`) for the visible window and
either draws the marks themselves when few are visible (batched `drawPoints`, one path for the bands), or
a density strip (all lanes' strips go into ONE image) with "+N" cluster pills (cached pixmaps) when many
are. Marks drawn one by one stack in sub-rows inside their lane (`_stack_lanes`: tiles one window wide, a
greedy left-to-right layout with labels where few marks are, marks dealt out in turn where many are; the
same layout whatever the frame's start, so a pan shows what a fresh render shows). Each lane has as many
sub-rows as `lane_needs` measured for it (lanes of different heights: `Rows`, from the view's
`timeline_lanes.LaneLayout`); a tile's layout is kept for the next frames at the same zoom (`_tiles`). Titles are placed
greedily left to right per sub-row, each up to the next dot or band start of its sub-row (never over a
mark, never under the selected dot's ring); what has no room folds into a "+N" (double-click zooms into
it). Nothing here is proportional to the number of events in the database: only to what the viewport
shows.
"""
from __future__ import annotations

import math
from collections import OrderedDict

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QPixmap

from viewer.ui import timeline_axis
from viewer.ui.timeline_index import DAY, NCLS
from viewer.ui.timeline_lanes import MAX_SUB, STRIP_NEED, SUB_PX

POINTS_DETAIL_MAX = 220         # per lane: more visible points than this -> density strip + clusters
BANDS_DETAIL_MAX = 60           # per lane: more visible bands than this -> coverage strip
LABEL_PX_PER_MARK = 26          # label a lane only when it has at least this many pixels per mark
LABEL_MAX_PX = 230.0            # longest label; longer titles are elided
BIN_PX = 3                      # density strip resolution
CLUSTER_PX = 110                # one "+N" pill per this many pixels at most
CALLOUT_MAX_PX = 340.0          # the selected event's callout: its title elided to this at the longest
CALLOUT_MIN_PX = 60.0           # ... and no callout with less room than this for its text
LABEL_GAP = 10                  # a label starts this far right of its dot (clear of the selection ring)
NEED_MARGIN = 0.25              # a quarter of a window on either side may add a sub-row to a stacked lane (lane_needs)
STACK_GAP = 8                   # pixels between two marks (with their labels) in one sub-row

BG = QColor("#ffffff")
LANE_ALT = QColor("#f5f7fa")
LANE_LINE = QColor("#e3e7ed")
TEXT = QColor("#1f2933")
MUTED = QColor("#7b8794")
SELECT = QColor("#111827")
GRID = QColor(0, 0, 0, 16)       # the faint grid lines at the axis's labelled ticks
SHADE = QColor(17, 24, 39)       # guides, rings and the scroll thumb (used with an alpha of its own)
BOX = QColor("#ffffff")          # the callout's and the "loading" note's box
BOX_BORDER = QColor("#9aa5b1")
# (the theme, viewer/ui/theme.py, sets these for light and dark)


def _shade(alpha: int) -> QColor:
    c = QColor(SHADE)
    c.setAlpha(alpha)
    return c


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


def combined_needs(seen: np.ndarray, around: np.ndarray) -> np.ndarray:
    """The sub-rows each lane is given from what its view needs (``seen``) and what the view and a margin
    on either side need (``around``): the margin counts only for a lane that stacks in view already (needs
    more than one sub-row there), and only when it adds at most one sub-row; else the view decides."""
    seen = np.asarray(seen, dtype=np.int64)
    around = np.maximum(np.asarray(around, dtype=np.int64), seen)
    return np.where((seen > 1) & (around <= seen + 1), around, seen)


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
    return QColor(int(color.red() * 0.16 + BG.red() * 0.84), int(color.green() * 0.16 + BG.green() * 0.84),
                  int(color.blue() * 0.16 + BG.blue() * 0.84), 240)


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


class Rows:
    """The lanes of one frame in ViewBox pixels: lane ``r`` spans ``tops[r]`` to ``tops[r + 1]``, stacks its
    marks in ``nsub[r]`` sub-rows and keeps ``pad[r]`` of its height around them (half above, half below)."""

    __slots__ = ("tops", "nsub", "pad", "key")

    def __init__(self, tops: np.ndarray, nsub: np.ndarray, pad: np.ndarray):
        self.tops, self.nsub, self.pad = tops, nsub, pad
        self.key = (tops.tobytes(), nsub.tobytes(), pad.tobytes())

    def __len__(self) -> int:
        return len(self.nsub)

    def visible(self, h: float) -> tuple[int, int]:
        """(first, last) rows that show in a view ``h`` pixels tall (last < first: none)."""
        n = len(self.nsub)
        if not n:
            return 0, -1
        first = max(0, int(np.searchsorted(self.tops, 0.0, "right")) - 1)
        last = min(n - 1, int(np.searchsorted(self.tops, h, "left")) - 1)
        return first, last

    def row_at(self, y: float) -> int:
        """The lane at ``y`` in ViewBox pixels, -1 outside every lane."""
        k = int(np.searchsorted(self.tops, y, "right")) - 1
        return k if 0 <= k < len(self) else -1

    def top(self, r: int) -> float:
        return float(self.tops[r])

    def height(self, r: int) -> float:
        return float(self.tops[r + 1] - self.tops[r])

    def centre(self, r: int) -> float:
        return float(self.tops[r] + self.tops[r + 1]) / 2

    def sub_top(self, r: int) -> float:
        """Where the first sub-row of lane ``r`` starts."""
        return float(self.tops[r] + self.pad[r] / 2)

    def pitch(self, r: int) -> float:
        """The height of one of lane ``r``'s sub-rows."""
        return (self.height(r) - float(self.pad[r])) / int(self.nsub[r])


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
        sample = "Russia held talks with Ukraine on the front line; officials said 2024"
        self._char_px = self.fm.horizontalAdvance(sample) / len(sample)
        self._text_cache: OrderedDict = OrderedDict()   # (text, row parity) -> QPixmap
        self._pill_cache: OrderedDict = OrderedDict()   # (text, colour) -> QPixmap
        self._tool_cache: dict = {}                      # colour -> brushes and pen of its marks
        self._width_cache: OrderedDict = OrderedDict()   # event id -> its label's width in pixels
        self._px_cache: OrderedDict = OrderedDict()      # label text -> its width in pixels
        self._elide_cache: OrderedDict = OrderedDict()   # (text, room) -> the text shortened to fit
        self._tile_cache: OrderedDict = OrderedDict()    # (lane, tile) -> its layout in sub-rows (see _tiles)
        self._tile_stamp = None                          # (index, data version, span, labels) it is for
        self._badges: list = []     # (rectangle, t0, t1) of the labels' "+N" badges in the window
        self._label_texts: list = []   # (row, rectangle, text, folded) of the titles in the window
        # what the last frame drew (hits, label rectangles, callout), where it was rendered; _off: how
        # far that is from the window (a pan over the canvas rendered ahead); see hits, label_rects
        self._frame = None
        self._off = 0.0
        self._off_exact = 0.0
        self._labels = ([], None)   # (label rectangles, callout) of the last frame, in the window
        self._callout_marks = None  # (lefts, rights) of what the callout's sub-row draws: its "+N" keeps clear
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
            if len(cache) > 8000:
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

    def _text_px(self, text: str) -> float:
        """A label text's width in pixels (measured once per text)."""
        got = self._px_cache.get(text)
        if got is None:
            got = self._px_cache[text] = math.ceil(self.fm.horizontalAdvance(text))
            if len(self._px_cache) > 20000:
                self._px_cache.popitem(last=False)
        return got

    def _elided(self, text: str, room: float) -> str:
        """``text`` shortened with "…" to fit ``room`` pixels, in steps of 16 pixels (so that zooming
        does not make a new shortened label on every frame)."""
        step = max(0, int(room // 16) * 16)
        key = (text, step)
        got = self._elide_cache.get(key)
        if got is None:
            got = self._elide_cache[key] = self.fm.elidedText(text, Qt.TextElideMode.ElideRight, step)
            if len(self._elide_cache) > 20000:
                self._elide_cache.popitem(last=False)
        return got

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

    def forget_renderings(self) -> None:
        """The theme changed: every cached label, pill and dot is drawn again in its colours."""
        self._text_cache.clear()
        self._pill_cache.clear()
        self._tool_cache.clear()
        self._canvas = None
        self.update()

    def forget_titles(self) -> None:
        """Another database (or edited titles): the labels' widths are measured again."""
        self._width_cache.clear()
        self._tile_cache.clear()

    def _label_widths(self, ids) -> np.ndarray:
        """About the width in pixels of each event's label (its title, elided as the labels are): the
        number of characters times the font's average advance, which is all the stacking needs."""
        cache = self._width_cache
        missing = [i for i in ids if i not in cache]
        if missing:
            titles = self.view._titles_for(missing, elide=(self.fm, LABEL_MAX_PX))
            per = self._char_px
            for i in missing:
                cache[i] = min(LABEL_MAX_PX, len(titles.get(i, "")) * per) + 6
            while len(cache) > 20000:
                cache.popitem(last=False)
        return np.array([cache[i] for i in ids], dtype=np.float64)

    def label_px(self, ids) -> np.ndarray:
        """The width in pixels of each event's label as the lanes draw it whole (its title, elided at
        LABEL_MAX_PX, on its backdrop): what Fit all leaves room for."""
        titles = self.view._titles_for(list(ids), elide=(self.fm, LABEL_MAX_PX))
        return np.array([self._text_px(titles.get(i, "")) + 4 for i in ids], dtype=np.float64)

    def _stack_lanes(self, idx, detail, sx, window_w, nsub, pitch, backdrops=True) -> list:
        """Sub-rows for the bands and points the frame draws, every lane at once: [(sub-row per band,
        sub-row per point)] in the order of ``detail``; ``nsub``: how many sub-rows each entry of
        ``detail`` has (or one number for all); ``backdrops``: False puts dates longer than a window in
        the first sub-row (what a lane needs is measured without them: they go wherever there is room).

        Time is cut in tiles one window wide (at multiples of the window's span: the layout does not
        depend on where the frame starts, so a pan shows what a fresh render shows). A tile with few
        enough marks for labels is laid out mark by mark, left to right (see _stack_tiles). A crowded
        tile (no labels there) deals its marks out in turn, by their rank in the tile. A date longer than
        a window is a backdrop: its sub-row follows from its id. All in numpy but the few labelled tiles."""
        span = window_w / sx                    # a window's span in seconds
        cap = window_w / LABEL_PX_PER_MARK      # a tile with more marks than this is dealt out in turn
        parts, sizes = [], []
        per_entry = np.broadcast_to(np.asarray(nsub, dtype=np.int64), (len(detail),))
        lane_nsub = {}
        for (_row, lane, _top, _colour, band_sl, point_sl), k in zip(detail, per_entry.tolist()):
            lane_nsub[lane] = k
            for sl in (band_sl, point_sl):
                if sl is not None:
                    parts.append(sl)
                sizes.append(0 if sl is None else len(sl))
        if not parts:
            return [(None, None)] * len(detail)
        pos = np.concatenate(parts)
        nsub_of = np.repeat(per_entry, np.asarray(sizes).reshape(-1, 2).sum(axis=1))
        seg = np.searchsorted(idx.offsets, pos, "right") - 1          # each mark's (lane, class) segment
        lane_of = seg // NCLS
        t0 = idx.t0[pos]
        tiles = np.floor(t0 / span).astype(np.int64)
        # (lane, tile) pairs, and in every segment of each pair's lane where the tile starts and ends
        key = lane_of.astype(np.int64) * (1 << 40) + (tiles + (1 << 39))
        ukey, inverse = np.unique(key, return_inverse=True)
        u_lane = ukey >> 40
        u_tile = (ukey & ((1 << 40) - 1)) - (1 << 39)
        segs = u_lane[:, None] * NCLS + np.arange(NCLS)[None, :]
        starts = idx.positions(segs, (u_tile * span)[:, None])
        ends = idx.positions(segs, ((u_tile + 1) * span)[:, None])
        counts = (ends - starts).sum(axis=1)
        rank = pos - starts[inverse, seg - u_lane[inverse] * NCLS]
        sub = (rank + (seg % NCLS > 0)) % nsub_of
        long_ = (idx.t1[pos] - t0) > max(span, DAY + 1)
        if long_.any():
            sub = np.where(long_, idx.eid[pos] % nsub_of if backdrops else 0, sub)
        labelled = counts <= cap
        if labelled.any():
            cand, placed = self._tiles(idx, u_lane[labelled], u_tile[labelled], starts[labelled], ends[labelled],
                                       span, sx, lane_nsub, pitch)
            if len(cand):
                mine = np.flatnonzero(labelled[inverse] & ~long_)
                k = np.minimum(np.searchsorted(cand, pos[mine]), len(cand) - 1)
                found = cand[k] == pos[mine]
                sub[mine[found]] = placed[k[found]]
        sub = sub.astype(np.int64)
        out, at = [], 0
        for j in range(len(detail)):
            nb, npt = sizes[2 * j], sizes[2 * j + 1]
            band_sub = sub[at:at + nb] if detail[j][4] is not None else None
            point_sub = sub[at + nb:at + nb + npt] if detail[j][5] is not None else None
            out.append((band_sub, point_sub))
            at += nb + npt
        return out

    def _tiles(self, idx, lanes, tiles, starts, ends, span, sx, lane_nsub, pitch) -> tuple:
        """`_stack_tiles` for these (lane, tile) pairs, each tile's layout kept for the next frames at this
        zoom (measuring the lanes' heights and painting them lay out the same tiles). A tile laid out in
        ``n`` sub-rows that used fewer (``used``) is laid out the same in any number from ``used`` up:
        first-fit never reached the others."""
        stamp = self._tile_stamp
        if stamp is None or stamp[0] is not idx or stamp[1:] != (self.view._data_version, span, pitch >= 15):
            self._tile_cache.clear()
            self._tile_stamp = (idx, self.view._data_version, span, pitch >= 15)
        cache = self._tile_cache
        got, missing = [], []
        for k, key in enumerate(zip(lanes.tolist(), tiles.tolist())):
            hit = cache.get(key)
            n = lane_nsub[key[0]]
            if hit is not None and (hit[2] == n or hit[3] < hit[2] and hit[3] <= n):
                got.append(hit)
            else:
                missing.append(k)
        if missing:
            m = np.asarray(missing, dtype=np.int64)
            cand, placed = self._stack_tiles(idx, starts[m], ends[m], span, sx, lane_nsub, pitch)
            ck = ((np.searchsorted(idx.offsets, cand, "right") - 1) // NCLS).astype(np.int64) * (1 << 40) \
                + (np.floor(idx.t0[cand] / span).astype(np.int64) + (1 << 39))
            order = np.argsort(ck, kind="stable")
            ck = ck[order]
            for k in missing:
                lane, tile = int(lanes[k]), int(tiles[k])
                want = lane * (1 << 40) + tile + (1 << 39)
                a, b = np.searchsorted(ck, want, "left"), np.searchsorted(ck, want, "right")
                mine = order[a:b]
                c, q = cand[mine], placed[mine]
                entry = (c, q, lane_nsub[lane], int(q.max()) + 1 if len(q) else 0)
                cache[(lane, tile)] = entry
                got.append(entry)
            while len(cache) > 6000:
                cache.popitem(last=False)
        if not got:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        cand = np.concatenate([g[0] for g in got])
        placed = np.concatenate([g[1] for g in got])
        order = np.argsort(cand)
        return cand[order], placed[order]

    def _stack_tiles(self, idx, starts, ends, span, sx, lane_nsub, pitch) -> tuple:
        """(positions in the index, their sub-rows) for every mark of the tiles whose [start, end) positions
        per segment are given (few marks each), laid out left to right with their labels; ``lane_nsub``:
        {lane number: its sub-rows}."""
        none = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
        ranges = [np.arange(a, b) for a, b in zip(starts.ravel().tolist(), ends.ravel().tolist()) if b > a]
        if not ranges:
            return none
        cand = np.sort(np.concatenate(ranges))
        t0, t1 = idx.t0[cand], idx.t1[cand]
        dur = t1 - t0
        keep = dur <= np.maximum(span, DAY + 1)
        if not keep.all():
            cand, t0, t1, dur = cand[keep], t0[keep], t1[keep], dur[keep]
            if not len(cand):
                return none
        eid = idx.eid[cand]
        is_pt = dur <= DAY + 1
        r = (DOT_RADIUS + 1) / sx
        mid = t0 + np.minimum(dur, DAY) * 0.5
        wide = is_pt & (dur * sx > 14)
        dot = is_pt & ~wide
        left = np.where(dot, mid - r, t0)
        right = np.where(dot, mid + r, t1)
        lane = (np.searchsorted(idx.offsets, cand, "right") - 1) // NCLS
        tile = lane.astype(np.int64) * (1 << 40) + np.floor(t0 / span).astype(np.int64)
        reach = right
        if pitch >= 15:
            start = np.where(is_pt, np.where(wide, np.maximum(mid + LABEL_GAP / sx, t1 + 3 / sx),
                                             mid + LABEL_GAP / sx), t0 + 3 / sx)
            reach = np.maximum(right, start + self._label_widths(eid.tolist()) / sx)
        order = np.lexsort((eid, left, tile))
        gap = STACK_GAP / sx
        out = np.zeros(len(cand), dtype=np.int64)       # by place in `order`
        tile_o = tile[order]
        left_o, reach_o, right_o = left[order], reach[order] + gap, right[order] + gap / 4
        # a tile where no mark (with its label) reaches the next one: all in the first sub-row
        bounds = np.flatnonzero(np.r_[True, tile_o[1:] != tile_o[:-1], True])
        lane_o = lane[order]
        for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
            if b - a == 1 or bool((left_o[a + 1:b] >= np.maximum.accumulate(reach_o[a:b - 1])).all()):
                continue                    # all in the first sub-row
            nsub = lane_nsub[int(lane_o[a])]
            rng = range(nsub)
            free = [-1e300] * nsub          # where each sub-row is free again (marks and labels)
            mark_free = [-1e300] * nsub     # where its last mark ends
            for q, x0, x1, m in zip(range(a, b), left_o[a:b].tolist(), reach_o[a:b].tolist(),
                                    right_o[a:b].tolist()):
                k = next((k for k in rng if free[k] <= x0), None)
                if k is None:
                    # no sub-row has room for the label: the one where its mark fits and the label has
                    # the most room (it is shortened there), else the one that frees up first
                    fits = [k for k in rng if mark_free[k] <= x0]
                    k = min(fits, key=free.__getitem__) if fits else min(rng, key=mark_free.__getitem__)
                    x1 = m
                out[q] = k
                if x1 > free[k]:
                    free[k] = x1
                if m > mark_free[k]:
                    mark_free[k] = m
        placed = np.empty(len(cand), dtype=np.int64)
        placed[order] = out
        return cand, placed

    def lane_needs(self, vx0: float, vx1: float, w: float) -> np.ndarray:
        """How many sub-rows (1..MAX_SUB) each shown lane needs for what lies between ``vx0`` and ``vx1``
        (the window, ``w`` pixels wide): the sub-rows its marks and labels there take when stacked as the
        frames stack them (the same tiles, the same greedy layout), ``STRIP_NEED`` for a lane drawn as a
        density strip, 1 for a lane with nothing there. What is in view decides (`combined_needs`): the
        marks a quarter of a window on either side (NEED_MARGIN) add at most one sub-row, and only to a lane
        that stacks in view already, so that its height holds while the window moves a little; a lane
        whose view needs one sub-row is one sub-row tall. Dates longer than a window do not count (they go
        wherever there is room). Nothing here is proportional to the database: per lane, a few binary
        searches, and the stacking of the marks drawn one by one."""
        view = self.view
        idx = view._index
        rows = view._shown
        needs = np.ones(len(rows), dtype=np.int64)
        if idx is None or not rows or vx1 <= vx0 or w < 4:
            return needs
        sx = w / (vx1 - vx0)
        margin = (vx1 - vx0) * NEED_MARGIN
        a, b = vx0 - margin, vx1 + margin
        per = (b - a) / (vx1 - vx0)
        partial = view._partial
        seen = np.ones(len(rows), dtype=np.int64)      # what the view alone needs
        detail = []
        for row, lane in enumerate(rows):
            band_sl = point_sl = None
            n_bands = 0 if partial else idx.count_bands(lane, a, b)
            if n_bands:
                n_seen = idx.count_bands(lane, vx0, vx1)
                if n_seen > BANDS_DETAIL_MAX:
                    needs[row] = seen[row] = STRIP_NEED
                else:
                    if n_bands > BANDS_DETAIL_MAX * per:   # a strip on either side: the view's bands alone
                        needs[row] = STRIP_NEED
                        sl = idx.bands_window(lane, vx0, vx1)
                    else:
                        sl = idx.bands_window(lane, a, b)
                    band_sl = sl if len(sl) else None
            lo, hi = idx.window(lane, 0, a, b)
            if hi > lo:
                vlo, vhi = idx.window(lane, 0, vx0, vx1)
                if partial or vhi - vlo > POINTS_DETAIL_MAX:
                    needs[row] = seen[row] = STRIP_NEED
                else:
                    if hi - lo > POINTS_DETAIL_MAX * per:  # a strip on either side: the view's marks alone
                        needs[row] = STRIP_NEED
                        lo, hi, a_, b_ = vlo, vhi, vx0, vx1
                    else:
                        a_, b_ = a, b
                    sl = np.arange(lo, hi)
                    keep = (idx.t1[sl] > a_) & (idx.t0[sl] < b_)
                    point_sl = sl[keep] if keep.any() else None
            if band_sl is not None or point_sl is not None:
                detail.append((row, lane, None, None, band_sl, point_sl))
        if detail:
            subs = self._stack_lanes(idx, detail, sx, w, MAX_SUB, SUB_PX, backdrops=False)
            for (row, _lane, _t, _c, band_sl, point_sl), (band_sub, point_sub) in zip(detail, subs):
                for sl, q in ((band_sl, band_sub), (point_sl, point_sub)):
                    if sl is None or q is None or not len(q):
                        continue
                    needs[row] = max(needs[row], int(q.max()) + 1)
                    inside = (idx.t1[sl] > vx0) & (idx.t0[sl] < vx1)
                    if inside.any():
                        seen[row] = max(seen[row], int(q[inside].max()) + 1)
        return combined_needs(np.minimum(seen, MAX_SUB), np.minimum(needs, MAX_SUB))

    def lane_geometry(self) -> Rows:
        """The lanes in ViewBox pixels (the view's `LaneLayout` seen through its vertical scroll)."""
        lay = self.view._lane_layout
        _, (y0, y1) = self.vb.viewRange()
        scale = self.vb.height() / max(1e-9, (y1 - y0))
        return Rows((lay.offsets - y0) * scale, lay.nsub, lay.pad * scale)

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
        geo = self.lane_geometry()
        # what the lanes' drawing depends on, but for where the window starts: while it stays the same,
        # a pan only moves an image rendered ahead of time
        key = (view._content_version, id(idx), id(view._shown), id(view._lane_colors), view.view_state.selected,
               id(view._selected_info), view._generation, sx, w, h, geo.key)
        canvas = self._canvas
        if self.vector or view._partial:
            self._canvas = None
            self._render(p, vx0, w, h, sx, geo)
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
                self._render(q, cx0, width, h, sx, geo, w)
            finally:
                q.end()
            canvas = self._canvas = (key, cx0, width, pm, self._frame)
            self._blit(p, canvas, (vx0 - cx0) * sx, w, h)
        else:
            self._canvas = None
            self._render(p, vx0, w, h, sx, geo)
            self._off = 0.0
        self._last_key = key
        # what changes without the lanes changing, drawn over them on every frame: labels (placed for the
        # window, not for the canvas, so they read the same however the frame was made), the callout,
        # the selection, the hover ring
        hits = self.hits
        first, last = geo.visible(h)
        # the selection's guide and frame go under the labels (a frame never cuts a title), its dot's
        # ring over them (labels keep clear of it)
        self._paint_selection(p, geo, first, last, vx0, sx, w, h, rings=False)
        callout = self._paint_overlay_labels(p, vx0, sx, w, geo, first, last)
        self._paint_selection(p, geo, first, last, vx0, sx, w, h, frames=False)
        self._paint_callout(p, callout)
        if view._partial:
            text = "loading events\u2026"
            tw = self.fm.horizontalAdvance(text) + 16
            self._boxed_text(p, QRectF(w - tw - 6, h - 24, tw, 18), 9, LANE_LINE, 235, self.font, MUTED, text)
        if hits is not None:
            self._paint_hover(p, hits[0], hits[1])
        self._paint_scroll_hint(p, geo, w, h)

    def _paint_overlay_labels(self, p, vx0, sx, w, geo, first, last):
        """Titles for the marks of the window (from the label sources of the last render, moved to the
        window and cut to what it shows), and the selected event's callout."""
        self._labels = ([], None)
        self._badges = []
        self._label_texts = []
        if self._frame is None:
            return None
        off = self._off_exact if self._off else 0.0
        labels = []
        # which marks of each source are in the window; a sub-row with too many for labels is passed over
        found, counts = [], {}
        for source in self._frame[1]:
            row, cy, x0s, x1s = source[:4]
            inside = np.flatnonzero((x1s > off) & (x0s < w + off))
            if len(inside):
                found.append((source, inside))
                key = (row, round(cy, 2))
                # dates that began before the window share its left edge: one label between them
                n = len(inside) if source[6] else int((x0s[inside] >= off).sum()) + 1
                counts[key] = counts.get(key, 0) + n
        for (row, cy, x0s, x1s, starts, ids, is_pt, lefts, rights, ts0, ts1), inside in found:
            if counts[(row, round(cy, 2))] * LABEL_PX_PER_MARK > w:
                continue
            if is_pt:
                start = starts[inside] - off
            else:
                start = np.maximum(x0s[inside] - off, 0.0) + 3
            labels.append((row, cy, start, ids[inside], is_pt, lefts[inside] - off, rights[inside] - off,
                           ts0[inside], ts1[inside]))
        callout = self._callout(geo, first, last, vx0, sx, w)
        self._labels = ([], callout)
        self._paint_labels(p, labels, w, geo, callout)
        return callout

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
        self._off_exact = off          # labels are placed at the exact offset (as a fresh render would)

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
        (pts, bands, pills, geo, nothing), labels = frame
        moved = (([(xs - off, cy, ids, row) for xs, cy, ids, row in pts],
                  [(a - off, b - off, y0, y1, ids, row) for a, b, y0, y1, ids, row in bands],
                  [(r.translated(-off, 0), t0, t1) for r, t0, t1 in pills], geo, nothing), labels)
        self._shift_cache = (frame, off, moved)
        return moved

    @property
    def hits(self):
        """(points, bands, pills, lanes (`Rows`), None) the last frame drew, for hit testing; None when none."""
        got = self._shifted()
        return None if got is None else got[0]

    @property
    def label_rects(self):
        """(row, rectangle) of every label the last frame drew, "+N" included."""
        return self._labels[0]

    @property
    def label_texts(self):
        """(row, rectangle, text, how many it folds) of every title the last frame drew."""
        return list(self._label_texts)

    @property
    def badges(self):
        """(rectangle, t0, t1) of the "+N" badges of the labels the last frame drew (double-click zooms)."""
        return list(self._badges)

    @property
    def callout(self):
        """(row, rectangle, text) of the selected event's callout, if the last frame drew one."""
        return self._labels[1]

    def _render(self, p: QPainter, vx0: float, w: float, h: float, sx: float, geo: Rows,
                window: float | None = None):
        """The lanes for the window that starts at ``vx0`` and is ``w`` pixels wide at ``sx`` pixels per
        second (``window``: the width of the window it is rendered for), painted at x = 0 (labels aside: see
        _paint_overlay_labels), its lanes where ``geo`` says; what it drew becomes ``self._frame`` = (hits,
        label sources), in those coordinates."""
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
        first, last = geo.visible(h)
        tops = np.round(geo.tops).tolist()
        hits_pts, hits_bands, hits_pills, labels = [], [], [], []
        # lane stripes, separators and grid: axis-aligned, on whole pixels, without antialiasing (with it,
        # a 1-pixel line across the window is blended over two rows, several times slower)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for row in range(first, last + 1):
            if row % 2:
                p.fillRect(QRectF(0, tops[row], w, tops[row + 1] - tops[row]), LANE_ALT)
        p.setPen(QPen(LANE_LINE, 1))
        p.drawLines([QLineF(0, tops[row], w, tops[row]) for row in range(first, min(last + 2, len(tops)))])
        self._paint_grid(p, w, h, vx0, vx1, sx)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)

        nb = max(1, int(math.ceil(w / BIN_PX)))
        edges = np.linspace(vx0, vx0 + nb * BIN_PX / sx, nb + 1)
        strips = []        # (y0, y1, counts, colour, strong)
        pills = []         # (row, counts)
        partial = view._partial
        detail = []        # (row, lane, top, colour, bands, points) of the lanes drawn mark by mark
        for row in range(first, last + 1):
            lane = rows[row]
            top, lh = geo.top(row), geo.height(row)
            cy = top + lh * 0.5
            color = view._lane_colors[lane]
            band_sl = None
            # ---- vague dates: bands, or a coverage strip when too many ----------------------
            n_bands = 0 if partial else idx.count_bands(lane, vx0, vx1)
            if n_bands and n_bands <= bands_max and (window is None or
                                                     idx.count_bands(lane, wx0, wx1) <= BANDS_DETAIL_MAX):
                sl = idx.bands_window(lane, vx0, vx1)
                if len(sl):
                    band_sl = sl
            elif n_bands:
                strips.append((cy - _half(lh, 0.3), cy + _half(lh, 0.3), idx.band_cover(lane, edges), color, False))
            # ---- precise dates: points, or a density strip with clusters when too many -------
            point_sl = None
            lo, hi = idx.window(lane, 0, vx0, vx1)
            n_pts = hi - lo
            if n_pts and n_pts <= points_max and not partial and (
                    window is None or _width(idx.window(lane, 0, wx0, wx1)) <= POINTS_DETAIL_MAX):
                sl = np.arange(lo, hi)
                keep = (idx.t1[sl] > vx0) & (idx.t0[sl] < vx1)
                if keep.any():
                    point_sl = sl[keep]
            elif n_pts:
                counts = idx.point_counts(lane, edges)
                strips.append((cy - _half(lh, 0.18), cy + _half(lh, 0.18), counts, color, True))
                pills.append((row, counts, color))
            if band_sl is not None or point_sl is not None:
                detail.append((row, lane, top, color, band_sl, point_sl))
        # the sub-rows of every lane drawn mark by mark, in one go (see stack_lanes)
        nsubs = [int(geo.nsub[q[0]]) for q in detail]
        subs = self._stack_lanes(idx, detail, sx, window or w, nsubs, SUB_PX) if max(nsubs, default=1) > 1 else None
        for k_lane, (row, lane, _top, color, band_sl, point_sl) in enumerate(detail):
            nsub, pitch, top = nsubs[k_lane], geo.pitch(row), geo.sub_top(row)
            bx0 = bx1 = xs = pts0 = pts1 = None
            if band_sl is not None:
                bx0 = np.maximum((idx.t0[band_sl] - vx0) * sx, self._pad_lo)
                bx1 = np.maximum(np.minimum((idx.t1[band_sl] - vx0) * sx, w + self._pad_hi), bx0 + 2)
            if point_sl is not None:
                pts0, pts1 = idx.t0[point_sl], idx.t1[point_sl]
                xs = (pts0 + np.minimum(pts1 - pts0, DAY) * 0.5 - vx0) * sx
            if subs is not None:
                band_sub, point_sub = subs[k_lane]
            else:
                band_sub = None if band_sl is None else np.zeros(len(band_sl), dtype=np.int64)
                point_sub = None if point_sl is None else np.zeros(len(point_sl), dtype=np.int64)
            if nsub > 1 and point_sl is not None:      # every sub-row's dots in one go
                self._paint_points(p, xs, pts0, pts1, top + (point_sub + 0.5) * pitch, color, vx0, sx)
            for k in range(nsub):
                ktop = top + k * pitch
                kcy = ktop + pitch * 0.5
                if band_sl is not None:
                    pick = band_sub == k
                    if pick.any():
                        sl, a, b = band_sl[pick], bx0[pick], bx1[pick]
                        self._paint_bands(p, idx, sl, color, ktop, pitch, vx0, sx, w)
                        hits_bands.append((a, b, kcy - _half(pitch, 0.26), kcy + _half(pitch, 0.26), idx.eid[sl], row))
                        # what other labels keep clear of: a band's start (a label may lie over a band,
                        # as over a date that spans the whole window, never over its beginning or a dot)
                        labels.append((row, kcy, a, b, None, idx.eid[sl], False, a - 1.5, a + 1.5,
                                       idx.t0[sl], idx.t1[sl]))
                if point_sl is not None:
                    pick = point_sub == k
                    if pick.any():
                        sl, t0, t1, x = point_sl[pick], pts0[pick], pts1[pick], xs[pick]
                        if nsub == 1:
                            self._paint_points(p, x, t0, t1, kcy, color, vx0, sx)
                        hits_pts.append((x, kcy, idx.eid[sl], row))
                        # a label starts right of its dot, or of its day's bar when the day is wider than a dot
                        ends = (t1 - vx0) * sx
                        starts = np.where((t1 - t0) * sx > 14, np.maximum(x + LABEL_GAP, ends + 3), x + LABEL_GAP)
                        wide = (t1 - t0) * sx > 14
                        lefts = np.where(wide, (t0 - vx0) * sx, x - DOT_RADIUS - 1)
                        rights = np.where(wide, ends, x + DOT_RADIUS + 1)
                        labels.append((row, kcy, (t0 - vx0) * sx, ends, starts, idx.eid[sl], True, lefts, rights,
                                       t0, t1))
        self._paint_strips(p, strips, nb, w, h)
        for row, counts, color in pills:
            hits_pills += self._paint_pills(p, counts, edges, geo.centre(row), geo.height(row), w, nb, color)
        self._frame = ((hits_pts, hits_bands, hits_pills, geo, None), labels)
        self._off = 0.0

    def _paint_hover(self, p, hits_pts, hits_bands):
        """A ring around the event under the mouse (in every lane it appears in)."""
        hovered = self.view._hovered
        if not hovered or hovered[0] != "event" or self.vector:
            return
        event_id = hovered[1]
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(_shade(150), 1.5))
        for xs, cy, ids, _row in hits_pts:
            for k in np.flatnonzero(ids == event_id).tolist():
                p.drawEllipse(QPointF(float(xs[k]), cy), 6.5, 6.5)
        for bx0, bx1, y0, y1, ids, _row in hits_bands:
            for k in np.flatnonzero(ids == event_id).tolist():
                p.drawRect(QRectF(float(bx0[k]), y0 - 1, float(bx1[k] - bx0[k]), y1 - y0 + 2))

    def _paint_scroll_hint(self, p, geo, w, h):
        """When the lanes do not all fit: a thin scroll thumb on the right (drag or Shift+wheel scrolls)."""
        if not len(geo):
            return
        top0 = float(geo.tops[0])
        total = float(geo.tops[-1]) - top0
        if total <= h + 1:
            return
        thumb_h = max(24.0, h * h / total)
        y = (-top0) / (total - h) * (h - thumb_h) if total > h else 0.0
        # plain rectangles: an antialiased rounded one the height of the view costs milliseconds a frame
        p.fillRect(QRectF(w - 7, 2, 5, h - 4), _shade(20))
        p.fillRect(QRectF(w - 7, 2 + y * (h - 4) / h, 5, thumb_h * (h - 4) / h), _shade(90))

    def _paint_grid(self, p, w, h, vx0, vx1, sx):
        """Faint vertical lines at the axis's labelled ticks (the same calendar step as the axis)."""
        values = timeline_axis.major_ticks(vx0, vx1, w)
        if not values:
            return
        p.setPen(QPen(GRID, 1))
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
        ``t0`` is sorted (the index keeps a lane's points by start); ``cy``: the centre line, one for
        all or one per point (sub-rows)."""
        per_point = isinstance(cy, np.ndarray)
        widths = (t1 - t0) * sx
        wide = widths > 14
        if wide.any():
            # a day (or hour) wider than a dot: its extent as a thin bar, drawn once per distinct extent
            w0, w1 = t0[wide], t1[wide]
            ys = cy[wide] if per_point else np.full(len(w0), float(cy))
            first = _first_of_runs(w0 + ys * 1e-3) if per_point else _first_of_runs(w0)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self._tools(color)[2])
            x0s = (w0[first] - vx0) * sx
            ws = (w1[first] - w0[first]) * sx
            if self.vector:
                x1s = np.minimum(x0s + ws, self._w)
                x0s = np.maximum(x0s, 0.0)
                ws = np.maximum(x1s - x0s, 0.0)
            p.drawRects([QRectF(a, y - DAY_BAR_HALF, b, 2 * DAY_BAR_HALF)
                         for a, b, y in zip(x0s.tolist(), ws.tolist(), ys[first].tolist())])
        if self.vector:            # SVG export: real circles (inside the plot: no clipping there)
            inside = (xs >= 4.5) & (xs <= self._w - 4.5)
            ys = cy[inside] if per_point else np.full(int(inside.sum()), float(cy))
            for x, y in zip(xs[inside].tolist(), ys.tolist()):
                draw_dot(p, QPointF(x, y), color)
            return
        pm = self._dot_pixmap(color)
        r = pm.width() / 2
        draw = p.drawPixmap
        # whole pixels (an untransformed blit lands on whole pixels anyway), so no QPointF per dot;
        # dots on the same pixel as the one before are drawn once
        px = np.rint(xs - r).astype(np.int64)
        if per_point:
            py = np.rint(cy - r).astype(np.int64)
            # each place once (two dots a pixel apart look as one: every other column is enough)
            _, keep = np.unique((px >> 1) * 65536 + py, return_index=True)
            for x, y in zip(px[keep].tolist(), py[keep].tolist()):
                draw(x, y, pm)
            return
        top = round(cy - r)
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

    def _paint_labels(self, p, labels, w, geo, callout=None):
        """Greedy, left to right per sub-row: a label where it fits, up to the next mark of its sub-row
        (shortened to the room there is), else folded into the "+N" of the label before it. Near the right
        edge a label may go on its mark's left, if no mark or label is there. The selected event's callout
        is occupied space: in its sub-row no label starts under it, a label running into it is shortened
        (or left out when too little of it would remain), and the selected event's own label there is
        the callout."""
        rects = self._labels[0]     # (row, rectangle) of every label drawn, "+N" included
        if not labels:
            return
        view = self.view
        groups: dict = {}
        for row, cy, xs, ids, is_pt, lefts, rights, t0s, t1s in labels:
            if geo.pitch(row) < 15:
                continue                # no room for a line of text
            groups.setdefault((row, round(cy, 2)), []).append((cy, xs, ids, is_pt, lefts, rights, t0s, t1s))
        # the groups with few enough marks for labels, all in one set of arrays (a group's number lifts
        # its coordinates apart from the others', so that one search serves every group)
        kept = []
        for (row, _), parts in groups.items():
            n = sum(len(q[1]) for q in parts)
            edge = sum(int((q[1] <= 3.01).sum()) for q in parts if not q[3])     # bands begun before the window
            if (n - max(0, edge - 1)) * LABEL_PX_PER_MARK <= w:
                kept.append((row, parts))
        if not kept:
            return
        flat = [q for _, parts in kept for q in parts]
        sizes = [len(q[1]) for q in flat]
        gid = np.repeat(np.repeat(np.arange(len(kept)), [len(parts) for _, parts in kept]), sizes)
        xs, ids, lefts, rights, t0s, t1s = (np.concatenate([q[k] for q in flat]) for k in (1, 2, 4, 5, 6, 7))
        is_pt = np.repeat(np.array([q[3] for q in flat], dtype=bool), sizes)
        lift = gid * 1e6
        order = np.lexsort((~is_pt, xs, gid))
        by_left = np.lexsort((lefts, gid))
        mark_lefts = (lift + lefts)[by_left]
        mark_gid = gid[by_left]
        mark_rights = np.sort(lift + rights)
        reach = np.maximum.accumulate((lift + rights)[by_left]) - lift[by_left]   # resets in each group
        m = len(mark_lefts)
        x, g = xs[order], gid[order]
        xk = x + g * 1e6

        def next_left(at, keys):
            """The left of the first mark at or after `at` in the same group (else the window's end)."""
            j = np.minimum(at, m - 1)
            same = (at < m) & (mark_gid[j] == g)
            return np.where(same, mark_lefts[j] - g * 1e6, w)

        # the room of each label: up to the next mark that starts after it, in its sub-row; none when
        # another mark covers where it would start (its own band does not count)
        nxt = np.searchsorted(mark_lefts, xk + 0.5, "left")
        limit = next_left(nxt, xk) - 4
        covering = nxt - np.searchsorted(mark_rights, xk - 0.5, "right")
        own = (lefts[order] <= x + 0.5) & (rights[order] > x - 0.5)
        limit = np.where(covering - own > 0, x, limit)
        # where a "+N" of its own could go: past the marks over the mark's place, up to the next one
        # (and past the marks that start under it, as days side by side: until none does)
        bx = x
        for _ in range(m + 1):
            upto = np.searchsorted(mark_lefts, bx + g * 1e6 + 0.5, "right") - 1
            ok = (upto >= 0) & (mark_gid[np.maximum(upto, 0)] == g)
            moved = np.maximum(bx, np.where(ok, reach[np.maximum(upto, 0)], -1e9) + 3)
            if np.array_equal(moved, bx):
                break
            bx = moved
        broom = next_left(np.searchsorted(mark_lefts, bx + g * 1e6 + 0.5, "left"), None) - 4 - bx
        # what lies left of each mark: the marks that start before it reach this far
        at = np.searchsorted(mark_lefts, lefts[order] + g * 1e6, "left") - 1
        ok = (at >= 0) & (mark_gid[np.maximum(at, 0)] == g)
        before = np.where(ok, reach[np.maximum(at, 0)], -1e9)
        limit = np.minimum(limit, w)
        broom = np.minimum(broom, w - bx)
        bounds = np.searchsorted(g, np.arange(len(kept) + 1))
        plan = []
        for k, (row, parts) in enumerate(kept):
            a, b = int(bounds[k]), int(bounds[k + 1])
            sl = order[a:b]
            plan.append((row, parts[0][0], x[a:b], ids[sl], is_pt[sl], limit[a:b], lefts[sl], before[a:b],
                         t0s[sl], t1s[sl], bx[a:b], broom[a:b]))
        wanted = ids.tolist()
        titles = view._titles_for(wanted, elide=(self.fm, LABEL_MAX_PX))
        selected = view.view_state.selected
        for row, cy, xs, ids, is_pt, limits, lefts, before, t0s, t1s, bxs, brooms in plan:
            bg = LANE_ALT if row % 2 else BG
            next_free = -1e9
            placed = []             # [x, pixmap, title, folded, room's end, t0, t1]
            block = None            # (left, right) the callout occupies in this sub-row
            hidden = []             # (t0, t1) of the labels the callout covers: a "+N" right after it
            last_callout = False    # the last thing placed in this sub-row is the callout
            if callout is not None and callout[0] == row and abs(callout[1].center().y() - cy) < geo.pitch(row) / 2:
                block = (callout[1].left() - 8, callout[1].right() + 8)
            def fold(x, room, t0, t1, bx, broom):
                """An event whose title is not shown: counted in the "+N" of the callout, of the label
                just before it, or of a "+N" of its own where there is room for one."""
                nonlocal next_free
                if last_callout and x < block[1] + 40:
                    hidden.append((t0, t1))
                    return
                if placed:
                    last = placed[-1]
                    end = last[0] + (last[1].width() if last[1] is not None else 0) + (26 if last[3] else 0)
                    if x - end < 40 or room < 26:
                        if last[3] == 0:
                            next_free = max(next_free, end + 26)    # room for its "+N" badge
                        last[3] += 1
                        last[5], last[6] = min(last[5], t0), max(last[6], t1)
                        return
                if room >= 26:
                    placed.append([x, None, "", 1, x + room, t0, t1])
                    next_free = max(next_free, x + 30)
                elif broom >= 26 and bx >= next_free:
                    placed.append([bx, None, "", 1, bx + broom, t0, t1])
                    next_free = max(next_free, bx + 30)

            for x, i, pt, lim, left, prev, t0, t1, bx, broom in zip(
                    xs.tolist(), ids.tolist(), is_pt.tolist(), limits.tolist(), lefts.tolist(), before.tolist(),
                    t0s.tolist(), t1s.tolist(), bxs.tolist(), brooms.tolist()):
                if block is not None and i == selected:
                    continue                            # the callout is this event's label
                if block is not None and block[0] <= x < block[1]:
                    hidden.append((t0, t1))             # under the callout: folded into it
                    next_free = max(next_free, block[1] + 26)
                    last_callout = True
                    continue
                title = titles.get(i, "")
                room = lim - x
                if block is not None and x < block[0]:
                    room = min(room, block[0] - 26 - x)     # up to the callout, with room for a "+N"
                if room < 26 and broom >= 90 and bx >= next_free:
                    x, room = bx, broom                 # marks on its own: the label just past them
                if x < next_free:
                    fold(x, room, t0, t1, bx, broom)    # under or just after a label
                    continue
                width = self._text_px(title) + 4
                if width > room:
                    # no room on the right: the whole label on the mark's left, if nothing is there
                    gap = 4
                    lx = left - gap - width
                    clear = block is None or lx >= block[1] or left <= block[0]
                    if pt and lx >= max(next_free, prev + 3, 0.0) and clear:
                        full = self._label_pixmap(title, bg)
                        placed.append([lx, full, title, 0, left - gap, t0, t1])
                        next_free = x + 2
                        last_callout = False
                        continue
                    if room < 90:
                        fold(x, room, t0, t1, bx, broom)
                        continue
                    title = self._elided(title, room - 6)
                full = self._label_pixmap(title, bg)
                placed.append([x, full, title, 0, x + room, t0, t1])
                next_free = x + full.width() + 12
                last_callout = False
            if hidden:
                text = f"+{len(hidden)}"
                more = self._label_pixmap(text, bg, muted=True)
                y = cy - more.height() / 2
                # right after the callout, else right before it: where it covers no mark and no label
                r = None
                taken = [(q[0], q[0] + (q[1].width() if q[1] is not None else 30) + (26 if q[3] else 0))
                         for q in placed]
                for bx in (block[1] - 4, block[0] + 6 - more.width()):
                    bx1 = bx + more.width()
                    if 0 <= bx and bx1 <= w and self._clear_of_callout_marks(bx, bx1) \
                            and all(e <= bx or s_ >= bx1 for s_, e in taken):
                        r = QRectF(bx, y, more.width(), more.height())
                        break
                if r is not None:
                    rects.append((row, r))
                    self._badges.append((r, min(h[0] for h in hidden), max(h[1] for h in hidden)))
                    if self.vector:
                        self._vector_text(p, r.x(), y, more, bg, text, MUTED)
                    else:
                        p.drawPixmap(r.topLeft(), more)
            for start, pm, title, folded, end, t0, t1 in placed:
                more = self._label_pixmap(f"+{folded}", bg, muted=True) if folded else None
                if pm is None:                           # a "+N" of its own
                    y = cy - more.height() / 2
                    r = QRectF(start, y, more.width(), more.height())
                    rects.append((row, r))
                    pad = max((t1 - t0) * 0.15, 1800.0)
                    self._badges.append((r, t0 - pad, t1 + pad))
                    if self.vector:
                        self._vector_text(p, start, y, more, bg, f"+{folded}", MUTED)
                    else:
                        p.drawPixmap(round(start), round(y), more)
                    continue
                y = cy - pm.height() / 2
                if more is not None and start + pm.width() + more.width() > end:
                    # the badge would run into the next mark: shorten the title for it
                    room = end - start - more.width() - 6
                    if room >= 20:
                        title = self._elided(title, room)
                        pm = self._label_pixmap(title, bg)
                badge = more.width() if folded else 0
                rects.append((row, QRectF(start, y, pm.width() + badge, pm.height())))
                self._label_texts.append((row, QRectF(start, y, pm.width(), pm.height()), title, folded))
                if folded:
                    pad = max((t1 - t0) * 0.15, 1800.0)
                    self._badges.append((QRectF(start + pm.width(), y, badge, pm.height()), t0 - pad, t1 + pad))
                if self.vector:    # SVG export: real text on its background, kept inside the plot
                    if start + pm.width() > w:
                        title = self.fm.elidedText(title, Qt.TextElideMode.ElideRight, max(0.0, w - start - 6))
                        pm = self._label_pixmap(title, bg)
                    self._vector_text(p, start, y, pm, bg, title, TEXT)
                    if folded:
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

    def _callout(self, geo, first, last, vx0, sx, w):
        """(row, rectangle, text) of the selected event's title callout, or None when none is shown.

        The callout is a label too: it never covers another mark. It goes beside the selected mark in the
        first of the event's lanes in view with room for a few words (CALLOUT_MIN_PX), up to the next mark of
        its sub-row (a dot, a day's bar, a band's start, a "+N" pill), shortened to that room: on the right
        when the title fits there whole, else on the left when it fits there, else on the side with more
        room; none when no lane has room (the event's own label, placed as any label, then stands for it)."""
        view = self.view
        self._callout_marks = None
        info = view._selected_info
        selected = view.view_state.selected
        if selected is None or info is None or info["t0"] is None or not info.get("title"):
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
        whole = self.fm_bold.elidedText(info["title"], Qt.TextElideMode.ElideRight, CALLOUT_MAX_PX)
        need = self.fm_bold.horizontalAdvance(whole) + 10
        anchor = xm if pointlike else max(x0, 0.0)
        best = None                 # (room, row, cy, box's left or right edge, side, marks)
        for row in visible_rows:
            cy = self._selected_cy(row, geo)
            lefts, rights = self._sub_row_marks(row, cy, selected, 10.0)
            # on the right: from clear of the selected ring up to the next mark (or the window's edge)
            a = anchor + 11
            after = rights > a - 3
            if (lefts[after] <= a + 3).any():
                room_r = 0.0
            else:
                room_r = min(w - 2, float(lefts[after].min()) - 3 if after.any() else w - 2) - a
            # on the left: from the mark before it (or the window's edge) up to clear of the ring
            b = anchor - 11
            before = lefts < b + 3
            if (rights[before] >= b - 3).any():
                room_l = 0.0
            else:
                room_l = b - max(2.0, float(rights[before].max()) + 3 if before.any() else 2.0)
            # the right side when the title fits there whole, else the left when it fits there, else the
            # side with more room
            if room_r >= need or room_r >= room_l:
                cand = (room_r, row, cy, a, "right", (lefts, rights))
            else:
                cand = (room_l, row, cy, b, "left", (lefts, rights))
            if best is None or cand[0] > best[0]:
                best = cand
            if cand[0] - 10 >= CALLOUT_MIN_PX:
                best = cand
                break                # the first lane with room for a few words
        room, row, cy, edge, side, marks = best
        if room - 10 < CALLOUT_MIN_PX:
            return None
        text = whole if room >= need else \
            self.fm_bold.elidedText(info["title"], Qt.TextElideMode.ElideRight, room - 10)
        width = self.fm_bold.horizontalAdvance(text) + 10
        if pointlike:                # the selected ring is in the way of the callout's "+N" too
            marks = (np.append(marks[0], anchor - 10), np.append(marks[1], anchor + 10))
        self._callout_marks = marks
        left = edge if side == "right" else edge - width
        return row, QRectF(left, cy - 10, width, 20), text

    def _clear_of_callout_marks(self, x0: float, x1: float) -> bool:
        """Nothing the callout's sub-row draws (the selected ring included) lies between x0 and x1."""
        marks = self._callout_marks
        if marks is None:
            return True
        lefts, rights = marks
        return not bool(((lefts < x1) & (rights > x0)).any())

    def _sub_row_marks(self, row: int, cy: float, skip: int, half: float) -> tuple[np.ndarray, np.ndarray]:
        """(lefts, rights) in the window of what lane ``row`` draws on the line at ``cy`` (dots, days' bars,
        bands' starts) but event ``skip``'s, and of its "+N" pills within ``half`` pixels of that line."""
        lefts, rights = [np.zeros(0)], [np.zeros(0)]
        frame = self._frame
        if frame is not None:
            off = self._off_exact if self._off else 0.0
            for source in frame[1]:
                if source[0] != row or abs(source[1] - cy) > 0.5:
                    continue
                mine = source[5] != skip
                lefts.append(source[7][mine] - off)
                rights.append(source[8][mine] - off)
        hits = self.hits
        if hits is not None:
            for r, _t0, _t1 in hits[2]:
                if r.top() < cy + half and r.bottom() > cy - half and hits[3].row_at(r.center().y()) == row:
                    lefts.append(np.array([r.left()]))
                    rights.append(np.array([r.right()]))
        return np.concatenate(lefts), np.concatenate(rights)

    def _selected_cy(self, row: int, geo: Rows) -> float:
        """The centre line of the sub-row the selected event is drawn in, in lane ``row``."""
        hits = self.hits
        selected = self.view.view_state.selected
        if hits is not None and selected is not None:
            for _xs, cy, ids, r in hits[0]:
                if r == row and (ids == selected).any():
                    return cy
            for _a, _b, y0, y1, ids, r in hits[1]:
                if r == row and (ids == selected).any():
                    return (y0 + y1) / 2
        return geo.centre(row)

    def _paint_selection(self, p, geo, first, last, vx0, sx, w, h, frames=True, rings=True):
        """The selected event: a dashed guide and a frame around its band (``frames``), a ring around its
        dot (``rings``)."""
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
        if frames:
            p.setPen(QPen(_shade(70), 1, Qt.PenStyle.DashLine))
            gx = xm if pointlike else max(x0, 0)
            p.drawLine(QPointF(gx, 0), QPointF(gx, h))
        rows = [view._row_of[lane] for lane in info["lanes"] if lane in view._row_of]
        for row in rows:
            if row < first or row > last:
                continue
            cy = self._selected_cy(row, geo)
            pitch = geo.pitch(row)
            color = view._lane_colors[view._shown[row]]
            if pointlike and rings:
                p.setPen(QPen(BG, 5))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(QPointF(xm, cy), 7, 7)
                p.setPen(QPen(SELECT, 2.2))
                p.setBrush(QBrush(color))
                p.drawEllipse(QPointF(xm, cy), 7, 7)
            elif not pointlike and frames:
                c = QColor(color)
                c.setAlpha(110)
                p.setPen(QPen(SELECT, 2))
                p.setBrush(QBrush(c))
                a, b = max(x0, self._pad_lo / 2), min(x1, w + self._pad_hi / 2)
                p.drawRoundedRect(QRectF(a, cy - _half(pitch, 0.3), max(4.0, b - a), 2 * _half(pitch, 0.3)), 3, 3)

    def _paint_callout(self, p, callout):
        """The selected event's title in a box beside its mark (placed by _callout)."""
        if callout is None:
            return
        _, r, text = callout
        self._boxed_text(p, r, 4, BOX_BORDER, 245, self.bold, SELECT, text)

    @staticmethod
    def _boxed_text(p, r: QRectF, radius: float, border: str, alpha: int, font, color, text: str) -> None:
        """``text`` centred in a rounded white box (``alpha`` its opacity) with a thin ``border``."""
        p.setPen(QPen(QColor(border), 1))
        back = QColor(BOX)
        back.setAlpha(alpha)
        p.setBrush(QBrush(back))
        p.drawRoundedRect(r, radius, radius)
        p.setFont(font)
        p.setPen(color)
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, text)

    # -- hit testing -------------------------------------------------------------------------------
    def hit(self, pos: QPointF):
        """('event', id) | ('cluster', t0, t1) | None for a point in ViewBox pixel coordinates."""
        for r, t0, t1 in self._badges:          # a label's "+N": what it folds, to zoom into
            if r.adjusted(-2, -2, 2, 2).contains(pos):
                return ("cluster", t0, t1)
        if not self.hits:
            return None
        pts, bands, pills, _geo, _ = self.hits
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
