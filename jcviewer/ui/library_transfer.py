"""Library ▸ Export Library… and Import Library…: the whole library to one zip file and back, to take it to
another machine (``jcviewer.model.library.transfer``; docs/library.md "Export and import").

The file is chosen in a dialog; the work runs in a worker thread with a catalogue of its own (an sqlite3
connection belongs to the thread that made it); a dialog sums it up at the end. A file that is not a sound
library file is refused whole (its ``TransferError`` in the dialog) and the library is untouched. ``imported``
says reports were merged, for the pane to show them.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from jcviewer.model.library.transfer import Imported
from jcviewer.ui.background import BackgroundTask
from jcviewer.ui.dialogs import show_plain_message
from jcviewer.ui.search_panel import fill

log = logging.getLogger(__name__)

OPENING_ERRORS = (OSError, sqlite3.Error)
"""Besides LibraryError: what opening the catalogue may raise (a folder that cannot be made, a locked database)."""


@dataclass
class TransferOutcome:
    """What an export or import did: how many reports were written (export); each report merged with its title
    (import); the reports left out of an export or an import, each with why; the error that stopped either, if
    any."""

    exported: int = 0
    reports: list[tuple[Imported, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    error: str = ""
    kind: str = ""  # "open": the catalogue; "file": not a library file; "unwritable": the export's file;
    # "stopped": an import cut off midway (a full disk, a locked catalogue), the reports before it imported


def run_export(folder: Path, corrections: Path | None, file: Path) -> TransferOutcome:
    """Write the library in ``folder`` to ``file`` (whole or not at all); runs in a worker thread."""
    from jcviewer.model.library import Catalogue, LibraryError
    from jcviewer.model.library.transfer import export_library

    outcome = TransferOutcome()
    try:
        catalogue = Catalogue(folder, corrections)
    except (LibraryError, *OPENING_ERRORS) as error:
        return TransferOutcome(error=str(error), kind="open")
    with catalogue:
        try:
            outcome.exported = export_library(catalogue, file, outcome.problems.append)
        except OSError as error:
            return TransferOutcome(error=f"{file}: {error.strerror or error}", kind="unwritable")
    return outcome


def run_import(folder: Path, corrections: Path | None, file: Path) -> TransferOutcome:
    """Merge the library file ``file`` into the library in ``folder``; runs in a worker thread."""
    from jcviewer.model.library import Catalogue, LibraryError
    from jcviewer.model.library.transfer import TransferError, import_library

    try:
        catalogue = Catalogue(folder, corrections)
    except (LibraryError, *OPENING_ERRORS) as error:
        return TransferOutcome(error=str(error), kind="open")
    with catalogue:
        left_out: list[str] = []
        try:
            imported = import_library(catalogue, file, left_out.append)
        except TransferError as error:
            return TransferOutcome(error=str(error), kind="file")
        except (LibraryError, *OPENING_ERRORS) as error:  # a full disk, a locked catalogue: those before stay
            return TransferOutcome(error=str(error), kind="stopped")
        titles = [catalogue.get(report.report_id).title for report in imported]
        return TransferOutcome(reports=list(zip(imported, titles, strict=True)), problems=left_out)


class LibraryTransfer(QObject):
    """Export and import for the library in ``folder``, one at a time; dialogs are parented to ``parent``.
    ``finished`` at the end of either (after its summary), ``imported`` when reports were merged."""

    finished = Signal()
    imported = Signal()

    def __init__(self, folder: Path, corrections: Path | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.folder, self.corrections = folder, corrections
        self._parent = parent
        self._task: BackgroundTask | None = None

    @property
    def busy(self) -> bool:
        """True while an export or import runs."""
        return self._task is not None

    def choose_export(self) -> None:
        """Export Library…: a file to write, then the export."""
        name, _ = QFileDialog.getSaveFileName(
            self._parent, self.tr("Export the library"), "library.zip", self.tr("Library file (*.zip)")
        )
        if name:
            self.export(Path(name) if Path(name).suffix else Path(name).with_suffix(".zip"))

    def choose_import(self) -> None:
        """Import Library…: a library file, then the import."""
        name, _ = QFileDialog.getOpenFileName(
            self._parent, self.tr("Import a library"), "", self.tr("Library file (*.zip);;All files (*)")
        )
        if name:
            self.import_file(Path(name))

    def export(self, file: Path) -> bool:
        """Write the library to ``file`` in the background; False when a transfer is under way already."""
        folder, corrections = self.folder, self.corrections
        return self._start(lambda: run_export(folder, corrections, file), lambda outcome: self._exported(file, outcome))

    def import_file(self, file: Path) -> bool:
        """Merge ``file`` into the library in the background; False when a transfer is under way already."""
        folder, corrections = self.folder, self.corrections
        return self._start(lambda: run_import(folder, corrections, file), lambda outcome: self._imported(file, outcome))

    def _start(self, work: Callable[[], TransferOutcome], done: Callable[[TransferOutcome], None]) -> bool:
        if self._task is not None:
            return False
        task = BackgroundTask(work, self)
        task.done.connect(done)
        task.failed.connect(lambda message: self._failed(message))
        self._task = task
        task.start()
        return True

    def _end(self) -> None:
        if self._task is not None:
            self._task.deleteLater()
            self._task = None

    def _exported(self, file: Path, outcome: TransferOutcome) -> None:
        self._end()
        if outcome.error:
            self._refused(outcome)
        else:
            text = fill(self.tr("%n report(s) exported to %1.", "", outcome.exported), file.name)
            more = self.tr("%n report(s) left out: their copies cannot be read.", "", len(outcome.problems))
            self._message(
                "libraryExportedDialog",
                QMessageBox.Icon.Warning if outcome.problems else QMessageBox.Icon.Information,
                self.tr("Library exported"),
                text,
                "\n".join(outcome.problems),
                more if outcome.problems else "",
            )
        self.finished.emit()

    def _imported(self, file: Path, outcome: TransferOutcome) -> None:
        self._end()
        if outcome.reports or outcome.kind == "stopped":  # stopped midway: the reports before it are in
            self.imported.emit()
        if outcome.error:
            self._refused(outcome)
        else:
            added = sum(report.added for report, _ in outcome.reports)
            text = fill(self.tr("%n report(s) imported from %1:", "", len(outcome.reports)), file.name)
            counts = [
                self.tr("%n new", "", added),
                self.tr("%n already in the library", "", len(outcome.reports) - added),
            ]
            if outcome.problems:
                counts.append(self.tr("%n left out: they cannot be read", "", len(outcome.problems)))
            self._message(
                "libraryImportedDialog",
                QMessageBox.Icon.Warning if outcome.problems else QMessageBox.Icon.Information,
                self.tr("Library imported"),
                text,
                "\n".join([*(self._line(report, title) for report, title in outcome.reports), *outcome.problems]),
                "\n".join(counts),
            )
        self.finished.emit()

    def _line(self, report: Imported, title: str) -> str:
        """A report of the import, in the summary's details: its title, new or not, what came with it."""
        notes = [self.tr("new") if report.added else self.tr("already in the library")]
        if report.fields:
            notes.append(self.tr("the details set by hand carried over"))
        if report.corrections:
            notes.append(self.tr("corrections copied"))
        return fill(self.tr("%1: %2"), title, self.tr("; ").join(notes))

    def _refused(self, outcome: TransferOutcome) -> None:
        log.warning("library transfer: %s", outcome.error)
        texts = {
            "open": self.tr("The library cannot be opened. Nothing was changed."),
            "file": self.tr("This file cannot be imported; the library is unchanged."),
            "unwritable": self.tr("The library file cannot be written."),
            "stopped": self.tr("The import stopped: the reports before the error were imported."),
        }
        self._message(
            "libraryTransferErrorDialog",
            QMessageBox.Icon.Warning,
            self.tr("Library"),
            texts[outcome.kind],
            "",
            outcome.error,
        )

    def _failed(self, message: str) -> None:  # a bug (logged in full by the worker)
        self._end()
        self._message(
            "libraryTransferErrorDialog",
            QMessageBox.Icon.Warning,
            self.tr("Library"),
            self.tr("The transfer could not be completed."),
            "",
            message,
        )
        self.finished.emit()

    def _message(self, name: str, icon: QMessageBox.Icon, title: str, text: str, details: str, more: str) -> None:
        show_plain_message(self._parent, name, icon, title, text, more, details)
