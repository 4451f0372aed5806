"""Correcting an article's publication date in the real window (issue 14): from the excerpt panel's link
beside the date and from the article view; a typed date read as the edit dialog reads dates (a date that
cannot be read is said under the field, nothing changed); what moved listed with how far; an event whose
date was set by hand keeps it; the window shows the new dates; Undo behaves as the command line's."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QUrl, Qt
from PySide6.QtTest import QTest

from tests.ui.curation_window import seed_window  # noqa: F401 - the fixture
from viewer.store import Store, curation
from viewer.ui.published_dialog import PublishedDialog, shift_text


@pytest.fixture
def seed_by_words(seed_window):  # noqa: F811 - the fixture imported above
    """(window, database, the events by their time words; "(reported N)" for those with none)."""
    w, db, events = seed_window
    by_words = {e.time_text: e for e in events if e.time_text}
    by_words.update({f"(reported {e.id})": e for e in events if not e.time_text})
    return w, db, by_words


def _saved(db):
    s = Store.open(str(db), readonly=True)
    try:
        events = {e.id: e for e in s.events()}
        art = next(iter(s.articles()))
        return art, events
    finally:
        s.close()


def _dialog(w) -> PublishedDialog:
    found = [d for d in w.findChildren(PublishedDialog) if d.isVisible()]
    assert len(found) == 1
    return found[0]


def _done(qtbot, d: PublishedDialog) -> None:
    """Wait for the correction Apply started (it runs off the GUI thread) to end."""
    qtbot.waitUntil(lambda: not d.running(), timeout=60_000)


def _type(qtbot, field, text):
    field.clear()
    QTest.keyClicks(field, text)


def test_shift_text():
    assert (shift_text(1), shift_text(-7), shift_text(0), shift_text(None)) == ("+1 day", "−7 days", "same day", "")


def test_correct_the_publication_date_from_the_excerpt(seed_by_words, qtbot):
    w, db, by_words = seed_by_words
    weekend, september = by_words["last weekend"], by_words["Last September"]
    # a date set by hand first: it must stay
    w.select_event(september.id)
    assert w.editing.apply(september.id, curation.Edit(date={
        "type": "DATE", "value": "2024-09-11", "earliest": "2024-09-11", "latest": "2024-09-11",
        "granularity": "day"})) is not None
    w.select_event(weekend.id)
    html = w.excerpt.toHtml()
    link = re.search(r'href="(ct-published:[^"]+)"', html)
    assert link, "a link beside the published date"
    w.excerpt.anchorClicked.emit(QUrl(link.group(1)))
    d = _dialog(w)

    _type(qtbot, d.date_edit, "the day after tomorrow or so")          # cannot be read: said, nothing changed
    d.apply_button.click()
    assert d.date_message.isVisible() and "accepted" in d.date_message.text()
    _type(qtbot, d.date_edit, "November 2024")                         # a month is not a publication day
    d.apply_button.click()
    assert "one day" in d.date_message.text()
    assert _saved(db)[0]["published"] == "2024-11-18"

    _type(qtbot, d.date_edit, "17 November 2024")
    assert "17 Nov 2024" in d.date_message.text()                       # what it reads as, while typing
    QTest.keyClick(d.date_edit, Qt.Key.Key_Return)
    _done(qtbot, d)
    art, events = _saved(db)
    assert (art["published"], art["published_source"]) == ("2024-11-17", "given")
    assert events[weekend.id].earliest == "2024-11-09"                  # "last weekend" before Sunday 17th
    assert events[september.id].earliest == "2024-09-11"                # set by hand: kept
    rows = {r[0]: r for r in d.moved_rows()}
    moved = rows[weekend.title]
    assert moved[3] == "−7 days" and moved[1] != moved[2]
    kept = rows[september.title]
    assert "kept" in kept[2] and "September 2024" in kept[3]           # what the machine reads now
    # dated by the report (published that day or up to two days before): one day earlier each
    reported = [e for e in by_words.values() if not e.time_text]
    assert reported and all(rows[e.title][3] == "−1 day" for e in reported)
    assert by_words["this Monday, November 18"].title not in rows           # a date written in full: not moved
    assert d.summary.text().startswith(f"Published 18 Nov 2024 → 17 Nov 2024: {len(reported) + 1} events moved, "
                                       "1 kept its date set by hand")
    # the window shows the new dates: the excerpt of the selected event and its table row
    assert w.store.event(weekend.id).earliest == "2024-11-09"
    assert "9" in w.excerpt.toPlainText() and "Published 17 Nov 2024" in w.excerpt.toPlainText()

    # Undo is the command line's: it undoes the last edit of an event (here the hand-set date), not the
    # publication date; the event then takes what the machine reads against the new date
    w.editing.undo()
    art, events = _saved(db)
    assert art["published"] == "2024-11-17"
    assert events[september.id].earliest == "2024-09-01"
    # set back to the date it had: the relative dates move back
    d.back_button.click()
    _done(qtbot, d)
    art, events = _saved(db)
    assert art["published"] == "2024-11-18" and events[weekend.id].earliest == "2024-11-16"
    assert any(r[3] == "+7 days" for r in d.moved_rows())
    d.close()


def test_correct_the_publication_date_from_the_article_view(seed_by_words, qtbot):
    w, db, by_words = seed_by_words
    weekend = by_words["last weekend"]
    view = w.activate_event(weekend.id)
    assert view is not None and view.published_button is not None
    view.published_button.click()
    d = [x for x in view.findChildren(PublishedDialog) if x.isVisible()][0]
    _type(qtbot, d.date_edit, "2024-11-25")
    d.apply_button.click()
    _done(qtbot, d)
    assert _saved(db)[0]["published"] == "2024-11-25"
    assert "25 Nov 2024" in view.meta.text()
    assert w.store.event(weekend.id).earliest == "2024-11-23"
    d.close()
    view.close()
