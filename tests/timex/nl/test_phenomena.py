"""Dutch: what a reader of Dutch news and histories cares about (sentences written for these tests)."""
from datetime import date
from pathlib import Path

import pytest

from viewer.timex import engine, resolve_document, tag
from tests.timex.lang_cases import check_case, check_negative, one

REF = date(2024, 11, 18)   # a Monday
L = "nl"
SEED = Path(__file__).with_name("seed_nl.txt")
SEED_DATES = [("deze maandag 18 november", "2024-11-18"), ("deze zomer", "2024-SU"),
              ("Afgelopen september", "2024-09"), ("afgelopen weekend", "2024-W46-WE")]


def test_dutch_runs_on_the_engine():
    assert "nl" in engine.LANGUAGES


def engine_values(text, ref=REF):
    return [(e.text, e.value) for e in engine.tag(text, ref, L)]


@pytest.mark.parametrize("text,expected", [
    # the seed article's four dates
    ("Barrot verzekerde deze maandag 18 november dat het een optie blijft.", [("deze maandag 18 november", "2024-11-18")]),
    ("Afgelopen september waarschuwde Poetin het Westen.", [("Afgelopen september", "2024-09")]),
    ("De regio, deze zomer veroverd door Kiev, blijft omstreden.", [("deze zomer", "2024-SU")]),
    ("Afgelopen weekend hervatte Duitsland de gesprekken met Moskou.", [("Afgelopen weekend", "2024-W46-WE")]),
    # deictic and relative
    ("Afgelopen vrijdag sprak de minister in Parijs.", [("Afgelopen vrijdag", "2024-11-15")]),
    ("Komende dinsdag reist de minister naar Kiev.", [("Komende dinsdag", "2024-11-19")]),
    ("Het leger trok zich vorige week terug.", [("vorige week", "2024-W46")]),
    ("De stad viel drie dagen geleden.", [("drie dagen geleden", "2024-11-15")]),
    ("Een jaar geleden voorzag niemand dit.", [("Een jaar geleden", "2023")]),
    ("De top vindt over twee weken plaats.", [("twee weken", "2024-12-02")]),
    ("Het konvooi arriveerde gisteren.", [("gisteren", "2024-11-17")]),
    ("De aanvallen begonnen eergisteren.", [("eergisteren", "2024-11-16")]),
    ("Morgen gaat de minister naar Kiev.", [("Morgen", "2024-11-19")]),
    ("Gisteravond vielen drones de hoofdstad aan.", [("Gisteravond", "2024-11-17TEV")]),
    ("Zaterdagavond werd alarm geslagen.", [("Zaterdagavond", "2024-11-16TEV")]),
    ("Vorig jaar werden verkiezingen gehouden.", [("Vorig jaar", "2023")]),
    ("Volgend jaar komen er verkiezingen.", [("Volgend jaar", "2025")]),
    ("Dit jaar daalde de inflatie.", [("Dit jaar", "2024")]),
    # explicit dates
    ("Het akkoord werd op 18 november 2024 ondertekend.", [("18 november 2024", "2024-11-18")]),
    ("De minister verklaarde maandag 18 november dat het een optie blijft.", [("maandag 18 november", "2024-11-18")]),
    ("Het leger trok in mei 2023 de stad binnen.", [("mei 2023", "2023-05")]),
    ("Het verdrag dateert uit 1994.", [("1994", "1994")]),
    ("De oorlog begon op 24 februari 2022 om 4.30 uur.",
     [("24 februari 2022", "2022-02-24"), ("4.30 uur", "2022-02-24T04:30")]),
    # seasons
    ("In de zomer van 2022 heroverde het leger Cherson.", [("de zomer van 2022", "2022-SU")]),
    ("Afgelopen winter viel de stroom vaak uit.", [("Afgelopen winter", "2023-WI")]),
    # durations and sets
    ("Het beleg duurde drie maanden.", [("drie maanden", "P3M")]),
    ("De onderhandelingen sleepten zich enkele weken voort.", [("enkele weken", "PXW")]),
    ("De prijzen stegen de afgelopen zes maanden.", [("de afgelopen zes maanden", "P6M")]),
    ("De markt wordt elke maandag gehouden.", [("elke maandag", "XXXX-WXX-1")]),
    ("De sirenes loeien dagelijks.", [("dagelijks", "P1D")]),
    ("Er is elke dag beschieting.", [("elke dag", "P1D")]),
    # decades, centuries, BC
    ("In de jaren negentig veranderde het land.", [("de jaren negentig", "199")]),
    ("In de jaren '90 veranderde het land.", [("de jaren '90", "199")]),
    ("De twintigste eeuw was een eeuw van oorlogen.", [("De twintigste eeuw", "19")]),
    ("De grens stamt uit de 19e eeuw.", [("de 19e eeuw", "18")]),
    ("De slag bij Thermopylae vond plaats in 480 v.Chr.", [("480 v.Chr.", "BC0480")]),
])
def test_phenomena(text, expected):
    check_case(text, expected, REF, L)


def test_day_anaphors_follow_the_last_day_read():
    assert engine_values("Het offensief begon op 24 februari 2022. De volgende dag stonden tanks bij Kiev. "
                         "De dag ervoor was het stil.") == [
        ("24 februari 2022", "2022-02-24"), ("De volgende dag", "2022-02-25"), ("De dag ervoor", "2022-02-24")]


def test_bare_month_follows_the_tense():
    assert one("Het leger nam de stad in maart in.", REF, L).value == "2024-03"
    assert one("De verkiezingen zullen in maart plaatsvinden.", REF, L).value == "2025-03"


