"""Measuring what a chart draws, on its rendered pixels."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QImage, QPalette

from jcviewer.ui.charts import MARK_HALF_HEIGHT, BarChart

GREY_STEP = 30  # lightness steps (of 255) that tell two greys apart on paper


def frame_step(chart: BarChart, image: QImage, row: int) -> int:
    """How far in lightness the line where a marked row's frame runs is from the background, at its middle."""
    view = chart.getPlotItem().vb
    middle = view.viewRange()[0][1] / 2
    point = chart.mapFromScene(view.mapViewToScene(QPointF(middle, row - MARK_HALF_HEIGHT)))
    background = chart.palette().color(QPalette.ColorRole.Base).lightness()
    return max(abs(image.pixelColor(point + QPoint(0, dy)).lightness() - background) for dy in range(-3, 4))
