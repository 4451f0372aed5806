"""The timeline on a synthetic database of 20k events: level of detail, clusters, loading, filters."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pyqtgraph as pg  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QPointF  # noqa: E402

import viewer.ui.timeline as timeline  # noqa: E402
from viewer.model import ViewFilter  # noqa: E402
from viewer.store import Store  # noqa: E402
from viewer.synth import synthesize  # noqa: E402
from viewer.ui.timeline import DAY, TimelineView  # noqa: E402

from tests.ui.timeline_helpers import double_click  # noqa: E402

pg.setConfigOptions(mouseRateLimit=-1)
N = 20_000


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("synth") / "synth20k.db"
    synthesize(N, str(path), seed=3)
    return str(path)


@pytest.fixture
def store(db_path):
    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture
def view(qtbot, store):
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(1200, 700)
    v.show()
    qtbot.waitExposed(v)
    v.set_store(store)
    return v


def test_renders_without_per_event_items(view, store):
    view.grab()
    items = view.glw.scene().items()
    assert len(items) < 120                       # axes, overview, one lanes item ... not 20k
    assert not any(isinstance(i, pg.TextItem) for i in items)
    assert len(view.lanes()) >= 20
    # zoomed out: lanes are density strips and clusters, few events drawn one by one
    assert len(view.visible_event_ids()) < 2000
    pills = view._item.hits[2]
    assert pills, "dense lanes show +N clusters"


def test_zooming_in_draws_events_individually(view, store):
    t, = store.db.execute("SELECT t0 FROM events WHERE granularity = 'day' ORDER BY id LIMIT 1 OFFSET 9000").fetchone()
    view.set_visible_range(t - 3 * DAY, t + 3 * DAY)
    ids = view.visible_event_ids()
    assert ids
    rows = store.db.execute("SELECT t0, t1 FROM events WHERE id IN (%s)" % ",".join(map(str, ids))).fetchall()
    a, b = view.visible_range()
    assert all(t0 < b and t1 > a for t0, t1 in rows)


def test_double_click_cluster_zooms_into_it(view):
    view.grab()
    rect, t0, t1 = max(view._item.hits[2], key=lambda h: h[0].width())
    pos = view._to_viewport(QPointF(rect.center().x(), rect.center().y()))
    double_click(view.viewport_widget(), pos)
    a, b = view.visible_range()
    assert b - a == pytest.approx(max(t1 - t0, timeline.MIN_SPAN), rel=0.01)


def test_country_and_search_filters(view, store):
    lanes = view.lanes()
    keep = frozenset(lanes[:3])
    view.set_filter(ViewFilter(countries=keep))
    assert view.lanes() == list(lanes[:3])
    view.set_filter(ViewFilter(search="Ukraine"))
    t, = store.db.execute("SELECT t0 FROM events WHERE sentence LIKE '%Ukraine%' ORDER BY id LIMIT 1 OFFSET 50").fetchone()
    view.set_visible_range(t - 20 * DAY, t + 20 * DAY)
    ids = view.visible_event_ids()
    assert ids
    for title, sentence in store.db.execute(
            "SELECT title, sentence FROM events WHERE id IN (%s)" % ",".join(map(str, ids))):
        assert "Ukraine" in title + sentence
    view.set_filter(ViewFilter(max_granularity="day"))
    view.fit_all()
    view.set_visible_range(t - 200 * DAY, t + 200 * DAY)
    grans = {g for g, in store.db.execute(
        "SELECT DISTINCT granularity FROM events WHERE id IN (%s)" % ",".join(map(str, view.visible_event_ids())))}
    assert grans <= {"day", "hour", "minute", "second"}


def test_big_database_loads_in_a_thread(qtbot, store, monkeypatch):
    monkeypatch.setattr(timeline, "SYNC_MAX", 1000)
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(1000, 600)
    v.show()
    with qtbot.waitSignal(v.loadingFinished, timeout=20000):
        v.set_store(store)
        assert v.is_loading()
        v.grab()                                   # the first frame: densities from the index alone
        assert v.lanes()
    assert not v.is_loading()
    t, = store.db.execute("SELECT t0 FROM events ORDER BY id LIMIT 1 OFFSET 5000").fetchone()
    v.set_visible_range(t - 2 * DAY, t + 2 * DAY)
    assert v.visible_event_ids()


def test_closing_while_loading_is_harmless(qtbot, store, monkeypatch):
    monkeypatch.setattr(timeline, "SYNC_MAX", 1000)
    v = TimelineView()
    v.resize(800, 400)
    v.set_store(store)
    qtbot.wait(1)                # the loader starts
    v.set_store(store)           # a second load supersedes the first
    v.close()
    v.deleteLater()
    qtbot.wait(300)
