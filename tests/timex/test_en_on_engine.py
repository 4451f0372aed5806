"""English moves onto the engine family by family: the families moved so far (ISO and numeric dates, "9/11",
quarter and half codes; then fiscal years, "a while", "the eighth day of", vague plurals, "in '98", halves; then
repetitions "daily", "every May", "the years ahead", "the month's end", "ended the day", years in words, "the
entire week"; then millennia and decades) are
matched by the rules of viewer/timex/lang/en/rules.toml and resolved by the engine; the English tagger (viewer/timex/tagger.py) has no pattern family and no handler for them any more, stays English's
entry point, and puts the engine's matches among its own candidates (sentences written for these tests)."""
from __future__ import annotations

import importlib
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from viewer.timex import engine, rules, set_strict, tag, tagger
from viewer.timex.engine import data

set_strict(True)
ROOT = Path(__file__).resolve().parents[2]
REF = date(2024, 11, 20)
MOVED = {"date_iso", "date_num", "yrange", "nineeleven", "qcode", "unitlong", "weekdays", "fy", "awhile", "nthday",
         "vague", "aposyear", "half", "set", "vaguethe", "unitsend", "theday", "spelled", "durwhole",
         "millennium", "decade"}
RULES = ROOT / "viewer" / "timex" / "lang" / "en" / "rules.toml"


def _read(text: str, ref: date | None = REF) -> list[tuple[str, str]]:
    return [(e.text, e.value) for e in tag(text, ref, language="en")]


def test_the_moved_families_come_from_the_rules_file_not_from_the_tagger():
    families = {r.meta["family"] for r in tagger.EN.rules}
    assert families == MOVED
    assert not MOVED & {name for name, _ in tagger.FAMILIES}          # no pattern family left for them
    assert not MOVED & set(tagger._HANDLERS)                           # nor a handler
    assert all(name in tagger._PRIORITY for name in MOVED)


def test_english_stays_on_its_own_tagger():
    # the rules file says where English is tagged: not by the engine alone
    assert data.entry_elsewhere(RULES.read_text(encoding="utf-8"))
    assert "en" not in engine.LANGUAGES and "en" not in data.available()
    assert engine.tag("Sales rose in Q3 2024.", REF, "en") == []
    assert _read("Sales rose in Q3 2024, on 2024-11-18, 11/18/2024 and 18.11.2024, since 9/11.") == [
        ("Q3 2024", "2024-Q3"), ("2024-11-18", "2024-11-18"), ("11/18/2024", "2024-11-18"),
        ("18.11.2024", "2024-11-18"), ("9/11", "2001-09-11")]


def test_the_engine_resolves_them_with_the_taggers_state():
    # a written ISO date moves the story's time as before: "The next day" is the day after it
    got = tag("On 2024-05-06 the envoy left. The next day he came back.", REF, language="en")
    assert [(e.text, e.value) for e in got] == [("2024-05-06", "2024-05-06"), ("The next day", "2024-05-07")]
    assert got[0].reasoning == "explicit numeric date '2024-05-06'"
    # a code without a year takes the reference's year whatever the tense, with no anchor recorded
    got = tag("The company said profit fell in Q1.", REF, language="en")
    assert [(e.text, e.value, e.anchor, e.reasoning) for e in got] == [("Q1", "2024-Q1", None, "'Q1': quarter 1 of 2024")]
    assert [(e.value, e.reasoning) for e in tag("Profit rose in H2.", None, language="en")] == [
        ("XXXX-H2", "'H2' with no year")]
    # a date and a time, and a day that does not exist (no date, not even its month)
    got = tag("At 2024-11-18T10:30:45 it fell; 2/29/2023 is no date.", REF, language="en")
    assert [(e.text, e.type, e.value, e.earliest) for e in got] == [
        ("2024-11-18T10:30:45", "TIME", "2024-11-18T10:30:45", "2024-11-18T10:30")]


