"""The reports an event's excerpt and its article dialog show: its own first, then the other articles'."""
from __future__ import annotations

from types import SimpleNamespace

from viewer.ui.excerpt import MAX_REPORTS_SHOWN
from viewer.ui.reports import find_report, other_reports


class FakeStore:
    """Store.event / excerpts / article over a few rows; counts the articles read."""

    def __init__(self, ev, rows):
        self.ev, self.rows, self.read = ev, rows, []

    def event(self, event_id):
        return self.ev if event_id == self.ev.id else None

    def excerpts(self, event_id):
        return list(self.rows) if event_id == self.ev.id else []

    def article(self, article_id):
        self.read.append(article_id)
        return {"id": article_id, "title": f"Title {article_id}"}


def event(reports):
    return SimpleNamespace(id=7, article_id="a0", sentence_start=10, reports=reports)


def row(article_id, start, sentence="Talks resumed."):
    return {"article_id": article_id, "sentence_start": start, "sentence_end": start + len(sentence),
            "sentence": sentence}


def test_an_event_told_once_has_no_other_reports():
    ev = event(1)
    assert other_reports(FakeStore(ev, [row("a0", 10)]), ev) == []


def test_the_other_reports_leave_out_the_events_own_and_read_each_article_once():
    ev = event(4)
    store = FakeStore(ev, [row("a0", 10), row("a1", 0), row("a2", 5), row("a1", 40)])
    got = other_reports(store, ev)
    assert [(r["article_id"], r["sentence_start"], art["title"]) for r, art in got] == [
        ("a1", 0, "Title a1"), ("a2", 5, "Title a2"), ("a1", 40, "Title a1")]
    assert store.read == ["a1", "a2"]


def test_reports_beyond_those_shown_are_counted_without_their_articles():
    ev = event(MAX_REPORTS_SHOWN + 3)
    rows = [row("a0", 10)] + [row(f"a{i}", 0) for i in range(1, MAX_REPORTS_SHOWN + 3)]
    got = other_reports(FakeStore(ev, rows), ev)
    assert len(got) == MAX_REPORTS_SHOWN + 2
    assert all(art is not None for _r, art in got[:MAX_REPORTS_SHOWN])
    assert all(art is None for _r, art in got[MAX_REPORTS_SHOWN:])


def test_the_report_an_article_link_names_is_the_event_or_that_articles_excerpt():
    ev = event(2)
    store = FakeStore(ev, [row("a0", 10), row("a1", 30, "Shelling went on.")])
    assert find_report(store, "a0", 7, 10) is ev
    other = find_report(store, "a1", 7, 30)
    assert other.sentence == "Shelling went on." and other.sentence_start == 30
    assert find_report(store, "a1", 7, 31) is None
    assert find_report(store, "a1", 8, 30) is None          # no such event
