"""What goes on a one-page briefing, most important first (Qt-free; drawing is jcviewer.ui.printing's job).

A briefing is a title, a subtitle and blocks, each with a priority: when the page is too full the layout drops
the block with the highest priority number first. Block kinds say what a block is; the layout names them in
the UI language ("2024年主要目标"), while ``heading`` carries wording taken from the report itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jcviewer.model.export import format_value
from jcviewer.model.figures import Figure, matching_result, target_figures
from jcviewer.model.navigation import enumeration_title, first_sentence
from jcviewer.model.report import Enumeration, Metric, Quote, Report, Section, latest_year

KEY_QUOTES = 3  # quotes on a whole-report briefing; the page says how many more there are
SUMMARY_SENTENCES = 6
SHORT_SECTION = 300  # characters: a section this short is printed whole instead of summarised
QUOTE_SENTENCE = 70  # characters of a quote shown

_CHINESE_MONTHS = "一二三四五六七八九十"
_FULL_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_MONTH = re.compile(r"(十[一二]|[一二三四五六七八九十])月")


@dataclass(frozen=True)
class Row:
    """One line of a metrics table: what, how much (with ≈/≥), and the earlier result where known."""

    indicator: str
    value: str
    previous: str = ""


@dataclass(frozen=True)
class Block:
    """A unit the layout places or drops whole.

    kinds: "targets" (rows), "chart" (figure), "tasks" / "achievements" / "emphases" / "items" (lines, heading),
    "quote" (speaker, role, lines), "terms" (lines), "summary" (lines), "results" (rows).
    """

    kind: str
    priority: int
    heading: str = ""
    year: int | None = None
    lines: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    figure: Figure | None = None
    speaker: str = ""
    role: str = ""


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
    """The result reported for what the target measures ("1%" for GDP growth; 全县地区生产总值 and GDP count as
    地区生产总值, as in the comparison chart), or ""."""
    results = [m for m in report.metrics if m.period == "result" and m.value is not None]
    result = matching_result(target, results)
    return format_value(result) if result is not None else ""


def _target_rows(report: Report, metrics: list[Metric]) -> tuple[Row, ...]:
    return tuple(Row(m.label, format_value(m), _previous(report, m)) for m in metrics)


def _quote_block(quote: Quote, priority: int) -> Block:
    return Block(
        "quote", priority, speaker=quote.speaker, role=quote.role, lines=(first_sentence(quote.text, QUOTE_SENTENCE),)
    )


def _enumeration_kind(report: Report, enumeration: Enumeration) -> str:
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
        blocks.append(Block("targets", 1, year=latest_year(targets), rows=_target_rows(report, targets)))
    figures = target_figures(report)
    if figures:
        blocks.append(Block("chart", 3, year=latest_year(targets), figure=figures[0]))
    priorities = {"tasks": 2, "achievements": 4, "emphases": 8}
    for enumeration in report.enumerations:
        kind = _enumeration_kind(report, enumeration)
        text = report.paragraph(enumeration.paragraph).text
        year = latest_year(results) if kind == "achievements" else latest_year(targets)
        blocks.append(
            Block(
                kind,
                priorities[kind],
                heading=enumeration_title(text, enumeration),
                year=year,
                lines=tuple(item.title for item in enumeration.items),
            )
        )
    blocks += [_quote_block(q, 5 + i) for i, q in enumerate(report.quotes[:KEY_QUOTES])]
    if report.terms:
        blocks.append(Block("terms", 9, lines=report.terms))
    return Briefing(
        report.title,
        meeting_date(report),
        report.title,
        report.source,
        tuple(sorted(blocks, key=_reading_order)),
        max(0, len(report.quotes) - KEY_QUOTES),
    )


_ORDER = ["summary", "targets", "chart", "results", "tasks", "achievements", "items", "emphases", "quote", "terms"]


def _reading_order(block: Block) -> int:
    return _ORDER.index(block.kind)


def _summary(section: Section, quoted: set[str]) -> tuple[str, ...]:
    paragraphs = [p for s in section.walk() for p in s.paragraphs if p.id not in quoted]
    if sum(len(p.text) for p in paragraphs) <= SHORT_SECTION:
        return tuple(p.text for p in paragraphs)
    return tuple(first_sentence(p.text, 90) for p in paragraphs[:SUMMARY_SENTENCES])


def section_briefing(report: Report, section_id: str) -> Briefing:
    """One section on one page: heading, summary, its lists, its metrics, its quotes. KeyError for a bad id."""
    section = report.section(section_id)
    own = {p.id for s in section.walk() for p in s.paragraphs}
    quotes = [q for q in report.quotes if q.paragraph in own]
    blocks = [Block("summary", 1, lines=_summary(section, {q.paragraph for q in quotes}))]
    for number, enumeration in enumerate(e for e in report.enumerations if e.paragraph in own):
        text = report.paragraph(enumeration.paragraph).text
        blocks.append(
            Block(
                "items",
                2 + number,
                heading=enumeration_title(text, enumeration),
                lines=tuple(item.title for item in enumeration.items),
            )
        )
    targets = [m for m in report.metrics if m.paragraph in own and m.period == "target"]
    results = [m for m in report.metrics if m.paragraph in own and m.period == "result" and m.value is not None]
    if targets:
        blocks.append(Block("targets", 2, year=latest_year(targets), rows=_target_rows(report, targets)))
    if results:
        blocks.append(
            Block("results", 6, year=latest_year(results), rows=tuple(Row(m.label, format_value(m)) for m in results))
        )
    blocks += [_quote_block(q, 10 + i) for i, q in enumerate(quotes)]
    return Briefing(
        section.title, section.subtitle, report.title, report.source, tuple(sorted(blocks, key=_reading_order))
    )


def section_ids(report: Report) -> list[str]:
    """The ids ``section_briefing`` accepts (those ``jcviewer dump`` prints), in reading order."""
    return [s.id for s in report.walk()]
