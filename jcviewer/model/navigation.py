"""The navigation tree over a Report: what the outline shows and what each node points at (Qt-free).

Every node names the section whose text the detail pane shows and the marks (paragraph + span) to highlight
there. Group nodes (enumerations, targets, speakers) live inside the section holding their paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from jcviewer.model.export import format_value
from jcviewer.model.report import (
    Enumeration,
    Metric,
    ParseWarning,
    Quote,
    Report,
    Section,
    SectionKind,
    Span,
    latest_year,
)

_SENTENCE_END = re.compile(r"[。！？；!?]”?")
_CLAUSE_BREAK = re.compile(r"[，。：；！？、,:;!?]")

NodeKind = Literal[SectionKind, "enumeration", "item", "targets", "target", "quotes", "speaker"]
"""A section's own kind, or one of the groups the outline adds inside a section and their members."""


@dataclass(frozen=True)
class Mark:
    """A highlighted stretch of a paragraph."""

    paragraph: str
    span: Span


@dataclass(frozen=True)
class Node:
    """One row of the outline.

    ``title`` is report text; group nodes whose name the UI supplies (targets, quotes) have a ``count`` and,
    for targets, a ``year``.
    """

    id: str
    kind: NodeKind
    title: str
    section: str
    subtitle: str = ""
    summary: str = ""
    marks: tuple[Mark, ...] = ()
    count: int = 0
    year: int | None = None
    children: tuple[Node, ...] = ()

    @property
    def headed(self) -> bool:
        """True for a row of a heading of the report's own: a headed section, or an article of a page."""
        return self.kind in ("section", "article")

    def walk(self) -> Iterator[Node]:
        """This node and its descendants, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


def first_sentence(text: str, limit: int = 80) -> str:
    """The first sentence of ``text``, cut at ``limit`` characters with an ellipsis."""
    match = _SENTENCE_END.search(text)
    sentence = text[: match.end()] if match else text
    if len(sentence) <= limit:
        return sentence
    cut = limit - 1
    while cut > 0 and (sentence[cut - 1].isascii() and sentence[cut - 1].isalnum() or sentence[cut - 1] in ".%"):
        cut -= 1  # never cut a number or a Latin word in two ("6.…")
    return sentence[: cut or limit - 1].rstrip("，、；：,.") + "…"


def reviews_results(report: Report, enumeration: Enumeration) -> bool:
    """Whether a numbered list reviews what was achieved (its paragraph gives results: 一是经济总量持续扩大……
    增长4.5%) rather than sets tasks; a parallel list (要突出……) sets emphases, never a review."""
    if enumeration.kind == "parallel":
        return False
    return any(m.paragraph == enumeration.paragraph and m.period == "result" for m in report.metrics)


def enumeration_title(text: str, enumeration: Enumeration) -> str:
    """A name for a list: the clause that introduces it ("重点抓好以下九个方面工作"), else its marker ("要突出……")."""
    first = enumeration.items[0]
    start = first.span[0] - len(first.marker) if text[: first.span[0]].endswith(first.marker) else first.span[0]
    lead_in = text[:start].rstrip("：:，,。 ")
    clause = _CLAUSE_BREAK.split(lead_in)[-1].strip() if lead_in else ""
    if enumeration.kind == "ordinal" and 4 <= len(clause) <= 24:
        return clause
    return enumeration.items[0].marker + "……"


def metric_clause(text: str, metric: Metric) -> Span:
    """The stretch from the indicator's wording to the value ("地区生产总值增长6%左右"), within one sentence."""
    start, end = metric.span
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    found = text.rfind(metric.original, sentence_start, start) if metric.original else -1
    return (found if found >= 0 else start, end)


def _enumeration_node(report: Report, section: Section, enumeration: Enumeration) -> Node:
    text = report.paragraph(enumeration.paragraph).text
    node_id = f"{enumeration.paragraph}.list"
    items = tuple(
        Node(
            f"{node_id}.{item.ordinal}",
            "item",
            item.title,
            section.id,
            summary=first_sentence(item.text),
            marks=(Mark(enumeration.paragraph, item.span),),
        )
        for item in enumeration.items
    )
    whole = (enumeration.items[0].span[0], enumeration.items[-1].span[1])
    title = enumeration_title(text, enumeration)
    return Node(
        node_id,
        "enumeration",
        title,
        section.id,
        summary=first_sentence(text),
        marks=(Mark(enumeration.paragraph, whole),),
        count=len(items),
        children=items,
    )


