"""How the UI opens a report file: through the parsed-report cache in the user's cache folder."""

from __future__ import annotations

from pathlib import Path

from jcviewer.model.report import Report
from jcviewer.model.report_cache import load_report_cached
from jcviewer.paths import user_cache_folder


def load(path: Path) -> Report:
    """The parsed report; ReportError when the file cannot be used."""
    return load_report_cached(path, user_cache_folder("reports"))
