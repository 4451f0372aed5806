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
