"""Spanish: more phenomena a reader of the news cares about — parts of the day, weekends, repetitions, decades
and centuries, clock times with the part of the day, "a few days ago", a month of last year (sentences written
for these tests)."""
from datetime import date

from tests.timex.lang_cases import case_tests

REF = date(2024, 11, 18)   # a Monday
L = "es"

CASES = [
    ('Las tropas llegaron anteanoche.', [('anteanoche', '2024-11-16TNI')]),
    ('El ataque ocurrió el fin de semana pasado.', [('el fin de semana pasado', '2024-W46-WE')]),
    ('La reunión será este fin de semana.', [('este fin de semana', '2024-W47-WE')]),
    ('Los combates duraron tres semanas.', [('tres semanas', 'P3W')]),
    ('Los ministros se reúnen cada martes.', [('cada martes', 'XXXX-WXX-2')]),
    ('Los inspectores visitan la central dos veces por semana.', [('dos veces por semana', 'P1W')]),
    ('Los drones atacan tres veces al día.', [('tres veces al día', 'P1D')]),
    ('La ciudad creció en la década de los noventa.', [('en la década de los noventa', '199')]),
    ('El puente se construyó a principios del siglo XX.', [('a principios del siglo XX', '19')]),
    ('El pasado martes por la mañana hubo explosiones.', [('El pasado martes por la mañana', '2024-11-12TMO')]),
    ('La ciudad cayó hace dos semanas.', [('hace dos semanas', '2024-11-04')]),
    ('La ofensiva empezó en el verano de 2022.', [('el verano de 2022', '2022-SU')]),
    ('La ofensiva se reanudará la próxima primavera.', [('próxima primavera', '2025-SP')]),
    ('La tregua se rompió el invierno pasado.', [('el invierno pasado', '2023-WI')]),
    ('El presidente habló a las tres de la tarde.', [('las tres de la tarde', '2024-11-18T15:00')]),
    ('Las tropas volvieron ayer por la tarde.', [('ayer por la tarde', '2024-11-17TAF')]),
    ('El mes pasado cayeron cien misiles.', [('El mes pasado', '2024-10')]),
    ('El acuerdo se firmará el año que viene.', [('el año que viene', '2025')]),
    ('La guerra dura ya desde hace tres meses.', [('hace tres meses', 'P3M')]),
    ('En los últimos dos años huyeron millones.', [('los últimos dos años', 'P2Y')]),
    ('Hace unos días llegaron los tanques.', [('Hace unos días', 'PAST_REF')]),
    ('Las elecciones serán el 5 de marzo del año que viene.', [('el 5 de marzo del año que viene', '2025-03-05')]),
]

NOT_DATES = [
    'El batallón tiene 1500 soldados.',
    'Un joven de 17 años murió en el ataque.',
    'La Plaza de Mayo estaba llena.',
]

test_more_phenomena, test_more_things_that_are_not_dates = case_tests(L, REF, CASES, NOT_DATES)
