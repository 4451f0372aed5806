"""Russian: quarters and halves of a year — by their ordinal, their short form ("Q2 2024"), or the last
one before the reference (sentences written for these tests; said on 20 November 2024)."""
from tests.timex.tense_parts_cases import parts_of_year_tests

L = "ru"

CASES = [
    ('ВВП снизился в прошлом квартале.', '2024-Q3'),
    ('ВВП снизился во II квартале 2024 года.', '2024-Q2'),
    ('ВВП снизился во втором квартале 2024 года.', '2024-Q2'),
    ('ВВП снизился в III квартале.', '2024-Q3'),
]

test_parts = parts_of_year_tests(L, CASES)
