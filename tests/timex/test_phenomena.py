"""What a user cares about: tense, vague dates, no false alarms, narrative anchoring."""
from datetime import date

import pytest

from viewer.timex import resolve_document, tag

REF = date(2024, 11, 20)  # a Wednesday


def values(text, ref=REF, **kw):
    return [(e.text, e.value) for e in tag(text, ref, **kw)]


def one(text, ref=REF, **kw):
    got = tag(text, ref, **kw)
    assert len(got) == 1, got
    return got[0]


def test_tense_decides_weekday_direction():
    assert one("The minister said Friday that talks failed.").value == "2024-11-15"
    assert one("The ministers will meet Friday in Brussels.").value == "2024-11-22"


@pytest.mark.parametrize("text", [
    "Troops may advance.", "They march in protest.", "He sat down.", "The Sun reported it.",
    "The vote won 2019 votes.", "About 1,500 troops crossed.", "The deal is worth 100M.",
    "It was the second attempt.", "Prices fall in winter markets.", "The wed couple left.",
    "Russia fired 300 drones.", "The law has 1944 articles and pages.",
])
def test_no_false_alarms(text):
    assert tag(text, REF) == []


def test_may_and_march_as_months():
    assert values("Elections were held in May.") == [("May", "2024-05")]
    assert values("The offensive began on March 3, 2022.") == [("March 3, 2022", "2022-03-03")]


def test_vague_dates_are_bands():
    e = one("The attack came in September.")
    assert (e.value, e.earliest, e.latest) == ("2024-09", "2024-09-01", "2024-09-30")
    e = one("Fighting intensified in early March.")
    assert e.value == "2024-03" and e.mod == "START" and e.earliest == "2024-03-01"


def test_durations_and_refs():
    e = one("Losses rose over the past three months.")
    assert (e.type, e.value) == ("DURATION", "P3M")
    assert one("The front is now quiet.").value == "PRESENT_REF"
    assert one("Kyiv recently asked for more.").value == "PAST_REF"
    assert one("The town fell a year ago.").value == "2023"


def test_quarters_halves_decades_centuries():
    assert one("Output fell in the third quarter of 2024.").value == "2024-Q3"
    assert one("Sales grew in the first half of 2024.").value == "2024-H1"
    assert one("The war of the 1990s was brutal.").value == "199"
    assert one("Empires fell in the 20th century.").value == "19"


def test_since_and_years():
    assert values("Russia has occupied Crimea since 2014.") == [("2014", "2014")]


def test_approx_mod():
    e = one("The siege lasted about three years.")
    assert e.type == "DURATION" and e.value == "P3Y" and e.mod == "APPROX"


def test_narrative_anchoring():
    text = "In 1944, the Allies landed in Normandy. In March, the offensive stalled. Two days later it resumed."
    got = tag(text, date(2020, 1, 1), narrative=True)
    vals = {e.text: e.value for e in got}
    assert vals["1944"] == "1944"
    assert vals["March"] == "1944-03"


def test_that_october_follows_the_story():
    got = {e.text: e.value for e in tag("The treaty was signed in 1939. That October, troops moved.", date(2020, 1, 1))}
    assert got["That October"] == "1939-10"


def test_sets_and_times():
    assert one("Convoys run daily.").type == "SET"
    e = one("The strike hit at 3 p.m. yesterday.")
    assert e.type == "TIME" and e.value == "2024-11-19T15:00"


@pytest.mark.parametrize("text", [
    "Theresa May said the deal was done.", "May I ask a question?", "Every now and then a shell lands.",
    "Route 1944 is closed.", "Saturday Night Live was cancelled.", "It cost 2019 dollars.",
    "The 2019 votes were counted.", "a 3:1 ratio", "Spring water is sold here.", "The fall of Bakhmut shocked Kyiv.",
    "Wait a second.", "Protesters sat down on Sat. and Sun.",
])
def test_more_ordinary_words(text):
    assert tag(text, REF) == []


def test_position_modifiers_are_bands():
    e = one("Talks resume in late March 2025.")
    assert (e.value, e.mod) == ("2025-03", "END") and e.earliest == "2025-03-22" and e.latest == "2025-03-31"
    e = one("Fighting eased in mid-2023.")
    assert (e.value, e.mod) == ("2023", "MID")


def test_calendar_units():
    assert one("Revenue rose in Q3 2024.").value == "2024-Q3"
    assert one("The budget for fiscal 2024 was cut.").value == "2024"
    assert one("The truce held over Christmas 2022.").value == "2022-12-25"
    e = one("Kyiv was shelled this weekend.")
    assert e.value == "2024-W46-WE"   # REF is Wednesday 20 Nov: the weekend just past, in the past tense
    assert one("They will meet next weekend.").value == "2024-W48-WE"


def test_weekday_date_with_year_is_explicit():
    e = one("On Monday, November 18, 2019, the talks failed.")
    assert e.value == "2019-11-18"


def test_offsets():
    assert one("The city fell three days ago.").value == "2024-11-17"
    assert one("The town fell two weeks ago.").value == "2024-W45"
    e = one("Shelling resumed a few days later.")
    assert e.type == "DURATION" and e.value == "PXD"


def test_histories_are_read_as_narratives():
    from viewer.timex import resolve_document
    text = ("The Battle of Kursk began in July 1943. Two days later, Soviet forces counterattacked. "
            "In 1944, the Red Army launched Operation Bagration. In March, the offensive stalled. "
            "The war in Europe ended on 8 May 1945, and the next day celebrations began.")
    ref, source, exprs = resolve_document(text, None)
    got = {e.text: e for e in exprs}
    later = got["Two days later"]
    # July 1943 is known to the month only: the result is a band, never a made-up day
    assert later.granularity == "month" and later.earliest == "1943-07-03" and later.latest == "1943-08-02"
    assert got["March"].value == "1944-03"
    assert got["the next day"].value == "1945-05-09"


