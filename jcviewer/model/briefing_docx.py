"""A briefing as a Word/WPS document (.docx), written with python-docx (Qt-free).

The caller (``jcviewer.ui.briefing_export``) lays the page out as the PDF is laid out and hands over what it
chose: the blocks kept with their titles in the UI language, the note of what was left out, the type size, the
chart as a PNG. This module only writes real Word structures: the title as a Title paragraph, block titles as
Heading 2, a section's sub-headings as Heading 3, tables with a header row, numbered lists, and the page's
header and footer. Every style used names its font for East Asian text too (``w:eastAsia``), which
``font.name`` alone does not, so WPS and Word set the Chinese in the chosen face. Report text is data: python-docx
escapes it, and the characters XML 1.0 cannot hold are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from jcviewer.model.briefing import BLOCKS, Block, Briefing
from jcviewer.model.briefing_text import Unit, speaker_runs

GREY = RGBColor(0x55, 0x55, 0x55)
BLACK = RGBColor(0, 0, 0)
RULE = "888888"
HEADER_FILL = "E6E6E6"
SMALL_PT = 8.0  # header, footer, chart legend: never smaller
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


@dataclass(frozen=True)
class DocxBlock:
    """A block as the page shows it: the block, the heading over it ("" for none: a section's text, a second
    quote) and, for a table, its header row (indicator, value and maybe last year's result)."""

    block: Block
    title: str = ""
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocxChart:
    """The chart drawn as a PNG, its size on the page and the legend line under it."""

    png: bytes
    width_mm: float
    height_mm: float
    legend: str


@dataclass(frozen=True)
class DocxPage:
    """Paper and the body's margins (left, top, right, bottom) in millimetres; the header and footer sit
    ``header_mm``/``footer_mm`` from the paper's edge, inside the top and bottom margins."""

    width_mm: float
    height_mm: float
    margins_mm: tuple[float, float, float, float]
    header_mm: float
    footer_mm: float


@dataclass(frozen=True)
class DocxFonts:
    """Font families: the body, the title and the block headings (an official document's differ)."""

    body: str
    title: str
    headings: str


@dataclass(frozen=True)
class DocxContent:
    """Everything the document shows, every label already in the UI language.

    ``head`` holds the lines under the title (meeting, date and unit, who reported); ``signature`` the lines an
    official document signs with at the end (unit, date); ``header`` and ``footer`` are (left, right) pairs.
    """

    briefing: Briefing
    blocks: tuple[DocxBlock, ...]
    size: float
    fonts: DocxFonts
    page: DocxPage
    head: tuple[str, ...] = ()
    signature: tuple[str, ...] = ()
    omitted: str = ""
    header: tuple[str, str] = ("", "")
    footer: tuple[str, str] = ("", "")
    chart: DocxChart | None = None
    document_title: str = ""


def xml_text(text: str) -> str:
    """``text`` without the control characters (and lone surrogates) that XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)


def write_briefing_docx(path: Path, content: DocxContent) -> None:
    """Write ``content`` as a .docx at ``path`` (OSError if it cannot be written)."""
    document = Document()
    _set_up_page(document, content)
    _set_up_styles(document, content)
    _write_bands(document, content)
    _write_head(document, content)
    _Body(document, content).write()
    if content.signature:
        for number, line in enumerate(content.signature):
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.paragraph_format.space_before = Pt(content.size) if number == 0 else Pt(0)
            _add_run(paragraph, line)
    if content.omitted:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(content.size * 0.8)
        _add_run(paragraph, content.omitted, italic=True, colour=GREY)
    properties = document.core_properties
    properties.title = xml_text(content.document_title or content.briefing.title)
    properties.author = xml_text(content.briefing.unit)
    properties.comments = ""
    properties.last_modified_by = ""
    properties.created = properties.modified = datetime.now().replace(microsecond=0)
    document.save(str(path))


def _set_up_page(document: WordDocument, content: DocxContent) -> None:
    page = content.page
    section = document.sections[0]
    section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
    left, top, right, bottom = page.margins_mm
    section.left_margin, section.top_margin = Mm(left), Mm(top)
    section.right_margin, section.bottom_margin = Mm(right), Mm(bottom)
    section.header_distance, section.footer_distance = Mm(page.header_mm), Mm(page.footer_mm)


def set_east_asian_font(properties: Any, family: str) -> None:
    """Name ``family`` for every script in a run-properties element (``w:rPr``), East Asian text included, and
    drop the theme's fonts, which would win over the names."""
    fonts = properties.get_or_add_rFonts()
    for attribute in _THEME_FONTS:
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), family)


