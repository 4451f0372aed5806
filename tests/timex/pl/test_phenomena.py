"""Polish: what a reader of Polish news and histories cares about (sentences written for these tests)."""
from datetime import date
from pathlib import Path

import pytest

from viewer.timex import engine, resolve_document, tag
from tests.timex.lang_cases import check_case, check_negative, one

REF = date(2024, 11, 18)   # a Monday
L = "pl"
SEED = Path(__file__).with_name("seed_pl.txt")


def test_polish_runs_on_the_engine():
    assert "pl" in engine.LANGUAGES


def engine_values(text, ref=REF, **kw):
    return [(e.text, e.value) for e in engine.tag(text, ref, L, **kw)]


@pytest.mark.parametrize("text,expected", [
    # the seed article's four dates
    ("Minister zapewnił w ten poniedziałek, 18 listopada, że to opcja.", [("ten poniedziałek, 18 listopada", "2024-11-18")]),
    ("We wrześniu Putin ostrzegał Zachód.", [("wrześniu", "2024-09")]),
    ("Obwód kurski, zdobyty przez Kijów tego lata, pozostaje sporny.", [("tego lata", "2024-SU")]),
    ("W miniony weekend Niemcy wznowiły rozmowy z Moskwą.", [("miniony weekend", "2024-W46-WE")]),
    ("W ostatni weekend doszło do ataku na Charków.", [("ostatni weekend", "2024-W46-WE")]),
    # months in every case
    ("Wojska wycofały się we wrześniu.", [("wrześniu", "2024-09")]),
    ("Od września trwają walki o miasto.", [("września", "2024-09")]),
    ("Wrzesień 2022 był przełomowy.", [("Wrzesień 2022", "2022-09")]),
    ("Raport opublikowano w listopadzie.", [("listopadzie", "2024-11")]),
    ("Negocjacje potrwają do maja.", [("maja", "2025-05")]),
    ("Armia zajęła miasto w maju 2023 r.", [("maju 2023 r.", "2023-05")]),
    ("Do końca listopada wojska się wycofają.", [("końca listopada", "2024-11")]),
    # dates
    ("Wojna wybuchła 24 lutego 2022 r.", [("24 lutego 2022 r.", "2022-02-24")]),
    ("Umowę podpisano 18 listopada 2024 roku.", [("18 listopada 2024 roku", "2024-11-18")]),
    ("Umowę podpisano w poniedziałek 18 listopada.", [("poniedziałek 18 listopada", "2024-11-18")]),
    ("Pierwszego września 1939 roku Niemcy napadły na Polskę.", [("Pierwszego września 1939 roku", "1939-09-01")]),
    ("Spotkanie odbyło się 18.11.2024 r.", [("18.11.2024 r.", "2024-11-18")]),
    ("Porozumienie podpisano 18 XI 2024 r.", [("18 XI 2024 r.", "2024-11-18")]),
    ("Porozumienie pochodzi z 1994 roku.", [("1994 roku", "1994")]),
    # weekdays in every case, with and without deixis
    ("W zeszły piątek wojska wycofały się.", [("zeszły piątek", "2024-11-15")]),
    ("W przyszły wtorek minister odwiedzi Kijów.", [("przyszły wtorek", "2024-11-19")]),
    ("W najbliższą niedzielę odbędą się wybory.", [("najbliższą niedzielę", "2024-11-24")]),
    ("Rozejm obowiązuje od soboty.", [("soboty", "2024-11-16")]),
    ("W sobotę wieczorem ogłoszono alarm.", [("sobotę wieczorem", "2024-11-16TEV")]),
    ("W nocy z niedzieli na poniedziałek Rosja wystrzeliła rakiety.",
     [("nocy z niedzieli na poniedziałek", "2024-11-17TNI")]),
    # deictic and relative
    ("Konwój dotarł wczoraj.", [("wczoraj", "2024-11-17")]),
    ("Ataki zaczęły się przedwczoraj.", [("przedwczoraj", "2024-11-16")]),
    ("Rozmowy zostaną wznowione jutro rano.", [("jutro rano", "2024-11-19TMO")]),
    ("Wczoraj wieczorem drony zaatakowały stolicę.", [("Wczoraj wieczorem", "2024-11-17TEV")]),
    ("W zeszłym tygodniu armia wycofała się.", [("zeszłym tygodniu", "2024-W46")]),
    ("W przyszłym miesiącu odbędzie się szczyt.", [("przyszłym miesiącu", "2024-12")]),
    ("W ubiegłym roku odbyły się wybory.", [("ubiegłym roku", "2023")]),
    ("W tym roku inflacja spadła.", [("tym roku", "2024")]),
    ("Pod koniec ubiegłego roku sytuacja się pogorszyła.", [("Pod koniec ubiegłego roku", "2023")]),
    ("Miasto upadło trzy dni temu.", [("trzy dni temu", "2024-11-15")]),
    ("Rok temu nikt tego nie przewidywał.", [("Rok temu", "2023")]),
    ("Szczyt odbędzie się za dwa tygodnie.", [("dwa tygodnie", "2024-12-02")]),
    ("Wybory odbędą się za rok.", [("rok", "2025")]),
    # seasons
    ("Zeszłej zimy brakowało prądu.", [("Zeszłej zimy", "2023-WI")]),
    ("Latem 2022 r. armia odbiła Chersoń.", [("Latem 2022 r.", "2022-SU")]),
    ("Latem wojska przesunęły się na wschód.", [("Latem", "2024-SU")]),
    # durations and sets
    ("Oblężenie trwało przez trzy miesiące.", [("trzy miesiące", "P3M")]),
    ("Ceny wzrosły w ciągu ostatnich sześciu miesięcy.", [("w ciągu ostatnich sześciu miesięcy", "P6M")]),
    ("Negocjacje trwały kilka tygodni.", [("kilka tygodni", "PXW")]),
    ("W ciągu ostatniej doby zestrzelono 20 dronów.", [("W ciągu ostatniej doby", "P1D")]),
    ("Wojna trwa już ponad tysiąc dni, czyli pół roku dłużej niż sądzono.", [("pół roku", "P6M")]),
    ("Targ odbywa się w każdy poniedziałek.", [("każdy poniedziałek", "XXXX-WXX-1")]),
    ("W poniedziałki urząd jest zamknięty.", [("poniedziałki", "XXXX-WXX-1")]),
    ("Syreny wyją codziennie.", [("codziennie", "P1D")]),
    ("Co tydzień odbywa się odprawa.", [("Co tydzień", "P1W")]),
    ("Ćwiczenia odbywają się dwa razy w roku.", [("dwa razy w roku", "P1Y")]),
    # decades, centuries, BC
    ("W latach 90. kraj się zmienił.", [("latach 90.", "199")]),
    ("W latach dziewięćdziesiątych kraj się zmienił.", [("latach dziewięćdziesiątych", "199")]),
    ("Na początku lat 80. XX wieku powstała Solidarność.", [("Na początku lat 80. XX wieku", "198")]),
    ("XX wiek był stuleciem wojen.", [("XX wiek", "19")]),
    ("W XX wieku Polska odzyskała niepodległość.", [("XX wieku", "19")]),
    ("Granica pochodzi z XIX wieku.", [("XIX wieku", "18")]),
    ("Bitwa pod Termopilami rozegrała się w 480 p.n.e.", [("480 p.n.e.", "BC0480")]),
    ("Miasto założono w 480 r. p.n.e.", [("480 r. p.n.e.", "BC0480")]),
    # clock times, dated by the day the text is at
    ("Do ataku doszło 24 lutego 2022 roku o godz. 4:30.",
     [("24 lutego 2022 roku", "2022-02-24"), ("godz. 4:30", "2022-02-24T04:30")]),
])
def test_phenomena(text, expected):
    check_case(text, expected, REF, L)