def test_encyclopedia_phenomena():
    got = {e.text: e for e in tag("The war lasted 1939-1945. Thermopylae fell in 480 BC. "
                                  "The landings of 6–9 June 1944 succeeded.", date(2020, 1, 1))}
    assert got["1939"].value == "1939" and got["1945"].value == "1945"
    # BC years have an interval: ISO astronomical years (480 BC is year -479)
    assert (got["480 BC"].value, got["480 BC"].earliest, got["480 BC"].latest) == ("BC0480", "-0479-01-01", "-0479-12-31")
    # both ends of a day range are dated
    assert (got["6"].value, got["9 June 1944"].value) == ("1944-06-06", "1944-06-09")
    assert tag("Order No. 12-1998 was issued.", date(2020, 1, 1)) == []


def test_war_news_phrases():
    got = {e.text: e for e in tag("After 1,000 days of war, Kyiv still stands. Over the past 24 hours, "
                                  "50 drones were shot down. Talks may resume by the end of the year.", REF)}
    assert got["1,000 days"].value == "P1000D"
    assert got["the past 24 hours"].value == "PT24H"
    e = got["the end of the year"]
    assert (e.value, e.mod, e.earliest) == ("2024", "END", "2024-09-01")


def test_year_bands_and_newswire_positions():
    got = {e.text: e for e in tag("The war of 1939–45 ended. The 1986/87 crop was large. "
                                  "Stocks at end-March were low.", date(1987, 4, 1))}
    e = got["1939–45"]
    assert (e.value, e.earliest, e.latest) == ("1939", "1939-01-01", "1945-12-31")
    assert got["1986/87"].latest == "1987-12-31"
    assert (got["end-March"].value, got["end-March"].mod) == ("1987-03", "END")


def test_offsets_follow_the_latest_date_even_when_coarser():
    from viewer.timex import resolve_document
    text = ("On 30 September 2022, Russia annexed four oblasts. In August 2024, Ukraine launched an "
            "incursion. Two weeks later, Russian forces advanced.")
    _, _, exprs = resolve_document(text, None, today=date(2025, 6, 1))
    e = {x.text: x for x in exprs}["Two weeks later"]
    assert e.value == "2024-08" and e.earliest == "2024-08-15" and e.latest == "2024-09-14"


@pytest.mark.parametrize("text", [
    "He fought in the Winter War.", "It began after the Arab Spring.", "the Summer Olympics opened",
    "Black September attacked the athletes.", "the October Revolution spread", "He fought in the Six-Day War.",
    "the Hundred Years' War", "the Easter Rising failed",
])
def test_names_of_wars_and_events_are_not_dates(text):
    assert tag(text, date(2020, 1, 1)) == []


def test_narrative_seasons_move_forward():
    from viewer.timex import resolve_document
    text = ("The siege began on 8 September 1941. During the winter of 1941–42, many died. "
            "In the spring, the ice road reopened. That summer, the Germans prepared an assault. "
            "The siege was lifted on 27 January 1944.")
    ref, source, exprs = resolve_document(text, None, today=date(2025, 6, 1))
    got = {e.text: e.value for e in exprs}
    assert ref == date(1944, 1, 27)          # no dateline: the latest explicit date, read as a narrative
    assert got["the spring"] == "1942-SP" and got["That summer"] == "1942-SU"


def test_week_of_and_spoken_clock_times():
    got = {e.text: e.value for e in tag("A hearing is set for the week of March 6. He will leave at "
                                        "4 in the morning.", date(2000, 2, 24))}
    assert got["the week of March 6"] == "2000-W10"
    assert got["4 in the morning"] == "2000-02-24T04:00"


def test_tense_from_the_verb_before_the_expression():
    # REF is 2024-11-20: the verb before the expression decides, not a participle after it
    assert one("The airline will add routes to Asia by July in a hunt for markets untouched by the slump.").value == "2025-07"
    # "will be named": a passive participle is not a past tense
    assert one("She will be named envoy for a conference in August.").value == "2025-08"


def test_ahead_of_points_forward():
    # written on a Wednesday: "ahead of Sunday's vote" is the coming Sunday
    assert one("Parties campaigned hard ahead of Sunday's runoff.").value == "2024-11-24"
    # but "ahead of" elsewhere in the sentence says nothing about the weekday
    assert values("Ahead of the summit, the ministers met on Monday.") == [("Monday", "2024-11-18")]


def test_adjectival_expressions_leave_the_article_to_their_noun():
    got = values("The third-quarter deficit widened, and the year-ago figures were revised.", date(2024, 10, 30))
    assert got == [("third-quarter", "2024-Q3"), ("year-ago", "2023-Q3")]   # the same quarter a year before
    # "a year-earlier surplus" is the year-ago family, not a duration "a year"
    assert values("Exports fell from a year-earlier surplus.", date(2024, 10, 30)) == [("year-earlier", "2023")]
    # a whole temporal noun phrase keeps its article
    assert values("Output beat the year-ago second quarter.", date(2024, 10, 30))[0][0] == "the year-ago second quarter"


def test_earlier_and_later_stay_outside_a_weekday():
    e = one("Later Monday, the convoy reached the border.")
    assert (e.text, e.value) == ("Monday", "2024-11-18")


