"""The application window: filters (left), timeline over the event table (centre), excerpt (right).

The widgets share one `ViewState` (filter, selection, sort, visible range, search results): each writes
what the person did to it and shows what it says. The window observes it to read the store (counts,
the table's rows, the excerpt) and keeps the status bar and the remembered view up to date. Which events
the table shows and in what order, once the per-event arrays are loaded, is `viewer.tablerows`'s work;
the reports an excerpt shows are `viewer.ui.reports`'s."""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QHBoxLayout, QLabel, QMainWindow, QMenu, QMessageBox, QSizePolicy, QSplitter,
    QCheckBox, QVBoxLayout, QWidget,
)

from viewer.model import ViewFilter
from viewer.store import Store, StoreError, eventset, fts_query
from viewer.store import window as queries
from viewer.ui import formatting as fmt
from viewer.ui import legend
from viewer.ui.background import QueryRunner
from viewer.ui.excerpt import ExcerptPanel, safe_url
from viewer.ui.filters import FilterPanel
from viewer.ui.models import EventTableModel, event_table, select_row
from viewer.ui.reports import find_report, other_reports
from viewer.ui.settings import get_bytes, get_json, get_str, open_settings, set_json
from viewer.ui.timeline import TimelineView
from viewer.tablerows import TableRows
from viewer.viewstate import ViewState

