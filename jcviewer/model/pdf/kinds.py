"""What each printed line is — headline, subhead, caption, furniture or body — from its size, font and place."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from jcviewer.model.pdf.geometry import HEADLINE_SCALE, Line
from jcviewer.model.pdf.page import PageChars, Rect
from jcviewer.model.pdf.xycut import HEADING_SCALE, cell_right

LineKind = Literal["heading", "caption", "body", "furniture"]

MASTHEAD_SCALE = 2.8
"""A short line this many times the body size, the page's first and in its top tenth, is its masthead."""

CAPTION_FONT = re.compile(r"仿宋|楷|fang\s?song|kai(?:ti|shu)|(?:sim|dfkai|biau|u)kai|^fz(?:fs|kt|kai)", re.IGNORECASE)
"""仿宋 and 楷 faces, caption faces beside a 宋 body: by name (FangSong_GB2312, STKaiti, SimKai, …) or by Founder's
codes (FZFSK, FZKTJW, FZKai-Z03, …)."""
SANS_FONT = re.compile(r"黑|hei|sans|gothic|arial|helvetica", re.IGNORECASE)
SERIF_FONT = re.compile(r"宋|song|ming|serif|times", re.IGNORECASE)
CREDIT = re.compile(r"(摄|摄影|供图)\s*[)）]?\s*$|^\s*[(（]?图为")
DATE_LINE = re.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|星期[一二三四五六日天]|第\s*\d+\s*[版期]|[A-Z]\d{1,2}\s*版"
)
PAGE_NUMBER = re.compile(r"^[-—–－·\s(（第]*[\d一二三四五六七八九十]+[-—–－·\s)）页]*$")


@dataclass(frozen=True, slots=True)
class PageStyle:
    """What the page's body text looks like, and where its pictures are."""

    page: PageChars
    body: float  # body size in points
    font: str  # the body's font
    bold: bool  # whether the body font itself prints bold
    top: float  # where the page's first printed line starts

    @property
    def headline(self) -> float:
        return HEADLINE_SCALE * self.body


def page_style(page: PageChars, body: float) -> PageStyle:
    """The body font: the commonest font among the characters of body size."""
    fonts = Counter((char.font, char.bold) for char in page.chars if abs(char.size - body) <= 0.05 * body)
    (font, bold), _ = fonts.most_common(1)[0] if fonts else (("", False), 0)
    top = min((char.rect.y0 for char in page.chars), default=0.0)
    return PageStyle(page, body, font, bold, top)


def line_kind(line: Line, frame: Rect, style: PageStyle) -> LineKind:
    """The line's kind by itself: whether a heading opens an article (a headline) or sits in one (a subhead) is
    for the article reader to say."""
    size = line.text_line.size
    if _furniture(line, style):
        return "furniture"
    if line.vertical or size >= style.headline:
        return "heading"
    if caption_evidence(line, frame, style) is not None:
        return "caption"
    if size >= HEADING_SCALE * style.body or _bold_own_line(line, frame, style):
        return "heading"
    return "body"


def caption_evidence(line: Line, frame: Rect, style: PageStyle) -> str | None:
    """Why the line reads as a caption ("credit": a short line, not a paragraph's first, ending in a credit;
    "figure": under or in a picture; "font": in a caption font), or None."""
    text = line.text_line.text
    if CREDIT.search(text) and ends_short(line, frame) and not line.text_line.indented:
        return "credit"
    font = _font(line)
    unlike_body = font != style.font or line.text_line.size < 0.95 * style.body
    if unlike_body and _by_figure(line.text_line.rect, style):
        return "figure"
    small = line.text_line.size < HEADING_SCALE * style.body and not line.text_line.bold
    if small and font != style.font and _caption_font(font, style.font):
        return "font"
    return None


def _caption_font(font: str, body_font: str) -> bool:
    """仿宋 or 楷 beside another body face, or a sans beside a serif body."""
    if CAPTION_FONT.search(font):
        return not CAPTION_FONT.search(body_font)
    return SANS_FONT.search(font) is not None and SERIF_FONT.search(body_font) is not None


def ends_short(line: Line, frame: Rect) -> bool:
    """Whether the line stops well short of its column's right edge (a paragraph's last line)."""
    return cell_right(line.chars[-1]) < frame.x1 - 0.9 * line.text_line.size


def _font(line: Line) -> str:
    """The line's commonest font."""
    fonts = {char.font for char in line.chars}
    if len(fonts) == 1:
        return fonts.pop()
    return Counter(char.font for char in line.chars).most_common(1)[0][0]


def _bold_own_line(line: Line, frame: Rect, style: PageStyle) -> bool:
    """A bold line at body size or larger standing alone (黑体 heads "一、…" of a work report)."""
    return bold_text(line, style) and (ends_short(line, frame) or SANS_FONT.search(_font(line)) is not None)


def bold_text(line: Line, style: PageStyle) -> bool:
    """Whether the line is set bold at body size or larger on a page whose body is not bold."""
    if style.bold or line.text_line.size < 0.95 * style.body:
        return False
    return sum(char.bold for char in line.chars) >= 0.9 * len(line.chars)


def _by_figure(rect: Rect, style: PageStyle) -> bool:
    """Whether the line sits inside a picture's frame or directly under it."""
    for figure in style.page.figures:
        overlaps = rect.x0 < figure.x1 and figure.x0 < rect.x1
        inside = figure.y0 <= rect.y0 and rect.y1 <= figure.y1 + 0.2 * style.body
        under = 0 <= rect.y0 - figure.y1 <= 1.2 * style.body
        if overlaps and (inside or under) and figure.width > 4 * style.body:
            return True
    return False


def _furniture(line: Line, style: PageStyle) -> bool:
    """Mastheads, date and edition lines and page numbers at the page's top or bottom edge."""
    page, rect, text = style.page, line.text_line.rect, line.text_line.text
    top = rect.y1 <= 0.15 * page.height
    bottom = rect.y0 >= 0.9 * page.height
    if not (top or bottom):
        return False
    if PAGE_NUMBER.match(text) or (DATE_LINE.search(text) and len(text) < 40):
        return True
    masthead = line.text_line.size >= MASTHEAD_SCALE * style.body and len(text) <= 8
    return masthead and rect.y1 <= 0.1 * page.height and rect.y0 <= style.top + 0.5 * line.text_line.size


def repeated_edges(lines: Sequence[tuple[int, str]], pages: int) -> frozenset[str]:
    """Texts (digits blanked) printed at a page edge on several pages: running headers and footers."""
    if pages < 2:
        return frozenset()
    counts = Counter(digitless(text) for _, text in set(lines))
    return frozenset(text for text, count in counts.items() if count >= max(2, pages // 2))


def digitless(text: str) -> str:
    """The text with its digits blanked (page numbers differ between running headers)."""
    return re.sub(r"\d+", "#", text)