def test_bare_plural_units_are_vague_durations():
    got = values("For weeks the garrison held out; the town could fall within days or weeks.")
    assert got == [("weeks", "PXW"), ("days or weeks", "PXD")]
    assert values("Grain prices hit their highest level in years.") == [("years", "PXY")]
    assert values("The decades-long dispute flared after months of talks.") == [("decades-long", "PXDE"), ("months", "PXM")]
    # not a duration: "in years past", "after days" without "of", "the hours of darkness"
    assert tag("In years past the hours of darkness were feared.", REF) == []


def test_recurring_weekdays_and_vague_quantities():
    assert values("Ferries sail each Thursday and every Sunday.") == [("each Thursday", "XXXX-WXX-4"), ("every Sunday", "XXXX-WXX-7")]
    # the article is part of "a few" and "a couple of"
    assert values("The shelling lasted a few days, the siege a couple of years.") == [("a few days", "PXD"), ("a couple of years", "P2Y")]
    # "the past" before a count is not the vague past
    assert all(v != "PAST_REF" for _, v in values("Riots broke out in each of the past three summers."))


def test_fiscal_before_the_ordinal_quarter():
    got = values("Profit in the fiscal first quarter rose; fiscal second-quarter sales fell.", date(2024, 11, 2))
    assert [t for t, _ in got] == ["the fiscal first quarter", "fiscal second-quarter"]


def test_a_daily_newspaper_is_not_a_set():
    assert tag("The business daily Kommersant and the weekly Der Spiegel reported it.", REF) == []
    assert values("Convoys crossed daily.") == [("daily", "P1D")]


def test_todays_world_is_not_the_day():
    assert tag("Drones reshaped today's wars and today's modern armies.", REF) == []
    assert tag("Such views are rare in today's world and among today's young people.", REF) == []
    assert values("Today's talks in Geneva failed.") == [("Today", "2024-11-20")]


def test_scheduled_present_tense_points_forward():
    # written on Wednesday 2024-11-20: "meets Friday" is the coming Friday
    assert one("The council meets Friday to vote on the truce.").value == "2024-11-22"
    assert one("The two leaders meet separately Monday with the envoy.").value == "2024-11-25"


def test_split_year_winters():
    e = one("The front froze in the winter of 1941–42.")
    assert (e.text, e.value, e.latest) == ("the winter of 1941–42", "1941-WI", "1942-02-28")


def test_for_the_year_is_the_year_throughout_is_a_period():
    ref = date(2024, 11, 2)
    assert values("Profit fell from the year-earlier level and will be lower for the fiscal year.", ref)[-1] == ("the fiscal year", "2024")
    e = tag("Margins should improve throughout the year.", ref)[0]
    assert (e.type, e.value) == ("DURATION", "P1Y")
    e = tag("Sales for the year ended June 30 rose.", ref)[0]
    assert (e.type, e.value) == ("DURATION", "P1Y")


def test_a_name_with_a_number_is_not_a_year():
    assert tag("He founded a firm called Orion 1980 and backed the Vision 2030 plan.", REF) == []
    assert values("Berlin's 1989 protests grew; in 1989 the wall fell.") == [("1989", "1989"), ("1989", "1989")]


def test_one_day_after_a_modal_is_the_future():
    e = one("Refugees say they will one day return to their villages.")
    assert (e.type, e.value) == ("DATE", "FUTURE_REF")
    assert one("The ceasefire lasted one day.").value == "P1D"


def test_unit_long_adjectives_and_the_nth_day_today():
    got = values("A week-long truce followed the year-long blockade.")
    assert got == [("week-long", "P1W"), ("year-long", "P1Y")]
    got = values("Today is the 270th day of the siege.")
    assert got == [("Today", "2024-11-20"), ("the 270th day", "2024-11-20")]
    # in the past tense the count is not about the day of writing
    assert values("It was the third day of the siege.") == []


def test_holiday_weeks():
    e = one("Pilgrims gathered as Easter week began.", date(2025, 4, 14))
    assert (e.text, e.value) == ("Easter week", "2025-W16")   # Easter 2025 is Sunday 20 April


def test_coordinated_days_share_the_month():
    got = values("Envoys met in Geneva on March 3, 4 and 5, 2023.")
    assert got == [("March 3", "2023-03-03"), ("4", "2023-03-04"), ("5, 2023", "2023-03-05")]
    got = values("The summit was held on April 24 and 25.")
    assert got == [("April 24", "2024-04-24"), ("25", "2024-04-25")]
    assert values("Turnout rose on May 3 and 4 percent fewer voted.") == [("May 3", "2024-05-03")]


def test_coordinated_days_before_the_month():
    got = values("On 13 and 14 February 1945 the city burned.")
    assert got == [("13", "1945-02-13"), ("14 February 1945", "1945-02-14")]


def test_overnight_is_the_night_before_the_report():
    ref = date(2024, 3, 4)
    got = tag("Russia launched a drone attack overnight, officials said.", ref)
    assert [(e.text, e.type, e.value) for e in got] == [("overnight", "TIME", "2024-03-03TNI")]
    assert tag("An overnight-delivery firm opened.", ref) == []


def test_end_of_the_year_in_the_future_tense_is_the_reference_year():
    ref = date(2024, 3, 4)
    got = values("The offensive stalled by the autumn, and a decision on aid is due by the end of the year.", ref)
    assert got[-1] == ("the end of the year", "2024")


def test_half_of_a_decade():
    e = one("Arms sales grew through the last half of the '80s.", date(1989, 10, 26))
    assert (e.text, e.value, e.mod) == ("the last half of the '80s", "198", "END")


