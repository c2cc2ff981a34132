"""How the UI opens a report file: through the parsed-report cache in the user's cache folder, corrected by the
reader's corrections in the user's data folder (``model.correction_store``)."""

from __future__ import annotations

from pathlib import Path

from jcviewer.model.report import Report
from jcviewer.model.report_cache import load_report_cached
from jcviewer.paths import user_cache_folder, user_data_folder


def load(path: Path) -> Report:
    """The parsed report, with its stored corrections; ReportError when the file cannot be used."""
    return load_report_cached(path, user_cache_folder("reports"), user_data_folder("corrections"))
