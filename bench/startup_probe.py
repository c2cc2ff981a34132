"""Child program for the start-up benchmark and test: start, paint once, report, exit.

    python bench/startup_probe.py bare SETTINGS_DIR        a bare PySide6 window with one label
    python bench/startup_probe.py jcviewer SETTINGS_DIR    jcviewer's own start-up path (create_session, open_window)

Prints one JSON line: the wall-clock time (time.time()) of the first paint of the window's outline (or the
label), the process's CPU time by then, which modules were loaded by then, and, for jcviewer, whether the charts
and the corrections UI arrived afterwards.
"""

from __future__ import annotations

import json
import sys
import time

KIND, SETTINGS_DIR = sys.argv[1], sys.argv[2]
WATCHED = (
    "pyqtgraph",
    "numpy",
    "jieba",
    "jcviewer.ui.corrections",
    "jcviewer.ui.correction_notices",
    "jcviewer.model.corrections",
)
"""Modules reported when loaded at the first paint: none of them is needed to show the window."""


def main() -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QWidget

    if KIND == "bare":
        app = QApplication(sys.argv[:1])
        painted: QWidget = QLabel("交城县委经济工作会议")
        painted.show()
    else:
        sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
        from PySide6.QtCore import QSettings

        from jcviewer.app import create_session, open_window
        from jcviewer.settings import Settings

        session = create_session()
        app = session.app
        settings = Settings(QSettings(f"{SETTINGS_DIR}/settings.ini", QSettings.Format.IniFormat))
        window = open_window(session, settings, None)
        painted = window.outline.viewport()
    result: dict[str, object] = {}

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if watched is painted and event.type() == QEvent.Type.Paint and "painted_at" not in result:
                result["painted_at"] = time.time()
                result["cpu_at_paint"] = time.process_time()  # less swayed by a busy machine than the wall clock
                result["loaded_at_paint"] = sorted(m for m in WATCHED if m in sys.modules)
                QTimer.singleShot(0, finish)
            return False

    def finish() -> None:
        if KIND == "bare":
            app.quit()
            return
        deadline = time.time() + 20
        timer = QTimer()

        def poll() -> None:
            if window.charts.is_loaded or time.time() > deadline:
                result["charts_loaded"] = window.charts.is_loaded
                result["corrections_loaded"] = "jcviewer.ui.corrections" in sys.modules
                timer.stop()
                app.quit()

        timer.timeout.connect(poll)
        timer.start(20)
        result["_timer"] = timer

    probe = FirstPaint()
    # On the painted widget only: an application-wide filter would see every event of every widget, and PySide6
    # would build the Python class (and its enums) of each kind of widget and event it passes to Python, a cost
    # a real start-up never pays that grows with the window (~25 ms for jcviewer's, ~0 for the bare label).
    painted.installEventFilter(probe)
    app.exec()
    if KIND != "bare":  # as jcviewer's own run does: background work (jieba, charts) ends before the process
        from jcviewer.ui.background import wait_for_background_work

        wait_for_background_work()
    result.pop("_timer", None)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
