"""Briefing benchmark: from request to finished one-page PDF, in-process after start-up.

Run by hand: ``python bench/bench_briefing.py [RUNS]``. Times choosing the content, fitting the page and writing
the PDF (whole report, then the longest section, then a crowded generated report that must shrink and drop),
median over RUNS (default 21), and the whole report of the bundled text repeated 10 and 40 times (its filler text
is the whole report: thousands of sentences to shorten). Goal: whole report under 300 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from genre import crowded_page  # noqa: E402
from PySide6.QtGui import QPageSize  # noqa: E402

from jcviewer.app import create_session  # noqa: E402
from jcviewer.model.briefing import report_briefing, section_briefing  # noqa: E402
from jcviewer.model.parse import load_report, parse_text  # noqa: E402
from jcviewer.resources import bundled_report  # noqa: E402
from jcviewer.ui.printing import write_briefing_pdf  # noqa: E402


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    session = create_session("zh")
    bundled = load_report(bundled_report())
    crowded = parse_text(crowded_page(seed=3).text(), source="crowded.txt")
    raw = bundled_report().read_text(encoding="utf-8")
    repeated = {times: parse_text("\n".join([raw] * times), source=f"x{times}.txt") for times in (10, 40)}
    cases = [
        ("whole report", lambda: report_briefing(bundled)),
        ("section s2 (longest: shortened a sentence at a time)", lambda: section_briefing(bundled, "s2")),
        ("section s3 (printed whole)", lambda: section_briefing(bundled, "s3")),
        ("crowded generated report", lambda: report_briefing(crowded)),
        ("whole report, bundled text ×10", lambda: report_briefing(repeated[10])),
        ("whole report, bundled text ×40", lambda: report_briefing(repeated[40])),
    ]
    paper = QPageSize(QPageSize.PageSizeId.A4)
    print(f"| briefing | median ({runs} runs) | min | max | type size | PDF size |")
    print("|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as scratch:
        for name, make in cases:
            out = str(Path(scratch) / "brief.pdf")
            write_briefing_pdf(out, make(), paper, session.fonts.family)  # warm up: fonts, first layout
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                fitted = write_briefing_pdf(out, make(), paper, session.fonts.family)
                times.append(time.perf_counter() - start)
            size = Path(out).stat().st_size
            print(
                f"| {name} | {statistics.median(times) * 1000:.0f} ms | {min(times) * 1000:.0f} ms "
                f"| {max(times) * 1000:.0f} ms | {fitted.size:g} pt | {size / 1000:.0f} KB |"
            )


if __name__ == "__main__":
    main()
