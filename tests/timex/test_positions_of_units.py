"""The start, middle or end of the year, month or week being written in ("au début de l'année", "a finales de
mes", "в начале года", "pod koniec miesiąca"), in every engine language (sentences written for these tests;
said on Tuesday 12 March 2024); with a deictic word, of the one it names."""
from datetime import date

import pytest

from tests.timex.lang_cases import one
from viewer.timex import tag

REF = date(2024, 3, 12)


@pytest.mark.parametrize("language, text, expression, value, mod", [
    ("fr", "Au début de l'année, les prix ont augmenté.", "Au début de l'année", "2024", "START"),
    ("fr", "À la fin du mois, le délai expire.", "À la fin du mois", "2024-03", "END"),
    ("fr", "À la fin de l'année dernière, le prix a chuté.", "À la fin de l'année dernière", "2023", "END"),
    ("es", "A finales de mes vence el plazo.", "A finales de mes", "2024-03", "END"),
    ("it", "All'inizio dell'anno i prezzi sono saliti.", "All'inizio dell'anno", "2024", "START"),
    ("it", "Alla fine del mese scade il termine.", "Alla fine del mese", "2024-03", "END"),
    ("pt", "No início do ano os preços subiram.", "No início do ano", "2024", "START"),
    ("pt", "No final do mês termina o prazo.", "No final do mês", "2024-03", "END"),
    ("ru", "В начале года цены выросли.", "В начале года", "2024", "START"),
    ("ru", "В конце месяца истекает срок.", "В конце месяца", "2024-03", "END"),
    ("uk", "На початку року ціни зросли.", "На початку року", "2024", "START"),
    ("uk", "Наприкінці місяця спливає термін.", "Наприкінці місяця", "2024-03", "END"),
    ("pl", "Na początku roku ceny wzrosły.", "Na początku roku", "2024", "START"),
    ("pl", "Pod koniec miesiąca upływa termin.", "Pod koniec miesiąca", "2024-03", "END"),
])
def test_a_part_of_the_unit_being_written_in(language, text, expression, value, mod):
    e = one(text, REF, language)
    assert (e.text, e.value, e.mod) == (expression, value, mod), e.reasoning


def test_in_a_history_it_is_the_unit_the_story_is_at():
    e = [x for x in tag(
        "У серпні 1919 року добровольці висадили десант в Одесі, а наприкінці місяця українці увійшли до Києва.",
        None, language="uk") if x.text == "наприкінці місяця"]
    assert [(x.value, x.mod) for x in e] == [("1919-08", "END")]
