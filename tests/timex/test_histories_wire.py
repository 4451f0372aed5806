"""Issue 17, dates in histories and wire copy: reference dates written any way, UTC, two-digit years, TIMEX3
decade and century values, "September 11", BC dates with an interval, offsets from a happening, anaphora,
whole expressions and both ends of ranges, narrative time. Every text is written for these tests."""
import io
import json
from datetime import date

from viewer.timex import read_reference, resolve_document, tag
from viewer.timex.cli import run_batch, run_file

NEWS = date(2024, 11, 20)       # a Wednesday
READ = date(2024, 5, 1)         # a history read long after the events


def got(text, ref=NEWS, **kw):
    return [(e.text, e.value) for e in tag(text, ref, language="en", **kw)]


def by_text(text, ref=NEWS, **kw):
    return {e.text: e for e in tag(text, ref, language="en", **kw)}


# ------------------------------------------------------------------------------------------------------
# (6) Wire copy: the reference date written any way

def test_reference_dates_written_any_way():
    for written in ("2009-03-02", "2009/03/02", "March 2, 2009", "2 March 2009", "Mar. 2, 2009",
                    "2009-03-02T14:05:00+01:00", "2009-03-02 14:05", "20090302", "Mon, 02 Mar 2009 14:05:00 +0100",
                    "13/02/2009".replace("13/02", "03/02")):
        r = read_reference(written)
        assert r.date == date(2009, 3, 2), written
    # a datetime late in the evening west of Greenwich is still the day written there
    assert read_reference("2009-03-02T23:30:00-05:00").date == date(2009, 3, 2)
    # other languages' month names
    assert read_reference("2 mars 2009").date == read_reference("2. März 2009").date == date(2009, 3, 2)
    assert read_reference("2 березня 2009").date == date(2009, 3, 2)


def test_an_ambiguous_order_is_read_in_the_likely_order_and_reported():
    r = read_reference("03-02-2009")
    assert r.ambiguous and r.date == date(2009, 3, 2)           # English and wire copy: month first
    assert "2009-02-03" in r.how                                 # the other reading is named
    assert read_reference("03-02-2009", language="fr").date == date(2009, 2, 3)   # day first
    assert read_reference("03.02.2009").date == date(2009, 2, 3)                  # dots: day first
    # a day above 12 leaves no doubt
    r = read_reference("13/02/2009")
    assert (r.date, r.ambiguous) == (date(2009, 2, 13), False)
    assert read_reference("3/2/09").date == date(2009, 3, 2)     # two-digit year
    for bad in ("garbage", "", None, "2009-02-30", "yesterday"):
        assert read_reference(bad).date is None


def test_batch_tags_every_document_whatever_its_dct():
    dcts = ["03-02-2009", "2009/03/02", "March 2, 2009", "2 March 2009", "2009-03-02T14:05:00+01:00",
            "Monday, March 2, 2009", "02.03.2009", "not a date"]
    lines = [json.dumps({"id": i, "text": "The rebels attacked the town on Sunday. Two days later they left.",
                         "dct": d}) for i, d in enumerate(dcts)]
    out = io.StringIO()
    assert run_batch(io.StringIO("\n".join(lines) + "\n"), out) == 0
    rows = [json.loads(x) for x in out.getvalue().splitlines()]
    assert len(rows) == len(dcts)
    assert all(r["timexes"] for r in rows), rows                 # no document loses its expressions
    for r in rows[:7]:
        assert r["dct"] == "2009-03-02" and r["dct_source"] == "given"
        assert r["timexes"][0]["value"] == "2009-03-01"          # the Sunday before
    assert rows[0]["dct_ambiguous"] is True and "2009-02-03" in rows[0]["dct_note"]
    assert "dct_ambiguous" not in rows[1]
    assert "not a date" in rows[7]["dct_note"]


def test_run_file_and_tag_take_a_reference_written_loosely():
    out = io.StringIO()
    run_file("Last September the talks failed.", "18 November 2024", out)
    assert json.loads(out.getvalue())["value"] == "2024-09"
    assert got("Last September the talks failed.", ref="November 18, 2024") == [("Last September", "2024-09")]
    ref, source, exprs = resolve_document("Last September the talks failed.", "2024/11/18", language="en")
    assert (ref, source, exprs[0].value) == (date(2024, 11, 18), "given", "2024-09")


