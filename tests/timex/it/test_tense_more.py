"""Italian: more verbs of news told in the present of what is to come — talks, speeches, deliveries, launches, attacks
— read as the coming day, while the past, the nouns and an attack reported afterwards stay in the past (sentences
written for these tests)."""
from datetime import date

import pytest

from tests.timex.lang_cases import one

L = "it"
# said on Wednesday 20 November 2024: a bare Monday is nearer in the past (18) than ahead (25), so a sentence with
# no tense cue reads the one gone by and only a cue of what is to come gives the coming one
REF = date(2024, 11, 20)
COMING, GONE = "2024-11-25", "2024-11-18"

# (present of what is to come, the same told in the past or a look-alike that is no such present)
PAIRS = [
    ('La Russia attacca lunedì.', 'La Russia ha attaccato lunedì.'),
    ('Lunedì la Russia attacca Kiev.', 'Lunedì la Russia attacca Kiev, hanno riferito le autorità.'),
    ("L'Ucraina lancia lunedì un'offensiva.", "L'Ucraina ha lanciato lunedì un'offensiva."),
    ('I ministri negoziano lunedì a Ginevra.', 'I ministri hanno negoziato lunedì a Ginevra.'),
    ("L'Italia organizza lunedì una conferenza.", "L'Italia ha organizzato lunedì una conferenza."),
    ('I leader tengono lunedì un vertice.', 'I leader hanno tenuto lunedì un vertice.'),
    ('Il Senato discute lunedì la legge.', 'Il Senato ha discusso lunedì la legge.'),
    ('La Germania consegna lunedì i carri armati.', 'La consegna di lunedì è stata rinviata.'),
    ('Il ministro presenta lunedì il suo piano.', 'Il ministro ha presentato lunedì il suo piano.'),
    ('I colloqui riprendono lunedì.', 'I colloqui sono ripresi lunedì.'),
    ('Il cancelliere viaggia lunedì a Kiev.', 'Il cancelliere viaggiava lunedì a Kiev.'),
]


@pytest.mark.parametrize("text,other", PAIRS)
def test_a_present_of_news_is_the_coming_day_and_the_rest_the_day_gone_by(text, other):
    e = one(text, REF, L)
    assert e.value == COMING, (text, e.reasoning)
    e = one(other, REF, L)
    assert e.value == GONE, (other, e.reasoning)


# Easter Monday is a holiday, not the weekday with an article ("il lunedì di Pasqua", "il lunedì dell'Angelo")
@pytest.mark.parametrize("text,expression", [
    ("Il lunedì di Pasqua i negozi apriranno.", "Il lunedì di Pasqua"),
    ("Il lunedì dell'Angelo i negozi apriranno.", "Il lunedì dell'Angelo"),
])
def test_easter_monday_is_the_holiday(text, expression):
    e = one(text, REF, L)
    assert (e.text, e.value) == (expression, "2025-04-21"), e.reasoning
