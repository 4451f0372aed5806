"""Portuguese: the tense of the clause picks the year of a bare month and the week of a bare weekday
(sentences written for these tests)."""
from datetime import date

import pytest

from tests.timex.lang_cases import one

REF = date(2024, 11, 18)   # a Monday: a bare month from January to May is nearest in the next year
L = "pt"


@pytest.mark.parametrize("text,value", [
    ("O governo anunciou em março novas sanções.", "2024-03"),
    ("Os drones atingiram a refinaria em fevereiro.", "2024-02"),
    ("O exército pôs fim ao cerco em março.", "2024-03"),
    ("A cidade estava cercada em janeiro.", "2024-01"),
    # "desde" looks back, even with the present perfect ("tem atacado")
    ("A Ucrânia tem atacado refinarias desde março.", "2024-03"),
    ("Desde fevereiro, as tropas mantêm a linha.", "2024-02"),
    # the future: "-rá", "vai" + infinitive, "irá" + infinitive
    ("A cimeira terá lugar em março.", "2025-03"),
    ("O ministro vai visitar Kiev em março.", "2025-03"),
    ("O ministro irá visitar Kiev em março.", "2025-03"),
])
def test_the_tense_picks_the_year_of_a_bare_month(text, value):
    assert one(text, REF, L).value == value


def test_the_tense_picks_the_week_of_a_bare_weekday():
    assert one("O presidente visitou Kiev na quinta-feira.", REF, L).value == "2024-11-14"
    assert one("O presidente irá visitar Kiev na quinta-feira.", REF, L).value == "2024-11-21"
    assert one("A reunião acontecerá na quinta-feira.", REF, L).value == "2024-11-21"


@pytest.mark.parametrize("text,past", [
    ("O ministro visita Kiev na sexta-feira.", "O ministro visitou Kiev na sexta-feira."),
    ("Os ministros visitam Kiev na sexta-feira.", "Os ministros visitaram Kiev na sexta-feira."),
    ("As negociações recomeçam na sexta-feira.", "As negociações recomeçaram na sexta-feira."),
    ("O Conselho de Segurança reúne-se na sexta-feira.", "O Conselho de Segurança reuniu-se na sexta-feira."),
    ("O primeiro-ministro viaja para Bruxelas na sexta-feira.", "O primeiro-ministro viajou para Bruxelas na sexta-feira."),
    ("A cimeira começa na sexta-feira em Haia.", "A cimeira começou na sexta-feira em Haia."),
])
def test_the_present_of_a_scheduled_happening_is_the_coming_weekday(text, past):
    # said on Monday 18 November: the coming Friday, where the past tense keeps the Friday gone by
    e = one(text, REF, L)
    assert e.value == "2024-11-22", (text, e.reasoning)
    assert one(past, REF, L).value == "2024-11-15"


def test_the_present_cue_skips_nouns_and_perfects():
    assert one("O ministro visita Kiev na quinta-feira.", REF, L).value == "2024-11-21"
    # "a visita" and "em visita" are the noun, no cue: the past verb decides
    assert one("A visita de quinta-feira atraiu atenção.", REF, L).value == "2024-11-14"
    assert one("Em visita a Kiev na quinta-feira, o ministro prometeu ajuda.", REF, L).value == "2024-11-14"
    # a present verb far from the day does not outweigh the perfect infinitive next to it
    assert one("O presidente chega a Kiev depois de o ministro ter visitado Odessa na quinta-feira.",
               REF, L).value == "2024-11-14"
