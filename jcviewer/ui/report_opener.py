"""The one way a report gets into a main window: at start-up, File ▸ Open, Open Recent and a dropped file.

Reading goes through ``report_loader`` (the checks of ``model.report_file`` before any read, then the parsed-
report cache or the parser). A report large enough that parsing may take over half a second is read in a
background thread: the window keeps painting, a busy dialog with Cancel appears if it takes more than half a
second, and only the latest request is shown. A thread cannot be stopped: an abandoned read runs to its end,
and a file asked for again meanwhile waits for that read instead of being read twice. A file that cannot be
opened (or that trips a bug) is explained the same way from everywhere (a dialog; a line on stderr too when it
was named on the command line), and the current report stays, as does a read still under way: a refused
request changes nothing.
"""

from __future__ import annotations

import logging
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from jcviewer.model.correction_problems import has_problems
from jcviewer.model.errors import ReportError
from jcviewer.model.report import Report
from jcviewer.model.report_file import MAX_PDF_BYTES, is_pdf_name, starts_as_pdf
from jcviewer.resources import bundled_report
from jcviewer.ui import report_loader
from jcviewer.ui.background import BackgroundTask

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from jcviewer.ui.main_window import MainWindow

log = logging.getLogger(__name__)

BACKGROUND_FROM_BYTES = 64 * 1024
"""Files from this size are parsed off the UI thread. Measured (docs/ui.md, "Opening reports"): the densest
hostile shapes parse at ~3 ms per KB (0.27 s at 64 KB, 0.4 s at 128 KB, 5 s at 2 MB) and real reports at
~1 ms per KB, so below 64 KB a parse stays well under half a second even on a machine twice as slow. A real
report is tens of kilobytes: it still opens at once, and the first paint does not wait for a thread."""

PROGRESS_DELAY_MS = 500
"""The busy dialog shows only for a report that takes longer than this."""

Origin = Literal["command line", "remembered", "user"]
"""Who asked: a path named on the command line, the last file reopened at start-up, or the user in the window."""


@dataclass(frozen=True)
class _Request:
    path: Path
    origin: Origin


@dataclass(frozen=True)
class _File:
    """A large file as it was when asked for: a read of it serves a later request only if it has not changed."""

    path: Path  # resolved: two spellings of one file share a read
    size: int
    modified_ns: int


@dataclass(frozen=True)
class _Pending:
    """The read whose report is to be shown, with its busy dialog and the status message it replaced."""

    request: _Request
    file: _File
    task: BackgroundTask
    progress: QProgressDialog
    previous_message: str


def _read(load: Callable[[Path], Report], path: Path) -> Report | Exception:
    """Runs in the worker thread: a refusal or a bug is a result, explained on the UI thread if still wanted."""
    try:
        return load(path)
    except Exception as error:  # the exception keeps its traceback for the log
        return error


