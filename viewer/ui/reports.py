"""The reports of an event the excerpt panel and the article dialog show, read from the store.

An event is told by one or more reports (its own sentence, and excerpts of other articles that told of the
same happening); these find them. No widgets here: the panels only draw what they are given."""
from __future__ import annotations

from viewer.ui.excerpt import MAX_REPORTS_SHOWN, ExcerptReport


def other_reports(store, ev) -> list[tuple[dict, dict | None]]:
    """The event's reports after its own (other articles that told of the same happening), each with its
    article for the first MAX_REPORTS_SHOWN (None for the rest, which are only counted)."""
    if ev.reports <= 1:
        return []
    rows = store.excerpts(ev.id)
    others = [r for r in rows
              if not (r.get("article_id") == ev.article_id and r.get("sentence_start") == ev.sentence_start)]
    articles: dict[str, dict | None] = {}
    out = []
    for row in others[:MAX_REPORTS_SHOWN]:
        aid = row.get("article_id")
        if aid not in articles:
            articles[aid] = store.article(aid)
        out.append((row, articles[aid]))
    return out + [(row, None) for row in others[MAX_REPORTS_SHOWN:]]


def find_report(store, article_id: str, event_id: int, start: int):
    """The report of the event in that article whose sentence starts at `start`: the event itself, or one
    of its excerpts (None if there is none)."""
    ev = store.event(event_id)
    if ev is None:
        return None
    if ev.article_id == article_id and ev.sentence_start == start:
        return ev
    for row in store.excerpts(event_id):
        if row.get("article_id") == article_id and row.get("sentence_start") == start:
            return ExcerptReport(row)
    return None
