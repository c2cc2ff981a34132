"""Library view benchmark: opening the Library pane on a catalogue of 500 reports (goal ≤ 100 ms).

Run by hand: ``python bench/bench_library_view.py [REPORTS] [RUNS]`` (default 500 and 15). Builds a catalogue of
REPORTS distinct generated reports (tests/library_texts.py: tests/genre.py's page with county, year and figures
varied) in a temporary folder, then times, RUNS times: making the pane (opening the catalogue, listing it,
building the tree model) and showing it until its tree has painted; and, apart, the catalogue's ``list()`` and
the model's ``set_entries`` alone. The first opening (its modules imported) is reported apart. Qt runs
offscreen. Prints a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from library_texts import write_reports  # noqa: E402
from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from jcviewer.model.library import Catalogue  # noqa: E402


class _Painted(QObject):
    """Notes the wall-clock and CPU time of the first Paint event of the widget it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.at: tuple[float, float] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = (time.perf_counter(), time.process_time())
        return False


def open_pane(app: QApplication, folder: Path) -> tuple[float, float]:
    """Seconds (wall clock, CPU) from making the pane to the first paint of its tree's rows."""
    from jcviewer.ui.library_pane import LibraryPane

    painted = _Painted()
    start, cpu = time.perf_counter(), time.process_time()
    pane = LibraryPane(folder, None)
    pane.tree.viewport().installEventFilter(painted)
    pane.resize(320, 700)
    pane.show()
    while painted.at is None:
        app.processEvents()
    seconds = (painted.at[0] - start, painted.at[1] - cpu)
    pane.close_catalogue()
    pane.deleteLater()
    app.processEvents()
    return seconds


def main() -> None:
    reports = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "lib"
        started = time.perf_counter()
        with Catalogue(folder) as catalogue:
            for path in write_reports(Path(scratch) / "given", reports):
                catalogue.add(path)
            count = len(catalogue.list())
        print(f"catalogue of {count} reports built in {time.perf_counter() - started:.1f} s (not timed below)\n")
        first = open_pane(app, folder)
        times = [open_pane(app, folder) for _ in range(runs)]
        from jcviewer.ui.library_model import LibraryModel

        listing, building = [], []
        with Catalogue(folder) as catalogue:
            for _ in range(runs):
                start = time.perf_counter()
                entries = catalogue.list()
                listing.append(time.perf_counter() - start)
                model = LibraryModel()
                start = time.perf_counter()
                model.set_entries(entries)
                building.append(time.perf_counter() - start)
    wall, cpu = [t[0] for t in times], [t[1] for t in times]
    print(f"| {count} reports, {runs} runs | median | max |")
    print("|---|---:|---:|")
    print(
        f"| open the Library pane (catalogue, model, tree painted) | {statistics.median(wall) * 1000:.1f} ms "
        f"| {max(wall) * 1000:.1f} ms |"
    )
    print(f"| … the same, CPU time | {statistics.median(cpu) * 1000:.1f} ms | {max(cpu) * 1000:.1f} ms |")
    print(
        f"| … of which Catalogue.list() | {statistics.median(listing) * 1000:.1f} ms | {max(listing) * 1000:.1f} ms |"
    )
    print(
        f"| … of which LibraryModel.set_entries | {statistics.median(building) * 1000:.1f} ms "
        f"| {max(building) * 1000:.1f} ms |"
    )
    print(f"\nfirst opening in the process (modules imported): {first[0] * 1000:.1f} ms; goal ≤ 100 ms (median)")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} (2 cores here; timings grow with it)")


if __name__ == "__main__":
    main()
