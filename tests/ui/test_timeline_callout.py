"""The selected event's title callout is occupied space: no other label is drawn under it."""
from __future__ import annotations

import sqlite3

import pytest

from tests.ui.conftest import build_known_db
from viewer.store import Store

LONG = "The objective could be to repelling Moscow's counterattack in Russia's Kursk region"


@pytest.fixture
def long_title_db(tmp_path):
    from tests.ui.conftest import SEED
    if SEED is None:
        pytest.skip("seeds/ has no article")
    path = build_known_db(tmp_path / "long.db")
    with sqlite3.connect(path) as conn:          # a long title: its callout reaches the next label
        # the callout goes in the event's first lane: Russia's, where September's label follows it
        conn.execute("UPDATE events SET title = ?, countries = 'RU,UA' WHERE granularity = 'season'", (LONG,))
    return path


def _labels(view):
    view._changed()
    view._ensure_painted()
    return view._item.label_rects, view._item.callout


@pytest.mark.parametrize("size", [(1200, 700), (1000, 700), (1400, 800)])
def test_the_callout_covers_no_label_and_counts_what_it_hides(qtbot, long_title_db, warnings_shown, size):
    from viewer.ui.app import make_app
    from viewer.ui.main_window import MainWindow

    make_app()
    w = MainWindow(remember=False)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_database(str(long_title_db))
    s = Store.open(str(long_title_db))
    try:
        summer = next(e.id for e in s.events() if e.granularity == "season")
    finally:
        s.close()
    w.fit_all()
    before, _ = _labels(w.timeline)
    w.select_event(summer)
    labels, callout = _labels(w.timeline)
    assert callout is not None and callout[2].startswith("The objective could")
    row, box, _ = callout
    same_lane = [r for lane, r in labels if lane == row]
    assert same_lane, "the lane keeps labels beside the callout"
    for r in same_lane:
        assert not r.intersects(box), (r, box)
    # nothing else was lost: the other lanes draw what they drew before the selection
    assert sorted((lane, round(r.x())) for lane, r in labels if lane != row) == \
        sorted((lane, round(r.x())) for lane, r in before if lane != row)
    w.close()
