"""Child program for the start-up benchmark and test: start, paint once, report, exit.

    python bench/startup_probe.py bare SETTINGS_DIR        a bare PySide6 window with one label
    python bench/startup_probe.py jcviewer SETTINGS_DIR    jcviewer's own start-up path (create_session, open_window)

Prints one JSON line: the wall-clock time (time.time()) of the first paint of the window's outline (or the
label), the process's CPU time by then, which modules were loaded by then, which of some QtWidgets classes neither
program uses PySide6 had built by then, and, for jcviewer, whether the charts and the corrections UI arrived
afterwards.
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
UNUSED_CLASSES = ("QCalendarWidget", "QLCDNumber", "QMdiArea", "QWizard")
"""QtWidgets classes neither program uses: PySide6 builds them (lazily, on first use) only when it looks for the
class of an object it cannot name, such as a scroll area's viewport (~20 ms: every QtWidgets class)."""


def main() -> None:
    from PySide6 import QtWidgets
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    if KIND == "bare":
        app = QApplication(sys.argv[:1])
        label = QLabel("交城县委经济工作会议")
        label.show()
    else:
        sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
        from PySide6.QtCore import QSettings

        from jcviewer.app import create_session, open_window
        from jcviewer.settings import Settings

        session = create_session()
        app = session.app
        settings = Settings(QSettings(f"{SETTINGS_DIR}/settings.ini", QSettings.Format.IniFormat))
        window = open_window(session, settings, None)
    result: dict[str, object] = {}

    def first_paint() -> None:
        """At the painted widget's first Paint event, before it paints."""
        if "painted_at" in result:
            return
        result["painted_at"] = time.time()
        result["cpu_at_paint"] = time.process_time()  # less swayed by a busy machine than the wall clock
        result["loaded_at_paint"] = sorted(m for m in WATCHED if m in sys.modules)
        result["unused_classes_at_paint"] = [name for name in UNUSED_CLASSES if name in vars(QtWidgets)]
        QTimer.singleShot(0, finish)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if watched is label and event.type() == QEvent.Type.Paint:
                first_paint()
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

    # Both at the painted widget's first Paint event, before it paints. The label: an event filter on it only (an
    # application-wide filter would see every event of every widget, and PySide6 would build the Python class and
    # enums of each kind of widget and event it passes to Python, a cost a real start-up never pays that grows
    # with the window: ~25 ms for jcviewer's, ~0 for the bare label). The outline: its rows are painted on its
    # viewport, and Python touching the viewport costs ~20 ms that jcviewer no longer pays (PySide6 cannot name
    # Qt's private viewport class), so the probe takes the signal the window starts its own deferred work from,
    # sent from the tree's paintEvent, to which Qt hands the viewport's Paint event.
    probe = FirstPaint()
    if KIND == "bare":
        label.installEventFilter(probe)
    else:
        window.outline.firstPainted.connect(first_paint)
    app.exec()
    if KIND != "bare":  # as jcviewer's own run does: background work (jieba, charts) ends before the process
        from jcviewer.ui.background import wait_for_background_work

        wait_for_background_work()
    result.pop("_timer", None)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
