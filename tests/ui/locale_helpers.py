"""The desktop's locale, fixed for a test: month names on the axis and in the panels follow Qt's default
QLocale, which otherwise comes from whoever runs the tests (LANG, LC_TIME ...)."""
from __future__ import annotations

from contextlib import contextmanager

import pytest
from PySide6.QtCore import QLocale


@contextmanager
def default_locale(name: str):
    """Qt's default locale is `name` ('fr_FR', 'en_US' ...) inside the block, and what it was after."""
    before = QLocale()
    QLocale.setDefault(QLocale(name))
    try:
        yield
    finally:
        QLocale.setDefault(before)


@pytest.fixture
def english():
    """English month names ('Sep', 'November'), whatever the desktop running the tests speaks.
    A module that checks English words uses it for every test: `pytestmark = pytest.mark.usefixtures("english")`
    with `from tests.ui.locale_helpers import english`."""
    with default_locale("en_US"):
        yield