# ------------------------------------------------------------------------------------------------------
# (6) Wire copy: robustness

def test_utc_stays_z():
    e = by_text("The strike began at 16:08 UTC on Monday.")["16:08 UTC on Monday"]
    assert e.value == "2024-11-18T16:08Z" and "UTC" in e.reasoning
    assert got("Sirens sounded at 0600 GMT.") == [("0600 GMT", "2024-11-20T06:00Z")]
    # local times carry no zone
    assert got("The talks resumed at 14:05 local time.") == [("14:05 local time", "2024-11-20T14:05")]


def test_two_digit_years_and_decades():
    assert got("He first served in '98 and again since '03.") == [("'98", "1998"), ("'03", "2003")]
    assert got("The music of the '70s came back.") == [("the '70s", "197")]
    assert got("The class of '72 met again.") == [("'72", "1972")]
    # an apostrophe that is no year
    assert got("Rock 'n' roll and the 45s sold well.") == []


def test_timex3_decade_and_century_values():
    e = by_text("In the 1930s the army grew. In the 19th century it was small.")
    assert (e["the 1930s"].value, e["the 1930s"].earliest, e["the 1930s"].latest) == ("193", "1930-01-01", "1939-12-31")
    assert (e["the 19th century"].value, e["the 19th century"].earliest) == ("18", "1800-01-01")


def test_the_centurys_ordinal_is_the_last_one_written():
    # the first ordinal belongs to the half: "the first half of the third century" is the 3rd century
    e = by_text("The wall went up in the first half of the third century and fell in the second half of the "
                "fourth century.")
    third, fourth = e["the first half of the third century"], e["the second half of the fourth century"]
    assert (third.value, third.mod, third.earliest) == ("02", "START", "0200-01-01")
    assert (fourth.value, fourth.mod, fourth.latest) == ("03", "END", "0399-12-31")


def test_fractions_are_not_durations():
    assert got("About a quarter of the troops left and half of the day's supplies were lost.") == []
    assert got("A third of the city was destroyed.") == []


def test_september_11_as_the_name_of_the_attacks():
    assert got("After the September 11 attacks the alliance invoked Article 5.") == [("September 11", "2001-09-11")]
    assert got("Since the Sept. 11 terrorist attacks, flights are checked.") == [("Sept. 11", "2001-09-11")]
    # a September 11 that is a day like any other
    assert got("On September 11 the army entered the town.") == [("September 11", "2024-09-11")]
    assert got("Since 9/11 the rules have changed.") == [("9/11", "2001-09-11")]
    assert got("The score was 19/11 at half time.") == []


# ------------------------------------------------------------------------------------------------------
# (2) BC dates with an interval

def test_bc_years_ranges_months_decades_centuries():
    e = by_text("The Ionian Revolt (499–493 BC) failed. In April 480 BC Xerxes crossed the strait. "
                "In the 470s BC Athens built a fleet. The 5th century BC saw long wars.", READ, narrative=True)
    assert (e["499"].value, e["499"].earliest, e["499"].latest) == ("BC0499", "-0498-01-01", "-0498-12-31")
    assert (e["493 BC"].value, e["493 BC"].earliest) == ("BC0493", "-0492-01-01")
    assert (e["April 480 BC"].value, e["April 480 BC"].earliest, e["April 480 BC"].latest) == \
        ("BC0480-04", "-0479-04-01", "-0479-04-30")
    assert (e["the 470s BC"].value, e["the 470s BC"].earliest, e["the 470s BC"].latest) == \
        ("BC047", "-0478-01-01", "-0469-12-31")
    assert (e["5th century BC"].value, e["5th century BC"].earliest, e["5th century BC"].latest) == \
        ("BC04", "-0499-01-01", "-0400-12-31")
    # February of a leap year before the era (1 BC is the astronomical year 0, a leap year)
    e = tag("In February 1 BC the envoys arrived.", READ, language="en")[0]
    assert (e.value, e.latest) == ("BC0001-02", "0000-02-29")


