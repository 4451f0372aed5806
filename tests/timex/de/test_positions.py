"""German: the start, middle or end of a year, month or week ("Anfang des Jahres", "Mitte nächsten Jahres",
"Ende vergangenen Monats"), not the idiom "am Ende des Tages" (sentences written for these tests; said on
Tuesday 12 March 2024)."""
from datetime import date

import pytest

from tests.timex.lang_cases import check_negative, one

REF = date(2024, 3, 12)
L = "de"


@pytest.mark.parametrize("text, expression, value, mod", [
    ("Anfang des Jahres stiegen die Preise.", "Anfang des Jahres", "2024", "START"),
    ("Seit Anfang des Jahres wurden 500 Angriffe gezählt.", "Anfang des Jahres", "2024", "START"),
    ("Ende des Monats endet die Frist.", "Ende des Monats", "2024-03", "END"),
    ("Mitte nächsten Jahres beginnt der Bau.", "Mitte nächsten Jahres", "2025", "MID"),
    ("Ende vergangenen Monats griff Russland an.", "Ende vergangenen Monats", "2024-02", "END"),
    ("Anfang dieses Jahres stiegen die Preise.", "Anfang dieses Jahres", "2024", "START"),
    ("Mitte der Woche regnete es in Kiew.", "Mitte der Woche", "2024-W11", "MID"),
])
def test_a_part_of_the_current_or_named_unit(text, expression, value, mod):
    e = one(text, REF, L)
    assert (e.text, e.value, e.mod) == (expression, value, mod)


def test_the_end_of_the_day_is_an_idiom():
    check_negative("Am Ende des Tages zählt nur das Ergebnis.", REF, L)
