"""A window that behaves (issue 15), in the real window offscreen: stable country colours that the list,
the lanes and the excerpt agree on; dates you can type; drop-down arrows; the legend; the packaged
program's screenshot with no --db."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel

from tests.ui.timeline_helpers import event_id, make_store
from viewer.ui import formatting as fmt
from tests.ui.window_helpers import shown_window

ROOT = Path(__file__).resolve().parents[2]

# two databases with different countries (and different lane orders): UA is in both
FIRST = [
    ("Talks in Paris", "2024-09-02", "2024-09-02", "day", ["FR"]),
    ("Shelling of Kharkiv", "2024-09-10", "2024-09-10", "day", ["UA"]),
    ("Drone strike", "2024-09-20", "2024-09-20", "day", ["RU"]),
]
SECOND = [(f"Meeting {k}", f"2024-10-{k + 1:02d}", f"2024-10-{k + 1:02d}", "day", [code])
          for k, code in enumerate(["DE", "US", "PL", "GB", "CN", "IR", "TR", "IL", "KP", "BY", "NATO", "EU",
                                    "HU", "RO"])]
SECOND.append(("Grain deal talks", "2024-10-08", "2024-10-08", "day", ["UA"]))


def _window(qtbot, warnings_shown, path):
    w = shown_window(qtbot)
    assert w.open_database(str(path))
    return w


def _swatch(window, code) -> str:
    tree = window.filters.countries.tree
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if item.data(0, Qt.ItemDataRole.UserRole) == code:
            return item.icon(0).pixmap(12, 12).toImage().pixelColor(6, 6).name()
    raise AssertionError(f"{code} not in the country list")


def _lane(window, eid, code) -> str:
    timeline = window.timeline
    assert timeline.scroll_to_lane(code)          # lanes that do not all fit scroll: the person scrolls to it
    pos = timeline.event_view_pos(eid, lane=code)
    assert pos is not None, code
    return timeline.viewport_widget().grab().toImage().pixelColor(pos).name()


def _chip(window, code) -> str:
    """The foreground colour of the excerpt's chip naming the country (as the document renders it)."""
    doc = window.excerpt.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.text().strip("\xa0 ") == fmt.country_name(code):
                return frag.charFormat().foreground().color().name()
            it += 1
        block = block.next()
    raise AssertionError(f"no chip for {code}")


def _colours_of(qtbot, warnings_shown, path, rows, title, code):
    make_store(path, rows).close()
    w = _window(qtbot, warnings_shown, path)
    from viewer.store import Store
    store = Store.open(str(path), readonly=True)
    eid = event_id(store, title)
    store.close()
    w.select_event(None)
    w.fit_all()
    qtbot.wait(50)
    lane = _lane(w, eid, code)
    w.select_event(eid)
    qtbot.waitUntil(lambda: w.excerpt.event_id() == eid)
    colours = {"swatch": _swatch(w, code), "lane": lane, "chip": _chip(w, code)}
    shown = {c: _swatch(w, c) for c in w.filters.countries.codes()}
    w.close()
    return colours, shown


def test_a_country_keeps_its_colour_in_every_database_and_every_view(qtbot, warnings_shown, tmp_path):
    a, shown_a = _colours_of(qtbot, warnings_shown, tmp_path / "a.db", FIRST, "Shelling of Kharkiv", "UA")
    b, shown_b = _colours_of(qtbot, warnings_shown, tmp_path / "b.db", SECOND, "Grain deal talks", "UA")
    # the list's swatch, the lane's dot and the excerpt's chip agree, in both databases, on one colour
    assert len(set(a.values()) | set(b.values())) == 1, (a, b)
    assert a["lane"] == fmt.country_colour("UA")
    # beyond ten countries, every lane still has a colour of its own; no country's is grey
    assert len(shown_b) == 15 and len(set(shown_b.values())) == 15
    assert fmt.country_colour(fmt.NO_COUNTRY) not in shown_b.values()
    # and the countries of both keep theirs
    assert shown_a["UA"] == shown_b["UA"]


