"""German: a scheduled happening told in the present tense is still to come (sentences written for these
tests)."""
from datetime import date

import pytest

from tests.timex.lang_cases import one

REF = date(2024, 11, 20)   # a Wednesday: a bare Friday is 15 November in the past, 22 November ahead
L = "de"


@pytest.mark.parametrize("text,past", [
    ("Der Minister besucht am Freitag Kiew.", "Der Minister besuchte am Freitag Kiew."),
    ("Die Ministerinnen besuchen am Freitag Kiew.", "Die Ministerinnen besuchten am Freitag Kiew."),
    ("Der Kanzler reist am Freitag nach Brüssel.", "Der Kanzler reiste am Freitag nach Brüssel."),
    ("Der Sicherheitsrat tagt am Freitag in New York.", "Der Sicherheitsrat tagte am Freitag in New York."),
    ("Der Gipfel beginnt am Freitag in Berlin.", "Der Gipfel begann am Freitag in Berlin."),
    ("Scholz trifft am Freitag den ukrainischen Präsidenten.",
     "Scholz traf am Freitag den ukrainischen Präsidenten."),
    ("Die Botschaft öffnet am Freitag wieder.", "Die Botschaft öffnete am Freitag wieder."),
    ("Die Delegation kehrt am Freitag nach Kiew zurück.", "Die Delegation kehrte am Freitag nach Kiew zurück."),
])
def test_the_present_of_a_scheduled_happening_is_the_coming_weekday(text, past):
    # said on Wednesday 20 November: the coming Friday, where the past tense keeps the Friday gone by
    e = one(text, REF, L)
    assert e.value == "2024-11-22", (text, e.reasoning)
    assert one(past, REF, L).value == "2024-11-15"


def test_the_present_cue_skips_nouns_and_participles():
    # "Besuch" is the noun (capitalised): the past verb decides
    assert one("Der Besuch am Freitag wurde verschoben.", REF, L).value == "2024-11-15"
    # "besucht" ending the clause is the participle of the perfect
    assert one("Am Freitag hat der Minister Kiew besucht.", REF, L).value == "2024-11-15"
    assert one("Der Minister hat am Freitag Kiew besucht.", REF, L).value == "2024-11-15"
    # a present participle with more words after it is the present
    assert one("Der Minister unterzeichnet am Freitag das Abkommen.", REF, L).value == "2024-11-22"
    assert one("Das Abkommen wurde am Freitag unterzeichnet.", REF, L).value == "2024-11-15"