def test_day_anaphors_follow_the_last_day_read():
    assert engine_values("Ofensywa ruszyła 24 lutego 2022 r. Dwa dni później czołgi były pod Kijowem.") == [
        ("24 lutego 2022 r.", "2022-02-24"), ("Dwa dni później", "2022-02-26")]
    assert engine_values("Szczyt zaczął się 3 marca 2023 r. Następnego dnia przywódcy wydali oświadczenie. "
                         "Tego samego dnia doszło do eksplozji. Dzień wcześniej było spokojnie.") == [
        ("3 marca 2023 r.", "2023-03-03"), ("Następnego dnia", "2023-03-04"), ("Tego samego dnia", "2023-03-04"),
        ("Dzień wcześniej", "2023-03-03")]


def test_bare_month_follows_the_tense():
    assert one("Armia zajęła miasto w marcu.", REF, L).value == "2024-03"
    assert one("Wybory odbędą się w marcu.", REF, L).value == "2025-03"


def test_bare_weekday_follows_the_tense():
    # past -ł/-ła/-li/-ły; future "będzie"/"będą"; the perfective present is a future
    assert one("Minister podał się do dymisji w czwartek.", REF, L).value == "2024-11-14"
    assert one("Ministrowie spotkali się w czwartek.", REF, L).value == "2024-11-14"
    assert one("Premier będzie w Brukseli w środę.", REF, L).value == "2024-11-20"
    assert one("Minister spotka się z nim w czwartek.", REF, L).value == "2024-11-21"
    assert one("Szczyt zaplanowano na piątek.", REF, L).value == "2024-11-22"


