"""Lanes grow to fit: with stacking on, each lane is as tall as the sub-rows its marks need for what is in view
(a quiet lane the least, a crowded one up to four sub-rows, then "+N"), measured again when the zoom, the
filter or the data change and when a pan settles, never while dragging; clicks, "+N" and printing follow the
lanes' heights (offscreen, in the real view)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402

from viewer.model import ViewFilter  # noqa: E402
from viewer.ui import timeline_lanes  # noqa: E402
from viewer.ui.timeline import DAY, SETTLE_MS  # noqa: E402

from tests.ui.test_timeline_stacking import _show, _view  # noqa: E402
from tests.ui.timeline_helpers import click, double_click, make_store, wheel  # noqa: E402

pg.setConfigOptions(mouseRateLimit=-1)

# UA: fourteen events on consecutive days with long titles (their labels collide: they stack), and one in
# November (the view can pan into an empty October); RU and FR: one event each (nothing to stack)
CROWD = [(f"Shelling of district {k} in Kharkiv near the front line", f"2024-09-{k:02d}",
          f"2024-09-{k:02d}", "day", ["UA"]) for k in range(1, 15)]
CROWD += [("Talks in Geneva", "2024-09-02", "2024-09-02", "day", ["RU"]),
          ("Sanctions package", "2024-09-01", "2024-09-01", "day", ["FR"]),
          ("Grain deal talks", "2024-11-20", "2024-11-20", "day", ["UA"])]


@pytest.fixture
def store(tmp_path):
    s = make_store(tmp_path / "crowd.db", CROWD)
    yield s
    s.close()


def _lane(view, code):
    """(height in pixels, sub-rows) of a lane as the last frame drew it."""
    geo = view._item.hits[3]
    row = view.lanes().index(code)
    return geo.height(row), int(geo.nsub[row])


def _sub_rows_used(view, code):
    row = view.lanes().index(code)
    return {round(cy, 1) for _xs, cy, _ids, r in view._item.hits[0] if r == row}


def test_a_crowded_lane_is_taller_than_a_quiet_one(qtbot, store):
    view = _view(qtbot, store)
    _show(view)
    ua_h, ua_sub = _lane(view, "UA")
    ru_h, ru_sub = _lane(view, "RU")
    fr_h, fr_sub = _lane(view, "FR")
    assert ua_sub >= 3 and ru_sub == 1 and fr_sub == 1
    assert len(_sub_rows_used(view, "UA")) == ua_sub, "every sub-row of the grown lane holds marks"
    assert ua_h > 1.5 * ru_h and ru_h == pytest.approx(fr_h)
    # the lanes lie one under the other, the names at their middles, and together they fill the view
    geo = view._item.hits[3]
    assert np.all(np.diff(geo.tops) > 0)
    assert geo.tops[-1] - geo.tops[0] == pytest.approx(view._vb.height(), abs=1)
    ticks = dict((c, y) for y, c in view._left._tickLevels[0])
    lay = view._lane_layout
    for row, code in enumerate(view.lanes()):
        assert lay.offsets[row] < ticks[code] < lay.offsets[row + 1]


def test_stacking_off_keeps_equal_lanes(qtbot, store):
    view = _view(qtbot, store, stacking=False)
    _show(view)
    heights = [_lane(view, c)[0] for c in view.lanes()]
    assert max(heights) == pytest.approx(min(heights)) and {_lane(view, c)[1] for c in view.lanes()} == {1}


def test_a_lane_shrinks_back_in_an_empty_stretch_and_after_a_filter(qtbot, store):
    view = _view(qtbot, store)
    _show(view)
    grown = _lane(view, "UA")[0]
    _show(view, "2024-10-10", "2024-10-30")           # zoomed into a stretch with nothing in it
    assert _lane(view, "UA") == (pytest.approx(_lane(view, "RU")[0]), 1)
    _show(view)
    assert _lane(view, "UA")[0] == pytest.approx(grown)
    view.set_filter(ViewFilter(date_from="2024-09-01", date_to="2024-09-02"))   # two of UA's events left
    view._ensure_painted()
    assert set(view.lanes()) == {"UA", "RU", "FR"}
    assert _lane(view, "UA") == (pytest.approx(_lane(view, "RU")[0]), 1)
    view.set_filter(ViewFilter())
    view._ensure_painted()
    assert _lane(view, "UA")[0] == pytest.approx(grown)


def test_lanes_keep_their_heights_while_panning_and_follow_once_it_settles(qtbot, store):
    view = _view(qtbot, store)
    _show(view)
    grown = _lane(view, "UA")
    a, b = view.visible_range()
    for _ in range(4):                                 # dragged to the right, into an empty October
        view._pan((b - a) * 0.5, 0.0)
        view._ensure_painted()
        assert _lane(view, "UA") == grown, "no lane changes height while the view is dragged"
    qtbot.wait(SETTLE_MS + 150)
    view._ensure_painted()
    assert _lane(view, "UA")[1] == 1 and _lane(view, "UA")[0] < grown[0]


def test_clicking_a_mark_in_a_grown_lane_selects_it(qtbot, store):
    view = _view(qtbot, store)
    _show(view)
    row = view.lanes().index("UA")
    lowest = max((cy, int(ids[len(ids) // 2])) for _xs, cy, ids, r in view._item.hits[0] if r == row and len(ids))
    cy, chosen = lowest
    assert cy > view._item.hits[3].sub_top(row) + view._item.hits[3].pitch(row), "a mark below the first sub-row"
    pos = view.event_view_pos(chosen, "UA")
    clicked = []
    view.eventClicked.connect(clicked.append)
    click(view.viewport_widget(), pos)
    assert view.selected_event() == chosen and clicked == [chosen]
    geo = view._item.hits[3]
    assert geo.tops[row] < view._vb.mapFromScene(view.glw.mapToScene(pos)).y() < geo.tops[row + 1]


def test_plus_n_of_a_full_lane_zooms_in_on_double_click(qtbot, tmp_path):
    rows = [(f"Raid on depot {k} near the river bridge", f"2024-05-{1 + k % 28:02d}", f"2024-05-{1 + k % 28:02d}",
             "day", ["UA"]) for k in range(260)]
    rows.append(("Talks", "2024-05-10", "2024-05-10", "day", ["FR"]))
    s = make_store(tmp_path / "full.db", rows)
    try:
        view = _view(qtbot, s)
        _show(view, "2024-05-03", "2024-05-13")
        assert _lane(view, "UA")[1] == timeline_lanes.MAX_SUB and _lane(view, "FR")[1] == 1
        assert _lane(view, "UA")[0] > _lane(view, "FR")[0]
        badges = view._item.badges
        assert badges, "what four sub-rows cannot hold folds into '+N'"
        rect, t0, t1 = badges[len(badges) // 2]
        before = view.visible_range()
        opened = []
        view.eventActivated.connect(opened.append)
        centre = view.glw.mapFromScene(view._vb.mapToScene(rect.center()))
        double_click(view.viewport_widget(), QPoint(int(centre.x()), int(centre.y())))
        qtbot.wait(10)
        after = view.visible_range()
        assert not opened
        assert after[1] - after[0] < before[1] - before[0]
        assert after[0] <= t0 + DAY and after[1] >= t1 - DAY
    finally:
        s.close()


def test_the_copy_for_printing_draws_every_lane_at_its_grown_height(qtbot, tmp_path):
    codes = ["FR", "DE", "PL", "IT", "ES", "NL", "BE", "SE", "NO", "FI", "DK", "CZ"]
    rows = list(CROWD[:14]) + [(f"Event in {c}", "2024-09-08", "2024-09-08", "day", [c]) for c in codes]
    s = make_store(tmp_path / "print.db", rows)
    try:
        view = _view(qtbot, s, size=(900, 260))
        _show(view)
        assert view._lanes_overflow(), "the window scrolls its lanes"
        copy = view.copy_for_print(900)
        try:
            assert not copy._lanes_overflow() and copy.lanes() == view.lanes()
            copy._ensure_painted()
            geo = copy._item.hits[3]
            ua = copy.lanes().index("UA")
            assert int(geo.nsub[ua]) >= 3
            assert geo.height(ua) >= int(geo.nsub[ua]) * timeline_lanes.SUB_PX
            for row in range(len(copy.lanes())):
                if row != ua:
                    assert geo.height(row) < geo.height(ua)
            assert geo.tops[0] >= -0.5 and geo.tops[-1] <= copy._vb.height() + 0.5, "every lane whole"
            # drawn as on a page: every lane's marks are there, each in its own lane
            image = QImage(copy.glw.size(), QImage.Format.Format_ARGB32)
            image.fill(QColor("white"))
            p = QPainter(image)
            copy.render_into(p, QRectF(0, 0, copy.glw.width(), copy.glw.height()))
            p.end()
            origin = copy.glw.mapFromScene(copy._vb.mapToScene(QPointF(0, 0)))
            seen = set()
            for xs, cy, _ids, row in copy._item.hits[0]:
                for x in xs.tolist():
                    c = image.pixelColor(int(x + origin.x()), int(cy + origin.y()))
                    if c.saturation() > 60:
                        seen.add(row)
                assert geo.tops[row] < cy < geo.tops[row + 1]
            assert seen == set(range(len(copy.lanes())))
        finally:
            copy.close()
    finally:
        s.close()


def test_layout_places_lanes_by_cumulative_offsets():
    lay = timeline_lanes.layout([1, 4, 2], 60.0, True)          # more than 60 px: they keep their heights
    assert list(np.diff(lay.offsets)) == [24.0, 72.0, 40.0] and lay.total == 136.0
    assert lay.row_at(30.0) == 1 and lay.row_at(100.0) == 2 and lay.row_at(500.0) == 2
    roomy = timeline_lanes.layout([1, 4, 2], 272.0, True)       # twice the room: twice as tall each
    assert list(np.diff(roomy.offsets)) == pytest.approx([48.0, 144.0, 80.0])
    assert timeline_lanes.follow(lay, roomy, 30.0, 60.0) == pytest.approx(48.0 + 12.0)
    flat = timeline_lanes.layout([1, 4, 2], 300.0, False)
    assert list(np.diff(flat.offsets)) == pytest.approx([100.0, 100.0, 100.0])


def test_scrolling_to_a_lane_moves_as_little_as_it_can():
    lay = timeline_lanes.layout([1, 4, 2, 1, 1, 3], 100.0, True)      # 24, 72, 40, 24, 24, 56 px
    assert lay.scrolled_to(1, 0.0, 100.0) == 0.0                        # in view: stays
    assert lay.scrolled_to(4, 80.0, 100.0) == 96.0                      # partly in view: scrolled in, no further
    assert lay.scrolled_to(2, 0.0, 100.0) == 96.0                       # (a whole lane at the top)
    assert lay.scrolled_to(0, 30.0, 100.0) == 0.0
    y = lay.scrolled_to(5, 0.0, 100.0)                                  # far below: whole, a lane at the top
    assert y in set(lay.offsets.tolist()) or y == lay.total - 100.0
    assert y <= 184.0 <= 240.0 <= y + 100.0


def test_keyboard_brings_the_selected_events_grown_lane_whole_into_view(qtbot, tmp_path):
    codes = ["FR", "DE", "PL", "IT", "ES", "NL", "BE", "SE", "NO", "FI", "DK", "CZ"]
    rows = list(CROWD[:14]) + [(f"Event in {c}", "2024-09-20", "2024-09-20", "day", [c]) for c in codes]
    s = make_store(tmp_path / "keys.db", rows)
    try:
        view = _view(qtbot, s, size=(900, 260))
        _show(view, "2024-08-31", "2024-09-22")
        assert view._lanes_overflow()
        vp = view.viewport_widget()
        for _ in range(30):                            # scrolled down to the last lanes
            wheel(vp, QPoint(vp.width() // 2, 40), -120, Qt.KeyboardModifier.ShiftModifier)
        ua = view.lanes().index("UA")
        lay, h = view._lane_layout, view._view_height()
        _, (y0, _) = view._vb.viewRange()
        assert lay.offsets[ua + 1] <= y0, "UA's lane is out of view"
        view.setFocus()
        qtbot.keyClick(vp, Qt.Key.Key_Home)            # the first event: one of UA's
        assert view.selected_event() is not None
        _, (y0, _) = view._vb.viewRange()
        assert y0 - 0.5 <= lay.offsets[ua] and lay.offsets[ua + 1] <= y0 + h + 0.5, "its lane is whole in view"
        assert view.event_view_pos(view.selected_event(), "UA") is not None
    finally:
        s.close()
