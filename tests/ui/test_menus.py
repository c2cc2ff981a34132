"""The menu bar: help dialogs, Open Recent, the actions that wait for a report, the Library menu."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from genre import wenshui_page
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from jcviewer.app import Session
from jcviewer.model.corrections import figure_fix
from jcviewer.model.parse import load_report
from jcviewer.resources import bundled_report
from jcviewer.settings import Settings
from jcviewer.ui.main_window import MainWindow
from jcviewer.ui.menus import REPORT_ACTIONS


def test_help_dialogs_open_without_blocking(window: MainWindow, dialogs: list[QDialog]) -> None:
    window.findChild(QAction, "shortcutsAction").trigger()
    window.findChild(QAction, "aboutAction").trigger()
    assert len(dialogs) == 2
    table = dialogs[0].findChild(QTableWidget)
    rows = {table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())}
    assert rows["打开(O)…"] == QKeySequence(QKeySequence.StandardKey.Open).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert rows["复制并注明出处(S)"] == "Ctrl+Shift+C"


def test_report_actions_wait_for_a_report(qtbot: QtBot, session: Session, settings: Settings) -> None:
    window = MainWindow(settings, session.fonts, session.theme)
    qtbot.addWidget(window)
    actions = [window.findChild(QAction, name) for name in REPORT_ACTIONS]
    assert actions and not any(action.isEnabled() for action in actions)
    window.set_report(load_report(bundled_report()))
    assert all(action.isEnabled() for action in actions)


def test_recent_files_menu_lists_opened_files_and_reopens_them(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "wenshui.txt"
    other.write_text(wenshui_page(seed=6).text(), encoding="utf-8")
    assert window.open_file(other)
    assert window.open_file(bundled_report())
    window.menus.recent_menu.aboutToShow.emit()
    entries = [a for a in window.menus.recent_menu.actions() if a.toolTip() == str(other.resolve())]
    assert len(entries) == 1 and entries[0].text() == "wenshui.txt"
    entries[0].trigger()
    assert window.path == other.resolve()


def test_undo_and_redo_wait_for_the_corrections_then_name_their_step(
    qtbot: QtBot, session: Session, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # a correction stored here leaks nowhere
    report_path = Path(shutil.copy(bundled_report(), tmp_path / "report.txt"))
    window = MainWindow(settings, session.fonts, session.theme)  # never shown: the corrections UI is not made
    qtbot.addWidget(window)
    window.set_report(load_report(report_path), report_path)
    undo, redo = window.findChild(QAction, "undoAction"), window.findChild(QAction, "redoAction")
    undo_prefix, redo_prefix = undo.text(), redo.text()
    assert not undo.isEnabled() and not redo.isEnabled()
    undo.trigger()  # nothing to undo yet: nothing happens
    assert window.report is not None

    target = next(m for m in window.report.metrics if m.period == "target")
    window.corrector().correct((figure_fix(window.report, target, drop=True),), "Not a Target")
    assert undo.isEnabled() and not redo.isEnabled()
    assert undo.text() == f"{undo_prefix} Not a Target"
    assert target not in window.report.metrics

    undo.trigger()
    assert target in window.report.metrics
    assert not undo.isEnabled() and undo.text() == undo_prefix
    assert redo.isEnabled() and redo.text() == f"{redo_prefix} Not a Target"
    redo.trigger()
    assert target not in window.report.metrics and undo.isEnabled()


def test_compose_briefing_opens_the_editor_and_export_as_word_suggests_a_docx(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jcviewer.ui.briefing_editor import BriefingEditor
    from jcviewer.ui.print_dialogs import BriefingPrinter

    compose = window.findChild(QAction, "composeBriefingAction")
    assert compose.shortcut() == QKeySequence("Ctrl+Shift+B")
    compose.trigger()
    editor = window.findChild(BriefingEditor)
    assert editor is not None and editor.isVisible() and editor.isModal()
    editor.close()

    suggested: list[str] = []
    monkeypatch.setattr(BriefingPrinter, "export_docx", lambda _, name: suggested.append(name), raising=False)
    window.settings.briefing_scope = "section"
    assert window.select_node("s2")
    window.findChild(QAction, "exportWordAction").trigger()
    assert suggested == [f"{bundled_report().stem}-s2.docx"]


def test_the_library_menu_shows_the_library_and_searches_all_reports(window: MainWindow, tmp_path: Path) -> None:
    window.library_folder = tmp_path / "lib"
    menu = window.menus.library_menu
    names = [action.objectName() for action in menu.actions()]
    assert names == [
        "showLibraryAction",
        "libraryAddFilesMenuAction",
        "libraryAddFolderMenuAction",
        "exportLibraryAction",
        "importLibraryAction",
        "searchLibraryAction",
        "",  # a separator, then the views across reports
        "indicatorsAction",
        "compareReportsAction",
    ]
    search = window.findChild(QAction, "searchLibraryAction")
    search.trigger()
    assert window.search_panel.scope == "library" and window.search_panel.edit.hasFocus()
    assert window.findChild(QWidget, "libraryPane") is not None  # opened for the search, its tab not shown
    assert window.left_tabs.currentIndex() == 0
    window.findChild(QAction, "showLibraryAction").trigger()
    assert window.left_tabs.currentWidget().findChild(QWidget, "libraryPane").isVisible()
