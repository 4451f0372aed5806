"""Output you can publish: File ▸ Export view (PNG, SVG, PDF: a title, the date range, every lane, the legend,
nothing drawn outside the plot), File ▸ Print (to a PDF file here), File ▸ Export data (CSV, JSON, TimelineJS
of what the filters show), in the real window offscreen."""
from __future__ import annotations

import csv
import json
import re

import pytest
from PySide6.QtGui import QImage

from tests.ui.window_helpers import shown_window
from viewer.ui import publish
from viewer.ui.timeline import MIN_LANE_PX


@pytest.fixture
def many_lanes_db(tmp_path):
    """Twenty countries, one event each: more lanes than a small window shows without scrolling."""
    from tests.ui.timeline_helpers import make_store
    codes = ["UA", "RU", "FR", "DE", "US", "GB", "PL", "IT", "ES", "NL", "BE", "SE", "NO", "FI", "DK", "CZ", "SK",
             "HU", "RO", "BG"]
    rows = [(f"Event in {code}", f"2024-0{1 + k % 9}-1{k % 9}", f"2024-0{1 + k % 9}-1{k % 9}", "day", [code])
            for k, code in enumerate(codes)]
    s = make_store(tmp_path / "lanes.db", rows)
    s.close()
    return tmp_path / "lanes.db", codes


def _open(qtbot, path, size=(1000, 600)):
    w = shown_window(qtbot, size=size)
    assert w.open_database(str(path))
    qtbot.wait(20)
    return w


def test_export_svg_has_title_range_every_lane_and_legend(qtbot, many_lanes_db, warnings_shown, tmp_path):
    path, codes = many_lanes_db
    w = _open(qtbot, path)
    assert w.timeline._lanes_overflow(), "the window scrolls its lanes: some are hidden"
    out = tmp_path / "view.svg"
    assert w.export_view(str(out), title="Twenty countries in 2024")
    svg = out.read_text(encoding="utf-8")
    assert "Twenty countries in 2024" in svg
    assert "20 events" in svg
    for code in codes:                         # every lane's name on the axis, and in the legend
        assert re.search(rf">\s*{code}\s*<", svg), code
        assert f"({code})" in svg, code
    assert "a vague date" in svg and "density of many events" in svg
    # nothing of the plot is drawn below the axis: no lane name under the time axis labels
    assert not warnings_shown


def test_export_png_and_pdf_and_print_to_pdf(qtbot, many_lanes_db, warnings_shown, tmp_path):
    from PySide6.QtPrintSupport import QPrinter
    path, codes = many_lanes_db
    w = _open(qtbot, path)
    png = tmp_path / "view.png"
    assert w.export_view(str(png), title="Lanes")
    image = QImage(str(png))
    assert not image.isNull()
    page = publish.make_page(w, "Lanes")
    try:
        # every lane has its height in the page: the picture is taller than the lanes at their least
        assert page.timeline_height >= len(codes) * MIN_LANE_PX
        assert image.height() >= int(page.height * 2) - 2 and image.width() >= int(page.width * 2) - 2
    finally:
        page.view.close()
    pdf = tmp_path / "view.pdf"
    assert w.export_view(str(pdf))
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"/Type /Page" in data
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    assert w.print_view(printer, title="Printed")
    assert printed.read_bytes().startswith(b"%PDF") and printed.stat().st_size > 2000
    assert not warnings_shown


def test_the_page_shows_only_the_plot_inside_its_frame(qtbot, many_lanes_db, warnings_shown, tmp_path):
    """The PNG page: white margins around the plot, the legend below; the plot's last lane is whole."""
    path, codes = many_lanes_db
    w = _open(qtbot, path)
    page = publish.make_page(w, "Check")
    try:
        view = page.view
        assert not view._lanes_overflow(), "the copy for the page shows every lane"
        assert view.lanes() == w.timeline.lanes()
        assert view.visible_range() == pytest.approx(w.timeline.visible_range())
    finally:
        page.view.close()


