"""Property-based tests of the store: any input gives a result or a clear error (a StoreError), never a
crash, a hang, a changed database or a half-stored batch."""
import os
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.model import GRANULARITIES, Article, CountryMention, Event, TimeExpression, ViewFilter
from viewer.store import Store, StoreError, fts_query

SETTINGS = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "80")), deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

# Any text Python can hold, lone surrogates and NULs included.
ANY_TEXT = st.text(st.characters(codec=None), max_size=60)
NASTY = st.sampled_from(['"', "'", "*", "(", ")", "AND", "OR", "NOT", "NEAR(", "^", ":", "-", "--",
                         "'; DROP TABLE events; --", "\x00", "\ud800", "events_fts", "rowid", "%", "_",
                         "ℌ𝔢𝔩𝔩𝔬", "Ⅻ", "١٢", " ", "\n", "a" * 5000])
SEARCH = st.lists(st.one_of(ANY_TEXT, NASTY), max_size=6).map(" ".join)


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "t.db"
    store = Store.open(path)
    text = "Last September, Putin warned NATO. On Monday Kyiv was shelled by Russia."
    art = Article(text, title="Seed", published="2024-11-18")
    s2 = text.index("On Monday")
    events = [
        Event(art.id, 0, 34, text[:34], TimeExpression(0, 14, "Last September", "DATE", "2024-09",
                                                       "2024-09-01", "2024-09-30", "month", "r"),
              "Putin warns", ["RU", "NATO"]),
        Event(art.id, s2, len(text), text[s2:], TimeExpression(s2, s2 + 9, "On Monday", "DATE",
                                                                "2024-11-18", "2024-11-18", "2024-11-18",
                                                                "day", "r"), "Kyiv shelled", ["UA", "RU"]),
    ]
    store.add_articles([(art, events, ["RU", "UA"])])
    yield store
    store.close()


def _fingerprint(store):
    return (store.count_events(), len(list(store.articles())), store.integrity_check())


@SETTINGS
@given(SEARCH)
def test_any_search_gives_a_result_and_changes_nothing(filled, query):
    before = _fingerprint(filled)
    q = fts_query(query)
    assert q is None or isinstance(q, str)
    n = filled.count_events(ViewFilter(search=query))
    assert 0 <= n <= before[0]
    assert len(list(filled.events(ViewFilter(search=query), limit=5))) <= n
    filled.country_counts(ViewFilter(search=query))
    filled.time_span(ViewFilter(search=query))
    assert _fingerprint(filled) == before


@SETTINGS
@given(countries=st.one_of(st.none(), st.frozensets(st.one_of(ANY_TEXT, NASTY), max_size=80)),
       date_from=st.one_of(st.none(), ANY_TEXT, st.dates().map(str)),
       date_to=st.one_of(st.none(), ANY_TEXT, st.dates().map(str)),
       search=st.one_of(st.none(), SEARCH),
       gran=st.one_of(st.none(), ANY_TEXT, st.sampled_from(GRANULARITIES)),
       article_id=st.one_of(st.none(), ANY_TEXT),
       limit=st.one_of(st.none(), st.integers(min_value=-2**70, max_value=2**70)))
def test_any_filter_gives_a_result_or_a_clear_error(filled, countries, date_from, date_to, search, gran,
                                                    article_id, limit):
    before = _fingerprint(filled)
    f = ViewFilter(countries, date_from, date_to, search, gran, article_id)
    try:
        rows = list(filled.events(f, limit=limit))
        assert filled.count_events(f) >= len(rows)
        filled.country_counts(f)
        filled.time_span(f)
    except StoreError as exc:
        assert str(exc)                               # says why
    assert _fingerprint(filled) == before


INTS = st.one_of(st.integers(min_value=-5, max_value=500), st.integers(min_value=-2**70, max_value=2**70))
DATES = st.one_of(st.none(), st.dates().map(str), ANY_TEXT,
                  st.datetimes().map(lambda d: d.isoformat(timespec="minutes")))


