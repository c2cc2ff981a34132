"""Tables among a page's regions: columns side by side whose short cells stand on shared rows, read row by row.

The XY-cut parts a table at its white columns (and a column at a blank row), as it parts a page's text columns.
What tells a table from text columns that happen to share a baseline grid is its cells: short, without a
sentence's commas and stops, and in one column at least mostly figures ("6%左右", "5.1%") standing on the rows of
the others. The table's regions become one region whose lines are its rows, each row's cells joined by a space.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from jcviewer.model.pdf.geometry import Line, Region
from jcviewer.model.pdf.page import Rect, TextLine
from jcviewer.model.pdf.xycut import HEADING_SCALE

MIN_ROWS = 3
"""A table has at least this many rows where cells of two columns stand side by side."""

ROW_SLACK = 0.3
"""Cells of one row have their centres this many ems apart at most."""

ON_ROWS = 0.8
"""Share of its figure column's cells that stand on rows shared with another column."""

PROSE_MARKS = frozenset("，。；")
PROSE_SHARE = 0.2
"""A region with more than this share of its lines holding a comma or a stop is text, not a table's."""

WRAP_REACH = 0.75
"""A line beside no other column's cell and nearer a row than this share of the row pitch is that row's cell
broken over lines."""

FIGURE_SHARE = 0.6
"""A table has a column with at least this share of its cells figures."""

CELL_FIGURES = 0.3
"""A cell holding a digit with at least this share of its characters digits, signs or points is a figure."""

FIGURE_CHARS = frozenset("0123456789.%％+-－−‰")


@dataclass(frozen=True, slots=True)
class _Cell:
    centre: float  # the line's vertical centre
    column: int  # the table column (regions one above the other in one column share it)
    region: int  # the region it was read in
    line: Line


def read_tables(regions: Sequence[Region], body: float) -> tuple[Region, ...]:
    """The regions with each table among them (regions of cells next to each other in reading order) made one
    region of rows, in the place of its first region."""
    out: list[Region] = []
    start = 0
    while start < len(regions):
        end = start
        while end < len(regions) and _cells(regions[end], body):
            end += 1
        if end == start:
            out.append(regions[start])
            start += 1
            continue
        out.extend(_with_table(regions[start:end], body))
        start = end
    return tuple(out)


def _cells(region: Region, body: float) -> bool:
    """Whether a region may hold a table's cells: lines at body size, few with a sentence's punctuation."""
    lines = region.lines
    if any(line.vertical or line.text_line.size >= HEADING_SCALE * body for line in lines):
        return False
    prose = sum(not PROSE_MARKS.isdisjoint(line.text_line.text) for line in lines)
    return prose <= PROSE_SHARE * len(lines)


def _with_table(run: Sequence[Region], body: float) -> list[Region]:
    """The run of regions, those that make a table replaced by it."""
    if not any(
        sum(_figure(line.text_line.text) for line in region.lines) >= FIGURE_SHARE * len(region.lines) for region in run
    ):
        return list(run)  # no column of figures
    columns = _columns(run)
    cells = [
        _Cell(_centre(line), columns[number], number, line)
        for number, region in enumerate(run)
        for line in region.lines
    ]
    shared = [row for row in _clusters(cells, ROW_SLACK * body) if len({cell.column for cell in row}) > 1]
    if len(shared) < MIN_ROWS or not _figures_on_rows(cells, shared):
        return list(run)
    members = {cell.region for row in shared for cell in row}
    table = _rows([cell for cell in cells if cell.region in members], body, run)
    out: list[Region] = []
    for number, region in enumerate(run):
        if number not in members:
            out.append(region)
        elif number == min(members):
            out.append(table)
    return out


def _columns(run: Sequence[Region]) -> list[int]:
    """Each region's table column: regions whose frames overlap left to right share one, numbered left to right."""
    order = sorted(range(len(run)), key=lambda number: run[number].frame.x0)
    columns = [0] * len(run)
    column, reach = -1, float("-inf")
    for number in order:
        frame = run[number].frame
        if frame.x0 >= reach:
            column += 1
        reach = max(reach, frame.x1) if frame.x0 < reach else frame.x1
        columns[number] = column
    return columns


