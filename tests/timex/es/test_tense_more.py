"""Spanish: more verbs of news told in the present of what is to come — talks, speeches, deliveries, launches, attacks
— read as the coming day, while the past, the nouns and an attack reported afterwards stay in the past (sentences
written for these tests)."""
from datetime import date

import pytest

from tests.timex.lang_cases import one

L = "es"
# said on Wednesday 20 November 2024: a bare Monday is nearer in the past (18) than ahead (25), so a sentence with
# no tense cue reads the one gone by and only a cue of what is to come gives the coming one
REF = date(2024, 11, 20)
COMING, GONE = "2024-11-25", "2024-11-18"

# (present of what is to come, the same told in the past or a look-alike that is no such present)
PAIRS = [
    ('Rusia ataca el lunes.', 'Rusia atacó el lunes.'),
    ('El lunes Rusia ataca Kiev.', 'El lunes Rusia ataca Kiev, informaron las autoridades.'),
    ('Ucrania lanza el lunes una ofensiva.', 'Ucrania lanzó el lunes una ofensiva.'),
    ('Los ministros negocian el lunes en Ginebra.', 'Los ministros negociaron el lunes en Ginebra.'),
    ('España organiza el lunes una conferencia.', 'España organizó el lunes una conferencia.'),
    ('Los líderes celebran el lunes una cumbre.', 'Los líderes celebraron el lunes una cumbre.'),
    ('El Senado debate el lunes la ley.', 'El debate del lunes fue tenso.'),
    ('Alemania entrega el lunes tanques.', 'La entrega del lunes se retrasó.'),
    ('El ministro presenta el lunes su plan.', 'El ministro presentó el lunes su plan.'),
    ('El presidente se dirige el lunes al Parlamento.', 'El presidente se dirigió el lunes al Parlamento.'),
    ('Los ucranianos eligen el lunes a su presidente.', 'Los ucranianos eligieron el lunes a su presidente.'),
]


@pytest.mark.parametrize("text,other", PAIRS)
def test_a_present_of_news_is_the_coming_day_and_the_rest_the_day_gone_by(text, other):
    e = one(text, REF, L)
    assert e.value == COMING, (text, e.reasoning)
    e = one(other, REF, L)
    assert e.value == GONE, (other, e.reasoning)
