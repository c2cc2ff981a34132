"""PDF import benchmark: a newspaper page (and a multi-page report) typeset from the corpus, read into a Report.

Run by hand: ``python bench/bench_pdf_import.py``. Prints a Markdown table for docs/performance.md: the median
time of each step (pdfium's characters, the geometry, the whole import) over several runs, beside the baseline of
the same run — parsing the page's own text as a text report — and the memory the import allocates (tracemalloc
peak, Python objects only: pdfium's own buffers are C memory) and the process's resident size after it.
Goal (issue 16): a page imports in under 200 ms. The first PDF of a process also starts the reader process
(``pdf/guard.py``): that one-off cost is printed apart.
"""

from __future__ import annotations

import gc
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from newspaper_pdf import PageSpec, corpus_document, typeset, typeset_document_pages  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from jcviewer.model.parse import default_synonyms, parse_text  # noqa: E402
from jcviewer.model.pdf.articles import read_layout  # noqa: E402
from jcviewer.model.pdf.extract import extract_pages  # noqa: E402
from jcviewer.model.pdf.read import parse_pdf  # noqa: E402

RUNS = 15


def median_ms(step: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def peak_mb(step: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    step()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def first_read_ms(path: Path) -> float:
    """The first PDF of this process: the reader process starts (and imports pdfium) on the way."""
    start = time.perf_counter()
    parse_pdf(path.read_bytes(), path.name)
    return (time.perf_counter() - start) * 1000


def bench(label: str, path: Path) -> str:
    data = path.read_bytes()
    synonyms = default_synonyms()
    pages = extract_pages(data, path.name)
    text = "\n".join("".join(c.text for c in page.chars) for page in pages)  # the same characters, as a text
    chars = sum(len(page.chars) for page in pages)
    parse_pdf(data, path.name, synonyms=synonyms)  # warm up: imports, regexes
    baseline = median_ms(lambda: parse_text(text, synonyms=synonyms))
    extract = median_ms(lambda: extract_pages(data, path.name))
    geometry = median_ms(lambda: read_layout(pages))
    whole = median_ms(lambda: parse_pdf(data, path.name, synonyms=synonyms))
    memory = peak_mb(lambda: parse_pdf(data, path.name, synonyms=synonyms))
    return (
        f"| {label} | {len(pages)} | {chars} | {len(data) // 1000} KB | {extract:.1f} ms | {geometry:.1f} ms "
        f"| **{whole:.1f} ms** | {baseline:.1f} ms ({whole / baseline:.1f}×) | {memory:.1f} MB |"
    )


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(["bench", "-platform", "offscreen"])
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        page = folder / "page.pdf"
        typeset([corpus_document(n) for n in ("08", "10")], page, PageSpec(gutter_ems=2.0, hanging=True))
        single = folder / "single.pdf"
        typeset([corpus_document("12")], single, PageSpec(columns=5))
        report = folder / "report.pdf"
        typeset_document_pages(corpus_document("12"), report)
        columns = ["input", "pages", "characters", "file", "pdfium characters", "geometry", "import (all)"]
        columns += ["text parse of the same characters (baseline)", "import peak (Python)"]
        print("| " + " | ".join(columns) + " |")
        print("|---|" + "---:|" * (len(columns) - 1))
        first = first_read_ms(page)
        for label, path in (("2-article page", page), ("1-article page", single), ("A4 report", report)):
            print(bench(label, path))
        print(f"\nthe first PDF of a process (the reader process starts): {first:.0f} ms")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000
    print(f"\n(median of {RUNS} runs; process peak resident size {rss:.0f} MB; Python {sys.version.split()[0]})")
    del app


if __name__ == "__main__":
    main()
