"""Two reports compared (Qt-free; docs/library.md): their targets side by side with the change, what the newer
report says the older one's year achieved and whether that met the older target, and the tasks each lists.

Targets pair by indicator (canonical wording, the report's own area and synonyms aside) and kind: a rate of change
in % ("增长6%") with a rate, a level ("完成88亿元", "达到60%") with a level of the same measure. The change is in
points for figures in %, else an amount in the finer of the two units with its percent; of both ends when a target
is a range (5–5.5% → ≈5% moved only its top); None when the units cannot be made comparable (亿元 and 万亿元 can,
亿元 and 个 cannot) or a side has no number.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from jcviewer.model.export import format_value
from jcviewer.model.figures import indicator_key, measure_key
from jcviewer.model.library.guess import guess_place
from jcviewer.model.library.indicators import Figure, met
from jcviewer.model.navigation import reviews_results
from jcviewer.model.parse.metrics import canonical_indicator
from jcviewer.model.parse.units import unit_scale
from jcviewer.model.report import FALL_MEASURES, Metric, Report
from jcviewer.model.vocabulary import Synonyms, default_synonyms

if TYPE_CHECKING:
    from jcviewer.model.library.catalogue import Catalogue, Entry

Kind = Literal["rate", "level"]
"""A rate of change in % (signed: a fall is negative), or a level (an amount, a count, a share)."""

POINTS = "个百分点"
"""The unit of a change between two figures in %."""


@dataclass(frozen=True)
class Change:
    """How a target moved from the older report to the newer: ``amount`` in ``unit``, the newer value less the
    older (signed values: 下降3% → 下降2.5% is +0.5 points; the lower ends of ranges), and for a level the change
    as a percent of the older target (None for figures in %, or an older target of 0). When either target is a
    range, ``amount_max`` is the change of the upper ends, a single figure counting as both its ends (5–5.5% →
    ≈5% is 0 and −0.5 points: the range's top came down); None when neither is."""

    amount: float
    unit: str
    percent: float | None
    amount_max: float | None = None

    @property
    def unchanged(self) -> bool:
        """True when neither end moved."""
        return self.amount == 0 and not self.amount_max

    def of_sizes(self) -> Change:
        """The same change measured on the sizes of falls (下降3% → 下降2.5% is −0.5 points): the ends swap (the
        lower end of the sizes is the upper of the values); the percent is the same on either end that keeps it,
        and None when the ends swap."""
        if self.amount_max is None:
            return Change(-self.amount or 0.0, self.unit, self.percent)
        return Change(-self.amount_max or 0.0, self.unit, None, -self.amount or 0.0)


@dataclass(frozen=True)
class TargetRow:
    """One indicator's targets in the two reports (either may be missing), the change between them, the newer
    report's result for the older report's year (``achieved``) and whether it met the older target (``met``, by
    ``indicators.met``; None when either is missing or they do not compare). ``label`` names the row as the charts
    would ("地区生产总值增长", "单位地区生产总值能耗下降"). ``change`` is on the signed values; shown under a label
    naming a fall, figures and the change are sizes of the fall (``shown``, ``shown_change``), as printed."""

    indicator: str
    kind: Kind
    label: str
    older: Metric | None
    newer: Metric | None
    change: Change | None
    achieved: Metric | None
    met: bool | None

    def shown(self, metric: Metric) -> str:
        """A figure of this row as written beside the row's label ("≈6%"; a fall under a fall's label: its size),
        or with its own verb when its label is another ("下降3.3%" in a row of 增长)."""
        text = format_value(metric)
        return text if metric.label == self.label else metric.measure + text

    def shown_change(self) -> Change | None:
        """The change as written beside the row's label: signed, or under a label naming a fall in sizes of the
        fall (下降3% → 下降2.5% is −0.5 points)."""
        named = next((m for m in (self.newer, self.older) if m is not None and m.label == self.label), None)
        if self.change is None or named is None or not _names_fall(named):
            return self.change
        return self.change.of_sizes()


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


def change_between(older: Metric, newer: Metric) -> Change | None:
    """``newer``'s value less ``older``'s (the lower ends of ranges, and the upper ends when either is a range):
    points for figures in %, else an amount in the finer unit with its percent; None when either has no number or
    their units are not comparable."""
    if older.value is None or newer.value is None:
        return None
    if older.unit == newer.unit == "%":
        factor, unit, old_factor, new_factor = 1.0, POINTS, 1.0, 1.0
    else:
        (old_base, old_factor), (new_base, new_factor) = unit_scale(older.unit), unit_scale(newer.unit)
        if old_base != new_base or "%" in (older.unit, newer.unit):
            return None
        factor, unit = min((old_factor, older.unit), (new_factor, newer.unit))
    before, after = older.value * old_factor / factor, newer.value * new_factor / factor
    percent = round((after - before) / before * 100, 6) if before and unit != POINTS else None
    upper = None
    if older.value_max is not None or newer.value_max is not None:
        top_before = (older.value if older.value_max is None else older.value_max) * old_factor / factor
        top_after = (newer.value if newer.value_max is None else newer.value_max) * new_factor / factor
        upper = round(top_after - top_before, 6)
    return Change(round(after - before, 6), unit, percent, upper)


def _names_fall(metric: Metric) -> bool:
    """Whether the metric's label names a fall ("…下降"): its value is then shown as the fall's size."""
    return metric.measure in FALL_MEASURES and metric.label.endswith(metric.measure)


def _row_label(older: Metric | None, newer: Metric | None) -> Metric:
    """The target whose label names the row: a rise's when one target rises and the other falls."""
    targets = [m for m in (newer, older) if m is not None]
    return next((m for m in targets if not _names_fall(m)), targets[0])


def _kind(metric: Metric) -> Kind:
    return "rate" if metric.is_change and metric.unit == "%" else "level"


Key = tuple[str, Kind, str]


@dataclass(frozen=True)
class _Keys:
    """What pairs two figures: the indicator (canonical, without the report's own area or a place the reports
    are of: "全县…", "某某县…"), the kind, and for a level its measure (完成 and 达到 are one level, 净增 another)."""

    synonyms: Synonyms
    places: tuple[str, ...]

    def __call__(self, metric: Metric) -> Key:
        name = indicator_key(metric)
        place = next((p for p in self.places if name.startswith(p) and len(name) > len(p)), "")
        name = canonical_indicator(self.synonyms, name[len(place) :])
        kind = _kind(metric)
        return name, kind, "" if kind == "rate" else measure_key(metric)


def _first_targets(report: Report, key: _Keys) -> dict[Key, Metric]:
    """Each indicator's first target in reading order (a report may repeat one)."""
    found: dict[Key, Metric] = {}
    for metric in report.metrics:
        if metric.period == "target":
            found.setdefault(key(metric), metric)
    return found


def _about_year(result: Metric, newer: Report, target: Metric, older: Report) -> bool:
    """Whether the newer report's ``result`` is about the year ``target`` was set for: the same year when both
    are known (a result without a year is about the year before the newer report's)."""
    result_year = result.year or (newer.year - 1 if newer.year else None)
    target_year = target.year or older.year
    return result_year is None or target_year is None or result_year == target_year


def _achieved(target: Metric, older: Report, newer: Report, key: _Keys) -> Metric | None:
    """The newer report's result for what ``target`` set (same indicator, kind and comparable unit, same year)."""
    wanted = key(target)
    for metric in newer.metrics:
        if (
            metric.period == "result"
            and key(metric) == wanted
            and _about_year(metric, newer, target, older)
            and (target.value is None or change_between(target, metric) is not None)
        ):
            return metric
    return None


def _figure(metric: Metric) -> Figure:
    """The metric as ``indicators.met`` reads it (its numbers, unit and qualifier; no report id here)."""
    return Figure(
        metric.value, metric.value_max, metric.unit, metric.qualifier, metric.estimate, metric.expression,
        metric.text, 0, "", metric.paragraph, metric.span, metric.measure,
    )  # fmt: skip


def _tasks(report: Report) -> tuple[Task, ...]:
    """The items of the report's lists that set tasks or emphases (a list reviewing results is no task)."""
    return tuple(
        Task(enumeration.paragraph, item.marker, item.title)
        for enumeration in report.enumerations
        if not reviews_results(report, enumeration)
        for item in enumeration.items
    )


def compare_reports(
    older: Report, newer: Report, synonyms: Synonyms | None = None, places: Collection[str | None] = ()
) -> Comparison:
    """Compare ``older``'s targets with ``newer``'s (see the module docstring), with what ``newer`` reports of
    ``older``'s targets, and list each report's tasks. ``places`` are the places the reports are of when known
    (the catalogue's); the places their titles name are taken too: "某某县地区生产总值" is 地区生产总值."""
    named = {*places, guess_place(older.title), guess_place(newer.title)}
    keys = _Keys(synonyms or default_synonyms(), tuple(sorted((p for p in named if p), key=len, reverse=True)))
    before, after = _first_targets(older, keys), _first_targets(newer, keys)
    rows = []
    for key in [*after, *(key for key in before if key not in after)]:
        old, new = before.get(key), after.get(key)
        named_by = _row_label(old, new)
        change = change_between(old, new) if old and new else None
        achieved = _achieved(old, older, newer, keys) if old else None
        rows.append(
            TargetRow(
                indicator=key[0],
                kind=key[1],
                label=named_by.label,
                older=old,
                newer=new,
                change=change,
                achieved=achieved,
                met=met(_figure(old), _figure(achieved)) if old and achieved else None,
            )
        )
    return Comparison(older.year, newer.year, tuple(rows), _tasks(older), _tasks(newer))


def library_report(catalogue: Catalogue, entry: Entry, cache: Path | None = None) -> Report:
    """The entry's report, parsed from the library's copy (corrected by the store; through ``cache`` when given),
    with the catalogue's year (the user may have set it). ReportError when the copy cannot be read."""
    report = catalogue.report(entry, cache=cache)
    return report if entry.year is None else replace(report, year=entry.year)


def older_first(first: tuple[Entry, Report], second: tuple[Entry, Report]) -> tuple[tuple[Entry, Report], ...]:
    """The two reports, older first: by year when both are known, else as given."""
    a, b = first[1].year, second[1].year
    return (second, first) if a is not None and b is not None and a > b else (first, second)
