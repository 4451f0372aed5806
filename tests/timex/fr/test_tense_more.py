"""French: more verbs of news told in the present of what is to come — talks, speeches, deliveries, launches, attacks —
read as the coming day, while the past, the nouns that look like them and a strike reported in the present stay in
the past (sentences written for these tests)."""
from datetime import date

import pytest

from tests.timex.lang_cases import one, values

L = "fr"
# said on Wednesday 20 November 2024: a bare Monday is nearer in the past (18) than ahead (25), so a sentence with
# no tense cue reads the one gone by and only a cue of what is to come gives the coming one
REF = date(2024, 11, 20)
COMING, GONE = "2024-11-25", "2024-11-18"

# (present of what is to come, the same told in the past or a look-alike that is no such present)
PAIRS = [
    ("La Russie attaque lundi.", "La Russie a attaqué lundi."),
    ("Lundi, la Russie attaque Kiev.", "Lundi, la Russie attaque Kiev, ont indiqué les autorités."),
    ("L'armée lance lundi une offensive.", "L'armée a lancé lundi une offensive."),
    ("Les ministres négocient lundi à Genève.", "Les ministres ont négocié lundi à Genève."),
    ("La France organise lundi une conférence.", "L'organisation de lundi a échoué."),
    ("Les Vingt-Sept tiennent lundi un sommet.", "Les Vingt-Sept ont tenu lundi un sommet."),
    ("Le Premier ministre prononce lundi un discours.", "Le Premier ministre a prononcé lundi un discours."),
    ("L'Allemagne livre lundi des chars.", "Le livre de lundi a été retiré."),
    ("Le Sénat débat lundi de la loi.", "Le débat de lundi a été houleux."),
    ("Les pourparlers reprennent lundi.", "Les pourparlers ont repris lundi."),
    ("Le président part lundi pour Kiev.", "Le président est parti lundi pour Kiev."),
    ("Le ministre présente lundi son plan.", "Elle est présente lundi à Kiev."),
    ("Le président s'adresse lundi au Parlement.", "Le président s'est adressé lundi au Parlement."),
]


@pytest.mark.parametrize("text,other", PAIRS)
def test_a_present_of_news_is_the_coming_day_and_the_rest_the_day_gone_by(text, other):
    e = one(text, REF, L)
    assert e.value == COMING, (text, e.reasoning)
    e = one(other, REF, L)
    assert e.value == GONE, (other, e.reasoning)


# a holiday that begins with a weekday is the holiday, not the weekday with an article ("le Vendredi saint"), and
# "l'accord du Vendredi saint" (Belfast, 1998) is the name of a treaty, no date at all
@pytest.mark.parametrize("text,expected", [
    ("Le Vendredi saint, les fidèles prient.", [("Vendredi saint", "2025-04-18")]),
    ("Le lundi de Pâques, les magasins sont fermés.", [("lundi de Pâques", "2024-04-01")]),
    ("Sans transfert des pouvoirs, l'accord du Vendredi saint serait caduc.", []),
])
def test_a_holiday_named_after_a_weekday(text, expected):
    assert values(text, REF, L) == expected
