"""Dutch: the tense of the clause picks the year of a bare month and the week of a bare weekday, with the weak
simple past read by its endings (sentences written for these tests)."""
from datetime import date

import pytest

from tests.timex.lang_cases import one

REF = date(2024, 11, 18)   # a Monday: a bare month from January to May is nearest in the next year
L = "nl"


@pytest.mark.parametrize("text,value", [
    # the weak simple past: -eerde, -igde, -dde, -tte, -sde, -lde, -kte
    ("Rusland bombardeerde in januari de haven van Odesa.", "2024-01"),
    ("Het leger vernietigde in februari een brug.", "2024-02"),
    ("De regering bevestigde in maart de levering.", "2024-03"),
    ("De minister meldde in januari een akkoord.", "2024-01"),
    ("De delegatie ontmoette in april de president.", "2024-04"),
    ("Zelensky reisde in april naar Washington.", "2024-04"),
    ("De premier stelde in mei nieuwe sancties voor.", "2024-05"),
    ("Het leger bereikte in februari de rivier.", "2024-02"),
    # "sinds" looks back
    ("Sinds februari is de stad bezet.", "2024-02"),
    # the future stays the future; a noun ending like a past tense is no cue
    ("De regering zal in maart de levering bevestigen.", "2025-03"),
    ("De ziekte keert in maart terug.", "2025-03"),
])
def test_the_tense_picks_the_year_of_a_bare_month(text, value):
    assert one(text, REF, L).value == value


def test_the_tense_picks_the_week_of_a_bare_weekday():
    assert one("Oekraïne lanceerde donderdag drones op Moskou.", REF, L).value == "2024-11-14"
    assert one("Oekraïne zal donderdag drones lanceren.", REF, L).value == "2024-11-21"
    e = one("Rusland bombardeerde zaterdag de haven.", REF, L)
    assert e.value == "2024-11-16" and "bombardeerde" in e.reasoning


@pytest.mark.parametrize("text", [
    "De minister bezoekt vrijdag Kyiv.",
    "De ministers bezoeken vrijdag Kyiv.",
    "De premier reist vrijdag naar Brussel.",
    "De Veiligheidsraad vergadert vrijdag over Oekraïne.",
    "De top begint vrijdag in Den Haag.",
    "Rutte ontvangt vrijdag de Oekraïense president.",
])
def test_the_present_of_a_scheduled_happening_is_the_coming_weekday(text):
    # said on Monday 18 November: the coming Friday, where the past tense keeps the Friday gone by
    e = one(text, REF, L)
    assert e.value == "2024-11-22", (text, e.reasoning)
    assert one(text.replace("bezoekt", "bezocht").replace("bezoeken", "bezochten").replace("reist", "reisde")
               .replace("vergadert", "vergaderde").replace("begint", "begon").replace("ontvangt", "ontving"),
               REF, L).value == "2024-11-15"


def test_the_present_cue_skips_nouns_and_perfects():
    assert one("De minister bezoekt donderdag Kyiv.", REF, L).value == "2024-11-21"
    # "de bezoeken" is the noun, no cue: the past verb after it decides
    assert one("De bezoeken van donderdag trokken veel aandacht.", REF, L).value == "2024-11-14"
    # the perfect with the participle last stays in the past
    assert one("De minister heeft donderdag in Kyiv de president ontvangen.", REF, L).value == "2024-11-14"
