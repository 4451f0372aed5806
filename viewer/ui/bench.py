"""The timeline's scale benchmark (``python -m viewer bench ui --events N --json``).

Synthesizes a database of N events (cached by N in the temp dir, built in a child process so its memory
does not count), then, offscreen at the given size, measures:

* ``first_paint_ms``: open the database -> first painted frame of the timeline (fit all; for a big
  database that frame shows per-lane densities from the (code, t0) index while the rest loads);
* ``full_load_ms``: open the database -> every event loaded and painted (marks, labels, clicks);
* ``pan_frame_ms`` / ``zoom_frame_ms``: medians over a scripted sequence of pans and zooms across zoom
  levels from decades to hours, each frame forced with a synchronous render (``QWidget.grab``);
* ``filter_ms``: toggle one country off/on -> repainted frame (median of the toggles);
* ``precision_ms``, ``date_ms``, ``article_ms``: set a precision limit / a date range / one article and
  take it off again -> timeline repainted, plus what the window computes with it (country counts, the
  number shown and the table's ids in order), medians; the view's cache of recent filters is emptied
  before each, so each builds its index as a first visit does;
* ``search_ms``: a full-text search (median over a few usual words) -> the matching ids from a
  connection of its own (as the window's background one), timeline repainted, counts and table ids;
  ``search_first_ms`` the first search after opening (it also reads the excerpt -> event map),
  ``search_query_ms`` the median of the full-text query alone;
* ``stacking``: whether marks and labels stacked in sub-rows (``--stacking off|on``, on by default);
* ``edit_ms``: in a main window on a copy of the database (made in the temp dir, deleted afterwards), an
  edit of one event's date through the window's editing path (`Editing.apply`: ``curation.edit``, then
  what the window shows patched) -> the timeline repainted with the event at its new place (forced with
  ``grab``), median over several dates moved by a few days in a view of two months around the event;
  ``edit_country_ms`` the same for a country added to an event and taken off again (median of the two);
  ``edit_cpu_ms`` / ``edit_country_cpu_ms`` the same medians in CPU time of the GUI thread;
  ``edit_refresh_ms`` one date edit shown the way it was before, by reading the whole database again
  (`MainWindow.refresh`) until the timeline has every event again (``python -m viewer.ui.bench
  --no-edits``: none of these);
* ``rss_mb``: the process's peak resident memory (``resource.getrusage``), before the edits' window;
* ``pan_frame_cpu_ms`` / ``zoom_frame_cpu_ms``: the same medians in CPU time of the GUI thread, which a
  busy machine inflates much less than wall time (``loadavg_1min`` says how busy it was);
* ``pan_step_ms`` / ``zoom_step_ms`` (and ``_cpu_ms``): the same pans and zooms timed from setting the new
  range to the painted frame: what the view does when the range changes (with stacking, measuring how tall
  each lane must be after a zoom) counts too.

With ``as_json`` it prints one JSON object; it never asserts times.
"""
from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SYNTH_VERSION = 4     # bump when viewer.synth changes what it writes (3: excerpts, store schema 4; 4: languages)


def cached_db(events: int) -> Path:
    folder = Path(tempfile.gettempdir()) / "conflict-timeline-bench"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"synth-{events}-v{SYNTH_VERSION}.db"
    if not path.exists():
        tmp = folder / f".synth-{events}-{os.getpid()}.db"
        env = dict(os.environ)
        if getattr(sys, "frozen", False):
            # the standalone program is the command line itself: no interpreter to give "-c" to
            command = [sys.executable, "synth", "--events", str(events), "--db", str(tmp)]
        else:
            code = ("import sys; from viewer.synth import synthesize; "
                    "synthesize(int(sys.argv[1]), sys.argv[2])")
            root = str(Path(__file__).resolve().parents[2])
            env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
            command = [sys.executable, "-c", code, str(events), str(tmp)]
        subprocess.run(command, check=True, env=env)
        tmp.replace(path)
    return path


def _ms(seconds: float) -> float:
    return round(seconds * 1000.0, 2)


