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
    ("Le pays s'est industrialisé dans les années 1960.", [("les années 1960", "196")]),
    ("La frontière date du XIXe siècle.", [("du XIXe siècle", "18")]),
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


# Issue 17: histories and wire copy (sentences written for these tests)
READ = date(2024, 5, 1)


def _vals(text, ref=READ, **kw):
    return [(e.text, e.value) for e in tag(text, ref, language="fr", **kw)]


def test_offsets_later_and_from_a_happening():
    got = {e.text: e for e in tag("L'invasion a commencé le 24 février 2022. Deux jours plus tard, la capitale a "
                                  "été bombardée. Trois jours après l'invasion, la ville tombait. Quelques "
                                  "semaines plus tard, les troupes se sont retirées.", READ, language="fr",
                                  narrative=True)}
    assert got["Deux jours plus tard"].value == "2022-02-26"
    e = got["Trois jours après l'invasion"]
    assert e.value == "2022-02-27" and "2022-02-24" in e.reasoning
    w = got["Quelques semaines plus tard"]
    assert (w.value, w.earliest) == ("FUTURE_REF", "2022-03-13")
    # news: a happening the text dated is an anchor; one it did not date leaves a duration
    assert _vals("L'élection a eu lieu le 3 mars 2024. Deux jours après l'élection, le président a parlé.",
                 date(2024, 11, 20))[-1] == ("Deux jours après l'élection", "2024-03-05")
    assert _vals("Deux jours après l'élection, le président a parlé.", date(2024, 11, 20)) == [("Deux jours", "P2D")]


def test_bc_and_wire_copy_in_french():
    got = {e.text: e for e in tag("La révolte (499–493 av. J.-C.) échoua.", READ, language="fr")}
    assert (got["499"].value, got["493 av. J.-C."].earliest) == ("BC0499", "-0492-01-01")
    assert _vals("Après les attentats du 11 septembre, la guerre commença.", date(2024, 11, 20)) == \
        [("11 septembre", "2001-09-11")]
    assert _vals("Le traité a été signé le 29 février 2023.") == [("le 29 février 2023", "2023-02")]
    assert _vals("Ce fut la première depuis 1813. En juillet 1940 la bataille commença. En juin la flotte "
                 "était partie.", narrative=True)[-1] == ("juin", "1940-06")


def test_both_ends_of_a_day_range():
    assert _vals("La révolte (10–18 juin 1953) échoua.") == [("10", "1953-06-10"), ("18 juin 1953", "1953-06-18")]
    assert _vals("Du 10 au 18 juin 1953, on se battit.") == [("10", "1953-06-10"), ("18 juin 1953", "1953-06-18")]


# Parts of the year and both ends of hyphenated ranges in French (sentences written for these tests)
from datetime import date as _date  # noqa: E402

from viewer.timex import tag as _tag  # noqa: E402

_NEWS = _date(2024, 11, 18)


def _pairs(text, ref=_NEWS, **kw):
    return [(e.text, e.value) for e in _tag(text, ref, language=L, **kw)]


@pytest.mark.parametrize("text,expected", [('La révolte ouvrière (10-18 juin 1953) fut écrasée par les chars soviétiques.',
  [('10', '1953-06-10'), ('18 juin 1953', '1953-06-18')]),
 ('En août-septembre 1950, le front se stabilisa sur le fleuve Naktong.',
  [('août', '1950-08'), ('septembre 1950', '1950-09')]),
 ('Les renforts arrivèrent entre juillet et août 1950.', [('juillet', '1950-07'), ('août 1950', '1950-08')]),
 ("L'offensive d'hiver (décembre-janvier 1951) échoua.",
  [('décembre', '1950-12'), ('janvier 1951', '1951-01')])])
def test_both_ends_of_hyphenated_ranges(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text,value,mod,earliest,latest", [('Le PIB français a progressé de 0,5 % au deuxième trimestre 2023.',
  '2023-Q2',
  None,
  '2023-04-01',
  '2023-06-30'),
 ('Au premier semestre 2023, les exportations ont reculé.', '2023-H1', None, '2023-01-01', '2023-06-30'),
 ('Dans la première moitié de 2023, le chômage a baissé.', '2023-H1', None, '2023-01-01', '2023-06-30'),
 ("À la mi-mars 2023, l'offensive a commencé.", '2023-03', 'MID', '2023-03-11', '2023-03-21'),
 ("Fin 2022, le front s'est stabilisé.", '2022', 'END', '2022-09-01', '2022-12-31')])
def test_parts_of_the_year(text, value, mod, earliest, latest):
    got = [e for e in _tag(text, _NEWS, language=L) if e.value == value]
    assert got, _pairs(text)
    assert (got[0].mod, got[0].earliest, got[0].latest) == (mod, earliest, latest)


def test_early_and_late_in_a_month_keep_their_position():
    got = _tag("Les troupes sont arrivées début mars. Elles sont reparties fin mars.", _NEWS, language=L)
    assert [(e.text, e.value, e.mod, e.earliest, e.latest) for e in got] == [
        ("début mars", "2024-03", "START", "2024-03-01", "2024-03-10"),
        ("fin mars", "2024-03", "END", "2024-03-22", "2024-03-31")]
