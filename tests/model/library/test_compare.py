"""Two reports compared: targets side by side with the change (points, amounts in comparable units), the newer
report's result for the older year, indicators only in one report, the tasks of each — on generated reports of one
county over two years and on two corpus documents."""

from __future__ import annotations

from dataclasses import replace

import pytest
from corpus.scoring import load_document, require_corpus
from genre import county_years, wenshui_page

from jcviewer.model.library.compare import POINTS, Change, Comparison, TargetRow, change_between, compare_reports
from jcviewer.model.navigation import reviews_results
from jcviewer.model.parse import parse_text
from jcviewer.model.report import Metric, Period, Report


def genre(seed: int, year: int | None, **targets: float) -> Report:
    report = parse_text(wenshui_page(seed, **targets).text(), f"wenshui-{seed}.txt")
    return replace(report, year=year)


def row(comparison: Comparison, label: str) -> TargetRow:
    found = [r for r in comparison.targets if r.label == label]
    assert len(found) == 1, [r.label for r in comparison.targets]
    return found[0]


def shown(metric: Metric | None) -> str | None:
    return None if metric is None else metric.expression


def figure(indicator: str, measure: str, value: float | None, unit: str, period: Period = "target") -> Metric:
    expression = f"{value:g}{unit}" if value is not None else "完成要求"
    return Metric(indicator, indicator, measure, value, None, unit, "exact", period, None, expression, "", "p1", (0, 1))


def report_of(*metrics: Metric, year: int | None = None) -> Report:
    return Report("报告", "", (), metrics=metrics, year=year)


@pytest.fixture(scope="module")
def two_years() -> Comparison:
    return compare_reports(genre(1, 2023, gdp=6, invest=12), genre(2, 2024, gdp=5.5, invest=10, retail=8))


def test_targets_of_two_years_side_by_side_with_the_change_in_points(two_years: Comparison) -> None:
    assert [(r.label, shown(r.older), shown(r.newer), r.change) for r in two_years.targets] == [
        ("地区生产总值增长", "6%左右", "5.5%左右", Change(-0.5, POINTS, None)),
        ("一般公共预算收入增长", "5%", "5%", Change(0.0, POINTS, None)),
        ("固定资产投资增长", "12%以上", "10%以上", Change(-2.0, POINTS, None)),
        ("社会消费品零售总额增长", "7%左右", "8%左右", Change(1.0, POINTS, None)),
        ("约束性指标", "完成省定要求", "完成省定要求", None),  # no number: no change
    ]
    assert (two_years.older_year, two_years.newer_year) == (2023, 2024)
    assert {r.kind for r in two_years.targets[:4]} == {"rate"} and two_years.targets[4].kind == "level"


def test_the_newer_report_says_what_the_older_year_achieved(two_years: Comparison) -> None:
    achieved = {r.label: r.achieved for r in two_years.targets}
    assert shown(achieved["地区生产总值增长"]) == "4.5%"  # a rate for a rate: not "88亿元"
    assert shown(achieved["固定资产投资增长"]) == "15.2%"
    assert achieved["社会消费品零售总额增长"] is None  # the newer report gives no result for it
    gdp = achieved["地区生产总值增长"]
    assert gdp is not None and gdp.period == "result" and gdp.estimate  # "GDP预计完成88亿元，增长4.5%"
    met = {r.label: r.met for r in two_years.targets}
    assert met["地区生产总值增长"] is False  # 4.5 < 6 − 0.5
    assert met["固定资产投资增长"] is True  # 15.2 ≥ 12
    assert met["社会消费品零售总额增长"] is None and met["约束性指标"] is None


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_one_county_over_the_years_each_pair_of_consecutive_reports(seed: int) -> None:
    years = county_years(first=2021, count=4, seed=seed)
    for before, after in zip(years, years[1:], strict=False):
        older, newer = (parse_text(y.text, f"{y.year}.txt") for y in (before, after))
        comparison = compare_reports(older, newer)
        assert (comparison.older_year, comparison.newer_year) == (before.year, after.year)
        for indicator, (value, value_max, _) in after.targets.items():
            target = next(r for r in comparison.targets if r.indicator == indicator)
            assert target.newer is not None and (target.newer.value, target.newer.value_max) == (value, value_max)
            assert target.older is not None and target.older.value == before.targets[indicator][0]
            change = target.change
            assert change is not None and change.amount == pytest.approx(value - before.targets[indicator][0])
            if indicator in after.results and indicator != "进出口总额":  # its result is a level in 亿元
                assert target.achieved is not None and target.achieved.value == after.results[indicator]
                assert target.achieved.estimate == (indicator in after.estimated)
                low = before.targets[indicator][0] - (0.5 if before.targets[indicator][2] == "about" else 0)
                assert target.met == (after.results[indicator] >= low - 1e-9)
        trade = next(r for r in comparison.targets if r.indicator == "进出口总额")
        assert trade.kind == "level" and trade.change is not None and trade.change.unit == "万元"
        assert trade.achieved is not None and trade.achieved.unit == "亿元"  # 万元 and 亿元 compare
        assert trade.met == (after.results["进出口总额"] * 1e4 >= before.targets["进出口总额"][0])


