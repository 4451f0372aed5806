"""Shared helpers for the timeline tests: tiny databases and synthetic mouse/wheel input."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from viewer.model import Article, Event, TimeExpression
from viewer.store import Store

# (title, earliest, latest, granularity, countries)
SMALL = [
    ("Talks in Paris", "2024-09-02", "2024-09-02", "day", ["FR", "UA"]),
    ("Shelling of Kharkiv", "2024-09-10", "2024-09-10", "day", ["UA", "RU"]),
    ("Drone strike", "2024-09-20", "2024-09-20", "day", ["RU"]),
    ("Sanctions package", "2024-10-05", "2024-10-05", "day", ["FR"]),
    ("Kursk incursion", "2024-08-01", "2024-08-31", "month", ["UA", "RU"]),
    ("UN assembly", "2024-09-24", "2024-09-24", "day", []),
    ("Grain deal talks", "2024-10-20", "2024-10-20", "day", ["UA"]),
]


def make_store(path, rows=SMALL) -> Store:
    store = Store.open(str(path))
    batch = []
    for k, (title, earliest, latest, gran, countries) in enumerate(rows):
        sentence = f"On {earliest}, {title}."
        text = sentence
        art = Article(text=text + f" ({k})", title=title, published="2024-11-01")
        t = TimeExpression(start=3, end=3 + len(earliest), text=earliest, type="DATE",
                           value=earliest if gran == "day" else earliest[:7], earliest=earliest,
                           latest=latest, granularity=gran)
        ev = Event(article_id=art.id, sentence_start=0, sentence_end=len(sentence), sentence=sentence,
                   time=t, title=title, countries=list(countries))
        batch.append((art, [ev], list(countries)))
    store.add_articles(batch)
    return store


def event_id(store: Store, title: str) -> int:
    return store.db.execute("SELECT id FROM events WHERE title = ?", [title]).fetchone()[0]


def wheel(widget, pos: QPoint, delta: int = 120, modifiers=Qt.KeyboardModifier.NoModifier):
    gpos = widget.mapToGlobal(pos)
    ev = QWheelEvent(QPointF(pos), QPointF(gpos), QPoint(0, 0), QPoint(0, delta), Qt.MouseButton.NoButton,
                     modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, ev)


def _mouse(widget, kind, pos: QPoint, button, buttons, modifiers):
    ev = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), button, buttons, modifiers)
    QApplication.sendEvent(widget, ev)


def drag(widget, start: QPoint, end: QPoint, modifiers=Qt.KeyboardModifier.NoModifier, steps: int = 8):
    left = Qt.MouseButton.LeftButton
    _mouse(widget, QEvent.Type.MouseButtonPress, start, left, left, modifiers)
    for k in range(1, steps + 1):
        p = QPoint(start.x() + (end.x() - start.x()) * k // steps, start.y() + (end.y() - start.y()) * k // steps)
        _mouse(widget, QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, left, modifiers)
    _mouse(widget, QEvent.Type.MouseButtonRelease, end, left, Qt.MouseButton.NoButton, modifiers)


def click(widget, pos: QPoint, modifiers=Qt.KeyboardModifier.NoModifier):
    left = Qt.MouseButton.LeftButton
    _mouse(widget, QEvent.Type.MouseButtonPress, pos, left, left, modifiers)
    _mouse(widget, QEvent.Type.MouseButtonRelease, pos, left, Qt.MouseButton.NoButton, modifiers)


def double_click(widget, pos: QPoint):
    left = Qt.MouseButton.LeftButton
    click(widget, pos)
    _mouse(widget, QEvent.Type.MouseButtonDblClick, pos, left, left, Qt.KeyboardModifier.NoModifier)
    _mouse(widget, QEvent.Type.MouseButtonRelease, pos, left, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
