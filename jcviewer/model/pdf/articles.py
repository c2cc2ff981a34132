"""Blocks → articles in reading order: each headline opens an article, the flow after it is its body, paragraphs
go on across columns and pages, captions join the article nearest them, furniture stays out (``read_layout``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from jcviewer.model.pdf.blocks import PARAGRAPH_SPACE, Piece, page_pieces
from jcviewer.model.pdf.geometry import Line, Region, body_size, page_regions
from jcviewer.model.pdf.kinds import PageStyle, page_style, repeated_edges
from jcviewer.model.pdf.page import Article, Block, PageChars, PdfLayout, Rect
from jcviewer.model.pdf.tables import read_tables

PARAGRAPH_WHITE = 1.5
"""White under a paragraph, in its ems, up to which the paragraph under it is the next one of its column (wider
white holds a picture or parts articles: a paragraph may go on under it)."""

DOUBT_EXCERPT = 30
"""Characters of the text concerned quoted in a doubt."""


@dataclass
class _Draft:
    """An article being gathered."""

    headline: list[Piece] = field(default_factory=list)
    flow: list[Piece] = field(default_factory=list)
    captions: list[Piece] = field(default_factory=list)

    def boxes(self, page: int) -> list[Rect]:
        return [line.rect for piece in self.headline + self.flow for line in piece.block.lines if line.page == page]

    def article(self) -> Article:
        return Article(
            tuple(piece.block for piece in self.headline),
            tuple(piece.block for piece in self.flow),
            tuple(piece.block for piece in self.captions),
        )


def read_layout(pages: Sequence[PageChars]) -> PdfLayout:
    """The pages' articles in reading order, their furniture apart, and what the reading was unsure of."""
    read = [_read_page(page) for page in pages]
    edges = repeated_edges(
        [(style.page.number, line.text_line.text) for style, regions in read for line in _edge_lines(regions, style)],
        len(pages),
    )
    reader = _Reader()
    for style, regions in read:
        reader.read_page(page_pieces(regions, style, edges), style)
    return PdfLayout(
        tuple((page.width, page.height) for page in pages),
        tuple(draft.article() for draft in reader.drafts),
        tuple(reader.furniture),
        tuple(reader.doubts),
    )


