"""Italian: what a reader of Italian news and histories cares about (sentences written for these tests)."""
from datetime import date

import pytest

from viewer.timex import engine
from tests.timex.lang_cases import check_negative, one

REF = date(2024, 11, 18)   # a Monday
L = "it"


def test_italian_runs_on_the_engine():
    assert "it" in engine.LANGUAGES


@pytest.mark.parametrize("text,expected", [
    ("Il ministro ha dichiarato questo lunedì 18 novembre che nulla cambierà.", [("questo lunedì 18 novembre", "2024-11-18")]),
    ("Lo scorso settembre Putin aveva avvertito l'Occidente.", [("Lo scorso settembre", "2024-09")]),
    ("La regione, conquistata da Kiev quest'estate, resta contesa.", [("quest'estate", "2024-SU")]),
    ("Lo scorso fine settimana la Germania ha ripreso i colloqui con Mosca.", [("Lo scorso fine settimana", "2024-W46-WE")]),
    ("Il ministro si è dimesso martedì scorso.", [("martedì scorso", "2024-11-12")]),
    ("Il ministro si è dimesso lo scorso martedì.", [("lo scorso martedì", "2024-11-12")]),
    ("La città è caduta tre giorni fa.", [("tre giorni fa", "2024-11-15")]),
    ("L'estate scorsa l'esercito ha conquistato la regione.", [("L'estate scorsa", "2024-SU")]),
    ("Il convoglio è arrivato ieri.", [("ieri", "2024-11-17")]),
    ("I colloqui riprenderanno domani.", [("domani", "2024-11-19")]),
    ("I droni hanno colpito la capitale ieri sera.", [("ieri sera", "2024-11-17TEV")]),
    ("Stamattina i droni hanno colpito Kiev.", [("Stamattina", "2024-11-18TMO")]),
    ("L'anno scorso si sono tenute le elezioni.", [("L'anno scorso", "2023")]),
    ("Quest'anno l'economia è cresciuta.", [("Quest'anno", "2024")]),
    ("La settimana scorsa l'esercito ha ripiegato.", [("La settimana scorsa", "2024-W46")]),
    ("Il vertice si terrà il mese prossimo.", [("il mese prossimo", "2024-12")]),
    ("Le truppe si ritireranno tra due settimane.", [("due settimane", "2024-12-02")]),
    ("L'offensiva è iniziata il 24 febbraio 2022.", [("il 24 febbraio 2022", "2022-02-24")]),
    ("Le truppe sono entrate in città nel maggio 2023.", [("nel maggio 2023", "2023-05")]),
    ("A metà settembre il fronte si è stabilizzato.", [("A metà settembre", "2024-09")]),
    ("Alla fine del 2023 l'inflazione è salita.", [("Alla fine del 2023", "2023")]),
    ("Nel 2014 la Russia ha annesso la Crimea.", [("2014", "2014")]),
    ("L'assedio è durato tre mesi.", [("tre mesi", "P3M")]),
    ("I prezzi sono saliti negli ultimi sei mesi.", [("ultimi sei mesi", "P6M")]),
    ("Il mercato apre ogni lunedì.", [("ogni lunedì", "XXXX-WXX-1")]),
    ("Le sirene suonano tutti i giorni.", [("tutti i giorni", "P1D")]),
    ("Negli anni Novanta la regione ha vissuto una guerra.", [("Negli anni Novanta", "199")]),
    ("Gli anni '90 furono difficili.", [("Gli anni '90", "199")]),
    ("Il confine è stato tracciato nel XX secolo.", [("nel XX secolo", "19")]),
    ("Il Paese si è industrializzato nel Novecento.", [("nel Novecento", "19")]),
    ("La battaglia delle Termopili avvenne nel 480 a.C.", [("480 a.C.", "BC0480")]),
])
def test_phenomena(text, expected):
    got = [(e.text, e.value) for e in engine.tag(text, REF, L)]
    assert got == expected


def test_day_after_a_written_date():
    got = [(e.text, e.value) for e in engine.tag(
        "Il 3 marzo 2022 le truppe hanno circondato Mariupol. Il giorno dopo hanno tagliato l'acqua.", REF, L)]
    assert got == [("Il 3 marzo 2022", "2022-03-03"), ("Il giorno dopo", "2022-03-04")]


