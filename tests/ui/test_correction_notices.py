"""The notice, once, of corrections that could not be applied to the report just shown; forgetting stale ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from jcviewer.model.correction_store import add_correction, report_key, stored_corrections
from jcviewer.model.corrections import Corrections, quote_fix
from jcviewer.model.parse import load_report
from jcviewer.model.report import Report
from jcviewer.model.sources import sidecar_path
from jcviewer.paths import user_data_folder
from jcviewer.resources import bundled_report
from jcviewer.settings import Settings
from jcviewer.ui.correction_notices import notify_correction_problems
from jcviewer.ui.main_window import MainWindow

WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    """A copy of the bundled report with text of its own (the store in the user's data folder is shared)."""
    path = tmp_path / "report.txt"
    path.write_text(bundled_report().read_text(encoding="utf-8") + f"\n{tmp_path.name}\n", encoding="utf-8")
    return path


@pytest.fixture
def store() -> Path:
    return user_data_folder("corrections")


def _shown(window: MainWindow, path: Path, store: Path) -> Report:
    """Show the report at ``path`` as the window opens it, and ask for the notice."""
    report = load_report(path, store=store)
    window.set_report(report, path)
    notify_correction_problems(window, report, path)
    return report


def _notice(window: MainWindow) -> QMessageBox | None:
    QApplication.processEvents()  # the notice waits for the event loop
    boxes = [box for box in window.findChildren(QMessageBox, "correctionNoticeDialog") if box.isVisible()]
    assert len(boxes) <= 1
    return boxes[0] if boxes else None


def _text(box: QMessageBox) -> str:
    return "\n".join(label.text() for label in box.findChildren(QLabel))


def _stale_stored(report_file: Path, store: Path) -> tuple[Corrections, Corrections]:
    """Two corrections stored for the report, then the report changed so that the second no longer applies."""
    report = load_report(report_file)
    kept, stale = quote_fix(report, report.quotes[0], speaker="某某"), quote_fix(report, report.quotes[2], role="某职")
    for fix in (kept, stale):
        add_correction(store, report_file.read_bytes(), report_file, fix)
    text = report_file.read_text(encoding="utf-8")
    report_file.write_text(text.replace(report.quotes[2].text[:3], "改过的话", 1), encoding="utf-8")
    return Corrections(quotes=(kept,)), Corrections(quotes=(stale,))


def test_nothing_is_said_when_every_correction_applies(window: MainWindow, report_file: Path, store: Path) -> None:
    report = load_report(report_file)
    add_correction(store, report_file.read_bytes(), report_file, quote_fix(report, report.quotes[0], speaker="某"))
    _shown(window, report_file, store)
    assert _notice(window) is None


def test_stale_stored_corrections_are_named_once_after_the_window_paints_and_can_be_forgotten(
    window: MainWindow, report_file: Path, store: Path, qtbot: QtBot
) -> None:
    kept, stale = _stale_stored(report_file, store)
    report = load_report(report_file, store=store)
    window.set_report(report, report_file)
    notify_correction_problems(window, report, report_file)
    assert not window.findChildren(QMessageBox)  # not before the event loop runs: the window paints first
    box = _notice(window)
    assert box is not None
    assert str(store) in _text(box) and report_file.name in _text(box)
    assert stale.quotes[0].paragraph[:12] in _text(box)  # the reason names the correction
    data = report_file.read_bytes()
    forget = box.findChild(QPushButton, "forgetButton")
    assert forget is not None
    forget.click()
    assert stored_corrections(store, data, report_file) == kept  # exactly the stale one is gone
    assert report_file.read_bytes() == data and not sidecar_path(report_file).exists()
    assert window.statusBar().currentMessage()
    _shown(window, report_file, store)
    assert _notice(window) is None  # nothing stale any more


def test_kept_stale_corrections_stay_stored_and_are_not_reported_again(
    window: MainWindow, report_file: Path, store: Path, settings: Settings
) -> None:
    _kept, _stale = _stale_stored(report_file, store)
    before = stored_corrections(store, report_file.read_bytes(), report_file)
    _shown(window, report_file, store)
    box = _notice(window)
    assert box is not None
    keep = box.findChild(QPushButton, "keepButton")
    assert keep is not None
    keep.click()
    assert stored_corrections(store, report_file.read_bytes(), report_file) == before
    assert len(settings.notices_shown) == 1
    _shown(window, report_file, store)
    assert _notice(window) is None  # reported once


@pytest.mark.parametrize("content", ["[[quote]\n", "[[quote]]\nparagraph = 1\n", "[outline]\n"])
def test_a_bad_sidecar_is_named_the_report_opens_uncorrected_and_the_sidecar_is_left(
    window: MainWindow, report_file: Path, store: Path, content: str
) -> None:
    sidecar_path(report_file).write_text(content, encoding="utf-8")
    report = _shown(window, report_file, store)
    assert report.quotes == load_report(report_file, sidecar=False).quotes
    box = _notice(window)
    assert box is not None and sidecar_path(report_file).name in _text(box)
    assert box.findChild(QPushButton, "forgetButton") is None
    box.button(QMessageBox.StandardButton.Ok).click()
    assert sidecar_path(report_file).read_text(encoding="utf-8") == content


def test_a_sidecar_of_another_report_is_called_so(window: MainWindow, report_file: Path, store: Path) -> None:
    sidecar_path(report_file).write_text(
        '[[quote]]\nparagraph = "别的报告"\nwords = "别的话"\ndrop = true\n', encoding="utf-8"
    )
    _shown(window, report_file, store)
    box = _notice(window)
    assert box is not None
    head = "The corrections file next to the report (%1) matches nothing in it: it may belong to another report."
    assert QApplication.translate("Dialogs", head).replace("%1", sidecar_path(report_file).name) in _text(box)


def test_a_garbage_store_file_is_named_with_its_folder_and_kept(
    window: MainWindow, report_file: Path, store: Path
) -> None:
    store.mkdir(parents=True, exist_ok=True)
    file = store / f"{report_key(report_file.read_bytes())}.toml"
    file.write_bytes(b"\xff\xfe garbage")
    _shown(window, report_file, store)
    box = _notice(window)
    assert box is not None and str(store) in _text(box) and file.name in _text(box)
    box.button(QMessageBox.StandardButton.Ok).click()
    assert file.read_bytes() == b"\xff\xfe garbage"


def test_no_notice_for_a_report_no_longer_on_show(window: MainWindow, report_file: Path, store: Path) -> None:
    sidecar_path(report_file).write_text("[[quote]\n", encoding="utf-8")
    report = load_report(report_file, store=store)
    window.set_report(report, report_file)
    notify_correction_problems(window, report, report_file)
    window.set_report(load_report(bundled_report()), bundled_report())  # another report came before the notice
    assert _notice(window) is None
