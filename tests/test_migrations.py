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


def _v1_add(path, article_id, text, events):
    """What version 1's add_articles wrote (its SQL, verbatim in spirit)."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO articles (id, url, title, source, text, published, published_source,"
                     " language, added) VALUES (?,?,?,?,?,?,?,?,?)",
                     [article_id, "https://example.org/" + article_id, "Title " + article_id, "file.txt",
                      text, "2024-11-20", "given", "en", "2024-11-21T00:00:00+00:00"])
        for sentence, when, day, codes in events:
            s0 = text.index(sentence)
            t0 = text.index(when)
            from viewer.store import interval_seconds
            a, b = interval_seconds(day, day, "day")
            cur = conn.execute(
                "INSERT INTO events (article_id, sentence_start, sentence_end, sentence, time_start,"
                " time_end, time_text, type, value, earliest, latest, t0, t1, granularity, mod, reasoning,"
                " anchor, title, countries, mentions) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [article_id, s0, s0 + len(sentence), sentence, t0, t0 + len(when), when, "DATE", day, day,
                 day, a, b, "day", None, "weekday before the publication date", "2024-11-20",
                 sentence[:20], ",".join(codes), "[]"])
            conn.executemany("INSERT INTO event_countries (event_id, code, t0, t1) VALUES (?,?,?,?)",
                             [(cur.lastrowid, c, a, b) for c in codes])
    conn.close()


def test_step_2_gives_every_event_its_own_report_and_keeps_the_data(tmp_path):
    from viewer.model import Article, Event, TimeExpression, ViewFilter
    path = tmp_path / "v1.db"
    create_at_version(path, 1)
    text = ("Russia launched a massive missile attack on Kyiv on Monday. "
            "Talks between France and Germany resumed on Tuesday.")
    _v1_add(path, "a1", text, [
        ("Russia launched a massive missile attack on Kyiv on Monday.", "Monday", "2024-11-18", ["RU", "UA"]),
        ("Talks between France and Germany resumed on Tuesday.", "Tuesday", "2024-11-19", ["FR", "DE"])])
    conn = sqlite3.connect(path)
    before = sorted(conn.execute("SELECT * FROM events"))
    conn.close()

    store = Store.open(path)                         # migrates
    assert store.schema_version() == SCHEMA_VERSION
    rows = list(store.events())
    assert [r.reports for r in rows] == [1, 1]
    conn = sqlite3.connect(path)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(events)")]
    assert columns[len(before[0]):] == ["reports", "dating", "checks"]       # added by steps 2, 5 and 8
    assert sorted(r[:len(before[0])] for r in conn.execute("SELECT * FROM events")) == before
    assert {r[0] for r in conn.execute("SELECT dating FROM events")} == {"written"}
    conn.close()
    for row in rows:
        (own,) = store.excerpts(row.id)
        assert (own["article_id"], own["sentence"], own["time_text"], own["earliest"], own["reasoning"]) == (
            "a1", row.sentence, row.time_text, row.earliest, "weekday before the publication date")
        assert own["countries"] == row.countries and own["title"] == "Title a1"
    # full-text search still finds old events, and new ones (the triggers survived)
    assert store.count_events(ViewFilter(search="missile")) == 1
    other = "On November 18 Russia launched a massive missile attack against Kyiv, officials said."
    art = Article(other, published="2024-11-20")
    s = other.index("November 18")
    time = TimeExpression(s, s + 11, "November 18", "DATE", "2024-11-18", "2024-11-18", "2024-11-18", "day", "x")
    assert store.add_articles([(art, [Event(art.id, 0, len(other), other, time, "Attack", ["UA", "RU"])],
                                ["UA", "RU"])]) == 0       # a second report of a migrated event
    assert store.count_events() == 2 and store.count_events(ViewFilter(search="officials")) == 1
    assert sorted(r.reports for r in store.events()) == [1, 2]
    assert store.count_events(ViewFilter(search="talks")) == 1
    assert store.integrity_check() == ["ok"]
    store.close()


def test_version_1_database_can_be_read_without_migrating(tmp_path):
    """Reading (the command line's `events`, `articles`) works on an older file opened read-only;
    it is not changed."""
    path = tmp_path / "v1.db"
    create_at_version(path, 1)
    _v1_add(path, "a1", "Kyiv was shelled on Monday.", [("Kyiv was shelled on Monday.", "Monday",
                                                          "2024-11-18", ["UA"])])
    before = path.read_bytes()
    store = Store.open(path, readonly=True)
    (row,) = store.events()
    assert row.reports == 1
    (own,) = store.excerpts(row.id)
    assert own["sentence"] == "Kyiv was shelled on Monday." and own["url"] == "https://example.org/a1"
    store.close()
    assert path.read_bytes() == before


def test_step_3_makes_every_report_searchable(tmp_path):
    """A version-2 file with an event reported twice: after step 3, the second report's words find it."""
    from viewer.model import ViewFilter
    path = tmp_path / "v2.db"
    create_at_version(path, 2)
    _v1_add(path, "a1", "Russia launched a massive missile attack on Kyiv on Monday.",
            [("Russia launched a massive missile attack on Kyiv on Monday.", "Monday", "2024-11-18",
              ["RU", "UA"])])
    conn = sqlite3.connect(path)        # what version 2 wrote: the own excerpt and a merged one
    with conn:
        conn.execute("INSERT INTO articles (id, text) VALUES ('b2', 'Officials confirmed the strike on Monday.')")
        conn.execute("INSERT INTO excerpts (event_id, article_id, sentence, time_text) "
                     "SELECT id, article_id, sentence, time_text FROM events")
        conn.execute("INSERT INTO excerpts (event_id, article_id, sentence, time_text) "
                     "VALUES (1, 'b2', 'Officials confirmed the strike on Monday.', 'Monday')")
        conn.execute("UPDATE events SET reports = 2")
    conn.close()
    store = Store.open(path)
    assert store.schema_version() == SCHEMA_VERSION
    assert store.count_events(ViewFilter(search="confirmed strike")) == 1
    assert store.count_events(ViewFilter(search="missile")) == 1
    assert [r["article_id"] for r in store.excerpts(1)] == ["a1", "b2"]
    triggers = {t.name for t in store.db["excerpts"].triggers}
    assert {"excerpts_ai", "excerpts_ad", "excerpts_au"} <= triggers
    assert store.integrity_check() == ["ok"]
    store.close()


def test_migration_that_runs_out_of_disk_leaves_the_old_version(tmp_path):
    """Upgrading copies data; when the disk fills up half-way (here: RLIMIT_FSIZE in a child process),
    open fails with a message and the file stays, whole, at its old version."""
    import resource
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "v1.db"
    create_at_version(path, 1)
    text = " ".join(f"On Monday envoy {n} met the minister number {n} in Kyiv." for n in range(400))
    _v1_add(path, "a1", text, [(f"On Monday envoy {n} met the minister number {n} in Kyiv.",
                                "Monday", "2024-11-18", ["UA"]) for n in range(0, 400, 2)])
    conn = sqlite3.connect(path)
    before = sorted(conn.execute("SELECT * FROM events"))
    conn.close()
    limit = path.stat().st_size + 4096

    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    code = ("import sys\nfrom viewer.store import Store, StoreError\n"
            "try:\n    Store.open(sys.argv[1])\nexcept StoreError as e:\n    print(e.kind, e)\n")
    proc = subprocess.run([sys.executable, "-c", code, str(path)], preexec_fn=small_disk,
                          capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parent.parent)
    assert proc.returncode == 0, proc.stderr
    assert "could not write to the disk" in proc.stdout or "disk full" in proc.stdout, proc.stdout
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert sorted(conn.execute("SELECT * FROM events")) == before
    conn.close()
    store = Store.open(path)                 # room again: the upgrade goes through
    assert store.schema_version() == SCHEMA_VERSION and store.count_events() == 200
    store.close()


def test_step_4_indexes_events_by_precision_and_time(tmp_path):
    """Version 4 only adds an index (used to find reports of the same happening dated by month, season
    or year); a version-3 file keeps its data and merging works across the upgrade."""
    from viewer.model import Article, Event, TimeExpression
    path = tmp_path / "v3.db"
    create_at_version(path, 3)
    store = Store.open(path)
    assert store.schema_version() == SCHEMA_VERSION
    index = {i.name: i.columns for i in store.db["events"].indexes}
    assert index["idx_events_granularity_t0_t1_countries"] == ["granularity", "t0", "t1", "countries"]

    def report(text, when):
        art = Article(text, published="2024-12-01")
        s = text.index(when)
        t = TimeExpression(s, s + len(when), when, "DATE", "2024-09", "2024-09-01", "2024-09-30", "month", "r")
        return art, [Event(art.id, 0, len(text), text, t, text[:20], ["RU", "UA"])], ["RU", "UA"]

    store.add_articles([report("In September Russian troops captured the village of Novohrodivka.",
                               "In September")])
    store.add_articles([report("Russian troops captured the village of Novohrodivka last September.",
                               "last September")])
    (row,) = store.events()
    assert row.reports == 2
    store.close()


def test_step_5_dates_every_existing_event_and_report_by_its_written_expression(tmp_path):
    path = tmp_path / "v4.db"
    create_at_version(path, 4)
    store = Store.open(path)                         # migrates 4 -> current
    assert store.schema_version() == SCHEMA_VERSION
    conn = sqlite3.connect(path)
    for table in ("events", "excerpts"):
        dating = [r for r in conn.execute(f"PRAGMA table_info({table})") if r[1] == "dating"]
        assert dating and dating[0][3] == 1 and dating[0][4] == "'written'"     # NOT NULL DEFAULT
    conn.close()


def test_step_6_adds_the_analysts_tables_empty(tmp_path):
    path = tmp_path / "v5.db"
    create_at_version(path, 5)
    store = Store.open(path)
    assert store.schema_version() == SCHEMA_VERSION
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"edits", "annotations"} <= tables
    assert conn.execute("SELECT count(*) FROM edits").fetchone() == (0,)
    conn.close()


