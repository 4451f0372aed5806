"""Italian: millennia and days before the common era, with the values and intervals the English tagger gives
(sentences written for these tests)."""
from datetime import date

from tests.timex.lang_cases import era_tests

REF = date(2024, 11, 18)
L = "it"

CASES = [
    ('Nel II millennio a.C. fu fondata la città.', [('Nel II millennio a.C.', 'BC1')]),
    ('Le tombe risalgono al terzo millennio avanti Cristo.', [('al terzo millennio avanti Cristo', 'BC2')]),
    ('Il terzo millennio è cominciato con grandi promesse.', [('Il terzo millennio', '2')]),
    ('Il 15 marzo 44 a.C. Cesare fu ucciso.', [('Il 15 marzo 44 a.C.', 'BC0044-03-15')]),
    ('Nel marzo del 44 a.C. Cesare morì in Senato.', [('marzo del 44 a.C.', 'BC0044-03')]),
]

(test_millennia_and_days_before_the_common_era,
 test_a_day_before_the_common_era_is_its_astronomical_day,
 test_a_millennium_before_the_common_era_spans_its_thousand_years) = era_tests(
    L, REF, CASES,
    day=('Il 15 marzo 44 a.C. Cesare fu ucciso.', 'Il 15 marzo 44 a.C.'),
    millennium=('Nel II millennio a.C. fu fondata la città.', 'Nel II millennio a.C.'))
