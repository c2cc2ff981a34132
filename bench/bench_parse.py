"""Parse benchmark: the bundled report, and the report repeated to ~1, ~3 and ~10 MB.

Run by hand: ``python bench/bench_parse.py``. Prints a Markdown table for docs/performance.md: median
wall time over several runs, and time per MB, so linear growth shows as a flat last column.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jcviewer.model.parse import default_synonyms, parse_text  # noqa: E402
from jcviewer.resources import bundled_report  # noqa: E402


def median_seconds(text: str, runs: int) -> float:
    synonyms = default_synonyms()
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        parse_text(text, synonyms=synonyms)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    page = bundled_report().read_text(encoding="utf-8")
    size = len(page.encode("utf-8"))
    parse_text(page)  # warm up: imports, regex compilation, synonyms
    print("| input | size | median | per MB |")
    print("|---|---:|---:|---:|")
    for label, copies, runs in (("bundled report", 1, 51), ("×100", 100, 7), ("×300", 300, 5), ("×950", 950, 3)):
        text = "\n".join([page] * copies)
        megabytes = len(text.encode("utf-8")) / 1e6
        seconds = median_seconds(text, runs)
        print(f"| {label} | {megabytes:.2f} MB | {seconds * 1000:.1f} ms | {seconds / megabytes * 1000:.0f} ms |")
    print(f"\n(one page is {size} bytes; Python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
