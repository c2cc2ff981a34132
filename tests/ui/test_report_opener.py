"""The one way a report gets into the window: small files at once, large ones in the background with a busy
dialog and Cancel, the latest request wins, a bad file is explained and the current report stays."""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from genre import wenshui_page
from newspaper_pdf import PageSpec, corpus_document, typeset
from pdf_fixtures import encrypted_pdf, text_page
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRectF, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot
from window_probe import current_id

from jcviewer.app import Session
from jcviewer.model.errors import ReportError
from jcviewer.model.report import Report
from jcviewer.resources import bundled_report
from jcviewer.settings import Settings
from jcviewer.ui import report_loader
from jcviewer.ui.background import wait_for_background_work
from jcviewer.ui.dialogs import open_error_text
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
        self.started: list[Path] = []
        self.finished: list[Path] = []

    def hold(self, path: Path) -> threading.Event:
        self.gates[path.resolve()] = threading.Event()
        return self.gates[path.resolve()]

    def __call__(self, path: Path) -> Report:
        self.started.append(path.resolve())
        gate = self.gates.get(path.resolve())
        if gate is not None:
            gate.wait(20)
        try:
            return report_loader.load(path)
        finally:
            self.finished.append(path.resolve())

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


def test_a_pdf_page_opens_from_the_file_menu_and_by_drop(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    typeset([corpus_document("02")], first, PageSpec(columns=3))
    typeset([corpus_document("11")], second, PageSpec(columns=4))
    assert window.open_file(first) is True  # a PDF is larger than a text: read on a worker thread
    qtbot.waitUntil(lambda: window.path == first.resolve(), timeout=20000)
    assert window.report is not None and window.report.pages
    assert any(p.boxes for p in window.report.paragraphs())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(second))])
    drop = QDropEvent(
        QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: window.path == second.resolve(), timeout=20000)
    assert window.report.source == "second.pdf"


@pytest.mark.parametrize("name", ["tiny.pdf", "tiny.download"])  # a PDF by its name, or by its header
def test_even_a_small_pdf_is_read_off_the_ui_thread(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, dialogs: list[QDialog], name: str
) -> None:
    tiny = tmp_path / name  # pdfium may take up to its time limit on a crafted one, whatever its size
    tiny.write_bytes(text_page("县委经济工作会议召开。".encode("utf-16-be"), "9 0 0 9 72 700"))
    assert tiny.stat().st_size < BACKGROUND_FROM_BYTES
    assert window.open_file(tiny) is True
    assert window.path != tiny.resolve()  # not shown yet: it is being read on a worker thread
    qtbot.waitUntil(lambda: window.path == tiny.resolve() or bool(dialogs), timeout=20000)


def scanned_page(path: Path) -> bytes:
    """A PDF page holding only a picture, as a scanner makes it (no text layer)."""
    writer = QPdfWriter(str(path))
    image = QImage(200, 280, QImage.Format.Format_RGB32)
    image.fill(QColor(230, 230, 230))
    painter = QPainter(writer)
    painter.drawImage(QRectF(0, 0, 2000, 2800), image)
    painter.end()
    return path.read_bytes()


def test_a_pdf_that_cannot_be_read_is_explained(
    window: MainWindow, tmp_path: Path, dialogs: list[QDialog], qtbot: QtBot
) -> None:
    before = window.report
    for name, content, reason in (
        ("damaged.pdf", b"%PDF-1.4\n" + b"\x00" * 200, "pdf_broken"),
        ("locked.pdf", encrypted_pdf(), "pdf_encrypted"),
        ("scanned.pdf", scanned_page(tmp_path / "scan.pdf"), "pdf_scanned"),
    ):
        bad = tmp_path / name
        bad.write_bytes(content)
        shown = len(dialogs)
        window.open_file(bad)  # read on a worker thread, as every PDF is: explained when it fails
        qtbot.waitUntil(lambda: len(dialogs) > shown, timeout=20000)  # noqa: B023 (waited for here)
        assert bad.read_bytes() == content  # never changed
        assert window.report is before
        assert open_error_text(ReportError(reason, str(bad), "")) in dialogs[-1].informativeText()
    assert len(dialogs) == 3


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


def broken_load(broken: Path) -> Callable[[Path], Report]:
    """``report_loader.load`` with a parser bug that only ``broken`` trips."""

    def load(path: Path) -> Report:
        if path.resolve() == broken.resolve():
            raise RuntimeError("parser bug")
        return report_loader.load(path)

    return load


def small_report(folder: Path, name: str = "small.txt") -> Path:
    path = folder / name
    path.write_text(bundled_report().read_text(encoding="utf-8"), encoding="utf-8")
    assert path.stat().st_size < BACKGROUND_FROM_BYTES
    return path


def empty_window(session: Session, settings: Settings, qtbot: QtBot) -> MainWindow:
    """A window as ``app.open_window`` makes it, before any report."""
    window = MainWindow(settings, session.fonts, session.theme)
    qtbot.addWidget(window)
    return window


