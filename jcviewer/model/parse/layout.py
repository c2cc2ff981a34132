"""Layout repair: hard-wrapped PDF lines → units (paragraphs or standalone lines), layout spaces removed.

The extracted text keeps the page's line breaks (every 15-22 characters), sometimes with a blank line
after every line, and spaces that are only justification ("面 对 交 城 县", "2024 年"). A paragraph's
inner lines are full column width; its first line is indented; its last line ends with terminal
punctuation. A line that is not full and does not end a sentence cannot be part of a paragraph, so it
stands alone (heading, caption, banner).

Text copied from a web page is not wrapped: one paragraph (or heading) a line, its paragraphs far wider than any
printed column (``one_paragraph_a_line``), so each line is read as it stands. In either kind of text, a run of
lines opening with the same bullet mark (``●…``) is a list whose items are body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jcviewer.model.parse import cues

TERMINAL = "。！？!?…："  # a paragraph may end introducing a list ("主要做了以下工作：")
CLOSERS = "”’」』）)"
NO_LINE_START = CLOSERS + "，。、；：！？…》"
COLUMN_PROBE = 4  # lines compared on each side of a possible column change
COLUMN_WIDTH_TOLERANCE = 1.5  # ems two stretches of one column may differ by
SQUEEZED = "，。、；：！？”’）》"
INDENT = "\u3000\u3000"  # some extractions mark each paragraph's first line with two ideographic spaces
FIRST_LINE_SHORTFALL = 4.5  # ems a paragraph's first line may fall short of the next (indent, squeezing)
WEB_MIN_WIDE_LINES = 2  # lines wider than a headline that make a text one paragraph a line ...
WEB_WIDE_SHARE = 4  # ... when they are at least one line in this many

_SPACE_RUN = re.compile(r"\s+")
_LEADING_LATIN = re.compile(r"[!-~]+")


def is_wide(char: str) -> bool:
    """True for characters printed a full em wide: CJK, fullwidth forms, Chinese punctuation."""
    code = ord(char)
    return code >= 0x2E80 or 0x2000 <= code <= 0x206F


def visual_width(line: str) -> float:
    """Printed width in ems: wide characters 1, narrow (ASCII digits, Latin) ½, spaces ignored.

    Punctuation ending a line is set half width (标点挤压), so a line squeezed to fit a comma is not
    mistaken for a wider one.
    """
    width = sum(1.0 if is_wide(c) else 0.5 for c in line if not c.isspace())
    stripped = line.rstrip()
    if stripped and stripped[-1] in SQUEEZED:
        width -= 0.5
    return width


def ends_sentence(line: str) -> bool:
    """True when the line ends with sentence-final punctuation (possibly followed by a closing quote)."""
    stripped = "".join(line.split()).rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL


@dataclass(frozen=True)
class Line:
    """One non-empty source line."""

    number: int  # 1-based line number in the source
    text: str  # without surrounding whitespace
    width: float
    blank_before: bool  # a blank line separates it from the previous non-empty line
    terminal: bool
    indented: bool = False  # starts with an ideographic-space indent: the first line of a paragraph


@dataclass
class Unit:
    """Consecutive lines read as one piece: a paragraph, or a standalone line."""

    lines: list[Line]
    standalone: bool = False
    blank_gaps: int = field(init=False)  # inner line breaks that carry a blank line

    def __post_init__(self) -> None:
        self.blank_gaps = sum(line.blank_before for line in self.lines[1:])

    def append(self, line: Line) -> None:
        """Add the next line (keeps the spacing count current without rescanning)."""
        self.lines.append(line)
        self.blank_gaps += line.blank_before

    @property
    def first(self) -> int:
        return self.lines[0].number

    @property
    def last(self) -> int:
        return self.lines[-1].number

    @property
    def raw(self) -> str:
        """The lines' text joined as one (before layout-space repair)."""
        parts = [self.lines[0].text]
        for previous, line in zip(self.lines, self.lines[1:], strict=False):
            parts += [_line_joint(previous.text[-1], line.text[0]), line.text]
        return "".join(parts)

    @property
    def column_width(self) -> float:
        """Median width of the lines after the (indented) first one; for a paragraph of two lines or fewer,
        its widest line (its last line may be short)."""
        if len(self.lines) <= 2:
            return max(line.width for line in self.lines)
        return _geometry(self.lines[1:])[0]

    @property
    def recent_width(self) -> float:
        """Column width judged from the last few lines only (the column may have changed)."""
        recent = self.lines[max(1, len(self.lines) - COLUMN_PROBE) :] or self.lines
        return _geometry(recent)[0]

    @property
    def blank_lined(self) -> bool:
        """True when most inner line breaks carry a blank line (a column extracted double-spaced)."""
        return self.blank_gaps * 2 > len(self.lines) - 1 > 0


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of ``text`` with their layout features."""
    lines: list[Line] = []
    blank = False
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            blank = True
            continue
        indented = raw.startswith(INDENT)
        lines.append(Line(number, stripped, visual_width(stripped), blank, ends_sentence(stripped), indented))
        blank = False
    return lines


def _continues(unit: Unit, line: Line, following: Line | None) -> bool:
    """Whether ``line`` reads on from the last line of ``unit`` in the same column (``following`` is the line
    after ``line``, if any)."""
    last = unit.lines[-1]
    if line.indented or line.text[0] in cues.BULLETS:
        return False  # an indented line opens a paragraph, a bullet mark a list item
    if line.blank_before and following is not None and not following.blank_before and _stands_apart(unit):
        return False  # a blank line in single-spaced text after a lone line or a headline block: a break
    column_width = unit.recent_width
    column = max(column_width, last.width) if len(unit.lines) > 1 else last.width + 2
    if line.width > column * 1.25 + 1:
        return False  # wider than the column: another text block
    if line.text[0] in NO_LINE_START:
        return True  # a line never starts with closing punctuation: it is the rest of this one
    if last.text[-1] in "：:" and line.text[0] == "“":
        return True  # the quotation its attribution announces (``某某说：`` / ``“……``)
    if not last.terminal:
        if len(unit.lines) == 1 and not line.terminal:
            # A paragraph's first line falls short of the next by its indent at most; shorter: a heading.
            return line.width - FIRST_LINE_SHORTFALL <= last.width and line.width >= 0.75 * last.width
        # A non-final line is full width; the next is full width too unless it ends the paragraph, or unless an
        # unbreakable Latin run (a number, a ratio) that opens the line after it did not fit at its end.
        full = line.width >= 0.75 * last.width or line.width + _leading_latin_width(following) >= 0.9 * last.width
        return last.width >= 0.75 * line.width and (line.terminal or full)
    if len(unit.lines) > 1 and last.width <= column_width - 2:
        return False  # a short line ending a sentence ends the paragraph
    if line.blank_before and len(unit.lines) > 1 and not unit.blank_lined:
        return False  # a blank line in a single-spaced column after a sentence: a paragraph break
    if len(unit.lines) == 1:
        # One indented line that happens to end a sentence, then the full-width rest of its paragraph.
        return last.width + 1 <= line.width <= last.width + 4
    indented = line.width <= column_width - 1.5 and not line.terminal
    return not indented


def _stands_apart(unit: Unit) -> bool:
    """Whether the unit so far is one line, or a few single-spaced lines without sentence punctuation (a
    headline block), as opposed to running text."""
    return len(unit.lines) == 1 or (
        len(unit.lines) <= cues.HEADING_GROUP_MAX_LINES
        and unit.blank_gaps == 0
        and not any(mark in line.text for line in unit.lines for mark in cues.SENTENCE_PUNCTUATION)
    )


def _leading_latin_width(line: Line | None) -> float:
    """Width of the unbreakable Latin run (``1.2:30.5:68.3``, ``2024``) a line opens with, if any."""
    if line is None:
        return 0.0
    match = _LEADING_LATIN.match(line.text)
    return visual_width(match.group()) if match else 0.0


def _split_unfinished(unit: Unit) -> list[Unit]:
    """A paragraph ends a sentence; the trailing lines that do not are standalone units (headings, captions,
    lines that stand apart), one for each run of lines without a blank line between them."""
    end = len(unit.lines)
    while end and not unit.lines[end - 1].terminal:
        end -= 1
    pieces = [Unit(unit.lines[:end])] if end else []
    for line in unit.lines[end:]:
        if line.blank_before or not pieces or not pieces[-1].standalone:
            pieces.append(Unit([line], standalone=True))  # a blank line separates groups of standalone lines
        else:
            pieces[-1].append(line)
    return pieces


def _geometry(lines: list[Line]) -> tuple[float, bool]:
    widths = sorted(line.width for line in lines)
    return widths[len(widths) // 2], sum(line.blank_before for line in lines) * 2 > len(lines)


def _column_change_at(lines: list[Line], index: int) -> bool:
    """Whether the column changes before ``lines[index]``: a sentence ends there, and the lines on each
    side have another width or line spacing.

    Catches a column that ends on a full line, followed by another column whose indented first line
    looks full in the old one.
    """
    if index < 3 or index > len(lines) - 3 or not lines[index - 1].terminal:
        return False
    before = _geometry(lines[max(1, index - COLUMN_PROBE) : index])
    after = _geometry(lines[index + 1 : index + 1 + COLUMN_PROBE])
    return abs(before[0] - after[0]) > COLUMN_WIDTH_TOLERANCE or before[1] != after[1]


def _read_unit(lines: list[Line], start: int) -> Unit:
    """The unit starting at ``lines[start]``, cut at the first column change (checked as it grows)."""
    unit = Unit([lines[start]])
    end = start + 1
    while end < len(lines) and _continues(unit, lines[end], lines[end + 1] if end + 1 < len(lines) else None):
        unit.append(lines[end])
        end += 1
        probe = len(unit.lines) - 1 - COLUMN_PROBE
        if _column_change_at(unit.lines, probe):
            return Unit(unit.lines[:probe])
    tail = range(max(3, len(unit.lines) - COLUMN_PROBE), len(unit.lines))
    cut = next((index for index in tail if _column_change_at(unit.lines, index)), None)
    return unit if cut is None else Unit(unit.lines[:cut])


def column_breaks(units: list[Unit]) -> list[bool]:
    """Per unit: True where it starts a new column run (another column width or line spacing than the unit
    before). New sections often start new columns on the printed page."""
    breaks = []
    for previous, unit in zip([None, *units], units, strict=False):
        if previous is None:
            breaks.append(True)
            continue
        same_width = abs(unit.column_width - previous.column_width) <= COLUMN_WIDTH_TOLERANCE
        multi_line = len(unit.lines) > 1 and len(previous.lines) > 1
        breaks.append(not same_width or (multi_line and unit.blank_lined != previous.blank_lined))
    return breaks


def _edge_slogan(line: Line, set_off: bool) -> bool:
    """A page's first or last line that stands apart: a short display line with no punctuation, ``set_off`` by a
    blank line from the rest (a banner or a headline, never the start or end of a paragraph)."""
    return (
        set_off
        and line.width <= cues.BANNER_MAX_WIDTH
        and not any(mark in line.text for mark in cues.PUNCTUATION)
        and not cues.names_a_photo(line.text)
    )


def one_paragraph_a_line(lines: list[Line]) -> bool:
    """Whether the text was copied from a web page rather than extracted from a printed page: its paragraphs are
    not wrapped, so many of its lines are wider than any printed column or headline."""
    wide = sum(line.width > cues.HEADING_MAX_WIDTH for line in lines)
    return wide >= WEB_MIN_WIDE_LINES and wide * WEB_WIDE_SHARE >= len(lines)


def _line_units(lines: list[Line]) -> list[Unit]:
    """One unit a line (a text with one paragraph a line): a line that ends a sentence, or is wider than a
    headline, is a paragraph; another stands alone (a heading, a title, a name)."""
    return [Unit([line], standalone=not line.terminal and line.width <= cues.HEADING_MAX_WIDTH) for line in lines]


def _as_lists(units: list[Unit]) -> list[Unit]:
    """Runs of at least two units opening with the same bullet mark are lists: each item is body text, whether
    or not it ends a sentence (``●经济增长6%左右``)."""
    marks = [unit.lines[0].text[0] if unit.lines[0].text[0] in cues.BULLETS else "" for unit in units]
    for index, (unit, mark) in enumerate(zip(units, marks, strict=True)):
        neighbours = marks[index - 1 : index] + marks[index + 1 : index + 2]
        if mark and mark in neighbours:
            unit.standalone = False
    return units


def group_units(lines: list[Line]) -> list[Unit]:
    """Group lines into paragraphs and standalone lines, in source order.

    Lines after a column change were judged against the old column, so reading resumes at the change;
    the change is found within a few lines of it, which keeps the whole pass linear. A text with one paragraph
    a line (``one_paragraph_a_line``) is read a line at a time.
    """
    if one_paragraph_a_line(lines):
        return _as_lists(_line_units(lines))
    head: list[Unit] = []
    tail: list[Unit] = []
    if len(lines) > 1 and _edge_slogan(lines[0], lines[1].blank_before):
        head, lines = [Unit([lines[0]], standalone=True)], lines[1:]
    if len(lines) > 1 and _edge_slogan(lines[-1], lines[-1].blank_before):
        tail, lines = [Unit([lines[-1]], standalone=True)], lines[:-1]
    units: list[Unit] = head
    start = 0
    while start < len(lines):
        unit = _read_unit(lines, start)
        units.extend(_split_unfinished(unit))
        start += len(unit.lines)
    return _as_lists(units + tail)


def _line_joint(before: str, after: str) -> str:
    """What a line break between two characters stood for: a space only inside Latin text."""
    if not (before.isascii() and after.isascii()):
        return ""
    number_split = (before.isdigit() or before == ".") and (after.isdigit() or after in ".%")
    return "" if number_split else " "


def remove_layout_spaces(text: str) -> str:
    """Drop spaces next to Chinese text ("2024 年" → "2024年"); keep spaces between Latin words."""

    def keep_or_drop(match: re.Match[str]) -> str:
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if not before or not after or is_wide(before) or is_wide(after) or after in "%‰":
            return ""
        return " "

    return _SPACE_RUN.sub(keep_or_drop, text)


def repaired_text(unit: Unit) -> str:
    """The unit's text with line breaks and layout spaces removed."""
    return remove_layout_spaces(unit.raw)


def repaired_line(line: Line) -> str:
    """One line's text with layout spaces removed."""
    return remove_layout_spaces(line.text)
