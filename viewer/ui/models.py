"""Qt models over store queries.

EventTableModel is a sparse model: it knows how many events match the filter and fetches the rows
it is asked to draw a page at a time, so a table over a million events opens instantly. Once the
database's per-event arrays are loaded it is given the matching ids themselves, already in the chosen
order (`set_ids`); clicking a header sets the view state's sort, which the window observes.
"""
from __future__ import annotations

from collections import OrderedDict

import numpy as np
import shiboken6
from PySide6.QtCore import QAbstractTableModel, QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from viewer.model import ViewFilter
from viewer.store import EventRow, Store, StoreError
from viewer.store import curation
from viewer.store import window as queries
from viewer.ui import formatting as fmt
from viewer.viewstate import ViewState

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class EventTableModel(QAbstractTableModel):
    failed = Signal(str)   # a page could not be read (damaged database, file gone ...)

    COLUMNS = ("Date", "Precision", "Title", "Countries")
    SORT_KEYS = ("date", "precision", "title", "countries")
    PAGE = 256
    MAX_PAGES = 64

    def __init__(self, state: ViewState, parent=None):
        super().__init__(parent)
        self.view_state = state
        self._store: Store | None = None
        self._filter = ViewFilter()
        self._count = 0
        self._dated: int | None = None
        self._pages: OrderedDict[int, list[EventRow]] = OrderedDict()
        self._ids: np.ndarray | None = None     # the rows' event ids, in order (None: pages from SQL)
        self._starred: frozenset[int] = frozenset()   # starred events (a ★ before the title), read per filter
        self.last_error: str | None = None

    # -- feeding -------------------------------------------------------------------------------
    def set_store(self, store: Store | None) -> None:
        self.beginResetModel()
        self._store = store
        self._filter = ViewFilter()
        self._pages.clear()
        self._count = 0
        self._dated = None
        self._ids = None
        self._starred = self._read_starred()
        self.endResetModel()

    def _read_starred(self) -> frozenset[int]:
        """The starred events' ids: one small query (the annotated events are few), once per filter."""
        if self._store is None:
            return frozenset()
        try:
            return curation.starred_ids(self._store)
        except StoreError:
            return frozenset()

    def set_filter(self, f: ViewFilter, count: int, dated: int | None = None) -> None:
        """Show the events matching f: `count` of them (the window counted), `dated` with a date."""
        self.beginResetModel()
        self._filter = f
        self._ids = None
        self._pages.clear()
        self.last_error = None
        self._count = max(int(count), 0) if self._store is not None else 0
        self._dated = dated
        self._starred = self._read_starred()
        self.endResetModel()

    def set_ids(self, f: ViewFilter, ids: np.ndarray, dated: int | None = None) -> None:
        """Show exactly these events, in this order (the window filtered and sorted the arrays)."""
        self.beginResetModel()
        self._filter = f
        self._ids = np.asarray(ids, dtype=np.int64) if self._store is not None else np.zeros(0, np.int64)
        self._pages.clear()
        self.last_error = None
        self._count = len(self._ids)
        self._dated = dated
        self._starred = self._read_starred()
        self.endResetModel()

    @property
    def sort_key(self) -> tuple[str, bool]:
        """The order asked for: (key, descending), the state's."""
        return self.view_state.sort

    def ids(self) -> np.ndarray | None:
        return self._ids

    def view_filter(self) -> ViewFilter:
        return self._filter

    def dated(self) -> int | None:
        return self._dated

    def _page(self, number: int) -> list[EventRow]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        try:
            if self._ids is not None:
                page = queries.events_by_ids(self._store, self._ids[number * self.PAGE:(number + 1) * self.PAGE])
            else:
                page = queries.events_page(self._store, self._filter, number * self.PAGE, self.PAGE, self._dated)
        except StoreError as exc:
            first = self.last_error is None
            self.last_error = str(exc)
            page = []
            if first:
                self.failed.emit(self.last_error)
        self._pages[number] = page
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    # -- lookups ---------------------------------------------------------------------------------
    def event_at(self, row: int) -> EventRow | None:
        if self._store is None or not 0 <= row < self._count:
            return None
        page = self._page(row // self.PAGE)
        i = row % self.PAGE
        return page[i] if i < len(page) else None

    def event_id(self, row: int) -> int | None:
        """The id of the event on that row (None: no such row, or it could not be read)."""
        ev = self.event_at(row)
        return None if ev is None else ev.id

    def cached_row_of(self, event_id: int) -> int | None:
        """The row of an event among the rows already fetched (no query); with ids, its row."""
        if self._ids is not None:
            return self.ids_row_of(event_id)
        for number, page in self._pages.items():
            for i, ev in enumerate(page):
                if ev.id == event_id:
                    return number * self.PAGE + i
        return None

    def ids_row_of(self, event_id: int) -> int | None:
        k = np.flatnonzero(self._ids == int(event_id))
        return int(k[0]) if len(k) else None

    def row_of(self, event_id: int) -> int | None:
        if self._store is None:
            return None
        if self._ids is not None:
            return self.ids_row_of(event_id)
        row = self.cached_row_of(event_id)
        if row is not None:
            return row
        try:
            return queries.event_position(self._store, self._filter, event_id, self._dated)
        except StoreError:
            return None

    # -- Qt ------------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):  # noqa: N802, B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent=QModelIndex()):  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return f"Click to sort by {self.COLUMNS[section].lower()}"
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """A header click sets the state's sort: the window sorts the filtered ids in numpy and gives them
        back (set_ids)."""
        if 0 <= column < len(self.SORT_KEYS):
            self.view_state.sort = (self.SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        ev = self.event_at(index.row())
        if ev is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole and index.column() == 0 else None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                if not ev.earliest and getattr(ev, "dating", "written") != "written":
                    return "date unknown"
                return fmt.short_date(ev.earliest, ev.latest, ev.granularity, ev.value)
            if col == 1:
                return precision_label(ev)
            if col == 2:
                return ev.title or ev.sentence
            if col == 3:
                return ", ".join(ev.countries)
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                if not ev.earliest:
                    return DATING_TIPS.get(getattr(ev, "dating", "written"), "")
                return (f"{fmt.when(ev.value, ev.earliest, ev.latest, ev.granularity)}"
                        f" ({DATING_TIPS.get(getattr(ev, 'dating', 'written'), '')})")
            if col == 1:
                return precision_tip(ev)
            if col == 2:
                return f"\u2605 starred \u2014 {ev.sentence}" if ev.id in self._starred else ev.sentence
            if col == 3:
                return ", ".join(fmt.country_name(c) for c in ev.countries)
        elif role == Qt.ItemDataRole.DecorationRole and col == 2:
            return star_icon() if ev.id in self._starred else None   # a ★ before a starred event's title
        elif role == Qt.ItemDataRole.ForegroundRole and col == 1:
            return QColor("#6b7280")
        elif role == EVENT_ID_ROLE:
            return ev.id
        return None


_STAR: list[QIcon] = []


def star_icon() -> QIcon:
    """A ★ (amber), drawn once."""
    if not _STAR:
        pix = QPixmap(14, 14)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QColor("#d97706"))
        font = p.font()
        font.setPixelSize(13)
        p.setFont(font)
        p.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter, "\u2605")
        p.end()
        _STAR.append(QIcon(pix))
    return _STAR[0]


