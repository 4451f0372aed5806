"""Polish: millennia and days before the common era, with the values and intervals the English tagger gives
(sentences written for these tests)."""
from datetime import date

from tests.timex.lang_cases import era_tests

REF = date(2024, 11, 18)
L = "pl"

CASES = [
    ('W II tysiącleciu p.n.e. założono miasto.', [('II tysiącleciu p.n.e.', 'BC1')]),
    ('Groby pochodzą z trzeciego tysiąclecia przed naszą erą.', [('trzeciego tysiąclecia przed naszą erą', 'BC2')]),
    ('Trzecie tysiąclecie zaczęło się od wielkich obietnic.', [('Trzecie tysiąclecie', '2')]),
    ('15 marca 44 r. p.n.e. zamordowano Cezara.', [('15 marca 44 r. p.n.e.', 'BC0044-03-15')]),
    ('W marcu 44 r. p.n.e. zginął Cezar.', [('marcu 44 r. p.n.e.', 'BC0044-03')]),
]

(test_millennia_and_days_before_the_common_era,
 test_a_day_before_the_common_era_is_its_astronomical_day,
 test_a_millennium_before_the_common_era_spans_its_thousand_years) = era_tests(
    L, REF, CASES,
    day=('15 marca 44 r. p.n.e. zamordowano Cezara.', '15 marca 44 r. p.n.e.'),
    millennium=('W II tysiącleciu p.n.e. założono miasto.', 'II tysiącleciu p.n.e.'))
