"""The "Date warnings only" box of the filter panel's Review page in the real window, offscreen: it keeps the
events whose date does not add up (here a weekday that is not the date's) in the table and on the timeline,
the excerpt panel says what is wrong, the box is remembered for the next window, and a saved view keeps it."""
from __future__ import annotations

import pytest

from tests.ui.test_window_annotation_filters import _shows
from tests.ui.window_helpers import ingested, shown_window
from viewer.model import ViewFilter
from viewer.store import Store
from viewer.ui import timeline as timeline_view

# the timeline applies the filter's date warnings once its index key and masks know them
pytestmark = pytest.mark.skipif(
    timeline_view._base_key(ViewFilter(checks=True)) == timeline_view._base_key(ViewFilter()),
    reason="viewer/ui/timeline.py does not apply ViewFilter.checks yet")

TEXT = ("Russian forces shelled Kharkiv on Tuesday, 5 March 2024, the regional governor said.\n"
        "Ukrainian drones hit a refinery in Ryazan on Sunday, 3 March 2024, officials said.\n"
        "Poland closed a border crossing on 4 March 2024.\n")


def _db(tmp_path):
    db, events = ingested(tmp_path, TEXT, "2024-03-07")
    ids = {e.sentence.split()[0]: e.id for e in events}
    assert {"Russian", "Ukrainian", "Poland"} <= set(ids)
    return db, ids       # 5 March 2024 was a Tuesday, 3 March a Sunday: every date agrees with its weekday


def _wrong_weekday(db, event_id: int) -> None:
    """The Kharkiv shelling dated on the 6th (a Wednesday) while its text says Tuesday, as a database
    written before its date warnings were worked out would hold it."""
    store = Store.open(db)
    try:
        with store._transaction() as conn:
            conn.execute("UPDATE events SET earliest = '2024-03-06', latest = '2024-03-06', value = '2024-03-06',"
                         " t0 = t0 + 86400, t1 = t1 + 86400 WHERE id = ?", [event_id])
            conn.execute("UPDATE event_countries SET t0 = t0 + 86400, t1 = t1 + 86400 WHERE event_id = ?", [event_id])
            conn.execute("UPDATE checks_state SET value = 0")       # not checked yet
    finally:
        store.close()


def test_date_warnings_only_keeps_the_event_whose_weekday_is_not_its_date(qtbot, tmp_path, warnings_shown):
    db, ids = _db(tmp_path)
    _wrong_weekday(db, ids["Russian"])
    w = shown_window(qtbot, remember=True)
    assert w.open_database(str(db))
    everything = set(ids.values())
    _shows(qtbot, w, everything)
    box = w.filters.warnings_only
    w.filters.pages.setCurrentIndex(1)
    assert box.isVisible() and box.text() == "Date warnings only" and not box.isChecked()
    box.setChecked(True)
    assert w.view_state.view_filter().checks
    _shows(qtbot, w, {ids["Russian"]})
    assert w.filters.pages.tabText(1) != "Review"       # the tab says one of its filters is on
    w.select_event(ids["Russian"])
    assert "the text says Tuesday, but 2024-03-06 is a Wednesday" in w.excerpt.toPlainText()
    qtbot.waitUntil(lambda: w.shown_filter() == w.view_state.view_filter(), timeout=5000)
    w.close()

    again = shown_window(qtbot, remember=True)         # remembered like the other boxes
    assert again.open_database(str(db))
    assert again.filters.warnings_only.isChecked()
    _shows(qtbot, again, {ids["Russian"]})
    assert again.save_view("Wrong weekdays", ask=False)
    again.filters.reset()
    _shows(qtbot, again, everything)
    assert again.open_view("Wrong weekdays")
    assert again.filters.warnings_only.isChecked()
    _shows(qtbot, again, {ids["Russian"]})


def test_a_date_set_by_hand_in_the_window_is_checked_again(qtbot, tmp_path, warnings_shown):
    from viewer.store import curation
    db, ids = _db(tmp_path)
    w = shown_window(qtbot)
    assert w.open_database(str(db))
    w.filters.warnings_only.setChecked(True)
    _shows(qtbot, w, set())
    day = {"type": "DATE", "value": "2024-03-06", "earliest": "2024-03-06", "latest": "2024-03-06",
           "granularity": "day", "mod": None, "reasoning": "set by hand", "anchor": None}
    w.editing.apply(ids["Russian"], curation.Edit(date=day))        # "Tuesday" on a Wednesday
    _shows(qtbot, w, {ids["Russian"]})
