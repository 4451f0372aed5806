"""The text module answers repeated questions about one article from what it worked out last (the event
builder and the country finder split the same text; the builder asks for the same language code many times):
the answers stay those of a fresh reading."""
from __future__ import annotations

from viewer import text as textmod
from viewer.text import detect_language, hard_wrapped, language_code, split_sentences


def test_the_same_text_split_again_gives_the_same_sentences_whoever_changed_the_first_answer():
    text = "Troops entered Kherson on Nov. 11. Residents cheered. Officials said so."
    first = split_sentences(text)
    assert [text[a:b] for a, b in first] == ["Troops entered Kherson on Nov. 11.", "Residents cheered.",
                                            "Officials said so."]
    kept = list(first)
    first.clear()                     # a caller's list is its own
    assert split_sentences(text) == kept


def test_a_text_read_in_another_language_is_split_by_that_languages_rules():
    text = "Die Truppen kamen am 18. November an. Sie blieben."
    german = split_sentences(text, "de")
    english = split_sentences(text, "en")
    assert len(german) == 2             # "18. November" does not end a sentence in German
    assert len(english) == 3
    assert split_sentences(text, "de") == german


def test_another_text_of_the_same_words_in_another_layout_is_read_afresh():
    wrapped = "\n".join(["Troops entered the city of Kherson early on Friday and were met by the"] * 3
                        + ["residents who had waited for them for months"])
    assert hard_wrapped(wrapped)
    assert not hard_wrapped(wrapped.replace("\n", " "))
    assert hard_wrapped(wrapped)


def test_language_codes_are_the_same_when_asked_again():
    for value in ("fr-FR", "fr_FR", "FR", "fra", "French", "und", "", "not a tag!", None):
        assert language_code(value) == language_code(value)
    assert [language_code(v) for v in ("fr-FR", "fra", "und", "de", "DE-at")] == ["fr", "fr", None, "de", "de"]


def test_letters_are_counted_alike_in_ascii_and_in_any_script():
    for sample in ("Kyiv 2024: 18 Nov!", "Київ, 18 листопада 2024", "São Paulo ½ ², x_y", ""):
        assert textmod._letter_count(sample) == len(textmod._LETTER.findall(sample))
    assert detect_language("The troops entered the city and the residents were waiting for them there.") == "en"
