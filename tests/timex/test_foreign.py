"""Texts in other languages: absolute dates come from dateparser; English texts never call it."""
from datetime import date

import pytest

from viewer.timex import tag
from viewer.timex.foreign import guess_language

pytest.importorskip("dateparser")


def test_language_guess():
    assert guess_language("The minister said on Monday that the war of the century is over and done.") == "en"
    assert guess_language("Le ministre a déclaré que la guerre est loin d'être finie pour les troupes.") == "fr"
    assert guess_language("x") is None


def test_french_and_german_dates():
    got = {e.text: e for e in tag("Le ministre a déclaré le lundi 18 novembre 2024 que la guerre continue. "
                                  "En septembre 2023, les troupes sont arrivées.", date(2024, 11, 20))}
    assert got["lundi 18 novembre 2024"].value == "2024-11-18"
    e = got["septembre 2023"]
    assert (e.value, e.granularity, e.earliest, e.latest) == ("2023-09", "month", "2023-09-01", "2023-09-30")
    got = {e.text: e.value for e in tag("Am 24. Februar 2022 begann der Krieg, die im Mai 2023 endete.", date(2024, 1, 1))}
    assert got["24. Februar 2022"] == "2022-02-24"
    assert got["Mai 2023"] == "2023-05"


def test_english_text_never_uses_dateparser(monkeypatch):
    import viewer.timex.foreign as F
    monkeypatch.setattr(F, "foreign_dates", lambda *a, **k: pytest.fail("dateparser called on English text"))
    assert [e.value for e in tag("Last September, Putin warned the West again.", date(2024, 11, 18))] == ["2024-09"]
    with pytest.raises(BaseException):
        F.foreign_dates("x", None, "fr")   # the patch is live