class ReportOpener(QObject):
    """Opens reports into one main window (its child); ``ReportOpener.of(window)`` finds it."""

    OBJECT_NAME = "reportOpener"

    def __init__(
        self,
        window: MainWindow,
        load: Callable[[Path], Report] | None = None,
        background_from: int = BACKGROUND_FROM_BYTES,
    ) -> None:
        super().__init__(window)
        self.setObjectName(self.OBJECT_NAME)
        self._window = window
        self._load = load or report_loader.load  # looked up per opener, not once at import
        self._background_from = background_from
        self._pending: _Pending | None = None
        self._reads: dict[_File, BackgroundTask] = {}  # every background read still running, wanted or not

    @classmethod
    def of(cls, window: MainWindow) -> ReportOpener:
        """The window's opener: the one made for it before, else a new one."""
        found = window.findChild(cls, cls.OBJECT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
        return found if isinstance(found, cls) else cls(window)

    @property
    def busy(self) -> bool:
        """True while the window waits for a report being read in the background."""
        return self._pending is not None

    def open(self, path: Path) -> bool:
        """Open ``path`` for the user (File ▸ Open, Open Recent, a dropped file).

        True when it is on show or being read in the background (a failure then is explained when it is
        known); False when it was refused at once (a dialog said why, and a read under way carries on). Either
        way the current report stays until a new one is ready.
        """
        request = _Request(path, "user")
        failure = self._begin(request)
        if failure is not None:
            self._explain(failure, request)
        return failure is None

    def open_at_start(self, path: Path | None) -> None:
        """Show the window on ``path``, else the last file opened, else the bundled report.

        The window shows at once: with the report when it is small, empty while a large one is read (so the
        user never sees another report under the name they asked for, and the remembered selection is kept
        for it). The bundled report takes over when the file fails or the reading is cancelled. A failure of a
        ``path`` named on the command line is explained (stderr and a dialog); a remembered file that has gone
        is only logged; a bug is logged and explained whoever asked.
        """
        last = self._window.settings.last_file
        request = _Request(path, "command line") if path else _Request(Path(last), "remembered") if last else None
        failure = self._begin(request) if request is not None else None
        self._fill_if_empty()
        self._window.show()
        if request is not None and failure is not None:
            self._explain(failure, request)

    def cancel(self) -> None:
        """Stop waiting for the report being read; the current one stays (the bundled one if there is none)."""
        if self._pending is not None:
            log.info("opening %s cancelled", self._pending.request.path)
            self._stop_waiting(restore_message=True)
            # Later, and only if the window is still open: quitting closes the busy dialog, which cancels.
            QTimer.singleShot(0, self, self._fill_if_visible_and_empty)

    # --- the steps ----------------------------------------------------------------------------------------------
    def _begin(self, request: _Request) -> Exception | None:
        """Show the report (small) or wait for it to be read (large); why not, when it cannot be opened now.

        A small file is read before anything else changes: when it fails, a read under way carries on.
        """
        large = self._large_file(request.path)
        if large is not None:
            self._wait_for(large, request)
            return None
        try:
            report = self._load(request.path)
        except Exception as error:  # a ReportError, or a bug: explained either way, never a crash
            return error
        self._stop_waiting(restore_message=False)  # the latest request wins
        self._show(report, request)
        return None

    def _large_file(self, path: Path) -> _File | None:
        """``path`` as it is now when it is to be read in the background; None to read it at once."""
        try:
            status = path.stat()  # never blocks, whatever the path is; reading decides the rest
        except OSError:
            return None
        if not stat.S_ISREG(status.st_mode):
            return None
        # A PDF (by its name or its header) is read by pdfium in a child process that may take up to its time limit:
        # never on the UI thread.
        if not (self._background_from <= status.st_size <= MAX_PDF_BYTES or is_pdf_name(path) or starts_as_pdf(path)):
            return None
        return _File(path.resolve(), status.st_size, status.st_mtime_ns)

    def _wait_for(self, file: _File, request: _Request) -> None:
        """Wait for ``file``: the read already waited for, a read abandoned earlier but still running, or a new one.

        A Python thread cannot be stopped, so a read never starts twice for an unchanged file.
        """
        if self._pending is not None and self._pending.file == file:
            self._pending = replace(self._pending, request=request)  # the same dialog keeps its clock
            return
        self._stop_waiting(restore_message=True)
        from jcviewer.ui import dialogs  # not on the start-up path of a small report

        label = self.tr("Opening %1…").replace("%1", request.path.name)
        task = self._reads.get(file) or self._start_read(file, request.path)
        progress = dialogs.open_progress(self._window, label, PROGRESS_DELAY_MS)
        progress.canceled.connect(lambda: self._cancelled(progress))
        status = self._window.statusBar()
        self._pending = _Pending(request, file, task, progress, status.currentMessage())
        status.showMessage(label)

    def _start_read(self, file: _File, path: Path) -> BackgroundTask:
        task = BackgroundTask(partial(_read, self._load, path), self)
        task.done.connect(lambda result: self._arrived(file, task, result))
        self._reads[file] = task
        task.start()
        return task

    def _arrived(self, file: _File, task: BackgroundTask, result: Report | Exception) -> None:
        del self._reads[file]
        task.deleteLater()
        pending = self._pending
        if pending is None or pending.task is not task:
            log.debug("dropped the abandoned read of %s", file.path)
            return
        self._stop_waiting(restore_message=not isinstance(result, Report))
        if not isinstance(result, Report):
            self._fill_if_empty()
            self._explain(result, pending.request)
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the panes are built on this thread
        try:
            self._show(result, pending.request)
        finally:
            QApplication.restoreOverrideCursor()

    def _cancelled(self, progress: QProgressDialog) -> None:
        if self._pending is not None and self._pending.progress is progress:
            self.cancel()

    def _stop_waiting(self, restore_message: bool) -> None:
        """Stop waiting for the pending read, if any: its result, when it comes, is dropped."""
        pending, self._pending = self._pending, None
        if pending is None:
            return
        pending.progress.reset()  # stops its clock, which would show it later
        pending.progress.hide()  # not close(): closing a progress dialog emits canceled
        pending.progress.deleteLater()
        if restore_message:
            self._window.statusBar().showMessage(pending.previous_message)

    def _show(self, report: Report, request: _Request) -> None:
        path = request.path.resolve()
        self._window.set_report(report, path, restore_selection=request.origin != "user")
        self._window.settings.remember_file(str(path))
        if has_problems(report):  # the notice and the corrections format load only for a report that needs them
            from jcviewer.ui.correction_notices import notify_correction_problems

            notify_correction_problems(self._window, report, path)

    def _fill_if_empty(self) -> None:
        """The bundled report when nothing is on show and nothing is coming: a window is never left empty."""
        if self._window.report is None and self._pending is None:
            self._window.set_report(self._load(bundled_report()), bundled_report(), restore_selection=True)

    def _fill_if_visible_and_empty(self) -> None:
        if self._window.isVisible():
            self._fill_if_empty()

    def _explain(self, failure: Exception, request: _Request) -> None:
        """Why ``request`` failed: a ``ReportError`` says what is wrong with the file; anything else is a bug."""
        from jcviewer.ui import dialogs

        if not isinstance(failure, ReportError):
            log.error("unexpected error opening %s", request.path, exc_info=failure)
            dialogs.show_unexpected_error(self._window, failure)
            return
        log.info("cannot open %s: %s", request.path, failure)
        if request.origin == "remembered":
            return  # a last file that has gone is not worth a dialog
        if request.origin == "command line":
            print(f"jcviewer: error: {failure}", file=sys.stderr)
        dialogs.show_open_error(self._window, failure)
