"""Edit ▸ Edit event…: one event's date (typed: a day, a month, a season, a range, read by
`viewer.retag.read_date` against its article's publication date; or another time expression the tagger
reads in the same sentence, picked from a list), countries, title, whether it is an
event at all (with a reason), star, tags (completed from the tags already used) and note.

The dialog only reads the store; OK hands a `viewer.store.curation.Edit` of what the person changed to
the window (`Editing.apply`), which records it and shows it. A date that cannot be read is said under the
field, with the forms accepted, and nothing is changed."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from viewer import retag
from viewer.store import StoreInputError
from viewer.store import curation
from viewer.ui import formatting as fmt

CODE_ROLE = Qt.ItemDataRole.UserRole


def typed_form(ev) -> str:
    """The event's date as a person would type it back (what read_date reads to the same days):
    2024-11-18, 2024-09, 2024, or a range 2024-06-01..2024-08-31. ``ev``: an event, or a dict of date
    columns."""
    get = ev.get if isinstance(ev, dict) else (lambda name: getattr(ev, name, None))
    e, l_ = (get("earliest") or "")[:10], (get("latest") or "")[:10]
    if not e:
        return ""
    value, g = get("value") or "", get("granularity") or ""
    if e == l_ or (g == "day" and not l_):
        return e
    if g == "month" and len(value) == 7:
        return value
    if g == "year" and len(value) == 4:
        return value
    return f"{e}..{l_}" if l_ else e


class ItemList(QWidget):
    """A short list of codes or words with a field to add one (Enter or Add) and a button to remove the
    selected one: the event's countries, its tags."""
    changed = Signal()

    def __init__(self, items, *, label=lambda s: s, check=lambda s: s, placeholder="", parent=None):
        super().__init__(parent)
        self._label, self._check = label, check
        self.list = QListWidget(self)
        self.list.setMaximumHeight(86)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(placeholder)
        self.add_button = QPushButton("Add", self)
        self.add_button.setAutoDefault(False)
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setAutoDefault(False)
        self.message = QLabel("", self)
        self.message.setObjectName("itemMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(3)
        box.addWidget(self.list)
        box.addLayout(row)
        box.addWidget(self.message)
        for item in items:
            self._append(item)
        self.add_button.clicked.connect(self.add_typed)
        self.field.installEventFilter(self)     # Enter adds what was typed (it does not close the dialog)
        self.remove_button.clicked.connect(self.remove_selected)

    def eventFilter(self, obj, ev):  # noqa: N802 - Qt's name
        if obj is self.field and ev.type() == ev.Type.KeyPress and ev.key() in (Qt.Key.Key_Return,
                                                                               Qt.Key.Key_Enter):
            if self.field.text().strip():
                self.add_typed()
                return True
        return super().eventFilter(obj, ev)

    def _append(self, value: str) -> None:
        it = QListWidgetItem(self._label(value))
        it.setData(CODE_ROLE, value)
        self.list.addItem(it)

    def items(self) -> list[str]:
        return [self.list.item(i).data(CODE_ROLE) for i in range(self.list.count())]

    def add(self, text: str) -> bool:
        """Add what was typed (checked as the store would store it); a message under the list otherwise."""
        try:
            value = self._check(text)
        except StoreInputError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return False
        self.message.hide()
        if value.casefold() not in {v.casefold() for v in self.items()}:
            self._append(value)
            self.changed.emit()
        return True

    def add_typed(self) -> None:
        if self.field.text().strip() and self.add(self.field.text()):
            self.field.clear()

    def remove(self, value: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(CODE_ROLE).casefold() == value.casefold():
                self.list.takeItem(i)
                self.changed.emit()
                return

    def remove_selected(self) -> None:
        it = self.list.currentItem()
        if it is not None:
            self.remove(it.data(CODE_ROLE))


def country_label(code: str) -> str:
    name = fmt.country_name(code)
    return f"{code} — {name}" if name and name != code else code


class EditDialog(QDialog):
    """The edit of one event. ``edit()`` is what OK asks for (None while the date cannot be read);
    ``accepted_edit`` signals it when OK is pressed with something changed."""
    editChosen = Signal(int, object)      # event id, curation.Edit

    def __init__(self, store, event_id: int, *, known_codes=(), known_tags=(), parent=None):
        super().__init__(parent)
        self.setObjectName("editDialog")
        self.setWindowTitle("Edit event")
        self.event_id = event_id
        ev = store.event(event_id)
        if ev is None:
            raise StoreInputError(f"{store.path}: no event {event_id}")
        self.ev = ev
        self.ann = curation.annotation(store, event_id)
        self.reference, self.language = retag.reference_of(store, event_id)

        head = QLabel(f"<i>{escape_html(ev.sentence[:300])}</i>", self)
        head.setWordWrap(True)
        head.setObjectName("editSentence")

        self.date_edit = QLineEdit(typed_form(ev), self)
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setPlaceholderText("17 November 2024, 2024-11, summer 2024, 2024-11-17..2024-11-20")
        self._typed_at_start = self.date_edit.text()
        self.date_now = QLabel(self._now_text(), self)
        self.date_now.setObjectName("dateNow")
        self.date_now.setWordWrap(True)
        self.date_message = QLabel("", self)
        self.date_message.setObjectName("dateMessage")
        self.date_message.setWordWrap(True)
        self.date_message.hide()
        self.date_edit.textChanged.connect(self._date_typed)
        # the other dates of the sentence, to pick one instead of the machine's
        own_start = None if ev.time_start is None else ev.time_start - ev.sentence_start
        self.other_dates = retag.sentence_dates(ev.sentence, self.reference, self.language,
                                                own=(own_start, ev.time_text))
        self._picked: tuple[str, dict] | None = None       # (the text it put in the field, its date)
        self.other_box = QComboBox(self)
        self.other_box.setObjectName("otherDates")
        self.other_box.addItem(f"Another date of this sentence ({len(self.other_dates)})…", None)
        for d in self.other_dates:
            when = fmt.when(d["value"], d["earliest"], d["latest"], d["granularity"])
            self.other_box.addItem(f"“{d['text']}” → {when}", d)
        self.other_box.setVisible(bool(self.other_dates))
        self.other_box.activated.connect(self._other_chosen)
        date_box = QWidget(self)
        db = QVBoxLayout(date_box)
        db.setContentsMargins(0, 0, 0, 0)
        db.setSpacing(2)
        db.addWidget(self.date_edit)
        db.addWidget(self.other_box)
        db.addWidget(self.date_now)
        db.addWidget(self.date_message)

        self.countries = ItemList(ev.countries, label=country_label, check=curation.country_code,
                                  placeholder="a country code: UA, RU, FR …", parent=self)
        self.countries.setObjectName("countriesEdit")
        if known_codes:
            c = QCompleter(list(known_codes), self.countries.field)
            c.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.countries.field.setCompleter(c)

        self.title_edit = QLineEdit(ev.title or "", self)
        self.title_edit.setObjectName("titleEdit")
        self.title_edit.setCursorPosition(0)

        self.not_event = QCheckBox("Not an event", self)
        self.not_event.setObjectName("notEvent")
        self.not_event.setChecked(self.ann["review"] == "rejected")
        self.reason_edit = QLineEdit(self.ann.get("reason") or "", self)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText("why (a quote, an opinion, a duplicate …)")
        self.reason_edit.setEnabled(self.not_event.isChecked())
        self.not_event.toggled.connect(self.reason_edit.setEnabled)
        reject_row = QWidget(self)
        rr = QHBoxLayout(reject_row)
        rr.setContentsMargins(0, 0, 0, 0)
        rr.addWidget(self.not_event)
        rr.addWidget(self.reason_edit, 1)

        self.star = QCheckBox("Starred", self)
        self.star.setObjectName("starEdit")
        self.star.setChecked(bool(self.ann["starred"]))

        self.tags = ItemList(self.ann["tags"], check=curation.tag_text, placeholder="a tag (Enter adds it)",
                             parent=self)
        self.tags.setObjectName("tagsEdit")
        self.tag_completer = QCompleter(sorted(set(known_tags), key=str.casefold), self.tags.field)
        self.tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.field.setCompleter(self.tag_completer)

        self.note_edit = QPlainTextEdit(self.ann.get("note") or "", self)
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(90)

        review = QLabel(f"Review: {self.ann['review']}", self)
        review.setObjectName("reviewState")

        form = QFormLayout()
        form.addRow("Date", date_box)
        form.addRow("Countries", self.countries)
        form.addRow("Title", self.title_edit)
        form.addRow("", reject_row)
        form.addRow("", self.star)
        form.addRow("Tags", self.tags)
        form.addRow("Note", self.note_edit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(head)
        outer.addLayout(form)
        outer.addWidget(review)
        outer.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    # -- the date ---------------------------------------------------------------------------------
    def _now_text(self) -> str:
        ev = self.ev
        when = fmt.when(ev.value, ev.earliest, ev.latest, ev.granularity)
        return f"Now: {when} ({ev.reasoning})" if ev.reasoning else f"Now: {when}"

    def date_changed(self) -> bool:
        return " ".join(self.date_edit.text().split()) != " ".join(self._typed_at_start.split())

    def read_typed_date(self) -> dict | None:
        """The typed date read (None: unchanged); DateInputError when it cannot be read. A date picked
        from the sentence's other expressions, while the field still says it, is that expression's."""
        if not self.date_changed():
            return None
        if self._picked is not None and " ".join(self.date_edit.text().split()) == self._picked[0]:
            return {k: v for k, v in self._picked[1].items() if k not in ("text", "start")}
        return retag.read_date(self.date_edit.text(), self.reference, self.language)

    def pick_other(self, index: int) -> dict | None:
        """Take the sentence's ``index``-th other expression (0-based, as in ``other_dates``) as the
        date: the field says it, OK sets it (its reasoning says it was set by hand)."""
        if not 0 <= index < len(self.other_dates):
            return None
        d = self.other_dates[index]
        typed = typed_form(d) or d["text"]
        self._picked = (typed, d)
        self.date_edit.setText(typed)
        self.other_box.setCurrentIndex(index + 1)
        return d

    def _other_chosen(self, row: int) -> None:
        if row > 0:
            self.pick_other(row - 1)

    def _date_typed(self, _text: str) -> None:
        if self._picked is not None and " ".join(self.date_edit.text().split()) != self._picked[0]:
            self.other_box.setCurrentIndex(0)        # typed over: no longer the picked expression
        if not self.date_changed():
            self.date_message.hide()
            return
        try:
            d = self.read_typed_date()
        except retag.DateInputError as exc:
            self._date_error(str(exc))
            return
        flag_error(self.date_message, False)
        said = (f" (“{self._picked[1]['text']}” in the sentence)"
                if self._picked is not None and " ".join(self.date_edit.text().split()) == self._picked[0] else "")
        self.date_message.setText(f"Reads as {fmt.when(d['value'], d['earliest'], d['latest'], d['granularity'])}"
                                  f" ({d['earliest'][:10]} – {d['latest'][:10]}){said}")
        self.date_message.show()

    def _date_error(self, text: str) -> None:
        flag_error(self.date_message, True)
        self.date_message.setText(text[:1].upper() + text[1:])
        self.date_message.show()

    # -- what was asked ---------------------------------------------------------------------------
    def edit(self) -> curation.Edit | None:
        """The edit of what the person changed; None (with the message shown) when the date cannot be
        read."""
        try:
            date = self.read_typed_date()
        except retag.DateInputError as exc:
            self._date_error(str(exc))
            self.date_edit.setFocus()
            return None
        before, now = self.ev.countries, self.countries.items()
        change = curation.Edit(date=date, add_countries=[c for c in now if c not in before],
                               remove_countries=[c for c in before if c not in now])
        title = " ".join(self.title_edit.text().split())
        if title and title != " ".join((self.ev.title or "").split()):
            change.title = title
        was_rejected = self.ann["review"] == "rejected"
        reason = self.reason_edit.text().strip() or None
        if self.not_event.isChecked() and (not was_rejected or reason != self.ann.get("reason")):
            change.review, change.reason = "rejected", reason
        elif not self.not_event.isChecked() and was_rejected:
            change.review = "unreviewed"
        if self.star.isChecked() != bool(self.ann["starred"]):
            change.starred = self.star.isChecked()
        note = self.note_edit.toPlainText().strip()
        if note != (self.ann.get("note") or ""):
            change.note = note
        old_tags = {t.casefold(): t for t in self.ann["tags"]}
        new_tags = {t.casefold(): t for t in self.tags.items()}
        change.add_tags = [t for k, t in new_tags.items() if k not in old_tags]
        change.remove_tags = [t for k, t in old_tags.items() if k not in new_tags]
        return change

    def accept(self) -> None:
        if self.tags.field.text().strip():      # a tag typed but not added yet: add it
            if not self.tags.add(self.tags.field.text()):
                return
            self.tags.field.clear()
        if self.countries.field.text().strip():
            if not self.countries.add(self.countries.field.text()):
                return
            self.countries.field.clear()
        change = self.edit()
        if change is None:
            return
        self.editChosen.emit(self.event_id, change)
        super().accept()


def flag_error(label: QLabel, error: bool) -> None:
    """Mark a message under a field as an error (red, from the style sheet: QLabel#dateMessage[error])
    or not, and have the style sheet read the mark again."""
    label.setProperty("error", bool(error))
    label.style().unpolish(label)
    label.style().polish(label)



def escape_html(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
