"""viewer.merging: whether two reports tell of the same happening."""
import ast
from pathlib import Path

import pytest

import viewer.merging as merging
from viewer.merging import content_words, same_happening
from viewer.model import Event, TimeExpression


def _event(earliest, latest, countries, sentence):
    t = TimeExpression(0, 1, "x", "DATE", "v", earliest, latest, "day")
    return Event("a", 0, len(sentence), sentence, t, "t", countries)


def test_only_the_model_and_the_text_rules_are_needed():
    # the store imports the scorer directly: it must not drag in the tagger or the event builder
    tree = ast.parse(Path(merging.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert {m for m in imported if m.startswith("viewer")} <= {"viewer.model", "viewer.text"}


def test_content_words_leave_out_stopwords_and_short_words():
    assert content_words("The army said it had taken Bakhmut on Monday.") == \
        frozenset({"army", "taken", "bakhmut", "monday"})


def test_reports_of_one_happening_score_higher_than_others():
    a = _event("2024-11-16", "2024-11-17", ["DE", "RU"], "Germany resumed talks with Moscow last weekend.")
    b = _event("2024-11-16", "2024-11-16", ["DE", "RU"], "Germany resumed talks with Moscow on Saturday.")
    c = _event("2024-11-16", "2024-11-17", ["DE", "RU"], "Germany closed its embassy in Moscow.")
    assert same_happening(a, b) > same_happening(a, c) > 0


def test_unknown_or_distant_dates_are_never_the_same_happening():
    a = _event("2024-11-16", "2024-11-16", ["DE"], "Germany resumed talks.")
    assert same_happening(a, _event("2024-11-26", "2024-11-26", ["DE"], "Germany resumed talks.")) == 0
    assert same_happening(a, _event(None, None, ["DE"], "Germany resumed talks.")) == 0
    assert same_happening(a, _event("XXXX-11", "XXXX-11", ["DE"], "Germany resumed talks.")) == 0


def test_a_reported_happening_does_not_swallow_an_unrelated_dated_one():
    from viewer.merging import same_happening
    from viewer.model import Event, TimeExpression

    def ev(sentence, earliest, latest, dating, countries=("UA", "RU")):
        t = TimeExpression(None if dating == "reported" else 0, None if dating == "reported" else 1, "x", "DATE",
                           latest, earliest, latest, None if dating == "reported" else "day")
        return Event("a", 0, len(sentence), sentence, t, "t", list(countries), dating=dating)
    reported = ev("Russian forces shelled Kharkiv overnight, the governor said.", "2024-11-16", "2024-11-18",
                  "reported")
    unrelated = ev("Ukraine and Russia exchanged prisoners on Sunday.", "2024-11-17", "2024-11-17", "written")
    same = ev("Russian forces shelled Kharkiv on Sunday night, the governor said.", "2024-11-17", "2024-11-17",
              "written")
    assert same_happening(reported, unrelated) <= 0.5
    assert same_happening(reported, same) > same_happening(reported, unrelated)


# ---------------------------------------------------------------------------------------------
# One happening reported at different granularities, or on different days

from viewer.merging import disagreements, merged_date  # noqa: E402
from viewer.store import MERGE_THRESHOLD  # noqa: E402
from viewer.store.bulk import MergeIndex, candidates_across  # noqa: E402

STRIKE = "Russia struck power plants in Kharkiv, the governor of the Kharkiv region said."


def _dated(earliest, latest, granularity, sentence=STRIKE, countries=("RU", "UA"), text="x", mod=None):
    t = TimeExpression(0, 1, text, "DATE", "v", earliest, latest, granularity, "", mod)
    return Event("a", 0, len(sentence), sentence, t, "t", list(countries))


@pytest.mark.parametrize("earliest, latest, granularity", [
    ("2024-11-01", "2024-11-30", "month"),     # "in November"
    ("2024-11-18", "2024-11-24", "week"),      # "this week"
    ("2024-11-16", "2024-11-17", "weekend"),   # "last weekend"
])
def test_a_day_and_a_coarser_date_that_takes_it_in_are_one_happening_when_told_alike(earliest, latest, granularity):
    day = _dated("2024-11-18", "2024-11-18", "day")
    coarse = _dated(earliest, latest, granularity)
    if granularity == "weekend":
        day = _dated("2024-11-17", "2024-11-17", "day")
    assert same_happening(day, coarse) >= MERGE_THRESHOLD
    assert same_happening(coarse, day) >= MERGE_THRESHOLD
    # ... not when told otherwise: another happening of the same month
    other = _dated(earliest, latest, granularity, "Ukraine and Russia exchanged prisoners of war.")
    assert same_happening(day, other) < MERGE_THRESHOLD


def test_a_year_does_not_take_in_a_day():
    assert same_happening(_dated("2024-11-18", "2024-11-18", "day"),
                          _dated("2024-01-01", "2024-12-31", "year")) < MERGE_THRESHOLD


def test_reports_of_other_days_stay_apart_even_told_alike():
    """A war repeats its happenings day after day in the same words: "Russia struck power plants in Kharkiv"
    on Monday and on Tuesday are two happenings (the analyst merges two reports that are one by hand)."""
    monday = _dated("2024-11-18", "2024-11-18", "day", text="on Monday")
    tuesday = _dated("2024-11-19", "2024-11-19", "day", text="on Tuesday")
    assert same_happening(monday, tuesday) == 0
    assert same_happening(monday, _dated("2024-11-18", "2024-11-18", "day", text="Monday")) >= MERGE_THRESHOLD


def test_reports_on_adjacent_days_that_give_the_same_figure_are_one_happening_that_disagrees():
    """"on Monday" in one article and "on Tuesday" in another, both with the toll of 12: one strike whose reports
    disagree on the day. The same words with another figure, or two days apart, stay apart."""
    told = "A Russian missile strike on Odesa killed 12 people {when}, the regional governor said."
    monday = _dated("2024-11-18", "2024-11-18", "day", told.format(when="on Monday"), ("RU", "UA"), "on Monday")
    tuesday = _dated("2024-11-19", "2024-11-19", "day", told.format(when="on Tuesday"), ("RU", "UA"), "on Tuesday")
    assert same_happening(monday, tuesday) >= MERGE_THRESHOLD
    assert disagreements([(monday.time.earliest, monday.time.latest),
                          (tuesday.time.earliest, tuesday.time.latest)]) == [(0, 1)]
    other_toll = _dated("2024-11-19", "2024-11-19", "day", told.format(when="on Tuesday").replace("12", "7"),
                        ("RU", "UA"), "on Tuesday")
    assert same_happening(monday, other_toll) == 0
    thursday = _dated("2024-11-21", "2024-11-21", "day", told.format(when="on Thursday"), ("RU", "UA"), "on Thursday")
    assert same_happening(monday, thursday) == 0
    # the day of the month in the date is no shared figure
    on_18 = _dated("2024-11-18", "2024-11-18", "day", "Russia struck Odesa on 18 November, the governor said.",
                   ("RU", "UA"), "on 18 November")
    on_19 = _dated("2024-11-19", "2024-11-19", "day", "Russia struck Odesa on 19 November, the governor said.",
                   ("RU", "UA"), "on 19 November")
    assert same_happening(on_18, on_19) == 0


def test_figures_are_the_numbers_besides_the_date():
    from viewer.merging import figures
    assert figures("Strikes killed 12 people and wounded 1,200 on 18 November 2024.", "on 18 November 2024") == \
        frozenset({"12", "1200"})
    assert figures("The 2022 invasion began on Monday.", "on Monday") == frozenset()


def test_the_event_keeps_the_finer_date_and_notes_a_disagreement():
    month = _dated("2024-11-01", "2024-11-30", "month").time
    day = _dated("2024-11-18", "2024-11-18", "day", text="on 18 November").time
    assert merged_date(month, day) == (True, None)         # "in November" then "on 18 November": the day
    assert merged_date(day, month) == (False, None)        # the other way round: keep the day
    band = _dated("2024-11-16", "2024-11-18", None, mod="ON_OR_BEFORE").time
    week = _dated("2024-11-11", "2024-11-24", "week").time
    assert merged_date(week, band) == (False, None)        # a publication's band is no finer date
    tuesday = _dated("2024-11-19", "2024-11-19", "day", text="on Tuesday").time
    take, note = merged_date(day, tuesday)
    assert not take and "on Tuesday" in note and "2024-11-19" in note


def test_the_reports_of_one_event_that_disagree_are_listed():
    dates = [("2024-11-18", "2024-11-18"), ("2024-11-01", "2024-11-30"), ("2024-11-19", "2024-11-19"), (None, None)]
    assert disagreements(dates) == [(0, 2)]
    assert disagreements(dates[:2]) == []


def test_the_merge_index_finds_reports_of_other_granularities_and_nearby_days():
    day, week = 86400, 7 * 86400
    index = MergeIndex(0)
    nov1, nov18 = 1_730_419_200, 1_731_888_000        # 2024-11-01, 2024-11-18 (UTC)
    codes = frozenset({"RU", "UA"})
    index.add(("month", codes), nov1, nov1 + 30 * day, 1, "a1", (), "t", codes)
    index.add(("day", codes), nov18, nov18 + day, 2, "a2", (), "t", codes)
    index.add(("day", frozenset({"PL"})), nov18, nov18 + day, 3, "a3", (), "t", ("PL",))
    index.add(("week", codes), nov18 - 2 * week, nov18 - week, 4, "a4", (), "t", codes)
    found = lambda t0, t1: sorted(e[1] for e in candidates_across(index, codes, t0, t1, "new", 50))  # noqa: E731
    assert found(nov18, nov18 + day) == [1, 2]                 # the month and the day, not another country
    assert found(nov18 + 2 * day, nov18 + 3 * day) == [1]      # two days later: another happening
    assert found(nov18 + 10 * day, nov18 + 11 * day) == [1]    # ten days later: only the month
    assert sorted(e[1] for e in index.candidates(("day", codes), nov18 - week, nov18, nov18 + day, "new", 50)) == [2]


def test_reports_in_other_scripts_have_content_words_and_merge():
    a = _dated("2024-11-18", "2024-11-18", "day", "Росія завдала удару по електростанціях у Харкові.")
    b = _dated("2024-11-01", "2024-11-30", "month",
               "Росія завдала удару по електростанціях Харкова.")
    assert {"росія", "удару"} <= content_words(a.sentence)
    assert same_happening(a, b) >= MERGE_THRESHOLD


def test_reports_in_other_words_or_languages_merge_on_the_same_toll_and_place():
    """Two reports of one day and the same countries, in other words or another language, are one happening
    when they give the same figure and name the same place ("Odesa", "Odessa", "Одеса"); another toll, another
    place or another day keeps them apart."""
    en = _dated("2024-11-18", "2024-11-18", "day",
                "A Russian missile strike on Odesa killed 12 people on Monday, the governor said.",
                ("RU", "UA"), "on Monday")
    fr = _dated("2024-11-18", "2024-11-18", "day",
                "Une frappe de missile russe sur Odessa a fait 12 morts lundi, selon le gouverneur.",
                ("RU", "UA"), "lundi")
    uk = _dated("2024-11-18", "2024-11-18", "day",
                "Унаслідок російського ракетного удару по Одесі в понеділок загинули 12 людей.",
                ("RU", "UA"), "в понеділок")
    assert same_happening(en, fr) >= MERGE_THRESHOLD
    assert same_happening(en, uk) >= MERGE_THRESHOLD and same_happening(fr, uk) >= MERGE_THRESHOLD
    other_toll = _dated("2024-11-18", "2024-11-18", "day",
                        "Une frappe de missile russe sur Odessa a fait 7 morts lundi.", ("RU", "UA"), "lundi")
    other_place = _dated("2024-11-18", "2024-11-18", "day",
                         "Une frappe de missile russe sur Kharkiv a fait 12 morts lundi.", ("RU", "UA"), "lundi")
    other_day = _dated("2024-11-19", "2024-11-19", "day",
                       "Une frappe de missile russe sur Odessa a fait 12 morts mardi.", ("RU", "UA"), "mardi")
    for other in (other_toll, other_place, other_day):
        assert same_happening(en, other) < MERGE_THRESHOLD, other.sentence
    # a figure of one digit is too common to tell a happening by
    one_digit_en = _dated("2024-11-18", "2024-11-18", "day", "A Russian drone hit Odesa port, wounding 3 people.",
                          ("RU", "UA"), "x")
    one_digit_fr = _dated("2024-11-18", "2024-11-18", "day", "Un drone russe a frappé le port d'Odessa : 3 blessés.",
                          ("RU", "UA"), "x")
    assert same_happening(one_digit_en, one_digit_fr) < MERGE_THRESHOLD


def test_a_name_is_known_across_spellings_and_scripts():
    from viewer.merging import names
    for spellings in (["Kharkiv", "Kharkov", "Charkiw", "Járkov", "Харків", "Харьков"],
                      ["Kyiv", "Kiev", "Kiew", "Kijów", "Київ", "Киев"],
                      ["Mykolaiv", "Mikołajów", "Миколаїв", "Николаев"][:3]):
        skeletons = {frozenset(names(f"The strike on {w} was reported.")) for w in spellings}
        assert len(skeletons) == 1 and skeletons != {frozenset()}, spellings
    assert names("The strike on Odesa was reported.") != names("The strike on Kharkiv was reported.")


def test_a_report_dated_by_its_publication_joins_the_dated_one_with_the_same_toll_and_place():
    def ev(sentence, earliest, latest, dating):
        t = TimeExpression(None if dating == "reported" else 0, None if dating == "reported" else 1, "x", "DATE",
                           latest, earliest, latest, None if dating == "reported" else "day")
        return Event("a", 0, len(sentence), sentence, t, "t", ["RU", "UA"], dating=dating)
    reported = ev("Twelve people, 12 in all, died when Russian missiles hit Odesa, officials said.",
                  "2024-11-16", "2024-11-18", "reported")
    dated = ev("Une frappe de missile russe sur Odessa a fait 12 morts dimanche.", "2024-11-17", "2024-11-17",
               "written")
    assert same_happening(reported, dated) >= MERGE_THRESHOLD
    other_place = ev("Une frappe de missile russe sur Kharkiv a fait 12 morts dimanche.", "2024-11-17",
                     "2024-11-17", "written")
    outside = ev("Une frappe de missile russe sur Odessa a fait 12 morts mercredi.", "2024-11-13", "2024-11-13",
                 "written")
    assert same_happening(reported, other_place) < MERGE_THRESHOLD
    assert same_happening(reported, outside) < MERGE_THRESHOLD
