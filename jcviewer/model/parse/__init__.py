"""Text → Report. ``load_report(path)`` for files, ``parse_text(text)`` for strings."""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from jcviewer.model import correction_store, corrections
from jcviewer.model.corrections import Corrections
from jcviewer.model.errors import ReportError
from jcviewer.model.parse import outline
from jcviewer.model.parse.decode import decode_report
from jcviewer.model.parse.enumerations import find_enumerations
from jcviewer.model.parse.layout import Line, group_units, repaired_line, repaired_text, split_lines
from jcviewer.model.parse.metrics import find_metrics
from jcviewer.model.parse.quotes import find_quotes, find_terms
from jcviewer.model.parse.restructure import restructured, with_anchored_headings, with_boundaries
from jcviewer.model.parse.structure import Layout, classify, is_furniture, printed_twice
from jcviewer.model.report import (
    Banner,
    BannerPosition,
    Caption,
    Paragraph,
    ParagraphKind,
    ParseWarning,
    Report,
    Section,
    SectionKind,
)
from jcviewer.model.report_file import read_report_bytes
from jcviewer.model.vocabulary import Synonyms, default_synonyms

__all__ = ["load_report", "parse_text", "default_synonyms", "ReportError"]

log = logging.getLogger(__name__)

_MEETING = re.compile(
    r"[^\s，。、；：“”！？（）]{2,40}?(?:全体会议|全会|代表大会|工作会议|会议)"
    r"(?:暨[^\s，。、；：“”！？（）]{2,30}?会议)?"
)


UNHEADED_TITLE = "正文"
"""The title of a section the page gives no heading (its text stands before any heading)."""


def _title(paragraphs: list[Paragraph], fallback: str) -> str:
    """The meeting the report is about: the meeting name printed most often (ties: the longest)."""
    names = Counter(m.group() for p in paragraphs for m in _MEETING.finditer(p.text))
    if not names:
        return fallback
    return max(names, key=lambda name: (names[name], len(name)))


def _line_paragraph(line: Line, paragraph_id: str, kind: ParagraphKind) -> Paragraph:
    return Paragraph(paragraph_id, repaired_line(line), kind, (line.number, line.number))


def _furniture(kind: SectionKind, child_kind: SectionKind, title: str, paragraphs: list[Paragraph]) -> Section:
    """A group node (captions, banners) with one child node per paragraph."""
    children = tuple(
        Section(f"{child_kind}-{i}", child_kind, p.text, paragraphs=(p,)) for i, p in enumerate(paragraphs, start=1)
    )
    return Section(kind, kind, title, children=children)


def _sections(
    layout: Layout, assignments: list[outline.Assignment]
) -> tuple[list[Section], list[Paragraph], list[Caption], list[Banner]]:
    sections: list[Section] = []
    body: list[Paragraph] = []
    if layout.lead is not None:
        lead = Paragraph("l1", repaired_text(layout.lead), "lead", (layout.lead.first, layout.lead.last))
        sections.append(Section("lead", "lead", "导语", paragraphs=(lead,)))
    for number, assignment in enumerate(assignments, start=1):
        paragraphs = []
        for unit in assignment.units:
            paragraph = Paragraph(f"p{len(body) + 1}", repaired_text(unit), "body", (unit.first, unit.last))
            paragraphs.append(paragraph)
            body.append(paragraph)
        heading = assignment.heading
        title, subtitle = (heading.title, heading.subtitle) if heading else (UNHEADED_TITLE, "")
        sections.append(Section(f"s{number}", "section", title, subtitle, tuple(paragraphs)))
    captions = [
        Caption(
            Paragraph(f"c{i}", printed_twice(unit.raw) or repaired_text(unit), "caption", (unit.first, unit.last)),
            twice,
        )
        for i, (unit, twice) in enumerate(layout.captions, start=1)
    ]
    placed: list[tuple[Line, BannerPosition]] = [(line, "top") for line in layout.top_banners]
    placed += [(line, "bottom") for line in layout.bottom_banners]
    banners = [
        Banner(_line_paragraph(line, f"b{i}", "banner"), position) for i, (line, position) in enumerate(placed, start=1)
    ]
    if captions:
        sections.append(_furniture("captions", "caption", "图片说明", [c.paragraph for c in captions]))
    if banners:
        sections.append(_furniture("banners", "banner", "版面横幅", [b.paragraph for b in banners]))
    return sections, body, captions, banners


