"""QA round 3: what the window remembers between runs. The event the analyst was reading when they closed
the window is selected again (its excerpt shown, its row chosen) when the same database opens next time,
where the timeline was left; an event merged away meanwhile selects nothing. Real widgets, offscreen."""
from __future__ import annotations

from tests.ui.window_helpers import shown_window
from viewer.store import Store, curation


def _first_and_second(qtbot, known_db, pick):
    """A window closed with `pick(window)` selected, then a second one on the same database."""
    first = shown_window(qtbot, remember=True, size=(760, 520))
    assert first.open_database(str(known_db))
    chosen = pick(first)
    first.select_event(chosen)
    rng = (1.72e9, 1.73e9)
    first.timeline.set_visible_range(*rng)
    assert first.excerpt.event_id() == chosen
    first.close()
    return chosen, rng


def test_the_event_selected_at_closing_is_selected_again_at_the_next_run(qtbot, known_db, warnings_shown):
    chosen, rng = _first_and_second(qtbot, known_db, lambda w: sorted(e.id for e in w.store.events())[2])
    second = shown_window(qtbot, remember=True, size=(760, 520))
    assert second.open_database(str(known_db))
    assert second.view_state.selected == chosen
    assert second.excerpt.event_id() == chosen
    assert second.timeline.selected_event() == chosen
    rows = second.table.selectionModel().selectedRows()
    assert [second.model.event_at(i.row()).id for i in rows] == [chosen]
    t0, t1 = second.timeline.visible_range()                 # where it was left, not moved to the event
    assert abs(t0 - rng[0]) < 86400 and abs(t1 - rng[1]) < 86400
    assert not warnings_shown
    second.close()


def test_an_event_merged_away_meanwhile_selects_nothing(qtbot, known_db, warnings_shown):
    ids = []
    chosen, _rng = _first_and_second(qtbot, known_db, lambda w: ids.extend(sorted(e.id for e in w.store.events()))
                                     or ids[1])
    store = Store.open(known_db)
    curation.merge(store, ids[0], chosen)                        # from the command line, say
    store.close()
    second = shown_window(qtbot, remember=True, size=(760, 520))
    assert second.open_database(str(known_db))
    assert second.view_state.selected is None and second.excerpt.event_id() is None
    assert not warnings_shown
    second.close()


def test_ctrl_y_redoes_as_ctrl_shift_z_does(qtbot, known_db, warnings_shown):
    """An analyst from Windows (or most Linux programs) presses Ctrl+Y to redo what Ctrl+Z undid."""
    from PySide6.QtCore import Qt

    w = shown_window(qtbot, size=(1000, 700))
    assert w.open_database(str(known_db))
    w.activateWindow()                       # the keys of the menus reach the window that is active
    qtbot.waitUntil(w.isActiveWindow)
    first = sorted(e.id for e in w.store.events())[0]
    w.select_event(first)
    w.timeline.setFocus()
    qtbot.keyClick(w.timeline, Qt.Key.Key_Return)                    # confirm it
    review = lambda: curation.annotation(w.store, first)["review"]   # noqa: E731
    assert review() == "confirmed"
    qtbot.keyClick(w.timeline, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert review() == "unreviewed"
    qtbot.keyClick(w.timeline, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert review() == "confirmed"
