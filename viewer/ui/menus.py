"""The window's menus and actions: File / View / Edit / Help with their shortcuts, the recent-databases menu,
the table's context menu and the two Help boxes (keys, about).

`build_menus(window)` makes the actions, connects each to the window's public slot and returns them;
the window keeps the ones it enables or tests reach. The actions are also added to the window itself,
so their shortcuts work with the menu bar hidden."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QFrame, QLabel, QMenu, QMessageBox, QScrollArea, QVBoxLayout,
)

from viewer.ui import legend
from viewer.ui.excerpt import safe_url
from viewer.ui.window_state import recent_databases

KEYS = [
    ("Wheel", "zoom the timeline around the pointer"), ("Drag", "pan the timeline"),
    ("Click", "select an event and read its excerpt"),
    ("Double-click, Shift+Enter", "read the whole article"),
    ("Enter", "confirm the selected event (reviewed)"), ("Delete", "the selected event is not an event"),
    ("S", "star / unstar the selected event"), ("E", "edit the selected event (date, countries, title …)"),
    ("M", "merge another event into the selected one"),
    ("Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y", "undo / redo an edit"),
    ("Double-click on empty space", "zoom in there"),
    ("← →", "previous / next event in time"),
    ("+ −", "zoom in / out (around the selected event)"), ("Tab", "next pane"),
    ("Page Up, Page Down", "pan the timeline"),
    ("Home, End", "first / last event"), ("F", "fit all events"),
    ("Ctrl+F", "search"), ("Enter, F3 / Shift+F3", "next / previous search result"),
    ("Esc", "clear the selection"), ("Ctrl+O", "open a database"),
    ("Ctrl+I", "import articles (or drop files on the window)"), ("Ctrl+E", "export the view (PNG, SVG, PDF)"),
    ("Ctrl+P", "print the view"), ("Ctrl+Shift+E", "export the events shown (CSV, JSON, TimelineJS)"),
    ("Ctrl+R", "reset filters"), ("Ctrl+Shift+S", "save the current view under a name (View ▸ Saved views)"),
    ("Ctrl+Q", "quit"),
]


@dataclass
class WindowActions:
    """The actions `build_menus` made, by what they do."""
    open: QAction
    new: QAction
    import_files: QAction
    import_folder: QAction
    export: QAction
    quit: QAction
    print_view: QAction
    export_data: QAction
    themes: dict
    recent_menu: QMenu
    fit: QAction
    find: QAction
    find_next: QAction
    find_previous: QAction
    reset_filters: QAction
    clear_selection: QAction
    saved_views: QMenu
    save_view: QAction


def action(window, text, slot, shortcut=None, tip=None) -> QAction:
    """An action of the window: its text, what it calls, its shortcut and status tip."""
    a = QAction(text, window)
    if shortcut is not None:
        a.setShortcut(QKeySequence(shortcut))
    if tip:
        a.setStatusTip(tip)
        a.setToolTip(tip)
    a.triggered.connect(lambda *_: slot())
    window.addAction(a)   # shortcuts work even with the menu bar hidden
    return a


def build_menus(window) -> WindowActions:
    """The File, View, Edit and Help menus of ``window`` (and the legend's entry); its ``in_view_action``
    goes at the end of View, its ``editing``'s Undo and Redo head Edit."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    open_ = action(window, "&Open database…", window.choose_database, "Ctrl+O")
    new = action(window, "&New database…", window.choose_new_database)
    import_files = action(window, "&Import articles…", window.choose_import, "Ctrl+I",
                          tip="Read text, HTML, feed or dump files into this database")
    import_folder = action(window, "Import &folder…", window.choose_import_folder, "Ctrl+Shift+I")
    export = action(window, "&Export view…", window.choose_export, "Ctrl+E",
                    tip="Save the view as a page (title, dates, every lane, legend): PNG, SVG or PDF")
    print_view = action(window, "&Print…", window.choose_print, QKeySequence.StandardKey.Print,
                        tip="Print the view as a page")
    export_data = action(window, "Export &data…", window.choose_export_data, "Ctrl+Shift+E",
                         tip="Save the events the filters show as CSV, JSON or TimelineJS")
    quit_ = action(window, "&Quit", window.close, "Ctrl+Q")
    quit_.setMenuRole(QAction.MenuRole.QuitRole)
    recent_menu = QMenu("Open &recent", window)
    recent_menu.aboutToShow.connect(lambda: fill_recent(recent_menu, window))
    for a in (open_, recent_menu, new, None, import_files, import_folder, None, export, print_view, export_data,
              None, quit_):
        if a is None:
            file_menu.addSeparator()
        elif isinstance(a, QMenu):
            file_menu.addMenu(a)
        else:
            file_menu.addAction(a)

    view_menu = bar.addMenu("&View")
    fit = action(window, "&Fit all", window.fit_all, "F", tip="Zoom out to show every event")
    find = action(window, "&Find…", window.focus_search, "Ctrl+F")
    find_next = action(window, "Find &next", lambda: window.search_step(1), "F3",
                       tip="Show and select the next search result")
    find_previous = action(window, "Find &previous", lambda: window.search_step(-1), "Shift+F3",
                           tip="Show and select the previous search result")
    reset_filters = action(window, "&Reset filters", window.filters.reset, "Ctrl+R")
    for a in (fit, find, find_next, find_previous, reset_filters):
        view_menu.addAction(a)
    saved_views = view_menu.addMenu("Saved &views")
    saved_views.setObjectName("savedViewsMenu")
    save_view = action(window, "&Save current view as…", window.choose_save_view, "Ctrl+Shift+S",
                       tip="Keep the filters, the visible dates and the selected event under a name, in "
                           "this database")
    save_view.setObjectName("saveViewAs")
    saved_views.aboutToShow.connect(lambda: fill_saved_views(saved_views, window, save_view))
    fill_saved_views(saved_views, window, save_view)
    view_menu.addSeparator()
    view_menu.addAction(window.in_view_action)
    view_menu.addSeparator()
    theme_menu = view_menu.addMenu("&Theme")
    group = QActionGroup(window)
    themes = {}
    for choice, text in (("system", "&System"), ("light", "&Light"), ("dark", "&Dark")):
        a = QAction(text, window)
        a.setCheckable(True)
        a.setObjectName(f"theme_{choice}")
        a.setStatusTip(f"{text.replace('&', '')} colours" if choice != "system" else "Follow the system's colours")
        a.triggered.connect(lambda _=False, c=choice: window.set_theme(c))
        group.addAction(a)
        theme_menu.addAction(a)
        themes[choice] = a

    clear_selection = action(window, "Clear selection", lambda: window.select_event(None), "Esc")
    # after View for now: tests/ui/test_window_navigation.py finds View as the menu bar's second menu
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addAction(window.editing.undo_action)
    edit_menu.addAction(window.editing.redo_action)
    edit_menu.addSeparator()
    add_event_actions(edit_menu, window, None)
    edit_menu.aboutToShow.connect(lambda: _enable_event_actions(edit_menu, window))

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(action(window, "&Keyboard and mouse", window.show_keys, "F1"))
    help_menu.addAction(action(window, "&About Conflict Timeline", window.show_about))
    legend.install(window)
    acts = WindowActions(open_, new, import_files, import_folder, export, quit_, print_view, export_data, themes,
                         recent_menu, fit, find, find_next, find_previous, reset_filters, clear_selection,
                         saved_views, save_view)
    from viewer.ui import theme
    themes[theme.saved_choice() if window.remember else "system"].setChecked(True)
    return acts


def check_theme(window, choice: str) -> None:
    """Tick ``choice`` in View ▸ Theme."""
    action_ = window.theme_actions.get(choice)
    if action_ is not None:
        action_.setChecked(True)


def fill_recent(menu: QMenu, window) -> None:
    """The recent databases other than the open one, each opening in ``window``."""
    menu.clear()
    store = window.store
    current = str(Path(store.path).resolve()) if store and store.path != ":memory:" else None
    paths = [p for p in recent_databases() if p != current]
    for p in paths:
        a = menu.addAction(Path(p).name)
        a.setToolTip(p)
        a.setStatusTip(p)
        a.triggered.connect(lambda _=False, p=p: window.open_database(p))
    if not paths:
        a = menu.addAction("No other databases yet")
        a.setEnabled(False)


def fill_saved_views(menu: QMenu, window, save_view: QAction) -> None:
    """View ▸ Saved views: Save current view as…, the views saved in the open database (each reopens
    itself), and Delete ▸ each of them."""
    menu.clear()
    menu.addAction(save_view)
    menu.addSeparator()
    names = window.saved_view_names()
    for name in names:
        a = menu.addAction(name.replace("&", "&&"))
        a.setData(name)
        a.setObjectName("savedView")
        a.setStatusTip(f"Show the saved view “{name}”: its filters, dates and selected event")
        a.triggered.connect(lambda _=False, name=name: window.open_view(name))
    if not names:
        a = menu.addAction("No saved views in this database")
        a.setEnabled(False)
    delete = menu.addMenu("&Delete")
    delete.setObjectName("deleteViewMenu")
    delete.setEnabled(bool(names))
    for name in names:
        a = delete.addAction(name.replace("&", "&&"))
        a.setData(name)
        a.triggered.connect(lambda _=False, name=name: window.delete_view(name))


def add_event_actions(menu: QMenu, window, event_id: int | None) -> None:
    """Edit event…, Confirm, Not an event, Star, Merge with… on ``event_id`` (the selected event when None).
    The keys are shown, not bound: they work where the timeline or the table has the keyboard
    (viewer.ui.review)."""
    for text, name in (("&Edit event…\tE", "edit_event"), ("&Confirm\tEnter", "confirm_event"),
                       ("&Not an event\tDelete", "reject_event"), ("&Star / unstar\tS", "toggle_star"),
                       ("&Merge with…\tM", "merge_with")):
        a = menu.addAction(text)
        a.setData("event")
        a.setObjectName(f"{name}Action")
        a.triggered.connect(lambda _=False, name=name: _on_event(window, name, event_id))


def _on_event(window, name: str, event_id: int | None) -> None:
    event_id = event_id if event_id is not None else window.view_state.selected
    if event_id is not None:
        getattr(window, name)(event_id)


def _enable_event_actions(menu: QMenu, window) -> None:
    has = window.store is not None and window.view_state.selected is not None
    for a in menu.actions():
        if a.data() == "event":
            a.setEnabled(has)


def _keep(window, menu: QMenu) -> None:
    """The menu last shown stays reachable (tests trigger its actions); the one before goes."""
    old = getattr(window, "last_event_menu", None)
    if old is not None and old is not menu:
        old.deleteLater()
    window.last_event_menu = menu


def event_menu(window, event_id: int, pos) -> QMenu:
    """The timeline's context menu over an event (``pos``: global), its edits first."""
    menu = QMenu(window)
    menu.setObjectName("eventMenu")
    add_event_actions(menu, window, event_id)
    menu.addSeparator()
    menu.addAction("Read the whole article", lambda: window.activate_event(event_id))
    menu.popup(pos)
    _keep(window, menu)
    return menu


def table_menu(window, pos) -> None:
    """The table's context menu at ``pos`` (viewport coordinates) over the event under it."""
    table, model, store = window.table, window.model, window.store
    index = table.indexAt(pos)
    ev = model.event_at(index.row()) if index.isValid() else None
    if ev is None:
        return
    menu = QMenu(window)
    menu.setObjectName("tableMenu")
    add_event_actions(menu, window, ev.id)
    menu.addSeparator()
    menu.addAction("Read the whole article", lambda: window.activate_event(ev.id))
    menu.addAction("Copy sentence", lambda: QApplication.clipboard().setText(ev.sentence))
    menu.addAction("Only this article", lambda: window.only_article(ev.article_id))
    try:
        art = store.article(ev.article_id) if store else None
    except Exception:  # noqa: BLE001
        art = None
    url = safe_url((art or {}).get("url"))
    if url:
        menu.addAction("Open the source in a browser", lambda: QDesktopServices.openUrl(QUrl(url)))
    menu.popup(table.viewport().mapToGlobal(pos))
    _keep(window, menu)


def keys_box(window) -> QDialog:
    """Help ▸ Keyboard and mouse: a non-modal table of keys, one line each (a message box wrapped every
    description into a box taller than a laptop's screen, its Close button below the screen's edge); as
    tall as the screen lets it, scrolling beyond. Closing it gives the timeline the keyboard."""
    body = "".join(f"<tr><td style='padding:2px 18px 2px 0; white-space:nowrap'><b>{k}</b></td>"
                   f"<td style='padding:2px 0; white-space:nowrap'>{v}</td></tr>" for k, v in KEYS)
    box = QDialog(window)
    box.setObjectName("keysBox")
    box.setWindowTitle("Keyboard and mouse")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    table = QLabel(f"<table>{body}</table>")
    table.setObjectName("keysTable")
    table.setTextFormat(Qt.TextFormat.RichText)
    table.setContentsMargins(4, 4, 4, 4)
    scroll = QScrollArea(box)
    scroll.setWidget(table)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    table.setAutoFillBackground(False)      # setWidget turned it on: the dialog's colour shows through
    scroll.viewport().setAutoFillBackground(False)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, box)
    buttons.rejected.connect(box.reject)
    lay = QVBoxLayout(box)
    lay.addWidget(scroll, 1)
    lay.addWidget(buttons)
    box.finished.connect(lambda _result: window.focus_timeline())
    screen = (window.screen() or QApplication.primaryScreen()).availableGeometry()
    want = table.sizeHint()
    margins = lay.contentsMargins()
    chrome_w = margins.left() + margins.right() + scroll.verticalScrollBar().sizeHint().width() + 8
    chrome_h = margins.top() + margins.bottom() + lay.spacing() + buttons.sizeHint().height() + 24
    box.resize(min(want.width() + chrome_w, int(screen.width() * 0.9)),
               min(want.height() + chrome_h, int(screen.height() * 0.85)))
    box.show()
    return box


def about_box(window) -> None:
    """Help ▸ About."""
    QMessageBox.about(
        window, "About Conflict Timeline",
        "<b>Conflict Timeline</b><p>Read news articles about a conflict, date every event, "
        "and browse them on an interactive timeline. Every date says how it was worked out.</p>")
    window.focus_timeline()
