"""Page structure: which units are banners and page furniture, captions, headings, the lead and body text.

Standalone lines (lines that are not part of a paragraph) come in groups: consecutive lines with no blank line
between them. Each group is classified from its own evidence — photo credits and photo words, a titled person
at work, a caption printed twice, heading shape (short display lines without sentence punctuation), page
furniture — and a group that is none of these is body text that stands alone, never a caption.

A document may open with its own title (``某县政府工作报告``: a display line naming a report, speech or meeting):
it heads the text, with the line naming the date and occasion under it as its subtitle, and is the report's
title; the line naming who speaks (``某县人民政府县长 某某``) is read as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import takewhile

from jcviewer.model.parse import cues
from jcviewer.model.parse.cohesion import tokens
from jcviewer.model.parse.layout import Line, Unit, remove_layout_spaces
from jcviewer.model.report import Heading, ParseWarning

BANNER_MAX_OVERLAP = 0.6
"""A last line with at least this share of its bigrams in the body text is a heading, not a banner."""

CAPTION_MAX_LINES = 6
"""A photo caption wrapped into the column runs at most this many lines."""

LEAD_WIDTH_RATIO = 1.4
"""The lead is set across several columns: its lines are much wider than the body's."""


@dataclass(frozen=True)
class PlacedHeading:
    """A heading and how many body units precede it in the extraction (its place in the text flow).
    ``anchored``: the reader made a line of text a heading there (``restructure``), so it heads what follows it
    whatever the other headings do."""

    heading: Heading
    position: int
    anchored: bool = False


@dataclass
class Layout:
    """The units of a page, classified."""

    top_banners: list[Line] = field(default_factory=list)
    bottom_banners: list[Line] = field(default_factory=list)
    captions: list[tuple[Unit, bool]] = field(default_factory=list)  # (its lines, printed twice)
    placed_headings: list[PlacedHeading] = field(default_factory=list)
    lead: Unit | None = None
    body: list[Unit] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    title: str = ""  # the document's own title, when its first line reads as one (``title_line``)

    @property
    def headings(self) -> list[Heading]:
        """The headings in extraction order."""
        return [placed.heading for placed in self.placed_headings]


def printed_twice(text: str) -> str | None:
    """The caption if ``text`` is one caption printed twice in a row ("AB" + "AB"), else None."""
    compact = remove_layout_spaces(text)
    half, odd = divmod(len(compact), 2)
    if odd or half < 4 or compact[:half] != compact[half:]:
        return None
    return compact[:half]


def _is_banner(line: Line) -> bool:
    """A page banner is a short slogan: no punctuation, no sentence, no photo."""
    return (
        line.width <= cues.BANNER_MAX_WIDTH
        and not any(mark in line.text for mark in cues.PUNCTUATION)
        and not is_caption(line.text)
    )


def is_caption(text: str) -> bool:
    """A photo caption: credited, describing a photo, naming a titled person at work, or printed twice."""
    return printed_twice(text) is not None or cues.names_a_photo(remove_layout_spaces(text))


def is_heading_line(line: Line) -> bool:
    """A display line: short, no sentence punctuation, not cut off after a comma."""
    compact = remove_layout_spaces(line.text)
    return (
        line.width <= cues.HEADING_MAX_WIDTH
        and not any(mark in compact for mark in cues.SENTENCE_PUNCTUATION)
        and compact[-1] not in "，、,"
    )


def is_title_line(line: Line) -> bool:
    """A document's title: a display line that names the report, speech or meeting it is (``某县政府工作报告``)."""
    return is_heading_line(line) and bool(cues.NAMES_A_REPORT.search(line.text)) and not is_caption(line.text)


def is_occasion_line(line: Line) -> bool:
    """The line under a speech's title that names its date and occasion (``——…日在…会议上``)."""
    return bool(cues.OCCASION.match(remove_layout_spaces(line.text)))


def is_byline(line: Line) -> bool:
    """A line naming who speaks (``某县人民政府县长 某某``) or when and where the text was published (``某某日报
    2025年01月17日``): front matter read as text, not a heading."""
    return bool(cues.BYLINE.match(line.text) or cues.DATELINE.match(line.text))


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


def _display(text: str) -> str:
    """A display line: layout spaces removed, but the gap between two printed phrases kept."""
    return " ".join(remove_layout_spaces(part) for part in text.split())


def heading_of(lines: list[Line]) -> Heading:
    """The heading printed on ``lines``: the first is its title, the others its subtitle."""
    return Heading(
        _display(lines[0].text),
        " ".join(_display(line.text) for line in lines[1:]),
        (lines[0].number, lines[-1].number),
    )


def _split_numbered(lines: list[Line]) -> list[list[Line]]:
    """A run of heading lines split before each numbered heading (``一、``, ``（二）``): one heading each."""
    groups: list[list[Line]] = []
    for line in lines:
        if not groups or cues.HEADING_NUMBER.match(remove_layout_spaces(line.text)):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