def test_bare_month_and_weekday_follow_the_tense():
    assert one("L'esercito ha preso la città a marzo.", REF, L).value == "2024-03"
    assert one("Le elezioni si terranno a marzo.", REF, L).value == "2025-03"
    assert one("Il ministro si è dimesso giovedì.", REF, L).value == "2024-11-14"
    assert one("Il ministro si dimetterà giovedì.", REF, L).value == "2024-11-21"


@pytest.mark.parametrize("text", [
    "Marte è il quarto pianeta del sistema solare.",
    "Il battaglione conta 1500 soldati.",
    "Mario, 26 anni, abita a Torino.",
    "Un uomo di 26 anni è rimasto ferito.",
    "Sette soldati sono rimasti feriti.",
    "Ha comprato una Cinquecento rossa.",
    "Maggio Rossi ha pubblicato un rapporto.",
])
def test_not_dates(text):
    check_negative(text, REF, L)


# Issue 17 and parts of the year in Italian (sentences written for these tests): offsets from the day the text
# is at and from a happening it dated, both ends of ranges, years in passing, quarters and halves.
from datetime import date as _date  # noqa: E402

from viewer.timex import tag as _tag  # noqa: E402

_NEWS = _date(2024, 11, 18)


def _pairs(text, ref=_NEWS, **kw):
    return [(e.text, e.value) for e in _tag(text, ref, language=L, **kw)]


@pytest.mark.parametrize("text,expected", [("L'invasione è iniziata il 24 febbraio 2022. Due giorni dopo, le truppe russe erano alle porte di Kiev.",
  [('il 24 febbraio 2022', '2022-02-24'), ('Due giorni dopo', '2022-02-26')]),
 ("L'armistizio fu firmato il 3 settembre 1943. Cinque giorni prima, il re aveva lasciato Roma.",
  [('il 3 settembre 1943', '1943-09-03'), ('Cinque giorni prima', '1943-08-29')]),
 ('Lo sciopero generale durò dal 10 al 18 giugno 1953.',
  [('10', '1953-06-10'), ('al 18 giugno 1953', '1953-06-18')]),
 ('La rivolta operaia (10-18 giugno 1953) fu schiacciata dai carri armati sovietici.',
  [('10', '1953-06-10'), ('18 giugno 1953', '1953-06-18')]),
 ("Nell'agosto-settembre 1950 il fronte si stabilizzò sul fiume Naktong.",
  [('agosto', '1950-08'), ('settembre 1950', '1950-09')])])
def test_offsets_and_ranges_issue17(text, expected):
    assert _pairs(text) == expected


def test_offset_from_a_happening_names_its_anchor():
    got = _tag('Le elezioni si sono tenute il 3 marzo 2024. Dieci giorni dopo le elezioni, il presidente ha formato il nuovo governo.', _NEWS, language=L)[-1]
    assert (got.text, got.value) == ('Dieci giorni dopo le elezioni', '2024-03-13')
    assert '2024-03-03' in got.reasoning


def test_undated_happening_stays_a_duration():
    assert _pairs("Tre giorni dopo l'attentato, la polizia ha arrestato due sospetti.") == [('Tre giorni', 'P3D')]


def test_year_in_passing_leaves_the_story():
    assert _pairs('Nel luglio 1940 iniziò la battaglia aerea. Fu la peggiore sconfitta tedesca dal 1938. In agosto i bombardamenti si intensificarono.', narrative=True)[-1] == ('agosto', '1940-08')


@pytest.mark.parametrize("text,value,earliest,latest", [('Il PIL italiano è cresciuto dello 0,4% nel secondo trimestre del 2023.',
  '2023-Q2',
  '2023-04-01',
  '2023-06-30'),
 ('Nella prima metà del 2023 le esportazioni sono calate.', '2023-H1', '2023-01-01', '2023-06-30'),
 ("La disoccupazione è scesa nel secondo semestre dell'anno scorso.", '2023-H2', '2023-07-01', '2023-12-31'),
 ('Le truppe sono arrivate a metà marzo 2023.', '2023-03', '2023-03-11', '2023-03-21')])
def test_parts_of_the_year(text, value, earliest, latest):
    got = [e for e in _tag(text, _NEWS, language=L) if e.value == value]
    assert got, _pairs(text)
    assert (got[0].earliest, got[0].latest) == (earliest, latest)


def test_part_of_the_year_without_a_year_is_the_last_one_told_in_the_past():
    got = _tag('Le vendite sono calate nel terzo trimestre.', _date(2024, 5, 15), language=L)
    assert [(e.text, e.value) for e in got] == [('terzo trimestre', '2023-Q3')]
