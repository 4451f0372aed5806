"""The window on a database of many events and articles: sorting the table by a header click, searching
in the background, counts that follow the precision filter, and the article box that completes as you
type."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from viewer.model import ViewFilter
from viewer.store import Store
from viewer.synth import synthesize
from tests.ui.window_helpers import shown_window


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("scale") / "synth.db"
    synthesize(1200, str(path), seed=3)
    return path


@pytest.fixture
def big(qtbot, synth_db, warnings_shown):
    """The window in its big-database mode (queries on a background connection) on the synthetic db."""
    w = shown_window(qtbot)
    w.threaded_above = -1
    assert w.open_database(str(synth_db))
    qtbot.waitUntil(lambda: w.timeline.event_arrays() is not None, timeout=10000)
    qtbot.waitUntil(lambda: w.filters.article.count() > 1, timeout=10000)
    qtbot.waitUntil(lambda: w.model.rowCount() == 1200, timeout=10000)
    yield w
    w.close()


def _column(w, col: int, n: int = 40) -> list:
    return [w.model.data(w.model.index(r, col)) for r in range(min(n, w.model.rowCount()))]


def _click_header(w, section: int) -> None:
    head = w.table.horizontalHeader()
    x = head.sectionViewportPosition(section) + head.sectionSize(section) // 2
    QTest.mouseClick(head.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, head.height() // 2))


def test_clicking_a_header_sorts_the_table(qtbot, big, synth_db):
    store = Store.open(str(synth_db))
    try:
        in_time = [e.id for e in store.events(None, limit=40)]
        titles = sorted((e.title or e.sentence).lower() for e in store.events(None))
    finally:
        store.close()
    assert [big.model.event_at(r).id for r in range(40)] == in_time          # by date at first
    _click_header(big, 2)
    qtbot.waitUntil(lambda: big.model.sort_key == ("title", False)
                    and [t.lower() for t in _column(big, 2)] == titles[:40], timeout=10000)
    _click_header(big, 2)                                                       # again: Z to A
    qtbot.waitUntil(lambda: [t.lower() for t in _column(big, 2)] == titles[::-1][:40], timeout=10000)
    assert big.model.rowCount() == 1200
    _click_header(big, 0)
    qtbot.waitUntil(lambda: [big.model.event_at(r).id for r in range(40)] == in_time, timeout=10000)


def test_sorting_keeps_the_filter_and_the_selection(qtbot, big):
    big.filters.precision.setCurrentIndex(big.filters.precision.findData("day"))
    shown = big.model.rowCount()
    assert 0 < shown < 1200
    first = big.model.event_at(5).id
    big.select_event(first)
    _click_header(big, 3)                                                       # countries

    def named():
        return [c for c in (", ".join(big.model.event_at(r).countries) for r in range(shown)) if c]
    qtbot.waitUntil(lambda: named() == sorted(named()), timeout=10000)
    assert big.model.rowCount() == shown and big.model.sort_key == ("countries", False)
    qtbot.waitUntil(lambda: big.table.currentIndex().isValid(), timeout=5000)
    assert all(big.model.event_at(r).granularity in ("second", "minute", "hour", "day")
                                          for r in range(0, shown, 7))
    assert big.model.event_at(big.table.currentIndex().row()).id == first


def test_the_precision_filter_changes_the_counts(qtbot, big, synth_db):
    before = {c: big.filters.countries.count_of(c) for c in big.filters.countries.codes()}
    big.filters.precision.setCurrentIndex(big.filters.precision.findData("month"))
    store = Store.open(str(synth_db))
    try:
        want = store.country_counts(ViewFilter(max_granularity="month"))
        total = store.count_events(ViewFilter(max_granularity="month"))
    finally:
        store.close()
    after = {c: big.filters.countries.count_of(c) for c in big.filters.countries.codes()}
    assert after == {c: want.get(c, 0) for c in after}
    assert after != before and sum(after.values()) < sum(before.values())
    assert f"{total:,} of 1,200 events" in big.count_label.text()
    assert big.model.rowCount() == total


def test_search_runs_in_the_background_and_a_stale_answer_is_dropped(qtbot, big, synth_db):
    store = Store.open(str(synth_db))
    try:
        officials = store.count_events(ViewFilter(search="officials"))
        talks = store.count_events(ViewFilter(search="talks"))
    finally:
        store.close()
    assert officials != talks and talks > 0
    f = big.filters
    f.search.setText("officials")
    f.apply_now()
    f.search.setText("talks")              # typed on before the first answer came back
    f.apply_now()
    qtbot.waitUntil(lambda: not f.is_searching(), timeout=10000)
    qtbot.wait(50)
    assert big.model.rowCount() == talks
    assert big.view_filter().search == "talks"
    f.search.setText("zzqx nothing")
    f.apply_now()
    assert "Searching" in f.message.text() or big.model.rowCount() == 0
    qtbot.waitUntil(lambda: "No events mention" in f.message.text(), timeout=10000)
    assert big.model.rowCount() == 0


@pytest.mark.parametrize("query", ['"((', "AND OR NOT", "*", "Putin)) \"NEAR("])
def test_a_mistyped_search_gets_a_gentle_message_in_the_background(qtbot, big, query):
    f = big.filters
    f.search.setText(query)
    f.apply_now()
    qtbot.waitUntil(lambda: not f.is_searching(), timeout=10000)
    assert f.message.isVisible()
    text = f.message.text().lower()
    assert "sql" not in text and "syntax" not in text and "fts" not in text
    if query in ('"((', "*"):                # nothing to search for: the other filters still show
        assert big.model.rowCount() == 1200


def test_the_article_box_completes_what_you_type(qtbot, big, synth_db):
    store = Store.open(str(synth_db))
    try:
        aid, title, n = store.db.execute(
            "SELECT a.id, a.title, count(*) FROM articles a JOIN events e ON e.article_id = a.id"
            " GROUP BY a.id ORDER BY count(*) DESC LIMIT 1").fetchone()
    finally:
        store.close()
    box = big.filters.article
    box.lineEdit().setFocus()
    box.lineEdit().clear()
    words = title.split()[1:3]
    QTest.keyClicks(box.lineEdit(), " ".join(words).lower())
    done = box.completer()
    qtbot.waitUntil(lambda: done.completionCount() > 0, timeout=5000)
    found = [done.completionModel().index(r, 0).data() for r in range(done.completionCount())]
    assert all(" ".join(words).lower() in s.lower() for s in found)
    assert 1 <= len(found) < box.count() - 1          # narrowed, not every article
    row = next(r for r, s in enumerate(found) if s.startswith(title[:40]))
    popup = done.popup()
    popup.setCurrentIndex(done.completionModel().index(row, 0))
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: big.view_filter().article_id == aid, timeout=5000)
    assert big.model.rowCount() == n
    assert {big.model.event_at(r).article_id for r in range(n)} == {aid}
