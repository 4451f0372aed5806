"""Spanish: what a reader of Spanish news and histories cares about (sentences written for these tests)."""
from datetime import date
from pathlib import Path

import pytest

from viewer.timex import engine, resolve_document, tag
from tests.timex.lang_cases import check_negative, one

REF = date(2024, 11, 18)   # a Monday
L = "es"
SEED = Path(__file__).resolve().parents[2] / "data" / "seed" / "seed_es.txt"


def test_spanish_runs_on_the_engine():
    assert "es" in engine.LANGUAGES


@pytest.mark.parametrize("text,expected", [
    # the seed article's four dates
    ("El ministro aseguró este lunes 18 de noviembre que no habrá cambios.", [("este lunes 18 de noviembre", "2024-11-18")]),
    ("El pasado septiembre, Putin consideró que sería una escalada.", [("El pasado septiembre", "2024-09")]),
    ("La región, conquistada por Kiev este verano, sigue en disputa.", [("este verano", "2024-SU")]),
    ("Alemania retomó el pasado fin de semana las conversaciones con Moscú.", [("el pasado fin de semana", "2024-W46-WE")]),
    # weekdays with deixis, before or after
    ("El ministro dimitió el pasado martes.", [("el pasado martes", "2024-11-12")]),
    ("El ministro dimitió el martes pasado.", [("el martes pasado", "2024-11-12")]),
    ("El presidente viajará a Kiev el próximo lunes.", [("el próximo lunes", "2024-11-25")]),
    ("El pasado jueves por la tarde hubo una explosión.", [("El pasado jueves por la tarde", "2024-11-14TAF")]),
    ("El ejército lanzó la ofensiva el domingo por la noche.", [("el domingo por la noche", "2024-11-17TNI")]),
    # days relative to the reference
    ("El convoy llegó ayer a Járkov.", [("ayer", "2024-11-17")]),
    ("Los bombardeos empezaron anteayer.", [("anteayer", "2024-11-16")]),
    ("Las negociaciones se reanudarán mañana.", [("mañana", "2024-11-19")]),
    ("Mañana se reunirá el consejo de seguridad.", [("Mañana", "2024-11-19")]),
    ("La reunión de mañana ha sido cancelada.", [("mañana", "2024-11-19")]),
    ("Hoy el presidente se reunió con su gabinete.", [("Hoy", "2024-11-18")]),
    ("Los drones atacaron anoche la capital.", [("anoche", "2024-11-17TNI")]),
    # "mañana" as a part of the day is not tomorrow
    ("Los drones atacaron la capital esta mañana.", [("esta mañana", "2024-11-18TMO")]),
    ("El consejo se reunirá mañana por la mañana.", [("mañana por la mañana", "2024-11-19TMO")]),
    ("Ayer por la tarde las tropas entraron en la ciudad.", [("Ayer por la tarde", "2024-11-17TAF")]),
    # days relative to the day the text is at
    ("El 3 de marzo de 2022 las tropas rodearon Mariúpol. La víspera, el ejército había evacuado a los civiles.",
     [("El 3 de marzo de 2022", "2022-03-03"), ("La víspera", "2022-03-02")]),
    ("El 3 de marzo de 2022 las tropas rodearon Mariúpol. Al día siguiente, cortaron el agua.",
     [("El 3 de marzo de 2022", "2022-03-03"), ("Al día siguiente", "2022-03-04")]),
    ("El 3 de marzo de 2022 cayó Jersón. Ese mismo día, el presidente habló con Berlín.",
     [("El 3 de marzo de 2022", "2022-03-03"), ("Ese mismo día", "2022-03-03")]),
    # ago / in
    ("La ciudad cayó hace tres días.", [("hace tres días", "2024-11-15")]),
    ("Hace unos meses la situación era otra.", [("Hace unos meses", "PAST_REF")]),
    ("Las tropas se retirarán dentro de dos semanas.", [("dos semanas", "2024-12-02")]),
    # weeks, months, years, weekends with deixis
    ("La semana pasada el ejército retrocedió.", [("La semana pasada", "2024-W46")]),
    ("Los combates se reanudaron esta semana.", [("esta semana", "2024-W47")]),
    ("La reunión será la semana que viene.", [("la semana que viene", "2024-W48")]),
    ("El próximo mes habrá una cumbre.", [("El próximo mes", "2024-12")]),
    ("El año pasado hubo elecciones.", [("El año pasado", "2023")]),
    ("El tratado se firmará el año que viene.", [("el año que viene", "2025")]),
    ("A finales del año pasado se firmó un alto el fuego.", [("A finales del año pasado", "2023")]),
    ("Los ataques continuaron este fin de semana.", [("este fin de semana", "2024-W46-WE")]),
    ("Los precios han subido un 5 % en lo que va de año.", [("lo que va de año", "2024")]),
    # explicit dates
    ("La ofensiva comenzó el 18 de noviembre de 2024.", [("el 18 de noviembre de 2024", "2024-11-18")]),
    ("El ministro habló el lunes 18 de noviembre en Varsovia.", [("el lunes 18 de noviembre", "2024-11-18")]),
    ("Rusia invadió Ucrania el 24 de febrero de 2022.", [("el 24 de febrero de 2022", "2022-02-24")]),
    ("El acuerdo se firmó el pasado 5 de octubre.", [("el pasado 5 de octubre", "2024-10-05")]),
    ("La cumbre será el próximo 1 de diciembre.", [("el próximo 1 de diciembre", "2024-12-01")]),
    ("El informe se publicó el 18/11/2024.", [("el 18/11/2024", "2024-11-18")]),
    ("Las tropas entraron en la ciudad en mayo de 2023.", [("mayo de 2023", "2023-05")]),
    ("En 2014 Rusia se anexionó Crimea.", [("2014", "2014")]),
    # months and positions in a period
    ("El pasado mes de septiembre hubo elecciones.", [("El pasado mes de septiembre", "2024-09")]),
    ("A principios de septiembre, el frente se estabilizó.", [("A principios de septiembre", "2024-09")]),
    ("El país se industrializó a mediados de 1990.", [("a mediados de 1990", "1990")]),
    ("La inflación se disparó a finales de 2023.", [("a finales de 2023", "2023")]),
    # seasons
    ("Se espera una ofensiva la próxima primavera.", [("próxima primavera", "2025-SP")]),
    ("La guerra de Irak comenzó en la primavera de 2003.", [("la primavera de 2003", "2003-SP")]),
    # durations
    ("El asedio duró tres meses.", [("tres meses", "P3M")]),
    ("Los precios han subido durante los últimos seis meses.", [("los últimos seis meses", "P6M")]),
    ("Las negociaciones duraron varias semanas.", [("varias semanas", "PXW")]),
    ("La guerra duró más de dos años.", [("más de dos años", "P2Y")]),
    ("El alto el fuego se mantiene desde hace dos semanas.", [("hace dos semanas", "P2W")]),
    ("Los últimos días han sido muy duros.", [("Los últimos días", "PXD")]),
    # sets
    ("El mercado abre cada lunes.", [("cada lunes", "XXXX-WXX-1")]),
    ("Las sirenas suenan todos los días.", [("todos los días", "P1D")]),
    ("Las patrullas salen cada dos semanas.", [("cada dos semanas", "P2W")]),
    ("Los sábados abre el mercado.", [("Los sábados", "XXXX-WXX-6")]),
    # decades, centuries, eras
    ("La economía creció en la década de 1990.", [("en la década de 1990", "199")]),
    ("En los años noventa la región vivió una guerra.", [("En los años noventa", "199")]),
    ("A finales de los años 80 cayó el muro.", [("A finales de los años 80", "198")]),
    ("La frontera se trazó en el siglo XX.", [("en el siglo XX", "19")]),
    ("A mediados del siglo XIX España perdió sus colonias.", [("A mediados del siglo XIX", "18")]),
    ("La batalla de las Termópilas tuvo lugar en 480 a. C.", [("480 a. C.", "BC0480")]),
    ("Cartago fue destruida en 146 a.C.", [("146 a.C.", "BC0146")]),
    # clock times, on the day the text is at
    ("El 12 de marzo de 2024, a las 8:15 horas, sonaron las sirenas.",
     [("El 12 de marzo de 2024", "2024-03-12"), ("las 8:15 horas", "2024-03-12T08:15")]),
    ("La explosión ocurrió ayer a las tres de la tarde.", [("ayer", "2024-11-17"), ("las tres de la tarde", "2024-11-17T15:00")]),
    ("Actualmente la ciudad está en ruinas.", [("Actualmente", "PRESENT_REF")]),
])
def test_phenomena(text, expected):
    # the language's rules alone (dateparser's absolute dates, merged in by ``tag``, are tested elsewhere)
    got = [(e.text, e.value) for e in engine.tag(text, REF, L)]
    assert got == expected


