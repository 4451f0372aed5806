"""The size limit of one article, set in the window and remembered; an import from the window skips what
is larger, names it, says how to raise the limit, and keeps everything else (issue 7)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from tests.ui.window_helpers import empty_window
from viewer.ui.app import make_app


def test_the_limit_is_set_in_its_dialog_and_remembered(qtbot):
    from viewer.ui.ingest_dialog import ImportLimitDialog, default_limit_mb, import_limit_mb

    make_app()
    assert import_limit_mb() == default_limit_mb() == 50
    dialog = ImportLimitDialog()
    qtbot.addWidget(dialog)
    dialog.spin.setValue(3)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert import_limit_mb() == 3
    again = ImportLimitDialog()                       # a new dialog (and a new run) starts from it
    qtbot.addWidget(again)
    assert again.spin.value() == 3
    again.spin.setValue(9)
    again.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    assert import_limit_mb() == 3                     # cancel keeps the old value
    again = ImportLimitDialog()
    qtbot.addWidget(again)
    again.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert again.spin.value() == 50


def test_an_import_skips_a_file_over_the_limit_and_says_how_to_raise_it(qtbot, tmp_path, monkeypatch):
    from viewer.ui.ingest_dialog import set_import_limit_mb

    set_import_limit_mb(1)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "huge.txt").write_text("Riga said on Monday, November 18, 2024, that the port was calm. "
                                     + "The harbour stayed open and the ferries ran as usual. " * 24000)  # 1.3 MB
    (folder / "ok.txt").write_text("Vilnius said on Tuesday, November 19, 2024, that Lithuania agreed.")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box.text()))
    w = empty_window(qtbot, tmp_path / "limit.db")
    with qtbot.waitSignal(w.importFinished, timeout=60000) as done:
        assert w.import_paths([str(folder)])
    summary = done.args[0]
    assert summary.articles_added == 1
    assert w.model.rowCount() == w.store.count_events(None) >= 1
    (text,) = shown
    assert "huge.txt" in text and "1 MB" in text and "Import Size Limit" in text

    set_import_limit_mb(2)                                # raised: the same folder now reads the big file
    shown.clear()
    with qtbot.waitSignal(w.importFinished, timeout=120000) as done:
        assert w.import_paths([str(folder)])
    assert done.args[0].articles_added == 1 and done.args[0].articles_skipped == 1
    # no longer listed as not read (a note that only its first characters were tagged may name it)
    assert not any("could not be read" in t and "huge.txt" in t.split("Read, with")[0] for t in shown)
