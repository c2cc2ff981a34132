"""Library ▸ Export Library… and Import Library…: the whole library to one file on one machine, merged into the
library of another, off the UI thread, summed up in a dialog; a bad file refused whole, the library untouched."""

from __future__ import annotations

import json
import threading
import zipfile
from pathlib import Path

import pytest
from library_texts import write_reports
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from jcviewer.model.correction_store import report_key
from jcviewer.model.library import Catalogue
from jcviewer.model.library import transfer as model_transfer
from jcviewer.ui.library_transfer import LibraryTransfer
from jcviewer.ui.main_window import MainWindow


def library_window(make_window, folder: Path, reports: list[Path]) -> MainWindow:
    """A window whose library is in ``folder``, holding ``reports``."""
    with Catalogue(folder) as catalogue:
        for path in reports:
            catalogue.add(path)
    window = make_window()
    window.library_folder = folder
    return window


def run_menu(qtbot: QtBot, window: MainWindow, name: str) -> LibraryTransfer:
    """Trigger a Library menu action and wait for the export or import it starts to end."""
    window.findChild(QAction, name).trigger()
    transfer = window.library_pane().transfer()
    if transfer.busy:
        with qtbot.waitSignal(transfer.finished, timeout=60000):
            pass
    return transfer


def hashes(folder: Path) -> set[str]:
    """The content hashes of the library in ``folder``."""
    with Catalogue(folder) as catalogue:
        return {entry.content_hash for entry in catalogue.list()}


def summaries(dialogs: list[QDialog]) -> list[QMessageBox]:
    return [d for d in dialogs if isinstance(d, QMessageBox) and d.objectName().startswith("library")]


@pytest.fixture
def ran_on(monkeypatch: pytest.MonkeyPatch) -> list[threading.Thread]:
    """The threads the model's export and import ran on."""
    threads: list[threading.Thread] = []
    for name in ("export_library", "import_library"):
        real = getattr(model_transfer, name)

        def recorded(*args: object, real=real) -> object:
            threads.append(threading.current_thread())
            return real(*args)

        monkeypatch.setattr(model_transfer, name, recorded)
    return threads


def test_a_library_exported_on_one_machine_is_imported_on_another(
    qtbot: QtBot,
    make_window,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialogs: list[QDialog],
    ran_on: list[threading.Thread],
) -> None:
    given = write_reports(tmp_path / "given", 4)
    first = library_window(make_window, tmp_path / "a", given[:3])
    file = tmp_path / "moving" / "library"  # the suffix is added
    file.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(file), ""))
    run_menu(qtbot, first, "exportLibraryAction")
    exported = file.with_suffix(".zip")
    assert zipfile.is_zipfile(exported)
    [done] = summaries(dialogs)
    assert done.objectName() == "libraryExportedDialog" and "3" in done.text() and exported.name in done.text()

    second = library_window(make_window, tmp_path / "b", given[2:])  # one report already there
    before = hashes(tmp_path / "b")
    pane = second.library_pane()
    changed: list[bool] = []
    pane.changed.connect(lambda: changed.append(True))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(exported), ""))
    run_menu(qtbot, second, "importLibraryAction")
    imported = summaries(dialogs)[-1]
    assert imported.objectName() == "libraryImportedDialog" and "3" in imported.text()
    counts = imported.informativeText().splitlines()
    assert len(counts) == 2 and "2" in counts[0] and "1" in counts[1]  # 2 new, 1 already there
    assert len(imported.detailedText().splitlines()) == 3  # a line per report
    assert pane.model.rowCount() and changed == [True]
    assert hashes(tmp_path / "b") == hashes(tmp_path / "a") | before
    assert len(ran_on) == 2 and threading.main_thread() not in ran_on


