"""A page's regions → blocks in reading order: paragraphs, subheads, headline line groups, captions, furniture."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from jcviewer.model.parse.layout import ends_sentence
from jcviewer.model.pdf.geometry import Line, Region, first_word
from jcviewer.model.pdf.kinds import (
    LineKind,
    PageStyle,
    bold_text,
    caption_evidence,
    digitless,
    ends_short,
    line_kind,
)
from jcviewer.model.pdf.page import Block, BlockKind, Rect
from jcviewer.model.pdf.xycut import cell_right

BLOCK_KINDS: dict[LineKind, BlockKind] = {
    "body": "paragraph",
    "heading": "subhead",
    "caption": "caption",
    "furniture": "furniture",
}

PARAGRAPH_SPACE = 0.3
"""Extra white over a body line, in its ems beyond its column's usual line step, that starts a paragraph."""


@dataclass(frozen=True, slots=True)
class Piece:
    """A block as the page shows it, with what joining it to its neighbours needs."""

    block: Block  # a heading is a "subhead" until the article reader makes it a headline
    frame: Rect  # the column (or band) it was set in
    open_end: bool = False  # a paragraph whose last line runs to the column's edge: it may go on elsewhere
    by_font: bool = False  # a caption known only by its font
    vertical: bool = False  # a heading read top to bottom
    row: bool = False  # a table's row: a paragraph of its own, joined to nothing

    @property
    def kind(self) -> BlockKind:
        return self.block.kind

    @property
    def size(self) -> float:
        return max(line.size for line in self.block.lines)

    @property
    def rect(self) -> Rect:
        box = self.block.lines[0].rect
        for line in self.block.lines[1:]:
            box = box.union(line.rect)
        return box


def page_pieces(regions: Sequence[Region], style: PageStyle, edges: frozenset[str]) -> list[Piece]:
    """The page's blocks in reading order (``edges``: running header and footer texts, digits blanked)."""
    pieces: list[Piece] = []
    for region in regions:
        if region.table:
            pieces += (Piece(Block("paragraph", (line.text_line,)), region.frame, row=True) for line in region.lines)
            continue
        kinds = [_kind(line, region.frame, style, edges) for line in region.lines]
        _fill_captions(kinds)
        _bold_heads(region, kinds, style)
        for piece in _region_pieces(region, kinds, style):
            if pieces and _one_heading(pieces[-1], piece):
                pieces[-1] = Piece(Block("subhead", pieces[-1].block.lines + piece.block.lines), piece.frame)
            else:
                pieces.append(piece)
    return pieces


def _one_heading(above: Piece, below: Piece) -> bool:
    """Whether two heading lines of one size, one set right under the other, are one heading broken in two."""
    if above.kind != "subhead" or below.kind != "subhead" or above.vertical or below.vertical:
        return False
    upper, lower = above.block.lines[-1], below.block.lines[0]
    same = abs(upper.size - lower.size) <= 0.05 * upper.size and upper.page == lower.page
    overlap = upper.rect.x0 < lower.rect.x1 and lower.rect.x0 < upper.rect.x1
    step = (lower.rect.y0 + lower.rect.y1 - upper.rect.y0 - upper.rect.y1) / 2
    return same and overlap and 0.5 * upper.size <= step <= 1.6 * upper.size


def _kind(line: Line, frame: Rect, style: PageStyle, edges: frozenset[str]) -> LineKind:
    rect, height = line.text_line.rect, style.page.height
    at_edge = rect.y1 <= 0.1 * height or rect.y0 >= 0.9 * height
    if at_edge and digitless(line.text_line.text) in edges:
        return "furniture"
    return line_kind(line, frame, style)


def _fill_captions(kinds: list[LineKind]) -> None:
    """Body lines between two caption lines of one region are the caption's middle."""
    marks = [index for index, kind in enumerate(kinds) if kind == "caption"]
    for first, last in zip(marks, marks[1:], strict=False):
        if all(kind == "body" for kind in kinds[first + 1 : last]):
            kinds[first + 1 : last] = ["caption"] * (last - first - 1)


