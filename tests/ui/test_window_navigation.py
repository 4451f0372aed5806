"""Navigating the window (issue 15), in the real window offscreen: search results you can step through
(Enter, F3 / Shift+F3), each shown and selected with its words highlighted; the view that follows the data;
the keyboard between panes."""
from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.timeline_helpers import event_id, make_store, wheel
from tests.ui.window_helpers import empty_window, shown_window
from viewer.ui.excerpt import SEARCH_BG, excerpt_html
from viewer.ui.models import EVENT_ID_ROLE

DAY = 86400.0


def _window(qtbot, path, rows=None):
    store = make_store(path) if rows is None else make_store(path, rows)
    store.close()
    w = shown_window(qtbot)
    w.activateWindow()                                   # shortcuts (F3) go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    assert w.open_database(str(path))
    return w


def _ids(path, *titles):
    from viewer.store import Store
    store = Store.open(str(path), readonly=True)
    try:
        return [event_id(store, t) for t in titles]
    finally:
        store.close()


def _shown_everywhere(w, eid) -> bool:
    """The event is the selection, the table's current (selected) row, the timeline's and the excerpt's."""
    current = w.table.currentIndex()
    return (w.view_state.selected == eid and w.timeline.selected_event() == eid
            and w.excerpt.event_id() == eid and current.isValid()
            and w.model.data(current, EVENT_ID_ROLE) == eid
            and w.table.selectionModel().isRowSelected(current.row()))


def _highlighted(w) -> list[str]:
    """The texts the excerpt shows on the search highlight's background."""
    out = []
    doc = w.excerpt.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.charFormat().background().color().name() == SEARCH_BG:
                out.append(frag.text())
            it += 1
        block = block.next()
    return out


def _in_view(w, eid) -> bool:
    return eid in w.timeline.visible_event_ids()


# ============================================================================ 1. search you can navigate
def test_enter_and_f3_step_through_search_results_each_shown_and_selected(qtbot, warnings_shown, tmp_path):
    path = tmp_path / "s.db"
    w = _window(qtbot, path)
    paris, grain = _ids(path, "Talks in Paris", "Grain deal talks")
    box = w.filters.search
    w.find_action.trigger()
    QTest.keyClicks(box, "talks")
    QTest.keyClick(box, Qt.Key.Key_Return)            # searches and shows the first result (in date order)
    qtbot.waitUntil(lambda: _shown_everywhere(w, paris))
    assert w.model.rowCount() == 2
    assert w.focusWidget() is box                     # Enter again goes on from here
    # zoom in far from the next result: stepping to it brings it into view
    t = w.timeline
    a, _b = t.visible_range()
    t.set_visible_range(a, a + 3 * DAY)
    assert not _in_view(w, grain)
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _shown_everywhere(w, grain))
    assert _in_view(w, grain)
    assert "Result 2 of 2" in w.statusBar().currentMessage()
    # F3 wraps around to the first, Shift+F3 goes back
    QTest.keyClick(box, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: _shown_everywhere(w, paris))
    assert _in_view(w, paris)
    QTest.keyClick(box, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: _shown_everywhere(w, grain))
    w.find_previous_action.trigger()
    qtbot.waitUntil(lambda: _shown_everywhere(w, paris))


def test_a_new_search_starts_at_its_first_result(qtbot, warnings_shown, tmp_path):
    path = tmp_path / "s.db"
    w = _window(qtbot, path)
    paris, grain = _ids(path, "Talks in Paris", "Grain deal talks")
    w.select_event(grain)                              # a selection the new search keeps
    box = w.filters.search
    box.setFocus()
    QTest.keyClicks(box, "talks")
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _shown_everywhere(w, paris))


def test_searched_words_are_highlighted_in_the_excerpt(qtbot, warnings_shown, tmp_path):
    path = tmp_path / "s.db"
    w = _window(qtbot, path)
    (kharkiv,) = _ids(path, "Shelling of Kharkiv")
    w.select_event(kharkiv)
    assert _highlighted(w) == []                      # no search: nothing highlighted
    box = w.filters.search
    box.setFocus()
    QTest.keyClicks(box, "kharki shell")
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _shown_everywhere(w, kharkiv))
    marked = _highlighted(w)
    assert "Kharki" in marked and "Shell" in marked   # words that start with a searched word, any case
    assert "Paris" not in "".join(marked)
    # a cleared search clears the highlight of the event still shown
    box.clear()
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.model.rowCount() == 7)
    assert _highlighted(w) == []