@st.composite
def batches(draw):
    out = []
    for n in range(draw(st.integers(1, 3))):
        text = draw(ANY_TEXT) or "x"
        art = Article(text, title=draw(st.one_of(st.none(), ANY_TEXT)), url=draw(st.one_of(st.none(), ANY_TEXT)),
                      published=draw(DATES), id=draw(ANY_TEXT) or f"id{n}")
        events = []
        for _ in range(draw(st.integers(0, 3))):
            time = TimeExpression(draw(INTS), draw(INTS), draw(ANY_TEXT), draw(ANY_TEXT), draw(ANY_TEXT),
                                  draw(DATES), draw(DATES),
                                  draw(st.one_of(st.none(), st.sampled_from(GRANULARITIES), ANY_TEXT)),
                                  draw(ANY_TEXT), draw(st.one_of(st.none(), ANY_TEXT)),
                                  draw(st.one_of(st.none(), ANY_TEXT)))
            codes = draw(st.lists(st.one_of(st.sampled_from(["UA", "RU", "FR"]), ANY_TEXT), max_size=4))
            mentions = [CountryMention(draw(INTS), draw(INTS), "x", c) for c in codes[:2]]
            events.append(Event(art.id, draw(INTS), draw(INTS), draw(ANY_TEXT), time, draw(ANY_TEXT),
                                codes, mentions))
        out.append((art, events, draw(st.lists(ANY_TEXT, max_size=3))))
    return out


@SETTINGS
@given(batches())
def test_any_batch_is_stored_whole_or_refused_whole(tmp_path_factory, batch):
    path = tmp_path_factory.mktemp("batch") / "t.db"
    store = Store.open(path)
    try:
        added = store.add_articles(batch)
    except StoreError as exc:
        assert str(exc)
        assert store.count_events() == 0 and list(store.articles()) == []
    else:
        assert 0 <= added <= sum(len(events) for _, events, _ in batch)
        ids = {a["id"] for a in store.articles()}
        assert len(ids) == len({art.id for art, _, _ in batch})
        reports = sum(len(store.excerpts(r.id)) for r in store.events())
        assert reports == sum(len(events) for art, events, _ in batch
                              if art is next(a for a, _, _ in batch if a.id == art.id))
        assert store.add_articles(batch) == 0               # the same again changes nothing
    assert store.integrity_check() == ["ok"]
    store.close()


def _real_db(path):
    store = Store.open(path)
    arts = []
    for n in range(30):
        text = f"Article {n}: on Monday envoy {n} met the minister in Kyiv."
        art = Article(text, title=f"A{n}")
        s = text.index("on Monday")
        t = TimeExpression(s, s + 9, "on Monday", "DATE", "2024-11-18", "2024-11-18", "2024-11-18", "day", "r")
        arts.append((art, [Event(art.id, 0, len(text), text, t, f"Envoy {n}", ["UA"])], ["UA"]))
    store.add_articles(arts)
    store.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path.read_bytes()


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 2**20), st.binary(min_size=1, max_size=64)), min_size=1,
                max_size=6),
       st.booleans())
def test_any_damage_to_a_database_gives_a_result_or_a_clear_error(tmp_path_factory, damage, readonly):
    folder = tmp_path_factory.mktemp("damaged")
    path = folder / "t.db"
    data = bytearray(_real_db(path))
    for offset, junk in damage:
        offset %= len(data)
        data[offset:offset + len(junk)] = junk
    path.write_bytes(bytes(data))
    try:
        store = Store.open(path, readonly=readonly)
    except StoreError as exc:
        assert str(path) in str(exc)
        return
    try:
        list(store.events())
        store.count_events(ViewFilter(search="envoy", countries=frozenset({"UA"})))
        list(store.articles())
        for row in store.events(limit=3):
            store.excerpts(row.id)
        if not readonly:
            text = "A new report: on Tuesday talks resumed in Paris."
            store.add_articles([(Article(text), [], ["FR"])])
    except StoreError as exc:
        assert str(exc)
    finally:
        store.close()


@SETTINGS
@given(st.binary(max_size=4096), st.booleans())
def test_any_file_gives_a_database_or_a_clear_refusal(tmp_path_factory, content, sqlite_header):
    path = tmp_path_factory.mktemp("file") / "t.db"
    if sqlite_header:
        content = b"SQLite format 3\x00" + content
    path.write_bytes(content)
    try:
        store = Store.open(path)
    except StoreError as exc:
        assert str(path) in str(exc)
        assert path.read_bytes() == content                 # refused files are left untouched
        assert os.listdir(path.parent) == ["t.db"]
        return
    assert store.count_events() == 0
    store.close()


SENTENCES = ["Russia launched a massive missile attack on Kyiv {when}.",
             "{when} Russia launched a massive missile attack against Kyiv, officials said.",
             "Talks between the delegations resumed in Geneva {when}.",
             "{when} the delegations resumed talks in Geneva, a spokesman said.",
             "Drones struck an oil depot near the border {when}."]