# How each event's date was obtained, as the table says it (the excerpt panel says it at length).
DATING_TIPS = {"written": "date written in the text", "context": "date from context: the time the text is at",
               "reported": "reported: no date written, dated by the article's publication"}


# the precisions whose label the Precision column must hold whole (with "(context)")
PRECISION_WORDS = ("second", "minute", "hour", "day", "weekend", "week", "month", "season", "quarter", "half",
                   "year", "decade", "century", "millennium")


def precision_tip(ev) -> str:
    """The Precision column's tooltip: the precision, and how the date was obtained."""
    dating = getattr(ev, "dating", "written") or "written"
    tip = DATING_TIPS.get(dating, "")
    if dating == "reported":
        return tip
    return f"precision: {fmt.precision(ev.granularity)}" + (f"; {tip}" if tip else "")


def precision_label(ev) -> str:
    """The Precision column: the date's precision; "reported" for a date taken from the publication,
    the precision and "(context)" for one taken from the time the text is at."""
    dating = getattr(ev, "dating", "written") or "written"
    if dating == "reported":
        return "reported"
    if dating == "context":
        return f"{fmt.precision(ev.granularity)} (context)"
    return fmt.precision(ev.granularity)


def event_table(model: EventTableModel, parent=None) -> QTableView:
    """The event table over `model`: whole rows, one at a time, sorted by a header click."""
    table = QTableView(parent)
    table.setObjectName("eventTable")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    head = table.horizontalHeader()
    head.setHighlightSections(False)
    head.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    for col, width in column_widths(table.fontMetrics()).items():
        head.resizeSection(col, width)
    head.setSortIndicatorShown(True)
    head.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    ColumnFitter(table)
    return table


