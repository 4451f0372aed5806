"""View ▸ Saved views in the real window, offscreen: the filters, the visible range and the selected event
saved under a name in the database come back when the view is reopened from the menu, after everything
was changed and in a new window on the same file; the same name asks before replacing; Delete removes a
view; a read-only database says it cannot save."""
from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from tests.ui.window_helpers import event_ids, shown_window, table_ids
from viewer.model import ViewFilter
from viewer.store import Store, views

NAME = "Russia since June, coarse"


def _menu_actions(w) -> dict[str, object]:
    """The saved views the menu lists, by name (the menu filled as when it opens)."""
    w.saved_views_menu.aboutToShow.emit()
    return {a.data(): a for a in w.saved_views_menu.actions() if a.objectName() == "savedView"}


def _type_name(monkeypatch, name: str) -> list[str]:
    asked = []

    def get_text(parent, title, label, *args, **kwargs):
        asked.append(label)
        return name, True
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return asked


def _answer(monkeypatch, button) -> list[str]:
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return button
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def _set_up_a_view(qtbot, w, ids):
    """Everything a view holds, set as a person does: countries, dates, precision, review, range, selection."""
    f = w.filters
    f.countries.set_checked("FR", False)
    f.date_from.setDate(f.date_from.date().fromString("2024-06-01", "yyyy-MM-dd"))
    f.precision.setCurrentIndex(f.precision.findData("season"))
    f.review.setCurrentIndex(f.review.findData("unreviewed"))
    shown = {ids["this summer"], ids["Last September"], ids["last weekend"]}
    qtbot.waitUntil(lambda: table_ids(w) == shown, timeout=5000)
    w.select_event(ids["Last September"])
    w.timeline.set_visible_range(1.7195e9, 1.7325e9)
    return w.view_state.view_filter(), w.timeline.visible_range(), shown


def _shows_view(qtbot, w, wanted, rng, selected, shown):
    qtbot.waitUntil(lambda: table_ids(w) == shown, timeout=5000)
    assert w.view_state.view_filter() == wanted
    f = w.filters              # the panel shows it too
    assert not f.countries.is_checked("FR") and f.countries.is_checked("RU")
    assert f.date_from.date().toString("yyyy-MM-dd") == "2024-06-01"
    assert f.precision.currentData() == "season" and f.review.currentText() == "Unreviewed"
    t0, t1 = w.timeline.visible_range()
    assert abs(t0 - rng[0]) < 60 and abs(t1 - rng[1]) < 60
    assert w.view_state.selected == selected and w.excerpt.event_id() == selected


def test_a_saved_view_comes_back_after_everything_changed(qtbot, known_db, monkeypatch, warnings_shown):
    ids = event_ids(known_db)
    w = shown_window(qtbot)
    assert w.open_database(str(known_db))
    assert _menu_actions(w) == {}
    wanted, rng, shown = _set_up_a_view(qtbot, w, ids)
    asked = _type_name(monkeypatch, NAME)
    w.save_view_action.trigger()
    assert asked and not warnings_shown
    assert list(_menu_actions(w)) == [NAME]

    # change everything
    w.filters.reset()
    w.select_event(ids["this Monday, November 18"])
    w.timeline.set_visible_range(1.60e9, 1.61e9)
    qtbot.waitUntil(lambda: len(table_ids(w)) == 4, timeout=5000)
    assert w.view_state.view_filter() == ViewFilter()

    _menu_actions(w)[NAME].trigger()
    _shows_view(qtbot, w, wanted, rng, ids["Last September"], shown)

    # the view survives closing the window: a new window on the file lists it and opens it
    w.close()
    again = shown_window(qtbot)
    assert again.open_database(str(known_db))
    qtbot.waitUntil(lambda: len(table_ids(again)) == 4, timeout=5000)
    _menu_actions(again)[NAME].trigger()
    _shows_view(qtbot, again, wanted, rng, ids["Last September"], shown)


def test_the_same_name_asks_before_replacing(qtbot, known_db, monkeypatch, warnings_shown):
    w = shown_window(qtbot)
    assert w.open_database(str(known_db))
    w.filters.starred_only.setChecked(True)
    assert w.save_view("Mine")
    w.filters.reset()
    w.filters.has_note.setChecked(True)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    _type_name(monkeypatch, "mine")
    assert not w.choose_save_view()                     # kept: the person said no
    assert asked and "Mine" in asked[0] and "Replace" in asked[0]
    store = Store.open(known_db, readonly=True)
    try:
        assert views.view(store, "Mine").filter == ViewFilter(starred=True)
    finally:
        store.close()
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert w.choose_save_view()                         # replaced
    w.filters.reset()
    _menu_actions(w)["mine"].trigger()
    assert w.view_state.view_filter() == ViewFilter(has_note=True)
    assert list(_menu_actions(w)) == ["mine"]


def test_delete_removes_a_view_once_agreed(qtbot, known_db, monkeypatch, warnings_shown):
    w = shown_window(qtbot)
    assert w.open_database(str(known_db))
    assert w.save_view("One") and w.save_view("Two")
    w.saved_views_menu.aboutToShow.emit()
    delete = next(a.menu() for a in w.saved_views_menu.actions() if a.menu() is not None)
    by_name = {a.data(): a for a in delete.actions()}
    assert set(by_name) == {"One", "Two"}
    _answer(monkeypatch, QMessageBox.StandardButton.No)
    by_name["One"].trigger()
    assert set(_menu_actions(w)) == {"One", "Two"}
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    by_name["One"].trigger()
    assert set(_menu_actions(w)) == {"Two"}


def test_a_read_only_database_says_it_cannot_save(qtbot, known_db, tmp_path, monkeypatch, warnings_shown):
    from tests.ui.window_helpers import open_readonly

    s = Store.open(known_db)
    views.save_view(s, "Kept", ViewFilter(starred=True))
    s.close()
    w = shown_window(qtbot)
    open_readonly(w, tmp_path, known_db, monkeypatch)
    asked = _type_name(monkeypatch, "New")
    assert not w.choose_save_view()
    assert not asked                                    # not even asked for a name
    assert warnings_shown and "read-only" in warnings_shown[-1][1] and "cannot be saved" in warnings_shown[-1][1]
    _menu_actions(w)["Kept"].trigger()                  # its views still open
    assert w.view_state.view_filter() == ViewFilter(starred=True)
