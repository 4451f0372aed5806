"""Faults: a corrupt file, a file that is not SQLite, a read-only database, a database locked by another
program, a full disk, a cancelled batch. Each gives a StoreError whose message names the file and the
reason (the window shows it, the command line prints it and exits 1), and nothing already stored is lost.
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading

import pytest

from viewer.model import Article, Event, TimeExpression, ViewFilter
from viewer.store import Store, StoreError, create_at_version


def _word(n: int) -> str:
    letters = ""
    n += 26 * 27
    while n:
        n, r = divmod(n, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[r]
    return letters


def _article(n: int, events: int = 3) -> tuple[Article, list[Event], list[str]]:
    """An article whose sentences share no words with any other's: its events are never merged."""
    sentences = [" ".join(_word(n * 1009 + k * 7 + w) for w in range(5)).capitalize() + "."
                 for k in range(events)]
    art = Article(" ".join(sentences), title=f"Article {n}", published="2024-11-18")
    out, pos = [], 0
    for k, sent in enumerate(sentences):
        day = f"2024-10-{1 + (n + k) % 28:02d}"
        time = TimeExpression(pos, pos + 8, sent[:8], "DATE", day, day, day, "day", "test")
        out.append(Event(art.id, pos, pos + len(sent), sent, time, f"Delegate {n} speaks", ["FR"]))
        pos += len(sent) + 1
    return art, out, ["FR"]


def _fill(path, articles=range(5)):
    store = Store.open(path)
    store.add_articles([_article(n) for n in articles])
    store.close()


def _content(path):
    """What a person cares about: every article and every event, read with plain sqlite3."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        arts = sorted(conn.execute("SELECT id, title, text FROM articles"))
        evs = sorted(conn.execute("SELECT article_id, sentence, earliest FROM events"))
        return arts, evs
    finally:
        conn.close()


# -- files that are not (usable) databases -------------------------------------------------------

@pytest.mark.parametrize("content", [b"hello, not a database\n", b"\x89PNG\r\n\x1a\n" + bytes(3000),
                                     os.urandom(8192), b"SQLite format 2\x00" + bytes(100)])
def test_file_that_is_not_sqlite_is_refused_untouched(tmp_path, content):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    for readonly in (False, True):
        with pytest.raises(StoreError, match="not a SQLite database") as info:
            Store.open(path, readonly=readonly)
        assert info.value.kind == "not-sqlite"
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]    # no -wal, -shm, -journal


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(StoreError, match="folder"):
        Store.open(tmp_path)


def test_missing_database_for_reading_is_reported(tmp_path):
    with pytest.raises(StoreError, match="no such database") as info:
        Store.open(tmp_path / "absent.db", readonly=True)
    assert info.value.kind == "missing"
    assert not (tmp_path / "absent.db").exists()


def _corrupt(path):
    """Overwrite the pages after the first with garbage: the header still says SQLite and ours."""
    _fill(path, range(40))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    assert len(data) > 4 * page
    for start in range(page, len(data), 3 * page):
        data[start:start + page] = os.urandom(page)
    path.write_bytes(bytes(data))
    return bytes(data)


def test_corrupt_database_is_refused_on_open_untouched(tmp_path):
    path = tmp_path / "bad.db"
    before = _corrupt(path)
    for readonly in (False, True):
        with pytest.raises(StoreError, match="damaged") as info:
            Store.open(path, readonly=readonly)
        assert info.value.kind == "corrupt"
    assert path.read_bytes() == before


def test_corrupt_database_too_big_to_check_fails_on_first_query_with_a_message(tmp_path):
    path = tmp_path / "bad.db"
    _corrupt(path)
    try:
        store = Store.open(path, readonly=True, check=False)
    except StoreError as exc:               # damage in the schema pages is found at once
        assert exc.kind == "corrupt"
        return
    with pytest.raises(StoreError, match="damaged"):
        list(store.events())
        store.count_events(ViewFilter(search="delegate"))
        list(store.articles())
    store.close()


# -- read-only -------------------------------------------------------------------------------------

def test_database_opened_read_only_refuses_writes_and_keeps_data(tmp_path):
    path = tmp_path / "t.db"
    _fill(path)
    before = _content(path)
    store = Store.open(path, readonly=True)
    assert store.count_events() == 15
    with pytest.raises(StoreError, match="read-only") as info:
        store.add_articles([_article(99)])
    assert info.value.kind == "readonly"
    store.close()
    assert _content(path) == before


CHILD = textwrap.dedent("""
    import json, sys
    from viewer.store import Store, StoreError
    path = sys.argv[1]
    out = {}
    try:
        Store.open(path).close()
        out["rw"] = "opened"
    except StoreError as exc:
        out["rw"] = [exc.kind, str(exc)]
    s = Store.open(path, readonly=True)
    out["events"] = s.count_events()
    s.close()
    print(json.dumps(out))
