"""Opening a database file for the window: any failure becomes a `StoreError` a person can read, and a
database the person may not write is opened read-only to browse (importing is then turned off).
No Qt: the window shows what this returns or raises."""
from __future__ import annotations

import os
from pathlib import Path

from viewer.store import Store, StoreError
from viewer.store import window as queries

NOT_BROWSABLE = ("not-sqlite", "foreign", "newer", "corrupt")   # read-only would not help


def open_store(path: str, *, readonly: bool = False) -> Store:
    """The store at ``path``, checked readable; StoreError (the store closed) otherwise."""
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


def open_for_window(path: str) -> tuple[Store, bool]:
    """The store at ``path`` and whether it was opened read-only (it could not be written); raises the
    first StoreError when it cannot be opened at all."""
    try:
        return open_store(path), False
    except StoreError as exc:
        may_browse = exc.kind == "readonly" or (Path(path).is_file() and not os.access(path, os.W_OK))
        if may_browse and exc.kind not in NOT_BROWSABLE:
            try:
                return open_store(path, readonly=True), True
            except StoreError:
                pass
        raise
