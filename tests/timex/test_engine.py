"""The tagger engine itself: the trigger-word index finds exactly what trying every rule finds, holidays
come from dateutil's Easter, and the additions to the data format work."""
from datetime import date

from hypothesis import given, settings, strategies as st

from viewer.timex import engine
from viewer.timex.engine import _frames, _frames_every_rule
from viewer.timex.engine.data import first_words, load
from viewer.timex.engine.resolve import _holiday_date

SAMPLES = {
    "fr": ["le", "lundi", "18", "novembre", "2024", "en", "septembre", "dernier", "cet", "été", "week-end",
           "il", "y", "a", "trois", "jours", "XIXe", "siècle", "années", "1960", "480", "av.", "J.-C.", ",",
           ".", "hier", "soir", "à", "14", "h", "30", "Mars", "mai", "1er", "26", "ans", "chaque", "lundi",
           "l'an", "prochain", "dans", "deux", "semaines", "Noël", "12/05/2023", "mi-mars", "la", "veille"],
    "de": ["am", "7.", "Juli", "1937", "7.7.1937", "1.9.39", "Anfang", "September", "Ende", "1944", "im",
           "Frühjahr", "1940", "vom", "6.", "bis", "12.", "Juni", "letzten", "Montag", "vergangene", "Woche",
           "vor", "drei", "Tagen", "in", "zwei", "Wochen", "gestern", "Abend", "morgen", "Morgen", "Vortag",
           "tags", "darauf", "Sommer", "diesen", "Wochenende", "Montagabend", "Nacht", "zum", "Dienstag",
           "jeden", "montags", "1990er", "Jahren", "Sechzigerjahre", "20.", "Jahrhundert", "480", "v.",
           "Chr.", "4:45", "Uhr", "Mai", "/", ",", ".", "Jänner", "Sept.", "Ostern", "heute", "1500", "Soldaten"],
}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(SAMPLES)), st.data())
def test_trigger_words_find_what_every_rule_finds(code, data):
    words = data.draw(st.lists(st.sampled_from(SAMPLES[code]), max_size=40))
    sep = data.draw(st.sampled_from([" ", "  ", "\n", " - "]))
    text = sep.join(words)
    lang = load(code)
    assert list(_frames(lang, text)) == list(_frames_every_rule(lang, text))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(SAMPLES)), st.text(max_size=120))
def test_trigger_words_on_any_text(code, text):
    lang = load(code)
    assert list(_frames(lang, text)) == list(_frames_every_rule(lang, text))


def test_every_language_has_an_index():
    for code in engine.LANGUAGES:
        lang = load(code)
        indexed = set(lang.digit) | set(lang.raw) | {k for t in lang.exact.values() for k in t} \
            | {k for table in lang.prefix.values() for t in table.values() for k in t}
        assert indexed == set(range(len(lang.rules))), code


def test_first_words():
    assert first_words(r"(?<![\w-])(?:le |la )?lundi(?![\w-])") == {("exact", "le"), ("exact", "la"),
                                                                    ("prefix", "lundi")}
    assert first_words(r"\d{1,2}\. Juli") == {("digit", "")}
    assert first_words(r"(?<=,) \d+ ans") == {("raw", "")}


def test_holidays_use_dateutil_easter():
    assert _holiday_date("easter+0", 2024) == date(2024, 3, 31)
    assert _holiday_date("easter-2", 2024) == date(2024, 3, 29)
    assert _holiday_date("orthodox_easter+0", 2024) == date(2024, 5, 5)
    assert _holiday_date("12-25", 2024) == date(2024, 12, 25)


def test_easter_in_german_and_french():
    assert [e.value for e in engine.tag("Ostern 2024 war kalt.", date(2024, 11, 18), "de")] == ["2024-03-31"]
    assert [e.value for e in engine.tag("Pâques 2025 tombe tard.", date(2024, 11, 18), "fr")] == ["2025-04-20"]
