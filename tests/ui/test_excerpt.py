"""The excerpt panel's HTML: highlights, context, how the date was worked out, and article text
treated strictly as text."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.ui.locale_helpers import english  # noqa: F401 - the fixture below
from viewer.ui.excerpt import TIME_BG, ExcerptPanel, context_bounds, excerpt_html, safe_url

from viewer.ui.formatting import country_colour  # noqa: E402

pytestmark = pytest.mark.usefixtures("english")     # the English month names these tests read


def _event(text, sentence, time_words, mentions=(), **kw):
    s0 = text.index(sentence)
    t0 = text.index(time_words, s0)
    ms = [[text.index(w, s0), text.index(w, s0) + len(w), code] for w, code in mentions]
    base = dict(id=7, article_id="a", title=sentence[:40], sentence=sentence, sentence_start=s0,
                sentence_end=s0 + len(sentence), time_start=t0, time_end=t0 + len(time_words),
                time_text=time_words, type="DATE", value="2024-09", earliest="2024-09-01",
                latest="2024-09-30", granularity="month", mod=None,
                reasoning="the most recent September before the reference date", anchor="2024-11-18",
                countries=[c for _, c in mentions], mentions=ms)
    base.update(kw)
    return SimpleNamespace(**base)


TEXT = ("Words are important. Last September, Russian President Vladimir Putin warned Kyiv. "
        "The US decision comes as Germany resumed talks. A fourth sentence follows here.")


def test_highlights_context_and_reasoning():
    sentence = "Last September, Russian President Vladimir Putin warned Kyiv."
    ev = _event(TEXT, sentence, "Last September", [("Russian", "RU"), ("Kyiv", "UA")])
    art = {"text": TEXT, "title": "Green light", "url": "https://example.org/a", "published": "2024-11-18",
           "published_source": "inferred"}
    html = excerpt_html(ev, art)
    assert f"background-color:{TIME_BG}" in html and ">Last September</span>" in html
    assert ">Russian</span>" in html and f"color:{country_colour('RU')}" in html   # each in its country's colour
    assert ">Kyiv</span>" in html and f"color:{country_colour('UA')}" in html
    assert "‘Last September’, relative to 18 Nov 2024 → September 2024" in html
    assert "Published 18 Nov 2024 (worked out from the text)" in html
    assert "Words are important." in html                   # the sentence before, as context
    assert "The US decision comes as Germany resumed talks." in html   # and the one after
    assert "A fourth sentence" not in html
    assert 'href="https://example.org/a"' in html


def test_article_text_is_never_markup():
    text = ('Intro <b>bold</b>. Last September <img src="http://evil.example/x.png"> '
            '<script>alert(1)</script> happened. <a href="javascript:alert(1)">x</a> end.')
    sentence = 'Last September <img src="http://evil.example/x.png"> <script>alert(1)</script> happened.'
    ev = _event(text, sentence, "Last September")
    art = {"text": text, "title": "<i>Title</i>", "url": "javascript:alert(1)", "published": None}
    html = excerpt_html(ev, art)
    assert "<img" not in html and "<script" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;img src=&quot;http://evil.example/x.png&quot;&gt;" in html
    assert "javascript:" not in html.split("</p>", 2)[1]     # no link made from a bad URL
    assert "Publication date unknown" in html


def test_panel_shows_text_and_refuses_remote_resources(qtbot, tmp_path):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QTextBrowser

    panel = ExcerptPanel()
    qtbot.addWidget(panel)
    assert not panel.openLinks() and not panel.openExternalLinks()
    text = 'Before. Last September <img src="http://evil.example/x.png"> it rained. After.'
    ev = _event(text, 'Last September <img src="http://evil.example/x.png"> it rained.', "Last September")
    panel.show_event(ev, {"text": text, "title": "T"})
    assert '<img src="http://evil.example/x.png">' in panel.toPlainText()
    # a file on this machine that a plain QTextBrowser would read: the panel does not
    local = tmp_path / "style.css"
    local.write_text("body { color: red }", encoding="utf-8")
    kind, url = QTextDocument.ResourceType.StyleSheetResource, QUrl.fromLocalFile(str(local))
    plain = QTextBrowser()
    qtbot.addWidget(plain)
    assert plain.loadResource(kind, url)
    assert panel.loadResource(kind, url) is None
    panel.clear_event()
    assert panel.event_id() is None and "No event selected" in panel.toPlainText()


def test_safe_url():
    assert safe_url("https://example.org/x") == "https://example.org/x"
    assert safe_url("http://example.org") == "http://example.org"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi", "", None, "ftp://x"):
        assert safe_url(bad) is None


def test_context_bounds_stay_near_the_sentence():
    text = "One. Two two. Three three three. Four. Five."
    s = text.index("Three")
    e = s + len("Three three three.")
    c0, c1 = context_bounds(text, s, e)
    assert text[c0:s].strip() == "Two two."
    assert text[e:c1].strip() == "Four."
    long = "x" * 5000 + ". Target sentence. " + "y" * 5000
    s = long.index("Target")
    c0, c1 = context_bounds(long, s, s + len("Target sentence."))
    assert s - c0 <= 420 and c1 - s <= 420 + len("Target sentence.")


def test_every_report_of_an_event_is_shown(qtbot, window, known_db):
    """A second article telling of the same happening becomes a second report of the event."""
    from viewer.model import Article, CountryMention, Event, TimeExpression
    from viewer.store import Store

    text = "Talks again. Germany resumed talks with Moscow last weekend, officials in Berlin said."
    sentence = text[len("Talks again. "):]
    t0 = text.index("last weekend")
    art = Article(text=text, title="Berlin and Moscow talk", url="https://news.example/berlin",
                  published="2024-11-19", published_source="metadata")
    ev = Event(art.id, text.index(sentence), len(text), sentence,
               TimeExpression(t0, t0 + 12, "last weekend", "DATE", "2024-W46-WE", "2024-11-16", "2024-11-17",
                              "weekend", "'last weekend' before 2024-11-19", None, "2024-11-19"),
               title="Germany resumed talks with Moscow", countries=["DE", "RU"],
               mentions=[CountryMention(text.index("Germany"), text.index("Germany") + 7, "Germany", "DE"),
                         CountryMention(text.index("Moscow"), text.index("Moscow") + 6, "Moscow", "RU")])
    s = Store.open(known_db)
    s.add_articles([(art, [ev], ["DE", "RU"])])
    weekend = [e for e in s.events() if e.value == "2024-W46-WE"]
    s.close()
    assert len(weekend) == 1 and weekend[0].reports == 2        # one happening, told twice
    window.refresh()
    window.select_event(weekend[0].id)
    text_shown = window.excerpt.toPlainText()
    assert "ALSO REPORTED IN 1 OTHER ARTICLE" in text_shown
    assert "officials in Berlin said" in text_shown
    assert "Berlin and Moscow talk" in text_shown
    assert "The US decision comes as Germany resumed talks" in text_shown   # the first report too


def test_read_the_whole_article(qtbot, window, known_db):
    from PySide6.QtCore import QUrl

    from viewer.ui.article_view import SENTENCE_BG

    ev = window.model.event_at(1)
    window.select_event(ev.id)
    html = window.excerpt.toHtml()
    assert "ct-article:" in html and "Read the whole article" in window.excerpt.toPlainText()
    with qtbot.waitSignal(window.excerpt.articleRequested) as sig:
        window.excerpt._on_anchor(QUrl(f"ct-article:{ev.article_id}/{ev.id}/{ev.sentence_start}"))
    assert sig.args == [ev.article_id, ev.id, ev.sentence_start]
    dialog = window.show_article(*sig.args)
    qtbot.addWidget(dialog)
    assert dialog is not None and dialog.isVisible()
    shown = dialog.text.toPlainText()
    assert "The United States has given Ukraine the green light" in shown   # the whole text
    assert "Read more" in shown
    assert SENTENCE_BG in dialog.text.toHtml().lower()
    # opened at the event's sentence: it lies below the first screenful, and it is on screen
    found = dialog.text.document().find(ev.sentence[:40])
    assert not found.isNull()
    where = dialog.text.cursorRect(found)
    assert where.top() + dialog.text.verticalScrollBar().value() > dialog.text.viewport().height()
    assert dialog.text.viewport().rect().contains(where)


def test_article_view_escapes_the_text():
    from viewer.ui.article_view import article_html

    text = 'Hi <script>x()</script>. Last September <img src="http://e.example/a.png"> it rained.'
    sentence = 'Last September <img src="http://e.example/a.png"> it rained.'
    ev = _event(text, sentence, "Last September")
    html = article_html({"text": text}, ev)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
