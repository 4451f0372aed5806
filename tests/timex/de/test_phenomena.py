"""German: what a reader of German news and histories cares about (sentences written for these tests)."""
from datetime import date

import pytest

from viewer.timex import engine, resolve_document, tag
from tests.timex.lang_cases import check_case, check_negative, one

REF = date(2024, 11, 18)   # a Monday
L = "de"


def test_german_runs_on_the_engine():
    assert "de" in engine.LANGUAGES


@pytest.mark.parametrize("text,expected", [
    # the seed article's four dates
    ("Der Minister sprach an diesem Montag, dem 18. November, in Warschau.",
     [("diesem Montag, dem 18. November", "2024-11-18")]),
    ("Im vergangenen September hatte Moskau den Westen gewarnt.", [("vergangenen September", "2024-09")]),
    ("Die Region, die Kiew in diesem Sommer erobert hat, bleibt umkämpft.", [("diesem Sommer", "2024-SU")]),
    ("Berlin hat am vergangenen Wochenende mit Moskau telefoniert.", [("am vergangenen Wochenende", "2024-W46-WE")]),
    # deictic and relative
    ("Der Konvoi ist gestern angekommen.", [("gestern", "2024-11-17")]),
    ("Die Angriffe begannen vorgestern.", [("vorgestern", "2024-11-16")]),
    ("Die Gespräche werden morgen fortgesetzt.", [("morgen", "2024-11-19")]),
    ("Der Präsident sprach letzten Montag.", [("letzten Montag", "2024-11-11")]),
    ("Die Armee hat sich vergangene Woche zurückgezogen.", [("vergangene Woche", "2024-W46")]),
    ("Die Stadt fiel vor drei Tagen.", [("vor drei Tagen", "2024-11-15")]),
    ("Der Gipfel findet in zwei Wochen statt.", [("zwei Wochen", "2024-12-02")]),
    ("Die Wahl fand im vergangenen Jahr statt.", [("im vergangenen Jahr", "2023")]),
    ("Der Vertrag soll nächstes Jahr unterzeichnet werden.", [("nächstes Jahr", "2025")]),
    ("Die Kämpfe gehen diese Woche weiter.", [("diese Woche", "2024-W47")]),
    # explicit dates in every form
    ("Der Krieg begann am 7. Juli 1937.", [("7. Juli 1937", "1937-07-07")]),
    ("Der Befehl für den 7.7.1937 lag vor.", [("7.7.1937", "1937-07-07")]),
    ("Der Angriff begann am 1.9.39 um 4:45 Uhr.", [("1.9.39", "1939-09-01"), ("4:45 Uhr", "1939-09-01T04:45")]),
    ("Anfang September 1939 marschierten die Truppen ein.", [("Anfang September 1939", "1939-09")]),
    ("Ende 1944 war die Front zusammengebrochen.", [("Ende 1944", "1944")]),
    ("Die Offensive im Frühjahr 1940 kam überraschend.", [("Frühjahr 1940", "1940-SP")]),
    ("Die Schlacht dauerte vom 6. bis 12. Juni 1944.", [("6.", "1944-06-06"), ("12. Juni 1944", "1944-06-12")]),
    ("Im Jänner 1945 wurde Wien bombardiert.", [("Jänner 1945", "1945-01")]),
    ("Der Vertrag vom 3. Sept. 1943 war geheim.", [("3. Sept. 1943", "1943-09-03")]),
    ("Der Waffenstillstand galt ab 12. Feb. 2015.", [("12. Feb. 2015", "2015-02-12")]),
    # seasons, weekends, parts of the day
    ("Im Sommer 1940 tobte die Luftschlacht.", [("Sommer 1940", "1940-SU")]),
    ("Drohnen trafen die Hauptstadt gestern Abend.", [("gestern Abend", "2024-11-17TEV")]),
    ("Der Rat hat sich am Montagabend getroffen.", [("Montagabend", "2024-11-18TEV")]),
    ("In der Nacht zum Sonntag griffen Drohnen Kiew an.", [("der Nacht zum Sonntag", "2024-11-16TNI")]),
    # durations and sets
    ("Die Belagerung dauerte drei Monate.", [("drei Monate", "P3M")]),
    ("Die Verhandlungen zogen sich mehrere Wochen hin.", [("mehrere Wochen", "PXW")]),
    ("Der Markt findet jeden Montag statt.", [("jeden Montag", "XXXX-WXX-1")]),
    ("Die Sirenen heulen täglich.", [("täglich", "P1D")]),
    ("Der Laden ist montags geschlossen.", [("montags", "XXXX-WXX-1")]),
    # decades, centuries, BC
    ("Das Land wurde in den 1990er Jahren unabhängig.", [("den 1990er Jahren", "199X")]),
    ("Die Sechzigerjahre waren unruhig.", [("Die Sechzigerjahre", "196X")]),
    ("Die Unruhen Mitte der 1930er Jahre schwächten das Land.", [("Mitte der 1930er Jahre", "193X")]),
    ("Im 20. Jahrhundert gab es zwei Weltkriege.", [("20. Jahrhundert", "19XX")]),
    ("Die Schlacht bei den Thermopylen fand 480 v. Chr. statt.", [("480 v. Chr.", "BC0480")]),
])
def test_phenomena(text, expected):
    check_case(text, expected, REF, L)