def test_a_result_of_another_year_is_not_the_older_year_achieved() -> None:
    three_years_apart = compare_reports(genre(1, 2021, gdp=6), genre(2, 2024, gdp=5))  # its results are of 2023
    assert all(r.achieved is None for r in three_years_apart.targets)
    unknown_years = compare_reports(genre(1, None, gdp=6), genre(2, None, gdp=5))  # the genre: the year before
    assert shown(row(unknown_years, "地区生产总值增长").achieved) == "4.5%"


def test_indicators_set_in_one_report_only_are_listed_the_older_ones_last() -> None:
    older, newer = genre(1, 2023), genre(2, 2024)
    newer = replace(newer, metrics=tuple(m for m in newer.metrics if not m.indicator.startswith("一般公共")))
    older = replace(older, metrics=tuple(m for m in older.metrics if not m.indicator.startswith("社会消费品")))
    comparison = compare_reports(older, newer)
    assert [(r.indicator, r.older is not None, r.newer is not None) for r in comparison.targets] == [
        ("地区生产总值", True, True),
        ("固定资产投资", True, True),
        ("社会消费品零售总额", False, True),
        ("约束性指标", True, True),
        ("一般公共预算收入", True, False),
    ]
    assert all(r.change is None for r in comparison.targets if r.older is None or r.newer is None)


def test_the_tasks_of_each_report_in_reading_order(two_years: Comparison) -> None:
    titles = [(t.marker, t.title) for t in two_years.newer_tasks]  # the review (一是经济总量持续扩大…) is no task
    assert titles[:4] == [
        ("一是", "加快产业升级"),
        ("二是", "扩大有效投资"),
        ("三是", "推进乡村振兴"),
        ("四是", "保障改善民生"),
    ]
    assert [t.paragraph for t in two_years.older_tasks] == sorted(t.paragraph for t in two_years.older_tasks)
    older = genre(1, 2023)
    assert len(two_years.older_tasks) == sum(len(e.items) for e in older.enumerations if not reviews_results(older, e))
    assert len(two_years.older_tasks) < sum(len(e.items) for e in older.enumerations)


def test_a_fall_is_a_fall_and_falls_show_their_change_as_sizes() -> None:
    older = parse_text(
        "新的一年，主要预期目标是：社会消费品零售总额增长5%，单位地区生产总值能耗下降3%左右。", "2023.txt"
    )
    newer = parse_text(
        "过去一年，全县社会消费品零售总额下降3.3%。新的一年，主要预期目标是：社会消费品零售总额增长4%，"
        "单位地区生产总值能耗下降2.5%。",
        "2024.txt",
    )
    comparison = compare_reports(replace(older, year=2023), replace(newer, year=2024))
    retail = row(comparison, "社会消费品零售总额增长")
    assert retail.achieved is not None and retail.achieved.value == -3.3  # a fall, never +3.3
    assert retail.shown(retail.achieved) == "下降3.3%" and retail.change == Change(-1.0, POINTS, None)
    energy = row(comparison, "单位地区生产总值能耗下降")
    assert [energy.shown(m) for m in (energy.older, energy.newer) if m] == ["≈3%", "2.5%"]
    assert energy.change == Change(0.5, POINTS, None)  # on the signed values, as the JSON gives them: −3 → −2.5
    assert energy.shown_change() == Change(-0.5, POINTS, None)  # shown: the fall asked for is half a point smaller
    assert retail.shown_change() == retail.change  # a row of rises shows the change as it is


def test_a_rise_and_a_fall_of_one_indicator_are_one_row_named_by_the_rise() -> None:
    older = report_of(figure("进出口总额", "下降", -2, "%"))
    newer = report_of(figure("进出口总额", "增长", 3, "%"))
    (both,) = compare_reports(older, newer).targets
    assert both.label == "进出口总额增长" and both.change == Change(5.0, POINTS, None)
    assert [both.shown(m) for m in (both.older, both.newer) if m] == ["下降2%", "3%"]


def test_a_rate_pairs_with_a_rate_and_a_level_with_a_level() -> None:
    older = report_of(figure("地区生产总值", "增长", 6, "%"), figure("地区生产总值", "达到", 100, "亿元"))
    newer = report_of(figure("地区生产总值", "达到", 1.1, "万亿元"), figure("地区生产总值", "增长", 5, "%"))
    comparison = compare_reports(older, newer)
    assert [(r.kind, shown(r.older), shown(r.newer)) for r in comparison.targets] == [
        ("level", "100亿元", "1.1万亿元"),
        ("rate", "6%", "5%"),
    ]
    assert comparison.targets[0].change == Change(10900.0, "亿元", 10900.0)