@pytest.mark.timeout(60)
@pytest.mark.parametrize("refused", ["missing", "parser bug"])
@pytest.mark.parametrize("when", ["start-up", "later"])
def test_a_refused_file_leaves_the_read_under_way_alone(
    when: str,
    refused: str,
    session: Session,
    settings: Settings,
    qtbot: QtBot,
    tmp_path: Path,
    loader: GatedLoader,
    dialogs: list[QDialog],
) -> None:
    big = large_report(tmp_path)
    gate = loader.hold(big)
    bad = tmp_path / "missing.txt" if refused == "missing" else small_report(tmp_path, "bug.txt")
    load = broken_load(bad) if refused == "parser bug" else report_loader.load
    window = empty_window(session, settings, qtbot)
    opener = ReportOpener(window, load=lambda path: loader(path) if path == big else load(path))
    if when == "start-up":
        opener.open_at_start(big)  # the window is empty while the large report is read
    else:
        opener.open_at_start(None)
        opener.open(big)
    before = window.report
    assert opener.open(bad) is False
    assert [d.objectName() for d in dialogs] == ["openErrorDialog" if refused == "missing" else "unexpectedErrorDialog"]
    assert opener.busy and window.report is before and big.name in window.statusBar().currentMessage()
    gate.set()  # the read carries on and is shown
    qtbot.waitUntil(lambda: window.path == big.resolve(), timeout=20000)
    assert not opener.busy and window.settings.last_file == str(big.resolve())


@pytest.mark.timeout(60)
@pytest.mark.parametrize("size", ["small", "large"])
def test_a_parser_bug_later_is_logged_explained_and_the_report_stays(
    size: str,
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    dialogs: list[QDialog],
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = small_report(tmp_path) if size == "small" else large_report(tmp_path)
    before, last_file = window.report, window.settings.last_file
    opener = ReportOpener(window, load=broken_load(path))
    assert opener.open(path) is (size == "large")  # a large file fails later, in the background
    qtbot.waitUntil(lambda: not opener.busy, timeout=20000)
    assert window.report is before and window.settings.last_file == last_file
    assert_explained_as_a_bug(dialogs, caplog)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("size", ["small", "large"])
def test_a_parser_bug_at_start_up_leaves_the_bundled_report(
    size: str,
    session: Session,
    settings: Settings,
    qtbot: QtBot,
    tmp_path: Path,
    dialogs: list[QDialog],
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = small_report(tmp_path) if size == "small" else large_report(tmp_path)
    window = empty_window(session, settings, qtbot)
    opener = ReportOpener(window, load=broken_load(path))
    opener.open_at_start(path)  # must not raise: no excepthook is installed yet
    qtbot.waitUntil(lambda: window.report is not None, timeout=20000)
    assert window.path == bundled_report() and window.isVisible() and not opener.busy
    assert settings.last_file == ""
    assert_explained_as_a_bug(dialogs, caplog)


def assert_explained_as_a_bug(dialogs: list[QDialog], caplog: pytest.LogCaptureFixture) -> None:
    """One "unexpected error" dialog naming the error once, and the error logged with its traceback."""
    (box,) = dialogs
    assert isinstance(box, QMessageBox) and box.objectName() == "unexpectedErrorDialog"
    assert box.detailedText() == "RuntimeError: parser bug"
    (record,) = [r for r in caplog.records if r.exc_info]
    assert record.levelno == logging.ERROR and isinstance(record.exc_info[1], RuntimeError)  # type: ignore[index]
    assert "Traceback" in caplog.text and "parser bug" in caplog.text


@pytest.mark.timeout(60)
def test_a_file_asked_for_again_while_it_is_read_is_read_once(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, loader: GatedLoader
) -> None:
    first, second = large_report(tmp_path, "first.txt"), large_report(tmp_path, "second.txt")
    first_gate, second_gate = loader.hold(first), loader.hold(second)
    opener = ReportOpener(window, load=loader)
    opener.open(first)
    opener.open(tmp_path / ".." / tmp_path.name / first.name)  # the same file, spelt another way
    opener.cancel()
    opener.open(first)  # after Cancel: its read is still running
    opener.open(second)
    opener.open(first)  # back to it while its abandoned read runs
    assert opener.busy and first.name in window.statusBar().currentMessage()
    second_gate.set()
    qtbot.waitUntil(lambda: second.resolve() in loader.finished, timeout=20000)
    qtbot.wait(50)
    assert window.path == bundled_report()  # the second was abandoned
    first_gate.set()
    qtbot.waitUntil(lambda: window.path == first.resolve(), timeout=20000)
    assert sorted(loader.started) == sorted([first.resolve(), second.resolve()])  # each read once


@pytest.mark.timeout(60)
def test_a_file_changed_since_its_read_began_is_read_again(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, loader: GatedLoader
) -> None:
    big = large_report(tmp_path)
    gate = loader.hold(big)
    opener = ReportOpener(window, load=loader)
    opener.open(big)
    qtbot.waitUntil(lambda: big.resolve() in loader.started, timeout=5000)
    large_report(tmp_path, copies=9)  # rewritten (another size) while it was read
    opener.open(big)
    gate.set()
    qtbot.waitUntil(lambda: window.path == big.resolve(), timeout=20000)
    assert loader.started == [big.resolve(), big.resolve()]