@pytest.mark.parametrize("content", [b"not a zip at all", b""])
def test_a_bad_file_is_refused_with_its_reason_and_the_library_is_untouched(
    qtbot: QtBot, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: list[QDialog], content: bytes
) -> None:
    window = library_window(make_window, tmp_path / "lib", write_reports(tmp_path / "given", 2))
    with Catalogue(tmp_path / "lib") as catalogue:
        entries = catalogue.list()
    bad = tmp_path / "bad.zip"
    bad.write_bytes(content)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(bad), ""))
    changed: list[bool] = []
    window.library_pane().changed.connect(lambda: changed.append(True))
    run_menu(qtbot, window, "importLibraryAction")
    [refused] = summaries(dialogs)
    with pytest.raises(model_transfer.TransferError) as expected:
        model_transfer.read_library_file(bad)
    assert refused.objectName() == "libraryTransferErrorDialog"
    assert refused.informativeText() == str(expected.value)
    assert not changed
    with Catalogue(tmp_path / "lib") as catalogue:
        assert catalogue.list() == entries and len(entries) == 2


def test_an_export_that_cannot_be_written_says_so_and_leaves_no_file(
    qtbot: QtBot, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: list[QDialog]
) -> None:
    window = library_window(make_window, tmp_path / "lib", write_reports(tmp_path / "given", 1))
    target = tmp_path / "no-such-folder" / "library.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    run_menu(qtbot, window, "exportLibraryAction")
    [refused] = summaries(dialogs)
    assert refused.objectName() == "libraryTransferErrorDialog" and str(target) in refused.informativeText()
    assert not target.exists()


def test_one_transfer_at_a_time_and_none_while_the_library_is_unavailable(
    qtbot: QtBot, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: list[QDialog]
) -> None:
    window = library_window(make_window, tmp_path / "lib", write_reports(tmp_path / "given", 1))
    transfer = window.library_pane().transfer()
    with qtbot.waitSignal(transfer.finished, timeout=60000):
        assert transfer.export(tmp_path / "one.zip")
        assert not transfer.export(tmp_path / "two.zip")
    assert (tmp_path / "one.zip").is_file() and not (tmp_path / "two.zip").exists()

    (tmp_path / "a-file").write_text("", encoding="utf-8")
    unavailable = make_window()
    unavailable.library_folder = tmp_path / "a-file" / "lib"
    asked: list[bool] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: asked.append(True) or ("", ""))
    unavailable.findChild(QAction, "importLibraryAction").trigger()
    assert not asked and not unavailable.library_pane().available


def test_a_pdf_that_cannot_be_read_is_left_out_of_an_import_and_named_in_its_summary(
    qtbot: QtBot, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: list[QDialog]
) -> None:
    (text,) = write_reports(tmp_path / "given", 1)
    copies = {"report.txt": (".txt", text.read_bytes()), "broken.pdf": (".pdf", b"%PDF-1.7\nnot a PDF body\n")}
    file = tmp_path / "library.zip"
    with zipfile.ZipFile(file, "w") as archive:
        for suffix, data in copies.values():
            archive.writestr(f"texts/{report_key(data)}{suffix}", data)
        reports = [{"content_hash": report_key(data), "source": source} for source, (_, data) in copies.items()]
        archive.writestr(
            model_transfer.MANIFEST, json.dumps({"format": model_transfer.FORMAT, "version": 1, "reports": reports})
        )
    window = library_window(make_window, tmp_path / "lib", [])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(file), ""))
    transfer = run_menu(qtbot, window, "importLibraryAction")
    [imported] = summaries(dialogs)
    assert imported.objectName() == "libraryImportedDialog" and imported.icon() == QMessageBox.Icon.Warning
    counts = imported.informativeText().splitlines()
    assert counts == [
        transfer.tr("%n new", "", 1),
        transfer.tr("%n already in the library", "", 0),
        transfer.tr("%n left out: they cannot be read", "", 1),
    ]
    details = imported.detailedText().splitlines()
    assert len(details) == 2 and details[-1].startswith("broken.pdf left out: ")
    assert len(hashes(tmp_path / "lib")) == 1
