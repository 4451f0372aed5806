"""Ukrainian: millennia and days before the common era, with the values and intervals the English tagger gives
(sentences written for these tests)."""
from datetime import date

from tests.timex.lang_cases import era_tests

REF = date(2024, 11, 18)
L = "uk"

CASES = [
    ("У V тисячолітті до н. е. тут з'явилися перші поселення.", [("V тисячолітті до н. е.", "BC4")]),
    ('У II тисячолітті до н. е. тут жили люди.', [('II тисячолітті до н. е.', 'BC1')]),
    ('Поховання належать до третього тисячоліття до нашої ери.', [('третього тисячоліття до нашої ери', 'BC2')]),
    ('Третє тисячоліття почалося з великих надій.', [('Третє тисячоліття', '2')]),
    ('15 березня 44 року до н. е. Цезаря вбили.', [('15 березня 44 року до н. е.', 'BC0044-03-15')]),
    ('У березні 44 р. до н. е. Цезар загинув у сенаті.', [('березні 44 р. до н. е.', 'BC0044-03')]),
]

(test_millennia_and_days_before_the_common_era,
 test_a_day_before_the_common_era_is_its_astronomical_day,
 test_a_millennium_before_the_common_era_spans_its_thousand_years) = era_tests(
    L, REF, CASES,
    day=('15 березня 44 року до н. е. Цезаря вбили.', '15 березня 44 року до н. е.'),
    millennium=('У II тисячолітті до н. е. тут жили люди.', 'II тисячолітті до н. е.'))
