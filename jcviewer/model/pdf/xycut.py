"""A page's characters → leaf regions in reading order, by a recursive XY-cut on the projections of their boxes.

Gutters are found before any characters are joined: a vertical white strip across every line of a region is a
gutter, a horizontal white band parts headline, body and articles. Hanging punctuation (a ，。、 set past a column's
right edge into the gutter) is projected as a point at its left edge, so it neither closes a gutter nor leaves its
column; a heading running a little into a gutter does not close the gutter of the text under it. Bands are measured
between the characters' em cores: pdfium's loose boxes reach a font's ascent above and its descent below.

The characters are held as numpy arrays indexed like the page's characters; the cut runs over index arrays sorted
once, so a dense page is cut in a few milliseconds.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from jcviewer.model.pdf.page import Char, Rect

Indices = npt.NDArray[np.intp]
Floats = npt.NDArray[np.float64]

HANGING = frozenset("，。、．,.；;：:！!？?”’」』）)》〉】〕］｝…%％")
"""Punctuation that may hang past a column's right edge."""

HEADING_SCALE = 1.15
"""A heading's characters (a subhead's, a headline's deck) are at least this many times the body size."""

GUTTER = 1.2
"""The narrowest gutter between columns, in body ems (the hanging punctuation already left out)."""

BAND_GAP = 0.8
"""The narrowest white band between regions stacked one above the other, in body ems ..."""

LINE_GAP_MARGIN = 0.3
"""... and at least this much wider than the white between two lines of body text (in body ems)."""

MASTHEAD_BAND = 0.06
"""A band starting this high on the page (a share of its height) is the masthead's."""

WORD_SPACE = 0.5
"""The widest word space in a headline, in its ems (two articles' headlines side by side stand further apart)."""

Part = tuple[Indices, Indices]
"""A region: its characters' indices sorted by left edge and by top."""