class _Reader:
    """Walks the pages' blocks in reading order and deals them into articles."""

    def __init__(self) -> None:
        self.drafts: list[_Draft] = []
        self.furniture: list[Block] = []
        self.doubts: list[str] = []
        self.current: _Draft | None = None

    def read_page(self, pieces: list[Piece], style: PageStyle) -> None:
        first = len(self.drafts)
        captions: list[Piece] = []
        opened = False
        text_bottom = max((piece.rect.y1 for piece in pieces if piece.kind == "paragraph"), default=0.0)
        for index, piece in enumerate(pieces):
            following = pieces[index + 1] if index + 1 < len(pieces) else None
            if _bottom_furniture(piece, style, text_bottom):
                self.furniture.append(Block("furniture", piece.block.lines))
                continue
            if piece.kind in ("paragraph", "subhead") and self._apart(piece, style):
                self.current = None
            if piece.kind == "furniture" or (not opened and _top_furniture(piece, style, following)):
                self.furniture.append(Block("furniture", piece.block.lines))
            elif piece.kind == "caption":
                captions.append(piece)
            elif piece.kind == "subhead":
                opened = True
                self._heading(piece, following, style)
            else:
                opened = True
                self._paragraph(piece)
        _attach_captions(captions, self.drafts[first:] or self.drafts[-1:], style, self.drafts, self.doubts)
        _note_headless(self.drafts, first, style.page.number, self.doubts)

    def _heading(self, piece: Piece, following: Piece | None, style: PageStyle) -> None:
        current = self.current
        if current is not None and not current.flow and current.headline and _deck(current.headline[-1], piece, style):
            current.headline.append(_as_headline(piece))
        elif self._opens(piece, style) or (
            following is not None
            and following.kind == "subhead"
            and self._opens(following, style)
            and _deck(following, piece, style)
        ):
            self.current = _Draft(headline=[_as_headline(piece)])
            self.drafts.append(self.current)
        else:
            self._flow().flow.append(piece)

    def _opens(self, piece: Piece, style: PageStyle) -> bool:
        """Whether a heading opens an article: headline size, and not a subhead set in the open article's columns
        (under body text of its column, at the top of a column beside the article's body, or within one column
        under all of it)."""
        if piece.size < style.headline and not piece.vertical:
            return False
        current = self.current
        if current is None or piece.size >= max([2.5 * style.body, *(item.size for item in current.headline)]):
            return True  # as large as the open article's headline: the next article's, even in the same column
        page = piece.block.lines[0].page
        heads = [item.rect for item in current.headline if item.block.lines[-1].page == page and not item.vertical]
        body = [item for item in current.flow if item.block.lines[-1].page == page]
        if not body or any(piece.rect.y0 < head.y1 for head in heads):
            return True  # on a new page, or beside the open article's headline
        if any(item.frame == piece.frame and item.rect.y1 <= piece.rect.y0 + 1 for item in body):
            return False
        if not all(item.rect.y1 <= piece.rect.y0 + 1 for item in body):
            return False
        return not any(_within(piece.rect, item.frame, 2 * style.body) for item in body)  # under all, wider: next

    def _apart(self, piece: Piece, style: PageStyle) -> bool:
        """Whether a block stands far beside everything of the open article on its page (another article). An
        article without a headline has nothing to tell it from the next: columns without headlines are one text."""
        if self.current is None or not self.current.flow or not self.current.headline:
            return False  # the first text under a headline is its article's
        page = piece.block.lines[0].page
        near = [item.rect for item in self.current.headline if item.block.lines[0].page == page]
        near += [item.frame for item in self.current.flow if item.block.lines[-1].page == page]
        if not near:
            return False
        frame = piece.frame
        return all(max(box.x0 - frame.x1, frame.x0 - box.x1) > 4 * style.body for box in near)

    def _paragraph(self, piece: Piece) -> None:
        current = self._flow()
        last = current.flow[-1] if current.flow else None
        goes_on = not piece.row and not piece.block.lines[0].indented
        if last is not None and last.kind == "paragraph" and last.open_end and goes_on and not _spaced(last, piece):
            lines = last.block.lines + piece.block.lines
            current.flow[-1] = Piece(Block("paragraph", lines), piece.frame, open_end=piece.open_end)
        else:
            current.flow.append(piece)

    def _flow(self) -> _Draft:
        if self.current is None:
            self.current = _Draft()
            self.drafts.append(self.current)
        return self.current


def _spaced(above: Piece, below: Piece) -> bool:
    """Whether a paragraph starts right under another in its column with more white between them than between
    their lines, and no more than a blank line's: a paragraph of its own, as set without indents."""
    upper, lower = above.block.lines[-1], below.block.lines[0]
    overlap = upper.rect.x0 < lower.rect.x1 and lower.rect.x0 < upper.rect.x1
    if (
        upper.page != lower.page
        or not overlap
        or not 0 <= lower.rect.y0 - upper.rect.y1 <= PARAGRAPH_WHITE * upper.size
    ):
        return False
    steps = _steps(above) + _steps(below)
    usual = [step for step in steps if step > 0]
    return bool(usual) and lower.rect.y0 - upper.rect.y0 > min(usual) + PARAGRAPH_SPACE * upper.size


def _steps(piece: Piece) -> list[float]:
    """The steps down from each of a block's lines to the next."""
    lines = piece.block.lines
    return [below.rect.y0 - above.rect.y0 for above, below in zip(lines, lines[1:], strict=False)]


def _within(rect: Rect, frame: Rect, slack: float) -> bool:
    """Whether ``rect`` lies across no more than the column ``frame`` (give or take ``slack``)."""
    return frame.x0 - slack <= rect.x0 and rect.x1 <= frame.x1 + slack


def _as_headline(piece: Piece) -> Piece:
    return Piece(Block("headline", piece.block.lines), piece.frame, vertical=piece.vertical)


