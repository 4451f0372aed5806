"""The timeline widget: drawing, navigation and selection (offscreen, no timing assertions)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pyqtgraph as pg  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402

from viewer.model import ViewFilter  # noqa: E402
from viewer.store.timeline import NO_COUNTRY  # noqa: E402
from viewer.ui.timeline import DAY, MAX_SPAN, MIN_SPAN, TimelineView  # noqa: E402

from tests.ui.timeline_helpers import click, drag, event_id, make_store, wheel  # noqa: E402

pg.setConfigOptions(mouseRateLimit=-1)


@pytest.fixture
def store(tmp_path):
    s = make_store(tmp_path / "small.db")
    yield s
    s.close()


@pytest.fixture
def view(qtbot, store):
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(1000, 500)
    v.show()
    qtbot.waitExposed(v)
    v.set_store(store)
    qtbot.wait(10)
    return v


def _plot_centre(view) -> QPoint:
    vp = view.viewport_widget()
    a = view.event_view_pos(event_id(view._store, "Talks in Paris"))
    return QPoint(vp.width() // 2, a.y() if a else vp.height() // 3)


def test_lanes_and_marks(view, store):
    assert view.lanes()[:3] == ["UA", "RU", "FR"]
    assert view.lanes()[-1] == NO_COUNTRY
    ids = view.visible_event_ids()
    assert ids == {r[0] for r in store.db.execute("SELECT id FROM events").fetchall()}
    paris = event_id(store, "Talks in Paris")
    assert view.event_view_pos(paris, "FR") is not None
    assert view.event_view_pos(paris, "UA") is not None
    assert view.event_view_pos(paris, "UA").y() < view.event_view_pos(paris, "FR").y()


def test_click_emits_event(view, qtbot, store):
    paris = event_id(store, "Talks in Paris")
    pos = view.event_view_pos(paris, "FR")
    with qtbot.waitSignal(view.eventClicked, timeout=1000) as sig:
        click(view.viewport_widget(), pos)
    assert sig.args == [paris]
    assert view.selected_event() == paris


def test_wheel_zooms_around_cursor(view, qtbot):
    vp = view.viewport_widget()
    pos = QPoint(int(vp.width() * 0.6), vp.height() // 3)
    before = view.visible_range()
    t_before = view._vb.mapSceneToView(view.glw.mapToScene(pos)).x()
    wheel(vp, pos, 240)
    after = view.visible_range()
    assert after[1] - after[0] < (before[1] - before[0]) * 0.9
    t_after = view._vb.mapSceneToView(view.glw.mapToScene(pos)).x()
    assert abs(t_after - t_before) < (after[1] - after[0]) * 0.01
    wheel(vp, pos, -480)
    again = view.visible_range()
    assert again[1] - again[0] > after[1] - after[0]


def test_drag_pans(view):
    vp = view.viewport_widget()
    before = view.visible_range()
    y = vp.height() // 3
    drag(vp, QPoint(600, y), QPoint(400, y))
    after = view.visible_range()
    span = before[1] - before[0]
    assert after[1] - after[0] == pytest.approx(span, rel=1e-6)
    assert after[0] > before[0] + span * 0.05       # dragged left: later times come into view


def test_fit_all_and_filter(view, store):
    view.set_visible_range(1.7e9, 1.7e9 + 3 * DAY)
    view.fit_all()
    a, b = view.visible_range()
    t0, t1 = store.time_span()
    assert a <= t0 and b >= t1
    drone = event_id(store, "Drone strike")
    assert drone in view.visible_event_ids()
    view.set_filter(ViewFilter(countries=frozenset({"FR", "UA"})))
    assert "RU" not in view.lanes()
    assert drone not in view.visible_event_ids()
    assert event_id(store, "Shelling of Kharkiv") in view.visible_event_ids()   # still in the UA lane
    assert view.event_view_pos(event_id(store, "Shelling of Kharkiv"), "RU") is None
    view.set_filter(ViewFilter())
    assert drone in view.visible_event_ids()
