"""French: a scheduled happening told in the present tense is still to come (sentences written for these
tests)."""
from datetime import date

import pytest

from tests.timex.lang_cases import one

REF = date(2024, 11, 20)   # a Wednesday: a bare Friday is 15 November in the past, 22 November ahead
L = "fr"


@pytest.mark.parametrize("text,past", [
    ("Le ministre visite Kiev vendredi.", "Le ministre a visité Kiev vendredi."),
    ("Les ministres se rendent vendredi à Kiev.", "Les ministres se sont rendus vendredi à Kiev."),
    ("Le Conseil de sécurité se réunit vendredi à New York.",
     "Le Conseil de sécurité s'est réuni vendredi à New York."),
    ("Le sommet commence vendredi à Bruxelles.", "Le sommet a commencé vendredi à Bruxelles."),
    ("Macron reçoit vendredi le président ukrainien.", "Macron a reçu vendredi le président ukrainien."),
    ("Les deux pays signent vendredi un accord.", "Les deux pays ont signé vendredi un accord."),
    ("La délégation revient vendredi à Paris.", "La délégation est revenue vendredi à Paris."),
])
def test_the_present_of_a_scheduled_happening_is_the_coming_weekday(text, past):
    # said on Wednesday 20 November: the coming Friday, where the past tense keeps the Friday gone by
    e = one(text, REF, L)
    assert e.value == "2024-11-22", (text, e.reasoning)
    assert one(past, REF, L).value == "2024-11-15"


def test_the_present_cue_skips_nouns():
    # "la visite", "en visite", "un signe" are nouns: the past verb decides
    assert one("La visite de vendredi a été un succès.", REF, L).value == "2024-11-15"
    assert one("En visite vendredi à Kiev, le ministre a promis des armes.", REF, L).value == "2024-11-15"
    assert one("Un signe de détente est apparu vendredi.", REF, L).value == "2024-11-15"
