"""The outline delegate: rows of headed sections take two lines, the sub-heading drawn muted under the heading;
rows the parser is unsure of carry a small amber mark at their right end."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem, QTreeView
from pytestqt.qtbot import QtBot

from jcviewer.app import Session
from jcviewer.model.navigation import build_outline, place_warnings
from jcviewer.model.report import Report
from jcviewer.ui.outline_delegate import MARK_COLOURS, OutlineDelegate
from jcviewer.ui.outline_model import SUBTITLE_ROLE, OutlineModel

MUTED, HIGHLIGHTED = QColor(255, 0, 0), QColor(0, 0, 255)


def tree_with_delegate(qtbot: QtBot, model: OutlineModel) -> tuple[QTreeView, OutlineDelegate]:
    tree = QTreeView()
    qtbot.addWidget(tree)
    palette = tree.palette()
    palette.setColor(QPalette.ColorRole.PlaceholderText, MUTED)
    palette.setColor(QPalette.ColorRole.HighlightedText, HIGHLIGHTED)
    tree.setPalette(palette)
    tree.setModel(model)
    delegate = OutlineDelegate(tree)
    tree.setItemDelegate(delegate)
    return tree, delegate


def option_for(tree: QTreeView, delegate: OutlineDelegate, index: QModelIndex) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.font = tree.font()
    option.palette = tree.palette()
    option.rect = QRect(0, 0, 400, delegate.sizeHint(option, index).height())
    return option


def subtitle_colours(tree: QTreeView, delegate: OutlineDelegate, index: QModelIndex) -> set[str]:
    """Which of the two marker colours the delegate uses in the lower half of the row it paints."""
    option = option_for(tree, delegate, index)
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    seen: set[str] = set()
    for y in range(image.height() // 2, image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.red() > colour.green() + 60 and colour.red() > colour.blue() + 60:
                seen.add("muted")
            elif colour.blue() > colour.green() + 60 and colour.blue() > colour.red() + 60:
                seen.add("highlighted")
    return seen


def test_a_row_with_a_sub_heading_is_a_line_taller(qtbot: QtBot, session: Session, bundled: Report) -> None:
    model = OutlineModel(build_outline(bundled))
    tree, delegate = tree_with_delegate(qtbot, model)
    headed, lead = model.index_of("s1"), model.index_of("lead")
    assert headed.data(SUBTITLE_ROLE) and not lead.data(SUBTITLE_ROLE)
    two_lines = delegate.sizeHint(option_for(tree, delegate, headed), headed).height()
    one_line = delegate.sizeHint(option_for(tree, delegate, lead), lead).height()
    assert one_line + tree.fontMetrics().height() * 0.7 < two_lines < 2.5 * one_line


def test_the_sub_heading_is_muted_and_follows_the_selection(qtbot: QtBot, session: Session, bundled: Report) -> None:
    model = OutlineModel(build_outline(bundled))
    tree, delegate = tree_with_delegate(qtbot, model)
    headed, lead = model.index_of("s1"), model.index_of("lead")
    assert subtitle_colours(tree, delegate, lead) == set()
    assert subtitle_colours(tree, delegate, headed) == {"muted"}
    tree.setCurrentIndex(headed)
    assert subtitle_colours(tree, delegate, headed) == {"highlighted"}


def mark_columns(tree: QTreeView, delegate: OutlineDelegate, index: QModelIndex, amber: QColor) -> list[int]:
    """The x positions where the delegate paints the ``amber`` of the warning mark in the row of ``index``."""
    option = option_for(tree, delegate, index)
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
    image.fill(option.palette.color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    return sorted(
        {
            x
            for y in range(image.height())
            for x in range(image.width())
            if abs(image.pixelColor(x, y).red() - amber.red()) < 8
            and abs(image.pixelColor(x, y).green() - amber.green()) < 8
            and abs(image.pixelColor(x, y).blue() - amber.blue()) < 8
        }
    )


def test_doubtful_rows_carry_an_amber_mark_at_their_right_end(qtbot: QtBot, session: Session, bundled: Report) -> None:
    nodes = build_outline(bundled)
    model = OutlineModel(nodes)
    tree, delegate = tree_with_delegate(qtbot, model)
    amber = QColor(MARK_COLOURS["light"])
    doubtful, sure = model.index_of("s2"), model.index_of("s1")
    assert mark_columns(tree, delegate, doubtful, amber) == []
    plain_width = delegate.sizeHint(option_for(tree, delegate, doubtful), doubtful).width()
    model.set_uncertainties(place_warnings(bundled, nodes))
    columns = mark_columns(tree, delegate, doubtful, amber)
    assert columns and min(columns) > 300 and max(columns) < 400  # at the right end of a 400-pixel row
    assert len(columns) < tree.fontMetrics().height()  # small: less than a line high
    assert mark_columns(tree, delegate, sure, amber) == []
    assert delegate.sizeHint(option_for(tree, delegate, doubtful), doubtful).width() > plain_width


def test_the_mark_follows_a_dark_palette(qtbot: QtBot, session: Session, bundled: Report) -> None:
    nodes = build_outline(bundled)
    model = OutlineModel(nodes)
    model.set_uncertainties(place_warnings(bundled, nodes))
    tree, delegate = tree_with_delegate(qtbot, model)
    palette = tree.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor(30, 30, 30))
    palette.setColor(QPalette.ColorRole.Text, QColor(220, 220, 220))
    tree.setPalette(palette)
    doubtful = model.index_of("s2")
    assert mark_columns(tree, delegate, doubtful, QColor(MARK_COLOURS["dark"]))
    assert mark_columns(tree, delegate, doubtful, QColor(MARK_COLOURS["light"])) == []
