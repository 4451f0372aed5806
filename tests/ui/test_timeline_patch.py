"""The timeline's arrays patched after an edit (viewer/ui/timeline_patch.py): entries taken out and put in
at their places, in place or in a buffer with room, must give what a list would."""
from __future__ import annotations

import numpy as np

from viewer.ui.timeline_patch import lane_order, splice, splice_in_place, splice_resized


def by_list(arr, dead, at, values) -> list:
    """The same change made on a Python list, one entry at a time."""
    out = []
    inserts = sorted(zip(at, range(len(at))))
    for i, x in enumerate(list(arr) + [None]):
        out += [int(values[k]) for a, k in inserts if a == i]
        if x is not None and i not in dead:
            out.append(int(x))
    return out


def test_every_way_of_splicing_gives_what_a_list_gives():
    rng = np.random.default_rng(0)
    for trial in range(2000):
        n = int(rng.integers(0, 40))
        arr = rng.integers(0, 1000, n).astype(np.int64)
        if trial % 2:
            arr = splice_resized(arr, [], [], [])          # a view of a buffer with room
        dead = sorted(rng.choice(n, int(rng.integers(0, min(n, 4) + 1)), replace=False).tolist()) if n else []
        at = sorted(rng.integers(0, n + 1, int(rng.integers(0, 5))).tolist())
        values = rng.integers(2000, 3000, len(at))
        want = by_list(arr, dead, at, values)
        assert splice(arr, dead, at, values).tolist() == want
        if len(dead) == len(at):
            assert splice_in_place(arr.copy(), dead, at, values).tolist() == want
        assert splice_resized(arr, dead, at, values).tolist() == want


def test_a_buffer_with_room_is_used_again():
    arr = splice_resized(np.arange(10.0), [3], [], [])
    again = splice_resized(arr, [], [5], [99.0])
    assert again.base is arr.base                          # no new array of the full length
    assert again.tolist() == [0, 1, 2, 4, 5, 99, 6, 7, 8, 9]


def test_lanes_in_the_order_a_fresh_load_gives_them():
    assert lane_order({"\u2014": 5, "RU": 3, "UA": 3, "US": 9, "NZ": 0}) == ["US", "RU", "UA", "\u2014"]
