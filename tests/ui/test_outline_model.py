"""The outline's QAbstractItemModel: consistent for Qt's views, labelled in the UI language."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from outline_cases import REPORTS, hit_counts, outline_report, queries
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from jcviewer.app import Session
from jcviewer.model.navigation import build_outline, place_warnings
from jcviewer.model.parse import parse_text
from jcviewer.model.report import ParseWarning, Report
from jcviewer.ui.outline_filter import OutlineFilter
from jcviewer.ui.outline_model import NODE_ID_ROLE, SUBTITLE_ROLE, WARNINGS_ROLE, OutlineModel


def rows(model: OutlineModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def test_model_passes_qt_model_tester(qtmodeltester, bundled: Report) -> None:
    qtmodeltester.check(OutlineModel(build_outline(bundled)), force_py=True)


def all_indexes(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[QModelIndex]:
    """Every index of a one-column tree, depth first."""
    parent = parent or QModelIndex()
    found: list[QModelIndex] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        found += [index, *all_indexes(model, index)]
    return found


class ChangeRecorder:
    """The dataChanged ranges a model emits, to check that every row whose text changed was announced."""

    def __init__(self, model: QAbstractItemModel) -> None:
        self.ranges: list[tuple[QPersistentModelIndex, QPersistentModelIndex, list[int]]] = []
        model.dataChanged.connect(self._record)

    def clear(self) -> None:
        self.ranges.clear()

    def _record(self, first: QModelIndex, last: QModelIndex, roles: list[int]) -> None:
        self.ranges.append((QPersistentModelIndex(first), QPersistentModelIndex(last), list(roles)))

    def announced(self, index: QModelIndex, role: int) -> bool:
        return any(
            first.parent() == index.parent()
            and first.row() <= index.row() <= last.row()
            and (not roles or role in roles)
            for first, last, roles in self.ranges
        )


@pytest.mark.parametrize("name", REPORTS)
def test_model_stays_consistent_while_hit_counts_change(qtmodeltester, name: str) -> None:
    """The Qt tester stays attached while the counts of two searches come and go and the filter toggles; every
    row whose text changes is announced with dataChanged for its display text."""
    report, nodes = outline_report(name)
    model = OutlineModel(nodes)
    qtmodeltester.check(model)
    outline = OutlineFilter()
    outline.setSourceModel(model)
    broad, narrow = (hit_counts(name, query) for query in queries(report))
    assert broad and narrow
    steps: list[tuple[str, Callable[[], None], dict[str, int]]] = [
        ("counts", lambda: model.set_hit_counts(broad), broad),
        ("only matching", lambda: outline.set_only_matching(True), broad),
        ("other counts", lambda: model.set_hit_counts(narrow), narrow),
        ("everything", lambda: outline.set_only_matching(False), narrow),
        ("cleared", lambda: model.set_hit_counts({}), {}),
    ]
    uncounted = OutlineModel(nodes)
    plain = {index.data(NODE_ID_ROLE): index.data() for index in all_indexes(uncounted)}
    recorder = ChangeRecorder(model)
    for step, change, counts in steps:
        before = {index.data(NODE_ID_ROLE): index.data() for index in all_indexes(model)}
        recorder.clear()
        change()
        outline.refilter()  # as the window does after new counts
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)  # all checks again
        for index in all_indexes(model):
            node_id = index.data(NODE_ID_ROLE)
            assert model.hit_count(node_id) == counts.get(node_id, 0), (step, node_id)
            text = index.data()
            if node_id in counts:
                assert text.startswith(plain[node_id]) and str(counts[node_id]) in text[len(plain[node_id]) :], step
            else:
                assert text == plain[node_id], step
            if text != before[node_id]:
                assert recorder.announced(index, Qt.ItemDataRole.DisplayRole), (step, node_id)


def test_rows_are_labelled_in_chinese(session: Session, bundled: Report) -> None:
    model = OutlineModel(build_outline(bundled))
    assert rows(model) == [
        "导语",
        "稳字当头 稳中求进",
        "锚定目标 加压奋进",
        "展望未来 信心百倍",
        "图片说明",
        "版面横幅（其他文章）",
    ]
    s2 = model.index_of("s2")
    assert s2.data(SUBTITLE_ROLE) == "“敲定”全年经济工作总思路"
    assert rows(model, s2) == [
        "实现了经济社会的平稳发展（6 项）",
        "交城县将重点抓好以下九个方面工作（9 项）",
        "要突出……（5 项）",
        "2024年主要目标（8 项）",
    ]
    assert rows(model, model.index_of("s3")) == ["代表发言（5 人）"]
    assert rows(model, model.index_of("s3.quotes"))[0] == "安志远（交城县工业和信息化局党组书记）"
    assert model.index_of("p5.list.9").data(NODE_ID_ROLE) == "p5.list.9"
    assert not model.index_of("no-such-node").isValid()


def test_tooltips_give_the_first_sentence_as_plain_text(session: Session, bundled: Report) -> None:
    model = OutlineModel(build_outline(bundled))
    tip = model.index_of("s1").data(Qt.ItemDataRole.ToolTipRole)
    assert "稳字当头 稳中求进 —— 在高质量发展路上坚定前行" in tip
    assert "一月的交城，满眼生机勃勃之景，处处踔厉奋发之势。" in tip
    hostile = parse_text("会议指出，<b>加粗</b>与<img src=x>都只是文字。\n", source="x.txt")
    hostile_model = OutlineModel(build_outline(hostile))  # kept alive: an index does not own its model
    tip = hostile_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tip and "<img" not in tip and "&lt;b&gt;" in tip


@pytest.mark.parametrize("name", REPORTS)
def test_model_stays_consistent_while_uncertain_readings_are_marked_and_cleared(qtmodeltester, name: str) -> None:
    """The parser's doubts are counted on the nodes they are placed on, and every row whose count changes is
    announced, for the mark and its tooltip."""
    report, nodes = outline_report(name)
    model = OutlineModel(nodes)
    qtmodeltester.check(model)
    places = place_warnings(report, nodes)
    recorder = ChangeRecorder(model)
    for step in (places, places[1:], ()):
        before = {index.data(NODE_ID_ROLE): index.data(WARNINGS_ROLE) for index in all_indexes(model)}
        recorder.clear()
        model.set_uncertainties(step)
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
        for index in all_indexes(model):
            node_id = index.data(NODE_ID_ROLE)
            expected = sum(1 for place in step if place.node == node_id)
            assert index.data(WARNINGS_ROLE) == model.warning_count(node_id) == expected, (node_id, step)
            if expected != before[node_id]:
                assert recorder.announced(index, WARNINGS_ROLE), node_id
                assert recorder.announced(index, Qt.ItemDataRole.ToolTipRole), node_id
    assert sum(model.warning_count(n.id) for top in nodes for n in top.walk()) == 0


def test_the_reasons_are_in_the_tooltip_as_plain_text(session: Session, bundled: Report) -> None:
    nodes = build_outline(bundled)
    model = OutlineModel(nodes)
    model.set_uncertainties(place_warnings(bundled, nodes))
    assert model.index_of("s2").data(WARNINGS_ROLE) == 1 and model.index_of("s1").data(WARNINGS_ROLE) == 0
    tip = model.index_of("s2").data(Qt.ItemDataRole.ToolTipRole)
    assert "不确定：“锚定目标 加压奋进” placed over p3–p6" in tip
    assert "不确定" not in model.index_of("s1").data(Qt.ItemDataRole.ToolTipRole)
    hostile = dataclasses.replace(bundled, warnings=(ParseWarning("heading_placement", "<b>x</b><img src=y>", "p3"),))
    model.set_uncertainties(place_warnings(hostile, nodes))
    tip = model.index_of("s2").data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tip and "<img" not in tip and "&lt;b&gt;x&lt;/b&gt;" in tip
    assert model.index_of("s2").data() == "锚定目标 加压奋进"  # the row text stays as it was
