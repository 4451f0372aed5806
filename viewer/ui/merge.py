"""Merging two events into one happening and splitting a report out of a merged event, in the window.

Edit ▸ Merge with… (also in the timeline's and the table's context menus, and a link in the excerpt panel)
opens a dialog listing the events near the selected one in time that the filters show: first those likely
to report the same happening (viewer.merging.likeness: the same date and countries, shared names, figures
or marks, in any language), marked with why and the best one chosen, then the others nearest first.
Nothing is merged unless the analyst says so. The one chosen is merged into the
selected event (viewer.store.curation.merge: its reports join it). The excerpt panel puts a "Split out"
link under each report of an event other than its own (viewer.retag.split_report). Both are edits: Edit ▸
Undo gives back what was there. The window is read again after each (`MainWindow.refresh`): events appear
and disappear, which the in-place patch of an edit does not do. The merge, the split and their undo are
the window's edits (viewer.ui.editing.Editing: merge, split, open_merge_dialog); this module is the dialog
that chooses the event to merge.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QVBoxLayout)

from viewer import merging
from viewer.model import ViewFilter
from viewer.store import StoreError, StoreInputError
from viewer.ui import formatting as fmt
from viewer.ui.editing import short_title

NEAR_DAYS = 31          # the candidates: events within this many days of the selected one
MAX_CANDIDATES = 300    # the most listed, nearest in time first
READ_AT_MOST = 5000     # the most events read to choose them from
DAY_SECONDS = 86400.0   # events.t0 and t1 count seconds
COMMON_DAYS = 183       # which names are common (merging.common_names) is read from the events this near


def candidates(store, event_id: int, view_filter=None, *, days: int = NEAR_DAYS,
               limit: int = MAX_CANDIDATES) -> list:
    """The events that could be merged into ``event_id``: those ``view_filter`` keeps (None: all) within
    ``days`` of its dates, the event itself left out, nearest in time first (at most ``limit``). Looked for
    within a day first, then a week, then ``days``, so that a crowded database is not read for weeks."""
    from viewer.model import ViewFilter
    ev = store.event(event_id)
    if ev is None:
        return []
    f = view_filter if view_filter is not None else ViewFilter()
    try:
        first, last = date.fromisoformat(ev.earliest[:10]), date.fromisoformat(ev.latest[:10])
    except (TypeError, ValueError):
        first = last = None
    found: list = []
    for near in sorted({min(1, days), min(7, days), days}):
        if first is not None:
            f = replace(f, date_from=(first - timedelta(days=near)).isoformat(),
                        date_to=(last + timedelta(days=near)).isoformat())
        found = [e for e in store.events(f, limit=READ_AT_MOST) if e.id != event_id]
        if first is None or len(found) >= limit:
            break
    middle = ev.t0 if ev.t0 is not None else 0.0
    found.sort(key=lambda e: (e.t0 is None, abs((e.t0 or 0.0) - middle), e.id))
    return found[:limit]


def row_report(row) -> merging.Report:
    """What merging.likeness compares of a stored event (an EventRow) or one of its reports (a
    Store.excerpts row)."""
    if isinstance(row, dict):
        return merging.report(article_id=row.get("article_id") or "", sentence=row.get("sentence") or "",
                              time_text=row.get("time_text"), earliest=row.get("earliest"),
                              latest=row.get("latest"), granularity=row.get("granularity"),
                              dating=row.get("dating"), countries=row.get("countries") or [])
    return merging.report(article_id=row.article_id, sentence=row.sentence, time_text=row.time_text,
                          earliest=row.earliest, latest=row.latest, granularity=row.granularity,
                          dating=row.dating, countries=row.countries)


_COMMON: dict[tuple, frozenset] = {}


def common_names(store, ev) -> frozenset:
    """The names too common in the database around ``ev``'s month to tell happenings apart
    (merging.common_names over the READ_AT_MOST events that start nearest the middle of its month, half
    before and half after, within COMMON_DAYS, whatever the filters), remembered per database, month and
    number of events."""
    try:
        month = date.fromisoformat(ev.earliest[:10]).replace(day=15)
    except (TypeError, ValueError):
        return frozenset()
    try:
        key = (store.path, month.isoformat()[:7], store.count_events())
        if key not in _COMMON:
            if len(_COMMON) > 64:
                _COMMON.clear()
            middle = (month - date(1970, 1, 1)).days * DAY_SECONDS
            half = READ_AT_MOST // 2
            after = store.events(None, limit=half, starts_from=middle,
                                 starts_before=middle + COMMON_DAYS * DAY_SECONDS)
            before = store.events(None, limit=half, starts_from=middle - COMMON_DAYS * DAY_SECONDS,
                                  starts_before=middle, latest_first=True)
            _COMMON[key] = merging.common_names(row_report(e) for e in (*after, *before))
    except StoreError:
        return frozenset()
    return _COMMON[key]


def ranked(store, event_id: int, found: list) -> list[tuple[object, merging.Likeness]]:
    """``found`` (candidates for ``event_id``, nearest in time first) with how much each looks like the
    same happening as any report of ``event_id`` (merging.best_likeness), in the order to list them
    (merging.rank: the likely ones first, most alike first; then the others nearest in time first)."""
    ev = store.event(event_id)
    if ev is None or not found:
        return []
    try:
        mine = [row_report(row) for row in store.excerpts(event_id)] or [row_report(ev)]
    except StoreError:
        mine = [row_report(ev)]
    common = common_names(store, ev)
    likes = [merging.best_likeness(mine, row_report(other), common) for other in found]
    middle = ev.t0 if ev.t0 is not None else 0.0
    distances = [abs((o.t0 if o.t0 is not None else middle) - middle) for o in found]
    return [(found[i], likes[i]) for i in merging.rank(likes, distances)]


def suggestions(store, event_id: int, view_filter=None) -> list[tuple[object, merging.Likeness]]:
    """The events alike enough to ``event_id`` to suggest merging them unasked (merging.Likeness.strong),
    most alike first, among those ``view_filter`` keeps whose dates overlap its own (a likely one has the
    same or a nested date): what the excerpt panel suggests."""
    ev = store.event(event_id)
    span = merging.day_span(ev.earliest, ev.latest) if ev is not None and ev.earliest and ev.latest else None
    if span is None or span[1] - span[0] >= merging.SAME_MAX_DAYS:
        return []           # no date, or one too vague for any event to be likely the same happening
    # the events of its dates, and only those that start at most NESTED_MAX_DAYS before it (the same date, a
    # finer one inside it, or a coarser one of up to two months around it): read as one range of the index
    # on t0, not every event that starts before its day (a second at a million events)
    f = replace(view_filter if view_filter is not None else ViewFilter(),
                date_from=ev.earliest[:10], date_to=ev.latest[:10])
    starts = ev.t0 - merging.NESTED_MAX_DAYS * DAY_SECONDS if ev.t0 is not None else None
    found = [e for e in store.events(f, limit=READ_AT_MOST, starts_from=starts) if e.id != event_id]
    middle = ev.t0 if ev.t0 is not None else 0.0
    found.sort(key=lambda e: (e.t0 is None, abs((e.t0 or 0.0) - middle), e.id))
    return [(o, x) for o, x in ranked(store, event_id, found[:MAX_CANDIDATES]) if x.strong]


def label(ev, languages: list[str] | None = None) -> str:
    """One line of the list: when, the languages of its reports (when given: the same happening is
    often reported in another language, and the title alone does not always say which), the title, the
    countries, how many reports."""
    when = fmt.when(ev.value, ev.earliest, ev.latest, ev.granularity) if ev.earliest else "date unknown"
    countries = ", ".join(ev.countries) or "no country"
    reports = f" · {ev.reports} reports" if ev.reports > 1 else ""
    said = ""
    if languages:
        said = ", ".join("unknown language" if code == fmt.UNKNOWN_LANGUAGE else fmt.language_name(code)
                         for code in languages) + " · "
    return f"{when} · {said}{ev.title or ev.sentence[:70]} · {countries}{reports}"


def report_languages(store, events) -> dict[int, list[str]]:
    """Each event's report languages (Store.report_languages for the merged ones; its article's for the
    others, read once per article)."""
    merged = store.report_languages()
    articles: dict[str, str] = {}
    out = {}
    for ev in events:
        if ev.id in merged:
            out[ev.id] = merged[ev.id]
            continue
        if ev.article_id not in articles:
            art = store.article(ev.article_id) or {}
            articles[ev.article_id] = art.get("language") or fmt.UNKNOWN_LANGUAGE
        out[ev.id] = [articles[ev.article_id]]
    return out


class MergeDialog(QDialog):
    """Choose the event that reports the same happening as ``event_id``; OK emits mergeChosen(keep, other)."""

    mergeChosen = Signal(int, int)

    def __init__(self, store, event_id: int, view_filter=None, parent=None):
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle("Merge events")
        self.event_id = event_id
        ev = store.event(event_id)
        if ev is None:
            raise StoreInputError(f"{store.path}: no event {event_id}")
        intro = QLabel(f"Merge into “{short_title(ev.title)}” the event that reports the same happening. Its "
                       "reports join this event, which keeps its id and title and takes the finer date and "
                       "the countries of both; its notes, tags and star join this event's too.")
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("mergeSearch")
        self.search.setPlaceholderText("Words of the title, a date, a country code or a language")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("mergeList")
        found = ranked(store, event_id, candidates(store, event_id, view_filter))
        self.likely = [other.id for other, x in found if x.likely]   # marked, most alike first
        languages = report_languages(store, [other for other, _ in found])
        for other, alike in found:
            text = label(other, languages.get(other.id))
            if alike.likely:
                text = f"\u2605 {text}\n      {alike.describe()}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, other.id)
            item.setToolTip(other.sentence)
            if alike.likely:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        self.empty = QLabel(f"No other event within {NEAR_DAYS} days of this one is shown.")
        self.empty.setVisible(self.list.count() == 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Merge")
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.list.currentItemChanged.connect(lambda *_: self.ok.setEnabled(self.chosen() is not None))
        self.list.itemDoubleClicked.connect(lambda *_: self._accept())
        self.search.textChanged.connect(self._narrow)
        layout = QVBoxLayout(self)
        for w in (intro, self.search, self.list, self.empty, self.buttons):
            layout.addWidget(w)
        if self.likely:
            intro.setText(intro.text() + " \u2605 marks the events likely to report it (the same date and "
                          "countries and a shared name, figure or mark, in any language), the most alike first "
                          "and chosen; the others follow, nearest in time first.")
            self.choose(self.likely[0])     # the most alike chosen: the analyst still says Merge
        self.resize(700, 460)

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return int(item.data(Qt.ItemDataRole.UserRole))

    def choose(self, event_id: int) -> bool:
        """Make ``event_id`` the chosen one (as a click on its line would); False when it is not listed."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if int(item.data(Qt.ItemDataRole.UserRole)) == event_id and not item.isHidden():
                self.list.setCurrentItem(item)
                return True
        return False

    def listed(self) -> list[int]:
        """The ids of the events listed (those the search words keep)."""
        return [int(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
                if not self.list.item(i).isHidden()]

    def _narrow(self, text: str) -> None:
        words = text.casefold().split()
        for i in range(self.list.count()):
            item = self.list.item(i)
            seen = f"{item.text()} {item.toolTip()}".casefold()
            item.setHidden(not all(w in seen for w in words))
        self.ok.setEnabled(self.chosen() is not None)

    def _accept(self) -> None:
        other = self.chosen()
        if other is None:
            return
        self.accept()
        self.mergeChosen.emit(self.event_id, other)
