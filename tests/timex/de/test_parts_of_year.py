"""German: quarters and halves of a year — by their ordinal, their short form ("Q2 2024"), or the last
one before the reference (sentences written for these tests; said on 20 November 2024)."""
from tests.timex.tense_parts_cases import parts_of_year_tests

L = "de"

CASES = [
    ('Das BIP sank im zweiten Quartal 2024.', '2024-Q2'),
    ('Das BIP sank im Q2 2024.', '2024-Q2'),
    ('Das BIP sank im letzten Quartal.', '2024-Q3'),
    ('Das BIP sank im vergangenen Quartal.', '2024-Q3'),
    ('Das BIP wird im nächsten Quartal steigen.', '2025-Q1'),
    ('Das BIP sank im Q2/2024.', '2024-Q2'),
    ('Das BIP sank im H1 2024.', '2024-H1'),
]

test_parts = parts_of_year_tests(L, CASES)
