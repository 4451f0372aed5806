"""Encyclopedia-style histories of wars (texts written for these tests, with invented places and people):
relative expressions follow the time the story is at, whichever way the tagger is called."""
from datetime import date

import pytest

from viewer.timex import resolve_document, tag

PUBLISHED = date(2024, 5, 1)   # an encyclopedia article read long after the events

SIEGE = """The Siege of Korvath was a military engagement of the Second Marren War, fought between the Republic \
of Aldera and the Marren Confederation from 1912 to 1914.

Background

In the summer of 1911 the Confederation closed the river ports to Alderan shipping. Negotiations failed in \
October, and on 3 November 1911 Aldera declared war. That winter both armies raised new divisions. By the end \
of the year the Confederation had moved 40,000 troops to the border.

The siege

The Alderan Third Army crossed the Vell on 14 March 1912. Two days later its cavalry reached the outskirts of \
Korvath. The garrison refused to surrender, and on 20 March the bombardment began. In April the defenders made \
two sorties; both were repulsed. That summer disease spread through the Alderan camp, and by August nearly a \
third of the besiegers were sick. On 2 September a relief column was defeated at Osk. The following month the \
Alderan commander, General Hest, was replaced.

In early 1913 the new commander ordered a general assault. It began on 9 February and lasted three days. The \
attack failed, and the Alderans lost 6,000 men. In the spring the siege lines were extended to the south. A \
second assault, launched on 1 June, broke into the lower town. The citadel held out for six weeks and \
surrendered on 15 July 1913.

Aftermath

In March 1914 the two governments opened talks at Lenz, and a treaty was signed on 30 May. The following \
decade saw the rebuilding of Korvath. In 1923 a memorial was unveiled. Today the citadel is a museum.
"""

SIEGE_GOLD = [
    ("the summer of 1911", "1911-SU"), ("October", "1911-10"), ("3 November 1911", "1911-11-03"),
    ("That winter", "1911-WI"), ("the end of the year", "1911"), ("14 March 1912", "1912-03-14"),
    ("Two days later", "1912-03-16"), ("20 March", "1912-03-20"), ("April", "1912-04"),
    ("That summer", "1912-SU"), ("August", "1912-08"), ("2 September", "1912-09-02"),
    ("The following month", "1912-10"), ("early 1913", "1913"), ("9 February", "1913-02-09"),
    ("three days", "P3D"), ("the spring", "1913-SP"), ("1 June", "1913-06-01"), ("six weeks", "P6W"),
    ("15 July 1913", "1913-07-15"), ("March 1914", "1914-03"), ("30 May", "1914-05-30"),
    ("The following decade", "192"), ("1923", "1923"),
]

TIDEWALL = """Operation Tidewall was an amphibious offensive launched by the Northern Alliance against the coastal \
forts of Serrat during the Coastal War (1938–1941).

Tensions had been building since the early 1930s. In 1937 the Serrat government signed a pact with the \
southern states. On the morning of 4 January 1938, Northern warships shelled the outer forts. The same day the \
Alliance declared a blockade. A week later the first transports sailed from Ness.

The landings took place on 18 February. At 05:30 the first wave reached the beach; by noon three battalions \
were ashore. The next day a counter-attack drove them back to the dunes. Fighting continued for nine days. On \
28 February the last Serrat fort surrendered, and that evening the Alliance commander came ashore.

Over the following weeks the Alliance moved inland. In mid-April it took the railway junction at Dorn, and in \
May the capital was besieged. The siege lasted until the autumn. Earlier that year the Serrat army had lost \
most of its artillery, and by late 1938 it could no longer hold the line. A ceasefire was agreed on 11 \
November, ten months after the first shelling.

The war resumed in 1940. That October the southern states entered the war, and within a month they had \
recaptured Dorn. A year later, in October 1941, a peace treaty ended the fighting. In the 1960s the forts were \
restored, and since 1995 they have been a national monument.
"""

TIDEWALL_GOLD = [
    ("the early 1930s", "193"), ("1937", "1937"), ("The same day", "1938-01-04"),
    ("18 February", "1938-02-18"), ("05:30", "1938-02-18T05:30"), ("noon", "1938-02-18T12:00"),
    ("The next day", "1938-02-19"), ("nine days", "P9D"), ("28 February", "1938-02-28"),
    ("that evening", "1938-02-28TEV"), ("mid-April", "1938-04"), ("May", "1938-05"), ("the autumn", "1938-FA"),
    ("Earlier that year", "1938"), ("late 1938", "1938"), ("11 November", "1938-11-11"), ("ten months", "P10M"),
    ("1940", "1940"), ("That October", "1940-10"), ("a month", "P1M"), ("A year later", "1941"),
    ("October 1941", "1941-10"), ("the 1960s", "196"), ("1995", "1995"),
]

