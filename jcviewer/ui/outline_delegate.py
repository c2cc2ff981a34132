"""Paints headed sections in the outline as two lines: the heading in bold, the sub-heading smaller and muted.

The model puts the heading at the top of the row (TextAlignmentRole) and makes it bold (FontRole); the default
painting draws it, and this delegate adds the sub-heading underneath.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from jcviewer.ui.outline_model import SUBTITLE_ROLE

SUBTITLE_SCALE = 0.88
TEXT_MARGIN = 4  # where the default painting starts the text, right of the item's left edge


class OutlineDelegate(QStyledItemDelegate):
    """Default painting, plus a muted second line for rows that have a sub-heading."""

    @staticmethod
    def _subtitle_font(option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setPointSizeF(font.pointSizeF() * SUBTITLE_SCALE)
        return font

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        if index.data(SUBTITLE_ROLE):
            size.setHeight(size.height() + QFontMetrics(self._subtitle_font(option)).height() + 2)
        return size

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        subtitle = index.data(SUBTITLE_ROLE)
        if not subtitle:
            return
        font = self._subtitle_font(option)
        metrics = QFontMetrics(font)
        rect = QRect(
            option.rect.left() + TEXT_MARGIN,
            option.rect.bottom() - metrics.height() - 1,
            option.rect.width() - 2 * TEXT_MARGIN,
            metrics.height(),
        )
        view = self.parent()
        # asking the view, not option.state: QStyle's Python enums cost milliseconds at start-up
        selected = isinstance(view, QAbstractItemView) and view.selectionModel().isSelected(index)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        painter.save()
        painter.setFont(font)
        painter.setPen(option.palette.color(role))
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(subtitle, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()
