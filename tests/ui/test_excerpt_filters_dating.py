"""'Only written dates' in the filter panel, in the real window offscreen: the table keeps the events whose
date the text writes, the panel shows a filter set elsewhere, and Reset clears it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox

from tests.ui.window_helpers import ingested, shown_window, table_ids
from viewer.model import ViewFilter


def _db(tmp_path):
    db, events = ingested(tmp_path, "Russian forces shelled Kharkiv, the regional governor said.\n"
                                    "Ukrainian drones hit a refinery in Ryazan on 3 March 2024, officials said.\n"
                                    "Poland closed a border crossing last week.\n", "2024-03-05")
    by_dating = {}
    for e in events:
        by_dating.setdefault(e.dating, set()).add(e.id)
    return db, by_dating


def test_only_written_dates_narrows_the_table(qtbot, tmp_path, warnings_shown):
    db, by_dating = _db(tmp_path)
    assert by_dating.get("reported") and by_dating.get("written")
    w = shown_window(qtbot)
    assert w.open_database(str(db))
    everything = set().union(*by_dating.values())
    qtbot.waitUntil(lambda: table_ids(w) == everything)
    box = w.filters.findChild(QCheckBox, "writtenOnly")
    assert box is not None and box.text() == "Only written dates" and not box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert w.view_state.view_filter().dating == frozenset({"written"})
    qtbot.waitUntil(lambda: table_ids(w) == by_dating["written"])
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert w.view_state.view_filter().dating is None
    qtbot.waitUntil(lambda: table_ids(w) == everything)
    # set elsewhere (a remembered filter): the box shows it; Reset clears it
    w.view_state.set_filter(ViewFilter(dating=frozenset({"written"})))
    assert box.isChecked()
    w.filters.reset()
    assert not box.isChecked() and w.view_state.view_filter().dating is None


def test_the_table_says_which_dates_were_reported(qtbot, tmp_path, warnings_shown):
    from viewer.ui.models import EVENT_ID_ROLE
    db, by_dating = _db(tmp_path)
    w = shown_window(qtbot)
    assert w.open_database(str(db))
    everything = set().union(*by_dating.values())
    qtbot.waitUntil(lambda: table_ids(w) == everything)
    m = w.model
    shown = {m.data(m.index(r, 0), EVENT_ID_ROLE): (m.data(m.index(r, 0)), m.data(m.index(r, 1)))
             for r in range(m.rowCount())}
    (reported,) = by_dating["reported"]
    assert shown[reported] == ("3–5 Mar 2024", "reported")
    for event_id in by_dating["written"]:
        assert shown[event_id][1] != "reported"


def test_only_written_dates_leaves_the_timeline_with_the_written_ones(qtbot, tmp_path, warnings_shown):
    db, by_dating = _db(tmp_path)
    w = shown_window(qtbot)
    assert w.open_database(str(db))

    def drawn() -> set[int]:
        qtbot.waitUntil(lambda: not w.timeline.is_loading(), timeout=5000)
        w.timeline.fit_all()
        return set(w.timeline.visible_event_ids())

    qtbot.waitUntil(lambda: drawn() == set().union(*by_dating.values()), timeout=5000)
    qtbot.mouseClick(w.filters.findChild(QCheckBox, "writtenOnly"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: drawn() == by_dating["written"], timeout=5000)
