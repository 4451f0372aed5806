"""The event table's rows from the per-event arrays: exactly the events a filter keeps, in the order asked for."""
from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone

import numpy as np
import pytest

from viewer.model import GRANULARITIES, ViewFilter
from viewer.store.eventset import EventArrays
from viewer.store.filtering import NO_COUNTRY, NO_RANK
from viewer.tablerows import TableRows

DAY = 86400.0


def t(iso: str) -> float:
    return datetime.fromisoformat(iso).replace(tzinfo=timezone.utc).timestamp()


# id: (start, length in days, precision, article number, countries); start None: undated
EVENTS = {
    1: ("2024-09-10", 1, "day", 1, ["UA"]),
    2: ("2024-09-01", 30, "month", 1, ["RU"]),
    3: (None, 0, None, 2, []),
    4: ("2024-09-20", 1, "day", 2, ["UA", "RU"]),
    5: ("2024-01-01", 366, "year", 2, []),
    6: ("2024-09-10", 1, "hour", 3, ["FR"]),
}
TITLES = {1: "Bridge", 2: "Ceasefire", 3: "Aid", 4: "Drones", 5: "Elections", 6: "Attack"}


def arrays(events=EVENTS) -> EventArrays:
    ids = np.array(sorted(events), dtype=np.int64)
    t0 = np.array([np.nan if events[i][0] is None else t(events[i][0]) for i in ids])
    t1 = t0 + np.array([events[i][1] * DAY for i in ids])
    rank = np.array([NO_RANK if events[i][2] is None else GRANULARITIES.index(events[i][2]) for i in ids],
                    dtype=np.int8)
    article = np.array([events[i][3] for i in ids], dtype=np.int32)
    codes = sorted({c for e in events.values() for c in e[4]})
    pairs = [(k, codes.index(c)) for k, i in enumerate(ids) for c in events[i][4]]
    cpos = np.array([p for p, _ in pairs], dtype=np.int32)
    ccode = np.array([c for _, c in pairs], dtype=np.int32)
    return EventArrays(ids, t0, t1, rank, article, cpos, ccode, codes)


def title_order() -> np.ndarray:
    return np.array(sorted(TITLES, key=TITLES.get), dtype=np.int64)


def shown(f=ViewFilter(), sort=("date", False), search_ids=None, article=None, events=None):
    rows = TableRows()
    rows.apply(events if events is not None else arrays(), f, search_ids, article)
    return rows.rows(sort)


def test_without_a_filter_the_table_shows_every_event_by_date_undated_last():
    got = shown()
    assert got.ids.tolist() == [5, 2, 1, 6, 4, 3]       # same start (1 and 6): by id
    assert (got.shown, got.undated, got.dated) == (6, 1, 5)


def test_descending_reverses_the_order():
    assert shown(sort=("date", True)).ids.tolist() == [3, 4, 6, 1, 2, 5]


def test_by_precision_the_finest_come_first_then_by_date():
    assert shown(sort=("precision", False)).ids.tolist() == [6, 1, 4, 2, 5, 3]


def test_a_country_filter_keeps_exactly_the_events_naming_one_of_them():
    got = shown(ViewFilter(countries=frozenset({"UA"})))
    assert got.ids.tolist() == [1, 4]
    assert got.shown == 2 and got.undated == 0
    # the panel's counts are those of every country under the rest of the filter, most first
    assert got.counts == {"RU": 2, "UA": 2, "FR": 1}
    assert shown(ViewFilter(countries=frozenset({NO_COUNTRY}))).ids.tolist() == [5, 3]


def test_dates_precision_article_and_search_each_narrow_the_rows():
    # a vague date is kept while it overlaps the dates asked for (the year, September), undated ones are not
    assert shown(ViewFilter(date_from="2024-09-15")).ids.tolist() == [5, 2, 4]
    assert shown(ViewFilter(date_to="2024-08-31")).ids.tolist() == [5]
    assert shown(ViewFilter(max_granularity="day")).ids.tolist() == [1, 6, 4]
    assert shown(ViewFilter(article_id="a2"), article=2).ids.tolist() == [5, 4, 3]
    got = shown(ViewFilter(search="drones"), search_ids=np.array([2, 4, 99]))
    assert got.ids.tolist() == [2, 4] and got.shown == 2
    both = shown(ViewFilter(search="drones", countries=frozenset({"UA"})), search_ids=np.array([2, 4]))
    assert both.ids.tolist() == [4]
    assert both.counts == {"RU": 2, "UA": 1}


def test_nothing_kept_is_an_empty_table():
    got = shown(ViewFilter(countries=frozenset({"DE"})))
    assert got.ids.tolist() == [] and got.shown == 0 and got.undated == 0


def test_the_arrays_answer_a_filter_only_once_loaded_and_once_a_search_is_known():
    ev = arrays()
    assert not TableRows.can_filter(None, ViewFilter(), None)
    assert TableRows.can_filter(ev, ViewFilter(), None)
    assert not TableRows.can_filter(ev, ViewFilter(search="talks"), None)
    assert TableRows.can_filter(ev, ViewFilter(search="talks"), np.array([], dtype=np.int64))


