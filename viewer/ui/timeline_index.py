"""The timeline's in-memory index: occurrences sorted so that any time window is a few searchsorted calls.

Pure numpy (no Qt): `prepare` runs in the loader thread for big databases.

Occurrences are kept sorted by (lane, duration class, t0). Class 0 holds the "points" (a day or finer);
classes 1.. hold the vague dates by how long they last, so the occurrences of a segment that may overlap
[x0, x1) are those with t0 in (x0 - longest duration of the segment, x1): two binary searches, whatever the
zoom. Country filters never rebuild the index: they only choose which lanes are shown.
"""
from __future__ import annotations

import numpy as np

from viewer.store.timeline import Occurrences, room

HOUR = 3600.0
DAY = 86400.0
YEAR = 365.2425 * DAY

CLASS_MAX = np.array([DAY + 1, 8 * DAY + 1, 32 * DAY + 1, 93 * DAY, 185 * DAY, 367 * DAY, 3660 * DAY,
                      np.inf])
NCLS = len(CLASS_MAX)
_KEY_STRIDE = 1e12              # > the span of representable times below: segment * stride + t0 stays sorted
KEY_STRIDE = _KEY_STRIDE         # (for those who splice a sort key: viewer/ui/timeline_patch.py)
_KEY_HALF = 4.9e11              # +- ~15,500 years around 1970 (BC dates too); whole seconds exact in float64 up
                                # to ~9,000 segments (~1,100 lanes)


def prepare(occ):
    """Occurrences (sorted by lane, t0) -> (occurrences in (lane, class, t0) order, class of each), each
    array made with room at its end (`viewer.store.timeline.room`) for the edits that add occurrences."""
    dur = occ.t1 - occ.t0
    cls = np.minimum(np.searchsorted(CLASS_MAX, dur, "left"), NCLS - 1).astype(np.int8)
    key = occ.lane.astype(np.int32) * NCLS + cls
    order = np.argsort(key, kind="stable")

    def taken(arr):
        return np.take(arr, order, out=room(len(order), arr.dtype))
    return Occurrences(occ.lanes, taken(occ.lane), taken(occ.t0), taken(occ.t1), taken(occ.eid)), taken(cls)


