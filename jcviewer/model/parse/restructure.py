"""A reader's structural corrections (``corrections``), applied to the page structure before the genre logic.

The ``[[structure]]`` corrections apply in the order the reader made them (each was made on the page as
corrected by those before it): what a line is (``action = "line"``: heading, caption or body text), paragraphs
joined and cut (``"merge"``, ``"split"``), all on the classified page (``structure.Layout``) so that the outline is
inferred from the corrected paragraphs; then, once the outline stands, where a heading's run starts
(``"boundary"``). Every anchor is how a text starts, compared without spaces. A correction whose anchor is
nowhere becomes a ``correction_stale`` warning; one the text already satisfies (the line is a heading already,
the paragraphs are one already) changes nothing and says nothing.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from jcviewer.model.corrections import BoundaryFix, Corrections, LineFix, LineKind, MergeFix, SplitFix
from jcviewer.model.parse.layout import Line, Unit, ends_sentence, repaired_text, visual_width
from jcviewer.model.parse.outline import Assignment
from jcviewer.model.parse.structure import Layout, PlacedHeading, heading_of, printed_twice
from jcviewer.model.report import Heading, ParseWarning, compact


def restructured(layout: Layout, corrections: Corrections, flow: list[Line]) -> list[ParseWarning]:
    """Apply the line, merge and split corrections to ``layout`` in the order they were made (in place;
    ``flow`` are the page's lines in the text flow, for headings turned into text); the warnings for those that
    match nothing."""
    warnings = []
    for fix in corrections.structure:
        if isinstance(fix, LineFix):
            warning = _reclassify(layout, fix, flow)
        elif isinstance(fix, MergeFix):
            warning = _merge(layout, fix)
        elif isinstance(fix, SplitFix):
            warning = _split(layout, fix)
        else:
            continue  # a boundary: once the outline stands (``with_boundaries``)
        if warning is not None:
            warnings.append(warning)
    firsts = [unit.first for unit in layout.body]
    layout.placed_headings = sorted(
        (replace(placed, position=bisect_left(firsts, placed.heading.lines[0])) for placed in layout.placed_headings),
        key=lambda placed: placed.heading.lines[0],
    )
    return warnings


def _stale(what: str, where: str = "nothing starts with it") -> ParseWarning:
    """The warning for a structural correction that matches nothing; ``what`` names it by all its anchors, so
    two corrections never share one message."""
    return ParseWarning("correction_stale", f"correction ignored: {what}: {where}")


def _heading_text(heading: Heading) -> str:
    return compact(heading.title + heading.subtitle)


def _reclassify(layout: Layout, fix: LineFix, flow: list[Line]) -> ParseWarning | None:
    """Make the heading, caption or body paragraph starting with ``fix.text`` a ``fix.kind``."""
    found = _find_item(layout, fix.text, fix.kind)
    if found is None:
        if _find_item(layout, fix.text, None) is not None:
            return None  # it is that already
        return _stale(f"{fix.kind} for the line “{fix.text}”")
    kind, index = found
    if kind == "heading":
        heading = layout.placed_headings.pop(index).heading
        lines = [line for line in flow if heading.lines[0] <= line.number <= heading.lines[1]]
    elif kind == "caption":
        unit, twice = layout.captions.pop(index)
        lines = split_unit(unit, len(compact(unit.raw)) // 2)[0].lines if twice else unit.lines  # printed once
    else:
        lines = layout.body.pop(index).lines
    _put(layout, lines, fix.kind, anchored=kind == "body" and index < len(layout.body))
    return None


def _find_item(layout: Layout, text: str, not_kind: LineKind | None) -> tuple[LineKind, int] | None:
    """The first heading, caption or body unit (in that order) starting with ``text`` that is not of kind
    ``not_kind``: its kind and index."""
    kinds: list[tuple[LineKind, list[str]]] = [
        ("heading", [_heading_text(placed.heading) for placed in layout.placed_headings]),
        ("caption", [compact(repaired_text(unit)) for unit, _twice in layout.captions]),
        ("body", [compact(repaired_text(unit)) for unit in layout.body]),
    ]
    for kind, texts in kinds:
        if kind == not_kind:
            continue
        index = next((i for i, start in enumerate(texts) if start.startswith(text)), None)
        if index is not None:
            return kind, index
    return None


def _put(layout: Layout, lines: list[Line], kind: LineKind, anchored: bool) -> None:
    """Put ``lines`` back as a ``kind``; a heading made of text in the flow (``anchored``) heads what follows
    it, one from a caption or the page's end is placed like the headings pushed to the end."""
    unit = Unit(list(lines))
    if kind == "heading":
        layout.placed_headings.append(PlacedHeading(heading_of(unit.lines), 0, anchored))  # position: the caller's
    elif kind == "caption":
        layout.captions.append((unit, printed_twice(unit.raw) is not None))
        layout.captions.sort(key=lambda caption: caption[0].first)
    else:
        layout.body.insert(bisect_left([u.first for u in layout.body], unit.first), unit)


def _merge(layout: Layout, fix: MergeFix) -> ParseWarning | None:
    """Join the body paragraph starting with ``fix.paragraph`` to the one before it."""
    texts = [compact(repaired_text(unit)) for unit in layout.body]
    index = next((i for i, text in enumerate(texts) if text.startswith(fix.paragraph)), None)
    if index is None:
        if any(fix.paragraph in text for text in texts):
            return None  # joined already
        return _stale(f"merge of the paragraph “{fix.paragraph}”")
    if index == 0:
        return _stale(f"merge of the paragraph “{fix.paragraph}”", "no paragraph before it")
    before = layout.body[index - 1]
    layout.body[index - 1 : index + 1] = [Unit(before.lines + layout.body[index].lines)]
    return None


def _split(layout: Layout, fix: SplitFix) -> ParseWarning | None:
    """Cut the body paragraph starting with ``fix.paragraph`` where ``fix.at`` starts in it."""
    texts = [compact(repaired_text(unit)) for unit in layout.body]
    index = next(
        (i for i, text in enumerate(texts) if text.startswith(fix.paragraph) and text.find(fix.at, 1) > 0), None
    )
    if index is None:
        if any(text.startswith(fix.at) for text in texts):
            return None  # cut already
        return _stale(f"split of the paragraph “{fix.paragraph}” before “{fix.at}”")
    layout.body[index : index + 1] = split_unit(layout.body[index], fix.cut_in(texts[index]) or 0)
    return None


def split_unit(unit: Unit, offset: int) -> list[Unit]:
    """``unit`` cut before its ``offset``-th character (counted without spaces); a line cut in two keeps its
    number in both halves."""
    count = 0
    for index, line in enumerate(unit.lines):
        size = len(compact(line.text))
        if count + size > offset:
            inner = offset - count
            if inner == 0:
                return [Unit(unit.lines[:index]), Unit(unit.lines[index:])]
            cut = _char_index(line.text, inner)
            head = _line_part(line, line.text[:cut], line.blank_before, line.indented)
            tail = _line_part(line, line.text[cut:], False, False)
            return [Unit([*unit.lines[:index], head]), Unit([tail, *unit.lines[index + 1 :]])]
        count += size
    return [unit]


def _char_index(text: str, characters: int) -> int:
    """The index in ``text`` after its first ``characters`` non-space characters."""
    seen = 0
    for index, char in enumerate(text):
        if not char.isspace():
            if seen == characters:
                return index
            seen += 1
    return len(text)


def _line_part(line: Line, text: str, blank_before: bool, indented: bool) -> Line:
    text = text.strip()
    return Line(line.number, text, visual_width(text), blank_before, ends_sentence(text), indented)


def with_anchored_headings(assignments: list[Assignment], headings: list[Heading]) -> list[Assignment]:
    """``assignments`` with each heading the reader made of a line of text heading the run from the paragraph
    after it (in reading order) to the end of the run it falls in."""
    for heading in sorted(headings, key=lambda heading: heading.lines[0]):
        assignments = _anchored(assignments, heading)
    return assignments


def _anchored(assignments: list[Assignment], heading: Heading) -> list[Assignment]:
    for index, assignment in enumerate(assignments):
        cut = next((i for i, unit in enumerate(assignment.units) if unit.first > heading.lines[1]), None)
        if cut is None:
            continue
        theirs = assignment.heading
        if cut == 0 and theirs is not None and heading.lines[1] < theirs.lines[0] < assignment.units[0].first:
            return [*assignments[:index], Assignment(heading, ()), *assignments[index:]]  # printed between: empty
        before = [replace(assignment, units=assignment.units[:cut])] if cut or theirs else []
        after = Assignment(heading, assignment.units[cut:])
        return assignments[:index] + before + [after] + assignments[index + 1 :]
    return [*assignments, Assignment(heading, ())]


def with_boundaries(
    assignments: list[Assignment], corrections: Corrections
) -> tuple[list[Assignment], list[ParseWarning]]:
    """``assignments`` with each fix's heading starting at its paragraph (in reading order: the paragraphs
    before it in its old run go to the run before; a run that started there is left empty); the warnings for
    fixes that match nothing."""
    warnings = []
    for fix in corrections.structure:
        if not isinstance(fix, BoundaryFix):
            continue
        moved = _moved(assignments, fix)
        if moved is None:
            warnings.append(_stale(f"start of the heading “{fix.heading}” at the paragraph “{fix.paragraph}”"))
        else:
            assignments = moved
    return assignments, warnings


def _moved(assignments: list[Assignment], fix: BoundaryFix) -> list[Assignment] | None:
    units = [unit for assignment in assignments for unit in assignment.units]
    owner = [index for index, assignment in enumerate(assignments) for _unit in assignment.units]
    moving = next(
        (
            index
            for index, assignment in enumerate(assignments)
            if assignment.heading is not None and _heading_text(assignment.heading).startswith(fix.heading)
        ),
        None,
    )
    start = next((i for i, unit in enumerate(units) if compact(repaired_text(unit)).startswith(fix.paragraph)), None)
    if moving is None or start is None:
        return None
    begins = {index: owner.index(index) for index in set(owner) if index != moving}
    begins = {index: first for index, first in begins.items() if first != start}  # a run starting there yields
    begins[moving] = start
    filled = sorted(begins, key=lambda index: begins[index])
    bounds = [begins[index] for index in filled] + [len(units)]
    waiting: dict[int | None, list[int]] = {}  # empty headed runs, by the filled run they stood before
    for index, assignment in enumerate(assignments):
        if index not in begins and assignment.heading is not None:
            waiting.setdefault(
                next((later for later in range(index + 1, len(assignments)) if later in begins), None), []
            ).append(index)
    result = [Assignment(None, tuple(units[: bounds[0]]))] if bounds[0] else []
    for index, end in zip(filled, bounds[1:], strict=True):
        result += [replace(assignments[empty], units=()) for empty in waiting.get(index, [])]
        confidence = 1.0 if index == moving else assignments[index].confidence
        result.append(replace(assignments[index], units=tuple(units[begins[index] : end]), confidence=confidence))
    return result + [replace(assignments[empty], units=()) for empty in waiting.get(None, [])]
