"""Texts in other languages: absolute dates come from dateparser; English texts never call it."""
from datetime import date

import pytest

from viewer.timex import tag

pytest.importorskip("dateparser")


def test_the_stopword_guesser_is_gone():
    import viewer.timex.foreign as F
    assert not hasattr(F, "guess_language") and not hasattr(F, "STOPWORDS")


def test_dateparser_readings_that_contradict_the_digits_are_dropped():
    from viewer.timex.foreign import foreign_dates
    # dateparser reads "2022 წლის 24" (Georgian: "the 24th of 2022") as the year 2
    got = foreign_dates("რუსეთი უკრაინას 2022 წლის 24 თებერვალს დაესხა თავს.", date(2024, 1, 1), "ka")
    assert all(e.value.startswith("2022") for e in got)


def test_french_and_german_absolute_dates_from_dateparser():
    from viewer.timex.foreign import foreign_dates
    got = {e.text: e for e in foreign_dates("Le ministre a déclaré le lundi 18 novembre 2024 que la guerre "
                                            "continue. En septembre 2023, les troupes sont arrivées.",
                                            date(2024, 11, 20), "fr")}
    assert got["lundi 18 novembre 2024"].value == "2024-11-18"
    e = got["septembre 2023"]
    assert (e.value, e.granularity, e.earliest, e.latest) == ("2023-09", "month", "2023-09-01", "2023-09-30")
    got = {e.text: e.value for e in foreign_dates("Am 24. Februar 2022 begann der Krieg, die im Mai 2023 endete.",
                                                  date(2024, 1, 1), "de")}
    assert got["24. Februar 2022"] == "2022-02-24"
    assert got["Mai 2023"] == "2023-05"


def test_a_language_without_rules_gets_its_absolute_dates():
    # Swedish: no rules of ours; detected, and dateparser reads its dates with month names
    text = "Ryssland inledde invasionen av Ukraina den 24 februari 2022, och striderna fortsatte hela året."
    got = {e.text: e.value for e in tag(text, date(2024, 1, 1))}
    assert got.get("24 februari 2022") == "2022-02-24"
    assert {e.text: e.value for e in tag(text, date(2024, 1, 1), language="sv")} == got


def test_english_text_never_uses_dateparser(monkeypatch):
    import viewer.timex.foreign as F
    monkeypatch.setattr(F, "foreign_dates", lambda *a, **k: pytest.fail("dateparser called on English text"))
    assert [e.value for e in tag("Last September, Putin warned the West again.", date(2024, 11, 18))] == ["2024-09"]
    with pytest.raises(BaseException):
        F.foreign_dates("x", None, "fr")   # the patch is live
