"""One filter, two back ends: for any filter, the SQL queries (the Store's and the window's) and the numpy
masks (the event table's arrays and the timeline's occurrences) select exactly the same events."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer import checks
from viewer.events import date_warnings
from viewer.merging import disagreements
from viewer.model import GRANULARITIES, Article, CountryMention, Event, TimeExpression, ViewFilter
from viewer.store import Store, curation, eventset
from viewer.store import timeline as tstore
from viewer.store import window as queries
from viewer.store.filtering import NO_COUNTRY, NO_LANGUAGE, fold, sql_where
from viewer.tablerows import TableRows

WORDS = ("attack", "talks", "officials", "ceasefire", "power", "border", "drones", "evacuated")
CODES = ("UA", "RU", "US", "NATO")
DATINGS = ("written", "context", "reported")
LANGUAGES = ("en", "fr", "uk", None, "")          # None and "": no language stored (unknown)
TAGS = ("Shelling", "talks", "Обстріл", "power cut")
REVIEWS = ("unreviewed", "confirmed", "corrected", "rejected")
BASES = (date(2024, 3, 1), date(1969, 12, 20))       # the second: before 1970, negative seconds


@st.composite
def when(draw):
    """(earliest, latest, granularity) of an event: undated, days, a time, or latest before earliest."""
    kind = draw(st.sampled_from(["undated", "days", "days", "time", "inverted"]))
    gran = draw(st.sampled_from([*GRANULARITIES, None, "fortnight"]))
    if kind == "undated":
        return None, None, gran
    first = draw(st.sampled_from(BASES)) + timedelta(days=draw(st.integers(0, 40)))
    if kind == "time":
        moment = f"{first.isoformat()}T{draw(st.integers(0, 23)):02d}:{draw(st.sampled_from([0, 30])):02d}"
        return moment, moment, gran
    length = timedelta(days=draw(st.integers(0, 9)))
    if kind == "inverted":
        return (first + length + timedelta(days=1)).isoformat(), first.isoformat(), gran
    return first.isoformat(), (first + length).isoformat(), gran


@st.composite
def happening(draw):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4))
    countries = draw(st.lists(st.sampled_from(CODES), unique=True, max_size=3))
    return " ".join(words), draw(when()), countries, draw(st.sampled_from(DATINGS))


articles = st.lists(st.tuples(st.sampled_from(LANGUAGES), st.lists(happening(), max_size=6)),
                    min_size=1, max_size=5)


def build(spec) -> Store:
    """A database made through the Store's own API: one article per (language, list), one event per
    happening; every second article published in the middle of the events' month (so that some are dated
    after it), the time expression of an event whose words say "power" naming a Monday (which its date may
    not be); the date warnings worked out (viewer.checks)."""
    store = Store.open(":memory:")
    batch = []
    for n, (language, happenings) in enumerate(spec):
        happenings = [(*h, "written")[:4] for h in happenings]     # written unless said
        sentences = [f"Report {n} sentence {k}: {words} in {' and '.join(cs) or 'nowhere'}."
                     for k, (words, _, cs, _) in enumerate(happenings)]
        text = " ".join(sentences) or f"Report {n} says nothing."
        article = Article(text, title=f"Report {n}", published="2024-03-15" if n % 2 else "2024-05-01",
                          language=language)
        events = []
        for sentence, (words, (earliest, latest, gran), cs, dating) in zip(sentences, happenings):
            s0 = text.index(sentence)
            said = "Monday" if "power" in words else sentence[:6]
            time = TimeExpression(s0, s0 + 6, said, "DATE", earliest or "", earliest, latest, gran)
            mentions = [CountryMention(s0, s0 + 1, sentence[:1], c) for c in cs]
            events.append(Event(article.id, s0, s0 + len(sentence), sentence, time, words.title(), cs,
                                mentions, dating=dating))
        batch.append((article, events, sorted({c for _, _, cs, _ in happenings for c in cs})))
    store.add_articles(batch)
    checks.refresh(store)
    return store


def filters(article_ids):
    days = [(b + timedelta(days=k)).isoformat() for b in BASES for k in range(-3, 55, 2)]
    return st.builds(
        ViewFilter,
        countries=st.none() | st.frozensets(st.sampled_from([*CODES, NO_COUNTRY, "XX"]), max_size=3),
        date_from=st.none() | st.sampled_from(days),
        date_to=st.none() | st.sampled_from(days),
        search=st.none() | st.sampled_from([*WORDS, "atta", "talks power", "border drones",
                                            "agree", "two sources", "shell", "обстр", "power cut"]),
        max_granularity=st.none() | st.sampled_from([*GRANULARITIES, "fortnight"]),
        article_id=st.none() | st.sampled_from([*article_ids, "no-such-article"]),
        languages=st.none() | st.frozensets(st.sampled_from(["en", "fr", "uk", "de", NO_LANGUAGE]), max_size=3),
        dating=st.none() | st.frozensets(st.sampled_from([*DATINGS, "guessed"]), max_size=2),
        starred=st.booleans(),
        tags=st.none() | st.frozensets(st.sampled_from([*TAGS, "SHELLING", " Talks ", "обстріл", "none"]),
                                       max_size=2),
        has_note=st.booleans(),
        review=st.none() | st.frozensets(st.sampled_from([*REVIEWS, "maybe"]), max_size=2),
        show_rejected=st.booleans(),
        checks=st.booleans(),
    )


edits = st.builds(
    curation.Edit,
    title=st.none() | st.sampled_from(["Corrected title"]),
    review=st.none() | st.sampled_from(["confirmed", "rejected", "unreviewed"]),
    starred=st.none() | st.booleans(),
    note=st.none() | st.sampled_from(["two sources agree", ""]),
    add_tags=st.lists(st.sampled_from(TAGS), unique=True, max_size=2),
)


def annotate(store: Store, draw) -> None:
    """Random edits (review, star, note, tags, a title: corrected) on random events."""
    ids = [e.id for e in store.events(ViewFilter(show_rejected=True))]
    for event_id in ids:
        change = draw(st.none() | edits)
        if change is None:
            continue
        try:
            curation.edit(store, event_id, change, user="test")
        except Exception:          # noqa: BLE001 - nothing to change, or a value the store refuses
            pass


def merge_some(store: Store, draw) -> None:
    """The analyst merges a few random pairs of events (reports of other articles, often of other
    languages, join an event); the date warnings worked out again."""
    ids = [e.id for e in store.events(ViewFilter(show_rejected=True))]
    for _ in range(draw(st.integers(0, 2))):
        if len(ids) < 2:
            break
        keep, other = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
        curation.merge(store, keep, other, user="test")
        ids.remove(other)
    checks.refresh(store)


def report_languages(store: Store, event_id: int) -> set[str]:
    """The languages of an event's reports' articles, read one report at a time (NO_LANGUAGE: none)."""
    e = store.event(event_id)
    articles = {e.article_id, *(x["article_id"] for x in store.excerpts(event_id))}
    return {(store.article(a) or {}).get("language") or NO_LANGUAGE for a in articles}


def panel_warns(store: Store, event_id: int) -> bool:
    """Whether the excerpt panel shows a date warning for the event: its own date's, or its reports'."""
    e = store.event(event_id)
    art = store.article(e.article_id)
    if date_warnings(time_text=e.time_text, earliest=e.earliest, latest=e.latest, granularity=e.granularity,
                     sentence=e.sentence, published=art["published"], language=art["language"], dating=e.dating):
        return True
    others = [(x["earliest"], x["latest"]) for x in store.excerpts(event_id)
              if not (x["article_id"] == e.article_id and x["sentence_start"] == e.sentence_start)]
    return bool(others) and bool(disagreements([(e.earliest, e.latest), *others]))


def annotation_keeps(a: dict, f: ViewFilter) -> bool:
    """What the filter's star, tags, note, review and show_rejected mean for one event's annotation."""
    tags = {fold(t) for t in a["tags"]}         # white space collapsed, ASCII letters folded (as SQLite)
    return ((not f.starred or a["starred"]) and (not f.has_note or bool(a["note"]))
            and (f.tags is None or bool(tags & {fold(t) for t in f.tags}))
            and (f.review is None or a["review"] in f.review)
            and (f.show_rejected or a["review"] != "rejected"))


def sql_selection(store: Store, f: ViewFilter) -> tuple[list[int], int, dict]:
    """The events SQL selects, in the table's order (dated by start, then undated), checked to agree
    across the Store's and the window's queries; the undated count; events per country."""
    rows = [e.id for e in store.events(f)]
    assert [e.id for e in queries.events_page(store, f, 0, 10_000)] == rows
    assert store.count_events(f) == queries.count_events(store, f) == len(rows)
    for k, event_id in enumerate(rows[:5]):
        assert queries.event_position(store, f, event_id) == k
    counts = store.country_counts(f)
    assert queries.country_counts(store, f) == counts
    return rows, queries.undated_count(store, f), counts, queries.language_counts(store, f)


def numpy_selection(store: Store, f: ViewFilter):
    """The events the event table's arrays select (in the table's order), their undated count, events
    per country and per language; and the event ids the timeline's occurrences keep, as the window computes them
    with the arrays and without them (dates in numpy, the rest from SQL)."""
    occ = tstore.load_occurrences(store)
    ev = eventset.load_event_arrays(store, occ)
    search = queries.search_ids(store, f.search) if f.search else None      # the text, notes and tags
    number = eventset.article_number(store, f.article_id)
    base = ev.base_mask(f, search, number)
    chosen = ev.country_mask(f.countries)
    mask = base if chosen is None else base & chosen
    table = ev.ordered_ids(mask, "date").tolist()
    rows = TableRows()
    rows.apply(ev, f, search, number)
    got = rows.rows(("date", False))
    assert got.ids.tolist() == table and got.counts == ev.country_counts(base)

    pos = ev.positions(occ.eid)
    keep = (eventset.attribute_mask(f, occ.t0, occ.t1, ev.rank[pos], ev.article[pos], number)
            & tstore.filter_mask(occ, replace(f, search=None), search))
    annotated = ev.annotation_mask(f)          # as the timeline applies it: per event, read per occurrence
    if annotated is not None:
        keep &= annotated[pos]
    langs = ev.language_mask(f.languages)      # as the timeline applies it: per event, read per occurrence
    if langs is not None:
        keep &= langs[pos]
    datings = ev.dating_mask(f.dating)          # likewise per event
    if datings is not None:
        keep &= datings[pos]
    warned = ev.checks_mask(f.checks)           # likewise per event
    if warned is not None:
        keep &= warned[pos]
    without_arrays = tstore.filter_mask(
        occ, f, tstore.matching_ids(store, f) if tstore.needs_sql(f) else None)
    timeline = set(occ.eid[keep].tolist())
    assert set(occ.eid[without_arrays].tolist()) == timeline
    return table, ev.undated(mask), ev.country_counts(base), got.languages, timeline


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=articles, data=st.data())
def test_sql_and_numpy_select_the_same_events(spec, data):
    store = build(spec)
    try:
        merge_some(store, data.draw)
        annotate(store, data.draw)
        ids = [a["id"] for a in store.articles()]
        one = data.draw(st.sampled_from(["en", "fr", "uk", NO_LANGUAGE]))
        one_language = ViewFilter(languages=frozenset({one}))      # (the drawn filters seldom keep many)
        for f in [*data.draw(st.lists(filters(ids), min_size=1, max_size=4)), one_language]:
            rows, undated, counts, languages = sql_selection(store, f)
            table, np_undated, np_counts, np_languages, timeline = numpy_selection(store, f)
            assert table == rows
            assert np_undated == undated
            assert np_counts == counts
            assert np_languages == languages
            dated = {e.id for e in store.events(f) if e.t0 is not None}
            assert timeline == dated
            # the analyst's parts mean what the annotations say, read one event at a time
            # and the date warnings what the excerpt panel says
            others = replace(f, starred=False, tags=None, has_note=False, review=None, show_rejected=True,
                             checks=False)
            assert set(rows) == {e.id for e in store.events(others)
                                 if annotation_keeps(curation.annotation(store, e.id), f)
                                 and (not f.checks or panel_warns(store, e.id))}
            # and the languages what the articles of the events' reports are in
            if f.languages is not None:
                assert set(rows) == {e.id for e in store.events(replace(f, languages=None))
                                     if report_languages(store, e.id) & f.languages}
    finally:
        store.close()


def _one_each():
    """Three events: one naming Ukraine, one naming no country, one dated 'latest before earliest'."""
    return build([("en", [("attack", ("2024-03-02", "2024-03-02", "day"), ["UA"], "written"),
                          ("talks", ("2024-03-04", "2024-03-04", "day"), [], "written"),
                          ("power", ("2024-03-10", "2024-03-06", "day"), ["RU"], "written")])])


def _three_languages():
    """A French report, a Ukrainian one and one whose language is unknown, two events each (on days of
    their own: reports of one happening would be merged into one event)."""
    def day(n):
        return (f"2024-03-{n:02d}", f"2024-03-{n:02d}", "day")
    return build([("fr", [("attack", day(1), ["UA"]), ("talks", day(2), ["FR"])]),
                  ("uk", [("drones", day(3), ["UA"]), ("power", day(4), [])]),
                  (None, [("border", day(5), ["RU"]), ("officials", day(6), [])])])


def test_a_language_keeps_the_events_of_the_articles_in_it_and_und_those_of_unknown_language():
    store = _three_languages()
    try:
        titles = lambda f: sorted(e.title for e in store.events(f))        # noqa: E731
        assert titles(ViewFilter(languages=frozenset({"fr"}))) == ["Attack", "Talks"]
        assert titles(ViewFilter(languages=frozenset({"uk", NO_LANGUAGE}))) == [
            "Border", "Drones", "Officials", "Power"]
        assert titles(ViewFilter(languages=frozenset())) == []
        assert titles(ViewFilter(languages=frozenset({"fr"}), countries=frozenset({"UA"}))) == ["Attack"]
        # the list beside the filter: every language, its articles and events, and counts under the
        # other filters (not under the languages chosen, so that the others stay choosable)
        assert queries.language_choices(store) == [
            {"code": "fr", "articles": 1, "events": 2}, {"code": "uk", "articles": 1, "events": 2},
            {"code": NO_LANGUAGE, "articles": 1, "events": 2}]
        f = ViewFilter(languages=frozenset({"fr"}), countries=frozenset({"UA"}))
        assert queries.language_counts(store, f) == {"fr": 1, "uk": 1}
        occ = tstore.load_occurrences(store)
        ev = eventset.load_event_arrays(store, occ)
        assert ev.language_counts(ev.mask(replace(f, languages=None))) == {"fr": 1, "uk": 1}
    finally:
        store.close()


def test_the_no_country_lane_is_a_country_filter_like_the_others():
    store = _one_each()
    try:
        titles = lambda f: [e.title for e in store.events(f)]        # noqa: E731
        assert titles(ViewFilter(countries=frozenset({NO_COUNTRY}))) == ["Talks"]
        assert titles(ViewFilter(countries=frozenset({"UA", NO_COUNTRY}))) == ["Attack", "Talks"]
        assert queries.count_events(store, ViewFilter(countries=frozenset({NO_COUNTRY}))) == 1
    finally:
        store.close()


def test_an_event_ending_before_it_begins_is_found_where_the_timeline_draws_it():
    store = _one_each()
    try:
        # "power" runs from 10 March to (before) 6 March: drawn, and found, as a moment on 10 March
        assert [e.title for e in store.events(ViewFilter(date_from="2024-03-08"))] == ["Power"]
        assert [e.title for e in store.events(ViewFilter(date_to="2024-03-08"))] == ["Attack", "Talks"]
    finally:
        store.close()


def test_an_article_that_does_not_exist_keeps_no_event():
    store = _one_each()
    try:
        occ = tstore.load_occurrences(store)
        ev = eventset.load_event_arrays(store, occ)
        f = ViewFilter(article_id="no-such-article")
        assert store.count_events(f) == 0
        assert not ev.mask(f, None, eventset.article_number(store, f.article_id)).any()
        ev.article[:] = -1          # events whose article row is gone must not match a missing article
        assert not ev.mask(f, None, eventset.article_number(store, f.article_id)).any()
        assert np.array_equal(ev.mask(ViewFilter(), None, None), np.ones(3, dtype=bool))
    finally:
        store.close()


def test_only_written_dates_keeps_the_events_whose_date_the_text_wrote():
    def day(n):
        return (f"2024-03-{n:02d}", f"2024-03-{n:02d}", "day")
    store = build([("en", [("attack", day(1), ["UA"], "written"), ("talks", day(2), ["FR"], "reported"),
                           ("drones", day(3), ["UA"], "context"), ("power", (None, None, None), [], "reported")])])
    try:
        def titles(f):
            return [e.title for e in store.events(f)]
        assert titles(ViewFilter(dating=frozenset({"written"}))) == ["Attack"]
        assert titles(ViewFilter(dating=frozenset({"written", "context"}))) == ["Attack", "Drones"]
        assert titles(ViewFilter(dating=frozenset({"reported"}))) == ["Talks", "Power"]
        assert titles(ViewFilter(dating=frozenset())) == []
        assert [e.dating for e in store.events()] == ["written", "reported", "context", "reported"]
        ev = eventset.load_event_arrays(store)
        only = ev.ordered_ids(ev.mask(ViewFilter(dating=frozenset({"written"}))), "date").tolist()
        assert only == [e.id for e in store.events(ViewFilter(dating=frozenset({"written"})))]
    finally:
        store.close()


def test_stars_tags_notes_and_review_filter_alike_in_sql_and_numpy_and_without_the_table():
    def day(n):
        return (f"2024-03-{n:02d}", f"2024-03-{n:02d}", "day")
    store = build([("en", [("attack", day(1), ["UA"]), ("talks", day(2), []), ("power", day(3), ["RU"])])])
    try:
        attack, talks, power = [e.id for e in store.events()]
        curation.edit(store, attack, curation.Edit(starred=True, add_tags=["Shelling"]), user="test")
        curation.edit(store, talks, curation.Edit(review="rejected", note="a quote"), user="test")
        curation.edit(store, power, curation.Edit(review="confirmed"), user="test")
        occ = tstore.load_occurrences(store)
        ev = eventset.load_event_arrays(store, occ)
        cases = {ViewFilter(): [attack, power], ViewFilter(show_rejected=True): [attack, talks, power],
                 ViewFilter(starred=True): [attack], ViewFilter(tags=frozenset({"SHELLING"})): [attack],
                 ViewFilter(tags=frozenset()): [], ViewFilter(has_note=True, show_rejected=True): [talks],
                 ViewFilter(review=frozenset({"unreviewed"})): [attack],
                 ViewFilter(review=frozenset({"confirmed", "rejected"}), show_rejected=True): [talks, power]}
        for f, want in cases.items():
            assert [e.id for e in store.events(f)] == want, f
            assert ev.ordered_ids(ev.mask(f)).tolist() == want, f
            assert sorted(set(occ.eid[tstore.filter_mask(occ, f, tstore.matching_ids(store, f))].tolist())) == want
        assert ev.starred_ids().tolist() == [attack]
        # an older file has no annotations: nothing is starred or rejected
        store.db.execute("DROP TABLE annotations")
        assert sql_where(ViewFilter(), annotations=False) == ("", [])
        assert sql_where(ViewFilter(starred=True), annotations=False)[0] == " WHERE 0"
        bare = eventset.load_event_arrays(store)
        assert bare.mask(ViewFilter()).all() and not bare.mask(ViewFilter(starred=True)).any()
    finally:
        store.close()


def test_the_search_finds_words_of_notes_and_tags_without_case_or_accents():
    def day(n):
        return (f"2024-03-{n:02d}", f"2024-03-{n:02d}", "day")
    store = build([("en", [("attack", day(1), ["UA"]), ("talks", day(2), []), ("power", day(3), ["RU"])])])
    try:
        attack, talks, power = [e.id for e in store.events()]
        curation.edit(store, attack, curation.Edit(note="Évacuation confirmée par la mairie"), user="test")
        curation.edit(store, talks, curation.Edit(add_tags=["Hostage exchange"], review="rejected"), user="test")
        cases = {"evacuation": [attack], "MAIRIE confirm": [attack], "hostage": [],       # rejected: hidden
                 "exch host": [], "attack": [attack], "mairie attack": [], "zzz": []}
        for words, want in cases.items():
            f = ViewFilter(search=words)
            assert [e.id for e in store.events(f)] == want, words
            shown = set(queries.search_ids(store, words).tolist())
            assert shown & {e.id for e in store.events(ViewFilter())} == set(want), words
        f = ViewFilter(search="exch host", show_rejected=True)       # every word, in any order, as a prefix
        assert [e.id for e in store.events(f)] == [talks]
        assert set(queries.search_ids(store, "exch host").tolist()) == {talks}
        assert power not in queries.search_ids(store, "évacuation")
    finally:
        store.close()
