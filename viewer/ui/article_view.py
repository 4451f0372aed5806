"""The whole article an event came from, as text, with the event's sentence marked and scrolled to, in the
colours of the theme in force (written again when it changes); when it is shown from a window with a
database, a button to correct the article's publication date (viewer.ui.published_dialog) and one to add
an event by hand from the selected words (viewer.ui.add_event_dialog).

Like the excerpt panel: the article is escaped text, no links are followed and nothing is loaded.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout

from viewer.ui import formatting as fmt
from viewer.ui import theme
from viewer.ui.excerpt import LIGHT, SafeTextBrowser, marked_html, report_marks, scheme

SENTENCE_BG = LIGHT.sentence_bg
OTHER_TIME_BG = LIGHT.other_time_bg


def article_html(article: dict, report, other_times: list[tuple[int, int]] = ()) -> str:
    """The article's text, escaped; `report` (an event or excerpt: sentence and time offsets,
    mentions) marked; other events' date words (offsets) lightly marked."""
    c = scheme()
    text = article.get("text") or ""
    s0, s1 = report.sentence_start, report.sentence_end
    if text[s0:s1] != report.sentence:
        s0 = s1 = -1                        # offsets that disagree with the text: mark nothing
    marks = report_marks(report) if s0 >= 0 else []
    light = [(a, b, f'<span style="background-color:{c.other_time_bg}">') for a, b in other_times
             if a is not None and b is not None and not (s0 <= a < s1)]    # (a date not written: no words)

    def body(lo: int, hi: int, ms) -> str:
        return marked_html(text, lo, hi, ms).replace("\n", "<br>")

    if s0 >= 0:
        html_text = (body(0, s0, light)
                     + f'<a name="event"></a><span style="background-color:{c.sentence_bg}">'
                     + body(s0, s1, marks) + "</span>" + body(s1, len(text), light))
    else:
        html_text = body(0, len(text), light)
    return (f'<html><body style="font-size:10.5pt; color:{c.text}">'
            f'<p style="line-height:150%">{html_text}</p></body></html>')


class ArticleDialog(QDialog):
    def __init__(self, article: dict, report, other_times=(), parent=None):
        super().__init__(parent)
        self.setObjectName("articleDialog")
        self.article, self.report, self.other_times = article, report, list(other_times)
        title = fmt.article_label(article)
        self.setWindowTitle(title)
        self.resize(720, 640)
        head = QLabel(title, self)
        head.setObjectName("articleTitle")
        head.setWordWrap(True)
        head.setTextFormat(Qt.TextFormat.PlainText)
        self.meta = meta = QLabel(self._meta_text(), self)
        meta.setObjectName("articleMeta")
        meta.setWordWrap(True)
        meta.setTextFormat(Qt.TextFormat.PlainText)
        self.text = SafeTextBrowser(self)
        self.text.setObjectName("articleText")
        self.text.setHtml(article_html(article, report, other_times))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.published_button = self.add_button = None
        if article.get("id") and getattr(parent, "store", None) is not None and hasattr(parent, "editing"):
            self.published_button = QPushButton("Correct publication date…", self)
            self.published_button.setObjectName("correctPublished")
            self.published_button.setAutoDefault(False)
            self.published_button.clicked.connect(self.correct_published)
            buttons.addButton(self.published_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.add_button = QPushButton("Add event from selection…", self)
            self.add_button.setObjectName("addEventFromSelection")
            self.add_button.setAutoDefault(False)
            self.add_button.setEnabled(False)
            self.add_button.setToolTip("Select the words that tell the event, then add it: they become its "
                                       "sentence, dated by what they say or by a date you type")
            self.add_button.clicked.connect(self.add_event)
            self.text.copyAvailable.connect(self.add_button.setEnabled)
            buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        QShortcut(QKeySequence("Ctrl+W"), self, activated=self.reject)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 14, 16, 12)
        lay.setSpacing(6)
        lay.addWidget(head)
        lay.addWidget(meta)
        lay.addWidget(self.text, 1)
        lay.addWidget(buttons)
        theme.on_change(self.retheme)

    def _meta_text(self) -> str:
        a = self.article
        return fmt.published(a.get("published"), a.get("published_source")) + (
            f" · {a.get('source')}" if a.get("source") else "")

    def retheme(self) -> None:
        """The theme changed: the article written again in its colours, where it was."""
        bar = self.text.verticalScrollBar().value()
        self.text.setHtml(article_html(self.article, self.report, self.other_times))
        self.text.verticalScrollBar().setValue(bar)

    def correct_published(self):
        """Correct the article's publication date (the dialog over this one); once applied, the line
        under the title says the new date."""
        from viewer.ui.published_dialog import open_published_dialog
        dialog = open_published_dialog(self.parent(), self.article["id"], parent=self)
        if dialog is not None:
            dialog.applied.connect(self._published_changed)
        return dialog

    def selected_offsets(self) -> tuple[int, int] | None:
        """Where the selected words stand in the article's text (None: nothing selected)."""
        from viewer.ui.add_event_dialog import article_offsets
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            return None
        return article_offsets(self.article.get("text") or "", cursor.selectedText(), cursor.selectionStart())

    def add_event(self):
        """Add an event by hand from the selected words (the dialog over this one)."""
        from viewer.ui.add_event_dialog import open_add_event_dialog
        span = self.selected_offsets()
        if span is None:
            return None
        return open_add_event_dialog(self.parent(), self.article["id"], *span, parent=self)

    def _published_changed(self, _result) -> None:
        store = getattr(self.parent(), "store", None)
        fresh = store.article(self.article["id"]) if store is not None else None
        if fresh:
            self.article = fresh
            self.meta.setText(self._meta_text())

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        self.text.scrollToAnchor("event")
