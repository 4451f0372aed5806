"""French: quarters and halves of a year — by their ordinal, their short form ("Q2 2024"), or the last
one before the reference (sentences written for these tests; said on 20 November 2024)."""
from tests.timex.lang_cases import one
from tests.timex.tense_parts_cases import REF, parts_of_year_tests
from viewer.timex import tag

L = "fr"

CASES = [
    ('Le PIB a reculé au deuxième trimestre 2023.', '2023-Q2'),
    ('Le PIB a reculé au T2 2024.', '2024-Q2'),
    ('Le PIB a reculé au Q2 2024.', '2024-Q2'),
    ('Le PIB a reculé au trimestre dernier.', '2024-Q3'),
    ('Le PIB a reculé au dernier trimestre.', '2024-Q3'),
    ('Le PIB progresse ce trimestre.', '2024-Q4'),
    ('Le PIB progressera le trimestre prochain.', '2025-Q1'),
    ('Le PIB a reculé au dernier trimestre 2023.', '2023-Q4'),
    ("Le PIB a reculé au dernier trimestre de l'année.", '2024-Q4'),
    ('Le PIB a reculé au second semestre 2024.', '2024-H2'),
    ('Le PIB a reculé au S1 2024.', '2024-H1'),
    ('Le PIB a reculé au H2 2023.', '2023-H2'),
]

test_parts = parts_of_year_tests(L, CASES)


def test_a_short_form_needs_its_year_and_upper_case():
    # "un T2" is a flat, "le Q2" a model: no quarter without its year
    got = tag("Il loue un T2 à Lyon depuis trois ans.", REF, language=L)
    assert [e.value for e in got if e.granularity == "quarter"] == []
    got = tag("La ligne S1 dessert Lyon ; il loue un S2 depuis 2019.", REF, language=L)
    assert [e.value for e in got if e.granularity == "half"] == []
    assert one("Le PIB a reculé au dernier trimestre de 2023.", REF, L).value == "2023-Q4"

