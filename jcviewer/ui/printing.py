"""Paints a briefing on one page of any QPagedPaintDevice (PDF writer or printer); dialogs live elsewhere.

The body is one QTextDocument (briefing_html) laid out at the device's resolution. Fitting: try type sizes from
11 pt down to 9 pt; if the content still does not fit, drop the least important block and try again; as a last
resort shorten the longest list. A section's briefing prints the section's whole text when it fits at 10 pt or
more (with the other blocks that fit); else the text is shortened a whole sentence at a time
(``briefing.passage_versions``), as little as lets it fit at 10 pt. The page always says what it left out. The
chart is painted as vectors where the document reserved room for it, with hatching and value labels so a
black-and-white printer keeps it readable.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QIODevice, QLocale, QMarginsF, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QRawFont,
    QTextDocument,
    QTextLayout,
)

from jcviewer.model.briefing import BLOCKS, Block, Briefing, passage_versions
from jcviewer.model.figures import Figure
from jcviewer.ui.briefing_html import CHART_URL, LABEL_MIN_PT, Fitted, briefing_html, omitted_note
from jcviewer.ui.briefing_html import block_title as block_title  # the dialogs and exports name blocks too
from jcviewer.ui.pdf_text_layer import fix_text_layer, shared_ideographs

SIZES_PT = (11.0, 10.5, 10.0, 9.5, 9.0)  # body text never under 9 pt
TEXT_SIZES_PT = (11.0, 10.5, 10.0)  # a section's text is shortened rather than set under 10 pt
FOOTER_MIN_PT = 6.5  # the footer's source line may shrink to this before a long file name is shortened
MARGINS_MM = QMarginsF(16, 14, 16, 14)  # inside what office printers can reach
PDF_DPI = 300
CHART_ROW_EM = 1.7  # height of one bar row, in label ems
CHART_WIDTH = 0.92  # of the body's width
ALWAYS_KEPT = 1  # blocks of priority 0 and 1 are never dropped, only shortened
FILL_CHARS = 200  # the whole report's text fills the room left when at least this much of it fits
GREY = QColor("#555555")


translate = QCoreApplication.translate


_GLYPHS_AND_CHARACTERS = (
    QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes | QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
)


def _undrawn(document: QTextDocument) -> str:
    """The characters of ``document`` that come out as no glyph (no font, fallbacks included, has them), each
    once in reading order."""
    missing: dict[str, None] = {}
    block = document.begin()
    while block.isValid():
        text = block.text()
        for run in block.layout().glyphRuns(0, len(text), _GLYPHS_AND_CHARACTERS):
            if 0 in run.glyphIndexes():
                for start, glyph in zip(run.stringIndexes(), run.glyphIndexes(), strict=False):
                    if glyph == 0 and not text[start].isspace():
                        missing[text[start]] = None
        block = block.next()
    return "".join(missing)


def chart_height_pt(size: float, rows: int) -> float:
    """The chart's height in points for ``rows`` bars beside body text of ``size`` points: each row 1.7 ems of
    its labels (never under 8 pt), and a little room below."""
    label_em = max(size * 0.9, LABEL_MIN_PT) / 0.9
    return label_em * (CHART_ROW_EM * rows + 0.6)


def first_holding(low: int, high: int, holds: Callable[[int], object]) -> int:
    """The smallest number in ``low``..``high`` for which ``holds`` is true, by bisection: it must hold for
    ``high`` and, once it holds, for every larger number (more left out, the page fits)."""
    while low < high:
        middle = (low + high) // 2
        if holds(middle):
            high = middle
        else:
            low = middle + 1
    return low


def _shortening_order(blocks: tuple[Block, ...]) -> list[int]:
    """Which block gives up its last line at each step of shortening: the longest list or table (the first of
    equals), and only when none has more than one line, the longest note; until nothing can go."""
    lines = [len(b.lines) for b in blocks]
    rows = [len(b.rows) for b in blocks]
    order: list[int] = []
    while True:
        lists = [n for n, b in enumerate(blocks) if b.kind != "note" and lines[n] + rows[n] > 1]
        shortenable = lists or [n for n, b in enumerate(blocks) if b.kind == "note" and lines[n] > 1]
        if not shortenable:
            return order
        longest = max(shortenable, key=lambda n: lines[n] + rows[n])
        lines[longest], rows[longest] = max(0, lines[longest] - 1), max(0, rows[longest] - 1)
        order.append(longest)


def _shortened(blocks: tuple[Block, ...], steps: list[int]) -> tuple[Block, ...]:
    """``blocks`` after the shortening ``steps`` (``_shortening_order``): each step a last line left out and
    counted as unlisted."""
    taken = Counter(steps)
    return tuple(
        replace(
            b,
            lines=b.lines[: max(0, len(b.lines) - taken[n])],
            rows=b.rows[: max(0, len(b.rows) - taken[n])],
            unlisted=b.unlisted + taken[n],
        )
        if taken[n]
        else b
        for n, b in enumerate(blocks)
    )


Laid = tuple[Fitted, QTextDocument]
"""A way the page was fitted, and its document laid out."""


class BriefingPage:
    """Lays a briefing out for one device and paints it: in ``family``, or for an official document
    (``briefing.style``) with the body in ``serif_family`` and the block titles in ``family``."""

    def __init__(self, briefing: Briefing, device: QPagedPaintDevice, family: str, serif_family: str = "") -> None:
        self.briefing = briefing
        self.device = device
        self.family = family
        official = briefing.style == "official"
        self.body_family = serif_family if official and serif_family else family
        self.heading_family = family if official and serif_family else ""
        self.dpi = device.logicalDpiY()
        layout = device.pageLayout()
        self.page = QRectF(layout.paintRectPixels(self.dpi))
        small = self._font(8.0)
        band = QFontMetricsF(small, device).height() * 2.2
        self.body = QRectF(0, band, self.page.width(), self.page.height() - 2 * band)
        fitted, self.document = self._fit()
        self.fitted = replace(fitted, missing=_undrawn(self.document))

    def _font(self, size: float, family: str = "") -> QFont:
        font = QFont(family or self.family)
        font.setPointSizeF(size)
        font.setFeature(QFont.Tag("liga"), 0)  # a ligature glyph ("fi") has no text behind it in the PDF
        font.setFeature(QFont.Tag("locl"), 0)  # nor do Noto CJK's localised forms of Latin digits and dashes
        return font

    def _chart_size(self, size: float, block: Block | None) -> tuple[float, float]:
        """Room for the chart in HTML pixels, which QTextDocument scales by the device's dpi / 96."""
        rows = len(block.figure.labels) if block and block.figure else 0
        css_pixels = 96 / self.dpi
        return self.body.width() * CHART_WIDTH * css_pixels, chart_height_pt(size, rows) * self.dpi / 72 * css_pixels

    def _document(self, fitted: Fitted) -> QTextDocument:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(self.device)
        document.setDefaultFont(self._font(fitted.size, self.body_family))
        document.setDocumentMargin(0)
        document.setTextWidth(self.body.width())
        placeholder = QImage(1, 1, QImage.Format.Format_ARGB32)
        placeholder.fill(Qt.GlobalColor.transparent)
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL), placeholder)
        chart = next((b for b in fitted.blocks if b.kind == "chart"), None)
        chart_size = self._chart_size(fitted.size, chart)
        document.setHtml(briefing_html(self.briefing, fitted, chart_size, self.dpi, self.heading_family))
        return document

    def _fits(self, blocks: tuple[Block, ...], sizes: tuple[float, ...] = SIZES_PT) -> Laid | None:
        note = omitted_note(self.briefing, blocks)
        for size in sizes:
            fitted = Fitted(size, blocks, note)
            document = self._document(fitted)
            if document.size().height() <= self.body.height():
                return fitted, document
        return None

    def _fit(self) -> Laid:
        blocks = self.briefing.blocks
        passage = next((b for b in blocks if BLOCKS[b.kind].content == "passage"), None)
        if passage is None:
            return self._dropping(blocks, SIZES_PT) or self._shortening(blocks)
        if passage.priority > ALWAYS_KEPT:  # the whole report's text: what room the other blocks leave
            others = tuple(b for b in blocks if b is not passage)
            return self._filled(self._dropping(others, SIZES_PT) or self._shortening(others), passage)
        beside = tuple(b for b in blocks if BLOCKS[b.kind].beside_whole_text)
        found = self._dropping(beside, TEXT_SIZES_PT)  # the whole text, and what else fits beside it
        if found:
            return found
        versions = passage_versions(passage)
        shortest = versions[-1]
        essentials = tuple(shortest if b is passage else b for b in blocks if b is passage or b.priority <= ALWAYS_KEPT)
        if len(versions) == 1 or not self._fits(essentials, sizes=TEXT_SIZES_PT[-1:]):
            return self._shortening(tuple(shortest if b is passage else b for b in blocks), TEXT_SIZES_PT)

        def fits_at_10(number: int) -> Laid | None:
            return self._fits(tuple(versions[number] if b is shortest else b for b in essentials), TEXT_SIZES_PT[-1:])

        low = first_holding(1, len(versions) - 1, fits_at_10)  # the fewest sentences left out that fit at 10 pt
        with_text = tuple(versions[low] if b is passage else b for b in blocks)
        return self._dropping(with_text, TEXT_SIZES_PT) or self._shortening(with_text, TEXT_SIZES_PT)

    def _filled(self, found: Laid, passage: Block) -> Laid:
        """``found`` with as much of ``passage`` as fits beside its blocks at its type size — if at least half of
        its sentences or ``FILL_CHARS`` characters do (a line or two of a long text says little); else ``found``
        as it is."""
        kept = found[0].blocks
        if not found[0].fits or any(b not in self.briefing.blocks for b in kept):
            return found  # shortened lists: no room to fill
        versions = passage_versions(passage)

        def too_short(number: int) -> bool:  # from some version on, every later one is
            if number == len(versions):
                return True
            v = versions[number]
            return v.clause_cut or (v.left_out * 2 > v.sentences and sum(len(u.text) for u in v.units) < FILL_CHARS)

        usable = first_holding(0, len(versions), too_short)  # versions[:usable] may fill the page

        def attempt(version: Block) -> Laid | None:
            shown = tuple(version if b is passage else b for b in self.briefing.blocks if b is passage or b in kept)
            return self._fits(shown, sizes=(found[0].size,))

        if not usable or attempt(versions[usable - 1]) is None:
            return found
        return attempt(versions[first_holding(0, usable - 1, lambda n: attempt(versions[n]))]) or found

    def _dropping(self, blocks: tuple[Block, ...], sizes: tuple[float, ...]) -> Laid | None:
        """Fit ``blocks`` at one of ``sizes``, leaving out as few of the least important droppable blocks as
        lets them fit at the smallest size (found by bisection), at the largest size that then fits; then put
        back, most important first, dropped blocks that still fit (a short list after a long one)."""
        droppable = sorted((b for b in blocks if b.priority > ALWAYS_KEPT), key=lambda b: -b.priority)

        def without(count: int) -> tuple[Block, ...]:
            return tuple(b for b in blocks if b not in droppable[:count])

        smallest = sizes[-1:]
        if self._fits(without(len(droppable)), sizes=smallest) is None:
            return None
        low = first_holding(0, len(droppable), lambda count: self._fits(without(count), sizes=smallest))
        found = self._fits(without(low), sizes=sizes)
        if found is None:  # it fits at the smallest size, so cannot happen
            return None
        for block in reversed(droppable[:low]):
            kept = tuple(b for b in blocks if b in found[0].blocks or b is block)
            if self._fits(kept, sizes=smallest):
                found = self._fits(kept, sizes=sizes) or found
        return found

    def _shortening(self, blocks: tuple[Block, ...], sizes: tuple[float, ...] = SIZES_PT) -> Laid:
        """The essentials alone overflow: shorten the longest list or table a line at a time, and only then the
        reader's note (its last lines, counted on the page), as few lines as lets the page fit at the smallest
        size (found by bisection), at the largest size that then fits. Past that the page is set at the smallest
        size and says it does not fit (``Fitted.fits``)."""
        kept = tuple(b for b in blocks if b.priority <= ALWAYS_KEPT)
        order = _shortening_order(kept)

        def shortened(steps: int) -> tuple[Block, ...]:
            return _shortened(kept, order[:steps])

        def fits_smallest(steps: int) -> Laid | None:
            return self._fits(shortened(steps), sizes[-1:])

        if order and fits_smallest(len(order)):
            found = self._fits(shortened(first_holding(1, len(order), fits_smallest)), sizes)
            if found:
                return found
        fitted = Fitted(sizes[-1], shortened(len(order)), omitted_note(self.briefing, shortened(len(order))), False)
        return fitted, self._document(fitted)

    def paint(self, painter: QPainter, printed_on: QDate | None = None) -> None:
        """Header, body, chart and footer, in device pixels inside the page margins."""
        painter.save()
        self._paint_bands(painter, printed_on or QDate.currentDate())
        painter.translate(self.body.topLeft())
        painter.setClipRect(QRectF(0, 0, self.body.width(), self.body.height()))  # never over the footer
        self.document.drawContents(painter)
        chart = next((b for b in self.fitted.blocks if b.kind == "chart"), None)
        rect = self._chart_rect()
        if chart is not None and chart.figure is not None and rect is not None:
            labels = self._font(max(LABEL_MIN_PT, self.fitted.size * 0.9))
            paint_bars(painter, rect, chart.figure, labels, self.dpi)
        painter.restore()

    def _chart_rect(self) -> QRectF | None:
        block = self.document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                form = iterator.fragment().charFormat()
                if form.isImageFormat() and form.toImageFormat().name() == CHART_URL:
                    image = form.toImageFormat()
                    width, height = image.width() * self.dpi / 96, image.height() * self.dpi / 96
                    layout = block.layout()
                    line = layout.lineForTextPosition(iterator.fragment().position() - block.position())
                    origin = layout.position()
                    top = origin.y() + line.y() + line.ascent() - height
                    return QRectF(origin.x() + line.x(), top, width, height)
                iterator += 1
            block = block.next()
        return None

    def _paint_bands(self, painter: QPainter, printed_on: QDate) -> None:
        small = self._font(8.0)
        painter.setFont(small)
        painter.setPen(QPen(GREY))
        height = QFontMetricsF(small, self.device).height()
        width = self.page.width()
        painter.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignLeft, self.briefing.report_title)
        painter.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignRight, translate("Briefing", "Briefing"))
        rule = QPen(GREY, max(1.0, self.dpi / 200))
        painter.setPen(rule)
        painter.drawLine(QPointF(0, height * 1.4), QPointF(width, height * 1.4))
        bottom = self.page.height()
        painter.drawLine(QPointF(0, bottom - height * 1.5), QPointF(width, bottom - height * 1.5))
        painter.setPen(QPen(GREY))
        metrics = QFontMetricsF(small, self.device)
        source = translate("Briefing", "Source: %1").replace("%1", self.briefing.source)
        date = QLocale().toString(printed_on, translate("Briefing", "MMMM d, yyyy"))
        printed = translate("Briefing", "Printed %1").replace("%1", date)
        page = translate("Briefing", "Page 1 of 1")
        gap = metrics.height() * 1.5
        page_width, printed_width = metrics.horizontalAdvance(page), metrics.horizontalAdvance(printed)
        source_width = max(width - page_width - printed_width - 2 * gap, width / 3)  # the rest is the source's
        top = bottom - height
        painter.drawText(QRectF(width - page_width, top, page_width, height), Qt.AlignmentFlag.AlignRight, page)
        painter.drawText(QRectF(source_width + gap, top, printed_width, height), Qt.AlignmentFlag.AlignLeft, printed)
        font = QFont(small)
        while metrics.horizontalAdvance(source) > source_width and font.pointSizeF() > FOOTER_MIN_PT:
            font.setPointSizeF(font.pointSizeF() - 0.5)  # a long file name: smaller, rather than cut
            metrics = QFontMetricsF(font, self.device)
        painter.setFont(font)
        cell = QRectF(0, top, source_width, height)
        text = metrics.elidedText(source, Qt.TextElideMode.ElideMiddle, source_width)  # only past FOOTER_MIN_PT
        painter.drawText(cell, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, text)


