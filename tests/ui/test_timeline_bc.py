"""BC dates: the axis and the window's date words cope with times before year 1 (astronomical years:
0 is 1 BC, -479 is 480 BC; seconds far before 1970), where datetime cannot go."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from viewer.ui import formatting as fmt  # noqa: E402
from viewer.ui import timeline_axis as axis  # noqa: E402
from viewer.ui.timeline import TimelineView  # noqa: E402

from tests.ui.timeline_helpers import make_store  # noqa: E402


def test_calendar_arithmetic_round_trips_far_before_year_one():
    for y, m, d in ((-479, 9, 1), (0, 2, 29), (1, 1, 1), (-4712, 1, 1), (-1, 12, 31), (2024, 2, 29)):
        t = fmt.seconds_of(y, m, d)
        c = fmt.civil(t + 3 * 3600 + 120)
        assert (c.year, c.month, c.day, c.hour, c.minute) == (y, m, d, 3, 2)
    assert fmt.civil(fmt.seconds_of(1, 1, 1) - 1)[:3] == (0, 12, 31)
    assert fmt.seconds_of(1970) == 0.0


@pytest.mark.parametrize("value, earliest, latest, granularity, said", [
    ("BC0480", "-0479-01-01", "-0479-12-31", "year", "480 BC"),
    (None, "-0479-09-01", "-0479-09-30", "month", "September 480 BC"),
    (None, "-0479-09-12", "-0479-09-12", "day", "12 Sep 480 BC"),
    (None, "-0499-01-01", "-0400-12-31", "century", "5th century BC"),
    (None, "0000-01-01", "0000-12-31", "year", "1 BC"),
    (None, "-0479-09-12T14:30:00", "-0479-09-12T14:30:59", "minute", "12 Sep 480 BC 14:30"),
    ("BC0044-03-15", "-0043-03-15", "-0043-03-15", "day", "15 Mar 44 BC"),
    ("BC0044-W13", "-0043-03-25", "-0043-03-31", "week", "week 13, 25–31 Mar 44 BC"),
    ("BC1", "-1999-01-01", "-1000-12-31", "millennium", "2nd millennium BC"),
    ("BC0", "-0332-01-01", "0000-12-31", "millennium", "1st millennium BC"),
    ("2", "2000-01-01", "2999-12-31", "millennium", "3rd millennium"),
])
def test_bc_dates_in_words(value, earliest, latest, granularity, said):
    assert fmt.when(value, earliest, latest, granularity) == said
    assert fmt.short_date(earliest, latest, granularity, value)


def test_axis_ticks_and_labels_before_year_one():
    t0, t1 = fmt.seconds_of(-520), fmt.seconds_of(-440)
    for width in (300, 800, 1600):
        major, _ = axis.choose(t0, t1, width)
        unit, count = axis._STEPS[major]
        values = axis.tick_values(t0, t1, unit, count)
        assert values and all(t0 <= v <= t1 for v in values)
        labels = [axis.label(v, unit) for v in values]
        assert all(text.endswith(" BC") for text in labels), labels
    values = axis.tick_values(t0, t1, "year", 10)
    assert [axis.label(v, "year") for v in values][:3] == ["520 BC", "510 BC", "500 BC"]
    # months and days of a BC year
    t0, t1 = fmt.seconds_of(-479, 8, 20), fmt.seconds_of(-479, 9, 20)
    labels = [axis.label(v, "day") for v in axis.tick_values(t0, t1, "day", 7)]
    assert labels and all(label for label in labels)
    assert axis.context_label(fmt.seconds_of(-479, 9, 1), "month") == f"{fmt.month_name(9, short=True)} 480 BC"
    # across year 1: 1 BC is followed by AD 1, no year zero on the axis
    values = axis.tick_values(fmt.seconds_of(-30), fmt.seconds_of(30), "year", 10)
    assert [axis.label(v, "year") for v in values] == ["30 BC", "20 BC", "10 BC", "10", "20", "30"]


def test_the_timeline_shows_a_range_before_year_one(qtbot, tmp_path):
    store = make_store(tmp_path / "small.db")
    try:
        view = TimelineView()
        qtbot.addWidget(view)
        view.resize(900, 400)
        view.show()
        qtbot.waitExposed(view)
        view.set_store(store)
        view.set_visible_range(fmt.seconds_of(-490), fmt.seconds_of(-470))
        image = view.grab()                       # no crash painting the axis
        assert not image.isNull()
        spacing, values = view._axis.tickValues(*view.visible_range(), view._axis.width())[0]
        strings = view._axis.tickStrings(values, 1.0, spacing)
        assert any(s.endswith("BC") for s in strings if s), strings
        assert fmt.axis_span(*view.visible_range()).endswith("BC")
    finally:
        store.close()


def test_a_tagged_bc_day_in_the_excerpt_and_on_the_axis():
    from viewer.timex import tag
    from datetime import date
    e = {x.text: x for x in tag("On 15 March 44 BC Caesar was killed. Two days later the Senate met.",
                                date(2024, 5, 1), language="en")}
    ides, after = e["15 March 44 BC"], e["Two days later"]
    assert fmt.when(ides.value, ides.earliest, ides.latest, ides.granularity) == "15 Mar 44 BC"
    assert fmt.resolution(after.text, after.anchor, after.value, after.earliest, after.latest, after.granularity) \
        == "‘Two days later’, relative to 15 Mar 44 BC → 17 Mar 44 BC"
    t = fmt.seconds_of(-43, 3, 15)
    assert axis.context_label(t, "day") == "15 Mar 44 BC"
    assert fmt.axis_span(t, t + 3 * 86400) == "15–18 Mar 44 BC"