APP_TITLE = "Conflict Timeline"
THREADED_ABOVE = 50_000   # events: bigger databases count and look up rows on a background connection
DB_FILTERS = "Timeline databases (*.db *.sqlite *.sqlite3);;All files (*)"


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
        self._loading = False          # while opening: don't overwrite the remembered view
        self._import = None            # the running ImportController, if any
        self.threaded_above = THREADED_ABOVE
        self.runner = QueryRunner(self)
        self.runner.failed.connect(lambda error: self.statusBar().showMessage(error, 15000))
        self._codes: list[str] = []    # every country code in the database, most events first
        self._languages: list[str] = []    # every language code of its articles, most articles first
        self.rows = TableRows()        # the table's rows once filtered with the per-event arrays
        self._counted_filter = None    # the filter whose rows the table shows (None: being counted)
        self._pending_step = None      # a search step (+1/-1) asked for before its results were shown
        self._fit_wanted = False       # an article was chosen: fit the view to it once it is shown
        self._shown_article = None     # the article filter the view shows
        self._import_into_empty = False   # the running import started on an empty database

        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self.resize(1280, 800)

        # -- widgets -------------------------------------------------------------------------------
        self.filters = FilterPanel(self.view_state, self)
        self.filters.setMinimumWidth(210)
        self.filters.searchStep.connect(self.search_step)

        self.timeline = TimelineView(self, self.view_state)
        self.timeline.setObjectName("timeline")
        self.timeline.setMinimumHeight(180)
        self.timeline.eventActivated.connect(self.activate_event)
        self.timeline.loadingFinished.connect(self._timeline_loaded)
        self.timeline.eventsLoaded.connect(self._events_loaded)

        self.model = EventTableModel(self.view_state, self)
        self.model.failed.connect(lambda error: self.statusBar().showMessage(
            f"Some events could not be read: {error}", 20000))
        self.table = event_table(self.model, self)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_row)
        self.table.clicked.connect(lambda idx: self._on_table_row(idx, QModelIndex()))
        self.table.activated.connect(self._on_table_activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)

        self.excerpt = ExcerptPanel(self)
        self.excerpt.setMinimumWidth(240)
        self.excerpt.articleRequested.connect(self.show_article)
        self.excerpt.setTabChangesFocus(True)      # Tab leaves the excerpt (no stops on its links)
        self.table.setTabKeyNavigation(False)      # Tab leaves the table, not cell by cell

        self.in_view_action = QAction("Only what is in &view", self)
        self.in_view_action.setCheckable(True)
        self.in_view_action.setToolTip("List only the events in the timeline's visible range")
        self.in_view_action.setStatusTip(self.in_view_action.toolTip())
        self.in_view_action.toggled.connect(lambda _on: self._relist())
        self.in_view_button = QCheckBox("Only what is in view", self)    # the same choice, above the table
        self.in_view_button.setObjectName("inViewToggle")
        self.in_view_button.setToolTip(self.in_view_action.toolTip())
        self.in_view_button.toggled.connect(self.in_view_action.setChecked)
        self.in_view_action.toggled.connect(self.in_view_button.setChecked)
        self.listed_label = QLabel("", self)
        self.listed_label.setObjectName("listedLabel")
        self.listed_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.listed_label.setMinimumWidth(0)
        self._in_view_timer = QTimer(self)   # the table follows the visible range a moment after panning
        self._in_view_timer.setSingleShot(True)
        self._in_view_timer.setInterval(150)
        self._in_view_timer.timeout.connect(self._relist)

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
        self.main_split.addWidget(self.filters)
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
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.range_label)
        self.statusBar().addPermanentWidget(self.path_label)
        self.statusBar().setSizeGripEnabled(True)

        self._build_menus()

        self._drop_hint = QLabel(self)
        self._drop_hint.setObjectName("dropHint")
        self._drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._drop_hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._drop_hint.hide()

        self._save_timer = QTimer(self)   # remember the visible range a moment after panning stops
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(800)
        self._save_timer.timeout.connect(self._save_view)

        self.view_state.subscribe("filter", self.apply_filter)
        self.view_state.subscribe("selected", self._show_selected)
        self.view_state.subscribe("sort", lambda sort: self._sort_table(*sort))
        self.view_state.subscribe("visible_range", self._range_moved)

        self._set_tab_order()
        self._splits_set = False         # splitter sizes: remembered ones, or fitted at first show
        if remember:
            self._restore_geometry()

    def _set_tab_order(self) -> None:
        """Tab goes from pane to pane: search, countries, languages, timeline, table, excerpt, then the
        dates and sources boxes; the small All / None buttons are reached by mouse (and their lists' keys)."""
        f = self.filters
        for code_filter in (f.countries, f.languages):
            for b in (code_filter.all_button, code_filter.none_button):
                b.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.in_view_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        chain = [f.search, f.countries.tree, f.languages.tree, self.timeline, self.table, self.excerpt,
                 f.date_from, f.date_to, f.precision, f.article, f.reset_button]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    def focus_timeline(self) -> None:
        """Give the keyboard to the timeline (a dialog closed)."""
        if self.isVisible():
            self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)

    # ======================================================================================= menus
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.open_action = self._action("&Open database…", self.choose_database, "Ctrl+O")
        self.new_action = self._action("&New database…", self.choose_new_database)
        self.import_action = self._action("&Import articles…", self.choose_import, "Ctrl+I",
                                          tip="Read text, HTML, feed or dump files into this database")
        self.import_folder_action = self._action("Import &folder…", self.choose_import_folder,
                                                 "Ctrl+Shift+I")
        self.export_action = self._action("&Export view as image…", self.choose_export, "Ctrl+E",
                                          tip="Save the timeline as PNG or SVG")
        self.quit_action = self._action("&Quit", self.close, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.recent_menu = QMenu("Open &recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        for a in (self.open_action, self.recent_menu, self.new_action, None, self.import_action,
                  self.import_folder_action, None, self.export_action, None, self.quit_action):
            if a is None:
                file_menu.addSeparator()
            elif isinstance(a, QMenu):
                file_menu.addMenu(a)
            else:
                file_menu.addAction(a)

        view_menu = bar.addMenu("&View")
        self.fit_action = self._action("&Fit all", self.fit_all, "F",
                                       tip="Zoom out to show every event")
        self.find_action = self._action("&Find…", self.focus_search, "Ctrl+F")
        self.find_next_action = self._action("Find &next", lambda: self.search_step(1), "F3",
                                             tip="Show and select the next search result")
        self.find_previous_action = self._action("Find &previous", lambda: self.search_step(-1), "Shift+F3",
                                                 tip="Show and select the previous search result")
        self.reset_filters_action = self._action("&Reset filters", self.filters.reset, "Ctrl+R")
        for a in (self.fit_action, self.find_action, self.find_next_action, self.find_previous_action,
                  self.reset_filters_action):
            view_menu.addAction(a)
        view_menu.addSeparator()
        view_menu.addAction(self.in_view_action)

        self.clear_selection_action = self._action("Clear selection", lambda: self.select_event(None),
                                                   "Esc")
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&Keyboard and mouse", self.show_keys, "F1"))
        help_menu.addAction(self._action("&About Conflict Timeline", self.show_about))
        legend.install(self)

    def _action(self, text, slot, shortcut=None, tip=None) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        if tip:
            a.setStatusTip(tip)
            a.setToolTip(tip)
        a.triggered.connect(lambda *_: slot())
        self.addAction(a)   # shortcuts work even with the menu bar hidden
        return a

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
        readonly = False
        try:
            store = self._open_store(path)
        except StoreError as exc:
            store = None
            may_browse = exc.kind == "readonly" or (Path(path).is_file() and not os.access(path, os.W_OK))
            if may_browse and exc.kind not in ("not-sqlite", "foreign", "newer", "corrupt"):
                try:
                    store = self._open_store(path, readonly=True)
                    readonly = True
                except StoreError:
                    store = None
            if store is None:
                if not interactive:
                    raise
                self._warn("Cannot open database", str(exc))
                return False
        old = self.store
        self.store = store
        self.readonly = readonly
        if old is not None and old is not store:
            try:
                old.close()
            except Exception:  # closing a broken connection must not stop the new one
                pass
        self._loading = True
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
            self._loading = False
        name = Path(path).name
        self.setWindowTitle(f"{name}{' (read-only)' if readonly else ''} — {APP_TITLE}")
        self.setWindowFilePath(path)
        self.path_label.setText(path)
        self.path_label.setToolTip(path)
        self.import_action.setEnabled(not readonly)
        self.import_folder_action.setEnabled(not readonly)
        if readonly:
            self.statusBar().showMessage("Opened read-only: importing is turned off", 8000)
        if self.remember and path != ":memory:":
            s = open_settings()
            resolved = str(Path(path).resolve())
            s.setValue("database/last", resolved)
            recent = [p for p in (get_json(s, "database/recent", []) or []) if isinstance(p, str)]
            set_json(s, "database/recent", [resolved] + [p for p in recent if p != resolved][:7])
        self._show_range(*self.timeline.visible_range())
        if self.timeline.is_loading():
            self.statusBar().showMessage("Loading every event onto the timeline…")
        if self.isVisible() and not self.filters.search.text():
            self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)
        self.databaseChanged.emit(path)
        return True

    @staticmethod
    def _open_store(path: str, *, readonly: bool = False) -> Store:
        try:
            store = Store.open(path, readonly=readonly)
        except StoreError:
            raise
        except OSError as exc:   # a folder, a missing parent we cannot create ...
            raise StoreError(f"{path}: {exc.strerror or exc}") from exc
        except Exception as exc:  # any other sqlite3 failure reads the same to a person
            raise StoreError(f"{path}: cannot open database: {exc}") from exc
        try:
            queries.check_readable(store)
        except StoreError:
            store.close()
            raise
        return store

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
        if f.article_id is not None and f.article_id != self._shown_article and not self._loading:
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

                self.runner.submit("search", lambda store: eventset.search_ids(store, f.search), searched,
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
                self._read_order(key)
            rows = self.rows.rows(self.view_state.sort, self._within())
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
        if self._loading or self.view_state.moved_since_fit or self._total == 0:
            return
        if wanted or not self.timeline.shows_anything_in_view():
            self.fit_all()

    def _within(self) -> tuple[float, float] | None:
        """The time range the table lists ("Only what is in view"), None: every event the filter keeps."""
        return self.timeline.visible_range() if self.in_view_action.isChecked() else None

    def _range_moved(self, _rng) -> None:
        self._save_timer.start()
        if self.in_view_action.isChecked():
            self._in_view_timer.start()

    def _relist(self) -> None:
        """The table lists what the filter keeps, or only what of it is in view."""
        self._in_view_timer.stop()
        if self._within() is not None and not self.rows.ready and self.store is not None:
            self.statusBar().showMessage("The table can follow the view once every event is loaded", 5000)
        self._resort()
        if not self.rows.ready:
            self._update_listed(None)

    def _update_listed(self, listed: int | None) -> None:
        if listed is None or self._within() is None:
            self.listed_label.setText("")
        else:
            self.listed_label.setText(f"{listed:,} of {self._shown:,} in view")

    def _events_loaded(self) -> None:
        """The per-event arrays arrived: filter, count and sort with them from now on."""
        if self.store is not None and not self._loading:
            self.apply_filter(self.view_state.view_filter())

    def _sort_table(self, key: str, _descending: bool) -> None:
        """The state's sort changed (a header was clicked): the filtered ids in that order."""
        if not self.rows.ready:
            self.statusBar().showMessage("The table can be sorted once every event is loaded", 5000)
        elif self.rows.lacks_order(key):
            self._read_order(key)
        else:
            self._resort()

    def _read_order(self, key: str) -> None:
        """An alphabetical order is read once (in the background on a big database), then shown."""
        if self.runner.latest("order") and self.rows.reading(key):
            return                               # already being read
        self.rows.start_reading(key)
        self.statusBar().showMessage(f"Sorting by {key}…")

        def got(ids, events=self.rows.events):
            resort = self.rows.order_read(events, key, ids, self.view_state.sort)
            if self.statusBar().currentMessage().startswith("Sorting by"):
                self.statusBar().clearMessage()
            if resort:
                self._resort()

        def failed(error):
            self.rows.reading_failed()
            self.statusBar().showMessage(f"Could not sort by {key}: {error}", 10000)

        self.runner.submit("order", lambda store: eventset.sorted_ids(store, key), got, on_error=failed)

    def _resort(self) -> None:
        if not self.rows.ready:
            return
        selected = self.view_state.selected
        within = self._within()
        ids = self.rows.ordered_ids(self.view_state.sort, within)
        dated = int(self.rows.mask.sum()) - self.rows.events.undated(self.rows.mask)
        self.model.set_ids(self.rows.filter, ids, len(ids) if within is not None else dated)
        self._update_listed(len(ids))
        if selected is not None:
            row = self.model.row_of(selected)
            if row is not None:
                self._select_row(row)

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
            self.filters.set_language_counts(languages, self._languages)
        within = self._within() if ids is not None else None
        if ids is not None:
            self.model.set_ids(f, ids, len(ids) if within is not None else shown - undated)
        else:
            self.model.set_filter(f, shown, shown - undated)
        self._update_count_label()
        self._update_listed(len(ids) if ids is not None else None)
        selected = self.view_state.selected         # keep the selection if it survived the filter
        if selected is not None and within is not None and self.rows.ready and self.rows.filter is f:
            if not self.rows.keeps(selected):       # filtered out (not only out of view)
                self.view_state.selected = None
            else:
                row = self.model.cached_row_of(selected)
                if row is None:
                    self.table.clearSelection()
                else:
                    self._select_row(row)
        elif selected is not None:
            self._sync_table(selected, drop_if_hidden=True)
            if self.view_state.selected == selected and self.excerpt.search != f.search:
                self._show_selected(selected)       # the searched words highlighted anew
        self._counted_filter = f
        self.filterApplied.emit(f)
        if self.remember:
            self._save_filters()
        step, self._pending_step = self._pending_step, None
        if step is not None and f.search:
            self._step_result(*step)

    def _sync_table(self, event_id: int, *, drop_if_hidden: bool = False) -> None:
        """Select the event's row (found in the background on big databases)."""
        row = self.model.cached_row_of(event_id)
        if row is not None:
            self._select_row(row)
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
                self._select_row(row)

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

    def view_filter(self) -> ViewFilter:
        return self._filter

    def focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def fit_all(self) -> None:
        self.timeline.fit_all()

    # ============================================================================ search results
    def search_step(self, direction: int, fresh: bool = False) -> None:
        """Show and select the next (+1) or previous (-1) search result (Enter, F3, Shift+F3), in the
        table's order, wrapping around; searches first when the words in the box are not searched yet
        (a new search starts at its first result: ``fresh``)."""
        typed = self.filters.search.text().strip() or None
        if typed is None:
            self.statusBar().showMessage("Type words to search for first (Ctrl+F)", 5000)
            return
        if self.filters.search_timer.isActive() or typed != self.view_state.search:
            self._pending_step = (direction, True)
            self.filters.apply_now()         # (its rows may be counted at once: _counted steps)
            return
        if self._counted_filter is not None and self._counted_filter is self._filter:
            self._pending_step = None
            if self._filter.search:
                self._step_result(direction, fresh)
        else:                                # the results are on their way: _counted steps
            self._pending_step = (direction, fresh)

    def _step_result(self, direction: int, fresh: bool = False) -> None:
        n = self.model.rowCount()
        if n == 0:
            self.statusBar().showMessage("No results to step through", 5000)
            return
        selected = self.view_state.selected
        row = self.model.cached_row_of(selected) if selected is not None and not fresh else None
        wrapped = False
        if row is None:
            row = 0 if direction > 0 else n - 1
        else:
            row += direction
            if not 0 <= row < n:
                row, wrapped = row % n, True
        event_id = self.model.event_id(row)
        if event_id is None:
            return
        self.select_event(event_id)
        self.statusBar().showMessage(
            f"Result {row + 1:,} of {n:,}" + (" (wrapped around)" if wrapped else ""), 5000)

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
            self._warn("Read the article", str(exc))
            return None
        if article is None or report is None:
            return None
        dialog = ArticleDialog(article, report, others, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.focus_timeline())
        dialog.show()
        return dialog

    def _select_row(self, row: int) -> None:
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
        recent = get_json(open_settings(), "database/recent", []) or []
        return [p for p in recent if isinstance(p, str) and Path(p).is_file()]

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        current = str(Path(self.store.path).resolve()) if self.store and self.store.path != ":memory:" else None
        paths = [p for p in self.recent_databases() if p != current]
        for p in paths:
            a = self.recent_menu.addAction(Path(p).name)
            a.setToolTip(p)
            a.setStatusTip(p)
            a.triggered.connect(lambda _=False, p=p: self.open_database(p))
        if not paths:
            a = self.recent_menu.addAction("No other databases yet")
            a.setEnabled(False)

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
                self._warn("New database", f"{path} already exists; use Open to open it.")
                return
            self.open_database(path)

    def choose_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import articles", "",
            fmt.import_file_filter())
        if paths:
            self.import_paths(paths)

    def choose_import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Import a folder of articles")
        if path:
            self.import_paths([path])

    def import_paths(self, paths: list[str]) -> bool:
        """Read articles into the open database in the background (progress, cancel)."""
        if self.store is None or self.store.path == ":memory:":
            self._warn("Import articles", "Open or create a database file first.")
            return False
        if self.readonly:
            self._warn("Import articles", "This database is open read-only.")
            return False
        if self._import is not None and self._import.running():
            self._warn("Import articles", "An import is already running.")
            return False
        from viewer.ui.ingest_dialog import ImportController
        try:
            self._import = ImportController(self, [str(p) for p in paths], self.store.path)
        except ImportError as exc:
            self._warn("Import articles", f"Importing is not available in this build ({exc}).")
            return False
        self._import.finished.connect(self._import_finished)
        self._import_into_empty = self._total == 0
        if self._import_into_empty:
            self.view_state.fitted()      # nothing to keep in an empty view: follow the data unless moved
        self._import.start()
        self.import_action.setEnabled(False)
        self.import_folder_action.setEnabled(False)
        return True

    def _confirm_stop_import(self) -> bool:
        """Ask whether to stop the running import and close; True: stop and close."""
        box = QMessageBox(QMessageBox.Icon.Question, "Import in progress",
                          "Articles are still being imported. Stop the import and close the window? "
                          "What has been read so far is kept; importing the same files again reads the rest.",
                          QMessageBox.StandardButton.NoButton, self)
        stop = box.addButton("Stop import and close", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("Keep importing", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is stop

    def _import_finished(self, summary) -> None:
        self._import = None
        self.import_action.setEnabled(not self.readonly)
        self.import_folder_action.setEnabled(not self.readonly)
        # into a new or empty database: fit what arrived (unless the person moved the view meanwhile)
        self.refresh(fit=self._import_into_empty and not self.view_state.moved_since_fit)
        self._import_into_empty = False
        if summary is not None:
            self.statusBar().showMessage(
                f"Imported {summary.articles_added:,} articles, {summary.events_added:,} events"
                + (f"; {summary.articles_skipped:,} already there" if summary.articles_skipped else "")
                + (" (stopped)" if summary.stopped else ""), 15000)
        self.focus_timeline()     # the progress dialog closed (a report, if shown, gives it back too)
        self.importFinished.emit(summary)

    def choose_export(self) -> None:
        stem = Path(self.store.path).stem if self.store else "timeline"
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export view", f"{stem}.png", "PNG image (*.png);;SVG drawing (*.svg)")
        if not path:
            return
        if not path.lower().endswith((".png", ".svg")):
            path += ".svg" if "svg" in chosen.lower() else ".png"
        self.export_view(path)

    def export_view(self, path: str) -> bool:
        try:
            self.timeline.export_image(path)
        except Exception as exc:  # noqa: BLE001 - disk full, permissions ...
            self._warn("Export view", f"Could not save {path}: {exc}")
            return False
        self.statusBar().showMessage(f"Saved {path}", 8000)
        return True

    def show_keys(self) -> None:
        rows = [
            ("Wheel", "zoom the timeline around the pointer"), ("Drag", "pan the timeline"),
            ("Click", "select an event and read its excerpt"),
            ("Double-click, Enter", "read the whole article"),
            ("Double-click on empty space", "zoom in there"),
            ("← →", "previous / next event in time"),
            ("+ −", "zoom in / out (around the selected event)"), ("Tab", "next pane"),
            ("Page Up, Page Down", "pan the timeline"),
            ("Home, End", "first / last event"), ("F", "fit all events"),
            ("Ctrl+F", "search"), ("Enter, F3 / Shift+F3", "next / previous search result"),
            ("Esc", "clear the selection"), ("Ctrl+O", "open a database"),
            ("Ctrl+I", "import articles (or drop files on the window)"), ("Ctrl+E", "export the view"),
            ("Ctrl+R", "reset filters"), ("Ctrl+Q", "quit"),
        ]
        body = "".join(f"<tr><td style='padding:2px 14px 2px 0'><b>{k}</b></td><td>{v}</td></tr>"
                       for k, v in rows)
        box = QMessageBox(QMessageBox.Icon.NoIcon, "Keyboard and mouse",
                          f"<table>{body}</table>", QMessageBox.StandardButton.Close, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self.focus_timeline())
        self.keys_box = box
        box.open()

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

    def _table_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        ev = self.model.event_at(index.row()) if index.isValid() else None
        if ev is None:
            return
        menu = QMenu(self)
        menu.addAction("Read the whole article", lambda: self.activate_event(ev.id))
        menu.addAction("Copy sentence", lambda: QApplication.clipboard().setText(ev.sentence))
        menu.addAction("Only this article", lambda: self._only_article(ev.article_id))
        try:
            art = self.store.article(ev.article_id) if self.store else None
        except Exception:  # noqa: BLE001
            art = None
        url = safe_url((art or {}).get("url"))
        if url:
            menu.addAction("Open the source in a browser", lambda: QDesktopServices.openUrl(QUrl(url)))
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _only_article(self, article_id: str) -> None:
        i = self.filters.article.findData(article_id)
        if i >= 0:
            self.filters.article.setCurrentIndex(i)

    def show_about(self) -> None:
        QMessageBox.about(
            self, "About Conflict Timeline",
            "<b>Conflict Timeline</b><p>Read news articles about a conflict, date every event, "
            "and browse them on an interactive timeline. Every date says how it was worked out.</p>")
        self.focus_timeline()

    def _warn(self, title: str, text: str) -> None:
        if QApplication.overrideCursor() is not None:   # no wait cursor over the message
            QApplication.changeOverrideCursor(Qt.CursorShape.ArrowCursor)
        self.statusBar().showMessage(text, 15000)
        QMessageBox.warning(self, title, text)

    # ============================================================================== drag and drop
    def dragEnterEvent(self, event):  # noqa: N802
        paths = [u for u in event.mimeData().urls() if u.isLocalFile()] if event.mimeData().hasUrls() else []
        if paths and not self.readonly and self.store is not None:
            event.acceptProposedAction()
            n = len(paths)
            self._show_drop_hint(f"Drop to import {'this item' if n == 1 else f'these {n} items'}\n"
                                 f"into {Path(self.store.path).name}")
        else:
            event.ignore()

    def dragLeaveEvent(self, event):  # noqa: N802
        self._drop_hint.hide()
        super().dragLeaveEvent(event)

    def dropEvent(self, event):  # noqa: N802
        self._drop_hint.hide()
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def _show_drop_hint(self, text: str) -> None:
        self._drop_hint.setText(text)
        self._drop_hint.setGeometry(self.centralWidget().geometry().adjusted(24, 24, -24, -24))
        self._drop_hint.raise_()
        self._drop_hint.show()

    # ================================================================================= remembering
    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if not self._splits_set:
            self._splits_set = True
            self.fit_splitters()

    def fit_splitters(self) -> None:
        """Side panels in proportion to the window: the timeline keeps at least half of it."""
        width = max(self.width(), 600)
        left = min(max(int(width * 0.2), 220), 280)
        right = min(max(int(width * 0.26), 250), 400)
        self.main_split.setSizes([left, width - left - right, right])
        height = max(self.centralWidget().height(), 300)
        self.centre_split.setSizes([int(height * 0.58), height - int(height * 0.58)])

    def _restore_geometry(self) -> None:
        s = open_settings()
        geometry = get_bytes(s, "window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = get_bytes(s, "window/state")
        if state is not None:
            self.restoreState(state)
        for split, key in ((self.main_split, "window/mainSplit"), (self.centre_split, "window/centreSplit")):
            value = get_bytes(s, key)
            if value is not None:
                split.restoreState(value)
                self._splits_set = True
        header = get_bytes(s, "window/tableHeader")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)

    def restore_view_state(self) -> None:
        """Filters and visible range of the last session, if it was on this database."""
        if self.store is None:
            return
        s = open_settings()
        if get_str(s, "view/database") != str(Path(self.store.path).resolve()):
            return
        state = get_json(s, "view/filters")
        if isinstance(state, dict):
            self.filters.restore_state(state)
        rng = get_json(s, "view/range")
        if isinstance(rng, list) and len(rng) == 2 and all(isinstance(x, (int, float)) for x in rng) \
                and rng[1] > rng[0]:
            self.timeline.set_visible_range(float(rng[0]), float(rng[1]))
            self.view_state.moved()        # where the person left it: kept when the data changes

    def _save_filters(self) -> None:
        if self.store is None or self._loading:
            return
        s = open_settings()
        s.setValue("view/database", str(Path(self.store.path).resolve()))
        set_json(s, "view/filters", self.filters.state())

    def _save_view(self) -> None:
        if not self.remember or self.store is None or self._loading:
            return
        s = open_settings()
        s.setValue("view/database", str(Path(self.store.path).resolve()))
        set_json(s, "view/range", list(self.timeline.visible_range()))

    def save_state(self) -> None:
        s = open_settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/mainSplit", self.main_split.saveState())
        s.setValue("window/centreSplit", self.centre_split.saveState())
        s.setValue("window/tableHeader", self.table.horizontalHeader().saveState())
        if self.store is not None:
            self._save_filters()
            self._save_view()
        s.sync()

    def closeEvent(self, event):  # noqa: N802
        """Closing the window during an import asks (stop the import and close, or keep importing);
        quitting the application stops the import without asking. Either way the import's thread has
        ended before the window goes (what was read is kept)."""
        if self._import is not None and self._import.running():
            if not self._import.quitting and not self._confirm_stop_import():
                event.ignore()
                return
            running = self._import
        else:
            running = None
        if running is not None and running.running():     # (it may have ended while the question was up)
            if not running.stop_and_wait(10_000):      # ms; a stopped import ends within seconds
                # still finishing an article: close as soon as it has ended
                self.statusBar().showMessage("Stopping the import; closing when it has stopped…")
                running.worker.finished.connect(self.close, Qt.ConnectionType.QueuedConnection)
                event.ignore()
                return
        if running is not None:
            running.quiet = True
            running.finished.disconnect(self._import_finished)
            self._import = None
        self.runner.stop()
        if self.remember:
            self.save_state()
        super().closeEvent(event)


def last_database() -> str | None:
    """The database the person had open last time, if it still exists."""
    path = get_str(open_settings(), "database/last")
    return path if path and Path(path).is_file() else None


def active_window() -> MainWindow | None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow):
            return w
    return None