def paint_bars(painter: QPainter, rect: QRectF, figure: Figure, font: QFont, dpi: float) -> None:
    """Horizontal bars as vectors: labels left, hatched bars outlined in black, values written at the ends."""
    painter.save()
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    bars = [bar for _, series in figure.series[-1:] for bar in series]
    label_width = max((metrics.horizontalAdvance(b.label) for b in bars), default=0) + metrics.height() * 0.6
    value_width = max((metrics.horizontalAdvance(b.text) for b in bars), default=0) + metrics.height() * 0.6
    area = QRectF(rect.left() + label_width, rect.top(), rect.width() - label_width - value_width, rect.height())
    longest = max((b.value for b in bars), default=1.0) or 1.0
    row = rect.height() / max(1, len(bars))
    pen = QPen(QColor("#000000"), max(1.0, dpi / 150))
    for number, bar in enumerate(bars):
        top = rect.top() + number * row
        label = QRectF(rect.left(), top, label_width - metrics.height() * 0.4, row)
        painter.setPen(QPen(QColor("#000000")))
        painter.drawText(label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, bar.label)
        length = area.width() * bar.value / longest
        box = QRectF(area.left(), top + row * 0.18, length, row * 0.64)
        painter.fillRect(box, QColor("#d0d0d0"))
        painter.fillRect(box, QBrush(QColor("#000000"), Qt.BrushStyle.BDiagPattern))
        painter.setPen(pen)
        painter.drawRect(box)
        value = QRectF(box.right() + metrics.height() * 0.3, top, value_width, row)
        painter.setPen(QPen(QColor("#000000")))
        painter.drawText(value, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, bar.text)
    painter.setPen(pen)
    painter.drawLine(QPointF(area.left(), rect.top()), QPointF(area.left(), rect.bottom()))
    painter.restore()