def test_a_plan_before_the_weekday_points_forward():
    # Wednesday 2024-11-20: the plan's event is ahead; "as planned" or a participle says nothing
    assert one("Veterans planned a march in the capital on Saturday.").value == "2024-11-23"
    assert one("The convoy planned to leave the port on Friday.").value == "2024-11-22"
    assert one("A vigil planned for Sunday was cancelled.").value == "2024-11-17"


def test_round_the_clock_idioms_are_not_periods():
    assert tag("Medics worked 24 hours a day, seven days a week.", REF) == []
    assert values("The evacuation took 24 hours.") == [("24 hours", "PT24H")]


def test_initials_titles_and_eed_words_do_not_break_tense():
    ref = date(2024, 10, 26)
    # "P." and "Mr." do not end the sentence; "succeed" is not a past tense
    assert one("Ms. Reyes will succeed Gen. Daniel P. Okafor Feb. 1, after Mr. Okafor retires.", ref).value == "2025-02-01"



def test_irregular_passive_participles_are_not_past():
    # "are held" is a present passive, not a past tense: "until Friday" is the coming Friday
    assert one("The results are held back until Friday.").value == "2024-11-22"


def test_a_past_event_in_a_month_still_ahead_is_last_years():
    ref = date(2024, 10, 27)
    # a lexical past verb: the January just past, even though next January is nearer
    assert one("In January, the ministry brought in a new commander.", ref).value == "2024-01"
    # a reporting verb often announces a plan: the nearest January stays
    assert one("The ministry said a new commander takes over in January.", ref).value == "2025-01"
    # adjectival participles ("a still unspecified date") are not past tenses
    assert one("Aid would arrive on a still unspecified date in January.", ref).value == "2025-01"


def test_a_past_verb_after_as_soon_as_takes_the_main_clause_time():
    # Wednesday: investors were likely to sell as soon as markets opened Monday → the coming Monday
    assert one("Investors were likely to sell as soon as markets opened Monday.").value == "2024-11-25"


def test_a_plan_in_the_past_perfect_is_over():
    # Wednesday: "had been due to expire Friday" was last Friday (the deadline was then moved)
    assert one("The ultimatum was extended; it had been due to expire Friday.").value == "2024-11-15"


def test_vague_durations_with_an_article():
    got = values("Over the years the town grew; in the weeks ahead it may fall.")
    assert got == [("the years", "PXY"), ("the weeks ahead", "PXW")]
    # anchored to an event or part of a noun phrase: not a vague duration
    assert tag("In the days before the shooting he hid; the last days of the siege were hard.", REF) == []


def test_hundreds_and_thousands_in_words_multiply():
    assert values("The fortress stood for two hundred years.") == [("two hundred years", "P200Y")]
    assert values("The city was founded three thousand years ago.") == [("three thousand years ago", "BC0977")]
    assert values("The walls stood for several hundred years.") == [("several hundred years", "PXY")]


def test_a_later_date_is_the_future():
    e = one("The talks will resume at a later date.")
    assert (e.text, e.value) == ("a later date", "FUTURE_REF")
    assert tag("The date of the vote was set.", REF) == []


def test_a_written_year_sets_the_year_of_the_next_bare_dates():
    ref = date(2024, 5, 1)
    assert values("In 2022, the army crossed the river. On March 3 it took the town.", ref) == [
        ("2022", "2022"), ("March 3", "2022-03-03")]
    assert values("In June 1941 Germany invaded the Soviet Union. On 22 June the attack began.", ref) == [
        ("June 1941", "1941-06"), ("22 June", "1941-06-22")]
    assert values("In 1944, the Allies landed in Normandy. In August they liberated Paris.", ref)[1] == ("August", "1944-08")
    assert values("In 2022, the army crossed the river. In the spring it took the town. That summer it withdrew.", ref)[1:] \
        == [("the spring", "2022-SP"), ("That summer", "2022-SU")]
    # a date resolved in that year keeps the story there
    got = values("Germany invaded Poland on 1 September 1939. Two days later Britain declared war. "
                 "On 17 September the Soviets invaded.", ref)
    assert got[1:] == [("Two days later", "1939-09-03"), ("17 September", "1939-09-17")]
    got = values("In June 1941 Germany invaded. That October the Germans reached Moscow. "
                 "The following spring they attacked again.", ref)
    assert got[1:] == [("That October", "1941-10"), ("The following spring", "1942-SP")]


def test_a_year_in_passing_leaves_news_dates_deictic():
    ref = date(2024, 2, 20)   # a Tuesday
    # weekdays stay deictic, the future stays ahead, and a year that does not locate an event
    # ("since 2014", "due 2030", "the 2014 law") does not move a later month-day
    assert values("In 2014 the rebels seized the airport. On Tuesday, officials said talks would resume.", ref)[1] \
        == ("Tuesday", "2024-02-20")
    assert values("The war began in 2014. It will report results on March 3.", ref)[1] == ("March 3", "2024-03-03")
    assert values("The firm has grown since 2014. On Feb. 2 it cut jobs.", ref)[1] == ("Feb. 2", "2024-02-02")
    assert values("The bonds due 2030 were sold. The rights expire Feb. 12.", ref)[1] == ("Feb. 12", "2024-02-12")
    # "said on March 3": the news being reported, not the year of the aside
    assert values("The company, which was founded in 1998, said on Feb. 2 that it would cut jobs.", ref)[1] \
        == ("Feb. 2", "2024-02-02")
    # two sentences or a paragraph later, the publication date is back
    assert values("In 2014 the rebels seized the airport. Talks failed. On Feb. 2 they attacked.", ref)[1] \
        == ("Feb. 2", "2024-02-02")
    assert values("In 2014 the rebels seized the airport.\n\nOn Feb. 2 they attacked.", ref)[1] == ("Feb. 2", "2024-02-02")


