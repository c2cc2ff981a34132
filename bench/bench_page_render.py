"""Page view benchmark: rendering one generated newspaper page at 150 dpi, as the page view's worker does.

Run by hand: ``python bench/bench_page_render.py [RUNS]``. A broadsheet page (A3, several corpus articles) is set by
``tests/newspaper_pdf.py``; ``page_render.render_page`` renders it at 150 dpi (pdfium → QImage, copied), with the
document already open (the worker keeps it open between pages) and with it opened first (the first page of a
report); then through the page view's ``PageRenderer``, from the request to the image back on the GUI thread
(worker thread and hand-over included). Baseline in the same run: filling a QImage of the same size (the least any
rendering costs). Then the memory of the cache: bytes of one page at 150 dpi and how many pages the default budget
keeps. Median over RUNS (default 9), offscreen. Goal: under 300 ms a page.
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
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage  # noqa: E402

from jcviewer.ui import page_render  # noqa: E402
from jcviewer.ui.background import wait_for_background_work  # noqa: E402
from jcviewer.ui.page_render import (  # noqa: E402
    DEFAULT_CACHE_BYTES,
    ImageCache,
    PageRenderer,
    PdfSource,
    render_page,
)

DPI = 150
ARTICLES = 3  # corpus documents set on the page


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(runs: int) -> None:
    from newspaper_pdf import corpus_documents, typeset

    app = QGuiApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        truth = typeset(corpus_documents()[:ARTICLES], Path(folder) / "page.pdf")
        source = PdfSource.of(truth.path, truth.pages)
        scale = DPI / 72
        image = render_page(source, 0, scale)
        width, height = image.width(), image.height()

        def cold() -> QImage:
            page_render._DOCUMENTS.close()
            return render_page(source, 0, scale)

        def fill() -> QImage:
            blank = QImage(width, height, QImage.Format.Format_RGBX8888)
            blank.fill(0xFFFFFFFF)
            return blank

        def handed_over() -> None:
            renderer = PageRenderer(source)
            loop = QEventLoop()
            renderer.rendered.connect(loop.quit)
            renderer.request(0, scale)
            loop.exec()
            renderer.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

        rows = [
            ("QImage fill, same size (baseline)", median_ms(fill, runs)),
            ("render_page, document open", median_ms(lambda: render_page(source, 0, scale), runs)),
            ("render_page, document opened first", median_ms(cold, runs)),
            ("PageRenderer request → image on GUI thread", median_ms(handed_over, runs)),
        ]
        page_render._DOCUMENTS.close()
    w, h = truth.pages[0]
    print(f"page {w:.0f}×{h:.0f} pt at {DPI} dpi = {width}×{height} px; median of {runs}")
    print(f"{'':44} {'ms':>8}")
    for name, ms in rows:
        print(f"{name:44} {ms:8.1f}")
    cache = ImageCache()
    cache.put((0, scale), image)
    per_page = cache.bytes
    print(f"cache: {per_page / 2**20:.1f} MiB a page; default budget {DEFAULT_CACHE_BYTES / 2**20:.0f} MiB keeps")
    print(f"{DEFAULT_CACHE_BYTES // per_page} pages at {DPI} dpi")
    wait_for_background_work()
    app.quit()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
