"""Where the app keeps files on the user's machine: the platform's cache and data folders, never the install
folder.

Qt-free, so the commands that never open a window (``dump``, ``search``) do not load PySide6. The folders are
the ones Qt's ``QStandardPaths.CacheLocation`` and ``AppDataLocation`` name for organisation and application
``jcviewer`` (a UI test checks that they agree), so the window and the command line share one cache and one
store of the reader's corrections.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ORGANIZATION = APPLICATION = "jcviewer"


def user_cache_root() -> Path:
    """The app's cache folder: ``~/.cache/jcviewer/jcviewer`` on Linux (``$XDG_CACHE_HOME`` when set),
    ``%LOCALAPPDATA%\\jcviewer\\jcviewer\\cache`` on Windows, ``~/Library/Caches/jcviewer/jcviewer`` on macOS."""
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(local) / ORGANIZATION / APPLICATION / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / ORGANIZATION / APPLICATION
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"  # the XDG spec ignores relative paths
    return base / ORGANIZATION / APPLICATION


def user_cache_folder(part: str) -> Path:
    """``<user cache>/part``, e.g. ~/.cache/jcviewer/jcviewer/reports on Linux (created on first write)."""
    return user_cache_root() / part


def user_data_root() -> Path:
    """The app's data folder (what the user made, e.g. corrections): ``~/.local/share/jcviewer/jcviewer`` on
    Linux (``$XDG_DATA_HOME`` when set), ``%APPDATA%\\jcviewer\\jcviewer`` on Windows,
    ``~/Library/Application Support/jcviewer/jcviewer`` on macOS."""
    if sys.platform == "win32":
        roaming = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(roaming) / ORGANIZATION / APPLICATION
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / ORGANIZATION / APPLICATION
    xdg = os.environ.get("XDG_DATA_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "share"
    return base / ORGANIZATION / APPLICATION


def user_data_folder(part: str) -> Path:
    """``<user data>/part``, e.g. ~/.local/share/jcviewer/jcviewer/corrections on Linux (created on first write)."""
    return user_data_root() / part
