"""Parts of the year and both ends of ranges on the engine, across its languages (sentences written for these
tests; each language's own cases are in tests/timex/<code>/test_phenomena.py)."""
from __future__ import annotations

from datetime import date

import pytest

from viewer.timex import engine, tag

NEWS = date(2024, 11, 18)


def pairs(text, language, ref=NEWS, **kw):
    return [(e.text, e.value) for e in tag(text, ref, language=language, **kw)]


@pytest.mark.parametrize("code", sorted(engine.LANGUAGES))
def test_every_engine_language_has_the_words_for_parts_and_ranges(code):
    lang = engine.load(code)
    for cls in ("year_part", "half_word", "part_ordinal", "range_and", "day_range_link", "passing_lead"):
        assert lang.classes.get(cls), f"{code}: [{cls}] is missing or empty"
    assert any(r.frame.get("kind") == "part_year" for r in lang.rules), f"{code}: no part-of-year rule"


@pytest.mark.parametrize("text,code,value", [
    ("Le Parlement a voté la réforme au troisième trimestre 2021.", "fr", "2021-Q3"),
    ("Im vierten Quartal 2021 stiegen die Preise.", "de", "2021-Q4"),
    ("Los precios subieron en el cuarto trimestre de 2021.", "es", "2021-Q4"),
    ("I prezzi sono saliti nel quarto trimestre del 2021.", "it", "2021-Q4"),
    ("Os preços subiram no quarto trimestre de 2021.", "pt", "2021-Q4"),
    ("De prijzen stegen in het vierde kwartaal van 2021.", "nl", "2021-Q4"),
    ("Ceny wzrosły w czwartym kwartale 2021 roku.", "pl", "2021-Q4"),
    ("Цены выросли в четвёртом квартале 2021 года.", "ru", "2021-Q4"),
    ("Ціни зросли в четвертому кварталі 2021 року.", "uk", "2021-Q4"),
])
def test_a_quarter_with_its_year_is_that_quarter(text, code, value):
    got = [e for e in tag(text, NEWS, language=code) if e.value == value]
    assert got, pairs(text, code)
    q = int(value[-1])
    assert got[0].earliest == f"{value[:4]}-{3 * q - 2:02d}-01"


def test_a_quarter_without_a_year_follows_the_tense():
    # written in November 2024 (Q4): the first quarter to come is 2025's, the one gone by is 2024's
    assert pairs("Les prix augmenteront au premier trimestre.", "fr") == [("premier trimestre", "2025-Q1")]
    assert pairs("Les prix ont augmenté au premier trimestre.", "fr") == [("premier trimestre", "2024-Q1")]


@pytest.mark.parametrize("text,code", [
    ("La première moitié du XXe siècle fut marquée par deux guerres.", "fr"),
    ("Die erste Hälfte des 20. Jahrhunderts war von zwei Kriegen geprägt.", "de"),
    ("La primera mitad del siglo XX estuvo marcada por dos guerras.", "es"),
])
def test_half_of_a_century_is_not_half_of_a_year(text, code):
    assert not [e for e in tag(text, NEWS, language=code) if "-H" in (e.value or "")], pairs(text, code)


@pytest.mark.parametrize("text,code", [
    ("Le centre accueille les enfants de 6-16 ans.", "fr"),
    ("Das Lager ist für Kinder von 6-16 Jahren.", "de"),
    ("Obóz jest dla dzieci w wieku 6-16 lat.", "pl"),
])
def test_a_hyphenated_age_range_is_not_a_duration(text, code):
    assert [e for e in engine.tag(text, NEWS, code) if e.type == "DURATION"] == []


@pytest.mark.parametrize("text,code,expected", [
    ("L'offensive d'hiver (décembre-janvier 1951) échoua.", "fr", [("décembre", "1950-12"), ("janvier 1951", "1951-01")]),
    ("Die Winteroffensive (Dezember–Januar 1951) scheiterte.", "de", [("Dezember", "1950-12"), ("Januar 1951", "1951-01")]),
])
def test_a_month_range_across_new_year_starts_in_the_year_before(text, code, expected):
    assert pairs(text, code) == expected


def test_months_joined_by_and_out_of_order_are_not_a_range():
    # "in September and in August 1950" is not read as a span ending in August: only the month with the year
    got = pairs("Les combats reprirent en septembre et août 1950.", "fr")
    assert ("août 1950", "1950-08") in got
    assert ("septembre", "1950-09") not in got


@pytest.mark.parametrize("text,code", [
    ("В первой половине дня шёл дождь.", "ru"),
    ("У першій половині дня йшов дощ.", "uk"),
    ("W pierwszej połowie meczu padły dwa gole.", "pl"),
    ("En la primera mitad del partido no hubo goles.", "es"),
    ("Nella prima metà della partita non ci sono stati gol.", "it"),
    ("In de eerste helft van de wedstrijd viel geen doelpunt.", "nl"),
])
def test_half_of_a_day_or_a_match_is_not_a_date(text, code):
    assert engine.tag(text, NEWS, code) == []
