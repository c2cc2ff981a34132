"""The one way a report gets into the window: small files at once, large ones in the background with a busy
dialog and Cancel, the latest request wins, a bad file is explained and the current report stays."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from genre import wenshui_page
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot
from window_probe import current_id

from jcviewer.model.report import Report
from jcviewer.resources import bundled_report
from jcviewer.ui import report_loader
from jcviewer.ui.background import wait_for_background_work
from jcviewer.ui.main_window import MainWindow
from jcviewer.ui.report_opener import BACKGROUND_FROM_BYTES, PROGRESS_DELAY_MS, ReportOpener


def large_report(folder: Path, name: str = "large.txt", copies: int = 8) -> Path:
    """A report above the background threshold: the bundled page printed ``copies`` times, with a first line
    of its own so that no other test's parse is in the cache."""
    path = folder / name
    page = bundled_report().read_text(encoding="utf-8")
    path.write_text(f"{folder.name} {name}\n" + (page + "\n\n") * copies, encoding="utf-8")
    assert path.stat().st_size >= BACKGROUND_FROM_BYTES
    return path


class GatedLoader:
    """``report_loader.load``, held back for the paths the test names until it opens their gate."""

    def __init__(self) -> None:
        self.gates: dict[Path, threading.Event] = {}
        self.finished: list[Path] = []

    def hold(self, path: Path) -> threading.Event:
        self.gates[path] = threading.Event()
        return self.gates[path]

    def __call__(self, path: Path) -> Report:
        gate = self.gates.get(path)
        if gate is not None:
            gate.wait(20)
        try:
            return report_loader.load(path)
        finally:
            self.finished.append(path)

    def release_all(self) -> None:
        for gate in self.gates.values():
            gate.set()


@pytest.fixture
def loader() -> Iterator[GatedLoader]:
    gated = GatedLoader()
    yield gated
    gated.release_all()
    wait_for_background_work()


def progress_of(window: MainWindow) -> QProgressDialog | None:
    shown = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    assert len(shown) <= 1
    return shown[0] if shown else None


