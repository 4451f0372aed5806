"""A second happening told before the clause that holds the sentence's date (issue 12): "Ukraine struck a
refinery and Russia shelled Kharkiv on Monday" is two events, each with its own title; the clause of the date
is dated by it, the other one from context. Sentences written for these tests."""
from __future__ import annotations

import pytest

from viewer.events import article_events
from viewer.model import Article

pytest.importorskip("viewer.timex")

PUBLISHED = "2024-11-20"      # a Wednesday: "Monday" is 18 November
MONDAY = "2024-11-18"


def events_of(text, language):
    _, events, _ = article_events(Article(text=text, published=PUBLISHED, language=language,
                                          published_source="given"))
    return events


@pytest.mark.parametrize("language, text, undated, dated", [
    ("en", "Ukraine struck a refinery and Russia shelled Kharkiv on Monday.",
     "Ukraine struck a refinery", "Russia shelled Kharkiv"),
    ("en", "Rebels blew up a bridge near Mosul, while the air force bombed their camps on Monday.",
     "Rebels blew up a bridge near Mosul", "The air force bombed their camps"),
    ("en", "Hungary blocked the aid package, while Poland sent more tanks to Kyiv on Monday.",
     "Hungary blocked the aid package", "Poland sent more tanks to Kyiv"),
    ("fr", "L'Ukraine a frappé une raffinerie et la Russie a bombardé Kharkiv lundi.",
     "L'Ukraine a frappé une raffinerie", "La Russie a bombardé Kharkiv"),
    ("de", "Die Ukraine griff eine Raffinerie an und Russland beschoss Charkiw am Montag.",
     "Die Ukraine griff eine Raffinerie an", "Russland beschoss Charkiw"),
    ("es", "Ucrania atacó una refinería y Rusia bombardeó Járkov el lunes.",
     "Ucrania atacó una refinería", "Rusia bombardeó Járkov"),
    ("it", "L'Ucraina ha colpito una raffineria e la Russia ha bombardato Kharkiv lunedì.",
     "L'Ucraina ha colpito una raffineria", "La Russia ha bombardato Kharkiv"),
    ("pt", "A Ucrânia atacou uma refinaria e a Rússia bombardeou Kharkiv na segunda-feira.",
     "A Ucrânia atacou uma refinaria", "A Rússia bombardeou Kharkiv"),
    ("nl", "Oekraïne trof een raffinaderij en Rusland beschoot Charkiv op maandag.",
     "Oekraïne trof een raffinaderij", "Rusland beschoot Charkiv"),
    ("nl", "Rebellen bliezen een brug op en de luchtmacht bombardeerde hun kampen op maandag.",
     "Rebellen bliezen een brug op", "De luchtmacht bombardeerde hun kampen"),
    ("pl", "Ukraina zaatakowała rafinerię, a Rosja ostrzelała Charków w poniedziałek.",
     "Ukraina zaatakowała rafinerię", "Rosja ostrzelała Charków"),
    ("uk", "Україна вдарила по нафтопереробному заводу, а Росія обстріляла Харків у понеділок.",
     "Україна вдарила по нафтопереробному заводу", "Росія обстріляла Харків"),
    ("ru", "Украина атаковала нефтезавод, а Россия обстреляла Харьков в понедельник.",
     "Украина атаковала нефтезавод", "Россия обстреляла Харьков"),
])
def test_a_happening_told_before_the_clause_of_the_date_is_an_event_of_its_own(language, text, undated, dated):
    events = events_of(text, language)
    assert [e.title for e in events] == [undated, dated]     # in the order the sentence tells them
    first, second = events
    # the clause that holds the date is dated by it, with its offsets
    assert second.dating == "written" and second.time.value == MONDAY and second.time.start is not None
    # the other goes on at that time: the date from context, without offsets of its own
    assert first.dating == "context"
    assert (first.time.earliest, first.time.latest) == (MONDAY, MONDAY) and first.time.start is None
    assert "later in the sentence" in first.time.reasoning       # how the date was obtained, for the reader
    # both are reports of the one sentence
    assert first.sentence_start == second.sentence_start == 0


@pytest.mark.parametrize("language, text", [
    # one actor, two verbs: one happening told with one date, so one event
    ("en", "The army shelled and captured the town on Monday."),
    ("fr", "L'armée a bombardé et pris la ville lundi."),
    ("de", "Die Armee beschoss und eroberte die Stadt am Montag."),
    # sayings of one speaker
    ("en", "Officials said and repeated on Monday that the talks were over."),
    # a list of places: one happening
    ("en", "Russia shelled Kharkiv and Odesa on Monday."),
    ("fr", "La Russie a bombardé Kharkiv et Odessa lundi."),
    ("de", "Russland beschoss Charkiw und Odessa am Montag."),
    ("es", "Rusia bombardeó Járkov y Odesa el lunes."),
    ("uk", "Росія обстріляла Харків і Одесу в понеділок."),
    # "and" between the actors
    ("en", "The United States and Britain conferred in Washington on Monday."),
])
def test_one_actor_a_saying_or_a_list_stays_one_event(language, text):
    events = events_of(text, language)
    assert len(events) == 1
    assert events[0].dating == "written" and events[0].time.value == MONDAY


@pytest.mark.parametrize("language, text", [
    # the first clause has a time of its own ("after the blast"): the date need not hold for it
    ("en", "The mayor left after the blast and the police sealed the square on Monday."),
    ("fr", "Le maire est parti après l'explosion et la police a bouclé la place lundi."),
    ("de", "Der Bürgermeister ging, nachdem es knallte, und die Polizei sperrte den Platz am Montag ab."),
    ("ru", "Мэр уехал после взрыва, а полиция оцепила площадь в понедельник."),
    # what a saying that opens the sentence says is one report
    ("en", "The ministry said Russia shelled Kharkiv and Ukraine struck a refinery on Monday."),
    # a name with "and" in it, then a subordinate clause with the verb
    ("en", "The company filed with the Securities and Exchange Commission after the board approved the plan "
           "on Monday."),
])
def test_a_first_clause_that_is_not_a_plain_happening_is_not_dated_by_the_second(language, text):
    events = events_of(text, language)
    assert len(events) == 1 and events[0].dating == "written"


def test_a_date_too_coarse_to_carry_a_passage_dates_only_its_own_clause():
    # "in 2019" is no day, week or month the other clause could go on in: one event, as written
    events = events_of("Ukraine struck a refinery and Russia shelled Kharkiv in 2019.", "en")
    assert len(events) == 1 and events[0].time.value == "2019"


def test_another_date_in_the_first_clause_keeps_the_dates_apart():
    events = events_of("Ukraine struck a refinery on Sunday and Russia shelled Kharkiv on Monday.", "en")
    assert sorted(e.time.value for e in events) != [MONDAY, MONDAY]
    assert all(e.dating == "written" for e in events)
