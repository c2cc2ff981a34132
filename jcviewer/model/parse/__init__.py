"""Text or PDF → Report. ``load_report(path)`` for files (a PDF is read by ``pdf.read``), ``parse_text(text)`` for
strings."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
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
    Box,
    Caption,
    Paragraph,
    ParagraphKind,
    ParseWarning,
    Report,
    Section,
    SectionKind,
)
from jcviewer.model.report_file import read_as_pdf, read_report_bytes
from jcviewer.model.vocabulary import Synonyms, default_synonyms

__all__ = ["load_report", "parse_bytes", "parse_text", "default_synonyms", "ReportError"]

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


@dataclass
class ArticleLayout:
    """One article's classified page (``structure.Layout``) and its lines in the text flow (for ``restructure``)."""

    layout: Layout
    flow: list[Line]


BoxFinder = Callable[[int, int, str], tuple[Box, ...]]
"""Where the source lines ``first``…``last`` are printed, as boxes into ``text`` (the PDF path's; none for text)."""


def _no_boxes(first: int, last: int, text: str) -> tuple[Box, ...]:
    return ()


@dataclass
class _Numbering:
    """Ids given so far, so that the articles of one page number their paragraphs and sections on."""

    paragraphs: int = 0
    sections: int = 0


def _article_sections(
    layout: Layout, assignments: list[outline.Assignment], numbering: _Numbering, boxes: BoxFinder
) -> tuple[list[Section], list[Paragraph]]:
    """The lead and headed sections of one article, and its body paragraphs, numbered on from ``numbering``."""
    sections: list[Section] = []
    body: list[Paragraph] = []
    if layout.lead is not None:  # a text's page lead (a PDF's articles open under their headlines)
        text = repaired_text(layout.lead)
        first, last = layout.lead.first, layout.lead.last
        lead = Paragraph("l1", text, "lead", (first, last), boxes(first, last, text))
        sections.append(Section("lead", "lead", "导语", paragraphs=(lead,)))
    for assignment in assignments:
        paragraphs = []
        for unit in assignment.units:
            numbering.paragraphs += 1
            text = repaired_text(unit)
            paragraph = Paragraph(
                f"p{numbering.paragraphs}", text, "body", (unit.first, unit.last), boxes(unit.first, unit.last, text)
            )
            paragraphs.append(paragraph)
            body.append(paragraph)
        heading = assignment.heading
        title, subtitle = (heading.title, heading.subtitle) if heading else (UNHEADED_TITLE, "")
        heading_boxes = boxes(*heading.lines, title + subtitle) if heading else ()
        numbering.sections += 1
        sections.append(
            Section(f"s{numbering.sections}", "section", title, subtitle, tuple(paragraphs), boxes=heading_boxes)
        )
    return sections, body


def _as_article(number: int, sections: list[Section]) -> Section:
    """One article of a page of several: its first headed section (its headline's) holds the others."""
    first, rest = sections[0], sections[1:]
    if first.kind == "lead":
        first, rest = Section("", "section", UNHEADED_TITLE), sections
    return replace(first, id=f"a{number}", kind="article", children=tuple(rest))


def _furniture(kind: SectionKind, child_kind: SectionKind, title: str, paragraphs: list[Paragraph]) -> Section:
    """A group node (captions, banners) with one child node per paragraph."""
    children = tuple(
        Section(f"{child_kind}-{i}", child_kind, p.text, paragraphs=(p,), boxes=p.boxes)
        for i, p in enumerate(paragraphs, start=1)
    )
    return Section(kind, kind, title, children=children)


def _captions(articles: list[ArticleLayout], boxes: BoxFinder) -> list[Caption]:
    units = [caption for article in articles for caption in article.layout.captions]
    captions = []
    for i, (unit, twice) in enumerate(units, start=1):
        text = printed_twice(unit.raw) or repaired_text(unit)
        paragraph = Paragraph(f"c{i}", text, "caption", (unit.first, unit.last), boxes(unit.first, unit.last, text))
        captions.append(Caption(paragraph, twice))
    return captions


def _banners(placed: list[tuple[Line, BannerPosition]], boxes: BoxFinder) -> list[Banner]:
    banners = []
    for i, (line, position) in enumerate(placed, start=1):
        paragraph = _line_paragraph(line, f"b{i}", "banner")
        banners.append(Banner(replace(paragraph, boxes=boxes(line.number, line.number, paragraph.text)), position))
    return banners


PLACEMENT_DOUBT = 0.5
"""A heading placed with a confidence below this (a margin below ``placement.CONFIDENT_MARGIN``) is reported."""


def _placement_warnings(assignments: list[outline.Assignment], headed: list[Section]) -> list[ParseWarning]:
    """One warning per heading whose paragraphs are a guess (``headed``: the sections of ``assignments``); one in
    all for a page too large to weigh."""
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
    banners: list[tuple[Line, BannerPosition]] = [(line, "top") for line in layout.top_banners]
    banners += [(line, "bottom") for line in layout.bottom_banners]
    return assemble([ArticleLayout(layout, flow)], banners, source, structure, synonyms)


