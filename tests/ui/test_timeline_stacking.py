"""Dense timelines you can read: overlapping marks and labels stack in sub-rows inside a lane, a label never
sits on another mark nor under its own selected dot, the selection frame never cuts text, Fit all leaves
room for the last labels, and double-clicking a "+N" zooms into it (offscreen, in the real view)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QPoint, QPointF, QRectF  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402

from viewer.store import interval_seconds  # noqa: E402
from viewer.ui import timeline_paint as tp  # noqa: E402
from viewer.ui.timeline import DAY, TimelineView  # noqa: E402

from tests.ui.timeline_helpers import double_click, event_id, make_store  # noqa: E402

pg.setConfigOptions(mouseRateLimit=-1)

# fourteen events on consecutive days in one lane, each with a long title: side by side they collide
CROWD = [(f"Shelling of district {k} in Kharkiv", f"2024-09-{k:02d}",
          f"2024-09-{k:02d}", "day", ["UA"]) for k in range(1, 15)]
CROWD += [("A long offensive in the east", "2024-09-01", "2024-09-30", "month", ["RU"]),
          ("Talks in Geneva about the grain corridor and the ports", "2024-09-05", "2024-09-05", "day", ["RU"])]


@pytest.fixture
def store(tmp_path):
    s = make_store(tmp_path / "crowd.db", CROWD)
    yield s
    s.close()


def _view(qtbot, store, stacking=True, size=(1000, 420)):
    v = TimelineView()
    v.stacking = stacking
    qtbot.addWidget(v)
    v.resize(*size)
    v.show()
    qtbot.waitExposed(v)
    v.set_store(store)
    qtbot.wait(10)
    return v


def _show(view, d0="2024-08-31", d1="2024-09-16"):
    t0 = interval_seconds(d0, d0)[0]
    t1 = interval_seconds(d1, d1)[0]
    view.set_visible_range(t0, t1)
    view._changed()
    view._ensure_painted()


def _dots(view):
    """(row, rectangle) of every dot the last frame drew."""
    pts = view._item.hits[0]
    r = tp.DOT_RADIUS
    return [(row, QRectF(float(x) - r, cy - r, 2 * r, 2 * r)) for xs, cy, _ids, row in pts for x in xs.tolist()]


def _titles(view):
    return [(row, rect, text) for row, rect, text, _ in view._item.label_texts]


def test_crowded_lane_stacks_in_sub_rows_and_shows_more_titles(qtbot, store):
    flat = _view(qtbot, store, stacking=False)
    _show(flat)
    flat_titles = [t for _, _, t in _titles(flat)]
    stacked = _view(qtbot, store, stacking=True)
    _show(stacked)
    ua = stacked.lanes().index("UA")
    rows = {cy for xs, cy, _ids, row in stacked._item.hits[0] if row == ua}
    assert len(rows) >= 2, "the crowded lane uses more than one sub-row"
    shown = [t for row, _, t in _titles(stacked) if row == ua]
    whole = [t for t in shown if not t.endswith("…")]
    assert len(shown) > len([t for t in flat_titles if "Kharkiv" in t])
    assert len(whole) >= 4, shown


def test_a_label_never_sits_on_a_mark_nor_on_another_label(qtbot, store):
    view = _view(qtbot, store)
    for d0, d1 in (("2024-08-31", "2024-09-16"), ("2024-08-28", "2024-09-10"), ("2024-09-02", "2024-09-08")):
        _show(view, d0, d1)
        dots = _dots(view)
        titles = _titles(view)
        assert titles
        for row, rect, text in titles:
            inner = rect.adjusted(0.5, 0.5, -0.5, -0.5)
            for drow, dot in dots:
                assert not (drow == row and inner.intersects(dot)), (text, rect, dot)
        rects = [r.adjusted(0.5, 0.5, -0.5, -0.5) for _, r in view._item.label_rects]
        for i, a in enumerate(rects):
            for b in rects[i + 1:]:
                assert not a.intersects(b), (a, b)


def test_no_label_under_the_selected_dot_and_its_callout_beside_it(qtbot, store):
    view = _view(qtbot, store)
    chosen = event_id(store, CROWD[6][0])
    view.select_event(chosen)
    _show(view)
    pos = view.event_view_pos(chosen, "UA")
    assert pos is not None
    centre = view._vb.mapFromScene(view.glw.mapToScene(pos))
    ring = QRectF(centre.x() - 8.5, centre.y() - 8.5, 17, 17)
    for _, rect in view._item.label_rects:
        assert not rect.intersects(ring), rect
    callout = view._item.callout
    assert callout is not None and not callout[1].intersects(ring)


def _dark_run(image: QImage, y: int, x0: int, x1: int) -> int:
    """The longest run of dark pixels on row y between x0 and x1."""
    best = run = 0
    for x in range(max(0, x0), min(image.width(), x1)):
        c = image.pixelColor(x, y)
        if c.lightness() < 90:
            run += 1
            best = max(best, run)
        else:
            run = 0
    return best


def test_the_selection_frame_never_cuts_the_callout(qtbot, store):
    view = _view(qtbot, store)
    band = event_id(store, "A long offensive in the east")
    view.select_event(band)
    _show(view)
    callout = view._item.callout
    assert callout is not None
    box = callout[1]
    image = view.glw.grab().toImage()
    # where the ViewBox sits in the widget
    origin = view.glw.mapFromScene(view._vb.mapToScene(QPointF(0, 0)))
    x0, x1 = int(box.left() + origin.x()) + 3, int(box.right() + origin.x()) - 3
    for y in range(int(box.top() + origin.y()) + 2, int(box.bottom() + origin.y()) - 1):
        assert _dark_run(image, y, x0, x1) < (x1 - x0) * 0.5, f"a line crosses the callout's text at y={y}"


def test_fit_all_leaves_room_for_the_last_labels(qtbot, tmp_path):
    rows = [("Early skirmish", "2024-03-01", "2024-03-01", "day", ["FR"]),
            ("The last event of the whole period", "2024-11-20", "2024-11-20", "day", ["FR"]),
            ("Another last one in a second lane", "2024-11-19", "2024-11-19", "day", ["DE"])]
    s = make_store(tmp_path / "fit.db", rows)
    try:
        for size in ((900, 360), (1300, 400)):
            view = _view(qtbot, s, size=size)
            view.fit_all()
            view._changed()
            view._ensure_painted()
            texts = {t for _, _, t in _titles(view)}
            assert rows[1][0] in texts and rows[2][0] in texts, texts
            w = view._vb.width()
            assert all(r.right() <= w for _, r in view._item.label_rects)
    finally:
        s.close()


def test_double_click_on_a_plus_n_zooms_into_it_and_opens_nothing(qtbot, tmp_path):
    words = ["raid", "depot", "river", "bridge", "talks", "convoy", "drone", "port", "grain", "shelling", "border",
             "refinery", "airfield", "summit", "sanctions", "ceasefire", "envoy", "railway", "missile", "harbour"]
    rng = np.random.default_rng(3)
    rows = [(" ".join(rng.choice(words, 4, replace=False)).capitalize() + f" {k}", f"2024-{5 + k % 3:02d}-{1 + k % 28:02d}",
             f"2024-{5 + k % 3:02d}-{1 + k % 28:02d}", "day", ["UA"]) for k in range(900)]
    s = make_store(tmp_path / "dense.db", rows)
    try:
        view = _view(qtbot, s)
        view.fit_all()
        view._ensure_painted()
        pills = view._item.hits[2] + [(r, a, b) for r, a, b in view._item.badges]
        assert pills, "a dense lane shows '+N'"
        rect, t0, t1 = pills[0]
        before = view.visible_range()
        opened = []
        view.eventActivated.connect(opened.append)
        centre = view.glw.mapFromScene(view._vb.mapToScene(rect.center()))
        double_click(view.viewport_widget(), QPoint(int(centre.x()), int(centre.y())))
        qtbot.wait(10)
        after = view.visible_range()
        assert not opened, "a double-click on '+N' opens nothing"
        assert after[1] - after[0] < before[1] - before[0]
        assert after[0] <= max(t0, before[0]) + DAY and after[1] >= min(t1, before[1]) - DAY
    finally:
        s.close()


def test_stacking_off_keeps_every_mark_on_the_lane_line(qtbot, store):
    view = _view(qtbot, store, stacking=False)
    _show(view)
    ua = view.lanes().index("UA")
    assert len({cy for xs, cy, _ids, row in view._item.hits[0] if row == ua}) == 1
    assert np.isclose(view._visible_lane_count(), min(len(view.lanes()), view._vb.height() / 20.0))
