"""Date warnings stored per event (viewer.checks, viewer.store.checks): the flags say what the excerpt panel
says, they are worked out for new events and again for changed ones, an older database gains them, and the
filter keeps the warned events in SQL and numpy alike."""
from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer import checks
from viewer.events import date_warnings
from viewer.merging import disagreements
from viewer.model import (CHECK_AFTER_PUBLICATION, CHECK_REPORTS_DISAGREE, CHECK_WEEKDAY, Article, Event,
                          TimeExpression, ViewFilter, check_words)
from viewer.store import SCHEMA_VERSION, Store, create_at_version, curation, eventset
from viewer.store import checks as stored
from viewer.store import timeline as tstore

PUBLISHED = "2024-11-19"     # a Tuesday
TEXT = ("On Monday, 18 November 2024 troops attacked the town. "
        "On Tuesday, 19 November 2024 talks resumed in Geneva. "
        "Russian forces shelled Kharkiv on 21 November. "
        "Officials will meet on Friday, 22 November 2024.")


def _event(article: Article, sentence: str, time_text: str, day: str, countries, granularity="day",
           dating="written") -> Event:
    s0 = article.text.index(sentence)
    t0 = sentence.index(time_text)
    time = TimeExpression(s0 + t0, s0 + t0 + len(time_text), time_text, "DATE", day, day, day, granularity)
    return Event(article.id, s0, s0 + len(sentence), sentence, time, sentence[:30], list(countries), dating=dating)


def _seed(store: Store, published: str = PUBLISHED) -> dict[str, int]:
    """Four events: one whose weekday and date agree, one whose weekday does not ("Tuesday" on the 20th), a
    happening told in the past dated after the publication, a scheduled one after it (no warning)."""
    article = Article(TEXT, title="Seed", published=published, language="en")
    sentences = TEXT.split(". ")
    events = [
        _event(article, sentences[0], "Monday, 18 November 2024", "2024-11-18", ["UA"]),
        _event(article, sentences[1], "Tuesday, 19 November 2024", "2024-11-20", ["CH"]),
        _event(article, sentences[2], "21 November", "2024-11-21", ["RU", "UA"]),
        _event(article, sentences[3].rstrip("."), "Friday, 22 November 2024", "2024-11-22", ["US"]),
    ]
    store.add_articles([(article, events, ["UA", "CH", "RU", "US"])])
    return {"agrees": events[0].id, "weekday": events[1].id, "past": events[2].id, "scheduled": events[3].id}


def _flags(store: Store) -> dict[int, int]:
    return {e.id: e.checks or 0 for e in store.events()}


def _panel_says(store: Store, event_id: int) -> list[str]:
    """The warnings the excerpt panel shows for an event (its own date's, and its reports' disagreement)."""
    e = store.event(event_id)
    art = store.article(e.article_id)
    said = date_warnings(time_text=e.time_text, earliest=e.earliest, latest=e.latest, granularity=e.granularity,
                         sentence=e.sentence, published=art["published"], language=art["language"],
                         dating=e.dating)
    others = [(x["earliest"], x["latest"]) for x in store.excerpts(event_id)
              if not (x["article_id"] == e.article_id and x["sentence_start"] == e.sentence_start)]
    if others and disagreements([(e.earliest, e.latest), *others]):
        said.append("the reports disagree")
    return said


def _both_back_ends(store: Store, f: ViewFilter) -> list[int]:
    """The ids a filter keeps, asserted equal in SQL and in the numpy arrays (the table's and the
    timeline's occurrences, as the timeline applies the warnings: per event, read per occurrence)."""
    sql = [e.id for e in store.events(f)]
    occ = tstore.load_occurrences(store)
    ev = eventset.load_event_arrays(store, occ)
    assert ev.ordered_ids(ev.mask(f)).tolist() == sql
    pos = ev.positions(occ.eid)
    keep = tstore.filter_mask(occ, f)          # its countries and dates
    warned = ev.checks_mask(f.checks)
    if warned is not None:
        keep &= warned[pos]
    assert sorted(set(occ.eid[keep].tolist())) == sorted(e.id for e in store.events(f) if e.t0 is not None)
    without_arrays = tstore.filter_mask(occ, f, tstore.matching_ids(store, f) if tstore.needs_sql(f) else None)
    assert set(occ.eid[without_arrays].tolist()) == set(occ.eid[keep].tolist())
    return sql


