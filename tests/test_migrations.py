"""Schema versions: every database records its version; an older one is brought up to date on open,
step by step, atomically; a newer one, or one that is not ours, is refused and left untouched."""
import sqlite3

import pytest

from viewer import store as store_module
from viewer.store import (APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, Store, StoreError,
                          create_at_version)


def _pragmas(path):
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("PRAGMA user_version").fetchone()[0],
                conn.execute("PRAGMA application_id").fetchone()[0])
    finally:
        conn.close()


def _schema(path):
    """Every table, index, trigger and virtual table, as SQLite records them."""
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
    finally:
        conn.close()


def test_every_version_has_a_step():
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION + 1))


def test_new_database_records_version_and_owner(tmp_path):
    path = tmp_path / "new.db"
    Store.open(path).close()
    assert _pragmas(path) == (SCHEMA_VERSION, APPLICATION_ID)


def test_step_1_creates_the_first_schema(tmp_path):
    path = tmp_path / "v1.db"
    create_at_version(path, 1)
    assert _pragmas(path) == (1, APPLICATION_ID)
    tables = {row[1] for row in _schema(path) if row[0] == "table"}
    assert {"articles", "article_countries", "events", "event_countries", "events_fts"} <= tables
    triggers = {row[1] for row in _schema(path) if row[0] == "trigger"}
    assert {"events_ai", "events_ad", "events_au"} <= triggers


def test_migrated_database_has_the_same_schema_as_a_new_one(tmp_path):
    for version in range(1, SCHEMA_VERSION):
        old = tmp_path / f"from{version}.db"
        create_at_version(old, version)
        Store.open(old).close()
        fresh = tmp_path / f"fresh{version}.db"
        Store.open(fresh).close()
        assert _schema(old) == _schema(fresh)
        assert _pragmas(old) == _pragmas(fresh)


def test_a_failing_step_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    """A crash (or an error) half-way through a migration must not leave half a schema behind."""
    path = tmp_path / "half.db"
    real = MIGRATIONS[SCHEMA_VERSION]

    def broken(db):
        real(db)
        raise RuntimeError("power cut")

    if SCHEMA_VERSION > 1:
        create_at_version(path, SCHEMA_VERSION - 1)
    before = _schema(path) if path.exists() else []
    monkeypatch.setitem(MIGRATIONS, SCHEMA_VERSION, broken)
    with pytest.raises(RuntimeError):
        Store.open(path)
    assert _schema(path) == before
    assert _pragmas(path)[0] == SCHEMA_VERSION - 1
    monkeypatch.setitem(MIGRATIONS, SCHEMA_VERSION, real)
    Store.open(path).close()                       # the next open completes the work
    assert _pragmas(path)[0] == SCHEMA_VERSION


def test_newer_database_is_refused_untouched_even_read_only(tmp_path):
    path = tmp_path / "newer.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = path.read_bytes()
    for readonly in (False, True):
        with pytest.raises(StoreError, match="newer version") as info:
            Store.open(path, readonly=readonly)
        assert info.value.kind == "newer"
    assert path.read_bytes() == before


def test_sqlite_database_of_another_program_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not one of Conflict Timeline's") as info:
        Store.open(path)
    assert info.value.kind == "foreign"
    assert path.read_bytes() == before


def test_empty_file_becomes_a_database(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    Store.open(path).close()
    assert _pragmas(path) == (SCHEMA_VERSION, APPLICATION_ID)


def test_create_at_version_refuses_nonsense(tmp_path):
    with pytest.raises(ValueError):
        create_at_version(tmp_path / "x.db", SCHEMA_VERSION + 1)
    assert store_module.SCHEMA_VERSION == SCHEMA_VERSION
