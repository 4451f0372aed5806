"""The store keeps whole articles with their events, and answers the questions the app asks."""
import sqlite3

import pytest

from viewer.model import Article, CountryMention, Event, TimeExpression, ViewFilter
from viewer.store import SCHEMA_VERSION, Store, StoreError, fts_query, interval_seconds

TEXT = ("Last September, Putin warned NATO. "
        "This Monday, November 18, Barrot spoke in Paris. "
        "Germany resumed talks with Moscow last weekend.")


def _event(article, start, end, sent, value, earliest, latest, gran, countries, title):
    s0 = article.text.index(sent)
    t0 = article.text.index(start, s0)
    time = TimeExpression(t0, t0 + len(start), start, "DATE", value, earliest, latest, gran, "rule")
    mentions = [CountryMention(article.text.index(w, s0), article.text.index(w, s0) + len(w), w, c)
                for w, c in end]
    return Event(article.id, s0, s0 + len(sent), sent, time, title, countries, mentions)


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "t.db")
    yield s
    s.close()


def _seed(store):
    art = Article(TEXT, title="Missiles", url="https://example.org/a", published="2024-11-18",
                  published_source="inferred")
    events = [
        _event(art, "Last September", [("Putin", "RU"), ("NATO", "NATO")],
               "Last September, Putin warned NATO.", "2024-09", "2024-09-01", "2024-09-30", "month",
               ["RU", "NATO"], "Putin warns NATO"),
        _event(art, "This Monday, November 18", [("Paris", "FR")],
               "This Monday, November 18, Barrot spoke in Paris.", "2024-11-18", "2024-11-18",
               "2024-11-18", "day", ["FR"], "Barrot speaks"),
        _event(art, "last weekend", [("Germany", "DE"), ("Moscow", "RU")],
               "Germany resumed talks with Moscow last weekend.", "2024-W46-WE", "2024-11-16",
               "2024-11-17", "weekend", ["DE", "RU"], "Germany resumes talks with Moscow"),
    ]
    assert store.add_articles([(art, events, ["RU", "FR", "DE"])]) == 3
    return art


def test_round_trip_keeps_every_field(store):
    art = _seed(store)
    rows = list(store.events())
    assert [r.value for r in rows] == ["2024-09", "2024-W46-WE", "2024-11-18"]   # ordered by date
    putin = rows[0]
    assert putin.countries == ["RU", "NATO"]
    assert putin.sentence == "Last September, Putin warned NATO."
    assert TEXT[putin.time_start:putin.time_end] == "Last September"
    assert [TEXT[s:e] for s, e, _ in putin.mentions] == ["Putin", "NATO"]
    stored = store.article(art.id)
    assert stored["text"] == TEXT and stored["published_source"] == "inferred"
    assert sorted(list(store.articles())[0]["countries"]) == ["DE", "FR", "RU"]


def test_same_article_twice_changes_nothing(store):
    art = _seed(store)
    again = Article(TEXT)
    assert again.id == art.id
    assert store.add_articles([(again, [], [])]) == 0
    assert store.count_events() == 3


def test_filters(store):
    _seed(store)
    assert store.count_events(ViewFilter(countries=frozenset({"RU"}))) == 2
    assert store.count_events(ViewFilter(countries=frozenset())) == 0
    assert store.count_events(ViewFilter(date_from="2024-11-01")) == 2
    assert store.count_events(ViewFilter(date_to="2024-11-16")) == 2   # the weekend overlaps
    assert store.count_events(ViewFilter(search="germ")) == 1
    assert store.count_events(ViewFilter(max_granularity="day")) == 1
    counts = store.country_counts(ViewFilter(countries=frozenset({"FR"})))
    assert counts["RU"] == 2 and counts["FR"] == 1          # counts ignore the country filter itself


@pytest.mark.parametrize("query", ['"', "AND", "NEAR(", "*", "a OR", "'; DROP TABLE events; --", ")("])
def test_mistyped_search_never_raises(store, query):
    _seed(store)
    store.count_events(ViewFilter(search=query))
    assert store.count_events() == 3


def test_fts_query_quotes_every_word():
    assert fts_query('Putin" OR x') == '"Putin"* "OR"* "x"*'
    assert fts_query("  ") is None


def test_fts_query_drops_words_that_add_nothing_and_stays_bounded():
    assert fts_query("o o o o") == '"o"*'                      # 32 copies used to cost seconds
    assert fts_query("o oil Oil") == '"oil"*'                  # o* and oil* are implied by oil*
    assert fts_query("kyiv Kyiv KYIV strike") == '"kyiv"* "strike"*'
    many = fts_query(" ".join(f"w{n:06d}" for n in range(200_000)))   # a pasted book: 32 words
    assert many.count("*") == 32
    assert fts_query("x" * 10_000_000) == '"%s"*' % ("x" * 64)


