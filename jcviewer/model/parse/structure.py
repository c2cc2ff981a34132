"""Page structure: which units are banners, captions, headings, the lead and body paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jcviewer.model.parse.layout import Line, Unit, remove_layout_spaces
from jcviewer.model.report import Heading

HEADING_MAX_WIDTH = 16.0
"""Headings and sub-headings are short display lines; captions describe a photo at greater length."""

LEAD_WIDTH_RATIO = 1.4
"""The lead is set across several columns: its lines are much wider than the body's."""

_PUNCTUATION = re.compile(r"[，。、；：！？“”‘’（）《》…,.;:!?()\"']")
_TWO_PHRASES = re.compile(r"^\S{2,8}\s+\S{2,8}$")


@dataclass
class Layout:
    """The units of a page, classified."""

    top_banners: list[Line] = field(default_factory=list)
    bottom_banners: list[Line] = field(default_factory=list)
    captions: list[tuple[Line, bool]] = field(default_factory=list)  # (line, printed twice)
    headings: list[Heading] = field(default_factory=list)
    lead: Unit | None = None
    body: list[Unit] = field(default_factory=list)


def printed_twice(text: str) -> str | None:
    """The caption if ``text`` is one caption printed twice in a row ("AB" + "AB"), else None."""
    compact = remove_layout_spaces(text)
    half, odd = divmod(len(compact), 2)
    if odd or half < 4 or compact[:half] != compact[half:]:
        return None
    return compact[:half]


def _is_banner(line: Line) -> bool:
    """A page banner is a short slogan: no punctuation, no sentence."""
    return line.width <= HEADING_MAX_WIDTH and not _PUNCTUATION.search(line.text)


def _lead_index(paragraphs: list[Unit]) -> int | None:
    """The paragraph set wider than every other paragraph's column, if there is one (the first such)."""
    multi_line = sorted(
        ((unit.column_width, index) for index, unit in enumerate(paragraphs) if len(unit.lines) > 1), reverse=True
    )
    if len(multi_line) < 2:
        return None
    (widest, widest_index), (second, _) = multi_line[0], multi_line[1]
    for index, unit in enumerate(paragraphs):
        if len(unit.lines) < 2:
            continue
        widest_other = second if index == widest_index else widest
        if max(line.width for line in unit.lines) >= LEAD_WIDTH_RATIO * widest_other:
            return index
    return None


def _standalone_lines(layout: Layout, lines: list[Line]) -> None:
    """Sort a run of standalone lines between body text into headings and captions."""
    index = 0
    while index < len(lines):
        line = lines[index]
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        if printed_twice(line.text) is not None:
            layout.captions.append((line, True))
        elif (
            nxt is not None
            and not nxt.blank_before
            and line.width <= HEADING_MAX_WIDTH
            and nxt.width <= HEADING_MAX_WIDTH
            and printed_twice(nxt.text) is None
        ):
            layout.headings.append(Heading(_display(line.text), _display(nxt.text), (line.number, nxt.number)))
            index += 1
        elif line.width <= HEADING_MAX_WIDTH and _TWO_PHRASES.match(line.text):
            layout.headings.append(Heading(_display(line.text), "", (line.number, line.number)))
        else:
            layout.captions.append((line, False))
        index += 1


def _display(text: str) -> str:
    """A display line: layout spaces removed, but the gap between two printed phrases kept."""
    return " ".join(remove_layout_spaces(part) for part in text.split())


def classify(units: list[Unit]) -> Layout:
    """Classify units: standalone lines before the first and after the last paragraph are banners."""
    layout = Layout()
    paragraph_positions = [i for i, unit in enumerate(units) if not unit.standalone]
    if not paragraph_positions:
        # No paragraph at all: every line is standalone; treat them as captions/headings.
        _standalone_lines(layout, [unit.lines[0] for unit in units])
        return layout
    first, last = paragraph_positions[0], paragraph_positions[-1]
    top = [unit.lines[0] for unit in units[:first]]
    while top and _is_banner(top[0]):
        layout.top_banners.append(top.pop(0))
    bottom = [unit.lines[0] for unit in units[last + 1 :]]
    while bottom and _is_banner(bottom[-1]):
        layout.bottom_banners.insert(0, bottom.pop())
    paragraphs = [units[i] for i in paragraph_positions]
    lead = _lead_index(paragraphs)
    pending: list[Line] = top
    for unit in units[first : last + 1]:
        if unit.standalone:
            pending.append(unit.lines[0])
            continue
        _standalone_lines(layout, pending)
        pending = []
        if lead is not None and unit is paragraphs[lead]:
            layout.lead = unit
        else:
            layout.body.append(unit)
    _standalone_lines(layout, bottom)
    return layout
