"""The visible part decides a lane's height: a lane whose crowded, stacked events lie just outside the view
is one sub-row tall, not two to four (the margin around the view only steadies a lane that stacks in view)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from viewer.ui import timeline_paint as tp  # noqa: E402

from tests.ui.test_timeline_lane_heights import CROWD, _lane  # noqa: E402
from tests.ui.test_timeline_stacking import _show, _view  # noqa: E402
from tests.ui.timeline_helpers import make_store  # noqa: E402


@pytest.fixture
def store(tmp_path):
    s = make_store(tmp_path / "crowd.db", CROWD)
    yield s
    s.close()


def _in_view(view, row):
    """{event id: sub-row centre} of the marks of lane ``row`` the last frame drew inside the window."""
    w = view._vb.width()
    return {int(i): cy for xs, cy, ids, r in view._item.hits[0] if r == row
            for x, i in zip(xs.tolist(), ids.tolist()) if 0 <= x <= w}


@pytest.mark.parametrize("d0, d1", [("2024-09-15", "2024-10-15"),     # UA's crowd just left of the view
                                    ("2024-09-15", "2024-10-05"),
                                    ("2024-08-10", "2024-08-31")])    # ... just right of it
def test_a_lane_whose_stacked_events_lie_just_outside_the_view_is_one_sub_row(qtbot, store, d0, d1):
    view = _view(qtbot, store)
    _show(view)
    assert _lane(view, "UA")[1] >= 3, "the crowd stacks when it is in view"
    _show(view, d0, d1)
    ua = view.lanes().index("UA")
    assert not _in_view(view, ua), "nothing of UA in view"
    assert _lane(view, "UA")[1] == 1
    assert _lane(view, "UA")[0] == pytest.approx(_lane(view, "RU")[0])


def test_the_margin_adds_at_most_one_sub_row_and_only_to_a_lane_stacked_in_view():
    seen = np.array([1, 1, 2, 2, 3, 4])
    around = np.array([1, 4, 3, 4, 4, 4])
    assert tp.combined_needs(seen, around).tolist() == [1, 1, 3, 2, 4, 4]
