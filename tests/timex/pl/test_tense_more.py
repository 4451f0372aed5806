"""Polish: more verbs of news told in the present of what is to come — the imperfective presents of meetings, talks,
signings, travel, speeches, deliveries, attacks — read as the coming day, while the past and an attack reported
afterwards stay in the past (sentences written for these tests)."""
from datetime import date

import pytest

from tests.timex.lang_cases import one

L = "pl"
# said on Wednesday 20 November 2024: the coming Friday is the 22nd, the one gone by the 15th (the news default
# without a cue)
REF = date(2024, 11, 20)
COMING, GONE = "2024-11-22", "2024-11-15"

# (present of what is to come, the same told in the past or a look-alike that is no such present)
PAIRS = [
    ('Rosja atakuje w piątek.', 'Rosja zaatakowała w piątek.'),
    ('W piątek Rosja atakuje Kijów.', 'W piątek Rosja atakuje Kijów, podały władze.'),
    ('Minister spotyka się w piątek z Zełenskim.', 'Minister spotkał się w piątek z Zełenskim.'),
    ('Ministrowie negocjują w piątek w Genewie.', 'Ministrowie negocjowali w piątek w Genewie.'),
    ('Prezydent podpisuje w piątek umowę.', 'Prezydent podpisał w piątek umowę.'),
    ('Polska organizuje w piątek konferencję.', 'Polska zorganizowała w piątek konferencję.'),
    ('Kanclerz leci w piątek do Kijowa.', 'Kanclerz poleciał w piątek do Kijowa.'),
    ('Sejm debatuje w piątek nad ustawą.', 'Sejm debatował w piątek nad ustawą.'),
    ('Niemcy dostarczają w piątek czołgi.', 'Niemcy dostarczyły w piątek czołgi.'),
    ('Premier przemawia w piątek w Sejmie.', 'Premier przemawiał w piątek w Sejmie.'),
    ('Rozmowy wznawiają się w piątek.', 'Rozmowy wznowiono w piątek.'),
]


@pytest.mark.parametrize("text,other", PAIRS)
def test_a_present_of_news_is_the_coming_day_and_the_rest_the_day_gone_by(text, other):
    e = one(text, REF, L)
    assert e.value == COMING, (text, e.reasoning)
    e = one(other, REF, L)
    assert e.value == GONE, (other, e.reasoning)
