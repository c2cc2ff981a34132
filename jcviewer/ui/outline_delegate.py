"""Paints headed sections in the outline as two lines: the heading in bold, the sub-heading smaller and muted;
marks the rows the parser is unsure of.

The model puts the heading at the top of the row (TextAlignmentRole) and makes it bold (FontRole); the default
painting draws it, and this delegate adds the sub-heading underneath. A row with uncertain readings
(WARNINGS_ROLE) gets a small amber mark at its right end, drawn as the row's decoration so the text is elided
before it; its colours follow the palette.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from jcviewer.ui.outline_model import SUBTITLE_ROLE, WARNINGS_ROLE

SUBTITLE_SCALE = 0.88
TEXT_MARGIN = 4  # where the default painting starts the text, right of the item's left edge
MARK_SCALE = 0.6  # the warning mark's diameter, in line heights
MARK_COLOURS = {"light": "#b36b00", "dark": "#f0b429"}  # amber that reads on a light or a dark base


def warning_mark(base: QColor, diameter: int, ratio: float) -> QIcon:
    """A filled amber dot, ``diameter`` pixels wide, with an exclamation mark cut out in the ``base`` colour."""
    pixmap = QPixmap(round(diameter * ratio), round(diameter * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(MARK_COLOURS["dark" if base.lightness() < 128 else "light"]))
    painter.drawEllipse(0, 0, diameter, diameter)
    painter.setBrush(base)
    stroke = max(1.0, diameter / 7)
    middle = diameter / 2
    painter.drawRect(QRectF(middle - stroke / 2, diameter * 0.2, stroke, diameter * 0.4))
    painter.drawRect(QRectF(middle - stroke / 2, diameter * 0.68, stroke, stroke))
    painter.end()
    return QIcon(pixmap)


class OutlineDelegate(QStyledItemDelegate):
    """Default painting, plus a muted second line for rows that have a sub-heading and a mark for doubtful rows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._marks: dict[tuple[int, int, float], QIcon] = {}  # by base colour, diameter, pixel ratio

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if index.data(WARNINGS_ROLE):
            diameter = round(QFontMetrics(option.font).height() * MARK_SCALE)
            view = self.parent()
            ratio = view.devicePixelRatioF() if isinstance(view, QAbstractItemView) else 1.0
            base = option.palette.color(QPalette.ColorRole.Base)
            key = (base.rgba(), diameter, ratio)
            if key not in self._marks:
                self._marks[key] = warning_mark(base, diameter, ratio)
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
            option.icon = self._marks[key]
            option.decorationSize = QSize(diameter, diameter)
            option.decorationPosition = QStyleOptionViewItem.Position.Right

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
