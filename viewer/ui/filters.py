"""The filter side bar: search, countries and languages (with counts), dates, precision and source article.

FilterPanel writes what the person chose into the view state (`viewer.viewstate.ViewState`) and shows
the state's filter when it is set elsewhere; the window, which observes the state, feeds the new counts
back with set_country_counts() and set_language_counts().
"""
from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QSignalBlocker, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QDateEdit, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from viewer.model import ViewFilter
from viewer.ui import formatting as fmt
from viewer.viewstate import ViewState

ANY_DATE = QDate(100, 1, 1)   # the minimum of the date boxes (Qt allows no earlier), shown as "any"

PRECISIONS = (
    ("Any precision", None),
    ("Day or finer", "day"),
    ("Week or finer", "week"),
    ("Month or finer", "month"),
    ("Season or finer", "season"),
    ("Year or finer", "year"),
)


def _compact(n: int) -> str:
    """12,345 stays; 248,617 -> 249k; 1,234,567 -> 1.2M (the list stays narrow)."""
    if n < 100_000:
        return f"{n:,}"
    if n < 1_000_000:
        return f"{n / 1000:.0f}k"
    return f"{n / 1_000_000:.1f}M"


def swatch(colour: str, size: int = 12) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    p.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    p.end()
    return QIcon(pix)


class CodeFilter(QWidget):
    """Checkable list of codes (countries, languages) with event counts, and All / None buttons."""

    changed = Signal()
    TITLE, HEADER, LIST_NAME, PLURAL = "Codes", "Code", "codeList", "codes"

    def __init__(self, parent=None):
        super().__init__(parent)
        self._unchecked: set[str] = set()
        self._codes: list[str] = []
        self._items: dict[str, QTreeWidgetItem] = {}
        self.colours: dict[str, str] = {}

        self.tree = QTreeWidget(self)
        self.tree.setObjectName(self.LIST_NAME)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.HEADER, "", "Events"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.tree.headerItem().setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.itemActivated.connect(self._toggle)

        self.all_button = QPushButton("All", self)
        self.none_button = QPushButton("None", self)
        for b in (self.all_button, self.none_button):
            b.setObjectName("smallButton")
            b.setCursor(Qt.CursorShape.PointingHandCursor)
        self.all_button.setToolTip(f"Show every {self.HEADER.lower()}")
        self.none_button.setToolTip(f"Hide every {self.HEADER.lower()} (then tick the ones you want)")
        self.all_button.clicked.connect(self.check_all)
        self.none_button.clicked.connect(self.check_none)

        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.TITLE, self)
        title.setObjectName("sectionTitle")
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.all_button)
        head.addWidget(self.none_button)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addLayout(head)
        lay.addWidget(self.tree, 1)

    # -- state ---------------------------------------------------------------------------------
    def chosen(self) -> frozenset[str] | None:
        """The codes ticked; None when every one is (what no filter shows: nothing hidden)."""
        if not self._unchecked:
            return None
        return frozenset(c for c in self._codes if c not in self._unchecked)

    def unchecked(self) -> list[str]:
        return sorted(self._unchecked)

    def set_unchecked(self, codes, *, emit: bool = True) -> None:
        self._unchecked = set(codes)
        self._sync_checks()
        if emit:
            self.changed.emit()

    def is_checked(self, code: str) -> bool:
        return code not in self._unchecked

    def set_checked(self, code: str, checked: bool) -> None:
        if checked:
            self._unchecked.discard(code)
        else:
            self._unchecked.add(code)
        self._sync_checks()
        self.changed.emit()

    def check_all(self) -> None:
        self.set_unchecked(())

    def check_none(self) -> None:
        self.set_unchecked(self._codes)

    def codes(self) -> list[str]:
        return list(self._codes)

    def count_of(self, code: str) -> int | None:
        """The event count shown next to a code (under the other filters)."""
        item = self._items.get(code)
        return None if item is None else item.data(2, Qt.ItemDataRole.UserRole)

    def label_of(self, code: str) -> str | None:
        """The name shown for a code (None when the list does not hold it)."""
        item = self._items.get(code)
        return None if item is None else item.text(0)

    # -- what a code looks like (each list says) -----------------------------------------------------
    def _name(self, code: str) -> str:
        return code

    def _icon(self, code: str) -> QIcon | None:
        return None

    def _tooltip(self, code: str, name: str) -> str:
        return f"{name} ({code})"

    # -- feeding ---------------------------------------------------------------------------------
    def set_counts(self, counts: dict[str, int], all_codes: list[str]) -> None:
        """Show every code the database knows, with its count under the other filters."""
        if all_codes != self._codes:
            self._rebuild(all_codes)
        with QSignalBlocker(self.tree):
            for code, item in self._items.items():
                n = counts.get(code, 0)
                item.setText(2, _compact(n))
                item.setToolTip(2, f"{n:,} events")
                item.setData(2, Qt.ItemDataRole.UserRole, n)
                item.setForeground(0, QColor("#9ca3af") if n == 0 else QColor("#1f2937"))
                item.setForeground(2, QColor("#9ca3af") if n == 0 else QColor("#4b5563"))

    def _rebuild(self, codes: list[str]) -> None:
        self._codes = list(codes)
        self._items.clear()
        with QSignalBlocker(self.tree):
            self.tree.clear()
            for code in codes:
                name = self._name(code)
                item = QTreeWidgetItem([name, "" if name == code else code, ""])
                item.setForeground(1, QColor("#9ca3af"))
                item.setData(0, Qt.ItemDataRole.UserRole, code)
                icon = self._icon(code)
                if icon is not None:
                    item.setIcon(0, icon)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(0, self._tooltip(code, name))
                self.tree.addTopLevelItem(item)
                self._items[code] = item
        self._sync_checks()

    def _sync_checks(self) -> None:
        with QSignalBlocker(self.tree):
            for code, item in self._items.items():
                item.setCheckState(0, Qt.CheckState.Unchecked if code in self._unchecked
                                   else Qt.CheckState.Checked)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        code = item.data(0, Qt.ItemDataRole.UserRole)
        if code is None or column != 0:
            return
        checked = item.checkState(0) == Qt.CheckState.Checked
        if checked == (code not in self._unchecked):
            return
        if checked:
            self._unchecked.discard(code)
        else:
            self._unchecked.add(code)
        self.changed.emit()

    def _toggle(self, item: QTreeWidgetItem, column: int) -> None:
        code = item.data(0, Qt.ItemDataRole.UserRole)
        if code is not None:
            self.set_checked(code, code in self._unchecked)


