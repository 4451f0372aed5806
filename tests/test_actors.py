"""Country and organisation mentions: what an analyst filtering by country needs to be right."""
from pathlib import Path

import pytest

from viewer import actors
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
    # what the article is about; the UK, Poland and the Baltics are named once, in a closing list of
    # supporters: they stay on the mentions (and so on that sentence's event), not on the article
    assert {"UA", "RU", "FR", "DE", "US"} == set(countries)
    assert {"GB", "PL", "EE", "LV", "LT"} <= {m.code for m in ms}
    assert {"UA", "RU", "FR", "DE", "US", "GB", "PL", "EE", "LV", "LT"} == set(
        article_countries(seed_text, ms, salient=False))
    # organisations are on the mentions (and so on events), not in the article's countries
    assert {"NATO", "EU"} <= {m.code for m in ms}
    assert set(article_countries(seed_text, ms, organisations=True, salient=False)) >= {"NATO", "EU"}


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


# --- article-level countries as a newswire editor tags them --------------------------------------------------

def article(text, reference=None):
    return article_countries(text, find_mentions(text, reference))


def test_datelines_of_cities_anywhere_in_the_world():
    # not in the curated list: found in the cities gazetteer (resources/cities.json)
    assert dateline_countries("CURITIBA, March 3 (Reuters) - Coffee exporters said.") == ["BR"]
    assert dateline_countries("WOLLONGONG, Nov 20 — Steel output rose.") == ["AU"]
    assert dateline_countries("SAO PAULO, March 3 - Shares rose.") == ["BR"]
    assert dateline_countries("KUALA LUMPUR (Reuters) - Palm oil prices fell.") == ["MY"]
    # old names as old wires wrote them
    assert dateline_countries("BOMBAY, March 3 - The rupee fell.") == ["IN"]
    assert dateline_countries("PEKING, Jan 4 - Officials said.") == ["CN"]
    # whole names first: Trinidad's capital, not Spain; Bahia's Salvador, not El Salvador; Jamaica's Kingston
    assert dateline_countries("PORT OF SPAIN, March 3 - Oil output rose.") == ["TT"]
    assert dateline_countries("SALVADOR, Feb 26 - Showers continued in the cocoa zone.") == ["BR"]
    assert dateline_countries("KINGSTON, March 3 - Bauxite exports fell.") == ["JM"]
    assert dateline_countries("EAST BERLIN, March 3 - The party met.") == ["DE"]
    # a place that is no city stays without a country
    assert dateline_countries("ACME CORP SAYS - profits rose") == []


def test_a_datelines_state_or_country_wins_over_its_towns_name():
    assert dateline_countries("PARIS, Texas, March 3 - The town council met.") == ["US"]
    assert dateline_countries("LONDON, Ont., March 3 - The plant will close.") == ["CA"]
    assert dateline_countries("ATLANTA, Georgia (AP) - Delta said.") == ["US"]
    assert dateline_countries("BIRMINGHAM, Ala. (AP) _ A clinic was bombed.") == ["US"]
    assert dateline_countries("THE HAGUE, Netherlands (AP)_ The court ruled.") == ["NL"]
    text = "PARIS, Texas, March 3 - The town council approved a budget on Monday."
    assert article(text) == ["US"]


def test_dateline_after_a_headline_line():
    text = "Japan exports rise in February\nTOKYO, March 3 - Exports rose 5 pct, the ministry said."
    assert dateline_countries(text) == ["JP"]
    assert dateline_countries("A headline.\nTOKYO, March 3 - Text") == []   # a sentence, not a headline


def test_towns_named_after_places_abroad():
    assert codes("The plant in Paris, Texas, will close.") == ["US"]
    assert codes("He was born in Lebanon, Pa., in 1950.") == ["US"]
    assert codes("Offices in London, Ont., and Perth, Scotland.") == ["CA", "GB"]
    # a country's own name before a state is a list, not a town
    assert codes("trade with Mexico, Texas and California") == ["MX", "US", "US"]
    assert codes("New Mexico ranchers") == ["US"]


def test_institutions_that_stand_for_their_country():
    assert codes("The Bundesbank and the Bank of Japan held rates.") == ["DE", "JP"]
    assert codes("The Securities and Exchange Commission said.") == ["US"]
    assert codes("MITI officials and the Diet") == ["JP", "JP"]
    assert codes("The Chancellor of the Exchequer told the Knesset delegation.") == ["GB", "IL"]
    assert codes("The Bank of France and the Swiss National Bank intervened.") == ["FR", "CH"]
    assert codes("a diet of rice") == []


def test_currencies_in_economic_news():
    assert codes("The yen and sterling rose; the rupee fell.") == ["JP", "GB", "IN"]
    assert codes("The D-mark firmed.") == ["DE"]
    # a currency named with its country's adjective is that country's, not the bare word's
    assert codes("The Turkish lira and the Pakistani rupee fell.") == ["TR", "PK"]
    assert codes("He won 500 billion lire.") == ["IT"]


