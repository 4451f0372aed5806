"""Shared test bodies for two phenomena every engine language has its own sentences for: a scheduled happening
told in the present ("La réunion a lieu vendredi", said on a Wednesday: the coming Friday), with the past
kept past, and the parts of a year ("au deuxième trimestre 2023", "Q2 2024", "le trimestre dernier"). A
language's test module binds them at its top level with its own sentences:

    test_present, test_more = scheduled_present_tests(L, PAIRS, MORE)
    test_parts = parts_of_year_tests(L, CASES)
"""
from datetime import date

import pytest

from tests.timex.lang_cases import one

# a Wednesday in the fourth quarter: a bare Friday is 15 November in the past, 22 November ahead; the last
# quarter gone by is 2024-Q3
REF = date(2024, 11, 20)
PAST_FRIDAY, NEXT_FRIDAY = "2024-11-15", "2024-11-22"


def scheduled_present_tests(language: str, pairs: list[tuple[str, str]], more: list[tuple[str, str]]):
    """``pairs``: (the present of a scheduled happening, the same told in the past) — the coming Friday and the
    Friday gone by; ``more``: (sentence, value) — other present forms, and past told in the present or with a
    noun that looks like a listed verb, which must stay past."""

    @pytest.mark.parametrize("text,past", pairs)
    def test_a_scheduled_present_is_the_coming_weekday_and_the_past_the_one_gone_by(text, past):
        e = one(text, REF, language)
        assert e.value == NEXT_FRIDAY, (text, e.reasoning)
        e = one(past, REF, language)
        assert e.value == PAST_FRIDAY, (past, e.reasoning)

    @pytest.mark.parametrize("text,value", more)
    def test_more_sentences(text, value):
        e = one(text, REF, language)
        assert e.value == value, (text, e.reasoning)

    return test_a_scheduled_present_is_the_coming_weekday_and_the_past_the_one_gone_by, test_more_sentences


def parts_of_year_tests(language: str, cases: list[tuple[str, str]]):
    """``cases``: (sentence, value) with one quarter (``2024-Q2``) or half (``2024-H1``) of a year in it."""

    @pytest.mark.parametrize("text,value", cases)
    def test_a_part_of_the_year(text, value):
        e = one(text, REF, language)
        assert e.value == value, (text, e.reasoning)
        assert e.granularity == ("quarter" if "Q" in value else "half")

    return test_a_part_of_the_year
