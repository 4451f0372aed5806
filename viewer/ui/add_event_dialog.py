"""Add an event by hand from words selected in the article view: the words become its sentence; its date
is the one the tagger reads in them (put in the field, as a person would type it back) or one typed (read
as the edit dialog reads dates: a date that cannot be read is said under the field, and nothing is
changed); its countries those the words mention (add, remove); its title their first words.

OK stores it through `viewer.retag.add_hand_event` on the window's database (one undo step: Undo
removes it, Redo puts it back; `retag` and `set-published` keep it), then the window reads the database
again and selects it."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from viewer import retag
from viewer.store import StoreError, StoreInputError, curation
from viewer.ui import formatting as fmt
from viewer.ui.edit_dialog import ItemList, country_label, escape_html, flag_error, typed_form
from viewer.ui.published_dialog import said_store_error

_PARAGRAPH = "\u2029\u2028"          # how a QTextDocument's selected text says a line break


def article_offsets(text: str, selected: str, near: int) -> tuple[int, int] | None:
    """Where the words a person selected in the article view stand in the article's text (start, end):
    the shown text collapses white space, so the words are looked for with any white space between them;
    the occurrence nearest the selection's position in the view (``near``) wins. None when they are not
    found."""
    for ch in _PARAGRAPH:
        selected = selected.replace(ch, "\n")
    parts = selected.split()
    if not parts:
        return None
    pattern = re.compile(r"\s+".join(re.escape(p) for p in parts))
    found = [(abs(m.start() - near), m.start(), m.end()) for m in pattern.finditer(text)]
    if not found:
        return None
    _, start, end = min(found)
    return start, end


class AddEventDialog(QDialog):
    """An event added by hand from words of one article."""
    added = Signal(int)          # the new event's id

    def __init__(self, window, article_id: str, start: int, end: int, parent=None):
        super().__init__(parent if parent is not None else window)
        self.setObjectName("addEventDialog")
        self.setWindowTitle("Add an event")
        self.window_ = window
        self.sel = retag.selection(window.store, article_id, start, end)
        self.event_id: int | None = None

        head = QLabel(f"<i>{escape_html(self.sel.words[:600])}</i>", self)
        head.setObjectName("editSentence")
        head.setWordWrap(True)
        self.found = self.sel.dates[0] if self.sel.dates else None
        self._found_text = typed_form(self.found) if self.found else ""
        self.date_edit = QLineEdit(self._found_text, self)
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setPlaceholderText("17 November 2024, 2024-11, summer 2024, 2024-11-17..2024-11-20")
        self.date_message = QLabel("", self)
        self.date_message.setObjectName("dateMessage")
        self.date_message.setWordWrap(True)
        self.date_edit.textChanged.connect(self._typed)
        date_box = QWidget(self)
        db = QVBoxLayout(date_box)
        db.setContentsMargins(0, 0, 0, 0)
        db.setSpacing(2)
        db.addWidget(self.date_edit)
        db.addWidget(self.date_message)
        self.countries = ItemList(self.sel.countries, label=country_label, check=curation.country_code,
                                  placeholder="a country code: UA, RU, FR …", parent=self)
        self.countries.setObjectName("countriesEdit")
        self.title_edit = QLineEdit(retag.hand_title(self.sel.words), self)
        self.title_edit.setObjectName("titleEdit")
        self.title_edit.setCursorPosition(0)
        form = QFormLayout()
        form.addRow("Date", date_box)
        form.addRow("Countries", self.countries)
        form.addRow("Title", self.title_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self._typed(self.date_edit.text())
        self.resize(560, self.sizeHint().height())

    # -- the date ---------------------------------------------------------------------------------
    def _is_found(self) -> bool:
        """The field still says the date the tagger read in the words."""
        return self.found is not None and " ".join(self.date_edit.text().split()) == self._found_text

    def date_text(self) -> str | None:
        """What add_hand_event is given: None for the date read in the words, else what was typed."""
        return None if self._is_found() else self.date_edit.text()

    def _typed(self, _text: str) -> None:
        if self._is_found():
            d = self.found
            flag_error(self.date_message, False)
            self.date_message.setText(f"Reads as {fmt.when(d['value'], d['earliest'], d['latest'], d['granularity'])}"
                                      f" (\u201c{d['text']}\u201d in the selected words)")
            self.date_message.show()
            return
        if not self.date_edit.text().strip():
            self._error("No date in the selected words: type one (2024-11-17, 17 November 2024, "
                        "November 2024, summer 2024 …)")
            return
        try:
            d = retag.read_date(self.date_edit.text(), self.sel.published, self.sel.language)
        except retag.DateInputError as exc:
            self._error(str(exc))
            return
        flag_error(self.date_message, False)
        self.date_message.setText(f"Reads as {fmt.when(d['value'], d['earliest'], d['latest'], d['granularity'])}"
                                  f" ({d['earliest'][:10]} – {d['latest'][:10]})")
        self.date_message.show()

    def _error(self, text: str) -> None:
        flag_error(self.date_message, True)
        self.date_message.setText(text[:1].upper() + text[1:])
        self.date_message.show()

    # -- adding -----------------------------------------------------------------------------------
    def accept(self) -> None:
        if self.countries.field.text().strip():
            if not self.countries.add(self.countries.field.text()):
                return
            self.countries.field.clear()
        w = self.window_
        if not w.editing.writable():
            return
        try:
            result = retag.add_hand_event(w.store, self.sel.article_id, self.sel.start, self.sel.end,
                                          date_text=self.date_text(), countries=self.countries.items(),
                                          title=self.title_edit.text().strip() or None)
        except (retag.DateInputError, StoreInputError) as exc:
            self._error(str(exc))
            self.date_edit.setFocus()
            return
        except StoreError as exc:
            said_store_error(w, exc, self._error)
            return
        self.event_id = result.event_id
        w.refresh()
        w.select_event(result.event_id)
        w.editing.update_actions()
        w.statusBar().showMessage(f"Event added: \u201c{self.title_edit.text().strip()}\u201d", 8000)
        self.added.emit(result.event_id)
        super().accept()


def open_add_event_dialog(window, article_id: str, start: int, end: int, parent=None) -> AddEventDialog | None:
    """The dialog for words of an article of the window's open database (None when there is none, it is
    read-only, or no words are selected: said in the status bar)."""
    if getattr(window, "store", None) is None or not hasattr(window, "editing"):
        return None
    if not window.editing.writable():
        return None
    try:
        dialog = AddEventDialog(window, article_id, start, end, parent)
    except (StoreError, StoreInputError) as exc:
        window.statusBar().showMessage(str(exc), 8000)
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