def run(events: int, as_json: bool, size=(1200, 700), stacking: str | bool = "on", edits: bool = True) -> dict:
    """Measure (see the module's docstring); ``stacking``: "on" / "off" (or a bool), whether the timeline
    stacks overlapping marks and labels in sub-rows; ``edits``: measure the edits too."""
    stack = stacking if isinstance(stacking, bool) else str(stacking).lower() in ("on", "1", "true", "yes")
    db_path = cached_db(events)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])

    import numpy as np
    import pyqtgraph as pg

    from viewer.model import ViewFilter
    from viewer.store import Store
    from viewer.ui.timeline import DAY, HOUR, YEAR, TimelineView
    pg.setConfigOptions(mouseRateLimit=-1)

    # -- first paint --------------------------------------------------------------------------
    t_start = time.perf_counter()
    store = Store.open(str(db_path))
    view = TimelineView()
    view.stacking = stack
    view.resize(*size)
    view.show()
    view.set_store(store)
    view.grab()
    first_paint = time.perf_counter() - t_start
    # a big database finishes loading in a thread while the first frame shows densities
    while view.is_loading():
        app.processEvents()
        time.sleep(0.005)
    view.grab()
    full_load = time.perf_counter() - t_start
    app.processEvents()

    cpu_times: list[float] = []

    def frame() -> float:
        c = time.thread_time()
        t = time.perf_counter()
        view.grab()
        wall = time.perf_counter() - t
        cpu_times.append(time.thread_time() - c)
        return wall

    # -- pans and zooms across levels ---------------------------------------------------------
    full = view.visible_range()
    rng = np.random.default_rng(1)
    idx = view._index
    # centres where there are events (a random sample of event times), so deep zooms are not empty
    sample = idx.t0[rng.integers(0, len(idx.t0), 12)] if len(idx.t0) else np.array([(full[0] + full[1]) / 2])
    levels = [full[1] - full[0], 10 * YEAR, YEAR, 30 * DAY, 7 * DAY, DAY, 6 * HOUR]
    pan_times, zoom_times = [], []
    pan_cpu, zoom_cpu = [], []
    steps: dict[str, list[tuple[float, float]]] = {"pan": [], "zoom": []}

    def step(kind: str, a: float, b: float) -> float:
        """Set the range, then a frame (timed both ways); returns the frame's time alone."""
        c = time.thread_time()
        t = time.perf_counter()
        view.set_visible_range(a, b)
        wall = frame()
        steps[kind].append((time.perf_counter() - t, time.thread_time() - c))
        return wall

    per_level = {}
    for span in levels:
        times = []
        for c in sample[:4]:
            view.set_visible_range(c - span / 2, c + span / 2)
            frame()
            for k in range(6):
                a, b = view.visible_range()
                shift = (b - a) * 0.04 * (1 if k % 2 == 0 else -0.5)
                times.append(step("pan", a + shift, b + shift))
                pan_cpu.append(cpu_times[-1])
        pan_times += times
        per_level[_level_name(span)] = _ms(statistics.median(times))
    for c in sample[4:8]:
        view.fit_all()
        frame()
        a, b = view.visible_range()
        while b - a > 2 * HOUR:
            a = c - (c - a) * 0.7
            b = c + (b - c) * 0.7
            zoom_times.append(step("zoom", a, b))
            zoom_cpu.append(cpu_times[-1])
        for _ in range(6):
            a = c - (c - a) / 0.5
            b = c + (b - c) / 0.5
            zoom_times.append(step("zoom", a, b))
            zoom_cpu.append(cpu_times[-1])

    # -- filter toggle ------------------------------------------------------------------------
    view.fit_all()
    frame()
    lanes = view.lanes()
    everything = frozenset(c for c in lanes if c != "\u2014")
    filter_times = []
    for k in range(4):
        chosen = everything - {lanes[k % 2]}
        t = time.perf_counter()
        view.set_filter(ViewFilter(countries=chosen))
        view.grab()
        filter_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        view.set_filter(ViewFilter())
        view.grab()
        filter_times.append(time.perf_counter() - t)

    # -- the other filters, with what the window computes for its counts and table ------------------
    from viewer.store import eventset
    from viewer.store import timeline as tstore
    while view.event_arrays() is None:          # the per-event arrays load after the occurrences
        app.processEvents()
        time.sleep(0.005)
    arrays = view.event_arrays()

    def show(f, ids=None):
        view.set_filter(f, search_ids=ids)
        base = arrays.base_mask(f, ids, eventset.article_number(store, f.article_id))
        chosen = arrays.country_mask(f.countries)
        mask = base if chosen is None else base & chosen
        arrays.country_counts(base)
        arrays.ordered_ids(mask)
        int(mask.sum())
        view.grab()

    def toggles(f, rounds=4):
        """Set f, then take it off; the view's few cached indexes are dropped first, so every
        measured change builds its index as a first visit does."""
        out = []
        for _ in range(rounds):
            for g in (f, ViewFilter()):
                view._index_cache.clear()
                t = time.perf_counter()
                show(g)
                out.append(time.perf_counter() - t)
        return _ms(statistics.median(out))

    precision_ms = statistics.median([toggles(ViewFilter(max_granularity=g), 2) for g in ("day", "month")])
    lo, hi = view._span
    date_ms = toggles(ViewFilter(date_from=time.strftime("%Y-%m-%d", time.gmtime(lo + (hi - lo) * 0.4)),
                                 date_to=time.strftime("%Y-%m-%d", time.gmtime(lo + (hi - lo) * 0.6))))
    article = store.event(int(arrays.id[len(arrays.id) // 2])).article_id
    article_ms = toggles(ViewFilter(article_id=article))
    reader = tstore.open_reader(str(db_path))        # the window searches on a connection of its own
    search_times, query_times = [], []
    for word in ("attack", "officials", "talks", "power", "evacuated", "reservists"):
        t = time.perf_counter()
        ids = eventset.search_ids(reader, word)
        query_times.append(time.perf_counter() - t)
        view._index_cache.clear()
        show(ViewFilter(search=word), ids)
        search_times.append(time.perf_counter() - t)
        show(ViewFilter())
    reader.close()

    result = {
        "events": events,
        "size": list(size),
        "stacking": "on" if stack else "off",
        "db": str(db_path),
        "first_paint_ms": _ms(first_paint),
        "full_load_ms": _ms(full_load),
        "pan_frame_ms": _ms(statistics.median(pan_times)),
        "pan_frame_p95_ms": _ms(float(np.percentile(pan_times, 95))),
        "zoom_frame_ms": _ms(statistics.median(zoom_times)),
        "zoom_frame_p95_ms": _ms(float(np.percentile(zoom_times, 95))),
        "filter_ms": _ms(statistics.median(filter_times)),
        "precision_ms": precision_ms,
        "date_ms": date_ms,
        "article_ms": article_ms,
        "search_ms": _ms(statistics.median(search_times[1:])),
        "search_first_ms": _ms(search_times[0]),
        "search_query_ms": _ms(statistics.median(query_times[1:])),
        "pan_frame_cpu_ms": _ms(statistics.median(pan_cpu)),
        "zoom_frame_cpu_ms": _ms(statistics.median(zoom_cpu)),
        "pan_step_ms": _ms(statistics.median(w for w, _ in steps["pan"])),
        "zoom_step_ms": _ms(statistics.median(w for w, _ in steps["zoom"])),
        "pan_step_cpu_ms": _ms(statistics.median(c for _, c in steps["pan"])),
        "zoom_step_cpu_ms": _ms(statistics.median(c for _, c in steps["zoom"])),
        "loadavg_1min": round(os.getloadavg()[0], 2),
        "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1),
        "pan_frame_ms_by_span": per_level,
        "frames": len(pan_times) + len(zoom_times),
    }
    view.close()
    store.close()
    if edits:
        result.update(_edit_figures(db_path, app, stack))
    if as_json:
        print(json.dumps(result), flush=True)
    return result


def _edit_figures(db_path: Path, app, stack: bool, size=(1280, 800)) -> dict:
    """``edit_ms``, ``edit_country_ms``, ``edit_refresh_ms`` (see the module's docstring)."""
    import shutil

    import numpy as np

    from viewer.store import curation
    from viewer.ui.main_window import MainWindow
    from viewer.ui.timeline import DAY

    folder = Path(tempfile.mkdtemp(prefix="bench-edit-"))
    copy = folder / "edit.db"
    shutil.copyfile(db_path, copy)
    w = MainWindow(remember=False)
    try:
        w.resize(*size)
        w.show()
        w.timeline.stacking = stack

        def loaded():
            while w.timeline.is_loading() or w.view_state.events is None:
                app.processEvents()
                time.sleep(0.005)
            for _ in range(5):
                app.processEvents()

        w.open_database(str(copy))
        loaded()
        arrays = w.view_state.events
        store = w.store
        rng = np.random.default_rng(7)
        day_events = [int(i) for i in arrays.id[rng.integers(0, len(arrays.id), 400)]]
        picked = []
        for event_id in day_events:
            ev = store.event(event_id)
            if ev is not None and ev.granularity == "day" and ev.countries and ev.t0 is not None:
                picked.append(ev)
            if len(picked) == 7:
                break

        def moved(ev, days):
            d = time.strftime("%Y-%m-%d", time.gmtime(ev.t0 + days * DAY))
            return curation.Edit(date={"value": d, "earliest": d, "latest": d, "granularity": "day"})

        cpu: dict[str, list[float]] = {"date": [], "country": []}

        def timed(event_id, change, kind) -> float:
            c = time.thread_time()
            t = time.perf_counter()
            w.editing.apply(event_id, change)
            w.timeline.grab()
            wall = time.perf_counter() - t
            cpu[kind].append(time.thread_time() - c)
            return wall

        date_times, country_times = [], []
        for k, ev in enumerate(picked[:6]):
            w.timeline.set_visible_range(ev.t0 - 30 * DAY, ev.t0 + 30 * DAY)
            w.select_event(ev.id)
            w.timeline.grab()
            app.processEvents()
            if k < 5:
                date_times.append(timed(ev.id, moved(ev, 3 + k), "date"))
            else:
                code = next(c for c in w.country_codes()[:3] if c not in ev.countries)
                country_times.append(timed(ev.id, curation.Edit(add_countries=[code]), "country"))
                w.timeline.grab()
                country_times.append(timed(ev.id, curation.Edit(remove_countries=[code]), "country"))
        out = {"edit_ms": _ms(statistics.median(date_times)) if date_times else None,
               "edit_country_ms": _ms(statistics.median(country_times)) if country_times else None,
               "edit_cpu_ms": _ms(statistics.median(cpu["date"])) if cpu["date"] else None,
               "edit_country_cpu_ms": _ms(statistics.median(cpu["country"])) if cpu["country"] else None,
               "edit_count": len(date_times) + len(country_times)}
        # as before: the edit, then the whole database read again until the timeline has every event
        ev = picked[-1] if picked else None
        if ev is not None:
            w.timeline.set_visible_range(ev.t0 - 30 * DAY, ev.t0 + 30 * DAY)
            t = time.perf_counter()
            curation.edit(store, ev.id, moved(ev, -4))
            w.refresh()
            loaded()
            w.timeline.grab()
            out["edit_refresh_ms"] = _ms(time.perf_counter() - t)
        return out
    finally:
        w.close()
        if w.store is not None:
            w.store.close()
        shutil.rmtree(folder, ignore_errors=True)


def _level_name(span: float) -> str:
    day = 86400.0
    if span >= 365 * day * 2:
        return f"{span / (365.2425 * day):.0f}y"
    if span >= 300 * day:
        return "1y"
    if span >= day:
        return f"{span / day:.0f}d"
    return f"{span / 3600:.0f}h"


if __name__ == "__main__":
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--stacking", choices=["off", "on"], default="on")
    parser.add_argument("--no-edits", action="store_true", help="leave out the edits' figures")
    args = parser.parse_args()
    out = run(args.events, args.json, stacking=args.stacking, edits=not args.no_edits)
    if not args.json:
        for key, value in out.items():
            print(f"{key:>22}: {value}")
