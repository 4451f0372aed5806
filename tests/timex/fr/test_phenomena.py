"""French: what a reader of French news and histories cares about (sentences written for these tests)."""
from datetime import date

import pytest

from viewer.timex import engine, resolve_document, tag
from tests.timex.lang_cases import check_case, check_negative, one

REF = date(2024, 11, 18)   # a Monday
L = "fr"


def test_french_runs_on_the_engine():
    assert "fr" in engine.LANGUAGES


@pytest.mark.parametrize("text,expected", [
    # the seed article's four dates
    ("Le ministre a parlé ce lundi 18 novembre à Varsovie.", [("ce lundi 18 novembre", "2024-11-18")]),
    ("En septembre dernier, Moscou avait menacé l'Occident.", [("En septembre dernier", "2024-09")]),
    ("La région, conquise cet été, reste disputée.", [("cet été", "2024-SU")]),
    ("Le week-end dernier, Berlin a appelé Moscou.", [("Le week-end dernier", "2024-W46-WE")]),
    # deictic and relative
    ("Le convoi est arrivé hier.", [("hier", "2024-11-17")]),
    ("Les pourparlers reprendront demain.", [("demain", "2024-11-19")]),
    ("Les frappes ont commencé avant-hier.", [("avant-hier", "2024-11-16")]),
    ("La ville est tombée il y a trois jours.", [("il y a trois jours", "2024-11-15")]),
    ("Le sommet aura lieu le mois prochain.", [("le mois prochain", "2024-12")]),
    ("Les élections ont eu lieu l'année dernière.", [("l'année dernière", "2023")]),
    ("L'armée a reculé la semaine dernière.", [("la semaine dernière", "2024-W46")]),
    ("Les combats ont repris cette semaine.", [("cette semaine", "2024-W47")]),
    ("Le traité sera signé l'an prochain.", [("l'an prochain", "2025")]),
    ("Le président a parlé vendredi dernier.", [("vendredi dernier", "2024-11-15")]),
    ("Le ministre se rendra à Kiev mardi prochain.", [("mardi prochain", "2024-11-19")]),
    # explicit dates
    ("L'offensive a commencé le 24 février 2022.", [("le 24 février 2022", "2022-02-24")]),
    ("Les troupes sont entrées dans la ville en mai 2023.", [("mai 2023", "2023-05")]),
    ("L'accord date de 1994.", [("1994", "1994")]),
    # seasons, weekends, parts of the day
    ("Une offensive est attendue au printemps prochain.", [("printemps prochain", "2025-SP")]),
    ("Les frappes ont visé Kharkiv ce week-end.", [("ce week-end", "2024-W46-WE")]),
    ("Des drones ont frappé la capitale hier soir.", [("hier soir", "2024-11-17TEV")]),
    ("Le conseil se réunira demain matin.", [("demain matin", "2024-11-19TMO")]),
    # durations and sets
    ("Le siège a duré trois mois.", [("trois mois", "P3M")]),
    ("Les négociations ont traîné pendant plusieurs semaines.", [("plusieurs semaines", "PXW")]),
    ("Les prix ont grimpé au cours des six derniers mois.", [("au cours des six derniers mois", "P6M")]),
    ("Les sirènes retentissent chaque nuit.", [("chaque nuit", "P1D")]),
    ("Le marché se tient chaque lundi.", [("chaque lundi", "XXXX-WXX-1")]),
    # decades, centuries, BC
    ("Le pays s'est industrialisé dans les années 1960.", [("les années 1960", "196X")]),
    ("La frontière date du XIXe siècle.", [("du XIXe siècle", "18XX")]),
    ("La bataille des Thermopyles eut lieu en 480 av. J.-C.", [("480 av. J.-C.", "BC0480")]),
])
def test_phenomena(text, expected):
    check_case(text, expected, REF, L)


def test_bare_month_follows_the_tense():
    assert one("L'armée a pris la ville en mars.", REF, L).value == "2024-03"
    assert one("Les élections auront lieu en mars.", REF, L).value == "2025-03"


def test_bare_weekday_follows_the_tense():
    assert one("Le ministre a démissionné jeudi.", REF, L).value == "2024-11-14"
    assert one("Le ministre démissionnera jeudi.", REF, L).value == "2024-11-21"


def test_vague_dates_are_bands_with_reasoning_in_english():
    e = one("En septembre dernier, Poutine avait averti l'Occident.", REF, L)
    assert (e.earliest, e.latest, e.granularity) == ("2024-09-01", "2024-09-30", "month")
    assert "relative to 18 Nov 2024" in e.reasoning and "September 2024" in e.reasoning
    e = one("Les combats ont repris début mars 2023.", REF, L)
    assert e.value == "2023-03" and e.mod == "START" and e.earliest == "2023-03-01"


def test_no_reference_leaves_the_year_open():
    assert one("Le sommet a eu lieu en septembre dernier.", None, L).value == "XXXX-09"


def test_seed_year_is_inferred_from_the_weekday():
    text = ("Moscou. Ce lundi 18 novembre, le ministre a parlé. En septembre dernier, Poutine avait averti "
            "l'Occident. La région de Koursk, conquise par Kiev cet été, reste disputée. Le week-end dernier, "
            "l'Allemagne a appelé Moscou.")
    ref, source, exprs = resolve_document(text, None)
    assert (ref, source) == (date(2024, 11, 18), "inferred")
    assert [e.value for e in exprs] == ["2024-11-18", "2024-09", "2024-SU", "2024-W46-WE"]


def test_narrative_time_in_a_short_history():
    text = ("En 1812, la Grande Armée franchit le Niémen. En septembre, elle entra dans Moscou. "
            "Le 1er septembre, l'armée campait. Le lendemain, la ville brûlait.")
    got = [(e.text, e.value) for e in tag(text, date(2024, 11, 18), language=L, narrative=True)]
    assert got == [("1812", "1812"), ("septembre", "1812-09"), ("Le 1er septembre", "1812-09-01"),
                   ("Le lendemain", "1812-09-02")]


@pytest.mark.parametrize("text", [
    "Mars est la quatrième planète du système solaire.",
    "La sonde a photographié Mars depuis son orbite.",
    "Mai Nguyen a publié un rapport.",
    "Il reviendra un jour.",
    "Sept soldats ont été blessés.",
    "Le bataillon compte 1500 soldats.",
    "Il a été élu sans difficulté.",
    "Florian, 26 ans, habite à Nancy.",
    "Les Jeux d'hiver ont été suspendus.",
    "Le Printemps de Bourges attire la foule.",
])
def test_not_dates(text):
    check_negative(text, REF, L)
