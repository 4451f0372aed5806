"""Polish: quarters and halves of a year — by their ordinal, their short form ("Q2 2024"), or the last
one before the reference (sentences written for these tests; said on 20 November 2024)."""
from tests.timex.lang_cases import one
from tests.timex.tense_parts_cases import REF, parts_of_year_tests

L = "pl"

CASES = [
    ('PKB spadł w ostatnim kwartale.', '2024-Q3'),
    ('PKB spadł w poprzednim kwartale.', '2024-Q3'),
    ('PKB spadł w II kwartale 2024 roku.', '2024-Q2'),
    ('PKB spadł w drugim kwartale 2024 roku.', '2024-Q2'),
    ('PKB spadł w Q2 2024.', '2024-Q2'),
    ('PKB spadł w H1 2024.', '2024-H1'),
]

test_parts = parts_of_year_tests(L, CASES)


def test_roman_numerals_are_upper_case_only():
    # "i" is the Polish "and": "w pierwszym i drugim kwartale 2024 roku" has no Roman first quarter in it
    e = one("PKB wzrósł w pierwszym i drugim kwartale 2024 roku.", REF, L)
    assert (e.text, e.value) == ("drugim kwartale 2024 roku", "2024-Q2")

