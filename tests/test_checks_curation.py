"""The analyst's edits mark the events whose date warnings they change (viewer.store.curation), and
`viewer.checks.refresh` works them out again: a date set by hand, a merge and its undo, a corrected
publication date, a retag."""
from __future__ import annotations

from tests.test_checks import _flags, _seed
from viewer import checks
from viewer.model import CHECK_AFTER_PUBLICATION, CHECK_REPORTS_DISAGREE, CHECK_WEEKDAY
from viewer.retag import retag_store, set_published_store
from viewer.store import Store, curation

SUNDAY = {"type": "DATE", "value": "2024-11-17", "earliest": "2024-11-17", "latest": "2024-11-17",
          "granularity": "day", "mod": None, "reasoning": "set by hand", "anchor": None}


def test_a_date_set_by_hand_a_merge_and_their_undo_are_checked_again(tmp_path):
    store = Store.open(tmp_path / "c.db")
    try:
        ids = _seed(store)
        checks.refresh(store)
        curation.edit(store, ids["agrees"], curation.Edit(date=SUNDAY), user="test")   # "Monday" on a Sunday
        assert store.pending_checks() == 1
        checks.refresh(store)
        assert _flags(store)[ids["agrees"]] == CHECK_WEEKDAY
        curation.undo(store)
        checks.refresh(store)
        assert _flags(store)[ids["agrees"]] == 0
        curation.merge(store, ids["past"], ids["scheduled"], user="test")
        checks.refresh(store)
        assert _flags(store)[ids["past"]] == CHECK_AFTER_PUBLICATION | CHECK_REPORTS_DISAGREE
        curation.undo(store)
        checks.refresh(store)
        assert _flags(store)[ids["past"]] == CHECK_AFTER_PUBLICATION
        assert _flags(store)[ids["scheduled"]] == 0
    finally:
        store.close()


def test_a_corrected_publication_date_and_a_retag_are_checked_again(tmp_path):
    from viewer.ingest import ingest_paths
    source = tmp_path / "k.txt"
    source.write_text("On Tuesday, 20 November 2024, Russian forces shelled Kharkiv.\n", encoding="utf-8")
    db = tmp_path / "p.db"
    ingest_paths([str(source)], str(db), jobs=1, published="2024-11-25")
    store = Store.open(db)
    try:
        checks.refresh(store)
        (event,) = store.events()
        assert event.warnings == ["weekday"]            # the 20th was a Wednesday
        retag_store(store)                              # built again, under the same id
        assert store.pending_checks() == 0 and store.event(event.id).warnings == ["weekday"]
        set_published_store(store, event.article_id, "2024-11-19")     # told in the past, now after it
        assert store.pending_checks() == 0
        assert store.event(event.id).warnings == ["after-publication", "weekday"]
    finally:
        store.close()
