"""The engine follow-ups the language authors asked for: the tense read inside the expression's own sentence,
news told from histories with the language's own words, the reference inferred in the text's language only,
and a light import (sentences written for these tests)."""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from viewer.timex import engine, infer_reference, looks_historical, tag

REF = date(2024, 11, 18)   # a Monday
ROOT = Path(__file__).resolve().parents[2]

FILLER_FR = ("La région reste sous tension et les habitants attendent des nouvelles du front, dans un climat "
             "d'incertitude que personne ne sait dissiper. ")
FILLER_UK = "Ситуація в регіоні напружена, і мешканці чекають новин з фронту в атмосфері невизначеності. "


def _values(text, language, ref=REF, **kw):
    return [(e.text, e.value) for e in tag(text, ref, language=language, **kw)]


# 1. the tense of a month without a year is read in its own sentence, wherever it is in the text

@pytest.mark.parametrize("prefix", ["", FILLER_FR * 3])
def test_french_tense_is_read_in_the_expressions_own_sentence(prefix):
    # "ont repris" is in the sentence before: "en janvier" has no tense of its own, so the nearest January
    text = prefix + "Les combats ont repris dans la région. Rendez-vous en janvier à Genève pour les pourparlers."
    assert _values(text, "fr") == [("janvier", "2025-01")]


def test_ukrainian_tense_is_read_in_the_expressions_own_sentence():
    text = FILLER_UK * 3 + "Делегації повернулися додому. Новий раунд у січні в Женеві."
    assert _values(text, "uk") == [("січні", "2025-01")]


def test_past_tense_in_the_same_sentence_still_decides():
    text = FILLER_FR * 3 + "Les combats ont repris en janvier."
    assert _values(text, "fr") == [("janvier", "2024-01")]


def test_abbreviation_does_not_end_the_sentence_for_the_tense():
    # "Mgr." is a French abbreviation: the sentence, and its past tense, go on past it
    text = FILLER_FR * 3 + "Les combats ont repris, selon Mgr. Dupont, en janvier."
    assert _values(text, "fr") == [("janvier", "2024-01")]


@pytest.mark.parametrize("text,expected", [
    ("Саміт має розпочатися у березні.", "2025-03"),        # has to begin: the future
    ("Переговори мають відновитися в січні.", "2025-01"),
    ("Зустріч має значення. Вона відбулася у березні.", "2024-03"),   # "has" meaning, then a past verb
])
def test_ukrainian_maye_with_an_infinitive_is_the_future(text, expected):
    assert _values(text, "uk")[-1][1] == expected


# 7. news or history, with the language's own words

FR_NEWS_OLD_YEARS = ("Lundi, le ministre a rappelé le traité de 1945 et les accords de 1991 devant les députés. "
                     "Il a cité les négociations de 1975.")


def test_french_news_with_old_years_is_news_by_its_weekday():
    assert not looks_historical(FR_NEWS_OLD_YEARS, REF, language="fr")
    assert ("Lundi", "2024-11-18") in _values(FR_NEWS_OLD_YEARS, "fr")


def test_french_news_with_il_y_a_is_news():
    text = "Il y a trois jours, le ministre a rappelé le traité de 1945 et les accords de 1975."
    assert not looks_historical(text, REF, language="fr")


def test_french_history_is_a_history():
    text = ("En 1914, la guerre éclate. En 1915, l'Italie entre en guerre. En 1916, la bataille de Verdun "
            "commence en février. En 1917, les États-Unis entrent en guerre. En 1918, l'armistice est signé "
            "en novembre.")
    assert looks_historical(text, REF, language="fr")
    assert ("février", "1916-02") in _values(text, "fr")


def test_german_heute_in_a_history_does_not_make_it_news():
    # "heute" in a history: the place's name today, not the day of writing (the German data says so)
    text = ("Die Schlacht bei Mukden (heute Shenyang) begann 1905. Im Jahr 1904 hatte der Krieg begonnen. "
            "Der Friede von 1905 beendete ihn. 1906 zogen die Truppen ab, 1907 folgte ein Vertrag. "
            "Die Stadt Tschemulpo (heute Incheon) war 1904 besetzt worden.")
    assert looks_historical(text, REF, language="de")


def test_ukrainian_history_quoting_today_and_tomorrow_stays_a_history():
    text = ("У 1938 році Чехословаччина втратила Судети. У 1939 році почалася війна. Дипломат попереджав: "
            "«Те, що відбувається у нас сьогодні, станеться у вас завтра». У 1940 році впала Франція, "
            "у 1941 році Німеччина напала на СРСР, а в 1945 році війна скінчилася.")
    assert looks_historical(text, REF, language="uk")


def test_ukrainian_news_with_yesterday_is_news():
    text = ("Вчора президент згадав угоди 1991 і 1994 років, договір 1997 року, події 2004 і 2008 років "
            "та конституцію 1996 року.")
    assert not looks_historical(text, REF, language="uk")
    assert ("Вчора", "2024-11-17") in _values(text, "uk")


# 8. the reference inferred in the text's language only

def test_weekday_dates_read_in_the_language_given():
    text = "Le ministre a parlé ce lundi 18 novembre."
    assert [(wd, m, d) for wd, m, d, _ in engine.weekday_dates(text, "fr")] == [(1, 11, 18)]
    assert list(engine.weekday_dates(text, "en")) == []
    assert list(engine.weekday_dates(text, "de")) == []
    assert [(wd, m, d) for wd, m, d, _ in engine.weekday_dates(text)] == [(1, 11, 18)]   # language unknown