def test_history_narrative_time():
    assert engine_values("W 1939 roku wybuchła wojna. W tym samym roku Polska została podzielona.") == [
        ("1939 roku", "1939"), ("tym samym roku", "1939")]


def test_month_of_last_year_is_not_put_in_this_year():
    # "w maju ubiegłego roku": May of the year before, one expression (the engine's year_offset)
    assert engine_values("W maju ubiegłego roku odbyły się wybory.") == [("maju ubiegłego roku", "2023-05")]
    assert engine_values("5 marca ubiegłego roku podpisano umowę.") == [("5 marca ubiegłego roku", "2023-03-05")]
    assert engine_values("W grudniu przyszłego roku odbędą się wybory.") == [("grudniu przyszłego roku", "2025-12")]


def test_vague_dates_are_bands_with_reasoning_in_english():
    e = one("We wrześniu Putin ostrzegał Zachód.", REF, L)
    assert (e.earliest, e.latest, e.granularity) == ("2024-09-01", "2024-09-30", "month")
    assert "relative to 18 Nov 2024" in e.reasoning and "September 2024" in e.reasoning
    e = one("W połowie marca 2023 r. rozpoczęła się ofensywa.", REF, L)
    assert e.value == "2023-03" and e.mod == "MID"


def test_seed_with_reference():
    text = SEED.read_text(encoding="utf-8")
    assert engine_values(text) == [("ten poniedziałek, 18 listopada", "2024-11-18"), ("tego lata", "2024-SU"),
                                   ("wrześniu", "2024-09"), ("miniony weekend", "2024-W46-WE")]


def test_seed_year_is_inferred_from_the_weekday():
    text = SEED.read_text(encoding="utf-8")
    ref, source, exprs = resolve_document(text, None, language=L)
    assert (ref, source) == (date(2024, 11, 18), "inferred")
    assert [e.value for e in exprs] == ["2024-11-18", "2024-SU", "2024-09", "2024-W46-WE"]


def test_seed_language_is_detected():
    text = SEED.read_text(encoding="utf-8")
    ref, source, exprs = resolve_document(text, None)
    assert ref == date(2024, 11, 18)
    assert [e.value for e in exprs] == ["2024-11-18", "2024-SU", "2024-09", "2024-W46-WE"]


@pytest.mark.parametrize("text", [
    "Brygada liczy 1500 żołnierzy.",
    "Maja Kowalska opublikowała raport.",
    "Minister rozmawiał z Mają Nowak.",
    "Marzec był chłodny, powiedział Jan Marzec.",
    "Tomasz Piątek napisał książkę o ministrze.",
    "Zbadano płeć i wiek ofiar.",
    "W wieku 17 lat wstąpił do wojska.",
    "Kapral ma 26 lat.",
    "Przez ostatnie lata armia się zmieniła.",
    "Wystrzelono trzy rakiety.",
    "Kraków liczy 800 tysięcy mieszkańców.",
])
def test_not_dates(text):
    check_negative(text, REF, L)


