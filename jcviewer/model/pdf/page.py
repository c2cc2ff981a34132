"""The vocabulary of the PDF path: rectangles, characters, lines, blocks and articles (plain frozen data).

Coordinates are PDF points with the origin at the page's top left and y growing downwards (as the page is read
and drawn on screen); pdfium's bottom-left origin is turned round once, when characters are extracted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned rectangle on a page, in points, top-left origin."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def union(self, other: Rect) -> Rect:
        """The smallest rectangle holding both."""
        return Rect(min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1), max(self.y1, other.y1))


@dataclass(frozen=True, slots=True)
class Char:
    """One printed character of a page's text layer."""

    text: str  # one character, normalised (a radical or compatibility ideograph read as its ideograph)
    rect: Rect  # its box on the page
    size: float  # the real font size in points: the font size times the text matrix's scale
    font: str  # the font's base name, without a subset prefix ("ABCDEF+")
    bold: bool  # from the font's name or weight (黑, 大标宋, Bold, …)
    vertical: bool = False  # set vertically (竖排): the character's text direction is turned a quarter


@dataclass(frozen=True)
class PageChars:
    """A page as extracted: its size, its characters in the PDF's drawing order, and its pictures."""

    number: int  # 0-based
    width: float
    height: float
    chars: tuple[Char, ...]
    figures: tuple[Rect, ...] = ()  # photos and the grey frames standing for them (images, large filled paths)
    text_objects: int = 0  # text objects on the page: many objects but hardly any characters = a lost encoding


@dataclass(frozen=True)
class TextLine:
    """One printed line of one column (or one headline line), its characters joined."""

    text: str  # as printed, spaces only where the page leaves a word gap in Latin text
    rect: Rect
    page: int  # 0-based
    size: float  # the line's font size in points (median of its characters)
    bold: bool
    indented: bool = False  # starts a paragraph: set in from its column's left edge


BlockKind = Literal["headline", "subhead", "paragraph", "caption", "furniture"]


@dataclass(frozen=True)
class Block:
    """Lines read together: one paragraph, one subhead, one headline line group, one caption, one piece of page
    furniture (masthead, date line, page number, banner)."""

    kind: BlockKind
    lines: tuple[TextLine, ...]

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)


@dataclass(frozen=True)
class Article:
    """One article of the page (or a whole document over many pages), in reading order."""

    headline: tuple[Block, ...]  # the headline block's lines as printed: 引题, 主题, 副题 (may be empty)
    flow: tuple[Block, ...]  # paragraphs and subheads in reading order
    captions: tuple[Block, ...] = ()


@dataclass(frozen=True)
class PdfLayout:
    """A PDF read as articles: what ``parse`` turns into a Report."""

    pages: tuple[tuple[float, float], ...]  # each page's width and height in points
    articles: tuple[Article, ...]
    furniture: tuple[Block, ...] = ()  # page furniture and banners, kept out of the articles
    doubts: tuple[str, ...] = ()  # what the geometry was unsure of, one line each (become parse warnings)
