"""Slow imports off the UI thread: the window paints first, heavy modules arrive later."""

from __future__ import annotations

import importlib
import logging
import threading

from PySide6.QtCore import QObject, Signal, SignalInstance

log = logging.getLogger(__name__)


class BackgroundImport(QObject):
    """Import modules in a worker thread; ``finished`` is delivered on the UI thread when all are in."""

    finished = Signal()
    failed = Signal(str)

    def __init__(self, modules: tuple[str, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._modules = modules
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Begin importing (once)."""
        if self._thread is None:
            # Not a daemon: an import cut off by interpreter shutdown crashes the process.
            self._thread = threading.Thread(target=self._run, name="jcviewer-import", daemon=False)
            self._thread.start()

    def _run(self) -> None:
        try:
            for name in self._modules:
                importlib.import_module(name)
                log.debug("imported %s in the background", name)
        except Exception as error:  # a broken install: say so in the UI instead of waiting forever
            log.exception("background import failed")
            self._emit(self.failed, f"{type(error).__name__}: {error}")
            return
        self._emit(self.finished)

    @staticmethod
    def _emit(signal: SignalInstance, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window closed while we were importing: nobody is waiting
            log.debug("background import finished after its receiver was deleted")