def test_bc_years_anchor_what_follows():
    e = by_text("Xerxes invaded Greece in 480 BC. Ten years later Athens ruled the sea.", READ, narrative=True)
    assert (e["Ten years later"].value, e["Ten years later"].earliest) == ("BC0470", "-0469-01-01")
    assert "BC0480" in e["Ten years later"].reasoning
    # across the start of the era there is no year 0: 5 BC + 10 years is AD 6
    e = by_text("The town was founded in 5 BC. Ten years later it was walled.", READ, narrative=True)
    assert (e["Ten years later"].value, e["Ten years later"].earliest) == ("0006", "0006-01-01")
    # a date of the era after a BC one moves the story back into the calendar
    e = by_text("Rome fell to the Gauls in 390 BC. In 1944 the city was liberated. Two years later it voted.",
                READ, narrative=True)
    assert e["Two years later"].value == "1946"


# ------------------------------------------------------------------------------------------------------
# (3) Offsets from a happening

def test_offsets_from_a_happening_the_text_dated():
    text = ("The invasion began on 24 February 2022. Fighting spread east. "
            "Two days after the invasion, the capital was shelled.")
    e = by_text(text)["Two days after the invasion"]
    assert (e.type, e.value) == ("DATE", "2022-02-26")
    assert "invasion" in e.reasoning and "2022-02-24" in e.reasoning
    e = by_text("The election was held on 3 March 2024. Three weeks before the election, the polls closed.")
    assert e["Three weeks before the election"].value == "2024-W06"


def test_offsets_in_a_history_count_from_the_last_day_given():
    text = "The armistice was signed on 3 March 1918. Four months before the truce, the front had broken."
    e = by_text(text, READ, narrative=True)["Four months before the truce"]
    assert e.value == "1917-11" and "last day" in e.reasoning
    # a vague count is a band after the last day, with the vague TIMEX3 value
    e = by_text("The fleet sailed on 5 June 1944. A few weeks later the port was open.", READ, narrative=True)
    w = e["A few weeks later"]
    assert (w.value, w.earliest, w.latest) == ("FUTURE_REF", "1944-06-19", "1944-07-17")


def test_offsets_that_stay_durations():
    # news, and the happening is not dated in the text: TimeML's duration
    assert got("Two days after the election, the president spoke.") == [("Two days", "P2D")]
    # a date given just before: the offset is a length between two happenings
    e = by_text("A ceasefire was agreed on 11 November 1938, ten months after the first shelling.", READ,
                narrative=True)
    assert e["ten months"].value == "P10M"
    # a period, not a day
    e = by_text("The war began on 1 May 1915. In the three months before the offensive, supplies ran low.",
                READ, narrative=True)
    assert e["the three months"].value == "P3M"


# ------------------------------------------------------------------------------------------------------
# (4) Anaphora

def test_the_day_that_day_the_same_time_the_months_end():
    e = by_text("Shares rose 3% on Tuesday. The index ended the day at 1,200.")
    assert e["the day"].value == "2024-11-19"
    e = by_text("On 5 June 1944 the fleet sailed. That day the weather was poor. At the same time the bombers "
                "left. By the month's end the beachhead held.", READ, narrative=True)
    assert e["That day"].value == "1944-06-05"
    assert e["the same time"].value == "1944-06-05"
    m = e["the month's end"]
    assert (m.value, m.mod, m.earliest, m.latest) == ("1944-06", "END", "1944-06-21", "1944-06-30")
    # "at the same time" as a connective, and in news, is no date
    assert got("At the same time, the bank raised its rates.") == []
    assert got("The day was long and the night was cold.") == []


# ------------------------------------------------------------------------------------------------------
# (5) Whole expressions and both ends of ranges

