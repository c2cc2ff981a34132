"""The menu bar: every action with its standard shortcut, calling the window's methods."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from jcviewer.ui.theme import THEMES

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from jcviewer.ui.main_window import MainWindow

Key = QKeySequence.StandardKey
REPORT_ACTIONS = (
    "exportAction",
    "exportCorrectionsAction",
    "printAction",
    "previewAction",
    "exportPdfAction",
    "exportWordAction",
    "composeBriefingAction",
    "copyAction",
    "copySourceAction",
)


def _named(prefix: str, step: str) -> str:
    """An Undo or Redo entry's text: "&Undo", or "&Undo Not a Target" when there is a step."""
    return f"{prefix} {step}" if step else prefix


class Menus(QObject):
    """File, Edit, View and Help for a main window; the actions live on the window, so shortcuts work anywhere."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._build()

    def _action(self, text: str, slot: object, shortcut: Key | str | None = None, name: str = "") -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(slot)
        self._window.addAction(action)  # shortcuts work wherever the focus is
        return action

    def _build(self) -> None:
        window = self._window
        bar = window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("&Open…"), window.choose_file, Key.Open, "openAction"))
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self._action(self.tr("&Export JSON…"), window.choose_export, "Ctrl+E", "exportAction"))
        file_menu.addAction(
            self._action(
                self.tr("Export C&orrections…"), lambda: window.corrector().export(), name="exportCorrectionsAction"
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                self.tr("Co&mpose Briefing…"), window.compose_briefing, "Ctrl+Shift+B", "composeBriefingAction"
            )
        )
        file_menu.addAction(
            self._action(
                self.tr("&Print Briefing…"),
                lambda: window.briefing_printer().print_briefing(),
                Key.Print,
                "printAction",
            )
        )
        file_menu.addAction(
            self._action(
                self.tr("Print Pre&view…"), lambda: window.briefing_printer().preview(), "Ctrl+Shift+P", "previewAction"
            )
        )
        file_menu.addAction(
            self._action(self.tr("Export Briefing as P&DF…"), window.export_briefing, "Ctrl+Shift+E", "exportPdfAction")
        )
        file_menu.addAction(
            self._action(self.tr("Export Briefing as &Word…"), window.export_briefing_docx, name="exportWordAction")
        )
        file_menu.addAction(
            self._action(
                self.tr("Page Set&up…"), lambda: window.briefing_printer().page_setup(), name="pageSetupAction"
            )
        )
        scope_menu = file_menu.addMenu(self.tr("Briefing &Covers"))
        self.scope_actions = QActionGroup(window)
        for scope, text in (("report", self.tr("The Whole Report")), ("section", self.tr("The Selected Section"))):
            action = self._action(
                text, lambda _=False, s=scope: setattr(window.settings, "briefing_scope", s), name=f"scope-{scope}"
            )
            action.setCheckable(True)
            action.setChecked(window.settings.briefing_scope == scope)
            self.scope_actions.addAction(action)
            scope_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), window.close, Key.Quit, "quitAction"))

        edit_menu = bar.addMenu(self.tr("&Edit"))
        # Undo and Redo follow the corrections' undo stack once it is made (attach_undo_stack); disabled until then.
        self._undo_prefix, self._redo_prefix = self.tr("&Undo"), self.tr("&Redo")
        self.undo_action = self._action(self._undo_prefix, None, Key.Undo, "undoAction")
        self.redo_action = self._action(self._redo_prefix, None, Key.Redo, "redoAction")
        for action in (self.undo_action, self.redo_action):
            action.setEnabled(False)
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self._action(self.tr("&Copy"), window.copy, Key.Copy, "copyAction"))
        edit_menu.addAction(
            self._action(self.tr("Copy with &Source"), window.copy_with_source, "Ctrl+Shift+C", "copySourceAction")
        )
        edit_menu.addSeparator()
        edit_menu.addAction(self._action(self.tr("&Find…"), window.search_panel.focus, Key.Find, "findAction"))
        edit_menu.addAction(
            self._action(self.tr("Find &Next"), lambda: window.step_hit(1), Key.FindNext, "nextHitAction")
        )
        edit_menu.addAction(
            self._action(self.tr("Find &Previous"), lambda: window.step_hit(-1), Key.FindPrevious, "previousHitAction")
        )

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self._action(self.tr("Zoom &In"), lambda: window.zoom_by(1), Key.ZoomIn, "zoomInAction"))
        view_menu.addAction(
            self._action(self.tr("Zoom &Out"), lambda: window.zoom_by(-1), Key.ZoomOut, "zoomOutAction")
        )
        view_menu.addAction(
            self._action(self.tr("&Reset Zoom"), lambda: window.zoom_by(None), "Ctrl+0", "zoomResetAction")
        )
        view_menu.addSeparator()
        self.page_action = self._action(self.tr("&Page as Printed"), window.show_pages, "F8", "pageAction")
        self.page_action.setCheckable(True)
        self.page_action.setEnabled(False)  # until a report read from a PDF is on show
        view_menu.addAction(self.page_action)
        self.charts_action = self._action(self.tr("Show &Charts"), window.set_charts_visible, "F9", "chartsAction")
        self.charts_action.setCheckable(True)
        self.charts_action.setChecked(True)
        view_menu.addAction(self.charts_action)
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        names = {"system": self.tr("Follow &System"), "light": self.tr("&Light"), "dark": self.tr("&Dark")}
        self.theme_actions = QActionGroup(window)
        for theme in THEMES:
            action = self._action(names[theme], lambda _=False, t=theme: window.set_theme(t), name=f"theme-{theme}")
            action.setCheckable(True)
            action.setData(theme)
            self.theme_actions.addAction(action)
            theme_menu.addAction(action)

        # Library: the reports of the library (the pane and its catalogue are made on first use), then the views
        # across reports (indicators over the years, comparing two reports), each a window of its own.
        self.library_menu = bar.addMenu(self.tr("&Library"))
        self.library_menu.setObjectName("libraryMenu")
        self.library_menu.addAction(
            self._action(self.tr("Show &Library"), window.show_library, "Ctrl+L", "showLibraryAction")
        )
        self.library_menu.addAction(
            self._action(
                self.tr("Add &Files to Library…"),
                lambda: window.show_library().choose_files(),
                name="libraryAddFilesMenuAction",
            )
        )
        self.library_menu.addAction(
            self._action(
                self.tr("Add F&older to Library…"),
                lambda: window.show_library().choose_folder(),
                name="libraryAddFolderMenuAction",
            )
        )
        self.library_menu.addAction(
            self._action(
                self.tr("E&xport Library…"),
                lambda: window.show_library().export_library(),
                name="exportLibraryAction",
            )
        )
        self.library_menu.addAction(
            self._action(
                self.tr("I&mport Library…"),
                lambda: window.show_library().import_library(),
                name="importLibraryAction",
            )
        )
        self.library_menu.addAction(
            self._action(
                self.tr("Search &All Reports"),
                lambda: self._search_library(window),
                "Ctrl+Shift+F",
                "searchLibraryAction",
            )
        )
        self.library_menu.addSeparator()
        self.library_menu.addAction(
            self._action(self.tr("&Indicators over the Years…"), window.show_indicators, name="indicatorsAction")
        )
        self.library_menu.addAction(
            self._action(self.tr("&Compare Reports…"), window.show_compare, name="compareReportsAction")
        )

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(self.tr("&Keyboard Shortcuts"), window.show_shortcuts, Key.HelpContents, "shortcutsAction")
        )
        help_menu.addAction(self._action(self.tr("&About jcviewer"), window.show_about, name="aboutAction"))

    @staticmethod
    def _search_library(window: MainWindow) -> None:
        """Library ▸ Search All Reports: the search field, in the library scope."""
        window.search_panel.set_scope("library")
        window.search_panel.focus()

    def enable_report_actions(self, enabled: bool) -> None:
        """Actions that need a report on show (export, print, copy) are disabled while there is none."""
        for name in REPORT_ACTIONS:
            action = self._window.findChild(QAction, name)
            assert action is not None, name
            action.setEnabled(enabled)

    def attach_undo_stack(self, stack: QUndoStack) -> None:
        """Edit ▸ Undo and Redo act on ``stack`` from now on, as ``QUndoStack.createUndoAction`` would make them:
        enabled when there is a step to undo (redo), named after it (e.g. "Undo Not a Target")."""
        undo, redo = self.undo_action, self.redo_action
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(self._name_undo)  # methods, not lambdas: gone with the menus
        stack.redoTextChanged.connect(self._name_redo)
        undo.triggered.connect(stack.undo)
        redo.triggered.connect(stack.redo)
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        self._name_undo(stack.undoText())
        self._name_redo(stack.redoText())

    def _name_undo(self, step: str) -> None:
        self.undo_action.setText(_named(self._undo_prefix, step))

    def _name_redo(self, step: str) -> None:
        self.redo_action.setText(_named(self._redo_prefix, step))

    def _fill_recent_menu(self) -> None:
        window = self._window
        self.recent_menu.clear()
        recent = [p for p in window.settings.recent_files if Path(p).is_file()]
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(html.escape(path))  # tooltips render markup; a file name is text
            action.triggered.connect(lambda _=False, p=path: window.open_file(Path(p)))
        if not recent:
            self.recent_menu.addAction(self.tr("No recent files")).setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.tr("Clear List"), lambda: setattr(window.settings, "recent_files", []))
