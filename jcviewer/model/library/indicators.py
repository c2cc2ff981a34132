"""Indicator timelines across the library (Qt-free; docs/library.md): per place and year, the target a report set
for that year, the result a later report gave for it, and whether the target was met.

A report of year Y sets targets for Y and reviews Y − 1 (often as estimates, 预计), so a target pairs with the
result for its year from any report: a final figure before an estimate, a later report before an earlier one. A
result of part of a year (上半年, 1至10月 …) is no result for the year. Figures pair like with like: the kind of
the indicator's targets (a rate of change, or a level) and a comparable unit (亿元, 万亿元 and 万元 are one
dimension; % and 个百分点 are not). The indicator is its canonical wording without the report's own area or
place ("全县…", "某某县…"), abbreviations merged through the synonyms (GDP, 经济增长 → 地区生产总值).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jcviewer.model.figures import PLACE_PREFIX, indicator_key
from jcviewer.model.parse.metrics import canonical_indicator
from jcviewer.model.parse.periods import REPORTING_PERIODS
from jcviewer.model.parse.units import unit_scale
from jcviewer.model.report import CHANGE_MEASURES, FALL_MEASURES, Metric, Period, Qualifier
from jcviewer.model.vocabulary import Synonyms, default_synonyms

if TYPE_CHECKING:
    from jcviewer.model.library.catalogue import Entry

ABOUT_POINTS = 0.5
"""How far below an "about" (左右) target a result in % (or 个百分点, ‰) may be and still meet it."""
ABOUT_SHARE = 0.005
"""The same for a level ("100亿元左右"): this share of the target."""
RATE_UNITS = frozenset({"%", "‰", "个百分点"})
_TIME_CUE = re.compile(f"(?P<part>{'|'.join(REPORTING_PERIODS)})|全年")
_ENDINGS = sorted({*CHANGE_MEASURES, *FALL_MEASURES, "增速", "增幅", "平均", "同比"}, key=len, reverse=True)
_TRAILING_WORDS = re.compile(f"(?:{'|'.join(_ENDINGS)})+$")
"""What a name typed may end with that is no part of the indicator ("地区生产总值增长")."""
_EPSILON = 1e-9


@dataclass(frozen=True)
class Figure:
    """One target or result as printed in one report, and where: the report, the paragraph and the value's span."""

    value: float | None  # signed: a fall is negative; None for a qualitative target
    value_max: float | None  # the upper end of a range
    unit: str
    qualifier: Qualifier
    estimate: bool  # given as an estimate (预计): not yet final
    expression: str  # the value as printed ("6%左右")
    text: str  # the sentence it comes from
    report_id: int
    report_title: str
    paragraph: str
    span: tuple[int, int]
    measure: str = ""  # the verb printed with it ("增长", "下降", "完成"): a fall's verb shows it as a size

    @property
    def is_fall(self) -> bool:
        """True when the figure is printed as a fall (下降3% → value −3): shown as its size under that verb."""
        return self.measure in FALL_MEASURES


@dataclass(frozen=True)
class YearRow:
    """One place and year of one indicator: the target set for that year, the result reported for it, and
    whether it was met (None when either is missing, qualitative or in units that do not compare). A report whose
    place is unknown is a place of its own (``own_report``, its id; None when the place is known): two reports of
    no place may be of two places, so their figures never pair."""

    place: str | None
    year: int
    target: Figure | None
    result: Figure | None
    met: bool | None
    own_report: int | None = None


@dataclass(frozen=True)
class _Found:
    """A figure with what places and orders it."""

    figure: Figure
    period: Period
    place: str | None
    year: int
    kind: tuple[bool, str]  # (a change, the unit's dimension)
    report_year: int  # the year of the report it is printed in (0 when unknown)
    order: int  # its place in the catalogue's order


def _name(entry: Entry, metric: Metric) -> str:
    """The indicator ``metric`` measures, without the report's own area or its place ("全县…", "某某县…")."""
    key = indicator_key(metric)
    place = entry.place or ""
    if place and key.startswith(place):
        key = key[len(place) :]  # the place alone ("某某县排全市第5名") names no indicator: ""
    return key


def canonical_name(name: str, synonyms: Synonyms | None = None) -> str:
    """The name as the timeline matches it: abbreviations expanded, no area or measure ("GDP增长" → 地区生产总值)."""
    synonyms = synonyms or default_synonyms()
    wording = PLACE_PREFIX.sub("", canonical_indicator(synonyms, "".join(name.split())))
    return canonical_indicator(synonyms, _TRAILING_WORDS.sub("", wording))


def _kind(metric: Metric) -> tuple[bool, str]:
    """What a figure is, for pairing: a change ("增长6%", "净增14户") or a level, and the unit's dimension."""
    change = metric.measure in CHANGE_MEASURES or metric.measure in FALL_MEASURES
    return change, unit_scale(metric.unit)[0]


def _year(entry: Entry, metric: Metric) -> int | None:
    """The year a target is for or a result is of: as the parser read it, unless the user set the report's year
    (then the targets are for that year, the results of the year before)."""
    if metric.year is not None and "year" not in entry.user_set:
        return metric.year
    if entry.year is None:
        return metric.year
    return entry.year if metric.period == "target" else entry.year - 1