def test_whole_expressions():
    e = by_text("The king fled on the night of 20 June 1791.", READ)
    n = e["the night of 20 June 1791"]
    assert (n.type, n.value, n.earliest, n.latest) == ("TIME", "1791-06-20TNI", "1791-06-20T21:00", "1791-06-20T23:59")
    e = by_text("Sunday dawn of 25 June 1950 the attack began.", READ)
    assert e["Sunday dawn of 25 June 1950"].value == "1950-06-25TMO"
    assert got("In the autumn of 2007 the bank failed.", READ) == [("the autumn of 2007", "2007-FA")]
    assert got("The 1982 summer was hot.", READ) == [("1982 summer", "1982-SU")]
    # a year before an ordinary noun is not a season
    assert got("In 2019 spring water was scarce.", READ) == [("2019", "2019")]
    # in news without a year "the night of" stays outside, as the TimeML corpora annotate it
    assert got("Shelling started on the night of Oct. 23.", NEWS) == [("Oct. 23", "2024-10-23")]


def test_both_ends_of_ranges():
    assert got("The offensive of August–September 1950 stalled.", READ) == [
        ("August", "1950-08"), ("September 1950", "1950-09")]
    assert got("The uprising (10–18 June 1953) was crushed.", READ) == [
        ("10", "1953-06-10"), ("18 June 1953", "1953-06-18")]
    assert got("Talks ran June 10-12, 1944.", READ) == [("June 10", "1944-06-10"), ("12, 1944", "1944-06-12")]
    # the next day counts from the range's last day
    assert got("The battle raged on 7–9 June 1944. The next day it rained.", READ)[-1] == ("The next day", "1944-06-10")


def test_february_29_in_a_year_without_one():
    e = by_text("The treaty was signed on February 29, 2023.", READ)
    f = e["February 29, 2023"]
    assert (f.value, f.granularity) == ("2023-02", "month") and "no 29 February" in f.reasoning
    assert got("It was signed on 29 February 2024.", READ) == [("29 February 2024", "2024-02-29")]
    # without a year: the nearest leap year
    assert got("The vote was held on February 29.", date(2025, 6, 20)) == [("February 29", "2024-02-29")]


# ------------------------------------------------------------------------------------------------------
# (1) Narrative time

def test_a_year_in_passing_does_not_move_the_story():
    text = ("In July 1940 the air battle began. The raids were the first since 1813. In June the navy had "
            "sailed. In September the bombing of the capital began.")
    assert got(text, READ, narrative=True)[1:] == [("1813", "1813"), ("June", "1940-06"), ("September", "1940-09")]
    text = "In March 1941 the division moved east. Remains found in 2004 were identified. In June it crossed the river."
    assert got(text, READ, narrative=True)[-1] == ("June", "1941-06")
    text = "The Treaty of 1783 was recalled. In March 1941 the army moved. The Act of 1911 was suspended. In May it attacked."
    assert got(text, READ, narrative=True)[-1] == ("May", "1941-05")


def test_the_end_of_a_range_of_years_does_not_move_the_story():
    assert got("The war lasted from 1939–1945. In May the guns fell on Warsaw.", READ, narrative=True)[-1] == \
        ("May", "1939-05")


def test_the_mode_is_decided_per_passage():
    years = "\n".join(f"In {y} the council of Vorn met again and changed the law." for y in range(1912, 1934))
    history = ("The Siege of Vorn began on 3 March 1912.\n" + years + "\n"
               "In October 1934 the last garrison left. In March the old walls were demolished.\n"
               "The museum reopened yesterday, its director said on Monday.")
    values = [(x.text, x.value) for x in tag(history, NEWS, language="en")]
    assert ("March", "1935-03") in values          # the history: after October 1934, March is the next one
    assert ("yesterday", "2024-11-19") in values   # the news paragraph: against the publication date
    assert ("Monday", "2024-11-18") in values
    # told it is a narrative throughout, the last paragraph follows the story
    told = [(x.text, x.value) for x in tag(history, NEWS, language="en", narrative=True)]
    assert ("yesterday", "2024-11-19") not in told
    # a "yesterday" inside a quotation does not make its paragraph news
    quoted = history.replace("The museum reopened yesterday, its director said on Monday.",
                             'A veteran wrote: "yesterday the walls came down".')
    assert ("yesterday", "2024-11-19") not in [(x.text, x.value) for x in tag(quoted, NEWS, language="en")]