def test_bare_month_follows_the_tense():
    assert one("Die Armee hat die Stadt im März eingenommen.", REF, L).value == "2024-03"
    assert one("Die Wahlen werden im März stattfinden.", REF, L).value == "2025-03"


def test_bare_weekday_follows_the_tense():
    assert one("Der Minister ist am Donnerstag zurückgetreten.", REF, L).value == "2024-11-14"
    assert one("Der Minister wird am Donnerstag zurücktreten.", REF, L).value == "2024-11-21"


def test_anaphoric_days_follow_the_last_date():
    got = [(e.text, e.value) for e in tag("Am 5. Mai 1945 tagte der Rat. Am Vortag war die Stadt gefallen. "
                                          "Tags darauf kam die Kapitulation. Am nächsten Tag feierte man.",
                                          REF, language=L)]
    assert got == [("5. Mai 1945", "1945-05-05"), ("Vortag", "1945-05-04"), ("Tags darauf", "1945-05-05"),
                   ("nächsten Tag", "1945-05-06")]


def test_reasoning_is_in_english():
    e = one("Im vergangenen September hatte Putin gewarnt.", REF, L)
    assert (e.earliest, e.latest, e.granularity) == ("2024-09-01", "2024-09-30", "month")
    assert "relative to 18 Nov 2024" in e.reasoning and "September 2024" in e.reasoning


def test_narrative_time_moves_with_the_story_not_with_years_in_passing():
    text = ("Im Juli 1940 begann die Luftschlacht. Der Plan ging auf den Frieden von 1919 zurück. "
            "Im August griff die Luftwaffe London an. Am 15. September scheiterte der Angriff. "
            "Im Dezember stand die Front. Im Januar folgte der Angriff auf Griechenland.")
    got = [(e.text, e.value) for e in tag(text, date(2011, 2, 16), language=L, narrative=True)]
    assert got == [("Juli 1940", "1940-07"), ("1919", "1919"), ("August", "1940-08"),
                   ("15. September", "1940-09-15"), ("Dezember", "1940-12"), ("Januar", "1941-01")]


def test_today_in_a_history_is_the_present():
    text = "Im Juli 1940 begann die Luftschlacht. Bis heute ist umstritten, wer sie gewann. Im August folgte mehr."
    got = [(e.text, e.value) for e in tag(text, date(2011, 2, 16), language=L, narrative=True)]
    assert ("heute", "PRESENT_REF") in got


def test_seed_reference_is_inferred_from_the_weekday():
    text = ("Der Außenminister versicherte an diesem Montag, dem 18. November, die Option bleibe. "
            "Im vergangenen September hatte Putin gewarnt. Die Region Kursk, die Kiew in diesem Sommer erobert "
            "hat, bleibt umkämpft. Deutschland hat am vergangenen Wochenende mit Moskau gesprochen.")
    ref, source, exprs = resolve_document(text, None)
    assert (ref, source) == (date(2024, 11, 18), "inferred")
    assert [e.value for e in exprs] == ["2024-11-18", "2024-09", "2024-SU", "2024-W46-WE"]


@pytest.mark.parametrize("text", [
    "Einen guten Morgen wünschte er allen.",
    "Mai Thi Nguyen hat einen Bericht veröffentlicht.",
    "Das Bataillon zählt 1500 Soldaten.",
    "Er war damals 20 Jahre alt.",
    "Im Alter von 17 Jahren trat er ein.",
    "Eines Tages wird er zurückkehren.",
    "Der Winterkrieg war kurz.",
])
def test_not_dates(text):
    check_negative(text, REF, L)
