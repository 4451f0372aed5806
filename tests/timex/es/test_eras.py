"""Spanish: millennia and days before the common era, with the values and intervals the English tagger gives
(sentences written for these tests)."""
from datetime import date

from tests.timex.lang_cases import era_tests

REF = date(2024, 11, 18)
L = "es"

CASES = [
    ('En el II milenio a. C. se fundó la ciudad.', [('En el II milenio a. C.', 'BC1')]),
    ('Las tumbas son del tercer milenio antes de Cristo.', [('del tercer milenio antes de Cristo', 'BC2')]),
    ('El tercer milenio empezó con grandes promesas.', [('El tercer milenio', '2')]),
    ('El 15 de marzo del 44 a. C. fue asesinado César.', [('El 15 de marzo del 44 a. C.', 'BC0044-03-15')]),
    ('En marzo del 44 a. C. murió César en el Senado.', [('marzo del 44 a. C.', 'BC0044-03')]),
]

(test_millennia_and_days_before_the_common_era,
 test_a_day_before_the_common_era_is_its_astronomical_day,
 test_a_millennium_before_the_common_era_spans_its_thousand_years) = era_tests(
    L, REF, CASES,
    day=('El 15 de marzo del 44 a. C. fue asesinado César.', 'El 15 de marzo del 44 a. C.'),
    millennium=('En el II milenio a. C. se fundó la ciudad.', 'En el II milenio a. C.'))