def test_bare_month_follows_the_tense():
    assert one("Las tropas entraron en la ciudad en marzo.", REF, L).value == "2024-03"
    assert one("Las elecciones se celebrarán en marzo.", REF, L).value == "2025-03"
    assert one("El gobierno va a convocar elecciones en marzo.", REF, L).value == "2025-03"


def test_bare_weekday_follows_the_tense():
    assert one("El ministro dimitió el jueves.", REF, L).value == "2024-11-14"
    assert one("El ministro dimitirá el jueves.", REF, L).value == "2024-11-21"
    assert one("El ministro ha dimitido el jueves.", REF, L).value == "2024-11-14"


def test_vague_dates_are_bands_with_reasoning_in_english():
    e = one("El pasado septiembre, Putin advirtió a Occidente.", REF, L)
    assert (e.earliest, e.latest, e.granularity) == ("2024-09-01", "2024-09-30", "month")
    assert "relative to 18 Nov 2024" in e.reasoning and "September 2024" in e.reasoning
    e = one("Los combates se reanudaron a principios de marzo de 2023.", REF, L)
    assert e.value == "2023-03" and e.mod == "START" and e.earliest == "2023-03-01"


def test_no_reference_leaves_the_year_open():
    assert one("La cumbre se celebró el pasado septiembre.", None, L).value == "XXXX-09"


