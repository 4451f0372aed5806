"""Dark mode: View ▸ Theme (System / Light / Dark, remembered), the system's colour scheme followed, and the
timeline, the style sheet, the excerpt and the article view with their highlights, the filter lists and
the legend readable in both (offscreen)."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from tests.ui.window_helpers import shown_window
from viewer.ui import theme
from viewer.ui import timeline_paint as tp
from viewer.ui.settings import open_settings


@pytest.fixture(autouse=True)
def back_to_light():
    yield
    theme.apply("light")


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return raw.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, :image.width(), :3].astype(np.float64)


def _lightness(image: QImage) -> float:
    return float(_pixels(image).mean())


def _contrast(fg: QColor, bg: QColor) -> float:
    """WCAG contrast ratio of two colours."""
    def lum(c):
        out = []
        for v in (c.redF(), c.greenF(), c.blueF()):
            out.append(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
        return 0.2126 * out[0] + 0.7152 * out[1] + 0.0722 * out[2]
    a, b = sorted((lum(fg), lum(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_view_menu_switches_the_theme_and_remembers_it(qtbot, known_db, warnings_shown):
    w = shown_window(qtbot, remember=True)
    assert w.open_database(str(known_db))
    light = _lightness(w.timeline.grab().toImage())
    w.theme_actions["dark"].trigger()
    qtbot.wait(20)
    assert theme.current() == "dark"
    assert w.theme_actions["dark"].isChecked()
    assert open_settings().value("view/theme") == "dark"
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness() < 80
    dark = _lightness(w.timeline.grab().toImage())
    assert dark < light - 80, (dark, light)
    # the timeline's text, lane names and labels are readable on its background
    assert _contrast(tp.TEXT, tp.BG) >= 7 and _contrast(tp.MUTED, tp.BG) >= 4.5
    assert _contrast(tp.TEXT, tp.LANE_ALT) >= 7
    assert _contrast(theme.colour("lane_text"), tp.BG) >= 7 and _contrast(theme.colour("axis_text"), tp.BG) >= 4.5
    # the style sheet went dark, the reading pane too (its HTML written again in the dark colours)
    sheet = QApplication.instance().styleSheet()
    assert "#1f242b" in sheet and "QTextBrowser#excerpt" in sheet
    excerpt = w.excerpt.grab().toImage()
    assert _lightness(excerpt) < 100, "the excerpt follows the theme"
    w.theme_actions["light"].trigger()
    qtbot.wait(20)
    assert theme.current() == "light" and _lightness(w.timeline.grab().toImage()) > dark + 80
    w.close()
    # next start: the remembered choice
    open_settings().setValue("view/theme", "dark")
    w2 = shown_window(qtbot, remember=True)
    assert w2.theme_actions["dark"].isChecked()
    w2.close()


def test_system_choice_follows_the_desktop(qtbot, monkeypatch, known_db, warnings_shown):
    monkeypatch.setattr(theme, "system_is_dark", lambda app=None: True)
    assert theme.apply("system") == "dark"
    monkeypatch.setattr(theme, "system_is_dark", lambda app=None: False)
    assert theme.apply("system") == "light"


def test_dark_labels_and_legend_readable_and_exports_stay_light(qtbot, known_db, warnings_shown, tmp_path):
    from viewer.ui.legend import LegendDialog
    w = shown_window(qtbot)
    assert w.open_database(str(known_db))
    w.set_theme("dark")
    qtbot.wait(20)
    item = w.timeline._item
    w.timeline._changed()
    w.timeline._ensure_painted()
    pm = item._label_pixmap("Sample title", tp.BG)
    image = pm.toImage()
    px = _pixels(image)
    assert px.max() > 180 and px.mean() < 120, "light text on a dark label"
    dialog = LegendDialog(w)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert _lightness(dialog.grab().toImage()) < 120
    out = tmp_path / "page.png"
    assert w.export_view(str(out), title="Dark window, light page")
    assert _lightness(QImage(str(out))) > 200, "a page for print is light"
    assert theme.current() == "dark", "exporting leaves the window dark"
    dialog.close()


def _text_and_page(image: QImage) -> tuple[float, float]:
    """(the page's lightness: the most common grey level; its text's: the lightest 0.3% of pixels) of
    an image of text on a dark page."""
    grey = _pixels(image).mean(axis=2).ravel()
    hist = np.bincount(grey.astype(int), minlength=256)
    return float(hist.argmax()), float(np.sort(grey)[-max(1, grey.size * 3 // 1000):].mean())


def _dark_text_and_page(image: QImage) -> tuple[float, float]:
    """(page, text) for a light page: its text the darkest 0.3% of pixels."""
    grey = _pixels(image).mean(axis=2).ravel()
    hist = np.bincount(grey.astype(int), minlength=256)
    return float(hist.argmax()), float(np.sort(grey)[:max(1, grey.size * 3 // 1000)].mean())


def test_dark_excerpt_article_and_filter_lists(qtbot, known_db, warnings_shown):
    from viewer.ui import excerpt as ex
    w = shown_window(qtbot)
    assert w.open_database(str(known_db))
    w.select_event(next(iter(w.store.events())).id)
    page, ink = _dark_text_and_page(w.excerpt.viewport().grab().toImage())
    assert page > 230 and ink < 90, "light: dark text on a light page"
    w.set_theme("dark")
    qtbot.wait(20)
    page, text = _text_and_page(w.excerpt.viewport().grab().toImage())
    assert page < 60 and text > 190, (page, text)        # a dark page, light text: the same event, written again
    html = w.excerpt.toHtml().lower()
    assert ex.DARK.time_bg in html and ex.LIGHT.time_bg not in html
    # every highlight reads on its background: date words, search, each country's mention, in both themes
    from viewer.ui import formatting as fmt
    for sc in (ex.LIGHT, ex.DARK):
        assert ex.contrast(sc.text, sc.page) >= 7 and ex.contrast(sc.strong, sc.sentence_bg) >= 7
        assert ex.contrast(sc.time_fg, sc.time_bg) >= 4.5 and ex.contrast(sc.strong, sc.search_bg) >= 4.5
        assert ex.contrast(sc.link, sc.page) >= 4.5 and ex.contrast(sc.muted, sc.page) >= 4.5
    for code in [*fmt._FIXED, "XX", "QQ", "ZZ"]:        # (on the light page: the lane's colour itself)
        bg, fg = ex.mention_colours(code, ex.DARK)
        assert ex.contrast(fg, bg) >= ex.MENTION_CONTRAST, code
        assert ex.mention_colours(code, ex.LIGHT)[1] == fmt.country_colour(code)

    # the article view, opened dark and switched back to light
    ev = w.store.event(w.view_state.selected)
    view = w.show_article(ev.article_id, ev.id, ev.sentence_start)
    qtbot.waitExposed(view)
    page, text = _text_and_page(view.text.viewport().grab().toImage())
    assert page < 60 and text > 190, (page, text)
    w.set_theme("light")
    qtbot.wait(20)
    page, ink = _dark_text_and_page(view.text.viewport().grab().toImage())
    assert page > 230 and ink < 90, (page, ink)
    view.close()

    # the filter panel's country list: dark, its names and counts light
    w.set_theme("dark")
    qtbot.wait(20)
    tree = w.filters.countries.tree
    page, text = _text_and_page(tree.viewport().grab().toImage())
    assert page < 80 and text > 180, (page, text)
