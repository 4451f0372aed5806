"""Ukrainian: a scheduled happening told in the present — the verbs of meetings, votes, deadlines and
entries into force — is still to come, and the past stays past (sentences written for these tests)."""
from tests.timex.tense_parts_cases import scheduled_present_tests

L = "uk"

# (present, past): said on Wednesday 20 November 2024, the coming Friday and the Friday gone by
PAIRS = [
    ("Саміт відбувається у п'ятницю в Києві.", "Саміт відбувся у п'ятницю в Києві."),
    ("Верховна Рада проголосує у п'ятницю за закон.", "Верховна Рада проголосувала у п'ятницю за закон."),
    ("Перемир'я набуде чинності у п'ятницю.", "Перемир'я набуло чинності у п'ятницю."),
    ("Лідери зустрінуться у п'ятницю.", "Лідери зустрілися у п'ятницю."),
    ("Міністр відвідає Київ у п'ятницю.", "Міністр відвідав Київ у п'ятницю."),
    ("Президент підпише закон у п'ятницю.", "У п'ятницю Росія завдала удару по Києву."),
    ("Строк спливає у п'ятницю.", "У п'ятницю Росія атакує Київ ракетами, повідомили влада."),
]

MORE = [
    ("Міністр відвідав Київ у п'ятницю.", '2024-11-15'),
]

test_present, test_more = scheduled_present_tests(L, PAIRS, MORE)
