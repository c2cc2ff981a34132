"""The Library pane on its own: listing, opening, adding in the background (progress, Cancel, the summary), drag
and drop, Remove with its confirmation, Edit…, a damaged or unusable catalogue."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from library_texts import write_reports
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from jcviewer.model.library import SCHEMA_VERSION, Catalogue
from jcviewer.model.library import catalogue as catalogue_module
from jcviewer.ui import library_edit, library_pane
from jcviewer.ui.library_model import ENTRY_ROLE
from jcviewer.ui.library_pane import LibraryPane

PaneFactory = Callable[..., LibraryPane]


@pytest.fixture
def make_pane(qtbot: QtBot, tmp_path: Path) -> PaneFactory:
    """A shown pane on the catalogue in ``tmp_path/lib``, with ``reports`` generated reports added first."""

    def build(reports: int = 0) -> LibraryPane:
        folder = tmp_path / "lib"
        if reports:
            with Catalogue(folder) as catalogue:
                for path in write_reports(tmp_path / "given", reports):
                    catalogue.add(path)
        pane = LibraryPane(folder, None)
        qtbot.addWidget(pane)
        pane.show()
        qtbot.waitExposed(pane)
        return pane

    return build


def report_rows(pane: LibraryPane, parent: QModelIndex | None = None) -> list[QModelIndex]:
    parent = parent or QModelIndex()
    rows = []
    for row in range(pane.model.rowCount(parent)):
        index = pane.model.index(row, 0, parent)
        rows += [index] if index.data(ENTRY_ROLE) is not None else report_rows(pane, index)
    return rows


def finish_import(qtbot: QtBot, pane: LibraryPane) -> None:
    qtbot.waitUntil(lambda: not pane.importing, timeout=30000)


def test_the_pane_lists_the_library_and_enter_opens_the_selected_report_copy(
    qtbot: QtBot, make_pane: PaneFactory
) -> None:
    pane = make_pane(reports=6)
    rows = report_rows(pane)
    assert len(rows) == 6 and all(pane.tree.isExpanded(row.parent()) for row in rows)
    opened: list[Path] = []
    pane.openRequested.connect(opened.append)
    pane.tree.setFocus()
    pane.tree.setCurrentIndex(rows[0])
    qtbot.keyClick(pane.tree, Qt.Key.Key_Return)
    entry = rows[0].data(ENTRY_ROLE)
    assert opened == [pane.folder / entry.text_path] and opened[0].is_file()
    pane.tree.setCurrentIndex(rows[0].parent())  # a place row opens nothing
    qtbot.keyClick(pane.tree, Qt.Key.Key_Return)
    assert len(opened) == 1


def test_an_empty_library_says_how_to_begin_until_a_report_is_added(make_pane: PaneFactory, tmp_path: Path) -> None:
    pane = make_pane()
    assert pane.empty.isVisible() and pane.catalogue is not None
    pane.catalogue.add(write_reports(tmp_path / "new", 1)[0])
    pane.refresh()
    assert not pane.empty.isVisible() and len(report_rows(pane)) == 1


def test_typing_in_the_filter_narrows_the_tree(qtbot: QtBot, make_pane: PaneFactory) -> None:
    pane = make_pane(reports=10)
    pane.filter.insert("交城县")  # committed text, as an input method gives it
    rows = report_rows(pane)
    assert len(rows) == 2 and all(row.data(ENTRY_ROLE).place == "交城县" for row in rows)


def test_a_narrow_pane_gives_the_titles_its_width_and_the_tooltip_says_kind_and_date(
    qtbot: QtBot, make_pane: PaneFactory
) -> None:
    pane = make_pane(reports=3)
    pane.resize(260, 400)
    qtbot.waitUntil(lambda: pane.tree.isColumnHidden(1))
    pane.resize(900, 400)
    qtbot.waitUntil(lambda: not pane.tree.isColumnHidden(1))
    row = report_rows(pane)[0]
    detail = pane.model.index(row.row(), 1, row.parent()).data()
    assert detail and detail in row.data(Qt.ItemDataRole.ToolTipRole)


def test_adding_a_folder_runs_in_the_background_and_sums_up_with_the_unreadable_files_and_why(
    qtbot: QtBot, make_pane: PaneFactory, tmp_path: Path, dialogs: list[QDialog]
) -> None:
    pane = make_pane(reports=2)  # report-0000 and report-0001 are in the library already
    folder = tmp_path / "incoming"
    write_reports(folder, 4)
    (folder / "broken.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    (folder / "notes.md").write_text("not a report", encoding="utf-8")  # not *.txt: not taken from a folder
    progress: list[tuple[int, int, str]] = []
    assert pane.add_paths([folder])
    assert pane.importing and not pane.add_files_action.isEnabled()
    pane._import.progressed.connect(lambda *args: progress.append(args))
    finish_import(qtbot, pane)
    assert len(report_rows(pane)) == 4 and pane.add_files_action.isEnabled()
    assert not pane.progress_bar.isVisible()
    summary = dialogs[-1]
    assert isinstance(summary, QMessageBox) and summary.objectName() == "importSummaryDialog"
    assert summary.textFormat() == Qt.TextFormat.PlainText
    assert summary.text().splitlines() == [
        pane.tr("%n report(s) added", "", 2),
        pane.tr("%n already in the library", "", 2),
        pane.tr("%n could not be read", "", 1),
    ]
    assert summary.informativeText().startswith("broken.txt: ")
    assert str(folder / "broken.txt") in summary.detailedText()
    assert progress and progress[-1][1] == 5  # five files, counted before adding


def test_cancel_stops_after_the_file_being_added_and_keeps_those_added(
    qtbot: QtBot, make_pane: PaneFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: list[QDialog]
) -> None:
    pane = make_pane()
    paths = write_reports(tmp_path / "many", 5)
    entered, release = threading.Event(), threading.Event()
    real_add = catalogue_module.Catalogue.add

    def held_add(self: Catalogue, path: Path) -> tuple[int, bool]:
        if path.name == paths[1].name:  # the second file: the test cancels while it is being added
            entered.set()
            release.wait(20)
        return real_add(self, path)

    monkeypatch.setattr(catalogue_module.Catalogue, "add", held_add)
    pane.add_paths(paths)
    qtbot.waitUntil(entered.is_set, timeout=20000)
    qtbot.waitUntil(lambda: "report-0001.txt" in pane.progress_label.text())  # "Adding 2 of 5: report-0001.txt"
    assert pane.progress_bar.value() == 1 and pane.progress_bar.maximum() == 5
    qtbot.mouseClick(pane.cancel_button, Qt.MouseButton.LeftButton)
    assert not pane.cancel_button.isEnabled()
    release.set()
    finish_import(qtbot, pane)
    assert sorted(row.data(ENTRY_ROLE).source for row in report_rows(pane)) == ["report-0000.txt", "report-0001.txt"]
    assert pane.tr("Cancelled: the files not reached were not added.") in dialogs[-1].text()


def test_files_and_folders_dropped_on_the_pane_are_added(qtbot: QtBot, make_pane: PaneFactory, tmp_path: Path) -> None:
    pane = make_pane()
    files = write_reports(tmp_path / "a", 1)
    folder = tmp_path / "b"
    write_reports(folder, 2, start=1)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(files[0])), QUrl.fromLocalFile(str(folder))])
    drop = QDropEvent(
        pane.rect().center().toPointF(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    pane.dropEvent(drop)
    assert drop.isAccepted()
    finish_import(qtbot, pane)
    assert len(report_rows(pane)) == 3


def test_remove_asks_first_and_never_touches_the_original(
    qtbot: QtBot, make_pane: PaneFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: list[QDialog]
) -> None:
    pane = make_pane(reports=2)
    originals = sorted((tmp_path / "given").iterdir())
    pane.tree.setCurrentIndex(report_rows(pane)[0])
    entry = pane.current_entry()
    assert entry is not None
    pane.remove_action.trigger()  # the recorded dialog answers nothing: Cancel
    assert dialogs[-1].objectName() == "libraryRemoveDialog"
    assert dialogs[-1].textFormat() == Qt.TextFormat.PlainText and entry.title in dialogs[-1].text()
    assert len(report_rows(pane)) == 2
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Yes)
    removed: list[bool] = []
    pane.changed.connect(lambda: removed.append(True))
    pane.remove_action.trigger()
    assert [row.data(ENTRY_ROLE).id for row in report_rows(pane)] != [entry.id] and len(report_rows(pane)) == 1
    assert removed == [True]
    assert all(path.is_file() for path in originals)
    assert not (pane.folder / entry.text_path).exists()


def test_edit_sets_the_fields_changed_and_the_catalogue_remembers_them(
    qtbot: QtBot, make_pane: PaneFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = make_pane(reports=1)
    pane.tree.setCurrentIndex(report_rows(pane)[0])

    def fill_in(dialog: library_edit.EditDialog) -> int:
        dialog.place.setText("某某市")
        dialog.year.setValue(2020)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(library_edit.EditDialog, "exec", fill_in)
    pane.edit_action.trigger()
    entry = pane.current_entry()
    assert entry is not None and (entry.place, entry.year) == ("某某市", 2020)  # still selected, in its new group
    assert entry.user_set == {"place", "year"}
    with Catalogue(pane.folder) as catalogue:
        assert catalogue.get(entry.id).place == "某某市"


def test_the_context_menu_offers_the_actions_and_they_follow_the_selection(make_pane: PaneFactory) -> None:
    pane = make_pane(reports=1)
    menu = pane.context_menu()
    names = [action.objectName() for action in menu.actions() if not action.isSeparator()]
    assert names == [
        "libraryOpenAction",
        "libraryEditAction",
        "libraryRemoveAction",
        "libraryAddFilesAction",
        "libraryAddFolderAction",
    ]
    assert not pane.edit_action.isEnabled()  # nothing selected
    pane.tree.setCurrentIndex(report_rows(pane)[0])
    assert pane.edit_action.isEnabled() and pane.remove_action.isEnabled()
    pane.tree.setCurrentIndex(report_rows(pane)[0].parent())
    assert not pane.open_action.isEnabled()
    pane._context_menu(QPoint(1, 1))  # a right click pops the menu up without waiting


def test_a_damaged_catalogue_is_set_aside_and_told_once(qtbot: QtBot, tmp_path: Path, dialogs: list[QDialog]) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "library.sqlite3").write_bytes(b"this is not a database" * 100)
    pane = LibraryPane(folder, None)
    qtbot.addWidget(pane)
    assert [d.objectName() for d in dialogs] == ["libraryRecoveredDialog"]
    assert pane.available and list(folder.glob("library.sqlite3.corrupt-*"))
    pane.refresh()
    assert len(dialogs) == 1


def test_a_catalogue_from_a_newer_jcviewer_makes_the_library_unavailable(
    qtbot: QtBot, tmp_path: Path, dialogs: list[QDialog]
) -> None:
    folder = tmp_path / "lib"
    Catalogue(folder).close()
    with sqlite3.connect(folder / "library.sqlite3") as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    db.close()
    pane = LibraryPane(folder, None)
    qtbot.addWidget(pane)
    pane.show()
    assert [d.objectName() for d in dialogs] == ["libraryErrorDialog"]
    assert not pane.available and pane.unavailable.isVisible() and not pane.tree.isVisible()
    assert not pane.add_paths([tmp_path]) and not pane.add_folder_action.isEnabled()


def test_a_library_folder_that_cannot_be_made_makes_the_library_unavailable_told_once(
    qtbot: QtBot, make_window, tmp_path: Path, dialogs: list[QDialog]
) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    window = make_window()
    window.library_folder = tmp_path / "a-file" / "lib"  # mkdir under a regular file: OSError
    for _ in range(2):  # every switch to the tab, the same pane
        window.left_tabs.setCurrentIndex(0)
        window.show_library()
    pane = window.library_pane()
    assert [d.objectName() for d in dialogs] == ["libraryErrorDialog"]
    assert not pane.available and pane.unavailable.isVisible() and "a-file" in pane.unavailable.text()
    assert not pane.add_files_action.isEnabled()


def test_a_database_error_while_opening_makes_the_library_unavailable(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: list[QDialog]
) -> None:
    def locked(*args: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(library_pane, "Catalogue", locked)
    pane = LibraryPane(tmp_path / "lib", None)
    qtbot.addWidget(pane)
    assert [d.objectName() for d in dialogs] == ["libraryErrorDialog"]
    assert not pane.available and "database is locked" in pane.unavailable.text()


@pytest.fixture
def locked_by_another(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], sqlite3.Connection]]:
    """Takes the catalogue's write lock from another connection (as another jcviewer would), with a short busy
    timeout for the pane's catalogue."""
    monkeypatch.setattr(catalogue_module, "BUSY_TIMEOUT", 0.1)
    held: list[sqlite3.Connection] = []

    def lock() -> sqlite3.Connection:
        other = sqlite3.connect(tmp_path / "lib" / "library.sqlite3", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        held.append(other)
        return other

    yield lock
    for other in held:
        other.close()


def test_a_locked_catalogue_refusing_edit_or_remove_is_explained_in_a_dialog(
    qtbot: QtBot,
    make_pane: PaneFactory,
    monkeypatch: pytest.MonkeyPatch,
    dialogs: list[QDialog],
    locked_by_another: Callable[[], sqlite3.Connection],
) -> None:
    pane = make_pane(reports=1)
    pane.tree.setCurrentIndex(report_rows(pane)[0])
    entry = pane.current_entry()
    assert entry is not None
    other = locked_by_another()
    monkeypatch.setattr(library_edit, "ask_edit", lambda parent, entry: {"place": "某某市"})
    pane.edit_action.trigger()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: dialogs.append(box) or QMessageBox.StandardButton.Yes)
    pane.remove_action.trigger()
    failures = [d for d in dialogs if d.objectName() == "libraryFailureDialog"]
    assert len(failures) == 2 and all("database is locked" in d.detailedText() for d in failures)
    other.rollback()
    assert [row.data(ENTRY_ROLE) for row in report_rows(pane)] == [entry]  # unchanged, still listed


def test_add_files_offers_report_texts_and_pdfs(
    qtbot: QtBot, make_pane: PaneFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = make_pane()
    (report,) = write_reports(tmp_path / "given", 1)
    asked: list[str] = []

    def choose(parent: object, caption: str, folder: str, filters: str) -> tuple[list[str], str]:
        asked.append(filters)
        return [str(report)], filters.split(";;")[0]

    monkeypatch.setattr(library_pane.QFileDialog, "getOpenFileNames", choose)
    pane.choose_files()
    finish_import(qtbot, pane)
    assert asked == [pane.tr("Reports (*.txt *.pdf);;Report text (*.txt);;PDF (*.pdf);;All files (*)")]
    assert asked[0].split(";;")[0].endswith("(*.txt *.pdf)")  # the first filter, the one shown, takes both
    assert len(report_rows(pane)) == 1
