"""The per-event arrays the window filters, counts and sorts with: they must say what SQL says."""
from __future__ import annotations

import numpy as np
import pytest

from viewer.model import ViewFilter
from viewer.store import Store
from viewer.store import eventset
from viewer.store import timeline as tstore
from viewer.synth import synthesize


@pytest.fixture(scope="module")
def synth(tmp_path_factory):
    path = tmp_path_factory.mktemp("eventset") / "s.db"
    synthesize(2500, str(path), seed=11)
    store = Store.open(str(path))
    occ = tstore.load_occurrences(store)
    yield store, eventset.load_event_arrays(store, occ)
    store.close()


def _some_article(store) -> str:
    return store.db.execute("SELECT article_id FROM events GROUP BY article_id ORDER BY count(*) DESC"
                            " LIMIT 1").fetchone()[0]


@pytest.mark.parametrize("make", [
    lambda s: ViewFilter(),
    lambda s: ViewFilter(max_granularity="day"),
    lambda s: ViewFilter(max_granularity="season", date_from="1990-01-01"),
    lambda s: ViewFilter(date_from="1985-03-01", date_to="2001-06-30"),
    lambda s: ViewFilter(countries=frozenset({"UA", "RU"}), max_granularity="month"),
    lambda s: ViewFilter(search="officials"),
    lambda s: ViewFilter(search="officials talks", countries=frozenset({"US"})),
    lambda s: ViewFilter(article_id=_some_article(s)),
    lambda s: ViewFilter(article_id="no-such-article"),
])
def test_masks_and_counts_match_sql(synth, make):
    store, ev = synth
    f = make(store)
    ids = eventset.search_ids(store, f.search) if f.search else None
    base = ev.base_mask(f, ids, eventset.article_number(store, f.article_id))
    mask = ev.mask(f, ids, eventset.article_number(store, f.article_id))
    assert int(mask.sum()) == store.count_events(f)
    assert ev.country_counts(base) == store.country_counts(f)
    want = [e.id for e in store.events(f)]            # timeline order: by start, then id
    assert ev.ordered_ids(mask, "date").tolist() == want


def test_search_finds_words_of_any_report_and_refuses_nothing_gently(synth):
    store, _ = synth
    got = eventset.search_ids(store, "officials")
    sql = [e.id for e in store.events(ViewFilter(search="officials"))]
    assert len(got) > 0 and sorted(sql) == got.tolist()
    assert len(eventset.search_ids(store, "zzqxnothing")) == 0
    with pytest.raises(eventset.SearchError) as err:
        eventset.search_ids(store, "*** ((")
    assert "sql" not in str(err.value).lower()


def test_alphabetical_orders_follow_the_titles(synth):
    store, ev = synth
    ev.set_order("title", eventset.sorted_ids(store, "title"))
    mask = ev.base_mask(ViewFilter(max_granularity="month"))
    ids = ev.ordered_ids(mask, "title")
    titles = {e.id: (e.title or e.sentence).lower() for e in store.events(ViewFilter(max_granularity="month"))}
    shown = [titles[i] for i in ids.tolist()]
    assert len(shown) == int(mask.sum()) and shown == sorted(shown)
    back = ev.ordered_ids(mask, "title", descending=True)
    assert back.tolist() == ids[::-1].tolist()


def test_positions_of_unknown_ids(synth):
    _, ev = synth
    pos = ev.positions(np.array([ev.id[0], -5, ev.id[-1] + 10_000, ev.id[7]]))
    assert pos.tolist() == [0, -1, -1, 7]


