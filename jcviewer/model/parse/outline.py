"""Which heading each run of body paragraphs belongs to, in reading order.

Headings that stay in the text flow head the paragraphs after them. Headings the extraction pushed to the end
are put back by ``placement`` (cohesion, topic shifts, article openings), each with a confidence. An optional
sidecar ``<report>.outline.toml``, written by the person preparing the briefing, can settle it with anchor
phrases — never with content::

    [[section]]
    heading = "果园增收"              # how the heading starts
    paragraphs = ["三月的山村"]        # how each run of its paragraphs starts, in reading order

A run starts at an anchored paragraph and takes the following paragraphs (in extraction order) up to the
next anchored one. The sidecar is read as part of a report's corrections (``corrections``).
"""

from __future__ import annotations

from dataclasses import dataclass

from jcviewer.model.corrections import SidecarSection
from jcviewer.model.parse.layout import Unit, column_breaks, repaired_text
from jcviewer.model.parse.placement import place
from jcviewer.model.parse.structure import PlacedHeading
from jcviewer.model.report import Heading, compact
from jcviewer.model.vocabulary import Synonyms


@dataclass(frozen=True)
class Assignment:
    """A heading (or None for unheaded text) and its body units in reading order."""

    heading: Heading | None
    units: tuple[Unit, ...]
    confidence: float = 1.0  # how sure the parser is that these units belong under this heading
    weighed: bool = True  # False when the page was too large to weigh and headings were spread evenly


class SidecarError(ValueError):
    """The sidecar's sections do not match the report."""


def infer(placed: list[PlacedHeading], body: list[Unit], synonyms: Synonyms) -> list[Assignment]:
    """The outline from the text alone: headings in the text flow head what follows them; headings the
    extraction pushed past the body are placed by cohesion (``placement.place``), each with a confidence."""
    if not placed:
        return [Assignment(None, tuple(body))] if body else []
    in_place = [p for p in placed if p.position < len(body)]
    pushed = [p.heading for p in placed if p.position >= len(body)]
    bounds = [p.position for p in in_place] + [len(body)]
    opening = [Assignment(None, tuple(body[: bounds[0]]))] if bounds[0] else []
    runs = [Assignment(p.heading, tuple(body[bounds[i] : bounds[i + 1]])) for i, p in enumerate(in_place)]
    if not pushed:
        return opening + runs
    if not runs:
        return _placed(pushed, body, synonyms)
    # Headings pushed to the end head parts of the last in-flow heading's run; its first part stays with it.
    last = runs.pop()
    parts = _placed(pushed, list(last.units), synonyms)
    kept = parts.pop(0).units if parts and parts[0].heading is None else ()
    return opening + runs + [Assignment(last.heading, kept)] + parts


def _placed(headings: list[Heading], body: list[Unit], synonyms: Synonyms) -> list[Assignment]:
    """``body`` under ``headings`` by ``placement.place``: an untitled opening run (if any), then each heading's."""
    texts = [repaired_text(unit) for unit in body]
    placement = place([f"{h.title} {h.subtitle}" for h in headings], texts, synonyms, column_breaks(body))
    runs = placement.runs()
    assignments = [Assignment(None, tuple(body[i] for i in runs[0]))] if runs[0] else []
    for heading, run, confidence in zip(headings, runs[1:], placement.confidence, strict=True):
        assignments.append(Assignment(heading, tuple(body[i] for i in run), confidence, placement.weighed))
    return assignments


def apply_sidecar(sidecar: tuple[SidecarSection, ...], headings: list[Heading], body: list[Unit]) -> list[Assignment]:
    """The outline a sidecar describes; SidecarError naming the first anchor that matches nothing."""
    texts = [compact(repaired_text(unit)) for unit in body]
    starts: dict[int, SidecarSection] = {}
    order: list[tuple[SidecarSection, list[int]]] = []
    for section in sidecar:
        indexes = []
        for anchor in section.paragraphs:
            found = next((i for i, text in enumerate(texts) if text.startswith(anchor)), None)
            if found is None:
                raise SidecarError(f"no paragraph starts with “{anchor}”")
            if found in starts:
                raise SidecarError(f"“{anchor}” is anchored twice")
            starts[found] = section
            indexes.append(found)
        order.append((section, indexes))
    assignments = []
    used_headings: set[int] = set()
    for section, indexes in order:
        heading_index = next(
            (i for i, h in enumerate(headings) if compact(h.title + h.subtitle).startswith(section.heading)), None
        )
        if heading_index is None:
            raise SidecarError(f"no heading starts with “{section.heading}”")
        if heading_index in used_headings:
            raise SidecarError(f"“{section.heading}” names a heading twice")
        used_headings.add(heading_index)
        units = []
        for start in indexes:
            end = start + 1
            while end < len(body) and end not in starts:
                end += 1
            units.extend(body[start:end])
        assignments.append(Assignment(headings[heading_index], tuple(units)))
    covered = {id(unit) for assignment in assignments for unit in assignment.units}
    for index, heading in enumerate(headings):
        if index not in used_headings:
            assignments.append(Assignment(heading, ()))
    left_over = tuple(unit for unit in body if id(unit) not in covered)
    if left_over:
        assignments.append(Assignment(None, left_over))
    return assignments
