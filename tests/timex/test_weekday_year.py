"""A date written with its weekday and no year: the weekday picks the year only near the reference, and
never against the tense of news; a weekday that is a slip leaves the date where context puts it."""
from datetime import date

from viewer.timex import tag

PUBLISHED = date(2024, 11, 20)      # a Wednesday


def _value(text: str, ref=PUBLISHED, **kw) -> str:
    got = [e for e in tag(text, ref, **kw) if e.type == "DATE"]
    assert len(got) == 1, got
    return got[0].value


def test_weekday_that_agrees_picks_the_year():
    assert _value("On Monday, November 18, Russia fired missiles.") == "2024-11-18"


def test_weekday_slip_does_not_move_the_date_years_away():
    # 19 November 2024 is a Tuesday; the nearest November 19 that is a Monday is in 2029 (or 2018)
    assert _value("On Monday, November 19, Russian forces shelled Kharkiv.") == "2024-11-19"
    assert _value("Talks will open on Monday, November 19.") == "2024-11-19"


def test_past_tense_news_is_not_dated_a_year_ahead():
    # 7 December is a Sunday in 2025, not in 2024: told in the past, it is the last 7 December before publication
    assert _value("On Sunday, December 7, the army attacked.") == "2023-12-07"


def test_a_scheduled_day_may_take_next_years_weekday():
    assert _value("Talks open on Sunday, December 7.") == "2025-12-07"


def test_a_history_keeps_the_year_its_weekday_gives():
    assert _value("On Sunday, December 7, Japan attacked.", date(1940, 6, 1), narrative=True) == "1941-12-07"