def _set_up_styles(document: WordDocument, content: DocxContent) -> None:
    """Sizes, colours and fonts of every style the document uses; Chinese as the East Asian language."""
    size, fonts, official = content.size, content.fonts, content.briefing.style == "official"
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_east_asian_font(defaults, fonts.body)
    language = defaults.find(qn("w:lang"))
    language.set(qn("w:eastAsia"), "zh-CN")
    styles = document.styles
    sized = {
        "Normal": (fonts.body, size),
        "Title": (fonts.title, size * (1.8 if official else 1.6)),
        "Heading 2": (fonts.headings, size * 1.15),
        "Heading 3": (fonts.body, size * 1.05),
        "List Number": (fonts.body, size),
        "Header": (fonts.body, SMALL_PT),
        "Footer": (fonts.body, SMALL_PT),
    }
    for name, (family, points) in sized.items():
        style = styles[name]
        set_east_asian_font(style.element.get_or_add_rPr(), family)
        style.font.size = Pt(points)
        style.font.color.rgb = GREY if name in ("Header", "Footer") else BLACK
    for name in ("Header", "Footer"):  # right-hand text at the right margin, whatever the paper
        stops = styles[name].paragraph_format.tab_stops
        stops.clear_all()
        stops.add_tab_stop(Mm(_text_width_mm(content)), WD_TAB_ALIGNMENT.RIGHT)
    normal = styles["Normal"].paragraph_format
    normal.space_before, normal.space_after, normal.line_spacing = Pt(0), Pt(size * 0.3), 1.0
    title = styles["Title"]
    title.font.bold = True
    border = title.element.pPr.find(qn("w:pBdr"))
    if border is not None:
        title.element.pPr.remove(border)
    title.paragraph_format.space_after = Pt(size * 0.3)
    for name, before, after in (("Heading 2", 0.7, 0.25), ("Heading 3", 0.5, 0.2)):
        heading = styles[name].paragraph_format
        heading.space_before, heading.space_after = Pt(size * before), Pt(size * after)


def _add_run(
    paragraph: Paragraph, text: str, bold: bool = False, italic: bool = False, colour: RGBColor | None = None
) -> None:
    run = paragraph.add_run(xml_text(text))
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if colour is not None:
        run.font.color.rgb = colour


def _text_width_mm(content: DocxContent) -> float:
    left, _, right, _ = content.page.margins_mm
    return content.page.width_mm - left - right


def _write_bands(document: WordDocument, content: DocxContent) -> None:
    """The page header (the meeting, "Briefing") and footer (source, printed date): left and right."""
    section = document.sections[0]
    for part, (left, right) in ((section.header, content.header), (section.footer, content.footer)):
        paragraph = part.paragraphs[0]
        _add_run(paragraph, left)
        if right:
            paragraph.add_run("\t")
            _add_run(paragraph, right)


_AFTER = {  # what the schema (ECMA-376) puts after each property element this module adds, in its parent
    "w:pBdr": (
        "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
        "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
        "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
        "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
        "w:pPrChange",
    ),
    "w:tblHeader": ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange"),
    "w:shd": (
        "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers",
        "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange",
    ),
}  # fmt: skip


def _put(properties: Any, name: str, element: Any) -> None:
    """Add ``element`` (tag ``name``) to a properties element where the schema's order puts it: Word refuses some
    files whose property elements are out of order."""
    properties.insert_element_before(element, *_AFTER[name])


def _border(paragraph: Paragraph, side: str, eighths: int, space: int) -> None:
    """A grey rule on one ``side`` of ``paragraph``, ``eighths`` of a point wide, ``space`` points from the text."""
    border = OxmlElement("w:pBdr")
    rule = OxmlElement(f"w:{side}")
    for key, value in (("w:val", "single"), ("w:sz", str(eighths)), ("w:space", str(space)), ("w:color", RULE)):
        rule.set(qn(key), value)
    border.append(rule)
    _put(paragraph._p.get_or_add_pPr(), "w:pBdr", border)


def _write_head(document: WordDocument, content: DocxContent) -> None:
    """The mark, the title (and subtitle) and the head's lines; an official document's centred over a rule."""
    briefing = content.briefing
    if briefing.mark:
        _add_run(document.add_paragraph(), briefing.mark, bold=True)
    head: list[Paragraph] = []
    if briefing.show_title:
        head.append(document.add_paragraph(style="Title"))
        _add_run(head[-1], briefing.title)
        if briefing.subtitle:
            head.append(document.add_paragraph())
            _add_run(head[-1], briefing.subtitle, colour=GREY)
    for line in content.head:
        head.append(document.add_paragraph())
        _add_run(head[-1], line, colour=GREY)
    if briefing.style == "official" and head:
        for paragraph in head:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _border(head[-1], "bottom", 6, 4)  # a thin line under the head


SIDE_BY_SIDE = ("tasks", "achievements")  # a briefing's one list of each, next to each other as on the PDF


