"""``jcviewer library compare ID_A ID_B``: two reports of the library compared, targets side by side with the
change and the tasks of each (Qt-free; docs/cli.md, docs/library.md).

``run_compare`` returns whether it went through (``cli.main`` turns a failure into exit code 2); errors are one
line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from jcviewer.cli_common import print_error, report_id_arg
from jcviewer.model.errors import ReportError

if TYPE_CHECKING:
    from jcviewer.model.library import Catalogue, Entry
    from jcviewer.model.library.compare import Change, Comparison, TargetRow, Task
    from jcviewer.model.report import Metric, Report

COMPARE_JSON_SCHEMA = 2
"""The version of ``library compare --json``'s shape (docs/cli.md); bumped when a field changes meaning (2: the
change of a row of falls is the signed difference, as its values are, no longer the change of the sizes)."""


def add_compare_parser(actions: Any) -> None:
    """Add ``compare`` to the ``library`` actions ``actions`` (an argparse subparsers action)."""
    compare = actions.add_parser(
        "compare", help="compare two reports: targets side by side with the change, and the tasks of each"
    )
    compare.add_argument(
        "first", type=report_id_arg, metavar="ID_A", help="a report's id (the older, if years are unknown)"
    )
    compare.add_argument("second", type=report_id_arg, metavar="ID_B", help="another report's id")
    compare.add_argument("--json", action="store_true", help="print JSON instead of text")


def _value(row: TargetRow, metric: Metric | None) -> str:
    if metric is None:
        return "-"
    return ("est. " if metric.estimate else "") + row.shown(metric)


def _amount(amount: float, unit: str) -> str:
    from jcviewer.model.library.compare import POINTS

    number = f"{amount:+g}" if amount else "±0"
    return f"{number} points" if unit == POINTS else f"{number}{unit}"


def _change(change: Change) -> str:
    """The change as the text shows it: "+0.5 points", "+10000万元, +50.0%", "no change"; when the ends of a range
    moved apart, each end's: "lower end ±0 points, upper end -0.5 points"."""
    if change.unchanged:
        return "no change"
    percent = f", {change.percent:+.1f}%" if change.percent is not None else ""
    if change.amount_max is None or change.amount_max == change.amount:
        return _amount(change.amount, change.unit) + percent
    return (
        f"lower end {_amount(change.amount, change.unit)}{percent}, upper end {_amount(change.amount_max, change.unit)}"
    )


def _report_json(entry: Entry, report: Report) -> dict[str, Any]:
    return {"id": entry.id, "title": entry.title, "place": entry.place, "year": report.year}


def _metric_json(metric: Metric | None) -> dict[str, Any] | None:
    if metric is None:
        return None
    return {
        "value": metric.value,
        "value_max": metric.value_max,
        "unit": metric.unit,
        "qualifier": metric.qualifier,
        "expression": metric.expression,
        "estimate": metric.estimate,
        "year": metric.year,
        "paragraph": metric.paragraph,
        "text": metric.text,
    }


def _change_json(change: Change) -> dict[str, Any]:
    return {"amount": change.amount, "amount_max": change.amount_max, "unit": change.unit, "percent": change.percent}


def _tasks_json(tasks: tuple[Task, ...]) -> list[dict[str, str]]:
    return [{"paragraph": t.paragraph, "marker": t.marker, "title": t.title} for t in tasks]


def comparison_json(comparison: Comparison, older: tuple[Entry, Report], newer: tuple[Entry, Report]) -> dict[str, Any]:
    """``library compare --json`` (docs/cli.md)."""
    return {
        "schema": COMPARE_JSON_SCHEMA,
        "older": _report_json(*older),
        "newer": _report_json(*newer),
        "targets": [
            {
                "indicator": row.indicator,
                "label": row.label,
                "kind": row.kind,
                "older": _metric_json(row.older),
                "newer": _metric_json(row.newer),
                "change": None if row.change is None else _change_json(row.change),
                "achieved": _metric_json(row.achieved),
                "met": row.met,
            }
            for row in comparison.targets
        ],
        "tasks": {"older": _tasks_json(comparison.older_tasks), "newer": _tasks_json(comparison.newer_tasks)},
    }


def _print_text(comparison: Comparison, older: tuple[Entry, Report], newer: tuple[Entry, Report]) -> None:
    def name(side: tuple[Entry, Report]) -> str:
        entry, report = side
        return f"report {entry.id} ({report.year or 'year unknown'}, {entry.place or 'place unknown'}): {entry.title}"

    print(f"older: {name(older)}")
    print(f"newer: {name(newer)}")
    print("\ntargets (older → newer, change; the older year's result as the newer report gives it, met or missed):")
    if not comparison.targets:
        print("  neither report sets a target")
    for row in comparison.targets:
        line = f"  {row.label}: {_value(row, row.older)} → {_value(row, row.newer)}"
        change = row.shown_change()
        if change is not None:
            line += f"  ({_change(change)})"
        if row.achieved is not None:
            line += f"; result {_value(row, row.achieved)}"
            line += {True: ", met", False: ", missed", None: ""}[row.met]
        print(line)
    for side, tasks in ((older, comparison.older_tasks), (newer, comparison.newer_tasks)):
        print(f"\ntasks of report {side[0].id}:")
        if not tasks:
            print("  none listed")
        for task in tasks:
            print(f"  [{task.paragraph}] {task.marker} {task.title}")


def run_compare(args: argparse.Namespace, catalogue: Catalogue) -> bool:
    """Run ``jcviewer library compare ID_A ID_B [--json]``; False when it could not be done (said on stderr): one
    report given twice, an unknown id, a copy that cannot be read."""
    from jcviewer.model.library.compare import compare_reports, library_report, older_first
    from jcviewer.paths import user_cache_folder

    if args.first == args.second:
        print_error(f"library compare: ID_A and ID_B are both report {args.first} (give two reports)")
        return False
    sides = []
    for report_id in (args.first, args.second):
        try:
            entry = catalogue.get(report_id)
        except KeyError:
            print_error(f"no report with id {report_id} in the library (see jcviewer library list)")
            return False
        try:
            sides.append((entry, library_report(catalogue, entry, user_cache_folder("reports"))))
        except ReportError as error:
            print_error(f"report {report_id} cannot be read: {error}")
            return False
    older, newer = older_first(sides[0], sides[1])
    comparison = compare_reports(older[1], newer[1], places=(older[0].place, newer[0].place))
    if args.json:
        sys.stdout.write(json.dumps(comparison_json(comparison, older, newer), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_text(comparison, older, newer)
    return True