def test_the_rules_rank_among_the_pattern_families_in_the_file_order():
    order = rules.family_order(["a", "b", "c"], [("x", "a"), ("y", "x"), ("x", "a")])
    assert order == ["a", "x", "y", "b", "c"]
    with pytest.raises(ValueError, match=r"family 'x': 'after' names no family \('nope'\)"):
        rules.family_order(["a"], [("x", "nope")])
    with pytest.raises(ValueError, match=r"family 'a': also a family of patterns.toml"):
        rules.family_order(["a"], [("a", "a")])


# The English tagger with a modified copy of lang/en/rules.toml (in a fresh interpreter: the tagger reads the rules
# once at import), printing what it reads in each text.
_WITH_RULES = """
import json, sys
from datetime import date
from viewer.timex.engine import data
import viewer.timex.engine as engine
text = sys.stdin.read()
shipped = data.load
def load(code):
    if code != "en":
        return shipped(code)
    base = data.resources.files("viewer.timex.lang") / "en"
    return data.build("en", (base / "lexicon.toml").read_text(encoding="utf-8"), text)
data.load = engine.load = load          # the file, as if it held this text
from viewer.timex import set_strict, tag
set_strict(True)
print(json.dumps([[(e.text, e.value, e.reasoning) for e in tag(t, date(2024, 11, 20), language="en")]
                  for t in {texts!r}]))
"""