class CountryFilter(CodeFilter):
    """The countries, each with its lane's colour."""

    TITLE, HEADER, LIST_NAME, PLURAL = "Countries", "Country", "countryList", "countries"

    def countries(self) -> frozenset[str] | None:
        """None when every country is shown (events without a country stay visible too)."""
        return self.chosen()

    def set_colours(self, colours: dict[str, str]) -> None:
        self.colours = dict(colours)
        for code, item in self._items.items():
            item.setIcon(0, self._icon(code))

    def _name(self, code: str) -> str:
        return fmt.country_name(code)

    def _icon(self, code: str) -> QIcon:
        return swatch(self.colours.get(code) or fmt.country_colour(code))


class LanguageFilter(CodeFilter):
    """The languages the articles are written in ("French", code "fr"; "Unknown language" for articles
    with none stored, the store's code NO_LANGUAGE). Short: as tall as its few rows."""

    TITLE, HEADER, LIST_NAME, PLURAL = "Languages", "Language", "languageList", "languages"
    MAX_ROWS = 6

    def __init__(self, parent=None):
        super().__init__(parent)
        self._articles: dict[str, int] = {}
        self._fit_height()

    def languages(self) -> frozenset[str] | None:
        """None when every language is shown."""
        return self.chosen()

    def set_articles(self, articles: dict[str, int]) -> None:
        """Articles per language (for the tooltips)."""
        self._articles = dict(articles)
        for code, item in self._items.items():
            item.setToolTip(0, self._tooltip(code, item.text(0)))

    def _name(self, code: str) -> str:
        return fmt.language_name(code)

    def _tooltip(self, code: str, name: str) -> str:
        native = fmt.native_language_name(code)
        label = fmt.language_label(code) + (f" \u2014 {native}" if native and native != name else "")
        n = self._articles.get(code)
        return label if n is None else f"{label}: {n:,} article{'s' if n != 1 else ''}"

    def _rebuild(self, codes: list[str]) -> None:
        super()._rebuild(codes)
        self._fit_height()

    def _fit_height(self) -> None:
        rows = min(max(len(self._codes), 1), self.MAX_ROWS)
        row = self.tree.sizeHintForRow(0) if self._codes else self.fontMetrics().height() + 6
        head = self.tree.header().sizeHint().height()
        self.tree.setFixedHeight(head + rows * max(row, 1) + 2 * self.tree.frameWidth() + 2)


