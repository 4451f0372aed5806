"""The timeline's date axis: calendar-aligned ticks from centuries to minutes, UTC."""
from __future__ import annotations

import calendar

import pytest

from tests.ui.locale_helpers import english  # noqa: F401 - the fixture below
from viewer.ui.timeline_axis import _STEPS, choose, context_label, label, tick_values

pytestmark = pytest.mark.usefixtures("english")     # the English month names these tests read

DAY = 86400.0


def ts(year, month=1, day=1, hour=0, minute=0):
    return float(calendar.timegm((year, month, day, hour, minute, 0)))


@pytest.mark.parametrize("span, unit", [(150 * 365 * DAY, "year"), (20 * 365 * DAY, "year"), (300 * DAY, "month"),
                                        (20 * DAY, "day"), (DAY, "hour"), (2 * 3600, "minute")])
def test_step_fits_the_span(span, unit):
    t0 = ts(2024, 3, 5, 7)
    major, minor = choose(t0, t0 + span, 1100)
    assert _STEPS[major][0] == unit
    values = tick_values(t0, t0 + span, *_STEPS[major])
    assert 4 <= len(values) <= 16
    if minor is not None:
        assert len(tick_values(t0, t0 + span, *_STEPS[minor])) > len(values)


def test_ticks_are_calendar_aligned():
    months = tick_values(ts(2023, 11, 15), ts(2024, 6, 1), "month", 3)
    assert months == [ts(2024, 1, 1), ts(2024, 4, 1)]
    years = tick_values(ts(1961, 6, 1), ts(2000, 6, 1), "year", 10)
    assert years == [ts(1970), ts(1980), ts(1990), ts(2000)]          # before 1970 too
    weeks = tick_values(ts(2024, 9, 1), ts(2024, 9, 20), "day", 7)
    assert weeks == [ts(2024, 9, 2), ts(2024, 9, 9), ts(2024, 9, 16)]   # Mondays


def test_labels():
    assert label(ts(2024, 1, 1), "month") == "2024"
    assert label(ts(2024, 9, 1), "month") == "Sep"
    assert label(ts(2024, 9, 18), "day") == "18 Sep"
    assert label(ts(2024, 9, 18, 14, 30), "minute") == "14:30"
    assert label(ts(2024, 9, 18), "hour") == "18 Sep"


def test_one_label_says_the_year_the_others_leave_out():
    assert context_label(ts(2024, 9, 1), "month") == "Sep 2024"
    assert context_label(ts(2024, 9, 18), "day") == "18 Sep 2024"
    assert context_label(ts(2024, 9, 18, 14, 30), "minute") == "18 Sep 2024 14:30"


def test_the_axis_labels_its_major_ticks(qtbot):
    from viewer.ui.timeline_axis import TimeAxis

    axis = TimeAxis()
    (spacing, values), *_ = axis.tickValues(ts(2024, 5, 20), ts(2025, 2, 10), 1100)
    assert axis.tickStrings(values, 1.0, spacing) == ["Jun", "Jul 2024", "Aug", "Sep", "Oct", "Nov", "Dec", "2025",
                                                      "Feb"]
    (spacing, values), *_ = axis.tickValues(ts(2024, 9, 1), ts(2024, 9, 3), 1100)
    assert axis.tickStrings(values, 1.0, spacing)[:3] == ["1 Sep", "1 Sep 2024 06:00", "12:00"]