def test_country_colours_are_well_separated_and_the_same_in_every_run():
    def lab(hex_colour):
        def lin(c):
            c /= 255
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b = (lin(int(hex_colour[i:i + 2], 16)) for i in (1, 3, 5))
        x, y, z = ((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b,
                   (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)

        def f(t):
            return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
        return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))

    frequent = ["UA", "RU", "US", "DE", "FR", "GB", "PL", "NATO", "EU", "BY", "CN", "IR", "TR", "IL", "KP"]
    labs = [lab(fmt.country_colour(c)) for c in frequent + [fmt.NO_COUNTRY]]
    closest = min(sum((p - q) ** 2 for p, q in zip(labs[i], labs[j])) ** 0.5
                  for i in range(len(labs)) for j in range(i))
    assert closest > 15                       # no two look alike (CIE76), nor like the no-country grey
    # a rare country's colour is none of the frequent ones', and does not change with the process
    rare = ["XK", "MD", "EE", "LV", "LT", "FI", "SE", "KZ", "AM", "AZ"]
    assert not {fmt.country_colour(c) for c in rare} & {fmt.country_colour(c) for c in frequent}
    code = ("import sys; from viewer.ui.formatting import country_colour; "
            "print([country_colour(c) for c in sys.argv[1:]])")
    outs = {subprocess.run([sys.executable, "-c", code, *rare], capture_output=True, text=True, cwd=ROOT,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert outs == {str([fmt.country_colour(c) for c in rare]) + "\n"}


def test_countries_that_are_reported_together_do_not_share_a_colour():
    """44 colours cannot give ~230 countries one each; the ones that share are far apart, never neighbours
    (QA saw Afghanistan and Armenia, Saudi Arabia and Ethiopia, Sudan and Azerbaijan drawn alike)."""
    regions = {
        "Baltic and Nordic": "EE LV LT FI SE NO DK IS BY RU PL",
        "Caucasus and Central Asia": "AM AZ GE KZ UZ TM TJ AF IR TR",
        "Middle East": "SA YE OM AE QA KW IQ JO SY LB IL PS EG IR TR",
        "Horn of Africa": "ET ER DJ SO KE SD SS",
        "Central Europe": "AT CH CZ SK HU SI DE PL",
        "Balkans": "RS HR BA ME MK AL XK BG GR RO",
        "Sahel": "ML NE BF TD MR SN NG DZ LY",
        "Great Lakes": "CD RW UG BI TZ CF",
    }
    for region, codes in regions.items():
        colours = {code: fmt.country_colour(code) for code in codes.split()}
        shared = {(a, b) for a in colours for b in colours if a < b and colours[a] == colours[b]}
        assert not shared, (region, shared)
    for a, b in [("AF", "AM"), ("SA", "ET"), ("SD", "AZ")]:
        assert fmt.country_colour(a) != fmt.country_colour(b)
    # every country the app can find has a colour from the table (none left to the hash)
    import json
    known = json.loads((ROOT / "resources" / "countries.json").read_text(encoding="utf-8"))["countries"]
    table = json.loads((ROOT / "resources" / "country_colours.json").read_text(encoding="utf-8"))["colours"]
    assert set(known) - set(fmt.FREQUENT) <= set(table)


def _type_date(qtbot, edit, text):
    edit.setFocus()
    edit.lineEdit().selectAll()
    qtbot.keyClicks(edit.lineEdit(), text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _shown_values(window) -> set[str]:
    return {window.model.event_at(r).value for r in range(window.model.rowCount())}


def test_typed_dates_filter_the_events(qtbot, window):
    panel = window.filters
    assert window.model.rowCount() == 4
    _type_date(qtbot, panel.date_from, "1 Sep 2024")
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)       # the summer ended on 31 August
    assert panel.view_filter().date_from == "2024-09-01" and panel.date_from.text() == "2024-09-01"
    assert "2024-SU" not in _shown_values(window)
    _type_date(qtbot, panel.date_to, "2024-09")                 # a month in To: its last day
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert panel.view_filter().date_to == "2024-09-30" and _shown_values(window) == {"2024-09"}
    _type_date(qtbot, panel.date_to, "2024")                    # a year: to its end
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    assert panel.view_filter().date_to == "2024-12-31"
    _type_date(qtbot, panel.date_from, "any")
    qtbot.waitUntil(lambda: window.model.rowCount() == 4)
    assert panel.view_filter().date_from is None


def test_a_date_that_cannot_be_read_says_so_and_keeps_the_last_good_one(qtbot, window):
    panel = window.filters
    _type_date(qtbot, panel.date_from, "2024-11-01")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert not panel.date_message.isVisible()
    _type_date(qtbot, panel.date_from, "31 Foo 2024")
    assert panel.date_message.isVisible() and "31 Foo 2024" in panel.date_message.text()
    assert panel.view_filter().date_from == "2024-11-01" and panel.date_from.text() == "2024-11-01"
    assert window.model.rowCount() == 2
    _type_date(qtbot, panel.date_from, "18 November 2024")      # a good date clears the message
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert not panel.date_message.isVisible()
    _type_date(qtbot, panel.date_to, "2024-02-30")              # no such day: said, and To stays "any"
    assert panel.date_message.isVisible() and "any" in panel.date_message.text()
    assert panel.view_filter().date_to is None


def test_tab_takes_a_typed_date_and_leaves_the_box(qtbot, window):
    """Tab leaves a date box like any field (not year -> month -> day inside it) and takes what was typed."""
    panel = window.filters
    box = panel.date_from
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "1 Sep 2024")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    assert panel.view_filter().date_from == "2024-09-01"
    assert not box.hasFocus()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert not box.hasFocus()


def test_every_combo_box_and_date_box_shows_its_arrow(qtbot, window):
    boxes = window.findChildren(QComboBox) + window.findChildren(QDateEdit)
    shown = [b for b in boxes if b.isVisible()]
    assert len(shown) >= 4                                      # From, To, Precision, Article at least
    for box in shown:
        img = box.grab().toImage()
        w, h = img.width(), img.height()
        dark = sum(1 for x in range(w - 24, w - 2) for y in range(3, h - 3)
                   if QColor(img.pixel(x, y)).lightness() < 170)
        assert dark >= 4, f"{box.objectName() or type(box).__name__} has no drop-down arrow"


def test_the_legend_opens_from_the_help_menu_and_draws_like_the_timeline(qtbot, window):
    from viewer.ui import legend

    action = legend.install(window)
    assert legend.install(window) is action                     # once
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help")
    assert action in help_menu.actions()
    action.trigger()
    dialog = window.findChild(legend.LegendDialog, "legendDialog")
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    for word in ("Dot", "Bar", "Band", "+N", "Density strip"):
        assert word in texts
    # the dot sample is a lane dot: the same colour as Ukraine's lane in the window
    sample = dialog.panel.samples["dot"].grab().toImage()
    centre = sample.pixelColor(sample.width() // 2, sample.height() // 2).name()
    assert centre == QColor(window.timeline.lane_colors()["UA"]).name() == _swatch(window, "UA")
    for kind, widget in dialog.panel.samples.items():           # every sample draws something
        img = widget.grab().toImage()
        colours = {img.pixel(x, y) for x in range(0, img.width(), 2) for y in range(0, img.height(), 2)}
        assert len(colours) > 2, kind


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG data folder is Linux's")
def test_screenshot_with_no_db_makes_the_default_database_from_the_seeds(tmp_path):
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "QT_QPA_PLATFORM": "offscreen"}
    out = tmp_path / "x.png"
    proc = subprocess.run([sys.executable, "-m", "viewer", "screenshot", "--out", str(out)], env=env,
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert (home / "data" / "conflict-timeline" / "timeline.db").is_file()   # made where the window looks
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1200, 700)
    colours = {img.pixel(x, y) for y in range(0, img.height(), 3) for x in range(0, img.width(), 3)}
    assert len(colours) > 200                                   # the seed's events, not a blank window


def test_the_import_filter_offers_every_format_the_readers_take():
    from PySide6.QtCore import QDir

    from viewer import sources
    articles = fmt.import_file_filter().split(";;")[0]
    patterns = articles[articles.index("(") + 1:articles.index(")")].split()
    for ext in sorted(sources.KNOWN_EXT):
        assert QDir.match(patterns, f"report{ext}"), ext
    for name in ("notes.md", "page.xhtml", "dump.ndjson", "table.tsv", "feed.rdf", "plain.text"):
        assert QDir.match(patterns, name), name
    assert not QDir.match(patterns, "timeline.db")