def _targets_node(report: Report, section: Section, targets: list[Metric]) -> Node:
    children = []
    for number, metric in enumerate(targets, start=1):
        clause = metric_clause(report.paragraph(metric.paragraph).text, metric)
        children.append(
            Node(
                f"{section.id}.targets.{number}",
                "target",
                f"{metric.label} {format_value(metric)}",
                section.id,
                summary=first_sentence(metric.text),
                marks=(Mark(metric.paragraph, clause),),
            )
        )
    return Node(
        f"{section.id}.targets",
        "targets",
        "",
        section.id,
        summary=first_sentence(targets[0].text),
        marks=tuple(dict.fromkeys(child.marks[0] for child in children)),
        count=len(children),
        year=latest_year(targets),
        children=tuple(children),
    )


def _quotes_node(section: Section, quotes: list[Quote]) -> Node:
    by_speaker: dict[str, list[Quote]] = {}
    for quote in quotes:
        by_speaker.setdefault(quote.speaker, []).append(quote)
    children = tuple(
        Node(
            f"{section.id}.quotes.{number}",
            "speaker",
            speaker,
            section.id,
            subtitle=said[0].role,
            summary=first_sentence(said[0].text),
            marks=tuple(Mark(q.paragraph, q.span) for q in said),
        )
        for number, (speaker, said) in enumerate(by_speaker.items(), start=1)
    )
    return Node(
        f"{section.id}.quotes",
        "quotes",
        "",
        section.id,
        marks=tuple(mark for child in children for mark in child.marks),
        count=len(children),
        children=children,
    )


@dataclass(frozen=True)
class _Contents:
    """A report's lists, targets and quotes grouped by the section whose own paragraphs hold them (grouped once:
    a section asking the whole report is quadratic in a long report)."""

    enumerations: dict[str, list[Enumeration]]
    targets: dict[str, list[Metric]]
    quotes: dict[str, list[Quote]]

    @classmethod
    def of(cls, report: Report) -> _Contents:
        owner = {p.id: section.id for section in report.walk() for p in section.paragraphs}
        enumerations: dict[str, list[Enumeration]] = {}
        targets: dict[str, list[Metric]] = {}
        quotes: dict[str, list[Quote]] = {}
        for enumeration in report.enumerations:
            enumerations.setdefault(owner.get(enumeration.paragraph, ""), []).append(enumeration)
        for metric in report.metrics:
            if metric.period == "target":
                targets.setdefault(owner.get(metric.paragraph, ""), []).append(metric)
        for quote in report.quotes:
            quotes.setdefault(owner.get(quote.paragraph, ""), []).append(quote)
        return cls(enumerations, targets, quotes)


def _section_node(report: Report, section: Section, contents: _Contents) -> Node:
    children = [_section_node(report, child, contents) for child in section.children]
    children += [_enumeration_node(report, section, e) for e in contents.enumerations.get(section.id, [])]
    targets = contents.targets.get(section.id, [])
    if targets:
        children.append(_targets_node(report, section, targets))
    quotes = contents.quotes.get(section.id, [])
    if quotes:
        children.append(_quotes_node(section, quotes))
    first = section.paragraphs[0].text if section.paragraphs else ""
    return Node(
        section.id,
        section.kind,
        section.title,
        section.id,
        subtitle=section.subtitle,
        summary=first_sentence(first),
        children=tuple(children),
    )


def build_outline(report: Report) -> tuple[Node, ...]:
    """The outline's top-level nodes: the lead, the headed sections, captions, banners."""
    contents = _Contents.of(report)
    return tuple(_section_node(report, section, contents) for section in report.sections)


def find_node(nodes: tuple[Node, ...], node_id: str) -> Node | None:
    """The node with this id anywhere in the tree, or None."""
    return next((node for top in nodes for node in top.walk() if node.id == node_id), None)


