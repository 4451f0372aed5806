"""The timeline's loaded arrays after an edit of a few events, patched rather than read again.

Pure numpy (no Qt, no SQL). The occurrences (`viewer.store.timeline.Occurrences`, kept in (lane, duration
class, t0) order, events starting at the same second in the order the database lists their country rows)
lose those of the edited events and gain the ones they now have, each put where a fresh load would put
it; the index of every occurrence (`timeline_index.Index`) is made from the new arrays with its sort key
spliced the same way, its offsets searched again and the longest duration measured again only in the
segments that changed; what it keeps per lane (sorted band starts and ends, band orders, the overview's
histograms) is kept for the lanes the edit did not touch; for the others the band starts and ends and the
histograms are patched, the band orders made again when asked for. The arrays that go
with the occurrences (each one's event position, precision and article) are spliced alike. When as many
occurrences go as come (a date moved) the arrays are written in place, only between each old place and
its new one; when their number changes (a country added or taken off) the entries move within a buffer
with room to spare (the arrays are loaded with it, `viewer.store.timeline.room`), so that an edit does not
allocate arrays of the full length.

When the lanes change (a country new to the timeline, a lane emptied, two lanes trading places by their
counts) the lanes are put in the order a fresh load gives them, by moving whole blocks of occurrences:
still no sort and no database read. Everything here is linear in the number of occurrences at worst (a
few moves or copies of the arrays), never a sort of them.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from viewer.store.filtering import NO_COUNTRY
from viewer.store.timeline import Occurrences, buffer_of, room
from viewer.ui.timeline_index import CLASS_MAX, KEY_STRIDE, NCLS, Index


@dataclass
class NewOccurrence:
    """One occurrence of an edited event as the database now has it."""
    code: str                    # its lane's code (NO_COUNTRY for an event naming no country)
    t0: float
    t1: float                    # already at least t0 + 1, as the loaded occurrences are
    eid: int
    event_pos: int               # its event's position in the per-event arrays
    rank: int                    # its event's precision rank
    article: int                 # its event's article number
    before: int | None           # how many rows of its lane, start and class precede it in the database
    # (None for the no-country lane, whose occurrences with the same start go by event id)


@dataclass
class Patched:
    occ: Occurrences
    cls: np.ndarray
    whole: Index
    extra: dict                  # name -> the spliced array that goes with the occurrences
    mask: np.ndarray | None      # the filter's mask over the new occurrences (None: none was given)
    relaned: bool                # the lanes changed (number or order)
    lanes_touched: set           # lane numbers (new numbering) whose occurrences changed
    filtered: Index | None = None   # the filter's index, patched (None: to be made from the mask)


def duration_class(t0: float, t1: float) -> int:
    """The class `timeline_index.prepare` gives an occurrence of this extent."""
    return int(min(np.searchsorted(CLASS_MAX, t1 - t0, "left"), NCLS - 1))


def splice(arr: np.ndarray, dead: list[int], at: list[int], values) -> np.ndarray:
    """`arr` without the entries at `dead` (positions) and with `values[k]` inserted before the entry
    at `at[k]` (positions in `arr`, `len(arr)` for the end; `at` ascending): one copy."""
    values = np.asarray(values, dtype=arr.dtype)
    points = sorted([(p, 0, k) for k, p in enumerate(at)] + [(p, 1, -1) for p in dead])
    parts, start = [], 0
    for p, kind, k in points:
        if p > start:
            parts.append(arr[start:p])
        if kind == 0:
            parts.append(values[k:k + 1])
            start = max(start, p)
        else:
            start = p + 1
    parts.append(arr[start:])
    return np.concatenate(parts) if len(parts) > 1 else arr[start:].copy()


def splice_in_place(arr: np.ndarray, dead: list[int], at: list[int], values) -> np.ndarray:
    """`splice` when as many entries go as come (`len(dead) == len(at)`), in `arr` itself (returned):
    only the stretches between places where as many went as came are written (for an event of two
    countries whose date moved, two short stretches, one in each lane)."""
    values = np.asarray(values, dtype=arr.dtype)
    points = sorted([(p, 0, k) for k, p in enumerate(at)] + [(p, 1, -1) for p in dead])
    group: list = []
    balance = 0
    for point in points:
        group.append(point)
        balance += 1 if point[1] else -1
        if balance == 0:
            g_dead = [p for p, kind, _ in group if kind]
            g_at = [p for p, kind, _ in group if not kind]
            lo, hi = min(min(g_dead), min(g_at)), max(max(g_dead) + 1, max(g_at))
            keys = [k for _, kind, k in group if not kind]
            arr[lo:hi] = splice(arr[lo:hi], [d - lo for d in g_dead], [a - lo for a in g_at], values[keys])
            group = []
    return arr


def splice_resized(arr: np.ndarray, dead: list[int], at: list[int], values) -> np.ndarray:
    """`splice` when the length changes: the entries move within a buffer with room to spare (the one
    `arr` is a view of when it has room, else a new one made once), so that no array of the full length
    is allocated (and its memory touched for the first time) on every edit. Returns the view of the
    buffer that holds the result."""
    values = np.asarray(values, dtype=arr.dtype)
    n = len(arr)
    size = n - len(dead) + len(at)
    buf = buffer_of(arr)
    if buf is None or len(buf) < size:
        out = room(size, arr.dtype)
        out[...] = splice(arr, dead, at, values)
        return out
    # where each stretch of entries between the places touched goes: moved left first (in order), then
    # right (in reverse order), so that no entry is written over before it has moved
    points = sorted([(p, 0, k) for k, p in enumerate(at)] + [(p, 1, -1) for p in dead])
    moves, places = [], []
    start, shift = 0, 0
    for p, kind, k in points:
        if p > start:
            moves.append((start, p, shift))
        if kind == 0:
            places.append((p + shift, k))
            shift += 1
            start = max(start, p)
        else:
            shift -= 1
            start = p + 1
    if n > start:
        moves.append((start, n, shift))
    for a, b, d in [m for m in moves if m[2] < 0]:
        buf[a + d:b + d] = buf[a:b]
    for a, b, d in reversed([m for m in moves if m[2] > 0]):
        buf[a + d:b + d] = buf[a:b]
    for where, k in places:
        buf[where] = values[k]
    return buf[:size]


def lane_order(counts: dict[str, int]) -> list[str]:
    """The lanes a fresh load makes of these occurrence counts: the countries most first (then by code),
    the no-country lane last; empty lanes left out."""
    codes = sorted((c for c, n in counts.items() if n > 0 and c != NO_COUNTRY), key=lambda c: (-counts[c], c))
    return codes + ([NO_COUNTRY] if counts.get(NO_COUNTRY, 0) > 0 else [])


def _key_of(t0: float, lane: int, cls: int) -> float:
    return float(Index.sort_key(np.array([t0]), np.array([lane], dtype=np.int32), np.array([cls], dtype=np.int8))[0])


def _offsets(key: np.ndarray, nlanes: int) -> np.ndarray:
    bounds = np.arange(nlanes * NCLS + 1, dtype=np.float64) * KEY_STRIDE - KEY_STRIDE / 2     # as Index's
    return np.searchsorted(key, bounds).astype(np.int64)


def _found(occ: Occurrences, whole: Index, number: dict, was) -> np.ndarray | None:
    """Positions of the occurrences `was` lists ((event id, lane code, t0, t1) of each), found by their
    sort keys; None when one of them is not where it should be."""
    out = []
    for eid, code, t0, t1 in was:
        lane = number.get(code)
        if lane is None:
            return None
        key = _key_of(t0, lane, duration_class(t0, t1))
        a = int(np.searchsorted(whole.key, key, "left"))
        b = int(np.searchsorted(whole.key, key, "right"))
        hit = np.flatnonzero(occ.eid[a:b] == eid)
        if len(hit) != 1:
            return None
        out.append(a + int(hit[0]))
    return np.asarray(sorted(out), dtype=np.int64)


def patch(occ: Occurrences, cls: np.ndarray, whole: Index, extra: dict, edited, new: list[NewOccurrence],
          mask: np.ndarray | None = None, keeps: np.ndarray | None = None, was=None,
          filtered: Index | None = None) -> Patched:
    """The occurrences without those of the `edited` event ids and with `new` (see the module's
    docstring). `extra`: arrays parallel to the occurrences (spliced alike; the new entries' values from
    each NewOccurrence's field of the same name: event_pos, rank, article). `mask`: a filter's mask
    over the old occurrences, `keeps`: whether it keeps each of `new` (the new mask is returned).
    `was`: where the edited events' occurrences were ((event id, lane code, t0, t1) of each), to find
    them by a search rather than by a pass over every occurrence. `filtered`: the index `mask` made (not
    the index of every occurrence), patched alike into `Patched.filtered`."""
    lanes = list(occ.lanes)
    number = {c: i for i, c in enumerate(lanes)}
    dead_arr = _found(occ, whole, number, was) if was is not None else None
    if dead_arr is None:
        edited = np.asarray(sorted(edited), dtype=np.int64)
        dead_arr = np.flatnonzero(np.isin(occ.eid, edited)) if len(edited) else np.zeros(0, dtype=np.int64)
    dead = dead_arr.tolist()
    placed = []
    for k, o in enumerate(new):
        lane = number.get(o.code)
        if lane is None:                       # a country new to the timeline: a lane after the others
            lane = number[o.code] = len(lanes)
            lanes.append(o.code)
        c = duration_class(o.t0, o.t1)
        key = _key_of(o.t0, lane, c)
        a = int(np.searchsorted(whole.key, key, "left"))
        b = int(np.searchsorted(whole.key, key, "right"))
        ties = np.arange(a, b)
        if len(dead_arr) and len(ties):
            ties = ties[~np.isin(ties, dead_arr)]
        before = int((occ.eid[ties] < o.eid).sum()) if o.before is None else o.before
        at = int(ties[before]) if before < len(ties) else b
        placed.append((at, key, before, k, lane, c))
    placed.sort()
    at = [p[0] for p in placed]
    order = [p[3] for p in placed]
    pick = [new[k] for k in order]
    touched = {int(occ.lane[d]) for d in dead} | {p[4] for p in placed}
    segments = {int(occ.lane[d]) * NCLS + int(cls[d]) for d in dead} | {p[4] * NCLS + p[5] for p in placed}
    gone = [(d, int(occ.lane[d]), float(occ.t0[d]), float(occ.t1[d]), int(cls[d])) for d in dead]
    # as many occurrences as before (a date moved, a country for another): the arrays are patched in
    # place, only between the old places and the new ones; else copied once with the changes
    fix = splice_in_place if len(dead) == len(at) else splice_resized
    lane_new = fix(occ.lane, dead, at, [p[4] for p in placed])
    t0 = fix(occ.t0, dead, at, [o.t0 for o in pick])
    t1 = fix(occ.t1, dead, at, [o.t1 for o in pick])
    eid = fix(occ.eid, dead, at, [o.eid for o in pick])
    cls_new = fix(cls, dead, at, [p[5] for p in placed])
    key = fix(whole.key, dead, at, [p[1] for p in placed])
    names = {"pos": "event_pos", "rank": "rank", "article": "article"}
    extra_new = {name: fix(arr, dead, at, [getattr(o, names.get(name, name)) for o in pick])
                 for name, arr in extra.items()}
    mask_new = sub = None
    if mask is not None:
        kept = np.ones(len(new), dtype=bool) if keeps is None else np.asarray(keeps, dtype=bool)[order]
        if filtered is not None:     # the filter's own arrays, spliced alike where the filter keeps
            f_dead = [int(np.count_nonzero(mask[:d])) for d in dead if mask[d]]
            f_at = [int(np.count_nonzero(mask[:a])) for a, k in zip(at, kept) if k]
            f_values = [(p[1], o.t0, o.t1, o.eid) for p, o, k in zip(placed, pick, kept) if k]
            ffix = splice_in_place if len(f_dead) == len(f_at) else splice_resized
            sub = [ffix(arr, f_dead, f_at, [v[i] for v in f_values])
                   for i, arr in enumerate((filtered.key, filtered.t0, filtered.t1, filtered.eid))]
        mask_new = fix(mask, dead, at, kept)
    offsets = _offsets(key, len(lanes))
    counts = np.diff(offsets[::NCLS])
    wanted = lane_order({c: int(counts[i]) for i, c in enumerate(lanes)})
    if wanted == lanes:
        maxdur = np.zeros(len(lanes) * NCLS)
        maxdur[:len(whole.maxdur)] = whole.maxdur
        for s in segments:
            a, b = int(offsets[s]), int(offsets[s + 1])
            maxdur[s] = float((t1[a:b] - t0[a:b]).max()) if b > a else 0.0
        index = Index(t0, t1, eid, None, None, len(lanes), key=key, maxdur=maxdur)
        _carry(whole, index, touched, gone, [(p[4], pick[i].t0, pick[i].t1, p[5]) for i, p in enumerate(placed)])
        new_occ = Occurrences(lanes, lane_new, t0, t1, eid)
        done = Patched(new_occ, cls_new, index, extra_new, mask_new, False, touched)
        if sub is not None:
            fkey, ft0, ft1, feid = sub
            done.filtered = Index(ft0, ft1, feid, None, None, len(lanes), key=fkey, maxdur=index.maxdur,
                                  parent=(index, mask_new))
        return done

    # the lanes changed: whole blocks of occurrences move to the order a fresh load gives the lanes
    blocks = [np.arange(offsets[number[c] * NCLS], offsets[(number[c] + 1) * NCLS]) for c in wanted]
    take = np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.int64)
    renumber = np.full(len(lanes), -1, dtype=np.int16)
    for i, c in enumerate(wanted):
        renumber[number[c]] = i
    lane_new = renumber[lane_new[take]]
    t0, t1, eid, cls_new = t0[take], t1[take], eid[take], cls_new[take]
    extra_new = {name: arr[take] for name, arr in extra_new.items()}
    if mask_new is not None:
        mask_new = mask_new[take]
    index = Index(t0, t1, eid, lane_new, cls_new, len(wanted))
    new_occ = Occurrences(wanted, lane_new, t0, t1, eid)
    return Patched(new_occ, cls_new, index, extra_new, mask_new, True,
                   {int(renumber[t]) for t in touched if renumber[t] >= 0})


def _carry(old: Index, new: Index, touched: set, gone: list, came: list) -> None:
    """What the old index kept per lane, for the new one: as it was for the lanes the edit did not touch,
    the sorted band starts and ends patched for the others (the band orders of a touched lane are made
    again when asked for); the overview's histograms patched when its bins stay."""
    for lane, got in old._bands.items():
        if lane not in touched:
            new._bands[lane] = got
    for lane in touched:
        got = old._bands.get(lane)
        if got is None:
            continue
        starts, ends = got
        for _, ln, t0, t1, c in gone:
            if ln == lane and c >= 1:
                i = min(int(np.searchsorted(starts, t0)), len(starts) - 1)
                j = min(int(np.searchsorted(ends, t1)), len(ends) - 1)
                starts, ends = np.delete(starts, i), np.delete(ends, j)
        for ln, t0, t1, c in came:
            if ln == lane and c >= 1:
                starts = np.insert(starts, int(np.searchsorted(starts, t0)), t0)
                ends = np.insert(ends, int(np.searchsorted(ends, t1)), t1)
        new._bands[lane] = (starts, ends)
    for lane, got in old._band_order_cache.items():
        if lane not in touched:
            new._band_order_cache[lane] = got
    if old._hist is not None and old.overview_edges is not None and old.span == new.span \
            and old._hist[1].shape[0] == new.nlanes:
        edges, hist = old._hist
        hist = hist.copy()
        nb = hist.shape[1]
        for sign, items in ((-1.0, [(g[1], g[2]) for g in gone]), (1.0, [(c[0], c[1]) for c in came])):
            for lane, t0 in items:
                k = int(np.searchsorted(edges, t0, "right")) - 1
                if 0 <= k < nb and not (k == nb - 1 and t0 >= edges[-1]):
                    hist[lane, k] += sign
        new.overview_edges = old.overview_edges
        new._hist = (edges, hist)