WHENS = [("on Monday", "2024-11-18", "2024-11-18", "day"), ("on 18 November", "2024-11-18", "2024-11-18", "day"),
         ("on Tuesday", "2024-11-19", "2024-11-19", "day"), ("in November", "2024-11-01", "2024-11-30", "month"),
         ("that week", "2024-11-18", "2024-11-24", "week")]
CODES = st.sampled_from([["RU", "UA"], ["UA", "RU"], ["CH"], ["UA"], []])


@st.composite
def reporting(draw):
    """Articles of 1-3 sentences drawn from a few happenings, so that many reports match."""
    arts = []
    for _ in range(draw(st.integers(1, 8))):
        picks = draw(st.lists(st.tuples(st.integers(0, len(SENTENCES) - 1), st.integers(0, len(WHENS) - 1),
                                        CODES), min_size=1, max_size=3))
        sentences = [SENTENCES[s].format(when=WHENS[w][0]) for s, w, _ in picks]
        sentences = [x[0].upper() + x[1:] for x in sentences]
        text = " ".join(sentences) + f" ({draw(st.integers(0, 3))})"
        art = Article(text)
        events, pos = [], 0
        for (s, w, codes), sent in zip(picks, sentences):
            when, lo, hi, gran = WHENS[w]
            k = sent.lower().index(when.lower())
            time = TimeExpression(pos + k, pos + k + len(when), when, "DATE", lo, lo, hi, gran, "r")
            events.append(Event(art.id, pos, pos + len(sent), sent, time, sent[:30], list(codes)))
            pos += len(sent) + 1
        arts.append((art, events, sorted({c for _, _, cs in picks for c in cs})))
    return arts


@SETTINGS
@given(reporting(), st.integers(1, 4))
def test_merged_reports_keep_every_report_once(tmp_path_factory, arts, batch_size):
    path = tmp_path_factory.mktemp("merge") / "t.db"
    store = Store.open(path)
    for i in range(0, len(arts), batch_size):
        store.add_articles(arts[i:i + batch_size])
    unique = {art.id: events for art, events, _ in arts}
    given_reports = sum(len(events) for events in unique.values())
    conn = store.db.conn
    assert conn.execute("SELECT count(*) FROM excerpts").fetchone()[0] == given_reports
    # every event: reports = its excerpts, at least its own, each from a different article
    bad = conn.execute(
        "SELECT e.id FROM events e LEFT JOIN excerpts x ON x.event_id = e.id GROUP BY e.id"
        " HAVING count(x.id) != e.reports OR count(x.id) = 0"
        " OR count(DISTINCT x.article_id) != count(x.id)"
        " OR min(x.id) != (SELECT min(id) FROM excerpts WHERE event_id = e.id AND article_id = e.article_id)"
    ).fetchall()
    assert bad == []
    # merged reports agree with their event on countries and overlap its dates
    for row in store.events():
        for rep in store.excerpts(row.id):
            assert sorted(rep["countries"]) == sorted(row.countries)
            assert rep["earliest"] <= row.latest and rep["latest"] >= row.earliest
    before = sorted((r.id, r.reports) for r in store.events())
    assert store.add_articles(arts) == 0                        # all stored: nothing changes
    assert sorted((r.id, r.reports) for r in store.events()) == before
    assert store.integrity_check() == ["ok"]
    store.close()


def _stored(store) -> list:
    """Every report as (article, sentence start, its event's first article and sentence start), and each
    event's report count: what a user sees of the merging, independent of ids."""
    conn = store.db.conn
    return sorted(conn.execute(
        "SELECT x.article_id, x.sentence_start, e.article_id, e.sentence_start, e.reports"
        " FROM excerpts x JOIN events e ON e.id = x.event_id").fetchall())


@SETTINGS
@given(reporting(), st.integers(1, 4))
def test_merging_is_the_same_whether_earlier_events_are_in_memory_or_only_on_disk(tmp_path_factory, arts,
                                                                                  batch_size):
    """A Store finds the reports of one happening among the events it wrote itself in memory and among
    older events in SQL: one long import and the same import resumed after every batch (a new Store,
    so every earlier event is only on disk) must merge the same reports."""
    folder = tmp_path_factory.mktemp("index")
    one = Store.open(folder / "one.db")
    for i in range(0, len(arts), batch_size):
        one.add_articles(arts[i:i + batch_size])
    for i in range(0, len(arts), batch_size):
        again = Store.open(folder / "reopened.db")
        again.add_articles(arts[i:i + batch_size])
        again.close()
    reopened = Store.open(folder / "reopened.db")
    assert _stored(one) == _stored(reopened)
    one.close()
    reopened.close()
