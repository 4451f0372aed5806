"""Ukrainian: quarters and halves of a year — by their ordinal, their short form ("Q2 2024"), or the last
one before the reference (sentences written for these tests; said on 20 November 2024)."""
from tests.timex.tense_parts_cases import parts_of_year_tests

L = "uk"

CASES = [
    ('ВВП знизився минулого кварталу.', '2024-Q3'),
    ('ВВП знизився у минулому кварталі.', '2024-Q3'),
    ('ВВП знизився у II кварталі 2024 року.', '2024-Q2'),
    ('ВВП знизився у другому кварталі 2024 року.', '2024-Q2'),
]

test_parts = parts_of_year_tests(L, CASES)
