"""What the charts plot, chosen from a Report's metrics (Qt-free; the drawing lives in jcviewer.ui.charts).

Three figures: the targets, each result beside the target for the same indicator (matched on the canonical
indicator without the report's own area, the kind of measure and the unit), and the results that are amounts or
counts. A bar keeps its metric so the UI can show the source sentence and select the paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from jcviewer.model.export import format_value, shown_numbers
from jcviewer.model.navigation import Node
from jcviewer.model.report import Metric, Period, Report

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
    series: tuple[tuple[Period, tuple[Bar, ...]], ...]


def _single(unit: str, period: Period, bars: tuple[Bar, ...]) -> Figure:
    return Figure(unit, tuple(bar.label for bar in bars), ((period, bars),))


def _bar(metric: Metric, label: str | None = None, scale: float = 1.0) -> Bar:
    """A bar ``scale`` times the metric's value as shown long (a fall named by its label: its size), labelled
    with the value as printed ("4552万元")."""
    return Bar(label or metric.label, shown_numbers(metric)[0] * scale, format_value(metric), metric)


def _plottable(metrics: Iterable[Metric], period: Period) -> list[Metric]:
    return [m for m in metrics if m.period == period and m.value is not None]


def target_figures(report: Report) -> tuple[Figure, ...]:
    """The targets with a number, one figure per unit, the unit with most targets first."""
    by_unit: dict[str, list[Metric]] = {}
    for metric in _plottable(report.metrics, "target"):
        by_unit.setdefault(metric.unit, []).append(metric)
    ordered = sorted(by_unit.items(), key=lambda pair: -len(pair[1]))
    return tuple(_single(unit, "target", tuple(_bar(m) for m in metrics)) for unit, metrics in ordered)


PLACE_PREFIX = re.compile(r"^(?:全|本)(?:国|省|市|县|区|州|盟|旗|镇|乡)")
"""The report's own area before an indicator ("全县地区生产总值" is 地区生产总值 of the report's county)."""
PLACE_ENDINGS = frozenset("省市县区州盟旗镇乡")
"""Last characters of a named place before an indicator ("某某县地区生产总值")."""
NOT_PLACES = frozenset({"城镇", "乡镇", "城乡", "城区", "市区", "县城", "县区"})
"""Words ending like a place that name a group of people or areas ("城镇居民…" is not "居民…" of a town)."""
_TRAILING_WORDS = re.compile(r"(?:平均|同比)$")
_RISES = frozenset({"增长", "增加", "提高", "提升", "上涨"})
_FALLS = frozenset({"下降", "减少", "降低", "回落"})


def indicator_key(metric: Metric) -> str:
    """The indicator without the report's own area or a trailing 平均 ("全县地区生产总值" → 地区生产总值)."""
    return _TRAILING_WORDS.sub("", PLACE_PREFIX.sub("", metric.indicator))


def measure_key(metric: Metric) -> str:
    """The kind of measure: a rise, a fall, or a level (完成, 实现, 达到, 控制在 … all name a level)."""
    if metric.measure in _RISES:
        return "增长"
    if metric.measure in _FALLS:
        return "下降"
    return metric.measure if metric.measure in ("净增", "新增", "排名") else ""


def _same_indicator(result: str, target: str) -> bool:
    """The same indicator, or the target's wording after a named place ("某某县地区生产总值")."""
    if result == target:
        return True
    prefix = result[: -len(target)] if target and result.endswith(target) else ""
    return len(prefix) >= 2 and prefix[-1] in PLACE_ENDINGS and not any(prefix.endswith(w) for w in NOT_PLACES)


def matching_result(target: Metric, results: Iterable[Metric]) -> Metric | None:
    """The first result measuring what ``target`` does (indicator, kind of measure, unit), else None."""
    measure = measure_key(target)
    return _of_indicator(target, [r for r in results if r.unit == target.unit and measure_key(r) == measure])


def matching_amount(target: Metric, results: Iterable[Metric]) -> Metric | None:
    """The first result giving the amount of what ``target`` measures (地区生产总值 103亿元 for its growth target),
    else None."""
    return _of_indicator(target, [r for r in results if r.unit in AMOUNT_UNITS])


def _of_indicator(target: Metric, candidates: list[Metric]) -> Metric | None:
    """The first candidate of ``target``'s indicator: the same key, else the same indicator otherwise named."""
    key = indicator_key(target)
    exact = next((r for r in candidates if indicator_key(r) == key), None)
    return exact or next((r for r in candidates if _same_indicator(indicator_key(r), key)), None)


def comparison_figure(report: Report) -> Figure | None:
    """Result beside target for every indicator reported both ways (same indicator, kind of measure and unit,
    the report's own area and abbreviations aside); None if none is."""
    results_by_kind: dict[tuple[str, str], list[Metric]] = {}
    for result in _plottable(report.metrics, "result"):
        results_by_kind.setdefault((result.unit, measure_key(result)), []).append(result)
    found: dict[tuple[str, str, str], Metric | None] = {}  # a report of repeated pages asks the same many times
    pairs = []
    for target in _plottable(report.metrics, "target"):
        kind = (target.unit, measure_key(target))
        key = (*kind, indicator_key(target))
        if key not in found:
            found[key] = matching_result(target, results_by_kind.get(kind, []))
        matched = found[key]
        if matched is not None:
            pairs.append((matched, target))
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
        largest = max(abs(m.value) * AMOUNT_UNITS[m.unit] for m in amounts if m.value is not None)
        unit = "亿元" if largest >= AMOUNT_UNITS["亿元"] else "万元" if largest >= AMOUNT_UNITS["万元"] else "元"
        bars = tuple(_bar(m, scale=AMOUNT_UNITS[m.unit] / AMOUNT_UNITS[unit]) for m in amounts)
        figures.append(_single(unit, "result", bars))
    counts = [m for m in results if _is_count(m)]
    if counts:
        figures.append(_single("", "result", tuple(_bar(m) for m in counts)))
    return tuple(figures)


def node_targets(report: Report, node: Node) -> tuple[Metric, ...]:
    """The target an outline "target" node stands for (its mark ends where the target's value does); none for
    any other node."""
    if node.kind != "target":
        return ()
    ends = {(mark.paragraph, mark.span[1]) for mark in node.marks}
    return tuple(m for m in report.metrics if m.period == "target" and (m.paragraph, m.span[1]) in ends)
