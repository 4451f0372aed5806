"""QA round 4: the countries' and languages' lists of the filter panel in a small window and at a big font.
Every name is shown whole ("United States", not "United St…"): the count column is no wider than its
numbers and title need, the code column gives way, and a name too long for the panel goes on two lines,
never under a horizontal scroll bar. The two lists share the panel's height: each keeps at least three rows
in view and scrolls beyond, and nothing in the panel overlaps. Real widgets, offscreen."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from tests.test_language_filter_reports import _article
from tests.ui.window_helpers import shown_window
from viewer.store import Store

# twelve countries (long names among them) in ten languages: both lists have more rows than they show
LANGUAGES = ("en", "fr", "de", "es", "ru", "uk", "pl", "ar", "tr", "fa")
COUNTRIES = ("US", "GB", "BA", "CF", "AE", "SA", "UA", "RU", "PL", "TR", "IR", "IL")


@pytest.fixture
def wide_db(tmp_path) -> Path:
    path = tmp_path / "wide.db"
    store = Store.open(path)
    for i, lang in enumerate(LANGUAGES):
        day = f"2024-0{1 + i % 9}-1{i % 10}"
        sentence = f"On {day} talks were held between {COUNTRIES[i]} and {COUNTRIES[(i + 1) % len(COUNTRIES)]}."
        pair = [COUNTRIES[i], COUNTRIES[(i + 1) % len(COUNTRIES)]] + ([COUNTRIES[i + 2]] if i + 2 < 12 else [])
        store.add_articles([_article(lang, [(sentence, day, day, pair)])])
    store.close()
    return path


def _big_font(factor: float = 1.5):
    app = QApplication.instance()
    before = QFont(app.font())
    big = QFont(before)
    big.setPointSizeF(before.pointSizeF() * factor)
    app.setFont(big)
    return app, before


def _window(qtbot, db, size):
    w = shown_window(qtbot, size=size)
    assert w.open_database(str(db))
    for code_filter in (w.filters.countries, w.filters.languages):
        qtbot.waitUntil(lambda cf=code_filter: cf.tree.topLevelItemCount() > 0)
    qtbot.wait(20)
    return w


def _cut_names(tree, *, long_words: bool = False) -> list[str]:
    """The names the list shows cut ("United St…"): wider than their column on one line, and not on
    enough lines to hold them. `long_words`: a word wider than the list can be on a line of its own
    ("Herzegovina" at 150% in an 800 px window) may be cut, its name on as many lines as the rest needs."""
    head, fm, model = tree.header(), tree.fontMetrics(), tree.model()
    width = head.sectionSize(0)
    cut = []
    for row in range(tree.topLevelItemCount()):
        text = tree.topLevelItem(row).text(0)
        index = model.index(row, 0)
        one_line = tree.sizeHintForIndex(index)        # its box, swatch and name on one line
        if one_line.width() <= width:
            continue
        room = width - (one_line.width() - fm.horizontalAdvance(text))
        widest_word = max(fm.horizontalAdvance(word) for word in text.split())
        lines = fm.boundingRect(QRect(0, 0, max(room, 1), 100_000),
                                int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), text).height()
        if (widest_word > room and not long_words) or tree.visualRect(index).height() < lines:
            cut.append(text)
    return cut


def _names_are_whole(w, *, long_words: bool = False) -> None:
    f = w.filters
    for code_filter in (f.countries, f.languages):
        tree = code_filter.tree
        cut = _cut_names(tree, long_words=long_words)
        assert not cut, (code_filter.TITLE, cut, tree.header().sectionSize(0))
        assert not tree.horizontalScrollBar().isVisible(), code_filter.TITLE
        head = tree.header()
        shown = sum(head.sectionSize(c) for c in range(3) if not tree.isColumnHidden(c))
        assert shown <= tree.viewport().width(), (code_filter.TITLE, shown, tree.viewport().width())
        count = tree.headerItem().text(2)           # the count column's title is whole too
        assert head.sectionSize(2) >= head.sectionSizeHint(2), (code_filter.TITLE, count)
    assert not w.filter_scroll.horizontalScrollBar().isVisible()


def test_at_800_by_600_united_states_and_every_other_name_is_shown_whole(qtbot, wide_db, warnings_shown):
    w = _window(qtbot, wide_db, (800, 600))
    assert w.filters.countries.label_of("US") == "United States"
    _names_are_whole(w)
    tree = w.filters.countries.tree
    us = next(tree.topLevelItem(r) for r in range(tree.topLevelItemCount())
              if tree.topLevelItem(r).text(0) == "United States")
    index = tree.model().index(tree.indexOfTopLevelItem(us), 0)
    assert tree.sizeHintForIndex(index).width() <= tree.header().sectionSize(0), "on one line"
    assert not warnings_shown


def test_at_150_percent_and_800_by_600_every_name_is_shown_whole(qtbot, wide_db, warnings_shown):
    app, before = _big_font()
    try:
        w = _window(qtbot, wide_db, (800, 600))
        _names_are_whole(w, long_words=True)
        cut = set(_cut_names(w.filters.countries.tree))
        assert cut <= {"Bosnia and Herzegovina"}, cut       # "United Arab Emirates" on lines, whole
        w.close()
    finally:
        app.setFont(before)


def test_with_room_the_codes_and_the_events_title_are_back(qtbot, wide_db, warnings_shown):
    w = _window(qtbot, wide_db, (800, 600))
    tree = w.filters.countries.tree
    assert tree.isColumnHidden(1)
    w.resize(1600, 900)
    sizes = w.main_split.sizes()
    w.main_split.setSizes([520, sizes[1] - (520 - sizes[0]), sizes[2]])
    qtbot.waitUntil(lambda: not tree.isColumnHidden(1))
    assert tree.headerItem().text(2) == "Events"
    _names_are_whole(w)


def _in_panel(w, widget) -> QRect:
    return QRect(widget.mapTo(w.filters, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("size, factor", [((1200, 700), 1.0), ((800, 600), 1.0), ((800, 600), 1.5)])
def test_the_two_lists_share_the_height_each_showing_three_rows_and_scrolling(qtbot, wide_db, warnings_shown,
                                                                             size, factor):
    app, before = _big_font(factor)
    try:
        w = _window(qtbot, wide_db, size)
        f = w.filters
        for code_filter in (f.countries, f.languages):
            tree = code_filter.tree
            rows = [tree.visualItemRect(tree.topLevelItem(r)) for r in range(tree.topLevelItemCount())]
            in_view = [r for r in rows if tree.viewport().rect().contains(r)]
            assert len(in_view) >= 3, (code_filter.TITLE, size, factor, tree.viewport().height())
            assert len(in_view) < len(rows)                   # more rows than it shows: it scrolls to them
            bar = tree.verticalScrollBar()
            assert bar.isVisible() and bar.maximum() > 0, code_filter.TITLE
            last = tree.topLevelItem(tree.topLevelItemCount() - 1)
            tree.scrollToItem(last)
            assert tree.viewport().rect().contains(tree.visualItemRect(last)), code_filter.TITLE
        parts = [f.search, f.countries, f.languages, f.pages]
        boxes = [_in_panel(w, p) for p in parts]
        for i, a in enumerate(boxes):
            assert f.rect().contains(a), (parts[i].objectName(), a, f.rect())
            for j, b in enumerate(boxes[i + 1:], i + 1):
                assert not a.intersects(b), (parts[i].objectName(), parts[j].objectName(), a, b)
        assert not w.filter_scroll.horizontalScrollBar().isVisible()
        w.close()
    finally:
        app.setFont(before)
