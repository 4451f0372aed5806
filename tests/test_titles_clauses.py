"""Titles of happenings dated in a relative or participle clause, in German, Russian and Ukrainian (sentences
written for these tests): the title is that clause's happening as a headline, never the sentence around it
cut short ("Die Region Kursk, die Kiew im Sommer erobert hatte, …" → "Die Region Kursk, die Kiew erobert
hatte"); a date outside such a clause, or a clause the cues cannot read safely, keeps the title it had."""
from __future__ import annotations

import pytest

from viewer.events import article_events
from viewer.model import Article

pytest.importorskip("viewer.timex")


def title_of(text, language, value):
    """The title of the event a sentence gives that is dated by a date it writes, with this value."""
    _, events, _ = article_events(Article(text=text, published="2024-11-20", language=language,
                                          published_source="given"))
    titles = [e.title for e in events if e.dating == "written" and e.time.value == value]
    assert len(titles) == 1, [(e.title, e.dating, e.time.value) for e in events]
    return titles[0]


@pytest.mark.parametrize("language, text, value, title", [
    # German: the noun and its relative clause, without the date (the verb ends the clause)
    ("de", "Die Region Kursk, die Kiew im Sommer erobert hatte, ist seit Wochen heftig umkämpft.",
     "2024-SU", "Die Region Kursk, die Kiew erobert hatte"),
    ("de", "Die neue Offensive zielt auf die Region Kursk, die Kiew im Sommer erobert hatte.",
     "2024-SU", "Die Region Kursk, die Kiew erobert hatte"),
    ("de", "Scholz empfing Selenskyj, der am Montag in Berlin eingetroffen war.",
     "2024-11-18", "Selenskyj, der in Berlin eingetroffen war"),
    ("de", "Die Brücke, die im März von russischen Raketen zerstört worden war, ist wieder befahrbar.",
     "2024-03", "Die Brücke, die von russischen Raketen zerstört worden war"),
    ("de", "Das Parlament billigte das Gesetz, das am Montag in Kraft trat.",
     "2024-11-18", "Das Gesetz, das in Kraft trat"),
    # a feminine noun after a preposition, its clause after the verb: named as a headline names it
    ("de", "Zunächst könnte es darum gehen, den Gegenangriff Moskaus in der russischen Region Kursk abzuwehren, "
           "die Kiew in diesem Sommer erobert hat.", "2024-SU", "Region Kursk, die Kiew erobert hat"),
    # a clause after a preposition with an actor of its own and its auxiliary last: told as a main clause
    ("de", "Die US-Entscheidung fällt in eine Zeit, in der Deutschland am vergangenen Wochenende die Gespräche "
           "mit Moskau wieder aufgenommen hat.", "2024-W46-WE",
     "Deutschland hat die Gespräche mit Moskau wieder aufgenommen"),
    ("de", "Die Explosion ereignete sich in einem Lager, in dem die Armee im März Munition gelagert hatte.",
     "2024-03", "Die Armee hatte Munition gelagert"),
    # Russian: a participle clause keeps its noun; a pronoun that is the subject goes
    ("ru", "Курская область, захваченная Киевом этим летом, остаётся главной целью Москвы.",
     "2024-SU", "Курская область, захваченная Киевом"),
    ("ru", "Глава МИД Франции Жан-Ноэль Барро, который в понедельник прибыл в Киев, пообещал новые поставки.",
     "2024-11-18", "Глава МИД Франции Жан-Ноэль Барро прибыл в Киев"),
    ("ru", "Курская область, которая этим летом была захвачена Киевом, остаётся главной целью Москвы.",
     "2024-SU", "Курская область была захвачена Киевом"),
    ("ru", "Путин, который в 2000 году стал президентом, остаётся у власти.", "2000", "Путин стал президентом"),
    ("ru", "Курская область, которую Киев захватил этим летом, остаётся главной целью Москвы.",
     "2024-SU", "Курская область, которую Киев захватил"),
    ("ru", "ВСУ вернули город Изюм, захваченный Россией в апреле 2022 года.",
     "2022-04", "Город Изюм, захваченный Россией"),
    ("ru", "На первом этапе задачей может стать отражение контрнаступления Москвы в российской Курской области, "
           "которую Киев занял этим летом.", "2024-SU", "В российской Курской области, которую Киев занял"),
    # Ukrainian: a passive participle is the noun's predicate; a pronoun that is the subject goes
    ("uk", "Курщина, захоплена Києвом цього літа, залишається головною ціллю Москви.",
     "2024-SU", "Курщина захоплена Києвом"),
    ("uk", "Президент України Володимир Зеленський, який у понеділок прибув до Берліна, попросив про нові "
           "системи ППО.", "2024-11-18", "Президент України Володимир Зеленський прибув до Берліна"),
    ("uk", "Курськ, який Київ захопив цього літа, залишається головною ціллю Москви.",
     "2024-SU", "Курськ, який Київ захопив"),
    # (the year's word goes with the year: "у 2000 році")
    ("uk", "Путін, який у 2000 році став президентом, залишається при владі.", "2000", "Путін став президентом"),
    ("uk", "Угода, підписана в Мінську у 2015 році, так і не була виконана.", "2015", "Угода підписана в Мінську"),
    ("uk", "ЗСУ звільнили Херсон, захоплений Росією у березні 2022 року.",
     "2022-03", "Херсон захоплений Росією"),
    ("uk", "Спершу метою може бути відбиття контрнаступу Москви в російській Курській області, яку Київ захопив "
           "цього літа.", "2024-SU", "В російській Курській області, яку Київ захопив"),
])
def test_a_date_in_a_relative_or_participle_clause_titles_that_clause(language, text, value, title):
    assert title_of(text, language, value) == title