def test_highlighting_escapes_the_article_text():
    class Ev:
        id, article_id, title = 1, "a", "Talks <b>about</b> talks"
        sentence = "On 2024-09-02, <script>talks</script> & more talks."
        sentence_start, sentence_end = 0, len(sentence)
        time_start, time_end, mentions, countries = 3, 13, [], []
        value = earliest = latest = "2024-09-02"
        granularity, reasoning, mod, anchor, time_text = "day", None, None, None, "2024-09-02"
    html = excerpt_html(Ev(), {"text": Ev.sentence}, None, search="talks")
    assert "<script>" not in html and "<b>about" not in html
    assert "&lt;script&gt;" in html
    assert html.count(f"background-color:{SEARCH_BG}") == 4     # twice in the heading, twice in the sentence


def test_one_result_keeps_a_sensible_span(qtbot, warnings_shown, tmp_path):
    path = tmp_path / "s.db"
    w = _window(qtbot, path)
    (kharkiv,) = _ids(path, "Shelling of Kharkiv")
    box = w.filters.search
    box.setFocus()
    QTest.keyClicks(box, "Kharkiv")
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _shown_everywhere(w, kharkiv))
    a, b = w.timeline.overview.span
    assert b - a >= 7 * DAY                               # not a zero-width (or one-day) overview
    w.fit_all()
    x0, x1 = w.timeline.visible_range()
    assert 3 * DAY <= x1 - x0 <= 60 * DAY                 # around the event, not a sliver of one day
    assert _in_view(w, kharkiv)


