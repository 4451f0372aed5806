"""The analyst's work beside the machine's output: corrections, review state, notes, tags and stars,
kept in their own tables so that they survive re-ingesting, migrating and re-tagging.

An edit names its event by a stable key (the article's content hash, the sentence and the time
expression), never by a row id alone, so that it can be found again after the events are rebuilt."""
from __future__ import annotations

import sqlite_utils


def add_curation_v6(db: sqlite_utils.Database) -> None:
    """Version 6: the analyst's edits, one row per change, with who made it, when, and the machine's
    value it replaced; and the current annotations of each event (review state, star, note, tags)."""
    db["edits"].create({
        "id": int, "event_key": str, "event_id": int, "field": str, "old": str, "new": str,
        "user": str, "at": str, "undone": int,
    }, pk="id", not_null={"event_key", "field", "at"}, defaults={"undone": 0})
    db["edits"].create_index(["event_key"])
    db["annotations"].create({
        "event_key": str, "review": str, "starred": int, "note": str, "tags": str, "updated": str,
    }, pk="event_key", defaults={"review": "unreviewed", "starred": 0})


# The tables and columns version 6 adds (checked on open, as the store's EXPECTED_COLUMNS).
EXPECTED_COLUMNS = {
    "edits": {"id", "event_key", "event_id", "field", "old", "new", "user", "at", "undone"},
    "annotations": {"event_key", "review", "starred", "note", "tags", "updated"},
}
