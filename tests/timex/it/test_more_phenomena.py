"""Italian: more phenomena a reader of the news cares about — parts of the day, weekends, repetitions, decades
and centuries, clock times with the part of the day, "a few days ago", a month of last year (sentences written
for these tests)."""
from datetime import date

from tests.timex.lang_cases import case_tests

REF = date(2024, 11, 18)   # a Monday
L = "it"

CASES = [
    ("Le truppe sono arrivate l'altro ieri.", [("l'altro ieri", '2024-11-16')]),
    ("L'attacco è avvenuto lo scorso fine settimana.", [('lo scorso fine settimana', '2024-W46-WE')]),
    ('Il vertice si terrà questo fine settimana.', [('questo fine settimana', '2024-W47-WE')]),
    ('I combattimenti sono durati tre settimane.', [('tre settimane', 'P3W')]),
    ('I ministri si riuniscono ogni martedì.', [('ogni martedì', 'XXXX-WXX-2')]),
    ('Gli ispettori visitano la centrale due volte alla settimana.', [('due volte alla settimana', 'P1W')]),
    ('I droni attaccano tre volte al giorno.', [('tre volte al giorno', 'P1D')]),
    ('La città è cresciuta negli anni novanta.', [('negli anni novanta', '199')]),
    ("Il ponte fu costruito all'inizio del XX secolo.", [("all'inizio del XX secolo", '19')]),
    ('La città è caduta due settimane fa.', [('due settimane fa', '2024-11-04')]),
    ("L'offensiva è cominciata nell'estate del 2022.", [("nell'estate del 2022", '2022-SU')]),
    ('Il presidente ha parlato alle tre del pomeriggio.', [('tre del pomeriggio', '2024-11-18T15:00')]),
    ('Il convoglio è partito alle sei del mattino.', [('sei del mattino', '2024-11-18T06:00')]),
    ('Le truppe sono tornate ieri pomeriggio.', [('ieri pomeriggio', '2024-11-17TAF')]),
    ('Il mese scorso sono caduti cento missili.', [('Il mese scorso', '2024-10')]),
    ("L'accordo sarà firmato l'anno prossimo.", [("l'anno prossimo", '2025')]),
    ('Negli ultimi due anni sono fuggiti milioni di persone.', [('ultimi due anni', 'P2Y')]),
    ('Qualche giorno fa sono arrivati i carri armati.', [('Qualche giorno fa', 'PAST_REF')]),
    ("L'esercito ha ripreso la città a marzo dell'anno scorso.", [("marzo dell'anno scorso", '2023-03')]),
    ('Nel secondo trimestre del 2023 il PIL è calato.', [('secondo trimestre del 2023', '2023-Q2')]),
    ('A Natale le famiglie si sono riunite.', [('Natale', '2023-12-25')]),
]

NOT_DATES = [
    'Il battaglione conta 1500 soldati.',
    "Un ragazzo di 17 anni è morto nell'attacco.",
    "Alle tre navi è stato vietato l'ingresso.",
]

test_more_phenomena, test_more_things_that_are_not_dates = case_tests(L, REF, CASES, NOT_DATES)
