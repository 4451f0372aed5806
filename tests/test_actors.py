"""Country and organisation mentions: what an analyst filtering by country needs to be right."""
from pathlib import Path

import pytest

from viewer.actors import article_countries, dateline_countries, find_mentions

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_b35eeb280cb7d20a.txt"


@pytest.fixture
def seed_text():
    return SEED.read_text(encoding="utf-8").strip()


def codes(text, reference=None):
    return [m.code for m in find_mentions(text, reference)]


def test_names_adjectives_capitals_and_seats_of_government():
    assert codes("France and Germany") == ["FR", "DE"]
    assert codes("Ukrainian forces hit Russian targets") == ["UA", "RU"]
    assert codes("The Kremlin said") == ["RU"]
    assert codes("talks at the Élysée and in Kyiv") == ["FR", "UA"]
    assert codes("Kiev said") == ["UA"]


def test_lowercase_kyiv_counts_but_lowercase_common_words_do_not():
    assert codes("the Kursk region conquered by kyiv this summer") == ["RU", "UA"]
    assert codes("we ate turkey and china plates, then went to jordan street") == []


def test_offsets_point_at_the_words():
    text = "Moscow's counterattack in Russia's Kursk regionconquered by kyiv this summer."
    ms = find_mentions(text)
    assert [text[m.start:m.end] for m in ms] == [m.text for m in ms]
    assert [(m.text, m.code) for m in ms] == [("Moscow", "RU"), ("Russia", "RU"), ("Kursk", "RU"), ("kyiv", "UA")]


def test_abbreviations_and_longest_names():
    assert codes("U.S. and UK officials") == ["US", "GB"]
    assert codes("Papua New Guinea and Guinea-Bissau and Guinea") == ["PG", "GW", "GN"]
    assert codes("North Korea and South Korea") == ["KP", "KR"]
    assert codes("South Sudan, not Sudan") == ["SS", "SD"]
    assert codes("In New Mexico and in Mexico") == ["US", "MX"]


def test_groups_stand_for_their_members():
    ms = find_mentions("the position of Poland, the Baltics and the EU")
    assert [m.code for m in ms] == ["PL", "EE", "LV", "LT", "EU"]
    assert {m.text for m in ms if m.code in ("EE", "LV", "LT")} == {"Baltics"}


def test_organisations_are_kept_with_their_kind():
    ms = find_mentions("NATO countries, the United Nations and the European Union")
    assert [(m.code, m.kind) for m in ms] == [("NATO", "organisation"), ("UN", "organisation"),
                                             ("EU", "organisation")]
    assert find_mentions("France")[0].kind == "country"


def test_false_friends_are_avoided():
    assert codes("Michael Jordan scored 40 points for the Bulls.") == []
    assert codes("The rally in Atlanta, Georgia, drew Republican voters.") == ["US"]
    assert codes("Chad Smith played drums.") == []
    assert codes("Families roast a turkey at Thanksgiving. Turkey prices rose.") == []
    assert codes("Prices in Latin America rose.") == []
    assert codes("The Indian Ocean") == []


def test_real_countries_behind_ambiguous_names_still_count():
    assert codes("Russian troops entered Georgia in 2008.") == ["RU", "GE"]
    assert codes("King Abdullah of Jordan met officials in Amman.") == ["JO", "JO"]
    assert codes("Fighting spread across Chad and Niger.") == ["TD", "NE"]
    assert codes("Turkey hosted the talks in Istanbul.") == ["TR", "TR"]


def test_leaders_count_during_their_term_or_after_their_full_name():
    assert codes("Vladimir Putin said") == ["RU"]
    assert codes("Putin said", "2024-11-18") == ["RU"]
    assert codes("Macron said", "2024-01-01") == ["FR"]
    assert codes("Macron said", "1990-01-01") == []                  # not in office then
    assert codes("Thatcher said", "1987-03-01") == ["GB"]
    assert codes("Thatcher said", "2024-03-01") == []
    assert codes("Margaret Thatcher spoke. Thatcher said", "2024-03-01") == ["GB", "GB"]


def test_same_name_different_offices_resolved_by_date():
    assert codes("Mark Rutte said", "2020-05-01") == ["NL"]
    assert codes("Mark Rutte said", "2025-05-01") == ["NATO"]


