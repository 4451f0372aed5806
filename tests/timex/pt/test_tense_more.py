"""Portuguese: more verbs of news told in the present of what is to come — talks, deliveries, launches, attacks — read
as the coming day, while the past, the nouns and an attack reported afterwards stay in the past (sentences written
for these tests)."""
from datetime import date

import pytest

from tests.timex.lang_cases import one

L = "pt"
# said on Wednesday 20 November 2024: a bare Monday is nearer in the past (18) than ahead (25), so a sentence with
# no tense cue reads the one gone by and only a cue of what is to come gives the coming one
REF = date(2024, 11, 20)
COMING, GONE = "2024-11-25", "2024-11-18"

# (present of what is to come, the same told in the past or a look-alike that is no such present)
PAIRS = [
    ('A Rússia ataca na segunda-feira.', 'A Rússia atacou na segunda-feira.'),
    ('Na segunda-feira a Rússia ataca Kiev.', 'Na segunda-feira a Rússia ataca Kiev, informaram as autoridades.'),
    ('A Ucrânia lança na segunda-feira uma ofensiva.', 'A Ucrânia lançou na segunda-feira uma ofensiva.'),
    ('Os ministros negociam na segunda-feira em Genebra.', 'Os ministros negociaram na segunda-feira em Genebra.'),
    ('Portugal organiza na segunda-feira uma conferência.', 'Portugal organizou na segunda-feira uma conferência.'),
    ('Os líderes realizam na segunda-feira uma cimeira.', 'Os líderes realizaram na segunda-feira uma cimeira.'),
    ('O Parlamento debate na segunda-feira a lei.', 'O debate de segunda-feira foi tenso.'),
    ('A Alemanha entrega na segunda-feira tanques.', 'A entrega de segunda-feira atrasou.'),
    ('O ministro apresenta na segunda-feira o seu plano.', 'O ministro apresentou na segunda-feira o seu plano.'),
    ('As negociações são retomadas na segunda-feira.', 'As negociações foram retomadas na segunda-feira.'),
    ('O ministro encontra-se na segunda-feira com Zelensky.', 'O ministro encontrou-se na segunda-feira com Zelensky.'),
]


@pytest.mark.parametrize("text,other", PAIRS)
def test_a_present_of_news_is_the_coming_day_and_the_rest_the_day_gone_by(text, other):
    e = one(text, REF, L)
    assert e.value == COMING, (text, e.reasoning)
    e = one(other, REF, L)
    assert e.value == GONE, (other, e.reasoning)
