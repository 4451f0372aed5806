"""The timeline on a synthetic database of 20k events: level of detail, clusters, loading, filters."""
from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pyqtgraph as pg  # noqa: E402
import pytest  # noqa: E402
import numpy as np  # noqa: E402
from PySide6.QtCore import QPointF  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402

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


def _loader_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "timeline-loader"]


def test_closing_while_loading_is_harmless(qtbot, store, monkeypatch):
    """Closing the timeline while a big database loads: the loads end quietly, nothing reaches the closed
    view (a Qt warning or an exception in a loader would fail the test)."""
    monkeypatch.setattr(timeline, "SYNC_MAX", 1000)
    failures: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: failures.append(args.exc_value))
    v = TimelineView()
    v.resize(800, 400)
    v.set_store(store)
    qtbot.waitUntil(lambda: bool(_loader_threads()), timeout=5000)      # the loader started
    v.set_store(store)           # a second load supersedes the first
    assert v.is_loading()        # closed mid-load, not after
    v.close()
    v.deleteLater()
    qtbot.wait(300)
    for t in _loader_threads():
        t.join(30)
    assert not _loader_threads() and not failures


def _pan(view, fraction):
    a, b = view.visible_range()
    view.set_visible_range(a + (b - a) * fraction, b + (b - a) * fraction)
    view.grab()


def _fresh(view):
    """What the view shows when rendered from scratch (no lanes rendered ahead)."""
    view._item._canvas = None
    view._item._last_key = None
    return view.grab().toImage(), view.visible_event_ids()


def test_panning_shows_what_a_fresh_render_of_the_same_range_shows(view, store):
    """Panning moves lanes rendered ahead instead of drawing them again: what it shows, the marks it
    reports and the titles it places must be those of drawing the range from scratch."""
    t, = store.db.execute("SELECT t0 FROM events WHERE granularity = 'day' ORDER BY id LIMIT 1 OFFSET 7000").fetchone()
    view.set_visible_range(t - 10 * DAY, t + 10 * DAY)
    view.grab()
    for fraction in (0.05, -0.02, 0.08):
        _pan(view, fraction)
    assert view._item._canvas is not None          # the pans used the lanes rendered ahead
    panned, ids = view.grab().toImage(), view.visible_event_ids()
    labels = [r for _, r in view._item.label_rects]
    fresh, fresh_ids = _fresh(view)
    assert ids == fresh_ids and ids
    again = [r for _, r in view._item.label_rects]
    assert len(labels) == len(again) and labels
    # the same titles in the same places (a moved image lands on whole pixels: within one; a title cut
    # at the right edge may lose a letter more or less)
    bad = [(a, b) for a, b in zip(labels, again)
           if not (abs(a.x() - b.x()) <= 1 and a.y() == b.y() and abs(a.width() - b.width()) <= 10)]
    assert not bad
    assert panned.size() == fresh.size()
    a, b = _pixels(panned), _pixels(fresh)
    # the moved image lands on whole pixels: a pixel counts as the same if it matches a neighbour
    close = np.zeros(a.shape[:2], dtype=bool)
    for dx in (-1, 0, 1):
        close |= (np.abs(a - np.roll(b, dx, axis=1)).max(axis=2) <= 40)
    assert (~close[:, 2:-2]).mean() < 0.01


def _pixels(image):
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return raw.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, :image.width(), :3].astype(np.int16)


def test_a_filter_or_a_selection_after_panning_is_shown_at_once(view, store):
    t, = store.db.execute("SELECT t0 FROM events WHERE granularity = 'day' ORDER BY id LIMIT 1 OFFSET 7000").fetchone()
    view.set_visible_range(t - 10 * DAY, t + 10 * DAY)
    view.grab()
    _pan(view, 0.05)
    _pan(view, 0.05)
    lanes = view.lanes()
    before = view.visible_event_ids()
    view.set_filter(ViewFilter(countries=frozenset(lanes[:2])))
    after = view.visible_event_ids()
    assert after and after < before
    codes = {c for row in store.db.execute(
        "SELECT countries FROM events WHERE id IN (%s)" % ",".join(map(str, after))) for c in row[0].split(",")}
    assert codes & set(lanes[:2])
    _pan(view, 0.05)
    some = sorted(view.visible_event_ids())[0]
    view.select_event(some)
    view.grab()
    assert view._item.callout is not None, "the selected event's title is drawn in the next frame"
    title, = store.db.execute("SELECT title FROM events WHERE id = ?", [some]).fetchone()
    shown = view._item.callout[2]
    assert shown and title.startswith(shown.rstrip("…"))
