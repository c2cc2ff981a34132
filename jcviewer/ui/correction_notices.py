"""Telling the reader, once, that some corrections of the report just opened could not be applied.

A bad sidecar, a garbage store file or corrections whose anchors no longer match become warnings of the report
(``model.correction_problems``); after the window has painted, one window-modal box says which file is at
fault, why, that the report is shown without them and that no file changed. The same problems of the same
report text are not shown again (their fingerprints are kept in ``Settings``). Stale stored corrections can be
forgotten from there (``correction_store.forget_stale``); the sidecar and the report are never touched.
"""

from __future__ import annotations

import hashlib
import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication

from jcviewer.model.correction_problems import Problem, correction_problems, has_problems
from jcviewer.model.correction_store import forget_stale, report_key
from jcviewer.model.corrections import CorrectionsError
from jcviewer.model.errors import ReportError
from jcviewer.model.report import Report
from jcviewer.paths import user_data_folder

if TYPE_CHECKING:
    from jcviewer.ui.main_window import MainWindow

log = logging.getLogger(__name__)

NOTICE_DELAY_MS = 0
"""The notice waits for the event loop: a window shown at start-up paints first."""


def notify_correction_problems(window: MainWindow, report: Report, path: Path | None) -> None:
    """Once ``report``, read from ``path``, is on show in ``window`` (call it after ``set_report``): tell the
    reader, once per problem, which of its corrections could not be applied. Costs nothing when all applied."""
    if path is None or not has_problems(report):
        return
    QTimer.singleShot(NOTICE_DELAY_MS, window, partial(_notify, window, report, path))


def fingerprint(key: str, problem: Problem) -> str:
    """What identifies a notice: the report's store key, the file at fault and its reasons."""
    text = "\n".join((key, problem.source, str(problem.file), *problem.reasons))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _notify(window: MainWindow, report: Report, path: Path) -> None:
    if window.report is not report or not window.isVisible():
        return  # another report came on show meanwhile, or the window closed
    try:
        data = path.read_bytes()
    except OSError as error:
        log.info("no correction notice for %s: %s", path.name, error)
        return
    store = user_data_folder("corrections")
    key = report_key(data)
    problems = [
        p
        for p in correction_problems(report, path, data, store)
        if window.settings.remember_notice(fingerprint(key, p))
    ]
    if not problems:
        return
    from jcviewer.ui import dialogs  # not on the start-up path

    dialogs.show_correction_notice(window, path.name, problems, partial(_forget, window, path, store))


def _forget(window: MainWindow, path: Path, store: Path) -> None:
    """Remove the stale stored corrections of the report at ``path``; the status bar says how many."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the report is parsed again, once per correction
    try:
        forgotten = forget_stale(store, path)
    except (ReportError, CorrectionsError, OSError) as error:
        log.warning("cannot forget the stale corrections of %s: %s", path.name, error)
        failure: str | None = str(error)
    else:
        failure = None
    finally:
        QApplication.restoreOverrideCursor()
    if failure is not None:
        from jcviewer.ui import dialogs

        dialogs.show_forget_error(window, failure)
        return
    count = len(forgotten.fixes()) + (1 if forgotten.sections else 0)
    window.statusBar().showMessage(
        QCoreApplication.translate("CorrectionNotices", "%n stored correction(s) forgotten", "", count)
    )