def test_seed_reference_is_inferred_and_gives_the_four_dates():
    text = SEED.read_text(encoding="utf-8")
    ref, source, exprs = resolve_document(text, None, language=L)
    assert (ref, source) == (date(2024, 11, 18), "inferred")
    values = [e.value for e in exprs]
    for v in ("2024-11-18", "2024-09", "2024-SU", "2024-W46-WE"):
        assert v in values
    dated = [e.value for e in engine.tag(text, ref, L) if not e.value.endswith("_REF")]
    assert dated == ["2024-11-18", "2024-SU", "2024-09", "2024-W46-WE"]


def test_narrative_time_in_a_short_history():
    text = ("En 1812 Napoleón invadió Rusia. En septiembre entró en Moscú. "
            "El 14 de septiembre el ejército acampaba en la ciudad. Al día siguiente, la ciudad ardía.")
    got = [(e.text, e.value) for e in tag(text, REF, language=L, narrative=True)]
    assert got == [("1812", "1812"), ("septiembre", "1812-09"), ("El 14 de septiembre", "1812-09-14"),
                   ("Al día siguiente", "1812-09-15")]


@pytest.mark.parametrize("text", [
    "Marte es el cuarto planeta del sistema solar.",
    "La Clínica Mayo publicó un informe.",
    "Las Madres de Plaza de Mayo se manifestaron.",
    "El batallón cuenta con 1500 soldados.",
    "La ofensiva movilizó a 15.000 soldados.",
    "El presupuesto asciende a 2000 millones de euros.",
    "Un hombre de 26 años resultó herido.",
    "Juan, 26 años, vive en Toledo.",
    "Algún día volverá.",
    "Siete soldados resultaron heridos.",
    "Las fuerzas avanzaron 1500 metros.",
    "La mañana era fría y gris.",
])
def test_not_dates(text):
    check_negative(text, REF, L)


