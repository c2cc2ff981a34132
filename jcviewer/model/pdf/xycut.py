"""A page's characters → leaf regions in reading order, by a recursive XY-cut on the projections of their boxes.

Gutters are found before any characters are joined: a vertical white strip across every line of a region is a
gutter, a horizontal white band parts headline, body and articles. Hanging punctuation (a ，。、 set past a column's
right edge into the gutter) is projected as a point at its left edge, so it neither closes a gutter nor leaves its
column; a heading running a little into a gutter does not close the gutter of the text under it. Bands are measured
between the characters' em cores: pdfium's loose boxes reach a font's ascent above and its descent below.

The characters are held as columns of numbers indexed like the page's characters (the cut runs over index lists
sorted once), so a dense page is cut in a few milliseconds.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from jcviewer.model.pdf.page import Char, Rect

HANGING = frozenset("，。、．,.；;：:！!？?”’」』）)》〉】〕］｝…%％")
"""Punctuation that may hang past a column's right edge."""

HEADING_SCALE = 1.15
"""A heading's characters (a subhead's, a headline's deck) are at least this many times the body size."""

GUTTER = 1.2
"""The narrowest gutter between columns, in body ems (the hanging punctuation already left out)."""

BAND_GAP = 0.8
"""The narrowest white band between regions stacked one above the other, in body ems."""

MASTHEAD_BAND = 0.06
"""A band starting this high on the page (a share of its height) is the masthead's."""

WORD_SPACE = 0.5
"""The widest word space in a headline, in its ems (two articles' headlines side by side stand further apart)."""

Part = tuple[list[int], list[int]]
"""A region: its characters' indices sorted by left edge and by top."""


