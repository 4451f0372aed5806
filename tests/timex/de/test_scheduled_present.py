"""German: a scheduled happening told in the present — the verbs of meetings, votes, deadlines and
entries into force — is still to come, and the past stays past (sentences written for these tests)."""
from tests.timex.tense_parts_cases import scheduled_present_tests

L = "de"

# (present, past): said on Wednesday 20 November 2024, the coming Friday and the Friday gone by
PAIRS = [
    ('Die Konferenz findet am Freitag in Berlin statt.', 'Die Konferenz fand am Freitag in Berlin statt.'),
    ('Der Bundestag stimmt am Freitag über das Gesetz ab.', 'Der Bundestag stimmte am Freitag über das Gesetz ab.'),
    ('Die Waffenruhe tritt am Freitag in Kraft.', 'Die Waffenruhe trat am Freitag in Kraft.'),
    ('Die Frist läuft am Freitag ab.', 'Die Frist lief am Freitag ab.'),
    ('Die Gespräche enden am Freitag.', 'Die Gespräche endeten am Freitag.'),
    ('Georgien wählt am Freitag ein neues Parlament.', 'Am Freitag hat Russland Kiew angegriffen.'),
]

MORE = [
    ('Das Land stimmt den Vorschlägen vom Freitag zu und hat sie gebilligt.', '2024-11-15'),
    ('Die Stimmen vom Freitag wurden gezählt.', '2024-11-15'),
]

test_present, test_more = scheduled_present_tests(L, PAIRS, MORE)
