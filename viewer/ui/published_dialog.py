"""Correct an article's publication date from the window (the excerpt panel's "correct" link beside the
date, the article view's button): the date typed as the edit dialog reads dates (one day: 2024-11-17,
17 November 2024, last Monday …; a date that cannot be read is said under the field with the forms
accepted, and nothing is changed), then `viewer.retag.set_published_store` on the window's database, as
`set-published` does on the command line: every relative date of the article is read again against the
new day, events whose date was set by hand keep it. That runs off the GUI thread, on a connection of its
own (`viewer.ui.background.StoreJob`): on a long article, or when the new date changes which events the
article has and every article is tagged again, the dialog shows that it is working (with how many
articles are done, when it tags them all) and the window keeps painting; the fields, Apply and Close wait
for the end, and edits of events are refused meanwhile (`Editing.busy`). The dialog then lists what
moved and by how much, and the window reads the database again.

As on the command line, a publication date is not an undo step (Edit ▸ Undo undoes the edits of events);
the dialog offers to set the date back instead."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QLineEdit, QProgressBar, QPushButton, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout,
)

from viewer import retag
from viewer.store import StoreError, StoreInputError
from viewer.text import as_date
from viewer.ui import formatting as fmt
from viewer.ui.background import StoreJob
from viewer.ui.edit_dialog import flag_error as _flag

EVENT_ROLE = Qt.ItemDataRole.UserRole


def shift_text(days: int | None) -> str:
    """How far a date moved, signed: "+1 day", "−7 days", "same day"; "" when it cannot be told."""
    if days is None:
        return ""
    if days == 0:
        return "same day"
    unit = "day" if abs(days) == 1 else "days"
    return f"{'+' if days > 0 else '−'}{abs(days)} {unit}"


def date_text(d: dict | None) -> str:
    """A date's columns as the excerpt says them ("16–18 Nov 2024", "September 2024")."""
    d = d or {}
    if not d.get("earliest"):
        return "no date"
    return fmt.when(d.get("value"), d.get("earliest"), d.get("latest"), d.get("granularity"))


def shown_moves(result: retag.PublishedResult) -> list[retag.Moved]:
    """The events worth listing: those whose date moved, and those that kept a date set by hand."""
    return [m for m in result.moved if m.kept or m.days or m.before != m.after]


def unplaced_text(unplaced: list[dict]) -> str:
    """The merges and splits a rebuild could not make again (curation.unplaced), said for the analyst:
    they stay in effect and are made again by a later re-tag that finds their reports."""
    if not unplaced:
        return ""
    lines = [f"Not made again ({len(unplaced)}): a report they name was not found in the re-tagged "
             "article; they stay recorded and are made again when it is found:"]
    for u in unplaced:
        what = "merge of" if u["field"] == "merged" else "split of"
        missing = "; ".join(f"\u201c{m['sentence'] or m['key']}\u201d [{m['time_text'] or ''}]"
                            for m in u["missing"])
        lines.append(f"\u2022 edit {u['batch']}: {what} {u['title'] or 'an event'!r} "
                     f"(event {u['event_id'] or 'gone'}), not found: {missing}")
    return "\n".join(lines)


