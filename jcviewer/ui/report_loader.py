"""How the UI opens a report file: through the parsed-report cache in the user's cache folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from jcviewer.model.report import Report
from jcviewer.model.report_cache import load_report_cached


def report_cache_folder() -> Path:
    """``<user cache>/reports`` (e.g. ~/.cache/jcviewer/jcviewer/reports), never the install folder."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)) / "reports"


def load(path: Path) -> Report:
    """The parsed report; ReportError when the file cannot be used."""
    return load_report_cached(path, report_cache_folder())
