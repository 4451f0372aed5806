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
    ("Das Land wurde in den 1990er Jahren unabhängig.", [("den 1990er Jahren", "199")]),
    ("Die Sechzigerjahre waren unruhig.", [("Die Sechzigerjahre", "196")]),
    ("Die Unruhen Mitte der 1930er Jahre schwächten das Land.", [("Mitte der 1930er Jahre", "193")]),
    ("Im 20. Jahrhundert gab es zwei Weltkriege.", [("20. Jahrhundert", "19")]),
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


# Issue 17: histories and wire copy (sentences written for these tests)
READ = date(2024, 5, 1)


def _vals(text, ref=READ, **kw):
    return [(e.text, e.value) for e in tag(text, ref, language="de", **kw)]


def test_offsets_from_a_happening_and_from_the_story():
    got = {e.text: e for e in tag("Der Angriff begann am 1. September 1939. Zwei Tage nach dem Angriff erklärte "
                                  "Frankreich den Krieg. Wenige Wochen später fiel die Hauptstadt.", READ,
                                  language="de", narrative=True)}
    e = got["Zwei Tage nach dem Angriff"]
    assert e.value == "1939-09-03" and "1939-09-01" in e.reasoning
    w = got["Wenige Wochen später"]
    assert (w.value, w.earliest, w.latest) == ("FUTURE_REF", "1939-09-17", "1939-10-15")
    # a period, and a happening the news did not date: a duration
    assert _vals("In den drei Monaten vor der Offensive fehlte Munition.", date(2024, 11, 20)) == \
        [("drei Monaten", "P3M")]


def test_bc_dates_have_an_interval_and_anchor_what_follows():
    got = {e.text: e for e in tag("Der Ionische Aufstand (499–493 v. Chr.) scheiterte. Im Jahr 480 v. Chr. kam "
                                  "Xerxes. Zehn Jahre später herrschte Athen.", READ, language="de", narrative=True)}
    assert (got["499"].value, got["499"].earliest) == ("BC0499", "-0498-01-01")
    assert (got["480 v. Chr."].value, got["480 v. Chr."].latest) == ("BC0480", "-0479-12-31")
    assert got["Zehn Jahre später"].value == "BC0470"


def test_years_in_passing_and_months_before_the_story_month():
    assert _vals("Im Juli 1940 begann die Luftschlacht. Es war der erste Angriff seit 1813. Im Juni war die Flotte "
                 "ausgelaufen.", narrative=True)[-1] == ("Juni", "1940-06")


def test_wire_copy_in_german():
    assert _vals("Nach den Anschlägen vom 11. September begann der Krieg.", date(2024, 11, 20)) == \
        [("11. September", "2001-09-11")]
    assert _vals("Der Vertrag wurde am 29. Februar 2023 unterzeichnet.") == [("29. Februar 2023", "2023-02")]
    assert _vals("Um 16.08 Uhr UTC begann der Angriff.", date(2024, 11, 20)) == [("16.08 Uhr", "2024-11-20T16:08Z")]


def test_both_ends_of_a_day_range():
    assert _vals("Vom 10. bis 18. Juni 1953 wurde gekämpft.") == [("10.", "1953-06-10"), ("18. Juni 1953", "1953-06-18")]


# Parts of the year and both ends of hyphenated ranges in German (sentences written for these tests)
from datetime import date as _date  # noqa: E402

from viewer.timex import tag as _tag  # noqa: E402

_NEWS = _date(2024, 11, 18)


def _pairs(text, ref=_NEWS, **kw):
    return [(e.text, e.value) for e in _tag(text, ref, language=L, **kw)]


@pytest.mark.parametrize("text,expected", [('Der Arbeiteraufstand (10.–18. Juni 1953) wurde von sowjetischen Panzern niedergeschlagen.',
  [('10.', '1953-06-10'), ('18. Juni 1953', '1953-06-18')]),
 ('Im August-September 1950 stabilisierte sich die Front am Naktong.',
  [('August', '1950-08'), ('September 1950', '1950-09')]),
 ('Zwischen Juli und August 1950 trafen Verstärkungen ein.',
  [('Juli', '1950-07'), ('August 1950', '1950-08')])])
def test_both_ends_of_hyphenated_ranges(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text,value,mod,earliest,latest", [('Die deutsche Wirtschaft schrumpfte im zweiten Quartal 2023 um 0,1 Prozent.',
  '2023-Q2',
  None,
  '2023-04-01',
  '2023-06-30'),
 ('Im ersten Halbjahr 2023 gingen die Exporte zurück.', '2023-H1', None, '2023-01-01', '2023-06-30'),
 ('In der zweiten Hälfte des Jahres 2023 sank die Arbeitslosigkeit.',
  '2023-H2',
  None,
  '2023-07-01',
  '2023-12-31'),
 ('Anfang März 2023 begann die Offensive.', '2023-03', 'START', '2023-03-01', '2023-03-10'),
 ('Ende 2022 stabilisierte sich die Front.', '2022', 'END', '2022-09-01', '2022-12-31')])
def test_parts_of_the_year(text, value, mod, earliest, latest):
    got = [e for e in _tag(text, _NEWS, language=L) if e.value == value]
    assert got, _pairs(text)
    assert (got[0].mod, got[0].earliest, got[0].latest) == (mod, earliest, latest)


def test_a_day_range_written_with_a_hyphen():
    assert _pairs("Der Aufstand vom 10.-18. Juni 1953 scheiterte.") == [("10.", "1953-06-10"), ("18. Juni 1953", "1953-06-18")]