def test_ranges_as_timeml_annotates_them():
    ref = date(2024, 2, 20)
    # a range of amounts is one duration: the lower bound, mod EQUAL_OR_MORE
    for text, span, val in [("The repairs will take two to three weeks.", "two to three weeks", "P2W"),
                            ("It takes 10-12 weeks.", "10-12 weeks", "P10W"),
                            ("It took between two and three years.", "two and three years", "P2Y")]:
        e = one(text, ref)
        assert (e.text, e.type, e.value, e.mod) == (span, "DURATION", val, "EQUAL_OR_MORE")
    # a range of dates is two dates; a year written at the end applies to the start too
    assert values("The war lasted from 1941 to 1945.", ref) == [("1941", "1941"), ("1945", "1945")]
    assert values("They fought from June to August 1944.", ref) == [("June", "1944-06"), ("August 1944", "1944-08")]
    assert values("The battle raged from 1 July to 18 November 1916.", ref) == [
        ("1 July", "1916-07-01"), ("18 November 1916", "1916-11-18")]
    assert values("The siege lasted from December to February 1943.", ref)[0] == ("December", "1942-12")
    assert values("Fighting raged between March and May.", ref) == [("March", "2024-03"), ("May", "2024-05")]
    # both ends of a day range are dates of their own (issue 17)
    assert values("The talks ran March 3-5.", ref) == [("March 3", "2024-03-03"), ("5", "2024-03-05")]


def test_the_year_the_text_narrates_moves_forward():
    ref = date(2024, 5, 1)
    assert values("In December 1941 Japan attacked Pearl Harbor. On 3 January the Allies formed a command.", ref)[1] \
        == ("3 January", "1942-01-03")
    assert values("In June 1941 Germany invaded the Soviet Union. By December the offensive had stalled.", ref)[1] \
        == ("December", "1941-12")


HISTORY = ("Operation Barbarossa, the invasion of the Soviet Union, began on Sunday, 22 June 1941. In 1940 Hitler "
           "ordered plans. The pact had been signed in August 1939. The invasion began in June 1941. The first "
           "weeks went well. On 19 September Kiev fell. In January the front stabilised. Germany surrendered in 1945.")


def test_a_history_with_a_publication_date_follows_its_story():
    got = dict(values(HISTORY, date(2024, 3, 1)))
    assert got["19 September"] == "1941-09-19"   # two sentences after 'June 1941'
    assert got["January"] == "1942-01"            # the story moves forward
    # a news report with the same years but a deictic weekday stays with its publication date
    news = HISTORY.replace("The first weeks went well.", "Officials said on Tuesday the archive opened.")
    got = dict(values(news, date(2024, 3, 1)))
    assert got["Tuesday"] == "2024-02-27"
    # an explicit choice still wins
    assert dict(values(HISTORY, date(2024, 3, 1), narrative=False))["January"] == "2024-01"


def test_rates_are_not_time_expressions():
    # a quantity per unit is a rate, left out as in most of TimeBank; a frequency stays a SET
    for text in ["The plant saves $500 million a year.", "The route adds 700 seats a week.",
                 "Revenue should rise 8.5% annually.", "The plant would produce 10,000 units annually.",
                 "The reserve will be adjusted quarterly.", "Average daily volume was 133 million shares."]:
        assert tag(text, REF) == [], text
    assert values("The ministers meet twice a year.") == [("twice a year", "P1Y")]
    assert values("The paper appears daily.") == [("daily", "P1D")]


def test_the_next_year_after_a_date_is_a_date():
    ref = date(2024, 3, 20)
    assert values("In 2022 the army crossed the river. The next year it returned.", ref)[1] == ("The next year", "2023")
    assert values("The army crossed on March 3, 2022 and returned the next month.", ref)[1] == ("the next month", "2022-04")
    # a period ahead stays a duration
    assert values("Prices will rise over the next month.", ref) == [("the next month", "P1M")]


def test_a_story_with_today_in_it_keeps_its_year_a_little_longer():
    text = ("In June 1941 Germany invaded the Soviet Union. Three million men crossed the border. "
            "The Red Army was surprised. On 22 June the attack began. In 1943 the tide turned. Germany lost in 1945. "
            "Today the battlefields are museums.")
    got = dict(values(text, date(2024, 3, 1)))
    assert got["22 June"] == "1941-06-22"
    assert got["Today"] == "2024-03-01"   # not a narrative: today is the day of writing


def test_the_foreseeable_future_is_an_idiom():
    # "for the foreseeable future" means indefinitely: untagged in the development set (2 of 2)
    assert tag("Troops will stay in the region for the foreseeable future.", REF) == []
    assert values("Talks will resume in the near future.") == [("the near future", "FUTURE_REF")]


def test_fractions_and_ages_are_not_dates():
    assert tag("Banks hold more than a quarter of the entire market.", REF) == []
    assert tag("If I were choosing the people of tomorrow, I would pick them.", REF) == []
    assert tag("The generals fought the wars of yesterday.", REF) == []
    assert values("The plan lasted a quarter.") == [("a quarter", "P1Q")]
    assert values("He left yesterday.") == [("yesterday", "2024-11-19")]


def test_a_while_is_a_vague_duration():
    assert values("The troops will stay for a while.") == [("a while", "PXX")]
    assert values("It took a long while to decide.") == [("a long while", "PXX")]
    for text in ["We meet once in a while.", "While he waited, it rained.", "He left a while ago."]:
        assert tag(text, REF) == [], text


