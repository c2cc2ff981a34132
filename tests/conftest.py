"""Shared test set-up: headless Qt, the bundled report, report writers."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))  # tests/genre.py

from jcviewer.model.parse import load_report  # noqa: E402
from jcviewer.model.report import Report  # noqa: E402
from jcviewer.resources import bundled_report  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def user_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The user's cache folder (parsed reports, jieba's cache) in a throwaway folder, for this process and the
    commands the tests run."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(folder))
        patch.setenv("LOCALAPPDATA", str(folder))
        yield folder


@pytest.fixture(scope="session", autouse=True)
def user_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The user's data folder (stored corrections) in a throwaway folder, for this process and the commands the
    tests run: a test never reads or writes the real one."""
    folder = tmp_path_factory.mktemp("data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(folder))
        patch.setenv("APPDATA", str(folder))
        yield folder


@pytest.fixture(scope="session")
def bundled() -> Report:
    """The bundled report, parsed once."""
    return load_report(bundled_report())


@pytest.fixture(scope="session")
def bundled_text() -> str:
    return bundled_report().read_text(encoding="utf-8")
