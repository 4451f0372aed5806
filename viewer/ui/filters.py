"""The filter side bar: search, countries and languages (with counts), dates, precision and source article,
and the analyst's annotations (review state, tag, note, star, rejected events).

FilterPanel writes what the person chose into the view state (`viewer.viewstate.ViewState`) and shows
the state's filter when it is set elsewhere; the window, which observes the state, feeds the new counts
back with set_country_counts() and set_language_counts().
"""
from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QSignalBlocker, QSize, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QValidator
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QCompleter, QDateEdit, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QScrollArea, QStyle, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from viewer.model import ViewFilter
from viewer.ui import formatting as fmt
from viewer.ui import theme
from viewer.viewstate import ViewState

WRITTEN_ONLY = frozenset({"written"})   # "Only written dates": the events whose date the text writes
ANY_DATE = QDate(100, 1, 1)   # the minimum of the date boxes (Qt allows no earlier), shown as "any"

PRECISIONS = (
    ("Any precision", None),
    ("Day or finer", "day"),
    ("Week or finer", "week"),
    ("Month or finer", "month"),
    ("Season or finer", "season"),
    ("Year or finer", "year"),
)


# the review states a person can pick (ViewFilter.review holds the one picked)
REVIEW_CHOICES = (
    ("Any review state", None),
    ("Unreviewed", "unreviewed"),
    ("Confirmed", "confirmed"),
    ("Corrected", "corrected"),
    ("Rejected", "rejected"),
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


class DateBox(QDateEdit):
    """A date box that reads what a person types: 2024-09-01, 1 Sep 2024, Sep 2024, 2024-09, 2024 (a month
    or a year alone is its first day in a From box, its last in a To box: `end`), "any" or nothing for no
    limit; with the calendar's drop-down arrow. Text it cannot read is not taken: the box emits
    `unreadable(text)` and goes back to its last good date (or "any")."""

    unreadable = Signal(str)
    taken = Signal()          # typed text was read (the date may be the one shown already)
    picked = Signal(QDate)    # the date changed (dateChanged also fires on Enter with the same date)

    def __init__(self, what: str, *, end: bool = False, parent=None):
        super().__init__(parent)
        self.end = end
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(ANY_DATE)
        self.setSpecialValueText("any")
        self.setDate(ANY_DATE)
        self.setKeyboardTracking(False)      # a date is taken on Enter or leaving the box, not per key
        self._typed = False
        self._last = self.date()
        self.lineEdit().textEdited.connect(self._on_typed)
        self.dateChanged.connect(self._on_date)
        self.setToolTip(f"{what} this date (inclusive): type 2024-09-01, 1 Sep 2024, 2024-09 or 2024, "
                        "or pick it from the calendar; 'any' (or empty) for no limit")

    def read(self, text: str) -> QDate | None:
        """The date `text` names (ANY_DATE for "any" or nothing); None when it names none."""
        t = text.strip()
        if t.lower() in ("", "any"):
            return ANY_DATE
        d = fmt.read_date(t, end=self.end)
        if d is None:
            return None
        q = QDate(d.year, d.month, d.day)
        return q if q.isValid() and q >= ANY_DATE else None

    # QAbstractSpinBox's hooks: typed text is acceptable when it reads as a date; the value is that date
    def validate(self, text: str, pos: int):
        state = QValidator.State.Acceptable if self.read(text) is not None else QValidator.State.Intermediate
        return state, text, pos

    def fixup(self, text: str) -> str:
        return text

    def dateTimeFromText(self, text: str):  # noqa: N802
        d = self.read(text)
        dt = self.dateTime()
        dt.setDate(d if d is not None else self.date())
        return dt

    def _on_date(self, d: QDate) -> None:
        if d != self._last:
            self._last = d
            self.picked.emit(d)

    def _on_typed(self, _text: str) -> None:
        self._typed = True

    def _check(self) -> None:
        """Enter or leaving the box after typing: say whether the text was read."""
        if not self._typed:
            return
        self._typed = False
        text = self.lineEdit().text()
        if self.read(text) is None:
            self.unreadable.emit(text.strip())
        else:
            self.taken.emit()

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._check()
        super().keyPressEvent(event)

    def focusOutEvent(self, event):  # noqa: N802
        self._check()
        super().focusOutEvent(event)

    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802
        # QDateTimeEdit's Tab walks its own sections (year, month, day) and never leaves the box; here Tab
        # and Shift+Tab leave it like any other field, and leaving takes the typed date (focusOutEvent)
        return QWidget.focusNextPrevChild(self, next_)


class CodeFilter(QWidget):
    """Checkable list of codes (countries, languages) with event counts, and All / None buttons."""

    changed = Signal()
    rowsResized = Signal()    # a row's height changed (a name went on two lines, or back on one)
    titleShortened = Signal()  # short_title changed: the companion lists fit their titles again
    TITLE, HEADER, LIST_NAME, PLURAL = "Codes", "Code", "codeList", "codes"
    COUNT_TITLE = "Events"
    # the "Events" column's header tooltip: what a count counts (an event can count under several codes)
    COUNT_HELP = "Events under the other filters"
    # said under the list when its counts add up to more than the events they count ("" : never)
    OVERLAP_NOTE = ""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._unchecked: set[str] = set()
        self._codes: list[str] = []
        self._items: dict[str, QTreeWidgetItem] = {}
        self._natural: dict[str, QSize] = {}     # each name cell's width and height on one line
        self._fitting = self._refit = False
        self.short_title = False     # the count column's title would cut the names: it is "#"
        self.companions: list[CodeFilter] = []    # lists beside it: one says "#", they all do

        self.tree = QTreeWidget(self)
        self.tree.setObjectName(self.LIST_NAME)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.HEADER, "", self.COUNT_TITLE])
        self.tree.setRootIsDecorated(False)
        # a name too long for the narrowest panel goes on two lines rather than being cut ("United…")
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)   # the columns fit it
        self.tree.setAlternatingRowColors(False)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)     # fit_columns sizes it
        self.tree.viewport().installEventFilter(self)    # its width changes with the list's scroll bar too
        self.tree.header().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.tree.headerItem().setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.tree.headerItem().setToolTip(2, self.COUNT_HELP)
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

        # why the counts add up to more than the events (an event under several codes), when they do
        self.overlap_note = QLabel(self.OVERLAP_NOTE, self)
        self.overlap_note.setObjectName("countsNote")
        self.overlap_note.setWordWrap(True)
        self.overlap_note.setToolTip(self.COUNT_HELP)
        self.overlap_note.hide()
        theme.on_change(self._retheme_note)
        self._retheme_note()

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addLayout(head)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.overlap_note)

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

    def _count_tooltip(self, code: str, n: int) -> str:
        return f"{n:,} events"

    # -- feeding ---------------------------------------------------------------------------------
    def set_counts(self, counts: dict[str, int], all_codes: list[str], events: int | None = None) -> None:
        """Show every code the database knows, with its count under the other filters. ``events``: how
        many events those counts count (None: not known, the note under the list stays as it is); when the
        counts add up to more, the note (OVERLAP_NOTE) says why."""
        if all_codes != self._codes:
            self._rebuild(all_codes)
        if events is not None and self.OVERLAP_NOTE:
            self.overlap_note.setVisible(sum(counts.values()) > events)
        with QSignalBlocker(self.tree):
            for code, item in self._items.items():
                n = counts.get(code, 0)
                item.setText(2, _compact(n))
                item.setToolTip(2, self._count_tooltip(code, n))
                item.setData(2, Qt.ItemDataRole.UserRole, n)
                item.setForeground(0, QColor("#9ca3af") if n == 0 else QColor("#1f2937"))
                item.setForeground(2, QColor("#9ca3af") if n == 0 else QColor("#4b5563"))
        self.fit_columns()      # the numbers' width may have changed

    def _rebuild(self, codes: list[str]) -> None:
        self._codes = list(codes)
        self._items.clear()
        self._natural.clear()
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

    def _retheme_note(self) -> None:
        self.overlap_note.setStyleSheet(f"QLabel {{ color: {'#9aa5b1' if theme.current() == 'dark' else '#6b7280'};"
                                        " font-size: 8.5pt; }")

    def _sync_checks(self) -> None:
        with QSignalBlocker(self.tree):
            for code, item in self._items.items():
                item.setCheckState(0, Qt.CheckState.Unchecked if code in self._unchecked
                                   else Qt.CheckState.Checked)

    COUNT_SHORT = "#"     # the count column's title when "Events" would take the names' room
    NAME_LEAST_PX = 80    # the name column is never narrower than this while another column could give way

    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if obj is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(obj, event)

    def changeEvent(self, event):  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._forget_sizes()
            self.fit_columns()

    def fit_columns(self) -> None:
        """The names come first: each is shown whole. The count column is as wide as its numbers and its
        title ("Events", or "#" when that title would cut the names, here or in a companion list); the code
        column (the name says it) is shown only when the names keep their room beside it. A name still too
        long for the list (a narrow panel, a big font) goes on as many lines as it needs, never under a
        horizontal scroll bar."""
        if self._fitting:               # the rows' heights changed the list's scroll bar: once more after
            self._refit = True
            return
        self._fitting = True
        try:
            for _ in range(3):
                self._refit = False
                self._fit_once()
                if not self._refit:
                    break
        finally:
            self._fitting = False

    def _fit_once(self) -> None:
        tree, head = self.tree, self.tree.header()
        room = tree.viewport().width()
        if room <= 0:
            return
        natural = self._natural_sizes()
        names = max([size.width() for size in natural.values()] + [self.NAME_LEAST_PX])
        numbers = tree.sizeHintForColumn(2)
        codes = max(tree.sizeHintForColumn(1), tree.fontMetrics().horizontalAdvance("NATO") + 12)
        count_px = max(numbers, self._title_width(self.COUNT_TITLE))
        short = names + count_px > room     # "Events" would cut the names: "#"
        if short != self.short_title:
            self.short_title = short
            self.titleShortened.emit()      # the other list says "#" too
        if short or any(other.short_title for other in self.companions):
            title, count_px = self.COUNT_SHORT, max(numbers, self._title_width(self.COUNT_SHORT))
        else:
            title = self.COUNT_TITLE
        show_codes = names + codes + count_px <= room
        if tree.headerItem().text(2) != title:
            tree.headerItem().setText(2, title)
        if head.sectionSize(2) != count_px:
            head.resizeSection(2, count_px)
        if tree.isColumnHidden(1) == show_codes:
            tree.setColumnHidden(1, not show_codes)
        self._wrap_names(natural, room - count_px - (codes if show_codes else 0))

    def _natural_sizes(self) -> dict[str, QSize]:
        """Each row's name cell on one line (box, swatch and name), measured once per font."""
        for row, (code, item) in enumerate(self._items.items()):
            if code not in self._natural:
                if item.data(0, Qt.ItemDataRole.SizeHintRole) is not None:
                    item.setData(0, Qt.ItemDataRole.SizeHintRole, None)
                self._natural[code] = self.tree.sizeHintForIndex(self.tree.model().index(row, 0))
        return self._natural

    def _wrap_names(self, natural: dict[str, QSize], width: int) -> None:
        """Rows whose name is wider than `width` grow to hold it on several lines; the others are one line."""
        fm = self.tree.fontMetrics()
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        resized = False
        for code, item in self._items.items():
            size = natural[code]
            want = None
            if size.width() > width:
                text = item.text(0)
                room = max(width - (size.width() - fm.horizontalAdvance(text)), 1)
                lines = fm.boundingRect(0, 0, room, 100_000, flags, text).height()
                if lines > fm.height():
                    want = QSize(size.width(), size.height() + lines - fm.height())
            if item.data(0, Qt.ItemDataRole.SizeHintRole) != want:
                item.setData(0, Qt.ItemDataRole.SizeHintRole, want)
                resized = True
        if resized:
            self.rowsResized.emit()

    def rows_height(self, rows: int) -> int:
        """The height of the list's first `rows` rows (rows it lacks at a one-line row's height)."""
        tree = self.tree
        one = max(tree.sizeHintForRow(0) if self._codes else 0, tree.fontMetrics().height() + 6)
        count = tree.topLevelItemCount()
        return sum(max(tree.sizeHintForRow(r), 1) if r < count else one for r in range(rows))

    def _forget_sizes(self) -> None:
        """The font or style changed: the names are measured anew."""
        self._natural.clear()

    def _title_width(self, title: str) -> int:
        """The width the count column's header needs for `title`."""
        item = self.tree.headerItem()
        shown = item.text(2)
        if shown == title:
            return self.tree.header().sectionSizeHint(2)
        with QSignalBlocker(self.tree.model()), QSignalBlocker(self.tree.header()):
            item.setText(2, title)
            width = self.tree.header().sectionSizeHint(2)
            item.setText(2, shown)
        return width

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
    COUNT_HELP = ("Events naming this country, under the other filters: an event naming several countries "
                  "counts under each, so the counts can add up to more than the events")

    def countries(self) -> frozenset[str] | None:
        """None when every country is shown (events without a country stay visible too)."""
        return self.chosen()

    def _name(self, code: str) -> str:
        return fmt.country_name(code)

    def _icon(self, code: str) -> QIcon:
        """The country's swatch, drawn when the list is filled (formatting.country_colour, as the lanes)."""
        return swatch(fmt.country_colour(code))