# ============================================================================== 2. the view follows the data
def _wheel_zoom(w, delta=-240):
    """The person zooms the timeline with the wheel (over its middle)."""
    vp = w.timeline.viewport_widget()
    wheel(vp, QPoint(vp.width() // 2, vp.height() // 3), delta)


def test_an_import_into_an_empty_database_shows_what_arrived(qtbot, tmp_path, warnings_shown):
    w = empty_window(qtbot, tmp_path / "new.db")
    article = tmp_path / "a.txt"
    article.write_text("On 3 March 2022, Russian forces shelled Kharkiv, Ukraine's second city.\n"
                       "On 5 March 2022, talks between Ukraine and Russia were held in Belarus.\n",
                       encoding="utf-8")
    with qtbot.waitSignal(w.importFinished, timeout=60000) as done:
        assert w.import_paths([str(article)])
    assert done.args[0] is not None and done.args[0].events_added >= 1
    ids = {int(i) for i in w.model.ids()}
    assert ids and w.timeline.visible_event_ids() == ids     # every imported event in view
    x0, x1 = w.timeline.visible_range()
    assert x1 - x0 < 200 * DAY                               # fitted to them, not a year of 1970


def test_choosing_an_article_fits_its_events(qtbot, warnings_shown, tmp_path):
    path = tmp_path / "s.db"
    w = _window(qtbot, path)
    paris, grain = _ids(path, "Talks in Paris", "Grain deal talks")
    article = w.store.event(grain).article_id
    t = w.timeline
    t.set_visible_range(*_around(w, paris, 2 * DAY))        # looking at Paris, far from the grain talks
    _wheel_zoom(w)                                           # (zoomed in by hand, even)
    assert not _in_view(w, grain)
    qtbot.waitUntil(lambda: w.filters.article.findData(article) >= 0)
    w.filters.article.setCurrentIndex(w.filters.article.findData(article))
    assert w.model.rowCount() == 1
    assert _in_view(w, grain)
    x0, x1 = t.visible_range()
    assert x1 - x0 <= 30 * DAY                                # fitted around it, not "everything"


def _around(w, eid, half):
    """A time range of 2 * half seconds around the event's date (its first day)."""
    t = datetime.fromisoformat(w.store.event(eid).earliest[:10]).replace(tzinfo=timezone.utc).timestamp()
    return t + DAY / 2 - half, t + DAY / 2 + half


def test_a_filter_that_empties_the_view_fits_what_is_shown_unless_the_person_moved_it(
        qtbot, warnings_shown, tmp_path):
    path = tmp_path / "s.db"
    w = _window(qtbot, path)
    paris, grain, drone = _ids(path, "Talks in Paris", "Grain deal talks", "Drone strike")
    t = w.timeline
    w.fit_all()
    t.set_visible_range(*_around(w, drone, 2 * DAY))        # programmatic: not the person's doing
    assert _in_view(w, drone) and not _in_view(w, grain)
    w.filters.countries.set_unchecked([c for c in w.filters.countries.codes() if c != "UA"])   # no RU
    qtbot.waitUntil(lambda: w.model.rowCount() == 4)
    assert _in_view(w, grain) and _in_view(w, paris)        # fitted: every UA event in view
    # once the person has zoomed, the view stays where they put it, even if empty
    w.filters.countries.set_unchecked([])
    qtbot.waitUntil(lambda: w.model.rowCount() == 7)
    t.set_visible_range(*_around(w, drone, 2 * DAY))
    _wheel_zoom(w)
    before = t.visible_range()
    w.filters.countries.set_unchecked([c for c in w.filters.countries.codes() if c != "UA"])
    qtbot.waitUntil(lambda: w.model.rowCount() == 4)
    assert t.visible_range() == before
    # "fit all" starts following the data again
    w.fit_all()
    w.filters.countries.set_unchecked([c for c in w.filters.countries.codes() if c != "RU"])
    t.set_visible_range(*_around(w, grain, 2 * DAY))
    w.filters.countries.set_unchecked([c for c in w.filters.countries.codes() if c != "FR"])
    qtbot.waitUntil(lambda: w.model.rowCount() == 2)
    assert _in_view(w, paris)


def test_the_table_lists_only_what_is_in_view_on_request(qtbot, warnings_shown, tmp_path):
    path = tmp_path / "s.db"
    w = _window(qtbot, path)
    paris, grain, drone = _ids(path, "Talks in Paris", "Grain deal talks", "Drone strike")
    t = w.timeline
    t.set_visible_range(*_around(w, drone, 2 * DAY))
    assert w.model.rowCount() == 7
    assert w.in_view_action.isCheckable() and w.in_view_action in w.menuBar().actions()[1].menu().actions()
    w.in_view_button.click()                                  # the toggle above the table
    assert w.in_view_action.isChecked()
    assert set(map(int, w.model.ids())) == {drone}
    assert "1 of 7" in w.listed_label.text()
    # the table follows the pan (a moment after it stops)
    t.set_visible_range(*_around(w, grain, 2 * DAY))
    qtbot.waitUntil(lambda: set(map(int, w.model.ids())) == {grain})
    # with a filter too; a selection out of view is kept (still shown by the filter)
    w.select_event(paris)
    w.filters.countries.set_unchecked(["RU"])
    qtbot.waitUntil(lambda: w.model.view_filter().countries is not None)
    assert w.view_state.selected == paris
    w.in_view_action.trigger()                                # off: every event the filter keeps
    assert w.model.rowCount() == 5 and w.listed_label.text() == ""


def test_a_filter_keeps_the_selection_while_it_is_shown(qtbot, warnings_shown, tmp_path):
    path = tmp_path / "s.db"
    w = _window(qtbot, path)
    paris, kharkiv = _ids(path, "Talks in Paris", "Shelling of Kharkiv")
    w.select_event(kharkiv)
    w.filters.countries.set_unchecked(["FR"])                 # Kharkiv (UA, RU) still shown
    qtbot.waitUntil(lambda: w.model.rowCount() == 5)
    assert _shown_everywhere(w, kharkiv)
    w.filters.countries.set_unchecked(["UA", "RU"])           # now it is not
    qtbot.waitUntil(lambda: w.model.rowCount() == 2)
    assert w.view_state.selected is None and w.excerpt.event_id() is None
    assert not w.table.selectionModel().hasSelection()


# ================================================================================================ 3. keyboard
def _tab_stops(w, start, n):
    """The widgets Tab visits from `start` (n presses), as the person sees the focus move."""
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    stops = []
    for _ in range(n):
        QTest.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_Tab)
        QApplication.processEvents()
        stops.append(QApplication.focusWidget())
    return stops


def test_tab_moves_between_the_panes_not_through_the_table(qtbot, warnings_shown, tmp_path):
    w = _window(qtbot, tmp_path / "s.db")
    f = w.filters
    assert _tab_stops(w, f.search, 5) == [f.countries.tree, f.languages.tree, w.timeline, w.table, w.excerpt]
    # in the table, Tab leaves it (no walk from cell to cell)
    w.table.setCurrentIndex(w.model.index(0, 0))
    assert _tab_stops(w, w.table, 1) == [w.excerpt]
    # and Shift+Tab goes back pane by pane
    w.excerpt.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClick(w.excerpt, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is w.table
    QTest.keyClick(w.table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is w.timeline


def _ring(w) -> str:
    """The colour of the timeline's edge, as drawn."""
    img = w.timeline.grab().toImage()
    return img.pixelColor(0, img.height() // 2).name()


def test_the_timeline_shows_a_focus_ring_and_has_focus_after_a_dialog(qtbot, warnings_shown, tmp_path):
    w = _window(qtbot, tmp_path / "s.db")
    w.filters.search.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: not w.timeline.hasFocus())
    without = _ring(w)
    w.timeline.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(w.timeline.hasFocus)
    with_focus = _ring(w)
    assert with_focus != without
    # a dialog opened from the search box gives the keyboard to the timeline when it closes
    w.filters.search.setFocus(Qt.FocusReason.OtherFocusReason)
    w.show_keys()
    box = w.keys_box
    qtbot.waitUntil(box.isVisible)
    box.close()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.timeline)
    assert _ring(w) == with_focus
    (paris,) = _ids(tmp_path / "s.db", "Talks in Paris")
    dialog = w.activate_event(paris)                       # the whole article
    qtbot.waitUntil(dialog.isVisible)
    w.filters.search.setFocus(Qt.FocusReason.OtherFocusReason)
    dialog.close()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.timeline)


def _centre_of(w, eid) -> float:
    a, b = _around(w, eid, DAY / 2)
    return (a + b) / 2


def test_plus_and_minus_zoom_around_the_selected_event(qtbot, warnings_shown, tmp_path):
    path = tmp_path / "s.db"
    w = _window(qtbot, path)
    t = w.timeline
    (kharkiv,) = _ids(path, "Shelling of Kharkiv")
    t.setFocus(Qt.FocusReason.OtherFocusReason)
    # nothing selected: around the middle
    x0, x1 = t.visible_range()
    QTest.keyClick(t, Qt.Key.Key_Plus)
    y0, y1 = t.visible_range()
    assert y1 - y0 < x1 - x0 and abs((y0 + y1) / 2 - (x0 + x1) / 2) < 60
    # selected, off-centre: the event stays where it is on screen while the view narrows around it
    w.fit_all()
    a, b = t.visible_range()
    t.set_visible_range(a + (b - a) * 0.3, b + (b - a) * 0.3)
    w.select_event(kharkiv)
    c = _centre_of(w, kharkiv)
    x0, x1 = t.visible_range()
    frac = (c - x0) / (x1 - x0)
    assert 0 < frac < 0.4                                   # well left of the middle
    for key in (Qt.Key.Key_Plus, Qt.Key.Key_Plus, Qt.Key.Key_Minus):
        QTest.keyClick(t, key)
        y0, y1 = t.visible_range()
        assert abs((c - y0) / (y1 - y0) - frac) < 0.01, key
    assert _in_view(w, kharkiv)
    # out of view: zooming brings it to the middle
    t.set_visible_range(c + 40 * DAY, c + 50 * DAY)
    QTest.keyClick(t, Qt.Key.Key_Plus)
    y0, y1 = t.visible_range()
    assert abs((y0 + y1) / 2 - c) < 60 and _in_view(w, kharkiv)
