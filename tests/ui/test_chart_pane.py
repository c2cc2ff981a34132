"""The charts pane: the target selected in the outline is marked, also in charts drawn late (the bundled report);
tabs drawn when first shown; a chart cut to its first rows says so (a generated report with many targets)."""

from __future__ import annotations

import pytest
from chart_probe import GREY_STEP, frame_step
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from jcviewer.app import Session
from jcviewer.model.navigation import Node, build_outline, find_node
from jcviewer.model.report import Metric, Period, Report
from jcviewer.ui.chart_pane import MAX_ROWS, ChartPane
from jcviewer.ui.charts import BarChart


@pytest.fixture
def pane(qtbot: QtBot, session: Session, bundled: Report) -> ChartPane:
    shown = ChartPane(session.fonts)
    qtbot.addWidget(shown)
    shown.set_report(bundled)
    shown.resize(520, 760)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def node(report: Report, node_id: str) -> Node:
    found = find_node(build_outline(report), node_id)
    assert found is not None, node_id
    return found


def marked_labels(pane: ChartPane) -> dict[str, list[str]]:
    return {
        chart.objectName(): [chart.figure.labels[row] for row in chart.marked_rows]
        for chart in pane.charts
        if chart.figure is not None
    }


def named_chart(pane: ChartPane, name: str) -> BarChart:
    found = pane.findChild(BarChart, name)
    assert found is not None, name
    return found


def target_chart(pane: ChartPane) -> BarChart:
    return named_chart(pane, "targetChart")


def growth(number: int, period: Period, value: float) -> Metric:
    indicator = f"第{number}项指标"
    expression = f"{value:g}%"
    return Metric(
        indicator, indicator, "增长", value, None, "%", "exact", period, 2024, expression, "", f"p{number}", (0, 1)
    )


def many_indicators(count: int) -> Report:
    """A result and a target for each of ``count`` indicators, in report order."""
    metrics = [
        growth(n, period, n + 0.5 * (period == "target")) for n in range(count) for period in ("result", "target")
    ]
    return Report("many", "", (), metrics=tuple(metrics))


def test_the_selected_target_is_marked_in_charts_that_load_after_the_selection(
    pane: ChartPane, bundled: Report
) -> None:
    pane.mark_node(node(bundled, "s2.targets.3"))  # selected at start-up: the charts come after the first paint
    assert not pane.is_loaded
    pane.load_now()
    assert marked_labels(pane) == {
        "targetChart": ["固定资产投资增长"],
        "comparisonChart": ["固定资产投资增长"],
        "achievementChart": [],
        "achievementChart2": [],
    }
    chart = target_chart(pane)
    (row,) = chart.marked_rows
    image = chart.grab().toImage()
    assert frame_step(chart, image, row) >= GREY_STEP
    assert frame_step(chart, image, row - 1) < GREY_STEP / 3


def test_selecting_something_else_clears_the_mark(pane: ChartPane, bundled: Report) -> None:
    pane.load_now()
    pane.mark_node(node(bundled, "s2.targets.1"))
    chart = target_chart(pane)
    assert marked_labels(pane)["targetChart"] == ["地区生产总值增长"]
    for other in ("p5.list.3", "s2.targets", "s2"):  # an item, the targets' group, a section: no single target
        pane.mark_node(node(bundled, other))
        assert not any(marked_labels(pane).values()), other
        assert frame_step(chart, chart.grab().toImage(), 0) < GREY_STEP / 3
    pane.mark_node(node(bundled, "s2.targets.2"))
    assert marked_labels(pane)["targetChart"] == ["一般公共预算收入增长"]
    pane.mark_node(None)
    assert not any(marked_labels(pane).values())


