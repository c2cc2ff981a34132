"""Start-up benchmark: process start → first paint of the outline, against a bare PySide6 window in the same run.

Run by hand: ``python bench/bench_startup.py [RUNS]``. The two programs alternate so machine noise hits both
alike; prints medians, the ratio (goal ≤ 2×) and what was loaded at the first paint. Children run offscreen
and may write bytecode caches (as an installed package has them: pip compiles on install), even when the
calling shell sets PYTHONDONTWRITEBYTECODE; the warm-up runs write them.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROBE = Path(__file__).with_name("startup_probe.py")
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"QT_QPA_PLATFORM": "offscreen"}


def first_paint_seconds(kind: str) -> tuple[float, dict[str, object]]:
    """One start of ``kind``: "bare", "jcviewer" (report parsed before: cached) or "jcviewer, first open"."""
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(CHILD_ENV)
        if kind.endswith("first open"):
            env["XDG_CACHE_HOME"] = scratch  # an empty cache: the parser runs
        start = time.time()
        program = "bare" if kind == "bare" else "jcviewer"
        output = subprocess.run(
            [sys.executable, str(PROBE), program, scratch], capture_output=True, text=True, check=True, env=env
        ).stdout
    result = json.loads(output.strip().splitlines()[-1])
    return float(result["painted_at"]) - start, result


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    times: dict[str, list[float]] = {"bare": [], "jcviewer": [], "jcviewer, first open": []}
    last: dict[str, dict[str, object]] = {}
    first_paint_seconds("bare")  # warm the disk cache for both
    first_paint_seconds("jcviewer")
    for _ in range(runs):
        for kind in times:
            seconds, last[kind] = first_paint_seconds(kind)
            times[kind].append(seconds)
    bare, ours, first = (statistics.median(times[k]) for k in times)
    print(f"| program | median first paint ({runs} runs) | min | max |")
    print("|---|---:|---:|---:|")
    for kind, values in times.items():
        print(
            f"| {kind} | {statistics.median(values) * 1000:.0f} ms | {min(values) * 1000:.0f} ms "
            f"| {max(values) * 1000:.0f} ms |"
        )
    print(f"\nratio jcviewer / bare: {ours / bare:.2f}× (goal ≤ 2×); first open of a report: {first / bare:.2f}×")
    loaded = last["jcviewer"]["loaded_at_paint"] or "none of pyqtgraph, numpy, jieba"
    print(f"loaded at jcviewer's first paint: {loaded}")
    print(f"charts loaded afterwards: {last['jcviewer'].get('charts_loaded')}")


if __name__ == "__main__":
    main()
