"""The warning bar: shown only when the parser is unsure, leads to each doubtful place in turn, dismissable."""

from __future__ import annotations

import dataclasses

import pytest
from outline_cases import REPORTS, outline_report
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from jcviewer.app import Session
from jcviewer.model.navigation import build_outline, find_node, place_warnings
from jcviewer.model.report import ParseWarning, Report
from jcviewer.ui.detail_view import DetailView
from jcviewer.ui.warning_bar import WarningBar


@pytest.fixture
def holder(qtbot: QtBot) -> QWidget:
    """A shown window to put the bar in, so that its visibility is what a reader would see."""
    widget = QWidget()
    qtbot.addWidget(widget)
    QVBoxLayout(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_bar(holder: QWidget) -> WarningBar:
    bar = WarningBar(holder)
    holder.layout().addWidget(bar)
    return bar


def test_the_bundled_reports_two_doubts_show_a_bar_in_chinese(
    qtbot: QtBot, holder: QWidget, session: Session, bundled: Report
) -> None:
    bar = shown_bar(holder)
    assert not bar.isVisible()
    bar.set_uncertainties(place_warnings(bundled, build_outline(bundled)))
    assert bar.isVisible()
    assert bar.label.text() == "2 处结构判断不确定 —"
    assert bar.review.text() == "查看"
    assert bar.toolTip().count("check where it starts") == 2


def test_review_goes_to_each_doubtful_place_in_turn_then_starts_again(
    qtbot: QtBot, holder: QWidget, session: Session, bundled: Report
) -> None:
    bar = shown_bar(holder)
    bar.set_uncertainties(place_warnings(bundled, build_outline(bundled)))
    asked: list[tuple[str, str]] = []
    bar.reviewRequested.connect(lambda node, paragraph: asked.append((node, paragraph)))
    positions = []
    for _ in range(3):
        qtbot.mouseClick(bar.review, Qt.MouseButton.LeftButton)
        positions.append(bar.position.text())
    assert asked == [("s2", "p3"), ("s3", "p7"), ("s2", "p3")]
    assert positions == ["1/2", "2/2", "1/2"]
    bar.review.setFocus()
    qtbot.keyClick(bar.review, Qt.Key.Key_Space)  # reachable from the keyboard
    assert asked[-1] == ("s3", "p7")


def test_dismissed_stays_dismissed_for_this_report_and_returns_for_another(
    qtbot: QtBot, holder: QWidget, session: Session, bundled: Report
) -> None:
    bar = shown_bar(holder)
    places = place_warnings(bundled, build_outline(bundled))
    bar.set_uncertainties(places)
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    bar.set_uncertainties(places)  # the same report shown again
    assert not bar.isVisible()
    another = (dataclasses.replace(places[0], warning=ParseWarning("quote_speaker", "no clear speaker", "p3")),)
    bar.set_uncertainties(another)
    assert bar.isVisible() and bar.label.text() == "1 处结构判断不确定 —"


@pytest.mark.parametrize("name", REPORTS)
def test_the_bar_shows_exactly_when_the_report_has_doubts_in_its_text(
    qtbot: QtBot, holder: QWidget, session: Session, name: str
) -> None:
    report, nodes = outline_report(name)
    bar = shown_bar(holder)
    places = place_warnings(report, nodes)
    bar.set_uncertainties(places)
    assert bar.isVisible() == bool(report.warnings)
    assert len(places) == len(report.warnings)  # every warning of these reports names a paragraph


def test_no_warnings_no_bar(qtbot: QtBot, holder: QWidget, session: Session, bundled: Report) -> None:
    bar = shown_bar(holder)
    bar.set_uncertainties(place_warnings(bundled, build_outline(bundled)))
    clean = dataclasses.replace(bundled, warnings=())
    bar.set_uncertainties(place_warnings(clean, build_outline(clean)))
    assert not bar.isVisible()
    bar.review_next()  # nothing to go to: no signal, no error


def test_warning_messages_are_plain_text(qtbot: QtBot, holder: QWidget, session: Session, bundled: Report) -> None:
    hostile = ParseWarning("heading_placement", '<img src="x.png"><b>placed</b>', "p3")
    report = dataclasses.replace(bundled, warnings=(hostile,))
    bar = shown_bar(holder)
    bar.set_uncertainties(place_warnings(report, build_outline(report)))
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in bar.findChildren(QLabel))
    assert "<img" not in bar.toolTip() and "&lt;img" in bar.toolTip()


def test_review_wired_to_the_detail_pane_brings_the_reason_into_view(
    qtbot: QtBot, holder: QWidget, session: Session, bundled: Report
) -> None:
    """What the window does with the bar's request: show the node, then scroll to the paragraph's reason (here the
    last paragraph of a long section, far below the first screen)."""
    last = bundled.section("s3").paragraphs[-1].id
    report = dataclasses.replace(
        bundled, warnings=(*bundled.warnings, ParseWarning("quote_speaker", "说话人不明", last))
    )
    nodes = build_outline(report)
    bar, detail = shown_bar(holder), DetailView(session.fonts, holder)
    holder.layout().addWidget(detail)
    holder.resize(600, 400)
    QApplication.processEvents()  # lay out at this size first

    def review(node_id: str, paragraph: str) -> None:
        node = find_node(nodes, node_id)
        assert node is not None
        detail.show_node(report, node, node.title)
        assert detail.show_uncertainty(paragraph)

    bar.reviewRequested.connect(review)
    bar.set_uncertainties(place_warnings(report, nodes))
    for _ in range(3):
        bar.review_next()
    assert detail.node is not None and detail.node.id == "s3"
    assert detail.verticalScrollBar().value() > 0
    cursor = detail.document().find("不确定：说话人不明")
    assert not cursor.isNull()
    assert detail.viewport().rect().contains(detail.cursorRect(cursor).center())
