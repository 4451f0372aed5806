"""Month names follow the desktop's language, the same words on the timeline's axis, in the table, in the
excerpt panel and in the status bar; the tagger's reasoning stays as the tagger wrote it."""
from __future__ import annotations

import calendar
from datetime import date
from types import SimpleNamespace

import pytest

from tests.ui.locale_helpers import default_locale
from viewer.ui import formatting as fmt
from viewer.ui.excerpt import excerpt_html
from viewer.ui.timeline_axis import TimeAxis

def ts(year, month=1, day=1):
    return float(calendar.timegm((year, month, day, 0, 0, 0)))


def axis_labels(t0: float, t1: float, width: float = 1100) -> list[str]:
    """The labels the timeline's axis writes under its ticks for [t0, t1] shown `width` pixels wide (an
    application must exist: the qtbot fixture)."""
    axis = TimeAxis()
    spacing, values = axis.tickValues(t0, t1, width)[0]
    return axis.tickStrings(values, 1.0, spacing)


@pytest.fixture
def french():
    with default_locale("fr_FR"):
        yield


def _panel_html():
    """The excerpt panel for 'Last September, Putin warned Kyiv.' in an article of 18 Nov 2024."""
    text = "Last September, Putin warned Kyiv."
    ev = SimpleNamespace(id=1, article_id="a", title="Putin warned Kyiv", sentence=text, sentence_start=0,
                         sentence_end=len(text), time_start=0, time_end=14, time_text="Last September",
                         value="2024-09", earliest="2024-09-01", latest="2024-09-30", granularity="month",
                         mod=None, anchor="2024-11-18", countries=[], mentions=[],
                         reasoning="the most recent September before the reference date")
    return excerpt_html(ev, {"text": text, "title": "T", "published": "2024-11-18", "published_source": "inferred"})


def test_the_axis_and_the_panel_say_the_months_in_the_desktops_language(qtbot, french):
    months = axis_labels(ts(2024, 5, 20), ts(2025, 2, 10))          # a month per tick
    assert "sept." in months and "nov." in months and "Sep" not in months
    assert "2025" in months                                         # January: the year instead
    assert any(label.endswith(" 2024") and label.split()[0] in ("juin", "juil.") for label in months)
    days = axis_labels(ts(2024, 11, 14), ts(2024, 11, 22))           # a day per tick
    assert "18 nov." in days

    html = _panel_html()
    assert "septembre 2024" in html and "September 2024" not in html          # WHEN
    assert "Published 18 nov. 2024" in html                                   # the article's date
    assert "relative to 18 nov. 2024 → septembre 2024" in html
    assert "the most recent September before the reference date" in html      # the tagger's own words

    # the table and the status bar use the same words as the axis
    assert fmt.short_date("2024-09-01", "2024-09-30", "month", "2024-09") == "sept. 2024"
    assert fmt.axis_span(ts(2024, 5, 20), ts(2025, 2, 10)) == "mai 2024 – févr. 2025"


def test_a_month_after_a_day_takes_the_languages_form_for_it(qtbot):
    with default_locale("ru_RU"):
        assert "май" in axis_labels(ts(2024, 2, 10), ts(2024, 12, 10))      # May on its own
        assert "18 мая" in axis_labels(ts(2024, 5, 14), ts(2024, 5, 22))   # the 18th of May
        assert fmt.when("2024-09", "2024-09-01", "2024-09-30", "month") == "сентябрь 2024"


def test_the_default_comes_back_after_a_test_in_another_language(qtbot):
    with default_locale("en_US"):
        with default_locale("fr_FR"):
            assert fmt.month_name(9) == "septembre"
        assert fmt.month_name(9) == "September"
        assert fmt.day(date(2024, 11, 18)) == "18 Nov 2024"
        assert "Sep" in axis_labels(ts(2024, 5, 20), ts(2025, 2, 10))
