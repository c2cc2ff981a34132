"""The detail pane in the window: highlights, metric tooltips and links, Ctrl+wheel zoom, report text as text."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from genre import wenshui_page
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt, QUrl
from PySide6.QtGui import QColor, QHelpEvent, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot
from window_probe import current_id, highlighted

from jcviewer.app import Session
from jcviewer.model.navigation import build_outline, find_node
from jcviewer.model.report import ParseWarning, Report
from jcviewer.settings import Settings
from jcviewer.ui.detail_html import MARK_ANCHOR, Style
from jcviewer.ui.detail_view import CONTEXT_ABOVE, DetailView
from jcviewer.ui.main_window import MainWindow
from jcviewer.ui.markup import plain_tooltip


def test_mouse_click_on_a_quote_node_scrolls_to_and_highlights_the_quote(qtbot: QtBot, window: MainWindow) -> None:
    window.outline.expand(window.outline_index("s3.quotes"))
    target = window.outline_index("s3.quotes.5")
    window.outline.scrollTo(target)
    rect = window.outline.visualRect(target)
    qtbot.mouseClick(window.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert current_id(window) == "s3.quotes.5"
    html = window.detail.toHtml()
    assert 'name="mark"' in html
    assert window.detail.verticalScrollBar().value() > 0  # the last quote is far down the section
    cursor = window.detail.cursorForPosition(QPoint(20, window.detail.viewport().height() // 2))
    assert cursor.block().text()  # something is on screen where we scrolled to
    assert "苗小岗" in window.detail.toPlainText()


def test_selecting_an_item_highlights_exactly_that_item(window: MainWindow) -> None:
    window.select_node("p5.list.3")
    assert current_id(window) == "p5.list.3"
    assert highlighted(window, Style().mark) == [
        "把开发区建设摆在更加突出位置。扎实开展三年行动，加快推进化工园区认定，滚动开展“三个一批”活动。"
    ]


def test_metrics_in_the_text_carry_a_tooltip_with_indicator_value_qualifier_period(window: MainWindow) -> None:
    window.select_node("s2.targets.3")
    anchor = window.detail.document().find("10%以上")
    assert not anchor.isNull()
    rect = window.detail.cursorRect(anchor)
    tip = window.detail.metric_tooltip_at(QPoint(rect.left() - 4, rect.center().y()))
    assert tip.splitlines() == ["指标：固定资产投资增长", "数值：≥10%", "限定：下限（以上）", "时期：2024年目标"]
    assert window.detail.metric_tooltip_at(QPoint(2, 2)) == ""


def test_hovering_a_metric_shows_its_tooltip_and_elsewhere_none(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    window.select_node("s2.targets.3")
    detail = window.detail
    rect = detail.cursorRect(detail.document().find("10%以上"))
    on_metric = QPoint(rect.left() - 4, rect.center().y())
    viewport = detail.viewport()
    tip = QHelpEvent(QEvent.Type.ToolTip, on_metric, viewport.mapToGlobal(on_metric))
    assert QApplication.sendEvent(viewport, tip)  # handled by the pane, not by the viewport's own tooltip
    assert QToolTip.isVisible()
    assert QToolTip.text() == plain_tooltip(detail.metric_tooltip_at(on_metric))
    assert "10%" in QToolTip.text()
    elsewhere = QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 2), viewport.mapToGlobal(QPoint(2, 2)))
    assert QApplication.sendEvent(viewport, elsewhere)
    qtbot.waitUntil(lambda: not QToolTip.isVisible())  # hidden after Qt's short delay


def test_hostile_report_text_is_shown_as_text_and_loads_nothing(make_window, tmp_path: Path, monkeypatch) -> None:
    hostile = tmp_path / "hostile.txt"
    page = wenshui_page(seed=3).text()
    payload = '<img src="file:///etc/passwd"><a href="https://example.com">点我</a><script>alert(1)</script>'
    hostile.write_text(page.replace("文水县", f"文水县{payload}", 1), encoding="utf-8")
    loads: list[object] = []
    original = DetailView.loadResource
    monkeypatch.setattr(
        DetailView, "loadResource", lambda self, kind, name: loads.append(name) or original(self, kind, name)
    )
    window = make_window(hostile)
    shown = False
    for node in (n for top in window.nodes for n in top.walk()):
        window.select_node(node.id)
        html = window.detail.toHtml()
        assert "<img" not in html and "<script" not in html and 'href="https' not in html
        shown = shown or payload in window.detail.toPlainText()
    assert shown
    assert loads == []
    tooltip = window.outline_model.index_of("lead").data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tooltip


def test_clicking_a_number_in_the_text_selects_its_target(window: MainWindow) -> None:
    window.select_node("s2")
    index = next(i for i, m in enumerate(window.report.metrics) if m.expression == "6.5%左右")
    window.detail.anchorClicked.emit(QUrl(f"metric:{index}"))
    assert current_id(window) == "s2.targets.4"
    window.detail.anchorClicked.emit(QUrl("https://example.com"))  # never navigates, never changes selection
    assert current_id(window) == "s2.targets.4"


def test_ctrl_wheel_zooms_and_is_remembered(window: MainWindow, settings: Settings) -> None:
    viewport = window.detail.viewport()
    wheel = QWheelEvent(
        QPointF(20, 20),
        QPointF(viewport.mapToGlobal(QPoint(20, 20))),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    assert window.detail.zoom == 2 and settings.zoom == 2


def _anchor_rect(window: MainWindow, name: str) -> QRect:
    """Where the detail pane shows the text anchored ``name`` (viewport coordinates)."""
    block = window.detail.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if name in fragment.charFormat().anchorNames():
                cursor = QTextCursor(window.detail.document())
                cursor.setPosition(fragment.position())
                return window.detail.cursorRect(cursor)
            iterator += 1
        block = block.next()
    raise AssertionError(f"no anchor {name}")


@pytest.mark.parametrize("node", ["p6.list.5", "s3.quotes.5", "s3.quotes.1", "p5.list.1"])
def test_a_selected_item_is_scrolled_into_view_even_at_the_end(window: MainWindow, node: str) -> None:
    window.resize(1400, 860)  # the last items sit below the first screen
    QApplication.processEvents()  # lay out at this size first, as the screenshot does
    assert window.select_node(node)
    QApplication.processEvents()
    rect = _anchor_rect(window, MARK_ANCHOR)
    assert window.detail.viewport().rect().contains(rect.center()), (node, rect, window.detail.viewport().rect())


def test_a_selected_item_is_scrolled_to_a_sixth_of_the_height_with_context_above(window: MainWindow) -> None:
    window.resize(1400, 860)
    QApplication.processEvents()
    assert window.select_node("p3.list.4")
    QApplication.processEvents()
    bar = window.detail.verticalScrollBar()
    assert 0 < bar.value() < bar.maximum()  # neither at the top nor at the end: the context rule applies
    height = window.detail.viewport().height()
    top = _anchor_rect(window, MARK_ANCHOR).top()
    assert abs(top - height // CONTEXT_ABOVE) <= 2, (top, height)


def shown_detail(qtbot: QtBot, session: Session) -> DetailView:
    detail = DetailView(session.fonts)
    qtbot.addWidget(detail)
    detail.resize(600, 400)
    detail.show()
    qtbot.waitExposed(detail)
    return detail


def show_section(detail: DetailView, report: Report, section: str) -> None:
    node = find_node(build_outline(report), section)
    assert node is not None
    detail.show_node(report, node, node.title)


def test_the_paragraph_the_parser_doubts_carries_the_reason_above_it(
    qtbot: QtBot, session: Session, bundled: Report
) -> None:
    detail = shown_detail(qtbot, session)
    show_section(detail, bundled, "s2")
    lines = detail.toPlainText().splitlines()
    reason = lines.index("不确定：" + bundled.warnings[0].message)
    assert lines[reason + 1] == bundled.paragraph("p3").text
    assert detail.uncertain_paragraphs() == {
        "p3": ["不确定：" + bundled.warnings[0].message],
        "p7": ["不确定：" + bundled.warnings[1].message],
    }
    show_section(detail, dataclasses.replace(bundled, warnings=()), "s2")
    assert "不确定" not in detail.toPlainText()
    assert detail.uncertain_paragraphs() == {}


def test_show_uncertainty_scrolls_to_the_reason_only_in_the_section_on_show(
    qtbot: QtBot, session: Session, bundled: Report
) -> None:
    last = bundled.section("s3").paragraphs[-1].id
    report = dataclasses.replace(bundled, warnings=(ParseWarning("quote_speaker", "说话人不明", last),))
    detail = shown_detail(qtbot, session)
    show_section(detail, report, "s2")
    assert not detail.show_uncertainty(last)  # not in this section
    show_section(detail, report, "s3")
    assert not detail.show_uncertainty("p7")  # in this section, but not in doubt
    assert detail.verticalScrollBar().value() == 0
    assert detail.show_uncertainty(last)
    cursor = detail.document().find("不确定：说话人不明")
    assert detail.verticalScrollBar().value() > 0
    assert detail.viewport().rect().contains(detail.cursorRect(cursor).center())


def test_a_reason_is_shown_as_text_in_light_and_dark(qtbot: QtBot, session: Session, bundled: Report) -> None:
    payload = '<img src="file:///etc/passwd"><a href="https://example.com">x</a>'
    report = dataclasses.replace(bundled, warnings=(ParseWarning("heading_placement", payload, "p3"),))
    detail = shown_detail(qtbot, session)
    show_section(detail, report, "s2")
    assert "不确定：" + payload in detail.toPlainText()
    assert "<img" not in detail.toHtml() and 'href="https' not in detail.toHtml()
    assert Style().warning in detail.toHtml().lower()
    palette = detail.palette()
    palette.setColor(palette.ColorRole.Base, QColor(30, 30, 30))
    detail.setPalette(palette)  # re-rendered in the dark colours
    assert Style().warning not in detail.toHtml().lower() and "#f0b429" in detail.toHtml().lower()
