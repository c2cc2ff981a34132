"""Fixtures shared by the model's tests of corrections: a report file of their own and a store folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jcviewer.resources import bundled_report


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    """A copy of the bundled report in a folder of its own (a sidecar may be written beside it)."""
    path = tmp_path / "reports" / "report.txt"
    path.parent.mkdir()
    shutil.copy(bundled_report(), path)
    return path


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A corrections store folder (not created yet)."""
    return tmp_path / "data" / "corrections"