HARL = """The Battle of the Harl Valley was fought between Kestrian and Vollish forces in the winter of 1941.

On Sunday, 7 December 1941, Kestrian divisions attacked across the frontier. On Monday the Vollish parliament \
declared war, and the following Wednesday the first reinforcements arrived. Two weeks earlier, Vollish \
intelligence had warned of the attack.

By the end of the month the front had stabilised. In the last days of December a Vollish counter-offensive \
retook two villages. On New Year's Day 1942 the Kestrians renewed their attack, but it stalled within a week. \
In the autumn of that year the valley was quiet. At the end of 1942 both sides withdrew.

Early the next year the Kestrian army was sent south, and on 8 May 1945 the war ended. Throughout the 1950s \
veterans returned each December to mark the anniversary, and in 2001 the sixtieth anniversary drew thousands \
of visitors.
"""

HARL_GOLD = [
    ("the winter of 1941", "1941-WI"), ("Sunday, 7 December 1941", "1941-12-07"), ("Monday", "1941-12-08"),
    ("the following Wednesday", "1941-12-10"), ("the end of the month", "1941-12"),
    ("the last days of December", "1941-12"), ("New Year's Day 1942", "1942-01-01"), ("a week", "P1W"),
    ("the autumn of that year", "1942-FA"), ("the end of 1942", "1942"), ("Early the next year", "1943"),
    ("8 May 1945", "1945-05-08"), ("the 1950s", "195"), ("each December", "XXXX-12"), ("2001", "2001"),
]

OSTRAND = """The Ostrand Campaign was a series of battles fought in the lowlands of Ostrand between 1943 and 1945.

In mid-1943 the Western Coalition began planning a landing on the Ostrand coast. The date was set for the \
spring of the following year. That spring the invasion fleet assembled, but storms delayed it until 6 June. \
At 6:30 am the first troops went ashore. Later that month the port of Halde was captured. A month later the \
Coalition armies broke out of the beachhead.

Late that summer the advance slowed. In the last week of August the Coalition lost 12,000 men at the Sel \
crossings. Four months later, in December, the Ostrand army launched a winter offensive. The winter of \
1944–45 was the coldest in decades. Early the next year the offensive collapsed, and on the 12th of February \
the Coalition resumed its advance. The same month the Ostrand government fled to the mountains.

A peace treaty was signed on 2 May 1945, and the last Coalition troops left the country the following \
January. In the following decade Ostrand rebuilt its cities.
"""

OSTRAND_GOLD = [
    ("mid-1943", "1943"), ("the spring of the following year", "1944-SP"), ("That spring", "1944-SP"), ("6 June", "1944-06-06"),
    ("6:30 am", "1944-06-06T06:30"), ("Later that month", "1944-06"), ("A month later", "1944-07"),
    ("Late that summer", "1944-SU"), ("the last week of August", "1944-08"), ("Four months later", "1944-12"),
    ("December", "1944-12"), ("The winter of 1944–45", "1944-WI"), ("Early the next year", "1945"),
    ("the 12th of February", "1945-02-12"), ("The same month", "1945-02"), ("2 May 1945", "1945-05-02"),
    ("the following January", "1946-01"), ("the following decade", "195"),
]

TEXTS = {"siege": (SIEGE, SIEGE_GOLD), "tidewall": (TIDEWALL, TIDEWALL_GOLD), "harl": (HARL, HARL_GOLD),
         "ostrand": (OSTRAND, OSTRAND_GOLD)}


def _check(text, gold, exprs):
    """Each gold (span, value), in text order, is found with that value; a list of the misses."""
    got = sorted((e.start, e.text, e.value) for e in exprs)
    misses = []
    pos = 0
    for span, value in gold:
        i = text.find(span, pos)
        assert i >= 0, span   # a typo in the test itself
        pos = i + len(span)
        found = [v for s, t, v in got if s == i and t == span]
        if found != [value]:
            misses.append((span, value, found))
    return misses


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_history_with_a_publication_date(name):
    text, gold = TEXTS[name]
    assert _check(text, gold, tag(text, PUBLISHED)) == []


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_history_through_resolve_document(name):
    # the command line and ingest call resolve_document: with and without a publication date
    text, gold = TEXTS[name]
    assert _check(text, gold, resolve_document(text, PUBLISHED)[2]) == []
    ref, source, exprs = resolve_document(text, None)
    assert source == "inferred" and ref.year < 1950
    assert _check(text, gold, exprs) == []


