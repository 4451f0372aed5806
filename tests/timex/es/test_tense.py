"""Spanish: a scheduled happening told in the present tense is still to come (sentences written for these
tests)."""
from datetime import date

import pytest

from tests.timex.lang_cases import one

REF = date(2024, 11, 20)   # a Wednesday: a bare Friday is 15 November in the past, 22 November ahead
L = "es"


@pytest.mark.parametrize("text,past", [
    ("El ministro visita Kiev el viernes.", "El ministro visitó Kiev el viernes."),
    ("Los ministros viajan a Bruselas el viernes.", "Los ministros viajaron a Bruselas el viernes."),
    ("El Consejo de Seguridad se reúne el viernes.", "El Consejo de Seguridad se reunió el viernes."),
    ("La cumbre comienza el viernes en Madrid.", "La cumbre comenzó el viernes en Madrid."),
    ("Sánchez recibe el viernes al presidente ucraniano.", "Sánchez recibió el viernes al presidente ucraniano."),
    ("Los dos países firman el viernes un acuerdo.", "Los dos países firmaron el viernes un acuerdo."),
    ("La delegación regresa el viernes a Kiev.", "La delegación regresó el viernes a Kiev."),
])
def test_the_present_of_a_scheduled_happening_is_the_coming_weekday(text, past):
    # said on Wednesday 20 November: the coming Friday, where the past tense keeps the Friday gone by
    e = one(text, REF, L)
    assert e.value == "2024-11-22", (text, e.reasoning)
    assert one(past, REF, L).value == "2024-11-15"


def test_the_present_cue_skips_nouns():
    # "la visita", "en visita", "su firma" are nouns: the past verb decides
    assert one("La visita del viernes fue un éxito.", REF, L).value == "2024-11-15"
    assert one("En visita el viernes a Kiev, el ministro prometió armas.", REF, L).value == "2024-11-15"
    assert one("Su firma el viernes sorprendió a todos.", REF, L).value == "2024-11-15"
