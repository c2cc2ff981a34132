"""The outline filter (the proxy the tree shows): consistent for Qt's views while hit counts come and go, and
with "only matching sections" on it shows exactly the nodes with hits and their parents."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from outline_cases import REPORTS, hit_counts, outline_report, queries
from PySide6.QtCore import QAbstractItemModel, QModelIndex
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QTreeView
from pytestqt.qtbot import QtBot

from jcviewer.model.navigation import Node, node_path
from jcviewer.ui.outline_filter import OutlineFilter
from jcviewer.ui.outline_model import NODE_ID_ROLE, OutlineModel


def shown(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    """The node ids a one-column tree model shows, depth first."""
    parent = parent or QModelIndex()
    ids: list[str] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        ids += [index.data(NODE_ID_ROLE), *shown(model, index)]
    return ids


def with_hits(nodes: tuple[Node, ...], counts: dict[str, int]) -> list[str]:
    """The node ids that hold hits or have a descendant that does, depth first."""
    ids: list[str] = []
    for node in nodes:
        below = with_hits(node.children, counts)
        if counts.get(node.id, 0) > 0 or below:
            ids += [node.id, *below]
    return ids


def everything(nodes: tuple[Node, ...]) -> list[str]:
    return [node.id for top in nodes for node in top.walk()]


@pytest.mark.parametrize("name", REPORTS)
def test_filter_stays_consistent_while_hit_counts_change(qtmodeltester, qtbot: QtBot, name: str) -> None:
    """The Qt tester stays attached to the proxy, under an expanded tree with a current row (persistent indexes
    the proxy must keep right), while the counts of two searches come and go and "only matching" toggles; after
    each step the proxy shows what it should."""
    report, nodes = outline_report(name)
    model = OutlineModel(nodes)
    outline = OutlineFilter()
    outline.setSourceModel(model)
    qtmodeltester.check(outline)
    tree = QTreeView()
    qtbot.addWidget(tree)
    tree.setModel(outline)
    tree.expandAll()
    tree.setCurrentIndex(outline.index(outline.rowCount() - 1, 0))
    broad, narrow = (hit_counts(name, query) for query in queries(report))

    def count(counts: dict[str, int]) -> Callable[[], None]:
        def change() -> None:
            model.set_hit_counts(counts)
            outline.refilter()  # as the window does after new counts

        return change

    steps: list[tuple[str, Callable[[], None], list[str]]] = [
        ("counts", count(broad), everything(nodes)),
        ("only matching", lambda: outline.set_only_matching(True), with_hits(nodes, broad)),
        ("other counts", count(narrow), with_hits(nodes, narrow)),
        ("cleared while only matching", count({}), []),
        ("counts again", count(broad), with_hits(nodes, broad)),
        ("everything", lambda: outline.set_only_matching(False), everything(nodes)),
        ("cleared", count({}), everything(nodes)),
    ]
    for step, change, expected in steps:
        change()
        tree.expandAll()
        QAbstractItemModelTester(outline, QAbstractItemModelTester.FailureReportingMode.Warning)  # all checks again
        assert shown(outline) == expected, step


def test_only_matching_shows_a_deep_node_with_hits_under_its_parents() -> None:
    nodes = outline_report("bundled")[1]
    model = OutlineModel(nodes)
    outline = OutlineFilter()
    outline.setSourceModel(model)
    deepest = max((node_path(nodes, node.id) for top in nodes for node in top.walk()), key=len)
    assert len(deepest) >= 3
    model.set_hit_counts({deepest[-1].id: 1})  # only the deep node counts: its parents stay as the way to it
    outline.set_only_matching(True)
    assert shown(outline) == [node.id for node in deepest]
    assert outline.mapFromSource(model.index_of(deepest[-1].id)).isValid()
    outline.set_only_matching(False)
    assert shown(outline) == everything(nodes)


def test_a_new_report_under_the_filter_is_shown_by_the_same_rules(qtmodeltester, qtbot: QtBot) -> None:
    """Opening another report replaces the proxy's source (as the window does) with "only matching" on."""
    nodes = outline_report("bundled")[1]
    first = OutlineModel(nodes)
    outline = OutlineFilter()
    outline.setSourceModel(first)
    qtmodeltester.check(outline)
    first.set_hit_counts(hit_counts("bundled", queries(outline_report("bundled")[0])[0]))
    outline.set_only_matching(True)
    assert shown(outline)
    second = OutlineModel(nodes)
    outline.setSourceModel(second)
    assert shown(outline) == []  # no search on the new report yet
    outline.set_only_matching(False)
    assert shown(outline) == everything(nodes)