def test_a_look_back_does_not_move_the_story():
    # "Two weeks earlier ... had warned" is a flashback: "the end of the month" is December, where the story is
    ends = [e for e in tag(HARL, PUBLISHED) if e.text == "the end of the month"]
    assert [e.value for e in ends] == ["1941-12"]
    assert [e.value for e in tag(HARL, PUBLISHED) if e.text == "Two weeks earlier"] == ["1941-W48"]


def test_today_in_a_history_is_the_time_of_writing():
    got = [e for e in tag(SIEGE, PUBLISHED) if e.text == "Today"]
    assert len(got) == 1 and got[0].value in ("PRESENT_REF", "2024-05-01")


def test_news_with_old_years_stays_with_its_publication_date():
    news = ("Officials said on Tuesday that the archive, opened in 1923, holds records of the sieges of 1912, "
            "1913 and 1914 and of the treaty of 1914. In March the archive will close for repairs.")
    got = dict((e.text, e.value) for e in resolve_document(news, PUBLISHED)[2])
    assert got["Tuesday"] == "2024-04-30"
    assert got["March"] == "2025-03"


def _values(text, **kw):
    return [(e.text, e.type, e.value) for e in tag(text, PUBLISHED, **kw)]


def test_part_of_a_dated_day():
    assert _values("In 1944 they fought. On the morning of 6 June the troops landed. That evening they dug in.",
                   narrative=True)[1:] == [("the morning of 6 June", "TIME", "1944-06-06TMO"),
                                           ("That evening", "TIME", "1944-06-06TEV")]
    assert _values("On the evening of May 3, 1945, the city fell.") == [
        ("the evening of May 3, 1945", "TIME", "1945-05-03TEV")]


def test_clock_time_with_a_day_written_after_it():
    assert _values("In 1941 the border was quiet. The offensive began at 04:00 on 22 June.", narrative=True)[1:] == [
        ("04:00 on 22 June", "TIME", "1941-06-22T04:00")]
    assert _values("The offensive began at 4 a.m. on 22 June 1941.") == [
        ("4 a.m. on 22 June 1941", "TIME", "1941-06-22T04:00")]


def test_parts_of_months_decades_and_centuries():
    got = tag("In 1944 they fought on. In the last week of August the line broke. By the end of the decade the "
              "city was rebuilt.", PUBLISHED, narrative=True)
    assert [(e.text, e.value, e.mod) for e in got][1:] == [("the last week of August", "1944-08", "END"),
                                                           ("the end of the decade", "194", "END")]
    assert got[1].earliest >= "1944-08-20" and got[1].latest == "1944-08-31"
    # "the last week of August" is not "last August"
    assert _values("In the first days of May the rains came.") == [("the first days of May", "DATE", "2024-05")]


def test_early_the_next_year_is_a_date_and_another_year_a_duration():
    assert _values("In 1944 they fought. Early the next year the offensive collapsed.", narrative=True)[1:] == [
        ("Early the next year", "DATE", "1945")]
    assert _values("The war continued for another year.") == [("another year", "DURATION", "P1Y")]
    assert _values("They will fight another day.") == []


def test_dawn_and_dusk_on_the_day_under_discussion():
    assert _values("In 1944 they fought. At dawn on 9 February the assault began, and by nightfall it had failed.",
                   narrative=True)[1:] == [("dawn on 9 February", "TIME", "1944-02-09TMO"),
                                           ("nightfall", "TIME", "1944-02-09TEV")]
    assert _values("The armies met on 3 October 1654; the battle lasted from dawn until dusk.")[1:] == [
        ("dawn", "TIME", "1654-10-03TMO"), ("dusk", "TIME", "1654-10-03TEV")]
    # a story known only to the year: no made-up day; and no false alarm on the adjective
    assert _values("In 1944 they fought. They attacked at dawn.", narrative=True) == [("1944", "DATE", "1944")]
    assert _values("The pre-dawn raid failed.") == []


