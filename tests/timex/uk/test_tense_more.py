"""Ukrainian: more verbs of news told in the present of what is to come — the imperfective presents of meetings, talks,
signings, travel, speeches, deliveries, attacks — read as the coming day, while the past stay in the past (sentences
written for these tests)."""
from datetime import date

import pytest

from tests.timex.lang_cases import one, values

L = "uk"
# said on Wednesday 20 November 2024: the coming Friday is the 22nd, the one gone by the 15th (the news default
# without a cue)
REF = date(2024, 11, 20)
COMING, GONE = "2024-11-22", "2024-11-15"

# (present of what is to come, the same told in the past or a look-alike that is no such present)
PAIRS = [
    ("Росія атакує в п'ятницю.", "Росія атакувала в п'ятницю."),
    ("Міністр зустрічається в п'ятницю із Зеленським.", "Міністр зустрівся в п'ятницю із Зеленським."),
    ("Міністри ведуть переговори в п'ятницю в Женеві.", "Міністри вели переговори в п'ятницю в Женеві."),
    ("Президент підписує в п'ятницю угоду.", "Президент підписав в п'ятницю угоду."),
    ("Україна починає в п'ятницю наступ.", "Україна почала в п'ятницю наступ."),
    ("Канцлер летить в п'ятницю до Києва.", "Канцлер летів в п'ятницю до Києва."),
    ("Рада голосує в п'ятницю за закон.", "Рада голосувала в п'ятницю за закон."),
    ("Німеччина постачає в п'ятницю танки.", "Німеччина постачала в п'ятницю танки."),
    ("Прем'єр виступає в п'ятницю в парламенті.", "Прем'єр виступив в п'ятницю в парламенті."),
    ("Прем'єр відвідує в п'ятницю Київ.", "Прем'єр відвідав в п'ятницю Київ."),
    ("Канцлер приїжджає в п'ятницю до Києва.", "Канцлер приїхав в п'ятницю до Києва."),
]


@pytest.mark.parametrize("text,other", PAIRS)
def test_a_present_of_news_is_the_coming_day_and_the_rest_the_day_gone_by(text, other):
    e = one(text, REF, L)
    assert e.value == COMING, (text, e.reasoning)
    e = one(other, REF, L)
    assert e.value == GONE, (other, e.reasoning)


# "до кінця року": the preposition is no part of the expression (as TimeML writes it, and WikiWarsUA: "кінця року")
@pytest.mark.parametrize("text,expression,value", [
    ("Україна розраховує завершити переговори до кінця року.", "кінця року", "2024"),
    ("До кінця 1943 року армія відступила.", "кінця 1943", "1943"),
    ("Бої тривали до середини липня.", "середини липня", "2024-07"),
    ("До початку 1944 року фронт стояв.", "початку 1944", "1944"),
])
def test_until_a_position_leaves_the_preposition_out(text, expression, value):
    e = one(text, REF, L)
    assert (e.text, e.value) == (expression, value), e.reasoning


def test_initial_positions_are_no_weekend():
    # "вихідні" is also "initial": "вихідні позиції" is no weekend, "на вихідні" still is
    assert values("Війська відійшли на вихідні позиції.", REF, L) == []
    assert values("Саміт відбудеться на вихідні.", REF, L) == [("вихідні", "2024-W47-WE")]
