"""The view state: one plain object (no Qt) holding what the person is looking at, observed by the widgets."""
from __future__ import annotations

import subprocess
import sys

import pytest

from viewer.model import ViewFilter
from viewer.viewstate import SearchCache, ViewState


def recorder(state: ViewState, name: str) -> list:
    got = []
    state.subscribe(name, got.append)
    return got


def test_a_new_state_shows_everything_by_date():
    state = ViewState()
    assert state.view_filter() == ViewFilter()
    assert state.selected is None and state.sort == ("date", False) and state.visible_range is None


def test_observers_hear_each_change_once_and_nothing_when_the_value_is_the_same():
    state = ViewState()
    selected = recorder(state, "selected")
    state.selected = 7
    state.selected = 7
    state.selected = None
    assert selected == [7, None]


def test_a_filter_change_is_announced_as_the_whole_filter_once():
    state = ViewState()
    filters = recorder(state, "filter")
    dates = recorder(state, "date_from")
    state.set_filter(ViewFilter(countries=frozenset({"UA"}), date_from="2024-09-01", search="talks"))
    assert filters == [ViewFilter(countries=frozenset({"UA"}), date_from="2024-09-01", search="talks")]
    assert dates == ["2024-09-01"]
    state.set_filter(state.view_filter())               # nothing new: nothing said
    assert len(filters) == 1
    state.set_filter(state.view_filter(), force=True)   # "apply now" (Return in the search box)
    assert len(filters) == 2
    state.selected = 3                                  # not part of the filter
    assert len(filters) == 2


def test_values_are_kept_in_one_spelling():
    state = ViewState()
    filters = recorder(state, "filter")
    state.search = "  talks "
    state.search = "talks"
    state.countries = ["UA", "RU"]
    state.countries = {"RU", "UA"}
    assert [f.search for f in filters] == ["talks", "talks"]
    assert state.view_filter().countries == frozenset({"UA", "RU"})
    state.search = "   "
    assert state.search is None
    state.sort = ["title", 1]
    assert state.sort == ("title", True)


def test_the_languages_are_part_of_the_filter():
    state = ViewState()
    filters = recorder(state, "filter")
    languages = recorder(state, "languages")
    state.languages = ["fr", "uk"]
    state.languages = {"uk", "fr"}                      # the same choice, spelt otherwise: nothing said
    assert languages == [frozenset({"fr", "uk"})]
    assert filters == [ViewFilter(languages=frozenset({"fr", "uk"}))]
    state.set_filter(ViewFilter(countries=frozenset({"UA"})))      # a filter without languages: every one
    assert state.languages is None and filters[-1].languages is None
    state.languages = ()                                # none chosen is not "every language"
    assert state.view_filter().languages == frozenset()


def test_selecting_the_selected_event_again_announces_it_again():
    """The window shows (and scrolls to) an event asked for twice, e.g. after a reload."""
    state = ViewState()
    selected = recorder(state, "selected")
    state.select(5)
    state.select(5)
    assert selected == [5, 5]


def test_unsubscribing_and_unknown_names():
    state = ViewState()
    got = []
    stop = state.subscribe("visible_range", got.append)
    state.visible_range = (0, 10)
    stop()
    state.visible_range = (0, 20)
    assert got == [(0.0, 10.0)]
    with pytest.raises(ValueError):
        state.subscribe("zoom", got.append)
    with pytest.raises(TypeError):
        state.update(zoom=2)


def test_an_observer_that_changes_the_state_is_heard_by_the_others_with_the_newest_value():
    state = ViewState()
    state.subscribe("selected", lambda i: state.update(selected=None) if i == 1 else None)
    later = recorder(state, "selected")
    state.selected = 1
    assert state.selected is None
    assert later[-1] is None


def test_the_search_cache_keeps_the_last_few_searches():
    cache = SearchCache(size=2)
    cache.put("a", [1])
    cache.put("b", [2])
    assert cache.get("a") == [1]          # asked for: kept over "b"
    cache.put("c", [3])
    assert "a" in cache and "c" in cache and "b" not in cache
    cache.clear()
    assert len(cache) == 0 and cache.get("a") is None


def test_the_state_needs_no_qt():
    """The widgets observe it; it never imports them (nor the store)."""
    code = "import sys, viewer.viewstate; print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'viewer.store'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_view_follows_the_data_until_the_person_moves_it():
    state = ViewState()
    assert not state.moved_since_fit
    state.moved()
    assert state.moved_since_fit
    state.fitted()
    assert not state.moved_since_fit
