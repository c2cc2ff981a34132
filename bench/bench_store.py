"""Corrections-store benchmark: finding the corrections of a report in a store of many reports.

Run by hand: ``python bench/bench_store.py [FILES] [RUNS]`` (default 2000 files, 21 runs). Fills a temporary
store with FILES reports' corrections, then times ``correction_store.store_file`` for: a report whose text is
stored (its key names a file), a report changed in place (moved to new text: found through its path), and a
report never corrected (nothing to find), and once a lookup by path with the store's index (``paths.json``)
deleted: it is rebuilt from every file, which is what each lookup by path cost before the index. Prints a
Markdown table for docs/performance.md.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jcviewer.model.correction_store import INDEX, add_correction, report_key, store_file  # noqa: E402
from jcviewer.model.corrections import QuoteFix  # noqa: E402


def _fill(store: Path, reports: Path, files: int) -> None:
    for number in range(files):
        path = reports / f"report-{number}.txt"
        add_correction(store, f"报告 {number}\n".encode(), path, QuoteFix(f"第{number}段", "报告站位高", drop=True))


def _ms(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    files = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 21
    with tempfile.TemporaryDirectory() as folder:
        store, reports = Path(folder) / "store", Path(folder) / "reports"
        start = time.perf_counter()
        _fill(store, reports, files)
        print(f"filled {files} files in {time.perf_counter() - start:.1f} s")
        moved = reports / f"report-{files // 2}.txt"
        changed = report_key("报告已修改\n".encode())
        (store / INDEX).unlink()
        rebuilt = _ms(lambda: store_file(store, changed, moved), 1)
        assert store_file(store, changed, moved) is not None
        cases = [
            ("stored text (key names a file)", lambda: store_file(store, report_key("报告 7\n".encode()), moved)),
            ("report changed in place (by its path)", lambda: store_file(store, changed, moved)),
            ("report never corrected", lambda: store_file(store, changed, reports / "new.txt")),
        ]
        print(f"\n| lookup in a store of {files} files | median ms |\n|---|---:|")
        print(f"| by path, index missing: rebuilt from every file (once) | {rebuilt:.1f} |")
        for name, run in cases:
            print(f"| {name} | {_ms(run, runs):.2f} |")


if __name__ == "__main__":
    main()