class ArticleBox(QComboBox):
    """The source-article choice: type any part of a title or source and pick from what contains it.

    The labels live in a QStringListModel (C++ strings: 125k articles fill it in a blink and filtering
    as you type never calls Python per row); the ids in a list beside it. `currentData`/`findData`
    answer from that list, so the box reads like any QComboBox with item data."""

    ALL = "All articles"

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ids: list[str | None] = [None]
        self._rows: dict[str, int] = {}
        self._labels = QStringListModel([self.ALL], self)
        self.setModel(self._labels)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setPlaceholderText("Type part of a title…")
        done = QCompleter(self._labels, self)
        done.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        done.setFilterMode(Qt.MatchFlag.MatchContains)
        done.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        done.setMaxVisibleItems(12)
        self.setCompleter(done)
        self.lineEdit().editingFinished.connect(self._settle)

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        """(article id, label) pairs; "All articles" comes first. Keeps the current article if it is
        still there (else "All articles"), without emitting."""
        current = self.currentData()
        with QSignalBlocker(self):
            self._ids = [None] + [aid for aid, _ in choices]
            self._rows = {aid: i for i, aid in enumerate(self._ids) if aid is not None}
            self._labels.setStringList([self.ALL] + [label for _, label in choices])
            self.setCurrentIndex(self._rows.get(current, 0) if current is not None else 0)

    def currentData(self, role=Qt.ItemDataRole.UserRole):  # noqa: N802
        i = self.currentIndex()
        return self._ids[i] if 0 <= i < len(self._ids) else None

    def itemData(self, index: int, role=Qt.ItemDataRole.UserRole):  # noqa: N802
        return self._ids[index] if 0 <= index < len(self._ids) else None

    def findData(self, value, role=Qt.ItemDataRole.UserRole, flags=None) -> int:  # noqa: N802
        if value is None:
            return 0
        return self._rows.get(value, -1)

    def _settle(self) -> None:
        """Typed text that names no article goes back to the chosen one's label."""
        i = self.currentIndex()
        if 0 <= i < self.count() and self.lineEdit().text() != self.itemText(i):
            match = self.findText(self.lineEdit().text(), Qt.MatchFlag.MatchFixedString)
            if match >= 0:
                self.setCurrentIndex(match)
            else:
                self.lineEdit().setText(self.itemText(i))


