"""An edit of one event is shown without reading the whole database again (issue 14: on the timeline in
≤ 50 ms at 1M events): the window patches what it holds. What it then shows must be exactly what reading
everything again (`MainWindow.refresh`) shows: the lanes, the events drawn and where, the table's rows,
the counts, the excerpt. Each test edits in the real window, takes what it shows, refreshes, and compares."""
from __future__ import annotations

import numpy as np
import pytest

from tests.ui.window_helpers import shown_window
from viewer.store import curation
from viewer.synth import synthesize

DAY = 86400.0


@pytest.fixture(scope="module")
def synth_source(tmp_path_factory):
    path = tmp_path_factory.mktemp("synth") / "dense.db"
    synthesize(3000, str(path), seed=3)
    return path


@pytest.fixture
def dense(tmp_path, synth_source, qtbot, warnings_shown, monkeypatch):
    """A window on a copy of a 3,000-event database, the view zoomed to a busy month; `refreshes`
    counts the times it read everything again."""
    import shutil
    db = tmp_path / "dense.db"
    shutil.copyfile(synth_source, db)
    return opened(db, qtbot, monkeypatch)


def opened(db, qtbot, monkeypatch):
    """A shown window on `db`, every event loaded; `refreshes` lists the times it read everything again."""
    w = shown_window(qtbot)
    assert w.open_database(str(db))
    assert not w.timeline.is_loading() and w.view_state.events is not None
    calls = []
    real = w.refresh
    monkeypatch.setattr(w, "refresh", lambda **kw: (calls.append(kw), real(**kw)))
    w.refreshes = calls
    return w


def shown(w) -> dict:
    """What the window shows: lanes, events drawn and where (per lane), labels, table rows, counts."""
    tl = w.timeline
    tl._changed()
    drawn = sorted(tl.visible_event_ids())
    where = {}
    for lane in tl.lanes():
        for eid in drawn:
            p = tl.event_view_pos(eid, lane)
            if p is not None:
                where[(lane, eid)] = (p.x(), p.y())
    m = w.model
    rows = [tuple(m.index(r, c).data() for c in range(m.columnCount())) for r in range(m.rowCount())]
    ids = [m.event_id(r) for r in range(m.rowCount())]
    labels = sorted((row, round(r.x()), round(r.y()), text, n) for row, r, text, n in tl._item.label_texts)
    return {"lanes": tl.lanes(), "drawn": drawn, "where": where, "labels": labels,
            "rows": rows, "ids": ids, "count": w.count_label.text(), "review": w.review_label.text(),
            "codes": w.country_codes(), "range": tl.visible_range(),
            "excerpt": w.excerpt.toPlainText(), "selected": w.view_state.selected}


def arrays(w) -> dict:
    """What the timeline draws from: every occurrence (lane, start, end, event) in index order, and the
    per-event arrays' dates, ranks and country rows."""
    tl = w.timeline
    occ, idx = tl._occ, tl._index
    ev = w.view_state.events
    rows = sorted(zip(ev.cpos.tolist(), [ev.codes[c] for c in ev.ccode.tolist()]))
    return {"lanes": list(occ.lanes), "lane": occ.lane.tolist(), "t0": occ.t0.tolist(), "t1": occ.t1.tolist(),
            "eid": occ.eid.tolist(), "cls": tl._cls.tolist(), "offsets": idx.offsets.tolist(),
            "maxdur": idx.maxdur.tolist(), "index_eid": idx.eid.tolist(),
            "ev_t0": np.nan_to_num(ev.t0, nan=-1).tolist(), "ev_rank": ev.rank.tolist(), "rows": rows,
            "date_order": ev.order("date").tolist(), "precision_order": ev.order("precision").tolist()}


def same_as_refresh(w, qtbot):
    """The window after the fast path shows what it shows after reading everything again."""
    assert not w.refreshes, "the edit read the whole database again"
    a, arr_a = shown(w), arrays(w)
    w.refresh()
    qtbot.waitUntil(lambda: not w.timeline.is_loading() and w.view_state.events is not None)
    b, arr_b = shown(w), arrays(w)
    for key in a:
        assert a[key] == b[key], key
    for key in arr_a:
        assert arr_a[key] == arr_b[key], key
    w.refreshes.clear()
    return a


def busy_event(w, lane: str | None = None):
    """An event drawn on the timeline in a view zoomed to a month with many events."""
    ev = w.view_state.events
    dated = np.flatnonzero(~np.isnan(ev.t0) & (ev.t1 - ev.t0 <= DAY + 1))
    t = float(np.median(ev.t0[dated]))
    w.timeline.set_visible_range(t - 15 * DAY, t + 15 * DAY)
    w.timeline._changed()
    drawn = sorted(w.timeline.visible_event_ids())
    assert drawn
    for eid in drawn:
        e = w.store.event(eid)
        if e.granularity == "day" and len(e.countries) == 1 and (lane is None or e.countries == [lane]):
            return e
    pytest.fail("the synthetic database drew no one-day event of one country in its busiest month")


def day(t: float) -> dict:
    import time
    d = time.strftime("%Y-%m-%d", time.gmtime(t))
    return {"value": d, "earliest": d, "latest": d, "granularity": "day"}


