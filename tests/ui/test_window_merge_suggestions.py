"""Merge suggestions in the window, on the seed article and its five renderings (48 events, eight happenings
each told in six languages, none merged at ingest): Merge with… lists the other-language reports of the
happening first, marked "likely the same happening" with why, the most alike chosen; the excerpt panel
says "Possibly also reported as …" for an event with such twins, with a link opening the dialog on the
most alike, and says nothing for an event whose twins share only the date and the countries."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl

from tests.ui.window_helpers import shown_window
from viewer.ingest import ingest_paths
from viewer.paths import seeds_dir
from viewer.store import Store
from viewer.ui.excerpt import MERGE_SCHEME, SUGGEST_SCHEME
from viewer.ui.merge import MergeDialog

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seed"
KURSK = ("Kursk", "Koursk", "Курской", "Курській")     # the Kursk happening, in every language


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("seed") / "ml.db"
    ingest_paths([str(seeds_dir()), str(SEEDS)], str(db), jobs=1)
    store = Store.open(db, readonly=True)
    try:
        sentences = {e.id: e.sentence for e in store.events()}
    finally:
        store.close()
    assert len(sentences) == 48
    return db, sentences


def _window(qtbot, db):
    w = shown_window(qtbot, size=(1200, 760))
    assert w.open_database(str(db))
    qtbot.waitUntil(lambda: w.model.rowCount() == 48)
    return w


def _find(sentences, *words) -> int:
    (eid,) = [i for i, s in sentences.items() if all(w in s for w in words)]
    return eid


def _lines(dialog) -> list[tuple[int, str]]:
    return [(dialog.list.item(i).data(Qt.ItemDataRole.UserRole), dialog.list.item(i).text())
            for i in range(dialog.list.count())]


def test_merge_with_lists_the_twins_in_other_languages_first_marked_and_the_best_chosen(qtbot, seed_db):
    db, sentences = seed_db
    w = _window(qtbot, db)
    russian = _find(sentences, "Курской")
    twins = {i for i, s in sentences.items() if any(k in s for k in KURSK)} - {russian}
    assert len(twins) == 5
    w.select_event(russian)
    dialog = w.merge_with(russian)
    assert isinstance(dialog, MergeDialog)
    lines = _lines(dialog)
    first_id, first_text = lines[0]
    assert first_id in twins
    assert "likely the same happening: same date, same countries, names" in first_text
    assert dialog.chosen() == first_id and dialog.ok.isEnabled()      # chosen, not merged: the analyst says
    marked = [i for i, text in lines if "likely the same happening" in text]
    assert set(marked) <= twins and len(marked) >= 4
    assert [i for i, _ in lines[:len(marked)]] == marked                   # the marked ones come first
    assert w.model.rowCount() == 48                                         # nothing merged by itself
    dialog.reject()


def test_the_excerpt_suggests_the_twins_and_its_link_opens_merge_with_on_the_best(qtbot, seed_db):
    db, sentences = seed_db
    w = _window(qtbot, db)
    russian = _find(sentences, "Курской")
    w.select_event(russian)
    text = " ".join(w.excerpt.toPlainText().split())
    m = re.search(r"Possibly also reported as (\d+) events in other languages \(([^)]*)\)", text)
    assert m and int(m.group(1)) >= 3 and "Russian" not in m.group(2)
    (href,) = re.findall(rf'href="({SUGGEST_SCHEME}:[^"]+)"', w.excerpt.toHtml())
    best = int(href.rsplit("/", 1)[1])
    assert any(k in sentences[best] for k in KURSK)
    w.excerpt.anchorClicked.emit(QUrl(href))
    (dialog,) = [d for d in w.findChildren(MergeDialog) if d.isVisible()]
    assert dialog.event_id == russian and dialog.chosen() == best
    dialog.reject()
    assert w.model.rowCount() == 48


def test_no_suggestion_for_an_event_whose_twins_share_only_date_and_countries(qtbot, seed_db):
    """"The United States has given Ukraine the green light…": its renderings share the publication days
    and the countries and no name, figure or mark: not suggested (the dialog still lists them)."""
    db, sentences = seed_db
    w = _window(qtbot, db)
    green = _find(sentences, "green light")
    w.select_event(green)
    assert "Possibly also reported" not in w.excerpt.toPlainText()
    assert SUGGEST_SCHEME not in w.excerpt.toHtml()
    assert MERGE_SCHEME in w.excerpt.toHtml()                    # Merge with… is still there


def test_on_a_big_database_the_suggestion_comes_from_the_worker_for_the_event_still_shown(qtbot, seed_db):
    """Finding the likely twins reads thousands of events on a big database: the window's worker does it,
    the panel shows the event at once and the suggestion when it comes; the answer for an event no longer
    shown is dropped."""
    db, sentences = seed_db
    w = shown_window(qtbot, size=(1200, 760))
    w.threaded_above = -1                      # this database counts as big: queries go to the worker
    assert w.open_database(str(db))
    assert w.runner.threaded()
    qtbot.waitUntil(lambda: w.model.rowCount() == 48, timeout=10000)
    russian, green = _find(sentences, "Курской"), _find(sentences, "green light")
    w.select_event(russian)
    w.select_event(green)                      # before the worker answers for the Kursk event, most likely
    qtbot.wait(300)
    assert "Possibly also reported" not in w.excerpt.toPlainText()       # not the Kursk event's twins
    w.select_event(russian)
    qtbot.waitUntil(lambda: "Possibly also reported" in w.excerpt.toPlainText(), timeout=10000)
    assert "Курской" in w.excerpt.toPlainText()
    w.close()