def _deck(headline: Piece, piece: Piece, style: PageStyle) -> bool:
    """Whether a heading is set against a headline line as one headline block (引题 above, 副题 below, or the next
    column of a vertical headline)."""
    a, b = headline.rect, piece.rect
    if headline.vertical or piece.vertical:
        return max(a.x0 - b.x1, b.x0 - a.x1) <= 1.5 * max(headline.size, piece.size) and abs(a.y0 - b.y0) <= style.body
    gap = max(a.y0 - b.y1, b.y0 - a.y1)
    centred = abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2) <= 2 * style.body
    return -0.5 * style.body <= gap <= 2 * style.body and centred


def _bottom_furniture(piece: Piece, style: PageStyle, text_bottom: float) -> bool:
    """A heading line at the page's foot under all its text (a banner slogan)."""
    low = piece.rect.y0 >= 0.88 * style.page.height and piece.rect.y0 >= text_bottom
    return low and piece.kind == "subhead" and len(piece.block.lines) == 1


def _top_furniture(piece: Piece, style: PageStyle, following: Piece | None) -> bool:
    """A heading or caption line at the page's top before its first article (a banner slogan, a running head)."""
    if piece.kind == "paragraph" or piece.rect.y1 > 0.15 * style.page.height or len(piece.block.lines) > 1:
        return False
    if piece.kind == "subhead" and piece.size >= style.headline:
        return False
    return following is not None


def _read_page(page: PageChars) -> tuple[PageStyle, tuple[Region, ...]]:
    body = body_size(page.chars)
    return page_style(page, body), read_tables(page_regions(page, body), body)


def _edge_lines(regions: Sequence[Region], style: PageStyle) -> list[Line]:
    height = style.page.height
    return [
        line
        for region in regions
        for line in region.lines
        if line.text_line.rect.y1 <= 0.1 * height or line.text_line.rect.y0 >= 0.9 * height
    ]


def _attach_captions(
    captions: list[Piece], candidates: list[_Draft], style: PageStyle, drafts: list[_Draft], doubts: list[str]
) -> None:
    """Each caption joins the article of this page whose lines lie nearest it."""
    page = style.page.number
    for caption in captions:
        if caption.by_font:
            doubts.append(doubt(page, "a block read as a caption by its font alone", caption.block.text))
        area = _with_picture(caption.rect, style)
        scored = [(_distance(area, draft.boxes(page)), index) for index, draft in enumerate(candidates)]
        if not scored:
            draft = _Draft()
            drafts.append(draft)
            candidates = [draft]
            scored = [(0.0, 0)]
        candidates[min(scored)[1]].captions.append(caption)


def _with_picture(rect: Rect, style: PageStyle) -> Rect:
    """A caption's box with the picture it is set under or in (the picture tells whose caption it is)."""
    for figure in style.page.figures:
        overlaps = rect.x0 < figure.x1 and figure.x0 < rect.x1
        if overlaps and figure.y0 - style.body <= rect.y0 <= figure.y1 + 2 * style.body:
            rect = rect.union(figure)
    return rect


def _distance(rect: Rect, boxes: list[Rect]) -> float:
    if not boxes:
        return float("inf")
    return min(
        max(box.x0 - rect.x1, rect.x0 - box.x1, 0.0) + max(box.y0 - rect.y1, rect.y0 - box.y1, 0.0) for box in boxes
    )


def _note_headless(drafts: list[_Draft], first: int, page: int, doubts: list[str]) -> None:
    """On a page of several articles, an article without a headline is worth a word."""
    on_page = drafts[first:]
    if len(on_page) > 1:
        for draft in on_page:
            if not draft.headline and draft.flow:
                doubts.append(doubt(page, "an article without a headline", draft.flow[0].block.text))


def doubt(page: int, what: str, text: str) -> str:
    """A doubt as one line: the page (0-based ``page``), what is doubted, and the start of the text concerned."""
    words = " ".join(text.split())
    return f"Page {page + 1}: {what}: {words[:DOUBT_EXCERPT]}{'…' if len(words) > DOUBT_EXCERPT else ''}"