class Cutter:
    """One page's characters as columns of numbers (numpy arrays for the cut, lists for reading one at a time),
    and the leaves cut from them."""

    def __init__(self, chars: Sequence[Char], body: float, height: float) -> None:
        self.chars = chars
        self.body = body
        self.masthead = MASTHEAD_BAND * height
        self.x0 = [char.rect.x0 for char in chars]
        self.x1 = [char.rect.x1 for char in chars]
        self.size = [char.size for char in chars]
        self.cy = [(char.rect.y0 + char.rect.y1) / 2 for char in chars]
        self.bottom = [cy + 0.45 * size for cy, size in zip(self.cy, self.size, strict=True)]
        self.vertical = [char.vertical for char in chars]
        size = np.array(self.size, dtype=float)
        centre = np.array(self.cy, dtype=float)
        self._x0 = np.array(self.x0, dtype=float)
        self._x1 = np.array(self.x1, dtype=float)
        self._heading = size >= HEADING_SCALE * body
        hanging = np.array([char.text in HANGING for char in chars], dtype=bool)
        self._end = np.where(hanging & ~self._heading, self._x0, self._x1)
        wide = ~np.array([char.text.isascii() for char in chars], dtype=bool)
        cells = np.where(wide, np.maximum(self._x1, self._x0 + size), self._x1)  # as cell_right, for all at once
        self._cell = np.where(hanging, -np.inf, cells)
        self._cx = (self._x0 + self._x1) / 2
        self._cy = centre
        self._top = centre - 0.45 * size
        self._bottom = centre + 0.45 * size
        self._y0 = np.array([char.rect.y0 for char in chars], dtype=float)
        self._y1 = np.array([char.rect.y1 for char in chars], dtype=float)
        self._size = size
        self._upright = ~np.array(self.vertical, dtype=bool)
        self.band_gap = max(BAND_GAP * body, self._line_gap() + LINE_GAP_MARGIN * body)
        self.leaves: list[tuple[list[int], Rect]] = []

    def _line_gap(self) -> float:
        """The white between two lines of body text (between their em cores): the median step from a body
        character to the one under it at the same left edge, less a core."""
        body = self.body
        text = np.flatnonzero(np.abs(self._size - body) <= 0.1 * body)
        if len(text) < 2:
            return 0.0
        column = np.round(self._x0[text] / (0.25 * body))
        order = text[np.lexsort((self._top[text], column))]
        steps = np.diff(self._top[order])
        same = np.diff(np.round(self._x0[order] / (0.25 * body))) == 0
        steps = steps[same & (steps >= 1.05 * body) & (steps <= 3 * body)]
        return float(np.median(steps)) - 0.9 * body if len(steps) else 0.0

    def run(self) -> list[tuple[list[int], Rect]]:
        """The leaves in reading order: each its characters' indices (sorted by top) and its column frame."""
        if not self.chars:
            return []
        by_x = np.argsort(self._x0, kind="stable")
        by_y = np.argsort(self._top, kind="stable")
        self._cut((by_x, by_y), self._frame(by_x))
        return self.leaves

    def standing(self, indices: Sequence[int] | Indices) -> bool:
        """Whether a region is a vertical headline: heading characters in a strip far taller than wide."""
        indices = np.asarray(indices, dtype=np.intp)
        if len(indices) < 2 or not (self._heading[indices] | ~self._upright[indices]).all():
            return False
        width = self._x1[indices].max() - self._x0[indices].min()
        height = self._bottom[indices].max() - self._top[indices].min()
        return bool(height > 2.5 * width)

    def _frame(self, indices: Indices) -> Rect:
        """The column's box: its text's left edges to the right edges of its cells (headings and hanging
        punctuation left out, which may run past the column's edges)."""
        text = indices[~self._heading[indices]]
        if len(text):
            indices = text
        right = self._cell[indices].max()
        if right == -np.inf:
            right = self._x1[indices].max()
        return Rect(
            float(self._x0[indices].min()),
            float(self._y0[indices].min()),
            float(right),
            float(self._y1[indices].max()),
        )

    def _cut(self, part: Part, frame: Rect) -> None:
        """Split a region at its white strips, recursively, appending its leaves in reading order.

        Columns (vertical strips) go before bands, except a band of headings or a single row on top (a headline
        narrower than its article, a date line) and a band under which the next article's headline runs across
        the gutters of the columns above; bands of headlines side by side are joined to what is under them
        again."""
        by_x, by_y = part
        columns, crossing = self._columns(part)
        y_gaps = _gaps(by_y, self._top, self._bottom, self.band_gap)
        if not columns and y_gaps:
            y_gaps = self._under_headings(by_y, y_gaps)
        if columns and y_gaps:
            if self._heading_band(by_y, y_gaps[0][0]):
                y_gaps = y_gaps[:1]
            else:
                tops = self._top[crossing]
                y_gaps = [gap for gap in y_gaps if ((gap[1] <= tops) & (tops <= gap[1] + self.body)).any()]
        if y_gaps:
            bands = self._rows_of_articles(_parts(by_x, by_y, [(low + high) / 2 for low, high in y_gaps], self._cy))
            if len(bands) > 1:
                shared = self._frame(by_x)  # a one-row band takes the region's edges; others have their own
                for band in bands:
                    self._cut(band, self._frame(band[0]) if columns or self._rows(band[1]) else shared)
                return
        if columns:
            for column in self._vertical_first(columns):
                self._cut(column, self._frame(column[0]))
            return
        self.leaves.append((by_y.tolist(), frame))

    def _under_headings(self, by_y: Indices, y_gaps: list[tuple[float, float]]) -> list[tuple[float, float]]:
        """The bands to cut: under a headline's lines on top only the cuts between and under them (a white band
        across the columns under it is chance: they read down to their feet first); elsewhere all of them."""
        centre, heading = self._cy[by_y], self._heading[by_y]
        above = float("-inf")
        for count, (low, high) in enumerate(y_gaps):
            band = (centre > above) & (centre < low)
            if not heading[band].all():
                return y_gaps[:count] if count else y_gaps
            above = high
        return y_gaps

    def _columns(self, part: Part) -> tuple[list[Part], Indices]:
        """The region parted at its gutters (white strips from top to bottom), or [] without any; and the heading
        characters that run across a gutter of the text under them (a headline over columns)."""
        by_x, by_y = part
        crossing = np.empty(0, dtype=np.intp)
        if not self._rows(by_y):
            return [], crossing
        least = GUTTER * self.body
        gaps = _gaps(by_x, self._x0, self._end, least)
        heading = self._heading[by_x]
        if heading.any() and not heading.all():  # a heading running into a gutter leaves the gutter of the text
            headings = by_x[heading]
            spans = self._spans(headings)
            found: list[Indices] = []
            for gap in _gaps(by_x[~heading], self._x0, self._end, least):
                if _covered(gap, spans):
                    found.append(headings[(self._x0[headings] < gap[1]) & (gap[0] < self._x1[headings])])
                elif not any(low < gap[1] and gap[0] < high for low, high in gaps):
                    gaps.append(gap)
            gaps.sort()
            if found:
                crossing = np.concatenate(found)
        if not gaps:
            return [], crossing
        return _parts(by_x, by_y, [(low + high) / 2 for low, high in gaps], self._cx), crossing

    def _rows(self, by_y: Indices) -> bool:
        """Whether the region holds more than one row (a single row is never cut into columns)."""
        if not len(by_y):
            return False
        return bool(self._bottom[by_y].max() - self._top[by_y[0]] > 1.6 * self._size[by_y].max())

    def _spans(self, by_x: Indices) -> list[tuple[float, float]]:
        """The characters' horizontal extents merged where they touch or stand a word space apart."""
        spans: list[tuple[float, float]] = []
        for start, stop, size in zip(
            self._x0[by_x].tolist(), self._x1[by_x].tolist(), self._size[by_x].tolist(), strict=True
        ):
            if spans and start <= spans[-1][1] + WORD_SPACE * size:
                spans[-1] = (spans[-1][0], max(spans[-1][1], stop))
            else:
                spans.append((start, stop))
        return spans

    def _heading_band(self, by_y: Indices, cut: float) -> bool:
        """Whether everything above ``cut`` is set in heading sizes or in one row."""
        above = by_y[self._cy[by_y] < cut]
        return bool(self._heading[above].all()) or not self._rows(above)

    def _headed(self, part: Part) -> bool:
        """Whether a region starts with a heading (an article with its headline on top) or is a vertical
        headline."""
        by_y = part[1]
        on_top = by_y[self._top[by_y] <= self._top[by_y[0]] + self.body]
        return bool(self._heading[on_top].any()) or self.standing(part[0])

    def _rows_of_articles(self, bands: list[Part]) -> list[Part]:
        """Bands joined again where a band starting with headlines and the band under it are articles side by side
        (the white band under their headlines is no cut across the page). A band at the page's top is the
        masthead's."""
        rows = [bands[0]]
        for band in bands[1:]:
            last = rows[-1]
            if self._top[last[1][0]] > self.masthead and self._headed(last):
                merged = np.concatenate((last[0], band[0]))
                joined = (merged[np.argsort(self._x0[merged], kind="stable")], np.concatenate((last[1], band[1])))
                columns = self._columns(joined)[0]
                if columns and all(self._headed(column) for column in columns):
                    rows[-1] = joined
                    continue
            rows.append(band)
        return rows

    def _vertical_first(self, parts: list[Part]) -> list[Part]:
        """Columns of headline characters set right of their body (a vertical headline) read first, right to
        left, before the body's columns (back to the nearest column that starts with a heading of its own)."""
        end = start = len(parts)
        while start > 1 and self.standing(parts[start - 1][0]):
            start -= 1
        if start == end or start == 0:
            return parts
        first = start
        while first > 0 and not self._headed(parts[first - 1]):
            first -= 1
        return parts[:first] + parts[start:][::-1] + parts[first:start]


