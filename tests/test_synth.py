"""The synthetic database: schema-true rows whose dates, countries, offsets and search agree."""
from __future__ import annotations

import json

import pytest

from viewer.model import GRANULARITIES, ViewFilter
from viewer.store import Store, interval_seconds
from viewer.store import window as queries
from viewer.synth import synthesize


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("synth") / "s.db"
    synthesize(3000, str(path), seed=7)
    s = Store.open(str(path))
    yield s
    s.close()


def test_counts_and_articles(store):
    assert store.count_events() == 3000
    n_articles = store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 300 <= n_articles <= 400
    assert store.db.execute("SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)"
                            ).fetchone()[0] == 0


def test_articles_come_in_several_languages_some_unknown(store):
    """The benchmark databases give the language filter something to choose among."""
    choices = {row["code"]: row for row in queries.language_choices(store)}
    assert {"en", "uk", "ru", "fr", "de", "und"} <= set(choices)
    assert choices["en"]["events"] > choices["fr"]["events"] > 0
    assert sum(row["events"] for row in choices.values()) == 3000
    assert store.count_events(ViewFilter(languages=frozenset({"fr"}))) == choices["fr"]["events"]


def test_dates_agree(store):
    grans = set()
    for e in store.events():
        grans.add(e.granularity)
        assert e.granularity in GRANULARITIES
        assert (e.t0, e.t1) == interval_seconds(e.earliest, e.latest, e.granularity)
        assert e.t1 > e.t0
        if e.granularity == "month":
            assert e.value == e.earliest[:7]
        if e.granularity == "day":
            assert e.value == e.earliest == e.latest
    assert {"day", "month", "year", "season", "weekend", "hour"} <= grans
    lo, hi = store.time_span()
    assert hi - lo > 20 * 365 * 86400      # spread over decades


def test_countries_offsets_and_search(store):
    sizes = set()
    rows = store.db.execute("SELECT e.id, e.countries, e.sentence, e.sentence_start, e.sentence_end,"
                            " e.time_start, e.time_end, e.time_text, e.mentions, a.text"
                            " FROM events e JOIN articles a ON a.id = e.article_id").fetchall()
    for eid, countries, sentence, s0, s1, t0, t1, ttext, mentions, text in rows:
        codes = [c for c in countries.split(",") if c]
        sizes.add(len(codes))
        assert text[s0:s1] == sentence
        assert text[t0:t1].lower() == ttext.lower()
        stored = sorted(c for c, in store.db.execute("SELECT code FROM event_countries WHERE event_id = ?", [eid]))
        assert stored == sorted(codes)
        for a, b, code in json.loads(mentions):
            assert code in codes and text[a:b]
    assert sizes == {0, 1, 2, 3}
    assert len(store.country_counts()) >= 20
    hits = store.count_events(ViewFilter(search="Ukraine"))
    assert 0 < hits < 3000
    assert store.count_events(ViewFilter(countries=frozenset({"UA"}))) > 100


def test_triggers_and_indexes_survive(store):
    names = {n for n, in store.db.execute("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')")}
    assert {"idx_events_t0", "idx_event_countries_code_t0"} <= names
    assert any(n.startswith("events_a") for n in names)          # FTS sync triggers are back


def test_worker_processes_write_the_same_rows(tmp_path, monkeypatch):
    import viewer.synth as synth
    monkeypatch.setattr(synth, "_PARALLEL_MIN", 100)
    monkeypatch.setattr(synth, "_FLUSH_ARTICLES", 64)
    digests = []
    for workers, name in ((0, "serial.db"), (1, "parallel.db")):
        synthesize(2000, str(tmp_path / name), seed=5, workers=workers)
        s = Store.open(str(tmp_path / name))
        digests.append(s.db.execute("SELECT count(*), sum(t0), sum(length(sentence)), group_concat(countries)"
                                    " FROM events").fetchone())
        s.close()
    assert digests[0] == digests[1]


def test_every_event_has_its_own_report(store):
    tables = {n for n, in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "excerpts" not in tables:
        pytest.skip("schema without excerpts")
    missing = store.db.execute("SELECT count(*) FROM events e WHERE NOT EXISTS"
                               " (SELECT 1 FROM excerpts x WHERE x.event_id = e.id)").fetchone()[0]
    assert missing == 0
    row = store.db.execute("SELECT e.sentence, x.sentence, e.article_id, x.article_id FROM events e"
                           " JOIN excerpts x ON x.event_id = e.id LIMIT 1").fetchone()
    assert row[0] == row[1] and row[2] == row[3]
    assert store.excerpts(1)
