"""Russian: a scheduled happening told in the present — the verbs of meetings, votes, deadlines and
entries into force — is still to come, and the past stays past (sentences written for these tests)."""
from tests.timex.tense_parts_cases import scheduled_present_tests

L = "ru"

# (present, past): said on Wednesday 20 November 2024, the coming Friday and the Friday gone by
PAIRS = [
    ('Саммит проходит в пятницу в Москве.', 'Саммит прошёл в пятницу в Москве.'),
    ('Госдума проголосует в пятницу за закон.', 'Госдума проголосовала в пятницу за закон.'),
    ('Перемирие вступит в силу в пятницу.', 'Перемирие вступило в силу в пятницу.'),
    ('Путин заявит об этом в пятницу.', 'Путин заявил об этом в пятницу.'),
    ('Министр вылетает в пятницу в Пекин.', 'Министр вылетел в пятницу в Пекин.'),
    ('Срок истекает в пятницу.', 'В пятницу Россия атакует Киев ракетами, сообщили власти.'),
]

MORE = [
    ('Переговоры открываются в пятницу в Женеве.', '2024-11-22'),
    ('Лидеры встретятся в пятницу.', '2024-11-22'),
    ('В пятницу Россия нанесла удар по Киеву.', '2024-11-15'),
]

test_present, test_more = scheduled_present_tests(L, PAIRS, MORE)
