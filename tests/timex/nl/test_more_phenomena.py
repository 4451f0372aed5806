"""Dutch: more phenomena a reader of the news cares about — parts of the day, weekends, repetitions, decades
and centuries, clock times with the part of the day, "a few days ago", a month of last year (sentences written
for these tests)."""
from datetime import date

from tests.timex.lang_cases import case_tests

REF = date(2024, 11, 18)   # a Monday
L = "nl"

CASES = [
    ('In de komende weken volgen nieuwe gesprekken.', [('In de komende weken', 'PXW')]),
    ('De afgelopen dagen vielen er raketten.', [('De afgelopen dagen', 'PXD')]),
    ('De troepen kwamen eergisteravond aan.', [('eergisteravond', '2024-11-16TEV')]),
    ('De trein vertrekt overmorgenochtend.', [('overmorgenochtend', '2024-11-20TMO')]),
    ('De inspecteurs bezoeken de centrale twee keer per week.', [('twee keer per week', 'P1W')]),
    ('De stad groeide in de jaren negentig.', [('de jaren negentig', '199')]),
    ('De brug werd begin twintigste eeuw gebouwd.', [('begin twintigste eeuw', '19')]),
    ('De stad viel twee weken geleden.', [('twee weken geleden', '2024-11-04')]),
    ('Het offensief begon in de zomer van 2022.', [('de zomer van 2022', '2022-SU')]),
    ("De president sprak om drie uur 's middags.", [("drie uur 's middags", '2024-11-18T15:00')]),
    ("De president sprak om 9 uur 's avonds.", [("9 uur 's avonds", '2024-11-18T21:00')]),
    ("Het konvooi vertrok om zes uur 's ochtends.", [("zes uur 's ochtends", '2024-11-18T06:00')]),
    ('De minister arriveerde om acht uur.', [('acht uur', '2024-11-18T08:00')]),
    ('De beschietingen duurden drie uur lang.', [('drie uur', 'PT3H')]),
    ('Vorige maand vielen honderd raketten.', [('Vorige maand', '2024-10')]),
    ('Het akkoord wordt volgend jaar getekend.', [('volgend jaar', '2025')]),
    ('Een paar dagen geleden kwamen de tanks.', [('Een paar dagen geleden', 'PAST_REF')]),
    ('Het leger heroverde de stad in maart vorig jaar.', [('maart vorig jaar', '2023-03')]),
    ('Afgelopen winter brak het bestand.', [('Afgelopen winter', '2023-WI')]),
]

NOT_DATES = [
    'De afgelopen jaren groeide de stad.',
    'Het bataljon telt 1500 soldaten.',
    'Een jongen van 17 jaar oud kwam om.',
    'Het gebouw telt drie verdiepingen.',
]

test_more_phenomena, test_more_things_that_are_not_dates = case_tests(L, REF, CASES, NOT_DATES)
