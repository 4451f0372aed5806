"""The application window: filters (left), timeline over the event table (centre), excerpt (right).

The widgets share one `ViewState` (filter, selection, sort, visible range, search results): each writes
what the person did to it and shows what it says. The window observes it to read the store (counts,
the table's rows, the excerpt) and keeps the status bar and the remembered view up to date. Which events
the table shows and in what order, once the per-event arrays are loaded, is `viewer.tablerows`'s work;
the reports an excerpt shows are `viewer.ui.reports`'s.

The window places and wires; each other piece has its own module: the menus and Help boxes
(`viewer.ui.menus`), what is remembered between runs (`viewer.ui.window_state`), importing and dropped
files (`viewer.ui.importing`), opening a database file (`viewer.ui.opening`), the table's order and
"Only what is in view" (`viewer.ui.table_listing`), stepping through search results
(`viewer.ui.search_steps`), the analyst's edits, undo and redo (`viewer.ui.editing`, `viewer.ui.edit_dialog`)
and the review keys and count (`viewer.ui.review`)."""
from __future__ import annotations

import math
import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QPageLayout
from PySide6.QtWidgets import (
    QApplication, QDialog, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QMainWindow, QMessageBox, QSplitter,
    QVBoxLayout, QWidget,
)

from viewer import checks
from viewer.model import ViewFilter
from viewer.store import Store, StoreError, StoreInputError, eventset, fts_query
from viewer.store import views as saved_views
from viewer.store import window as queries
from viewer.ui import formatting as fmt
from viewer.ui import menus
from viewer.ui.background import QueryRunner
from viewer.ui.editing import Editing
from viewer.ui.excerpt import ExcerptPanel
from viewer.ui.filters import FilterPanel, FilterScroll
from viewer.ui.importing import Importer
from viewer.ui.models import ColumnFitter, EventTableModel, event_table, select_row
from viewer.ui.opening import open_for_window
from viewer.ui.reports import find_report, other_reports
from viewer.ui.review import ReviewKeys, left_to_review
from viewer.ui.search_steps import SearchSteps
from viewer.ui.table_listing import TableListing
from viewer.ui.timeline import TimelineView
from viewer.ui.window_state import WindowMemory, fit_to_screen, last_database, recent_databases, remember_database
from viewer.tablerows import TableRows
from viewer.viewstate import ViewState

APP_TITLE = "Conflict Timeline"
THREADED_ABOVE = 50_000   # events: bigger databases count and look up rows on a background connection
SIDE_MIN = (150, 150)     # the side panels' least widths: at 800 px the timeline keeps half the window
CENTRE_SHARE = 0.5        # the timeline's least share of the window's width
_FOCUS_HOOKED = "focusTimelineOnClose"   # a dialog's property: its closing gives the timeline the keyboard
DB_FILTERS = "Timeline databases (*.db *.sqlite *.sqlite3);;All files (*)"

__all__ = ["MainWindow", "active_window", "last_database"]


