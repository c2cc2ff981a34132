"""``jcviewer --self-test``: every main path once, offscreen, in the source tree and the frozen app alike.

Parses the bundled report, searches it (with jieba's dictionary, to prove it is packaged), writes a briefing PDF
and reads it back as a report (pdfium and the page geometry), writes a window screenshot into a temporary folder,
and sums it up in one line. Touches no user file.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jcviewer.model.report import Report

SEARCHES = {"乡村振兴": 2, "GDP": 2, "6.5%": 1}  # query → paragraphs of the bundled report holding it


class SelfTestError(Exception):
    """A step of the self-test failed; the message names the step."""


def _check(condition: bool, step: str, detail: str) -> None:
    if not condition:
        raise SelfTestError(f"{step}: {detail}")


def run_self_test() -> str:
    """Run every step; the one-line summary on success, SelfTestError otherwise."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never show a window, display or not
    start = time.perf_counter()
    from jcviewer.model.parse import load_report
    from jcviewer.model.search.report_search import ReportSearch
    from jcviewer.model.search.words import WordSegmenter
    from jcviewer.model.vocabulary import default_synonyms
    from jcviewer.resources import bundled_report

    report = load_report(bundled_report())
    body = [p for p in report.paragraphs() if p.kind == "body"]
    targets = [m for m in report.metrics if m.period == "target"]
    _check(len(body) >= 10 and len(report.quotes) >= 3 and len(targets) >= 5, "parse", "the bundled report is short")
    search = ReportSearch(report, default_synonyms())
    for query, expected in SEARCHES.items():
        found = search.search(query).total
        _check(found == expected, "search", f"{query!r} found {found} paragraphs, expected {expected}")
    with tempfile.TemporaryDirectory(prefix="jcviewer-self-test-") as scratch:
        folder = Path(scratch)
        segmenter = WordSegmenter(folder / "jieba")
        _check(
            ("营商环境" in {"优化营商环境"[s:e] for s, e in segmenter.spans("优化营商环境")}),
            "jieba",
            "the user dictionary is missing",
        )
        pages, pdf_size = _briefing(report, folder / "briefing.pdf")
        read_back = _read_back(folder / "briefing.pdf", report.title)
        docx_size = _briefing_docx(report, folder / "briefing.docx")
        width, height = _screenshot(folder / "window.png")
    seconds = time.perf_counter() - start
    return (
        f"jcviewer self-test ok: {len(body)} paragraphs, {len(report.quotes)} quotes, {len(targets)} targets; "
        f"search {len(SEARCHES)} queries; briefing {pages} page, {pdf_size // 1000} KB, "
        f"read back as a PDF report of {read_back} paragraphs, .docx {docx_size // 1000} KB; "
        f"screenshot {width}×{height}; {seconds:.1f} s"
    )


def _briefing(report: Report, path: Path) -> tuple[int, int]:
    from PySide6.QtGui import QPageSize

    from jcviewer.app import create_session
    from jcviewer.model.briefing import report_briefing
    from jcviewer.ui.printing import write_briefing_pdf

    session = create_session("zh")
    write_briefing_pdf(
        str(path),
        report_briefing(report),
        QPageSize(QPageSize.PageSizeId.A4),
        session.fonts.family,
    )
    data = path.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    _check(data.startswith(b"%PDF") and pages == 1, "briefing", f"expected a one-page PDF, got {pages} pages")
    return pages, len(data)


def _read_back(path: Path, title: str) -> int:
    """Open the briefing PDF as a report (pypdfium2 must be packaged): its paragraphs, the title among them."""
    from jcviewer.model.parse import load_report
    from jcviewer.model.report import compact

    pdf = load_report(path)
    text = "".join(compact(s.title + s.subtitle) for s in pdf.walk()) + "".join(
        compact(p.text) for p in pdf.paragraphs()
    )
    _check(bool(pdf.pages) and compact(title) in text, "pdf", "the briefing PDF does not read back as its report")
    return sum(1 for _ in pdf.paragraphs())


def _briefing_docx(report: Report, path: Path) -> int:
    """Write the briefing as .docx (python-docx reads its templates from files: they must be packaged)."""
    import zipfile

    from PySide6.QtGui import QPageSize

    from jcviewer.app import create_session
    from jcviewer.model.briefing import report_briefing
    from jcviewer.ui.briefing_export import write_docx
    from jcviewer.ui.printing import MARGINS_MM

    session = create_session("zh")
    paper = QPageSize(QPageSize.PageSizeId.A4)
    write_docx(path, report_briefing(report), paper, MARGINS_MM, session.fonts.family)
    with zipfile.ZipFile(path) as package:
        document = package.read("word/document.xml").decode("utf-8")
    _check("<w:tbl>" in document and report.title in document, "briefing", "the .docx has no targets table or title")
    return path.stat().st_size


def _screenshot(path: Path) -> tuple[int, int]:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage

    from jcviewer.app import screenshot

    screenshot(path, None, "s2.targets.1", QSize(1200, 800), "zh")
    image = QImage(str(path))
    _check(not image.isNull() and image.width() == 1200, "screenshot", "no image was written")
    return image.width(), image.height()