TITLE_MIN_PX = 150       # the Title column's least width at the usual font (more at a bigger one)
TITLE_MIN_CHARS = 16     # ... and room for this many characters at any font


def column_widths(fm: QFontMetrics) -> dict[int, int]:
    """The widths of the Date, Precision and Countries columns at the font of `fm`: the longest date
    ("28 Sep 2024 23:59", minute precision), precision label (a precision word and "(context)",
    `precision_label`) and a few country codes fit whole."""
    words = ["reported", *(f"{fmt.precision(g)} (context)" for g in PRECISION_WORDS)]
    return {0: fm.horizontalAdvance("28 Sep 2024 23:59") + 30,
            1: max(fm.horizontalAdvance(w) for w in words) + 26,
            3: fm.horizontalAdvance("UA, RU, FR") + 26}


def title_min_width(fm: QFontMetrics) -> int:
    """The least width of the Title column at the font of `fm`."""
    return max(TITLE_MIN_PX, fm.averageCharWidth() * TITLE_MIN_CHARS)


class ColumnFitter(QObject):
    """Keeps the event table's columns readable at any width and font size: Date and Title are always
    shown, Title at least `title_min_width`; when the table is too narrow for every column, Precision is
    left out first (the date says it: "Q2 2024", "the 1970s"), then Countries (the lanes say them), and
    they come back when there is room. Columns grow with the font; widths set by hand stay while they
    fit."""

    def __init__(self, table: QTableView):
        super().__init__(table)
        self.table = table
        self.viewport = table.viewport()
        self.viewport.installEventFilter(self)
        table.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        # events still arrive while the table is being destroyed: touch nothing that is gone
        if not (shiboken6.isValid(self) and shiboken6.isValid(self.table) and shiboken6.isValid(self.viewport)):
            return False
        kind = event.type()
        if (obj is self.viewport and kind == QEvent.Type.Resize) \
                or (obj is self.table and kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange)):
            self.fit()
        return False

    def fit(self) -> None:
        table = self.table
        head = table.horizontalHeader()
        avail = table.viewport().width()
        if avail < 40 or head.count() < 4:
            return                          # not laid out yet
        fm = table.fontMetrics()
        want = column_widths(fm)
        title = title_min_width(fm)
        least_countries = fm.horizontalAdvance("UA, RU") + 20
        show_countries = want[0] + least_countries + title <= avail
        show_precision = want[0] + want[1] + want[3] + title <= avail
        for col, show in ((1, show_precision), (3, show_countries)):
            if table.isColumnHidden(col) == show:
                table.setColumnHidden(col, not show)
        shown = [c for c in (0, 1, 3) if not table.isColumnHidden(c)]
        sizes = {c: max(head.sectionSize(c), want[c]) for c in shown}
        if sum(sizes.values()) + title > avail:
            sizes = {c: want[c] for c in shown}      # no room for columns widened by hand
            if 3 in sizes:                           # nor for three countries' codes
                sizes[3] = max(least_countries, min(want[3], avail - title - sizes[0] - sizes.get(1, 0)))
        for col, size in sizes.items():
            if head.sectionSize(col) != size:
                head.resizeSection(col, size)
        # too narrow even for Date and Title: Title keeps its least width and the table scrolls sideways
        squeezed = sum(sizes.values()) + title > avail
        mode = QHeaderView.ResizeMode.Interactive if squeezed else QHeaderView.ResizeMode.Stretch
        if head.sectionResizeMode(2) != mode:
            head.setSectionResizeMode(2, mode)
        if squeezed and head.sectionSize(2) != title:
            head.resizeSection(2, title)


def select_row(table: QTableView, row: int) -> None:
    """Make `row` the table's current, selected row and scroll it into view."""
    index = table.model().index(row, 0)
    table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
