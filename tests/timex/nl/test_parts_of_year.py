"""Dutch: quarters and halves of a year — by their ordinal, their short form ("Q2 2024"), or the last
one before the reference (sentences written for these tests; said on 20 November 2024)."""
from tests.timex.tense_parts_cases import parts_of_year_tests

L = "nl"

CASES = [
    ('Het bbp daalde in het afgelopen kwartaal.', '2024-Q3'),
    ('Het bbp daalde vorig kwartaal.', '2024-Q3'),
    ('Het bbp daalde in Q2 2024.', '2024-Q2'),
    ('Het bbp daalde in het tweede kwartaal van 2024.', '2024-Q2'),
    ('Het bbp daalde in H2 2023.', '2023-H2'),
]

test_parts = parts_of_year_tests(L, CASES)