def test_reference_is_inferred_in_the_language_given_and_loads_no_other(monkeypatch):
    loaded = []
    real = engine.load
    monkeypatch.setattr(engine, "load", lambda code: loaded.append(code) or real(code))
    ref, how = infer_reference("Le ministre a parlé ce lundi 18 novembre.", date(2025, 1, 10), language="fr")
    assert ref == date(2024, 11, 18) and "lundi 18 novembre" in how
    assert set(loaded) == {"fr"}


# 9. a text in an engine language with its date given needs neither the English tagger nor dateparser

def test_engine_language_with_a_reference_imports_neither_english_rules_nor_dateparser():
    code = ("import sys; from datetime import date; from viewer.timex import tag; "
            "got = tag('Le ministre a parlé ce lundi 18 novembre.', date(2024, 11, 18), language='fr'); "
            "assert [e.value for e in got] == ['2024-11-18'], got; "
            "print('viewer.timex.tagger' in sys.modules, 'dateparser' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["False", "False"]


# 2. a month or a date with "last year" / "next year" after it: one expression, the year before / after

@pytest.mark.parametrize("language,text,expected", [
    ("pl", "W maju ubiegłego roku odbyły się wybory.", ("maju ubiegłego roku", "2023-05")),
    ("pl", "5 marca ubiegłego roku podpisano umowę.", ("5 marca ubiegłego roku", "2023-03-05")),
    ("nl", "In september vorig jaar begon het offensief.", ("september vorig jaar", "2023-09")),
    ("nl", "Op 5 maart volgend jaar wordt getekend.", ("5 maart volgend jaar", "2025-03-05")),
    ("es", "En septiembre del año pasado empezó la ofensiva.", ("septiembre del año pasado", "2023-09")),
    ("es", "La cumbre será en enero del próximo año.", ("enero del próximo año", "2025-01")),
    ("uk", "У вересні минулого року почався наступ.", ("вересні минулого року", "2023-09")),
    ("uk", "5 березня минулого року підписали угоду.", ("5 березня минулого року", "2023-03-05")),
    ("fr", "En septembre de l'année dernière, l'offensive a commencé.", ("septembre de l'année dernière", "2023-09")),
    ("fr", "Le sommet aura lieu en décembre de l'an prochain.", ("décembre de l'an prochain", "2025-12")),
    ("de", "Im September letzten Jahres begann die Offensive.", ("September letzten Jahres", "2023-09")),
    ("de", "Am 5. März vergangenen Jahres unterschrieb man.", ("5. März vergangenen Jahres", "2023-03-05")),
    ("it", "A settembre dell'anno scorso è iniziata l'offensiva.", ("settembre dell'anno scorso", "2023-09")),
    ("pt", "Em setembro do ano passado começou a ofensiva.", ("setembro do ano passado", "2023-09")),
])
def test_month_or_date_of_last_or_next_year(language, text, expected):
    assert _values(text, language) == [expected]


def test_year_offset_in_a_history_counts_from_the_narrative_time():
    text = ("W 1939 roku wybuchła wojna. W 1940 roku padła Francja. W 1941 roku Niemcy napadły na ZSRR. "
            "W 1942 roku trwały walki. W 1943 roku przyszedł przełom. W maju ubiegłego roku wojska stały pod Moskwą.")
    assert ("maju ubiegłego roku", "1942-05") in _values(text, "pl")


# 5. mistakes in a language's data are told at load time, naming the language, the rule and the fault

from viewer.timex.engine.data import build   # noqa: E402

LEX = '[month]\njanvier = 1\n'


def test_a_lexicon_class_named_like_a_builtin_is_an_error():
    with pytest.raises(ValueError, match=r"xx lexicon: class \[century_num\].*built-in"):
        build("xx", LEX + '[century_num]\n"xx." = 20\n', '[[rule]]\nname = "m"\npattern = "{month}"\n'
              'frame = { kind = "month" }\n')


def test_a_group_name_used_twice_is_an_error_naming_rule_and_group():
    rules = '[[rule]]\nname = "two_months"\npattern = "{month} {month}"\nframe = { kind = "month" }\n'
    with pytest.raises(ValueError, match=r"xx rule 'two_months': the group name 'month' is used twice"):
        build("xx", LEX, rules)


def test_an_unknown_class_is_an_error_naming_the_rule():
    rules = '[[rule]]\nname = "typo"\npattern = "{mnoth}"\nframe = { kind = "month" }\n'
    with pytest.raises(ValueError, match=r"xx rule 'typo': unknown class \{mnoth\}"):
        build("xx", LEX, rules)


def test_every_language_loads():
    for code in engine.LANGUAGES:
        assert engine.load(code).rules


# 6. "that same year" is a neutral deixis, not the French "-là"

@pytest.mark.parametrize("language,text,expected", [
    ("pl", "W 1939 roku wybuchła wojna. W tym samym roku Polska została podzielona.", ("tym samym roku", "1939")),
    ("nl", "In 1940 viel Nederland. Datzelfde jaar capituleerde Frankrijk.", ("Datzelfde jaar", "1940")),
])
def test_that_same_year(language, text, expected):
    assert expected in _values(text, language)
    lang = engine.load(language)
    assert set(lang.classes["deictic_that"].values()) == {"same"}