class FilterPanel(QFrame):
    """Everything that narrows the view: each change sets the state's filter (`view_state.set_filter`)."""

    def __init__(self, state: ViewState, parent=None):
        super().__init__(parent)
        self.setObjectName("filterPanel")
        self.view_state = state
        self._quiet = False
        self._searching = False          # "Searching…" is shown under the search box
        self._pending_article = None     # a remembered article to choose once the list has it
        self._hint = (QDate(), QDate())

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search events…   Ctrl+F")
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(250)
        self.search_timer.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.search.returnPressed.connect(self.apply_now)
        self.message = QLabel("", self)
        self.message.setObjectName("filterMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.countries = CountryFilter(self)
        self.countries.changed.connect(self._emit)
        self.languages = LanguageFilter(self)
        self.languages.setObjectName("languageFilter")
        self.languages.changed.connect(self._emit)

        self.date_from = self._date_edit("From")
        self.date_to = self._date_edit("To")
        self.precision = QComboBox(self)
        for label, value in PRECISIONS:
            self.precision.addItem(label, value)
        self.precision.setToolTip("Hide events whose date is vaguer than this")
        self.precision.currentIndexChanged.connect(self._emit)
        self.article = ArticleBox(self)
        self.article.setObjectName("articleFilter")
        self.article.setToolTip("Only events from one article: type part of its title to find it")
        self.article.currentIndexChanged.connect(self._emit)
        self.article.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.article.setMinimumContentsLength(12)

        self.reset_button = QPushButton("Reset filters", self)
        self.reset_button.setObjectName("smallButton")
        self.reset_button.clicked.connect(self.reset)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        grid.addWidget(QLabel("From", self), 0, 0)
        grid.addWidget(self.date_from, 0, 1)
        grid.addWidget(QLabel("To", self), 1, 0)
        grid.addWidget(self.date_to, 1, 1)
        grid.addWidget(QLabel("Precision", self), 2, 0)
        grid.addWidget(self.precision, 2, 1)
        grid.addWidget(QLabel("Article", self), 3, 0)
        grid.addWidget(self.article, 3, 1)
        grid.setColumnStretch(1, 1)

        more = QLabel("Dates and sources", self)
        more.setObjectName("sectionTitle")

        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 10, 10, 10)
        lay.setSpacing(8)
        lay.addWidget(self.search)
        lay.addWidget(self.message)
        lay.addWidget(self.countries, 1)
        lay.addWidget(self.languages)
        lay.addSpacing(4)
        lay.addWidget(more)
        lay.addLayout(grid)
        reset_row = QHBoxLayout()
        reset_row.addStretch(1)
        reset_row.addWidget(self.reset_button)
        lay.addLayout(reset_row)
        self.view_state.subscribe("filter", self._show_filter)

    def _date_edit(self, what: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.calendarWidget().installEventFilter(self)   # opens at the data, not at year 100
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(ANY_DATE)
        edit.setSpecialValueText("any")
        edit.setDate(ANY_DATE)
        edit.setToolTip(f"{what} this date (inclusive); 'any' for no limit")
        edit.dateChanged.connect(self._emit)
        return edit

    def set_date_hint(self, first: str | None, last: str | None) -> None:
        """The span of the data: where the calendars open while a date box says 'any'."""
        self._hint = (QDate.fromString(first or "", "yyyy-MM-dd"), QDate.fromString(last or "", "yyyy-MM-dd"))

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Type.Show:
            for edit, hint in ((self.date_from, self._hint[0]), (self.date_to, self._hint[1])):
                if obj is edit.calendarWidget() and edit.date() == ANY_DATE:
                    d = hint if hint.isValid() else QDate.currentDate()
                    obj.setCurrentPage(d.year(), d.month())
        return super().eventFilter(obj, event)

    # -- the filter ------------------------------------------------------------------------------
    def view_filter(self) -> ViewFilter:
        search = self.search.text().strip() or None
        return ViewFilter(
            countries=self.countries.countries(),
            date_from=self._iso(self.date_from),
            date_to=self._iso(self.date_to),
            search=search,
            max_granularity=self.precision.currentData(),
            article_id=self.article.currentData(),
            languages=self.languages.languages(),
        )

    @staticmethod
    def _iso(edit: QDateEdit) -> str | None:
        d = edit.date()
        return None if d == ANY_DATE or not d.isValid() else d.toString("yyyy-MM-dd")

    def apply_now(self) -> None:
        self.search_timer.stop()
        self._emit()

    def _emit(self, *_args) -> None:
        """The person changed something (or asked again): the state's filter is what the panel says."""
        if not self._quiet:
            self.search_timer.stop()
            self.view_state.set_filter(self.view_filter(), force=True)

    def _show_filter(self, f: ViewFilter) -> None:
        """The state's filter was set elsewhere: show it (without setting it back)."""
        if f == self.view_filter():
            return
        self._quiet = True
        try:
            if (self.search.text().strip() or None) != f.search:
                self.search.setText(f.search or "")
                self.search_timer.stop()
            shown = set(self.countries.codes())
            self.countries.set_unchecked(() if f.countries is None else shown - f.countries, emit=False)
            known = set(self.languages.codes())
            self.languages.set_unchecked(() if f.languages is None else known - f.languages, emit=False)
            for edit, value in ((self.date_from, f.date_from), (self.date_to, f.date_to)):
                edit.setDate(QDate.fromString(value, "yyyy-MM-dd") if value else ANY_DATE)
            self.precision.setCurrentIndex(max(self.precision.findData(f.max_granularity), 0)
                                           if f.max_granularity else 0)
            self.article.setCurrentIndex(max(self.article.findData(f.article_id), 0))
        finally:
            self._quiet = False

    def set_message(self, text: str | None) -> None:
        self._searching = False
        self.message.setText(text or "")
        self.message.setVisible(bool(text))

    def set_searching(self, on: bool) -> None:
        """'Searching…' under the search box while a search runs in the background."""
        if on:
            self.set_message(f"Searching for “{self.search.text().strip()}”…")
            self._searching = True
        elif self._searching:
            self.set_message(None)

    def is_searching(self) -> bool:
        return self._searching

    def reset(self, *, emit: bool = True) -> None:
        self._quiet = True
        try:
            self.search.clear()
            self.search_timer.stop()
            self.countries.set_unchecked((), emit=False)
            self.languages.set_unchecked((), emit=False)
            self.date_from.setDate(ANY_DATE)
            self.date_to.setDate(ANY_DATE)
            self.precision.setCurrentIndex(0)
            self.article.setCurrentIndex(0)
        finally:
            self._quiet = False
        self.set_message(None)
        if emit:
            self._emit()

    def set_date_range(self, date_from: str | None, date_to: str | None) -> None:
        self._quiet = True
        try:
            self.date_from.setDate(QDate.fromString(date_from, "yyyy-MM-dd") if date_from else ANY_DATE)
            self.date_to.setDate(QDate.fromString(date_to, "yyyy-MM-dd") if date_to else ANY_DATE)
        finally:
            self._quiet = False
        self._emit()

    # -- feeding -----------------------------------------------------------------------------------
    def set_country_counts(self, counts: dict[str, int], all_codes: list[str]) -> None:
        self.countries.set_counts(counts, all_codes)

    def set_language_counts(self, counts: dict[str, int], all_codes: list[str]) -> None:
        """Events per language under the other filters; `all_codes`: every language of the database."""
        self.languages.set_counts(counts, all_codes)

    def set_language_choices(self, choices: list[dict]) -> None:
        """window.language_choices rows: every language of the database, its articles and events."""
        self.languages.set_articles({row["code"]: row["articles"] for row in choices})
        self.languages.set_counts({row["code"]: row["events"] for row in choices},
                                  [row["code"] for row in choices])

    def set_articles(self, choices: list[dict]) -> None:
        """Articles (window.article_choices rows); keeps the current choice when it still exists."""
        current = self.article.currentData()
        pairs = []
        for row in choices:
            label = fmt.article_label(row)
            short = label if len(label) <= 80 else label[:77] + "…"
            pairs.append((row["id"], f"{short}  ({row.get('events') or 0})"))
        self.article.set_choices(pairs)
        pending, self._pending_article = self._pending_article, None
        if current is None and pending is not None and self.article.findData(pending) > 0:
            self.article.setCurrentIndex(self.article.findData(pending))    # emits
        elif current is not None and self.article.currentData() != current:
            self._emit()

    # -- remembering -------------------------------------------------------------------------------
    def state(self) -> dict:
        f = self.view_filter()
        return {"search": f.search or "", "date_from": f.date_from or "", "date_to": f.date_to or "",
                "max_granularity": f.max_granularity or "", "article_id": f.article_id or "",
                "unchecked": self.countries.unchecked(),
                "languages_unchecked": self.languages.unchecked()}

    def restore_state(self, state: dict) -> None:
        self._quiet = True
        try:
            self.search.setText(state.get("search") or "")
            self.search_timer.stop()
            self.countries.set_unchecked(state.get("unchecked") or (), emit=False)
            self.languages.set_unchecked(state.get("languages_unchecked") or (), emit=False)
            for edit, key in ((self.date_from, "date_from"), (self.date_to, "date_to")):
                value = state.get(key) or ""
                d = QDate.fromString(value, "yyyy-MM-dd") if value else ANY_DATE
                edit.setDate(d if d.isValid() else ANY_DATE)
            g = state.get("max_granularity") or None
            i = self.precision.findData(g) if g else 0
            self.precision.setCurrentIndex(max(i, 0))
            aid = state.get("article_id") or None
            i = self.article.findData(aid) if aid else 0
            self.article.setCurrentIndex(max(i, 0))
            self._pending_article = aid if aid and i < 0 else None   # the list may still be loading
        finally:
            self._quiet = False
        self._emit()
