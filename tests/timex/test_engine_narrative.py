"""News that recalls old years is not a history: ``looks_narrative`` reads each engine language's own news
words (its day words, "la semaine dernière", "septembre dernier", "il y a trois jours", bare weekdays), so an
article whose publication date is inferred from "ce lundi 18 novembre" and which mentions 2014, 2008 and 1994
still dates "septembre dernier" by its reference (texts written for these tests)."""
from datetime import date

import pytest

from viewer.timex import looks_narrative, resolve_document

REF = date(2024, 11, 18)   # a Monday

# (language, text, the deictic expression, its value): a weekday-date that gives the reference, a paragraph of
# old years, then news words in the text's language
NEWS = [
    ("fr", "Paris, ce lundi 18 novembre.\n\nLa Russie occupe la Crimée depuis 2014, comme elle l'avait fait en "
           "Géorgie en 2008. Les accords signés en 1994 n'ont pas tenu.\n\nEn septembre dernier, Moscou a menacé "
           "l'Occident. Il y a trois jours, une frappe a touché Odessa.",
     "En septembre dernier", "2024-09"),
    ("de", "Berlin, Montag, 18. November.\n\nRussland hält die Krim seit 2014 besetzt, wie zuvor Georgien im "
           "Jahr 2008. Das Abkommen von 1994 hielt nicht.\n\nIm vergangenen September drohte Moskau dem Westen. "
           "Vor drei Tagen traf ein Angriff Odessa.",
     "vergangenen September", "2024-09"),
    ("es", "Madrid, lunes 18 de noviembre.\n\nRusia ocupa Crimea desde 2014, como hizo en Georgia en 2008. "
           "Los acuerdos firmados en 1994 no se cumplieron.\n\nEl pasado septiembre, Moscú amenazó a Occidente. "
           "Hace tres días, un ataque alcanzó Odesa.",
     "El pasado septiembre", "2024-09"),
    ("it", "Roma, lunedì 18 novembre.\n\nLa Russia occupa la Crimea dal 2014, come aveva fatto in Georgia nel "
           "2008. Gli accordi firmati nel 1994 non hanno retto.\n\nLo scorso settembre Mosca ha minacciato "
           "l'Occidente. Tre giorni fa un attacco ha colpito Odessa.",
     "Lo scorso settembre", "2024-09"),
    ("pt", "Lisboa, segunda-feira, 18 de novembro.\n\nA Rússia ocupa a Crimeia desde 2014, como fez na Geórgia "
           "em 2008. Os acordos assinados em 1994 não foram cumpridos.\n\nEm setembro passado, Moscovo ameaçou o "
           "Ocidente. Há três dias, um ataque atingiu Odessa.",
     "setembro passado", "2024-09"),
    ("nl", "Den Haag, maandag 18 november.\n\nRusland bezet de Krim sinds 2014, zoals het in 2008 in Georgië "
           "deed. De akkoorden van 1994 hielden geen stand.\n\nAfgelopen september dreigde Moskou het Westen. "
           "Drie dagen geleden trof een aanval Odessa.",
     "Afgelopen september", "2024-09"),
    ("pl", "Warszawa, poniedziałek 18 listopada.\n\nRosja okupuje Krym od 2014 roku, tak jak Gruzję w 2008 "
           "roku. Porozumienia z 1994 roku nie przetrwały.\n\nWe wrześniu ubiegłego roku Moskwa groziła "
           "Zachodowi. Trzy dni temu atak dotknął Odessę.",
     "wrześniu ubiegłego roku", "2023-09"),
    ("ru", "Москва, понедельник, 18 ноября.\n\nРоссия оккупирует Крым с 2014 года, как и Грузию в 2008 году. "
           "Соглашения 1994 года не выдержали.\n\nВ сентябре прошлого года Москва угрожала Западу. Три дня "
           "назад удар пришёлся по Одессе.",
     "сентябре прошлого года", "2023-09"),
    ("uk", "Київ, понеділок, 18 листопада.\n\nРосія окупує Крим з 2014 року, як і Грузію у 2008 році. "
           "Домовленості 1994 року не втрималися.\n\nМинулого вересня Москва погрожувала Заходу. Три дні "
           "тому удар влучив в Одесу.",
     "Минулого вересня", "2024-09"),
]


@pytest.mark.parametrize("language,text,expr,value", NEWS, ids=[n[0] for n in NEWS])
def test_news_recalling_old_years_keeps_its_reference(language, text, expr, value):
    ref, source, exprs = resolve_document(text, None, language=language)
    assert (ref, source) == (REF, "inferred")
    assert not looks_narrative(text, ref, language)
    got = {e.text: e.value for e in exprs}
    assert got.get(expr) == value, got


HISTORIES = [
    ("fr", "La guerre éclata en 1939. En 1940, la France fut envahie. La Libération vint en 1944, et la paix en "
           "1945."),
    ("de", "Der Krieg begann 1939. Im Jahr 1940 wurde Frankreich besetzt. Die Befreiung kam 1944, der Frieden "
           "1945."),
    ("uk", "Війна почалася 1939 року. У 1940 році Францію окупували. Звільнення прийшло 1944 року, мир — 1945 "
           "року."),
]


@pytest.mark.parametrize("language,text", HISTORIES, ids=[h[0] for h in HISTORIES])
def test_a_history_without_news_words_still_reads_as_one(language, text):
    assert looks_narrative(text, REF, language)
