"""Pathological inputs in bounded work (issue 15): a 30 MB file that is one line is ingested beside a good
file, with at most 1,000 events and a note naming it; a sentence pasted 5,000 times, or a long line made of
the same stretch again and again, is one happening; no article gives more than 1,000 events. Times and
memory are measured by bench/pathological.py (docs/RELIABILITY.md), not asserted here."""
from __future__ import annotations

from datetime import date, timedelta

from tests.proc_helpers import GOOD, SENTENCE, UNIT_NO_ENDS, one_line
from viewer.events import MAX_EVENTS, MAX_TEXT_CHARS, article_events, article_events_noted
from viewer.model import Article


def test_a_30_mb_file_that_is_one_line_is_read_beside_a_good_file(tmp_path):
    from viewer.ingest import ingest_paths
    from viewer.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    one_line(folder / "huge.txt", 30 * 1024 * 1024)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    notes = []
    summary = ingest_paths([str(folder)], str(tmp_path / "t.db"), on_error=notes.append)
    assert summary.articles_added == 2 and not summary.stopped
    assert [n for n in notes if n.skipped] == []                         # nothing refused ...
    named = [n.message for n in notes if n.source.endswith("huge.txt")]
    assert any("characters were read" in m for m in named), named       # ... the limit named with the file
    store = Store.open(str(tmp_path / "t.db"), readonly=True)
    try:
        ids = {a["source"].rsplit("/", 1)[-1]: a["id"] for a in store.articles()}
        assert set(ids) == {"huge.txt", "good.txt"}
        assert len(store.article(ids["huge.txt"])["text"]) > 31_000_000          # stored whole
        per_article: dict[str, int] = {}
        for e in store.events():
            per_article[e.article_id] = per_article.get(e.article_id, 0) + 1
        assert per_article.get(ids["good.txt"], 0) >= 1                   # the good file is there
        assert 1 <= per_article.get(ids["huge.txt"], 0) <= 10             # one stretch again and again
    finally:
        store.close()


def test_a_sentence_pasted_5000_times_is_one_happening():
    article = Article(SENTENCE * 5000, title=None, source="pasted.txt", published="2024-11-18")
    _, events, _, notes = article_events_noted(article)
    assert 1 <= len(events) <= 10
    assert {e.time.value for e in events} == {"2022-03-03"}
    assert any("same happening" in n for n in notes)


def test_a_long_line_of_near_identical_stretches_is_one_happening():
    article = Article(UNIT_NO_ENDS * 8000, title=None, source="line.txt", published="2024-11-18")
    _, events, _, notes = article_events_noted(article)
    assert 1 <= len(events) <= 10
    assert any("pieces" in n for n in notes)


def test_no_article_gives_more_than_the_event_limit():
    start = date(1990, 1, 1)
    text = " ".join(f"On {start + timedelta(days=i):%d %B %Y}, the council of district {i} met in Kyiv."
                    for i in range(MAX_EVENTS + 200))
    _, events, _, notes = article_events_noted(Article(text, title=None, source="many.txt",
                                                       published="2024-11-18"))
    assert len(events) == MAX_EVENTS
    assert len({e.time.value for e in events}) == MAX_EVENTS
    assert any(f"first {MAX_EVENTS:,} events" in n for n in notes)


def test_ordinary_articles_are_read_whole_with_no_note():
    text = "On 3 March 2022, Russian forces shelled Kharkiv. Talks in Geneva on 5 March 2022 were put off. " * 3
    _, events, _, notes = article_events_noted(Article(text, title=None, source="a.txt", published="2024-11-18"))
    assert [e.time.value for e in events] == ["2022-03-03", "2022-03-05"]    # told three times: once each
    assert len(article_events(Article(text, title=None, source="a.txt", published="2024-11-18"))[1]) == 2
    assert MAX_TEXT_CHARS >= 1_000_000 and not any("characters were read" in n for n in notes)
