"""Synthetic PDF pages for the geometry tests: characters placed on a grid the way pdfium reports them.

Boxes are pdfium's loose boxes: a full-width cell (half an em for ASCII) from the baseline's ascent (1.16 em above)
to its descent (0.288 em below), top-left origin, y down. Body text is justified on a grid of whole ems; a closing
punctuation mark that would start a line hangs past the column's right edge instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from jcviewer.model.pdf.page import Char, PageChars, Rect

SERIF = "NotoSerifCJKsc-Regular"
BOLD = "NotoSerifCJKsc-Bold"
KAI = "FZKai-Z03"
HANGS = "，。、"


def run(
    text: str, x: float, baseline: float, size: float, font: str = SERIF, bold: bool = False, step: float = 0.0
) -> list[Char]:
    """Characters of ``text`` set left to right from ``x`` (a space advances half an em and prints nothing);
    ``step``: the advance of a full-width character (its size if 0)."""
    chars: list[Char] = []
    for letter in text:
        width = size / 2 if letter.isascii() else size
        if letter != " ":
            box = Rect(x, baseline - 1.16 * size, x + width, baseline + 0.288 * size)
            chars.append(Char(letter, box, size, font, bold))
        x += width if letter.isascii() else (step or size)
    return chars


def stacked(text: str, x: float, top: float, size: float, turned: bool = False) -> list[Char]:
    """A vertical headline: characters one under another (upright, or flagged as set vertically)."""
    chars = []
    for number, letter in enumerate(text):
        y = top + number * size * 1.05
        chars.append(Char(letter, Rect(x, y, x + size, y + size), size, BOLD, True, vertical=turned))
    return chars


def break_lines(text: str, cells: int, indent: int = 2) -> list[tuple[str, str]]:
    """Lines of ``cells`` ems (the first indented), each as (text in the column, punctuation hanging past it)."""
    lines: list[tuple[str, str]] = []
    rest = text
    room = cells - indent
    while rest:
        line, rest = rest[:room], rest[room:]
        hanging = ""
        if rest and rest[0] in HANGS:
            hanging, rest = rest[0], rest[1:]
        lines.append((line, hanging))
        room = cells
    return lines


@dataclass
class Column:
    """A column of body text: its left edge, top, width in ems and how many lines it holds."""

    x: float
    top: float
    cells: int
    capacity: int


@dataclass
class Flow:
    """Paragraphs poured into columns one after another, the characters collected in drawing order."""

    columns: Sequence[Column]
    size: float = 9.0
    pitch: float = 1.5  # line pitch in ems
    chars: list[Char] = field(default_factory=list)
    column: int = 0
    line: int = 0

    def paragraph(self, text: str) -> None:
        for number, (line, hanging) in enumerate(break_lines(text, self.columns[0].cells)):
            self._room()
            column = self.columns[self.column]
            baseline = column.top + (self.line + 1) * self.pitch * self.size
            x = column.x + (2 * self.size if number == 0 else 0)
            self.chars += run(line, x, baseline, self.size)
            if hanging:
                self.chars += run(hanging, column.x + column.cells * self.size, baseline, self.size)
            self.line += 1

    def heading(self, text: str, size: float | None = None, font: str = BOLD) -> None:
        """A line of its own (a subhead), bold at body size unless ``size`` says otherwise."""
        self._room()
        column = self.columns[self.column]
        baseline = column.top + (self.line + 1) * self.pitch * self.size
        self.chars += run(text, column.x, baseline, size or self.size, font, bold=True)
        self.line += 1

    def _room(self) -> None:
        if self.line >= self.columns[self.column].capacity:
            self.column += 1
            self.line = 0


def grid_columns(count: int, x: float, top: float, cells: int, capacity: int, size: float = 9.0) -> list[Column]:
    """``count`` columns side by side, 2-em gutters."""
    return [Column(x + number * (cells + 2) * size, top, cells, capacity) for number in range(count)]


def page(chars: Sequence[Char], figures: Sequence[Rect] = (), number: int = 0, height: float = 1191.0) -> PageChars:
    return PageChars(number, 842.0, height, tuple(chars), tuple(figures))


def words(count: int, seed: int = 0) -> str:
    """Running Chinese text with commas and full stops (no meaning, every character distinct in order)."""
    stock = "经济社会发展稳中有进工业农业服务投资消费外贸财政收入增长就业物价民生改革开放创新城乡区域生态环境"
    out = []
    for number in range(count):
        out.append(stock[(number * 7 + seed) % len(stock)])
        if number % 13 == 12:
            out.append("，")
    return "".join(out).rstrip("，") + "。"
