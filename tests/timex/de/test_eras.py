"""German: millennia and days before the common era, with the values and intervals the English tagger gives
(sentences written for these tests)."""
from datetime import date

from tests.timex.lang_cases import era_tests

REF = date(2024, 11, 18)
L = "de"

CASES = [
    ('Im 2. Jahrtausend v. Chr. entstand die Stadt.', [('2. Jahrtausend v. Chr.', 'BC1')]),
    ('Die Gräber stammen aus dem dritten Jahrtausend v. Chr.', [('dem dritten Jahrtausend v. Chr.', 'BC2')]),
    ('Zu Beginn des 3. Jahrtausends wuchs die Stadt.', [('Zu Beginn des 3. Jahrtausends', '2')]),
    ('Am 15. März 44 v. Chr. wurde Caesar ermordet.', [('15. März 44 v. Chr.', 'BC0044-03-15')]),
    ('Im März 44 v. Chr. starb Caesar im Senat.', [('März 44 v. Chr.', 'BC0044-03')]),
]

(test_millennia_and_days_before_the_common_era,
 test_a_day_before_the_common_era_is_its_astronomical_day,
 test_a_millennium_before_the_common_era_spans_its_thousand_years) = era_tests(
    L, REF, CASES,
    day=('Am 15. März 44 v. Chr. wurde Caesar ermordet.', '15. März 44 v. Chr.'),
    millennium=('Im 2. Jahrtausend v. Chr. entstand die Stadt.', '2. Jahrtausend v. Chr.'))