def test_months_before_the_story_month():
    # shortly before: a look back in the same year
    assert got("In July 1940 the air battle began. In June the navy had sailed.", READ, narrative=True)[-1] == \
        ("June", "1940-06")
    # far before: the story has moved on into the next year
    assert got("In December 1941 the offensive stalled. In January the counter-attack began.", READ,
               narrative=True)[-1] == ("January", "1942-01")
    # a year that opens its sentence moves the story, however far
    assert got("In 1914 the war began. In 1939 another began. In May it spread.", READ, narrative=True)[-1] == \
        ("May", "1939-05")


# ------------------------------------------------------------------------------------------------------
# BC days and millennia

def test_a_bc_day_is_one_expression_with_a_day_interval():
    for text, written in (("On 15 March 44 BC Caesar was killed.", "15 March 44 BC"),
                          ("Caesar was killed on March 15, 44 BC.", "March 15, 44 BC"),
                          ("Caesar was killed on the Ides of March 44 BC.", "the Ides of March 44 BC"),
                          ("On the 15th of March, 44 B.C. Caesar was killed.", "the 15th of March, 44 B.C.")):
        e = tag(text, READ, language="en")
        assert [(x.text, x.value, x.earliest, x.latest, x.granularity) for x in e] == \
            [(written, "BC0044-03-15", "-0043-03-15", "-0043-03-15", "day")], text
    # the Roman days: the Ides are the 13th and the Nones the 5th except in March, May, July and October
    assert got("On the Ides of April 44 BC the heirs met. On the Nones of July 44 BC the games began.", READ) == \
        [("the Ides of April 44 BC", "BC0044-04-13"), ("the Nones of July 44 BC", "BC0044-07-07")]
    # a day the month does not have is the month (45 BC, the astronomical year -44, is a leap year)
    e = tag("The fleet sailed on 31 April 44 BC.", READ, language="en")[0]
    assert (e.text, e.value, e.granularity) == ("31 April 44 BC", "BC0044-04", "month")
    assert "no day 31" in e.reasoning
    assert tag("On 29 February 45 BC the calendar changed.", READ, language="en")[0].latest == "-0044-02-29"
    assert tag("On 29 February 44 BC the calendar changed.", READ, language="en")[0].value == "BC0044-02"
    # early / late narrow a BC month
    e = tag("In late February 1 BC the envoys arrived.", READ, language="en")[0]
    assert (e.value, e.mod, e.earliest, e.latest) == ("BC0001-02", "END", "0000-02-21", "0000-02-29")


def test_a_bc_day_anchors_what_follows():
    e = by_text("On 15 March 44 BC Caesar was killed. Two days later the Senate met. The next day the will was "
                "read. That day the crowd rioted. Three days earlier he had dined with Lepidus.", READ)
    assert (e["Two days later"].value, e["Two days later"].earliest) == ("BC0044-03-17", "-0043-03-17")
    assert e["Two days later"].anchor == "-0043-03-15"
    assert e["The next day"].value == "BC0044-03-18"
    assert e["That day"].value == "BC0044-03-18"
    assert e["Three days earlier"].value == "BC0044-03-15"     # a look back: the story stays at the 18th
    # weeks and months at their own granularity, in the BC year
    e = by_text("On 15 March 44 BC Caesar was killed. Two weeks later Brutus left. Three months later Octavian "
                "arrived. The following year the war began.", READ)
    assert (e["Two weeks later"].value, e["Two weeks later"].earliest, e["Two weeks later"].latest) == \
        ("BC0044-W13", "-0043-03-25", "-0043-03-31")     # the ISO week, Monday to Sunday
    assert e["Three months later"].value == "BC0044-06"
    assert e["The following year"].value == "BC0043"
    # across the start of the era: the day after 31 December 1 BC is 1 January AD 1
    e = by_text("The decree was dated 31 December 1 BC. Two days later it was read.", READ)
    assert (e["Two days later"].value, e["Two days later"].earliest) == ("0001-01-02", "0001-01-02")