def test_leaders_of_the_eighties_economic_news():
    assert codes("Baker and Stoltenberg met in Paris.", "1987-03-01") == ["US", "DE", "FR"]
    assert codes("Nakasone told Reagan", "1987-03-01") == ["JP", "US"]
    assert codes("Funaro said Brazil would pay.", "1987-02-20") == ["BR", "BR"]
    # out of their terms a surname alone is just a name
    assert codes("Baker said the bread was sold out.", "2015-06-01") == []


def test_ordinary_words_and_people_are_not_countries():
    assert codes("Spanish-language television and English-speaking viewers") == []
    assert codes("a guinea pig, a turkey, china plates") == []
    assert codes("Michael Jordan and Chad Smith went to Georgia Tech.") == []


def test_one_passing_mention_does_not_make_the_article_about_a_country():
    text = ("TOKYO, March 3 - Japan's exports to the United States rose 5 pct in February, the Finance "
            "Ministry said. The rise was led by cars.\n\nU.S. officials welcomed the figures. Analysts said "
            "demand for machinery stayed firm and shipments of chips grew. Exports to Europe were flat. A "
            "trading house said one shipment had gone through Panama.")
    assert article(text) == ["JP", "US"]
    assert article_countries(text, find_mentions(text), salient=False) == ["JP", "US", "PA"]


def test_the_lead_repeated_mentions_and_the_only_country_count():
    lead = "Canada and Mexico agreed on Monday to cut tariffs. Officials said talks went well."
    body = " Traders noted that Chile watched. Later, Peru and Peru's banks joined."
    assert article(lead + body) == ["CA", "MX", "PE"]      # Chile: once, after the lead
    # the only country an article names is what it is about, wherever it comes
    text = ("The company said sales rose. Profits were flat. Margins fell. Its shares closed at $45.75 "
            "in New York Stock Exchange composite trading.")
    assert article(text) == ["US"]


def test_a_place_and_its_country_are_one_mention():
    text = ("Officials met on Monday in Ottawa and agreed on new rules. They said talks went well.\n\n"
            "The diplomats were later flown to Brussels, Belgium. Canada will host the next round.")
    assert article(text) == ["CA"]          # Belgium: named once, in "Brussels, Belgium"


def test_the_tail_of_a_name_is_not_a_leader():
    assert codes("Senator Alfonse D'Amato said", "1998-10-26") == []
    assert codes("Treasury Minister Amato said", "1998-10-26") == ["IT"]


def test_company_news_without_any_country_gets_its_companies_country():
    assert article("Shoney's Inc. said it will report a write-off of $2.5 million.") == ["US"]
    assert article("Hanson Plc said pretax profit rose 20 pct.") == ["GB"]
    # only when no country is named: a named country wins
    assert article("Acme Inc. said its sales in Japan rose.") == ["JP"]
    assert article("The council said the bridge will reopen on Monday.") == []


def test_wire_headline_abbreviations_and_old_names():
    assert codes("S. AFRICA GOLD OUTPUT RISES") == ["ZA"]
    assert codes("N.Z. DOLLAR FIRMS; HK GOLD STEADY") == ["NZ", "HK"]
    assert codes("Upper Volta and Dahomey") == ["BF", "BJ"]
    assert [(m.code, m.kind) for m in find_mentions("EC ministers met")] == [("EU", "organisation")]
    assert codes("ECUADOR SUSPENDS OIL EXPORTS") == ["EC"]


_MENTION_WORDS = ["Russia", "RUSSIA", "russia", "kyiv", "Kyiv", "the", "The", "Baltics", "the Baltics", "Putin",
                  "Vladimir", "said", "New", "York", "Paris,", "Texas", "Élysée", "élysée", "D'Amato", "O’Neill",
                  "U.S.", "S. AFRICA", "9AB", "_Ukraine", "Ukraine_", "theory", "Ukrainian", "NATO", "EU", "\n",
                  ",", ".", "Moscow", "moscow", "Kremlin", "euro", "both", "al", "Qaeda", "de", "Gaulle"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_MENTION_WORDS), max_size=25).map(" ".join))
def test_visiting_only_words_a_name_can_start_with_finds_every_mention(text):
    """find_mentions looks only at words a name can begin with (capitalised, non-ASCII, or one of the
    lowercase names): it must find what looking at every word finds."""
    g = actors.gazetteer()
    fast = [(m.start, m.end, m.code) for m in actors.find_mentions(text, "2024-11-18")]
    saved = g.starts
    g.starts = actors._WORD
    try:
        slow = [(m.start, m.end, m.code) for m in actors.find_mentions(text, "2024-11-18")]
    finally:
        g.starts = saved
    assert fast == slow
