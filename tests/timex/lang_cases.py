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
