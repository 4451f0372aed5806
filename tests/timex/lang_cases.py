"""Shared helpers for the per-language phenomenon tests (tests/timex/<lang>/test_phenomena.py).

A case is (sentence, [(expression text, TIMEX3 value), ...]); a negative is a sentence with no date in it.
The tagger runs with the language told, so each file tests its language's data and not the detector.
"""
from __future__ import annotations

from datetime import date

from viewer.timex import engine, tag


def values(text: str, ref: date | None, language: str, **kw) -> list[tuple[str, str]]:
    return [(e.text, e.value) for e in tag(text, ref, language=language, **kw)]


def one(text: str, ref: date | None, language: str, **kw):
    got = tag(text, ref, language=language, **kw)
    assert len(got) == 1, [(e.text, e.value) for e in got]
    return got[0]


def check_case(text: str, expected: list[tuple[str, str]], ref: date | None, language: str, **kw) -> None:
    got = values(text, ref, language, **kw)
    assert got == expected, f"{text!r}: {got} != {expected}"


def check_negative(text: str, ref: date | None, language: str) -> None:
    """No date from the language's rules (dateparser's absolute dates, merged in by ``tag``, are not
    this language's data and are tested elsewhere)."""
    got = [(e.text, e.value) for e in engine.tag(text, ref, language)]
    assert got == [], f"{text!r} is not a date: {got}"


def case_tests(language: str, ref: date | None, cases: list, negatives: list | None = None):
    """Test functions for a language's list of cases (and sentences with no date), to bind at a test module's top
    level: ``test_x, test_not_x = case_tests(L, REF, CASES, NEGATIVES)``."""
    import pytest

    @pytest.mark.parametrize("text,expected", cases)
    def test_cases(text, expected):
        check_case(text, expected, ref, language)

    if not negatives:
        return test_cases

    @pytest.mark.parametrize("text", negatives)
    def test_negatives(text):
        check_negative(text, ref, language)

    return test_cases, test_negatives


def era_tests(language: str, ref: date | None, cases: list, day: tuple[str, str], millennium: tuple[str, str]):
    """Test functions for millennia and days before the common era: ``cases`` as for :func:`case_tests`;
    ``day`` = (a sentence, its expression) dated 15 March 44 BC; ``millennium`` = (a sentence, its expression)
    naming the 2nd millennium BC. Their values and intervals are the English tagger's."""
    test_cases = case_tests(language, ref, cases)

    def test_day():
        e = one(day[0], ref, language)
        assert (e.text, e.value, e.earliest, e.latest, e.granularity) == \
            (day[1], "BC0044-03-15", "-0043-03-15", "-0043-03-15", "day")

    def test_millennium():
        e = one(millennium[0], ref, language)
        assert (e.text, e.value, e.earliest, e.latest, e.granularity) == \
            (millennium[1], "BC1", "-1999-01-01", "-1000-12-31", "millennium")

    return test_cases, test_day, test_millennium
