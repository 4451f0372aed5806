"""What the window remembers between runs (QSettings, INI format in the user's config folder).

Tests point QSettings.setPath(IniFormat, UserScope, tmp) at a temporary folder.
"""
from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "ConflictTimeline"
APPLICATION = "conflict-timeline"


def open_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def get_bytes(s: QSettings, key: str) -> QByteArray | None:
    value = s.value(key)
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, (bytes, bytearray)) and value:
        return QByteArray(bytes(value))
    return None


def get_str(s: QSettings, key: str, default: str = "") -> str:
    value = s.value(key, default)
    return value if isinstance(value, str) else default


def get_json(s: QSettings, key: str, default=None):
    """JSON stored as a string: keeps types (lists, floats, None) across every QSettings backend."""
    raw = s.value(key)
    if not isinstance(raw, str) or not raw:
        return default
    try:
        return json.loads(raw)
    except ValueError:
        return default


def set_json(s: QSettings, key: str, value) -> None:
    s.setValue(key, json.dumps(value))
