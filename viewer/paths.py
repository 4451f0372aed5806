"""Where the program's files are: bundled resources and seeds, and the user's data."""
from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

APP_NAME = "conflict-timeline"


def bundle_root() -> Path:
    """The folder holding resources/ and seeds/: the PyInstaller bundle, or the source tree."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return bundle_root().joinpath("resources", *parts)


def seeds_dir() -> Path:
    return bundle_root() / "seeds"


def default_db_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "timeline.db"


def cache_dir() -> Path:
    """The user's cache folder for files the program can rebuild (the language detector's unpacked model)."""
    return Path(user_cache_dir(APP_NAME, appauthor=False))