@dataclass
class _Page:
    """Classification in progress: the layout being built and where the text flow stands."""

    layout: Layout = field(default_factory=Layout)

    def standalone_group(self, lines: list[Line]) -> None:
        """Classify one group of standalone lines at the current place in the text flow."""
        if len(lines) == 1 and is_byline(lines[0]):
            self.layout.body.append(Unit(lines))  # who speaks, or when published: front matter, read as text
            return
        joined = Unit(lines).raw
        if 1 < len(lines) <= CAPTION_MAX_LINES and is_caption(joined):
            self.layout.captions.append((Unit(lines), printed_twice(joined) is not None))  # a caption set in lines
            return
        if all(is_heading_line(line) and not is_caption(line.text) for line in lines):
            for group in _split_numbered(lines):
                if len(group) > cues.HEADING_GROUP_MAX_LINES:  # no blank lines to tell the groups: one a line
                    for line in group:
                        self.heading([line])
                else:
                    self.heading(group)
            return
        if len(lines) > 1 and not any(is_caption(line.text) for line in lines):
            self.stranded(lines)  # lines of running text cut off from their paragraph
            return
        for line in lines:
            if is_caption(line.text):
                self.layout.captions.append((Unit([line]), printed_twice(line.text) is not None))
            elif is_heading_line(line):
                self.heading([line])
            else:
                self.stranded([line])

    def heading(self, lines: list[Line]) -> None:
        """A heading at the current place in the text flow."""
        self.layout.placed_headings.append(PlacedHeading(heading_of(lines), len(self.layout.body)))

    def stranded(self, lines: list[Line]) -> None:
        """Running text that stands alone: kept as a body paragraph, with a warning (it may be a caption)."""
        unit = Unit(lines)
        self.layout.body.append(unit)
        self.layout.warnings.append(
            ParseWarning(
                "caption_or_body",
                f"text that is neither a whole paragraph nor a caption was kept as body text: "
                f"“{remove_layout_spaces(unit.raw)[:24]}”",
                line=unit.first,
            )
        )


def _groups(units: list[Unit], separated_by_blanks: bool) -> list[list[Unit]]:
    """Consecutive standalone units with no blank line between them form a group; paragraphs stand alone."""
    grouped: list[list[Unit]] = []
    for unit in units:
        previous = grouped[-1] if grouped else None
        if (
            previous is not None
            and unit.standalone
            and previous[-1].standalone
            and separated_by_blanks
            and not unit.lines[0].blank_before
        ):
            previous.append(unit)
        else:
            grouped.append([unit])
    return grouped


def _closes_heading_block(lines: list[Line], groups: list[list[Unit]], body: list[Unit]) -> bool:
    """Whether the page's last line is the last of the headings pushed to the end rather than a banner: it
    follows other standalone lines and speaks the body's language (a banner belongs to another article)."""
    if len(lines) != 1 or len(groups) < 2 or not groups[-2][0].standalone:
        return False
    words = tokens(lines[0].text)
    found = tokens("".join(unit.raw for unit in body))
    return bool(words) and len(words & found) >= BANNER_MAX_OVERLAP * len(words)


def _front_matter(page: _Page, groups: list[list[Unit]]) -> list[list[Unit]]:
    """The groups left after the document's title, when its first line reads as one (``is_title_line``): the
    title heads the text with the display lines set under it (a subtitle, the date-and-occasion line), the line
    naming who speaks left to the text."""
    if not groups or not groups[0][0].standalone or not is_title_line(groups[0][0].lines[0]):
        return groups
    first = [line for unit in groups[0] for line in unit.lines]
    under = takewhile(lambda line: not is_byline(line) and (is_heading_line(line) or is_occasion_line(line)), first[1:])
    block = [first[0], *under][: cues.HEADING_GROUP_MAX_LINES]
    rest, left = first[len(block) :], groups[1:]
    if len(block) == 1 and not rest and left and left[0][0].standalone and is_occasion_line(left[0][0].lines[0]):
        rest = [line for unit in left[0] for line in unit.lines]
        block, rest, left = block + rest[:1], rest[1:], left[1:]
    page.heading(block)
    page.layout.title = page.layout.headings[-1].title
    return ([[Unit(rest, standalone=True)]] if rest else []) + left


def is_furniture(line: Line) -> bool:
    """Page furniture: a page header, a page number, an editors' line."""
    return bool(cues.PAGE_FURNITURE.match(remove_layout_spaces(line.text)))


def classify(units: list[Unit], furniture: list[Line]) -> Layout:
    """Classify the units of a page (see the module docstring); ``furniture`` are the page-furniture lines
    taken out of the text flow beforehand, so that a paragraph broken by a page break reads on."""
    page = _Page()
    layout = page.layout
    paragraph_positions = [i for i, unit in enumerate(units) if not unit.standalone]
    paragraphs = [units[i] for i in paragraph_positions]
    text_starts = paragraphs[0].first if paragraphs else 0
    for line in furniture:
        (layout.top_banners if line.number < text_starts else layout.bottom_banners).append(line)
    lead_index = _lead_index(paragraphs)
    lead = paragraphs[lead_index] if lead_index is not None else None
    separated_by_blanks = any(line.blank_before for unit in units for line in unit.lines)
    groups = _groups(units, separated_by_blanks)
    groups = _front_matter(page, groups)
    for index, group in enumerate(groups):
        if not group[0].standalone:
            if group[0] is lead:
                layout.lead = lead
            else:
                layout.body.append(group[0])
            continue
        lines = [line for unit in group for line in unit.lines]
        edge = (index == 0 and not layout.title) or (
            index == len(groups) - 1 and not _closes_heading_block(lines, groups, layout.body)
        )
        if edge and len(lines) == 1 and _is_banner(lines[0]):
            (layout.top_banners if index == 0 else layout.bottom_banners).append(lines[0])
            continue
        page.standalone_group(lines)
    return layout