# Issue 17 and parts of the year in Spanish (sentences written for these tests): offsets from the day the text
# is at and from a happening it dated, both ends of ranges, years in passing, quarters and halves.
from datetime import date as _date  # noqa: E402

from viewer.timex import tag as _tag  # noqa: E402

_NEWS = _date(2024, 11, 18)


def _pairs(text, ref=_NEWS, **kw):
    return [(e.text, e.value) for e in _tag(text, ref, language=L, **kw)]


@pytest.mark.parametrize("text,expected", [('La invasión comenzó el 24 de febrero de 2022. Dos días después, las tropas rusas llegaron a las afueras '
  'de Kiev.',
  [('el 24 de febrero de 2022', '2022-02-24'), ('Dos días después', '2022-02-26')]),
 ('El armisticio se firmó el 3 de septiembre de 1943. Cinco días antes, el rey había huido de Roma.',
  [('el 3 de septiembre de 1943', '1943-09-03'), ('Cinco días antes', '1943-08-29')]),
 ('La huelga general duró del 10 al 18 de junio de 1953.',
  [('10', '1953-06-10'), ('al 18 de junio de 1953', '1953-06-18')]),
 ('La revuelta obrera (10-18 de junio de 1953) fue aplastada por los tanques soviéticos.',
  [('10', '1953-06-10'), ('18 de junio de 1953', '1953-06-18')]),
 ('En agosto-septiembre de 1950 el frente se estabilizó en el río Naktong.',
  [('agosto', '1950-08'), ('septiembre de 1950', '1950-09')]),
 ('Entre agosto y septiembre de 1950 llegaron refuerzos estadounidenses.',
  [('agosto', '1950-08'), ('septiembre de 1950', '1950-09')])])
def test_offsets_and_ranges_issue17(text, expected):
    assert _pairs(text) == expected


def test_offset_from_a_happening_names_its_anchor():
    got = _tag('Las elecciones se celebraron el 3 de marzo de 2024. Diez días después de las elecciones, el presidente formó un nuevo gobierno.', _NEWS, language=L)[-1]
    assert (got.text, got.value) == ('Diez días después de las elecciones', '2024-03-13')
    assert '2024-03-03' in got.reasoning


def test_undated_happening_stays_a_duration():
    assert _pairs('Tres días después del atentado, la policía detuvo a dos sospechosos.') == [('Tres días', 'P3D')]


def test_year_in_passing_leaves_the_story():
    assert _pairs('En julio de 1940 comenzó la batalla aérea. Fue la mayor derrota alemana desde 1938. En agosto los bombardeos se intensificaron.', narrative=True)[-1] == ('agosto', '1940-08')


@pytest.mark.parametrize("text,value,earliest,latest", [('La economía española creció un 0,8 % en el segundo trimestre de 2023.',
  '2023-Q2',
  '2023-04-01',
  '2023-06-30'),
 ('En la primera mitad de 2023 las exportaciones cayeron.', '2023-H1', '2023-01-01', '2023-06-30'),
 ('El paro bajó en el segundo semestre del año pasado.', '2023-H2', '2023-07-01', '2023-12-31'),
 ('Las tropas llegaron a mediados de marzo de 2023.', '2023-03', '2023-03-11', '2023-03-21'),
 ('A finales de 2022 el frente se había estabilizado.', '2022', '2022-09-01', '2022-12-31')])
def test_parts_of_the_year(text, value, earliest, latest):
    got = [e for e in _tag(text, _NEWS, language=L) if e.value == value]
    assert got, _pairs(text)
    assert (got[0].earliest, got[0].latest) == (earliest, latest)


def test_part_of_the_year_without_a_year_is_the_last_one_told_in_the_past():
    got = _tag('Las ventas cayeron en el tercer trimestre.', _date(2024, 5, 15), language=L)
    assert [(e.text, e.value) for e in got] == [('el tercer trimestre', '2023-Q3')]
