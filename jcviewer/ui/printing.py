"""Paints a briefing on one page of any QPagedPaintDevice (PDF writer or printer); dialogs live elsewhere.

The body is one QTextDocument laid out at the device's resolution. Fitting: try type sizes from 11 pt down to
9 pt; if the content still does not fit, drop the least important block and try again; as a last resort
shorten the longest list. The page always says what it left out. The chart is painted as vectors where the
document reserved room for it, with hatching and value labels so a black-and-white printer keeps it readable.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from functools import cache
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMarginsF, QPointF, QRectF, Qt, QUrl
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
)

from jcviewer.model.briefing import BLOCKS, Block, BlockKind, Briefing
from jcviewer.model.figures import Figure
from jcviewer.ui.pdf_text_layer import fix_text_layer, shared_ideographs

SIZES_PT = (11.0, 10.5, 10.0, 9.5, 9.0)  # body text never under 9 pt
FOOTER_MIN_PT = 6.5  # the footer's source line may shrink to this before a long file name is shortened
MARGINS_MM = QMarginsF(16, 14, 16, 14)  # inside what office printers can reach
PDF_DPI = 300
CHART_URL = "briefing-chart"
CHART_ROW_EM = 1.7  # height of one bar row, in body ems
ALWAYS_KEPT = 1  # blocks of priority 0 and 1 are never dropped, only shortened
GREY = QColor("#555555")


translate = QCoreApplication.translate


def _dated_titles() -> dict[BlockKind, str]:
    """Titles of the kinds that name their year ("%1" is the year)."""
    return {
        "targets": translate("Briefing", "%1 main targets"),
        "chart": translate("Briefing", "%1 targets at a glance"),
        "results": translate("Briefing", "%1 results"),
        "tasks": translate("Briefing", "%1 key tasks"),
        "achievements": translate("Briefing", "%1 achievements"),
    }


def _titles() -> dict[BlockKind, str]:
    """The title of every kind but ``items`` (titled by its heading, from the report)."""
    return {
        "targets": translate("Briefing", "Main targets"),
        "chart": translate("Briefing", "Targets at a glance"),
        "results": translate("Briefing", "Results"),
        "tasks": translate("Briefing", "Key tasks"),
        "achievements": translate("Briefing", "Achievements"),
        "emphases": translate("Briefing", "Emphases"),
        "quote": translate("Briefing", "Voices"),
        "terms": translate("Briefing", "Key terms"),
        "summary": translate("Briefing", "Summary"),
    }


def block_title(block: Block) -> str:
    """The heading printed over a block, in the UI language, with its year when known."""
    if block.kind == "items":
        return block.heading
    dated = _dated_titles()
    if block.year and block.kind in dated:
        return dated[block.kind].replace("%1", str(block.year))
    return _titles()[block.kind]


@dataclass(frozen=True)
class Fitted:
    """How the briefing was fitted: type size, the blocks kept, and the sentence saying what was left out."""

    size: float
    blocks: tuple[Block, ...]
    omitted: str


def omitted_note(briefing: Briefing, kept: tuple[Block, ...], shortened: int) -> str:
    """What the page does not show, in a sentence ("另有3条引语未列出。"), or ""."""
    shown = {(b.kind, b.heading, b.year) for b in kept}  # a shortened block is still shown
    dropped = [b for b in briefing.blocks if b.kind != "quote" and (b.kind, b.heading, b.year) not in shown]
    quotes = briefing.unlisted_quotes + sum(1 for b in briefing.blocks if b.kind == "quote" and b not in kept)
    parts = []
    if dropped:
        separator = translate("Briefing", ", ")  # 、 in Chinese
        names = separator.join(dict.fromkeys(block_title(b) or b.heading for b in dropped))
        parts.append(translate("Briefing", "Not shown: %1.").replace("%1", names))
    if quotes:
        parts.append(translate("Briefing", "%n more quote(s) not listed.").replace("%n", str(quotes)))
    if shortened:
        parts.append(translate("Briefing", "%n more item(s) not listed.").replace("%n", str(shortened)))
    if any(b.abridged for b in kept):
        parts.append(translate("Briefing", "Quotations are shortened where …… stands."))
    return _join_sentences(parts)


def _join_sentences(parts: list[str]) -> str:
    """Sentences one after the other: no space after a Chinese full stop, one after any other."""
    text = ""
    for part in parts:
        text += part if not text or text.endswith("。") else " " + part
    return text


def _rows_html(block: Block, size: float) -> str:
    with_previous = block.kind == "targets" and any(r.previous for r in block.rows)
    names = [translate("Briefing", "Indicator"), translate("Briefing", "Value")]
    if with_previous:  # lupdate cannot see translate() inside f-strings: keep it outside
        previous = str(block.year - 1) if block.year else ""
        names.append(translate("Briefing", "%1 result").replace("%1", previous).strip())
    head = '<tr style="background-color:#e6e6e6">' + "".join(f'<th align="left">{escape(n)}</th>' for n in names)
    body = "".join(
        f"<tr><td>{escape(r.indicator)}</td><td><b>{escape(r.value)}</b></td>"
        + (f"<td>{escape(r.previous or '—')}</td>" if with_previous else "")
        + "</tr>"
        for r in block.rows
    )
    return (
        f'<table width="100%" border="0.5" cellspacing="0" cellpadding="{size * 0.25:.1f}"'
        f' style="border-color:#888888; border-style:solid">{head}</tr>{body}</table>'
    )


def _list_html(block: Block) -> str:
    named = block.heading and block.kind != "items"  # an "items" block already carries it as its title
    heading = f'<p style="color:#555555; margin:0">{escape(block.heading)}</p>' if named else ""
    items = "".join(f"<li>{escape(line)}</li>" for line in block.lines)
    return f'{heading}<ol style="margin-top:0.2em; margin-bottom:0; -qt-list-indent:1">{items}</ol>'


def _block_html(block: Block, size: float, chart_size: tuple[float, float]) -> str:
    content = BLOCKS[block.kind].content
    if content == "rows":
        return _rows_html(block, size)
    if content == "figure":
        width, height = chart_size
        legend = escape(translate("Briefing", "≈ about, ≥ at least"))
        return (
            f'<p style="margin:0"><img src="{CHART_URL}" width="{width:.0f}" height="{height:.0f}"></p>'
            f'<p style="margin:0; color:#555555; font-size:{size * 0.8:.1f}pt">{legend}</p>'
        )
    if content == "list":
        return _list_html(block)
    if content == "quote":
        role = f'<span style="color:#555555">{escape(block.role)}</span>' if block.role else ""
        return f'<p style="margin:0 0 0.3em 0"><b>{escape(block.speaker)}</b> {role}：“{escape(block.lines[0])}”</p>'
    if content == "words":
        return f'<p style="margin:0">{escape(" · ".join(block.lines))}</p>'
    return "".join(f'<p style="margin:0 0 0.3em 0; text-indent:2em">{escape(line)}</p>' for line in block.lines)


def briefing_html(briefing: Briefing, fitted: Fitted, chart_size: tuple[float, float]) -> str:
    """The page body as HTML (every piece of report text escaped)."""
    size = fitted.size
    h2 = f'style="font-size:{size * 1.15:.1f}pt; margin-top:0.7em; margin-bottom:0.25em; color:#000000"'
    out = [f'<h1 style="font-size:{size * 1.6:.1f}pt; margin:0">{escape(briefing.title)}</h1>']
    if briefing.subtitle:
        out.append(f'<p style="color:#555555; margin-top:0.2em">{escape(briefing.subtitle)}</p>')
    blocks = fitted.blocks
    side_by_side = [b for b in blocks if b.kind in ("tasks", "achievements")]
    shown_quotes_title = False
    for block in blocks:
        if block.kind in ("tasks", "achievements") and len(side_by_side) == 2:
            if block is side_by_side[0]:
                cells = "".join(
                    f'<td width="50%" valign="top"><h2 {h2}>{escape(block_title(b))}</h2>{_list_html(b)}</td>'
                    for b in side_by_side
                )
                out.append(f'<table width="100%" cellspacing="0" cellpadding="0"><tr>{cells}</tr></table>')
            continue
        if block.kind == "quote":
            if not shown_quotes_title:
                out.append(f"<h2 {h2}>{escape(block_title(block))}</h2>")
                shown_quotes_title = True
        else:
            out.append(f"<h2 {h2}>{escape(block_title(block))}</h2>")
        out.append(_block_html(block, size, chart_size))
    if fitted.omitted:
        out.append(f'<p style="color:#555555; margin-top:0.8em"><i>{escape(fitted.omitted)}</i></p>')
    return "".join(out)


class BriefingPage:
    """Lays a briefing out for one device and paints it."""

    def __init__(self, briefing: Briefing, device: QPagedPaintDevice, family: str) -> None:
        self.briefing = briefing
        self.device = device
        self.family = family
        self.dpi = device.logicalDpiY()
        layout = device.pageLayout()
        self.page = QRectF(layout.paintRectPixels(self.dpi))
        small = self._font(8.0)
        band = QFontMetricsF(small, device).height() * 2.2
        self.body = QRectF(0, band, self.page.width(), self.page.height() - 2 * band)
        self.fitted, self.document = self._fit()

    def _font(self, size: float) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(size)
        font.setFeature(QFont.Tag("liga"), 0)  # a ligature glyph ("fi") has no text behind it in the PDF
        return font

    def _chart_size(self, size: float, block: Block | None) -> tuple[float, float]:
        """Room for the chart in HTML pixels, which QTextDocument scales by the device's dpi / 96."""
        rows = len(block.figure.labels) if block and block.figure else 0
        css_pixels = 96 / self.dpi
        em = size * self.dpi / 72
        return self.body.width() * 0.92 * css_pixels, em * (CHART_ROW_EM * rows + 0.6) * css_pixels

    def _document(self, fitted: Fitted) -> QTextDocument:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(self.device)
        document.setDefaultFont(self._font(fitted.size))
        document.setDocumentMargin(0)
        document.setTextWidth(self.body.width())
        placeholder = QImage(1, 1, QImage.Format.Format_ARGB32)
        placeholder.fill(Qt.GlobalColor.transparent)
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL), placeholder)
        chart = next((b for b in fitted.blocks if b.kind == "chart"), None)
        document.setHtml(briefing_html(self.briefing, fitted, self._chart_size(fitted.size, chart)))
        return document

    def _fits(self, blocks: tuple[Block, ...], shortened: int = 0) -> tuple[Fitted, QTextDocument] | None:
        note = omitted_note(self.briefing, blocks, shortened)
        for size in SIZES_PT:
            fitted = Fitted(size, blocks, note)
            document = self._document(fitted)
            if document.size().height() <= self.body.height():
                return fitted, document
        return None

    def _fit(self) -> tuple[Fitted, QTextDocument]:
        blocks = self.briefing.blocks
        droppable = sorted((b for b in blocks if b.priority > ALWAYS_KEPT), key=lambda b: -b.priority)
        for count in range(len(droppable) + 1):
            kept = tuple(b for b in blocks if b not in droppable[:count])
            found = self._fits(kept)
            if found:
                return self._refill(found, droppable[:count])
        kept, shortened = tuple(b for b in blocks if b.priority <= ALWAYS_KEPT), 0
        while True:  # the essentials alone overflow: shorten the longest list or table, a line at a time
            longest = max(kept, key=lambda b: len(b.lines) + len(b.rows))
            if len(longest.lines) + len(longest.rows) <= 1:
                break
            shorter = replace(longest, lines=longest.lines[:-1], rows=longest.rows[:-1])
            kept = tuple(shorter if b is longest else b for b in kept)
            shortened += 1
            found = self._fits(kept, shortened)
            if found:
                return found
        fitted = Fitted(SIZES_PT[-1], kept, omitted_note(self.briefing, kept, shortened))
        return fitted, self._document(fitted)  # one line per block still too much: cannot happen on A4

    def _refill(self, found: tuple[Fitted, QTextDocument], dropped: list[Block]) -> tuple[Fitted, QTextDocument]:
        """Put back, most important first, dropped blocks that still fit (a short list after a long one)."""
        for block in reversed(dropped):
            kept = tuple(b for b in self.briefing.blocks if b in found[0].blocks or b is block)
            found = self._fits(kept) or found
        return found

    def paint(self, painter: QPainter, printed_on: QDate | None = None) -> None:
        """Header, body, chart and footer, in device pixels inside the page margins."""
        painter.save()
        self._paint_bands(painter, printed_on or QDate.currentDate())
        painter.translate(self.body.topLeft())
        self.document.drawContents(painter)
        chart = next((b for b in self.fitted.blocks if b.kind == "chart"), None)
        rect = self._chart_rect()
        if chart is not None and chart.figure is not None and rect is not None:
            paint_bars(painter, rect, chart.figure, self._font(self.fitted.size * 0.9), self.dpi)
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
    path: str, briefing: Briefing, page_size: QPageSize, family: str, margins: QMarginsF = MARGINS_MM
) -> Fitted:
    """Write the briefing as a one-page PDF (text as text, fonts embedded) with ``margins`` in millimetres;
    returns how it was fitted."""
    writer = QPdfWriter(path)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(QPageLayout(page_size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter))
    label = translate("Briefing", "Briefing")
    writer.setTitle(f"{briefing.title} — {label}")
    writer.setCreator("jcviewer")
    page = BriefingPage(briefing, writer, family)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        page.paint(painter)
    finally:
        painter.end()
    repair_text_layer(Path(path), briefing, family)
    return page.fitted


def repair_text_layer(pdf: Path, briefing: Briefing, family: str) -> None:
    """Make the PDF's text read as drawn (``pdf_text_layer``): radicals a CJK font shares glyphs with become the
    ideographs, but for any the briefing really holds."""
    data = pdf.read_bytes()
    fixed = fix_text_layer(data, _shared_ideographs(family), keep=str(asdict(briefing)))
    if fixed != data:
        pdf.write_bytes(fixed)


@cache
def _shared_ideographs(family: str) -> dict[int, int]:
    bold = QFont(family)
    bold.setBold(True)
    return shared_ideographs([QRawFont.fromFont(QFont(family)), QRawFont.fromFont(bold)])
