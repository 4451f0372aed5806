"""Portuguese: what a reader of Portuguese and Brazilian news cares about (sentences written for these tests)."""
from datetime import date

import pytest

from viewer.timex import engine
from tests.timex.lang_cases import check_negative, one

REF = date(2024, 11, 18)   # a Monday
L = "pt"


def test_portuguese_runs_on_the_engine():
    assert "pt" in engine.LANGUAGES


@pytest.mark.parametrize("text,expected", [
    ('O ministro demitiu-se na terça-feira passada.', [('na terça-feira passada', '2024-11-12')]),
    ('O ministro demitiu-se na última terça-feira.', [('na última terça-feira', '2024-11-12')]),
    ('A cidade caiu há três dias.', [('há três dias', '2024-11-15')]),
    ('A região foi conquistada no verão passado.', [('no verão passado', '2024-SU')]),
    ('No último fim de semana, a Alemanha retomou as conversações com Moscovo.', [('No último fim de semana', '2024-W46-WE')]),
    ('A economia cresceu na década de 1990.', [('na década de 1990', '199')]),
    ('A fronteira foi traçada no século XX.', [('no século XX', '19')]),
    ('A batalha das Termópilas ocorreu em 480 a.C.', [('480 a.C.', 'BC0480')]),
    ('O ministro garantiu nesta segunda-feira, 18 de novembro, que nada mudará.', [('nesta segunda-feira, 18 de novembro', '2024-11-18')]),
    ('Em setembro passado, Putin advertiu o Ocidente.', [('setembro passado', '2024-09')]),
    ('A região, conquistada por Kiev neste verão, continua disputada.', [('neste verão', '2024-SU')]),
    ('O comboio chegou ontem.', [('ontem', '2024-11-17')]),
    ('As negociações serão retomadas amanhã.', [('amanhã', '2024-11-19')]),
    ('Os drones atacaram a capital esta manhã.', [('esta manhã', '2024-11-18TMO')]),
    ('O conselho reúne-se amanhã de manhã.', [('amanhã de manhã', '2024-11-19TMO')]),
    ('No ano passado houve eleições.', [('No ano passado', '2023')]),
    ('Na semana passada o exército recuou.', [('Na semana passada', '2024-W46')]),
    ('A cimeira será no próximo mês.', [('no próximo mês', '2024-12')]),
    ('A ofensiva começou em 24 de fevereiro de 2022.', [('em 24 de fevereiro de 2022', '2022-02-24')]),
    ('As tropas entraram na cidade em maio de 2023.', [('maio de 2023', '2023-05')]),
    ('O cerco durou três meses.', [('três meses', 'P3M')]),
    ('Os preços subiram nos últimos seis meses.', [('últimos seis meses', 'P6M')]),
    ('O mercado abre todas as segundas-feiras.', [('todas as segundas-feiras', 'XXXX-WXX-1')]),
    ('As sirenes tocam todos os dias.', [('todos os dias', 'P1D')]),
    ('Nos anos noventa a região viveu uma guerra.', [('Nos anos noventa', '199')]),
    ('No início de setembro, a frente estabilizou.', [('No início de setembro', '2024-09')]),
    ('As tropas vão retirar-se daqui a duas semanas.', [('duas semanas', '2024-12-02')]),
    ('Em 2014 a Rússia anexou a Crimeia.', [('2014', '2014')]),
    ('Em meados de 1990 o país industrializou-se.', [('Em meados de 1990', '1990')]),
    ('No final de 2023 a inflação disparou.', [('No final de 2023', '2023')]),
])
def test_phenomena(text, expected):
    got = [(e.text, e.value) for e in engine.tag(text, REF, L)]
    assert got == expected


def test_day_after_a_written_date():
    got = [(e.text, e.value) for e in engine.tag(
        "Em 3 de março de 2022 as tropas cercaram Mariupol. No dia seguinte, cortaram a água.", REF, L)]
    assert got == [("Em 3 de março de 2022", "2022-03-03"), ("No dia seguinte", "2022-03-04")]


