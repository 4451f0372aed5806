"""Portuguese: millennia and days before the common era, with the values and intervals the English tagger gives
(sentences written for these tests)."""
from datetime import date

from tests.timex.lang_cases import era_tests

REF = date(2024, 11, 18)
L = "pt"

CASES = [
    ('No II milénio a.C. a cidade foi fundada.', [('No II milénio a.C.', 'BC1')]),
    ('Os túmulos são do terceiro milênio antes de Cristo.', [('do terceiro milênio antes de Cristo', 'BC2')]),
    ('O terceiro milénio começou com grandes promessas.', [('O terceiro milénio', '2')]),
    ('A 15 de março de 44 a.C. César foi assassinado.', [('A 15 de março de 44 a.C.', 'BC0044-03-15')]),
    ('Em março de 44 a.C. César morreu no Senado.', [('março de 44 a.C.', 'BC0044-03')]),
]

(test_millennia_and_days_before_the_common_era,
 test_a_day_before_the_common_era_is_its_astronomical_day,
 test_a_millennium_before_the_common_era_spans_its_thousand_years) = era_tests(
    L, REF, CASES,
    day=('A 15 de março de 44 a.C. César foi assassinado.', 'A 15 de março de 44 a.C.'),
    millennium=('No II milénio a.C. a cidade foi fundada.', 'No II milénio a.C.'))