PLACEMENT_DOUBT = 0.5
"""A heading placed with a confidence below this (a margin below ``placement.CONFIDENT_MARGIN``) is reported."""


def _placement_warnings(assignments: list[outline.Assignment], sections: list[Section]) -> list[ParseWarning]:
    """One warning per heading whose paragraphs are a guess; one in all for a page too large to weigh."""
    headed = [s for s in sections if s.kind == "section"]
    unweighed = [a for a in assignments if a.heading is not None and not a.weighed]
    if unweighed:
        return [
            ParseWarning(
                "heading_placement",
                f"{len(unweighed)} headings spread evenly over the text: too many to place by their words",
            )
        ]
    warnings = []
    for assignment, section in zip(assignments, headed, strict=True):
        if assignment.heading is None or assignment.confidence >= PLACEMENT_DOUBT:
            continue
        where = f"{section.paragraphs[0].id}–{section.paragraphs[-1].id}" if section.paragraphs else "no paragraph"
        warnings.append(
            ParseWarning(
                "heading_placement",
                f"“{section.title}” placed over {where} (confidence {assignment.confidence:.2f}): "
                "check where it starts",
                paragraph=section.paragraphs[0].id if section.paragraphs else "",
            )
        )
    return warnings


def parse_text(
    text: str,
    source: str = "",
    structure: Corrections | None = None,
    synonyms: Synonyms | None = None,
) -> Report:
    """Parse extracted report text into a Report, its page structure corrected by ``structure``'s structural
    corrections (``restructure``; the others are ``corrections.apply``'s). Never fails: any text yields some
    model."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = split_lines(text)
    is_page_furniture = [is_furniture(line) for line in lines]
    furniture = [line for line, flag in zip(lines, is_page_furniture, strict=True) if flag]
    flow = [line for line, flag in zip(lines, is_page_furniture, strict=True) if not flag]
    layout = classify(group_units(flow), furniture)
    structure = structure or Corrections()
    warnings: list[ParseWarning] = []
    if structure.structure:
        warnings += restructured(layout, structure, flow)
    placed = [p for p in layout.placed_headings if not p.anchored]
    assignments = None
    if structure.sections:
        try:
            assignments = outline.apply_sidecar(structure.sections, [p.heading for p in placed], layout.body)
        except outline.SidecarError as error:
            warnings.append(ParseWarning("sidecar_ignored", f"outline sidecar ignored: {error}"))
    synonyms = synonyms or default_synonyms()
    if assignments is None:
        assignments = outline.infer(placed, layout.body, synonyms)
    assignments = with_anchored_headings(assignments, [p.heading for p in layout.placed_headings if p.anchored])
    assignments, stale = with_boundaries(assignments, structure)
    warnings += stale + layout.warnings
    sections, body, captions, banners = _sections(layout, assignments)
    warnings += _placement_warnings(assignments, sections)
    lead = list(sections[0].paragraphs) if layout.lead is not None else []
    quotes, quote_warnings = find_quotes(lead + body)
    warnings += quote_warnings
    terms = find_terms([p.text for p in lead + body] + [h.title + h.subtitle for h in layout.headings])
    metrics, year = find_metrics(body, synonyms, quotes, sections)
    return Report(
        title=layout.title or _title(body + [c.paragraph for c in captions], source or "报告"),
        source=source,
        sections=tuple(sections),
        headings=tuple(layout.headings),
        banners=tuple(banners),
        captions=tuple(captions),
        quotes=tuple(quotes),
        metrics=tuple(metrics),
        enumerations=tuple(find_enumerations(body)),
        terms=tuple(terms),
        year=year,
        warnings=tuple(warnings),
    )


def load_report(
    path: Path,
    synonyms: Synonyms | None = None,
    data: bytes | None = None,
    store: Path | None = None,
    sidecar: bool = True,
) -> Report:
    """Read, decode and parse a report file, corrected by its sidecar (unless ``sidecar`` is false) and by the
    corrections kept for it in ``store`` (``correction_store``; none when ``store`` is None). ``data`` are the
    file's bytes when the caller has read them already (``report_file.read_report_bytes``), so it is read once."""
    data = read_report_bytes(path) if data is None else data
    text = decode_report(data, str(path))
    found, warnings = correction_store.gather(path, data, store, sidecar)
    report = parse_text(text, path.name, found, synonyms)
    if warnings:
        report = replace(report, warnings=tuple(warnings) + report.warnings)
    report = corrections.apply(report, found)
    for warning in report.warnings:
        log.info("%s: %s", path.name, warning)
    return report
