"""An indicator's timeline as a CSV table (Qt-free; docs/library.md): one row per place and year, UTF-8 with a
byte-order mark so WPS and Excel show the Chinese, written whole or not at all (``output_file.replacing``). The
target and result columns show a figure as printed (a fall as its size under its verb, ``shown``); the value
columns are signed, as the JSON (a fall negative).

CSV only: no library in our dependencies writes .xlsx, and WPS and Excel both open this file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from jcviewer.model.export import QUALIFIER_SIGNS
from jcviewer.model.library.indicators import Figure, YearRow
from jcviewer.output_file import replacing

HEADERS = (
    "place",
    "year",
    "target",
    "target value",
    "target value max",
    "target unit",
    "target qualifier",
    "result",
    "result value",
    "result unit",
    "estimate",
    "met",
    "target report",
    "target paragraph",
    "result report",
    "result paragraph",
)
"""The column headings (English; a caller may pass translated ones in the same order)."""


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def sizes(figure: Figure) -> tuple[float, float | None]:
    """A fall's value and upper end as the sizes of the fall (下降3%—5%, −5 and −3, is 3 and 5); the figure has a
    number."""
    assert figure.value is not None
    if figure.value_max is None:
        return -figure.value or 0.0, None
    return -figure.value_max or 0.0, -figure.value or 0.0


def shown(figure: Figure | None) -> str:
    """A figure as the table shows it, with its bound: "≈6%", "5–5.5%", "完成市定要求"; a fall as its size under
    the fall's verb, the bound the target's on that size ("下降≥3%" for 下降3%以上, "下降2%", "下降3–5%")."""
    if figure is None:
        return ""
    if figure.value is None:
        return figure.expression
    value, value_max = sizes(figure) if figure.is_fall else (figure.value, figure.value_max)
    verb = figure.measure if figure.is_fall else ""
    upper = f"–{value_max:g}" if value_max is not None else ""
    return f"{verb}{QUALIFIER_SIGNS[figure.qualifier]}{value:g}{upper}{figure.unit}"


def table_rows(rows: Iterable[YearRow]) -> list[list[str]]:
    """The cells of each row, in the order of ``HEADERS``; met and estimate as TRUE, FALSE or empty."""
    table = []
    for row in rows:
        target, result = row.target, row.result
        table.append(
            [
                row.place or "",
                str(row.year),
                shown(target),
                _number(target.value) if target else "",
                _number(target.value_max) if target else "",
                target.unit if target else "",
                target.qualifier if target else "",
                shown(result),
                _number(result.value) if result else "",
                result.unit if result else "",
                ("TRUE" if result.estimate else "FALSE") if result else "",
                "" if row.met is None else "TRUE" if row.met else "FALSE",
                str(target.report_id) if target else "",
                target.paragraph if target else "",
                str(result.report_id) if result else "",
                result.paragraph if result else "",
            ]
        )
    return table


def write_table(rows: Iterable[YearRow], path: Path, headers: Sequence[str] = HEADERS) -> None:
    """Write the timeline to ``path`` as CSV with a BOM, whole or not at all; OSError when it cannot be."""
    if len(headers) != len(HEADERS):
        raise ValueError(f"expected {len(HEADERS)} column headings, got {len(headers)}")
    with replacing(path) as temporary, temporary.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(headers)
        writer.writerows(table_rows(rows))