def _clusters(cells: Sequence[_Cell], slack: float) -> list[list[_Cell]]:
    """The cells grouped top to bottom by their centres."""
    clusters: list[list[_Cell]] = []
    for cell in sorted(cells, key=lambda cell: cell.centre):
        if clusters and cell.centre - clusters[-1][0].centre <= slack:
            clusters[-1].append(cell)
        else:
            clusters.append([cell])
    return clusters


def _figures_on_rows(cells: Sequence[_Cell], shared: Sequence[list[_Cell]]) -> bool:
    """Whether a column holds mostly figures, nearly all of them on rows shared with another column."""
    on_rows = {id(cell) for row in shared for cell in row}
    for column in {cell.column for cell in cells}:
        own = [cell for cell in cells if cell.column == column]
        figures = sum(_figure(cell.line.text_line.text) for cell in own)
        placed = sum(id(cell) in on_rows for cell in own)
        if figures >= FIGURE_SHARE * len(own) and placed >= ON_ROWS * len(own):
            return True
    return False


def _figure(text: str) -> bool:
    figures = sum(char in FIGURE_CHARS for char in text)
    return any(char.isdigit() for char in text) and figures >= CELL_FIGURES * len(text)


def _rows(cells: list[_Cell], body: float, run: Sequence[Region]) -> Region:
    """The table's cells as one region whose lines are its rows, top to bottom.

    A row is where cells of two columns or more stand side by side; a line beside nothing, nearer such a row than
    rows are to each other, is the rest of a cell broken over lines (joined to it); farther, a row of its own (a
    category heading set in the first column)."""
    clusters = _clusters(cells, ROW_SLACK * body)
    shared = [row for row in clusters if len({cell.column for cell in row}) > 1]
    centres = [row[0].centre for row in shared]
    steps = [below - above for above, below in zip(centres, centres[1:], strict=False)]
    reach = WRAP_REACH * statistics.median(steps) if steps else 0.0
    rows = {id(row): list(row) for row in shared}
    for cluster in clusters:
        if id(cluster) in rows:
            continue
        nearest = min(shared, key=lambda row: abs(row[0].centre - cluster[0].centre))
        if abs(nearest[0].centre - cluster[0].centre) < reach:
            rows[id(nearest)].extend(cluster)
        else:
            rows[id(cluster)] = list(cluster)
    members = sorted({cell.region for cell in cells})
    frame = run[members[0]].frame
    for number in members[1:]:
        frame = frame.union(run[number].frame)
    ordered = sorted(rows.values(), key=lambda row: min(cell.centre for cell in row))
    return Region(frame, tuple(_row(row) for row in ordered), table=True)


def _centre(line: Line) -> float:
    return (line.text_line.rect.y0 + line.text_line.rect.y1) / 2


def _row(cells: list[_Cell]) -> Line:
    """A row's cells as one line: each column's lines top to bottom joined, the columns left to right parted by a
    space."""
    cells.sort(key=lambda cell: (cell.column, cell.centre))
    texts: dict[int, str] = {}
    for cell in cells:
        text = cell.line.text_line.text
        before = texts.get(cell.column, "")
        gap = " " if before[-1:].isascii() and before[-1:].isalnum() and text[:1].isascii() else ""
        texts[cell.column] = before + gap + text if before else text
    lines = [cell.line for cell in cells]
    box: Rect = lines[0].text_line.rect
    for line in lines[1:]:
        box = box.union(line.text_line.rect)
    size = float(statistics.median_low(sorted(line.text_line.size for line in lines)))
    bold = all(line.text_line.bold for line in lines)
    chars = tuple(char for line in lines for char in line.chars)
    return Line(chars, TextLine(" ".join(texts.values()), box, lines[0].text_line.page, size, bold))
