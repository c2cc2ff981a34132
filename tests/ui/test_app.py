"""Start-up (``app.open_window``) opens reports through the window's one ``ReportOpener``, as File ▸ Open does."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from jcviewer.app import Session, open_window
from jcviewer.model.report import Report
from jcviewer.resources import bundled_report
from jcviewer.settings import Settings
from jcviewer.ui import report_loader
from jcviewer.ui.background import wait_for_background_work
from jcviewer.ui.main_window import MainWindow
from jcviewer.ui.report_opener import BACKGROUND_FROM_BYTES, ReportOpener


def large_report(folder: Path, name: str = "large.txt") -> Path:
    """A report above the background threshold, with a first line of its own (no other test's cache entry)."""
    path = folder / name
    page = bundled_report().read_text(encoding="utf-8")
    path.write_text(f"{folder.name} {name}\n" + (page + "\n\n") * 8, encoding="utf-8")
    assert path.stat().st_size >= BACKGROUND_FROM_BYTES
    return path


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """``report_loader.load`` held back for every file but the bundled report until the test sets the event."""
    gate = threading.Event()
    load = report_loader.load

    def gated(path: Path) -> Report:
        if path != bundled_report():
            gate.wait(20)
        return load(path)

    monkeypatch.setattr(report_loader, "load", gated)
    yield gate
    gate.set()
    wait_for_background_work()


def opener(window: MainWindow) -> ReportOpener:
    (only,) = window.findChildren(ReportOpener)
    return only


@pytest.mark.timeout(60)
def test_start_up_on_a_large_report_paints_an_empty_window_first(
    session: Session, settings: Settings, qtbot: QtBot, tmp_path: Path
) -> None:
    big = large_report(tmp_path)
    settings.last_node = "s2"
    window = open_window(session, settings, big)
    assert window.isVisible() and window.report is None and opener(window).busy
    assert big.name in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.path == big.resolve(), timeout=30000)
    assert window.detail.node is not None and window.detail.node.id == "s2"  # the remembered selection
    assert settings.last_file == str(big.resolve())


@pytest.mark.timeout(60)
def test_start_up_on_a_bad_large_file_shows_the_bundled_report_and_explains(
    session: Session, settings: Settings, qtbot: QtBot, tmp_path: Path, dialogs: list[QDialog], capsys
) -> None:
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01\x02PK\x03\x04" * (BACKGROUND_FROM_BYTES // 4))
    window = open_window(session, settings, bad)
    assert window.report is None
    qtbot.waitUntil(lambda: window.report is not None, timeout=30000)
    assert window.path == bundled_report() and settings.last_file == ""
    assert [d.objectName() for d in dialogs] == ["openErrorDialog"]
    assert capsys.readouterr().err.startswith("jcviewer: error: ")


@pytest.mark.timeout(60)
def test_cancelling_at_start_up_shows_the_bundled_report(
    session: Session, settings: Settings, qtbot: QtBot, tmp_path: Path, dialogs: list[QDialog], held
) -> None:
    big = large_report(tmp_path)
    settings.last_file = str(big)
    window = open_window(session, settings, None)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(QProgressDialog)), timeout=5000)
    (progress,) = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.report is not None, timeout=5000)
    assert window.path == bundled_report() and not opener(window).busy
    assert settings.last_file == str(big) and dialogs == []  # still remembered: it did not fail


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
@pytest.mark.timeout(30)
def test_a_remembered_file_that_is_a_pipe_is_skipped_quietly(
    session: Session, settings: Settings, tmp_path: Path, dialogs: list[QDialog], capsys
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    settings.last_file = str(fifo)
    window = open_window(session, settings, None)
    assert window.path == bundled_report() and window.isVisible()
    assert dialogs == [] and capsys.readouterr().err == ""


def drop(window: MainWindow, path: Path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(
        QDropEvent(
            QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
        )
    )


@pytest.mark.timeout(60)
@pytest.mark.parametrize("how", ["file-open", "drop"])
def test_file_open_and_drops_go_through_the_start_up_opener(
    how: str, session: Session, settings: Settings, qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    window = open_window(session, settings, None)
    started = opener(window)
    big = large_report(tmp_path)
    if how == "file-open":
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(big), ""))
        next(a for a in window.actions() if a.objectName() == "openAction").trigger()
    else:
        drop(window, big)
    assert opener(window) is started and started.busy  # the same opener, reading in the background
    qtbot.waitUntil(lambda: window.path == big.resolve(), timeout=30000)


def test_a_bad_file_on_the_command_line_opens_the_bundled_report_and_explains(
    session: Session, settings: Settings, tmp_path: Path, dialogs: list[QDialog], capsys
) -> None:
    missing = tmp_path / "missing.txt"
    window = open_window(session, settings, missing)
    assert window.path == bundled_report()
    assert "文件不存在" in dialogs[0].informativeText()
    assert capsys.readouterr().err.startswith("jcviewer: error: ")


@pytest.mark.timeout(60)
@pytest.mark.parametrize("size", ["small", "large"])
def test_a_remembered_file_that_trips_a_parser_bug_does_not_stop_the_launch(
    size: str, session: Session, settings: Settings, qtbot: QtBot, tmp_path: Path, dialogs: list[QDialog], monkeypatch
) -> None:
    path = tmp_path / "crash.txt"
    path.write_text(bundled_report().read_text(encoding="utf-8"), encoding="utf-8")
    if size == "large":
        path = large_report(tmp_path, "crash.txt")
    load = report_loader.load

    def buggy(asked: Path) -> Report:
        if asked.resolve() == path.resolve():
            raise RuntimeError("parser bug")
        return load(asked)

    monkeypatch.setattr(report_loader, "load", buggy)
    settings.last_file = str(path)
    window = open_window(session, settings, None)  # before the excepthook: an escaping error ends the launch
    qtbot.waitUntil(lambda: window.report is not None, timeout=30000)
    assert window.isVisible() and window.path == bundled_report() and not opener(window).busy
    assert [d.objectName() for d in dialogs] == ["unexpectedErrorDialog"]
