"""French on the engine: a date written with its weekday and no year is never dated a year ahead when the
clause tells it in the past (news), and a scheduled one may be."""
from datetime import date

from viewer.timex import tag

PUBLISHED = date(2024, 11, 20)


def _value(text: str) -> str:
    got = [e for e in tag(text, PUBLISHED, language="fr") if e.type == "DATE"]
    assert len(got) == 1, got
    return got[0].value


def test_past_tense_is_not_dated_next_year():
    # 7 December is a Sunday in 2025, not in 2024
    assert not _value("Le dimanche 7 décembre, l'armée a attaqué.").startswith("2025")


def test_scheduled_day_takes_next_years_weekday():
    assert _value("Les pourparlers s'ouvrent le dimanche 7 décembre.") == "2025-12-07"


def test_weekday_that_agrees_picks_the_year():
    assert _value("Le lundi 18 novembre, l'armée a attaqué.") == "2024-11-18"
