"""French: millennia and days before the common era, with the values and intervals the English tagger gives
(sentences written for these tests)."""
from datetime import date

from tests.timex.lang_cases import era_tests

REF = date(2024, 11, 18)
L = "fr"

CASES = [
    ("Au Ier millénaire av. J.-C., le site fut abandonné.", [("Au Ier millénaire av. J.-C.", "BC0")]),
    ('Au IIIe millénaire av. J.-C., la ville existait déjà.', [('Au IIIe millénaire av. J.-C.', 'BC2')]),
    ('Les tombes datent du deuxième millénaire avant notre ère.', [('du deuxième millénaire avant notre ère', 'BC1')]),
    ('Le troisième millénaire a commencé.', [('Le troisième millénaire', '2')]),
    ('Le 15 mars 44 av. J.-C., César fut assassiné.', [('Le 15 mars 44 av. J.-C.', 'BC0044-03-15')]),
    ('En mars 44 av. J.-C., César mourut au Sénat.', [('mars 44 av. J.-C.', 'BC0044-03')]),
]

(test_millennia_and_days_before_the_common_era,
 test_a_day_before_the_common_era_is_its_astronomical_day,
 test_a_millennium_before_the_common_era_spans_its_thousand_years) = era_tests(
    L, REF, CASES,
    day=('Le 15 mars 44 av. J.-C., César fut assassiné.', 'Le 15 mars 44 av. J.-C.'),
    millennium=('Les tombes datent du deuxième millénaire avant notre ère.', 'du deuxième millénaire avant notre ère'))
