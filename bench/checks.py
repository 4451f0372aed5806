"""How long the date warnings take on a big database: the migration to schema version 8 (the column and
tables added), working out every event's warnings (`viewer.checks.refresh`), a second refresh with nothing to
check, and the filter on them in SQL and numpy.

    python -m viewer synth --events 1000000 --db /tmp/1m.db
    python bench/checks.py --db /tmp/1m.db

The database is copied first (into a temporary folder beside it, removed after) and the copy made a version-7
file: what version 8 added taken away. Prints JSON, seconds (``refresh_cpu_s``: the process's CPU time, which
a shared machine disturbs less than the wall time); the filter's in milliseconds. Never asserts a time.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from viewer import checks  # noqa: E402
from viewer.model import ViewFilter  # noqa: E402
from viewer.store import Store, eventset  # noqa: E402
from viewer.store import checks as stored  # noqa: E402


def as_version_7(path: Path) -> None:
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "checks_state" in tables:
        conn.execute(f"DROP INDEX IF EXISTS {stored.WARNED_INDEX}")
        conn.execute("ALTER TABLE events DROP COLUMN checks")
        conn.execute("DROP TABLE checks_state")
        conn.execute("DROP TABLE checks_pending")
        conn.execute("PRAGMA user_version = 7")
        conn.commit()
    conn.close()


def run(db: str) -> dict:
    source = Path(db)
    with tempfile.TemporaryDirectory(dir=source.parent) as folder:
        path = Path(folder) / source.name
        shutil.copyfile(source, path)
        as_version_7(path)
        t = time.perf_counter()
        store = Store.open(path, check=False)
        migrate = time.perf_counter() - t
        try:
            events = store.count_events()
            t, cpu = time.perf_counter(), time.process_time()
            warned = checks.refresh(store)
            refresh, refresh_cpu = time.perf_counter() - t, time.process_time() - cpu
            t = time.perf_counter()
            checks.refresh(store)
            again = time.perf_counter() - t
            t = time.perf_counter()
            sql = store.count_events(ViewFilter(checks=True))
            sql_ms = (time.perf_counter() - t) * 1000
            arrays = eventset.load_event_arrays(store)
            t = time.perf_counter()
            kept = int(arrays.mask(ViewFilter(checks=True)).sum())
            numpy_ms = (time.perf_counter() - t) * 1000
        finally:
            store.close()
    assert kept == sql == warned
    return {"events": events, "warned": warned, "migrate_s": round(migrate, 3), "refresh_s": round(refresh, 3),
            "refresh_cpu_s": round(refresh_cpu, 3),
            "refresh_again_s": round(again, 4), "filter_sql_ms": round(sql_ms, 2),
            "filter_numpy_ms": round(numpy_ms, 2)}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--db", required=True, help="a database to copy (python -m viewer synth makes one)")
    print(json.dumps(run(p.parse_args().db)))


if __name__ == "__main__":
    main()