def test_months_without_a_year_after_a_bc_date():
    e = by_text("In April 480 BC the Persians crossed the strait. In August they burned Athens. "
                "On 3 January the fleet sailed home. In February it rested.", READ)
    assert (e["August"].value, e["August"].earliest) == ("BC0480-08", "-0479-08-01")
    assert e["3 January"].value == "BC0479-01-03"       # far before August: the story has moved into 479 BC
    assert e["February"].value == "BC0479-02"            # a month after the story's January, same year
    assert got("In 480 BC the Persians came. In August they burned Athens.", READ)[-1] == ("August", "BC0480-08")
    # a date of the era after the BC story: the usual rules again
    assert got("In 480 BC the Persians came. In 1944 the city was freed. In August it voted.", READ,
               narrative=True)[-1] == ("August", "1944-08")


def test_millennia():
    cases = {
        "the 2nd millennium BC": ("BC1", "-1999-01-01", "-1000-12-31"),
        "the 3rd millennium BC": ("BC2", "-2999-01-01", "-2000-12-31"),
        "the first millennium BC": ("BC0", "-0999-01-01", "0000-12-31"),
        "the first millennium": ("0", "0001-01-01", "0999-12-31"),
        "the 1st millennium AD": ("0", "0001-01-01", "0999-12-31"),
        "the second millennium": ("1", "1000-01-01", "1999-12-31"),
        "the third millennium": ("2", "2000-01-01", "2999-12-31"),
    }
    for written, want in cases.items():
        e = tag(f"Towns grew during {written}, the survey says.", READ, language="en")
        assert [(x.text, x.value, x.earliest, x.latest, x.granularity) for x in e] == \
            [(written, *want, "millennium")], written
    e = tag("In the late 2nd millennium BC the palaces burned.", READ, language="en")[0]
    assert (e.value, e.mod, e.earliest, e.latest) == ("BC1", "END", "-1332-01-01", "-1000-12-31")
    # a BC millennium is where the story is: "Ten centuries later" counts from its first year
    e = by_text("Farming reached the valley in the 5th millennium BC. Ten centuries later copper came.", READ)
    assert e["Ten centuries later"].value == "BC4000"
    # a count of millennia stays a duration
    assert got("It took two millennia to build.", READ) == [("two millennia", "P2000Y")]


def test_both_millennia_of_a_pair():
    # the era written once, after both: both are BC, each with the single form's value and interval
    e = tag("Bronze came to the coast in the 2nd and 1st millennia BC.", READ, language="en")
    assert [(x.text, x.value, x.earliest, x.latest, x.granularity) for x in e] == [
        ("the 2nd", "BC1", "-1999-01-01", "-1000-12-31", "millennium"),
        ("1st millennia BC", "BC0", "-0999-01-01", "0000-12-31", "millennium")]
    e = tag("Towns grew in the first and second millennia, the survey says.", READ, language="en")
    assert [(x.text, x.value, x.earliest, x.latest) for x in e] == [
        ("the first", "0", "0001-01-01", "0999-12-31"), ("second millennia", "1", "1000-01-01", "1999-12-31")]
    assert got("Trade grew in the 1st–2nd millennia AD.", READ) == [("the 1st", "0"), ("2nd millennia AD", "1")]
    e = tag("Palaces burned in the late 2nd and early 1st millennia BC.", READ, language="en")
    assert [(x.text, x.value, x.mod, x.earliest) for x in e] == [
        ("the late 2nd", "BC1", "END", "-1332-01-01"), ("early 1st millennia BC", "BC0", "START", "-0999-01-01")]
    # the story is at the later millennium's first year, as after "the 1st millennium BC"
    e = by_text("Farming spread in the 5th and 4th millennia BC. Ten centuries later copper came.", READ)
    assert e["Ten centuries later"].value == "BC3000"
    # without a pair "millennia" is no date
    assert got("There were no first millennia.", READ) == []