class _Body:
    """Writes the blocks in order, each under its title, into the document (or a table cell: ``into``)."""

    def __init__(self, document: WordDocument, content: DocxContent) -> None:
        self.document = document
        self.into: WordDocument | _Cell = document
        self.content = content
        self.size = content.size

    def write(self) -> None:
        shown = self.content.blocks
        at = [n for n, b in enumerate(shown) if b.block.kind in SIDE_BY_SIDE]
        paired = at[0] if len(at) == 2 and at[1] == at[0] + 1 else None
        number = 0
        while number < len(shown):
            if number == paired:
                self._side_by_side(shown[number : number + 2])
                number += 2
            else:
                self._block(shown[number])
                number += 1

    def _block(self, shown: DocxBlock) -> None:
        writers = {
            "passage": self._passage,
            "rows": self._table,
            "figure": self._figure,
            "list": self._list,
            "quote": self._quote,
            "words": self._words,
            "text": self._lines,
        }
        if shown.title:
            _add_run(self.into.add_paragraph(style="Heading 2"), shown.title)
        writers[BLOCKS[shown.block.kind].content](shown)

    def _side_by_side(self, pair: tuple[DocxBlock, ...]) -> None:
        """Two blocks in the two cells of a borderless table."""
        table = self.document.add_table(rows=1, cols=len(pair))
        for cell, shown in zip(table.rows[0].cells, pair, strict=True):
            self.into = cell
            self._block(shown)
            cell._tc.remove(cell.paragraphs[0]._p)  # the empty paragraph a new cell starts with
        self.into = self.document

    def _indented(self, text: str) -> Paragraph:
        paragraph = self.into.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Pt(self.size * 2)  # two characters, as Chinese is set
        _add_run(paragraph, text)
        return paragraph

    def _passage(self, shown: DocxBlock) -> None:
        for unit in shown.block.units:
            if unit.kind == "heading":
                _add_run(self.into.add_paragraph(style="Heading 3"), unit.text)
            elif unit.kind == "quote":
                self._quotation(unit)
            else:
                self._indented(unit.text)

    def _set_off(self) -> Paragraph:
        """An empty paragraph indented and ruled on the left, as a quotation is set off."""
        paragraph = self.into.add_paragraph()
        paragraph.paragraph_format.left_indent = Pt(self.size * 2)
        _border(paragraph, "left", 18, 8)
        return paragraph

    def _quotation(self, unit: Unit) -> None:
        """A quotation paragraph set off, its speaker's name (the first time the text writes it) in bold."""
        paragraph = self._set_off()
        for text, bold in speaker_runs(unit):
            _add_run(paragraph, text, bold=bold)

    def _quote(self, shown: DocxBlock) -> None:
        block = shown.block
        paragraph = self._set_off()
        _add_run(paragraph, block.speaker, bold=True)
        if block.role:
            paragraph.add_run(" ")
            _add_run(paragraph, block.role, colour=GREY)
        _add_run(paragraph, f"：“{block.lines[0]}”" if block.lines else "")

    def _table(self, shown: DocxBlock) -> None:
        columns = shown.columns or ("", "")
        with_previous = len(columns) > 2
        table = self.document.add_table(rows=1, cols=len(columns))
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        header = table.rows[0]
        _put(header._tr.get_or_add_trPr(), "w:tblHeader", OxmlElement("w:tblHeader"))  # repeated on a next page
        for cell, name in zip(header.cells, columns, strict=True):
            _shade(cell, HEADER_FILL)
            _add_run(cell.paragraphs[0], name, bold=True)
        for row in shown.block.rows:
            cells = table.add_row().cells
            _add_run(cells[0].paragraphs[0], row.indicator)
            _add_run(cells[1].paragraphs[0], row.value, bold=True)
            if with_previous:
                _add_run(cells[2].paragraphs[0], row.previous or "—")
        for row in table.rows:
            for cell in row.cells:
                cell.paragraphs[0].paragraph_format.space_after = Pt(0)

    def _figure(self, shown: DocxBlock) -> None:
        chart = self.content.chart
        if chart is None:
            return
        self.document.add_picture(BytesIO(chart.png), width=Mm(chart.width_mm), height=Mm(chart.height_mm))
        legend = self.into.add_paragraph()
        run_size = max(SMALL_PT, self.size * 0.8)
        _add_run(legend, chart.legend, colour=GREY)
        for run in legend.runs:
            run.font.size = Pt(run_size)

    def _list(self, shown: DocxBlock) -> None:
        block = shown.block
        if block.heading and block.kind != "items":  # an "items" block carries its heading as its title
            _add_run(self.into.add_paragraph(), block.heading, colour=GREY)
        number = _new_numbering(self.document)
        for line in block.lines:
            paragraph = self.into.add_paragraph(style="List Number")
            numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numbering.get_or_add_ilvl().val = 0
            numbering.get_or_add_numId().val = number
            _add_run(paragraph, line)

    def _words(self, shown: DocxBlock) -> None:
        _add_run(self.into.add_paragraph(), " · ".join(shown.block.lines))

    def _lines(self, shown: DocxBlock) -> None:
        for line in shown.block.lines:
            self._indented(line)


def _shade(cell: Any, fill: str) -> None:
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)):
        shading.set(qn(key), value)
    _put(cell._tc.get_or_add_tcPr(), "w:shd", shading)


def _new_numbering(document: WordDocument) -> int:
    """A numbering of the List Number style's kind that starts again at 1 (each list counts from 1)."""
    numbering = document.part.numbering_part.element
    style_number = document.styles["List Number"].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_number).abstractNumId.val
    number = numbering.add_num(abstract)
    number.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(number.numId)
