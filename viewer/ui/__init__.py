"""Everything Qt: the application, the main window, the timeline, the excerpt panel, filters and
the Qt models over store queries. Nothing outside this package imports Qt.

app.py           run_gui(db_path, argv) and screenshot(db_path, out, size, countries, date_range)
main_window.py   the window: filters | timeline over the event table | excerpt; places and wires them
menus.py         File / View / Help, shortcuts, recent databases, the table's context menu, Help boxes
window_state.py  what the window remembers: geometry, splitters, filters, view range, recent databases
importing.py     File ▸ Import, dropped files, the running import, closing while it runs
opening.py       opening a database file (read-only when it cannot be written), faults as StoreError
table_listing.py the table's sort and "Only what is in view"
search_steps.py  Enter / F3 / Shift+F3 through search results, "Result n of N"
filters.py       search, countries with counts (All / None), dates, precision, source article
excerpt.py       where an event came from: escaped text, highlights, context, how it was dated
article_view.py  the whole article, its event sentence marked
models.py        the event table: a sparse model that fetches the pages it draws
background.py    store queries on a background connection for big databases
ingest_dialog.py importing in a worker thread with a progress dialog that can stop it
formatting.py    dates, precisions, countries and sources written for people; month names from the
                 desktop's locale (QLocale)
settings.py      QSettings (INI) helpers
timeline*.py     the timeline view (lanes, zoom, 1M events)
"""