def test_new_events_are_checked_and_the_filter_keeps_those_with_a_warning():
    store = Store.open(":memory:")
    try:
        ids = _seed(store)
        assert store.pending_checks() == 4
        assert _both_back_ends(store, ViewFilter(checks=True)) == []     # nothing worked out yet
        assert checks.refresh(store) == 2
        assert store.pending_checks() == 0
        flags = _flags(store)
        assert flags[ids["weekday"]] == CHECK_WEEKDAY | CHECK_AFTER_PUBLICATION   # told in the past, on the 20th
        assert flags[ids["past"]] == CHECK_AFTER_PUBLICATION
        assert flags[ids["agrees"]] == 0 and flags[ids["scheduled"]] == 0
        for event_id, value in flags.items():       # what the excerpt panel says, one warning per flag
            assert len(_panel_says(store, event_id)) == bin(value).count("1")
        assert _both_back_ends(store, ViewFilter(checks=True)) == [ids["weekday"], ids["past"]]
        assert _both_back_ends(store, ViewFilter(checks=True, countries=frozenset({"RU"}))) == [ids["past"]]
        assert store.event(ids["weekday"]).to_json()["warnings"] == ["after-publication", "weekday"]
        assert store.event(ids["agrees"]).to_json()["warnings"] == []
        assert checks.refresh(store) == 0           # nothing left to check: nothing read again
    finally:
        store.close()


def test_a_changed_date_and_a_merge_are_checked_again():
    store = Store.open(":memory:")
    try:
        ids = _seed(store)
        checks.refresh(store)
        # the analyst dates the Monday event on the 17th (a Sunday): the weekday no longer agrees
        day = {"type": "DATE", "value": "2024-11-17", "earliest": "2024-11-17", "latest": "2024-11-17",
               "granularity": "day", "mod": None, "reasoning": "set by hand", "anchor": None}
        curation.edit(store, ids["agrees"], curation.Edit(date=day), user="test")
        with store._transaction() as conn:
            stored.invalidate(conn, [ids["agrees"]])
        assert store.pending_checks() == 1
        assert checks.refresh(store) == 1
        assert _flags(store)[ids["agrees"]] == CHECK_WEEKDAY
        # the shelling on the 21st and the scheduled meeting on the 22nd merged: their dates do not overlap
        curation.merge(store, ids["past"], ids["scheduled"], user="test")
        checks.refresh(store, [ids["past"]])
        assert _flags(store)[ids["past"]] & CHECK_REPORTS_DISAGREE
        assert "the reports disagree" in _panel_says(store, ids["past"])
        assert "reports-disagree" in store.event(ids["past"]).warnings
    finally:
        store.close()


def test_a_corrected_publication_date_checks_the_articles_events_again():
    store = Store.open(":memory:")
    try:
        ids = _seed(store)
        checks.refresh(store)
        article_id = store.event(ids["past"]).article_id
        with store._transaction() as conn:
            conn.execute("UPDATE articles SET published = '2024-11-25' WHERE id = ?", [article_id])
            stored.invalidate(conn, article_id=article_id)
        assert store.pending_checks() == 4
        assert _both_back_ends(store, ViewFilter(checks=True)) == []    # cleared until worked out again
        checks.refresh(store)
        assert _flags(store) == {ids["agrees"]: 0, ids["weekday"]: CHECK_WEEKDAY, ids["past"]: 0,
                                 ids["scheduled"]: 0}
    finally:
        store.close()


def test_events_written_in_a_later_batch_are_checked_and_the_others_are_not_read_again():
    store = Store.open(":memory:")
    try:
        _seed(store)
        checks.refresh(store)
        later = Article("Ukraine struck a depot on Sunday, 20 October 2024.", title="Later",
                        published="2024-10-21", language="en")
        event = _event(later, later.text, "Sunday, 20 October 2024", "2024-10-20", ["UA"])
        store.add_articles([(later, [event], ["UA"])])
        assert store.pending_checks() == 1
        assert checks.refresh(store) == 0           # 20 October 2024 was a Sunday
        store.add_articles([(Article("Kyiv said it on Monday, 20 October 2024.", published="2024-10-21",
                                     language="en"), [], [])])
        assert store.pending_checks() == 0
    finally:
        store.close()


def _older(path, version: int = 7) -> None:
    """A database as version `version` left it: the seed written, then what version 8 added taken away."""
    store = Store.open(path)
    _seed(store)
    store.close()
    conn = sqlite3.connect(path)
    conn.execute(f"DROP INDEX {stored.WARNED_INDEX}")
    conn.execute("ALTER TABLE events DROP COLUMN checks")
    conn.execute("DROP TABLE checks_state")
    conn.execute("DROP TABLE checks_pending")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def test_an_older_database_gains_the_warnings_and_read_only_it_has_none(tmp_path):
    path = tmp_path / "v7.db"
    _older(path)
    old = Store.open(path, readonly=True)           # not migrated: nothing stored, nothing to select
    try:
        assert old.schema_version() == 7
        assert [e.checks for e in old.events()] == [None] * 4
        assert _both_back_ends(old, ViewFilter(checks=True)) == []
        assert len(_both_back_ends(old, ViewFilter())) == 4
        assert checks.refresh(old) == 0
    finally:
        old.close()
    store = Store.open(path)                        # migrated: every event to check
    try:
        assert store.schema_version() == SCHEMA_VERSION == 8
        assert store.pending_checks() == 4
        assert checks.refresh(store) == 2
        assert len(_both_back_ends(store, ViewFilter(checks=True))) == 2
    finally:
        store.close()