def node_at(report: Report, nodes: tuple[Node, ...], paragraph: str, span: Span) -> Node | None:
    """The most specific node whose marks cover ``span`` of ``paragraph``; else the section holding it."""
    best: tuple[int, Node] | None = None
    for node in (n for top in nodes for n in top.walk()):
        for mark in node.marks:
            if mark.paragraph == paragraph and mark.span[0] <= span[0] and span[1] <= mark.span[1]:
                width = mark.span[1] - mark.span[0]
                if best is None or width <= best[0]:  # ties go to the deeper node, which comes later
                    best = (width, node)
    if best:
        return best[1]
    try:
        return find_node(nodes, report.section_of(paragraph).id)
    except KeyError:
        return None


def node_text(report: Report, node: Node) -> str:
    """The plain text a node stands for: its marked stretches, or its section's paragraphs.

    A marked stretch that is a quote keeps who said it and its quotation marks: 县委书记张三：“……”.
    """
    if node.marks:
        quotes = {(q.paragraph, q.span): q for q in report.quotes}
        return "\n".join(_marked_text(report, m, quotes.get((m.paragraph, m.span))) for m in node.marks)
    section = report.section(node.section)
    return "\n".join(p.text for s in section.walk() for p in s.paragraphs)


def _marked_text(report: Report, mark: Mark, quote: Quote | None) -> str:
    text = report.paragraph(mark.paragraph).text[mark.span[0] : mark.span[1]]
    return f"{quote.role}{quote.speaker}：“{text}”" if quote is not None else text


def node_path(nodes: tuple[Node, ...], node_id: str) -> tuple[Node, ...]:
    """The nodes from the top of the outline down to ``node_id`` (empty if there is no such node)."""

    def down(level: tuple[Node, ...], trail: tuple[Node, ...]) -> tuple[Node, ...]:
        for node in level:
            if node.id == node_id:
                return (*trail, node)
            found = down(node.children, (*trail, node))
            if found:
                return found
        return ()

    return down(nodes, ())


def count_marks(report: Report, nodes: tuple[Node, ...], marks: tuple[Mark, ...]) -> dict[str, int]:
    """How many of ``marks`` fall in each node: in its marked stretches, or anywhere in its section's text."""
    counts: dict[str, int] = {}
    for node in (n for top in nodes for n in top.walk()):
        if node.marks:
            inside = sum(
                1
                for m in marks
                for own in node.marks
                if m.paragraph == own.paragraph and own.span[0] <= m.span[0] and m.span[1] <= own.span[1]
            )
        else:
            paragraphs = {p.id for s in report.section(node.section).walk() for p in s.paragraphs}
            inside = sum(1 for m in marks if m.paragraph in paragraphs)
        if inside:
            counts[node.id] = inside
    return counts


@dataclass(frozen=True)
class Uncertainty:
    """A parser warning placed in the text: the paragraph it concerns and the most specific outline node there."""

    warning: ParseWarning
    paragraph: str
    node: str


def warning_paragraph(report: Report, warning: ParseWarning) -> str | None:
    """The paragraph a warning concerns: the one it names, else the one printed on its line; None if neither."""
    if warning.paragraph:
        try:
            return report.paragraph(warning.paragraph).id
        except KeyError:
            return None
    if warning.line is not None:
        line = warning.line
        return next((p.id for p in report.paragraphs() if p.lines[0] <= line <= p.lines[1]), None)
    return None


def place_warnings(report: Report, nodes: tuple[Node, ...]) -> tuple[Uncertainty, ...]:
    """The report's warnings that concern a place in the text, in report order, each on the most specific node
    covering its whole paragraph (else the section holding it); warnings about the whole report are left out."""
    placed = []
    for warning in report.warnings:
        paragraph = warning_paragraph(report, warning)
        if paragraph is None:
            continue
        node = node_at(report, nodes, paragraph, (0, len(report.paragraph(paragraph).text)))
        if node is not None:
            placed.append(Uncertainty(warning, paragraph, node.id))
    return tuple(placed)
