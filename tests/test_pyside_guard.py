"""PySide6 6.12.0 on Python 3.11 drops None's reference count on every call returning None and the
process aborts after a few thousand calls ("Fatal Python error: none_dealloc"). Guard against it."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import PySide6

SCRIPT = textwrap.dedent("""
    from PySide6.QtCore import QObject
    o = QObject()
    for i in range(20000):
        o.setObjectName("x")          # returns None
        o.blockSignals(False)
    print("ok")
""")


def test_twenty_thousand_calls_returning_none_do_not_crash():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


def test_installed_pyside_is_not_the_broken_one():
    broken = PySide6.__version__.startswith("6.12.0") and sys.version_info[:2] == (3, 11)
    assert not broken, "PySide6 6.12.0 crashes on Python 3.11: install 6.11.x (see pyproject.toml)"
