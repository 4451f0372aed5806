"""Dense timelines you can read: over a dense synthetic view, at several zooms, while panning and with an
event selected, no label (titles, "+N" badges, the selected event's callout) is drawn over another mark of its
sub-row, nor over the selected dot's ring (offscreen, in the real view)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QRectF  # noqa: E402

from viewer.store import interval_seconds  # noqa: E402

from tests.ui.test_timeline_stacking import _view  # noqa: E402
from tests.ui.timeline_helpers import make_store  # noqa: E402

pg.setConfigOptions(mouseRateLimit=-1)

WORDS = ["raid", "depot", "river", "bridge", "talks", "convoy", "drone", "port", "grain", "shelling", "border",
         "refinery", "airfield", "summit", "sanctions", "ceasefire", "envoy", "railway", "missile", "harbour"]
LANES = [["UA"], ["RU"], ["UA", "RU"], ["FR"], ["DE", "UA"], ["PL"]]


def _rows():
    """About 600 events over a spring: days, a few months and weeks, in six lanes, with titles of
    different lengths (deterministic)."""
    rng = np.random.default_rng(11)
    rows = []
    for k in range(600):
        title = " ".join(rng.choice(WORDS, int(rng.integers(2, 7)), replace=False)).capitalize() + f" {k}"
        month, day = 3 + int(rng.integers(0, 3)), 1 + int(rng.integers(0, 28))
        d = f"2023-{month:02d}-{day:02d}"
        if k % 37 == 0:
            rows.append((title, f"2023-{month:02d}-01", f"2023-{month:02d}-28", "month", LANES[k % len(LANES)]))
        else:
            rows.append((title, d, d, "day", LANES[int(rng.integers(0, len(LANES)))]))
    return rows


@pytest.fixture(scope="module")
def dense_rows():
    return _rows()


@pytest.fixture
def store(tmp_path, dense_rows):
    s = make_store(tmp_path / "dense.db", dense_rows)
    yield s
    s.close()


def _show(view, d0, d1):
    view.set_visible_range(interval_seconds(d0, d0)[0], interval_seconds(d1, d1)[0])
    view._changed()
    view._ensure_painted()


def _drawn_labels(view):
    """(row, rectangle, what) of every label the last frame drew: titles and "+N"s, and the callout."""
    out = [(row, rect, "label") for row, rect in view._item.label_rects]
    callout = view._item.callout
    if callout is not None:
        out.append((callout[0], callout[1], "callout"))
    return out


def _covered_marks(view):
    """The marks whose centre lies inside a label of their own sub-row, and labels over the selected ring."""
    w = view._vb.width()
    pts, bands, _pills, _geo, _ = view._item.hits
    selected = view.selected_event()
    bad = []
    for row, rect, what in _drawn_labels(view):
        inner = rect.adjusted(0.5, 0.5, -0.5, -0.5)
        for xs, cy, ids, prow in pts:
            if prow != row or not (inner.top() < cy < inner.bottom()):
                continue
            for x, i in zip(xs.tolist(), ids.tolist()):
                if not 0 <= x <= w:
                    continue
                if inner.left() < x < inner.right() and not (what == "callout" and i == selected):
                    bad.append((what, row, (round(rect.left()), round(rect.right())), round(x), i))
                if i == selected and inner.intersects(QRectF(x - 8.5, cy - 8.5, 17, 17)):
                    bad.append((what, row, "over the selected ring", round(x), i))
        for bx0, _bx1, y0, y1, ids, brow in bands:      # a label may lie over a band, not over its start
            if brow != row or not (inner.top() < (y0 + y1) / 2 < inner.bottom()):
                continue
            for x, i in zip(bx0.tolist(), ids.tolist()):
                if 1 <= x <= w and inner.left() + 1.5 < x < inner.right() - 1.5 \
                        and not (what == "callout" and i == selected):
                    bad.append((what, row, (round(rect.left()), round(rect.right())), "band start", round(x), i))
    return bad


VIEWS = [("2023-03-01", "2023-05-31"), ("2023-03-20", "2023-04-20"), ("2023-04-01", "2023-04-08"),
         ("2023-04-10", "2023-04-12")]


@pytest.mark.parametrize("width", [1200, 800])
def test_no_label_covers_another_mark_of_its_sub_row_in_a_dense_view(qtbot, store, width):
    view = _view(qtbot, store, size=(width, 600))
    checked = 0
    for d0, d1 in VIEWS:
        _show(view, d0, d1)
        assert _covered_marks(view) == [], (d0, d1)
        checked += len(_drawn_labels(view))
        a, b = view.visible_range()
        for step in (0.13, 0.21, -0.4):            # panned: the lanes rendered ahead, labels for the window
            view._pan((b - a) * step, 0.0)
            view._ensure_painted()
            assert _covered_marks(view) == [], (d0, d1, step)
    assert checked > 60, "the views draw labels"


@pytest.mark.parametrize("width", [1200, 800])
def test_the_selected_events_callout_covers_no_other_mark(qtbot, store, width):
    view = _view(qtbot, store, size=(width, 600))
    callouts = 0
    for d0, d1 in VIEWS:
        _show(view, d0, d1)
        ids = sorted(view.visible_event_ids())
        assert ids
        for chosen in ids[:: max(1, len(ids) // 12)]:
            view.select_event(chosen)
            view._changed()
            view._ensure_painted()
            callouts += view._item.callout is not None
            assert _covered_marks(view) == [], (d0, d1, chosen)
        view.select_event(None)
    assert callouts >= 10, "most selections show a callout"
