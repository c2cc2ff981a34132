"""The one place that finds files in ``resources/``: source tree, installed wheel or frozen app."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

BUNDLED_REPORT = "reports/jiaocheng-2024-plenary-and-economic-work-conference.txt"
SYNONYMS = "dict/synonyms.tsv"
RADICALS = "unicode/radicals.tsv"  # a PDF's radicals → the ideographs drawn with their glyphs (pdf/unicode_fix)


@cache
def resources_root() -> Path:
    """The resources folder: next to the package when installed, at the top of the source tree otherwise."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / "resources"] if frozen else []
    package = Path(__file__).resolve().parent
    candidates += [package / "_resources", package.parent / "resources"]
    for candidate in candidates:
        if (candidate / BUNDLED_REPORT).is_file():
            return candidate
    raise FileNotFoundError("jcviewer resources are missing; reinstall the package")


def resource_path(relative: str) -> Path:
    """Absolute path of a file under resources/, e.g. ``resource_path("dict/synonyms.tsv")``."""
    return resources_root() / relative


def bundled_report() -> Path:
    """The report that ships with the app."""
    return resource_path(BUNDLED_REPORT)
