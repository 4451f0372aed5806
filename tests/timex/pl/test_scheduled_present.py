"""Polish: a scheduled happening told in the imperfective present — the verbs of meetings, votes, travel,
deadlines and entries into force — is still to come, and the past stays past (sentences written for these
tests)."""
from tests.timex.tense_parts_cases import scheduled_present_tests

L = "pl"

# (present, past): said on Wednesday 20 November 2024, the coming Friday and the Friday gone by
PAIRS = [
    ('Szczyt odbywa się w piątek w Warszawie.', 'Szczyt odbył się w piątek w Warszawie.'),
    ('Minister wylatuje w piątek do Pekinu.', 'Minister wyleciał w piątek do Pekinu.'),
    ('Ustawa wchodzi w życie w piątek.', 'Ustawa weszła w życie w piątek.'),
    ('Sejm głosuje w piątek nad ustawą.', 'Sejm głosował w piątek nad ustawą.'),
    ('Termin upływa w piątek.', 'Termin upłynął w piątek.'),
    ('Rozmowy rozpoczynają się w piątek w Genewie.', 'Rozmowy rozpoczęły się w piątek w Genewie.'),
]

MORE = [
    ('Prezydent odwiedza w piątek Kijów.', '2024-11-22'),
    ('Przywódcy spotkają się w piątek.', '2024-11-22'),
    ('W piątek Rosja zaatakowała Kijów.', '2024-11-15'),
    ('W piątek Rosja atakuje Kijów rakietami, podały władze.', '2024-11-15'),
]

test_present, test_more = scheduled_present_tests(L, PAIRS, MORE)
