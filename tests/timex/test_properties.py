"""Robustness: never raises, sane offsets and intervals, deterministic."""
import re
from datetime import date

from hypothesis import given, settings, strategies as st

from viewer.timex import infer_reference, resolve_document, tag

VALUE = re.compile(r"^(?:[\dX]{1,4}(?:-(?:[\dX]{2}|W[\dX]{2}|Q[\dX]|H[12]|SP|SU|FA|WI)(?:-(?:[\dX]{2}|WE|[1-7]))?)?"
                   r"(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?|P[\dX.]+(?:Y|M|W|D|Q|DE|CE|ML|WE)|PT[\dX.]+[HMS]"
                   r"|PRESENT_REF|PAST_REF|FUTURE_REF|BC\d{4}(?:-\d\d(?:-\d\d)?)?|BC\d{1,3}|XXXX-WXX-[1-7](?:T(?:MO|AF|EV|NI))?"
                   r"|\d{4}-\d\d-\d\dT\d\d:\d\dZ)$")


def _iso_key(v: str) -> tuple:
    """ISO bounds in time order, years before 1 included ("-0499-01-01" comes before "-0400-12-31")."""
    neg = v.startswith("-")
    year, rest = (v[1:].split("-", 1) if neg else v.split("-", 1))
    return (-int(year) if neg else int(year), rest)

WORDS = ["last", "this", "next", "September", "Monday", "May", "march", "2019", "1,500", "the", "past",
         "three", "months", "ago", "in", "1944", "summer", "weekend", "quarter", "third", "early", "late",
         "Friday", "said", "will", "today", "now", "years", "since", "2014", "1990s", "century", "at", "3",
         "p.m.", "daily", "about", "November", "18", ",", ".", "fiscal", "half", "first", "of", "-", "'s",
         "on", "6th", "dawn", "dusk", "morning", "c.", "circa", "'44", "BC", "following", "earlier", "another"]

texts = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join))
refs = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(texts, refs, st.booleans())
def test_tag_is_total_and_sane(text, ref, narrative):
    got = tag(text, ref, narrative=narrative)
    prev_end = 0
    for e in got:
        assert 0 <= e.start < e.end <= len(text)
        assert e.start >= prev_end
        prev_end = e.end
        assert text[e.start:e.end] == e.text
        assert e.type in ("DATE", "TIME", "DURATION", "SET")
        assert VALUE.match(e.value), e.value
        if e.earliest and e.latest:
            assert _iso_key(e.earliest) <= _iso_key(e.latest)
    again = tag(text, ref, narrative=narrative)
    assert [x.to_json() for x in again] == [x.to_json() for x in got]


@settings(max_examples=100, deadline=None)
@given(texts, st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
def test_infer_reference_is_total(text, today):
    ref, how = infer_reference(text, today)
    assert ref is None or ref <= today
    assert isinstance(how, str)
    r2, src, exprs = resolve_document(text, None, today)
    assert src in (None, "inferred")


# Words every family can begin with, from the patterns' own vocabulary, and characters that fold to ASCII
# letters under case-insensitive matching (İ ı K ſ): texts where the lead-token shortcut could go wrong.
LEAD_WORDS = WORDS + ["a", "an", "nearly", "more", "than", "up", "to", "for", "another", "year-ago", "the",
                      "mid", "mid-", "end", "of", "that", "same", "coming", "previous", "several", "few",
                      "twice", "every", "each", "per", "on", "at", "by", "Christmas", "Eve", "Q3", "FY",
                      "2 1/2", "two", "hundred", "nineteen", "eighty-four", "sometime", "later", "ſo",
                      "thİs", "laſt", "K", "cominġ", "İn", "\u212aey", "’", "'", "(", "\n", "—"]
lead_texts = st.lists(st.sampled_from(LEAD_WORDS), max_size=30).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(lead_texts, st.text(max_size=120)))
def test_skipping_tokens_no_pattern_begins_with_loses_no_candidate(text):
    """The candidate finder tries a family before its trigger only at tokens the family's pattern can
    begin with (worked out from the pattern itself): the candidates must be exactly those of trying
    every family at every token."""
    from viewer.timex import tagger
    every = {name: (frozenset() if name in tagger._AT_TRIGGER_ONLY else None) for name in tagger._LEADS}
    fast = [c[:4] for c in tagger._candidates(text)]
    saved = tagger._LEADS
    tagger._LEADS = every
    try:
        slow = [c[:4] for c in tagger._candidates(text)]
    finally:
        tagger._LEADS = saved
    assert fast == slow