class LanguageFilter(CodeFilter):
    """The languages the articles are written in ("French", code "fr"; "Unknown language" for articles
    with none stored, the store's code NO_LANGUAGE). An event is in every language one of its reports is
    in (reports of one happening in several languages, merged): ticking French shows it, and it counts
    under each. Short: as tall as its few rows."""

    TITLE, HEADER, LIST_NAME, PLURAL = "Languages", "Language", "languageList", "languages"
    MAX_ROWS = 6
    COUNT_HELP = ("Events with a report in this language, under the other filters: an event reported in "
                  "several languages (its reports merged) counts under each, so the counts can add up to "
                  "more than the events")
    OVERLAP_NOTE = "An event reported in several languages counts under each."

    def __init__(self, parent=None):
        super().__init__(parent)
        self._articles: dict[str, int] = {}
        self.rowsResized.connect(self._fit_height)
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

    def _count_tooltip(self, code: str, n: int) -> str:
        where = ("in an article of unknown language" if code == fmt.UNKNOWN_LANGUAGE
                 else f"in {fmt.language_label(code)}")
        return f"{n:,} event{'s' if n != 1 else ''} with a report {where}"

    def _rebuild(self, codes: list[str]) -> None:
        super()._rebuild(codes)
        self._fit_height()

    def _fit_height(self) -> None:
        rows = min(max(len(self._codes), 1), self.MAX_ROWS)
        head = self.tree.header().sizeHint().height()
        height = head + self.rows_height(rows) + 2 * self.tree.frameWidth() + 2
        if self.tree.minimumHeight() != height or self.tree.maximumHeight() != height:
            self.tree.setFixedHeight(height)


