"""What the person is looking at, in one plain object the widgets observe (no Qt, no SQL).

`ViewState` holds the filter's parts (countries, dates, search words, precision, article, languages), the selected
event, the table's sort and the visible time range. A widget writes what the person did
(``state.selected = 42``, ``state.set_filter(f)``) and subscribes to what it shows
(``state.subscribe("selected", callback)``); a callback gets the new value, and nothing is announced when
a value is set to what it already is. ``"filter"`` is announced once after any of the filter's parts
changed, with the whole `ViewFilter`.

Beside the observed values it keeps what several widgets share about the open database: the ids found by
the last few searches (`SearchCache`), the per-event arrays once they are loaded (`events`), and whether
the person moved the view since it last fitted the data (`moved_since_fit`: the view follows the data only
while they have not).
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import fields

from viewer.model import ViewFilter

FILTER_FIELDS = tuple(f.name for f in fields(ViewFilter))
FIELDS = FILTER_FIELDS + ("selected", "sort", "visible_range")
DEFAULT_SORT = ("date", False)


class SearchCache:
    """The ids matching the last few searches, by search words (the oldest asked for is forgotten first)."""

    def __init__(self, size: int = 8):
        self.size = size
        self._ids: OrderedDict = OrderedDict()

    def get(self, words: str):
        ids = self._ids.get(words)
        if ids is not None:
            self._ids.move_to_end(words)
        return ids

    def put(self, words: str, ids) -> None:
        self._ids[words] = ids
        self._ids.move_to_end(words)
        while len(self._ids) > self.size:
            self._ids.popitem(last=False)

    def clear(self) -> None:
        self._ids.clear()

    def __contains__(self, words) -> bool:
        return words in self._ids

    def __len__(self) -> int:
        return len(self._ids)


def _normal(name: str, value):
    """One spelling per value, so that equal views compare equal."""
    if name in ("countries", "languages", "dating", "review"):
        return None if value is None else frozenset(value)
    if name == "tags":
        return None if value is None else frozenset(" ".join(str(t).split()) for t in value)
    if name in ("starred", "has_note", "show_rejected", "checks"):
        return bool(value)
    if name == "search":
        return (value or "").strip() or None
    if name in ("date_from", "date_to", "max_granularity", "article_id"):
        return value or None
    if name == "selected":
        return None if value is None else int(value)
    if name == "sort":
        key, descending = value
        return str(key), bool(descending)
    if name == "visible_range":
        return None if value is None else (float(value[0]), float(value[1]))
    return value


def _field(name: str, doc: str) -> property:
    def get(self):
        return self._values[name]

    def put(self, value):
        self.update(**{name: value})

    return property(get, put, doc=doc)


class ViewState:
    """The view's state; see the module's docstring."""

    countries = _field("countries", "Country codes shown (None: every country, and events naming none).")
    date_from = _field("date_from", "ISO date, inclusive (None: no limit).")
    date_to = _field("date_to", "ISO date, inclusive (None: no limit).")
    search = _field("search", "The search words as typed (None: no search).")
    max_granularity = _field("max_granularity", "Hide events vaguer than this (None: any precision).")
    article_id = _field("article_id", "Only events from this article (None: every article).")
    languages = _field("languages", "Language codes shown, as stored (None: every language; \"und\": "
                       "articles with none stored).")
    starred = _field("starred", "Only the starred events.")
    tags = _field("tags", "Only the events carrying one of these tags (None: any).")
    has_note = _field("has_note", "Only the events with a note.")
    review = _field("review", "Review states shown (None: any): unreviewed, confirmed, corrected, rejected.")
    show_rejected = _field("show_rejected", "Show the events rejected as not events (hidden by default).")
    checks = _field("checks", "Only the events with a date warning (viewer.checks).")
    selected = _field("selected", "The selected event's id (None: nothing selected).")
    sort = _field("sort", "The table's order: (key, descending), key one of date, precision, title, countries.")
    visible_range = _field("visible_range", "The timeline's visible time range (t0, t1 seconds), once known.")

    def __init__(self):
        self._values = {name: _normal(name, None) if name != "sort" else None for name in FIELDS}
        self._values["sort"] = DEFAULT_SORT
        self._observers: dict[str, list[Callable]] = {}
        self.searches = SearchCache()
        self.events = None      # the open database's per-event arrays (eventset.EventArrays), once loaded
        self.moved_since_fit = False    # the person panned or zoomed since the view last fitted the data

    def fitted(self) -> None:
        """The view was just fitted to what is shown (nobody has moved it since)."""
        self.moved_since_fit = False

    def moved(self) -> None:
        """The person panned or zoomed: the view stays where they put it when the data changes."""
        self.moved_since_fit = True

    # -- observing ------------------------------------------------------------------------------
    def subscribe(self, name: str, callback: Callable) -> Callable[[], None]:
        """Call ``callback(value)`` whenever `name` (a field, or "filter") changes; returns a function that
        stops it."""
        if name not in FIELDS and name != "filter":
            raise ValueError(f"no such view state: {name!r}")
        self._observers.setdefault(name, []).append(callback)
        return lambda: self._observers[name].remove(callback) if callback in self._observers[name] else None

    def notify(self, name: str) -> None:
        """Announce `name` again without a change (the person asked for the same thing once more)."""
        callbacks = list(self._observers.get(name, ()))
        for callback in callbacks:
            callback(self.view_filter() if name == "filter" else self._values[name])

    # -- changing -------------------------------------------------------------------------------
    def update(self, **changes) -> set[str]:
        """Set several values at once; announce each that changed (then "filter" once if a part of the
        filter did). Returns the names that changed."""
        unknown = set(changes) - set(FIELDS)
        if unknown:
            raise TypeError(f"no such view state: {', '.join(sorted(unknown))}")
        changed = set()
        for name, value in changes.items():
            value = _normal(name, value)
            if value != self._values[name]:
                self._values[name] = value
                changed.add(name)
        for name in FIELDS:
            if name in changed:
                self.notify(name)
        if changed & set(FILTER_FIELDS):
            self.notify("filter")
        return changed

    def view_filter(self) -> ViewFilter:
        return ViewFilter(**{name: self._values[name] for name in FILTER_FIELDS})

    def set_filter(self, f: ViewFilter, *, force: bool = False) -> bool:
        """Every part of the filter at once. ``force``: announce "filter" even when nothing changed (an
        explicit "apply now"). True if something changed."""
        changed = bool(self.update(**{name: getattr(f, name) for name in FILTER_FIELDS}))
        if force and not changed:
            self.notify("filter")
        return changed

    def select(self, event_id: int | None) -> None:
        """Select an event; selecting the selected one again announces it again (show it, scroll to it)."""
        if not self.update(selected=event_id):
            self.notify("selected")
