"""A bare weekday in a sentence with no tense cue at all, in news (sentences written for these tests; said on
Sunday 30 May 1999 and Saturday 11 May 2002): in French, Spanish, Italian and Portuguese, whose past forms the
cues read well, the nearer of the coming one and the one gone by; in the other languages, and wherever a tense
cue speaks, as before."""
from datetime import date

import pytest

from tests.timex.lang_cases import one

SUNDAY = date(1999, 5, 30)
SATURDAY = date(2002, 5, 11)


@pytest.mark.parametrize("language, text, ref, value", [
    ("fr", "Maceo Parker à Besançon mardi.", SUNDAY, "1999-06-01"),
    ("fr", "Les coureurs ont rendez-vous dimanche matin à Val-et-Châtillon.", SATURDAY, "2002-05-12TMO"),
    ("es", "Concierto de la orquesta en Sevilla el martes.", SUNDAY, "1999-06-01"),
    ("it", "Concerto dell'orchestra a Milano martedì.", SUNDAY, "1999-06-01"),
    ("pt", "Concerto da orquestra em Lisboa na terça-feira.", SUNDAY, "1999-06-01"),
    # the one gone by is nearer: it stays
    ("fr", "Maceo Parker à Besançon vendredi.", SUNDAY, "1999-05-28"),
    # a past tense decides, however near the coming one
    ("fr", "Maceo Parker a joué à Besançon mardi.", SUNDAY, "1999-05-25"),
    ("es", "La orquesta tocó en Sevilla el martes.", SUNDAY, "1999-05-25"),
    # German keeps the news default (a strong past the cues do not know must not become the future)
    ("de", "Konzert des Orchesters in Berlin am Dienstag.", SUNDAY, "1999-05-25"),
])
def test_a_bare_weekday_with_no_tense_is_the_nearer_one_where_pasts_are_read_well(language, text, ref, value):
    e = one(text, ref, language)
    assert e.value == value, (text, e.reasoning)
