"""Tables among a page's regions: columns side by side whose short cells stand on shared rows, read row by row.

The XY-cut parts a table at its white columns, as it parts a page's text columns. What tells a table from text
columns that happen to share a baseline grid is its cells: short, one to a line, without a sentence's commas and
stops, and in one column at least mostly figures ("6%左右", "5.1%"). The table's columns become one region whose
lines are its rows, each row's cells joined by a space.
"""

from __future__ import annotations

import bisect
import statistics
from collections.abc import Sequence

from jcviewer.model.pdf.geometry import Line, Region
from jcviewer.model.pdf.page import Rect, TextLine

MIN_ROWS = 3
"""A table column holds at least this many cells."""

ROW_SLACK = 0.3
"""Cells of one row have their centres this many ems apart at most."""

SHARED_ROWS = 0.8
"""Share of the shorter of two neighbouring columns' cells that must stand on the other's rows."""

PROSE_MARKS = frozenset("，。；")
PROSE_SHARE = 0.2
"""A column with more than this share of its lines holding a comma or a stop is text, not a table's."""

FIGURE_SHARE = 0.6
"""A table has a column with at least this share of its cells figures."""

CELL_FIGURES = 0.3
"""A cell holding a digit with at least this share of its characters digits, signs or points is a figure."""

FIGURE_CHARS = frozenset("0123456789.%％+-－−‰")


def read_tables(regions: Sequence[Region], body: float) -> tuple[Region, ...]:
    """The regions with each run of table columns (neighbours in reading order) made one region of rows."""
    rows = [_centres(region) if _cells(region) else None for region in regions]
    out: list[Region] = []
    start = 0
    while start < len(regions):
        end = start + 1
        while end < len(regions) and _beside(regions[end - 1], regions[end], rows[end - 1], rows[end], body):
            end += 1
        run = regions[start:end]
        if len(run) > 1 and _table(run):
            out.append(_rows(run, body))
        else:
            out.extend(run)
        start = end
    return tuple(out)


def _beside(left: Region, right: Region, lefts: list[float] | None, rights: list[float] | None, body: float) -> bool:
    """Whether ``right`` is the next column of a table ``left`` is a column of: to its right, both columns of cells
    (``lefts``, ``rights``: their centres, None for a column of text), on the same rows."""
    if lefts is None or rights is None or right.frame.x0 < left.frame.x1:
        return False
    shared = min(_on_rows(lefts, rights, ROW_SLACK * body), _on_rows(rights, lefts, ROW_SLACK * body))
    return shared >= SHARED_ROWS


def _cells(region: Region) -> bool:
    """Whether a region reads as a column of cells: enough lines, few with a sentence's punctuation."""
    lines = region.lines
    if len(lines) < MIN_ROWS or any(line.vertical for line in lines):
        return False
    prose = sum(not PROSE_MARKS.isdisjoint(line.text_line.text) for line in lines)
    return prose <= PROSE_SHARE * len(lines)


def _centres(region: Region) -> list[float]:
    return sorted(_centre(line) for line in region.lines)


def _on_rows(centres: list[float], rows: list[float], slack: float) -> float:
    """The share of ``centres`` within ``slack`` of one of ``rows`` (sorted)."""
    hits = 0
    for centre in centres:
        at = bisect.bisect_left(rows, centre - slack)
        hits += at < len(rows) and rows[at] <= centre + slack
    return hits / len(centres)


def _table(columns: Sequence[Region]) -> bool:
    """Whether columns of cells on shared rows are a table: one of them holds mostly figures."""
    return any(
        sum(_figure(line.text_line.text) for line in column.lines) >= FIGURE_SHARE * len(column.lines)
        for column in columns
    )


def _figure(text: str) -> bool:
    figures = sum(char in FIGURE_CHARS for char in text)
    return any(char.isdigit() for char in text) and figures >= CELL_FIGURES * len(text)


def _rows(columns: Sequence[Region], body: float) -> Region:
    """The table's columns as one region whose lines are its rows, top to bottom, cells left to right."""
    cells = sorted((line for column in columns for line in column.lines), key=_centre)
    rows: list[list[Line]] = []
    for cell in cells:
        if rows and _centre(cell) - _centre(rows[-1][0]) <= ROW_SLACK * body:
            rows[-1].append(cell)
        else:
            rows.append([cell])
    frame = columns[0].frame
    for column in columns[1:]:
        frame = frame.union(column.frame)
    return Region(frame, tuple(_row(row) for row in rows), table=True)


def _centre(line: Line) -> float:
    return (line.text_line.rect.y0 + line.text_line.rect.y1) / 2


def _row(cells: list[Line]) -> Line:
    """A row's cells, left to right, as one line, its cells parted by a space."""
    cells.sort(key=lambda cell: cell.text_line.rect.x0)
    box: Rect = cells[0].text_line.rect
    for cell in cells[1:]:
        box = box.union(cell.text_line.rect)
    first = cells[0].text_line
    size = float(statistics.median_low(sorted(cell.text_line.size for cell in cells)))
    text = " ".join(cell.text_line.text for cell in cells)
    bold = all(cell.text_line.bold for cell in cells)
    chars = tuple(char for cell in cells for char in cell.chars)
    return Line(chars, TextLine(text, box, first.page, size, bold))
