"""The main window as the window tests open it: shown at a set size, on an empty new database or any other,
and what its table lists."""
from __future__ import annotations

import os
import shutil

from viewer.store import Store
from viewer.ui.models import EVENT_ID_ROLE


def shown_window(qtbot, *, remember: bool = False, size: tuple[int, int] | None = (1200, 760)):
    """A MainWindow, shown and exposed (no database opened yet); `remember`: read and write settings."""
    from viewer.ui.app import make_app
    from viewer.ui.main_window import MainWindow

    make_app()
    w = MainWindow(remember=remember)
    qtbot.addWidget(w)
    if size is not None:
        w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    return w


def empty_window(qtbot, path):
    """A shown MainWindow (no remembered settings) with a new database at `path`, holding no events."""
    w = shown_window(qtbot, size=None)
    assert w.open_database(str(path))
    assert w.model.rowCount() == 0
    return w


def ingested(tmp_path, text: str, published: str) -> tuple:
    """A database of one article (`text`, published on `published`) in `tmp_path`, and its events."""
    from viewer.ingest import ingest_paths
    f = tmp_path / "news.txt"
    f.write_text(text, encoding="utf-8")
    db = tmp_path / "t.db"
    ingest_paths([str(f)], str(db), jobs=1, published=published)
    store = Store.open(db)
    try:
        return db, list(store.events())
    finally:
        store.close()


def event_ids(path) -> dict[str, int]:
    """The events of the database at `path`: time words -> event id."""
    s = Store.open(path)
    try:
        return {e.time_text: e.id for e in s.events()}
    finally:
        s.close()


def table_ids(w) -> set[int]:
    """The ids of the events the window's table lists."""
    m = w.model
    return {m.data(m.index(r, 0), EVENT_ID_ROLE) for r in range(m.rowCount())}


def open_readonly(w, tmp_path, known_db, monkeypatch):
    """Open a read-only copy of `known_db` in the window (as root, whom a mode does not stop, the refusal
    is played): the window says read-only."""
    from viewer.store import StoreError
    from viewer.ui import opening

    ro = tmp_path / "ro.db"
    shutil.copy(known_db, ro)
    ro.chmod(0o444)
    if hasattr(os, "geteuid") and os.geteuid() == 0:   # root writes anyway: play the refusal
        real, access = opening.open_store, os.access

        def refuse_writes(path, *, readonly=False):
            if not readonly and str(path) == str(ro):
                raise StoreError(f"{path}: attempt to write a readonly database", "readonly")
            return real(path, readonly=readonly)
        monkeypatch.setattr(opening, "open_store", refuse_writes)
        monkeypatch.setattr(opening.os, "access", lambda p, mode: str(p) != str(ro) and access(p, mode))
    assert w.open_database(str(ro))
    assert w.readonly
    return ro
