"""Indicator timelines: each year's target paired with the result a later report gives for it, met or missed.

The reports are generated (tests/genre.py: one county over several years, worded as real reports vary); the
figures of the hand-built cases are invented for the tests.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from genre import CountyYear, county_years

from jcviewer.model.library import Catalogue, Entry
from jcviewer.model.library.catalogue import report_files
from jcviewer.model.library.guess import guess_place
from jcviewer.model.library.indicators import Figure, YearRow, indicator_names, indicator_timeline, met
from jcviewer.model.parse import parse_text
from jcviewer.model.report import Metric, Period, Qualifier


def _entry(report_id: int, title: str, place: str | None, year: int | None, user_set: frozenset[str] = frozenset()):
    return Entry(report_id, title, place, None, None, year, f"{report_id}.txt", f"h{report_id}", "", "", user_set)


def _pairs(years: list[CountyYear]) -> list[tuple[Entry, Metric]]:
    pairs = []
    for number, county_year in enumerate(years, start=1):
        report = parse_text(county_year.text)
        entry = _entry(number, report.title, guess_place(report.title), report.year)
        pairs += [(entry, metric) for metric in report.metrics]
    return pairs


def _expected_met(target: tuple[float, float | None, str], result: float) -> bool:
    """The rule of issue 15, written out for the generated figures (rates in %)."""
    value, _, qualifier = target
    if qualifier == "about":
        return result >= value - 0.5
    return result >= value  # exact, at_least, range (its lower bound)


@pytest.fixture(scope="module")
def county() -> list[CountyYear]:
    return county_years("文水县", first=2021, count=5, seed=3)


@pytest.fixture(scope="module")
def county_pairs(county: list[CountyYear]) -> list[tuple[Entry, Metric]]:
    return _pairs(county)


@pytest.mark.parametrize(
    ("name", "indicator"),
    [
        ("GDP", "地区生产总值"),
        ("经济增长", "地区生产总值"),
        ("全县地区生产总值增长", "地区生产总值"),
        ("固投", "固定资产投资"),
        ("社零额", "社会消费品零售总额"),
        ("规上工业增加值", "规模以上工业增加值"),
        ("一般公共预算收入", "一般公共预算收入"),
    ],
)
def test_each_years_target_pairs_with_the_next_reports_result(
    county: list[CountyYear], county_pairs: list[tuple[Entry, Metric]], name: str, indicator: str
) -> None:
    rows = indicator_timeline(county_pairs, name)
    assert [row.year for row in rows] == list(range(2020, 2026))
    assert {row.place for row in rows} == {"文水县"}
    by_year = {row.year: row for row in rows}
    for this, following in zip(county, county[1:], strict=False):
        row = by_year[this.year]
        assert row.target is not None and row.result is not None
        assert (row.target.value, row.target.value_max, row.target.qualifier) == this.targets[indicator]
        assert row.result.value == following.results[indicator]  # a fall is negative
        assert row.result.report_id == county.index(following) + 1  # from the next year's report
        assert row.result.estimate == (indicator in following.estimated)
        assert row.met is _expected_met(this.targets[indicator], following.results[indicator])
    first, last = by_year[2020], by_year[2025]
    assert (first.target, first.result is not None, first.met) == (None, True, None)  # reviewed, never set
    assert (last.target is not None, last.result, last.met) == (True, None, None)  # set, not yet reported


def test_the_generated_years_hold_falls_misses_and_estimates(county_pairs: list[tuple[Entry, Metric]]) -> None:
    rows = [
        row
        for name in ("地区生产总值", "固定资产投资", "规模以上工业增加值")
        for row in indicator_timeline(county_pairs, name)
    ]
    assert any(row.result is not None and row.result.value is not None and row.result.value < 0 for row in rows)
    assert {True, False} <= {row.met for row in rows}
    assert {True, False} <= {row.result.estimate for row in rows if row.result is not None}


def test_levels_in_other_units_are_made_comparable(
    county: list[CountyYear], county_pairs: list[tuple[Entry, Metric]]
) -> None:
    rows = {row.year: row for row in indicator_timeline(county_pairs, "进出口总额")}
    for this, following in zip(county, county[1:], strict=False):
        row = rows[this.year]
        assert row.target is not None and row.result is not None
        assert (row.target.unit, row.result.unit) == ("万元", "亿元")
        assert row.met is (following.results["进出口总额"] * 10000 >= this.targets["进出口总额"][0])


def test_a_report_without_a_place_is_its_own_place_until_the_user_sets_one(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for county_year in county_years("全省", first=2022, count=2, seed=5):
        (folder / f"{county_year.year}.txt").write_text(county_year.text, encoding="utf-8")
    with Catalogue(tmp_path / "library") as catalogue:
        ids = [result[0] for _, result in catalogue.add_files(report_files([folder]))]
        rows = indicator_timeline(catalogue.metrics(), "地区生产总值")
        assert [(row.place, row.own_report, row.year) for row in rows] == [
            (None, ids[0], 2021),
            (None, ids[0], 2022),
            (None, ids[1], 2022),
            (None, ids[1], 2023),
        ]
        assert all(row.met is None for row in rows)  # nothing tells the two reports are of one place
        for report_id in ids:
            catalogue.edit(report_id, place="某某省")
    with Catalogue(tmp_path / "library") as catalogue:  # remembered
        rows = indicator_timeline(catalogue.metrics(), "地区生产总值")
        assert [(row.place, row.own_report, row.year) for row in rows] == [
            ("某某省", None, year) for year in (2021, 2022, 2023)
        ]
        assert rows[1].met is not None  # now one place: the target of 2022 pairs with its result


def test_places_are_kept_apart_and_listed_in_order_unknown_last() -> None:
    pairs = [
        (replace(entry, id=entry.id + 10 * number), metric)
        for number, place in enumerate(("文水县", "交城县", "全省"))
        for entry, metric in _pairs(county_years(place, first=2022, count=2, seed=number))
    ]
    rows = indicator_timeline(pairs, "地区生产总值")
    assert [(row.place, row.year) for row in rows] == [
        *((place, year) for place in ("交城县", "文水县") for year in (2021, 2022, 2023)),
        *((None, year) for year in (2021, 2022, 2022, 2023)),  # each report of no place is a place of its own
    ]


def test_indicator_names_merge_wordings_and_come_most_reports_first(county_pairs: list[tuple[Entry, Metric]]) -> None:
    names = indicator_names(county_pairs)
    assert set(names[:6]) == {
        "地区生产总值",
        "固定资产投资",
        "社会消费品零售总额",
        "规模以上工业增加值",
        "一般公共预算收入",
        "进出口总额",
    }
    assert not {"GDP", "经济", "固投", "规上工业增加值", "文水县地区生产总值"} & set(names)


# --- hand-built figures -------------------------------------------------------------------------------------


def _metric(
    period: Period,
    value: float | None,
    *,
    unit: str = "%",
    measure: str = "增长",
    qualifier: Qualifier = "exact",
    value_max: float | None = None,
    year: int | None = None,
    estimate: bool = False,
    indicator: str = "地区生产总值",
    text: str = "",
) -> Metric:
    return Metric(
        indicator, indicator, measure, value, value_max, unit, qualifier, period, year, "", text, "p1", (0, 1), estimate
    )


def _figure(value: float | None, qualifier: Qualifier = "exact", unit: str = "%", value_max: float | None = None):
    return Figure(value, value_max, unit, qualifier, False, "", "", 1, "", "p1", (0, 1))


@pytest.mark.parametrize(
    ("target", "result", "expected"),
    [
        (_figure(6, "exact"), _figure(6), True),
        (_figure(6, "exact"), _figure(5.9), False),
        (_figure(6, "at_least"), _figure(6.1), True),
        (_figure(6, "about"), _figure(5.5), True),
        (_figure(6, "about"), _figure(5.4), False),
        (_figure(5, "range", value_max=5.5), _figure(5.1), True),
        (_figure(5, "range", value_max=5.5), _figure(4.9), False),
        (_figure(5.5, "at_most"), _figure(5.2), True),
        (_figure(5.5, "at_most"), _figure(5.6), False),
        (_figure(-3, "at_least"), _figure(-3.5), True),  # 能耗下降3%以上: a fall of 3.5 meets it
        (_figure(-3, "exact"), _figure(-2), False),
        (_figure(-3, "about"), _figure(-2.6), True),
        (_figure(-3, "at_most"), _figure(-4), False),  # 下降3%以内: no more than 3
        (_figure(-5, "range", value_max=-3), _figure(-3.2), True),
        (_figure(6, "about"), _figure(-1.2), False),  # a fall misses a rise
        (_figure(100, "exact", "亿元"), _figure(0.01, unit="万亿元"), True),
        (_figure(100, "about", "亿元"), _figure(99.6, unit="亿元"), True),  # a level: 0.5% below
        (_figure(100, "about", "亿元"), _figure(99.4, unit="亿元"), False),
        (_figure(20000, "exact", "万元"), _figure(1.5, unit="亿元"), False),
        (_figure(6, "exact"), _figure(0.5, unit="个百分点"), None),  # units differ
        (_figure(100, "exact", "亿元"), _figure(100, unit="个"), None),
        (_figure(None, "qualitative", ""), _figure(6), None),
        (_figure(6, "exact"), _figure(None, "qualitative", ""), None),
    ],
)
def test_met(target: Figure, result: Figure, expected: bool | None) -> None:
    assert met(target, result) is expected


def test_a_final_figure_wins_over_an_estimate_and_a_later_report_over_an_earlier() -> None:
    plan = _entry(1, "2023", "某县", 2023)
    estimate = _entry(2, "2024", "某县", 2024)
    later = _entry(3, "2025", "某县", 2025)
    pairs = [
        (plan, _metric("target", 6, qualifier="about", year=2023)),
        (estimate, _metric("result", 5.6, year=2023, estimate=True)),
        (later, _metric("result", 5.4, year=2023)),
        (later, _metric("result", 5.0, year=2024)),
    ]
    (row_2023, row_2024) = indicator_timeline(pairs, "地区生产总值")
    assert row_2023.result is not None and (row_2023.result.value, row_2023.result.report_id) == (5.4, 3)
    assert row_2023.met is False
    only_estimates = indicator_timeline(pairs[:2] + [(later, _metric("result", 5.7, year=2023, estimate=True))], "GDP")
    assert only_estimates[0].result is not None and only_estimates[0].result.value == 5.7  # the later estimate
    assert row_2024 == YearRow("某县", 2024, None, row_2024.result, None)


def test_reports_of_unknown_places_never_pair_with_each_other() -> None:
    province_a, province_b = _entry(1, "政府工作报告", None, 2022), _entry(2, "政府工作报告", None, 2023)
    pairs = [
        (province_a, _metric("target", 5, qualifier="at_least", year=2022)),
        (province_b, _metric("result", 6, year=2022)),
    ]
    rows = indicator_timeline(pairs, "地区生产总值")
    assert [(row.place, row.own_report, row.year, row.met) for row in rows] == [
        (None, 1, 2022, None),
        (None, 2, 2022, None),
    ]
    assert rows[0].result is None and rows[1].target is None


def test_a_target_comes_from_the_report_of_its_year() -> None:
    restated = _entry(2, "2024", "某县", 2024)
    pairs = [
        (restated, _metric("target", 6.5, qualifier="about", year=2023)),
        (_entry(1, "2023", "某县", 2023), _metric("target", 6, qualifier="about", year=2023)),
    ]
    (row,) = indicator_timeline(pairs, "地区生产总值")
    assert row.target is not None and (row.target.value, row.target.report_id) == (6, 1)


def test_like_pairs_with_like_and_part_of_a_year_is_no_result() -> None:
    entry, review = _entry(1, "2023", "某县", 2023), _entry(2, "2024", "某县", 2024)
    pairs = [
        (entry, _metric("target", 6, qualifier="about", year=2023)),
        (review, _metric("result", 103, unit="亿元", measure="完成", year=2023)),  # a level: not the rate's result
        (review, _metric("result", 3.1, year=2023, text="上半年，全县地区生产总值增长3.1%。")),
        (review, _metric("result", 5.8, year=2023)),
    ]
    (row,) = indicator_timeline(pairs, "地区生产总值")
    assert row.result is not None and row.result.value == 5.8 and row.met is True


def test_a_quarters_figure_compared_with_last_years_whole_is_no_result_for_the_year() -> None:
    entry, review = _entry(1, "2023", "某县", 2023), _entry(2, "2024", "某县", 2024)
    quarter = replace(
        _metric("result", 2, year=2023, text="一季度全市地区生产总值同比增长2%，比上年全年增速高0.3个百分点。"),
        expression="2%",
    )
    whole = replace(
        _metric("result", 5.2, year=2023, text="全年地区生产总值增长5.2%，其中四季度增长6%。"), expression="5.2%"
    )
    pairs = [(entry, _metric("target", 6, qualifier="about", year=2023)), (review, quarter)]
    (row,) = indicator_timeline(pairs, "地区生产总值")
    assert row.result is None and row.met is None
    (row,) = indicator_timeline([*pairs, (review, whole)], "地区生产总值")
    assert row.result is not None and row.result.value == 5.2


def test_a_year_the_user_set_places_the_reports_figures() -> None:
    entry = _entry(1, "无年份", None, 2024, frozenset({"year"}))
    pairs = [(entry, _metric("target", 6, year=None)), (entry, _metric("result", 5, year=None))]
    assert [(row.year, row.target is not None, row.result is not None) for row in indicator_timeline(pairs, "GDP")] == [
        (2023, False, True),
        (2024, True, False),
    ]


def test_every_indicator_offered_has_a_timeline(tmp_path: Path) -> None:
    from jcviewer.resources import bundled_report

    with Catalogue(tmp_path / "lib") as catalogue:
        catalogue.add(bundled_report())  # it ranks its own county ("1至10月某某县排全市第5名"): no indicator
        for year in county_years(count=3):
            path = tmp_path / f"{year.year}.txt"
            path.write_text(year.text, encoding="utf-8")
            catalogue.add(path)
        pairs = catalogue.metrics()
    places = {entry.place for entry, _ in pairs}
    names = indicator_names(pairs)
    assert names and not places & set(names)
    assert all(indicator_timeline(pairs, name) for name in names)
