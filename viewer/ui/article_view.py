"""The whole article an event came from, as text, with the event's sentence marked and scrolled to.

Like the excerpt panel: the article is escaped text, no links are followed and nothing is loaded.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from viewer.ui import formatting as fmt
from viewer.ui.excerpt import SafeTextBrowser, marked_html, report_marks

SENTENCE_BG = "#e8eefc"
OTHER_TIME_BG = "#fff3c4"


def article_html(article: dict, report, other_times: list[tuple[int, int]] = ()) -> str:
    """The article's text, escaped; `report` (an event or excerpt: sentence and time offsets,
    mentions) marked; other events' date words (offsets) lightly marked."""
    text = article.get("text") or ""
    s0, s1 = report.sentence_start, report.sentence_end
    if text[s0:s1] != report.sentence:
        s0 = s1 = -1                        # offsets that disagree with the text: mark nothing
    marks = report_marks(report) if s0 >= 0 else []
    light = [(a, b, f'<span style="background-color:{OTHER_TIME_BG}">') for a, b in other_times
             if not (s0 <= a < s1)]

    def body(lo: int, hi: int, ms) -> str:
        return marked_html(text, lo, hi, ms).replace("\n", "<br>")

    if s0 >= 0:
        html_text = (body(0, s0, light)
                     + f'<a name="event"></a><span style="background-color:{SENTENCE_BG}">'
                     + body(s0, s1, marks) + "</span>" + body(s1, len(text), light))
    else:
        html_text = body(0, len(text), light)
    return ('<html><body style="font-size:10.5pt; color:#1f2937">'
            f'<p style="line-height:150%">{html_text}</p></body></html>')


class ArticleDialog(QDialog):
    def __init__(self, article: dict, report, other_times=(), parent=None):
        super().__init__(parent)
        self.setObjectName("articleDialog")
        title = fmt.article_label(article)
        self.setWindowTitle(title)
        self.resize(720, 640)
        head = QLabel(title, self)
        head.setObjectName("articleTitle")
        head.setWordWrap(True)
        head.setTextFormat(Qt.TextFormat.PlainText)
        meta = QLabel(fmt.published(article.get("published"), article.get("published_source"))
                      + (f" · {article.get('source')}" if article.get("source") else ""), self)
        meta.setObjectName("articleMeta")
        meta.setWordWrap(True)
        meta.setTextFormat(Qt.TextFormat.PlainText)
        self.text = SafeTextBrowser(self)
        self.text.setObjectName("articleText")
        self.text.setHtml(article_html(article, report, other_times))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+W"), self, activated=self.reject)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 14, 16, 12)
        lay.setSpacing(6)
        lay.addWidget(head)
        lay.addWidget(meta)
        lay.addWidget(self.text, 1)
        lay.addWidget(buttons)

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        self.text.scrollToAnchor("event")
