"""Background work: runs in a worker thread, reports on the UI thread, and never reaches a deleted receiver."""

from __future__ import annotations

import logging
import threading

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from jcviewer.ui.background import BackgroundTask, SerialWorker, wait_for_background_work


def test_the_result_is_computed_off_the_ui_thread_and_delivered_on_it(qtbot: QtBot) -> None:
    ran: list[threading.Thread] = []
    received: list[threading.Thread] = []
    task = BackgroundTask(lambda: ran.append(threading.current_thread()) or 42)
    task.done.connect(lambda result: received.append(threading.current_thread()))
    with qtbot.waitSignal(task.done) as done:
        task.start()
    assert done.args == [42]
    assert ran and ran[0] is not threading.main_thread()
    assert received == [threading.main_thread()]


def test_a_failure_arrives_as_a_message(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    def work() -> None:
        raise ValueError("no dictionary")

    task = BackgroundTask(work)
    with qtbot.waitSignal(task.failed) as failed, qtbot.assertNotEmitted(task.done):
        task.start()
    assert failed.args == ["ValueError: no dictionary"]
    assert "background work failed" in caplog.text


def test_start_runs_the_work_once(qtbot: QtBot) -> None:
    calls: list[int] = []
    task = BackgroundTask(lambda: calls.append(1))
    with qtbot.waitSignal(task.done):
        task.start()
        task.start()
    wait_for_background_work()
    assert calls == [1]


def test_a_result_for_a_deleted_receiver_is_dropped(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    release = threading.Event()
    finished = threading.Event()

    def work() -> str:
        release.wait(10)
        finished.set()
        return "late"

    caplog.set_level(logging.DEBUG, logger="jcviewer.ui.background")
    task = BackgroundTask(work)
    task.start()
    shiboken6.delete(task)  # the window that asked for it closed meanwhile
    release.set()
    wait_for_background_work()
    assert finished.is_set()
    qtbot.waitUntil(lambda: "after its receiver was deleted" in caplog.text)


def test_waiting_lets_running_work_finish(qtbot: QtBot) -> None:
    release = threading.Event()
    finished = threading.Event()

    def work() -> None:
        release.wait(10)
        finished.set()

    task = BackgroundTask(work)
    task.start()
    wait_for_background_work(timeout=0.05)
    assert not finished.is_set()  # gives up after the timeout
    with qtbot.waitSignal(task.done):
        release.set()
        wait_for_background_work()
        assert finished.is_set()


@pytest.mark.parametrize("drop_queued", [False, True])
def test_a_serial_worker_at_shutdown_runs_or_drops_what_is_queued(qtbot: QtBot, drop_queued: bool) -> None:
    started, release, ran, finished = threading.Event(), threading.Event(), [], []

    def first() -> None:
        started.set()
        release.wait(10)
        ran.append("first")

    worker = SerialWorker("test-serial", lambda: finished.append(True), drop_queued=drop_queued)
    running = worker.submit(first)
    queued = [worker.submit(lambda n=n: ran.append(n)) for n in range(3)]
    started.wait(10)
    stopping = threading.Thread(target=worker.shutdown)
    stopping.start()  # while the first job runs
    if drop_queued:
        qtbot.waitUntil(lambda: all(future.cancelled() for future in queued))
    release.set()
    stopping.join(10)
    assert running.result() is None and finished == [True]
    assert ran == (["first"] if drop_queued else ["first", 0, 1, 2])


def test_waiting_at_quit_drops_the_queued_jobs_a_thread_is_waiting_for(qtbot: QtBot) -> None:
    started, release, ran = threading.Event(), threading.Event(), []

    def first() -> None:
        started.set()
        release.wait(10)

    worker = SerialWorker("test-drop", lambda: None, drop_queued=True)
    worker.submit(first)
    queued = worker.submit(lambda: ran.append("queued"))
    waiter = BackgroundTask(lambda: queued.exception() if not queued.cancelled() else "dropped")  # as a page waits
    started.wait(10)
    waiter.start()
    quitting = threading.Thread(target=wait_for_background_work)
    quitting.start()
    qtbot.waitUntil(queued.cancelled)  # dropped before the waiting thread is joined, not after
    release.set()
    quitting.join(10)
    assert not quitting.is_alive() and ran == []
