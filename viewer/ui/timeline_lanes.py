"""Lanes of different heights: how tall each lane of the timeline is, and where it lies.

With stacking on, a lane is as tall as the sub-rows its marks need (`TimelineView` measures that, see
`LanesItem.lane_needs`): ``SUB_PX`` pixels per sub-row plus ``LANE_PAD`` around them, from one sub-row
(a quiet lane) up to ``MAX_SUB`` (beyond which marks fold into "+N"). When the lanes need less than the view's
height, every lane grows in proportion until they fill it; when they need more, they keep their heights and
scroll. With stacking off, every lane has the same height (the view's height shared equally, at least
``MIN_LANE_PX``), as before.

Lanes are placed one under the other by a cumulative offset: `LaneLayout.offsets[r]` is where lane ``r``
starts, in pixels from the top of the first lane, and ``offsets[-1]`` is the height of them all. The
timeline's ViewBox shows ``[y0, y0 + height]`` of that, one unit per pixel. Pure numpy: no Qt here.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SUB_PX = 16          # a sub-row's least height in pixels (a dot, or a line of label text)
MAX_SUB = 4          # at most this many sub-rows in a lane; what does not fit folds into "+N"
LANE_PAD = 8         # pixels of a stacked lane above and below its sub-rows (its line, room for the labels)
STRIP_NEED = 2       # sub-rows of a lane drawn as a density strip with "+N" pills
MIN_LANE_PX = 20.0   # with stacking off: lanes shorter than this scroll instead of shrinking


@dataclass(frozen=True)
class LaneLayout:
    """Where each lane lies (``offsets``, n + 1 values), how many sub-rows it stacks in (``nsub``) and how
    much of its height is padding around them (``pad``, split equally above and below)."""
    offsets: np.ndarray
    nsub: np.ndarray
    pad: np.ndarray

    @property
    def total(self) -> float:
        return float(self.offsets[-1])

    def __len__(self) -> int:
        return len(self.nsub)

    def row_at(self, y: float) -> int:
        """The lane at ``y`` (clamped to the first and last lane); -1 when there are none."""
        n = len(self.nsub)
        if not n:
            return -1
        return int(min(max(int(np.searchsorted(self.offsets, y, "right")) - 1, 0), n - 1))

    def height(self, row: int) -> float:
        return float(self.offsets[row + 1] - self.offsets[row])

    def centre(self, row: int) -> float:
        return float(self.offsets[row] + self.offsets[row + 1]) / 2

    def scrolled_to(self, row: int, y0: float, view_h: float) -> float:
        """The top of the view (from ``y0``) that shows lane ``row`` whole, with a whole lane at the top: a
        lane partly in view is scrolled in just enough, one out of view is brought to the middle."""
        top, bottom = float(self.offsets[row]), float(self.offsets[row + 1])
        if y0 <= top and bottom <= y0 + view_h:
            return y0
        if top < y0 + view_h and bottom > y0 and bottom - top <= view_h:
            if top < y0:
                return self.clamp(top, view_h)
            y = bottom - view_h               # then down to the next lane's top (no lane cut at the top)
            k = self.row_at(y)
            if float(self.offsets[k]) < y - 1e-6:
                y = float(self.offsets[k + 1])
            return self.clamp(min(y, top), view_h)
        # as near the middle as a whole lane at the top allows
        want = self.centre(row) - view_h / 2
        y = float(self.offsets[self.row_at(want)]) if want > 0 else 0.0
        if y > top or bottom > y + view_h:
            y = top
        return self.clamp(y, view_h)

    def clamp(self, y0: float, view_h: float) -> float:
        return float(min(max(0.0, y0), max(0.0, self.total - view_h)))


def layout(needs, view_h: float, stacking: bool) -> LaneLayout:
    """The lanes' layout for a view ``view_h`` pixels tall; ``needs``: the sub-rows each lane needs
    (1..MAX_SUB; ignored with stacking off)."""
    needs = np.clip(np.asarray(needs, dtype=np.int64), 1, MAX_SUB)
    n = len(needs)
    view_h = max(1.0, float(view_h))
    if not n:
        return LaneLayout(np.zeros(1), np.zeros(0, dtype=np.int64), np.zeros(0))
    if not stacking:
        lh = max(MIN_LANE_PX, view_h / n)
        heights = np.full(n, lh)
        nsub = np.ones(n, dtype=np.int64)
        pad = np.zeros(n)
    else:
        base = needs * float(SUB_PX) + LANE_PAD
        scale = max(1.0, view_h / float(base.sum()))       # room to spare: every lane grows in proportion
        heights = base * scale
        nsub = needs
        pad = np.full(n, LANE_PAD * scale)
    offsets = np.concatenate([[0.0], np.cumsum(heights)])
    if offsets[-1] <= view_h * (1 + 1e-9) and (not stacking or scale > 1.0):
        offsets[-1] = view_h               # exactly the view's height (no hair's breadth of scrolling)
    return LaneLayout(offsets, nsub, pad)


def follow(old: LaneLayout | None, new: LaneLayout, y0: float, view_h: float) -> float:
    """Where the view's top goes when the lanes change heights: the lane at its top stays there, as far
    into it as before (in proportion)."""
    if old is None or not len(old) or len(old) != len(new):
        return new.clamp(y0, view_h)
    row = old.row_at(y0)
    frac = (y0 - float(old.offsets[row])) / max(1e-9, old.height(row))
    return new.clamp(float(new.offsets[row]) + frac * new.height(row), view_h)