def test_a_past_verb_late_in_a_long_sentence_decides_the_month():
    ref = date(1998, 10, 25)
    text = ("In January, a week after the anniversary of the court's decision, a clinic bombing in the south "
            "killed a security guard.")
    assert values(text, ref)[0] == ("January", "1998-01")
    # the future still points ahead
    text = "In January, after the holidays and a short recess, the committee will vote on the bill."
    assert values(text, ref)[0] == ("January", "1999-01")


def test_recently_inside_a_verb_is_not_tagged():
    assert values("The search was recently extended to Mexico.") == []
    assert values("They have recently moved to the city.") == []
    assert values("Three were killed, most recently last October.") == [("last October", "2024-10")]
    assert values("The party recently took 13 percent of the vote.") == [("recently", "PAST_REF")]


def test_a_quarter_of_a_century_is_not_a_fiscal_quarter():
    ref = date(2024, 5, 1)
    assert values("The war lasted a quarter of a century.", ref) == [("a quarter of a century", "P25Y")]
    assert values("For three-quarters of a century the border held.", ref) == [("three-quarters of a century", "P75Y")]
    assert values("He waited a quarter of an hour.", ref) == [("a quarter of an hour", "PT15M")]
    assert values("In 1919 they left. A quarter of a century later they returned.", ref, narrative=True)[1] == (
        "A quarter of a century later", "1944")
    assert values("In 1990 they left. A quarter-century later they returned.", ref, narrative=True)[1] == (
        "A quarter-century later", "2015")
    assert values("Half a year later they returned.", ref) == [("Half a year later", "2024-11")]
    e = one("The first quarter of the 20th century was violent.", ref)
    assert (e.value, e.mod) == ("19", "START")
    # fiscal quarters stay quarters
    assert values("Sales fell a quarter.", ref) == [("a quarter", "P1Q")]
    assert values("Sales rose in the first quarter of 1998.", ref) == [("the first quarter of 1998", "1998-Q1")]


def test_a_scheduled_present_points_forward():
    assert one("The deadline is Friday.").value == "2024-11-22"
    assert one("The next meeting is on Tuesday.").value == "2024-11-26"
    assert one("They are meeting the envoy on Tuesday.").value == "2024-11-26"
    assert one("He is saying that troops attacked on Tuesday.").value == "2024-11-19"
    assert one("He was killed on Tuesday.").value == "2024-11-19"


def test_a_day_opening_its_sentence_in_the_past_tense_is_behind_us():
    # written in February: "On May 3 ... took" is last May, not the coming one
    got = tag("On May 3 the rebels took the town.", date(1999, 2, 6))
    assert [(e.text, e.value) for e in got] == [("May 3", "1998-05-03")]
    # a plan stays ahead, and a reporting verb does not move the date
    assert one("On May 3, officials said, the vote will be held.", date(1999, 2, 6)).value == "1999-05-03"
    assert one("He said the vote is on May 3.", date(1999, 2, 6)).value == "1999-05-03"


def test_that_same_day_after_a_month_is_a_day_of_that_month_not_the_publication_day():
    text = ("Two doctors were killed, most recently last October when a sniper shot one of them. "
            "His name on the list was crossed out that same day.")
    got = tag(text, date(1999, 2, 6))
    same = [e for e in got if e.text == "that same day"][0]
    assert same.value == "1998-10"
    assert (same.earliest, same.latest) == ("1998-10-01", "1998-10-31")
    # "In March ... That day": no made-up first of the month
    that = [e for e in tag("In March the rebels attacked. That day, the capital fell.", date(1999, 2, 6))
            if e.text == "That day"][0]
    assert (that.value, that.earliest, that.latest) == ("1998-03", "1998-03-01", "1998-03-31")
    # a day in sight is still the day
    assert one("The talks failed. That day, the capital fell.", date(1999, 2, 6)).value == "1999-02-06"


def test_a_time_restated_in_another_zone_is_one_time_on_the_day_written_after_it():
    got = tag("The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.", date(1998, 8, 8))
    assert [(e.text, e.value) for e in got] == [("10:35 a.m.", "1998-08-07T10:35"), ("Friday", "1998-08-07")]
    assert "Friday" in got[0].reasoning
    # an aside that adds a day is kept
    got = tag("He will leave at 4 in the morning (4 a.m. EDT Thursday), he said.", date(2000, 4, 5))
    assert [e.value for e in got][-1] == "2000-04-06T04:00"


def test_a_holiday_in_a_history_moves_forward_with_the_story():
    text = ("On 2 September 1871 the bombardment opened. During the autumn the besiegers dug trenches. "
            "On Christmas Day a truce allowed both sides to bury their dead; it ended the next morning.")
    got = {e.text: e.value for e in tag(text, date(2010, 5, 1), narrative=True)}
    assert got["Christmas Day"] == "1871-12-25"
    assert got["the next morning"] == "1871-12-26TMO"


def test_the_night_of_a_day_takes_the_year_the_text_is_at():
    got = values("In 1916 the offensive stalled. On the night of 4 June the army attacked.", date(2010, 5, 1))
    assert got == [("1916", "1916"), ("4 June", "1916-06-04")]


def test_a_day_every_year_is_a_set_not_an_event():
    got = tag("The siege is commemorated annually on 9 February.", date(2010, 5, 1))
    assert [(e.text, e.type, e.value) for e in got] == [("annually", "SET", "P1Y"), ("9 February", "SET", "XXXX-02-09")]
    assert got[1].earliest is None
    # with a year it is one day
    assert tag("It was held annually on 9 February 1990.", date(2010, 5, 1))[1].value == "1990-02-09"