def _run(rules_text: str, texts: list[str]) -> list:
    r = subprocess.run([sys.executable, "-c", _WITH_RULES.format(texts=texts)], input=rules_text, cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def _without_rule(text: str, name: str) -> str:
    head = f'[[rule]]\nname = "{name}"\n'
    start = text.index(head)
    end = text.find("[[rule]]", start + len(head))
    return text[:start] + (text[end:] if end >= 0 else "")


def test_a_changed_rules_file_changes_what_is_tagged():
    shipped = RULES.read_text(encoding="utf-8")
    texts = ["Sales rose in Q3 2024.", "It was signed on 1/2/49."]
    assert _run(shipped, texts) == [[["Q3 2024", "2024-Q3", "'Q3 2024': quarter 3 of 2024"]],
                                    [["1/2/49", "2049-01-02", "explicit numeric date '1/2/49'"]]]
    # the quarter code's rule gone: "Q3 2024" is not read; two-digit years of the 1900s from 40 on
    changed = _without_rule(shipped, "quarter_code").replace("year2_pivot = 50", "year2_pivot = 40")
    assert changed != shipped
    assert _run(changed, texts) == [[],
                                    [["1/2/49", "1949-01-02", "explicit numeric date '1/2/49'"]]]


def test_the_engine_gives_every_match_of_the_rules_wherever_one_starts():
    text = "In Q3 2024 (xQ3), on 2024-11-18T10:30 and _9/11, a year-long siege, on Mondays."
    got = [(text[s:e], tagger._ENGINE_FAMILY[k]) for s, e, _, k, _ in engine.matches(tagger.EN, text)]
    # "on Mondays" and "Mondays": both, the tagger keeps the longer; "xQ3" is no code; after "_" a number starts
    assert got == [("Q3 2024", "qcode"), ("2024-11-18T10:30", "date_iso"), ("9/11", "nineeleven"),
                   ("year-long", "unitlong"), ("on Mondays", "weekdays"), ("Mondays", "weekdays")]


def test_the_families_of_the_second_step_read_as_before():
    # fiscal years, "a while", "the eighth day", vague plurals, years in two digits after an apostrophe
    assert _read("Profit fell in FY24 and in FY 1998; FY'09 too.") == [
        ("FY24", "2024"), ("FY 1998", "1998"), ("FY'09", "2009")]
    assert _read("For a while he waited. Once in a while it rains. A while ago it rained.") == [("a while", "PXX")]
    assert _read("Today is the eighth day of the operation. The first day was calm.") == [
        ("Today", "2024-11-20"), ("the eighth day", "2024-11-20")]
    assert _read("Today is the eighth day of the operation.", None) == [("Today", "PRESENT_REF")]
    assert _read("For weeks they fought after years of war in a decades-long feud; in years past.") == [
        ("weeks", "PXW"), ("years", "PXY"), ("decades-long", "PXDE")]
    assert _read("For hours or days, in weeks--") == [("hours or days", "PTXH"), ("weeks", "PXW")]
    assert _read("Since '03 it rose, as in '98; in the '90s, but not in '98%.") == [
        ("'03", "2003"), ("'98", "1998"), ("the '90s", "199")]
    # a year in two digits is at most ten years after the reference; a fiscal year moves the story's time
    assert _read("In '45 it ended.", date(1950, 1, 1)) == [("'45", "1945")]
    assert _read("In '65 it ends.", date(1950, 1, 1)) == [("'65", "1865")]
    got = tag("Sales fell in FY1999. In March they rose.", REF, language="en")
    assert [(e.text, e.value) for e in got] == [("FY1999", "1999"), ("March", "1999-03")]
    # halves: of the year written, of the year the story is at, else of the reference's ("the last half of" any
    # year word: the year before, as the English tagger always read it); alone with no year at all, nothing
    assert _read("The second half of fiscal 2023 was weak; the first half of next year, the latter half of last "
                 "year and the last half of this year.") == [
        ("The second half of fiscal 2023", "2023-H2"), ("the first half of next year", "2025-H1"),
        ("the latter half of last year", "2023-H2"), ("the last half of this year", "2023-H2")]
    assert _read("In 1998 it rose. The second half was bad, halfway through the first halfway.") == [
        ("1998", "1998"), ("The second half", "1998-H2")]
    assert _read("The second half of the year was bad.", None) == [("The second half of the year", "XXXX-H2")]
    assert _read("The second half was bad.", None) == []


def test_a_changed_context_in_the_rules_file_changes_what_is_tagged():
    shipped = RULES.read_text(encoding="utf-8")
    texts = ["Once in a while it rains.", "In '45 it ended.", "For years of war."]
    assert _run(shipped, texts) == [[], [["'45", "1945", "''45': the year 1945 (two digits)"]], []]
    changed = (shipped.replace("not_before = '\\bonce\\s+in\\s+$'\n", "", 1)
               .replace("year2_near = 10", "year2_near = 30", 1)
               .replace("not_after = '^(?-i:\\s+(?:of|in)\\b)'\n", "", 1))
    assert changed.count("not_before") == shipped.count("not_before") - 1
    assert changed.count("not_after") == shipped.count("not_after") - 1
    assert _run(changed, texts) == [[["a while", "PXX", "'a while': an unspecified period"]],
                                    [["'45", "2045", "''45': the year 2045 (two digits)"]],
                                    [["years", "PXY", "'years': an unspecified number of years"]]]


def test_a_rule_of_any_language_may_ask_for_its_context():
    # if_before / if_after: what must be found just before / after a match; window: how far each context
    # (and not_before / not_after) reaches, in characters
    lexicon = '[unit]\nweek = "week"\nweeks = "week"\n'
    rules_toml = ("[[rule]]\nname = \"w\"\npattern = '{unit}\\b'\nif_before = '\\bfor\\s+$'\n"
                  "not_after = '^ ago'\nwindow = [6, 4]\nframe = { kind = \"duration\", number = 1 }\n")
    lang = data.build("xx", lexicon, rules_toml)

    def spans(text: str) -> list[str]:
        return [text[s:e] for s, e, *_ in engine.matches(lang, text)]
    assert spans("for weeks") == ["weeks"]
    assert spans("at weeks") == []
    assert spans("for weeks ago") == []
    assert spans("for weeks  ago") == ["weeks"]        # "ago" beyond the 4 characters after
    assert spans("for     weeks") == []                 # "for" beyond the 6 characters before
    assert spans("for weeks--") == ["weeks"]           # "{unit}\b": the pattern says how the word ends
    with pytest.raises(ValueError, match=r"xx rule 'w': window must be"):
        data.build("xx", lexicon, rules_toml.replace("[6, 4]", "[6]"))
    # a word a rule begins with may go on with any digit ("FY24"), not only the one the index samples
    assert data.first_words(r"\bFY\s?\d\d\b", 0) == {("exact", "FY"), ("prefix", "FY")}


def test_the_families_of_the_third_step_read_as_before():
    # repetitions: the adverbs unless the words around them make them something else (a newspaper's name, unless
    # the sentence starts with it; a statistic; a rate; an adjective); "quarterly" never
    assert _read("It is published daily. The business daily Kommersant said so; the weekly Der Spiegel too.") == [
        ("daily", "P1D")]
    assert _read("Daily Mail readers. Average daily volume rose. Sales rise 8.5% annually and are paid annually "
                 "to them.") == [("Daily", "P1D"), ("annually", "P1Y")]
    assert _read("A quarterly dividend, biannually adjusted; semiannually the board meets.") == [
        ("semiannually", "P6M")]
    got = tag("They meet every other week, every May, each autumn, twice a year, every night and every other "
              "Monday.", REF, language="en")
    assert [(e.text, e.type, e.value, e.reasoning) for e in got] == [
        ("every other week", "SET", "P2W", "'every other week': recurring every week"),
        ("every May", "SET", "XXXX-05", "'every May': every May"),
        ("each autumn", "SET", "XXXX-FA", "'each autumn': every autumn"),
        ("twice a year", "SET", "P1Y", "'twice a year': recurring every year"),
        ("every night", "SET", "P1D", "'every night': recurring every night"),
        ("every other Monday", "SET", "XXXX-WXX-1", "'every other Monday': every Monday")]
    assert _read("He works 40 hours a week for $5 a day, per day.") == [
        ("40 hours", "PT40H"), ("a week", "P1W"), ("a day", "P1D"), ("per day", "P1D")]
    # "commemorated annually on 9 February": the day after a yearly adverb is a day of every year (the tagger's
    # pass over the list still sees the engine's SET)
    assert _read("It is commemorated annually on 9 February.") == [("annually", "P1Y"), ("9 February", "XXXX-02-09")]
    # vague durations with an article, after a preposition; not anchored to an event, not an ordinal period
    assert _read("Over the years it grew; in the weeks ahead, in the days before the shooting, in the last days of "
                 "the siege, in the last years.") == [
        ("the years", "PXY"), ("the weeks ahead", "PXW"), ("the last years", "PXY")]
    # "the month's end": the end of the month of the last day named; "ended the day": the day the text is at
    got = tag("On March 3 they met; by the month's end they left.", REF, language="en")
    assert [(e.text, e.value, e.mod, e.anchor) for e in got][1] == ("the month's end", "2024-03", "END", "2024-03-03")
    got = tag("In 2020 the war began. On 2020-05-06 stocks began the day higher. The day was calm.", REF,
              language="en")
    assert [(e.text, e.value, e.reasoning) for e in got][2:] == [
        ("the day", "2020-05-06", "'the day': the day the text is at, the last mentioned day 2020-05-06")]
    assert _read("Shares ended the day at 1,200.") == [("the day", "2024-11-20")]
    assert _read("Shares ended the day at 1,200.", None) == []
    # one whole unit (the rules of "durwhole"; "the past week" stays the tagger's "durdet", read as relunit reads it)
    got = tag("It took the entire week, the whole quarter, for another decade. The past week was calm.", REF,
              language="en")
    assert [(e.text, e.type, e.value, e.reasoning) for e in got] == [
        ("the entire week", "DURATION", "P1W", "'the entire week': a period of one week"),
        ("the whole quarter", "DURATION", "P3M", "'the whole quarter': a period of one quarter"),
        ("another decade", "DURATION", "P10Y", "'another decade': a period of one decade"),
        ("The past week", "DURATION", "P1W", "'The past week': a period of one week")]
    assert [(e.type, e.value, e.reasoning) for e in tag("The full year was bad.", REF, language="en")] == [
        ("DATE", "2024", "'The full year': the whole of the reference's year")]
    assert [(e.type, e.value) for e in tag("The full year was bad.", None, language="en")] == [("DURATION", "P1Y")]
    assert {"durdet"} <= {name for name, _ in tagger.FAMILIES}
    # years in words: the hundreds, tens and ones added up, with "early/mid/late"; before "years" the pattern gives
    # up its last word as the family did ("nineteen ninety" and "eight years")
    got = tag("In mid-nineteen eighty and the year two thousand and five, nineteen ninety troops.", REF, language="en")
    assert [(e.text, e.value, e.mod, e.reasoning) for e in got] == [
        ("mid-nineteen eighty", "1980", "MID", "year written in words 'mid-nineteen eighty'"),
        ("the year two thousand and five", "2005", None, "year written in words 'the year two thousand and five'")]
    assert _read("In nineteen ninety-eight years.") == [("nineteen ninety", "1990"), ("eight years", "P8Y")]
    # such a year moves the story's time but not a news report's discourse year (``locates = false``): a later
    # "In March" is of the reference's year, as after a year in digits it would be of that year
    assert _read("In nineteen ninety it ended. In March they met.", REF) == [("nineteen ninety", "1990"),
                                                                            ("March", "2024-03")]
    assert [(e.text, e.value) for e in tag("In nineteen ninety it ended. In March they met.", REF, language="en",
                                           narrative=True)][1] == ("March", "1990-03")


def test_a_context_key_may_have_a_window_of_its_own():
    # "daily" is no repetition before a name unless its sentence starts there (6 characters before it), nor after
    # "average" (20 characters before it): two widths on the same side of one match
    lexicon = '[set_adverb]\n_field = "duration"\ndaily = "P1D"\n'
    rules_toml = ("[[rule]]\nname = \"d\"\npattern = '{set_adverb}\\b'\nnot_before = '\\baverage\\s*$'\n"
                  "if_before = '(?:^|[.]\\s+|\\n\\s*)$'\nwindow = { before = 20, if_before = 6 }\n"
                  "frame = { kind = \"set\" }\n")
    lang = data.build("xx", lexicon, rules_toml)
    rule = lang.rules[0]
    assert rule.widths == (20, 40, 6, 40) and rule.window == (20, 40)

    def read(text: str) -> list[tuple[str, str]]:
        return [(text[s:e], f.get("duration")) for s, e, f, *_ in engine.matches(lang, text)]
    assert read("daily") == [("daily", "P1D")]
    assert read("It ran.  daily") == [("daily", "P1D")]
    assert read("It ran.      daily") == []              # the sentence's end beyond the 6 characters before
    assert read("average  \n  daily") == []              # "average" within the 20 (not within the 6)
    assert read("average" + " " * 15 + "\n daily") == [("daily", "P1D")]   # "average" beyond the 20
    # the engine values a repetition written in the data ("duration" of the word, or "value")
    res = importlib.import_module("viewer.timex.engine.resolve")
    for frame, value in (({"kind": "set", "duration": "P1D"}, "P1D"), ({"kind": "set", "value": "XXXX-05"}, "XXXX-05"),
                         ({"kind": "set", "unit": "week", "duration": "P5Y"}, "P1W")):
        got = res.resolve(res.Context(lang, "daily", REF, False), frame, 0, 5)
        assert (got.type, got.value) == ("SET", value)
    with pytest.raises(ValueError, match=r"xx rule 'd': window keys are before, after"):
        data.build("xx", lexicon, rules_toml.replace("if_before = 6", "if_befor = 6"))
    with pytest.raises(ValueError, match=r"xx rule 'd': window keys"):
        data.build("xx", lexicon, rules_toml.replace("if_before = 6", "if_before = -1"))


def test_millennia_are_engine_rules_with_the_taggers_positions_pairs_and_era():
    got = tag("The third millennium began. The end of the 1st millennium AD. The first half of the 2nd millennium.",
              REF, language="en")
    assert [(e.text, e.value, e.earliest, e.latest, e.mod, e.reasoning) for e in got] == [
        ("third millennium", "2", "2000-01-01", "2999-12-31", None, "'third millennium': the years 2000–2999"),
        ("The end of the 1st millennium AD", "0", "0667-01-01", "0999-12-31", "END",
         "'The end of the 1st millennium AD': the years 667–999"),
        # a half narrows the span and is no TIMEX3 mod
        ("The first half of the 2nd millennium", "1", "1000-01-01", "1499-12-31", None,
         "'The first half of the 2nd millennium': the years 1000–1999")]
    # a pair: the first ends at its ordinal, the second is "millennia", the era written once after both; the
    # story is then before the common era ("the next year" after the first year of the 2nd millennium BC)
    got = tag("In the 2nd and 1st millennia BC, the first and second millennia; the 2nd millennium BC, the next year.",
              REF, language="en")
    assert [(e.text, e.value) for e in got] == [
        ("the 2nd", "BC1"), ("1st millennia BC", "BC0"), ("the first", "0"), ("second millennia", "1"),
        ("the 2nd millennium BC", "BC1"), ("the next year", "BC1999")]
    assert got[0].reasoning == "'the 2nd': the years 2000–1001 before the common era"
    # "millennia" alone is no date; "the early" narrows before the era too
    assert _read("In the first millennia.") == []
    got = tag("the mid-2nd millennium BC", REF, language="en")
    assert [(e.value, e.earliest, e.latest, e.mod) for e in got] == [("BC1", "-1666-01-01", "-1333-12-31", "MID")]


def test_decades_are_engine_rules_read_as_the_tagger_read_them():
    got = tag("In the first half of the 1990s, the end of the 1800s.", REF, language="en")
    got += tag("The late '60s.", REF, language="en")
    assert [(e.text, e.value, e.earliest, e.latest, e.mod, e.reasoning) for e in got] == [
        # a half narrows the decade, with the mod of its end
        ("the first half of the 1990s", "199", "1990-01-01", "1994-12-31", "START", "decade 'the first half of the 1990s'"),
        # "the 1800s" is a century
        ("the end of the 1800s", "18", "1867-01-01", "1899-12-31", "END", "'the end of the 1800s': the hundred years from 1800"),
        # "'60s": the latest such decade before the reference
        ("late '60s", "196", "1967-01-01", "1969-12-31", "END", "'late '60s': the latest such decade before 2024-11-20")]
    assert _read("The '20s and the twenties.", date(2015, 1, 1)) == [("'20s", "192"), ("the twenties", "192")]
    assert _read("The '10s.", date(2015, 1, 1)) == [("'10s", "201")]
    assert [(e.value, e.reasoning) for e in tag("the nineties", None, language="en")] == [
        ("199", "'the nineties': the latest such decade before now")]
    assert _read("the 1800's, end-1990s, rock'90s") == [("the 1800's", "180"), ("end-1990s", "199"), ("'90s", "199")]
    # a decade moves the story's time, not a news report's discourse year: in a news report "In March" after it is of
    # the reference's year (after "In 1995", of 1995), in a story of that decade's first year
    def march(text: str, narrative: bool) -> str:
        return [e.value for e in tag(text, REF, language="en", narrative=narrative)][1]
    assert march("In the 1990s it fell. In March they met.", False) == "2024-03"
    assert march("In 1995 it fell. In March they met.", False) == "1995-03"
    assert march("In the 1990s it fell. In March they met.", True) == "1990-03"
    # the reach of the tagger's scan: a match begins at most six tokens before the number
    assert _read("the first few days of the early 1990s") == [("the first few days", "PXD"), ("the early 1990s", "199")]
    assert _read("the first few days of the 1990s") == [("the first few days of the 1990s", "199")]
