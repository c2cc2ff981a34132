"""A PDF → the same Report as a text: its articles, read from the page's geometry (``articles.read_layout``),
become the classified articles the text parser would have found (``parse.assemble``), with where each line is
printed kept as ``Box``es.

The geometry knows what the text parser must guess: a headline or subhead is a line set larger (or bold) where
it stands, a caption is set in another font under its photo, furniture is outside the articles. So the headings
are placed where they are printed, nothing is pushed to the page's end, and the genre logic (quotes, figures,
enumerations) reads the paragraphs as it reads a text's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from jcviewer.model.corrections import Corrections
from jcviewer.model.parse import ArticleLayout, assemble
from jcviewer.model.parse.layout import Line, Unit, ends_sentence
from jcviewer.model.parse.structure import Layout, PlacedHeading
from jcviewer.model.pdf.articles import read_layout
from jcviewer.model.pdf.guard import read_pages
from jcviewer.model.pdf.page import Article, Block, PdfLayout, TextLine
from jcviewer.model.report import BannerPosition, Box, Heading, ParseWarning, Report, compact
from jcviewer.model.vocabulary import Synonyms


def parse_pdf(
    data: bytes,
    source: str = "",
    structure: Corrections | None = None,
    synonyms: Synonyms | None = None,
    where: str = "",
) -> Report:
    """The Report of a PDF's bytes (``source``: its file's name); ReportError naming ``where`` (the file's path;
    by default ``source``) for a PDF that cannot be read (broken, encrypted, scanned, …)."""
    pages = read_pages(data, where or source)
    return report_of_layout(read_layout(pages), source, structure, synonyms)


def report_of_layout(
    layout: PdfLayout, source: str = "", structure: Corrections | None = None, synonyms: Synonyms | None = None
) -> Report:
    """The Report of a page layout read from a PDF."""
    lines = _LineBook()
    articles = [_article_layout(article, lines) for article in layout.articles]
    if articles and layout.articles[0].headline:  # the report is called what its (first) article is headlined
        articles[0].layout.title = articles[0].layout.placed_headings[0].heading.title
    banners = [(lines.add(block.lines), _position(block, layout)) for block in _shown_furniture(layout.furniture)]
    report = assemble(articles, banners, source, structure, synonyms, lines.boxes, layout.pages)
    doubts = tuple(ParseWarning("page_layout", doubt) for doubt in layout.doubts)
    return replace(report, warnings=report.warnings + doubts) if doubts else report


class _LineBook:
    """The printed lines of the PDF numbered in reading order as a text's lines are; each number may stand for
    several printed lines (a headline wrapped over two), whose boxes it keeps."""

    def __init__(self) -> None:
        self._printed: list[tuple[TextLine, ...]] = []

    def add(self, printed: Iterable[TextLine], indented: bool = False, joint: str = "") -> Line:
        """One source line for ``printed`` (joined by ``joint``), numbered next."""
        printed = tuple(printed)
        self._printed.append(printed)
        text = joint.join(line.text for line in printed)
        size = max(line.size for line in printed) or 1.0
        width = max(line.rect.width for line in printed) / size
        return Line(len(self._printed), text, width, False, ends_sentence(text), indented)

    def boxes(self, first: int, last: int, text: str) -> tuple[Box, ...]:
        """The boxes of source lines ``first``…``last``, each starting where its text is found in ``text``."""
        found: list[Box] = []
        compact_text, offsets = _compact_offsets(text)
        cursor = 0
        for printed in self._printed[first - 1 : last]:
            for line in printed:
                needle = compact(line.text)
                at = compact_text.find(needle, cursor) if needle else -1
                if at < 0 and needle:  # printed before an earlier line's text (a headline's 引题 after its 主题)
                    at = compact_text.find(needle)
                if at < 0:
                    at = min(cursor, len(compact_text))
                else:
                    cursor = at + len(needle)
                start = offsets[at] if at < len(offsets) else len(text)
                rect = line.rect
                found.append(Box(line.page, rect.x0, rect.y0, rect.x1, rect.y1, start))
        return tuple(sorted(found, key=lambda box: box.start))  # in text order (a headline's 引题 prints first)


def _compact_offsets(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace, and where each of its characters stands in ``text``."""
    offsets = [i for i, char in enumerate(text) if not char.isspace()]
    return "".join(text[i] for i in offsets), offsets


def _article_layout(article: Article, lines: _LineBook) -> ArticleLayout:
    """An article as the text parser's classified page: headline and subheads placed where they are printed."""
    layout = Layout()
    flow: list[Line] = []
    if article.headline:
        # a headline set over two lines breaks between its phrases (a subhead wraps in its column anywhere)
        headline = [lines.add(block.lines, joint=" ") for block in article.headline]
        flow += headline
        layout.placed_headings.append(PlacedHeading(_headline(article.headline, headline), 0))
    for block in article.flow:
        if block.kind == "subhead":
            line = lines.add(block.lines)
            flow.append(line)
            heading = Heading(line.text, "", (line.number, line.number))
            layout.placed_headings.append(PlacedHeading(heading, len(layout.body)))
        else:
            unit = Unit([lines.add((printed,), printed.indented) for printed in block.lines])
            flow += unit.lines
            layout.body.append(unit)
    for block in article.captions:
        layout.captions.append((Unit([lines.add((printed,)) for printed in block.lines]), False))
    return ArticleLayout(layout, flow)


SAME_SIZE = 0.95
"""Headline lines within this ratio of the largest are set in one size."""


def _headline(blocks: tuple[Block, ...], lines: list[Line]) -> Heading:
    """The headline: its largest line (主题) is the title, the others (引题 above, 副题 below) its subtitle in
    printed order. Three lines of one size (a vertical headline's, often) are 引题, 主题 and 副题: the middle one
    is the title."""
    sizes = [max(printed.size for printed in block.lines) for block in blocks]
    largest = [i for i, size in enumerate(sizes) if size >= SAME_SIZE * max(sizes)]
    main = largest[1] if len(largest) == len(sizes) == 3 else largest[0]
    others = " ".join(line.text for i, line in enumerate(lines) if i != main)
    return Heading(lines[main].text, others, (lines[0].number, lines[-1].number))


def _shown_furniture(furniture: tuple[Block, ...]) -> list[Block]:
    """The furniture worth a banner node: each text once (a running head is printed on every page), page numbers
    (no letter or ideograph: "-2-") left out."""
    seen: set[str] = set()
    shown = []
    for block in furniture:
        text = compact(block.text)
        if text not in seen and any(char.isalpha() for char in text):
            seen.add(text)
            shown.append(block)
    return shown


def _position(block: Block, layout: PdfLayout) -> BannerPosition:
    """Furniture in a page's upper half is a top banner, the rest a bottom one."""
    first = block.lines[0]
    height = layout.pages[first.page][1] if first.page < len(layout.pages) else 0.0
    return "top" if first.rect.y0 < height / 2 else "bottom"