def test_a_date_moved_and_undone_is_shown_as_a_refresh_shows_it(dense, qtbot):
    w = dense
    e = busy_event(w)
    w.select_event(e.id)
    # to a day of the view where other events of its lanes start too (their order among them matters)
    ev = w.view_state.events
    x0, x1 = w.timeline.visible_range()
    others = ev.t0[(ev.t0 > x0 + 3 * DAY) & (ev.t0 < x1 - 3 * DAY) & (ev.t0 != e.t0)]
    target = float(others[len(others) // 2])
    assert w.editing.apply(e.id, curation.Edit(date=day(target + 3600)))
    after = same_as_refresh(w, qtbot)
    assert after["selected"] == e.id and e.id in after["drawn"]
    assert w.editing.undo()
    back = same_as_refresh(w, qtbot)
    assert back["selected"] == e.id
    assert w.editing.redo()
    same_as_refresh(w, qtbot)


def test_a_date_moved_out_of_every_other_date_and_made_vague(dense, qtbot):
    w = dense
    e = busy_event(w)
    assert w.editing.apply(e.id, curation.Edit(date={"value": "2031-07", "earliest": "2031-07-01",
                                                     "latest": "2031-07-31", "granularity": "month"}))
    same_as_refresh(w, qtbot)
    assert w.editing.undo()
    same_as_refresh(w, qtbot)


def test_a_country_added_makes_a_new_lane_and_removing_it_empties_it(dense, qtbot):
    w = dense
    e = busy_event(w)
    assert "NZ" not in w.timeline.lanes()
    w.select_event(e.id)
    assert w.editing.apply(e.id, curation.Edit(add_countries=["NZ"]))
    got = same_as_refresh(w, qtbot)
    assert "NZ" in got["lanes"] and "NZ" in got["codes"]
    assert w.timeline.scroll_to_lane("NZ") and w.timeline.event_view_pos(e.id, "NZ") is not None
    assert w.editing.apply(e.id, curation.Edit(remove_countries=["NZ"]))
    got = same_as_refresh(w, qtbot)
    assert "NZ" not in got["lanes"]
    assert w.editing.undo()
    assert "NZ" in same_as_refresh(w, qtbot)["lanes"]


def test_every_country_removed_puts_the_event_in_the_no_country_lane(dense, qtbot):
    w = dense
    e = busy_event(w)
    assert w.editing.apply(e.id, curation.Edit(remove_countries=list(e.countries)))
    assert "\u2014" in same_as_refresh(w, qtbot)["lanes"]
    assert w.timeline.scroll_to_lane("\u2014") and w.timeline.event_view_pos(e.id, "\u2014") is not None
    assert w.editing.undo()
    same_as_refresh(w, qtbot)


def test_a_rejected_event_is_hidden_and_undo_shows_it_again(dense, qtbot):
    w = dense
    e = busy_event(w)
    w.select_event(e.id)
    assert w.editing.apply(e.id, curation.Edit(review="rejected"))
    got = same_as_refresh(w, qtbot)
    assert e.id not in got["drawn"] and e.id not in got["ids"]
    e2 = busy_event(w)            # another edit while the view leaves a rejected event out
    assert w.editing.apply(e2.id, curation.Edit(date=day(e2.t0 + 2 * DAY)))
    same_as_refresh(w, qtbot)
    assert w.editing.undo() and w.editing.undo()
    got = same_as_refresh(w, qtbot)
    assert e.id in got["drawn"] and e.id in got["ids"]


def test_a_title_edited_under_a_search(dense, qtbot):
    w = dense
    e = busy_event(w)
    w.select_event(e.id)
    w.filters.search.setText("zanzibar")
    w.view_state.set_filter(w.filters.view_filter(), force=True)
    qtbot.waitUntil(lambda: w.shown_filter() is not None)
    assert w.events_shown() == 0
    assert w.editing.apply(e.id, curation.Edit(title="Talks held in Zanzibar"))
    qtbot.waitUntil(lambda: w.shown_filter() is not None)
    got = same_as_refresh(w, qtbot)
    assert got["ids"] == [e.id] and got["rows"][0][2] == "Talks held in Zanzibar"


def test_an_undated_event_given_a_date_comes_onto_the_timeline(tmp_path, synth_source, qtbot, warnings_shown,
                                                               monkeypatch):
    import shutil
    import sqlite3
    db = tmp_path / "undated.db"
    shutil.copyfile(synth_source, db)
    conn = sqlite3.connect(db)
    event_id, = conn.execute("SELECT id FROM events WHERE countries LIKE '%,%' LIMIT 1").fetchone()
    with conn:
        conn.execute("UPDATE events SET t0 = NULL, t1 = NULL, earliest = NULL, latest = NULL, value = NULL,"
                     " granularity = NULL WHERE id = ?", (event_id,))
        conn.execute("UPDATE event_countries SET t0 = NULL, t1 = NULL WHERE event_id = ?", (event_id,))
    conn.close()
    w = opened(db, qtbot, monkeypatch)
    e = busy_event(w)
    x0, _ = w.timeline.visible_range()
    before = shown(w)
    undated_date = before["rows"][before["ids"].index(event_id)][0]
    assert w.editing.apply(event_id, curation.Edit(date=day(x0 + 5 * DAY)))
    got = same_as_refresh(w, qtbot)
    assert event_id in got["drawn"] and e.id in got["drawn"]
    assert got["rows"][got["ids"].index(event_id)][0] != undated_date
