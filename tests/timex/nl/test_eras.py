"""Dutch: millennia and days before the common era, with the values and intervals the English tagger gives
(sentences written for these tests)."""
from datetime import date

from tests.timex.lang_cases import era_tests

REF = date(2024, 11, 18)
L = "nl"

CASES = [
    ('In het tweede millennium v.Chr. werd de stad gesticht.', [('het tweede millennium v.Chr.', 'BC1')]),
    ('De graven dateren uit het 3e millennium voor Christus.', [('het 3e millennium voor Christus', 'BC2')]),
    ('Het derde millennium begon met grote beloften.', [('Het derde millennium', '2')]),
    ('Op 15 maart 44 v.Chr. werd Caesar vermoord.', [('15 maart 44 v.Chr.', 'BC0044-03-15')]),
    ('In maart 44 v.Chr. stierf Caesar in de Senaat.', [('maart 44 v.Chr.', 'BC0044-03')]),
]

(test_millennia_and_days_before_the_common_era,
 test_a_day_before_the_common_era_is_its_astronomical_day,
 test_a_millennium_before_the_common_era_spans_its_thousand_years) = era_tests(
    L, REF, CASES,
    day=('Op 15 maart 44 v.Chr. werd Caesar vermoord.', '15 maart 44 v.Chr.'),
    millennium=('In het tweede millennium v.Chr. werd de stad gesticht.', 'het tweede millennium v.Chr.'))
