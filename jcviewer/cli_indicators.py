"""``jcviewer library indicator NAME``: one indicator followed over the years across the library — per place and
year the target set, the result reported for it, and whether it was met (Qt-free; library/indicators.py).

``run_indicator`` returns whether it went through (``cli.main`` turns a failure into exit code 2); errors are one
line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jcviewer.cli_common import print_error
from jcviewer.model.errors import ReportError

if TYPE_CHECKING:
    from jcviewer.model.library import Catalogue, Entry
    from jcviewer.model.library.indicators import Figure, YearRow

INDICATOR_JSON_SCHEMA = 1
"""The version of ``library indicator --json``'s shape; bumped when a field changes meaning."""

_SUGGESTED = 8  # indicators named when NAME has no figures


def add_indicator_parser(actions: Any) -> None:
    """Add ``indicator`` to the ``library`` actions ``actions`` (an argparse subparsers action)."""
    indicator = actions.add_parser(
        "indicator", help="follow an indicator over the years: each year's target, its result, met or missed"
    )
    indicator.add_argument(
        "name", metavar="NAME", help="the indicator, e.g. 地区生产总值 (GDP, 经济增长 and other wordings merged)"
    )
    indicator.add_argument("--json", action="store_true", help="print JSON instead of text")
    indicator.add_argument(
        "--csv", type=Path, metavar="FILE", help="also write the table to FILE (CSV with a BOM, for WPS/Excel)"
    )


def _figure_json(row: YearRow, period: str, figure: Figure) -> dict[str, Any]:
    return {
        "place": row.place,
        "year": row.year,
        "period": period,
        "value": figure.value,
        "value_max": figure.value_max,
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "estimate": figure.estimate,
        "expression": figure.expression,
        "report": figure.report_id,
        "paragraph": figure.paragraph,
        "met": row.met,
    }


def timeline_json(name: str, indicator: str, rows: list[YearRow]) -> dict[str, Any]:
    """The ``--json`` shape: one row per target and per result, each with its place, year and the year's met."""
    return {
        "schema": INDICATOR_JSON_SCHEMA,
        "query": name,
        "indicator": indicator,
        "rows": [
            _figure_json(row, period, figure)
            for row in rows
            for period, figure in (("target", row.target), ("result", row.result))
            if figure is not None
        ],
    }


def _cell(figure: Figure | None) -> str:
    from jcviewer.model.library.indicator_table import shown

    if figure is None:
        return "-"
    estimate = "est. " if figure.estimate else ""
    return f"{estimate}{shown(figure)} [{figure.report_id} {figure.paragraph}]"


def _print_text(indicator: str, rows: list[YearRow]) -> None:
    places = {(row.place, row.own_report) for row in rows}  # each report of no place is a place of its own
    print(f"{indicator}: {len(rows)} year(s) in {len(places)} place(s)")
    for row in rows:
        met = "-" if row.met is None else "met" if row.met else "missed"
        print(f"{row.place or '-'}  {row.year}  target {_cell(row.target)}  result {_cell(row.result)}  {met}")


def run_indicator(args: argparse.Namespace, catalogue: Catalogue) -> bool:
    """Print the timeline of ``args.name`` (text, or JSON with ``args.json``) and write it to ``args.csv`` when
    given; False when the library is empty, the indicator has no figures, or the CSV cannot be written."""
    from jcviewer.model.library.indicator_table import write_table
    from jcviewer.model.library.indicators import canonical_name, indicator_names, indicator_timeline
    from jcviewer.model.vocabulary import default_synonyms

    if not args.name.strip():
        print_error("library indicator: the indicator name is empty")
        return False
    if not catalogue.list():
        print_error("the library is empty (add reports with jcviewer library add PATH…)")
        return False

    def problem(entry: Entry, error: ReportError) -> None:
        print(f"jcviewer: warning: report {entry.id} not read again: {error}", file=sys.stderr)

    catalogue.refresh(problem=problem)
    pairs = catalogue.metrics()
    synonyms = default_synonyms()
    indicator = canonical_name(args.name, synonyms)
    rows = indicator_timeline(pairs, args.name, synonyms)
    if not rows:
        known = "、".join(indicator_names(pairs)[:_SUGGESTED]) or "none"
        print_error(
            f"no targets or results for {args.name.strip()!r} in the library (indicators with most reports: {known})"
        )
        return False
    if args.csv is not None:
        try:
            write_table(rows, args.csv)
        except OSError as error:
            print_error(f"{args.csv}: the table cannot be written: {error.strerror or error}")
            return False
    if args.json:
        sys.stdout.write(json.dumps(timeline_json(args.name.strip(), indicator, rows), ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
        return True
    _print_text(indicator, rows)
    if args.csv is not None:
        print(f"wrote {len(rows)} row(s) to {args.csv}")
    return True