def test_a_chart_draws_its_first_rows_and_says_under_it_how_many_there_are(pane: ChartPane) -> None:
    count = MAX_ROWS * 3
    pane.set_report(many_indicators(count))
    pane.load_now()
    first = [f"第{n}项指标增长" for n in range(MAX_ROWS)]
    for name, series in (("targetChart", 1), ("comparisonChart", 2)):
        chart = named_chart(pane, name)
        assert chart.figure is not None and list(chart.figure.labels) == first, name
        assert len(chart.bars) == MAX_ROWS * series
        note = pane.findChild(QLabel, f"{name}Note")
        assert note is not None, name
        assert str(MAX_ROWS) in note.text() and str(count) in note.text()
    pane.tabs.setCurrentIndex(1)
    chart, note = named_chart(pane, "comparisonChart"), pane.findChild(QLabel, "comparisonChartNote")
    assert note is not None and note.isVisible()
    assert note.geometry().top() >= chart.geometry().bottom()  # under the chart, in the same scrolled page
    pane.set_report(many_indicators(MAX_ROWS))  # as many as fit: all drawn, no note
    pane.load_now()
    assert len(target_chart(pane).bars) == MAX_ROWS
    assert pane.findChild(QLabel, "targetChartNote") is None


def test_a_new_report_draws_the_current_tab_at_once_and_another_tab_when_shown_with_the_mark(
    pane: ChartPane, bundled: Report
) -> None:
    pane.load_now()
    pane.tabs.setCurrentIndex(2)
    pane.set_report(bundled)  # a report opened while the charts are on show
    assert [chart.objectName() for chart in pane.charts] == ["achievementChart", "achievementChart2"]
    assert pane.tabs.currentIndex() == 2 and not pane.is_loaded
    pane.mark_node(node(bundled, "s2.targets.3"))
    pane.tabs.setCurrentIndex(1)
    assert [chart.objectName() for chart in pane.charts] == ["comparisonChart", "achievementChart", "achievementChart2"]
    comparison = named_chart(pane, "comparisonChart")
    assert marked_labels(pane)["comparisonChart"] == ["固定资产投资增长"]
    (row,) = comparison.marked_rows
    assert frame_step(comparison, comparison.grab().toImage(), row) >= GREY_STEP


def test_the_other_tabs_are_drawn_in_later_turns_of_the_event_loop(
    qtbot: QtBot, pane: ChartPane, bundled: Report
) -> None:
    pane.load_now()
    pane.set_report(bundled)
    pane.mark_node(node(bundled, "s2.targets.3"))
    assert [chart.objectName() for chart in pane.charts] == ["targetChart"]
    qtbot.waitUntil(lambda: pane.is_loaded)
    assert pane.tabs.currentIndex() == 0
    assert marked_labels(pane) == {
        "targetChart": ["固定资产投资增长"],
        "comparisonChart": ["固定资产投资增长"],
        "achievementChart": [],
        "achievementChart2": [],
    }


def test_comparison_chart_pairs_result_and_target_and_hover_names_the_sentence(qtbot: QtBot, pane: ChartPane) -> None:
    pane.load_now()
    comparison = named_chart(pane, "comparisonChart")
    assert comparison.series_names == {"result": "2023年实绩", "target": "2024年目标"}
    assert [(b.label, b.text) for b in comparison.bars] == [
        ("地区生产总值增长", "1%"),
        ("固定资产投资增长", "22.8%"),
        ("地区生产总值增长", "≈6%"),
        ("固定资产投资增长", "≥10%"),
    ]
    pane.tabs.setCurrentIndex(1)
    bar = comparison.bars[1]
    qtbot.mouseMove(comparison.viewport(), comparison.bar_position(bar).toPoint())
    qtbot.waitUntil(lambda: comparison.hovered_bar is bar)
    assert comparison.hover_text(bar).splitlines()[0] == "固定资产投资增长  22.8%"
    assert "固投完成49亿元，增长22.8%" in comparison.hover_text(bar)
    assert comparison.bar_at(QPointF(-5, 0)) is None


def test_charts_are_readable_in_greyscale(qtbot: QtBot, pane: ChartPane) -> None:
    """Result bars, target bars and the background differ in lightness, not only in hue (printed in black)."""
    pane.load_now()
    comparison = named_chart(pane, "comparisonChart")
    image = comparison.grab().toImage()

    def grey(bar_period: str) -> int:
        bar = next(b for b in comparison.bars if b.metric.period == bar_period)
        point = comparison.bar_position(bar).toPoint()
        return image.pixelColor(point).lightness()

    background = comparison.palette().color(QPalette.ColorRole.Base).lightness()
    result, target = grey("result"), grey("target")
    assert abs(result - target) >= GREY_STEP and abs(result - background) >= GREY_STEP
    assert abs(target - background) >= GREY_STEP, (result, target, background)
