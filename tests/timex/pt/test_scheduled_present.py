"""Portuguese: a scheduled happening told in the present — the verbs of meetings, votes, deadlines and
entries into force — is still to come, and the past stays past (sentences written for these tests)."""
from tests.timex.tense_parts_cases import scheduled_present_tests

L = "pt"

# (present, past): said on Wednesday 20 November 2024, the coming Friday and the Friday gone by
PAIRS = [
    ('O cessar-fogo entra em vigor na sexta-feira.', 'O cessar-fogo entrou em vigor na sexta-feira.'),
    ('O prazo expira na sexta-feira.', 'O prazo expirou na sexta-feira.'),
]

MORE = [
    ('A cimeira tem lugar na sexta-feira em Lisboa.', '2024-11-22'),
]

test_present, test_more = scheduled_present_tests(L, PAIRS, MORE)
