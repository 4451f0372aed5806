"""French: a scheduled happening told in the present — the verbs of meetings, votes, deadlines and
entries into force — is still to come, and the past stays past (sentences written for these tests)."""
from tests.timex.tense_parts_cases import scheduled_present_tests

L = "fr"

# (present, past): said on Wednesday 20 November 2024, the coming Friday and the Friday gone by
PAIRS = [
    ('La réunion a lieu vendredi à Bruxelles.', 'La réunion a eu lieu vendredi à Bruxelles.'),
    ('Le sommet se déroule vendredi à Bruxelles.', "Le sommet s'est déroulé vendredi à Bruxelles."),
    ('Le Parlement vote vendredi la loi.', 'Le Parlement a voté vendredi la loi.'),
    ('Le cessez-le-feu entre en vigueur vendredi.', 'Le cessez-le-feu est entré en vigueur vendredi.'),
    ("L'ultimatum expire vendredi.", "L'ultimatum a expiré vendredi."),
    ("Les négociations s'achèvent vendredi à Genève.", 'Les négociations se sont achevées vendredi à Genève.'),
]

MORE = [
    ('Les élections ont lieu vendredi.', '2024-11-22'),
    ('Vendredi, la Russie a frappé Kiev.', '2024-11-15'),
    ('Le vote de vendredi a été annulé.', '2024-11-15'),
    # no tense cue at all: the nearer of the two, the coming Friday (two days) rather than the one gone by
    # (five days); a nearer Monday gone by stays in the past
    ('Vendredi, la Russie frappe Kiev avec des missiles.', '2024-11-22'),
    ('Concert de Maceo Parker à Besançon vendredi.', '2024-11-22'),
    ('Lundi, la Russie frappe Kiev avec des missiles.', '2024-11-18'),
]

test_present, test_more = scheduled_present_tests(L, PAIRS, MORE)
