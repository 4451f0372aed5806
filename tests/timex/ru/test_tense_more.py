"""Russian: more verbs of news told in the present of what is to come — the imperfective presents of meetings, talks,
signings, travel, speeches, deliveries, attacks — read as the coming day, while the past stay in the past (sentences
written for these tests)."""
from datetime import date

import pytest

from tests.timex.lang_cases import one

L = "ru"
# said on Wednesday 20 November 2024: the coming Friday is the 22nd, the one gone by the 15th (the news default
# without a cue)
REF = date(2024, 11, 20)
COMING, GONE = "2024-11-22", "2024-11-15"

# (present of what is to come, the same told in the past or a look-alike that is no such present)
PAIRS = [
    ('Россия атакует в пятницу.', 'Россия атаковала в пятницу.'),
    ('Министр встречается в пятницу с Зеленским.', 'Министр встретился в пятницу с Зеленским.'),
    ('Министры ведут переговоры в пятницу в Женеве.', 'Министры вели переговоры в пятницу в Женеве.'),
    ('Президент подписывает в пятницу соглашение.', 'Президент подписал в пятницу соглашение.'),
    ('Украина начинает в пятницу наступление.', 'Украина начала в пятницу наступление.'),
    ('Канцлер летит в пятницу в Киев.', 'Канцлер летал в пятницу в Киев.'),
    ('Дума голосует в пятницу за закон.', 'Дума голосовала в пятницу за закон.'),
    ('Германия поставляет в пятницу танки.', 'Германия поставила в пятницу танки.'),
    ('Премьер выступает в пятницу в парламенте.', 'Премьер выступил в пятницу в парламенте.'),
    ('Переговоры возобновляются в пятницу.', 'Переговоры возобновились в пятницу.'),
    ('Канцлер приезжает в пятницу в Киев.', 'Канцлер приехал в пятницу в Киев.'),
]


@pytest.mark.parametrize("text,other", PAIRS)
def test_a_present_of_news_is_the_coming_day_and_the_rest_the_day_gone_by(text, other):
    e = one(text, REF, L)
    assert e.value == COMING, (text, e.reasoning)
    e = one(other, REF, L)
    assert e.value == GONE, (other, e.reasoning)


# "до конца года", "к концу 1943 года": the preposition is no part of the expression (as TimeML writes it)
@pytest.mark.parametrize("text,expression,value", [
    ("Россия рассчитывает завершить работы до конца года.", "конца года", "2024"),
    ("К концу 1943 года армия отступила.", "концу 1943", "1943"),
    ("Бои шли до конца мая.", "конца мая", "2024-05"),
    ("До начала 1944 года фронт стоял.", "начала 1944", "1944"),
])
def test_until_a_position_leaves_the_preposition_out(text, expression, value):
    e = one(text, REF, L)
    assert (e.text, e.value) == (expression, value), e.reasoning
