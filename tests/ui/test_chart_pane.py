"""The charts pane on the bundled report: the target selected in the outline is marked, also when charts load late."""

from __future__ import annotations

import pytest
from chart_probe import GREY_STEP, frame_step
from pytestqt.qtbot import QtBot

from jcviewer.app import Session
from jcviewer.model.navigation import Node, build_outline, find_node
from jcviewer.model.report import Report
from jcviewer.ui.chart_pane import ChartPane
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


def target_chart(pane: ChartPane) -> BarChart:
    found = pane.findChild(BarChart, "targetChart")
    assert found is not None
    return found


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
