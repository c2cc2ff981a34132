"""Adding files and folders to the library off the UI thread, with progress and Cancel.

The worker thread opens its own ``Catalogue`` (an sqlite3 connection belongs to the thread that made it) and adds
one file at a time, each in its own transaction (``Catalogue.add``): Cancel stops after the file being added, and
the ones added stay. A file that cannot be read or parsed is listed in the summary with its reason, never raised.
Progress is shared state the UI thread polls (a worker never touches a Qt object its window may delete).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from jcviewer.ui.background import BackgroundTask

log = logging.getLogger(__name__)

POLL_MS = 100


@dataclass
class ImportSummary:
    """What an import did: files added, files whose text was in the library already, files that failed (with the
    exception saying why), whether it was cancelled, and the error that stopped it before any file (the catalogue
    could not be opened), if any."""

    added: list[Path] = field(default_factory=list)
    known: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, Exception]] = field(default_factory=list)
    cancelled: bool = False
    error: Exception | None = None


class ImportProgress:
    """Shared between the worker and the UI thread: how many files of how many are done, the one being added, and
    the request to stop."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done, self._total, self._current = 0, 0, ""
        self.stop = threading.Event()

    def set(self, done: int, total: int, current: str) -> None:
        """The worker says where it is."""
        with self._lock:
            self._done, self._total, self._current = done, total, current

    def get(self) -> tuple[int, int, str]:
        """Files done, files in all (0 while still counting), the file name being added."""
        with self._lock:
            return self._done, self._total, self._current


def run_import(
    folder: Path, corrections: Path | None, paths: Sequence[Path], progress: ImportProgress
) -> ImportSummary:
    """Add ``paths`` (files and folders) to the catalogue in ``folder``; runs in the worker thread."""
    from jcviewer.model.errors import ReportError
    from jcviewer.model.library import Catalogue, LibraryError
    from jcviewer.model.library.catalogue import report_files

    summary = ImportSummary()
    try:
        catalogue = Catalogue(folder, corrections)
    except LibraryError as error:
        summary.error = error
        return summary
    with catalogue:
        files = report_files(paths)
        for done, path in enumerate(files):
            if progress.stop.is_set():
                summary.cancelled = True
                break
            progress.set(done, len(files), path.name)
            try:
                _, new = catalogue.add(path)
            except Exception as error:  # a ReportError, a locked catalogue, or a bug: the file is reported, not raised
                bug = not isinstance(error, ReportError | LibraryError | sqlite3.Error)
                log.log(logging.ERROR if bug else logging.INFO, "cannot add %s: %s", path, error, exc_info=bug)
                summary.failed.append((path, error))
                continue
            (summary.added if new else summary.known).append(path)
        progress.set(len(summary.added) + len(summary.known) + len(summary.failed), len(files), "")
    return summary


class LibraryImport(QObject):
    """One import under way: ``progressed(done, total, file name)`` while it runs, ``finished(ImportSummary)`` at
    the end (on the UI thread). ``cancel()`` stops it after the file being added."""

    progressed = Signal(int, int, str)
    finished = Signal(object)

    def __init__(
        self, folder: Path, corrections: Path | None, paths: Sequence[Path], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._progress = progress = ImportProgress()
        work = list(paths)
        self._task = BackgroundTask(lambda: run_import(folder, corrections, work, progress), self)
        self._task.done.connect(self._done)
        self._task.failed.connect(self._failed)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        """Begin adding (once)."""
        self._task.start()
        self._timer.start()

    def cancel(self) -> None:
        """Stop after the file being added; those added stay."""
        self._progress.stop.set()

    @property
    def cancelled(self) -> bool:
        """True once Cancel was asked for."""
        return self._progress.stop.is_set()

    def _poll(self) -> None:
        self.progressed.emit(*self._progress.get())

    def _done(self, summary: ImportSummary) -> None:
        self._timer.stop()
        self._poll()
        self.finished.emit(summary)

    def _failed(self, message: str) -> None:  # a bug outside any one file (logged by the worker)
        self._timer.stop()
        self.finished.emit(ImportSummary(error=RuntimeError(message)))