class Index:
    """Occurrences kept by one filter (every lane), with per-(lane, class) offsets."""

    @staticmethod
    def sort_key(t0, lane, cls) -> np.ndarray:
        """One sorted float key over every segment: segment * stride + t0 (made with room at its end)."""
        seg = lane.astype(np.int32) * NCLS + cls
        out = np.multiply(seg, _KEY_STRIDE, out=room(len(seg), np.float64))
        out += np.clip(t0, -_KEY_HALF, _KEY_HALF)
        return out

    def __init__(self, t0, t1, eid, lane, cls, nlanes: int, key: np.ndarray | None = None,
                 maxdur: np.ndarray | None = None, parent: tuple | None = None):
        """``key``: :meth:`sort_key` of these occurrences when already known (a filter's subset of it);
        ``maxdur``: an upper bound of each segment's longest duration (a superset's: windows then start a
        little earlier than they must, never later); ``parent``: (the Index of every occurrence, the mask
        that made this one from it), whose sorted bands this one's are read from."""
        self._parent = parent
        self.t0, self.t1, self.eid = t0, t1, eid
        self.nlanes = nlanes
        # one sorted key over every segment, so a frame's windows are 2 searchsorted calls in all
        self.key = self.sort_key(t0, lane, cls) if key is None else key
        bounds = np.arange(nlanes * NCLS + 1, dtype=np.float64) * _KEY_STRIDE - _KEY_STRIDE / 2
        self.offsets = np.searchsorted(self.key, bounds).astype(np.int64)
        if maxdur is not None:
            self.maxdur = maxdur
        else:
            self.maxdur = np.zeros(nlanes * NCLS)
            nonempty = np.flatnonzero(self.offsets[1:] > self.offsets[:-1])
            if len(nonempty) and len(t0):
                self.maxdur[nonempty] = np.maximum.reduceat(t1 - t0, self.offsets[nonempty])
        self.lane_count = np.diff(self.offsets[::NCLS])
        self._frames: dict = {}
        self._bands: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._band_order_cache: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._orders: dict = {}
        self._hist = None
        self.overview_edges: np.ndarray | None = None   # the overview strip's bins over this index (set there)
        self.span = (float(t0.min()), float(t1.max())) if len(t0) else None

    def segment(self, lane: int, c: int) -> tuple[int, int]:
        s = lane * NCLS + c
        return int(self.offsets[s]), int(self.offsets[s + 1])

    def windows(self, x0: float, x1: float) -> tuple[np.ndarray, np.ndarray]:
        """[lo, hi) per segment holding every occurrence that may overlap [x0, x1) (the last two windows
        asked for are cached)."""
        got = self._frames.get((x0, x1))
        if got is not None:
            return got
        segs = np.arange(len(self.maxdur), dtype=np.float64) * _KEY_STRIDE
        start = np.clip(x0 - np.minimum(self.maxdur, 2 * _KEY_HALF), -_KEY_HALF, _KEY_HALF)
        lo = np.searchsorted(self.key, segs + start, "right")
        hi = np.searchsorted(self.key, segs + min(max(x1, -_KEY_HALF), _KEY_HALF), "left")
        lo = np.minimum(np.maximum(lo, self.offsets[:-1]), self.offsets[1:])
        hi = np.maximum(np.minimum(hi, self.offsets[1:]), lo)
        if len(self._frames) >= 4:      # a frame asks for its window, a wider one rendering ahead, and the stacking's
            self._frames.pop(next(iter(self._frames)))
        self._frames[(x0, x1)] = (lo, hi)
        return lo, hi

    def window(self, lane: int, c: int, x0: float, x1: float) -> tuple[int, int]:
        """[lo, hi) of segment (lane, c) holding every occurrence that may overlap [x0, x1)."""
        lo, hi = self.windows(x0, x1)
        s = lane * NCLS + c
        return int(lo[s]), int(hi[s])

    def bands_window(self, lane: int, x0: float, x1: float) -> np.ndarray:
        """Indices of the vague occurrences of `lane` overlapping [x0, x1)."""
        los, his = self.windows(x0, x1)
        base = lane * NCLS
        parts = [np.arange(los[s], his[s]) for s in range(base + 1, base + NCLS) if his[s] > los[s]]
        if not parts:
            return np.zeros(0, dtype=np.int64)
        sl = np.concatenate(parts)
        return sl[self.t1[sl] > x0]

    def count_bands(self, lane: int, x0: float, x1: float) -> int:
        los, his = self.windows(x0, x1)
        base = lane * NCLS
        return int((his[base + 1:base + NCLS] - los[base + 1:base + NCLS]).sum())

    def point_counts(self, lane: int, edges: np.ndarray) -> np.ndarray:
        """Points (class 0) of `lane` starting in each [edges[k], edges[k+1])."""
        a, b = self.segment(lane, 0)
        return np.diff(np.searchsorted(self.t0[a:b], edges, "left"))

    def band_cover(self, lane: int, edges: np.ndarray) -> np.ndarray:
        """How many vague occurrences of `lane` overlap each bin (started before its end, not ended
        before its start)."""
        got = self._bands.get(lane)
        if got is None:
            if self._parent is not None:
                # the parent's bands in order, less those the filter left out: no sort of our own
                parent, mask = self._parent
                a, b = parent._band_range(lane)
                by_start, by_end = parent._band_orders(lane)
                keep = mask[a:b]
                got = (parent.t0[a:b][by_start[keep[by_start]]], parent.t1[a:b][by_end[keep[by_end]]])
            else:
                a, b = self._band_range(lane)
                got = (np.sort(self.t0[a:b]), np.sort(self.t1[a:b]))
            self._bands[lane] = got
        starts, ends = got
        if not len(starts):
            return np.zeros(len(edges) - 1)
        return (np.searchsorted(starts, edges[1:], "left") - np.searchsorted(ends, edges[:-1], "right"))

    def _band_range(self, lane: int) -> tuple[int, int]:
        """[a, b) of the lane's vague occurrences (classes 1 and up)."""
        return self.segment(lane, 1)[0], self.segment(lane, NCLS - 1)[1]

    def _band_orders(self, lane: int) -> tuple[np.ndarray, np.ndarray]:
        """The lane's vague occurrences (offsets from _band_range's start) by start and by end."""
        got = self._band_order_cache.get(lane)
        if got is None:
            a, b = self._band_range(lane)
            got = self._band_order_cache[lane] = (np.argsort(self.t0[a:b], kind="stable"),
                                                  np.argsort(self.t1[a:b], kind="stable"))
        return got

    def lane_histograms(self, edges: np.ndarray) -> np.ndarray:
        """(lanes x bins) occurrence starts per bin, for the overview strip (cached per edges)."""
        if self._hist is not None and self._hist[0] is edges:
            return self._hist[1]
        # every segment's edges on the composite key, in one search
        nseg = self.nlanes * NCLS
        probes = (np.arange(nseg, dtype=np.float64)[:, None] * _KEY_STRIDE
                  + np.clip(edges, -_KEY_HALF, _KEY_HALF)[None, :])
        pos = np.searchsorted(self.key, probes.ravel(), "left").reshape(nseg, len(edges))
        pos = np.clip(pos, self.offsets[:-1, None], self.offsets[1:, None])
        out = np.diff(pos, axis=1).reshape(self.nlanes, NCLS, len(edges) - 1).sum(axis=1).astype(np.float64)
        self._hist = (edges, out)
        return out

    def order(self, lanes: tuple[int, ...]):
        """(t0, id, t1) of the distinct events of these lanes sorted by (t0, id): previous/next."""
        got = self._orders.get(lanes)
        if got is None:
            parts = [np.arange(*self.segment_range(lane)) for lane in lanes]
            sl = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
            if len(sl):
                ids, first = np.unique(self.eid[sl], return_index=True)
                t0 = self.t0[sl][first]
                t1 = self.t1[sl][first]
                k = np.lexsort((ids, t0))
                got = (t0[k], ids[k], t1[k])
            else:
                got = (np.zeros(0), np.zeros(0, np.int64), np.zeros(0))
            self._orders = {lanes: got}
        return got

    def positions(self, segs: np.ndarray, times: np.ndarray) -> np.ndarray:
        """For segments `segs` (lane * NCLS + class) and times (broadcast together), the position of the
        first occurrence of the segment starting at or after the time (one search for all)."""
        segs = np.asarray(segs)
        probes = segs * _KEY_STRIDE + np.clip(np.asarray(times, dtype=np.float64), -_KEY_HALF, _KEY_HALF)
        pos = np.searchsorted(self.key, probes.ravel(), "left").reshape(probes.shape)
        return np.clip(pos, self.offsets[segs], self.offsets[segs + 1])

    def lane_edges(self, lane: int, edges: np.ndarray) -> np.ndarray:
        """(classes x edges): in each segment of `lane`, the position of the first occurrence starting at
        or after each edge (absolute positions; one search for all)."""
        segs = np.arange(lane * NCLS, (lane + 1) * NCLS, dtype=np.float64)
        probes = segs[:, None] * _KEY_STRIDE + np.clip(np.asarray(edges, dtype=np.float64), -_KEY_HALF, _KEY_HALF)[None, :]
        pos = np.searchsorted(self.key, probes.ravel(), "left").reshape(NCLS, len(edges))
        return np.clip(pos, self.offsets[lane * NCLS:(lane + 1) * NCLS, None],
                       self.offsets[lane * NCLS + 1:(lane + 1) * NCLS + 1, None])

    def segment_range(self, lane: int) -> tuple[int, int]:
        return int(self.offsets[lane * NCLS]), int(self.offsets[(lane + 1) * NCLS])