def _figure(entry: Entry, metric: Metric) -> Figure:
    return Figure(
        value=metric.value,
        value_max=metric.value_max,
        unit=metric.unit,
        qualifier=metric.qualifier,
        estimate=metric.estimate,
        expression=metric.expression,
        text=metric.text,
        report_id=entry.id,
        report_title=entry.title,
        paragraph=metric.paragraph,
        span=metric.span,
        measure=metric.measure,
    )


def _timed(pairs: Iterable[tuple[Entry, Metric]]) -> Iterator[tuple[str, Entry, Metric, int, int]]:
    """Every target and result that can stand in a timeline — its year known, a result for a whole year — with
    its indicator's name, its year and its place in the catalogue's order."""
    for order, (entry, metric) in enumerate(pairs):
        if metric.period is None:
            continue
        if metric.period == "result" and _part_of_year(metric.text, metric.expression):
            continue
        year = _year(entry, metric)
        name = _name(entry, metric)
        if year is not None and name:
            yield name, entry, metric, year, order


def _found(pairs: Iterable[tuple[Entry, Metric]], name: str) -> list[_Found]:
    """The targets and results of the indicator ``name`` (a canonical wording), with their place and year."""
    return [
        _Found(_figure(entry, metric), metric.period, entry.place, year, _kind(metric), entry.year or 0, order)
        for found_name, entry, metric, year, order in _timed(pairs)
        if found_name == name and metric.period is not None
    ]


def _part_of_year(sentence: str, expression: str) -> bool:
    """True when the last time cue before the figure in its sentence names part of a year (上半年, 一季度,
    1至10月 …) rather than the whole (全年): "一季度…增长2%，比上年全年增速高0.3个百分点" is a quarter's."""
    at = sentence.find(expression) if expression else -1
    cues = list(_TIME_CUE.finditer(sentence if at < 0 else sentence[:at]))
    return bool(cues) and cues[-1].group("part") is not None


def indicator_names(pairs: Iterable[tuple[Entry, Metric]]) -> list[str]:
    """Every indicator with a target or a result in figures (a qualitative target alone is none), those printed
    in most reports first (then by name)."""
    reports: dict[str, set[int]] = {}
    for name, entry, metric, _, _ in _timed(pairs):
        if metric.value is not None:
            reports.setdefault(name, set()).add(entry.id)
    return sorted(reports, key=lambda name: (-len(reports[name]), name))


def indicator_timeline(
    pairs: Iterable[tuple[Entry, Metric]], name: str, synonyms: Synonyms | None = None
) -> list[YearRow]:
    """The indicator ``name`` (abbreviations merged: GDP, 经济增长 → 地区生产总值) per place and year: the target
    set for the year, the result reported for it and whether it was met; by place (unknown last, each report of
    an unknown place a place of its own, by id), then year. Only figures of the kind most of its targets have (else
    most of its results) are paired."""
    found = _found(pairs, canonical_name(name, synonyms))
    kinds = Counter(f.kind for f in found if f.period == "target") or Counter(f.kind for f in found)
    if not kinds:
        return []
    kind = kinds.most_common(1)[0][0]
    cells: dict[tuple[str, int, int], dict[Period, list[_Found]]] = {}
    for item in found:
        if item.kind == kind:
            own = 0 if item.place is not None else item.figure.report_id
            cells.setdefault((item.place or "", own, item.year), {}).setdefault(item.period, []).append(item)
    rows = []
    for (place, own, year), periods in sorted(cells.items(), key=lambda cell: (cell[0][1] != 0, cell[0])):
        target = _best_target(periods.get("target", []), year)
        result = _best_result(periods.get("result", []))
        verdict = met(target, result) if target and result else None
        rows.append(YearRow(place if not own else None, year, target, result, verdict, own or None))
    return rows


def _best_target(found: list[_Found], year: int) -> Figure | None:
    """The target from the report of its year (else the latest report), the first it prints."""
    if not found:
        return None
    return min(found, key=lambda f: (f.report_year != year, -f.report_year, f.order)).figure


def _best_result(found: list[_Found]) -> Figure | None:
    """A final figure before an estimate, then the latest report, then the first it prints."""
    if not found:
        return None
    return min(found, key=lambda f: (f.figure.estimate, -f.report_year, f.order)).figure


def met(target: Figure, result: Figure) -> bool | None:
    """Whether ``result`` met ``target``: at_least/exact → result ≥ target; about → result ≥ target − 0.5
    points (a level: − 0.5%); range → result ≥ its lower bound; at_most → result ≤ target. A fall target
    (negative: 下降3%以上) is met by falling at least that much (the same rules on the sizes). None when either
    has no number, the target is qualitative, or the units do not compare (亿元 and 万元 do; % and 个百分点 not)."""
    if target.value is None or result.value is None or target.qualifier == "qualitative":
        return None
    (target_base, target_factor), (result_base, result_factor) = unit_scale(target.unit), unit_scale(result.unit)
    if target_base != result_base:
        return None
    low, high = target.value, target.value_max
    reached = result.value * result_factor / target_factor
    if low < 0 and (high is None or high <= 0):  # a fall: the same rules on the sizes
        low, high, reached = (-high, -low, -reached) if high is not None else (-low, None, -reached)
    if target.qualifier == "at_most":
        return reached <= low + _EPSILON
    if target.qualifier == "about":
        tolerance = ABOUT_POINTS if target_base in RATE_UNITS else abs(low) * ABOUT_SHARE
        return reached >= low - tolerance - _EPSILON
    return reached >= low - _EPSILON
