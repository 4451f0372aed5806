"""Dutch: more verbs of news told in the present of what is to come — talks, signings, deliveries, launches, attacks,
with the particle split off by the expression ("valt vrijdag aan") — read as the coming day, while the past, the
participle, the nouns and an attack reported afterwards stay in the past (sentences written for these tests)."""
from datetime import date

import pytest

from tests.timex.lang_cases import one

L = "nl"
# said on Wednesday 20 November 2024: the coming Friday is the 22nd, the one gone by the 15th (the news default
# without a cue)
REF = date(2024, 11, 20)
COMING, GONE = "2024-11-22", "2024-11-15"

# (present of what is to come, the same told in the past or a look-alike that is no such present)
PAIRS = [
    ('Rusland valt vrijdag aan.', 'Rusland viel vrijdag aan.'),
    ('Rusland valt vrijdag Kyiv aan.', 'Vrijdag valt Rusland Kyiv aan, meldden de autoriteiten.'),
    ('Ze zegt dat Rusland vrijdag aanvalt.', 'Ze zei dat Rusland vrijdag aanviel.'),
    ('De premier ontmoet vrijdag Zelensky.', 'De premier heeft vrijdag Zelensky ontmoet.'),
    ('De Navo houdt vrijdag een top.', 'De Navo hield vrijdag een top.'),
    ('De ministers overleggen vrijdag in Brussel.', 'Het overleg van vrijdag werd afgelast.'),
    ('Oekraïne lanceert vrijdag een offensief.', 'Oekraïne lanceerde vrijdag een offensief.'),
    ('De president tekent vrijdag het akkoord.', 'De president tekende vrijdag het akkoord.'),
    ('Zelensky spreekt vrijdag het parlement toe.', 'Zelensky sprak vrijdag het parlement toe.'),
    ('Duitsland levert vrijdag tanks.', 'Duitsland leverde vrijdag tanks.'),
    ('De VS en Rusland onderhandelen vrijdag in Genève.', 'De VS en Rusland onderhandelden vrijdag in Genève.'),
    ('De minister vliegt vrijdag naar Washington.', 'De minister vloog vrijdag naar Washington.'),
]


@pytest.mark.parametrize("text,other", PAIRS)
def test_a_present_of_news_is_the_coming_day_and_the_rest_the_day_gone_by(text, other):
    e = one(text, REF, L)
    assert e.value == COMING, (text, e.reasoning)
    e = one(other, REF, L)
    assert e.value == GONE, (other, e.reasoning)
