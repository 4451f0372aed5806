"""The filter panel's Review page in the real window, offscreen: the review state, tag and "has note" boxes
narrow the table and the timeline, the tag box offers and completes the tags in use, the search box finds
words of notes and tags, every filter box is remembered for the next window on the same database, and
the Review tab says when one of its filters is on."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox

from tests.ui.window_helpers import ingested, shown_window, table_ids
from viewer.model import ViewFilter
from viewer.store import Store, curation

TEXT = ("Russian forces shelled Kharkiv on 1 March 2024, the regional governor said.\n"
        "Ukrainian drones hit a refinery in Ryazan on 3 March 2024, officials said.\n"
        "Poland closed a border crossing on 4 March 2024.\n"
        "Talks in Geneva resumed on 6 March 2024.\n")


def _db(tmp_path):
    db, events = ingested(tmp_path, TEXT, "2024-03-07")
    ids = {e.sentence.split()[0]: e.id for e in events}
    assert {"Russian", "Ukrainian", "Poland", "Talks"} <= set(ids)
    store = Store.open(db)
    try:
        for word, change in (("Russian", dict(review="confirmed", add_tags=["Shelling"], note="governor's channel")),
                             ("Ukrainian", dict(review="rejected", reason="a claim", add_tags=["drones"])),
                             ("Poland", dict(title="Poland closed the Medyka crossing",
                                             note="checked against the border agency"))):
            curation.edit(store, ids[word], curation.Edit(**change), user="test")
    finally:
        store.close()
    return db, ids


def _open(qtbot, db, **kw):
    w = shown_window(qtbot, **kw)
    assert w.open_database(str(db))
    return w


def _drawn(qtbot, w) -> set[int]:
    qtbot.waitUntil(lambda: not w.timeline.is_loading(), timeout=5000)
    w.timeline.fit_all()
    return set(w.timeline.visible_event_ids())


def _shows(qtbot, w, ids: set[int]) -> None:
    qtbot.waitUntil(lambda: table_ids(w) == ids, timeout=5000)
    qtbot.waitUntil(lambda: _drawn(qtbot, w) == ids, timeout=5000)


def test_the_review_box_keeps_the_events_in_one_review_state(qtbot, tmp_path, warnings_shown):
    db, ids = _db(tmp_path)
    w = _open(qtbot, db)
    not_rejected = {ids["Russian"], ids["Poland"], ids["Talks"]}
    _shows(qtbot, w, not_rejected)
    box = w.filters.findChild(QComboBox, "reviewFilter")
    assert box is not None and box.currentText() == "Any review state"
    assert [box.itemText(i) for i in range(box.count())] == [
        "Any review state", "Unreviewed", "Confirmed", "Corrected", "Rejected"]
    w.filters.pages.setCurrentIndex(1)
    assert box.isVisible()
    for state, kept in (("Confirmed", {ids["Russian"]}), ("Corrected", {ids["Poland"]}),
                        ("Unreviewed", {ids["Talks"]}), ("Rejected", {ids["Ukrainian"]})):
        box.setCurrentIndex(box.findText(state))
        assert w.view_state.view_filter().review == frozenset({state.lower()})
        _shows(qtbot, w, kept)
    assert not w.filters.show_rejected.isChecked()     # "Rejected" shows them without the box
    assert w.filters.pages.tabText(1) != "Review"       # the tab says one of its filters is on
    w.filters.reset()
    assert box.currentText() == "Any review state" and w.filters.pages.tabText(1) == "Review"
    _shows(qtbot, w, not_rejected)


def test_has_note_keeps_the_events_with_a_note(qtbot, tmp_path, warnings_shown):
    db, ids = _db(tmp_path)
    w = _open(qtbot, db)
    _shows(qtbot, w, {ids["Russian"], ids["Poland"], ids["Talks"]})
    w.filters.pages.setCurrentIndex(1)
    box = w.filters.findChild(QCheckBox, "hasNote")
    assert box is not None and box.text() == "Has note"
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert w.view_state.view_filter().has_note
    _shows(qtbot, w, {ids["Russian"], ids["Poland"]})
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    _shows(qtbot, w, {ids["Russian"], ids["Poland"], ids["Talks"]})


def test_the_tag_box_offers_and_completes_the_tags_in_use(qtbot, tmp_path, warnings_shown):
    db, ids = _db(tmp_path)
    w = _open(qtbot, db)
    _shows(qtbot, w, {ids["Russian"], ids["Poland"], ids["Talks"]})
    w.filters.pages.setCurrentIndex(1)
    box = w.filters.tag
    assert box.objectName() == "tagFilter" and box.tags() == ["drones", "Shelling"]
    # typed without case, completed from the tags in use, taken on Enter
    box.lineEdit().setFocus()
    qtbot.keyClicks(box.lineEdit(), "shel")
    completer = box.completer()
    assert completer.currentCompletion() == "Shelling"
    box.setEditText(completer.currentCompletion())
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert w.view_state.view_filter().tags == frozenset({"Shelling"})
    _shows(qtbot, w, {ids["Russian"]})
    # picked from the list
    box.setCurrentIndex(box.findText("drones"))
    box.activated.emit(box.currentIndex())
    assert w.view_state.view_filter().tags == frozenset({"drones"})
    qtbot.waitUntil(lambda: table_ids(w) == set(), timeout=5000)      # its event is rejected: hidden
    qtbot.mouseClick(w.filters.show_rejected, Qt.MouseButton.LeftButton)
    _shows(qtbot, w, {ids["Ukrainian"]})
    # cleared: any tag
    box.lineEdit().clear()
    assert w.view_state.view_filter().tags is None
    # a tag given in the window is offered at once
    w.editing.apply(ids["Talks"], curation.Edit(add_tags=["diplomacy"]))
    qtbot.waitUntil(lambda: "diplomacy" in box.tags(), timeout=5000)


def test_the_search_box_finds_words_of_notes_and_tags(qtbot, tmp_path, warnings_shown):
    db, ids = _db(tmp_path)
    w = _open(qtbot, db)
    _shows(qtbot, w, {ids["Russian"], ids["Poland"], ids["Talks"]})
    for words, found in (("agency", {ids["Poland"]}),            # a word of a note only
                         ("shell", {ids["Russian"]}),             # "shelled" in the text, "Shelling" a tag
                         ("governor channel", {ids["Russian"]}),  # every word, in the note
                         ("Geneva", {ids["Talks"]})):             # the text, as before
        w.filters.search.setText(words)
        w.filters.apply_now()
        _shows(qtbot, w, found)
    # a note written now is found by the search on at once
    w.filters.search.setText("verified")
    w.filters.apply_now()
    qtbot.waitUntil(lambda: table_ids(w) == set(), timeout=5000)
    w.editing.apply(ids["Talks"], curation.Edit(note="verified by two reporters"))
    _shows(qtbot, w, {ids["Talks"]})


def test_every_filter_box_is_remembered_for_the_next_window(qtbot, tmp_path, warnings_shown):
    db, ids = _db(tmp_path)
    first = _open(qtbot, db, remember=True)
    _shows(qtbot, first, {ids["Russian"], ids["Poland"], ids["Talks"]})
    f = first.filters
    f.written_only.setChecked(True)
    f.starred_only.setChecked(True)
    f.has_note.setChecked(True)
    f.show_rejected.setChecked(True)
    f.review.setCurrentIndex(f.review.findData("corrected"))
    f.tag.set_tag("Shelling")
    f.tag.taken.emit()
    wanted = first.view_state.view_filter()
    assert (wanted.dating, wanted.starred, wanted.has_note, wanted.show_rejected, wanted.review, wanted.tags) == (
        frozenset({"written"}), True, True, True, frozenset({"corrected"}), frozenset({"Shelling"}))
    qtbot.waitUntil(lambda: first.shown_filter() == wanted, timeout=5000)
    first.close()

    second = _open(qtbot, db, remember=True)
    assert second.view_state.view_filter() == wanted
    g = second.filters
    assert g.written_only.isChecked() and g.starred_only.isChecked() and g.has_note.isChecked()
    assert g.show_rejected.isChecked() and g.review.currentText() == "Corrected" and g.tag.tag() == "Shelling"
    second.filters.reset()
    second.close()
    third = _open(qtbot, db, remember=True)          # and Reset is remembered too
    assert third.view_state.view_filter() == ViewFilter()


def test_the_review_page_fits_a_small_window(qtbot, tmp_path, warnings_shown):
    """At 800x600 every box of both pages lies inside the panel at its least width, and the country list
    keeps a few rows."""
    db, ids = _db(tmp_path)
    w = _open(qtbot, db, size=(800, 600))
    f = w.filters

    def fits(b) -> bool:
        top_left, bottom_right = b.mapTo(f, b.rect().topLeft()), b.mapTo(f, b.rect().bottomRight())
        return (b.isVisible() and f.rect().contains(top_left) and f.rect().contains(bottom_right)
                and b.width() >= b.minimumSizeHint().width())

    for page, boxes in ((0, (f.date_from, f.date_to, f.precision, f.article, f.written_only)),
                        (1, (f.review, f.tag, f.starred_only, f.has_note, f.show_rejected))):
        f.pages.setCurrentIndex(page)
        qtbot.waitUntil(lambda boxes=boxes: all(fits(b) for b in boxes + (f.reset_button,))
                        and not f.pages.currentWidget().verticalScrollBar().isVisible(),    # nothing below
                        timeout=3000)
    assert f.countries.tree.viewport().height() >= 3 * f.countries.tree.sizeHintForRow(0)
