"""The Library pane (the 文库 tab beside the outline): the reports of the library grouped by year and place, a
filter, and the actions on them — open, add files or a folder (also by drag and drop), edit, remove; the whole
library exported to one file or imported from one (``library_transfer``).

Made on first show of its tab, never before the window's first paint. The pane's catalogue (an sqlite3
connection) lives on the UI thread; imports run in a worker with a catalogue of their own (``library_import``).
A catalogue found damaged was set aside by ``Catalogue`` and is told once; a catalogue that cannot be opened
(written by a newer jcviewer, locked, in a folder that cannot be made or written) is explained in a dialog and the
pane says the library is unavailable. A change refused (the catalogue locked by another jcviewer) is explained in
a dialog too.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from jcviewer.model.errors import ReportError
from jcviewer.model.library import Catalogue, Entry, LibraryError
from jcviewer.ui.dialogs import show_plain_message
from jcviewer.ui.library_import import ImportSummary, LibraryImport
from jcviewer.ui.library_model import LibraryModel
from jcviewer.ui.search_panel import fill

if TYPE_CHECKING:
    from jcviewer.ui.library_transfer import LibraryTransfer

log = logging.getLogger(__name__)


DETAIL_SAMPLE = "经济工作会议 · 2024年12月31日"
"""What the second column (a report's kind and date) is sized for."""
SUMMARY_REASONS = 5
"""Unreadable files named with their reason in the import summary itself; all of them are in its details."""


class LibraryPane(QWidget):
    """The library's reports. ``openRequested(path)`` asks the window to open a report's text copy; ``changed``
    says reports were added, edited or removed."""

    openRequested = Signal(Path)  # noqa: N815
    changed = Signal()

    def __init__(self, folder: Path, corrections: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPane")
        self.folder, self.corrections = folder, corrections
        self.catalogue: Catalogue | None = None
        self._import: LibraryImport | None = None
        self._transfer: LibraryTransfer | None = None
        self.filter = QLineEdit(self)
        self.filter.setObjectName("libraryFilter")
        self.filter.setPlaceholderText(self.tr("Filter: title, place, kind, year"))
        self.filter.setClearButtonEnabled(True)
        self.model = LibraryModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("libraryTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Sized for a kind and a date, not to its contents: that would measure every row (500 reports: ~40 ms).
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance(DETAIL_SAMPLE))
        self.tree.setAccessibleName(self.tr("Library"))
        self.tree.setAccessibleDescription(self.tr("The reports in the library, by year and place"))
        self.unavailable = QLabel(self)
        self.unavailable.setObjectName("libraryUnavailable")
        self.unavailable.setTextFormat(Qt.TextFormat.PlainText)
        self.unavailable.setWordWrap(True)
        self.unavailable.hide()
        self.empty = QLabel(self.tr("The library is empty. Add report files or a folder of them, or drop them here."))
        self.empty.setObjectName("libraryEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        self.open_action = self._action(self.tr("&Open"), self.open_current, "libraryOpenAction")
        self.add_files_action = self._action(self.tr("Add &Files…"), self.choose_files, "libraryAddFilesAction")
        self.add_folder_action = self._action(self.tr("Add F&older…"), self.choose_folder, "libraryAddFolderAction")
        self.edit_action = self._action(self.tr("&Edit…"), self.edit_current, "libraryEditAction")
        self.remove_action = self._action(self.tr("&Remove…"), self.remove_current, "libraryRemoveAction")
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.tree.addAction(self.remove_action)
        buttons = QHBoxLayout()
        for action in (self.add_files_action, self.add_folder_action, self.edit_action, self.remove_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("importStatus")
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)  # it names a file
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("importProgress")
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.clicked.connect(self.cancel_import)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.filter)
        layout.addWidget(self.unavailable)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.progress_label)
        layout.addLayout(progress_row)
        layout.addLayout(buttons)
        self._show_progress(False)
        self.setAcceptDrops(True)
        self.filter.textChanged.connect(self._filter)
        self.tree.activated.connect(self._activated)  # Enter, and a double click
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.selectionModel().currentChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self._open_catalogue()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """A narrow pane gives the titles all its width: the kind and date column (also in each tooltip) hides
        when it would leave the titles less than its own width again."""
        super().resizeEvent(event)
        detail = self.fontMetrics().horizontalAdvance(DETAIL_SAMPLE)
        self.tree.setColumnHidden(1, event.size().width() < 2.2 * detail)

    def _action(self, text: str, slot: object, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    # --- the catalogue --------------------------------------------------------------------------------------
    def _open_catalogue(self) -> None:
        try:
            self.catalogue = Catalogue(self.folder, self.corrections)
        except (LibraryError, OSError, sqlite3.Error) as error:  # a newer schema, no folder to write, locked
            log.warning("library unavailable: %s", error)
            self.unavailable.setText(self.tr("The library is unavailable: %1").replace("%1", str(error)))
            self.unavailable.show()
            self.tree.hide()
            self._update_actions()
            show_plain_message(
                self,
                "libraryErrorDialog",
                QMessageBox.Icon.Warning,
                self.tr("Library unavailable"),
                self.tr("The library cannot be opened. Your reports and their copies are untouched."),
                details=str(error),
            )
            return
        if self.catalogue.recovered is not None:  # set aside while opening: told once, here
            show_plain_message(
                self,
                "libraryRecoveredDialog",
                QMessageBox.Icon.Warning,
                self.tr("Library catalogue damaged"),
                self.tr(
                    "The library's catalogue was damaged. It was kept as %1 and a new, empty catalogue was made: "
                    "add the reports again (their copies are reused)."
                ).replace("%1", self.catalogue.recovered.set_aside.name),
                details=str(self.catalogue.recovered),
            )
        self.refresh()

    @property
    def available(self) -> bool:
        """True when the catalogue is open."""
        return self.catalogue is not None

    def refresh(self) -> None:
        """Show the catalogue's reports as they are now (the selected report stays selected)."""
        if self.catalogue is None:
            return
        current = self.current_entry()
        entries = self.catalogue.list()
        self.model.set_entries(entries)
        self.empty.setVisible(not entries)  # how to begin, above the empty tree (a drop target too)
        self._expand()
        if current is not None:
            self.select(current.id)

    def close_catalogue(self) -> None:
        """Cancel an import under way and close the catalogue (the window is closing)."""
        self.cancel_import()
        if self.catalogue is not None:
            self.catalogue.close()
            self.catalogue = None

    def text_file(self, report_id: int) -> Path | None:
        """The library's copy of a report's text (None if the report is not in the library)."""
        if self.catalogue is None:
            return None
        try:
            return self.catalogue.text_file(self.catalogue.get(report_id))
        except KeyError:
            return None

    # --- selection and opening ------------------------------------------------------------------------------
    def current_entry(self) -> Entry | None:
        """The selected report (None for a year or place row, or nothing selected)."""
        return self.model.entry(self.tree.currentIndex())

    def select(self, report_id: int) -> bool:
        """Select a report's row; False when it is not shown."""
        index = self.model.index_of(report_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        return index.isValid()

    def _filter(self, text: str) -> None:
        current = self.current_entry()
        self.model.set_filter(text)
        self._expand()
        if current is not None:
            self.select(current.id)

    def _expand(self) -> None:
        """Open every year and place (expandAll would visit every report row too)."""
        for index in self.model.groups():
            self.tree.setExpanded(index, True)

    def _activated(self, index: QModelIndex) -> None:
        if self.model.entry(index) is not None:
            self.open_current()

    def open_current(self) -> None:
        """Open the selected report (its copy in the library) in the window."""
        entry = self.current_entry()
        if entry is not None and self.catalogue is not None:
            self.openRequested.emit(self.catalogue.text_file(entry))

    def _update_actions(self) -> None:
        chosen = self.current_entry() is not None and self.catalogue is not None
        for action in (self.open_action, self.edit_action, self.remove_action):
            action.setEnabled(chosen)
        idle = self.catalogue is not None and self._import is None
        for action in (self.add_files_action, self.add_folder_action):
            action.setEnabled(idle)

    def context_menu(self) -> QMenu:
        """The tree's context menu: Open, Edit…, Remove…, then Add Files… and Add Folder…"""
        menu = QMenu(self)
        menu.setObjectName("libraryMenu")
        menu.addActions([self.open_action, self.edit_action, self.remove_action])
        menu.addSeparator()
        menu.addActions([self.add_files_action, self.add_folder_action])
        menu.aboutToHide.connect(menu.deleteLater)
        return menu

    def _context_menu(self, position: QPoint) -> None:
        index = self.tree.indexAt(position)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        self.context_menu().popup(self.tree.viewport().mapToGlobal(position))

    # --- edit and remove ------------------------------------------------------------------------------------
    def edit_current(self) -> None:
        """Edit… the selected report's title, place, kind, date and year (remembered: a re-parse keeps them)."""
        entry = self.current_entry()
        if entry is None or self.catalogue is None:
            return
        from jcviewer.ui.library_edit import ask_edit

        changes = ask_edit(self, entry)
        if not changes:
            return
        try:
            self.catalogue.edit(entry.id, **changes)
        except (KeyError, ValueError, LibraryError, OSError, sqlite3.Error) as error:  # gone, a blank title, locked
            self._explain_failure(self.tr("Cannot change the report's details"), error)
        self.refresh()
        self.changed.emit()

    def remove_current(self) -> None:
        """Remove… the selected report from the library, once confirmed (the user's original file is untouched)."""
        entry = self.current_entry()
        if entry is None or self.catalogue is None or not self._confirm_remove(entry):
            return
        try:
            self.catalogue.remove(entry.id)
        except (KeyError, LibraryError, OSError, sqlite3.Error) as error:  # gone meanwhile, locked
            self._explain_failure(self.tr("Cannot remove the report"), error)
        self.refresh()
        self.changed.emit()

    def _confirm_remove(self, entry: Entry) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove from library"),
            fill(
                self.tr("Remove “%1” from the library? Its copy in the library is deleted; the file %2 is not."),
                entry.title,
                entry.source,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("libraryRemoveDialog")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _explain_failure(self, text: str, error: Exception) -> None:
        log.warning("%s: %s", text, error)
        show_plain_message(
            self, "libraryFailureDialog", QMessageBox.Icon.Warning, self.tr("Library"), text, details=str(error)
        )

    # --- adding ---------------------------------------------------------------------------------------------
    def choose_files(self) -> None:
        """Add Files…: report texts and PDFs chosen in a file dialog."""
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add reports to the library"),
            "",
            self.tr("Reports (*.txt *.pdf);;Report text (*.txt);;PDF (*.pdf);;All files (*)"),
        )
        if names:
            self.add_paths([Path(name) for name in names])

    def choose_folder(self) -> None:
        """Add Folder…: every ``*.txt`` and ``*.pdf`` in a folder and its subfolders."""
        name = QFileDialog.getExistingDirectory(self, self.tr("Add a folder of reports to the library"))
        if name:
            self.add_paths([Path(name)])

    @property
    def importing(self) -> bool:
        """True while an import is under way."""
        return self._import is not None

    def add_paths(self, paths: list[Path]) -> bool:
        """Add files and folders in the background, with progress and Cancel; False when the library is
        unavailable or an import is already under way."""
        if self.catalogue is None or self._import is not None:
            return False
        job = LibraryImport(self.folder, self.corrections, paths, self)
        job.progressed.connect(self._progressed)
        job.finished.connect(self._imported)  # a bound method: a lambda holding the job outlived it (a crash)
        self._import = job
        self._progressed(0, 0, "")
        self._show_progress(True)
        self._update_actions()
        job.start()
        return True

    def cancel_import(self) -> None:
        """Stop the import under way after the file being added (those added stay)."""
        if self._import is not None:
            self._import.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Stopping after the current file…"))

    def _show_progress(self, shown: bool) -> None:
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.setVisible(shown)
        self.cancel_button.setEnabled(shown)

    def _progressed(self, done: int, total: int, current: str) -> None:
        if self._import is None or self._import.cancelled:
            return
        self.progress_bar.setRange(0, total)  # 0 of 0: busy, while the folder is still being listed
        self.progress_bar.setValue(done)
        if total:
            self.progress_label.setText(fill(self.tr("Adding %1 of %2: %3"), str(done + 1), str(total), current))
        else:
            self.progress_label.setText(self.tr("Looking for reports…"))

    def _imported(self, summary: ImportSummary) -> None:
        job = self._import
        if job is None or self.sender() is not job:
            return
        self._import = None
        job.deleteLater()
        self._show_progress(False)
        self.refresh()
        self._update_actions()
        if summary.added:
            self.changed.emit()
        self._summarise(summary)

    def _summarise(self, summary: ImportSummary) -> None:
        from jcviewer.ui.dialogs import open_error_text

        if summary.error is not None:
            self._explain_failure(self.tr("The reports could not be added"), summary.error)
            return
        lines = [
            self.tr("%n report(s) added", "", len(summary.added)),
            self.tr("%n already in the library", "", len(summary.known)),
        ]
        if summary.failed:
            lines.append(self.tr("%n could not be read", "", len(summary.failed)))
        if summary.cancelled:
            lines.append(self.tr("Cancelled: the files not reached were not added."))
        why = [open_error_text(error) if isinstance(error, ReportError) else str(error) for _, error in summary.failed]
        reasons = [f"{path.name}: {reason}" for (path, _), reason in zip(summary.failed, why, strict=True)]
        details = "\n".join(f"{path}: {reason}" for (path, _), reason in zip(summary.failed, why, strict=True))
        if len(reasons) > SUMMARY_REASONS:
            reasons = [*reasons[:SUMMARY_REASONS], self.tr("… (all of them under Show Details)")]
        icon = QMessageBox.Icon.Warning if summary.failed else QMessageBox.Icon.Information
        title = self.tr("Added to the library")
        show_plain_message(self, "importSummaryDialog", icon, title, "\n".join(lines), "\n".join(reasons), details)

    # --- the whole library to one file and back -------------------------------------------------------------
    def transfer(self) -> LibraryTransfer:
        """Export and import of the whole library (``library_transfer``), made on first use; the tree shows what
        an import merged."""
        if self._transfer is None:
            from jcviewer.ui.library_transfer import LibraryTransfer

            self._transfer = LibraryTransfer(self.folder, self.corrections, self)
            self._transfer.imported.connect(self._transferred)
        return self._transfer

    def export_library(self) -> None:
        """Library ▸ Export Library…: the whole library to a file chosen (not while it is unavailable)."""
        if self.catalogue is not None:
            self.transfer().choose_export()

    def import_library(self) -> None:
        """Library ▸ Import Library…: a library file chosen, merged into this one (not while it is unavailable)."""
        if self.catalogue is not None:
            self.transfer().choose_import()

    def _transferred(self) -> None:
        self.refresh()
        self.changed.emit()

    # --- drag and drop --------------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.catalogue is not None and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)