def test_a_new_database_made_at_version_7_migrates(tmp_path):
    path = tmp_path / "made7.db"
    create_at_version(path, 7)
    store = Store.open(path)
    try:
        assert stored.has_checks(store.db.conn) and store.pending_checks() == 0
        ids = _seed(store)
        checks.refresh(store)
        assert [e.id for e in store.events(ViewFilter(checks=True))] == [ids["weekday"], ids["past"]]
    finally:
        store.close()


def test_check_words_name_each_flag_once_in_order():
    assert check_words(None) == check_words(0) == []
    assert check_words(CHECK_WEEKDAY | CHECK_REPORTS_DISAGREE | CHECK_AFTER_PUBLICATION) == [
        "after-publication", "weekday", "reports-disagree"]


_DAYS = [date(2024, 11, 14) + timedelta(days=k) for k in range(10)]


@settings(max_examples=300, deadline=None)
@given(text=st.sampled_from(["Monday", "on Tuesday evening", "ce lundi 18 novembre", "Friday, 22 November",
                             "18 November", "", "Sundays", "mardi", "у понеділок", "Mon"]),
       first=st.sampled_from(_DAYS), length=st.integers(0, 2),
       granularity=st.sampled_from(["day", "hour", "week", "month", None]),
       sentence=st.sampled_from(["Russian forces shelled Kharkiv.", "Officials will meet.",
                                 "Les troupes ont attaqué la ville.", "These missiles are sophisticated."]),
       published=st.sampled_from([None, "2024-11-18", "2024-11-20T09:00", "not a date"]),
       language=st.sampled_from(["en", "fr", None]), dating=st.sampled_from(["written", "context", "reported"]))
def test_the_flags_are_the_warnings_the_excerpt_panel_words(text, first, length, granularity, sentence, published,
                                                          language, dating):
    args = dict(time_text=text, earliest=first.isoformat(), latest=(first + timedelta(days=length)).isoformat(),
                granularity=granularity, sentence=sentence, published=published, language=language, dating=dating)
    words = date_warnings(**args)
    flags = checks.date_flags(**args)
    assert bool(flags & CHECK_AFTER_PUBLICATION) == any(w.startswith("told in the past") for w in words)
    assert bool(flags & CHECK_WEEKDAY) == any(w.startswith("the text says") for w in words)
    assert checks.weekday_of(text) == checks.weekday_named(text)


def test_asking_whether_anything_is_left_to_check_reads_a_few_rows_at_any_size():
    """Whether any event waits for its warnings must not read every event (counting them did: 120 ms an edit
    at 1M events). Counted in SQLite's virtual-machine steps: the same at 100 and 1,000 articles, with nothing
    waiting and with the newest event waiting again after an edit."""
    def steps(n_articles: int) -> list[tuple[int, bool]]:
        store = Store.open(":memory:")
        try:
            _seed(store, published=PUBLISHED)
            store.add_articles([_report(k) for k in range(1, n_articles)])
            checks.refresh(store)
            conn = store.db.conn

            def asked() -> tuple[int, bool]:
                count = [0]

                def tick():
                    count[0] += 1
                conn.set_progress_handler(tick, 1)
                try:
                    waiting = store.has_pending_checks()
                finally:
                    conn.set_progress_handler(None, 1)
                return count[0], waiting
            nothing = asked()
            newest = max(e.id for e in store.events())
            with store._transaction() as c:                     # the newest event waits again, as after an edit
                stored.invalidate(c, [newest])
            return [nothing, asked()]
        finally:
            store.close()

    small, big = steps(100), steps(1000)
    assert [w for _, w in small] == [w for _, w in big] == [False, True]
    for (s_steps, _), (b_steps, _) in zip(small, big):
        assert b_steps <= s_steps + 5, (small, big)


def _report(k: int):
    """An article of one event, its own day and words (no two merge)."""
    day = (date(2020, 1, 1) + timedelta(days=k)).isoformat()
    art = Article(text=f"Convoy {k} reached depot {k} on {day}.", published=PUBLISHED)
    s = art.text.index(day)
    t = TimeExpression(s, s + len(day), day, "DATE", day, day, day, "day", "rule")
    return art, [Event(art.id, 0, len(art.text), art.text, t, f"Convoy {k}", ["UA"])], ["UA"]
