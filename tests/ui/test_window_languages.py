"""The language of each article in the window: a Language list beside the countries (names, codes, counts,
All / None, remembered), the timeline and the table narrowed to the languages chosen, and the language
shown in the excerpt panel. Real widgets, offscreen, on the seed article (English) plus a French report
and a report whose language is not known."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import SEED, known_articles
from viewer.model import Article, CountryMention, Event, TimeExpression
from viewer.store import Store
from tests.ui.window_helpers import event_ids, shown_window, table_ids

FRENCH = ("Le 3 octobre, la France a livré des missiles à l'Ukraine. "
          "Le 10 octobre, Kyiv a reçu les premiers systèmes de défense.")
UNKNOWN = "On 5 August, Poland closed a border crossing."


def _report(text: str, language: str | None, dated: list[tuple[str, str, str, list[str]]]):
    """An article and its events: (time words, ISO day, sentence start, countries) per event."""
    article = Article(text=text, title=text[:40], published="2024-10-12", published_source="given",
                      language=language)
    events = []
    for words, day, starts, countries in dated:
        s0 = text.index(starts)
        s1 = text.index(".", s0) + 1
        t0 = text.index(words, s0)
        time = TimeExpression(t0, t0 + len(words), words, "DATE", day, day, day, "day", "a date", None, day)
        mentions = [CountryMention(s0, s0 + 2, text[s0:s0 + 2], c) for c in countries]
        events.append(Event(article.id, s0, s1, text[s0:s1], time, title=text[s0:s1][:60],
                            countries=countries, mentions=mentions))
    return article, events, sorted({c for e in events for c in e.countries})


@pytest.fixture
def languages_db(tmp_path) -> Path:
    if SEED is None:
        pytest.skip("seeds/ has no article")
    seed, seed_events = known_articles(SEED.read_text(encoding="utf-8"))
    seed.language = "en"
    store = Store.open(tmp_path / "languages.db")
    store.add_articles([
        (seed, seed_events, sorted({c for e in seed_events for c in e.countries})),
        _report(FRENCH, "fr", [("3 octobre", "2024-10-03", "Le 3 octobre", ["FR", "UA"]),
                               ("10 octobre", "2024-10-10", "Le 10 octobre", ["UA"])]),
        _report(UNKNOWN, None, [("5 August", "2024-08-05", "On 5 August", ["PL"])]),
    ])
    ids = {e.time_text: e.id for e in store.events()}
    store.close()
    assert len(ids) == 7                         # nothing merged: seven events
    return tmp_path / "languages.db"


@pytest.fixture
def lang_window(qtbot, languages_db, warnings_shown):
    w = shown_window(qtbot, remember=True)
    assert w.open_database(str(languages_db))
    return w






def _timeline_ids(qtbot, w) -> set[int]:
    qtbot.waitUntil(lambda: not w.timeline.is_loading(), timeout=5000)
    w.timeline.fit_all()
    qtbot.wait(10)
    return set(w.timeline.visible_event_ids())


def test_the_language_list_names_each_language_with_its_events(lang_window):
    langs = lang_window.filters.languages
    assert langs.codes() == ["en", "fr", "und"]              # most articles first, then by code
    assert [langs.label_of(c) for c in langs.codes()] == ["English", "French", "Unknown"]
    assert [langs.count_of(c) for c in langs.codes()] == [4, 2, 1]
    item = langs._items["fr"]
    assert item.text(1) == "fr"                              # the code beside the name: French (fr)
    assert "français" in item.toolTip(0) and "1 article" in item.toolTip(0)


def test_choosing_a_language_leaves_only_its_events_on_the_timeline_and_in_the_table(
        qtbot, lang_window, languages_db):
    ids = event_ids(languages_db)
    french = {ids["3 octobre"], ids["10 octobre"]}
    w, langs = lang_window, lang_window.filters.languages
    assert _timeline_ids(qtbot, w) == set(ids.values())
    langs.none_button.click()
    assert w.model.rowCount() == 0
    langs._items["fr"].setCheckState(0, Qt.CheckState.Checked)     # as a click on the box does
    assert w.view_filter().languages == frozenset({"fr"})
    assert table_ids(w) == french
    assert _timeline_ids(qtbot, w) == french
    assert "2 of 7 events" in w.count_label.text()
    assert set(w.timeline.lanes()) == {"FR", "UA"}               # lanes of other languages' countries go
    # the countries count what the language keeps; the languages count what the countries keep
    assert w.filters.countries.count_of("UA") == 2 and w.filters.countries.count_of("RU") == 0
    w.filters.countries.none_button.click()
    w.filters.countries.set_checked("FR", True)
    assert table_ids(w) == {ids["3 octobre"]}
    assert [langs.count_of(c) for c in ("en", "fr", "und")] == [1, 1, 0]
    langs._items["und"].setCheckState(0, Qt.CheckState.Checked)     # "Unknown": no language stored
    w.filters.countries.set_checked("PL", True)
    assert table_ids(w) == {ids["3 octobre"], ids["5 August"]}
    assert _timeline_ids(qtbot, w) == {ids["3 octobre"], ids["5 August"]}
    langs.all_button.click()
    w.filters.countries.all_button.click()
    assert len(table_ids(w)) == 7 and w.view_filter().languages is None


def test_the_excerpt_panel_says_which_language_the_report_is_in(qtbot, lang_window, languages_db):
    ids = event_ids(languages_db)
    lang_window.select_event(ids["3 octobre"])
    qtbot.waitUntil(lambda: lang_window.excerpt.event_id() == ids["3 octobre"], timeout=3000)
    assert "in French (fr)" in lang_window.excerpt.toPlainText()
    lang_window.select_event(ids["Last September"])
    qtbot.waitUntil(lambda: lang_window.excerpt.event_id() == ids["Last September"], timeout=3000)
    assert "in English (en)" in lang_window.excerpt.toPlainText()
    lang_window.select_event(ids["5 August"])
    qtbot.waitUntil(lambda: lang_window.excerpt.event_id() == ids["5 August"], timeout=3000)
    assert "language unknown" in lang_window.excerpt.toPlainText()


def test_counting_in_the_background_gives_the_same_language_counts(qtbot, lang_window, languages_db):
    """A big database counts with SQL on a background connection until its arrays arrive."""
    w = lang_window
    w.threaded_above = -1
    assert w.open_database(str(languages_db))
    assert w.runner.threaded()
    w.filters.countries.set_checked("UA", False)          # "10 octobre" names Ukraine alone
    qtbot.waitUntil(lambda: w.model.rowCount() == 6, timeout=5000)
    langs = w.filters.languages
    qtbot.waitUntil(lambda: langs.count_of("fr") == 1, timeout=5000)
    assert [langs.count_of(c) for c in ("en", "fr", "und")] == [4, 1, 1]
    langs.set_checked("en", False)
    qtbot.waitUntil(lambda: w.model.rowCount() == 2, timeout=5000)
    w.close()


def test_the_languages_chosen_are_remembered(qtbot, languages_db, warnings_shown):
    from viewer.ui.app import make_app
    from viewer.ui.main_window import MainWindow

    make_app()
    first = MainWindow(remember=True)
    qtbot.addWidget(first)
    first.show()
    assert first.open_database(str(languages_db))
    first.filters.languages.set_checked("en", False)
    assert first.model.rowCount() == 3
    first.close()

    second = MainWindow(remember=True)
    qtbot.addWidget(second)
    second.show()
    assert second.open_database(str(languages_db))
    assert second.view_filter().languages == frozenset({"fr", "und"})
    assert second.model.rowCount() == 3
    assert not second.filters.languages.is_checked("en")
    second.filters.reset()
    assert second.view_filter().languages is None and second.model.rowCount() == 7
    second.close()
