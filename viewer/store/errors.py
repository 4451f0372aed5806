"""What the store raises: a database that cannot be used, or input it cannot store or query."""
from __future__ import annotations


class StoreError(Exception):
    """A database that cannot be used: not ours, too new, corrupt, read-only, locked, disk full.

    ``kind`` says which, for callers that react differently (the window may offer to open a read-only
    database for browsing): "missing", "not-sqlite", "foreign", "newer", "corrupt", "readonly", "locked",
    "full", "io", "interrupted", "input" or "error". The message always names the file and the reason.
    """

    def __init__(self, message: str, kind: str = "error"):
        super().__init__(message)
        self.kind = kind


class StoreInputError(StoreError, ValueError):
    """Something handed to the store that it cannot store or query (a malformed date, a number too big
    for SQLite). Nothing was written."""

    def __init__(self, message: str):
        super().__init__(message, "input")
