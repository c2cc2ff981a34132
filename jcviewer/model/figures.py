"""What the charts plot, chosen from a Report's metrics (Qt-free; the drawing lives in jcviewer.ui.charts).

Three figures: the targets, each result beside the target for the same indicator, and the results that are
amounts or counts. A bar keeps its metric so the UI can show the source sentence and select the paragraph.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from jcviewer.model.export import format_value
from jcviewer.model.report import Metric, Report

AMOUNT_UNITS = {"元": 1.0, "千元": 1e3, "万元": 1e4, "亿元": 1e8}
COUNT_UNITS = frozenset("个户家项人座所条处件次场批支名")
_NOT_COUNTS = frozenset({"排名", "连续"})  # "排全市第5名" is a rank, "连续3年" a duration


@dataclass(frozen=True)
class Bar:
    """One bar: its label, the length to draw, the value as printed with its qualifier sign, and the source."""

    label: str
    value: float
    text: str
    metric: Metric


@dataclass(frozen=True)
class Figure:
    """A bar chart in one unit: one row per label, one bar per series in each row.

    Series are named by period ("result", "target"); every series has one bar per label, in label order.
    """

    unit: str
    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[Bar, ...]], ...]


def _single(unit: str, period: str, bars: tuple[Bar, ...]) -> Figure:
    return Figure(unit, tuple(bar.label for bar in bars), ((period, bars),))


def _bar(metric: Metric, label: str | None = None, scale: float = 1.0) -> Bar:
    """A bar ``scale`` times the metric's value long, labelled with the value as printed ("4552万元")."""
    assert metric.value is not None
    return Bar(label or metric.label, metric.value * scale, format_value(metric), metric)


def _plottable(metrics: Iterable[Metric], period: str) -> list[Metric]:
    return [m for m in metrics if m.period == period and m.value is not None]


def target_figures(report: Report) -> tuple[Figure, ...]:
    """The targets with a number, one figure per unit, the unit with most targets first."""
    by_unit: dict[str, list[Metric]] = {}
    for metric in _plottable(report.metrics, "target"):
        by_unit.setdefault(metric.unit, []).append(metric)
    ordered = sorted(by_unit.items(), key=lambda pair: -len(pair[1]))
    return tuple(_single(unit, "target", tuple(_bar(m) for m in metrics)) for unit, metrics in ordered)


def comparison_figure(report: Report) -> Figure | None:
    """Result beside target for every indicator reported both ways (same measure and unit); None if none is."""
    results: dict[tuple[str, str, str], Metric] = {}
    for metric in _plottable(report.metrics, "result"):
        results.setdefault(metric.quantity, metric)
    pairs = [(results[t.quantity], t) for t in _plottable(report.metrics, "target") if t.quantity in results]
    if not pairs:
        return None
    units = {target.unit for _, target in pairs}
    unit = max(units, key=lambda u: sum(t.unit == u for _, t in pairs))
    pairs = [(r, t) for r, t in pairs if t.unit == unit]
    return Figure(
        unit,
        tuple(target.label for _, target in pairs),
        (
            ("result", tuple(_bar(result, target.label) for result, target in pairs)),
            ("target", tuple(_bar(target) for _, target in pairs)),
        ),
    )


def _is_count(metric: Metric) -> bool:
    return metric.unit in COUNT_UNITS and metric.measure not in _NOT_COUNTS


def achievement_figures(report: Report) -> tuple[Figure, ...]:
    """The results that are amounts of money (in one unit) or counts of things: at most two figures."""
    results = _plottable(report.metrics, "result")
    figures = []
    amounts = [m for m in results if m.unit in AMOUNT_UNITS]
    if amounts:
        largest = max(m.value * AMOUNT_UNITS[m.unit] for m in amounts if m.value is not None)
        unit = "亿元" if largest >= AMOUNT_UNITS["亿元"] else "万元" if largest >= AMOUNT_UNITS["万元"] else "元"
        bars = tuple(_bar(m, scale=AMOUNT_UNITS[m.unit] / AMOUNT_UNITS[unit]) for m in amounts)
        figures.append(_single(unit, "result", bars))
    counts = [m for m in results if _is_count(m)]
    if counts:
        figures.append(_single("", "result", tuple(_bar(m) for m in counts)))
    return tuple(figures)