def test_interval_seconds_is_half_open():
    t0, t1 = interval_seconds("2024-09-01", "2024-09-30")
    assert t1 - t0 == 30 * 86400
    t0, t1 = interval_seconds("2024-11-18T14:00", "2024-11-18T14:00", "hour")
    assert t1 - t0 == 3600


def test_foreign_keys_are_on(store):
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("INSERT INTO events (article_id, title) VALUES ('nope', 'x')")


def test_failed_batch_leaves_nothing_half_written(store):
    good = Article("A good article. Last September it began.")
    bad_event = Event("x", 0, 1, "A", TimeExpression(0, 1, "A", "DATE", "2024", "2024-13-01",
                                                     "2024-12-31", "year"), "t")
    with pytest.raises(ValueError):
        store.add_articles([(good, [], ["FR"]), (Article("Broken one."), [bad_event], [])])
    assert store.count_events() == 0
    assert list(store.articles()) == []


def test_schema_version_recorded(tmp_path):
    s = Store.open(tmp_path / "v.db")
    assert s.schema_version() == SCHEMA_VERSION
    s.close()


def test_refuses_a_newer_database_and_leaves_it_untouched(tmp_path):
    path = tmp_path / "new.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer version"):
        Store.open(path)
    assert path.read_bytes() == before