def test_counts_and_orders_of_nearby_masks_and_an_edit_are_those_made_afresh(tmp_path):
    """The arrays keep their last counts and lists and correct them when a mask differs in a few
    entries, or an edit moved an event: the answers must be those of arrays loaded afresh."""
    from viewer.store import curation
    path = tmp_path / "e.db"
    synthesize(1500, str(path), seed=5)
    store = Store.open(str(path))
    try:
        ev = eventset.load_event_arrays(store, tstore.load_occurrences(store))
        rng = np.random.default_rng(2)
        mask = rng.random(len(ev)) < 0.7
        for column in ("date", "precision"):
            ev.ordered_ids(mask, column)
        ev.country_counts(mask), ev.language_counts(mask), ev.undated(mask)
        dated = np.flatnonzero(~np.isnan(ev.t0))
        for k, p in enumerate(dated[rng.integers(0, len(dated), 6)].tolist()):
            event_id = int(ev.id[p])
            before = store.event(event_id)
            change = (curation.Edit(date={"value": "2031-05-0%d" % (k + 1), "earliest": "2031-05-0%d" % (k + 1),
                                          "latest": "2031-05-0%d" % (k + 1), "granularity": "day"}) if k % 2 == 0
                      else curation.Edit(add_countries=["NZ"], remove_countries=before.countries[:1]))
            curation.edit(store, event_id, change)
            fields = {"date"} if k % 2 == 0 else {"countries"}
            (state,) = eventset.event_states(store, [event_id]).values()
            assert ev.patch(state, fields)
            mask = mask.copy()
            mask[rng.integers(0, len(ev), 3)] ^= True       # and a few other events in or out
            fresh = eventset.load_event_arrays(store, tstore.load_occurrences(store))
            for column in ("date", "precision"):
                assert ev.ordered_ids(mask, column).tolist() == fresh.ordered_ids(mask, column).tolist()
                assert ev.ordered_ids(mask, column, True).tolist() == fresh.ordered_ids(mask, column, True).tolist()
            assert ev.country_counts(mask) == fresh.country_counts(mask)
            assert ev.language_counts(mask) == fresh.language_counts(mask)
            assert ev.undated(mask) == fresh.undated(mask)
            assert ev.code_totals() == fresh.code_totals()
        assert "NZ" in ev.country_counts(np.ones(len(ev), dtype=bool))
    finally:
        store.close()


def test_country_edits_leave_every_events_countries_as_arrays_loaded_afresh(tmp_path):
    """An edit of countries rewrites the edited event's country rows in place (rows that go are filled
    by the last rows, rows that come are added at the end): every event must keep its own countries,
    and a country filter and the counts must be those of arrays loaded afresh."""
    from viewer.store import curation
    path = tmp_path / "c.db"
    synthesize(800, str(path), seed=9)
    store = Store.open(str(path))
    try:
        ev = eventset.load_event_arrays(store, tstore.load_occurrences(store))
        ev.code_totals()
        rng = np.random.default_rng(4)
        with_two = [int(ev.id[p]) for p in np.flatnonzero(np.bincount(ev.cpos, minlength=len(ev)) >= 2)]
        first, second = int(ev.id[0]), with_two[len(with_two) // 2]
        edits = [(first, curation.Edit(add_countries=["NZ", "FJ"])),          # rows added at the end
                 (second, curation.Edit(remove_countries=store.event(second).countries[:1])),   # one goes
                 (first, curation.Edit(remove_countries=["NZ"], add_countries=["TO"])),         # one for one
                 (second, curation.Edit(remove_countries=store.event(second).countries)),      # every one
                 (first, curation.Edit(remove_countries=["FJ", "TO"]))]
        for event_id, change in edits:
            curation.edit(store, event_id, change)
            (state,) = eventset.event_states(store, [event_id]).values()
            assert ev.patch(state, {"countries"})
            fresh = eventset.load_event_arrays(store, tstore.load_occurrences(store))

            def countries(arrays):
                return sorted((int(arrays.id[p]), arrays.codes[c]) for p, c in zip(arrays.cpos, arrays.ccode))
            assert countries(ev) == countries(fresh)
            mask = rng.random(len(ev)) < 0.6
            assert ev.country_counts(mask) == fresh.country_counts(mask)
            assert ev.code_totals() == fresh.code_totals()
            for chosen in ({"NZ"}, {"FJ", "TO"}, set(store.event(second).countries) or {"US"}):
                f = ViewFilter(countries=frozenset(chosen))
                assert np.array_equal(ev.mask(f), fresh.mask(f))
    finally:
        store.close()
