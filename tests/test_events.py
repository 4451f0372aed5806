"""Article -> events: sentences, dating expression, countries and titles, as a reader of the timeline sees them."""
from pathlib import Path

import pytest

from viewer.events import article_events
from viewer.merging import same_happening
from viewer.text import split_sentences
from viewer.titles import make_title
from viewer.model import Article, Event, TimeExpression

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_b35eeb280cb7d20a.txt"
timex = pytest.importorskip("viewer.timex")


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_splitter_survives_abbreviations_quotes_and_datelines():
    text = ('WASHINGTON, Jan. 5 (Reuters) - The U.S. Army said Mr. Smith left on Jan. 4. '
            'He said "No." Then J. R. Smith arrived at 5 p.m. The talks ended.\n'
            'A headline without a period\n"Is it over?" he asked. It was.')
    assert sentences(text) == [
        "WASHINGTON, Jan. 5 (Reuters) - The U.S. Army said Mr. Smith left on Jan. 4.",
        'He said "No."',
        "Then J. R. Smith arrived at 5 p.m.",
        "The talks ended.",
        "A headline without a period",
        '"Is it over?" he asked.',
        "It was.",
    ]


def test_sentence_ending_in_us_abbreviation():
    assert sentences("Sanctions were imposed by the U.S. The move angered Moscow.") == [
        "Sanctions were imposed by the U.S.", "The move angered Moscow."]
    assert sentences("The U.S. Senate voted.") == ["The U.S. Senate voted."]


def test_seed_gives_exactly_the_four_dated_events():
    article = Article(text=SEED.read_text(encoding="utf-8").strip(), source="seed")
    article, all_events, countries = article_events(article)
    assert article.published == "2024-11-18" and article.published_source == "inferred"
    events = [e for e in all_events if e.dating == "written"]
    by_value = {e.time.value: e for e in events}
    assert len(events) == 4
    assert set(by_value) == {"2024-11-18", "2024-SU", "2024-09", "2024-W46-WE"}
    assert by_value["2024-11-18"].time.text == "this Monday, November 18"
    assert "FR" in by_value["2024-11-18"].countries
    assert {"UA", "RU"} <= set(by_value["2024-SU"].countries)
    assert "RU" in by_value["2024-09"].countries
    assert {"DE", "RU"} <= set(by_value["2024-W46-WE"].countries)
    for e in events:
        assert article.text[e.sentence_start:e.sentence_end] == e.sentence
        assert article.text[e.time.start:e.time.end] == e.time.text
        assert e.sentence_start <= e.time.start < e.time.end <= e.sentence_end
        for m in e.mentions:
            assert article.text[m.start:m.end] == m.text
        assert 0 < len(e.title) <= 72 and e.title != e.sentence
    assert by_value["2024-11-18"].title.startswith("Barrot:")
    assert by_value["2024-W46-WE"].title == "Germany resumed talks with Moscow"
    assert {"UA", "RU", "FR", "DE"} <= set(countries)


def test_given_publication_date_is_the_reference():
    article = Article(text="Russia attacked the city last Monday, officials said.", published="2024-03-06",
                      published_source="given")
    article, events, _ = article_events(article)
    assert article.published_source == "given"
    assert [e.time.earliest for e in events] == ["2024-03-04"]
    assert events[0].countries == ["RU"]


def test_durations_and_vague_present_are_not_events():
    article = Article(text="The war has lasted three years. Talks are happening now. "
                           "Troops withdrew on March 3, 2022.", published="2024-05-01")
    _, events, _ = article_events(article)
    assert [e.time.value for e in events] == ["2022-03-03"]


def test_two_happenings_in_one_sentence_make_two_events():
    article = Article(text="Officials said on Monday that the strike had hit the depot on March 3, 2022.",
                      published="2024-11-20")
    _, events, _ = article_events(article)
    assert len(events) == 2
    assert events[0].sentence == events[1].sentence


def test_titles_say_who_did_what_briefly():
    s = "Last September, Russian President Vladimir Putin warned that this would mean war with NATO."
    assert make_title(s, 0, len("Last September")) == "Putin: this would mean war with NATO"
    s = "Russian forces captured the village in September 2024, the defence ministry said."
    i = s.index("September 2024")
    assert make_title(s, i, i + len("September 2024")) == "Russian forces captured the village"
    long = "On Monday the " + "very " * 40 + "long sentence ended."
    assert len(make_title(long, 3, 9)) <= 71


def _event(earliest, latest, countries, sentence):
    t = TimeExpression(0, 1, "x", "DATE", "v", earliest, latest, "day")
    return Event("a", 0, len(sentence), sentence, t, "t", countries)


def test_same_happening_scores():
    a = _event("2024-11-16", "2024-11-17", ["DE", "RU"], "Germany resumed talks with Moscow last weekend.")
    b = _event("2024-11-16", "2024-11-16", ["DE", "RU"], "Berlin and Moscow resumed talks on Saturday, Germany said.")
    c = _event("2024-11-16", "2024-11-17", ["FR"], "France delivered missiles.")
    d = _event("2023-01-01", "2023-01-01", ["DE", "RU"], "Germany resumed talks with Moscow.")
    assert same_happening(a, b) > same_happening(a, c) > 0
    assert same_happening(a, d) == 0
    assert same_happening(a, a) == pytest.approx(1.0)


def test_a_headline_apart_from_the_text_adds_its_countries():
    article = Article(text="The ministry said exports rose 5 pct in January.", title="JAPAN SAYS EXPORTS TO U.S. ROSE",
                      published="1987-03-03")
    _, _, countries = article_events(article)
    assert countries == ["JP", "US"]


