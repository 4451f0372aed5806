"""Russian: millennia and days before the common era, with the values and intervals the English tagger gives
(sentences written for these tests)."""
from datetime import date

from tests.timex.lang_cases import era_tests

REF = date(2024, 11, 18)
L = "ru"

CASES = [
    ('Во II тысячелетии до н. э. здесь жили люди.', [('II тысячелетии до н. э.', 'BC1')]),
    ('Гробницы относятся к третьему тысячелетию до нашей эры.', [('третьему тысячелетию до нашей эры', 'BC2')]),
    ('Третье тысячелетие началось с больших надежд.', [('Третье тысячелетие', '2')]),
    ('15 марта 44 года до н. э. Цезарь был убит.', [('15 марта 44 года до н. э.', 'BC0044-03-15')]),
    ('В марте 44 г. до н. э. Цезарь погиб в сенате.', [('марте 44 г. до н. э.', 'BC0044-03')]),
]

(test_millennia_and_days_before_the_common_era,
 test_a_day_before_the_common_era_is_its_astronomical_day,
 test_a_millennium_before_the_common_era_spans_its_thousand_years) = era_tests(
    L, REF, CASES,
    day=('15 марта 44 года до н. э. Цезарь был убит.', '15 марта 44 года до н. э.'),
    millennium=('Во II тысячелетии до н. э. здесь жили люди.', 'II тысячелетии до н. э.'))
