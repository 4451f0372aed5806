"""The seed article written in other languages (renderings in tests/data/seed/, written for these tests):
with no publication date given, each gives the four dated events of the English one, with their countries,
and its headline event (reported by its publication), and its language is detected."""
from pathlib import Path

import pytest

from viewer.events import article_events
from viewer.model import Article

SEEDS = Path(__file__).resolve().parent / "data" / "seed"
LANGUAGES = ["fr", "de", "es", "ru", "uk"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_seed_in_another_language_gives_the_four_dated_events(code):
    text = (SEEDS / f"seed_{code}.txt").read_text(encoding="utf-8").strip()
    article, events, countries = article_events(Article(text=text, source=f"seed_{code}.txt"))
    assert article.language == code
    assert article.published == "2024-11-18" and article.published_source == "inferred"
    written = [e for e in events if e.dating == "written"]
    by_value = {e.time.value: e for e in written}
    assert {"2024-11-18", "2024-SU", "2024-09", "2024-W46-WE"} <= set(by_value), sorted(by_value)
    assert "FR" in by_value["2024-11-18"].countries
    assert {"UA", "RU"} <= set(by_value["2024-SU"].countries)
    assert "RU" in by_value["2024-09"].countries
    assert {"DE", "RU"} <= set(by_value["2024-W46-WE"].countries)
    assert len(written) == 4, [(e.time.text, e.time.value) for e in written]
    assert {"US", "UA", "RU", "FR", "DE"} <= set(countries)
    # the headline, the reason the article was written: reported by its publication, with its three countries
    head = events[0]
    assert head.sentence_start == 0 and head.dating == "reported"
    assert (head.time.earliest, head.time.latest, head.time.mod) == ("2024-11-16", "2024-11-18", "ON_OR_BEFORE")
    assert head.time.start is None and set(head.countries) == {"US", "UA", "RU"}
    # background, opinions and hypotheticals are not events: fewer events than four fifths of the sentences
    from viewer.text import split_sentences
    assert len(events) <= 0.8 * len(split_sentences(text, language=code))
    for e in written:
        assert article.text[e.sentence_start:e.sentence_end] == e.sentence
        assert article.text[e.time.start:e.time.end] == e.time.text
        assert e.sentence_start <= e.time.start < e.time.end <= e.sentence_end
        assert e.title and len(e.title) <= 100
