"""Spanish: a scheduled happening told in the present — the verbs of meetings, votes, deadlines and
entries into force — is still to come, and the past stays past (sentences written for these tests)."""
from tests.timex.tense_parts_cases import scheduled_present_tests

L = "es"

# (present, past): said on Wednesday 20 November 2024, the coming Friday and the Friday gone by
PAIRS = [
    ('El Congreso vota el viernes la ley.', 'El Congreso votó el viernes la ley.'),
    ('El alto el fuego entra en vigor el viernes.', 'El alto el fuego entró en vigor el viernes.'),
    ('El plazo vence el viernes.', 'El plazo venció el viernes.'),
    ('Las negociaciones concluyen el viernes.', 'El viernes, Rusia atacó Kiev.'),
]

MORE = [
    ('La cumbre se celebra el viernes en Madrid.', '2024-11-22'),
    ('El viernes, el Congreso votó y la ley fue aprobada.', '2024-11-15'),
]

test_present, test_more = scheduled_present_tests(L, PAIRS, MORE)