def test_all_capitals_datelines():
    text = "KYIV, Nov 18 (Reuters) - Officials said the talks had stalled."
    assert dateline_countries(text) == ["UA"]
    assert article_countries(text, find_mentions(text)) == ["UA"]
    assert dateline_countries("WASHINGTON (Reuters) - The Treasury said") == ["US"]
    assert dateline_countries("No dateline here - just text") == []


def test_article_countries_in_order_of_first_mention_each_once():
    text = "France and Germany met. France, Poland and NATO agreed."
    assert article_countries(text, find_mentions(text)) == ["FR", "DE", "PL"]


def test_datelines_with_state_abbreviations_and_towns():
    assert dateline_countries("GREENWICH, Conn., March 3 - The company said profits rose.") == ["US"]
    assert dateline_countries("TORONTO, March 3 - Shares fell.") == ["CA"]
    assert dateline_countries("BONN, March 3 - The Bundesbank said.") == ["DE"]


def test_names_that_meant_something_else_before_a_date():
    assert codes("Georgia voters went to the polls.", "1987-03-01") == []
    assert codes("Georgia voters went to the polls.", "2024-10-26") == ["GE"]


def test_news_agencies_armed_groups_and_markets_point_at_their_country():
    assert codes("Xinhua reported", "2024-01-01") == ["CN"]
    assert codes("Hamas and Hezbollah fired rockets") == ["PS", "LB"]
    assert codes("The yen rose against the dollar on Wall Street") == ["JP", "US"]
    assert codes("Sino-Soviet and Franco-German ties") == ["CN", "RU", "FR", "DE"]


def test_seed_article_countries(seed_text):
    ms = find_mentions(seed_text, "2024-11-18")
    countries = article_countries(seed_text, ms)
    assert {"UA", "RU", "FR", "DE", "US", "GB", "PL", "EE", "LV", "LT"} == set(countries)
    # organisations are on the mentions (and so on events), not in the article's countries
    assert {"NATO", "EU"} <= {m.code for m in ms}
    assert set(article_countries(seed_text, ms, organisations=True)) >= {"NATO", "EU"}


def test_us_state_abbreviations_and_currency_prefixes():
    assert codes("Teaneck, N.J.-based Acme said sales in Calif. rose.") == ["US", "US"]
    assert codes("The Tokyo firm paid US$5 million.") == ["JP"]
    assert codes("A Chinese Wall separates the desks.") == []


def test_names_broken_across_lines():
    text = "officials in New\nYork and the United\n  Kingdom met"
    assert [(m.code, m.text) for m in find_mentions(text)] == [("US", "New\nYork"), ("GB", "United\n  Kingdom")]


def test_headline_style_titles_after_ambiguous_names():
    assert codes("Jordan King Abdullah met Chad President Mahamat Deby.") == ["JO", "TD"]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = st.sampled_from(["New", "York", "Georgia", "Jordan", "Michael", "the", "Baltics", "U.S.", "kyiv", "\n",
                          "KYIV,", "Nov", "18", "(Reuters)", "-", "Putin", "said", "Chad", "Smith", "Guinea",
                          "-Bissau", "Papua", "United", "Kingdom", ",", "."])


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=30).map(" ".join))
def test_mentions_are_spans_of_the_text_in_order(text):
    ms = find_mentions(text, "2024-01-01")
    for m in ms:
        assert text[m.start:m.end] == m.text and m.kind in ("country", "organisation")
    assert [m.start for m in ms] == sorted(m.start for m in ms)
    countries = article_countries(text, ms)
    assert len(countries) == len(set(countries))


def test_all_capitals_headlines_pronouns_are_not_countries():
    assert codes("LET US GO") == []
    assert codes("THE MAN WHO KNEW") == []
    assert codes("US TROOPS LEAVE") == ["US"]
    assert codes("They told US officials") == ["US"]
    assert [(m.code, m.kind) for m in find_mentions("The WHO said")] == [("UN", "organisation")]


def test_agency_credit_in_parentheses_is_not_a_country():
    text = "WASHINGTON, August 13 (Xinhua) -- President Bill Clinton condemned the attacks."
    assert article_countries(text, find_mentions(text, "1998-08-13")) == ["US"]


def test_ap_style_datelines_with_underscores():
    assert dateline_countries("NAIROBI, Kenya (AP) _ Suspected bombs exploded outside the embassy.") == ["KE"]
