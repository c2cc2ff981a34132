"""Slow work off the UI thread (imports, jieba): the window paints first, results arrive as signals.

The worker thread never touches the task object, which its window may delete at any time: it reports to one
relay that lives as long as the process, and the relay (on the UI thread) hands the result to the task if the
task still exists.

A ``SerialWorker`` is one long-lived thread that runs jobs in turn, for work whose state must outlive a job and
belongs to one thread (an sqlite3 connection and the index built over it); a task waits on its job's future.
``wait_for_background_work`` (at quit) lets the tasks finish, then stops every serial worker.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)
T = TypeVar("T")


class _Relay(QObject):
    """Carries results from worker threads to the UI thread (queued), for tasks that still exist."""

    arrived = Signal(object, bool, object)  # task, succeeded, result or message

    def __init__(self) -> None:
        super().__init__()
        self.arrived.connect(self._deliver)

    @staticmethod
    def _deliver(task: BackgroundTask, succeeded: bool, payload: object) -> None:
        if not shiboken6.isValid(task):
            log.debug("background work finished after its receiver was deleted")
        elif succeeded:
            task.done.emit(payload)
        else:
            task.failed.emit(payload)


@cache
def _relay() -> _Relay:
    return _Relay()  # first made on the UI thread, by BackgroundTask.__init__


_RUNNING: set[threading.Thread] = set()
_SERIAL: list[SerialWorker] = []


def wait_for_background_work(timeout: float = 10.0) -> None:
    """Let running work finish (connected to aboutToQuit): a thread must not outlive the QApplication. Then
    stop the serial workers (each runs what is queued, then its ``finish``). The jobs ``drop_queued`` workers have
    not started are dropped first: a thread may be waiting for one of them."""
    for worker in _SERIAL:
        worker.drop_queued_jobs()
    for thread in list(_RUNNING):
        thread.join(timeout)
    for worker in _SERIAL:
        worker.shutdown()


class SerialWorker:
    """One thread (a ``ThreadPoolExecutor`` of one), made on the first ``submit`` and again after ``shutdown``,
    running jobs one at a time in the order given. What the jobs keep between them is theirs to close: ``finish``
    runs on the thread when the worker shuts down. Made once per process (a module's global). ``drop_queued``: at
    shutdown the jobs not yet started are cancelled (work only worth doing while the window is there, such as
    rendering pages) instead of run."""

    def __init__(self, name: str, finish: Callable[[], None], drop_queued: bool = False) -> None:
        self._name, self._finish, self._drop_queued = name, finish, drop_queued
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None
        self._queued: set[Future[Any]] = set()
        _SERIAL.append(self)

    def submit(self, job: Callable[[], T]) -> Future[T]:
        """Queue ``job``; its future gives the result (or raises its exception)."""
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=self._name)
            future = self._pool.submit(job)
            if self._drop_queued:
                self._queued.add(future)
                future.add_done_callback(self._queued.discard)
            return future

    def drop_queued_jobs(self) -> None:
        """Cancel the jobs not yet started, for a ``drop_queued`` worker (none are kept for another)."""
        with self._lock:
            queued, self._queued = list(self._queued), set()
        for future in queued:
            future.cancel()  # False for the one running: it ends first

    def shutdown(self) -> None:
        """Let the queued jobs run (or cancel them, ``drop_queued``), then ``finish``, and end the thread."""
        self.drop_queued_jobs()
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.submit(self._finish)
            pool.shutdown(wait=True)


class BackgroundTask(QObject):
    """Run a function in a worker thread; ``done(result)`` or ``failed(message)`` arrive on the UI thread."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._relay = _relay()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Begin the work (once)."""
        if self._thread is None:
            # Not a daemon: an import cut off by interpreter shutdown crashes the process.
            self._thread = threading.Thread(target=self._run, args=(self._work, self._relay), daemon=False)
            _RUNNING.add(self._thread)
            self._thread.start()

    def _run(self, work: Callable[[], object], relay: _Relay) -> None:
        try:
            result = work()
        except Exception as error:  # say so in the UI instead of waiting forever
            log.exception("background work failed")
            relay.arrived.emit(self, False, f"{type(error).__name__}: {error}")
            return
        finally:
            _RUNNING.discard(threading.current_thread())
        relay.arrived.emit(self, True, result)