def test_step_7_adds_the_saved_views_table_and_keeps_the_analysts_work(tmp_path):
    """A version-6 file with an annotation: after step 7 it has an empty saved_views table, its annotation
    is untouched, and views can be saved in it; the columns are those the store checks on open."""
    from viewer.model import ViewFilter
    from viewer.store import EXPECTED_COLUMNS, views
    path = tmp_path / "v6.db"
    create_at_version(path, 6)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO annotations (event_key, event_id, review, starred, note, tags, updated)"
                     " VALUES ('a1/0123456789abcdef', 1, 'confirmed', 1, 'seen', '[\"shelling\"]', 'x')")
    assert {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}.isdisjoint(
        {"saved_views"})
    before = conn.execute("SELECT * FROM annotations").fetchall()
    conn.close()
    store = Store.open(path)
    assert store.schema_version() == SCHEMA_VERSION
    assert views.views(store) == []
    conn = sqlite3.connect(path)
    columns = {r[1] for r in conn.execute("PRAGMA table_info(saved_views)")}
    assert columns == EXPECTED_COLUMNS[7]["saved_views"]
    assert conn.execute("SELECT * FROM annotations").fetchall() == before
    conn.close()
    views.save_view(store, "Starred", ViewFilter(starred=True), (1.7e9, 1.71e9), 1)
    assert views.view(store, "starred").filter == ViewFilter(starred=True)
    assert store.integrity_check() == ["ok"]
    store.close()
    # a version-6 file opened read-only is read as it is: no views, and none can be saved in it
    old = tmp_path / "v6b.db"
    create_at_version(old, 6)
    ro = Store.open(old, readonly=True)
    try:
        assert views.views(ro) == [] and views.view(ro, "x") is None
        with pytest.raises(StoreError) as info:
            views.save_view(ro, "x", ViewFilter())
        assert info.value.kind == "readonly"
    finally:
        ro.close()
