"""The offscreen render of the real main window (what `conflict-timeline screenshot` writes)."""
from __future__ import annotations

from PySide6.QtGui import QImage

from viewer.ui.app import screenshot


def _distinct_colours(path, step=3) -> int:
    img = QImage(str(path))
    assert not img.isNull()
    seen = set()
    for y in range(0, img.height(), step):
        for x in range(0, img.width(), step):
            seen.add(img.pixel(x, y))
    return len(seen)


def test_screenshot_writes_a_full_png(qtbot, known_db, tmp_path):
    out = tmp_path / "shots" / "window.png"
    screenshot(str(known_db), str(out), size=(1200, 700))
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1200, 700)
    assert _distinct_colours(out) > 200        # a real window: text, lanes, highlights, not a blank


def test_screenshot_with_filters(qtbot, known_db, tmp_path):
    out, everything = tmp_path / "de.png", tmp_path / "all.png"
    screenshot(str(known_db), str(out), size=(900, 600), countries=["de"],
               date_range=("2024-11-01", "2024-11-30"))
    screenshot(str(known_db), str(everything), size=(900, 600))
    assert QImage(str(out)).width() == 900
    assert _distinct_colours(out) > 100
    assert QImage(str(out)) != QImage(str(everything))      # the filters show in the picture


def test_screenshot_of_a_bad_database_raises(qtbot, tmp_path):
    import pytest

    from viewer.store import StoreError
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 100)
    with pytest.raises(StoreError):
        screenshot(str(bad), str(tmp_path / "x.png"))
    assert not (tmp_path / "x.png").exists()
