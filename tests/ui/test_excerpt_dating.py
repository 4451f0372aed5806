"""The excerpt panel says how each event's date was obtained (written, reported by the publication, from
context) and warns where the date does not add up; events come from a real store, the panel is a real widget."""
from __future__ import annotations

import pytest

from tests.ui.locale_helpers import english  # noqa: F401 - the fixture below
from viewer.events import article_events
from viewer.model import Article
from viewer.store import Store
from viewer.ui.excerpt import ExcerptPanel

pytestmark = pytest.mark.usefixtures("english")


def _stored(text, published=None, language="en"):
    store = Store.open(":memory:")
    article, events, countries = article_events(Article(text=text, published=published, language=language,
                                                        published_source="given" if published else None))
    store.add_articles([(article, events, countries)])
    return store, article.id


def _panel_text(qtbot, store, event):
    panel = ExcerptPanel()
    qtbot.addWidget(panel)
    panel.show_event(event, store.article(event.article_id), [])
    return panel.toPlainText()


def test_a_reported_happening_says_it_was_reported_by_the_publication(qtbot):
    store, _ = _stored("Russian forces shelled Kharkiv, the regional governor said.", "2024-11-18")
    try:
        (event,) = list(store.events())
        assert event.dating == "reported" and event.time_start is None
        text = _panel_text(qtbot, store, event)
        assert "reported on 18 Nov 2024" in text
        assert "16–18 Nov 2024" in text           # a band that ends on the publication day, not one day
    finally:
        store.close()


def test_written_and_undated_reports_say_so(qtbot):
    store, _ = _stored("Ukrainian drones hit a refinery in Ryazan on 3 March 2024, officials said.", "2024-03-05")
    try:
        (event,) = list(store.events())
        assert event.dating == "written"
        assert "written in the text" in _panel_text(qtbot, store, event)
    finally:
        store.close()
    store, _ = _stored("Rebels seized the airport and the army withdrew from the city.")
    try:
        (event,) = list(store.events())
        assert event.dating == "reported" and event.t0 is None
        text = _panel_text(qtbot, store, event)
        assert "Date unknown" in text and "1970" not in text
    finally:
        store.close()


def test_a_weekday_that_disagrees_with_its_date_is_flagged(qtbot):
    # 18 November 2024 was a Monday, not a Tuesday
    store, _ = _stored("The minister said on Tuesday, 18 November 2024 that talks had failed.", "2024-11-20")
    try:
        (event,) = [e for e in store.events() if e.dating == "written"]
        text = _panel_text(qtbot, store, event)
        assert "check:" in text and "Tuesday" in text and "Monday" in text
    finally:
        store.close()
    store, _ = _stored("The minister said on Monday, 18 November 2024 that talks had failed.", "2024-11-20")
    try:
        (event,) = [e for e in store.events() if e.dating == "written"]
        assert "check:" not in _panel_text(qtbot, store, event)
    finally:
        store.close()


def test_a_past_happening_dated_after_publication_is_flagged(qtbot):
    store, _ = _stored("Russian troops captured the village on 3 December 2024.", "2024-11-18")
    try:
        (event,) = list(store.events())
        text = _panel_text(qtbot, store, event)
        assert "dated after the article's publication" in text
    finally:
        store.close()
