"""The event table's rows once the per-event arrays are loaded: which events a filter keeps, and in what
order (no Qt, no SQL; numpy masks over the arrays, never a loop over the events).

`TableRows` remembers the last filter's mask, so that a click on a header only reorders what is shown.
The date and precision orders follow from the arrays; an alphabetical one (title, countries) is read from
the database once by the caller, in the background on a big database: `lacks_order` says an order must be
read, `start_reading` / `order_read` / `reading_failed` track that reading, and until it arrives the rows
stay in date order.

`events` is the open database's `EventArrays` (viewer.store.eventset), or anything with its methods
(`base_mask`, `country_mask`, `language_mask`, `country_counts`, `language_counts`, `undated`, `has_order`,
`set_order`, `ordered_ids`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from viewer.model import ViewFilter

FALLBACK_SORT = ("date", False)   # the order shown while the one asked for is being read


@dataclass(frozen=True)
class Rows:
    """What the table and the panels show for one filter."""
    shown: int                    # events the filter keeps
    undated: int                  # of which without a date
    counts: dict[str, int]        # events per country among those the filter keeps but for its countries
    ids: np.ndarray               # the kept events' ids, in the table's order
    languages: dict[str, int] = field(default_factory=dict)   # events per language, as counts per country

    @property
    def dated(self) -> int:
        return self.shown - self.undated


class TableRows:
    """The filtered events of the arrays and their order; see the module's docstring."""

    def __init__(self):
        self.clear()
        self._reading = None      # (events, key) of the order being read

    def clear(self) -> None:
        """Forget the mask (another database, new arrays, or a filter the arrays cannot answer yet)."""
        self.events = None
        self.filter: ViewFilter | None = None
        self.base: np.ndarray | None = None    # kept by every part of the filter but the countries
        self.mask: np.ndarray | None = None    # kept by the whole filter
        self.lang_base: np.ndarray | None = None   # kept by every part of the filter but the languages

    @property
    def ready(self) -> bool:
        """The rows follow from the arrays (else the table reads pages from the database)."""
        return self.mask is not None

    @staticmethod
    def can_filter(events, f: ViewFilter, search_ids) -> bool:
        """The arrays answer `f`: they are loaded, and a search's ids are known."""
        return events is not None and (not f.search or search_ids is not None)

    def apply(self, events, f: ViewFilter, search_ids=None, article: int | None = None) -> None:
        """Filter the arrays by `f` (`search_ids`: the ids matching its search; `article`: the number
        the arrays give its article, -1 for an article that does not exist)."""
        other = events.base_mask(replace(f, languages=None), search_ids, article)
        langs = events.language_mask(f.languages)
        chosen = events.country_mask(f.countries)
        base = other if langs is None else other & langs
        self.events, self.filter, self.base = events, f, base
        self.mask = base if chosen is None else base & chosen
        self.lang_base = other if chosen is None else other & chosen

    def rows(self, sort: tuple[str, bool], within: tuple[float, float] | None = None) -> Rows:
        """Counts and ordered ids of the current filter (`apply` first); `within`: list only the kept
        events overlapping that time range (t0, t1 seconds; the counts stay the filter's)."""
        shown = int(self.mask.sum())
        return Rows(shown, self.events.undated(self.mask), self.events.country_counts(self.base),
                    self.ordered_ids(sort, within), self.events.language_counts(self.lang_base))

    def ordered_ids(self, sort: tuple[str, bool], within: tuple[float, float] | None = None) -> np.ndarray:
        """The kept ids in the order (key, descending) asked for; by date while that order is unknown.
        `within`: only those overlapping the time range (t0, t1), undated ones left out."""
        key, descending = sort
        if not self.events.has_order(key):
            key, descending = FALLBACK_SORT
        mask = self.mask if within is None else self.mask & self.within_mask(within)
        return self.events.ordered_ids(mask, key, descending)

    def within_mask(self, within: tuple[float, float]) -> np.ndarray:
        """Which events of the arrays overlap the time range [t0, t1) (an undated event overlaps none)."""
        t0, t1 = within
        with np.errstate(invalid="ignore"):
            return (self.events.t0 < t1) & (self.events.t1 > t0)

    def keeps(self, event_id: int) -> bool:
        """The current filter keeps this event (`apply` first)."""
        pos = int(self.events.positions([event_id])[0])
        return pos >= 0 and bool(self.mask[pos])

    # -- orders read from the database ------------------------------------------------------------------
    def lacks_order(self, key: str) -> bool:
        """The arrays are filtered but cannot order by `key` yet (it must be read from the database)."""
        return self.ready and not self.events.has_order(key)

    def reading(self, key: str) -> bool:
        """`key`'s order of the current arrays is being read."""
        return self._reading is not None and self._reading[0] is self.events and self._reading[1] == key

    def start_reading(self, key: str) -> None:
        self._reading = (self.events, key)

    def reading_failed(self) -> None:
        self._reading = None

    def order_read(self, events, key: str, ids, sort: tuple[str, bool]) -> bool:
        """The order of `key` for `events` arrived (every event id, first to last): kept in the arrays.
        True if the table should be reordered now (those arrays are still shown, sorted by that key)."""
        self._reading = None
        events.set_order(key, ids)
        return self.ready and self.events is events and sort[0] == key