def test_both_millennia_of_a_pair_with_the_noun_in_the_singular():
    # "the first and second millennium": the noun written once, in the singular, names both (issue 17)
    e = tag("Towns grew in the first and second millennium, the survey says.", READ, language="en")
    assert [(x.text, x.value, x.earliest, x.latest, x.granularity) for x in e] == [
        ("the first", "0", "0001-01-01", "0999-12-31", "millennium"),
        ("second millennium", "1", "1000-01-01", "1999-12-31", "millennium")]
    # the era written once, after both: both are BC
    e = tag("Bronze came to the coast in the 2nd and 1st millennium BC.", READ, language="en")
    assert [(x.text, x.value, x.earliest, x.latest) for x in e] == [
        ("the 2nd", "BC1", "-1999-01-01", "-1000-12-31"), ("1st millennium BC", "BC0", "-0999-01-01", "0000-12-31")]
    assert got("Trade grew from the 1st to 2nd millennium AD.", READ) == [("the 1st", "0"), ("2nd millennium AD", "1")]
    # an ordinal alone before a single millennium stays out of it
    assert got("It was the first time in the second millennium that the river froze.", READ) == [
        ("the second millennium", "1")]


# ------------------------------------------------------------------------------------------------------
# A history told inside a news report: the passage follows its story, the news around it the publication date

NEWS_WITH_HISTORY = (
    "BAGHDAD, Nov. 20 - The embassy said on Tuesday that it would add staff.\n\n"
    "In July 1990, Iraqi troops massed on the border. Diplomats were alarmed. Few believed an attack would "
    "come. In August, the troops crossed into Kuwait.\n"
    "In January, the air war began.\n"
    "The ground war was short. The army fled north. In the spring the rebels rose in the south.\n"
    "The embassy will reopen its consular section in December. Its staff visited the border in March.")


def test_a_history_passage_in_news_follows_its_story():
    e = by_text(NEWS_WITH_HISTORY)
    assert e["August"].value == "1990-08"              # three sentences after July 1990, the same story
    assert e["January"].value == "1991-01"             # a paragraph that opens with "In January,": carried on
    assert e["the spring"].value == "1991-SP"          # a paragraph told in the past only: carried on
    # the news around it: against the publication date
    assert e["Tuesday"].value == "2024-11-19"
    assert e["December"].value == "2024-12"
    assert e["March"].value == "2024-03"
    # an anniversary's "ago" introduces the history, it does not make the paragraph news
    e = by_text(NEWS_WITH_HISTORY.replace("In July 1990, Iraqi", "Thirty-four years ago, in July 1990, Iraqi"))
    assert e["August"].value == "1990-08"
    # a quoted "today" in the passage is the day of the report
    quoted = by_text(NEWS_WITH_HISTORY.replace("Diplomats were alarmed.", '"Today we remember it," a diplomat said.'))
    assert (quoted["Today"].value, quoted["August"].value) == ("2024-11-20", "1990-08")
    # without the passage rule, August would be the one before publication (the year reaches one sentence)
    assert by_text(NEWS_WITH_HISTORY.replace("In July 1990", "In July"))["August"].value == "2024-08"


def test_what_does_not_make_a_history_passage():
    # a year in a clause about something else
    text = ("WASHINGTON, Nov. 20 - The company bought back shares this week.\n"
            "Under a program approved by the board in 1987, it had bought 481,000 shares through Sept. 29.")
    assert got(text)[-1] == ("Sept. 29", "2024-09-29")
    # (the texts below open with news, so that the text as a whole is read as news)
    lead = "BAGHDAD, Nov. 20 - The embassy said on Tuesday that it would add staff.\n"
    # a news cue in the paragraph keeps it news
    text = lead + ("In July 1990, Iraqi troops massed on the border. Diplomats were alarmed. Few believed an attack "
                   "would come. In August, officials said yesterday, the plan was ready.")
    assert by_text(text)["August"].value == "2024-08"
    # a recent year ends the passage: what follows is news again
    text = lead + ("In July 1990, Iraqi troops massed on the border. Diplomats were alarmed. In 2024 the embassy "
                   "reopened. Its staff is small. Officials visited the border in March.")
    assert by_text(text)["March"].value == "2024-03"
    # a paragraph in the present or future tense does not carry the history on
    text = lead + ("In July 1990, Iraqi troops massed on the border.\n"
                   "The embassy will reopen its consular section in December.")
    assert by_text(text)["December"].value == "2024-12"


# ------------------------------------------------------------------------------------------------------
# More of the items checked on sentences of our own