class MainWindow(QMainWindow):
    databaseChanged = Signal(str)
    filterApplied = Signal(object)   # the ViewFilter now shown
    importFinished = Signal(object)  # the IngestSummary (None if the import failed)

    def __init__(self, *, remember: bool = True, parent=None):
        super().__init__(parent)
        self.remember = remember
        self.store: Store | None = None
        self.readonly = False
        self._filter = ViewFilter()
        self.view_state = ViewState()
        self._total = 0
        self._shown = 0
        self._syncing = False
        self.opening = False           # while opening: don't overwrite the remembered view
        self.threaded_above = THREADED_ABOVE
        self.runner = QueryRunner(self)
        self.runner.failed.connect(lambda error: self.statusBar().showMessage(error, 15000))
        self._codes: list[str] = []    # every country code in the database, most events first
        self._languages: list[str] = []    # every language code of its articles, most articles first
        self.rows = TableRows()        # the table's rows once filtered with the per-event arrays
        self._counted_filter = None    # the filter whose rows the table shows (None: being counted)
        self.search_steps = SearchSteps(self)   # Enter, F3, Shift+F3
        self._fit_wanted = False       # an article was chosen: fit the view to it once it is shown
        self._shown_article = None     # the article filter the view shows

        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self.resize(1280, 800)

        # -- widgets -------------------------------------------------------------------------------
        self.filters = FilterPanel(self.view_state, self)
        self.filters.searchStep.connect(self.search_step)
        self.filter_scroll = FilterScroll(self.filters, self)   # too short a window or too big a font: it scrolls

        self.timeline = TimelineView(self, self.view_state)
        self.timeline.setObjectName("timeline")
        self.timeline.setMinimumHeight(180)
        self.timeline.eventActivated.connect(self.activate_event)
        self.timeline.loadingFinished.connect(self._timeline_loaded)
        self.timeline.eventsLoaded.connect(self._events_loaded)
        self.timeline.eventMenuRequested.connect(lambda event_id, pos: menus.event_menu(self, event_id, pos))

        self.model = EventTableModel(self.view_state, self)
        self.model.failed.connect(lambda error: self.statusBar().showMessage(
            f"Some events could not be read: {error}", 20000))
        self.table = event_table(self.model, self)
        self.table_columns = self.table.findChild(ColumnFitter)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_row)
        self.table.clicked.connect(lambda idx: self._on_table_row(idx, QModelIndex()))
        self.table.activated.connect(self._on_table_activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(lambda pos: menus.table_menu(self, pos))

        self.excerpt = ExcerptPanel(self)
        self.excerpt.setMinimumWidth(SIDE_MIN[1])
        self.excerpt.articleRequested.connect(self.show_article)
        self.excerpt.setTabChangesFocus(True)      # Tab leaves the excerpt (no stops on its links)
        self.table.setTabKeyNavigation(False)      # Tab leaves the table, not cell by cell

        self.listing = TableListing(self)   # the table's order; "Only what is in view"
        self.in_view_action, self.in_view_button = self.listing.in_view_action, self.listing.in_view_button
        self.listed_label = self.listing.listed_label

        table_box = QWidget(self)
        table_box.setObjectName("tableBox")
        tl = QVBoxLayout(table_box)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.setSpacing(0)
        bar = QWidget(table_box)
        bar.setObjectName("tableBar")
        bar.setMinimumWidth(1)          # never widens the centre: the timeline keeps its share
        table_bar = QHBoxLayout(bar)
        table_bar.setContentsMargins(4, 0, 4, 0)
        table_bar.addWidget(self.in_view_button)
        table_bar.addWidget(self.listed_label, 1)
        tl.addWidget(bar)
        tl.addWidget(self.table)

        self.centre_split = QSplitter(Qt.Orientation.Vertical, self)
        self.centre_split.setObjectName("centreSplit")
        self.centre_split.addWidget(self.timeline)
        self.centre_split.addWidget(table_box)
        self.centre_split.setStretchFactor(0, 3)
        self.centre_split.setStretchFactor(1, 2)
        self.centre_split.setChildrenCollapsible(False)

        self.main_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_split.setObjectName("mainSplit")
        self.main_split.addWidget(self.filter_scroll)
        self.main_split.addWidget(self.centre_split)
        self.main_split.addWidget(self.excerpt)
        self.main_split.setStretchFactor(0, 0)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setStretchFactor(2, 0)
        self.main_split.setCollapsible(1, False)
        self.main_split.setSizes([260, 690, 330])
        self.centre_split.setSizes([430, 300])
        self.setCentralWidget(self.main_split)

        # -- status bar ----------------------------------------------------------------------------
        self.count_label = QLabel("", self)
        self.count_label.setObjectName("countLabel")
        self.range_label = QLabel("", self)
        self.range_label.setObjectName("rangeLabel")
        self.timeline.rangeChanged.connect(self._show_range)   # coalesced: once per event loop turn
        self.path_label = QLabel("", self)
        self.path_label.setObjectName("pathLabel")
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.review_label = QLabel("", self)
        self.review_label.setObjectName("reviewLabel")
        self.review_label.setToolTip("Events shown that nobody has reviewed yet (Enter confirms, Delete "
                                     "rejects, E edits the selected event)")
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.review_label)
        self.statusBar().addPermanentWidget(self.range_label)
        self.statusBar().addPermanentWidget(self.path_label)
        self.statusBar().setSizeGripEnabled(True)

        self.editing = Editing(self)   # the analyst's edits: Edit ▸ Undo / Redo, Edit event…, merges
        acts = menus.build_menus(self)
        self.open_action, self.new_action, self.export_action, self.quit_action = \
            acts.open, acts.new, acts.export, acts.quit
        self.import_action, self.import_folder_action = acts.import_files, acts.import_folder
        self.recent_menu, self.fit_action, self.reset_filters_action = acts.recent_menu, acts.fit, acts.reset_filters
        self.find_action, self.find_next_action, self.find_previous_action = \
            acts.find, acts.find_next, acts.find_previous
        self.clear_selection_action = acts.clear_selection
        self.saved_views_menu, self.save_view_action = acts.saved_views, acts.save_view
        self.print_action, self.export_data_action, self.theme_actions = \
            acts.print_view, acts.export_data, acts.themes

        self.importer = Importer(self)     # File ▸ Import, dropped files
        self.review_keys = ReviewKeys(self)   # Enter, Delete, S, E on the selected event
        self.memory = WindowMemory(self)   # what the window remembers between runs

        self.view_state.subscribe("filter", self.apply_filter)
        self.view_state.subscribe("selected", self._show_selected)
        self.view_state.subscribe("sort", lambda sort: self.listing.sort_changed(*sort))
        self.view_state.subscribe("visible_range", self._range_moved)

        self._set_tab_order()
        self._splits_set = False         # splitter sizes: remembered ones, or fitted at first show
        if remember:
            self._splits_set = self.memory.restore_layout()
        self.fit_table_to_font()

    def _set_tab_order(self) -> None:
        """Tab goes from pane to pane: search, countries, languages, timeline, table, excerpt, then the
        dates and sources boxes; the small All / None buttons are reached by mouse (and their lists' keys)."""
        f = self.filters
        for code_filter in (f.countries, f.languages):
            for b in (code_filter.all_button, code_filter.none_button):
                b.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.in_view_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        chain = [f.search, f.countries.tree, f.languages.tree, self.timeline, self.table, self.excerpt,
                 f.date_from, f.date_to, f.precision, f.article, f.written_only, f.review, f.tag,
                 f.starred_only, f.has_note, f.warnings_only, f.show_rejected, f.reset_button]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    def focus_timeline(self) -> None:
        """Give the keyboard to the timeline (a dialog closed)."""
        if self.isVisible():
            self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)

    def childEvent(self, event):  # noqa: N802 - Qt's name
        """The Edit dialog and the legend give the keyboard to the timeline when they close, however
        they were opened (menu, the E key, Help ▸ Legend): hooked once, when Qt first polishes them."""
        super().childEvent(event)
        if event.type() != QEvent.Type.ChildPolished or not isinstance(event.child(), QDialog):
            return
        from viewer.ui.edit_dialog import EditDialog
        from viewer.ui.legend import LegendDialog
        dialog = event.child()
        if isinstance(dialog, (EditDialog, LegendDialog)) and not dialog.property(_FOCUS_HOOKED):
            dialog.setProperty(_FOCUS_HOOKED, True)
            dialog.finished.connect(self._dialog_finished)

    def _dialog_finished(self, _result: int) -> None:
        self.focus_timeline()

    # ==================================================================================== database
    def open_database(self, path: str | os.PathLike, *, interactive: bool = True) -> bool:
        """Open a database and show it. On failure: a message (or StoreError if not interactive)
        and the window keeps what it had."""
        path = str(path)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.statusBar().showMessage(f"Opening {Path(path).name}…")
        try:
            return self._open_database(path, interactive)
        finally:
            QApplication.restoreOverrideCursor()
            if self.statusBar().currentMessage().startswith("Opening "):
                self.statusBar().clearMessage()

    def _open_database(self, path: str, interactive: bool) -> bool:
        try:
            store, readonly = open_for_window(path)
        except StoreError as exc:
            if not interactive:
                raise
            self.warn("Cannot open database", str(exc))
            return False
        old = self.store
        self.store = store
        self.readonly = readonly
        self.check_dates()      # events not checked yet (a database from before the warnings: all of them)
        if old is not None and old is not store:
            try:
                old.close()
            except Exception:  # closing a broken connection must not stop the new one
                pass
        self.opening = True
        try:
            if old is None or old.path != store.path:
                self.filters.reset(emit=False)   # another database: start by showing all of it
            self.view_state.selected = None
            self.excerpt.clear_event()
            self.rows.clear()
            self.model.set_store(store)
            self.runner.set_store(store, threaded=store.count_events(None) > self.threaded_above)
            self.timeline.set_store(store)
            self._reload_database_lists()
            self.view_state.set_filter(self.filters.view_filter(), force=True)
            self.fit_all()
            if self.remember:
                self.restore_view_state()
        finally:
            self.opening = False
        name = Path(path).name
        self.setWindowTitle(f"{name}{' (read-only)' if readonly else ''} — {APP_TITLE}")
        self.setWindowFilePath(path)
        self.path_label.setText(path)
        self.path_label.setToolTip(path)
        self.import_action.setEnabled(not readonly)
        self.import_folder_action.setEnabled(not readonly)
        self.editing.database_changed()
        if readonly:
            self.statusBar().showMessage("Opened read-only: importing is turned off", 8000)
        if self.remember and path != ":memory:":
            remember_database(path)
        self._show_range(*self.timeline.visible_range())
        if self.timeline.is_loading():
            self.statusBar().showMessage("Loading every event onto the timeline…")
        if self.isVisible() and not self.filters.search.text():
            self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)
        self.databaseChanged.emit(path)
        return True

    def _timeline_loaded(self) -> None:
        if self.statusBar().currentMessage().startswith("Loading every event"):
            self.statusBar().showMessage("Timeline ready", 3000)

    def _reload_database_lists(self) -> None:
        """What depends on the database's content rather than on the filter."""
        if self.store is None:
            return
        try:
            self._codes = list(queries.country_counts(self.store, None))
            articles = queries.language_articles(self.store)
            self._languages = list(articles)
            self.filters.languages.set_articles(articles)
            self.filters.set_language_counts({}, self._languages)     # the list now, its counts once counted
            self._total = self.store.count_events(None)
            # the article list reads every article (~1 s at 125k): on the background connection
            self.runner.submit("articles", queries.article_choices, self.filters.set_articles,
                               on_error=lambda error: self.statusBar().showMessage(error, 10000))
            span = self.store.time_span(None)
            self.filters.set_date_hint(*(fmt.iso_day(t) for t in span) if span else (None, None))
            self.filters.set_tags_in_use(queries.tags_in_use(self.store))
        except StoreError as exc:
            self._codes, self._languages, self._total = [], [], 0
            self.statusBar().showMessage(str(exc), 10000)
        self.excerpt.database_empty = self._total == 0
        if self.excerpt.event_id() is None:
            self.excerpt.clear_event()

    def refresh(self, *, fit: bool = False) -> None:
        """Re-read everything (after an import, for instance), keeping filters, view and selection;
        ``fit``: fit the view to what is shown instead of keeping its range."""
        if self.store is None:
            return
        self.check_dates()
        selected = self.view_state.selected
        t0, t1 = self.timeline.visible_range()
        moved = self.view_state.moved_since_fit
        self._reload_database_lists()
        self.rows.clear()
        if not self.runner.threaded() and self._total > self.threaded_above:
            self.runner.set_store(self.store, threaded=True)
        self.timeline.set_store(self.store)
        self.apply_filter(self.view_state.view_filter())
        if fit:
            self.fit_all()
        else:
            self.timeline.set_visible_range(t0, t1)
            self.view_state.moved_since_fit = moved
        if selected is not None:
            self.select_event(selected)

    def check_dates(self, ids=()) -> None:
        """Work out the date warnings (viewer.checks) of the events not checked yet (written by an import,
        changed by an edit) and of these ids; nothing on a database open read-only, or one another program
        is writing (they are worked out next time)."""
        if self.store is None or self.readonly:
            return
        try:
            if ids or self.store.has_pending_checks():
                self.statusBar().showMessage("Checking the events' dates…")
                checks.refresh(self.store, ids)
                if self.statusBar().currentMessage().startswith("Checking the events"):
                    self.statusBar().clearMessage()
        except StoreError:
            pass

    # ====================================================================================== filters
    def apply_filter(self, f: ViewFilter) -> None:
        """Show what f (the state's filter) selects. Once the database's per-event arrays are loaded, the timeline, the
        counts and the table all follow from numpy masks at once; the full-text search runs on a
        background connection for big databases (its ids are kept for the next filters), and a newer
        search makes an older one's answer stale."""
        message = None
        if f.search and fts_query(f.search) is None:
            message = f"Nothing to search for in “{f.search}”: type a word or two."
            f = replace(f, search=None)
        self._filter = f
        self._counted_filter = None
        if f.article_id is not None and f.article_id != self._shown_article and not self.opening:
            self._fit_wanted = True           # the person chose an article: show all of it ...
            self.view_state.fitted()          # ... unless they pan or zoom before it is shown
        self._shown_article = f.article_id
        if self.store is None:
            self.filters.set_message(message)
            return
        ids = None
        if f.search:
            ids = self.view_state.searches.get(f.search)
            if ids is None:
                self.filters.set_searching(True)

                def searched(got, f=f):
                    self.view_state.searches.put(f.search, got)
                    if self._filter is f:
                        self.filters.set_searching(False)
                        self._show_filter(f, None, got)

                self.runner.submit("search", lambda store: queries.search_ids(store, f.search), searched,
                                   on_error=lambda error, f=f: self._search_failed(f, error))
                return
        self.filters.set_searching(False)
        self._show_filter(f, message, ids)

    def _search_failed(self, f: ViewFilter, error: str) -> None:
        if self._filter is not f:
            return                       # the person typed on: this answer is stale
        self.filters.set_searching(False)
        if not error.startswith(("Couldn't search", "Nothing to search")):
            error = f"Couldn't search for “{f.search}”: try plain words."
        rest = replace(f, search=None)
        self._filter = rest
        self._show_filter(rest, error, None)

    def _show_filter(self, f: ViewFilter, message: str | None, search_ids) -> None:
        self.filters.set_message(message)
        self.timeline.set_filter(f, search_ids=search_ids)
        self._follow_data()
        events = self.view_state.events
        if self.rows.can_filter(events, f, search_ids):
            self.rows.apply(events, f, search_ids, eventset.article_number(self.store, f.article_id))
            key, _descending = self.view_state.sort
            if self.rows.lacks_order(key):      # new arrays (another database, an import): read it again
                self.listing.read_order(key)
            rows = self.rows.rows(self.view_state.sort, self.listing.within())
            self._counted(f, message, rows.shown, rows.undated, rows.counts, ids=rows.ids,
                          languages=rows.languages)
            return
        self.rows.clear()
        if self.runner.threaded():
            self.count_label.setText("Counting…")

        def job(store):
            shown = queries.count_events(store, f)
            undated = queries.undated_count(store, f) if shown else 0
            return shown, undated, queries.country_counts(store, f), queries.language_counts(store, f)

        self.runner.submit("counts", job, lambda r: self._counted(f, message, *r[:3], languages=r[3]),
                           on_error=lambda error: self._count_failed(f, error))

    def _follow_data(self) -> None:
        """The view follows the data: after an article was chosen, or when nothing shown is in view any
        more, fit what is shown, unless the person panned or zoomed since the view last fitted."""
        wanted, self._fit_wanted = self._fit_wanted, False
        if self.opening or self.view_state.moved_since_fit or self._total == 0:
            return
        if wanted or not self.timeline.shows_anything_in_view():
            self.fit_all()

    def _range_moved(self, _rng) -> None:
        self.memory.save_timer.start()
        self.listing.range_moved()

    def _events_loaded(self) -> None:
        """The per-event arrays arrived: filter, count and sort with them from now on."""
        if self.store is not None and not self.opening:
            self.apply_filter(self.view_state.view_filter())

    def _count_failed(self, f: ViewFilter, error: str) -> None:
        if f.search:   # the only part a person types: say so gently and show the rest
            self.apply_filter(replace(f, search=None))
            self.filters.set_message(f"Couldn't search for “{f.search}”: try plain words.")
        else:
            self.statusBar().showMessage(error, 15000)

    def _counted(self, f: ViewFilter, message: str | None, shown: int, undated: int,
                 counts: dict[str, int], ids=None, languages: dict[str, int] | None = None) -> None:
        if message is None and f.search and shown == 0:
            message = f"No events mention “{f.search}”."
        self.filters.set_message(message)
        self._shown = shown
        self.filters.set_country_counts(counts, self._codes)
        if languages is not None:
            self._languages += [code for code in languages if code not in self._languages]
            # under the other filters: with no language unticked, the events shown
            self.filters.set_language_counts(languages, self._languages,
                                             shown if f.languages is None else None)
        within = self.listing.within() if ids is not None else None
        if ids is not None:
            self.model.set_ids(f, ids, len(ids) if within is not None else shown - undated)
        else:
            self.model.set_filter(f, shown, shown - undated)
        self._update_count_label()
        self.listing.update_listed(len(ids) if ids is not None else None)
        selected = self.view_state.selected         # keep the selection if it survived the filter
        if selected is not None and within is not None and self.rows.ready and self.rows.filter is f:
            if not self.rows.keeps(selected):       # filtered out (not only out of view)
                self.view_state.selected = None
            else:
                row = self.model.cached_row_of(selected)
                if row is None:
                    self.table.clearSelection()
                else:
                    self.show_row(row)
        elif selected is not None:
            self._sync_table(selected, drop_if_hidden=True)
            if self.view_state.selected == selected and self.excerpt.search != f.search:
                self._show_selected(selected)       # the searched words highlighted anew
        self._counted_filter = f
        self.filterApplied.emit(f)
        if self.remember:
            self.memory.save_filters()
        self.search_steps.counted(f)

    def _sync_table(self, event_id: int, *, drop_if_hidden: bool = False) -> None:
        """Select the event's row (found in the background on big databases)."""
        row = self.model.cached_row_of(event_id)
        if row is not None:
            self.show_row(row)
            return
        if self.model.ids() is not None or (drop_if_hidden and self.model.rowCount() == 0):
            if drop_if_hidden:               # filtered out
                self.view_state.selected = None
            self.table.clearSelection()
            return
        f, dated = self.model.view_filter(), self.model.dated()

        def placed(row):
            if self.view_state.selected != event_id:
                return                      # the person has moved on
            if row is None:
                if drop_if_hidden:
                    self.view_state.selected = None
                self.table.clearSelection()
            else:
                self.show_row(row)

        self.runner.submit("position", lambda store: queries.event_position(store, f, event_id, dated),
                           placed, on_error=lambda _e: None)

    def _update_count_label(self) -> None:
        if self.store is None:
            self.count_label.setText("No database")
            return
        if self._shown == self._total:
            self.count_label.setText(f"{self._total:,} events")
        else:
            self.count_label.setText(f"{self._shown:,} of {self._total:,} events shown")
        self.update_review_count()

    def update_review_count(self) -> None:
        """The status bar's "12 to review": the events shown nobody has reviewed yet."""
        left = left_to_review(self) if self._total else None
        self.review_label.setText("" if left is None else "All reviewed" if left == 0 and self._shown
                                  else f"{left:,} to review")

    def annotations_changed(self) -> None:
        """The analyst reviewed, starred, tagged or noted an event: the review count and the selected
        event's excerpt (what the timeline and the table draw did not change)."""
        events = self.view_state.events
        if events is not None and self.store is not None:
            events.reload_annotations(self.store)     # a few rows: the annotated events
        self.timeline.forget_filtered()               # indexes made with the old annotations
        if self.store is not None:
            try:
                self.filters.set_tags_in_use(queries.tags_in_use(self.store))
            except StoreError as exc:
                self.statusBar().showMessage(str(exc), 10000)
        f = self.view_state.view_filter()
        if f.starred or f.has_note or f.tags is not None or f.review is not None:
            self.refresh()               # what the filter keeps may have changed
            return
        if f.search:                     # a note or a tag may match the search now, or no longer
            self.view_state.searches.clear()
            self.apply_filter(f)
        self.update_review_count()
        if self.view_state.selected is not None:
            self._show_selected(self.view_state.selected)

    def country_codes(self) -> list[str]:
        """Every country code of the open database, most events first."""
        return list(self._codes)

    def set_country_codes(self, codes: list[str]) -> None:
        """The database's country codes, most events first, as an edit left them (what `refresh` reads)."""
        self._codes = list(codes)

    def edit_event(self, event_id: int | None = None):
        """Edit ▸ Edit event… on an event (the selected one when not given); the dialog, or None."""
        return self.editing.open_dialog(event_id)

    def merge_with(self, event_id: int | None = None):
        """Edit ▸ Merge with… on an event (the selected one when not given): the dialog choosing the event
        to merge into it, or None."""
        return self.editing.open_merge_dialog(event_id)

    def merge_events(self, keep: int, other: int):
        """Merge event ``other`` into ``keep`` (its reports join it); the edit, or None."""
        return self.editing.merge(keep, other)

    def split_report(self, event_id: int, excerpt_id: int):
        """Split one report (an excerpt id) out of an event as an event of its own; the edit, or None."""
        return self.editing.split(event_id, excerpt_id)

    def confirm_event(self, event_id: int) -> None:
        self.review_keys.confirm(event_id)

    def reject_event(self, event_id: int) -> None:
        self.review_keys.reject(event_id)

    def toggle_star(self, event_id: int) -> None:
        self.review_keys.toggle_star(event_id)

    def view_filter(self) -> ViewFilter:
        return self._filter

    def shown_filter(self) -> ViewFilter | None:
        """The filter whose counts and rows are shown; None while the current one is being counted."""
        return self._filter if self._counted_filter is not None and self._counted_filter is self._filter else None

    def events_shown(self) -> int:
        """The events the filter keeps (the status bar's count)."""
        return self._shown

    def event_total(self) -> int:
        """Every event in the open database (0 without one)."""
        return self._total

    def focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def fit_all(self) -> None:
        self.timeline.fit_all()

    # ============================================================================ search results
    def search_step(self, direction: int, fresh: bool = False) -> None:
        """Show and select the next (+1) or previous (-1) search result (`SearchSteps.step`)."""
        self.search_steps.step(direction, fresh)

    # ==================================================================================== selection
    def select_event(self, event_id: int | None) -> None:
        """Show an event everywhere (excerpt, timeline, table row): the state's selection. An id the
        database does not have leaves the selection as it was."""
        if event_id is not None and self.store is not None:
            try:
                if self.store.event(event_id) is None:
                    return
            except StoreError as exc:
                self.statusBar().showMessage(str(exc), 10000)
                return
        self.view_state.select(event_id)

    def _show_selected(self, event_id: int | None) -> None:
        """The state's selection changed: its excerpt, its table row (the timeline shows it itself)."""
        if event_id is None or self.store is None:
            self.excerpt.clear_event()
            self.table.clearSelection()
            return
        try:
            ev = self.store.event(event_id)
            art = self.store.article(ev.article_id) if ev is not None else None
            reports = other_reports(self.store, ev) if ev is not None else []
        except Exception as exc:  # noqa: BLE001
            self.statusBar().showMessage(str(exc), 10000)
            return
        if ev is None:
            return
        self.excerpt.show_event(ev, art, reports, search=self._filter.search)
        self._sync_table(event_id)

    def selected_event(self) -> int | None:
        return self.view_state.selected

    def show_article(self, article_id: str, event_id: int, start: int):
        """The whole article a report came from, its sentence marked (a non-modal dialog)."""
        from viewer.ui.article_view import ArticleDialog
        if self.store is None:
            return None
        try:
            article = self.store.article(article_id)
            report = find_report(self.store, article_id, event_id, start)
            others = [(e.time_start, e.time_end) for e in
                      self.store.events(ViewFilter(article_id=article_id), limit=5000)]
        except Exception as exc:  # noqa: BLE001
            self.warn("Read the article", str(exc))
            return None
        if article is None or report is None:
            return None
        dialog = ArticleDialog(article, report, others, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.focus_timeline())
        dialog.show()
        return dialog

    def show_row(self, row: int) -> None:
        """Select the table's row as the view's doing (not as the person choosing it)."""
        was = self._syncing
        self._syncing = True
        try:
            select_row(self.table, row)
        finally:
            self._syncing = was

    def _on_table_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        event_id = self.model.event_id(current.row())
        if event_id is not None and event_id != self.view_state.selected:
            self.select_event(event_id)

    # ================================================================================ file actions
    def recent_databases(self) -> list[str]:
        return recent_databases()

    def _show_range(self, t0: float, t1: float) -> None:
        if self.store is None or not (t1 > t0) or self._total == 0:
            self.range_label.setText("")
            return
        self.range_label.setText(f"Showing {fmt.axis_span(t0, t1)}")

    def choose_database(self) -> None:
        start = str(Path(self.store.path).parent) if self.store and self.store.path != ":memory:" else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open database", start, DB_FILTERS)
        if path:
            self.open_database(path)

    def choose_new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New database", "timeline.db", DB_FILTERS)
        if path:
            if Path(path).exists():
                self.warn("New database", f"{path} already exists; use Open to open it.")
                return
            self.open_database(path)

    def choose_import(self) -> None:
        self.importer.choose_files()

    def choose_import_folder(self) -> None:
        self.importer.choose_folder()

    def import_paths(self, paths: list[str]) -> bool:
        """Read articles into the open database in the background (`Importer.import_paths`)."""
        return self.importer.import_paths(paths)

    def choose_export(self) -> None:
        """File ▸ Export view: the view as a page (title, date range, every lane, legend) in PNG, SVG or
        PDF."""
        from viewer.ui import publish
        stem = Path(self.store.path).stem if self.store else "timeline"
        filters = ";;".join(publish.IMAGE_FORMATS.values())
        path, chosen = QFileDialog.getSaveFileName(self, "Export view", f"{stem}.png", filters)
        if not path:
            self.focus_timeline()
            return
        if Path(path).suffix.lower() not in publish.IMAGE_FORMATS:
            path += next((ext for ext, f in publish.IMAGE_FORMATS.items() if f == chosen), ".png")
        title, ok = QInputDialog.getText(self, "Export view", "Title of the page:",
                                         text=publish.default_title(self))
        if ok:
            self.export_view(path, title=title or None)
        self.focus_timeline()

    def export_view(self, path: str, title: str | None = None) -> bool:
        """Write the view as a page to ``path`` (PNG, SVG or PDF by its extension)."""
        from viewer.ui import publish
        try:
            publish.export_view(self, path, title)
        except Exception as exc:  # noqa: BLE001 - disk full, permissions ...
            self.warn("Export view", f"Could not save {path}: {exc}")
            return False
        self.statusBar().showMessage(f"Saved {path}", 8000)
        return True

    def choose_print(self) -> None:
        """File ▸ Print: the page of the view, through the print dialog."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Print the view")
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_view(printer)
        self.focus_timeline()

    def print_view(self, printer, title: str | None = None) -> bool:
        from viewer.ui import publish
        try:
            publish.print_view(self, printer, title)
        except Exception as exc:  # noqa: BLE001
            self.warn("Print", f"Could not print: {exc}")
            return False
        self.statusBar().showMessage("Sent to the printer", 5000)
        return True

    def choose_export_data(self) -> None:
        """File ▸ Export data: the events the filters show as CSV, JSON or TimelineJS."""
        from viewer.ui import publish
        stem = Path(self.store.path).stem if self.store else "events"
        filters = [label for label, _ in publish.DATA_FORMATS.values()]
        path, chosen = QFileDialog.getSaveFileName(self, "Export data", f"{stem}.csv", ";;".join(filters))
        if not path:
            self.focus_timeline()
            return
        kind = next((k for k, (label, _) in publish.DATA_FORMATS.items() if label == chosen), None)
        if kind is None:
            kind = "json" if path.lower().endswith(".json") else "csv"
        ext = publish.DATA_FORMATS[kind][1]
        if not path.lower().endswith(ext):
            path += ext
        self.export_data(path, kind)
        self.focus_timeline()

    def export_data(self, path: str, kind: str) -> int | None:
        """Write what the filters show to ``path`` as ``kind`` (csv, json, timelinejs); how many events."""
        from viewer.ui import publish
        try:
            count = publish.export_data(self, path, kind)
        except Exception as exc:  # noqa: BLE001
            self.warn("Export data", f"Could not save {path}: {exc}")
            return None
        self.statusBar().showMessage(f"{count:,} events written to {path}", 8000)
        return count

    # ================================================================================= saved views
    def saved_view_names(self) -> list[str]:
        """The names of the views saved in the open database (View ▸ Saved views)."""
        if self.store is None:
            return []
        try:
            return [v.name for v in saved_views.views(self.store)]
        except StoreError as exc:
            self.statusBar().showMessage(str(exc), 10000)
            return []

    def _views_writable(self, title: str = "Save view") -> bool:
        """Views can be saved in (and deleted from) the open database; else says why."""
        if self.store is None:
            return False
        if self.editing.busy:
            self.statusBar().showMessage(f"{self.editing.busy}: the view was not saved; try again when it is done",
                                         8000)
            return False
        if self.readonly or not saved_views.can_save(self.store):
            self.warn(title, "This database is open read-only: views cannot be saved in it or deleted "
                             "from it. Open a copy you may write to.")
            return False
        return True

    def choose_save_view(self) -> bool:
        """View ▸ Saved views ▸ Save current view as…: asks the name (one in use asks to replace it)."""
        if not self._views_writable():
            return False
        name, ok = QInputDialog.getText(self, "Save view", "Name of the view:")
        saved = bool(ok and name.strip()) and self.save_view(name)
        self.focus_timeline()
        return saved

    def save_view(self, name: str, *, ask: bool = True) -> bool:
        """Save the filters, the visible range and the selected event as `name` in the open database. A
        view of that name is replaced once the person agrees (`ask`), or at once (not `ask`)."""
        if not self._views_writable():
            return False
        try:
            existing = saved_views.view(self.store, name)
            if existing is not None and ask:
                answer = QMessageBox.question(
                    self, "Save view", f"A view named “{existing.name}” is saved already. Replace it?",
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No)
                if answer != QMessageBox.StandardButton.Yes:
                    return False
            t0, t1 = self.timeline.visible_range()
            view = saved_views.save_view(self.store, name, self.view_state.view_filter(),
                                         (t0, t1) if t1 > t0 else None, self.view_state.selected,
                                         replace=existing is not None)
        except (StoreError, StoreInputError) as exc:
            self.warn("Save view", str(exc))
            return False
        self.statusBar().showMessage(f"Saved the view “{view.name}”", 8000)
        return True

    def open_view(self, name: str) -> bool:
        """Show a saved view: its filters, its visible range (what the filters show when it has none) and
        its selected event (when the database still has it)."""
        try:
            view = saved_views.view(self.store, name) if self.store is not None else None
        except StoreError as exc:
            self.warn("Saved views", str(exc))
            return False
        if view is None:
            self.statusBar().showMessage(f"No view named “{name}” in this database", 8000)
            return False
        self.view_state.set_filter(view.filter, force=True)
        self._fit_wanted = False             # the view's own range, not the article's span
        if view.visible_range is not None:
            self.timeline.set_visible_range(*view.visible_range)
            self.view_state.moved()          # kept while the filter's counts arrive
        else:
            self.fit_all()
        self.select_event(view.selected)
        self.statusBar().showMessage(f"Showing the saved view “{view.name}”", 8000)
        return True

    def delete_view(self, name: str, *, ask: bool = True) -> bool:
        """View ▸ Saved views ▸ Delete: once the person agrees (`ask`)."""
        if self.store is None:
            return False
        if ask and QMessageBox.question(
                self, "Delete view", f"Delete the saved view “{name}”? (The events are not touched.)",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return False
        if not self._views_writable("Delete view"):
            return False
        try:
            gone = saved_views.delete_view(self.store, name)
        except StoreError as exc:
            self.warn("Delete view", str(exc))
            return False
        if gone:
            self.statusBar().showMessage(f"Deleted the view “{name}”", 8000)
        return gone

    def set_theme(self, choice: str) -> None:
        """View ▸ Theme: System, Light or Dark (remembered)."""
        from viewer.ui import theme
        if self.remember:
            theme.save_choice(choice)
        theme.apply(choice)
        menus.check_theme(self, choice)

    def show_keys(self) -> None:
        self.keys_box = menus.keys_box(self)

    def activate_event(self, event_id: int):
        """Select an event and open the whole article it came from."""
        self.select_event(event_id)
        ev = self.store.event(event_id) if self.store is not None else None
        if ev is not None:
            return self.show_article(ev.article_id, ev.id, ev.sentence_start)
        return None

    def _on_table_activated(self, index: QModelIndex) -> None:
        event_id = self.model.event_id(index.row())
        if event_id is not None:
            self.activate_event(event_id)

    def only_article(self, article_id: str) -> None:
        """Show only the events of one article (the article filter)."""
        i = self.filters.article.findData(article_id)
        if i >= 0:
            self.filters.article.setCurrentIndex(i)

    def show_about(self) -> None:
        menus.about_box(self)

    def warn(self, title: str, text: str) -> None:
        """A warning box, its text also in the status bar."""
        if QApplication.overrideCursor() is not None:   # no wait cursor over the message
            QApplication.changeOverrideCursor(Qt.CursorShape.ArrowCursor)
        self.statusBar().showMessage(text, 15000)
        QMessageBox.warning(self, title, text)

    # ============================================================================== drag and drop
    def dragEnterEvent(self, event):  # noqa: N802
        self.importer.drag_enter(event)

    def dragLeaveEvent(self, event):  # noqa: N802
        self.importer.drop_hint.hide()
        super().dragLeaveEvent(event)

    def dropEvent(self, event):  # noqa: N802
        self.importer.drop(event)

    # ================================================================================= remembering
    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if self.memory.geometry_restored and not event.spontaneous():
            fit_to_screen(self)         # a remembered size, now that its frame is known: within the screen
        if not self._splits_set:
            self._splits_set = True
            self.fit_splitters()

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        old = event.oldSize()
        if old.isValid() and old.width() > 0 and event.size().width() < old.width():
            self.keep_timeline_share()      # narrower: the side panels give way (a layout set by hand stays)

    def changeEvent(self, event):  # noqa: N802
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.ApplicationFontChange):
            self.fit_table_to_font()
            self.filter_scroll.fit()

    def keep_timeline_share(self) -> None:
        """The timeline keeps at least half the window's width: the side panels shrink (to their least
        widths) when the window gets narrower, and in the layout the window starts with (splitters the
        person set and the window remembered are kept as they were)."""
        sizes = self.main_split.sizes()
        total = sum(sizes)
        if len(sizes) != 3 or total <= 0:
            return
        want = int(math.ceil(total * CENTRE_SHARE))
        if sizes[1] >= want:
            return
        left, right = sizes[0], sizes[2]
        spare = total - want
        if left + right > spare:
            lo_l, lo_r = self.side_minimums()
            over = left + right - spare
            room_l, room_r = max(0, left - lo_l), max(0, right - lo_r)
            if room_l + room_r > 0:
                take_l = min(room_l, int(round(over * room_l / (room_l + room_r))))
                take_r = min(room_r, over - take_l)
                left, right = left - take_l, right - take_r
        self.main_split.setSizes([left, total - left - right, right])

    def side_minimums(self) -> tuple[int, int]:
        """The least widths of the filter panel and the excerpt: their usual least, or more when the font
        needs it (the filter panel's boxes stay whole)."""
        return (max(SIDE_MIN[0], self.filter_scroll.minimumSizeHint().width()),
                max(SIDE_MIN[1], self.excerpt.minimumSizeHint().width()))

    def fit_table_to_font(self) -> None:
        """The table's rows and columns grow with the font, so that dates, precisions and country codes
        stay readable at large font sizes (`models.ColumnFitter` leaves columns out when it is narrow)."""
        table = self.table
        table.verticalHeader().setDefaultSectionSize(max(24, table.fontMetrics().height() + 8))
        self.table_columns.fit()

    def fit_splitters(self) -> None:
        """Side panels in proportion to the window: the timeline keeps at least half of it."""
        width = max(self.main_split.width(), 400)
        left = min(max(int(width * 0.2), 220), 280)
        right = min(max(int(width * 0.26), 250), 400)
        self.main_split.setSizes([left, width - left - right, right])
        self.keep_timeline_share()
        height = max(self.centralWidget().height(), 300)
        self.centre_split.setSizes([int(height * 0.58), height - int(height * 0.58)])

    def restore_view_state(self) -> None:
        """Filters and visible range of the last session, if it was on this database."""
        self.memory.restore_view()

    def save_state(self) -> None:
        self.memory.save()

    def closeEvent(self, event):  # noqa: N802
        """Closing the window during an import asks (stop the import and close, or keep importing);
        quitting the application stops the import without asking. Either way the import's thread has
        ended before the window goes (what was read is kept)."""
        if not self.importer.may_close():
            event.ignore()
            return
        self.runner.stop()
        if self.remember:
            self.save_state()
        super().closeEvent(event)


def active_window() -> MainWindow | None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow):
            return w
    return None
