"""Saved views in the store: a view keeps every part of the filter, the visible range and the selected
event; a name is one view without regard to case and is replaced only when asked; views survive closing
the file; a read-only file says it cannot save."""
from __future__ import annotations

import json
import sqlite3

import pytest

from viewer.model import ViewFilter
from viewer.store import Store, StoreError, StoreInputError, views

EVERYTHING = ViewFilter(countries=frozenset({"UA", "RU", "\u2014"}), date_from="2024-03-01", date_to="2024-03-31",
                        search="drone strike", max_granularity="day", article_id="0123456789abcdef",
                        languages=frozenset({"uk", "und"}), dating=frozenset({"written"}), starred=True,
                        tags=frozenset({"Shelling", "drones"}), has_note=True,
                        review=frozenset({"confirmed", "corrected"}), show_rejected=True)


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "v.db")
    yield s
    s.close()


def test_a_view_keeps_every_part_of_the_filter_the_range_and_the_selection(store, tmp_path):
    views.save_view(store, "  Kharkiv   in March ", EVERYTHING, (1.709e9, 1.712e9), 42, user="analyst")
    (saved,) = views.views(store)
    assert saved.name == "Kharkiv in March"
    assert saved.filter == EVERYTHING
    assert saved.visible_range == (1.709e9, 1.712e9) and saved.selected == 42 and saved.user == "analyst"
    store.close()
    again = Store.open(tmp_path / "v.db")
    try:
        assert views.view(again, "kharkiv IN march") == saved
    finally:
        again.close()


def test_the_same_name_is_replaced_only_when_asked(store):
    first = views.save_view(store, "Front", ViewFilter(starred=True), None, None)
    with pytest.raises(StoreError) as info:
        views.save_view(store, "front", ViewFilter(has_note=True))
    assert info.value.kind == "exists" and "Front" in str(info.value)
    assert views.view(store, "Front").filter == ViewFilter(starred=True)
    second = views.save_view(store, "FRONT", ViewFilter(has_note=True), (1.0, 2.0), 7, replace=True)
    assert [v.name for v in views.views(store)] == ["FRONT"]
    assert second.filter == ViewFilter(has_note=True) and second.created == first.created
    assert second.visible_range == (1.0, 2.0) and second.selected == 7


def test_views_are_listed_by_name_and_deleted(store):
    for name in ("b", "A", "c"):
        views.save_view(store, name, ViewFilter())
    assert [v.name for v in views.views(store)] == ["A", "b", "c"]
    assert views.delete_view(store, "B") and not views.delete_view(store, "B")
    assert [v.name for v in views.views(store)] == ["A", "c"]


def test_a_name_must_say_something(store):
    for bad in ("", "   ", "x" * (views.MAX_NAME + 1)):
        with pytest.raises(StoreInputError):
            views.save_view(store, bad, ViewFilter())
    assert views.views(store) == []


def test_a_view_from_another_version_opens_with_what_this_one_knows(store, tmp_path):
    """Unknown fields are ignored and fields of the wrong type left at their default; an empty range
    is no range."""
    store.close()
    conn = sqlite3.connect(tmp_path / "v.db")
    with conn:
        conn.execute("INSERT INTO saved_views (name, filter, t0, t1, selected, created, updated)"
                     " VALUES (?, ?, 5, 5, NULL, 'x', 'x')",
                     ["odd", json.dumps({"starred": True, "colour": "red", "countries": "UA", "tags": ["a", 3],
                                         "date_from": 20240301})])
    conn.close()
    again = Store.open(tmp_path / "v.db")
    try:
        odd = views.view(again, "odd")
        assert odd.filter == ViewFilter(starred=True, tags=frozenset({"a"}))
        assert odd.visible_range is None and odd.selected is None
    finally:
        again.close()


def test_a_read_only_file_cannot_save(tmp_path):
    path = tmp_path / "v.db"
    s = Store.open(path)
    views.save_view(s, "kept", ViewFilter(starred=True))
    s.close()
    ro = Store.open(path, readonly=True)
    try:
        assert [v.name for v in views.views(ro)] == ["kept"]
        for act in (lambda: views.save_view(ro, "new", ViewFilter()), lambda: views.delete_view(ro, "kept")):
            with pytest.raises(StoreError) as info:
                act()
            assert info.value.kind == "readonly"
    finally:
        ro.close()
