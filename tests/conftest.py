"""Shared test set-up: headless Qt, the bundled report, report writers."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))  # tests/genre.py

from jcviewer.model.parse import load_report  # noqa: E402
from jcviewer.model.report import Report  # noqa: E402
from jcviewer.resources import bundled_report  # noqa: E402


@pytest.fixture(scope="session")
def bundled() -> Report:
    """The bundled report, parsed once."""
    return load_report(bundled_report())


@pytest.fixture(scope="session")
def bundled_text() -> str:
    return bundled_report().read_text(encoding="utf-8")
