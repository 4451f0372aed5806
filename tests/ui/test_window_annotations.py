"""The analyst's annotations in the real window, offscreen: "Starred only" keeps the starred event in the
table and on the timeline, a rejected event is left out of both until "Show rejected" is checked, Reset
clears both boxes, the table marks a starred event with a star, and the excerpt shows the review state,
the star, the tags and the note."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox

from tests.ui.window_helpers import ingested, shown_window, table_ids
from viewer.model import ViewFilter
from viewer.store import Store, curation
from viewer.ui.models import EVENT_ID_ROLE


def _db(tmp_path):
    db, events = ingested(tmp_path, "Russian forces shelled Kharkiv on 1 March 2024, the regional governor said.\n"
                                    "Ukrainian drones hit a refinery in Ryazan on 3 March 2024, officials said.\n"
                                    "Poland closed a border crossing on 4 March 2024.\n", "2024-03-05")
    ids = [e.id for e in events]
    assert len(ids) >= 3
    return db, ids


def _edit(db, event_id, **change):
    store = Store.open(db)
    try:
        curation.edit(store, event_id, curation.Edit(**change), user="test")
    finally:
        store.close()


def _drawn(qtbot, w) -> set[int]:
    qtbot.waitUntil(lambda: not w.timeline.is_loading(), timeout=5000)
    w.timeline.fit_all()
    return set(w.timeline.visible_event_ids())


def _starred_rows(w) -> set[int]:
    """The events whose title the table marks with a star (an icon before it, said in its tooltip)."""
    m = w.model
    out = set()
    for r in range(m.rowCount()):
        icon = m.data(m.index(r, 2), Qt.ItemDataRole.DecorationRole)
        if icon is not None and not icon.isNull():
            assert m.data(m.index(r, 2), Qt.ItemDataRole.ToolTipRole).startswith("\u2605 starred")
            out.add(m.data(m.index(r, 0), EVENT_ID_ROLE))
    return out


def test_starred_only_keeps_the_starred_event_in_the_table_and_on_the_timeline(qtbot, tmp_path, warnings_shown):
    db, ids = _db(tmp_path)
    starred = ids[1]
    _edit(db, starred, starred=True)
    w = shown_window(qtbot)
    assert w.open_database(str(db))
    everything = set(ids)
    qtbot.waitUntil(lambda: table_ids(w) == everything)
    qtbot.waitUntil(lambda: _drawn(qtbot, w) == everything, timeout=5000)
    assert _starred_rows(w) == {starred}

    box = w.filters.findChild(QCheckBox, "starredOnly")
    assert box is not None and box.text() == "Starred only" and not box.isChecked()
    w.filters.pages.setCurrentIndex(1)          # the Review tab
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert w.view_state.view_filter().starred
    qtbot.waitUntil(lambda: table_ids(w) == {starred})
    qtbot.waitUntil(lambda: _drawn(qtbot, w) == {starred}, timeout=5000)
    w.filters.reset()
    assert not box.isChecked()
    qtbot.waitUntil(lambda: table_ids(w) == everything)
    qtbot.waitUntil(lambda: _drawn(qtbot, w) == everything, timeout=5000)


def test_a_rejected_event_is_hidden_until_show_rejected_is_checked(qtbot, tmp_path, warnings_shown):
    db, ids = _db(tmp_path)
    rejected = ids[0]
    _edit(db, rejected, review="rejected", reason="a quote")
    w = shown_window(qtbot)
    assert w.open_database(str(db))
    rest = set(ids) - {rejected}
    qtbot.waitUntil(lambda: table_ids(w) == rest)
    qtbot.waitUntil(lambda: _drawn(qtbot, w) == rest, timeout=5000)

    box = w.filters.findChild(QCheckBox, "showRejected")
    assert box is not None and box.text() == "Show rejected" and not box.isChecked()
    w.filters.pages.setCurrentIndex(1)          # the Review tab
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert w.view_state.view_filter().show_rejected
    qtbot.waitUntil(lambda: table_ids(w) == set(ids))
    qtbot.waitUntil(lambda: _drawn(qtbot, w) == set(ids), timeout=5000)
    # set elsewhere (a remembered filter): the boxes show it; Reset clears them and hides it again
    w.view_state.set_filter(ViewFilter(starred=True, show_rejected=True))
    assert box.isChecked() and w.filters.findChild(QCheckBox, "starredOnly").isChecked()
    w.filters.reset()
    assert not box.isChecked() and not w.view_state.view_filter().show_rejected
    qtbot.waitUntil(lambda: table_ids(w) == rest)
    qtbot.waitUntil(lambda: _drawn(qtbot, w) == rest, timeout=5000)


def test_the_excerpt_shows_the_review_the_star_the_tags_and_the_note(qtbot, tmp_path, warnings_shown):
    db, ids = _db(tmp_path)
    event = ids[2]
    _edit(db, event, review="confirmed", starred=True, add_tags=["shelling"], note="two sources agree")
    w = shown_window(qtbot)
    assert w.open_database(str(db))
    qtbot.waitUntil(lambda: table_ids(w) == set(ids))
    w.select_event(event)
    qtbot.waitUntil(lambda: w.excerpt.event_id() == event)
    text = w.excerpt.toPlainText()
    assert "confirmed" in text and "\u2605 starred" in text and "#shelling" in text
    assert "two sources agree" in text
    # an event nobody touched says it is not reviewed yet, with no star
    w.select_event(ids[0])
    qtbot.waitUntil(lambda: w.excerpt.event_id() == ids[0])
    text = w.excerpt.toPlainText()
    assert "not reviewed yet" in text and "\u2605" not in text
