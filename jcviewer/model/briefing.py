"""What goes on a one-page briefing, most important first (Qt-free; drawing is jcviewer.ui.printing's job).

A briefing is a title, a subtitle and blocks, each with a priority: when the page is too full the layout drops
the block with the highest priority number first. Block kinds say what a block is; ``BLOCKS`` holds, for every
kind, its place in the reading order, what it holds and its priorities. The layout only names the kinds in the
UI language ("2024年主要目标"), while ``heading`` carries wording taken from the report itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from jcviewer.model.export import format_value
from jcviewer.model.figures import AMOUNT_UNITS, Figure, matching_amount, matching_result, target_figures
from jcviewer.model.navigation import enumeration_title
from jcviewer.model.report import Enumeration, Metric, Quote, Report, Section, latest_year

KEY_QUOTES = 3  # quotes on a whole-report briefing; the page says how many more there are
QUOTE_CHARS = 70  # a whole-report briefing's quotation keeps its first whole sentences up to about this
SUMMARY_SENTENCES = 6
SUMMARY_CHARS = 90  # a long section's paragraph keeps its first whole sentences up to about this
SHORT_SECTION = 300  # characters: a section this short is printed whole instead of summarised

_CHINESE_MONTHS = "一二三四五六七八九十"
_FULL_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_MONTH = re.compile(r"(十[一二]|[一二三四五六七八九十])月")

BlockKind = Literal[
    "summary", "targets", "chart", "results", "tasks", "achievements", "items", "emphases", "quote", "terms"
]
"""What a block is: the UI titles each kind (``items`` by its heading), the model decides the rest (``BLOCKS``)."""

BlockContent = Literal["text", "rows", "figure", "list", "quote", "words"]
"""Which fields of a Block carry its content: ``lines`` as paragraphs; ``rows`` (a table); ``figure`` (a chart);
``lines`` as a numbered list under an optional ``heading``; ``speaker``, ``role`` and ``lines[0]`` (a quote);
``lines`` as a run of words."""

Scope = Literal["report", "section"]
"""A briefing on the whole report, or on one section."""


@dataclass(frozen=True)
class BlockRule:
    """What the model decides for one kind of block: what it holds and its priority on each scope of briefing.

    A priority of None: the kind never appears on that briefing. A numbered kind's blocks count up from the
    priority, one per block (the second quote is dropped before the first).
    """

    content: BlockContent
    report: int | None = None
    section: int | None = None
    numbered: bool = False


BLOCKS: dict[BlockKind, BlockRule] = {
    "summary": BlockRule("text", section=1),
    "targets": BlockRule("rows", report=1, section=2),
    "chart": BlockRule("figure", report=3),
    "results": BlockRule("rows", section=6),
    "tasks": BlockRule("list", report=2),
    "achievements": BlockRule("list", report=4),
    "items": BlockRule("list", section=2, numbered=True),
    "emphases": BlockRule("list", report=8),
    "quote": BlockRule("quote", report=5, section=10, numbered=True),
    "terms": BlockRule("words", report=9),
}
"""Every kind of block, in reading order (docs/briefing.md shows the priorities)."""

_READING_ORDER = {kind: place for place, kind in enumerate(BLOCKS)}


def block_priority(kind: BlockKind, scope: Scope, number: int = 0) -> int:
    """The priority of the ``number``-th block (from 0) of ``kind`` on a briefing of ``scope``; ValueError for a
    kind that is never on one."""
    rule = BLOCKS[kind]
    priority = rule.report if scope == "report" else rule.section
    if priority is None:
        raise ValueError(f"no {kind} block on a {scope} briefing")
    return priority + number if rule.numbered else priority


@dataclass(frozen=True)
class Row:
    """One line of a metrics table: what, how much (with ≈/≥), and the earlier result where known."""

    indicator: str
    value: str
    previous: str = ""


@dataclass(frozen=True)
class Block:
    """A unit the layout places or drops whole; ``BLOCKS[kind].content`` says which fields it fills."""

    kind: BlockKind
    priority: int
    heading: str = ""
    year: int | None = None
    lines: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    figure: Figure | None = None
    speaker: str = ""
    role: str = ""
    abridged: bool = False  # some of its sentences are left out, where the elision mark (……) stands


@dataclass(frozen=True)
class Briefing:
    """Everything a briefing page may show; ``unlisted_quotes`` counts quotes left out by choice."""

    title: str
    subtitle: str
    report_title: str
    source: str
    blocks: tuple[Block, ...]
    unlisted_quotes: int = 0


def meeting_date(report: Report) -> str:
    """When the meeting was: "2024年1月8日" if the text says so, else "2024年1月" from a month and the year."""
    texts = [p.text for p in report.paragraphs() if p.kind in ("body", "lead")]
    for text in texts:
        match = _FULL_DATE.search(text)
        if match:
            return f"{match[1]}年{int(match[2])}月{int(match[3])}日"
    if report.year:
        for text in texts[:3]:
            match = _MONTH.search(text)
            if match:
                name = match[1]
                month = 10 + _CHINESE_MONTHS.index(name[1]) + 1 if len(name) == 2 else _CHINESE_MONTHS.index(name) + 1
                return f"{report.year}年{month}月"
    return ""


def _previous(report: Report, target: Metric) -> str:
    """The result reported for what the target measures, with last year's amount where the report gives one
    ("1%（103亿元）" for GDP growth; 全县地区生产总值 and GDP count as 地区生产总值, as in the comparison chart), or
    ""."""
    results = [m for m in report.metrics if m.period == "result" and m.value is not None]
    rate = matching_result(target, results)
    amount = matching_amount(target, results) if target.unit not in AMOUNT_UNITS else None
    shown = [format_value(m) for m in (rate, amount) if m is not None]
    return f"{shown[0]}（{shown[1]}）" if len(shown) == 2 else "".join(shown)


def _target_rows(report: Report, metrics: list[Metric]) -> tuple[Row, ...]:
    return tuple(Row(m.label, format_value(m), _previous(report, m)) for m in metrics)


def _quote_block(quote: Quote, scope: Scope, number: int) -> Block:
    """A quotation: whole on a section's briefing; on the whole report's, its first whole sentences up to
    ``QUOTE_CHARS`` with the elision marked (……). Never cut mid-phrase."""
    text = quote.text if scope == "section" else whole_sentences(quote.text, QUOTE_CHARS)
    return Block(
        "quote",
        block_priority("quote", scope, number),
        speaker=quote.speaker,
        role=quote.role,
        lines=(text,),
        abridged=text != quote.text,
    )


ELISION = "……"
_SENTENCE = re.compile(r".+?(?:[。！？!?；;]+[”’」』）)]*|$)", re.S)


def whole_sentences(text: str, limit: int) -> str:
    """``text``'s first sentences that fit in ``limit`` characters (at least the first, whole), followed by the
    elision mark when some are left out."""
    sentences = _SENTENCE.findall(text)
    kept = sentences[:1]
    for sentence in sentences[1:]:
        if len("".join(kept)) + len(sentence) > limit:
            break
        kept.append(sentence)
    shown = "".join(kept)
    if shown == text:
        return text
    closer = text[-1] if text[-1] in "”’」』" and not shown.endswith(text[-1]) else ""
    return shown + ELISION + closer


def _enumeration_kind(report: Report, enumeration: Enumeration) -> BlockKind:
    if enumeration.kind == "parallel":
        return "emphases"
    has_results = any(m.paragraph == enumeration.paragraph and m.period == "result" for m in report.metrics)
    return "achievements" if has_results else "tasks"


def report_briefing(report: Report) -> Briefing:
    """The whole report on one page: targets, chart, tasks, achievements, key quotes, emphases, terms."""
    targets = [m for m in report.metrics if m.period == "target"]
    results = [m for m in report.metrics if m.period == "result"]
    blocks: list[Block] = []
    if targets:
        priority = block_priority("targets", "report")
        blocks.append(Block("targets", priority, year=latest_year(targets), rows=_target_rows(report, targets)))
    figures = target_figures(report)
    if figures:
        blocks.append(Block("chart", block_priority("chart", "report"), year=latest_year(targets), figure=figures[0]))
    for enumeration in report.enumerations:
        kind = _enumeration_kind(report, enumeration)
        text = report.paragraph(enumeration.paragraph).text
        year = latest_year(results) if kind == "achievements" else latest_year(targets)
        blocks.append(
            Block(
                kind,
                block_priority(kind, "report"),
                heading=enumeration_title(text, enumeration),
                year=year,
                lines=tuple(item.title for item in enumeration.items),
            )
        )
    blocks += [_quote_block(q, "report", i) for i, q in enumerate(report.quotes[:KEY_QUOTES])]
    if report.terms:
        blocks.append(Block("terms", block_priority("terms", "report"), lines=report.terms))
    return Briefing(
        report.title,
        meeting_date(report),
        report.title,
        report.source,
        tuple(sorted(blocks, key=_reading_order)),
        max(0, len(report.quotes) - KEY_QUOTES),
    )


def _reading_order(block: Block) -> int:
    return _READING_ORDER[block.kind]


def _summary(section: Section, quoted: set[str]) -> tuple[str, ...]:
    """The section's text whole when short; else each paragraph's first whole sentences (``SUMMARY_CHARS``,
    the elision marked), its questions (rhetorical ones: "如何做好今年全县经济工作？") the first to go."""
    paragraphs = [p for s in section.walk() for p in s.paragraphs if p.id not in quoted]
    if sum(len(p.text) for p in paragraphs) <= SHORT_SECTION:
        return tuple(p.text for p in paragraphs)
    statements = [text for p in paragraphs if (text := _statements(p.text))]
    return tuple(whole_sentences(text, SUMMARY_CHARS) for text in statements[:SUMMARY_SENTENCES])


def _statements(text: str) -> str:
    """``text`` without its questions."""
    return "".join(s for s in _SENTENCE.findall(text) if not s.rstrip("”’」』）) ").endswith(("？", "?")))


def section_briefing(report: Report, section_id: str) -> Briefing:
    """One section on one page: heading, summary, its lists, its metrics, its quotes. KeyError for a bad id."""
    section = report.section(section_id)
    own = {p.id for s in section.walk() for p in s.paragraphs}
    quotes = [q for q in report.quotes if q.paragraph in own]
    blocks = [
        Block("summary", block_priority("summary", "section"), lines=_summary(section, {q.paragraph for q in quotes}))
    ]
    for number, enumeration in enumerate(e for e in report.enumerations if e.paragraph in own):
        text = report.paragraph(enumeration.paragraph).text
        blocks.append(
            Block(
                "items",
                block_priority("items", "section", number),
                heading=enumeration_title(text, enumeration),
                lines=tuple(item.title for item in enumeration.items),
            )
        )
    targets = [m for m in report.metrics if m.paragraph in own and m.period == "target"]
    results = [m for m in report.metrics if m.paragraph in own and m.period == "result" and m.value is not None]
    if targets:
        priority = block_priority("targets", "section")
        blocks.append(Block("targets", priority, year=latest_year(targets), rows=_target_rows(report, targets)))
    if results:
        rows = tuple(Row(m.label, format_value(m)) for m in results)
        blocks.append(Block("results", block_priority("results", "section"), year=latest_year(results), rows=rows))
    blocks += [_quote_block(q, "section", i) for i, q in enumerate(quotes)]
    return Briefing(
        section.title, section.subtitle, report.title, report.source, tuple(sorted(blocks, key=_reading_order))
    )


def section_ids(report: Report) -> list[str]:
    """The ids ``section_briefing`` accepts (those ``jcviewer dump`` prints), in reading order."""
    return [s.id for s in report.walk()]