def test_refuses_files_that_are_not_ours(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("hello")
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store.open(text)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(StoreError, match="not one of Conflict Timeline's"):
        Store.open(other)
    assert other.read_bytes() == before


# -- one event, many reports (schema 2) ------------------------------------------------------------

def _report(text, when, earliest, latest, gran, countries, *, title=None, url=None):
    """An article of one sentence reporting one event dated by `when`."""
    art = Article(text, title=title or text[:30], url=url, published="2024-11-20")
    s = art.text.index(when)
    time = TimeExpression(s, s + len(when), when, "DATE", earliest[:10], earliest, latest, gran, "rule")
    return art, [Event(art.id, 0, len(text), text, time, text[:30], list(countries))], list(countries)


KYIV_A = ("Russia launched a massive missile attack on Kyiv on Monday, November 18.", "Monday, November 18")
KYIV_B = ("On November 18 Russia launched a massive missile attack against Kyiv, officials said.",
          "November 18")
KYIV_C = ("Russia's massive missile attack on Kyiv on 18 November damaged power plants.", "18 November")


def test_two_articles_reporting_the_same_happening_make_one_event_with_two_reports(store):
    a = _report(*KYIV_A, "2024-11-18", "2024-11-18", "day", ["RU", "UA"], title="Attack",
                url="https://a.example/1")
    b = _report(*KYIV_B, "2024-11-18", "2024-11-18", "day", ["UA", "RU"], title="Strike",
                url="https://b.example/2")
    assert store.add_articles([a]) == 1
    assert store.add_articles([b]) == 0            # no new event: a second report of the first
    assert store.count_events() == 1
    (row,) = store.events()
    assert row.reports == 2 and row.to_json()["reports"] == 2
    reports = store.excerpts(row.id)
    assert [r["title"] for r in reports] == ["Attack", "Strike"]
    assert [r["url"] for r in reports] == ["https://a.example/1", "https://b.example/2"]
    assert all(r["published"] == "2024-11-20" and r["event_id"] == row.id for r in reports)
    second = reports[1]
    text = store.article(second["article_id"])["text"]
    assert text[second["time_start"]:second["time_end"]] == "November 18"
    assert second["sentence"] == KYIV_B[0] and sorted(second["countries"]) == ["RU", "UA"]
    # a third report joins too; the same articles again change nothing
    c = _report(*KYIV_C, "2024-11-18", "2024-11-18", "day", ["RU", "UA"])
    store.add_articles([c])
    store.add_articles([a, b, c])
    assert store.count_events() == 1 and store.event(row.id).reports == 3
    assert len(store.excerpts(row.id)) == 3
    assert store.count_events(ViewFilter(search="officials")) == 1   # words of any of its reports
    assert store.count_events(ViewFilter(search="damaged power")) == 1
    assert store.count_events(ViewFilter(search="officials damaged")) == 0  # all words in one report


@pytest.mark.parametrize("change", ["countries", "words", "far"])
def test_reports_that_differ_stay_separate_events(store, change):
    store.add_articles([_report(*KYIV_A, "2024-11-18", "2024-11-18", "day", ["RU", "UA"])])
    text, when = KYIV_B
    args = dict(earliest="2024-11-18", latest="2024-11-18", gran="day", countries=["RU", "UA"])
    if change == "countries":
        args["countries"] = ["RU", "UA", "PL"]
    elif change == "far":
        args.update(earliest="2024-11-28", latest="2024-11-28")          # ten days apart
    else:
        text = "On November 18 Ukraine's parliament voted on the budget for next year, officials said."
    store.add_articles([_report(text, when, args["earliest"], args["latest"], args["gran"],
                                args["countries"])])
    assert store.count_events() == 2
    assert all(r.reports == 1 for r in store.events())


KYIV_MONTH = ("In November Russia launched a massive missile attack against Kyiv, officials said.", "November")


@pytest.mark.parametrize("reopen", [False, True])
def test_reports_of_one_happening_at_other_granularities_are_one_event(tmp_path, reopen):
    """"On 18 November" and "in November", told alike: one event with both reports, whichever came first
    (an event stored earlier is looked up in SQL after reopening). The event keeps its first report's date
    (an ingest never rewrites a stored event's date: the analyst's merge takes the finer one), and each
    report keeps its own."""
    for first, second in ((KYIV_A, KYIV_MONTH), (KYIV_MONTH, KYIV_A)):
        store = Store.open(tmp_path / f"{first[1][:3]}{reopen}.db")
        dates = {KYIV_A: ("2024-11-18", "2024-11-18", "day"), KYIV_MONTH: ("2024-11-01", "2024-11-30", "month")}
        store.add_articles([_report(*first, *dates[first], ["RU", "UA"])])
        if reopen:
            store.close()
            store = Store.open(tmp_path / f"{first[1][:3]}{reopen}.db")
        store.add_articles([_report(*second, *dates[second], ["RU", "UA"])])
        (row,) = store.events()
        assert row.reports == 2
        assert (row.earliest[:10], row.latest[:10], row.granularity) == dates[first]
        assert sorted(x["granularity"] for x in store.excerpts(row.id)) == ["day", "month"]
        store.close()


def test_reports_of_other_days_are_other_events_even_told_alike(store):
    """The same words on the next day are the next day's happening (a war repeats itself): two events."""
    store.add_articles([_report(*KYIV_A, "2024-11-18", "2024-11-18", "day", ["RU", "UA"])])
    store.add_articles([_report(KYIV_B[0].replace("November 18", "November 19"), "November 19",
                                "2024-11-19", "2024-11-19", "day", ["RU", "UA"])])
    rows = store.events()
    assert sorted(r.value for r in rows) == ["2024-11-18", "2024-11-19"]
    assert all(r.reports == 1 and "reports disagree" not in (r.reasoning or "") for r in rows)


def test_reports_on_adjacent_days_with_the_same_toll_are_one_event_that_disagrees(store):
    """"on Monday" in one article, "on Tuesday" in another, both with the toll of 12: one strike, both reports
    kept, the event flagged (the reports disagree) and its date the first report's."""
    told = "A Russian missile strike on Odesa killed 12 people {}, the regional governor said."
    store.add_articles([_report(told.format("on Monday"), "on Monday", "2024-11-18", "2024-11-18", "day",
                                ["RU", "UA"])])
    store.add_articles([_report(told.format("on Tuesday"), "on Tuesday", "2024-11-19", "2024-11-19", "day",
                                ["RU", "UA"])])
    (row,) = store.events()
    assert row.reports == 2 and row.value == "2024-11-18"
    assert sorted(x["value"] for x in store.excerpts(row.id)) == ["2024-11-18", "2024-11-19"]
    from viewer import checks     # the warnings are worked out after an ingest, as the ingest does
    checks.refresh(store)
    assert "reports-disagree" in store.event(row.id).warnings


def test_reports_in_two_languages_with_the_same_toll_and_place_are_one_event(store):
    store.add_articles([_report("A Russian missile strike on Odesa killed 12 people on Monday, the governor said.",
                                "on Monday", "2024-11-18", "2024-11-18", "day", ["RU", "UA"])])
    store.add_articles([_report("Une frappe de missile russe sur Odessa a fait 12 morts lundi, selon le gouverneur.",
                                "lundi", "2024-11-18", "2024-11-18", "day", ["RU", "UA"])])
    (row,) = store.events()
    assert row.reports == 2
    assert {x["sentence"][:6] for x in store.excerpts(row.id)} == {"A Russ", "Une fr"}


def test_an_article_never_merges_with_itself(store):
    text = KYIV_A[0] + " " + KYIV_A[0].replace("Monday, November 18", "Monday, 18 November")
    art = Article(text, published="2024-11-20")
    events = []
    for when in ("Monday, November 18", "Monday, 18 November"):
        s = text.index(when)
        start = text.rindex("Russia", 0, s)
        time = TimeExpression(s, s + len(when), when, "DATE", "2024-11-18", "2024-11-18", "2024-11-18",
                              "day", "rule")
        events.append(Event(art.id, start, text.index(".", s) + 1, text[start:text.index(".", s) + 1],
                            time, "Attack", ["RU", "UA"]))
    assert store.add_articles([(art, events, ["RU", "UA"])]) == 2
    # ... and a later article adds one report to one of them, not to both
    store.add_articles([_report(*KYIV_B, "2024-11-18", "2024-11-18", "day", ["RU", "UA"])])
    assert sorted(r.reports for r in store.events()) == [1, 2]


def test_every_event_has_its_own_report_first(store):
    _seed(store)
    for row in store.events():
        (own,) = store.excerpts(row.id)
        assert own["article_id"] == row.article_id and own["sentence"] == row.sentence
        assert (own["time_start"], own["time_end"], own["value"]) == (row.time_start, row.time_end,
                                                                      row.value)
        assert own["title"] == "Missiles" and own["url"] == "https://example.org/a"
    assert store.excerpts(10**9) == []


def test_the_store_merges_by_the_one_scorer(store):
    """Two reports of the shelling of Kyiv are one event; a budget vote the same day with the same countries
    is another: the store weighs them with viewer.merging.same_happening, the scorer tests/test_merging.py
    checks (no fallback of its own that could judge differently)."""
    from viewer.merging import same_happening
    from viewer.store import MERGE_THRESHOLD
    store.add_articles([_report(*KYIV_A, "2024-11-18", "2024-11-18", "day", ["RU", "UA"])])
    store.add_articles([_report(*KYIV_B, "2024-11-18", "2024-11-18", "day", ["RU", "UA"])])
    store.add_articles([_report("On November 18 Ukraine's parliament voted on the budget, officials said.",
                                "November 18", "2024-11-18", "2024-11-18", "day", ["RU", "UA"])])
    assert sorted(r.reports for r in store.events()) == [1, 2]
    merged = next(r for r in store.events() if r.reports == 2)
    alone = next(r for r in store.events() if r.reports == 1)
    as_events = {r.id: Event(r.article_id, 0, len(r.sentence), r.sentence,
                             TimeExpression(0, 0, r.time_text or "", "DATE", r.value, r.earliest, r.latest,
                                            r.granularity), r.title, list(r.countries))
                 for r in (merged, alone)}
    assert same_happening(as_events[merged.id], as_events[alone.id]) < MERGE_THRESHOLD


def _triggers(store):
    return sorted(store.db.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))