def _line(parent, name: str) -> QLabel:
    """A label of the dialog that wraps, hidden until it has something to say."""
    label = QLabel("", parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.hide()
    return label


class PublishedDialog(QDialog):
    """The publication date of one article, corrected on the window's open database."""
    applied = Signal(object)          # retag.PublishedResult
    ended = Signal()                  # the work Apply started ended (applied, or refused with the reason said)

    def __init__(self, window, article_id: str, parent=None):
        super().__init__(parent if parent is not None else window)
        self.setObjectName("publishedDialog")
        self.setWindowTitle("Correct the publication date")
        self.window_ = window
        self.article_id = article_id
        self.result: retag.PublishedResult | None = None
        self.job: StoreJob | None = None       # the correction running, if any
        article = window.store.article(article_id)
        if article is None:
            raise StoreInputError(f"{window.store.path}: no article {article_id}")
        self.article = article

        head = QLabel(fmt.article_label(article), self)
        head.setObjectName("articleTitle")
        head.setWordWrap(True)
        head.setTextFormat(Qt.TextFormat.PlainText)
        self.now = QLabel(self._now_text(), self)
        self.now.setObjectName("publishedNow")
        self.now.setWordWrap(True)
        self.date_edit = QLineEdit(self)
        self.date_edit.setObjectName("publishedEdit")
        self.date_edit.setPlaceholderText("2024-11-17, 17 November 2024, last Sunday")
        self.date_edit.textChanged.connect(self._typed)
        self.date_message = _line(self, "dateMessage")
        self.apply_button = QPushButton("Apply", self)
        self.apply_button.setObjectName("applyPublished")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_typed)

        self.summary = _line(self, "publishedSummary")
        self.moved = QTreeWidget(self)
        self.moved.setObjectName("movedList")
        self.moved.setColumnCount(4)
        self.moved.setHeaderLabels(["Event", "Before", "After", "Moved"])
        self.moved.setRootIsDecorated(False)
        self.moved.setAlternatingRowColors(True)
        self.moved.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            self.moved.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.moved.itemActivated.connect(self._show_event)
        self.moved.itemClicked.connect(self._show_event)
        self.moved.hide()
        self.unplaced = _line(self, "publishedUnplaced")     # merges and splits not made again
        self.unplaced.setTextFormat(Qt.TextFormat.PlainText)
        self.back_button = QPushButton("", self)
        self.back_button.setObjectName("setBack")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.set_back)
        self.back_button.hide()

        self.working = _line(self, "publishedWorking")
        self.busy = QProgressBar(self)
        self.busy.setObjectName("publishedBusy")
        self.busy.setRange(0, 0)             # busy until the articles are counted
        self.busy.setTextVisible(False)
        self.busy.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.back_button.hide()              # (adding it to the box showed it): once a date is changed
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.now)
        lay.addWidget(QLabel("The day it was published:", self))
        lay.addWidget(self.date_edit)
        lay.addWidget(self.date_message)
        lay.addWidget(self.working)
        lay.addWidget(self.busy)
        lay.addWidget(self.summary)
        lay.addWidget(self.moved, 1)
        lay.addWidget(self.unplaced)
        lay.addWidget(buttons)
        self.resize(820, self.sizeHint().height())

    # -- the date typed ---------------------------------------------------------------------------
    def _now_text(self) -> str:
        return (fmt.published(self.article.get("published"), self.article.get("published_source"))
                + ". Every relative date of the article (\u201clast weekend\u201d, \u201cthis Monday\u201d) is "
                "read again against the day given; dates set by hand stay as they are.")

    def read_typed(self):
        """The day typed; DateInputError when it cannot be read as one day."""
        return retag.read_published(self.date_edit.text(), self.article.get("published"),
                                    self.article.get("language"))

    def _typed(self, _text: str) -> None:
        if not self.date_edit.text().strip():
            self.date_message.hide()
            return
        try:
            day = self.read_typed()
        except retag.DateInputError as exc:
            self._error(str(exc))
            return
        _flag(self.date_message, False)
        self.date_message.setText(f"Reads as {fmt.day(day)} ({day.isoformat()})")
        self.date_message.show()

    def _error(self, text: str) -> None:
        _flag(self.date_message, True)
        self.date_message.setText(text[:1].upper() + text[1:])
        self.date_message.show()
        self._fit()

    def _fit(self) -> None:
        """Grow to show what was added (a message of several lines, the list of what moved)."""
        self.layout().activate()
        want = self.sizeHint().height()
        if self.height() < want:
            self.resize(self.width(), want)

    # -- applying ---------------------------------------------------------------------------------
    def apply_typed(self) -> retag.PublishedResult | None:
        """Read the typed day and correct the article's date with it (None, the reason said, otherwise)."""
        try:
            day = self.read_typed()
        except retag.DateInputError as exc:
            self._error(str(exc))
            self.date_edit.setFocus()
            return None
        return self.apply(day.isoformat())

    def apply(self, published: str) -> StoreJob | None:
        """Correct the article's date to ``published`` (YYYY-MM-DD) off the GUI thread; ``applied`` is
        emitted with the result when it is done, and ``ended`` in every case. Returns the job (None when
        nothing was started: a correction is running, or the database is read-only or busy)."""
        w = self.window_
        if self.running() or not w.editing.writable():
            return None
        article_id = self.article_id
        job = self.job = StoreJob(w.store, lambda store, progress: retag.set_published_store(
            store, article_id, published, progress=progress))
        job.progressed.connect(self._progress)
        job.ended.connect(self._ended)
        day = as_date(published)
        self._working(f"Reading the article again against {fmt.day(day) if day else published}…")
        job.start()
        return job

    def running(self) -> bool:
        """A correction Apply started is still running."""
        return self.job is not None

    def _working(self, text: str) -> None:
        w = self.window_
        w.editing.busy = "The publication date is being corrected"
        for widget in (self.date_edit, self.apply_button, self.back_button, self.close_button):
            widget.setEnabled(False)
        self.busy.setRange(0, 0)
        self.working.setText(text)
        self.working.show()
        self.busy.show()
        self.setCursor(Qt.CursorShape.BusyCursor)
        w.statusBar().showMessage(text)
        self._fit()

    def _progress(self, done: int, total: int) -> None:
        """Every article is being tagged again (the new date changed which events the article has)."""
        if total <= 0:
            return
        self.busy.setRange(0, total)
        self.busy.setValue(min(done, total))
        self.working.setText(f"The article's events change with the new date: tagging every article again "
                             f"({done:,} of {total:,})…")

    def _ended(self) -> None:
        job, self.job = self.job, None
        self.window_.editing.busy = None
        for widget in (self.date_edit, self.apply_button, self.back_button, self.close_button):
            widget.setEnabled(True)
        self.working.hide()
        self.busy.hide()
        self.unsetCursor()
        if job is not None and job.error is not None:
            self._failed(job.error)
        elif job is not None:
            self._done(job.result)
        self.window_.editing.update_actions()
        self.ended.emit()

    def _failed(self, exc: Exception) -> None:
        self.window_.statusBar().clearMessage()
        if isinstance(exc, StoreError):
            said_store_error(self.window_, exc, self._error)
        elif isinstance(exc, (retag.DateInputError, StoreInputError)):
            self._error(str(exc))
        else:
            self._error(f"Nothing was changed: {type(exc).__name__}: {exc}")

    def _done(self, result: retag.PublishedResult) -> None:
        w = self.window_
        self.result = result
        self.article = w.store.article(self.article_id) or self.article
        self.now.setText(self._now_text())
        self.date_edit.clear()
        self._list(result)
        w.refresh()
        w.editing.update_actions()
        moved = shown_moves(result)
        w.statusBar().showMessage(
            f"Publication date {result.before or 'unknown'} → {result.after}: "
            f"{sum(1 for m in moved if not m.kept)} events moved", 8000)
        self.applied.emit(result)

    def reject(self) -> None:
        if self.running():              # the work ends first (it is one transaction): Close waits for it
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.running():
            event.ignore()
            return
        super().closeEvent(event)

    def set_back(self) -> StoreJob | None:
        """The date the article had before the last correction, again."""
        if self.result is None or not self.result.before:
            return None
        return self.apply(self.result.before)

    def _list(self, result: retag.PublishedResult) -> None:
        moved = shown_moves(result)
        before, after = as_date(result.before), as_date(result.after)
        was = fmt.day(before) if before else "unknown"
        n_moved = sum(1 for m in moved if not m.kept)
        n_kept = sum(1 for m in moved if m.kept)
        text = (f"Published {was} \u2192 {fmt.day(after)}: {n_moved} "
                f"{'event' if n_moved == 1 else 'events'} moved")
        if n_kept:
            text += f", {n_kept} kept {'its date' if n_kept == 1 else 'their dates'} set by hand"
        if result.retagged:
            text += ". The article's events changed with the new date: every article was tagged again"
        self.summary.setText(text + ".")
        self.summary.show()
        self.moved.clear()
        for m in moved:
            if m.kept:
                row = [m.title or f"event {m.event_id}", date_text(m.before),
                       f"{date_text(m.after)} (set by hand, kept)",
                       f"kept; the machine reads {date_text(m.machine)}"]
            else:
                row = [m.title or f"event {m.event_id}", date_text(m.before), date_text(m.after),
                       shift_text(m.days)]
            item = QTreeWidgetItem(row)
            item.setData(0, EVENT_ROLE, m.event_id)
            item.setToolTip(0, m.title or "")
            self.moved.addTopLevelItem(item)
        self.moved.setVisible(bool(moved))
        if moved:
            rows = sum(self.moved.sizeHintForRow(i) for i in range(len(moved)))
            self.moved.setMinimumHeight(min(320, rows + self.moved.header().sizeHint().height() + 8))
        self.unplaced.setText(unplaced_text(result.unplaced))
        self.unplaced.setVisible(bool(result.unplaced))
        if before and before != after:
            self.back_button.setText(f"Set back to {fmt.day(before)}")
            self.back_button.show()
        else:
            self.back_button.hide()
        self._fit()

    def moved_rows(self) -> list[list[str]]:
        """What the list says, row by row (its four columns)."""
        return [[self.moved.topLevelItem(i).text(c) for c in range(4)]
                for i in range(self.moved.topLevelItemCount())]

    def _show_event(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        event_id = item.data(0, EVENT_ROLE)
        if event_id is not None:
            self.window_.select_event(int(event_id))


def said_store_error(window, exc: StoreError, say) -> None:
    """A write the database refused: a read-only file as every edit says it (once, with the offer of a
    copy), anything else with ``say`` (the message under the dialog's field)."""
    if exc.kind == "readonly":
        window.readonly = True
        window.editing.refused_readonly()
    else:
        say(str(exc))


def open_published_dialog(window, article_id: str, parent=None) -> PublishedDialog | None:
    """The dialog for an article of the window's open database (None when there is none, or the
    database is read-only: said as for any edit)."""
    if getattr(window, "store", None) is None or not hasattr(window, "editing"):
        return None
    if not window.editing.writable():
        return None
    try:
        dialog = PublishedDialog(window, article_id, parent)
    except (StoreError, StoreInputError) as exc:
        window.warn("Correct the publication date", str(exc))
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
