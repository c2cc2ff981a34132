"""Fixtures for driving the real window: one app session, throwaway settings, dialogs that never block."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from jcviewer.app import Session, create_session
from jcviewer.model.parse import load_report
from jcviewer.model.report import Report
from jcviewer.resources import bundled_report
from jcviewer.settings import Settings
from jcviewer.ui.main_window import MainWindow


@pytest.fixture(scope="session")
def session(qapp: QApplication) -> Session:
    """The app as ``jcviewer`` sets it up: bundled font when needed, Chinese UI."""
    return create_session("zh")


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_file: Path) -> Settings:
    return Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[QDialog]:
    """Every modal dialog the code opens, recorded instead of shown (a blocked test would hang)."""
    opened: list[QDialog] = []

    def record(dialog: QDialog) -> int:
        opened.append(dialog)
        return 0

    for dialog in (QMessageBox, QDialog, QPrintDialog, QPrintPreviewDialog):
        monkeypatch.setattr(dialog, "exec", record)
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: opened.append(QMessageBox(parent)))
    return opened


@pytest.fixture(autouse=True)
def close_windows(qapp: QApplication) -> Iterator[None]:
    """Close and delete the main windows a test opened (also those qtbot does not know), so none leaks."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and shiboken6.isValid(widget):
            widget.close()
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, session: Session, settings: Settings) -> WindowFactory:
    """Build shown main windows: ``make_window(path=None, settings=None, report=None)`` (default: the bundled
    report; ``report``: one made for the test, shown as read from ``path``)."""

    def build(
        path: Path | None = None, with_settings: Settings | None = None, report: Report | None = None
    ) -> MainWindow:
        window = MainWindow(with_settings or settings, session.fonts, session.theme)
        qtbot.addWidget(window)
        report_path = path or bundled_report()
        window.set_report(report or load_report(report_path), report_path)
        window.show()
        qtbot.waitExposed(window)
        return window

    return build


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    """A shown main window on the bundled report."""
    return make_window()
