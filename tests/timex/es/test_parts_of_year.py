"""Spanish: quarters and halves of a year — by their ordinal, their short form ("Q2 2024"), or the last
one before the reference (sentences written for these tests; said on 20 November 2024)."""
from tests.timex.tense_parts_cases import parts_of_year_tests

L = "es"

CASES = [
    ('El PIB cayó en el segundo trimestre de 2024.', '2024-Q2'),
    ('El PIB cayó en el T2 de 2024.', '2024-Q2'),
    ('El PIB cayó en el último trimestre.', '2024-Q3'),
    ('El PIB cayó el trimestre pasado.', '2024-Q3'),
    ('El PIB cayó en el primer semestre de 2024.', '2024-H1'),
    ('El PIB cayó en el S1 2024.', '2024-H1'),
    ('El PIB cayó en el H2 2023.', '2023-H2'),
]

test_parts = parts_of_year_tests(L, CASES)