def test_the_following_season_or_month_after_a_year_is_in_the_next_year():
    assert _values("In 1918 the war ended. By the following spring most soldiers had returned.")[1:] == [
        ("the following spring", "DATE", "1919-SP")]
    assert _values("In 1941 Germany invaded. The following winter was cold.")[1:] == [
        ("The following winter", "DATE", "1941-WI")]      # the winter that begins in December 1941
    assert _values("In 1941 Germany invaded. The following March the front broke.")[1:] == [
        ("The following March", "DATE", "1942-03")]
    assert _values("In March 1941 Germany invaded. The following spring was cold.")[1:] == [
        ("The following spring", "DATE", "1942-SP")]


def test_circa_years_and_years_in_two_digits():
    assert [(e.text, e.value, e.mod) for e in tag("The castle was built c. 1200 and rebuilt circa 1350.", PUBLISHED)] \
        == [("c. 1200", "1200", "APPROX"), ("circa 1350", "1350", "APPROX")]
    assert _values("Vitamin C. 2019 was a good year.")[0][1:] == ("DATE", "2019")
    assert _values("The invasion began in June '44.") == [("June '44", "DATE", "1944-06")]
    assert _values("They met in the spring of '95.") == [("the spring of '95", "DATE", "1995-SP")]


def test_a_day_of_the_month_under_discussion():
    assert _values("In August 1914 the army advanced. On the 6th it reached the river.")[1:] == [
        ("the 6th", "DATE", "1914-08-06")]
    assert _values("On 20 August 1914 they advanced. On the 26th, they retreated.")[1:] == [
        ("the 26th", "DATE", "1914-08-26")]
    for text in ["In August 1914 the army advanced. On the 6th Army front it was quiet.",
                 "In August 1914 the army advanced. They lived on the 6th floor.",
                 "In 1914 they advanced. On the 6th they retreated."]:   # a year only: which month?
        assert len(tag(text, PUBLISHED)) == 1, text


def test_centuries_before_the_common_era():
    e = tag("In the 5th century BC the city was founded.", PUBLISHED)[0]
    assert (e.text, e.value, e.earliest, e.latest) == ("the 5th century BC", "BC04", "-0499-01-01", "-0400-12-31")
    assert _values("In the fifth century the city was founded.") == [("the fifth century", "DATE", "04")]


def test_an_offset_that_restates_the_date_just_written():
    got = _values("In 1942 the city fell. It was liberated in 1944, two years later. The next year it was rebuilt.",
                  narrative=True)
    assert got[1:] == [("1944", "DATE", "1944"), ("two years later", "DATE", "1944"), ("The next year", "DATE", "1945")]
    # a comma splice is not a restatement
    assert _values("The city fell on 3 May 1942, two days later it burned.")[1] == ("two days later", "DATE", "1942-05-05")


def test_pairs_and_ranges_share_the_year_written_at_the_end():
    assert _values("The campaign of May–June 1940 ended.")[0] == ("May", "DATE", "1940-05")
    assert [(e.text, e.value, e.mod) for e in tag("In late May and early June 1940 the army retreated.", PUBLISHED)] \
        == [("late May", "1940-05", "END"), ("early June 1940", "1940-06", "START")]
    assert _values("The spring and summer of 1944 were decisive.") == [
        ("The spring", "DATE", "1944-SP"), ("summer of 1944", "DATE", "1944-SU")]
    assert _values("In 1944 they fought. In the spring and summer the army advanced.", narrative=True)[1:] == [
        ("the spring", "DATE", "1944-SP"), ("summer", "DATE", "1944-SU")]
    assert _values("The spring and fall collections sold well.") == []
    e = tag("On the night of 13/14 February 1945 the city was bombed.", PUBLISHED)[0]
    assert (e.text, e.value, e.earliest, e.latest) == ("13/14 February 1945", "1945-02-13", "1945-02-13", "1945-02-14")
    e = tag("In the first months of 1942 the front held.", PUBLISHED)[0]
    assert (e.text, e.value, e.mod) == ("the first months of 1942", "1942", "START")


def test_hours_after_a_date():
    assert _values("On 3 May 1942 they fought. 36 hours later the city fell.")[1] == ("36 hours later", "DATE", "1942-05-04")
    # a story known only to the year gives the year, not a made-up day
    assert _values("In 1942 they fought. 36 hours later the city fell.", narrative=True)[1] == (
        "36 hours later", "DATE", "1942")
