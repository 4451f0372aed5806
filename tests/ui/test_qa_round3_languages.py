"""QA round 3, the languages of a happening's reports as a first-time user meets them in the window: the
language list names each language in its own words without a country's variety ("English", not
"American English"; "español", not "español de España"), says why its counts add up to more than the
events shown, and the excerpt panel says at its top in which languages the event was also reported; M
opens Merge with… on the selected event. Real widgets, offscreen."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.test_language_filter_reports import BLACKOUT_EN, _article, three_reports_store
from tests.ui.window_helpers import shown_window, table_ids
from viewer.store import Store
from viewer.ui.merge import MergeDialog

SPANISH = "Ucrania recibió misiles de largo alcance el 12 de noviembre de 2024."


@pytest.fixture
def three_db(tmp_path) -> Path:
    """Four events: a blackout reported in English, French and an article of unknown language (one event,
    three reports), talks in English, a visit in French, and a delivery in Spanish."""
    path = tmp_path / "three.db"
    store = three_reports_store(path)
    store.add_articles([_article("es", [(SPANISH, "12 de noviembre de 2024", "2024-11-12", ["UA"])])])
    store.close()
    return path


@pytest.fixture
def window(qtbot, warnings_shown):
    return shown_window(qtbot)


def _ids(path: Path) -> dict[str, int]:
    store = Store.open(path)
    try:
        return {e.sentence.split()[0]: e.id for e in store.events()}
    finally:
        store.close()


def test_the_language_list_names_each_language_in_its_own_words_without_a_countrys_variety(window, three_db):
    w = window
    assert w.open_database(str(three_db))
    langs = w.filters.languages
    tips = {code: langs._items[code].toolTip(0) for code in langs.codes()}
    assert "American" not in tips["en"] and tips["en"].startswith("English (en)")
    assert "España" not in tips["es"] and tips["es"].startswith("Spanish (es) \u2014 español")
    assert tips["fr"].startswith("French (fr) \u2014 français")


def test_the_language_list_says_why_its_counts_add_up_to_more_than_the_events(window, three_db):
    w = window
    assert w.open_database(str(three_db))
    langs = w.filters.languages
    counts = {code: langs.count_of(code) for code in langs.codes()}
    assert w.events_shown() == 4 and sum(counts.values()) == 6     # the blackout under en, fr and und
    assert not langs.overlap_note.isHidden()
    assert "several languages counts under each" in langs.overlap_note.text()
    # the column's header says what a count counts, and the country list's says it for countries
    assert "several languages" in langs.tree.headerItem().toolTip(2)
    assert "several countries" in w.filters.countries.tree.headerItem().toolTip(2)
    # without the blackout (Ukraine unticked) every event has one language: nothing to explain
    w.filters.countries.set_checked("UA", False)
    assert w.events_shown() == 2
    assert langs.overlap_note.isHidden()
    w.filters.countries.check_all()
    assert not langs.overlap_note.isHidden()


def test_the_excerpt_says_at_its_top_in_which_languages_the_event_was_also_reported(window, three_db):
    w = window
    assert w.open_database(str(three_db))
    ids = _ids(three_db)
    w.select_event(ids["Ukrenergo"])
    text = w.excerpt.toPlainText()
    also = "Also reported in 2 other articles: French, unknown language"
    assert also in text
    assert text.index(also) < text.index(BLACKOUT_EN)         # above the sentence, not below the fold
    w.select_event(ids["Ucrania"])                               # one report: nothing more to say
    assert "Also reported" not in w.excerpt.toPlainText()


def test_m_opens_merge_with_on_the_selected_event_from_the_table_and_the_timeline(qtbot, window, three_db):
    w = window
    assert w.open_database(str(three_db))
    ids = _ids(three_db)
    qtbot.waitUntil(lambda: not w.timeline.is_loading(), timeout=5000)
    w.select_event(ids["Ucrania"])
    assert ids["Ucrania"] in table_ids(w)
    for widget in (w.table, w.timeline):
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_M)
        dialogs = [d for d in w.findChildren(MergeDialog) if d.isVisible()]
        assert len(dialogs) == 1
        dialogs[0].reject()
        qtbot.waitUntil(lambda: not any(d.isVisible() for d in w.findChildren(MergeDialog)), timeout=2000)
    edit_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Edit")
    merge = next(a for a in edit_menu.actions() if a.objectName() == "merge_withAction")
    assert merge.text().endswith("\tM")                          # the menu shows the key


def test_none_then_ticking_a_language_keeps_the_room_for_the_last_events_labels(qtbot, window, three_db):
    """The None button's way (hide every language, then tick the one wanted) must not leave the view
    fitted to nothing: the database's span with no room on the right, where the latest events' labels
    go, so that those of the language ticked next are cut off."""
    w = window
    assert w.open_database(str(three_db))
    qtbot.waitUntil(lambda: not w.timeline.is_loading(), timeout=5000)
    w.fit_all()
    fitted = w.timeline.visible_range()
    last = max(e.t1 for e in w.store.events() if e.t1 is not None)
    assert fitted[1] - last > 0.2 * (fitted[1] - fitted[0])     # room for the last labels
    langs = w.filters.languages
    langs.none_button.click()
    assert w.model.rowCount() == 0
    langs._items["fr"].setCheckState(0, Qt.CheckState.Checked)     # as a click on its box does
    assert w.model.rowCount() > 0
    assert w.timeline.visible_range() == pytest.approx(fitted, abs=3600)


def test_merge_with_lists_each_candidates_languages_and_a_language_narrows_the_list(qtbot, window, three_db):
    """Merging reports of one happening across languages: each line says the languages of the event's
    reports (the blackout, merged, all three), and typing a language keeps the events reported in it."""
    w = window
    assert w.open_database(str(three_db))
    ids = _ids(three_db)
    dialog = w.merge_with(ids["Ucrania"])
    assert dialog is not None
    lines = {dialog.list.item(i).data(Qt.ItemDataRole.UserRole): dialog.list.item(i).text()
             for i in range(dialog.list.count())}
    assert " · English, French, unknown language · Ukrenergo" in lines[ids["Ukrenergo"]]
    assert "3 reports" in lines[ids["Ukrenergo"]]
    dialog.search.setText("french")
    assert ids["Ukrenergo"] in dialog.listed()
    dialog.search.setText("spanish")
    assert dialog.listed() == []                  # the event itself is not listed
    dialog.reject()
