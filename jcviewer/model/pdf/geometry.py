"""A page's characters → regions (columns and bands) in reading order → printed lines (pure geometry, no fonts).

Gutters are found before any characters are joined: a recursive XY-cut looks for white strips in the projections
of the character boxes (vertical strips across every line of a region are gutters, horizontal bands separate
headline, body and articles). Hanging punctuation (a ，。、 set past a column's right edge into the gutter) is
projected as a point at its left edge, so it neither closes a gutter nor leaves its line. Inside a leaf region
(one column, or one band) characters are grouped into lines by their vertical centres.
"""

from __future__ import annotations

import bisect
import heapq
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from jcviewer.model.pdf.page import Char, PageChars, Rect, TextLine

HANGING = frozenset("，。、．,.；;：:！!？?”’」』）)》〉】〕］｝…%％")
"""Punctuation that may hang past a column's right edge."""

HEADLINE_SCALE = 1.8
"""A headline's characters are at least this many times the body size."""

HEADING_SCALE = 1.15
"""A heading's characters (a subhead's, a headline's deck) are at least this many times the body size."""

GUTTER = 1.2
"""The narrowest gutter between columns, in body ems (the hanging punctuation already left out)."""

MASTHEAD_BAND = 0.06
"""A band starting this high on the page (a share of its height) is the masthead's."""

WORD_SPACE = 0.5
"""The widest word space in a headline, in its ems (two articles' headlines side by side stand further apart)."""

BAND_GAP = 0.8
"""The narrowest white band between regions stacked one above the other, in body ems."""

INDENT = 1.5
"""A line set in this many of its ems from the column's left edge starts a paragraph."""

SPLIT_GAP = 3.0
"""A white gap this many ems wide inside one row of a leaf region parts two lines (a masthead and its date)."""


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


def body_size(chars: Sequence[Char]) -> float:
    """The page's body size: the median character size (each character counts once)."""
    if not chars:
        return 0.0
    return float(statistics.median_low(sorted(char.size for char in chars)))


def page_regions(page: PageChars, body: float) -> tuple[Region, ...]:
    """The page's leaf regions in reading order, each with its lines."""
    if not page.chars:
        return ()
    by_x = sorted(page.chars, key=lambda char: char.rect.x0)
    by_y = sorted(page.chars, key=_top)
    leaves: list[tuple[list[Char], Rect]] = []
    _cut((by_x, by_y), _frame(by_x), (body, MASTHEAD_BAND * page.height), leaves)
    regions = (Region(frame, _lines(chars, frame, page.number, body)) for chars, frame in leaves)
    return tuple(region for region in regions if region.lines)


def cell_right(char: Char) -> float:
    """The right edge of the character's cell: a full-width character fills an em even if its box is narrower."""
    if _wide(char.text):
        return max(char.rect.x1, char.rect.x0 + char.size)
    return char.rect.x1


def _frame(chars: Sequence[Char]) -> Rect:
    left = min(char.rect.x0 for char in chars)
    solid = [cell_right(char) for char in chars if char.text not in HANGING]
    right = max(solid) if solid else max(char.rect.x1 for char in chars)
    return Rect(left, min(char.rect.y0 for char in chars), right, max(char.rect.y1 for char in chars))


def _x_end(char: Char, body: float) -> float:
    """Where the character's projection ends: body punctuation (which may hang) counts as a point."""
    return char.rect.x0 if char.text in HANGING and char.size < HEADING_SCALE * body else char.rect.x1


def _gaps(
    items: Sequence[Char], start: Callable[[Char], float], end: Callable[[Char], float], least: float
) -> list[tuple[float, float]]:
    """White strips at least ``least`` wide between projected intervals (``items`` sorted by ``start``)."""
    gaps: list[tuple[float, float]] = []
    reach = end(items[0])
    for item in items[1:]:
        begin = start(item)
        if begin - reach >= least:
            gaps.append((reach, begin))
        reach = max(reach, end(item))
    return gaps


Part = tuple[list[Char], list[Char]]
"""A region's characters sorted by their left edges and by their tops."""