def test_resorting_reorders_the_same_rows():
    rows = TableRows()
    assert not rows.ready and not rows.lacks_order("title")
    rows.apply(arrays(), ViewFilter(countries=frozenset({"UA", "FR"})))
    assert rows.ready
    assert rows.ordered_ids(("date", False)).tolist() == [1, 6, 4]
    assert rows.ordered_ids(("precision", True)).tolist() == [4, 1, 6]
    rows.clear()
    assert not rows.ready and rows.filter is None


def test_an_alphabetical_order_is_read_once_and_the_rows_stay_by_date_meanwhile():
    rows = TableRows()
    ev = arrays()
    rows.apply(ev, ViewFilter(countries=frozenset({"UA", "FR"})))
    assert rows.lacks_order("title") and not rows.lacks_order("date")
    assert rows.ordered_ids(("title", False)).tolist() == [1, 6, 4]    # by date until it is read
    assert not rows.reading("title")
    rows.start_reading("title")
    assert rows.reading("title") and not rows.reading("countries")
    assert rows.order_read(ev, "title", title_order(), ("title", True)) is True
    assert not rows.reading("title") and not rows.lacks_order("title")
    assert rows.ordered_ids(("title", False)).tolist() == [6, 1, 4]    # Attack, Bridge, Drones
    assert rows.ordered_ids(("title", True)).tolist() == [4, 1, 6]


def test_an_order_arriving_late_is_kept_but_reorders_nothing_stale():
    rows = TableRows()
    old, new = arrays(), arrays()
    rows.apply(old, ViewFilter())
    rows.start_reading("title")
    rows.apply(new, ViewFilter())                         # another database, an import ...
    assert not rows.reading("title")                      # the order being read is the old arrays'
    assert rows.order_read(old, "title", title_order(), ("title", False)) is False
    assert old.has_order("title") and not new.has_order("title")
    rows.start_reading("countries")
    assert rows.order_read(new, "countries", np.array([1, 2, 3, 4, 5, 6]), ("date", False)) is False
    rows.start_reading("title")
    rows.reading_failed()
    assert not rows.reading("title")


def test_an_order_missing_events_added_since_puts_them_last():
    rows = TableRows()
    ev = arrays()
    rows.apply(ev, ViewFilter())
    rows.order_read(ev, "title", np.array([6, 3, 1]), ("title", False))
    assert rows.ordered_ids(("title", False)).tolist() == [6, 3, 1, 2, 4, 5]


@pytest.mark.parametrize("n", [200_000])
def test_a_big_table_is_filtered_and_sorted_as_arrays(n):
    rng = np.random.default_rng(7)
    ids = np.arange(1, n + 1, dtype=np.int64)
    t0 = rng.uniform(t("2020-01-01"), t("2025-01-01"), n)
    t0[rng.random(n) < 0.05] = np.nan
    ev = EventArrays(ids, t0, t0 + DAY, rng.integers(0, 8, n).astype(np.int8),
                     rng.integers(0, 50, n).astype(np.int32),
                     np.arange(n, dtype=np.int32), rng.integers(0, 3, n).astype(np.int32), ["FR", "RU", "UA"])
    rows = TableRows()
    rows.apply(ev, ViewFilter(countries=frozenset({"UA"}), date_from="2022-01-01"))
    got = rows.rows(("date", True))
    keep = (ev.ccode == 2) & (t0 + DAY > t("2022-01-01"))
    assert got.shown == int(keep.sum()) and set(got.ids.tolist()) == set(ids[keep].tolist())
    starts = t0[got.ids - 1]
    assert (np.diff(starts) <= 0).all()                  # latest first


def test_the_table_rows_need_no_qt_and_no_store():
    code = ("import sys, viewer.tablerows; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'viewer.store', 'sqlite'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_within_a_time_range_only_the_events_overlapping_it_are_listed_the_counts_stay():
    rows = TableRows()
    rows.apply(arrays(), ViewFilter())
    got = rows.rows(("date", False), within=(t("2024-09-15"), t("2024-09-25")))
    assert got.ids.tolist() == [5, 2, 4]               # the year and the month overlap it; undated never
    assert (got.shown, got.undated) == (6, 1)          # the filter's counts, not the range's
    assert rows.ordered_ids(("date", True), within=(t("2024-09-10"), t("2024-09-10") + 3600)).tolist() \
        == [6, 1, 2, 5]
    assert rows.rows(("date", False), within=(t("2030-01-01"), t("2031-01-01"))).ids.tolist() == []


def test_keeps_says_whether_the_filter_keeps_an_event():
    rows = TableRows()
    rows.apply(arrays(), ViewFilter(countries=frozenset({"UA"})))
    assert rows.keeps(1) and rows.keeps(4)
    assert not rows.keeps(2) and not rows.keeps(99)