# Issue 17 and parts of the year in Polish (sentences written for these tests): offsets from the day the text
# is at and from a happening it dated, both ends of ranges, years in passing, quarters and halves.
from datetime import date as _date  # noqa: E402

from viewer.timex import tag as _tag  # noqa: E402

_NEWS = _date(2024, 11, 18)


def _pairs(text, ref=_NEWS, **kw):
    return [(e.text, e.value) for e in _tag(text, ref, language=L, **kw)]


@pytest.mark.parametrize("text,expected", [('Inwazja rozpoczęła się 24 lutego 2022 roku. Dwa dni później rosyjskie wojska stały pod Kijowem.',
  [('24 lutego 2022 roku', '2022-02-24'), ('Dwa dni później', '2022-02-26')]),
 ('Strajk generalny trwał od 10 do 18 czerwca 1953 roku.',
  [('10', '1953-06-10'), ('18 czerwca 1953 roku', '1953-06-18')]),
 ('Powstanie robotnicze (10-18 czerwca 1953) zostało stłumione przez radzieckie czołgi.',
  [('10', '1953-06-10'), ('18 czerwca 1953', '1953-06-18')]),
 ('W sierpniu-wrześniu 1950 roku front ustabilizował się nad rzeką Naktong.',
  [('sierpniu', '1950-08'), ('wrześniu 1950 roku', '1950-09')])])
def test_offsets_and_ranges_issue17(text, expected):
    assert _pairs(text) == expected


def test_offset_from_a_happening_names_its_anchor():
    got = _tag('Wybory odbyły się 3 marca 2024 roku. Dziesięć dni po wyborach prezydent powołał nowy rząd.', _NEWS, language=L)[-1]
    assert (got.text, got.value) == ('Dziesięć dni po wyborach', '2024-03-13')
    assert '2024-03-03' in got.reasoning


def test_undated_happening_stays_a_duration():
    assert _pairs('Trzy dni po zamachu policja zatrzymała dwóch podejrzanych.') == [('Trzy dni', 'P3D')]


def test_year_in_passing_leaves_the_story():
    assert _pairs('W lipcu 1940 roku rozpoczęła się bitwa powietrzna. Była to największa niemiecka porażka od 1938 roku. W sierpniu naloty się nasiliły.', narrative=True)[-1] == ('sierpniu', '1940-08')


@pytest.mark.parametrize("text,value,earliest,latest", [('Polska gospodarka urosła w drugim kwartale 2023 roku o 0,5 proc.', '2023-Q2', '2023-04-01', '2023-06-30'),
 ('W pierwszej połowie 2023 roku eksport spadł.', '2023-H1', '2023-01-01', '2023-06-30'),
 ('Wojska dotarły w połowie marca 2023 roku.', '2023-03', '2023-03-11', '2023-03-21')])
def test_parts_of_the_year(text, value, earliest, latest):
    got = [e for e in _tag(text, _NEWS, language=L) if e.value == value]
    assert got, _pairs(text)
    assert (got[0].earliest, got[0].latest) == (earliest, latest)


def test_part_of_the_year_without_a_year_is_the_last_one_told_in_the_past():
    got = _tag('Sprzedaż spadła w trzecim kwartale.', _date(2024, 5, 15), language=L)
    assert [(e.text, e.value) for e in got] == [('trzecim kwartale', '2023-Q3')]


def test_later_and_earlier_count_from_the_last_day():
    assert _pairs("Ofensywa ruszyła 3 czerwca 2023 roku. Pięć dni później zapora runęła.") == \
        [("3 czerwca 2023 roku", "2023-06-03"), ("Pięć dni później", "2023-06-08")]
    assert _pairs("Rozejm podpisano 3 września 1943 roku. Pięć dni wcześniej król uciekł z Rzymu.") == \
        [("3 września 1943 roku", "1943-09-03"), ("Pięć dni wcześniej", "1943-08-29")]