def _cut(part: Part, frame: Rect, scale: tuple[float, float], out: list[tuple[list[Char], Rect]]) -> None:
    """Split a region at its white strips, recursively; append its leaves in reading order to ``out``.

    Columns (vertical strips) go before bands, except a band of headings on top (a headline narrower than its
    article: its columns would part it); bands of headlines side by side are joined to what is under them again.
    ``scale``: the body size and the lowest line of a masthead band."""
    body, masthead = scale
    by_x, by_y = part
    columns = _columns(part, body)
    y_gaps = _gaps(by_y, _top, _bottom, BAND_GAP * body)
    if columns:
        y_gaps = y_gaps[:1] if y_gaps and _headings_above(by_y, y_gaps[0][0], body) else []
    if y_gaps:
        cuts = [(low + high) / 2 for low, high in y_gaps]
        bands = list(zip(_split(by_x, cuts, _y_key), _split(by_y, cuts, _y_key), strict=True))
        bands = _rows_of_articles(bands, body, masthead)
        if len(bands) > 1:
            for band in bands:
                _cut(band, frame, scale, out)
            return
    if columns:
        for column in _vertical_first(columns, body):
            _cut(column, _frame(column[0]), scale, out)
        return
    out.append((by_y, frame))


def _columns(part: Part, body: float) -> list[Part]:
    """The region parted at its gutters (white strips from top to bottom), or [] without any."""
    by_x, by_y = part
    if not _rows(by_y):
        return []

    def strips(chars: Sequence[Char]) -> list[tuple[float, float]]:
        return _gaps(chars, lambda char: char.rect.x0, lambda char: _x_end(char, body), GUTTER * body)

    gaps = strips(by_x)
    text = [char for char in by_x if char.size < HEADING_SCALE * body]
    if text and len(text) < len(by_x):  # a heading running into a gutter leaves the gutter of the text under it
        spans = _spans([char for char in by_x if char.size >= HEADING_SCALE * body])
        gaps.extend(
            gap
            for gap in strips(text)
            if not _covered(gap, spans) and not any(low < gap[1] and gap[0] < high for low, high in gaps)
        )
        gaps.sort()
    if not gaps:
        return []
    cuts = [(low + high) / 2 for low, high in gaps]
    return list(zip(_split(by_x, cuts, _x_centre), _split(by_y, cuts, _x_centre), strict=True))


def _spans(by_x: Sequence[Char]) -> list[tuple[float, float]]:
    """The characters' horizontal extents merged where they touch or stand a word space apart (``by_x`` sorted by
    left edge)."""
    spans: list[tuple[float, float]] = []
    for char in by_x:
        if spans and char.rect.x0 <= spans[-1][1] + WORD_SPACE * char.size:
            spans[-1] = (spans[-1][0], max(spans[-1][1], char.rect.x1))
        else:
            spans.append((char.rect.x0, char.rect.x1))
    return spans


def _covered(gap: tuple[float, float], spans: list[tuple[float, float]]) -> bool:
    """Whether headings run across the whole gap (a headline over columns: no gutter)."""
    index = bisect.bisect([start for start, _ in spans], gap[0]) - 1
    return index >= 0 and spans[index][1] >= gap[1]


def _rows_of_articles(bands: list[Part], body: float, masthead: float) -> list[Part]:
    """Bands joined again where a band of headlines and the band under it are articles side by side (the white
    band under their headlines is no cut across the page). A band above ``masthead`` is the page's masthead, not
    headlines."""
    rows = [bands[0]]
    for band in bands[1:]:
        if _top(rows[-1][1][0]) > masthead and all(char.size >= HEADING_SCALE * body for char in rows[-1][0]):
            joined = (list(heapq.merge(rows[-1][0], band[0], key=_x_key)), rows[-1][1] + band[1])
            columns = _columns(joined, body)
            if columns and all(_headed(column, body) for column in columns):
                rows[-1] = joined
                continue
        rows.append(band)
    return rows


def _headings_above(by_y: Sequence[Char], cut: float, body: float) -> bool:
    """Whether everything above ``cut`` is set in heading sizes or in one row (a headline narrower than the
    columns under it, a date line over them)."""
    above = [char for char in by_y if _y_key(char) < cut]
    return all(char.size >= HEADING_SCALE * body for char in above) or not _rows(above)


def _headed(part: Part, body: float) -> bool:
    """Whether a region starts with a heading (an article with its headline on top) or is a vertical headline."""
    first = _top(part[1][0])
    on_top = (char for char in part[1] if _top(char) <= first + body)
    return any(char.size >= HEADING_SCALE * body for char in on_top) or _standing(part[0], body)


def _vertical_first(parts: list[Part], body: float) -> list[Part]:
    """Columns of headline characters set right of their body (a vertical headline) read first, right to left,
    before the body's columns (back to the nearest column that starts with a heading of its own)."""
    end = start = len(parts)
    while start > 1 and _standing(parts[start - 1][0], body):
        start -= 1
    if start == end or start == 0:
        return parts
    first = start
    while first > 0 and not _headed(parts[first - 1], body):
        first -= 1
    return parts[:first] + parts[start:][::-1] + parts[first:start]