def _article_outline(
    article: ArticleLayout, structure: Corrections, synonyms: Synonyms, sidecar: bool
) -> tuple[list[outline.Assignment], list[ParseWarning]]:
    """Which paragraphs each heading of the article heads, corrected by ``structure`` (its sidecar only when
    ``sidecar``); the warnings on the way."""
    layout = article.layout
    warnings: list[ParseWarning] = []
    if structure.structure:
        warnings += restructured(layout, structure, article.flow)
    placed = [p for p in layout.placed_headings if not p.anchored]
    assignments = None
    if sidecar and structure.sections:
        try:
            assignments = outline.apply_sidecar(structure.sections, [p.heading for p in placed], layout.body)
        except outline.SidecarError as error:
            warnings.append(ParseWarning("sidecar_ignored", f"outline sidecar ignored: {error}"))
    if assignments is None:
        assignments = outline.infer(placed, layout.body, synonyms)
    assignments = with_anchored_headings(assignments, [p.heading for p in layout.placed_headings if p.anchored])
    assignments, stale = with_boundaries(assignments, structure)
    return assignments, warnings + stale + layout.warnings


def _shared_warnings(per_article: list[list[ParseWarning]]) -> list[ParseWarning]:
    """The articles' warnings, a correction counted stale only when it matched no article of the page."""
    if len(per_article) == 1:
        return per_article[0]
    stale_everywhere = set.intersection(
        *({w.message for w in warnings if w.code == "correction_stale"} for warnings in per_article)
    )
    kept = [w for warnings in per_article for w in warnings if w.code != "correction_stale"]
    return [*kept, *(ParseWarning("correction_stale", message) for message in sorted(stale_everywhere))]


def assemble(
    articles: list[ArticleLayout],
    banners: list[tuple[Line, BannerPosition]],
    source: str = "",
    structure: Corrections | None = None,
    synonyms: Synonyms | None = None,
    boxes: BoxFinder = _no_boxes,
    pages: tuple[tuple[float, float], ...] = (),
) -> Report:
    """The Report of classified articles (one for a text; one or more for a PDF): the outline of each, then the
    genre logic (quotes, figures, enumerations) over them all. A page of several articles gets one ``article``
    section each (the outline sidecar, written for one article, is then not applied)."""
    structure = structure or Corrections()
    synonyms = synonyms or default_synonyms()
    numbering = _Numbering()
    sections: list[Section] = []
    leads: list[Paragraph] = []
    body: list[Paragraph] = []
    per_article: list[list[ParseWarning]] = []
    for number, article in enumerate(articles, start=1):
        assignments, article_warnings = _article_outline(article, structure, synonyms, len(articles) == 1)
        article_sections, article_body = _article_sections(article.layout, assignments, numbering, boxes)
        article_warnings += _placement_warnings(assignments, [s for s in article_sections if s.kind == "section"])
        per_article.append(article_warnings)
        leads += [p for s in article_sections if s.kind == "lead" for p in s.paragraphs]
        body += article_body
        if len(articles) == 1:
            sections += article_sections
        elif article_sections:
            sections.append(_as_article(number, article_sections))
    warnings = _shared_warnings(per_article)
    if structure.sections and len(articles) > 1:
        message = f"outline sidecar ignored: it is written for one article, and this page prints {len(articles)}"
        warnings.append(ParseWarning("sidecar_ignored", message))
    captions = _captions(articles, boxes)
    placed_banners = _banners(banners, boxes)
    if captions:
        sections.append(_furniture("captions", "caption", "图片说明", [c.paragraph for c in captions]))
    if placed_banners:
        sections.append(_furniture("banners", "banner", "版面横幅", [b.paragraph for b in placed_banners]))
    headings = [heading for article in articles for heading in article.layout.headings]
    quotes, quote_warnings = find_quotes(leads + body)
    warnings += quote_warnings
    terms = find_terms([p.text for p in leads + body] + [h.title + h.subtitle for h in headings])
    metrics, year = find_metrics(body, synonyms, quotes, sections)
    fallback = headings[0].title if pages and headings else source or "报告"
    return Report(
        title=articles[0].layout.title or _title(body + [c.paragraph for c in captions], fallback),
        source=source,
        sections=tuple(sections),
        headings=tuple(headings),
        banners=tuple(placed_banners),
        captions=tuple(captions),
        quotes=tuple(quotes),
        metrics=tuple(metrics),
        enumerations=tuple(find_enumerations(body)),
        terms=tuple(terms),
        year=year,
        warnings=tuple(warnings),
        pages=pages,
    )


def parse_bytes(
    data: bytes, path: Path, structure: Corrections | None = None, synonyms: Synonyms | None = None
) -> Report:
    """The report in a file's bytes (``path``: the file they were read from, or added to the library as: its name
    is the report's source, errors name the path). A PDF (by its header or its name) is read from its pages'
    geometry (``pdf.read``), any other file decoded as text."""
    if read_as_pdf(path, data):
        from jcviewer.model.pdf.read import parse_pdf  # pdfium loads with the first PDF

        return parse_pdf(data, path.name, structure, synonyms, str(path))
    return parse_text(decode_report(data, str(path)), path.name, structure, synonyms)


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
    found, warnings = correction_store.gather(path, data, store, sidecar)
    report = parse_bytes(data, path, found, synonyms)
    if warnings:
        report = replace(report, warnings=tuple(warnings) + report.warnings)
    report = corrections.apply(report, found)
    for warning in report.warnings:
        log.info("%s: %s", path.name, warning)
    return report
