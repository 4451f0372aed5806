"""Portuguese: more phenomena a reader of the news cares about — parts of the day, weekends, repetitions, decades
and centuries, clock times with the part of the day, "a few days ago", a month of last year (sentences written
for these tests)."""
from datetime import date

from tests.timex.lang_cases import case_tests

REF = date(2024, 11, 18)   # a Monday
L = "pt"

CASES = [
    ('As tropas chegaram anteontem à noite.', [('anteontem à noite', '2024-11-16TNI')]),
    ('O ataque ocorreu no fim de semana passado.', [('no fim de semana passado', '2024-W46-WE')]),
    ('A cimeira realiza-se neste fim de semana.', [('neste fim de semana', '2024-W47-WE')]),
    ('Os ministros reúnem-se todas as terças-feiras.', [('todas as terças-feiras', 'XXXX-WXX-2')]),
    ('Os inspetores visitam a central duas vezes por semana.', [('duas vezes por semana', 'P1W')]),
    ('Os drones atacam três vezes ao dia.', [('três vezes ao dia', 'P1D')]),
    ('A cidade cresceu nos anos noventa.', [('nos anos noventa', '199')]),
    ('A ponte foi construída no início do século XX.', [('no início do século XX', '19')]),
    ('A cidade caiu há duas semanas.', [('há duas semanas', '2024-11-04')]),
    ('A ofensiva começou no verão de 2022.', [('no verão de 2022', '2022-SU')]),
    ('O presidente falou às três da tarde.', [('três da tarde', '2024-11-18T15:00')]),
    ('O comboio partiu às seis da manhã.', [('seis da manhã', '2024-11-18T06:00')]),
    ('O presidente falou às 9 da noite.', [('9 da noite', '2024-11-18T21:00')]),
    ('As tropas voltaram ontem à tarde.', [('ontem à tarde', '2024-11-17TAF')]),
    ('No mês passado caíram cem mísseis.', [('No mês passado', '2024-10')]),
    ('O acordo será assinado no ano que vem.', [('no ano que vem', '2025')]),
    ('A reunião é na semana que vem.', [('na semana que vem', '2024-W48')]),
    ('Nos últimos dois anos fugiram milhões de pessoas.', [('últimos dois anos', 'P2Y')]),
    ('Há alguns dias chegaram os tanques.', [('Há alguns dias', 'PAST_REF')]),
    ('O exército retomou a cidade em março do ano passado.', [('março do ano passado', '2023-03')]),
]

NOT_DATES = [
    'O batalhão tem 1500 soldados.',
    'Um jovem de 17 anos morreu no ataque.',
    'Marte é o quarto planeta.',
]

test_more_phenomena, test_more_things_that_are_not_dates = case_tests(L, REF, CASES, NOT_DATES)
