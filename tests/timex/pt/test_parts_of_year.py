"""Portuguese: quarters and halves of a year — by their ordinal, their short form ("Q2 2024"), or the last
one before the reference (sentences written for these tests; said on 20 November 2024)."""
from tests.timex.tense_parts_cases import parts_of_year_tests

L = "pt"

CASES = [
    ('O PIB caiu no último trimestre.', '2024-Q3'),
    ('O PIB caiu no trimestre passado.', '2024-Q3'),
    ('O PIB caiu no segundo trimestre de 2024.', '2024-Q2'),
    ('O PIB caiu no T2 de 2024.', '2024-Q2'),
    ('O PIB caiu no S1 2024.', '2024-H1'),
    ('O PIB caiu no H2 2023.', '2023-H2'),
]

test_parts = parts_of_year_tests(L, CASES)
