"""What the charts plot, chosen from the metrics of a report."""

from __future__ import annotations

from genre import wenshui_page

from jcviewer.model.figures import achievement_figures, comparison_figure, target_figures
from jcviewer.model.parse import parse_text
from jcviewer.model.report import Report


def test_bundled_targets_are_one_percent_figure_with_qualifier_signs(bundled: Report) -> None:
    (figure,) = target_figures(bundled)
    assert figure.unit == "%"
    ((series, bars),) = figure.series
    assert series == "target"
    assert [(b.label, b.value, b.text) for b in bars][:3] == [
        ("地区生产总值增长", 6.0, "≈6%"),
        ("一般公共预算收入增长", 6.0, "6%"),
        ("固定资产投资增长", 10.0, "≥10%"),
    ]
    assert len(bars) == 7  # the qualitative 约束性指标 has no bar
    assert figure.labels == tuple(b.label for b in bars)


def test_bundled_comparison_pairs_2023_results_with_2024_targets(bundled: Report) -> None:
    figure = comparison_figure(bundled)
    assert figure is not None
    assert figure.labels == ("地区生产总值增长", "固定资产投资增长")
    results, targets = figure.series
    assert [(b.value, b.metric.year) for b in results[1]] == [(1.0, 2023), (22.8, 2023)]
    assert [(b.text, b.metric.year) for b in targets[1]] == [("≈6%", 2024), ("≥10%", 2024)]


def test_bundled_achievements_are_amounts_in_one_unit_and_counts(bundled: Report) -> None:
    amounts, counts = achievement_figures(bundled)
    assert amounts.unit == "亿元"
    assert [(b.label, round(b.value, 4), b.text) for b in amounts.series[0][1]] == [
        ("地区生产总值", 103.0, "103亿元"),
        ("固定资产投资", 49.0, "49亿元"),
        ("进出口总额", 9.0, "9亿元"),
        ("乡村基础设施项目", 0.4552, "4552万元"),
    ]
    texts = [b.text for b in counts.series[0][1]]
    assert texts == ["31个", "14户", "9个", "3户", "54个", "7个"]  # not "第5名" (a rank) nor "3年" (a duration)


def test_figures_follow_the_numbers_of_another_report() -> None:
    report = parse_text(wenshui_page(seed=2, gdp=7.5, invest=9).text(), source="wenshui.txt")
    (targets,) = target_figures(report)
    assert {(b.label, b.text) for b in targets.series[0][1]} >= {
        ("地区生产总值增长", "≈7.5%"),
        ("固定资产投资增长", "≥9%"),
    }
    comparison = comparison_figure(report)
    assert comparison is not None
    assert [b.value for b in comparison.series[0][1]] == [4.5, 15.2]
    assert [b.value for b in comparison.series[1][1]] == [7.5, 9.0]


def test_a_report_without_numbers_has_no_figures() -> None:
    report = parse_text("会议指出，要坚持稳中求进。\n\n会议强调，要抓好各项工作。\n", source="plain.txt")
    assert target_figures(report) == ()
    assert comparison_figure(report) is None
    assert achievement_figures(report) == ()