def _typed_choice(box: QComboBox, model: QStringListModel, placeholder: str) -> None:
    """Make `box` a choice one types: editable over `model` (nothing typed is added to it), completing
    what contains the typed text, without regard to case."""
    box.setModel(model)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.lineEdit().setPlaceholderText(placeholder)
    done = QCompleter(model, box)
    done.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    done.setFilterMode(Qt.MatchFlag.MatchContains)
    done.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    done.setMaxVisibleItems(12)
    box.setCompleter(done)


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
        _typed_choice(self, self._labels, "Type part of a title…")
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


class TagBox(QComboBox):
    """The tag choice: empty for any tag, or one tag, typed (completed from the tags in use, without case)
    or picked from the list. `taken` is emitted when the tag shown changed: picked, typed then Enter or
    leaving the box, or cleared."""

    taken = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._tags = QStringListModel([""], self)
        _typed_choice(self, self._tags, "any tag")
        self.lineEdit().setClearButtonEnabled(True)
        self._last = ""
        self.activated.connect(lambda _i: self._settle())
        self.lineEdit().editingFinished.connect(self._settle)
        self.lineEdit().textChanged.connect(lambda text: self._settle() if not text.strip() else None)

    def tag(self) -> str | None:
        """The tag shown (white space collapsed), None for any."""
        return " ".join(self.currentText().split()) or None

    def set_tag(self, tag: str | None) -> None:
        """Show `tag` (None: any) without emitting."""
        with QSignalBlocker(self), QSignalBlocker(self.lineEdit()):
            self.setEditText(tag or "")
        self._last = self.tag() or ""

    def tags(self) -> list[str]:
        """The tags the list offers (the tags in use)."""
        return [t for t in self._tags.stringList() if t]

    def set_tags(self, tags) -> None:
        """The tags in use, offered in the list and completed as typed; the tag shown stays."""
        shown = self.currentText()
        with QSignalBlocker(self), QSignalBlocker(self.lineEdit()):
            self._tags.setStringList([""] + sorted(set(tags), key=lambda t: (t.casefold(), t)))
            self.setEditText(shown)

    def _settle(self) -> None:
        tag = self.tag() or ""
        if tag != self._last:
            self._last = tag
            self.taken.emit()


