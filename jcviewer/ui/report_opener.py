"""The one way a report gets into a main window: at start-up, File ▸ Open, Open Recent and a dropped file.

Reading goes through ``report_loader`` (the checks of ``model.report_file`` before any read, then the parsed-
report cache or the parser). A report large enough that parsing may take over half a second is read in a
background thread: the window keeps painting, a busy dialog with Cancel appears if it takes more than half a
second, and only the latest request is shown. A file that cannot be opened is explained the same way from
everywhere (a dialog; a line on stderr too when it was named on the command line) and the current report stays.
"""

from __future__ import annotations

import logging
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from jcviewer.model.errors import ReportError
from jcviewer.model.report import Report
from jcviewer.model.report_file import MAX_REPORT_BYTES
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
class _Pending:
    """A report being read in the background, with its busy dialog and the status message it replaced."""

    request: _Request
    task: BackgroundTask
    progress: QProgressDialog
    previous_message: str


def _read(load: Callable[[Path], Report], path: Path) -> Report | ReportError:
    """Runs in the worker thread: a refusal is a result (it carries the reason to the dialog), not a failure."""
    try:
        return load(path)
    except ReportError as error:
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

    @classmethod
    def of(cls, window: MainWindow) -> ReportOpener:
        """The window's opener: the one made for it before, else a new one."""
        found = window.findChild(cls, cls.OBJECT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
        return found if isinstance(found, cls) else cls(window)

    @property
    def busy(self) -> bool:
        """True while a report is being read in the background."""
        return self._pending is not None

    def open(self, path: Path) -> bool:
        """Open ``path`` for the user (File ▸ Open, Open Recent, a dropped file).

        True when it is on show or being read in the background (a failure then is explained when it is
        known); False when it was refused at once (a dialog said why). Either way the current report stays
        until a new one is ready.
        """
        request = _Request(path, "user")
        refusal = self._begin(request)
        if refusal is not None:
            self._explain(refusal, request)
        return refusal is None

    def open_at_start(self, path: Path | None) -> None:
        """Show the window on ``path``, else the last file opened, else the bundled report.

        The window shows at once: with the report when it is small, empty while a large one is read (so the
        user never sees another report under the name they asked for, and the remembered selection is kept
        for it). The bundled report takes over when the file fails or the reading is cancelled. A failure of a
        ``path`` named on the command line is explained (stderr and a dialog); a remembered file that has gone
        is only logged.
        """
        last = self._window.settings.last_file
        request = _Request(path, "command line") if path else _Request(Path(last), "remembered") if last else None
        refusal = self._begin(request) if request is not None else None
        self._fill_if_empty()
        self._window.show()
        if request is not None and refusal is not None:
            self._explain(refusal, request)

    def cancel(self) -> None:
        """Stop waiting for the report being read; the current one stays (the bundled one if there is none)."""
        if self._pending is not None:
            log.info("opening %s cancelled", self._pending.request.path)
            self._finish(self._pending, restore_message=True)
            # Later, and only if the window is still open: quitting closes the busy dialog, which cancels.
            QTimer.singleShot(0, self, self._fill_if_visible_and_empty)

    # --- the steps ----------------------------------------------------------------------------------------------
    def _begin(self, request: _Request) -> ReportError | None:
        """Show the report (small) or start reading it (large); the refusal when it cannot be opened now."""
        if self._pending is not None:  # the latest request wins
            self._finish(self._pending, restore_message=True)
        if self._is_large(request.path):
            self._start_background(request)
            return None
        try:
            report = self._load(request.path)
        except ReportError as error:
            return error
        self._show(report, request)
        return None

    def _is_large(self, path: Path) -> bool:
        try:
            status = path.stat()  # never blocks, whatever the path is; reading decides the rest
        except OSError:
            return False
        return stat.S_ISREG(status.st_mode) and self._background_from <= status.st_size <= MAX_REPORT_BYTES

    def _start_background(self, request: _Request) -> None:
        from jcviewer.ui import dialogs  # not on the start-up path of a small report

        label = self.tr("Opening %1…").replace("%1", request.path.name)
        task = BackgroundTask(partial(_read, self._load, request.path), self)
        progress = dialogs.open_progress(self._window, label, PROGRESS_DELAY_MS)
        status = self._window.statusBar()
        pending = _Pending(request, task, progress, status.currentMessage())
        task.done.connect(lambda result: self._arrived(pending, result))
        task.failed.connect(lambda message: self._broke(pending, message))
        progress.canceled.connect(lambda: self._cancelled(pending))
        self._pending = pending
        status.showMessage(label)
        task.start()

    def _arrived(self, pending: _Pending, result: Report | ReportError) -> None:
        if pending is not self._pending:
            return  # abandoned: a later request or Cancel
        request = pending.request
        self._finish(pending, restore_message=isinstance(result, ReportError))
        if isinstance(result, ReportError):
            self._fill_if_empty()
            self._explain(result, request)
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the panes are built on this thread
        try:
            self._show(result, request)
        finally:
            QApplication.restoreOverrideCursor()

    def _broke(self, pending: _Pending, message: str) -> None:
        if pending is not self._pending:
            return
        self._finish(pending, restore_message=True)
        self._fill_if_empty()
        from jcviewer.ui import dialogs

        dialogs.show_unexpected_error(self._window, RuntimeError(message))

    def _cancelled(self, pending: _Pending) -> None:
        if pending is self._pending:
            self.cancel()

    def _finish(self, pending: _Pending, restore_message: bool) -> None:
        """Forget ``pending``: its result, if it still comes, is dropped with the task."""
        self._pending = None
        pending.task.deleteLater()
        pending.progress.reset()  # stops its clock, which would show it later
        pending.progress.hide()  # not close(): closing a progress dialog emits canceled
        pending.progress.deleteLater()
        if restore_message:
            self._window.statusBar().showMessage(pending.previous_message)

    def _show(self, report: Report, request: _Request) -> None:
        path = request.path.resolve()
        self._window.set_report(report, path, restore_selection=request.origin != "user")
        self._window.settings.remember_file(str(path))

    def _fill_if_empty(self) -> None:
        """The bundled report when nothing is on show and nothing is coming: a window is never left empty."""
        if self._window.report is None and self._pending is None:
            self._window.set_report(self._load(bundled_report()), bundled_report(), restore_selection=True)

    def _fill_if_visible_and_empty(self) -> None:
        if self._window.isVisible():
            self._fill_if_empty()

    def _explain(self, error: ReportError, request: _Request) -> None:
        log.info("cannot open %s: %s", request.path, error)
        if request.origin == "remembered":
            return  # a last file that has gone is not worth a dialog
        if request.origin == "command line":
            print(f"jcviewer: error: {error}", file=sys.stderr)
        from jcviewer.ui import dialogs

        dialogs.show_open_error(self._window, error)
