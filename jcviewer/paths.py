"""Where the app keeps files on the user's machine: Qt's standard locations, never the install folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

ORGANIZATION = APPLICATION = "jcviewer"


def user_cache_folder(part: str) -> Path:
    """``<user cache>/part``, e.g. ~/.cache/jcviewer/jcviewer/reports on Linux (created on first write)."""
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)) / part
