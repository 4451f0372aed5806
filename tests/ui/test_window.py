"""The main window on a small database of known events: excerpt, filters, selection sync, faults,
remembered state. Real widgets, offscreen."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from viewer.ui import formatting as fmt
from viewer.ui.excerpt import TIME_BG
from viewer.ui.models import EVENT_ID_ROLE
from tests.ui.window_helpers import event_ids, table_ids






def _click_timeline(qtbot, w, event_id, lane=None):
    w.timeline.fit_all()
    qtbot.wait(10)
    pos = w.timeline.event_view_pos(event_id, lane)
    assert pos is not None, "event not drawn"
    qtbot.mouseClick(w.timeline.viewport_widget(), Qt.MouseButton.LeftButton, pos=pos)


def test_window_shows_the_database(window, known_db):
    assert known_db.name in window.windowTitle()
    assert window.model.rowCount() == 4
    assert "4 events" in window.count_label.text()
    assert str(known_db) in window.path_label.text()
    assert set(window.filters.countries.codes()) == {"RU", "DE", "FR", "UA"}
    assert not window.windowIcon().isNull()                 # the application icon


def test_clicking_an_event_on_the_timeline_shows_its_excerpt(qtbot, window, known_db):
    ids = event_ids(known_db)
    target = ids["Last September"]
    with qtbot.waitSignal(window.timeline.eventClicked, timeout=2000) as sig:
        _click_timeline(qtbot, window, target, "RU")
    assert sig.args == [target]
    assert window.excerpt.event_id() == target
    text = window.excerpt.toPlainText()
    assert "Last September, Russian President Vladimir Putin" in text
    assert "September 2024" in text
    assert "relative to 18 Nov 2024" in text
    html = window.excerpt.toHtml().lower()
    assert TIME_BG in html                                 # the date words highlighted
    assert fmt.country_colour("RU").lower() in html        # the country in its lane colour


def test_unchecking_a_country_hides_its_events(qtbot, window, known_db):
    ids = event_ids(known_db)
    fr = ids["this Monday, November 18"]
    window.timeline.fit_all()
    assert fr in window.timeline.visible_event_ids()
    item = window.filters.countries._items["FR"]
    item.setCheckState(0, Qt.CheckState.Unchecked)          # as a click on the box does
    assert fr not in table_ids(window)
    assert len(table_ids(window)) == 3
    window.timeline.fit_all()
    assert fr not in window.timeline.visible_event_ids()
    assert "FR" not in window.timeline.lanes()
    assert "3 of 4 events" in window.count_label.text()
    window.filters.countries.none_button.click()
    assert window.model.rowCount() == 0
    window.filters.countries.all_button.click()
    assert window.model.rowCount() == 4


def test_table_and_timeline_selection_follow_each_other(qtbot, window, known_db):
    ids = event_ids(known_db)
    # table -> timeline
    row = next(r for r in range(4) if window.model.event_at(r).id == ids["last weekend"])
    rect = window.table.visualRect(window.model.index(row, 2))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.timeline.selected_event() == ids["last weekend"]
    assert window.excerpt.event_id() == ids["last weekend"]
    assert "Germany resumed talks with Moscow" in window.excerpt.toPlainText()
    # timeline -> table
    _click_timeline(qtbot, window, ids["this Monday, November 18"], "FR")
    current = window.table.currentIndex()
    assert current.isValid()
    assert window.model.data(current, EVENT_ID_ROLE) == ids["this Monday, November 18"]
    assert window.table.selectionModel().isRowSelected(current.row())


def test_search_filter(qtbot, window, known_db):
    ids = event_ids(known_db)
    window.find_action.trigger()
    assert window.filters.search.hasFocus() or window.focusWidget() is window.filters.search
    QTest.keyClicks(window.filters.search, "Germany")
    QTest.keyClick(window.filters.search, Qt.Key.Key_Return)
    assert table_ids(window) == {ids["last weekend"]}
    assert "1 of 4 events" in window.count_label.text()
    counts = {c: window.filters.countries.count_of(c) for c in ("DE", "FR")}
    assert counts == {"DE": 1, "FR": 0}                 # counts follow the search
    window.timeline.fit_all()
    assert window.timeline.visible_event_ids() == {ids["last weekend"]}


def test_a_mistyped_search_is_gentle(qtbot, window):
    for query in ['"((', "AND OR NOT", "*", "Putin)) \"NEAR(", "'; DROP TABLE events; --"]:
        window.filters.search.setText(query)
        window.filters.apply_now()
        assert window.filters.message.isVisible(), query
        msg = window.filters.message.text()
        assert "sql" not in msg.lower() and "syntax" not in msg.lower(), msg
    window.filters.search.clear()
    window.filters.apply_now()
    assert not window.filters.message.isVisible()
    assert window.model.rowCount() == 4


def test_precision_date_and_article_filters(qtbot, window, known_db):
    f = window.filters
    f.precision.setCurrentIndex(f.precision.findData("day"))
    assert window.model.rowCount() == 1
    f.precision.setCurrentIndex(f.precision.findData("month"))
    assert window.model.rowCount() == 3                      # the summer is vaguer than a month
    f.precision.setCurrentIndex(0)
    f.set_date_range("2024-11-01", None)
    assert window.model.rowCount() == 2
    f.set_date_range(None, "2024-09-15")
    assert window.model.rowCount() == 2                      # summer and September
    f.set_date_range(None, None)
    assert f.article.count() == 2
    f.article.setCurrentIndex(1)
    assert window.model.rowCount() == 4
    assert window.view_filter().article_id == window.model.event_at(0).article_id
    f.reset()
    assert window.view_filter().article_id is None


def test_opening_a_file_that_is_not_a_database_says_so(qtbot, window, tmp_path, warnings_shown, known_db):
    bad = tmp_path / "notes.db"
    bad.write_text("this is not a database\n" * 20)
    assert window.open_database(str(bad)) is False
    assert warnings_shown and "not a SQLite database" in warnings_shown[-1][1]
    assert window.store is not None and window.store.path == str(known_db)   # still on the old one
    assert window.model.rowCount() == 4
    assert bad.read_text().startswith("this is not")                          # left untouched


def test_a_database_from_a_newer_version_or_another_program(qtbot, window, tmp_path, warnings_shown):
    import sqlite3
    newer = tmp_path / "newer.db"
    conn = sqlite3.connect(newer)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    assert window.open_database(str(newer)) is False
    assert warnings_shown
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert window.open_database(str(other)) is False
    assert len(warnings_shown) == 2
    assert window.isVisible()


def test_a_read_only_database_opens_read_only(qtbot, window, known_db, tmp_path, warnings_shown,
                                              monkeypatch):
    import os
    import shutil

    from viewer.store import StoreError
    from viewer.ui import opening

    ro = tmp_path / "ro.db"
    shutil.copy(known_db, ro)
    ro.chmod(0o444)
    if hasattr(os, "geteuid") and os.geteuid() == 0:   # root writes anyway: play the refusal
        real = opening.open_store

        def refuse_writes(path, *, readonly=False):
            if not readonly:
                raise StoreError(f"{path}: attempt to write a readonly database", "readonly")
            return real(path, readonly=True)
        monkeypatch.setattr(opening, "open_store", refuse_writes)
        monkeypatch.setattr(opening.os, "access", lambda p, mode: False)
    assert window.open_database(str(ro))
    assert window.readonly and "read-only" in window.windowTitle()
    assert not window.import_action.isEnabled()
    assert window.model.rowCount() == 4
    assert not warnings_shown


def test_settings_are_restored_in_a_second_window(qtbot, known_db, warnings_shown):
    from viewer.ui.app import make_app
    from viewer.ui.main_window import MainWindow, last_database

    make_app()
    first = MainWindow(remember=True)
    qtbot.addWidget(first)
    first.show()
    assert first.open_database(str(known_db))
    first.resize(700, 520)   # inside the offscreen screen (800x600)
    first.filters.countries.set_checked("FR", False)
    first.filters.search.setText("missiles")
    first.filters.apply_now()
    first.filters.precision.setCurrentIndex(first.filters.precision.findData("month"))
    first.main_split.setSizes([300, 600, 300])
    rng = (1.72e9, 1.73e9)
    first.timeline.set_visible_range(*rng)
    first.close()
    assert last_database() == str(known_db.resolve())

    second = MainWindow(remember=True)
    qtbot.addWidget(second)
    second.show()
    assert second.open_database(str(known_db))
    f = second.view_filter()
    assert f.search == "missiles"
    assert f.max_granularity == "month"
    assert f.countries is not None and "FR" not in f.countries and "RU" in f.countries
    assert (second.size().width(), second.size().height()) == (700, 520)
    t0, t1 = second.timeline.visible_range()
    assert abs(t0 - rng[0]) < 86400 and abs(t1 - rng[1]) < 86400
    assert abs(second.main_split.sizes()[0] - 300) <= 2
    second.close()


def test_export_view(qtbot, window, tmp_path):
    png = tmp_path / "view.png"
    assert window.export_view(str(png))
    assert png.stat().st_size > 1000


def test_shortcuts_exist(window):
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString() for a in window.actions()}
    assert shortcuts["Open database…"] == "Ctrl+O"
    assert shortcuts["Import articles…"] == "Ctrl+I"
    assert shortcuts["Quit"] == "Ctrl+Q"
    assert shortcuts["Fit all"] == "F"
    assert shortcuts["Find…"] == "Ctrl+F"
    assert window.acceptDrops()


def test_point_on_empty_timeline_selects_nothing(qtbot, window):
    qtbot.mouseClick(window.timeline.viewport_widget(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert window.excerpt.event_id() is None


def test_big_database_mode_counts_in_the_background(qtbot, window, known_db):
    """Databases above a size count and find rows on a background connection; same results."""
    ids = event_ids(known_db)
    window.threaded_above = -1
    assert window.open_database(str(known_db))
    assert window.runner.threaded()
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=5000)
    window.filters.countries.set_checked("RU", False)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=5000)   # RU-only September gone
    assert "3 of 4 events" in window.count_label.text()
    assert window.filters.countries.count_of("RU") == 3
    window.select_event(ids["this summer"])
    qtbot.waitUntil(lambda: window.table.currentIndex().isValid(), timeout=5000)
    assert window.model.data(window.table.currentIndex(), EVENT_ID_ROLE) == ids["this summer"]
    window.filters.search.setText("zzzznothing")
    window.filters.apply_now()
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=5000)
    qtbot.waitUntil(lambda: window.excerpt.event_id() is None, timeout=5000)   # filtered out
    assert "No events mention" in window.filters.message.text()
    window.close()
    assert not window.runner.threaded()


def test_export_view_as_svg(qtbot, window, tmp_path):
    svg = tmp_path / "view.svg"
    assert window.export_view(str(svg))
    assert "<svg" in svg.read_text(encoding="utf-8", errors="replace")[:2000]


def test_typing_f_in_the_search_box_types_it(qtbot, window):
    window.focus_search()
    QTest.keyClicks(window.filters.search, "fit")
    assert window.filters.search.text() == "fit"


def test_a_locked_or_damaged_database_leaves_the_window_as_it_was(qtbot, window, known_db, tmp_path,
                                                                    warnings_shown, monkeypatch):
    from viewer.store import StoreError
    from viewer.ui import opening

    other = tmp_path / "other.db"
    other.write_bytes(known_db.read_bytes())

    def locked(path, *, readonly=False):
        raise StoreError(f"{path}: the database is locked by another program (waited 5 s)", "locked")
    monkeypatch.setattr(opening, "open_store", locked)
    assert window.open_database(str(other)) is False
    assert "locked" in warnings_shown[-1][1]
    assert window.store.path == str(known_db) and window.model.rowCount() == 4
    assert known_db.name in window.windowTitle()


def test_date_calendars_open_at_the_data(qtbot, window):
    for edit, page in ((window.filters.date_from, (2024, 6)), (window.filters.date_to, (2024, 11))):
        cal = edit.calendarWidget()
        popup = cal.window()                       # the popup that holds the calendar
        assert popup is not window
        popup.show()
        assert (cal.yearShown(), cal.monthShown()) == page   # the data's first / last month
        popup.hide()


def test_activating_an_event_opens_its_article_and_esc_clears(qtbot, window, known_db):
    ids = event_ids(known_db)
    row = next(r for r in range(4) if window.model.event_at(r).id == ids["this summer"])
    index = window.model.index(row, 2)
    window.table.activated.emit(index)                      # Enter or double-click on a row
    dialogs = [w for w in window.findChildren(QDialog) if w.objectName() == "articleDialog"]
    assert dialogs and dialogs[-1].isVisible()
    assert "Kursk regionconquered by kyiv this summer" in dialogs[-1].text.toPlainText()
    dialogs[-1].close()
    assert window.excerpt.event_id() == ids["this summer"]
    window.clear_selection_action.trigger()
    assert window.excerpt.event_id() is None and window.timeline.selected_event() is None


def test_a_database_that_fails_mid_session_is_reported_not_fatal(qtbot, window, monkeypatch):
    from viewer.store import StoreError
    from viewer.store import window as queries

    def damaged(*_a, **_k):
        raise StoreError("known.db: the database is damaged (database disk image is malformed)", "corrupt")
    monkeypatch.setattr(queries, "events_page", damaged)
    monkeypatch.setattr(queries, "events_by_ids", damaged)
    window.filters.precision.setCurrentIndex(window.filters.precision.findData("month"))
    assert window.model.event_at(0) is None
    assert "damaged" in window.statusBar().currentMessage()
    monkeypatch.undo()
    window.filters.precision.setCurrentIndex(0)
    assert window.model.event_at(0) is not None


def test_another_database_starts_unfiltered(qtbot, window, known_db, tmp_path):
    window.filters.search.setText("Germany")
    window.filters.apply_now()
    assert window.model.rowCount() == 1
    copy = tmp_path / "copy.db"
    copy.write_bytes(known_db.read_bytes())
    assert window.open_database(str(copy))
    assert window.view_filter().search is None and window.filters.search.text() == ""
    assert window.model.rowCount() == 4
    assert "copy.db" in window.windowTitle()
