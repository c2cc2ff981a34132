"""The comparison of two reports in the window: targets side by side with a readable change, the two task lists,
figures and tasks that lead to their paragraph, report text shown as text (never markup)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from genre import wenshui_page
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from window_probe import translated

from jcviewer.model.library.compare import POINTS, Change, Comparison, TargetRow, Task, compare_reports
from jcviewer.model.parse import parse_text
from jcviewer.model.report import Metric
from jcviewer.ui.compare_view import (
    COLUMN_ACHIEVED,
    COLUMN_CHANGE,
    COLUMN_INDICATOR,
    COLUMN_MET,
    COLUMN_NEWER,
    COLUMN_OLDER,
    CompareView,
)


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    older = replace(parse_text(wenshui_page(1, gdp=6, invest=12).text(), "a.txt"), year=2023)
    newer = replace(parse_text(wenshui_page(2, gdp=5.5, invest=10, retail=8).text(), "b.txt"), year=2024)
    return compare_reports(older, newer)


def make(qtbot: QtBot, comparison: Comparison, older: str = "旧报告", newer: str = "新报告") -> CompareView:
    view = CompareView(comparison, older, newer)
    qtbot.addWidget(view)
    return view


def cells(view: CompareView, column: int) -> list[str]:
    table = view.targets
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_targets_side_by_side_with_rises_and_falls_readable(qtbot: QtBot, comparison: Comparison) -> None:
    view = make(qtbot, comparison)
    assert cells(view, COLUMN_INDICATOR)[:4] == [
        "地区生产总值增长",
        "一般公共预算收入增长",
        "固定资产投资增长",
        "社会消费品零售总额增长",
    ]
    assert cells(view, COLUMN_OLDER)[:4] == ["≈6%", "5%", "≥12%", "≈7%"]
    assert cells(view, COLUMN_NEWER)[:4] == ["≈5.5%", "5%", "≥10%", "≈8%"]
    change = cells(view, COLUMN_CHANGE)
    assert change[0].startswith("▼ −0.5") and change[2].startswith("▼ −2") and change[3].startswith("▲ +1")
    assert all(POINTS in text or "points" in text for text in (change[0], change[2], change[3]))
    assert change[4] == ""  # a target without a number has no change
    achieved = cells(view, COLUMN_ACHIEVED)[:4]
    estimate = translated("CompareView", "est. %1", "4.5%")  # "GDP预计完成88亿元，增长4.5%": an estimate
    assert achieved == [estimate, "—", "15.2%", "—"]
    assert cells(view, COLUMN_MET) == ["✗", "", "✓", "", ""]  # 4.5 < 6 − 0.5; 15.2 ≥ 12
    headers = [view.targets.horizontalHeaderItem(c).text() for c in range(view.targets.columnCount())]
    assert "2023" in headers[COLUMN_OLDER] and "2024" in headers[COLUMN_NEWER] and "2023" in headers[COLUMN_ACHIEVED]


def test_levels_show_their_unit_and_percent(qtbot: QtBot) -> None:
    view = make(qtbot, Comparison(None, None, (), (), ()))
    assert view.change_text(Change(700.0, "亿元", 7.14)) == "▲ +700亿元 (+7.1%)"
    assert view.change_text(Change(-3.5, "万元", -12.25)) == "▼ −3.5万元 (−12.2%)"
    assert view.change_text(None) == ""


def test_a_range_changed_at_one_end_says_which(qtbot: QtBot) -> None:
    view = make(qtbot, Comparison(None, None, (), (), ()))

    def points(amount: str) -> str:
        return translated("CompareView", "%1 points", amount)

    ends = "lower end %1, upper end %2"
    narrowed = translated("CompareView", ends, points("±0"), points("−0.5"))
    assert view.change_text(Change(0.0, POINTS, None, -0.5)) == f"▼ {narrowed}"  # 5–5.5% → ≈5%
    widened = translated("CompareView", ends, points("−0.5"), points("+0.5"))
    assert view.change_text(Change(-0.5, POINTS, None, 0.5)) == f"▲▼ {widened}"
    assert view.change_text(Change(1.0, POINTS, None, 1.0)) == f"▲ {points('+1')}"  # the whole range moved
    assert view.change_text(Change(0.0, POINTS, None, 0.0)) == translated("CompareView", "= no change")


def test_an_estimate_is_marked(qtbot: QtBot) -> None:
    view = make(qtbot, Comparison(None, None, (), (), ()))
    estimate = replace(markup_metric(""), period="result", value=4.5, estimate=True)
    row = TargetRow("指标", "rate", estimate.label, None, None, None, estimate, None)
    assert view.figure_text(row, estimate) == translated("CompareView", "est. %1", "4.5%")
    assert view.figure_text(row, replace(estimate, estimate=False)) == "4.5%"


def test_the_two_task_lists_side_by_side(qtbot: QtBot, comparison: Comparison) -> None:
    view = make(qtbot, comparison)
    older = [view.older_tasks.item(i).text() for i in range(view.older_tasks.count())]
    assert older == [f"{t.marker} {t.title}" for t in comparison.older_tasks]
    assert "一是 加快产业升级" in older
    assert view.newer_tasks.count() == len(comparison.newer_tasks)


def test_figures_and_tasks_lead_to_their_paragraph(qtbot: QtBot, comparison: Comparison) -> None:
    view = make(qtbot, comparison)
    with qtbot.waitSignal(view.paragraph_activated) as older:
        view.targets.itemActivated.emit(view.targets.item(0, COLUMN_OLDER))
    assert older.args == ["older", comparison.targets[0].older.paragraph]  # type: ignore[union-attr]
    with qtbot.waitSignal(view.paragraph_activated) as achieved:
        view.targets.itemActivated.emit(view.targets.item(0, COLUMN_ACHIEVED))
    assert achieved.args == ["newer", comparison.targets[0].achieved.paragraph]  # type: ignore[union-attr]
    with qtbot.waitSignal(view.paragraph_activated) as task:
        view.newer_tasks.itemActivated.emit(view.newer_tasks.item(4))
    assert task.args == ["newer", comparison.newer_tasks[4].paragraph]
    with qtbot.assertNotEmitted(view.paragraph_activated):
        view.targets.itemActivated.emit(view.targets.item(1, COLUMN_ACHIEVED))  # "—": nothing to open


def markup_metric(text: str) -> Metric:
    return Metric("<b>指标</b>", "x", "增长", 5, None, "%", "exact", "target", None, "5%", text, "p1", (0, 1))


def test_report_text_is_shown_as_text(qtbot: QtBot) -> None:
    metric = markup_metric("<img src=x>句子")
    comparison = Comparison(
        2023,
        2024,
        (TargetRow("<b>指标</b>", "rate", metric.label, metric, None, None, None, None),),
        (Task("p1", "一是", "<i>任务</i>"),),
        (),
    )
    view = make(qtbot, comparison, older="<h1>旧</h1>")
    assert view.targets.item(0, COLUMN_INDICATOR).text() == "<b>指标</b>增长"
    assert "&lt;img src=x&gt;句子" in view.targets.item(0, COLUMN_OLDER).toolTip()
    assert view.older_tasks.item(0).text() == "一是 <i>任务</i>"
    labels = view.findChildren(QLabel)
    assert any("<h1>旧</h1>" in label.text() for label in labels)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_no_targets_and_no_tasks_say_so(qtbot: QtBot) -> None:
    view = make(qtbot, Comparison(None, None, (), (), ()))
    assert view.targets.rowCount() == 1 and view.targets.item(0, 0).text()
    assert view.older_tasks.count() == 1 and view.older_tasks.item(0).data(Qt.ItemDataRole.UserRole) is None


def test_the_targets_take_most_of_the_height(qtbot: QtBot, comparison: Comparison) -> None:
    view = make(qtbot, comparison)
    view.resize(1000, 800)
    view.show()
    qtbot.waitExposed(view)
    assert view.targets.height() > 2 * view.older_tasks.height()