def test_export_data_writes_what_the_filters_show(qtbot, known_db, warnings_shown, tmp_path):
    w = _open(qtbot, known_db)
    w.filters.countries.set_unchecked([c for c in w.filters.countries.codes() if c != "DE"])
    qtbot.waitUntil(lambda: w.events_shown() == 1, timeout=3000)
    out = tmp_path / "shown.csv"
    assert w.export_data(str(out), "csv") == 1
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 1 and "DE" in rows[0]["countries"]
    w.filters.reset()
    qtbot.waitUntil(lambda: w.events_shown() == w.event_total(), timeout=3000)
    out = tmp_path / "all.json"
    count = w.export_data(str(out), "json")
    assert count == w.event_total() and len(json.loads(out.read_text(encoding="utf-8"))) == count
    tl = tmp_path / "tl.json"
    w.export_data(str(tl), "timelinejs")
    assert "events" in json.loads(tl.read_text(encoding="utf-8"))
    assert not warnings_shown


def test_file_menu_offers_export_print_and_data(qtbot, known_db, warnings_shown):
    w = _open(qtbot, known_db)
    texts = [a.text().replace("&", "") for a in w.menuBar().actions()[0].menu().actions()]
    assert any("Export view" in t for t in texts)
    assert any("Print" in t for t in texts)
    assert any("Export data" in t for t in texts)
    assert w.print_action.shortcut().toString() and w.export_data_action.shortcut().toString() == "Ctrl+Shift+E"


def _grey(image: QImage, rect) -> "np.ndarray":
    import numpy as np
    part = image.copy(rect).convertToFormat(QImage.Format.Format_Grayscale8)
    w, h = part.width(), part.height()
    return np.frombuffer(part.constBits(), dtype=np.uint8).reshape(h, part.bytesPerLine())[:, :w].astype(int)


def _sharpness(grey) -> tuple[float, float]:
    """(share of the inked pixels that are dark, mean step between neighbours across the inked pixels):
    labels and dots drawn at the image's density have dark strokes and steep edges; the screen's 1x
    pictures scaled up to 2x have washed-out strokes and soft edges."""
    import numpy as np
    inked = grey < 230
    dark = float((grey < 60).sum()) / max(1, int(inked.sum()))
    steps = np.abs(np.diff(grey, axis=1))[inked[:, 1:]]
    return dark, float(steps.mean())


def test_export_png_draws_the_lanes_sharp_at_its_density(qtbot, many_lanes_db, warnings_shown, tmp_path):
    """The PNG is twice the screen's density: its lane labels and dots are as sharp as a page drawn at
    that density (not the screen's 1x pictures scaled up, blurred)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QPainter
    path, _codes = many_lanes_db
    w = _open(qtbot, path, size=(1400, 700))
    png = tmp_path / "view.png"
    assert w.export_view(str(png), title="Sharp")
    exported = QImage(str(png))
    page = publish.make_page(w, "Sharp")
    try:
        reference = QImage(int(page.width * 2), int(page.height * 2), QImage.Format.Format_ARGB32)
        reference.setDevicePixelRatio(2)
        reference.fill(QColor("#ffffff"))
        p = QPainter(reference)
        try:
            publish.paint_page(page, p)         # shapes and text drawn at 2x
        finally:
            p.end()
        area = publish.timeline_rect(page)
    finally:
        page.view.close()
    assert exported.size() == reference.size()
    # the plot, right of the lane names (which are text in both)
    left = area.left() + area.width() * 0.1
    plot = QRect(int(left * 2), int(area.top() * 2), int((area.right() - left) * 2), int(area.height() * 2))
    ref_dark, ref_steps = _sharpness(_grey(reference, plot))
    dark, steps = _sharpness(_grey(exported, plot))
    assert ref_dark > 0.05, "the plot shows labels"
    assert dark >= 0.85 * ref_dark, (dark, ref_dark)          # strokes as dark as drawn at 2x
    assert steps >= 0.9 * ref_steps, (steps, ref_steps)       # and edges as steep
    assert not warnings_shown
