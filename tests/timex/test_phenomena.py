"""What a user cares about: tense, vague dates, no false alarms, narrative anchoring."""
from datetime import date

import pytest

from viewer.timex import tag

REF = date(2024, 11, 20)  # a Wednesday


def values(text, ref=REF, **kw):
    return [(e.text, e.value) for e in tag(text, ref, **kw)]


def one(text, ref=REF, **kw):
    got = tag(text, ref, **kw)
    assert len(got) == 1, got
    return got[0]


def test_tense_decides_weekday_direction():
    assert one("The minister said Friday that talks failed.").value == "2024-11-15"
    assert one("The ministers will meet Friday in Brussels.").value == "2024-11-22"


@pytest.mark.parametrize("text", [
    "Troops may advance.", "They march in protest.", "He sat down.", "The Sun reported it.",
    "The vote won 2019 votes.", "About 1,500 troops crossed.", "The deal is worth 100M.",
    "It was the second attempt.", "Prices fall in winter markets.", "The wed couple left.",
    "Russia fired 300 drones.", "The law has 1944 articles and pages.",
])
def test_no_false_alarms(text):
    assert tag(text, REF) == []


def test_may_and_march_as_months():
    assert values("Elections were held in May.") == [("May", "2024-05")]
    assert values("The offensive began on March 3, 2022.") == [("March 3, 2022", "2022-03-03")]


def test_vague_dates_are_bands():
    e = one("The attack came in September.")
    assert (e.value, e.earliest, e.latest) == ("2024-09", "2024-09-01", "2024-09-30")
    e = one("Fighting intensified in early March.")
    assert e.value == "2024-03" and e.mod == "START" and e.earliest == "2024-03-01"


def test_durations_and_refs():
    e = one("Losses rose over the past three months.")
    assert (e.type, e.value) == ("DURATION", "P3M")
    assert one("The front is now quiet.").value == "PRESENT_REF"
    assert one("Kyiv recently asked for more.").value == "PAST_REF"
    assert one("The town fell a year ago.").value == "2023"


def test_quarters_halves_decades_centuries():
    assert one("Output fell in the third quarter of 2024.").value == "2024-Q3"
    assert one("Sales grew in the first half of 2024.").value == "2024-H1"
    assert one("The war of the 1990s was brutal.").value == "199X"
    assert one("Empires fell in the 20th century.").value == "19XX"


def test_since_and_years():
    assert values("Russia has occupied Crimea since 2014.") == [("2014", "2014")]


def test_approx_mod():
    e = one("The siege lasted about three years.")
    assert e.type == "DURATION" and e.value == "P3Y" and e.mod == "APPROX"


def test_narrative_anchoring():
    text = "In 1944, the Allies landed in Normandy. In March, the offensive stalled. Two days later it resumed."
    got = tag(text, date(2020, 1, 1), narrative=True)
    vals = {e.text: e.value for e in got}
    assert vals["1944"] == "1944"
    assert vals["March"] == "1944-03"


def test_that_october_follows_the_story():
    got = {e.text: e.value for e in tag("The treaty was signed in 1939. That October, troops moved.", date(2020, 1, 1))}
    assert got["That October"] == "1939-10"


def test_sets_and_times():
    assert one("Convoys run daily.").type == "SET"
    e = one("The strike hit at 3 p.m. yesterday.")
    assert e.type == "TIME" and e.value == "2024-11-19T15:00"