def test_bare_month_and_weekday_follow_the_tense():
    assert one("O exército tomou a cidade em março.", REF, L).value == "2024-03"
    assert one("As eleições serão em março.", REF, L).value == "2025-03"
    assert one("O ministro demitiu-se na quinta-feira.", REF, L).value == "2024-11-14"
    assert one("O ministro vai demitir-se na quinta-feira.", REF, L).value == "2024-11-21"


@pytest.mark.parametrize("text", [
    'Marte é o quarto planeta do sistema solar.',
    'O batalhão conta com 1500 soldados.',
    'João, 26 anos, vive em Lisboa.',
    'Um homem de 26 anos ficou ferido.',
    'Sete soldados ficaram feridos.',
    "Chegou a segunda vaga de refugiados.",
])
def test_not_dates(text):
    check_negative(text, REF, L)


# Issue 17 and parts of the year in Portuguese (sentences written for these tests): offsets from the day the text
# is at and from a happening it dated, both ends of ranges, years in passing, quarters and halves.
from datetime import date as _date  # noqa: E402

from viewer.timex import tag as _tag  # noqa: E402

_NEWS = _date(2024, 11, 18)


def _pairs(text, ref=_NEWS, **kw):
    return [(e.text, e.value) for e in _tag(text, ref, language=L, **kw)]


@pytest.mark.parametrize("text,expected", [('A invasão começou em 24 de fevereiro de 2022. Dois dias depois, as tropas russas chegaram aos arredores '
  'de Kiev.',
  [('em 24 de fevereiro de 2022', '2022-02-24'), ('Dois dias depois', '2022-02-26')]),
 ('O armistício foi assinado em 3 de setembro de 1943. Cinco dias antes, o rei tinha fugido de Roma.',
  [('em 3 de setembro de 1943', '1943-09-03'), ('Cinco dias antes', '1943-08-29')]),
 ('A greve geral durou de 10 a 18 de junho de 1953.',
  [('10', '1953-06-10'), ('a 18 de junho de 1953', '1953-06-18')]),
 ('A revolta operária (10-18 de junho de 1953) foi esmagada pelos tanques soviéticos.',
  [('10', '1953-06-10'), ('18 de junho de 1953', '1953-06-18')]),
 ('Em agosto-setembro de 1950 a frente estabilizou-se no rio Naktong.',
  [('agosto', '1950-08'), ('setembro de 1950', '1950-09')])])
def test_offsets_and_ranges_issue17(text, expected):
    assert _pairs(text) == expected


def test_offset_from_a_happening_names_its_anchor():
    got = _tag('As eleições realizaram-se em 3 de março de 2024. Dez dias depois das eleições, o presidente formou um novo governo.', _NEWS, language=L)[-1]
    assert (got.text, got.value) == ('Dez dias depois das eleições', '2024-03-13')
    assert '2024-03-03' in got.reasoning


def test_undated_happening_stays_a_duration():
    assert _pairs('Três dias depois do atentado, a polícia deteve dois suspeitos.') == [('Três dias', 'P3D')]


def test_year_in_passing_leaves_the_story():
    assert _pairs('Em julho de 1940 começou a batalha aérea. Foi a maior derrota alemã desde 1938. Em agosto os bombardeamentos intensificaram-se.', narrative=True)[-1] == ('agosto', '1940-08')


@pytest.mark.parametrize("text,value,earliest,latest", [('O PIB português cresceu 0,1% no segundo trimestre de 2023.', '2023-Q2', '2023-04-01', '2023-06-30'),
 ('Na primeira metade de 2023 as exportações caíram.', '2023-H1', '2023-01-01', '2023-06-30'),
 ('As tropas chegaram em meados de março de 2023.', '2023-03', '2023-03-11', '2023-03-21')])
def test_parts_of_the_year(text, value, earliest, latest):
    got = [e for e in _tag(text, _NEWS, language=L) if e.value == value]
    assert got, _pairs(text)
    assert (got[0].earliest, got[0].latest) == (earliest, latest)


def test_part_of_the_year_without_a_year_is_the_last_one_told_in_the_past():
    got = _tag('As vendas caíram no terceiro trimestre.', _date(2024, 5, 15), language=L)
    assert [(e.text, e.value) for e in got] == [('terceiro trimestre', '2023-Q3')]
