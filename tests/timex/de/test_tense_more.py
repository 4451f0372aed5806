"""German: more verbs of news told in the present of what is to come — talks, speeches, deliveries, attacks, separable
verbs split by the expression or joined at the end of a subordinate clause — read as the coming day, while the past,
the nouns and an attack reported in the present stay in the past (sentences written for these tests)."""
from datetime import date

import pytest

from tests.timex.lang_cases import one, values

L = "de"
# said on Wednesday 20 November 2024: the coming Friday is the 22nd, the one gone by the 15th (the news default
# without a cue)
REF = date(2024, 11, 20)
COMING, GONE = "2024-11-22", "2024-11-15"

# (present of what is to come, the same told in the past or a look-alike that is no such present)
PAIRS = [
    ('Russland greift am Freitag an.', 'Russland griff am Freitag an.'),
    ('Am Freitag greift Russland Kyjiw an.', 'Am Freitag greift Russland Kyjiw an, teilten die Behörden mit.'),
    ('Die Ukraine rechnet damit, dass Russland am Freitag angreift.',
     'Die Ukraine meldete, dass Russland am Freitag angriff.'),
    ('Die Nato hält am Freitag einen Gipfel ab.', 'Die Nato hielt am Freitag einen Gipfel ab.'),
    ('Die Außenminister verhandeln am Freitag in Genf.', 'Die Außenminister haben am Freitag in Genf verhandelt.'),
    ('Die Regierung legt am Freitag einen Plan vor.', 'Die Regierung legte am Freitag einen Plan vor.'),
    ('Deutschland liefert am Freitag Panzer.', 'Deutschland lieferte am Freitag Panzer.'),
    ('Polen richtet am Freitag eine Konferenz aus.', 'Polen richtete am Freitag eine Konferenz aus.'),
    ('Der Kanzler spricht am Freitag vor dem Bundestag.', 'Der Kanzler sprach am Freitag vor dem Bundestag.'),
    ('Der Kanzler hält am Freitag eine Rede.', 'Die Rede am Freitag wurde abgesagt.'),
    ('Er sagt, dass der Kanzler am Freitag in Kyjiw eintrifft.',
     'Er sagte, dass der Kanzler am Freitag in Kyjiw eintraf.'),
]


@pytest.mark.parametrize("text,other", PAIRS)
def test_a_present_of_news_is_the_coming_day_and_the_rest_the_day_gone_by(text, other):
    e = one(text, REF, L)
    assert e.value == COMING, (text, e.reasoning)
    e = one(other, REF, L)
    assert e.value == GONE, (other, e.reasoning)


# a number of things written in an inflected form is no year ("mit 1500 Panzern"), and the early or late part of a
# season is the season ("im Spätsommer 1940")
@pytest.mark.parametrize("text,expected", [
    ("Die Rote Armee griff mit 1500 Panzern und 3000 Flugzeugen an.", []),
    ("Vor der Küste lagen 34 Schiffe und 1370 Landungsboote.", []),
    ("Im Spätsommer 1940 ergriff Italien die Initiative.", [("Spätsommer 1940", "1940-SU")]),
    ("Im Frühsommer 2023 begann die Offensive.", [("Frühsommer 2023", "2023-SU")]),
])
def test_counts_and_parts_of_seasons(text, expected):
    assert values(text, REF, L) == expected
