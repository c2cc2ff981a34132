"""A parsed report as the catalogue stores it: its searchable paragraphs and its metrics, one row each
(Qt-free; docs/library.md).

``paragraph_rows`` holds every text the one-report search (``ReportSearch``) searches, in its order: each
paragraph of the outline, then each section heading ("title\\nsubtitle", ``paragraph`` ""), with what placing a
hit in the outline needs (the titles of list items, the outline nodes marking stretches of the paragraph, the
path of the section), so searching the library never parses a report again. ``metric_rows`` holds every field of
``Metric``. The column orders are those of schema version 3 (``schema._parsed_model``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jcviewer.model.library.guess import guess_kind, guess_place
from jcviewer.model.meeting import meeting_date
from jcviewer.model.navigation import Node, build_outline
from jcviewer.model.report import Metric, Report
from jcviewer.model.search.report_search import HEADING_BOOST, item_titles

PARAGRAPH_COLUMNS = ("seq", "paragraph", "section", "section_title", "kind", "text", "titles", "marks", "path")
METRIC_COLUMNS = (
    "seq",
    "indicator",
    "original",
    "measure",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "period",
    "year",
    "expression",
    "text",
    "paragraph",
    "span_start",
    "span_end",
    "estimate",
)
HEADING = "heading"
"""The ``kind`` of a section heading's row (its ``paragraph`` is "")."""
BOOST = {HEADING: HEADING_BOOST}


@dataclass(frozen=True)
class Stored:
    """A parsed report as the catalogue stores it (plain data: it crosses to and from worker processes)."""

    fields: dict[str, str | int | None]  # title, place, kind, date, year as the parser reads them
    paragraphs: list[tuple[Any, ...]]  # PARAGRAPH_COLUMNS
    metrics: list[tuple[Any, ...]]  # METRIC_COLUMNS


def stored(report: Report) -> Stored:
    """What the catalogue keeps of ``report``: title and year from it, the date from the meeting, place and
    kind guessed from the title, and its rows."""
    fields = {
        "title": report.title,
        "place": guess_place(report.title),
        "kind": guess_kind(report.title),
        "date": meeting_date(report) or None,
        "year": report.year,
    }
    return Stored(fields, paragraph_rows(report), metric_rows(report))


def parse_copy(copy: Path, data: bytes, added_as: Path, store: Path | None) -> Report:
    """The report whose bytes (text or PDF) are ``data`` (the library's copy at ``copy``), parsed as ``load_report``
    parses a file (``parse.parse_bytes``) under the file it was added as (``added_as``: its name is the source,
    after which a report with no title is named, and a ReportError names it), corrected from ``store``; never its
    sidecar. ReportError when the bytes are not text or not a PDF that can be read."""
    from jcviewer.model import corrections
    from jcviewer.model.correction_store import gather
    from jcviewer.model.parse import parse_bytes

    found, warnings = gather(copy, data, store, sidecar=False)
    report = parse_bytes(data, added_as, found)
    if warnings:
        from dataclasses import replace

        report = replace(report, warnings=tuple(warnings) + report.warnings)
    return corrections.apply(report, found)


def _paths(nodes: Sequence[Node], trail: tuple[str, ...] = ()) -> Iterator[tuple[Node, tuple[str, ...]]]:
    """Every node, depth first, with the titles from the top of the outline down to it (untitled ones left out)."""
    for node in nodes:
        path = (*trail, node.title) if node.title else trail
        yield node, path
        yield from _paths(node.children, path)


def paragraph_rows(report: Report) -> list[tuple[Any, ...]]:
    """The report's searchable texts as rows (``PARAGRAPH_COLUMNS``), in the one-report search's order."""
    nodes = build_outline(report)
    paths: dict[str, tuple[str, ...]] = {}
    marks: dict[str, list[tuple[int, int, str, tuple[str, ...]]]] = {}
    for node, path in _paths(nodes):
        paths.setdefault(node.id, path)
        for mark in node.marks:
            marks.setdefault(mark.paragraph, []).append((mark.span[0], mark.span[1], node.id, path))
    titles = item_titles(report)
    rows: list[tuple[Any, ...]] = []
    for section in report.walk():
        for paragraph in section.paragraphs:
            rows.append(
                (
                    paragraph.id,
                    section.id,
                    section.title,
                    paragraph.kind,
                    paragraph.text,
                    json.dumps(titles.get(paragraph.id, ())),
                    json.dumps(marks.get(paragraph.id, []), ensure_ascii=False),
                    json.dumps(paths.get(section.id, ()), ensure_ascii=False),
                )
            )
    for section in report.walk():
        if section.kind == "section":
            heading = f"{section.title}\n{section.subtitle}" if section.subtitle else section.title
            trail = json.dumps(paths.get(section.id, ()), ensure_ascii=False)
            rows.append(("", section.id, section.title, HEADING, heading, json.dumps([(0, len(heading))]), "[]", trail))
    return [(seq, *row) for seq, row in enumerate(rows)]


def metric_rows(report: Report) -> list[tuple[Any, ...]]:
    """The report's metrics as rows (``METRIC_COLUMNS``), in paragraph order (the report's order within one)."""
    order = {paragraph.id: seq for seq, paragraph in enumerate(report.paragraphs())}
    metrics = sorted(report.metrics, key=lambda m: order.get(m.paragraph, len(order)))
    return [
        (
            seq,
            m.indicator,
            m.original,
            m.measure,
            m.value,
            m.value_max,
            m.unit,
            m.qualifier,
            m.period,
            m.year,
            m.expression,
            m.text,
            m.paragraph,
            m.span[0],
            m.span[1],
            int(m.estimate),
        )
        for seq, m in enumerate(metrics)
    ]


def metric(row: Sequence[Any]) -> Metric:
    """The Metric of a row of ``METRIC_COLUMNS`` without ``seq``."""
    indicator, original, measure, value, value_max, unit, qualifier, period, year, expression, text, *rest = row
    paragraph, start, end, estimate = rest
    return Metric(
        indicator=indicator,
        original=original,
        measure=measure,
        value=None if value is None else float(value),
        value_max=None if value_max is None else float(value_max),
        unit=unit,
        qualifier=qualifier,
        period=period,
        year=None if year is None else int(year),
        expression=expression,
        text=text,
        paragraph=paragraph,
        span=(int(start), int(end)),
        estimate=bool(estimate),
    )


def write_rows(db: sqlite3.Connection, report_id: int, rows: Stored) -> None:
    """Replace the report's paragraph and metric rows (inside the caller's transaction)."""
    db.execute("DELETE FROM paragraphs WHERE report_id = ?", (report_id,))
    db.execute("DELETE FROM metrics WHERE report_id = ?", (report_id,))
    for table, columns, values in (
        ("paragraphs", PARAGRAPH_COLUMNS, rows.paragraphs),
        ("metrics", METRIC_COLUMNS, rows.metrics),
    ):
        names = ", ".join(("report_id", *columns))
        marks = ", ".join("?" * (len(columns) + 1))
        db.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", [(report_id, *row) for row in values])
