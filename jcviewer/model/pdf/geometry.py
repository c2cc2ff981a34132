"""A page's characters → its leaf regions in reading order (``xycut``) → printed lines in each (pure geometry).

Inside a leaf region (one column, or one band) characters are grouped into rows by their vertical centres and
read left to right; a strip of heading characters far taller than wide, characters set vertically, or a stack of
single large characters one under another read top to bottom as one line.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from jcviewer.model.pdf.page import Char, PageChars, Rect, TextLine
from jcviewer.model.pdf.xycut import HEADING_SCALE, Cutter

HEADLINE_SCALE = 1.8
"""A headline's characters are at least this many times the body size."""

INDENT = 1.5
"""A line set in this many of its ems from the column's left edge starts a paragraph."""

SPLIT_GAP = 1.5
"""A white gap this many ems wide inside one row of a leaf region parts two lines (a masthead and its date line,
two captions side by side)."""

WORD_GAP = 0.25
"""A gap this many ems wide before a Latin letter or digit (after another, or after a stop or comma) is a word
space."""


@dataclass(frozen=True, slots=True)
class Line:
    """A printed line with the characters it was built from (classification reads their fonts)."""

    chars: tuple[Char, ...]
    text_line: TextLine
    vertical: bool = False  # read top to bottom


@dataclass(frozen=True, slots=True)
class Region:
    """A leaf of the XY-cut: one column (or a piece of one) or one band, and the column frame it sits in."""

    frame: Rect  # the column's edges (left edge for indents, right edge for short lines)
    lines: tuple[Line, ...]
    table: bool = False  # a table's columns read together: each line a row of cells


def body_size(chars: Sequence[Char]) -> float:
    """The page's body size: the median character size (each character counts once)."""
    if not chars:
        return 0.0
    return float(statistics.median_low(sorted(char.size for char in chars)))


def page_regions(page: PageChars, body: float) -> tuple[Region, ...]:
    """The page's leaf regions in reading order, each with its lines."""
    if not page.chars:
        return ()
    cutter = Cutter(page.chars, body, page.height)
    regions = (Region(frame, _lines(cutter, leaf, frame, page.number)) for leaf, frame in cutter.run())
    return tuple(region for region in regions if region.lines)


def _lines(cutter: Cutter, leaf: list[int], frame: Rect, page: int) -> tuple[Line, ...]:
    """A leaf's characters as lines, top to bottom; a stack of single large characters reads as one line."""
    chars = cutter.chars
    if cutter.standing(leaf):
        columns = _vertical_columns([chars[index] for index in leaf], lambda char: True)
        return tuple(_line(column, frame, page, vertical=True) for column in reversed(columns))
    centre, low = cutter.cy, cutter.bottom
    upright = sorted((index for index in leaf if not cutter.vertical[index]), key=centre.__getitem__)
    rows: list[list[int]] = []
    bottom = float("-inf")
    for index in upright:
        if rows and centre[index] <= bottom:
            rows[-1].append(index)
            bottom = max(bottom, low[index])
        else:
            rows.append([index])
            bottom = low[index]
    heading = HEADING_SCALE * cutter.body  # from this size a line's phrases keep the space between them
    lines = [
        _line([chars[index] for index in part], frame, page, phrases_from=heading)
        for row in rows
        for part in _row_parts(cutter, row)
    ]
    lines = _stacks(lines, frame, HEADLINE_SCALE * cutter.body)
    turned = [chars[index] for index in leaf if cutter.vertical[index]]
    lines.extend(_line(column, frame, page, vertical=True) for column in _vertical_columns(turned, _turned))
    lines.sort(key=lambda line: (line.text_line.rect.y0, line.text_line.rect.x0))
    return tuple(lines)


def _row_parts(cutter: Cutter, row: list[int]) -> list[list[int]]:
    """A row's characters left to right, parted at gaps far wider than a word space."""
    x0, x1, size = cutter.x0, cutter.x1, cutter.size
    row.sort(key=x0.__getitem__)
    parts = [[row[0]]]
    for previous, index in zip(row, row[1:], strict=False):
        if x0[index] - x1[previous] > SPLIT_GAP * max(size[index], size[previous]):
            parts.append([index])
        else:
            parts[-1].append(index)
    return parts


def _turned(char: Char) -> bool:
    return char.vertical