def _bold_heads(region: Region, kinds: list[LineKind], style: PageStyle) -> None:
    """A run of bold body lines ending short of the column's edge is a subhead broken over lines."""
    start = 0
    lines = region.lines
    while start < len(lines):
        end = start
        while end < len(lines) and kinds[end] in ("body", "heading") and bold_text(lines[end], style):
            end += 1
        if end > start + 1 and ends_short(lines[end - 1], region.frame):
            kinds[start:end] = ["heading"] * (end - start)
        start = max(end, start + 1)


def _region_pieces(region: Region, kinds: list[LineKind], style: PageStyle) -> list[Piece]:
    pieces: list[Piece] = []
    run: list[Line] = []
    run_kind: LineKind | None = None
    marks = paragraph_marks(region, kinds)

    def flush(closed: bool) -> None:
        if run and run_kind is not None:
            pieces.append(_piece(run_kind, run, style, marks, closed))
        run.clear()

    for line, kind in zip(region.lines, kinds, strict=True):
        if run and not _continues(run, run_kind, line, kind, marks):
            flush(closed=kind == run_kind)
        run.append(line)
        run_kind = kind
    flush(closed=False)
    return pieces


@dataclass(frozen=True, slots=True)
class ParagraphMarks:
    """How a column marks where its paragraphs start: by indents, else by a short last line (justified text); in
    any column, by extra white above them."""

    frame: Rect
    indents: bool  # some body line is indented: an indent starts every paragraph
    pitch: float  # the usual step from one body line to the next

    def ends(self, last: Line, following: Line | None = None) -> bool:
        """Whether a paragraph ends with ``last`` if ``following`` (the line after it, if known) is not indented.

        In a column of indented paragraphs only a short line ending a sentence may end one (a ragged-right line
        stops short anywhere); else a short line does, short meaning with room left for the next line's first
        word."""
        if self.indents:
            return ends_short(last, self.frame) and ends_sentence(last.text_line.text)
        if following is None:
            return ends_short(last, self.frame)
        room = self.frame.x1 - cell_right(last.chars[-1])
        return room >= first_word(following)

    def parted(self, last: Line, line: Line) -> bool:
        """Whether ``line`` stands apart from ``last`` above it: indented, after a paragraph's end, or under extra
        white."""
        if line.text_line.indented or self.ends(last, line):
            return True
        step = line.text_line.rect.y0 - last.text_line.rect.y0
        return self.pitch > 0 and step > self.pitch + PARAGRAPH_SPACE * last.text_line.size


def paragraph_marks(region: Region, kinds: Sequence[LineKind]) -> ParagraphMarks:
    """How the region's column marks its paragraphs."""
    body = [line for line, kind in zip(region.lines, kinds, strict=True) if kind == "body"]
    steps = [below.text_line.rect.y0 - above.text_line.rect.y0 for above, below in zip(body, body[1:], strict=False)]
    pitch = statistics.median_low(steps) if steps else 0.0
    return ParagraphMarks(region.frame, any(line.text_line.indented for line in body), pitch)


def _continues(run: list[Line], run_kind: LineKind | None, line: Line, kind: LineKind, marks: ParagraphMarks) -> bool:
    """Whether ``line`` goes on the block of ``run``."""
    if kind != run_kind or kind == "furniture":
        return False
    last = run[-1]
    if abs(_centre(line) - _centre(last)) < 0.5 * last.text_line.size:
        return False  # beside it on the same row (two captions side by side): a block of its own
    if kind == "body":
        return not marks.parted(last, line)
    if kind == "heading":
        if line.vertical or last.vertical:
            return False
        return abs(line.text_line.size - last.text_line.size) <= 0.1 * last.text_line.size
    return True


def _centre(line: Line) -> float:
    return (line.text_line.rect.y0 + line.text_line.rect.y1) / 2


def _piece(kind: LineKind, lines: list[Line], style: PageStyle, marks: ParagraphMarks, closed: bool) -> Piece:
    """The block of ``lines``; ``closed``: a paragraph known to end where the next one of its column starts."""
    frame = marks.frame
    block = Block(BLOCK_KINDS[kind], tuple(line.text_line for line in lines))
    if kind == "body":
        return Piece(block, frame, open_end=not closed and not marks.ends(lines[-1]))
    if kind == "caption":
        return Piece(block, frame, by_font=all(caption_evidence(line, frame, style) == "font" for line in lines))
    return Piece(block, frame, vertical=any(line.vertical for line in lines))
