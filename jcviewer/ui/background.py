"""Slow work off the UI thread (imports, jieba): the window paints first, results arrive as signals."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance

log = logging.getLogger(__name__)


class BackgroundTask(QObject):
    """Run a function in a worker thread; ``done(result)`` or ``failed(message)`` arrive on the UI thread."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        """True while the work is in progress."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Begin the work (once)."""
        if self._thread is None:
            # Not a daemon: an import cut off by interpreter shutdown crashes the process.
            self._thread = threading.Thread(target=self._run, name="jcviewer-background", daemon=False)
            self._thread.start()

    def _run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # say so in the UI instead of waiting forever
            log.exception("background work failed")
            self._emit(self.failed, f"{type(error).__name__}: {error}")
            return
        self._emit(self.done, result)

    @staticmethod
    def _emit(signal: SignalInstance, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window closed while we were working: nobody is waiting
            log.debug("background work finished after its receiver was deleted")