def test_a_day_inside_the_period_just_named_stays_in_its_year():
    text = ("The battle took place in July and August 1943. On 5 July the Germans attacked. "
            "A week later the counter-offensive began. By 23 August the city had been retaken.")
    r, how, got = resolve_document(text, None)
    got = {e.text: e.value for e in got}
    assert got["5 July"] == "1943-07-05"
    assert got["23 August"] == "1943-08-23"
    # a story told in order still moves forward past a year end
    r, how, got = resolve_document("In December 1941 the offensive stalled. On 3 January the army retreated.", None)
    assert [e.value for e in got] == ["1941-12", "1942-01-03"]


def test_n_units_after_that_counts_from_the_date_just_mentioned():
    text = "After the armistice of November 1918 the army went home. The following year the treaty was signed; two years after that, a border war broke out."
    got = {e.text: e.value for e in tag(text, date(2010, 5, 1), narrative=True)}
    assert got["two years after that"] == "1921"
    # after an event it stays a duration
    assert values("Two days after the attack, troops left.", date(2010, 5, 1)) == [("Two days", "P2D")]


def test_a_month_of_that_year_is_one_expression_in_the_year_named():
    text = ("The first phase lasted until mid-1950. In late June of that year troops crossed the border. "
            "In March of the following year the capital was retaken.")
    got = [(e.text, e.value) for e in tag(text, date(2010, 5, 1), narrative=True)]
    assert got == [("mid-1950", "1950"), ("late June of that year", "1950-06"), ("March of the following year", "1951-03")]


def test_midnight_is_the_end_of_the_day():
    e = one("The offer expires at midnight Friday.", date(1989, 10, 30))
    assert e.value == "1989-11-03T24:00"
    assert e.earliest == e.latest == "1989-11-04T00:00"
    e = one("The surrender took effect at midnight on 8 May 1945.", date(2010, 5, 1))
    assert (e.value, e.earliest) == ("1945-05-08T24:00", "1945-05-09T00:00")


def test_as_early_as_a_month():
    assert values("Officials expect it to resume, possibly as early as April.", date(2025, 2, 23)) == [("April", "2025-04")]
    assert values("As of March, 40 were held.", date(2025, 2, 23)) == [("March", "2025-03")]


def test_since_the_start_of_the_year_is_this_year_in_news():
    text = ("Russia attacked days before the anniversary of the invasion on Feb. 24, 2022. In the past 24 hours, "
            "air defenses downed 138 drones. Since the start of the year, Moscow has fired 1,200 drones.")
    got = {e.text: e.value for e in tag(text, date(2025, 2, 23))}
    assert got["the start of the year"] == "2025"
    # the year just told about still counts where the text stays with it
    got = {e.text: e.value for e in tag("The index fell on Friday. For the week, it dropped 3.8%.", date(1989, 10, 30))}
    assert got["the week"] == "1989-W43"


def test_a_plan_told_in_the_simple_past_is_still_ahead():
    got = values("The talks resumed late Monday and were due to continue on Wednesday.", date(2024, 10, 15))
    assert got == [("late Monday", "2024-10-14"), ("Wednesday", "2024-10-16")]
    assert values("The deal had been due to close Friday.", date(2024, 10, 15)) == [("Friday", "2024-10-11")]


def test_the_first_or_last_week_of_a_month_is_seven_days():
    e = one("In the first week of August 1914 Germany declared war.", date(2010, 5, 1))
    assert (e.value, e.mod, e.earliest, e.latest) == ("1914-08", "START", "1914-08-01", "1914-08-07")
    e = one("In the last week of 1943 the front held.", date(2010, 5, 1))
    assert (e.earliest, e.latest) == ("1943-12-25", "1943-12-31")


def test_a_short_history_with_a_publication_date_follows_its_story():
    # one year written, long before the reference, and nothing a news report dates itself by
    text = ("The Battle of Hastings was fought on 14 October 1066. William was crowned on Christmas Day that year.")
    got = {e.text: e.value for e in tag(text, date(2010, 5, 1))}
    assert got["Christmas Day"] == "1066-12-25"
    text = "The Siege of Vienna of 1683 lasted two months. The Ottoman army arrived before the walls on 14 July."
    assert {e.text: e.value for e in tag(text, date(2010, 5, 1))}["14 July"] == "1683-07-14"
    # a news report that mentions an old year stays deictic
    got = {e.text: e.value for e in tag("The treaty of 1648 was cited last week by officials.", date(2010, 5, 1))}
    assert got["last week"] == "2010-W16"


def test_a_day_inside_a_from_to_span_keeps_the_span_year():
    text = ("The siege began on 1 August 1904 and lasted until 2 January 1905. In late November the hill fell. "
            "On New Year's Day the fortress surrendered.")
    got = {e.text: e.value for e in resolve_document(text, None)[2]}
    assert got["late November"] == "1904-11"
    assert got["New Year's Day"] == "1905-01-01"
    got = {e.text: e.value for e in resolve_document(
        "The battle was fought from 21 February to 18 December 1916. Fort Douaumont fell on 25 February.", None)[2]}
    assert got["25 February"] == "1916-02-25"


def test_a_look_back_in_the_past_perfect_then_the_story_goes_on():
    text = ("The battle took place on December 26, 1776. The army had crossed the river on Christmas night. "
            "Eight days later it won again.")
    got = {e.text: e.value for e in resolve_document(text, None)[2]}
    assert got["Christmas"] == "1776-12-25"
    assert got["Eight days later"] == "1777-01-03"
    got = {e.text: e.value for e in resolve_document(
        "In January 1942 the offensive stalled. The plan had been approved in November. On 3 February the army retreated.",
        None)[2]}
    assert (got["November"], got["3 February"]) == ("1941-11", "1942-02-03")