def _top(char: Char) -> float:
    """The top of the character's em core: loose boxes reach far above and below the glyphs (a font's ascent and
    descent), so bands between lines are measured between the cores."""
    return _y_key(char) - 0.45 * char.size


def _bottom(char: Char) -> float:
    return _y_key(char) + 0.45 * char.size


def _x_key(char: Char) -> float:
    return char.rect.x0


def _x_centre(char: Char) -> float:
    return (char.rect.x0 + char.rect.x1) / 2


def _y_key(char: Char) -> float:
    return (char.rect.y0 + char.rect.y1) / 2


def _split(chars: list[Char], cuts: list[float], key: Callable[[Char], float]) -> list[list[Char]]:
    """Chars dealt into the parts between the cuts, each part keeping the input's order."""
    parts: list[list[Char]] = [[] for _ in range(len(cuts) + 1)]
    for char in chars:
        parts[bisect.bisect(cuts, key(char))].append(char)
    return parts


def _rows(by_y: Sequence[Char]) -> bool:
    """Whether the region holds more than one row (a single row is never cut into columns)."""
    tallest = max(char.size for char in by_y)
    return max(_bottom(char) for char in by_y) - _top(by_y[0]) > 1.6 * tallest


def _lines(chars: list[Char], frame: Rect, page: int, body: float) -> tuple[Line, ...]:
    """A leaf's characters as lines, top to bottom; a stack of single large characters reads as one line."""
    if _standing(chars, body):
        columns = _vertical_columns(chars, lambda char: True)
        return tuple(_line(column, frame, page, vertical=True) for column in reversed(columns))
    upright = sorted((char for char in chars if not char.vertical), key=_y_key)
    rows: list[list[Char]] = []
    bottom = float("-inf")
    for char in upright:
        if rows and _y_key(char) <= bottom:
            rows[-1].append(char)
            bottom = max(bottom, _bottom(char))
        else:
            rows.append([char])
            bottom = _bottom(char)
    lines = [_line(part, frame, page) for row in rows for part in _row_parts(row)]
    lines = _stacks(lines, frame, HEADLINE_SCALE * body)
    lines.extend(_line(column, frame, page, vertical=True) for column in _vertical_columns(chars, _turned))
    lines.sort(key=lambda line: (line.text_line.rect.y0, line.text_line.rect.x0))
    return tuple(lines)


def _row_parts(row: list[Char]) -> list[list[Char]]:
    """A row's characters left to right, parted at gaps far wider than a word space."""
    row.sort(key=lambda char: char.rect.x0)
    parts = [[row[0]]]
    for previous, char in zip(row, row[1:], strict=False):
        if char.rect.x0 - previous.rect.x1 > SPLIT_GAP * max(char.size, previous.size):
            parts.append([char])
        else:
            parts[-1].append(char)
    return parts


def _standing(chars: Sequence[Char], body: float) -> bool:
    """Whether a region is a vertical headline: large characters in a strip far taller than wide."""
    if len(chars) < 2 or any(char.size < HEADING_SCALE * body and not char.vertical for char in chars):
        return False
    frame = _frame(chars)
    return frame.height > 2.5 * frame.width


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


def _line(chars: list[Char], frame: Rect, page: int, vertical: bool = False) -> Line:
    box = chars[0].rect
    for char in chars[1:]:
        box = box.union(char.rect)
    size = float(statistics.median_low(sorted(char.size for char in chars)))
    bold = 2 * sum(char.bold for char in chars) > len(chars)
    indented = not vertical and chars[0].rect.x0 - frame.x0 >= INDENT * size
    text_line = TextLine(_text(chars, vertical), box, page, size, bold, indented)
    return Line(tuple(chars), text_line, vertical)


def _text(chars: Sequence[Char], vertical: bool) -> str:
    """Characters joined; a space only where Latin letters or digits stand a real word gap apart."""
    parts = [chars[0].text]
    for previous, char in zip(chars, chars[1:], strict=False):
        gap = char.rect.x0 - previous.rect.x1
        if not vertical and _latin(previous.text) and _latin(char.text) and gap >= 0.25 * char.size:
            parts.append(" ")
        parts.append(char.text)
    return "".join(parts)


def _latin(text: str) -> bool:
    return text.isascii() and text.isalnum()


def _wide(text: str) -> bool:
    return not text.isascii()
