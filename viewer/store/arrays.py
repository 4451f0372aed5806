"""Numbers out of SQLite as numpy arrays, for the modules that load the timeline's and the event
table's arrays.

SQLite formats a column as one string (``group_concat``) and numpy parses it: a few big strings rather
than millions of Python row objects.
"""
from __future__ import annotations

import sqlite3

import numpy as np


def connection(source) -> sqlite3.Connection:
    """The connection of a Store, or the connection itself."""
    return source if isinstance(source, sqlite3.Connection) else source.db.conn


def int_array(text: str | None) -> np.ndarray:
    """A group_concat() of integers -> int64 array (empty for NULL: no rows)."""
    if not text:
        return np.zeros(0, dtype=np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")