def test_days_ranges_and_parts_in_histories():
    got = {e.text: e.value for e in resolve_document("The battle was fought on July 1–3, 1863. The next day Lee retreated.", None)[2]}
    assert got["The next day"] == "1863-07-04"
    got = [(e.text, e.value) for e in resolve_document("The battle was fought from 6 to 12 September 1914.", None)[2]]
    assert got == [("6", "1914-09-06"), ("12 September 1914", "1914-09-12")]
    got = {e.text: e.value for e in resolve_document(
        "On 3 March 1627 the siege began. The town surrendered on the 19th of the following month.", None)[2]}
    assert got["the 19th of the following month"] == "1627-04-19"
    got = {e.text: e.value for e in resolve_document("On 12 July 1943 the Allies landed. Their ships had sailed on the 3rd.", None)[2]}
    assert got["the 3rd"] == "1943-07-03"
    got = {e.text: e.value for e in resolve_document("The siege began on 6 April 1453. The city fell at dawn the next day.", None)[2]}
    assert got["dawn"] == "1453-04-07TMO"
    assert [e.value for e in tag("It was fought between 1337 and 1453.", date(2010, 5, 1))] == ["1337", "1453"]


def test_parts_of_whole_years_follow_the_calendar():
    e = one("It happened in the first half of 1944.", date(2010, 5, 1))
    assert (e.value, e.earliest, e.latest) == ("1944-H1", "1944-01-01", "1944-06-30")
    e = one("It happened in late 1939.", date(2010, 5, 1))
    assert (e.earliest, e.latest) == ("1939-09-01", "1939-12-31")
    e = one("It happened in the first half of the 17th century.", date(2010, 5, 1))
    assert (e.earliest, e.latest) == ("1600-01-01", "1649-12-31")


def test_n_units_before_and_a_clause_is_a_date():
    text = "On 25 October 1415 the armies met. The English had landed two months before and taken Harfleur."
    got = {e.text: e.value for e in resolve_document(text, None)[2]}
    assert got["two months before"] == "1415-08"


def test_present_day_news_cues():
    R = date(2024, 11, 20)
    # what was said is ahead
    assert values("Officials said that by Christmas the troops would be home.", date(2024, 12, 20)) == [("Christmas", "2024-12-25")]
    assert values("Paribas said Monday that it intends to bid.", date(1989, 10, 27)) == [("Monday", "1989-10-23")]
    # a phrase that opens the sentence and the verb after it
    assert values("Ahead of Sunday's summit, leaders met in Paris.", R) == [("Sunday", "2024-11-24")]
    assert values("By Friday, the troops must leave the town.", R) == [("Friday", "2024-11-22")]
    # a plan told in the past perfect is over
    assert values("The vote had been scheduled for Tuesday but was postponed.", R) == [("Tuesday", "2024-11-19")]
    # names of days and other nations' holidays
    assert values("Shoppers crowded stores on Black Friday.", R) == []
    assert values("Ukraine's Independence Day, Aug. 24, was marked quietly.", R) == [("Aug. 24", "2024-08-24")]
    assert values("On Independence Day Americans celebrate.", R) == [("Independence Day", "2024-07-04")]
    # the verb "last" is not "the last"
    assert values("The truce was meant to last 60 days.", R) == [("60 days", "P60D")]


def test_earlier_and_later_this_week_are_split_at_the_reference():
    e = one("Talks resume later this week.", date(2024, 11, 18))
    assert (e.value, e.earliest, e.latest) == ("2024-W47", "2024-11-19", "2024-11-24")
    e = one("Strikes hit earlier this week.", date(2024, 11, 22))
    assert (e.earliest, e.latest) == ("2024-11-18", "2024-11-21")


def test_news_does_not_carry_an_old_date_into_a_clock_time_or_a_period():
    got = dict(values("Kyiv marked 1,000 days since the invasion on Feb. 24, 2022. "
                      "Lawmakers held a minute of silence at 10 a.m. local time.", date(2024, 11, 19)))
    assert got["10 a.m. local time"] == "2024-11-19T10:00"
    assert dict(values("On Feb. 24, 2022, at 5 a.m., troops crossed.", date(2024, 11, 19)))["5 a.m."] == "2022-02-24T05:00"
    got = dict(values("The ceasefire collapsed in December. Famine could spread by the end of the year.", date(2025, 1, 8)))
    assert got["the end of the year"] == "2025"
    got = dict(values("Oil prices rose before the Jan. 20 inauguration. Oil rose 4% during the week.", date(2025, 1, 10)))
    assert got["the week"] == "2025-W02"


def test_wire_clock_times_with_a_city_zone_and_a_pair():
    got = values("The strike began at 0900 Moscow time (0600 GMT) on Tuesday.", date(2024, 12, 23))
    assert got == [("0900 Moscow time", "2024-12-17T09:00"), ("Tuesday", "2024-12-17")]
    assert values("Drones flew between 0300 and 0500 GMT.", date(2024, 12, 23)) == [
        ("0300", "2024-12-23T03:00"), ("0500 GMT", "2024-12-23T05:00Z")]
    assert values("The 0300 and 0500 trains.", date(2024, 12, 23)) == []


def test_the_new_year_is_the_year_about_to_begin():
    assert values("Talks are expected in the new year.", date(2024, 12, 23)) == [("the new year", "2025")]
    assert values("Fighting flared in the new year.", date(2025, 1, 5)) == [("the new year", "2025")]
    assert values("The new year holiday began.", date(2024, 12, 23)) == []