class FilterPanel(QFrame):
    """Everything that narrows the view: each change sets the state's filter (`view_state.set_filter`)."""
    searchStep = Signal(int, bool)   # Enter in the search box: show the next (+1) result (True: of a new search)

    def __init__(self, state: ViewState, parent=None):
        super().__init__(parent)
        self.setObjectName("filterPanel")
        self.view_state = state
        self._quiet = False
        self._searching = False          # "Searching…" is shown under the search box
        self._pending_article = None     # a remembered article to choose once the list has it
        self._hint = (QDate(), QDate())
        self._other = {"tags": None, "review": None}   # a filter set elsewhere the boxes cannot show

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search events…   Ctrl+F")
        self.search.setToolTip("Search the events' titles and sentences, every report's sentence, and your notes "
                               "and tags: every word, as the start of a word (Enter, F3: the next result)")
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(250)
        self.search_timer.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.search.returnPressed.connect(self._search_entered)
        self.message = QLabel("", self)
        self.message.setObjectName("filterMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.countries = CountryFilter(self)
        self.countries.changed.connect(self._emit)
        self.languages = LanguageFilter(self)
        self.languages.setObjectName("languageFilter")
        self.languages.changed.connect(self._emit)
        for a, b in ((self.countries, self.languages), (self.languages, self.countries)):
            a.companions.append(b)          # the count columns' titles alike ("Events", or "#" both)
            b.titleShortened.connect(a.fit_columns)

        self.date_message = QLabel("", self)
        self.date_message.setObjectName("dateMessage")
        self.date_message.setWordWrap(True)
        self.date_message.hide()
        self.date_from = self._date_edit("From")
        self.date_to = self._date_edit("To", end=True)
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
        self.article.setMinimumContentsLength(8)

        self.written_only = QCheckBox("Only written dates", self)
        self.written_only.setObjectName("writtenOnly")
        self.written_only.setToolTip("Only events whose date the text writes; hide those dated by the "
                                     "article's publication (\u201creported\u201d) or by the time the "
                                     "text is at (\u201cfrom context\u201d)")
        self.written_only.toggled.connect(self._emit)

        self.starred_only = QCheckBox("Starred only", self)
        self.starred_only.setObjectName("starredOnly")
        self.starred_only.setToolTip("Only the events you starred")
        self.starred_only.toggled.connect(self._emit)
        self.show_rejected = QCheckBox("Show rejected", self)
        self.show_rejected.setObjectName("showRejected")
        self.show_rejected.setToolTip("Show the events marked “not an event” too (hidden otherwise)")
        self.show_rejected.toggled.connect(self._emit)

        self.review = QComboBox(self)
        self.review.setObjectName("reviewFilter")
        for label, value in REVIEW_CHOICES:
            self.review.addItem(label, value)
        self.review.setToolTip("Only the events in this review state (Rejected shows the events marked "
                               "“not an event”)")
        self.review.currentIndexChanged.connect(self._review_changed)
        self.tag = TagBox(self)
        self.tag.setObjectName("tagFilter")
        self.tag.setToolTip("Only the events carrying this tag: type or pick one of the tags in use")
        self.tag.taken.connect(self._tag_changed)
        for box in (self.precision, self.review, self.tag):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
        self.has_note = QCheckBox("Has note", self)
        self.has_note.setObjectName("hasNote")
        self.has_note.setToolTip("Only the events you wrote a note on")
        self.has_note.toggled.connect(self._emit)
        self.warnings_only = QCheckBox("Date warnings only", self)
        self.warnings_only.setObjectName("warningsOnly")
        self.warnings_only.setToolTip("Only the events whose date does not add up: told in the past but dated "
                                      "after the article's publication, a weekday that is not the date's, "
                                      "reports that disagree on the date")
        self.warnings_only.toggled.connect(self._emit)

        self.reset_button = QPushButton("Reset", self)
        self.reset_button.setToolTip("Reset filters (Ctrl+R)")
        self.reset_button.setObjectName("smallButton")
        self.reset_button.clicked.connect(self.reset)

        # two pages under the lists: dates and sources, and the analyst's review (a tab says when a filter
        # of its page is on); each page a column of labelled boxes, laid out for the panel's width
        # (`_layout_for_width`), scrolling when the window is too short for it
        self._relayout_timer = QTimer(self)   # goes with the panel: never fires on a deleted one
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(0)
        self._relayout_timer.timeout.connect(lambda: self._arrange(self._layout_for_width()))
        self.pages = QTabWidget(self)
        self.pages.setObjectName("filterPages")
        self.pages.setDocumentMode(True)
        self.pages.setUsesScrollButtons(False)
        self.pages.tabBar().setExpanding(False)
        self._rows: list[tuple[QGridLayout, list]] = []
        for title, rows in (
                ("Dates", [("From", self.date_from), ("To", self.date_to), ("Precision", self.precision),
                           ("Article", self.article), (None, self.written_only)]),
                ("Review", [("Review", self.review), ("Tag", self.tag), (None, self.starred_only),
                            (None, self.has_note), (None, self.warnings_only), (None, self.show_rejected)])):
            page = QWidget()
            page.setObjectName(f"filterPage{title}")
            grid = QGridLayout(page)
            grid.setContentsMargins(0, 8, 0, 0)
            grid.setHorizontalSpacing(8)
            grid.setVerticalSpacing(6)
            grid.setColumnStretch(1, 1)
            placed = [(QLabel(label, page) if label else None, box) for label, box in rows]
            self._rows.append((grid, placed))
            scroll = QScrollArea(self.pages)     # a window too short for the page: the page scrolls
            scroll.setObjectName(f"filterScroll{title}")
            scroll.setWidget(page)
            page.setAutoFillBackground(False)    # setWidget turned it on: the panel's colour shows through
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.viewport().setAutoFillBackground(False)
            scroll.setMinimumHeight(3 * (self.fontMetrics().height() + 16))
            scroll.verticalScrollBar().rangeChanged.connect(lambda *_: self._relayout_soon())
            self.pages.addTab(scroll, title)
        self.pages.currentChanged.connect(lambda _i: self._relayout_soon())
        self.pages.setTabToolTip(0, "Dates, precision, source article, how dates were obtained")
        self.pages.setTabToolTip(1, "Review state, tags, notes, stars and rejected events")
        self._reset_row = QHBoxLayout()     # Reset, when the tabs leave it no room beside them
        self._reset_row.setContentsMargins(0, 0, 0, 0)
        self._reset_row.addStretch(1)
        self._mode = None
        self._arrange("wide")

        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 10, 10, 10)
        lay.setSpacing(8)
        lay.addWidget(self.search)
        lay.addWidget(self.message)
        lay.addWidget(self.countries, 1)
        lay.addWidget(self.languages)
        lay.addSpacing(2)
        lay.addWidget(self.pages)
        lay.addWidget(self.date_message)
        lay.addLayout(self._reset_row)
        self.view_state.subscribe("filter", self._show_filter)
        self.view_state.subscribe("filter", self._mark_pages)

    # -- layout --------------------------------------------------------------------------------------
    def _layout_for_width(self) -> str:
        """"wide": each label beside its box; "dates": only From and To labelled, beside their boxes;
        "narrow": From and To labelled above their boxes."""
        labelled = [(lab, box) for _, placed in self._rows for lab, box in placed if lab is not None]
        dates = [(lab, box) for lab, box in labelled if lab.text() in ("From", "To")]
        m = self.layout().contentsMargins() if self.layout() is not None else None
        scroll = self.pages.currentWidget()
        bar = (self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
               if scroll is not None and scroll.verticalScrollBar().isVisible() else 0)
        room = self.width() - (m.left() + m.right() if m is not None else 20) - bar   # the page scrolls

        def fits(pairs) -> bool:
            return room >= (max(lab.sizeHint().width() for lab, _ in pairs) + 8
                            + max(box.minimumSizeHint().width() for _, box in pairs))
        return "wide" if fits(labelled) else "dates" if fits(dates) else "narrow"

    def _arrange(self, mode: str) -> None:
        """Lay the pages out for `mode` (`_layout_for_width`). Unlabelled boxes say what they hold ("Any
        precision", "All articles", "Any review state", "any tag"); Reset goes under the pages when the
        tabs leave it no room beside them."""
        if mode == self._mode:
            return
        self._mode = mode
        for grid, placed in self._rows:
            for lab, box in placed:
                for w in (lab, box):
                    if w is not None:
                        grid.removeWidget(w)
            row = 0
            for lab, box in placed:
                dated = lab is not None and lab.text() in ("From", "To")
                if lab is None:      # a check box as wide as its text: a click beside it is not on it
                    grid.addWidget(box, row, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
                elif mode == "wide" or (mode == "dates" and dated):
                    lab.show()
                    grid.addWidget(lab, row, 0)
                    grid.addWidget(box, row, 1)
                elif dated:
                    lab.show()
                    grid.addWidget(lab, row, 0, 1, 2)
                    row += 1
                    grid.addWidget(box, row, 0, 1, 2)
                else:
                    lab.hide()
                    grid.addWidget(box, row, 0, 1, 2)
                row += 1
            for r in range(grid.rowCount()):
                grid.setRowStretch(r, 0)
            grid.setRowStretch(row, 1)
        if mode == "wide":
            self._reset_row.removeWidget(self.reset_button)
            self.pages.setCornerWidget(self.reset_button, Qt.Corner.TopRightCorner)
        else:
            self.pages.setCornerWidget(None, Qt.Corner.TopRightCorner)
            self._reset_row.addWidget(self.reset_button)
        self.reset_button.show()

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._arrange(self._layout_for_width())

    def _relayout_soon(self) -> None:
        """A page's scroll bar came or went (it takes width): lay out again once it has."""
        self._relayout_timer.start()

    def _mark_pages(self, f: ViewFilter) -> None:
        """A tab whose page narrows the view says so (a dot after its title)."""
        dates = bool(f.date_from or f.date_to or f.max_granularity or f.article_id or f.dating is not None)
        review = bool(f.starred or f.has_note or f.tags is not None or f.review is not None or f.show_rejected
                      or f.checks)
        for i, (title, on) in enumerate((("Dates", dates), ("Review", review))):
            self.pages.setTabText(i, f"{title} \u2022" if on else title)

    def _date_edit(self, what: str, *, end: bool = False) -> DateBox:
        edit = DateBox(what, end=end, parent=self)
        edit.calendarWidget().installEventFilter(self)   # opens at the data, not at year 100
        edit.picked.connect(self._date_changed)
        edit.unreadable.connect(lambda text, w=what: self._bad_date(w, text))
        edit.taken.connect(self.date_message.hide)
        return edit

    def _bad_date(self, what: str, text: str) -> None:
        edit = self.date_from if what == "From" else self.date_to
        kept = "any" if edit.date() == ANY_DATE else edit.date().toString("yyyy-MM-dd")
        self.date_message.setText(f"“{text}” is not a date I can read ({what} stays {kept}). "
                                  "Try 2024-09-01, 1 Sep 2024, 2024-09 or 2024.")
        self.date_message.show()

    def _date_changed(self, *_args) -> None:
        self.date_message.hide()
        self._emit()

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
            dating=WRITTEN_ONLY if self.written_only.isChecked() else None,
            starred=self.starred_only.isChecked(),
            tags=self._tags(),
            has_note=self.has_note.isChecked(),
            review=self._review(),
            show_rejected=self.show_rejected.isChecked() or self._review() == frozenset({"rejected"}),
            checks=self.warnings_only.isChecked(),
        )

    def _review(self) -> frozenset[str] | None:
        value = self.review.currentData()
        return frozenset({value}) if value else self._other["review"]

    def _tags(self) -> frozenset[str] | None:
        tag = self.tag.tag()
        return frozenset({tag}) if tag else self._other["tags"]

    def _review_changed(self, *_args) -> None:
        self._other["review"] = None       # the person chose: what the box shows is the filter
        self._emit()

    def _tag_changed(self) -> None:
        self._other["tags"] = None
        self._emit()

    def set_tags_in_use(self, tags) -> None:
        """The tags the analyst gave events (the tag box offers and completes them)."""
        self.tag.set_tags(tags)

    @staticmethod
    def _iso(edit: QDateEdit) -> str | None:
        d = edit.date()
        return None if d == ANY_DATE or not d.isValid() else d.toString("yyyy-MM-dd")

    def apply_now(self) -> None:
        self.search_timer.stop()
        self._emit()

    def _search_entered(self) -> None:
        """Enter in the search box: search now if the words changed, then step to the next result."""
        words = self.search.text().strip() or None
        fresh = self.search_timer.isActive() or words != self.view_state.search
        if fresh or words is None:
            self.apply_now()
        if words is not None:
            self.searchStep.emit(1, fresh)

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
            found = self.article.findData(f.article_id)
            self.article.setCurrentIndex(max(found, 0))
            self._pending_article = f.article_id if f.article_id and found < 0 else None   # list loading
            self.written_only.setChecked(f.dating is not None and f.dating <= WRITTEN_ONLY)
            self.starred_only.setChecked(bool(f.starred))
            self._show_annotation_parts(f.review, f.tags, f.has_note)
            self.show_rejected.setChecked(bool(f.show_rejected) and f.review != frozenset({"rejected"}))
            self.warnings_only.setChecked(bool(f.checks))
        finally:
            self._quiet = False

    def _show_annotation_parts(self, review, tags, has_note) -> None:
        """Review state, tag and note as the boxes show them; a review or tag set the boxes cannot show
        (several states or tags at once) is kept as it was set, the box showing "any"."""
        one_review = next(iter(review)) if review is not None and len(review) == 1 else None
        i = self.review.findData(one_review) if one_review else -1
        with QSignalBlocker(self.review):
            self.review.setCurrentIndex(max(i, 0))
        self._other["review"] = review if review is not None and i < 0 else None
        one_tag = next(iter(tags)) if tags is not None and len(tags) == 1 else None
        self.tag.set_tag(one_tag)
        self._other["tags"] = tags if tags is not None and one_tag is None else None
        self.has_note.setChecked(bool(has_note))

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
            self.written_only.setChecked(False)
            self.starred_only.setChecked(False)
            self.show_rejected.setChecked(False)
            self.warnings_only.setChecked(False)
            self._show_annotation_parts(None, None, False)
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

    def set_language_counts(self, counts: dict[str, int], all_codes: list[str], events: int | None = None) -> None:
        """Events per language under the other filters; `all_codes`: every language of the database;
        `events`: how many events they count (None: not known)."""
        self.languages.set_counts(counts, all_codes, events)

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
                "languages_unchecked": self.languages.unchecked(),
                "written_only": self.written_only.isChecked(), "starred": f.starred,
                "has_note": f.has_note, "show_rejected": self.show_rejected.isChecked(), "warnings": f.checks,
                "review": sorted(f.review) if f.review is not None else None,
                "tags": sorted(f.tags) if f.tags is not None else None}

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
            self.written_only.setChecked(state.get("written_only") is True)
            self.starred_only.setChecked(state.get("starred") is True)
            self.show_rejected.setChecked(state.get("show_rejected") is True)
            self.warnings_only.setChecked(state.get("warnings") is True)
            self._show_annotation_parts(_names(state.get("review")), _names(state.get("tags")),
                                        state.get("has_note") is True)
        finally:
            self._quiet = False
        self._emit()


