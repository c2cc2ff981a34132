"""Chart pane benchmark: UI-thread time to show a large report's charts.

Run by hand: ``python bench/bench_charts.py [RUNS]``. The bundled report is repeated to ~130 KB, ~440 KB and
~2 MB (the app's size cap) and parsed once per size. On a shown, loaded pane (pyqtgraph imported), it times
``ChartPane.set_report`` with the pane then painted (``grab``): the current tab, drawn at once; then switching to
each other tab and painting it (what the pane draws in later turns of the event loop, or on the switch). It also
times the model's figures alone and ``MainWindow.set_report`` as a whole, for context. Median over RUNS
(default 3), offscreen. Goal: the chart pane's share under ~0.3 s on the 2 MB text.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QCoreApplication, QEvent, QSettings  # noqa: E402

from jcviewer.app import create_session  # noqa: E402
from jcviewer.model import figures  # noqa: E402
from jcviewer.model.parse import load_report  # noqa: E402
from jcviewer.model.report import Report  # noqa: E402
from jcviewer.resources import bundled_report  # noqa: E402
from jcviewer.settings import Settings  # noqa: E402
from jcviewer.ui.chart_pane import ChartPane  # noqa: E402
from jcviewer.ui.main_window import MainWindow  # noqa: E402

SIZES = ((12, "×12"), (40, "×40"), (189, "×189 (2 MB cap)"))


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def settle(pane: ChartPane) -> None:
    """Finish what the pane left for later and delete what was scheduled for deletion, outside the timed part."""
    while not pane.is_loaded:
        QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def rows(report: Report) -> int:
    """Labels across all figures: the rows drawn when nothing is cut."""
    comparison = figures.comparison_figure(report)
    every = [*figures.target_figures(report), *figures.achievement_figures(report), comparison]
    return sum(len(figure.labels) for figure in every if figure is not None)


def pane_times(pane: ChartPane, report: Report) -> list[float]:
    """Seconds to show ``report`` on its first tab, then to switch to the second and third tab."""
    pane.tabs.setCurrentIndex(0)
    settle(pane)
    times = [seconds(lambda: (pane.set_report(report), pane.grab()))]
    for index in (1, 2):
        times.append(seconds(lambda i=index: (pane.tabs.setCurrentIndex(i), pane.grab())))
    settle(pane)
    return times


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms"


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    session = create_session("zh")
    page = bundled_report().read_text(encoding="utf-8")
    print(f"Median of {runs} runs.\n")
    print(
        "| input | size | labels in figures | figures (model): targets + results / comparison "
        "| pane: `set_report`, first tab | switch to tab 2 | switch to tab 3 | `MainWindow.set_report` |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings(QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat))
        pane = ChartPane(session.fonts)
        pane.resize(520, 760)
        pane.show()
        pane.load_now()
        window = MainWindow(settings, session.fonts, session.theme)
        window.show()
        window.charts.load_now()
        pane_times(pane, load_report(bundled_report()))  # warm up: glyphs, first layout
        for copies, label in SIZES:
            path = Path(scratch) / f"report{copies}.txt"
            path.write_text("\n".join([page] * copies), encoding="utf-8")
            report = load_report(path)
            model = [
                seconds(lambda r=report: (figures.target_figures(r), figures.achievement_figures(r)))
                for _ in range(runs)
            ]
            comparison = [seconds(lambda r=report: figures.comparison_figure(r)) for _ in range(runs)]
            shown = [pane_times(pane, report) for _ in range(runs)]
            whole = []
            for _ in range(runs):
                whole.append(seconds(lambda r=report, p=path: window.set_report(r, p)))
                settle(window.charts)
            print(
                f"| {label} | {path.stat().st_size / 1e3:.0f} KB | {rows(report)} | {ms(model)} / {ms(comparison)} "
                f"| {ms([t[0] for t in shown])} | {ms([t[1] for t in shown])} | {ms([t[2] for t in shown])} "
                f"| {ms(whole)} |"
            )


if __name__ == "__main__":
    main()
