"""Italian: a scheduled happening told in the present — the verbs of meetings, votes, deadlines and
entries into force — is still to come, and the past stays past (sentences written for these tests)."""
from tests.timex.tense_parts_cases import scheduled_present_tests

L = "it"

# (present, past): said on Wednesday 20 November 2024, the coming Friday and the Friday gone by
PAIRS = [
    ('Il ministro visita Kiev venerdì.', 'Il ministro ha visitato Kiev venerdì.'),
    ('Il vertice si tiene venerdì a Bruxelles.', 'Il vertice si è tenuto venerdì a Bruxelles.'),
    ('Il Parlamento vota venerdì la legge.', 'Il Parlamento ha votato venerdì la legge.'),
    ('La tregua entra in vigore venerdì.', 'La tregua è entrata in vigore venerdì.'),
    ('La conferenza si svolge venerdì a Roma.', 'La visita di venerdì è stata un successo.'),
    ('Il termine scade venerdì.', 'La firma di venerdì è stata rinviata.'),
]

MORE = [
    ('Il Consiglio si riunisce venerdì a New York.', '2024-11-22'),
    ('I due leader si incontrano venerdì a Roma.', '2024-11-22'),
    ('Il ministro parte venerdì per Kiev.', '2024-11-22'),
]

test_present, test_more = scheduled_present_tests(L, PAIRS, MORE)