def test_synonyms_merge_an_indicator_worded_two_ways() -> None:
    older = report_of(figure("规上工业增加值", "增长", 7, "%"))
    newer = report_of(figure("规模以上工业增加值", "增长", 6.5, "%"))
    (merged,) = compare_reports(older, newer).targets
    assert merged.indicator == "规模以上工业增加值" and merged.change == Change(-0.5, POINTS, None)


@pytest.mark.parametrize(
    ("older", "newer", "expected"),
    [
        (("达到", 5696, "亿元"), ("达到", 2.15, "万亿元"), Change(15804.0, "亿元", 277.457865)),
        (("完成", 20000, "元"), ("完成", 2.5, "万元"), Change(5000.0, "元", 25.0)),
        (("新增", 47, "万人"), ("新增", 500000, "人"), Change(30000.0, "人", 6.382979)),
        (("完成", 88, "亿元"), ("完成", 30, "个"), None),  # an amount and a count
        (("增长", 6, "%"), ("增长", 1, "个百分点"), None),  # a rate and a change of a rate
        (("达到", 69.1, "%"), ("达到", 70, "%"), Change(0.9, POINTS, None)),  # a share: points
        (("完成", None, ""), ("完成", 5, "%"), None),  # no number
    ],
)
def test_units_made_comparable(
    older: tuple[str, float | None, str], newer: tuple[str, float | None, str], expected: Change | None
) -> None:
    assert change_between(figure("指标", *older), figure("指标", *newer)) == expected


def ranged(value: float, value_max: float | None, measure: str = "增长") -> Metric:
    metric = figure("地区生产总值", measure, value, "%")
    return replace(metric, value_max=value_max, qualifier="exact" if value_max is None else "range")


@pytest.mark.parametrize(
    ("older", "newer", "expected"),
    [
        ((5, 5.5), (5, None), Change(0.0, POINTS, None, -0.5)),  # 5–5.5% → 5%: only the top came down
        ((5, None), (5, 5.5), Change(0.0, POINTS, None, 0.5)),  # widened upwards
        ((5, 5.5), (6, 6.5), Change(1.0, POINTS, None, 1.0)),  # moved whole
        ((5, 5.5), (5, 5.5), Change(0.0, POINTS, None, 0.0)),
        ((5, None), (6, None), Change(1.0, POINTS, None)),  # no range: no upper end
    ],
)
def test_a_range_changes_at_both_ends(
    older: tuple[float, float | None], newer: tuple[float, float | None], expected: Change
) -> None:
    change = change_between(ranged(*older), ranged(*newer))
    assert change == expected
    assert change is not None and change.unchanged is (older == newer)


def test_a_range_of_falls_changes_at_both_ends_of_its_sizes() -> None:
    older, newer = ranged(-5, -3, "下降"), ranged(-4, -3, "下降")  # 下降3%—5% → 下降3%—4%
    (both,) = compare_reports(report_of(older), report_of(newer)).targets
    assert both.change == Change(1.0, POINTS, None, 0.0)  # the signed values: −5 → −4, −3 → −3
    assert both.shown_change() == Change(0.0, POINTS, None, -1.0)  # the sizes: 3 stays, 5 → 4


def test_two_corpus_documents() -> None:
    require_corpus()
    documents = [
        load_document(name).layout
        for name in ("06-ningxia-2026-work-report-excerpt", "07-xinjiang-2026-work-report-targets")
    ]
    older, newer = (parse_text(text, "doc.txt") for text in documents)
    comparison = compare_reports(older, newer)
    gdp = row(comparison, "地区生产总值增长")
    assert (shown(gdp.older), shown(gdp.newer)) == ("5%左右", "5.5%—6%")
    assert gdp.change == Change(0.5, POINTS, None, 1.0)  # the floor up half a point, the top a point
    jobs = row(comparison, "城镇新增就业")
    assert jobs.older is None and shown(jobs.newer) == "47万人以上"
    assert all(r.achieved is None for r in comparison.targets)  # the newer reviews 2025; the older set 2026
    both = [r.indicator for r in comparison.targets if r.older and r.newer]
    assert both == ["地区生产总值", "规模以上工业增加值", "固定资产投资", "社会消费品零售总额", "城镇调查失业率"]
    unemployment = row(comparison, "城镇调查失业率")  # a level in %: 5.5%左右 → 5.5%以内
    assert unemployment.kind == "level" and unemployment.change == Change(0.0, POINTS, None)
    review = older.enumerations[0]  # 全区经济增长速度连续4年居全国前六…: what was achieved, not a task
    assert reviews_results(older, review) and review.paragraph not in {t.paragraph for t in comparison.older_tasks}
    assert comparison.newer_tasks == ()
