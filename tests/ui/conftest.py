"""pytest-qt fixtures for the window tests: offscreen Qt, settings in a temporary folder, and a
small database of known events (the seed article's four) built without the tagger."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")   # before anything imports Qt

from pathlib import Path  # noqa: E402

import pyqtgraph as pg  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from viewer.model import Article, CountryMention, Event, TimeExpression  # noqa: E402
from viewer.paths import seeds_dir  # noqa: E402
from viewer.store import Store  # noqa: E402
from tests.ui.window_helpers import shown_window  # noqa: E402

pg.setConfigOptions(mouseRateLimit=-1)

SEED = next(iter(sorted(seeds_dir().glob("*.txt"))), None)

# (time words, sentence starts with, value, earliest, latest, granularity, reasoning,
#  [(mention words, code, occurrence-in-sentence)], countries)
KNOWN = [
    ("this Monday, November 18", "The Minister of Foreign Affairs", "2024-11-18", "2024-11-18", "2024-11-18",
     "day", "weekday and date agree with the publication date", [("French", "FR")], ["FR"]),
    ("this summer", "Initially, the objective", "2024-SU", "2024-06-01", "2024-08-31", "season",
     "'this summer': the summer of the reference year", [("Russia", "RU"), ("kyiv", "UA")], ["UA", "RU"]),
    ("Last September", "Last September, Russian President", "2024-09", "2024-09-01", "2024-09-30", "month",
     "'last September': the most recent September before the reference date",
     [("Russian", "RU")], ["RU"]),
    ("last weekend", "The US decision comes", "2024-W46-WE", "2024-11-16", "2024-11-17", "weekend",
     "'last weekend': the weekend before the reference date", [("Germany", "DE"), ("Moscow", "RU")],
     ["DE", "RU"]),
]
ANCHOR = "2024-11-18"


def _sentence_bounds(text: str, starts_with: str) -> tuple[int, int]:
    s = text.index(starts_with)
    # the sentence ends at the first ". " / newline after the time words
    ends = [i for i in (text.find(". ", s), text.find(".\n", s), text.find("\n", s)) if i != -1]
    e = min(ends)
    return s, (e + 1 if text[e] == "." else e)


def known_articles(text: str) -> tuple[Article, list[Event]]:
    article = Article(text=text, title="United States gives Ukraine the green light",
                      url="https://example.org/news/ukraine-missiles", source=str(SEED or "seed.txt"),
                      published=ANCHOR, published_source="inferred")
    events = []
    for words, starts, value, earliest, latest, gran, reasoning, mentions, countries in KNOWN:
        s0, s1 = _sentence_bounds(text, starts)
        t0 = text.index(words, s0)
        assert t0 < s1, words
        time = TimeExpression(t0, t0 + len(words), words, "DATE", value, earliest, latest, gran,
                              reasoning, None, ANCHOR)
        ms = []
        for m, code in mentions:
            i = text.index(m, s0)
            assert i < s1, m
            ms.append(CountryMention(i, i + len(m), m, code))
        sentence = text[s0:s1]
        events.append(Event(article.id, s0, s1, sentence, time, title=sentence[:70], countries=countries,
                            mentions=ms))
    return article, events


def build_known_db(path: Path) -> Path:
    text = SEED.read_text(encoding="utf-8")
    article, events = known_articles(text)
    store = Store.open(path)
    store.add_articles([(article, events, sorted({c for e in events for c in e.countries}))])
    store.close()
    return path


@pytest.fixture
def known_db(tmp_path) -> Path:
    if SEED is None:
        pytest.skip("seeds/ has no article")
    return build_known_db(tmp_path / "known.db")


@pytest.fixture(autouse=True)
def english_desktop():
    """Every window test runs on an English desktop (month names follow the desktop's locale, which is
    otherwise whoever runs the tests'); a test of another locale sets its own inside."""
    from tests.ui.locale_helpers import default_locale
    with default_locale("en_US"):
        yield


@pytest.fixture(autouse=True)
def temp_settings(tmp_path, monkeypatch):
    """Every test gets its own empty QSettings folder (never the person's real settings)."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def warnings_shown(monkeypatch):
    """QMessageBox calls recorded instead of shown (they would block the test)."""
    shown: list[tuple[str, str]] = []

    def record(kind):
        def fake(parent, title, text, *args, **kwargs):
            shown.append((title, text))
            return QMessageBox.StandardButton.Ok
        return fake

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))
    return shown


@pytest.fixture
def window(qtbot, known_db, warnings_shown):
    w = shown_window(qtbot, remember=True)
    assert w.open_database(str(known_db))
    return w