def _names(value) -> frozenset[str] | None:
    """A remembered list of names (review states, tags) as a filter's set; None for anything else."""
    if not isinstance(value, list):
        return None
    names = frozenset(" ".join(v.split()) for v in value if isinstance(v, str) and v.strip())
    return names or None


class FilterScroll(QScrollArea):
    """The filter panel in a scroll area: when the window is too short (or narrow) for it, or the font too
    big, it scrolls instead of squeezing its lists to a row or two or cutting its boxes off. The countries'
    list keeps room for `LIST_ROWS` rows, the Dates and Review pages their boxes' heights, and it is never
    narrower than its boxes need."""

    LIST_ROWS = 4

    def __init__(self, panel: FilterPanel, parent=None):
        super().__init__(parent)
        self.setObjectName("filterPanelScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)     # Tab goes to the panel's boxes, not to the frame
        self.setWidget(panel)
        panel.countries.rowsResized.connect(lambda: QTimer.singleShot(0, self, self.fit))
        self._watched = [panel, *self._pages_contents()]
        for content in self._watched:
            content.installEventFilter(self)
        self.fit()

    def panel(self) -> FilterPanel:
        return self.widget()

    def fit(self) -> None:
        """The least heights of the countries' list (`LIST_ROWS` rows at its font) and of the pages (the
        panel's least height follows; past the window's height it scrolls)."""
        panel = self.panel()
        tree = panel.countries.tree          # (the languages' list is as tall as its rows already)
        rows = panel.countries.rows_height(self.LIST_ROWS)      # a name on two lines: a taller row
        _least_height(tree, tree.header().sizeHint().height() + rows + 2 * tree.frameWidth())
        # the Dates and Review pages whole (their boxes at their height, not squeezed inside the page)
        pages = panel.pages
        contents = self._pages_contents()
        if contents:
            need = max(c.sizeHint().height() for c in contents) + pages.tabBar().sizeHint().height() + 8
            _least_height(pages, need)
        least = self._least_width()
        if panel.minimumWidth() != least:
            panel.setMinimumWidth(least)
        if panel.layout() is not None:
            panel.layout().activate()
        QApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))    # the panel resized to its least
        self.updateGeometry()           # the splitter asks again how narrow it may be

    def _pages(self) -> list[QScrollArea]:
        """The panel's pages (Dates, Review), each a scroll area around its boxes."""
        pages = self.panel().pages
        inner = [pages.widget(i) for i in range(pages.count())]
        return [a for a in inner if isinstance(a, QScrollArea) and a.widget() is not None]

    def _pages_contents(self) -> list[QWidget]:
        return [a.widget() for a in self._pages()]

    def _least_width(self) -> int:
        """The panel's least width: its own boxes', and its pages' each on a line of its own (the pages
        do not scroll sideways themselves)."""
        panel = self.panel()
        margins = panel.layout().contentsMargins() if panel.layout() is not None else panel.contentsMargins()
        # the panel's rows, each as narrow as it goes (not its layout's least, which is wider while the
        # panel is laid out for a wider width: Reset beside the tabs)
        rows = [c for c in panel.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                if not c.isHidden() and c is not panel.pages and c is not panel.reset_button]
        width = max([c.minimumSizeHint().width() for c in rows] + [panel.pages.tabBar().sizeHint().width()])
        width += margins.left() + margins.right()
        pages = self._pages()
        current = panel.pages.currentWidget()
        if pages and current is not None:
            chrome = margins.left() + margins.right() + 2 * current.frameWidth()
            width = max(width, max(_stacked_width(a.widget()) for a in pages) + chrome)
        return width

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """The panel's least width and the scroll bar (made narrower still, it scrolls sideways)."""
        bar = max(self.verticalScrollBar().sizeHint().width(),
                  self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self))
        return QSize(self._least_width() + bar, 0)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LayoutRequest and obj in self._watched:
            # the panel laid itself out anew (for its width) or a page's boxes changed: room for them
            QTimer.singleShot(0, self, self.fit)       # once that layout is done
        return False

    def showEvent(self, event):  # noqa: N802
        self.fit()          # the lists have rows now: their height is known
        super().showEvent(event)

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()      # the panel lays its pages out by its width


def _stacked_width(content: QWidget) -> int:
    """The least width of a page's boxes each on a line of its own (the panel's narrowest arrangement;
    wider, it may set labels beside their boxes)."""
    boxes = [c for c in content.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
             if not c.isHidden()]
    margins = content.layout().contentsMargins() if content.layout() is not None else content.contentsMargins()
    return max((b.minimumSizeHint().width() for b in boxes), default=0) + margins.left() + margins.right()


def _least_height(widget: QWidget, height: int) -> None:
    if widget.minimumHeight() != height:
        widget.setMinimumHeight(height)
