"""The window's language list with events reported in several languages: a happening first reported in
English, then in French and in an article of unknown language (merged into one event), shows when French
alone is ticked, and counts under each of its languages; an analyst's merge and split in the window move
the languages with the reports. Real widgets, offscreen."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.test_language_filter_reports import three_reports_store, two_events_store
from tests.ui.window_helpers import shown_window, table_ids
from viewer.store import Store


def _ids(path: Path) -> dict[str, int]:
    """First word of an event's sentence -> its id."""
    store = Store.open(path)
    try:
        return {e.sentence.split()[0]: e.id for e in store.events()}
    finally:
        store.close()


@pytest.fixture
def three_db(tmp_path) -> Path:
    path = tmp_path / "three.db"
    three_reports_store(path).close()
    return path


@pytest.fixture
def window(qtbot, warnings_shown):
    return shown_window(qtbot)


def _counts(langs) -> dict[str, str]:
    """The count shown beside each language of the list, as the person reads it."""
    return {code: langs._items[code].text(2) for code in langs.codes()}


def _timeline_ids(qtbot, w) -> set[int]:
    qtbot.waitUntil(lambda: not w.timeline.is_loading(), timeout=5000)
    w.timeline.fit_all()
    qtbot.wait(10)
    return set(w.timeline.visible_event_ids())


def test_ticking_french_shows_the_event_first_reported_in_english_and_counts_it_under_both(
        qtbot, window, three_db):
    ids = _ids(three_db)
    blackout, paris = ids["Ukrenergo"], ids["Le"]
    w = window
    assert w.open_database(str(three_db))
    langs = w.filters.languages
    assert langs.codes() == ["en", "fr", "und"]
    assert _counts(langs) == {"en": "2", "fr": "2", "und": "1"}     # the blackout under each of its three
    assert langs._items["fr"].toolTip(2) == "2 events with a report in French (fr)"
    langs.none_button.click()
    assert w.model.rowCount() == 0
    langs._items["fr"].setCheckState(0, Qt.CheckState.Checked)      # as a click on the box does
    assert w.view_filter().languages == frozenset({"fr"})
    assert table_ids(w) == {blackout, paris}
    assert _timeline_ids(qtbot, w) == {blackout, paris}
    assert "2 of 3 events" in w.count_label.text()
    # the languages count what the countries keep: Ukraine's one event, in all three languages
    w.filters.countries.none_button.click()
    w.filters.countries.set_checked("UA", True)
    assert table_ids(w) == {blackout}
    assert _counts(langs) == {"en": "1", "fr": "1", "und": "1"}
    langs.none_button.click()
    langs._items["und"].setCheckState(0, Qt.CheckState.Checked)     # "Unknown": its third report's
    assert table_ids(w) == {blackout}


def test_counting_in_the_background_counts_the_event_under_each_language(qtbot, window, three_db):
    """A big database counts with SQL on a background connection until its arrays arrive."""
    ids = _ids(three_db)
    w = window
    w.threaded_above = -1
    assert w.open_database(str(three_db))
    assert w.runner.threaded()
    w.filters.countries.set_unchecked({"FR", "DE"})      # the visit to Paris names France and Germany
    qtbot.waitUntil(lambda: w.model.rowCount() == 2, timeout=5000)
    langs = w.filters.languages
    qtbot.waitUntil(lambda: langs.count_of("fr") == 1, timeout=5000)
    assert _counts(langs) == {"en": "2", "fr": "1", "und": "1"}
    langs.set_unchecked({"en", "und"})                   # French alone
    qtbot.waitUntil(lambda: w.model.rowCount() == 1, timeout=5000)
    assert table_ids(w) == {ids["Ukrenergo"]}           # in English first, but in French too
    w.close()


def test_a_merge_in_the_window_puts_the_event_under_both_languages_and_a_split_back_under_its_own(
        qtbot, window, tmp_path):
    path = tmp_path / "two.db"
    two_events_store(path).close()
    ids = _ids(path)
    english, french = ids["Ukrenergo"], ids["Des"]
    w = window
    assert w.open_database(str(path))
    langs = w.filters.languages
    langs.set_checked("en", False)                      # French alone
    assert table_ids(w) == {french}
    assert w.merge_events(english, french) is not None  # one happening after all
    assert w.view_filter().languages == frozenset({"fr"})
    assert table_ids(w) == {english}
    assert _counts(langs) == {"en": "1", "fr": "1"}
    store = w.store
    first = store.event(english).article_id
    report = next(x["id"] for x in store.excerpts(english) if x["article_id"] != first)   # the French one
    result = w.split_report(english, report)            # not one happening: each its own again
    assert result is not None
    parted = result.changes[0].new["id"]
    assert table_ids(w) == {parted}
    assert _counts(langs) == {"en": "1", "fr": "1"}
    langs.check_all()
    assert table_ids(w) == {english, parted}