def cell_right(char: Char) -> float:
    """The right edge of the character's cell: a full-width character fills an em even if its box is narrower."""
    return max(char.rect.x1, char.rect.x0 + char.size) if not char.text.isascii() else char.rect.x1


def _gaps(order: Indices, start: Floats, end: Floats, least: float) -> list[tuple[float, float]]:
    """White strips at least ``least`` wide between projected intervals (``order`` sorted by ``start``)."""
    if len(order) < 2:
        return []
    starts = start[order]
    reach = np.maximum.accumulate(end[order])
    found = np.flatnonzero(starts[1:] - reach[:-1] >= least)
    return list(zip(reach[found].tolist(), starts[found + 1].tolist(), strict=True))


def _parts(by_x: Indices, by_y: Indices, cuts: list[float], key: Floats) -> list[Part]:
    """The region's non-empty parts between the cuts (by the characters' centres), each keeping both orders."""
    edges = np.array(cuts)
    side_x = np.searchsorted(edges, key[by_x], side="right")
    side_y = np.searchsorted(edges, key[by_y], side="right")
    parts = [(by_x[side_x == side], by_y[side_y == side]) for side in range(len(cuts) + 1)]
    return [part for part in parts if len(part[0])]


def _covered(gap: tuple[float, float], spans: list[tuple[float, float]]) -> bool:
    """Whether headings run across the whole gap (a headline over columns: no gutter)."""
    index = bisect.bisect([start for start, _ in spans], gap[0]) - 1
    return index >= 0 and spans[index][1] >= gap[1]
