"""Double-clicking a "+N" always zooms INTO it: the new range lies within the view and is narrower, also
when what the "+N" folds spans more than the view (a day's events seen at the scale of hours)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pyqtgraph as pg  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QPoint  # noqa: E402

from viewer.store import interval_seconds  # noqa: E402
from viewer.ui.timeline import HOUR  # noqa: E402

from tests.ui.test_timeline_stacking import _view  # noqa: E402
from tests.ui.timeline_helpers import double_click, make_store  # noqa: E402

pg.setConfigOptions(mouseRateLimit=-1)

# eight events on one day in one lane: seen a little wider than that day, their day-long marks leave room
# for their labels only past the day's end, where they fold into "+N"s that span the whole day
TITLES = ["Raid on the depot", "Talks about grain", "Drone strike on a port", "Convoy hit near the border",
          "Refinery fire after attack", "Envoy visits the capital", "Missile hits a railway hub",
          "Ceasefire proposal rejected"]
ROWS = [(t, "2024-09-10", "2024-09-10", "day", ["UA"]) for t in TITLES]
ROWS.append(("Talks in Geneva", "2024-09-12", "2024-09-12", "day", ["FR"]))


@pytest.fixture
def store(tmp_path):
    s = make_store(tmp_path / "day.db", ROWS)
    yield s
    s.close()


def _double_click_badge(view, rect):
    centre = view.glw.mapFromScene(view._vb.mapToScene(rect.center()))
    double_click(view.viewport_widget(), QPoint(int(centre.x()), int(centre.y())))


def test_double_click_on_a_plus_n_wider_than_the_view_zooms_in(qtbot, store):
    view = _view(qtbot, store)
    day = interval_seconds("2024-09-10", "2024-09-10")[0]
    view.set_visible_range(day - 2 * HOUR, day + 27 * HOUR)
    view._changed()
    view._ensure_painted()
    badges = view._item.badges
    assert badges, "the day's labels fold into '+N'"
    rect, t0, t1 = badges[0]
    before = view.visible_range()
    assert t1 - t0 > before[1] - before[0], "the '+N' folds more than the view shows"
    opened = []
    view.eventActivated.connect(opened.append)
    _double_click_badge(view, rect)
    qtbot.wait(10)
    after = view.visible_range()
    assert not opened, "a double-click on '+N' opens nothing"
    assert after[1] - after[0] < 0.95 * (before[1] - before[0]), (before, after)
    assert before[0] - 1 <= after[0] and after[1] <= before[1] + 1, (before, after)


def test_repeated_double_clicks_on_plus_n_keep_zooming_in(qtbot, store):
    view = _view(qtbot, store)
    day = interval_seconds("2024-09-10", "2024-09-10")[0]
    view.set_visible_range(day - 2 * HOUR, day + 27 * HOUR)
    for _ in range(3):
        view._changed()
        view._ensure_painted()
        badges = view._item.badges + [(r, a, b) for r, a, b in view._item.hits[2]]
        if not badges:
            break
        before = view.visible_range()
        _double_click_badge(view, badges[0][0])
        qtbot.wait(10)
        after = view.visible_range()
        assert after[1] - after[0] < before[1] - before[0], (before, after)
        assert before[0] - 1 <= after[0] and after[1] <= before[1] + 1, (before, after)


@pytest.mark.parametrize("t0, t1", [(-500.0, 1500.0), (100.0, 900.0), (950.0, 5000.0), (-9e9, 9e9),
                                    (2000.0, 3000.0), (400.0, 400.0), (300.0, 310.0)])
def test_the_range_a_plus_n_zooms_to_lies_within_the_view_and_is_narrower(t0, t1):
    from viewer.ui.timeline import zoom_into_range
    a, b = zoom_into_range(0.0, 1000.0, t0, t1, min_span=50.0)
    assert 0.0 <= a < b <= 1000.0 and b - a <= 900.0 and b - a >= 50.0 - 1e-9
    lo, hi = max(t0, 0.0), min(t1, 1000.0)
    if hi > lo and hi - lo <= 900.0:
        assert a <= lo + 25 and b >= hi - 25, "what the '+N' folds stays in view"
    assert zoom_into_range(0.0, 50.0, t0, t1, min_span=50.0) is None, "no further in than the bound"