def test_a_small_report_opens_at_once_and_is_remembered(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "small.txt"
    other.write_text(bundled_report().read_text(encoding="utf-8").replace("交城", "文水", 1), encoding="utf-8")
    opener = ReportOpener(window)
    assert opener.open(other) is True
    assert window.path == other.resolve() and not opener.busy  # no event loop needed
    assert window.settings.last_file == str(other.resolve())
    assert window.settings.recent_files[0] == str(other.resolve())


@pytest.mark.timeout(60)
def test_a_large_report_is_parsed_while_the_event_loop_runs(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = large_report(tmp_path, copies=12)
    # The window's own start-up work (charts built, jieba's words) runs on this thread too: let it finish.
    qtbot.waitUntil(lambda: window.charts.is_loaded and window.search_panel.words_ready, timeout=30000)
    before = window.report
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    shown_at: list[float] = []
    set_report = window.set_report
    monkeypatch.setattr(
        window, "set_report", lambda *args, **kwargs: shown_at.append(time.monotonic()) or set_report(*args, **kwargs)
    )
    opener = ReportOpener(window)
    assert opener.open(big) is True
    assert window.report is before and opener.busy  # parsing did not run on this thread
    qtbot.waitUntil(lambda: window.path == big.resolve(), timeout=30000)
    timer.stop()
    during = [tick for tick in ticks if tick < shown_at[0]]
    assert len(during) >= 3, ticks  # the loop kept running while the report was read
    assert not opener.busy and progress_of(window) is None
    assert window.settings.last_file == str(big.resolve())


@pytest.mark.timeout(60)
def test_the_busy_dialog_appears_only_after_half_a_second(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, loader: GatedLoader
) -> None:
    big = large_report(tmp_path)
    gate = loader.hold(big)
    opener = ReportOpener(window, load=loader)
    started = time.monotonic()
    opener.open(big)
    qtbot.wait(PROGRESS_DELAY_MS // 2)
    assert progress_of(window) is None
    qtbot.waitUntil(lambda: progress_of(window) is not None, timeout=5000)
    assert time.monotonic() - started >= PROGRESS_DELAY_MS / 1000 - 0.05
    dialog = progress_of(window)
    assert dialog is not None and dialog.windowModality() == Qt.WindowModality.WindowModal
    assert (dialog.minimum(), dialog.maximum()) == (0, 0)  # busy: no stages to count
    assert big.name in dialog.labelText() and big.name in window.statusBar().currentMessage()
    gate.set()
    qtbot.waitUntil(lambda: window.path == big.resolve(), timeout=20000)
    assert progress_of(window) is None


@pytest.mark.timeout(60)
def test_cancel_keeps_the_current_report(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, loader: GatedLoader, dialogs: list[QDialog]
) -> None:
    before, message = window.report, window.statusBar().currentMessage()
    last_file = window.settings.last_file
    big = large_report(tmp_path)
    gate = loader.hold(big)
    opener = ReportOpener(window, load=loader)
    opener.open(big)
    qtbot.waitUntil(lambda: progress_of(window) is not None, timeout=5000)
    dialog = progress_of(window)
    assert dialog is not None
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert not opener.busy and progress_of(window) is None
    assert window.statusBar().currentMessage() == message
    gate.set()  # the parse finishes after all; its result is dropped
    qtbot.waitUntil(lambda: big in loader.finished, timeout=20000)
    qtbot.wait(50)
    assert window.report is before and window.settings.last_file == last_file
    assert dialogs == []


@pytest.mark.timeout(60)
def test_the_latest_request_wins(window: MainWindow, qtbot: QtBot, tmp_path: Path, loader: GatedLoader) -> None:
    first, second = large_report(tmp_path, "first.txt"), large_report(tmp_path, "second.txt")
    first_gate, second_gate = loader.hold(first), loader.hold(second)
    opener = ReportOpener(window, load=loader)
    opener.open(first)
    opener.open(second)
    first_gate.set()
    qtbot.waitUntil(lambda: first in loader.finished, timeout=20000)
    qtbot.wait(50)
    assert window.path == bundled_report() and opener.busy  # the first was abandoned
    second_gate.set()
    qtbot.waitUntil(lambda: window.path == second.resolve(), timeout=20000)
    assert window.settings.recent_files[0] == str(second.resolve()) and str(first.resolve()) not in (
        window.settings.recent_files
    )


@pytest.mark.timeout(60)
def test_a_small_report_opened_while_a_large_one_is_read_wins(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, loader: GatedLoader
) -> None:
    big = large_report(tmp_path)
    gate = loader.hold(big)
    small = tmp_path / "small.txt"
    small.write_text(bundled_report().read_text(encoding="utf-8"), encoding="utf-8")
    opener = ReportOpener(window, load=loader)
    opener.open(big)
    assert opener.open(small) and window.path == small.resolve() and not opener.busy
    gate.set()
    qtbot.waitUntil(lambda: big in loader.finished, timeout=20000)
    qtbot.wait(50)
    assert window.path == small.resolve()


@pytest.mark.timeout(60)
def test_a_bad_large_file_is_explained_and_the_report_stays(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, dialogs: list[QDialog]
) -> None:
    before, last_file = window.report, window.settings.last_file
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01\x02PK\x03\x04" * (BACKGROUND_FROM_BYTES // 4))
    opener = ReportOpener(window)
    assert opener.open(bad) is True  # refused later, in the background
    qtbot.waitUntil(lambda: not opener.busy, timeout=20000)
    assert window.report is before and window.settings.last_file == last_file
    (box,) = dialogs
    assert isinstance(box, QMessageBox) and box.objectName() == "openErrorDialog"
    assert "二进制" in box.informativeText()


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
@pytest.mark.timeout(30)
def test_a_pipe_is_refused_at_once(window: MainWindow, tmp_path: Path, dialogs: list[QDialog]) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    before = window.report
    opener = ReportOpener(window)
    assert opener.open(fifo) is False and not opener.busy
    assert window.report is before and len(dialogs) == 1


@pytest.mark.timeout(60)
def test_the_busy_dialog_shows_a_file_name_as_text(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, loader: GatedLoader
) -> None:
    big = large_report(tmp_path, "<h1>HUGE <img src=x>.txt")
    loader.hold(big)
    ReportOpener(window, load=loader).open(big)
    qtbot.waitUntil(lambda: progress_of(window) is not None, timeout=5000)
    dialog = progress_of(window)
    assert dialog is not None
    (label,) = [child for child in dialog.children() if child.metaObject().className() == "QLabel"]
    assert label.textFormat() == Qt.TextFormat.PlainText and big.name in label.text()


def test_the_window_has_one_opener(window: MainWindow) -> None:
    opener = ReportOpener.of(window)
    assert ReportOpener.of(window) is opener
    assert window.findChildren(ReportOpener) == [opener]


def test_opening_a_bad_file_shows_a_dialog_and_keeps_the_report(
    window: MainWindow, tmp_path: Path, dialogs: list[QDialog]
) -> None:
    before = window.report
    for name, content in (
        ("empty.txt", b""),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50),
        ("bad.txt", b"\xff\xfe\xfa" * 5),
    ):
        bad = tmp_path / name
        bad.write_bytes(content)
        assert window.open_file(bad) is False
        assert bad.read_bytes() == content  # never changed
    assert window.report is before
    assert len(dialogs) == 3
    assert all(isinstance(d, QMessageBox) for d in dialogs)
    assert "文件是空的" in dialogs[0].informativeText()
    assert "二进制" in dialogs[1].informativeText()


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")
@pytest.mark.timeout(30)
def test_opening_a_pipe_or_a_device_neither_hangs_nor_reads(
    window: MainWindow, tmp_path: Path, dialogs: list[QDialog]
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    before = window.report
    assert window.open_file(fifo) is False
    assert window.open_file(Path("/dev/zero")) is False
    assert window.report is before
    assert len(dialogs) == 2


def test_drag_and_drop_opens_the_dropped_file(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "wenshui.txt"
    other.write_text(wenshui_page(seed=1).text(), encoding="utf-8")
    window.select_node("s2")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    assert (
        QApplication.sendEvent(window, enter) and enter.isAccepted()
    )  # Qt delivers a drop only after an accepted enter
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(window, drop)
    assert window.path == other.resolve()
    assert "文水" in window.windowTitle()
    assert current_id(window) == "lead"  # a newly opened report starts at its beginning