def _vertical_columns(chars: Sequence[Char], chosen: Callable[[Char], bool]) -> list[list[Char]]:
    """The chosen characters grouped into columns by their horizontal extent, left to right, each read top to
    bottom."""
    vertical = sorted((char for char in chars if chosen(char)), key=lambda char: char.rect.x0 + char.rect.x1)
    columns: list[list[Char]] = []
    for char in vertical:
        if columns and char.rect.x0 < columns[-1][-1].rect.x1:
            columns[-1].append(char)
        else:
            columns.append([char])
    for column in columns:
        column.sort(key=lambda char: char.rect.y0)
    return columns


def _stacks(lines: list[Line], frame: Rect, least: float) -> list[Line]:
    """Runs of one-character lines of the same large size set one under another → one vertical line."""
    merged: list[Line] = []
    run: list[Line] = []

    def flush() -> None:
        if len(run) >= 2:
            chars = [char for line in run for char in line.chars]
            merged.append(_line(chars, frame, run[0].text_line.page, vertical=True))
        else:
            merged.extend(run)
        run.clear()

    for line in lines:
        if run and not _stacks_on(run[-1], line):
            flush()
        if len(line.chars) == 1 and _wide(line.chars[0].text) and line.chars[0].size >= least:
            run.append(line)
        else:
            flush()
            merged.append(line)
    flush()
    return merged


def _stacks_on(above: Line, below: Line) -> bool:
    upper, lower = above.chars[0], below.chars[0]
    if len(below.chars) != 1 or abs(upper.size - lower.size) > 0.1 * upper.size:
        return False
    same_x = abs(upper.rect.x0 - lower.rect.x0) < 0.3 * upper.size
    return same_x and lower.rect.y0 - upper.rect.y1 < 0.8 * upper.size


def _line(chars: list[Char], frame: Rect, page: int, vertical: bool = False, phrases_from: float = math.inf) -> Line:
    rects = [char.rect for char in chars]
    box = Rect(
        min(rect.x0 for rect in rects),
        min(rect.y0 for rect in rects),
        max(rect.x1 for rect in rects),
        max(rect.y1 for rect in rects),
    )
    sizes = [char.size for char in chars]
    size = sizes[0] if min(sizes) == max(sizes) else float(statistics.median_low(sorted(sizes)))
    bold = 2 * sum(char.bold for char in chars) > len(chars)
    indented = not vertical and chars[0].rect.x0 - frame.x0 >= INDENT * size
    text_line = TextLine(_text(chars, vertical, size >= phrases_from), box, page, size, bold, indented)
    return Line(tuple(chars), text_line, vertical)


SOLID = 0.05
"""A heading whose characters stand at most this many ems apart is set solid ..."""
PHRASE_GAP = 0.2
"""... and in it a gap of this many ems parts two phrases ("向新而行 以质取胜": a space, as printed)."""


def _text(chars: Sequence[Char], vertical: bool, heading: bool = False) -> str:
    """Characters joined; a space where Latin letters or digits stand a real word gap apart, and in a ``heading``
    set solid where a gap parts two phrases (a letter-spaced heading's spread is no space)."""
    if vertical or len(chars) < 2:
        return "".join(char.text for char in chars)
    gaps = [char.rect.x0 - previous.rect.x1 for previous, char in zip(chars, chars[1:], strict=False)]
    solid = heading and statistics.median(gaps) <= SOLID * chars[0].size
    parts = [chars[0].text]
    for previous, char, gap in zip(chars, chars[1:], gaps, strict=False):
        latin = (_latin(previous.text) or previous.text in ".,;:!?%") and _latin(char.text)
        if (latin and gap >= WORD_GAP * char.size) or (solid and gap >= PHRASE_GAP * char.size):
            parts.append(" ")
        parts.append(char.text)
    return "".join(parts)


def first_word(line: Line) -> float:
    """The room the line's first word needs at the end of the line above: a Latin word and the space before it,
    or a CJK character's em (less a tenth: justified text is set a little loose or tight)."""
    chars = line.chars
    if not chars[0].text.isascii():
        return 0.9 * line.text_line.size
    end = chars[0]
    for char in chars[1:]:
        if not char.text.isascii() or char.rect.x0 - end.rect.x1 >= WORD_GAP * char.size:
            break
        end = char
    return end.rect.x1 - chars[0].rect.x0 + WORD_GAP * line.text_line.size


def _latin(text: str) -> bool:
    return text.isascii() and text.isalnum()


def _wide(text: str) -> bool:
    return not text.isascii()