def test_a_batch_fills_the_search_index_and_leaves_the_triggers_for_other_writers(store):
    """A batch fills the full-text indexes itself (its triggers are off while it writes): afterwards, and
    after a batch that failed, the triggers are back as they were, so another program's inserts and
    edits are still indexed, and FTS5's own integrity check passes."""
    before = _triggers(store)
    assert {name for name, _ in before} >= {"events_ai", "events_au", "excerpts_ai"}
    _seed(store)
    store.add_articles([_report(*KYIV_A, "2024-11-18", "2024-11-18", "day", ["RU", "UA"])])
    store.add_articles([_report(*KYIV_B, "2024-11-18", "2024-11-18", "day", ["UA", "RU"])])
    assert _triggers(store) == before
    assert store.count_events(ViewFilter(search="Barrot")) == 1
    assert store.count_events(ViewFilter(search="officials")) == 1      # the second report's words
    with pytest.raises(ValueError):
        store.add_articles([(Article("Broken one."), [Event("x", 0, 1, "A", TimeExpression(
            0, 1, "A", "DATE", "2024", "2024-13-01", "2024-12-31", "year"), "t")], [])])
    assert _triggers(store) == before
    conn = store.db.conn
    for table in ("events_fts", "excerpts_fts"):
        conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
    # another program edits a title: the trigger indexes it
    conn.execute("UPDATE events SET title = 'Zeppelin' WHERE id = (SELECT min(id) FROM events)")
    conn.commit()
    assert store.count_events(ViewFilter(search="Zeppelin")) == 1
