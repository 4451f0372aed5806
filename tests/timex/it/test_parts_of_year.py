"""Italian: quarters and halves of a year — by their ordinal, their short form ("Q2 2024"), or the last
one before the reference (sentences written for these tests; said on 20 November 2024)."""
from tests.timex.tense_parts_cases import parts_of_year_tests

L = "it"

CASES = [
    ('Il PIL è calato nel secondo trimestre del 2024.', '2024-Q2'),
    ('Il PIL è calato nello scorso trimestre.', '2024-Q3'),
    ('Il PIL è calato nel trimestre scorso.', '2024-Q3'),
    ("Il PIL è calato nell'ultimo trimestre.", '2024-Q3'),
    ('Il PIL è calato nel T2 2024.', '2024-Q2'),
    ('Il PIL è sceso nel S2 2023.', '2023-H2'),
    ('Il PIL è sceso nel H1 2024.', '2024-H1'),
]

test_parts = parts_of_year_tests(L, CASES)