def test_dateline_date_gives_way_to_the_sentences_own_date_and_stays_out_of_titles():
    text = ("KYIV, Nov 18 (Reuters) - Russia launched a large air attack on Ukraine's energy grid on Sunday, "
            "Ukrainian officials said.")
    _, events, countries = article_events(Article(text=text, published="2024-11-18"))
    assert [e.time.value for e in events] == ["2024-11-17"]
    assert events[0].title.startswith("Russia launched")
    assert countries[0] == "UA"
    _, events, _ = article_events(Article(text="MOSCOW, Nov 18 (Reuters) - Russia said it would respond.",
                                          published="2024-11-18"))
    assert [e.time.value for e in events] == ["2024-11-18"]
    assert "MOSCOW" not in events[0].title


def test_titled_subjects_shrink_to_the_surname():
    s = "Germany's Chancellor Olaf Scholz spoke to Putin by phone on Friday for the first time in nearly two years."
    i = s.index("on Friday")
    assert make_title(s, i + 3, i + 9).startswith("Scholz spoke to Putin by phone")


def test_long_titles_drop_inner_phrases_before_cutting_words():
    s = ("The Minister of Foreign Affairs, Jean-Noël Barrot, assured this Monday, November 18 that the use of "
         "French missiles by Ukrainian forces on Russian soil remained “an option”.")
    i = s.index("this Monday, November 18")
    assert make_title(s, i, i + len("this Monday, November 18")) == "Barrot: use of French missiles remained “an option”"
    s = "The European Union agreed on Thursday to impose a new package of sanctions on Russian oil exports."
    i = s.index("on Thursday")
    title = make_title(s, i, i + len("on Thursday"))
    assert title.startswith("The European Union agreed to impose") and len(title) <= 70


def test_hard_wrapped_text_keeps_sentences_whole():
    text = ("Talks stall\n\n"
            "  Germany resumed talks with Moscow last weekend, a government\n"
            "spokesman said on Monday, adding that the Chancellor would travel\n"
            "to Warsaw. Officials in Kyiv said they had not been told about\n"
            "the call in advance and would ask Berlin for an explanation of\n"
            "the decision.\n")
    assert sentences(text) == [
        "Talks stall",
        "Germany resumed talks with Moscow last weekend, a government\nspokesman said on Monday, adding that "
        "the Chancellor would travel\nto Warsaw.",
        "Officials in Kyiv said they had not been told about\nthe call in advance and would ask Berlin for an "
        "explanation of\nthe decision.",
    ]
    # the seed (one paragraph per line) is not hard-wrapped
    seed = SEED.read_text(encoding="utf-8")
    assert len(sentences(seed)) > 20


def test_quotes_first_become_speaker_colon_quote():
    s = "“This is one of the most massive attacks,” Zelenskiy said in a statement on Sunday."
    i = s.index("on Sunday")
    assert make_title(s, i, i + 9) == "Zelenskiy: “This is one of the most massive attacks”"
    s = '"We will respond," said Kremlin spokesman Dmitry Peskov on Monday.'
    i = s.index("on Monday")
    assert make_title(s, i, i + 9) == "Peskov: “We will respond”"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WORDS = st.sampled_from(["U.S.", "Jan.", "5", "Mr.", "Smith", "said", ".", "!", "?", "\n", "\n\n", "“", "”", '"',
                         "The", "talks", "ended", "Kyiv", "p.m.", "J.", "(AP)", "-", "KYIV,", "Nov."])


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_sentence_spans_are_ordered_trimmed_and_inside_the_text(text):
    spans = split_sentences(text)
    last = 0
    for a, b in spans:
        assert last <= a < b <= len(text)
        assert not text[a].isspace() and not text[b - 1].isspace()
        last = b


def test_a_date_said_in_two_pieces_gives_the_finer_one():
    _, events, _ = article_events(Article(text="In 2022, on March 3, Russian troops entered Kherson."))
    assert [e.time.value for e in events] == ["2022-03-03"]


def _title(sentence, date_text):
    i = sentence.index(date_text)
    return make_title(sentence, i, i + len(date_text))


def test_titles_drop_asides_intro_phrases_and_dangling_prepositions():
    assert _title("Kopp, who is from Vermont, was indicted last year in the October 1998 shooting death of "
                  "Dr. Barnet Slepian, an obstetrician in Buffalo, New York.", "last year").startswith(
        "Kopp was indicted in the October 1998 shooting")
    assert _title("In New York Stock Exchange composite trading yesterday, Intelogic shares rose 37.5 cents to "
                  "close at $2.75.", "yesterday") == "Intelogic shares rose 37.5 cents to close at $2.75"
    assert _title("The shares are redeemable after the end of 1994.", "the end of 1994") == "The shares are redeemable"
    assert _title("Two bombs exploded outside U.S. embassies in Kenya and Tanzania on Friday, killing dozens of "
                  "people and wounding hundreds, witnesses said.", "on Friday").startswith(
        "Two bombs exploded outside U.S. embassies in Kenya and Tanzania")


def test_company_speakers_lose_their_legal_suffix():
    assert _title("Oneida Ltd. said on Monday it would raise its dividend.", "on Monday") == \
        "Oneida: it would raise its dividend"


def test_a_dateline_on_its_own_line_makes_no_event():
    text = "BRUSSELS, December 2 (Xinhua) --\nNATO ministers met in Brussels on Wednesday."
    _, events, _ = article_events(Article(text=text, published="1998-12-02"))
    assert [e.time.text for e in events] == ["Wednesday"]
