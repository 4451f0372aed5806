"""The window on a database of the seed article as the tagger and the event builder read it (published
18 Nov 2024): what the tests of the analyst's corrections that re-run the tagger need (known_db is built
without the tagger, so its events are not what the event builder makes of the article)."""
from __future__ import annotations

import pytest

from tests.ui.conftest import SEED
from tests.ui.window_helpers import ingested, shown_window


@pytest.fixture
def seed_window(qtbot, tmp_path, warnings_shown):
    """(window, database path, the events as stored)."""
    if SEED is None:
        pytest.skip("seeds/ has no article")
    db, events = ingested(tmp_path, SEED.read_text(encoding="utf-8"), "2024-11-18")
    w = shown_window(qtbot)
    assert w.open_database(str(db))
    return w, db, events