class Cutter:
    """One page's characters as numbers, and the leaves cut from them."""

    def __init__(self, chars: Sequence[Char], body: float, height: float) -> None:
        self.chars = chars
        self.body = body
        self.masthead = MASTHEAD_BAND * height
        heading = HEADING_SCALE * body
        self.x0 = [char.rect.x0 for char in chars]
        self.x1 = [char.rect.x1 for char in chars]
        self.heading = [char.size >= heading for char in chars]
        self.end = [
            char.rect.x0 if char.text in HANGING and not big else char.rect.x1
            for char, big in zip(chars, self.heading, strict=True)
        ]
        self.cx = [(char.rect.x0 + char.rect.x1) / 2 for char in chars]
        self.cy = [(char.rect.y0 + char.rect.y1) / 2 for char in chars]
        self.top = [cy - 0.45 * char.size for cy, char in zip(self.cy, chars, strict=True)]
        self.bottom = [cy + 0.45 * char.size for cy, char in zip(self.cy, chars, strict=True)]
        self.size = [char.size for char in chars]
        self.y0 = [char.rect.y0 for char in chars]
        self.y1 = [char.rect.y1 for char in chars]
        self.cell = [float("-inf") if char.text in HANGING else cell_right(char) for char in chars]
        self.vertical = [char.vertical for char in chars]
        self.leaves: list[tuple[list[int], Rect]] = []

    def run(self) -> list[tuple[list[int], Rect]]:
        """The leaves in reading order: each its characters' indices (sorted by top) and its column frame."""
        everything = range(len(self.chars))
        by_x = sorted(everything, key=self.x0.__getitem__)
        by_y = sorted(everything, key=self.top.__getitem__)
        if by_x:
            self._cut((by_x, by_y), self.frame(by_x))
        return self.leaves

    def frame(self, indices: Sequence[int]) -> Rect:
        """The column's box: its text's left edges to the right edges of its cells (headings and hanging
        punctuation left out, which may run past the column's edges)."""
        indices = [index for index in indices if not self.heading[index]] or indices
        right = max(map(self.cell.__getitem__, indices))
        if right == float("-inf"):
            right = max(map(self.x1.__getitem__, indices))
        return Rect(
            min(map(self.x0.__getitem__, indices)),
            min(map(self.y0.__getitem__, indices)),
            right,
            max(map(self.y1.__getitem__, indices)),
        )

    def standing(self, indices: Sequence[int]) -> bool:
        """Whether a region is a vertical headline: heading characters in a strip far taller than wide."""
        if len(indices) < 2 or not all(self.heading[index] or self.vertical[index] for index in indices):
            return False
        width = max(map(self.x1.__getitem__, indices)) - min(map(self.x0.__getitem__, indices))
        height = max(map(self.bottom.__getitem__, indices)) - min(map(self.top.__getitem__, indices))
        return height > 2.5 * width

    def _cut(self, part: Part, frame: Rect) -> None:
        """Split a region at its white strips, recursively, appending its leaves in reading order.

        Columns (vertical strips) go before bands, except a band of headings or a single row on top (a headline
        narrower than its article, a date line); bands of headlines side by side are joined to what is under them
        again."""
        by_x, by_y = part
        columns, crossing = self._columns(part)
        y_gaps = _gaps(by_y, self.top, self.bottom, BAND_GAP * self.body)
        if columns and y_gaps:
            if self._heading_band(by_y, y_gaps[0][0]):
                y_gaps = y_gaps[:1]
            else:  # the next article's headline runs over the gutters its columns share with the columns above
                y_gaps = [
                    gap for gap in y_gaps if any(gap[1] <= self.top[index] <= gap[1] + self.body for index in crossing)
                ]
        if y_gaps:
            cuts = [(low + high) / 2 for low, high in y_gaps]
            bands = self._rows_of_articles(_parts(by_x, by_y, cuts, self.cy))
            if len(bands) > 1:
                frame = self.frame(by_x)
                for band in bands:
                    self._cut(band, frame)
                return
        if columns:
            for column in self._vertical_first(columns):
                self._cut(column, self.frame(column[0]))
            return
        self.leaves.append((by_y, frame))

    def _columns(self, part: Part) -> tuple[list[Part], list[int]]:
        """The region parted at its gutters (white strips from top to bottom), or [] without any; and the heading
        characters that run across a gutter of the text under them (a headline over columns)."""
        by_x, by_y = part
        if not self._rows(by_y):
            return [], []
        least = GUTTER * self.body
        gaps = _gaps(by_x, self.x0, self.end, least)
        heading = self.heading
        text = [index for index in by_x if not heading[index]]
        crossing: list[int] = []
        if text and len(text) < len(by_x):  # a heading running into a gutter leaves the gutter of the text under it
            headings = [index for index in by_x if heading[index]]
            spans = self._spans(headings)
            for gap in _gaps(text, self.x0, self.end, least):
                if _covered(gap, spans):
                    crossing += [index for index in headings if self.x0[index] < gap[1] and gap[0] < self.x1[index]]
                elif not any(low < gap[1] and gap[0] < high for low, high in gaps):
                    gaps.append(gap)
            gaps.sort()
        if not gaps:
            return [], crossing
        cuts = [(low + high) / 2 for low, high in gaps]
        return _parts(by_x, by_y, cuts, self.cx), crossing

    def _rows(self, by_y: Sequence[int]) -> bool:
        """Whether the region holds more than one row (a single row is never cut into columns)."""
        tallest = max(map(self.size.__getitem__, by_y))
        return max(map(self.bottom.__getitem__, by_y)) - self.top[by_y[0]] > 1.6 * tallest

    def _spans(self, by_x: Sequence[int]) -> list[tuple[float, float]]:
        """The characters' horizontal extents merged where they touch or stand a word space apart."""
        spans: list[tuple[float, float]] = []
        for index in by_x:
            if spans and self.x0[index] <= spans[-1][1] + WORD_SPACE * self.size[index]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], self.x1[index]))
            else:
                spans.append((self.x0[index], self.x1[index]))
        return spans

    def _heading_band(self, by_y: Sequence[int], cut: float) -> bool:
        """Whether everything above ``cut`` is set in heading sizes or in one row."""
        above = [index for index in by_y if self.cy[index] < cut]
        return all(self.heading[index] for index in above) or not self._rows(above)

    def _headed(self, part: Part) -> bool:
        """Whether a region starts with a heading (an article with its headline on top) or is a vertical
        headline."""
        by_y = part[1]
        first = self.top[by_y[0]] + self.body
        on_top = (index for index in by_y if self.top[index] <= first)
        return any(self.heading[index] for index in on_top) or self.standing(part[0])

    def _rows_of_articles(self, bands: list[Part]) -> list[Part]:
        """Bands joined again where a band of headlines and the band under it are articles side by side (the
        white band under their headlines is no cut across the page). A band at the page's top is the masthead's."""
        rows = [bands[0]]
        for band in bands[1:]:
            last = rows[-1]
            if self.top[last[1][0]] > self.masthead and all(self.heading[index] for index in last[0]):
                joined = (sorted(last[0] + band[0], key=self.x0.__getitem__), last[1] + band[1])
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


def _gaps(order: Sequence[int], start: list[float], end: list[float], least: float) -> list[tuple[float, float]]:
    """White strips at least ``least`` wide between projected intervals (``order`` sorted by ``start``)."""
    gaps: list[tuple[float, float]] = []
    reach = end[order[0]]
    for index in order:
        begin = start[index]
        if begin - reach >= least:
            gaps.append((reach, begin))
        stop = end[index]
        if stop > reach:
            reach = stop
    return gaps


def _parts(by_x: list[int], by_y: list[int], cuts: list[float], key: list[float]) -> list[Part]:
    """The region's non-empty parts between the cuts (by the characters' centres), each keeping both orders."""
    if len(cuts) == 1:
        cut = cuts[0]
        parts = [
            ([index for index in by_x if key[index] < cut], [index for index in by_y if key[index] < cut]),
            ([index for index in by_x if key[index] >= cut], [index for index in by_y if key[index] >= cut]),
        ]
    else:
        side = {index: bisect.bisect(cuts, key[index]) for index in by_x}
        parts = [
            ([index for index in by_x if side[index] == part], [index for index in by_y if side[index] == part])
            for part in range(len(cuts) + 1)
        ]
    return [part for part in parts if part[0]]


def _covered(gap: tuple[float, float], spans: list[tuple[float, float]]) -> bool:
    """Whether headings run across the whole gap (a headline over columns: no gutter)."""
    index = bisect.bisect([start for start, _ in spans], gap[0]) - 1
    return index >= 0 and spans[index][1] >= gap[1]
