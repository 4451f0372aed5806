"""viewer.store.values: ISO bounds to the timeline's seconds for every year, before the common era too."""
from datetime import date, datetime, timedelta, timezone

import pytest

from viewer.store.values import civil_from_days, days_from_civil, interval_seconds, seconds_to_iso

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def test_days_agree_with_the_standard_library_where_it_reaches():
    for d in (date(1, 1, 1), date(1582, 10, 15), date(1900, 2, 28), date(1970, 1, 1), date(2000, 2, 29),
              date(2024, 11, 18), date(9999, 12, 31)):
        assert days_from_civil(d.year, d.month, d.day) == d.toordinal() - date(1970, 1, 1).toordinal()
        assert civil_from_days(d.toordinal() - date(1970, 1, 1).toordinal()) == (d.year, d.month, d.day)


def test_common_era_intervals_unchanged():
    t0, t1 = interval_seconds("2024-11-18", "2024-11-18")
    assert (t0, t1) == ((datetime(2024, 11, 18, tzinfo=timezone.utc) - EPOCH).total_seconds(),
                        (datetime(2024, 11, 19, tzinfo=timezone.utc) - EPOCH).total_seconds())
    t0, t1 = interval_seconds("2024-11-18T09:00+01:00", "2024-11-18T09:00+01:00", "minute")
    assert t0 == (datetime(2024, 11, 18, 8, 0, tzinfo=timezone.utc) - EPOCH).total_seconds() and t1 - t0 == 60
    assert interval_seconds("2024-11-18T16:08Z", "2024-11-18T16:08Z", "minute")[0] == \
        (datetime(2024, 11, 18, 16, 8, tzinfo=timezone.utc) - EPOCH).total_seconds()
    # the last day of the calendar no longer overflows
    assert interval_seconds("9999-12-31", "9999-12-31")[1] - interval_seconds("9999-12-31", "9999-12-31")[0] == 86400


def test_years_before_the_common_era():
    # 480 BC is the astronomical year -479: a whole year of 365 days (not a leap year)
    t0, t1 = interval_seconds("-0479-01-01", "-0479-12-31")
    assert t1 - t0 == 365 * 86400
    # 1 BC (year 0) is a leap year in the proleptic Gregorian calendar; it ends the day before 1 January AD 1
    t0, t1 = interval_seconds("0000-01-01", "0000-12-31")
    assert t1 - t0 == 366 * 86400
    assert t1 == interval_seconds("0001-01-01", "0001-01-01")[0]
    # BC dates lie before AD ones, in order, and round-trip to ISO days
    a = interval_seconds("-0499-01-01", "-0400-12-31")
    b = interval_seconds("-0479-04-01", "-0479-04-30")
    assert a[0] < b[0] < b[1] < a[1] < interval_seconds("0001-01-01", "0001-01-01")[0]
    assert seconds_to_iso(b[0]) == "-0479-04-01"
    assert seconds_to_iso(b[1] - 1) == "-0479-04-30"
    assert seconds_to_iso(interval_seconds("0000-02-29", "0000-02-29")[0]) == "0000-02-29"


def test_bad_dates_raise_value_error():
    for bad in ("garbage", "-0479-02-30", "2023-02-29", "2024-13-01"):
        with pytest.raises(ValueError):
            interval_seconds(bad, bad)


def test_seconds_to_iso_matches_datetime_for_common_era_moments():
    for days in (-719162, -1, 0, 1, 19000, 2932896):
        s = days * 86400.0 + 3600
        assert seconds_to_iso(s) == (EPOCH + timedelta(seconds=s)).date().isoformat()


def test_every_year_before_the_era_has_its_length():
    # walking back from 1 January AD 1, year by year: 366 days in leap years (0, -4, -400 ...), else 365
    def leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    d = days_from_civil(1, 1, 1)
    for y in range(0, -2500, -1):
        d -= 366 if leap(y) else 365
        assert days_from_civil(y, 1, 1) == d, y
        assert civil_from_days(d) == (y, 1, 1), y
        assert days_from_civil(y, 3, 1) - d == 31 + (29 if leap(y) else 28), y


def test_bc_days_and_millennia_the_tagger_gives_have_their_place_on_the_axis():
    from viewer.timex import tag
    got = {e.text: e for e in tag("On 15 March 44 BC Caesar was killed. Two days later the Senate met. Farming "
                                  "had reached Italy in the 6th millennium BC.", date(2024, 5, 1), language="en")}
    ides = interval_seconds(got["15 March 44 BC"].earliest, got["15 March 44 BC"].latest)
    after = interval_seconds(got["Two days later"].earliest, got["Two days later"].latest)
    assert ides[1] - ides[0] == 86400 and after[0] - ides[0] == 2 * 86400
    assert seconds_to_iso(ides[0]) == "-0043-03-15"
    farming = interval_seconds(got["the 6th millennium BC"].earliest, got["the 6th millennium BC"].latest)
    assert farming[1] < ides[0] and round((farming[1] - farming[0]) / 86400 / 365.2425) == 1000
