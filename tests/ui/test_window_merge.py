"""Merging two events and splitting a report out (issue 14), in the real window: Edit ▸ Merge with… on the
selected event lists the events near it, the one chosen joins it and disappears from the table; the excerpt
panel's "Split out" link makes a report an event of its own; Undo gives back what was there; reports whose
dates disagree are named in the panel."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt, QUrl

from tests.test_curation_merge import merge_db
from tests.ui.window_helpers import shown_window, table_ids
from viewer.store import Store
from viewer.ui.excerpt import MERGE_SCHEME, SPLIT_SCHEME
from viewer.ui.merge import MergeDialog


def _db(tmp_path):
    path, _ = merge_db(tmp_path, "w.db")
    store = Store.open(path)
    try:
        ids = {w: e.id for e in store.events() for w in ("grid", "drone", "Talks", "Poland") if w in e.sentence}
    finally:
        store.close()
    return path, ids


def _window(qtbot, path):
    w = shown_window(qtbot, size=None)
    assert w.open_database(str(path))
    qtbot.waitUntil(lambda: w.model.rowCount() == 4)
    return w


def _edit_menu_action(w, name):
    for top in w.menuBar().actions():
        if top.text().replace("&", "") == "Edit":
            (a,) = [a for a in top.menu().actions() if a.objectName() == name]
            return a
    raise AssertionError("no Edit menu")


def _merge_dialog(w) -> MergeDialog:
    found = [d for d in w.findChildren(MergeDialog) if d.isVisible()]
    assert len(found) == 1
    return found[0]


def _shown_reports(w) -> int:
    m = re.search(r"ALSO REPORTED IN (\d+) OTHER", w.excerpt.toPlainText())
    return 1 + int(m.group(1)) if m else 1


def test_merge_from_the_edit_menu_and_undo_it(qtbot, tmp_path):
    path, ids = _db(tmp_path)
    w = _window(qtbot, path)
    w.select_event(ids["drone"])
    _edit_menu_action(w, "merge_withAction").trigger()
    dialog = _merge_dialog(w)
    # nearest in time first: 17 November, then 2 October; 3 March is too far from November 2024
    assert dialog.listed() == [ids["grid"], ids["Poland"]]
    qtbot.keyClicks(dialog.search, "grid")
    assert dialog.listed() == [ids["grid"]]
    assert dialog.choose(ids["grid"]) and dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: table_ids(w) == set(ids.values()) - {ids["grid"]})
    assert w.view_state.selected == ids["drone"] and _shown_reports(w) == 3
    assert "17 Nov" in w.excerpt.toPlainText() or "November 17" in w.excerpt.toPlainText()
    assert w.editing.undo_action.text().replace("&", "").startswith("Undo merge into “A drone attack")


    w.editing.undo_action.trigger()
    qtbot.waitUntil(lambda: table_ids(w) == set(ids.values()))
    assert w.editing.redo_action.text().replace("&", "").startswith("Redo merge into")
    w.select_event(ids["grid"])
    assert _shown_reports(w) == 2
    w.editing.redo_action.trigger()
    qtbot.waitUntil(lambda: table_ids(w) == set(ids.values()) - {ids["grid"]})


def test_split_a_report_out_from_the_excerpt_panel_and_undo_it(qtbot, tmp_path):
    path, ids = _db(tmp_path)
    w = _window(qtbot, path)
    w.select_event(ids["grid"])
    html = w.excerpt.toHtml()
    hrefs = re.findall(rf'href="({SPLIT_SCHEME}:[^"]+)"', html)
    assert len(hrefs) == 1 and "Split out" in w.excerpt.toPlainText()   # only the other report has one
    w.excerpt.anchorClicked.emit(QUrl(hrefs[0]))

    qtbot.waitUntil(lambda: len(table_ids(w)) == 5)
    assert w.editing.undo_action.text().replace("&", "").startswith("Undo split out of “Russian missiles")
    (new,) = table_ids(w) - set(ids.values())
    assert w.view_state.selected == ids["grid"] and _shown_reports(w) == 1
    assert SPLIT_SCHEME not in w.excerpt.toHtml()
    w.select_event(new)
    assert _shown_reports(w) == 1 and "grid" in w.excerpt.toPlainText()

    w.editing.undo_action.trigger()
    qtbot.waitUntil(lambda: table_ids(w) == set(ids.values()))
    w.select_event(ids["grid"])
    assert _shown_reports(w) == 2


def test_reports_whose_dates_disagree_are_named_in_the_panel(qtbot, tmp_path):
    path, ids = _db(tmp_path)
    w = _window(qtbot, path)
    w.select_event(ids["grid"])
    assert "disagree" not in w.excerpt.toPlainText()     # two reports of 17 November
    assert w.merge_events(ids["Poland"], ids["Talks"]) is not None   # 2 October and 3 March: one event now
    qtbot.waitUntil(lambda: ids["Talks"] not in table_ids(w))
    w.select_event(ids["Poland"])
    text = w.excerpt.toPlainText()
    assert "the reports disagree on when it happened" in text
    assert "(its own report)" in text and "Mar" in text and "Oct" in text


def test_no_split_links_and_no_merge_on_a_read_only_database(qtbot, tmp_path, warnings_shown):
    path, ids = _db(tmp_path)
    w = _window(qtbot, path)
    w.readonly = True                                  # as a file opened read-only is shown
    w.select_event(ids["grid"])
    assert _shown_reports(w) == 2
    assert SPLIT_SCHEME not in w.excerpt.toHtml() and MERGE_SCHEME not in w.excerpt.toHtml()
    assert w.merge_with(ids["grid"]) is None
    assert w.merge_events(ids["grid"], ids["drone"]) is None
    assert len(warnings_shown) == 1 and "read-only" in warnings_shown[0][1]
    assert table_ids(w) == set(ids.values())


def test_a_refused_merge_is_said_and_changes_nothing(qtbot, tmp_path, warnings_shown):
    path, ids = _db(tmp_path)
    w = _window(qtbot, path)
    assert w.merge_events(ids["grid"], ids["grid"]) is None
    assert warnings_shown and "itself" in warnings_shown[-1][1]
    assert table_ids(w) == set(ids.values()) and not w.editing.undo_action.isEnabled()


def test_merge_with_from_the_excerpt_panel(qtbot, tmp_path):
    path, ids = _db(tmp_path)
    w = _window(qtbot, path)
    w.select_event(ids["Poland"])
    (href,) = re.findall(rf'href="({MERGE_SCHEME}:[^"]+)"', w.excerpt.toHtml())
    w.excerpt.anchorClicked.emit(QUrl(href))
    dialog = _merge_dialog(w)
    assert dialog.event_id == ids["Poland"]
    assert dialog.listed() == [ids["drone"]]       # November 2024 begins within 31 days of 2 October;
    dialog.list.setCurrentRow(0)                     # 17 November and 3 March do not
    assert dialog.chosen() == ids["drone"] and dialog.ok.isEnabled()
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert table_ids(w) == set(ids.values())                          # cancelled: nothing merged