@pytest.mark.parametrize("language, dated_in_clause, value, title, other, other_value, other_title", [
    # the date in the main clause: the sentence's title, the relative clause with it
    ("de", "Die Region Kursk, die Kiew im Sommer erobert hatte, wurde erneut beschossen.",
     "2024-SU", "Die Region Kursk, die Kiew erobert hatte",
     "Die Region Kursk, die Kiew erobert hatte, wurde am Montag erneut beschossen.",
     "2024-11-18", "Die Region Kursk wurde erneut beschossen"),
    # "die Ukraine" after a comma opens a main clause, not a relative one (no verb ends it)
    ("de", "Selenskyj, der am Montag in Berlin eintraf, bat um weitere Luftabwehrsysteme.",
     "2024-11-18", "Selenskyj, der in Berlin eintraf",
     "Russland griff an, die Ukraine wehrte sich am Montag ab.",
     "2024-11-18", "Russland griff an, die Ukraine wehrte sich ab"),
    # a noun in an oblique case ("dem Präsidenten") is no headline's subject: the sentence stays
    ("de", "Scholz empfing Selenskyj, der am Montag in Berlin eintraf.",
     "2024-11-18", "Selenskyj, der in Berlin eintraf",
     "Scholz dankte dem Präsidenten, der am Montag in Berlin eintraf.",
     "2024-11-18", "Scholz dankte dem Präsidenten, der in Berlin eintraf"),
    # two actors ("Russland und die USA") are not one: the sentence stays
    ("de", "Die US-Entscheidung fällt in eine Zeit, in der Deutschland am vergangenen Wochenende die Gespräche "
           "mit Moskau wieder aufgenommen hat.", "2024-W46-WE",
     "Deutschland hat die Gespräche mit Moskau wieder aufgenommen",
     "Das Treffen fand in Genf statt, bei dem Russland und die USA am Montag Gespräche aufgenommen haben.",
     "2024-11-18", "Das Treffen fand in Genf statt, bei dem Russland und die USA…"),
    # ... nor a noun of a case no word tells ("Курскую область" after a verb)
    ("ru", "Курская область, которую Киев захватил этим летом, остаётся главной целью Москвы.",
     "2024-SU", "Курская область, которую Киев захватил",
     "Москва стремится вернуть Курскую область, которую Киев захватил этим летом.",
     "2024-SU", "Москва стремится вернуть Курскую область, которую Киев захватил"),
    # ... nor a place after "в" that is no place ("в город": where to, not where)
    ("ru", "Бои идут в Курской области, захваченной Киевом этим летом.",
     "2024-SU", "В Курской области, захваченной Киевом",
     "Войска вошли в город, который в марте покинули жители.",
     "2024-03", "Войска вошли в город, который покинули жители"),
    ("ru", "Курская область, захваченная Киевом этим летом, остаётся главной целью Москвы.",
     "2024-SU", "Курская область, захваченная Киевом",
     "Курская область, захваченная Киевом, в понедельник подверглась обстрелу.",
     "2024-11-18", "Курская область подверглась обстрелу"),
    # a participle before its noun, after an opening adverbial, is no clause of its own
    ("ru", "Курская область, которая этим летом была захвачена Киевом, остаётся главной целью Москвы.",
     "2024-SU", "Курская область была захвачена Киевом",
     "Кроме того, захваченная в августе Курская область остаётся главной целью Москвы.",
     "2024-08", "Захваченная Курская область остаётся главной целью Москвы"),
    ("uk", "Курщина, захоплена Києвом цього літа, залишається головною ціллю Москви.",
     "2024-SU", "Курщина захоплена Києвом",
     "Курщина, захоплена Києвом, у понеділок зазнала обстрілу.",
     "2024-11-18", "Курщина зазнала обстрілу"),
    ("uk", "Херсон, звільнений у листопаді 2022 року, знову під обстрілами.",
     "2022-11", "Херсон звільнений",
     "Зокрема, утворена 10 квітня 1941 року Незалежна Держава Хорватія формально приєдналася до Пакту.",
     "1941-04-10", "Зокрема, утворена Незалежна Держава Хорватія формально приєдналася…"),
    ("uk", "Курщина, яку Київ захопив цього літа, залишається головною ціллю Москви.",
     "2024-SU", "Курщина, яку Київ захопив",
     "Москва прагне повернути Курщину, яку Київ захопив цього літа.",
     "2024-SU", "Москва прагне повернути Курщину, яку Київ захопив"),
])
def test_only_a_clause_that_holds_the_date_and_is_read_safely_gives_the_title(
        language, dated_in_clause, value, title, other, other_value, other_title):
    assert title_of(dated_in_clause, language, value) == title
    assert title_of(other, language, other_value) == other_title


def test_a_long_relative_clause_title_keeps_who_and_is_cut_at_a_word():
    title = title_of("Ihm unbewusst nach Trenton gefolgt war auch Generalmajor Charles Cornwallis, der am "
                     "2. Januar 1777 mit 6.000 britischen Berufssoldaten nach Trenton stürmte.", "de", "1777-01-02")
    assert title.startswith("Generalmajor Charles Cornwallis, der mit 6.000 ") and title.endswith("…")
    assert len(title) <= 70
