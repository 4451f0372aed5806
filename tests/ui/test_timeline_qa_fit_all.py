"""Fit all keeps a margin on the right wide enough for the last labels to be whole, also in a 1000 px wide
window, where the timeline gets less than half of the width (offscreen, in the real window)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from viewer.ui import timeline_paint as tp  # noqa: E402

from tests.ui.test_timeline_stacking import _view  # noqa: E402
from tests.ui.timeline_helpers import event_id, make_store  # noqa: E402

# the last event of each lane has a long title (elided at the labels' longest, LABEL_MAX_PX)
LAST = ["Macron: Ukraine must be allowed to strike military targets inside Russia with Western arms",
        "The United States has given Ukraine permission to use long-range missiles",
        "Peskov: move is likely to escalate the conflict, a Kremlin spokesman said"]
ROWS = [("Early skirmish near the border", "2024-03-01", "2024-03-01", "day", ["FR"]),
        ("Mid-year talks", "2024-06-01", "2024-06-01", "day", ["DE"]),
        (LAST[0], "2024-11-20", "2024-11-20", "day", ["FR"]),
        (LAST[1], "2024-11-19", "2024-11-19", "day", ["DE"]),
        (LAST[2], "2024-11-18", "2024-11-18", "day", ["US"])]


@pytest.fixture
def fit_db(tmp_path):
    path = tmp_path / "fit.db"
    make_store(path, ROWS).close()
    return path


def _assert_last_labels_whole(view, titles):
    view._changed()
    view._ensure_painted()
    w = view._vb.width()
    drawn = {text: rect for _row, rect, text, _folded in view._item.label_texts}
    # each title as a label shows it whole (elided only at the labels' longest, as everywhere)
    whole = view._titles_for(titles, elide=(view._item.fm, tp.LABEL_MAX_PX))
    for i in titles:
        assert whole[i] in drawn, (whole[i], sorted(drawn))
        assert drawn[whole[i]].left() >= 0 and drawn[whole[i]].right() <= w, (whole[i], drawn[whole[i]], w)


@pytest.mark.parametrize("width", [500, 1000])
def test_fit_all_keeps_the_last_labels_whole_in_a_narrow_timeline(qtbot, tmp_path, width):
    s = make_store(tmp_path / "fit.db", ROWS)
    try:
        view = _view(qtbot, s, size=(width, 360))
        view.fit_all()
        _assert_last_labels_whole(view, [event_id(s, t) for t in LAST])
        first = event_id(s, ROWS[0][0])
        assert first in view.visible_event_ids(), "the first event stays in view"
    finally:
        s.close()


def test_fit_all_keeps_the_last_labels_whole_in_a_1000_px_window(qtbot, fit_db):
    from viewer.store import Store
    from viewer.ui.app import make_app
    from viewer.ui.main_window import MainWindow

    make_app()
    w = MainWindow(remember=False)
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_database(str(fit_db))
    s = Store.open(str(fit_db))
    try:
        last = [event_id(s, t) for t in LAST]
    finally:
        s.close()
    w.select_event(None)
    w.fit_all()
    assert w.timeline._vb.width() < 600, "the timeline has less than the window's width"
    _assert_last_labels_whole(w.timeline, last)
    w.close()
