"""The Qt-free cache and data folders are the ones Qt's standard locations name, so the window and the CLI share
one cache and one store of corrections."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from jcviewer.app import Session
from jcviewer.paths import user_cache_root, user_data_root


@pytest.mark.parametrize("xdg_cache_home", ["", "relative/cache", "{tmp}/xdg-cache"])
def test_cache_folder_is_qts_cache_location(
    session: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, xdg_cache_home: str
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", xdg_cache_home.format(tmp=tmp_path))
    qt_location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    assert Path(qt_location) == user_cache_root()


@pytest.mark.parametrize("xdg_data_home", ["", "relative/data", "{tmp}/xdg-data"])
def test_data_folder_is_qts_app_data_location(
    session: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, xdg_data_home: str
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", xdg_data_home.format(tmp=tmp_path))
    qt_location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    assert Path(qt_location) == user_data_root()