""")


def _as_unprivileged(args):
    """Run args so that file permissions apply. We often run as root, where chmod does not stop a write:
    then drop the capabilities that let root ignore permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH)
    with util-linux setpriv, keeping uid 0 so the interpreter and the repository stay readable."""
    if os.geteuid() != 0:
        return args
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot make a file read-only for this process")
    return ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--", *args]


@pytest.mark.parametrize("folder_writable", [True, False])
def test_read_only_file_is_refused_for_writing_and_still_readable(tmp_path, folder_writable):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "t.db"
    _fill(path)
    before = _content(path)
    for p in folder.iterdir():
        p.chmod(0o444)
    if not folder_writable:
        folder.chmod(0o555)
    try:
        proc = subprocess.run(_as_unprivileged([sys.executable, "-c", CHILD, str(path)]),
                              capture_output=True, text=True, timeout=60,
                              cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    finally:
        folder.chmod(0o755)
        for p in folder.iterdir():
            p.chmod(0o644)
    assert proc.returncode == 0, proc.stderr
    import json
    out = json.loads(proc.stdout)
    assert out["rw"][0] == "readonly" and "read-only" in out["rw"][1] and str(path) in out["rw"][1]
    assert out["events"] == 15                           # browsing still works
    assert _content(path) == before


# -- locked by another program ---------------------------------------------------------------------

def test_locked_database_gives_a_clear_error_not_a_hang_then_works(tmp_path):
    path = tmp_path / "t.db"
    _fill(path)
    before = _content(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        store = Store.open(path, timeout=0.2)           # WAL: reading goes on beside a writer
        assert store.count_events() == 15
        with pytest.raises(StoreError, match="locked by another program") as info:
            store.add_articles([_article(99)])
        assert info.value.kind == "locked"
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _content(path) == before
    assert store.add_articles([_article(99)]) == 3      # once the other program is done
    store.close()


def test_locked_rollback_journal_database_is_reported_on_open(tmp_path):
    """A database in rollback-journal mode (as an older version or another tool left it), held
    exclusively by another program, cannot even be read: open says so instead of hanging."""
    path = tmp_path / "t.db"
    create_at_version(path, 1)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO articles (id, text) VALUES ('x', 'y')")
    try:
        with pytest.raises(StoreError, match="locked by another program") as info:
            Store.open(path, timeout=0.2)
        assert info.value.kind == "locked"
    finally:
        other.execute("ROLLBACK")
        other.close()
    Store.open(path).close()


# -- full disk -------------------------------------------------------------------------------------

def test_full_disk_refuses_the_batch_and_keeps_what_was_stored(tmp_path):
    """A full disk is simulated with PRAGMA max_page_count: SQLite reports SQLITE_FULL exactly as when
    the file system has no room left."""
    path = tmp_path / "t.db"
    _fill(path)
    before = _content(path)
    store = Store.open(path)
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 2}")
    big = [_article(1000 + n, events=40) for n in range(50)]
    with pytest.raises(StoreError, match="disk full") as info:
        store.add_articles(big)
    assert info.value.kind == "full"
    assert store.count_events() == 15                     # still readable, nothing half-written
    store.db.execute("PRAGMA max_page_count = 1073741823")
    assert store.add_articles(big) == 2000                # room again: the same batch goes in whole
    store.close()
    assert set(before[1]) <= set(_content(path)[1])
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


# -- cancelling ------------------------------------------------------------------------------------

class Cancelled(Exception):
    pass


def test_cancelled_batch_leaves_nothing_of_itself(tmp_path):
    path = tmp_path / "t.db"
    _fill(path)
    before = _content(path)
    store = Store.open(path)

    def batch():
        yield _article(100)
        yield _article(101)
        raise Cancelled()

    with pytest.raises(Cancelled):
        store.add_articles(batch())
    assert _content(path) == before
    assert store.add_articles([_article(100)]) == 3       # the connection is fine afterwards
    store.close()


def test_interrupt_from_another_thread_rolls_the_batch_back(tmp_path):
    path = tmp_path / "t.db"
    _fill(path)
    before = _content(path)
    store = Store.open(path)
    started = threading.Event()

    def batch():
        for n in range(200, 100_000):
            if n == 210:
                started.set()
            yield _article(n)

    def cancel():
        started.wait(30)
        store.interrupt()

    t = threading.Thread(target=cancel)
    t.start()
    with pytest.raises(StoreError, match="cancelled") as info:
        store.add_articles(batch())
    t.join()
    assert info.value.kind == "interrupted"
    assert _content(path) == before
    store.close()


def test_browsing_beside_an_ingest_sees_only_whole_articles(tmp_path):
    """Ingest runs in a thread with its own connection while another reads: every read sees whole
    articles (3 events each), and stopping between batches leaves a consistent database."""
    path = tmp_path / "t.db"
    Store.open(path).close()
    stop = threading.Event()
    errors = []

    def ingest():
        writer = Store.open(path)
        try:
            n = 0
            while not stop.is_set() and n < 3000:
                writer.add_articles([_article(n + k) for k in range(5)])
                n += 5
        except Exception as exc:        # pragma: no cover - reported below
            errors.append(exc)
        finally:
            writer.close()

    t = threading.Thread(target=ingest)
    t.start()
    reader = Store.open(path, readonly=True)
    for _ in range(60):
        ids = [a["id"] for a in reader.articles()]
        for article_id in ids[-5:]:      # articles never change once stored: each one is whole
            assert reader.count_events(ViewFilter(article_id=article_id)) == 3
    stop.set()
    t.join()
    reader.close()
    assert not errors
    final = Store.open(path)
    assert final.count_events() == 3 * len(list(final.articles()))
    assert final.integrity_check() == ["ok"]
    final.close()


def test_a_value_too_big_for_sqlite_refuses_the_batch_with_a_message(tmp_path):
    """SQLite's limit on one value (SQLITE_MAX_LENGTH, 1e9 bytes by default; lowered here so the test
    does not need a gigabyte) gives a clear refusal; the readers' size limit normally stops such input
    long before."""
    path = tmp_path / "t.db"
    _fill(path)
    store = Store.open(path)
    store.db.conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 10_000)
    huge = Article("word " * 5000)
    with pytest.raises(StoreError, match="too big to store") as info:
        store.add_articles([_article(50), (huge, [], [])])
    assert info.value.kind == "input"
    assert store.count_events() == 15
    store.close()
