"""Wire copy in Spanish, French, Italian, Portuguese and Russian writes the month short and without its
period in the dateline ("Madrid, 18 nov (EFE)", "PARIS, 18 nov 2024 (AFP)", "ROMA, 18 NOV", "Lisboa, 18 nov
(Lusa)", "МОСКВА, 18 ноя — РИА Новости"): the dateline's date is read, so an article without a publication
date still gets its day."""
from datetime import date

import pytest

from viewer.timex import tag

REF = date(2024, 11, 20)

CASES = [
    ("es", "MADRID, 18 nov (EFE).- España enviará más ayuda militar a Ucrania.", "18 nov", "2024-11-18"),
    ("es", "Kiev, 13 NOV (EFE).- Rusia lanzó drones contra la capital.", "13 NOV", "2024-11-13"),
    ("fr", "PARIS, 18 nov 2024 (AFP) - La France a livré des missiles.", "18 nov 2024", "2024-11-18"),
    ("fr", "Le 2 févr dernier, Kiev a frappé une raffinerie.", "2 févr dernier", "2024-02-02"),
    ("it", "ROMA, 18 NOV - Il governo ha approvato nuovi aiuti.", "18 NOV", "2024-11-18"),
    ("pt", "Lisboa, 18 nov (Lusa) - Portugal vai enviar munições.", "18 nov", "2024-11-18"),
    ("pt", "Lisboa, 18 nov 2024 (Lusa) - Portugal vai enviar munições.", "18 nov 2024", "2024-11-18"),
    ("ru", "МОСКВА, 18 ноя — РИА Новости. Российские войска нанесли удар.", "18 ноя", "2024-11-18"),
]


@pytest.mark.parametrize("lang, text, span, value", CASES)
def test_dateline_month_without_period(lang, text, span, value):
    found = [(e.text, e.value) for e in tag(text, REF, language=lang)]
    assert any(t.endswith(span) and v == value for t, v in found), found


@pytest.mark.parametrize("lang, text", [
    ("es", "El mar estaba en calma."),
    ("pt", "Ele saiu para fora, out of the blue."),
    ("it", "Il set era pronto."),
    ("ru", "Он сказал: ноя и жалуясь, ничего не добьёшься."),
])
def test_abbreviation_alone_is_no_date(lang, text):
    assert tag(text, REF, language=lang) == []