def write_briefing_pdf(
    path: str,
    briefing: Briefing,
    page_size: QPageSize,
    family: str,
    margins: QMarginsF = MARGINS_MM,
    serif_family: str = "",
) -> Fitted:
    """Write the briefing as a one-page PDF (text as text, fonts embedded) with ``margins`` in millimetres, an
    official document's body in ``serif_family``; returns how it was fitted."""
    writer = briefing_writer(path, page_size, margins)
    label = translate("Briefing", "Briefing")
    writer.setTitle(f"{briefing.title} — {label}")
    writer.setCreator("jcviewer")
    page = BriefingPage(briefing, writer, family, serif_family)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        page.paint(painter)
    finally:
        painter.end()
    repair_text_layer(Path(path), page.body_family, family)
    return page.fitted


def briefing_writer(output: str | QIODevice, page_size: QPageSize, margins: QMarginsF) -> QPdfWriter:
    """A PDF writer for a briefing: ``page_size`` portrait with ``margins`` in millimetres, at ``PDF_DPI`` (the
    resolution every briefing is laid out at, so a PDF, a .docx and a print choose alike)."""
    writer = QPdfWriter(output)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(QPageLayout(page_size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter))
    return writer


def repair_text_layer(pdf: Path, *families: str) -> None:
    """Make the PDF's text read as drawn (``pdf_text_layer``): radicals the CJK ``families`` share glyphs with
    become the ideographs."""
    data = pdf.read_bytes()
    shared: dict[int, int] = {}
    for family in dict.fromkeys(families):
        shared |= _shared_ideographs(family)
    fixed = fix_text_layer(data, shared)
    if fixed != data:
        pdf.write_bytes(fixed)


@cache
def _shared_ideographs(family: str) -> dict[int, int]:
    bold = QFont(family)
    bold.setBold(True)
    return shared_ideographs([QRawFont.fromFont(QFont(family)), QRawFont.fromFont(bold)])