def test_bare_weekday_follows_the_tense():
    # the perfect ("heeft ... ingediend"), the simple past, and "zal"
    assert one("De minister heeft donderdag zijn ontslag ingediend.", REF, L).value == "2024-11-14"
    assert one("De minister trad donderdag af.", REF, L).value == "2024-11-14"
    assert one("De minister zal donderdag aftreden.", REF, L).value == "2024-11-21"


def test_weak_pasts_in_mde_rde_gde_are_past():
    # "stemde" is past, nearer than the present "treedt" of the clause after it
    got = {e.text: e.value for e in tag("Eind januari stemde de Kamer over de wet, die op 1 december in "
                                        "werking treedt.", REF, language=L)}
    assert got["Eind januari"] == "2024-01"
    assert one("De minister verklaarde donderdag zijn ontslag.", REF, L).value == "2024-11-14"
    assert one("Wat gebeurde er donderdag in Kyiv?", REF, L).value == "2024-11-14"


def test_history_same_year():
    assert engine_values("In 1939 brak de oorlog uit. Datzelfde jaar werd Polen verdeeld.") == [
        ("1939", "1939"), ("Datzelfde jaar", "1939")]


def test_seed_with_reference():
    got = [(e.text, e.value) for e in engine.tag(SEED.read_text(encoding="utf-8"), REF, L)
           if not e.value.endswith("_REF")]
    assert got == SEED_DATES


def test_seed_year_is_inferred_from_the_weekday():
    text = SEED.read_text(encoding="utf-8")
    for language in (L, None):   # told, and detected
        ref, source, exprs = resolve_document(text, None, language=language)
        assert (ref, source) == (REF, "inferred")
        assert [(e.text, e.value) for e in exprs if not e.value.endswith("_REF")] == SEED_DATES


@pytest.mark.parametrize("text", [
    "De brigade telt 1500 soldaten.",
    "Keizer Augustus regeerde lang.",
    "De volgende morgen vertrok hij.",
    "Het is een 26-jarige man.",
    "Hij was 17 jaar oud.",
    "De afgelopen jaren is het leger veranderd.",
    "Er werden drie raketten afgevuurd.",
])
def test_not_dates(text):
    check_negative(text, REF, L)


# Issue 17 and parts of the year in Dutch (sentences written for these tests): offsets from the day the text
# is at and from a happening it dated, both ends of ranges, years in passing, quarters and halves.
from datetime import date as _date  # noqa: E402

from viewer.timex import tag as _tag  # noqa: E402

_NEWS = _date(2024, 11, 18)


def _pairs(text, ref=_NEWS, **kw):
    return [(e.text, e.value) for e in _tag(text, ref, language=L, **kw)]


@pytest.mark.parametrize("text,expected", [('De invasie begon op 24 februari 2022. Twee dagen later stonden Russische troepen aan de rand van Kyiv.',
  [('24 februari 2022', '2022-02-24'), ('Twee dagen later', '2022-02-26')]),
 ('De algemene staking duurde van 10 tot 18 juni 1953.',
  [('10', '1953-06-10'), ('18 juni 1953', '1953-06-18')]),
 ('De arbeidersopstand (10-18 juni 1953) werd door Sovjettanks neergeslagen.',
  [('10', '1953-06-10'), ('18 juni 1953', '1953-06-18')]),
 ('In augustus-september 1950 stabiliseerde het front zich aan de rivier de Naktong.',
  [('augustus', '1950-08'), ('september 1950', '1950-09')])])
def test_offsets_and_ranges_issue17(text, expected):
    assert _pairs(text) == expected


def test_offset_from_a_happening_names_its_anchor():
    got = _tag('De verkiezingen werden op 3 maart 2024 gehouden. Tien dagen na de verkiezingen vormde de president een nieuwe regering.', _NEWS, language=L)[-1]
    assert (got.text, got.value) == ('Tien dagen na de verkiezingen', '2024-03-13')
    assert '2024-03-03' in got.reasoning


def test_undated_happening_stays_a_duration():
    assert _pairs('Drie dagen na de aanslag arresteerde de politie twee verdachten.') == [('Drie dagen', 'P3D')]


def test_year_in_passing_leaves_the_story():
    assert _pairs('In juli 1940 begon de luchtslag. Het was de zwaarste Duitse nederlaag sinds 1938. In augustus werden de bombardementen heviger.', narrative=True)[-1] == ('augustus', '1940-08')


@pytest.mark.parametrize("text,value,earliest,latest", [('De Nederlandse economie groeide in het tweede kwartaal van 2023 met 0,4 procent.',
  '2023-Q2',
  '2023-04-01',
  '2023-06-30'),
 ('In de eerste helft van 2023 daalde de export.', '2023-H1', '2023-01-01', '2023-06-30'),
 ('De troepen kwamen half maart 2023 aan.', '2023-03', '2023-03-11', '2023-03-21')])
def test_parts_of_the_year(text, value, earliest, latest):
    got = [e for e in _tag(text, _NEWS, language=L) if e.value == value]
    assert got, _pairs(text)
    assert (got[0].earliest, got[0].latest) == (earliest, latest)


def test_part_of_the_year_without_a_year_is_the_last_one_told_in_the_past():
    got = _tag('De verkoop daalde in het derde kwartaal.', _date(2024, 5, 15), language=L)
    assert [(e.text, e.value) for e in got] == [('het derde kwartaal', '2023-Q3')]


def test_later_and_earlier_count_from_the_last_day():
    assert _pairs("Het offensief begon op 3 juni 2023. Vijf dagen later viel de dam.") == \
        [("3 juni 2023", "2023-06-03"), ("Vijf dagen later", "2023-06-08")]
    assert _pairs("De wapenstilstand werd op 3 september 1943 getekend. Vijf dagen eerder was de koning gevlucht.") == \
        [("3 september 1943", "1943-09-03"), ("Vijf dagen eerder", "1943-08-29")]