def test_seasons_and_months_counted_after_a_bc_date():
    e = by_text("In 490 BC the Persians landed. In the autumn they sailed home. That winter it rained. "
                "The following spring they came back.", READ)
    assert (e["the autumn"].value, e["the autumn"].earliest, e["the autumn"].latest) == \
        ("BC0490-FA", "-0489-09-01", "-0489-11-30")
    assert (e["That winter"].value, e["That winter"].latest) == ("BC0490-WI", "-0488-02-29")   # 489 BC: leap year
    assert e["The following spring"].value == "BC0489-SP"
    # "the fall in prices" is no season, before the era either
    assert got("In 490 BC the fall in prices was steep.", READ) == [("490 BC", "BC0490")]
    # months counted from a BC month
    e = by_text("Caesar crossed the Rubicon in January 49 BC. Two months later he held Rome.", READ)
    assert (e["Two months later"].value, e["Two months later"].anchor) == ("BC0049-03", "-0048-01-01")


def test_an_approximate_bc_range_and_days_of_early_years_of_the_era():
    e = tag("Ramesses II reigned c. 1279–1213 BC.", READ, language="en")
    assert [(x.text, x.value, x.mod) for x in e] == [("c. 1279", "BC1279", "APPROX"), ("1213 BC", "BC1213", None)]
    e = by_text("On 24 August AD 79 Vesuvius erupted. Two days later the ash fell on Naples.", READ)
    assert (e["24 August AD 79"].value, e["24 August AD 79"].granularity) == ("0079-08-24", "day")
    assert e["Two days later"].value == "0079-08-26"
    assert got("Vesuvius erupted on August 24, 79 AD.", READ) == [("August 24, 79 AD", "0079-08-24")]
    assert got("Vesuvius erupted in August AD 79.", READ) == [("August AD 79", "0079-08")]
    assert got("Vesuvius erupted in August 79 AD.", READ) == [("August 79 AD", "0079-08")]
    # a day before "AD" of a name is a day of the reference's year, not a month of the year 3
    assert got("On March 3 AD Ventures said it would buy.", READ) == [("March 3", "2024-03-03")]


def test_both_centuries_of_a_pair():
    assert got("Cities grew in the 20th and 21st centuries.") == [("the 20th", "19"), ("21st centuries", "20")]
    assert got("Trade grew in the 18th–19th centuries.") == [("the 18th", "17"), ("19th centuries", "18")]
    e = tag("Athens flourished in the 5th and 4th centuries BC.", READ, language="en")
    assert [(x.text, x.value, x.earliest) for x in e] == [("the 5th", "BC04", "-0499-01-01"),
                                                         ("4th centuries BC", "BC03", "-0399-01-01")]
    assert got("There were no 20th centuries.") == []


def test_days_months_and_seasons_written_with_or_after_a_bc_year():
    e = by_text("In the summer of 480 BC Xerxes came. That September he burned Athens.", READ)
    assert (e["the summer of 480 BC"].value, e["the summer of 480 BC"].earliest, e["the summer of 480 BC"].latest) \
        == ("BC0480-SU", "-0479-06-01", "-0479-08-31")
    assert e["That September"].value == "BC0480-09"
    e = by_text("In 480 BC Xerxes came. On 3 August he burned Athens. On the 5th he left. The following March "
                "he returned.", READ)
    assert e["3 August"].value == "BC0480-08-03"
    assert e["the 5th"].value == "BC0480-08-05"
    assert e["The following March"].value == "BC0479-03"


def test_a_story_that_crosses_into_the_era():
    e = by_text("The census began in December 1 BC. In January the officials counted. Two days later they "
                "rested.", READ)
    assert (e["January"].value, e["January"].earliest) == ("0001-01", "0001-01-01")   # no year 0
    assert e["Two days later"].granularity == "month"      # as after any month of the era: a band
    e = by_text("The walls were built in 1 BC. The following winter they cracked.", READ)
    assert (e["The following winter"].value, e["The following winter"].earliest) == ("0001-WI", "0001-12-01")
    assert got("In December 480 BC the fleet sailed. The previous March it was built.", READ)[-1] == \
        ("The previous March", "BC0480-03")
