"""Two reports compared (Qt-free; docs/library.md): their targets side by side with the change, what the newer
report says the older one's year achieved, and the tasks each lists.

Targets pair by indicator (canonical wording, the report's own area and synonyms aside) and kind: a rate of change
in % ("增长6%") with a rate, a level ("完成88亿元", "达到60%") with a level of the same measure. The change is in
points for figures in %, else an amount in the finer of the two units with its percent; None when the units
cannot be made comparable (亿元 and 万亿元 can, 亿元 and 个 cannot) or a side has no number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from jcviewer.model.figures import indicator_key, measure_key
from jcviewer.model.parse.units import BASE_UNITS, MAGNITUDES
from jcviewer.model.report import Metric, Report
from jcviewer.model.vocabulary import Synonyms, default_synonyms

Kind = Literal["rate", "level"]
"""A rate of change in % (signed: a fall is negative), or a level (an amount, a count, a share)."""

POINTS = "个百分点"
"""The unit of a change between two figures in %."""

_MAGNITUDE_FACTORS = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
_BASES = frozenset(BASE_UNITS)


@dataclass(frozen=True)
class Change:
    """How a target moved from the older report to the newer: ``amount`` in ``unit`` (signed), and for a level
    the change as a percent of the older target (None for figures in %, or an older target of 0)."""

    amount: float
    unit: str
    percent: float | None


@dataclass(frozen=True)
class TargetRow:
    """One indicator's targets in the two reports (either may be missing), the change between them, and the
    newer report's result for the older report's year (``achieved``)."""

    indicator: str
    kind: Kind
    older: Metric | None
    newer: Metric | None
    change: Change | None
    achieved: Metric | None

    @property
    def label(self) -> str:
        """The indicator with its measure, as the charts label it ("地区生产总值增长")."""
        metric = self.newer or self.older
        assert metric is not None
        return metric.label


@dataclass(frozen=True)
class Task:
    """One item of an enumeration: where it is, its marker as printed ("一是") and its title."""

    paragraph: str
    marker: str
    title: str


@dataclass(frozen=True)
class Comparison:
    """Two reports compared: target rows (the newer report's order, then the indicators only the older sets),
    and each report's tasks in reading order."""

    older_year: int | None
    newer_year: int | None
    targets: tuple[TargetRow, ...]
    older_tasks: tuple[Task, ...]
    newer_tasks: tuple[Task, ...]


def unit_scale(unit: str) -> tuple[str, float]:
    """The base unit and its multiplier ("万亿元" → ("元", 1e12), "万人" → ("人", 1e4)); a unit without a magnitude
    is its own base ("%" → ("%", 1))."""
    for magnitude in MAGNITUDES:
        if unit.startswith(magnitude) and unit[len(magnitude) :] in _BASES:
            return unit[len(magnitude) :], _MAGNITUDE_FACTORS[magnitude]
    return unit, 1.0


def change_between(older: Metric, newer: Metric) -> Change | None:
    """``newer``'s value less ``older``'s (the lower bound of a range): points for figures in %, else an amount in
    the finer unit with its percent; None when either has no number or their units are not comparable."""
    if older.value is None or newer.value is None:
        return None
    if older.unit == newer.unit == "%":
        return Change(round(newer.value - older.value, 6), POINTS, None)
    (old_base, old_factor), (new_base, new_factor) = unit_scale(older.unit), unit_scale(newer.unit)
    if old_base != new_base or "%" in (older.unit, newer.unit):
        return None
    factor, unit = min((old_factor, older.unit), (new_factor, newer.unit))
    before, after = older.value * old_factor / factor, newer.value * new_factor / factor
    percent = round((after - before) / before * 100, 6) if before else None
    return Change(round(after - before, 6), unit, percent)


def _kind(metric: Metric) -> Kind:
    return "rate" if metric.is_change and metric.unit == "%" else "level"


def _key(metric: Metric, synonyms: Synonyms) -> tuple[str, Kind, str]:
    """What pairs two figures: the indicator, the kind, and for a level its measure (完成 and 达到 are both a level,
    净增 is not the same level)."""
    kind = _kind(metric)
    return synonyms.expand(indicator_key(metric)), kind, "" if kind == "rate" else measure_key(metric)


def _first_targets(report: Report, synonyms: Synonyms) -> dict[tuple[str, Kind, str], Metric]:
    """Each indicator's first target in reading order (a report may repeat one)."""
    found: dict[tuple[str, Kind, str], Metric] = {}
    for metric in report.metrics:
        if metric.period == "target":
            found.setdefault(_key(metric, synonyms), metric)
    return found


def _about_year(result: Metric, newer: Report, target: Metric, older: Report) -> bool:
    """Whether the newer report's ``result`` is about the year ``target`` was set for: the same year when both
    are known (a result without a year is about the year before the newer report's)."""
    result_year = result.year or (newer.year - 1 if newer.year else None)
    target_year = target.year or older.year
    return result_year is None or target_year is None or result_year == target_year


def _achieved(target: Metric, older: Report, newer: Report, synonyms: Synonyms) -> Metric | None:
    """The newer report's result for what ``target`` set (same indicator, kind and comparable unit, same year)."""
    key = _key(target, synonyms)
    for metric in newer.metrics:
        if (
            metric.period == "result"
            and _key(metric, synonyms) == key
            and _about_year(metric, newer, target, older)
            and (target.value is None or change_between(target, metric) is not None)
        ):
            return metric
    return None


def _tasks(report: Report) -> tuple[Task, ...]:
    return tuple(
        Task(enumeration.paragraph, item.marker, item.title)
        for enumeration in report.enumerations
        for item in enumeration.items
    )


def compare_reports(older: Report, newer: Report, synonyms: Synonyms | None = None) -> Comparison:
    """Compare ``older``'s targets with ``newer``'s (see the module docstring), with what ``newer`` reports of
    ``older``'s targets, and list each report's tasks."""
    synonyms = synonyms or default_synonyms()
    before, after = _first_targets(older, synonyms), _first_targets(newer, synonyms)
    rows = []
    for key in [*after, *(key for key in before if key not in after)]:
        old, new = before.get(key), after.get(key)
        rows.append(
            TargetRow(
                indicator=key[0],
                kind=key[1],
                older=old,
                newer=new,
                change=change_between(old, new) if old and new else None,
                achieved=_achieved(old, older, newer, synonyms) if old else None,
            )
        )
    return Comparison(older.year, newer.year, tuple(rows), _tasks(older), _tasks(newer))
