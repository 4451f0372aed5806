"""How dates, precisions and sources are written in the excerpt panel and the table."""
from __future__ import annotations

from datetime import date

import pytest

from tests.ui.locale_helpers import english  # noqa: F401 - the fixture below
from viewer.ui import formatting as fmt

pytestmark = pytest.mark.usefixtures("english")     # the English month names these tests read


def test_when_says_a_vague_date_as_vague():
    assert fmt.when("2024-09", "2024-09-01", "2024-09-30", "month") == "September 2024"
    assert fmt.when("2024-SU", "2024-06-01", "2024-08-31", "season") == "summer 2024"
    assert fmt.when("2024-11-18", "2024-11-18", "2024-11-18", "day") == "18 Nov 2024"
    assert fmt.when("2024-W46-WE", "2024-11-16", "2024-11-17", "weekend") == "weekend of 16–17 Nov 2024"
    assert fmt.when("2024-W46", "2024-11-11", "2024-11-17", "week") == "week 46, 11–17 Nov 2024"
    assert fmt.when("2024-Q3", "2024-07-01", "2024-09-30", "quarter") == "Q3 2024"
    assert fmt.when("2024", "2024-01-01", "2024-12-31", "year") == "2024"
    assert fmt.when("199X", "1990-01-01", "1999-12-31", "decade") == "the 1990s"
    assert fmt.when("19XX", "1900-01-01", "1999-12-31", "century") == "20th century"
    assert fmt.when("2024-11-18T14:00", "2024-11-18T14:00", "2024-11-18T14:00", "hour") == "18 Nov 2024 14:00"
    assert fmt.when("P3D", None, None, None) == "P3D"
    assert fmt.when("2024-12-30", "2024-12-30", "2025-01-05", "week") == "week of 30 Dec 2024 – 5 Jan 2025"


def test_resolution_line():
    line = fmt.resolution("Last September", "2024-11-18", "2024-09", "2024-09-01", "2024-09-30", "month")
    assert line == "‘Last September’, relative to 18 Nov 2024 → September 2024"
    assert fmt.resolution("18 November 2024", None, "2024-11-18", "2024-11-18", "2024-11-18", "day") \
        == "‘18 November 2024’ → 18 Nov 2024"


def test_table_dates_and_precision():
    assert fmt.short_date("2024-11-18", "2024-11-18", "day", "2024-11-18") == "18 Nov 2024"
    assert fmt.short_date("2024-09-01", "2024-09-30", "month", "2024-09") == "Sep 2024"
    assert fmt.short_date("2024-11-16", "2024-11-17", "weekend", "2024-W46-WE") == "16–17 Nov 2024"
    assert fmt.short_date("2024-10-28", "2024-11-03", "week", "2024-W44") == "28 Oct – 3 Nov 2024"
    assert fmt.precision("half") == "half-year" and fmt.precision(None) == "—"


def test_publication_and_names():
    assert fmt.published("2024-11-18", "inferred") == "Published 18 Nov 2024 (worked out from the text)"
    assert fmt.published("2024-11-18", "metadata").endswith("(from the page's metadata)")
    assert fmt.published(None, None) == "Publication date unknown"
    assert fmt.country_name("RU") == "Russia" and fmt.country_name("NATO") == "NATO"
    assert fmt.country_name("UA") == "Ukraine"
    # a country keeps its colour from run to run (not a per-process hash)
    assert (fmt.country_colour("UA"), fmt.country_colour("RU")) == ("#1f77b4", "#d62728")
    assert fmt.article_label({"title": "", "source": "/data/news/a.txt"}) == "a.txt"
    assert fmt.article_label({"title": "Green light", "source": "/x"}) == "Green light"
    assert fmt.axis_span(1.7e9, 1.8e9) == "2023 – 2027"
    assert fmt.iso_day(0) == "1970-01-01" and fmt.iso_day(None) is None


def test_month_names_come_from_one_place():
    assert fmt.month_name(9) == "September" and fmt.month_name(9, short=True) == "Sep"
    assert fmt.month_year(date(2024, 9, 1), short=True) == "Sep 2024"
    assert fmt.day_month(date(2024, 11, 18)) == "18 Nov"
    assert fmt.axis_span(1.7312e9, 1.7400e9) == "Nov 2024 – Feb 2025"
    assert fmt.axis_span(1.7319e9, 1.7319e9 + 3 * 3600) == "18 Nov 2024 03:20 – 06:20"
