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

from tests.ui.timeline_helpers import click, double_click, drag, event_id, make_store, wheel  # noqa: E402

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


def test_keyboard_navigation(view, qtbot, store):
    view.setFocus()
    order = [r[0] for r in store.db.execute("SELECT id FROM events ORDER BY t0, id").fetchall()]
    view.select_event(order[2])
    with qtbot.waitSignal(view.eventClicked, timeout=1000) as sig:
        qtbot.keyClick(view.viewport_widget(), Qt.Key.Key_Right)
    assert sig.args == [order[3]]
    assert view.selected_event() == order[3]
    qtbot.keyClick(view.viewport_widget(), Qt.Key.Key_Left)
    qtbot.keyClick(view.viewport_widget(), Qt.Key.Key_Left)
    assert view.selected_event() == order[1]
    qtbot.keyClick(view.viewport_widget(), Qt.Key.Key_End)
    assert view.selected_event() == order[-1]
    qtbot.keyClick(view.viewport_widget(), Qt.Key.Key_Home)
    assert view.selected_event() == order[0]
    with qtbot.waitSignal(view.eventActivated, timeout=1000) as sig:
        qtbot.keyClick(view.viewport_widget(), Qt.Key.Key_Return)
    assert sig.args == [order[0]]
    before = view.visible_range()
    qtbot.keyClick(view.viewport_widget(), Qt.Key.Key_Plus)
    zoomed = view.visible_range()
    assert zoomed[1] - zoomed[0] < before[1] - before[0]
    qtbot.keyClick(view.viewport_widget(), Qt.Key.Key_Minus)
    qtbot.keyClick(view.viewport_widget(), Qt.Key.Key_Minus)
    assert view.visible_range()[1] - view.visible_range()[0] > zoomed[1] - zoomed[0]
    view.set_visible_range(1.7e9, 1.7e9 + DAY)
    qtbot.keyClick(view.viewport_widget(), Qt.Key.Key_F)
    a, b = view.visible_range()
    t0, t1 = store.time_span()
    assert a <= t0 and b >= t1


def test_select_scrolls_into_view(view, store):
    grain = event_id(store, "Grain deal talks")
    view.set_visible_range(1.72e9 - 10 * DAY, 1.72e9 - 8 * DAY)     # July 2024: far from it
    assert grain not in view.visible_event_ids()
    view.select_event(grain)
    assert view.selected_event() == grain
    assert grain in view.visible_event_ids()
    view.select_event(None)
    assert view.selected_event() is None


def test_shift_drag_zooms_to_range(view):
    vp = view.viewport_widget()
    y = vp.height() // 3
    a = view._vb.mapSceneToView(view.glw.mapToScene(QPoint(300, y))).x()
    b = view._vb.mapSceneToView(view.glw.mapToScene(QPoint(500, y))).x()
    drag(vp, QPoint(300, y), QPoint(500, y), modifiers=Qt.KeyboardModifier.ShiftModifier)
    lo, hi = view.visible_range()
    assert lo == pytest.approx(a, abs=(b - a) * 0.03)
    assert hi == pytest.approx(b, abs=(b - a) * 0.03)


def test_zoom_is_bounded(view):
    vp = view.viewport_widget()
    pos = QPoint(vp.width() // 2, vp.height() // 3)
    for _ in range(80):
        wheel(vp, pos, 480)
    a, b = view.visible_range()
    assert b - a == pytest.approx(MIN_SPAN, rel=0.01)
    for _ in range(80):
        wheel(vp, pos, -480)
    a, b = view.visible_range()
    assert b - a == pytest.approx(MAX_SPAN, rel=0.01)
    view.set_visible_range(0, 1)
    a, b = view.visible_range()
    assert b - a >= MIN_SPAN * 0.99


def test_band_for_vague_dates_and_double_click_activates(view, qtbot, store):
    kursk = event_id(store, "Kursk incursion")
    pos = view.event_view_pos(kursk, "RU")
    assert pos is not None
    with qtbot.waitSignal(view.eventActivated, timeout=1000) as sig:
        double_click(view.viewport_widget(), pos)
    assert sig.args == [kursk]
    assert view.selected_event() == kursk


def test_export_png_and_svg(view, tmp_path):
    png, svg = tmp_path / "t.png", tmp_path / "t.svg"
    view.export_image(str(png))
    view.export_image(str(svg))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 2000
    text = svg.read_text()
    assert "<svg" in text and "UA" in text and "Talks in Paris" in text      # labels are real text


def test_no_events(qtbot, tmp_path):
    from viewer.store import Store
    store = Store.open(str(tmp_path / "empty.db"))
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(600, 300)
    v.set_store(store)
    v.grab()
    assert v.lanes() == [] and v.visible_event_ids() == set()
    qtbot.keyClick(v.viewport_widget(), Qt.Key.Key_Right)
    v.fit_all()
    store.close()


def test_lanes_scroll_when_they_do_not_fit(qtbot, store):
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(800, 150)          # room for ~2 lanes of 20 px
    v.show()
    qtbot.waitExposed(v)
    v.set_store(store)
    assert v._lanes_overflow()
    _, (y0, _) = v._vb.viewRange()
    vp = v.viewport_widget()
    wheel(vp, QPoint(vp.width() // 2, 30), -120, Qt.KeyboardModifier.ShiftModifier)
    _, (y1, _) = v._vb.viewRange()
    assert y1 > y0
    span = v.visible_range()
    wheel(vp, QPoint(vp.width() // 2, 30), 120, Qt.KeyboardModifier.ShiftModifier)
    assert v.visible_range() == span             # Shift+wheel scrolls lanes, never zooms


def test_overview_window_follows_and_drives_the_view(view):
    view.set_visible_range(1.725e9, 1.726e9)
    a, b = view.overview.region.getRegion()
    assert (a, b) == pytest.approx((1.725e9, 1.726e9))
    view.overview.region.setRegion((1.7255e9, 1.7275e9))       # as if its window were dragged
    assert view.visible_range() == pytest.approx((1.7255e9, 1.7275e9))
    view.overview.centre_on(1.728e9)
    lo, hi = view.visible_range()
    assert (lo + hi) / 2 == pytest.approx(1.728e9)


def test_hover_shows_pointer_over_events(view, store):
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication
    vp = view.viewport_widget()
    pos = view.event_view_pos(event_id(store, "Sanctions package"), "FR")
    ev = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos), QPointF(vp.mapToGlobal(pos)), Qt.MouseButton.NoButton,
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, ev)
    assert view._hovered == ("event", event_id(store, "Sanctions package"))
    assert vp.cursor().shape() == Qt.CursorShape.PointingHandCursor


def test_pan_keeps_data_in_view_and_page_keys(view, qtbot, store):
    vp = view.viewport_widget()
    y = vp.height() // 3
    for _ in range(30):
        drag(vp, QPoint(900, y), QPoint(100, y))      # far to the right of the data
    a, b = view.visible_range()
    t0, t1 = store.time_span()
    assert a < t1                                     # some of the data is still in view
    view.fit_all()
    before = view.visible_range()
    view.set_visible_range(before[0], before[0] + (before[1] - before[0]) / 4)
    start = view.visible_range()
    qtbot.keyClick(vp, Qt.Key.Key_PageDown)
    assert view.visible_range()[0] > start[0]
    view.select_event(event_id(store, "Drone strike"))
    qtbot.keyClick(vp, Qt.Key.Key_Escape)
    assert view.selected_event() is None
