"""Export a briefing as an editable Word/WPS document: laid out exactly as its PDF is (the same blocks at the
same type size, on the same paper and margins), then written by ``jcviewer.model.briefing_docx`` with the
titles and labels in the UI language and the chart drawn to a PNG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QDate, QIODevice, QLocale, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPageLayout, QPageSize, QPainter

from jcviewer.model.briefing import BLOCKS, Block, Briefing
from jcviewer.model.briefing_docx import (
    DocxBlock,
    DocxChart,
    DocxContent,
    DocxFonts,
    DocxPage,
    write_briefing_docx,
)
from jcviewer.output_file import replacing
from jcviewer.ui.briefing_html import LABEL_MIN_PT, UNTITLED, Fitted, head_lines, signature_lines, table_columns
from jcviewer.ui.printing import CHART_WIDTH, BriefingPage, block_title, briefing_writer, chart_height_pt, paint_bars

CHART_DPI = 200
MM_PER_INCH = 25.4
POINTS_PER_INCH = 72
FANGSONG_FAMILIES = ("FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "华文仿宋")
"""Fangsong faces an official document's body is set in where the machine has one (Word and WPS on Chinese
Windows do); else the serif face."""

translate = QCoreApplication.translate


def _shown_blocks(fitted: Fitted) -> tuple[DocxBlock, ...]:
    """The blocks kept, each under its title as the PDF prints it: a section's text under none, the quotes under
    one."""
    shown = []
    quotes_titled = False
    for block in fitted.blocks:
        titled = block.kind not in UNTITLED and not (block.kind == "quote" and quotes_titled)
        quotes_titled = quotes_titled or block.kind == "quote"
        columns = table_columns(block) if BLOCKS[block.kind].content == "rows" else ()
        shown.append(DocxBlock(block, block_title(block) if titled else "", columns))
    return tuple(shown)


def _mm(pixels: float, dpi: float) -> float:
    return pixels / dpi * MM_PER_INCH


def _docx_page(page: BriefingPage) -> DocxPage:
    """The PDF's paper and body: the header and footer bands sit inside the page margins, above and below it."""
    layout = page.device.pageLayout()
    paper = layout.fullRect(QPageLayout.Unit.Millimeter)
    margins = layout.margins(QPageLayout.Unit.Millimeter)
    top_band = _mm(page.body.top(), page.dpi)
    bottom_band = _mm(page.page.height() - page.body.bottom(), page.dpi)
    return DocxPage(
        paper.width(),
        paper.height(),
        (margins.left(), margins.top() + top_band, margins.right(), margins.bottom() + bottom_band),
        margins.top(),
        margins.bottom(),
    )


def _docx_fonts(page: BriefingPage) -> DocxFonts:
    """The PDF's faces; an official document's body in a fangsong face where there is one."""
    if page.briefing.style != "official":
        return DocxFonts(page.body_family, page.body_family, page.heading_family or page.body_family)
    installed = set(QFontDatabase.families())
    body = next((f for f in FANGSONG_FAMILIES if f in installed), page.body_family)
    return DocxFonts(body, page.body_family, page.heading_family or page.family)


def chart_png(page: BriefingPage, block: Block, width_mm: float, height_mm: float) -> bytes:
    """The chart drawn as on the PDF (``printing.paint_bars``), as PNG bytes at ``CHART_DPI``."""
    assert block.figure is not None
    dots = CHART_DPI / MM_PER_INCH
    image = QImage(round(width_mm * dots), round(height_mm * dots), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dots * 1000))
    image.setDotsPerMeterY(round(dots * 1000))
    image.fill(QColor(Qt.GlobalColor.white))
    font = QFont(page.family)
    font.setPointSizeF(max(LABEL_MIN_PT, page.fitted.size * 0.9))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_bars(painter, QRectF(0, 0, image.width(), image.height()), block.figure, font, CHART_DPI)
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
    return bytes(data.data())


def _chart(page: BriefingPage) -> DocxChart | None:
    """The chart the page keeps, sized as the PDF reserves room for it, or None."""
    block = next((b for b in page.fitted.blocks if b.kind == "chart" and b.figure is not None), None)
    if block is None or block.figure is None:
        return None
    width = _mm(page.body.width(), page.dpi) * CHART_WIDTH
    height = chart_height_pt(page.fitted.size, len(block.figure.labels)) * MM_PER_INCH / POINTS_PER_INCH
    legend = translate("Briefing", "≈ about, ≥ at least")
    return DocxChart(chart_png(page, block, width, height), width, height, legend)


def docx_content(page: BriefingPage, printed_on: QDate | None = None) -> DocxContent:
    """What the .docx shows: the blocks ``page`` kept at its type size, the head, the note of what was left out,
    the chart, and the header and footer of the PDF, in the UI language."""
    briefing = page.briefing
    date = QLocale().toString(printed_on or QDate.currentDate(), translate("Briefing", "MMMM d, yyyy"))
    label = translate("Briefing", "Briefing")
    return DocxContent(
        briefing=briefing,
        blocks=_shown_blocks(page.fitted),
        size=page.fitted.size,
        fonts=_docx_fonts(page),
        page=_docx_page(page),
        head=tuple(head_lines(briefing)),
        signature=signature_lines(briefing),
        omitted=page.fitted.omitted,
        header=(briefing.report_title, label),
        footer=(
            translate("Briefing", "Source: %1").replace("%1", briefing.source),
            translate("Briefing", "Printed %1").replace("%1", date),
        ),
        chart=_chart(page),
        document_title=f"{briefing.title} — {label}",
    )


def laid_out(
    briefing: Briefing, page_size: QPageSize, margins: QMarginsF, family: str, serif_family: str = ""
) -> BriefingPage:
    """The briefing laid out as its PDF is (``write_briefing_pdf``: the same device, paper and margins), on a PDF
    writer nothing is painted on."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = briefing_writer(buffer, page_size, margins)
    buffer.setParent(writer)  # lives as long as the page keeps the writer
    return BriefingPage(briefing, writer, family, serif_family)


def write_docx(
    path: Path,
    briefing: Briefing,
    page_size: QPageSize,
    margins: QMarginsF,
    family: str,
    serif_family: str = "",
) -> Fitted:
    """Write the briefing as a .docx at ``path`` with the content its PDF would have on ``page_size`` and
    ``margins`` (millimetres); returns how it was fitted. Written to a temporary file beside ``path`` and renamed
    over it, so a failure (OSError) never leaves half a file."""
    page = laid_out(briefing, page_size, margins, family, serif_family)
    content = docx_content(page)
    with replacing(path) as temporary:
        write_briefing_docx(temporary, content)
    return page.fitted
