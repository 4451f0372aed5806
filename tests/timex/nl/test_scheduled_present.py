"""Dutch: a scheduled happening told in the present — the verbs of meetings, votes, deadlines and
entries into force — is still to come, and the past stays past (sentences written for these tests)."""
from tests.timex.tense_parts_cases import scheduled_present_tests

L = "nl"

# (present, past): said on Wednesday 20 November 2024, the coming Friday and the Friday gone by
PAIRS = [
    ('De top vindt vrijdag plaats in Brussel.', 'De top vond vrijdag plaats in Brussel.'),
    ('Het parlement stemt vrijdag over de wet.', 'Het parlement stemde vrijdag over de wet.'),
    ('De onderhandelingen eindigen vrijdag.', 'De onderhandelingen eindigden vrijdag.'),
]

MORE = [
    ('Het bestand gaat vrijdag in.', '2024-11-22'),
    ('De stemmen van vrijdag werden geteld.', '2024-11-15'),
    ('Hij vond vrijdag dat het plan goed was.', '2024-11-15'),
]

test_present, test_more = scheduled_present_tests(L, PAIRS, MORE)
