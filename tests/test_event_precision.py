"""Which English sentences are happenings, and on which days (the precision round of issue 12): adjectives
that look like verbs, relative clauses, conditions, credit lines, ranges, the start of a span, the year the
sentence before set — sentences written for these tests."""
from __future__ import annotations

import pytest

from viewer.events import article_events
from viewer.model import Article

pytest.importorskip("viewer.timex")


def events_of(text, published="2024-11-20"):
    _, events, _ = article_events(Article(text=text, published=published, language="en",
                                          published_source="given"))
    return events


def dates_of(text, published="2024-11-20"):
    return [(e.dating, e.time.earliest, e.time.latest) for e in events_of(text, published)]


@pytest.mark.parametrize("text", [
    "Another reason was the square, a quiet tree-lined space near the river.",
    "New York-based lawyers represent the families of the victims.",
    "Farming has never been so well-developed an industry in the province.",
])
def test_a_compound_adjective_with_a_hyphen_is_no_verb(text):
    assert events_of(text) == []


def test_a_verb_with_a_prefix_and_a_hyphen_is_still_a_verb():
    (e,) = events_of("Four countries co-sponsored the resolution.")
    assert e.dating == "reported"


def test_a_relative_clause_between_commas_does_not_make_the_sentence_a_happening():
    # the past is the region's, long ago; the sentence tells a feeling now
    assert events_of("Turks feel close to the region, which the Ottomans ruled for centuries.") == []
    # the main clause after the relative clause still tells its happening
    (e,) = events_of("The minister, who had resigned, criticized the plan.")
    assert e.dating == "reported" and e.title.startswith("The minister")


@pytest.mark.parametrize("text", [
    "His mother died in the attack.",
    "The two sides agreed to a ceasefire.",
    "Protesters wore yellow masks.",
    "The rebels became the dominant force in the valley.",
])
def test_short_and_irregular_past_forms_tell_a_happening(text):
    (e,) = events_of(text)
    assert (e.dating, e.time.latest) == ("reported", "2024-11-20")


def test_a_sentence_opened_by_a_condition_is_no_happening_even_with_a_date():
    assert events_of("Had the talks failed, the army would have attacked the town.") == []
    assert events_of("If the talks fail, the ceasefire will end on Friday.") == []
    # a semicolon opens a clause of its own: its date is a happening's
    assert dates_of("If the debt is converted, the bank will issue new shares; on November 18, the bank held "
                    "73 million shares.") == [("written", "2024-11-18", "2024-11-18")]


def test_the_year_the_sentence_before_set_dates_a_deed_with_no_date_of_its_own():
    text = ("In 1994, Congress passed the clinic access act. The measure made blockades of clinics a federal "
            "crime.")
    assert dates_of(text, "1998-10-26") == [("written", "1994-01-01", "1994-12-31"),
                                            ("context", "1994-01-01", "1994-12-31")]
    # a saying is said now, whatever year the sentence before talked about
    text = "In 1994, Congress passed the clinic access act. Its author said the law saved lives."
    assert dates_of(text, "1998-10-26")[1] == ("reported", "1998-10-24", "1998-10-26")


def test_a_credit_line_of_the_report_is_no_happening():
    assert events_of("Jane Doe in Kyiv contributed to this article.") == []
    assert events_of("Reuters staff contributed reporting to this story.") == []


def test_a_verb_of_a_figure_is_a_state():
    assert events_of("The victims numbered 213, including 12 foreigners.") == []
    assert events_of("Estimates of the damage ranged from $1 billion to $2 billion.") == []


@pytest.mark.parametrize("text, earliest, latest", [
    ("The army shelled the town from March 3 to March 5.", "2024-03-03", "2024-03-05"),
    ("Attacks on the border town declined between 2019 and 2022.", "2019-01-01", "2022-12-31"),
])
def test_a_range_of_two_dates_dates_the_happening_over_the_range(text, earliest, latest):
    (e,) = events_of(text)
    assert (e.dating, e.time.earliest, e.time.latest) == ("written", earliest, latest)
    assert e.time.granularity is None


def test_a_date_that_opens_a_span_through_a_noun_is_not_the_happening_s():
    # the alliance has grown (a state up to now): 1949 is when the span began, not a happening's date
    assert events_of("The alliance has grown steadily since its founding in 1949.") == []
    # a clause after "since" with its own verb is dated by its date
    assert ("written", "2024-05-01", "2024-05-31") in dates_of(
        "Since the army captured the town in May, engineers have rebuilt the bridge.")


def test_a_verb_listed_as_mostly_an_adjective_is_a_verb_after_an_auxiliary():
    (e,) = events_of("Colonel Ivan Petrenko was named commander of the brigade.")
    assert e.dating == "reported"
    # or before its object: "called for", "called it", "named him"
    (e,) = events_of("The exile community called for more protests.")
    assert e.dating == "reported"
    # without either it names or describes: no happening
    assert events_of("A volunteer named Petrenko runs the shelter.") == []


def test_a_relative_clause_after_an_abbreviation_and_a_comma_is_still_a_relative_clause():
    assert events_of("The plant is owned by Acme Co., which bought it from the state.") == []


def test_a_contracted_negative_perfect_is_told_now_not_at_the_paragraph_s_time():
    text = ("Allied troops crossed the border on Saturday. The enemy still hasn't unleashed its chemical "
            "weapons.")
    assert dates_of(text, "1991-02-25") == [("written", "1991-02-23", "1991-02-23"),
                                            ("reported", "1991-02-23", "1991-02-25")]
    # a contracted modal is a modal: what follows it did not happen
    assert events_of("Without the bridge, the convoy couldn't have reached the town.") == []
